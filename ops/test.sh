#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine with only the .NET SDK:
# installs PostgreSQL from Debian's packages if missing, starts a private instance on 127.0.0.1 in a
# temporary data folder, runs `dotnet test`, and stops that instance (by its own data folder's pid).
set -euo pipefail
cd "$(dirname "$0")/.."

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
PG_BIN=$(pg_bin)
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "ops/test.sh: installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  PG_BIN=$(pg_bin)
fi

PG_DATA=$(mktemp -d /tmp/cartona-pg.XXXXXX)
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$PG_DATA"

stop_pg() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA/db" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DATA"
}
trap stop_pg EXIT

as_pg "$PG_BIN/initdb" -D "$PG_DATA/db" -U postgres --auth=trust >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA/db" -l "$PG_DATA/db/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DATA -c max_connections=200 -c fsync=off" start >/dev/null
echo "ops/test.sh: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (data $PG_DATA/db)"
export CARTONA_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"

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
