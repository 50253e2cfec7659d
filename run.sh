#!/usr/bin/env bash
# Install what is missing and run the whole system on its embedded default: a local RabbitMQ node, an SMTP inbox
# (maildev), the services with one SQLite file each. Everything listens on 127.0.0.1; state lives under .run/.
#   ./run.sh            start everything, print where each part listens, follow the logs; Ctrl-C stops what it started
#   ./run.sh --detach   start everything and return (stop later with ./run.sh stop)
#   ./run.sh stop       stop the services, maildev and RabbitMQ
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source infra/lib.sh

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

LOG_DIR="$RUN_DIR/logs"
DATA_DIR="$RUN_DIR/data"
SVC_PID_DIR="$RUN_DIR/services"
READY_TIMEOUT="${REQUESTS_SERVICE_READY_TIMEOUT:-120}"

# The first administrator's password, made once per machine and kept under .run/ (never committed). The administrator
# signs in to routing (POST /api/auth/login) and creates the officers' accounts (POST /api/accounts).
SECRETS_FILE="$RUN_DIR/secrets.env"
secrets() {
  printf 'Routing__Admin__UserName=admin\nRouting__Admin__Password=%s\n' "$(new_secret)" | write_private "$SECRETS_FILE"
  cat "$SECRETS_FILE"
}

short_name() { local s="${1#Requests.}"; echo "${s,,}"; } # Requests.Intake -> intake

# The settings every service gets, as NAME=VALUE lines (add new shared settings here).
service_env() {
  local svc="$1" name
  name="$(short_name "$svc")"
  cat <<EOF
ASPNETCORE_URLS=http://127.0.0.1:$(service_port "$svc")
ConnectionStrings__Database=Data Source=$DATA_DIR/$name.db
RabbitMq__Host=127.0.0.1
RabbitMq__Port=$RABBITMQ_AMQP_PORT
RabbitMq__VirtualHost=/
RabbitMq__Username=guest
RabbitMq__Password=guest
RabbitMq__ManagementUrl=http://127.0.0.1:$RABBITMQ_MANAGEMENT_PORT/
Smtp__Host=127.0.0.1
Smtp__Port=$MAILDEV_SMTP_PORT
EOF
  # routing signs staff tokens with a key of its own; the others check them with the public key it publishes
  if [[ "$svc" == Requests.Routing ]]; then echo "Auth__SigningKeyFile=$DATA_DIR/routing-signing-key.pem"
  else echo "Auth__Authority=http://127.0.0.1:$ROUTING_PORT"; fi
  # the staff pages (on this machine) pass on each person's address, by which routing slows password guesses
  [[ "$svc" != Requests.Routing ]] || echo "ForwardedHeaders__KnownProxies__0=127.0.0.1"
  # the staff pages call the services at their addresses; on plain HTTP (loopback) the session cookie cannot be Secure
  if [[ "$svc" == Requests.Staff ]]; then
    echo "Services__Intake=http://127.0.0.1:$INTAKE_PORT"
    echo "Services__Routing=http://127.0.0.1:$ROUTING_PORT"
    echo "Services__Reporting=http://127.0.0.1:$REPORTING_PORT"
  fi
  # intake publishes each body's figures as reporting computes them
  [[ "$svc" != Requests.Intake ]] || echo "Services__Reporting=http://127.0.0.1:$REPORTING_PORT"
  # intake's key ring, which wraps the keys sealing the access codes
  [[ "$svc" != Requests.Intake ]] || echo "DataProtection__KeysPath=$RUN_DIR/keys"
  # intake's secret for the access codes' keyed hashes
  [[ "$svc" != Requests.Intake ]] || echo "Intake__AccessCodeKeyFile=$RUN_DIR/keys/intake-access-code.key"
  # intake's gen0 budget: 64 MiB a heap (see Requests.Intake.csproj)
  [[ "$svc" != Requests.Intake ]] || echo "DOTNET_GCgen0size=0x4000000"
  secrets
}

present_services() {
  local svc
  for svc in "${SERVICES[@]}"; do
    [[ -d "services/$svc" ]] && echo "$svc"
  done
  return 0
}

stop_services() {
  local svc pid
  for svc in "${SERVICES[@]}"; do
    if pid="$(pid_from_file "$SVC_PID_DIR/$svc.pid")"; then
      stop_pid "$pid" 15 "$svc" || true
      info "stopped $svc (pid $pid)"
    fi
    rm -f "$SVC_PID_DIR/$svc.pid"
  done
}

start_service() {
  local svc="$1" port dll name pid
  port="$(service_port "$svc")"
  name="$(short_name "$svc")"
  dll="$(ls "services/$svc/bin/Release/"*/"$svc.dll" 2>/dev/null | head -n1 || true)"
  [[ -n "$dll" ]] || die "services/$svc/bin/Release/*/$svc.dll not found after the build"
  require_port_free "$port" "$svc"
  local -a envs=()
  mapfile -t envs < <(service_env "$svc")
  : >"$LOG_DIR/$name.log"
  # Run from the project folder (as `dotnet run` does) so the content root holds its appsettings and data files.
  spawn_daemon "$SVC_PID_DIR/$svc.pid" "$LOG_DIR/$name.log" \
    env -C "services/$svc" "${envs[@]}" dotnet "$(realpath "$dll")"
  pid="$(cat "$SVC_PID_DIR/$svc.pid")"
  info "started $svc (pid $pid), waiting for http://127.0.0.1:$port/health/ready"
}

