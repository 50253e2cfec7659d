#!/usr/bin/env bash
# A local RabbitMQ node on loopback, everything under .run/rabbitmq (no system service, no Docker).
#   infra/rabbitmq.sh start    install rabbitmq-server if missing, start the node with the management plugin, wait ready
#   infra/rabbitmq.sh stop     shut the node down and stop its epmd
#   infra/rabbitmq.sh status   exit 0 when the node answers, 3 when it is stopped
#   infra/rabbitmq.sh reset    stop the node and delete its data (the next start is a fresh, empty broker)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RMQ_DIR="$RUN_DIR/rabbitmq"
RMQ_BIN=/usr/lib/rabbitmq/bin
RMQ_WRAPPER_PID="$RMQ_DIR/server.pid" # the rabbitmq-server wrapper script, which turns SIGTERM into a clean stop
RMQ_LOG="$RMQ_DIR/server.log"
START_TIMEOUT="${REQUESTS_RABBITMQ_START_TIMEOUT:-90}"

rmq_env() {
  export HOME="$RMQ_DIR/home"
  export RABBITMQ_NODENAME="${REQUESTS_RABBITMQ_NODENAME:-requests@localhost}"
  export RABBITMQ_USE_LONGNAME=false
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$RABBITMQ_AMQP_PORT"
  export RABBITMQ_DIST_PORT="$RABBITMQ_DIST_PORT_NUMBER"
  export ERL_EPMD_PORT="$RABBITMQ_EPMD_PORT"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia"
  export RABBITMQ_LOG_BASE="$RMQ_DIR/log"
  export RABBITMQ_PID_FILE="$RMQ_DIR/beam.pid"
  export RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ_DIR/advanced.config"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins"
  export RABBITMQ_CONF_ENV_FILE="$RMQ_DIR/rabbitmq-env.conf"
  # Erlang distribution on loopback only, for the node and for the CLI tools (which use their own small port range).
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_DIST_PORT_MIN=$((RABBITMQ_DIST_PORT_NUMBER + 10000))
  export RABBITMQ_CTL_DIST_PORT_MAX=$((RABBITMQ_DIST_PORT_NUMBER + 10010))
}

write_config() {
  mkdir -p "$RMQ_DIR/home" "$RMQ_DIR/mnesia" "$RMQ_DIR/log"
  : >"$RMQ_DIR/rabbitmq-env.conf"
  printf '[rabbitmq_management].\n' >"$RMQ_DIR/enabled_plugins"
  printf '[].\n' >"$RMQ_DIR/advanced.config"
  cat >"$RMQ_DIR/rabbitmq.conf" <<EOF
# written by infra/rabbitmq.sh
management.tcp.ip = 127.0.0.1
management.tcp.port = $RABBITMQ_MANAGEMENT_PORT
loopback_users.guest = true
log.file.level = info
log.console = false
EOF
}

cli() { "$RMQ_BIN/$1" "${@:2}"; }

ping_node() { cli rabbitmq-diagnostics -q ping >/dev/null 2>&1; }

kill_epmd() {
  # Every CLI call starts an epmd on our port that outlives the node.
  if port_open "$RABBITMQ_EPMD_PORT"; then
    epmd -port "$RABBITMQ_EPMD_PORT" -kill >/dev/null 2>&1 || true
  fi
}

# The node counts as running when its wrapper or VM is alive (cheap checks, no CLI call that would start an epmd).
node_pids() {
  local p
  for f in "$RMQ_WRAPPER_PID" "$RMQ_DIR/beam.pid"; do
    if p="$(pid_from_file "$f")"; then printf '%s\n' "$p"; fi
  done
}

cmd_status() {
  rmq_env
  if [[ -z "$(node_pids)" ]]; then
    info "stopped"
    return 3
  fi
  if ping_node && port_open "$RABBITMQ_AMQP_PORT"; then
    info "running: amqp://guest:guest@127.0.0.1:$RABBITMQ_AMQP_PORT/ management http://127.0.0.1:$RABBITMQ_MANAGEMENT_PORT/ (node $RABBITMQ_NODENAME, pid $(node_pids | tr '\n' ' '))"
    return 0
  fi
  info "starting or unhealthy (pid $(node_pids | tr '\n' ' '), log $RMQ_LOG)"
  return 1
}

