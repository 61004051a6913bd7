#!/usr/bin/env bash
# Load benchmark of the whole service on SQLite and on a private PostgreSQL (started here, stopped on exit).
# Defaults: 10,000 products, 1,000 changes/s for 30 s; any argument is passed through and wins, e.g.
#   ops/bench.sh --products 1000 --rate 200 --seconds 10
set -euo pipefail
cd "$(dirname "$0")/.."

eval "$(ops/postgres.sh start)"
trap 'ops/postgres.sh stop "$CARTONA_PG_DIR"' EXIT

dotnet build tests/CartonaActors.Benchmarks -c Release -v quiet -nologo >&2
set +e
dotnet run -c Release --no-build --project tests/CartonaActors.Benchmarks -- \
  --products 10000 --rate 1000 --seconds 30 --db both "$@"
status=$?
set -e
exit "$status"
