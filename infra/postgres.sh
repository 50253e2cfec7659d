#!/usr/bin/env bash
# A local PostgreSQL 15 server on 127.0.0.1, data under .run/postgres (owned by the postgres user: initdb and postgres
# refuse to run as root). Trust authentication: it is a development and test server on loopback only.
#   infra/postgres.sh start    install postgresql-15 if missing, initdb once, start, wait until it accepts connections
#   infra/postgres.sh stop     pg_ctl stop -m fast
#   infra/postgres.sh status   exit 0 when it accepts connections, 3 when it is stopped
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_BIN=/usr/lib/postgresql/15/bin
PG_DIR="$RUN_DIR/postgres"
PG_DATA="$PG_DIR/data"
PG_SOCKET="$PG_DIR/socket"
PG_LOG="$PG_DIR/postgres.log"
PG_USER=postgres
START_TIMEOUT="${REQUESTS_POSTGRES_START_TIMEOUT:-60}"

as_pg() { runuser -u "$PG_USER" -- "$@"; }

pg_ctl_() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" "$@"; }

running() { [[ -f "$PG_DATA/PG_VERSION" ]] && pg_ctl_ status >/dev/null 2>&1; }

accepting() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres; }

cmd_status() {
  if ! running; then
    info "stopped"
    return 3
  fi
  if accepting; then
    info "running: Host=127.0.0.1;Port=$POSTGRES_PORT;Username=postgres (data $PG_DATA)"
    return 0
  fi
  info "starting or unhealthy (log $PG_LOG)"
  return 1
}

cmd_start() {
  infra_lock postgres
  apt_ensure "$PG_BIN/postgres" postgresql-15
  id -u "$PG_USER" >/dev/null 2>&1 || die "user $PG_USER is missing (it comes with the postgresql-15 package)"
  if running; then
    wait_until --log "$PG_LOG" "$START_TIMEOUT" "PostgreSQL on 127.0.0.1:$POSTGRES_PORT" accepting
    info "already running: Host=127.0.0.1;Port=$POSTGRES_PORT;Username=postgres"
    return 0
  fi
  local t0=$EPOCHREALTIME
  mkdir -p "$PG_DIR" "$PG_SOCKET"
  chown "$PG_USER:$PG_USER" "$PG_DIR" "$PG_SOCKET"
  chmod 700 "$PG_SOCKET"
  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    info "initdb $PG_DATA"
    rm -rf "$PG_DATA"
    install -d -o "$PG_USER" -g "$PG_USER" -m 700 "$PG_DATA"
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 \
      >"$PG_DIR/initdb.log" 2>&1 || _wait_fail "initdb failed" "$PG_DIR/initdb.log"
  fi
  require_port_free "$POSTGRES_PORT" "PostgreSQL"
  touch "$PG_LOG"
  chown "$PG_USER:$PG_USER" "$PG_LOG"
  # -w waits for the server; the log and the unix socket stay under .run. Started from a directory postgres can read.
  (cd / && pg_ctl_ -w -t "$START_TIMEOUT" -l "$PG_LOG" \
    -o "-p $POSTGRES_PORT -k $PG_SOCKET -c listen_addresses=127.0.0.1" start >/dev/null 199>&-) ||
    _wait_fail "PostgreSQL did not start" "$PG_LOG"
  wait_until --log "$PG_LOG" "$START_TIMEOUT" "PostgreSQL on 127.0.0.1:$POSTGRES_PORT" accepting
  info "ready in $(elapsed_since "$t0"): Host=127.0.0.1;Port=$POSTGRES_PORT;Username=postgres"
}

cmd_stop() {
  infra_lock postgres
  if ! running; then
    info "not running"
    return 0
  fi
  local t0=$EPOCHREALTIME
  (cd / && pg_ctl_ -m fast -w -t 60 stop >/dev/null) || die "pg_ctl stop failed (log $PG_LOG)"
  info "stopped in $(elapsed_since "$t0")"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
