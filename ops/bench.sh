#!/usr/bin/env bash
# Load benchmark of the service, run as its own process(es) and measured alone (CPU, RSS from /proc), against the
# emulators hosted by the benchmark process (Cartona and Odoo; REST, Shopify, Amazon and eBay in the platforms
# scenario); a private PostgreSQL is started here and stopped on exit.
# Any argument is passed through and wins over the defaults, which depend on the scenario:
#   changes (default): 10,000 products linked through the ingress, 1,000 changes/s for 30 s, SQLite and PostgreSQL
#     ops/bench.sh --products 1000 --rate 200 --seconds 10 --baseline
#   onboard: catalog load of 100,000 Odoo variants, then 20 Odoo changes/s for 30 s
#     ops/bench.sh --scenario onboard --products 10000 --seconds 0 --db postgresql
#   repush: 100,000 variants loaded, then POST /api/connections/cartona/sync-all
#   restart: 100,000 variants loaded, 10,000 changes pending behind 503s, SIGKILL, restart; then again idle
#   cluster: 3 nodes on one PostgreSQL, node 2 SIGKILLed halfway through 30 s of changes
#   platforms: 25,000 products through the ingress to Cartona, REST, Shopify, Amazon and eBay in turn (each emulator
#     at its published limits, a fresh service per platform), timed until all are shown, at most 15 min each; SQLite
#     ops/bench.sh --scenario platforms --products 1000 --platforms shopify,ebay
#   synclog: the sync log table filled with 1,000,000 rows (--rows), its dashboard and CLI queries timed; SQLite and PostgreSQL
#   --baseline adds the old module's way (one call per change) on the same emulator, and the ratios.
# Each run writes tests/CartonaActors.Benchmarks/results/<date>-<scenario>-<db>.md ending with a RESULT line.
set -euo pipefail
cd "$(dirname "$0")/.."

scenario=products
previous=
for arg in "$@"; do
  case "$arg" in
    --scenario=*) scenario="${arg#--scenario=}" ;;
    *) [[ "$previous" == "--scenario" ]] && scenario="$arg" ;;
  esac
  previous="$arg"
done
case "$scenario" in
  onboard | odoo) defaults=(--products 100000 --rate 20 --seconds 30 --db both) ;;
  repush) defaults=(--products 100000 --db both) ;;
  restart) defaults=(--products 100000 --pending 10000 --db both) ;;
  cluster) defaults=(--products 10000 --rate 1000 --seconds 30 --db postgresql) ;;
  platforms) defaults=(--products 25000 --db sqlite) ;;
  synclog | sync-log) defaults=(--db both) ;;
  *) defaults=(--products 10000 --rate 1000 --seconds 30 --db both) ;;
esac

eval "$(ops/postgres.sh start)"
trap 'ops/postgres.sh stop "$CARTONA_PG_DIR"' EXIT

nice -n 10 dotnet build tests/CartonaActors.Benchmarks -c Release -v quiet -nologo >&2
set +e
dotnet run -c Release --no-build --project tests/CartonaActors.Benchmarks -- "${defaults[@]}" "$@"
status=$?
set -e
exit "$status"
