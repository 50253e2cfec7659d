#!/usr/bin/env bash
# The fault and abuse harness (not a test: it runs for minutes): the services as Release processes on SQLite, with the
# local RabbitMQ node and maildev started for them (and stopped again if this script started them); prints one table
# and exits 1 when a scenario falls short of its figure.
#   ./harness.sh [scenario...] [options]      e.g. ./harness.sh kill-intake --filings 2000; ./harness.sh --help
#   ./harness.sh failure-drill [options]      the scaled deployment under faults (see tools/Requests.Harness/FailureDrill.cs)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source infra/lib.sh

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

started_rabbitmq=0 started_maildev=0
cleanup() {
  if ((started_maildev)); then infra/maildev.sh stop || true; fi
  if ((started_rabbitmq)); then infra/rabbitmq.sh stop || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The failure drill runs on the scaled deployment, which it starts and stops itself (./run.sh --scaled).
if [[ " $* " != *" failure-drill "* ]]; then
  component_running rabbitmq || started_rabbitmq=1
  infra/rabbitmq.sh start
  component_running maildev || started_maildev=1
  infra/maildev.sh start
fi

export_infra_env
export REQUESTS_RUN_DIR="$RUN_DIR"
dotnet run -c Release --project tools/Requests.Harness -- "$@"
