#!/usr/bin/env bash
# Load benchmark of the whole service on SQLite and on a private PostgreSQL (started here, stopped on exit).
# Any argument is passed through and wins over the defaults, which depend on the scenario:
#   products (default): 10,000 products, 1,000 changes/s through the HTTP ingress for 30 s, e.g.
#     ops/bench.sh --products 1000 --rate 200 --seconds 10
#   odoo: an emulated Odoo 18 with 100,000 variants, full catalog load, then 20 Odoo changes/s for 30 s, e.g.
#     ops/bench.sh --scenario odoo --variants 10000
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
  odoo) defaults=(--variants 100000 --rate 20 --seconds 30 --db both) ;;
  *)    defaults=(--products 10000 --rate 1000 --seconds 30 --db both) ;;
esac

eval "$(ops/postgres.sh start)"
trap 'ops/postgres.sh stop "$CARTONA_PG_DIR"' EXIT

dotnet build tests/CartonaActors.Benchmarks -c Release -v quiet -nologo >&2
set +e
dotnet run -c Release --no-build --project tests/CartonaActors.Benchmarks -- "${defaults[@]}" "$@"
status=$?
set -e
exit "$status"
