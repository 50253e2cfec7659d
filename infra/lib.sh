# shellcheck shell=bash disable=SC2034 # the port variables are used by the scripts that source this file
# Shared helpers for the infra scripts: paths, fixed loopback ports, installs, process and readiness helpers.
# Source it from a script that runs with `set -euo pipefail`.

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$INFRA_DIR/.." && pwd)"
RUN_DIR="${REQUESTS_RUN_DIR:-$REPO_ROOT/.run}"
export INFRA_DIR REPO_ROOT RUN_DIR

# What the scripts create under .run/ (databases, keys, secrets, logs) is its owner's alone: files 600, folders 700.
# .run itself is 711: only its owner lists it, and PostgreSQL's user (which owns .run/postgres) can reach its folder.
umask 077
if [[ "$(stat -c %a "$RUN_DIR" 2>/dev/null)" != 711 ]]; then
  mkdir -p "$RUN_DIR"
  chmod -R go-rwx "$RUN_DIR"
  chmod 711 "$RUN_DIR"
fi

# new_secret: 32 random letters and digits (safe in a connection string, a URL or an .env file).
new_secret() {
  local secret
  secret="$(head -c 512 /dev/urandom | tr -dc 'A-Za-z0-9')"
  printf '%s' "${secret:0:32}"
}

# write_private FILE: writes stdin to FILE, readable by its owner only from its first byte (never chmod after), unless
# FILE exists already; a whole file or none (written aside, then moved into place).
write_private() {
  local file="$1" tmp
  if [[ -e "$file" ]]; then
    cat >/dev/null
    return 0
  fi
  tmp="$(umask 077 && mktemp "$file.XXXXXX")"
  (umask 077 && cat >"$tmp")
  mv -n "$tmp" "$file"
  rm -f "$tmp"
}

# ---- fixed ports (all on 127.0.0.1), each overridable from the environment -------------------------------------
RABBITMQ_AMQP_PORT="${REQUESTS_RABBITMQ_PORT:-5682}"
RABBITMQ_MANAGEMENT_PORT="${REQUESTS_RABBITMQ_MANAGEMENT_PORT:-15682}"
RABBITMQ_DIST_PORT_NUMBER="${REQUESTS_RABBITMQ_DIST_PORT:-25682}"
RABBITMQ_EPMD_PORT="${REQUESTS_EPMD_PORT:-4379}"
MAILDEV_SMTP_PORT="${REQUESTS_SMTP_PORT:-1025}"
MAILDEV_WEB_PORT="${REQUESTS_MAILDEV_WEB_PORT:-1080}"
POSTGRES_PORT="${REQUESTS_POSTGRES_PORT:-5442}"
INTAKE_PORT="${REQUESTS_INTAKE_PORT:-5080}"
ROUTING_PORT="${REQUESTS_ROUTING_PORT:-5081}"
REPORTING_PORT="${REQUESTS_REPORTING_PORT:-5082}"
STAFF_PORT="${REQUESTS_STAFF_PORT:-5083}"

# The scaled deployment (infra/rabbitmq-cluster.sh, ./run.sh --scaled) takes its extra ports from one base:
# base+1..3 the cluster's AMQP ports, base+11..13 management, base+21..23 distribution, base+30 the nodes' shared epmd,
# base+40..59 the CLI tools, base+61..68 the services' instances (two of each kind, behind the proxy on the ports above).
SCALED_BASE="${REQUESTS_SCALED_BASE:-6400}"
CLUSTER_EPMD_PORT=$((SCALED_BASE + 30))
CLUSTER_CTL_PORT_MIN=$((SCALED_BASE + 40))
CLUSTER_CTL_PORT_MAX=$((SCALED_BASE + 59))
cluster_node_name() { echo "requests-$1@localhost"; }
cluster_amqp_port() { echo $((SCALED_BASE + $1)); }
cluster_management_port() { echo $((SCALED_BASE + 10 + $1)); }
cluster_dist_port() { echo $((SCALED_BASE + 20 + $1)); }

