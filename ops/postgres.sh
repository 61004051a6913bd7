#!/usr/bin/env bash
# A private PostgreSQL for tests and benchmarks: installed from Debian's packages if missing, run on
# 127.0.0.1 from a data folder of its own, stopped through that folder (so by the pid it started).
#   eval "$(ops/postgres.sh start)"   -> exports CARTONA_TEST_POSTGRES and CARTONA_PG_DIR
#   ops/postgres.sh stop "$CARTONA_PG_DIR"
#   ops/postgres.sh halt DIR / resume DIR -> the server dies as in a crash (immediate), then starts again on its port
set -euo pipefail

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start() {
  local bin dir port
  bin=$(pg_bin)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "ops/postgres.sh: installing PostgreSQL from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >/dev/null
    bin=$(pg_bin)
  fi
  dir=$(mktemp -d /tmp/cartona-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  as_pg "$bin/initdb" -D "$dir/db" -U postgres --auth=trust >/dev/null
  echo "$port" > "$dir/port"
  run "$bin" "$dir" "$port"
  echo "ops/postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data $dir/db)" >&2
  echo "export CARTONA_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
  echo "export CARTONA_PG_DIR='$dir'"
}

# fsync off: a test database that dies with the machine is thrown away anyway.
run() {
  as_pg "$1/pg_ctl" -D "$2/db" -l "$2/db/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $3 -k $2 -c max_connections=300 -c fsync=off" start >/dev/null
}

halt() {
  local dir=${1:?usage: postgres.sh halt DIR}
  as_pg "$(pg_bin)/pg_ctl" -D "$dir/db" -m immediate stop >/dev/null
}

resume() {
  local dir=${1:?usage: postgres.sh resume DIR}
  run "$(pg_bin)" "$dir" "$(cat "$dir/port")"
}

stop() {
  local dir=${1:?usage: postgres.sh stop DIR}
  as_pg "$(pg_bin)/pg_ctl" -D "$dir/db" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  halt) shift; halt "$@" ;;
  resume) shift; resume "$@" ;;
  *) echo "usage: ops/postgres.sh start | stop DIR | halt DIR | resume DIR" >&2; exit 2 ;;
esac
