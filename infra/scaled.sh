#!/usr/bin/env bash
# The system as it runs beyond one machine, on this one: a three-node RabbitMQ cluster with quorum queues, PostgreSQL
# with one database per service, two instances of each service, and a reverse proxy (tools/Requests.Proxy) in front of
# each kind on the usual ports, which stops sending to an instance that fails its readiness check. Run it as
# ./run.sh --scaled; the instances listen on REQUESTS_SCALED_BASE+61..68 (see infra/lib.sh), state lives under .run/.
#   ./run.sh --scaled                     start everything, print where each part listens, follow the logs; Ctrl-C stops it
#   ./run.sh --scaled --detach            start everything and return
#   ./run.sh --scaled stop                stop the instances, the proxy, the cluster, PostgreSQL and maildev
#   ./run.sh --scaled kill KIND N         kill -9 instance N (1 or 2) of intake, routing, reporting or staff, or the proxy
#   ./run.sh --scaled start-instance KIND N   start it again and wait until it is ready (KIND proxy: no N)
# Settings given in the environment (e.g. Intake__RateLimits__SubmissionsPerMinute) reach every instance.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source infra/lib.sh

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/scaled"
KEYS_DIR="$RUN_DIR/keys"
READY_TIMEOUT="${REQUESTS_SERVICE_READY_TIMEOUT:-180}"
KINDS=(intake routing reporting staff)
SECRETS_FILE="$RUN_DIR/secrets.env"

project_of() { echo "Requests.${1^}"; } # intake -> Requests.Intake

instance_port() {
  local i
  for i in "${!KINDS[@]}"; do
    [[ "${KINDS[$i]}" == "$1" ]] && { echo $((SCALED_BASE + 61 + 2 * i + $2 - 1)); return 0; }
  done
  die "no kind '$1' (intake, routing, reporting, staff)"
}

proxy_port() { service_port "$(project_of "$1")"; }

database() { echo "Host=127.0.0.1;Port=$POSTGRES_PORT;Username=postgres;Database=scaled_$1"; }

secrets() {
  printf 'Routing__Admin__UserName=admin\nRouting__Admin__Password=%s\n' "$(new_secret)" | write_private "$SECRETS_FILE"
  cat "$SECRETS_FILE"
}

# The settings of instance N of a kind, as NAME=VALUE lines. Every instance of a kind gets the same keys' files.
instance_env() {
  local kind="$1" n="$2" nodes
  # each instance lists the nodes from a different one, so that the connections spread over the cluster
  nodes="$(rotated_nodes $(((n + $(kind_index "$kind")) % 3)))"
  cat <<EOF
ASPNETCORE_URLS=http://127.0.0.1:$(instance_port "$kind" "$n")
ForwardedHeaders__KnownProxies__0=127.0.0.1
Smtp__Host=127.0.0.1
Smtp__Port=$MAILDEV_SMTP_PORT
EOF
  if [[ "$kind" != staff ]]; then
    cat <<EOF
Database__Provider=postgres
ConnectionStrings__Database=$(database "$kind")
RabbitMq__Nodes=$nodes
RabbitMq__QuorumQueues=true
RabbitMq__VirtualHost=/
RabbitMq__Username=guest
RabbitMq__Password=guest
RabbitMq__ManagementUrl=http://127.0.0.1:$(cluster_management_port 1)/
EOF
  fi
  case "$kind" in
    intake)
      echo "DataProtection__KeysPath=$KEYS_DIR"
      echo "Intake__AccessCodeKeyFile=$KEYS_DIR/intake-access-code.key"
      echo "DOTNET_GCgen0size=0x4000000"
      ;;
    routing) echo "Auth__SigningKeyFile=$RUN_DIR/data/routing-signing-key.pem" ;;
    staff)
      echo "DataProtection__KeysPath=$KEYS_DIR/staff"
      echo "Services__Intake=http://127.0.0.1:$INTAKE_PORT"
      echo "Services__Routing=http://127.0.0.1:$ROUTING_PORT"
      echo "Services__Reporting=http://127.0.0.1:$REPORTING_PORT"
      ;;
  esac
  [[ "$kind" == routing ]] || echo "Auth__Authority=http://127.0.0.1:$ROUTING_PORT"
  secrets
}

