#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine with only the .NET SDK: installs PostgreSQL from
# Debian's packages if missing, starts a private instance on 127.0.0.1 in a temporary data folder,
# runs `dotnet test`, and stops that instance.
set -euo pipefail
cd "$(dirname "$0")/.."

eval "$(ops/postgres.sh start)"
trap 'ops/postgres.sh stop "$CARTONA_PG_DIR"' EXIT

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
