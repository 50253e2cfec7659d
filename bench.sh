#!/usr/bin/env bash
# Run the benchmarks (not tests): each project under benchmarks/ in Release, with the local RabbitMQ node and maildev
# started for them, and PostgreSQL for the intake benchmark's scaled phase and the publication benchmark's --postgres
# (each stopped again if this script started it).
#   ./bench.sh                 every benchmark project under benchmarks/
#   ./bench.sh NAME... [-- ARGS]   only those projects (folder names under benchmarks/), ARGS passed to each
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source infra/lib.sh

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

selected=() args=()
while [[ $# -gt 0 ]]; do
  if [[ "$1" == -- ]]; then
    shift
    args=("$@")
    break
  fi
  selected+=("$1")
  shift
done

projects=()
if [[ ${#selected[@]} -gt 0 ]]; then
  for name in "${selected[@]}"; do
    [[ -d "benchmarks/$name" ]] || die "no benchmark project benchmarks/$name"
    projects+=("benchmarks/$name")
  done
else
  for dir in benchmarks/*/; do
    compgen -G "$dir*.csproj" >/dev/null && projects+=("${dir%/}")
  done
fi
if [[ ${#projects[@]} -eq 0 ]]; then
  info "no benchmark project under benchmarks/ yet"
  exit 0
fi

started_rabbitmq=0 started_maildev=0 started_postgres=0
cleanup() {
  if ((started_postgres)); then infra/postgres.sh stop || true; fi
  if ((started_maildev)); then infra/maildev.sh stop || true; fi
  if ((started_rabbitmq)); then infra/rabbitmq.sh stop || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

component_running rabbitmq || started_rabbitmq=1
infra/rabbitmq.sh start
component_running maildev || started_maildev=1
infra/maildev.sh start
# the intake benchmark's scaled phase and the publication benchmark's --postgres run intake on PostgreSQL
if [[ " ${args[*]} " == *scaled* || " ${args[*]} " == *" --postgres "* ]]; then
  component_running postgres || started_postgres=1
  infra/postgres.sh start
fi

export_infra_env

status=0
for project in "${projects[@]}"; do
  info "running $project"
  dotnet run -c Release --project "$project" -- "${args[@]}" || { info "$project failed"; status=1; }
done
exit "$status"
