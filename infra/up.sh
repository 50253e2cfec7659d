#!/usr/bin/env bash
# Start the local infrastructure (installing what is missing) and print where each part listens.
#   infra/up.sh [--postgres]    RabbitMQ and maildev; PostgreSQL too with --postgres
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parse_postgres_flag "$@"

"$INFRA_DIR/rabbitmq.sh" start
"$INFRA_DIR/maildev.sh" start
if ((with_postgres)); then "$INFRA_DIR/postgres.sh" start; fi

print_endpoints() {
  echo "RabbitMQ    amqp://guest:guest@127.0.0.1:$RABBITMQ_AMQP_PORT/  (vhost /)"
  echo "            management http://127.0.0.1:$RABBITMQ_MANAGEMENT_PORT/  (guest/guest)"
  echo "SMTP        127.0.0.1:$MAILDEV_SMTP_PORT  (maildev, no TLS, no auth)"
  echo "Inbox       http://127.0.0.1:$MAILDEV_WEB_PORT/  (REST: GET /email, DELETE /email/all)"
  if ((with_postgres)); then
    echo "PostgreSQL  Host=127.0.0.1;Port=$POSTGRES_PORT;Username=postgres  (trust auth)"
  fi
}
print_endpoints