# The services, in start order. A service whose project folder does not exist yet is skipped.
SERVICES=(Requests.Intake Requests.Routing Requests.Reporting Requests.Staff)

service_port() {
  case "$1" in
    Requests.Intake) echo "$INTAKE_PORT" ;;
    Requests.Routing) echo "$ROUTING_PORT" ;;
    Requests.Reporting) echo "$REPORTING_PORT" ;;
    Requests.Staff) echo "$STAFF_PORT" ;;
    *) die "no port is assigned to service '$1' (add it to service_port in infra/lib.sh)" ;;
  esac
}

# ---- messages -----------------------------------------------------------------------------------------------------
_infra_name="$(basename "${0:-infra}" .sh)"
info() { printf '[%s] %s\n' "$_infra_name" "$*" >&2; }
die() {
  printf '[%s] error: %s\n' "$_infra_name" "$*" >&2
  exit 1
}

# ---- locks ----------------------------------------------------------------------------------------------------------
# infra_lock NAME: serialise concurrent runs of the same script (held until the script exits). Daemons are started
# with the lock's descriptor closed (see spawn_daemon), so they never keep it.
INFRA_LOCK_FD=199
infra_lock() {
  mkdir -p "$RUN_DIR/locks"
  eval "exec $INFRA_LOCK_FD>\"\$RUN_DIR/locks/\$1.lock\""
  if ! flock -n "$INFRA_LOCK_FD"; then
    info "waiting for another '$1' operation to finish"
    flock -w "${2:-600}" "$INFRA_LOCK_FD" || die "timed out waiting for the '$1' lock ($RUN_DIR/locks/$1.lock)"
  fi
}

# ---- ports and readiness ----------------------------------------------------------------------------------------
# port_open PORT [HOST]: true when something accepts TCP connections there.
port_open() {
  (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null
}

# port_pids PORT: the pids listening on a TCP port (one per line, may be empty).
port_pids() {
  ss -Htlnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u || true
}

# port_owner_text PORT: a human description of who listens on PORT.
port_owner_text() {
  local pid out=""
  for pid in $(port_pids "$1"); do
    out+="pid $pid ($(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-160)) "
  done
  printf '%s' "${out:-an unknown process}"
}

# require_port_free PORT WHAT: fail clearly when a port we need is taken by someone else.
require_port_free() {
  if port_open "$1"; then
    die "port $1 needed for $2 is already in use by $(port_owner_text "$1"); stop it or override the port (see infra/lib.sh)"
  fi
}

# http_ok URL: true when URL answers 2xx.
http_ok() {
  curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null
}

# wait_until [--pid PID] [--log FILE] TIMEOUT_SECONDS DESCRIPTION COMMAND...
# Polls COMMAND every 0.2 s until it succeeds. Fails with a clear error after TIMEOUT_SECONDS, or at once if PID dies;
# on failure prints the end of FILE.
wait_until() {
  local pid="" logfile=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --pid) pid="$2"; shift 2 ;;
      --log) logfile="$2"; shift 2 ;;
      *) break ;;
    esac
  done
  local timeout="$1" what="$2"
  shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if [[ -n "$pid" ]] && ! pid_alive "$pid"; then
      _wait_fail "$what: the process (pid $pid) exited before it was ready" "$logfile"
    fi
    if ((SECONDS >= deadline)); then
      _wait_fail "$what: not ready after ${timeout}s" "$logfile"
    fi
    sleep 0.2
  done
}

_wait_fail() {
  if [[ -n "$2" && -f "$2" ]]; then
    printf '[%s] ---- last lines of %s ----\n' "$_infra_name" "$2" >&2
    tail -n 40 "$2" >&2 || true
    printf '[%s] ----\n' "$_infra_name" >&2
  fi
  die "$1"
}

