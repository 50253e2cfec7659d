#!/usr/bin/env bash
# Stop the local infrastructure started by infra/up.sh.
#   infra/down.sh [--postgres]    RabbitMQ and maildev; PostgreSQL too with --postgres
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_postgres_flag "$@"

status=0
"$INFRA_DIR/maildev.sh" stop || status=1
"$INFRA_DIR/rabbitmq.sh" stop || status=1
if ((with_postgres)); then "$INFRA_DIR/postgres.sh" stop || status=1; fi
exit "$status"