kind_index() {
  local i
  for i in "${!KINDS[@]}"; do [[ "${KINDS[$i]}" == "$1" ]] && echo "$i"; done
}

rotated_nodes() {
  local first="$1" i out=""
  for i in 0 1 2; do out+="${out:+,}127.0.0.1:$(cluster_amqp_port $(((first + i) % 3 + 1)))"; done
  echo "$out"
}

dll_of() {
  local dll
  dll="$(ls "$1/bin/Release/"*/"$(basename "$1").dll" 2>/dev/null | head -n1 || true)"
  [[ -n "$dll" ]] || die "$1/bin/Release/*/$(basename "$1").dll not found after the build"
  realpath "$dll"
}

start_instance() {
  local kind="$1" n="$2" project port
  project="$(project_of "$kind")"
  port="$(instance_port "$kind" "$n")"
  require_port_free "$port" "$kind $n"
  local -a envs=()
  mapfile -t envs < <(instance_env "$kind" "$n")
  spawn_daemon "$PID_DIR/$kind-$n.pid" "$LOG_DIR/$kind-$n.log" \
    env -C "services/$project" "${envs[@]}" dotnet "$(dll_of "services/$project")"
  info "started $kind $n (pid $(cat "$PID_DIR/$kind-$n.pid")) on http://127.0.0.1:$port"
}

wait_instance() {
  local kind="$1" n="$2" port t0=$EPOCHREALTIME
  port="$(instance_port "$kind" "$n")"
  wait_until --pid "$(cat "$PID_DIR/$kind-$n.pid")" --log "$LOG_DIR/$kind-$n.log" "$READY_TIMEOUT" \
    "$kind $n http://127.0.0.1:$port/health/ready" http_ok "http://127.0.0.1:$port/health/ready"
  info "$kind $n ready ($(elapsed_since "$t0"))"
}

kill_instance() {
  local pid
  if pid="$(pid_from_file "$PID_DIR/$1-$2.pid")"; then
    kill -KILL "$pid"
    stop_pid "$pid" 5 "$1 $2" || true
    info "killed $1 $2 (pid $pid)"
  fi
}

start_proxy() {
  require_port_free "$INTAKE_PORT" "the proxy"
  local -a envs=() kind
  for kind in "${KINDS[@]}"; do
    envs+=("Proxy__${kind}__Listen=http://127.0.0.1:$(proxy_port "$kind")")
    envs+=("Proxy__${kind}__Instances=http://127.0.0.1:$(instance_port "$kind" 1),http://127.0.0.1:$(instance_port "$kind" 2)")
  done
  # intake's filings honour an Idempotency-Key: the proxy may send them again to the other instance
  envs+=("Proxy__intake__KeyedPosts=/api/requests,/api/complaints,/api/staff/requests,/api/staff/complaints")
  spawn_daemon "$PID_DIR/proxy.pid" "$LOG_DIR/proxy.log" env "${envs[@]}" dotnet "$(dll_of tools/Requests.Proxy)"
  wait_until --pid "$(cat "$PID_DIR/proxy.pid")" --log "$LOG_DIR/proxy.log" 60 "the proxy" port_open "$INTAKE_PORT"
  info "proxy ready (pid $(cat "$PID_DIR/proxy.pid"))"
}

stop_all() {
  local kind n pid
  for kind in "${KINDS[@]}"; do
    for n in 1 2; do
      if pid="$(pid_from_file "$PID_DIR/$kind-$n.pid")"; then stop_pid "$pid" 15 "$kind $n" || true; fi
      rm -f "$PID_DIR/$kind-$n.pid"
    done
  done
  if pid="$(pid_from_file "$PID_DIR/proxy.pid")"; then stop_pid "$pid" 10 proxy || true; fi
  rm -f "$PID_DIR/proxy.pid"
  info "stopped the instances and the proxy"
}

create_databases() {
  local kind psql=(/usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres -qtA)
  for kind in intake routing reporting; do
    if [[ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'scaled_$kind'")" != 1 ]]; then
      "${psql[@]}" -c "CREATE DATABASE scaled_$kind" >/dev/null
      info "created the database scaled_$kind"
    fi
  done
}