# ---- processes -------------------------------------------------------------------------------------------------------
# pid_alive PID: true when the process exists and is not a zombie waiting to be reaped.
pid_alive() {
  local state
  [[ -n "$1" ]] || return 1
  state="$(sed -n 's/^[0-9]* (.*) \([A-Za-z]\) .*/\1/p' "/proc/$1/stat" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != Z && "$state" != X ]]
}

# pid_from_file FILE: prints the pid when FILE names a live process, else fails.
pid_from_file() {
  local pid
  [[ -f "$1" ]] || return 1
  pid="$(tr -dc '0-9' <"$1")"
  pid_alive "$pid" && printf '%s' "$pid"
}

# spawn_daemon PIDFILE LOGFILE COMMAND...: starts COMMAND in its own session (Ctrl-C in the caller's terminal does
# not reach it), detached from stdin, output appended to LOGFILE, its pid written to PIDFILE by the process itself.
spawn_daemon() {
  local pidfile="$1" logfile="$2"
  shift 2
  mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
  rm -f "$pidfile"
  setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' spawn "$pidfile" "$@" \
    </dev/null >>"$logfile" 2>&1 199>&- &

  for _ in $(seq 1 50); do
    [[ -s "$pidfile" ]] && return 0
    sleep 0.02
  done
  die "could not start $1 (no pid written to $pidfile)"
}

# stop_pid PID [TIMEOUT_SECONDS] [NAME]: SIGTERM, wait, then SIGKILL. True when the process is gone.
stop_pid() {
  local pid="$1" timeout="${2:-10}" name="${3:-process}"
  pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + timeout))
  while pid_alive "$pid"; do
    if ((SECONDS >= deadline)); then
      info "$name (pid $pid) did not stop within ${timeout}s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
      break
    fi
    sleep 0.05
  done
  ! pid_alive "$pid"
}

# component_running rabbitmq|rabbitmq-cluster|maildev|postgres: a cheap check (pid files only, no client call) that the component's
# process is up, used to know whether a script started it itself and so must stop it.
component_running() {
  case "$1" in
    rabbitmq) pid_from_file "$RUN_DIR/rabbitmq/server.pid" >/dev/null || pid_from_file "$RUN_DIR/rabbitmq/beam.pid" >/dev/null ;;
    rabbitmq-cluster) local f
      for f in "$RUN_DIR"/rabbitmq-cluster/node*/server.pid "$RUN_DIR"/rabbitmq-cluster/node*/beam.pid; do
        pid_from_file "$f" >/dev/null && return 0
      done
      return 1 ;;
    maildev) pid_from_file "$RUN_DIR/maildev/maildev.pid" >/dev/null ;;
    postgres) [[ -f "$RUN_DIR/postgres/data/postmaster.pid" ]] &&
      pid_alive "$(head -n1 "$RUN_DIR/postgres/data/postmaster.pid" 2>/dev/null | tr -dc '0-9')" ;;
    *) die "unknown component '$1'" ;;
  esac
}

# ---- installs ----------------------------------------------------------------------------------------------------------
export DEBIAN_FRONTEND=noninteractive
_apt_updated=0

# apt_ensure PROBE_PATH PACKAGE...: installs the packages when PROBE_PATH does not exist. Runs `apt-get update` only when
# the package lists do not know a package or an install fails on stale lists. apt's output goes to .run/apt.log.
apt_ensure() {
  local probe="$1"
  shift
  [[ -e "$probe" ]] && return 0
  [[ "$(id -u)" -eq 0 ]] || die "$* missing ($probe) and installing it needs root"
  mkdir -p "$RUN_DIR"
  local log="$RUN_DIR/apt.log" t0=$EPOCHREALTIME pkg need_update=0
  info "installing $* with apt (log $log)"
  for pkg in "$@"; do
    if ! apt-cache show "$pkg" >/dev/null 2>&1; then need_update=1; fi
  done
  if ((need_update)) && ((_apt_updated == 0)); then
    _apt update
  fi
  if ! _apt install -y "$@"; then
    ((_apt_updated == 0)) || _wait_fail "apt-get install $* failed" "$log"
    _apt update
    _apt install -y "$@" || _wait_fail "apt-get install $* failed" "$log"
  fi
  [[ -e "$probe" ]] || die "installed $* but $probe is still missing"
  info "installed $* in $(elapsed_since "$t0")"
}