wait_service() {
  local svc="$1" port pid t0=$EPOCHREALTIME
  port="$(service_port "$svc")"
  pid="$(cat "$SVC_PID_DIR/$svc.pid")"
  wait_until --pid "$pid" --log "$LOG_DIR/$(short_name "$svc").log" "$READY_TIMEOUT" \
    "$svc http://127.0.0.1:$port/health/ready" http_ok "http://127.0.0.1:$port/health/ready"
  info "$svc ready ($(elapsed_since "$t0"))"
}

print_endpoints() {
  local svc name
  echo
  echo "The system is running:"
  for svc in "$@"; do
    name="$(short_name "$svc")"
    if [[ "$svc" == Requests.Staff ]]; then
      printf '  %-11s http://127.0.0.1:%s/   (log .run/logs/%s.log, no database: it calls the others)\n' "${svc#Requests.}" "$(service_port "$svc")" "$name"
    else
      printf '  %-11s http://127.0.0.1:%s/   (log .run/logs/%s.log, database .run/data/%s.db)\n' \
        "${svc#Requests.}" "$(service_port "$svc")" "$name" "$name"
    fi
  done
  echo "  RabbitMQ    amqp://guest:guest@127.0.0.1:$RABBITMQ_AMQP_PORT/   management http://127.0.0.1:$RABBITMQ_MANAGEMENT_PORT/ (guest/guest)"
  echo "  SMTP        127.0.0.1:$MAILDEV_SMTP_PORT   inbox http://127.0.0.1:$MAILDEV_WEB_PORT/"
  echo "  Citizens    the page at http://127.0.0.1:$(service_port Requests.Intake)/ (file a request or a complaint, follow a case)"
  echo "  Staff       sign in at http://127.0.0.1:$(service_port Requests.Staff)/ (user admin; the password is in $SECRETS_FILE)"
  echo
}

# ---- stop ------------------------------------------------------------------------------------------------------------
if [[ "${1:-}" == stop ]]; then
  stop_services
  infra/maildev.sh stop
  infra/rabbitmq.sh stop
  exit 0
fi

detach=0
case "${1:-}" in
  "") ;;
  --detach | -d) detach=1 ;;
  -h | --help)
    sed -n '2,6p' "$0"
    exit 0
    ;;
  *) die "unknown argument '$1' (usage: ./run.sh [--detach|stop])" ;;
esac

# ---- start -----------------------------------------------------------------------------------------------------------
command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is required: https://dot.net"
mkdir -p "$LOG_DIR" "$DATA_DIR" "$SVC_PID_DIR"

started_rabbitmq=0 started_maildev=0 handed_off=0 tail_pid=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  ((handed_off)) && exit "$rc"
  [[ -n "$tail_pid" ]] && kill "$tail_pid" 2>/dev/null
  echo >&2
  info "stopping"
  stop_services
  if ((started_maildev)); then infra/maildev.sh stop || true; fi
  if ((started_rabbitmq)); then infra/rabbitmq.sh stop || true; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

component_running rabbitmq || started_rabbitmq=1
infra/rabbitmq.sh start
component_running maildev || started_maildev=1
infra/maildev.sh start

# A previous detached run's services would hold their ports and their files: replace them with this build.
stop_services

info "building Requests.sln (Release)"
dotnet build Requests.sln -c Release -nologo -v:quiet "-clp:ErrorsOnly;NoSummary" || die "the build failed"

mapfile -t services < <(present_services)
[[ ${#services[@]} -gt 0 ]] || die "no service project found under services/"
# Routing publishes the directory as it starts: the others must be ready (their queues bound) before it starts.
for svc in "${services[@]}"; do [[ "$svc" == Requests.Routing ]] || start_service "$svc"; done
for svc in "${services[@]}"; do [[ "$svc" == Requests.Routing ]] || wait_service "$svc"; done
for svc in "${services[@]}"; do [[ "$svc" != Requests.Routing ]] || { start_service "$svc"; wait_service "$svc"; }; done

print_endpoints "${services[@]}"

if ((detach)); then
  handed_off=1
  echo "Stop everything with: ./run.sh stop"
  exit 0
fi

echo "Following the logs; press Ctrl-C to stop everything started here."
logs=()
for svc in "${services[@]}"; do logs+=("$LOG_DIR/$(short_name "$svc").log"); done
tail -n +1 -F "${logs[@]}" &
tail_pid=$!
# Return when a service dies, so that its failure is not hidden behind a quiet log.
while :; do
  for svc in "${services[@]}"; do
    if ! pid_from_file "$SVC_PID_DIR/$svc.pid" >/dev/null; then
      info "$svc exited (see .run/logs/$(short_name "$svc").log)"
      exit 1
    fi
  done
  sleep 1
done
