#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine with only the .NET SDK: installs PostgreSQL and
# Chromium from Debian's packages if missing, starts a private PostgreSQL on 127.0.0.1 in a temporary data
# folder, runs `dotnet test` (the dashboard's browser specs drive that Chromium), and stops PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

eval "$(ops/postgres.sh start)"
trap 'ops/postgres.sh stop "$CARTONA_PG_DIR"' EXIT
# Without a browser the rest of the suite still runs; the browser specs then fail and say so.
CARTONA_TEST_CHROMIUM="$(ops/chromium.sh)" || echo "ops/test.sh: chromium could not be installed; the dashboard's browser specs will fail" >&2
export CARTONA_TEST_CHROMIUM

LOG=$(mktemp)
set +e
dotnet test CartonaActors.sln "$@" 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}
set -e
# One closing line over all test assemblies.
passed=$(grep -Eo 'Passed: +[0-9]+' "$LOG" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$LOG" | awk '{s+=$2} END {print s+0}')
rm -f "$LOG"
echo "tests: $passed passed, $failed failed"
exit "$status"