_apt() {
  local rc=0
  apt-get -o DPkg::Lock::Timeout=600 -q "$@" </dev/null >>"$RUN_DIR/apt.log" 2>&1 || rc=$?
  if [[ "$1" == update ]]; then
    ((rc == 0)) || _wait_fail "apt-get update failed" "$RUN_DIR/apt.log"
    _apt_updated=1
  fi
  return "$rc"
}

# npm_ensure: `npm ci` at the repository root when node_modules lacks the pinned maildev or Chart.js (which the
# reporting service's build copies into its output: it serves the file itself).
npm_ensure() {
  local want have=""
  want="$(sed -n 's/.*"maildev": *"\([^"]*\)".*/\1/p' "$REPO_ROOT/package.json" | head -n1)"
  if [[ -f "$REPO_ROOT/node_modules/maildev/package.json" ]]; then
    have="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$REPO_ROOT/node_modules/maildev/package.json" | head -n1)"
  fi
  if [[ -z "$have" || "$have" != "${want#^}" || ! -x "$REPO_ROOT/node_modules/.bin/maildev" \
        || ! -f "$REPO_ROOT/node_modules/chart.js/dist/chart.umd.min.js" ]]; then
    command -v npm >/dev/null || apt_ensure /usr/bin/npm nodejs npm
    info "npm ci (maildev ${want})"
    (cd "$REPO_ROOT" && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm ci failed"
  fi
}

# elapsed_since EPOCHREALTIME_VALUE: "1.23s" since then.
elapsed_since() {
  local now="$EPOCHREALTIME"
  awk -v a="$1" -v b="$now" 'BEGIN { printf "%.2fs", b - a }'
}

# ---- what tests and benchmarks are told -----------------------------------------------------------------------------
# export_infra_env: the addresses of the local infrastructure, as the test and benchmark code reads them.
export_infra_env() {
  export REQUESTS_RABBITMQ_HOST=127.0.0.1
  export REQUESTS_RABBITMQ_PORT="$RABBITMQ_AMQP_PORT"
  export REQUESTS_RABBITMQ_MANAGEMENT="http://127.0.0.1:$RABBITMQ_MANAGEMENT_PORT"
  export REQUESTS_SMTP_HOST=127.0.0.1
  export REQUESTS_SMTP_PORT="$MAILDEV_SMTP_PORT"
  export REQUESTS_MAILDEV_URL="http://127.0.0.1:$MAILDEV_WEB_PORT"
  export REQUESTS_POSTGRES="Host=127.0.0.1;Port=$POSTGRES_PORT;Username=postgres"
  export REQUESTS_INFRA="$INFRA_DIR"
}

# export_cluster_env: the cluster's addresses, as the tests, the harness and ./run.sh --scaled read them:
# REQUESTS_RABBITMQ_NODES "127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3", REQUESTS_RABBITMQ_CLUSTER_MANAGEMENT the three
# management URLs, comma separated.
export_cluster_env() {
  local n nodes="" management=""
  for n in 1 2 3; do
    nodes+="${nodes:+,}127.0.0.1:$(cluster_amqp_port "$n")"
    management+="${management:+,}http://127.0.0.1:$(cluster_management_port "$n")"
  done
  export REQUESTS_RABBITMQ_NODES="$nodes"
  export REQUESTS_RABBITMQ_CLUSTER_MANAGEMENT="$management"
}

# parse_postgres_flag ARGS...: sets with_postgres=1 for --postgres; any other argument is an error.
parse_postgres_flag() {
  with_postgres=0
  local arg
  for arg in "$@"; do
    case "$arg" in
      --postgres) with_postgres=1 ;;
      *) die "unknown argument '$arg' (usage: $0 [--postgres])" ;;
    esac
  done
}