cmd_start() {
  infra_lock rabbitmq
  rmq_env
  if [[ -n "$(node_pids)" ]]; then
    # Already launched (by us or a concurrent caller): just make sure it is ready.
    if port_open "$RABBITMQ_AMQP_PORT" && http_ok "http://guest:guest@127.0.0.1:$RABBITMQ_MANAGEMENT_PORT/api/overview"; then
      info "already running on amqp://127.0.0.1:$RABBITMQ_AMQP_PORT"
      return 0
    fi
    wait_until --log "$RMQ_LOG" "$START_TIMEOUT" "RabbitMQ ($RABBITMQ_NODENAME) ping" ping_node
    wait_ready
    info "already running on amqp://127.0.0.1:$RABBITMQ_AMQP_PORT"
    return 0
  fi
  apt_ensure "$RMQ_BIN/rabbitmq-server" rabbitmq-server
  kill_epmd
  require_port_free "$RABBITMQ_AMQP_PORT" "RabbitMQ AMQP"
  require_port_free "$RABBITMQ_MANAGEMENT_PORT" "RabbitMQ management"
  require_port_free "$RABBITMQ_DIST_PORT_NUMBER" "RabbitMQ distribution"
  write_config
  local t0=$EPOCHREALTIME
  info "starting node $RABBITMQ_NODENAME (log $RMQ_LOG)"
  : >"$RMQ_LOG"
  rm -f "$RMQ_DIR/beam.pid"
  spawn_daemon "$RMQ_WRAPPER_PID" "$RMQ_LOG" "$RMQ_BIN/rabbitmq-server"
  local pid
  pid="$(cat "$RMQ_WRAPPER_PID")"
  # Each CLI call boots an Erlang VM (about 1 s of CPU), so polling with them slows the boot on 2 cores: wait for the AMQP
  # listener (opened late in the boot) with a plain TCP probe first. Then ping (await_startup right after launch fails
  # with 69 until the node is registered), await_startup and check_port_connectivity.
  wait_until --pid "$pid" --log "$RMQ_LOG" "$START_TIMEOUT" "RabbitMQ AMQP port $RABBITMQ_AMQP_PORT" port_open "$RABBITMQ_AMQP_PORT"
  wait_until --pid "$pid" --log "$RMQ_LOG" "$START_TIMEOUT" "RabbitMQ ($RABBITMQ_NODENAME) ping" ping_node
  wait_ready
  info "ready in $(elapsed_since "$t0"): amqp://guest:guest@127.0.0.1:$RABBITMQ_AMQP_PORT/ management http://127.0.0.1:$RABBITMQ_MANAGEMENT_PORT/"
}

wait_ready() {
  cli rabbitmqctl -q await_startup --timeout "$START_TIMEOUT" >/dev/null 2>&1 ||
    _wait_fail "RabbitMQ did not finish booting (rabbitmqctl await_startup)" "$RMQ_LOG"
  wait_until --log "$RMQ_LOG" 30 "RabbitMQ listeners" cli rabbitmq-diagnostics -q check_port_connectivity
  wait_until --log "$RMQ_LOG" 30 "RabbitMQ management API" http_ok "http://guest:guest@127.0.0.1:$RABBITMQ_MANAGEMENT_PORT/api/overview"
}

cmd_stop() {
  infra_lock rabbitmq
  rmq_env
  local pids
  pids="$(node_pids)"
  if [[ -z "$pids" ]]; then
    kill_epmd
    rm -f "$RMQ_WRAPPER_PID" "$RMQ_DIR/beam.pid"
    info "not running"
    return 0
  fi
  local t0=$EPOCHREALTIME
  if ! cli rabbitmqctl -q shutdown --timeout 30 >/dev/null 2>&1; then
    info "rabbitmqctl shutdown failed: stopping by signal"
  fi
  local p
  for p in $pids; do stop_pid "$p" 20 "RabbitMQ" || true; done
  kill_epmd
  rm -f "$RMQ_WRAPPER_PID" "$RMQ_DIR/beam.pid"
  info "stopped in $(elapsed_since "$t0")"
}

cmd_reset() {
  infra_lock rabbitmq
  rmq_env
  # The data is thrown away, so there is nothing to shut down cleanly: kill the VM (instant, where a clean stop takes 6-8 s).
  local p
  for p in $(node_pids); do kill -KILL "$p" 2>/dev/null || true; done
  for p in $(node_pids); do stop_pid "$p" 5 "RabbitMQ" || true; done
  kill_epmd
  rm -f "$RMQ_WRAPPER_PID" "$RMQ_DIR/beam.pid"
  rm -rf "$RMQ_DIR/mnesia" "$RMQ_DIR/log"
  info "data deleted ($RMQ_DIR/mnesia): the next start is a fresh broker"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  *)
    echo "usage: $0 start|stop|status|reset" >&2
    exit 2
    ;;
esac
