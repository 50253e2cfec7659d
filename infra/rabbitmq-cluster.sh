#!/usr/bin/env bash
# A three-node RabbitMQ cluster on loopback, everything under .run/rabbitmq-cluster (no system service, no Docker).
# The nodes share one Erlang cookie; nodes 2 and 3 join node 1. Ports come from REQUESTS_SCALED_BASE (see infra/lib.sh).
#   infra/rabbitmq-cluster.sh start       start the nodes that are not running, join them into one cluster, wait ready
#   infra/rabbitmq-cluster.sh stop [N]    stop every node (3, 2, then 1), or node N alone (bring it back with start)
#   infra/rabbitmq-cluster.sh status      exit 0 when the three nodes run as one cluster, 3 when all are stopped
#   infra/rabbitmq-cluster.sh reset       kill the nodes and delete their data (the next start is a fresh cluster)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CLUSTER_DIR="$RUN_DIR/rabbitmq-cluster"
RMQ_BIN=/usr/lib/rabbitmq/bin
START_TIMEOUT="${REQUESTS_RABBITMQ_START_TIMEOUT:-120}"
NODES=(1 2 3)

node_dir() { echo "$CLUSTER_DIR/node$1"; }

# node_env N: the variables of node N, for the server and for the CLI tools that talk to it.
node_env() {
  local dir
  dir="$(node_dir "$1")"
  export HOME="$CLUSTER_DIR/home" # the shared Erlang cookie lives here
  export RABBITMQ_NODENAME="$(cluster_node_name "$1")"
  export RABBITMQ_USE_LONGNAME=false
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$(cluster_amqp_port "$1")"
  export RABBITMQ_DIST_PORT="$(cluster_dist_port "$1")"
  export ERL_EPMD_PORT="$CLUSTER_EPMD_PORT"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_MNESIA_BASE="$dir/mnesia"
  export RABBITMQ_LOG_BASE="$dir/log"
  export RABBITMQ_PID_FILE="$dir/beam.pid"
  export RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
  export RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_CTL_DIST_PORT_MIN="$CLUSTER_CTL_PORT_MIN"
  export RABBITMQ_CTL_DIST_PORT_MAX="$CLUSTER_CTL_PORT_MAX"
}

write_config() {
  local dir
  dir="$(node_dir "$1")"
  mkdir -p "$CLUSTER_DIR/home" "$dir/mnesia" "$dir/log"
  new_secret | write_private "$CLUSTER_DIR/home/.erlang.cookie"
  : >"$dir/rabbitmq-env.conf"
  printf '[rabbitmq_management].\n' >"$dir/enabled_plugins"
  printf '[].\n' >"$dir/advanced.config"
  cat >"$dir/rabbitmq.conf" <<EOF
# written by infra/rabbitmq-cluster.sh
management.tcp.ip = 127.0.0.1
management.tcp.port = $(cluster_management_port "$1")
loopback_users.guest = true
cluster_partition_handling = pause_minority
log.file.level = info
log.console = false
EOF
}

# Each command runs in a subshell with the node's variables, so that calls for different nodes never mix.
cli() { (node_env "$1" && "$RMQ_BIN/$2" -n "$RABBITMQ_NODENAME" "${@:3}"); }

node_log() { echo "$(node_dir "$1")/server.log"; }

# node_pid N: the pid of node N's wrapper or VM when one is alive (pid files only, no CLI call).
node_pid() {
  local dir
  dir="$(node_dir "$1")"
  pid_from_file "$dir/server.pid" || pid_from_file "$dir/beam.pid"
}

management_url() { echo "http://guest:guest@127.0.0.1:$(cluster_management_port "$1")"; }

# running_members N: the nodes that node N's management API sees running in its cluster, one a line.
running_members() {
  curl -fsS --max-time 3 "$(management_url "$1")/api/nodes?columns=name,running" 2>/dev/null |
    jq -r '.[] | select(.running) | .name'
}

node_ready() {
  port_open "$(cluster_amqp_port "$1")" && http_ok "$(management_url "$1")/api/overview"
}

in_cluster() { running_members "$1" | grep -qx "$(cluster_node_name 1)"; }

launch_node() {
  local n="$1" dir log
  dir="$(node_dir "$n")"
  log="$(node_log "$n")"
  require_port_free "$(cluster_amqp_port "$n")" "RabbitMQ node $n AMQP"
  require_port_free "$(cluster_management_port "$n")" "RabbitMQ node $n management"
  require_port_free "$(cluster_dist_port "$n")" "RabbitMQ node $n distribution"
  write_config "$n"
  rm -f "$dir/beam.pid"
  info "starting node $(cluster_node_name "$n") (log $log)"
  (node_env "$n" && spawn_daemon "$dir/server.pid" "$log" "$RMQ_BIN/rabbitmq-server")
}

