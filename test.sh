#!/usr/bin/env bash
# Install what is missing and run every test against real infrastructure started here: a fresh RabbitMQ node, maildev
# and PostgreSQL (and Chromium when a test project uses Playwright); the tests that need the three-node RabbitMQ cluster
# start it with infra/rabbitmq-cluster.sh, and it is stopped here at the end. Ends with the line `N passed, N failed`
# (`, N skipped` when tests were not executed) counted from the TRX results; stops what it started.
#   ./test.sh [dotnet test arguments...]      e.g. ./test.sh --filter "FullyQualifiedName~Intake"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
source infra/lib.sh

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

RESULTS_DIR="$RUN_DIR/test-results"

# One test run at a time in this tree: runs share the broker (reset below) and the build output. The lock descriptor
# (198) is closed in everything started from here, so that no leftover process can hold it.
mkdir -p "$RUN_DIR/locks"
exec 198>"$RUN_DIR/locks/test.lock"
if ! flock -n 198; then
  info "waiting for another test run in this tree to finish"
  flock -w 3600 198 || die "timed out waiting for the other test run ($RUN_DIR/locks/test.lock)"
fi

command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is required"

# ---- infrastructure ------------------------------------------------------------------------------------------------
# Stop at the end only what was not running before (a node reset here is restarted, so it is left running if it was).
had_rabbitmq=0 had_maildev=0 had_postgres=0 had_cluster=0
component_running rabbitmq && had_rabbitmq=1
component_running rabbitmq-cluster && had_cluster=1
component_running maildev && had_maildev=1
component_running postgres && had_postgres=1

torn_down=0
teardown() {
  ((torn_down)) && return 0
  torn_down=1
  if ((!had_maildev)); then infra/maildev.sh stop 198>&- || true; fi
  if ((!had_postgres)); then infra/postgres.sh stop 198>&- || true; fi
  if ((!had_rabbitmq)); then infra/rabbitmq.sh stop 198>&- || true; fi
  if ((!had_cluster)) && component_running rabbitmq-cluster; then infra/rabbitmq-cluster.sh stop 198>&- || true; fi
}
trap teardown EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

t_infra=$EPOCHREALTIME
# A fresh broker: durable queues left bound by earlier runs would otherwise receive this run's messages.
infra/rabbitmq.sh reset 198>&-
infra/rabbitmq.sh start 198>&-
infra/maildev.sh start 198>&-
infra/postgres.sh start 198>&-
if grep -qs 'Microsoft.Playwright' tests/*/*.csproj; then infra/chromium.sh install 198>&-; fi
info "infrastructure ready in $(elapsed_since "$t_infra")"

export_infra_env
export_cluster_env

# ---- tests -----------------------------------------------------------------------------------------------------------
rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
test_rc=0
# Build in parallel, then run the test projects one at a time (-m:1): they share one broker and one SMTP inbox (a test
# may stop maildev to simulate an outage), and the TRX logger names each file by the second it was written, so two
# projects finishing in the same second would overwrite each other's results.
if dotnet build Requests.sln -c Release -nologo 198>&-; then
  dotnet test Requests.sln -c Release --no-build -m:1 --logger "trx;LogFilePrefix=results" \
    --results-directory "$RESULTS_DIR" "$@" 198>&- || test_rc=$?
else
  test_rc=$?
  info "the build failed"
fi

# ---- count -----------------------------------------------------------------------------------------------------------
# attr NAME TEXT: the value of NAME="..." in TEXT (0 when absent).
attr() {
  local v
  v="$(grep -o " $1=\"[0-9]*\"" <<<"$2" | head -n1 | tr -dc '0-9')"
  echo "${v:-0}"
}

total=0 executed=0 passed=0 failed=0 trx_count=0
shopt -s nullglob globstar
for trx in "$RESULTS_DIR"/**/*.trx; do
  counters="$(tr '\n' ' ' <"$trx" | grep -o '<Counters [^>]*>' | head -n1 || true)"
  [[ -n "$counters" ]] || continue
  trx_count=$((trx_count + 1))
  total=$((total + $(attr total "$counters")))
  executed=$((executed + $(attr executed "$counters")))
  passed=$((passed + $(attr passed "$counters")))
  failed=$((failed + $(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters") + $(attr aborted "$counters")))
done
skipped=$((total - executed))
((skipped < 0)) && skipped=0

teardown 198>&-

rc=0
if ((test_rc != 0)); then
  info "dotnet test exited with $test_rc"
  rc=1
fi
if ((trx_count == 0)); then
  info "no test results (no TRX file with counters in .run/test-results): counting this run as a failure"
  rc=1
fi
if ((failed > 0)); then rc=1; fi

line="$passed passed, $failed failed"
((skipped > 0)) && line+=", $skipped skipped"
echo "$line"
exit "$rc"
