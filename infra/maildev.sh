#!/usr/bin/env bash
# A real SMTP server with a web inbox and REST API (maildev, from npm), on loopback, mail kept under .run/maildev.
#   infra/maildev.sh start    npm ci if needed, start maildev, wait for GET /healthz
#   infra/maildev.sh stop     stop it (by pid; quick, so tests can use stop/start to simulate an SMTP outage)
#   infra/maildev.sh status   exit 0 when it answers, 3 when it is stopped
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MD_DIR="$RUN_DIR/maildev"
MD_PID="$MD_DIR/maildev.pid"
MD_LOG="$MD_DIR/maildev.log"
MD_URL="http://127.0.0.1:$MAILDEV_WEB_PORT"
START_TIMEOUT="${REQUESTS_MAILDEV_START_TIMEOUT:-30}"

healthy() { http_ok "$MD_URL/healthz" && port_open "$MAILDEV_SMTP_PORT"; }

cmd_status() {
  local pid
  if ! pid="$(pid_from_file "$MD_PID")"; then
    info "stopped"
    return 3
  fi
  if healthy; then
    info "running: smtp://127.0.0.1:$MAILDEV_SMTP_PORT inbox $MD_URL/ (pid $pid)"
    return 0
  fi
  info "starting or unhealthy (pid $pid, log $MD_LOG)"
  return 1
}

cmd_start() {
  infra_lock maildev
  local pid
  if pid="$(pid_from_file "$MD_PID")"; then
    wait_until --pid "$pid" --log "$MD_LOG" "$START_TIMEOUT" "maildev $MD_URL/healthz" healthy
    info "already running: smtp://127.0.0.1:$MAILDEV_SMTP_PORT inbox $MD_URL/"
    return 0
  fi
  npm_ensure
  require_port_free "$MAILDEV_SMTP_PORT" "maildev SMTP"
  require_port_free "$MAILDEV_WEB_PORT" "maildev web"
  mkdir -p "$MD_DIR/mail"
  local t0=$EPOCHREALTIME
  spawn_daemon "$MD_PID" "$MD_LOG" node "$REPO_ROOT/node_modules/maildev/bin/maildev" \
    --ip 127.0.0.1 --web-ip 127.0.0.1 \
    --smtp "$MAILDEV_SMTP_PORT" --web "$MAILDEV_WEB_PORT" \
    --mail-directory "$MD_DIR/mail"
  pid="$(cat "$MD_PID")"
  wait_until --pid "$pid" --log "$MD_LOG" "$START_TIMEOUT" "maildev $MD_URL/healthz" healthy
  info "ready in $(elapsed_since "$t0"): smtp://127.0.0.1:$MAILDEV_SMTP_PORT inbox $MD_URL/"
}

cmd_stop() {
  infra_lock maildev
  local pid
  if ! pid="$(pid_from_file "$MD_PID")"; then
    rm -f "$MD_PID"
    info "not running"
    return 0
  fi
  stop_pid "$pid" 5 maildev || die "maildev (pid $pid) would not stop"
  # The listeners close with the process; make sure the ports are free before saying so (a quick restart follows).
  wait_until 5 "maildev ports closed" ports_closed
  rm -f "$MD_PID"
  info "stopped"
}

ports_closed() { ! port_open "$MAILDEV_SMTP_PORT" && ! port_open "$MAILDEV_WEB_PORT"; }

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