wait_node() {
  local n="$1" pid
  pid="$(node_pid "$n")" || _wait_fail "RabbitMQ node $n exited while starting" "$(node_log "$n")"
  wait_until --pid "$pid" --log "$(node_log "$n")" "$START_TIMEOUT" "RabbitMQ node $n AMQP port" port_open "$(cluster_amqp_port "$n")"
  wait_until --pid "$pid" --log "$(node_log "$n")" "$START_TIMEOUT" "RabbitMQ node $n management API" \
    http_ok "$(management_url "$n")/api/overview"
}

join_node() {
  local n="$1"
  in_cluster "$n" && return 0
  info "node $n joins $(cluster_node_name 1)"
  cli "$n" rabbitmqctl -q stop_app >/dev/null
  cli "$n" rabbitmqctl -q join_cluster "$(cluster_node_name 1)" >/dev/null ||
    _wait_fail "node $n could not join $(cluster_node_name 1)" "$(node_log "$n")"
  cli "$n" rabbitmqctl -q start_app >/dev/null
  wait_node "$n"
}

cmd_start() {
  infra_lock rabbitmq-cluster
  apt_ensure "$RMQ_BIN/rabbitmq-server" rabbitmq-server
  apt_ensure /usr/bin/jq jq
  local t0=$EPOCHREALTIME n launched=0
  # A restarted member finds its peers through the shared epmd; fresh nodes boot alone, then join node 1.
  for n in "${NODES[@]}"; do
    if ! node_pid "$n" >/dev/null; then
      launch_node "$n"
      launched=1
    fi
  done
  for n in "${NODES[@]}"; do wait_node "$n"; done
  for n in 2 3; do join_node "$n"; done
  wait_until --log "$(node_log 1)" 60 "three running nodes in the cluster" cluster_whole
  if ((launched)); then info "ready in $(elapsed_since "$t0")"; else info "already running"; fi
  print_nodes
}

cluster_whole() { [[ "$(running_members 1 | wc -l)" -eq 3 ]]; }

print_nodes() {
  local n
  for n in "${NODES[@]}"; do
    echo "node $n $(cluster_node_name "$n"): amqp://guest:guest@127.0.0.1:$(cluster_amqp_port "$n")/ management http://127.0.0.1:$(cluster_management_port "$n")/"
  done
}

stop_node() {
  local n="$1" pid
  if ! pid="$(node_pid "$n")"; then
    rm -f "$(node_dir "$n")/server.pid" "$(node_dir "$n")/beam.pid"
    return 0
  fi
  local t0=$EPOCHREALTIME vm
  vm="$(pid_from_file "$(node_dir "$n")/beam.pid" || true)"
  if ! cli "$n" rabbitmqctl -q shutdown --timeout 30 >/dev/null 2>&1; then
    info "rabbitmqctl shutdown of node $n failed: stopping it by signal"
  fi
  stop_pid "$pid" 20 "RabbitMQ node $n" || true
  [[ -z "$vm" ]] || stop_pid "$vm" 20 "RabbitMQ node $n" || true
  rm -f "$(node_dir "$n")/server.pid" "$(node_dir "$n")/beam.pid"
  info "stopped node $n in $(elapsed_since "$t0")"
}

kill_epmd() {
  if port_open "$CLUSTER_EPMD_PORT"; then
    epmd -port "$CLUSTER_EPMD_PORT" -kill >/dev/null 2>&1 || true
  fi
}

cmd_stop() {
  infra_lock rabbitmq-cluster
  if [[ -n "${1:-}" ]]; then
    [[ "$1" =~ ^[123]$ ]] || die "no node '$1' (1, 2 or 3)"
    stop_node "$1"
    return 0
  fi
  # The last node stopped is the first to start again without waiting for its peers: stop node 1 last.
  local n
  for n in 3 2 1; do stop_node "$n"; done
  kill_epmd
  info "stopped"
}

cmd_status() {
  local n up=0
  for n in "${NODES[@]}"; do
    if node_pid "$n" >/dev/null; then
      up=$((up + 1))
      if node_ready "$n"; then info "node $n running on amqp port $(cluster_amqp_port "$n")"
      else info "node $n starting or unhealthy (log $(node_log "$n"))"; fi
    else
      info "node $n stopped"
    fi
  done
  ((up > 0)) || return 3
  if ((up == 3)) && cluster_whole; then
    info "cluster of 3 running nodes"
    return 0
  fi
  return 1
}

cmd_reset() {
  infra_lock rabbitmq-cluster
  local n p
  for n in "${NODES[@]}"; do
    for p in $(pid_from_file "$(node_dir "$n")/server.pid") $(pid_from_file "$(node_dir "$n")/beam.pid"); do
      kill -KILL "$p" 2>/dev/null || true
      stop_pid "$p" 5 "RabbitMQ node $n" || true
    done
    rm -rf "$(node_dir "$n")"
  done
  kill_epmd
  info "data deleted ($CLUSTER_DIR): the next start is a fresh cluster"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop "${2:-}" ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  *)
    echo "usage: $0 start|stop [1|2|3]|status|reset" >&2
    exit 2
    ;;
esac