print_endpoints() {
  local kind
  echo
  echo "The scaled system is running:"
  for kind in "${KINDS[@]}"; do
    printf '  %-10s http://127.0.0.1:%s/  (proxy) -> instances http://127.0.0.1:%s/ and http://127.0.0.1:%s/  (logs .run/logs/%s-1.log, -2.log)\n' \
      "$kind" "$(proxy_port "$kind")" "$(instance_port "$kind" 1)" "$(instance_port "$kind" 2)" "$kind"
  done
  local n
  for n in 1 2 3; do
    echo "  RabbitMQ $n amqp://guest:guest@127.0.0.1:$(cluster_amqp_port "$n")/  management http://127.0.0.1:$(cluster_management_port "$n")/ (guest/guest)"
  done
  echo "  PostgreSQL Host=127.0.0.1;Port=$POSTGRES_PORT;Username=postgres  databases scaled_intake, scaled_routing, scaled_reporting"
  echo "  SMTP       127.0.0.1:$MAILDEV_SMTP_PORT   inbox http://127.0.0.1:$MAILDEV_WEB_PORT/"
  echo "  Staff      sign in at http://127.0.0.1:$STAFF_PORT/ (user admin; the password is in $SECRETS_FILE)"
  echo
}

mkdir -p "$LOG_DIR" "$PID_DIR" "$KEYS_DIR" "$RUN_DIR/data"
case "${1:-}" in
  stop)
    stop_all
    infra/maildev.sh stop
    infra/postgres.sh stop
    infra/rabbitmq-cluster.sh stop
    exit 0
    ;;
  kill)
    if [[ "${2:-}" == proxy ]]; then kill -KILL "$(pid_from_file "$PID_DIR/proxy.pid")"; exit 0; fi
    kill_instance "${2:?kind}" "${3:?instance}"
    exit 0
    ;;
  start-instance)
    if [[ "${2:-}" == proxy ]]; then start_proxy; exit 0; fi
    pid_from_file "$PID_DIR/${2:?kind}-${3:?instance}.pid" >/dev/null && die "$2 $3 is running"
    start_instance "$2" "$3"
    wait_instance "$2" "$3"
    exit 0
    ;;
  "" | --detach | -d) ;;
  *) die "unknown argument '$1' (usage: ./run.sh --scaled [--detach|stop|kill KIND N|start-instance KIND N])" ;;
esac
detach=0
[[ -z "${1:-}" ]] || detach=1

command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is required: https://dot.net"
handed_off=0 tail_pid=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  ((handed_off)) && exit "$rc"
  [[ -n "$tail_pid" ]] && kill "$tail_pid" 2>/dev/null
  echo >&2
  info "stopping"
  stop_all
  infra/maildev.sh stop || true
  infra/postgres.sh stop || true
  infra/rabbitmq-cluster.sh stop || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A previous detached run's instances would hold their ports: replace them with this build.
stop_all
infra/rabbitmq-cluster.sh start >/dev/null
infra/postgres.sh start
infra/maildev.sh start
create_databases

info "building the services and the proxy (Release)"
for project in services/Requests.{Intake,Routing,Reporting,Staff} tools/Requests.Proxy; do
  dotnet build "$project" -c Release -nologo -v:quiet "-clp:ErrorsOnly;NoSummary" || die "the build of $project failed"
done

start_proxy
# First one instance of each (each migrates its database; routing last, as ./run.sh does), then the second ones.
for n in 1 2; do
  for kind in intake reporting staff; do start_instance "$kind" "$n"; done
  for kind in intake reporting staff; do wait_instance "$kind" "$n"; done
  start_instance routing "$n"
  wait_instance routing "$n"
done

print_endpoints

if ((detach)); then
  handed_off=1
  echo "Stop everything with: ./run.sh --scaled stop"
  exit 0
fi

echo "Following the logs; press Ctrl-C to stop everything started here."
logs=("$LOG_DIR/proxy.log")
for kind in "${KINDS[@]}"; do logs+=("$LOG_DIR/$kind-1.log" "$LOG_DIR/$kind-2.log"); done
tail -n 0 -F "${logs[@]}" &
tail_pid=$!
# An instance that dies is told, not fatal: the other one serves (start it again with start-instance).
while :; do
  pid_from_file "$PID_DIR/proxy.pid" >/dev/null || { info "the proxy exited (see .run/logs/proxy.log)"; exit 1; }
  sleep 1
done
