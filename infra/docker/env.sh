#!/usr/bin/env bash
# Writes the deployment's secrets for docker-compose.yml into .env (or the file given), with fresh random values,
# readable by its owner only; an existing file is kept as it is. Run it once before `docker compose up`.
#   infra/docker/env.sh [FILE]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

file="${1:-$REPO_ROOT/.env}"
cat <<EOT | write_private "$file"
# Secrets of this deployment (docker-compose.yml reads them). Keep this file to yourself; never commit it.
POSTGRES_PASSWORD=$(new_secret)
RABBITMQ_PASSWORD=$(new_secret)
RABBITMQ_COOKIE=$(new_secret)
ADMIN_PASSWORD=$(new_secret)
EOT
info "secrets in $file"
