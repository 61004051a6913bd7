#!/usr/bin/env bash
# A 3-node cluster on 127.0.0.1 against one PostgreSQL and one shared sandbox Cartona marketplace (ops/CLUSTER.md).
#   ops/cluster.sh start [DIR]   builds (Release) once, starts PostgreSQL via ops/postgres.sh unless
#                                CARTONA_TEST_POSTGRES names a server, creates a database, starts the sandbox and
#                                3 nodes, waits until each answers /healthz/ready, prints the endpoints
#   ops/cluster.sh stop [DIR]    stops what start started, by the pids it wrote under DIR
# Nodes: HTTP 5080/5090/5100, remoting 4053/4054/4055, seed nodes = the first two; sandbox on 5081.
# Logs and pid files: DIR (default ${TMPDIR:-/tmp}/cartona-cluster).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

HTTP_PORTS=(5080 5090 5100)
REMOTING_PORTS=(4053 4054 4055)
SANDBOX_PORT=5081
SANDBOX_PRODUCTS=1000
SYSTEM=cartona-actors
SERVICE_DLL=$ROOT/src/CartonaActors.Service/bin/Release/net10.0/CartonaActors.Service.dll
SANDBOX_DLL=$ROOT/src/CartonaActors.Sandbox.Host/bin/Release/net10.0/CartonaActors.Sandbox.Host.dll
READY_WITHIN=180

say() { echo "ops/cluster.sh: $*" >&2; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# One field of an Npgsql connection string (Host=...;Port=...), case-insensitive key.
cs_field() { tr ';' '\n' <<<"$1" | awk -F= -v k="$2" 'tolower($1)==tolower(k) {sub(/^[^=]*=/, ""); print; exit}'; }
psql_bin() { command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1; }

start() {
  local dir=$1 i
  mkdir -p "$dir"
  for f in "$dir"/*.pid; do
    if alive "$f"; then say "already running ($f); run: ops/cluster.sh stop $dir"; exit 1; fi
  done
  for p in "${HTTP_PORTS[@]}" "${REMOTING_PORTS[@]}" "$SANDBOX_PORT"; do
    port_free "$p" || { say "port $p on 127.0.0.1 is in use"; exit 1; }
  done

  say "building the service and the sandbox (Release), log $dir/build.log"
  { nice -n 15 dotnet build -c Release src/CartonaActors.Service/CartonaActors.Service.csproj &&
    nice -n 15 dotnet build -c Release src/CartonaActors.Sandbox.Host/CartonaActors.Sandbox.Host.csproj; } >"$dir/build.log" 2>&1 \
    || { tail -n 30 "$dir/build.log" >&2; exit 1; }

  if [ -z "${CARTONA_TEST_POSTGRES:-}" ]; then
    eval "$(ops/postgres.sh start)"
    echo "$CARTONA_PG_DIR" >"$dir/postgres.dir"
  fi
  local server=$CARTONA_TEST_POSTGRES db psql
  db="cartona_cluster_$(date +%Y%m%d_%H%M%S)"
  psql=$(psql_bin)
  [ -n "$psql" ] || { say "psql not found (install postgresql-client)"; exit 1; }
  PGPASSWORD=$(cs_field "$server" Password) "$psql" -q -h "$(cs_field "$server" Host)" -p "$(cs_field "$server" Port)" \
    -U "$(cs_field "$server" Username)" -d "$(cs_field "$server" Database)" -c "CREATE DATABASE $db" >/dev/null
  echo "$db" >"$dir/database"
  local journal
  journal="$(sed -E 's/(^|;)[Dd]atabase=[^;]*//' <<<"$server");Database=$db"

  # A fresh token per run: the nodes prove the auth path to the sandbox without a secret in the repo.
  local token
  token=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
  CARTONA_SANDBOX_TOKEN=$token nohup dotnet "$SANDBOX_DLL" "$SANDBOX_PORT" "$SANDBOX_PRODUCTS" >"$dir/sandbox.log" 2>&1 &
  echo $! >"$dir/sandbox.pid"

  for i in 0 1 2; do
    (
      cd "$dir"
      export urls="http://127.0.0.1:${HTTP_PORTS[$i]}"
      export CartonaActors__Cluster__Hostname=127.0.0.1
      export CartonaActors__Cluster__Port=${REMOTING_PORTS[$i]}
      export CartonaActors__Cluster__SeedNodes__0="akka.tcp://$SYSTEM@127.0.0.1:${REMOTING_PORTS[0]}"
      export CartonaActors__Cluster__SeedNodes__1="akka.tcp://$SYSTEM@127.0.0.1:${REMOTING_PORTS[1]}"
      export CartonaActors__Cluster__SplitBrain__Strategy=KeepMajority
      export CartonaActors__Persistence__Provider=PostgreSql
      export CartonaActors__Persistence__ConnectionString="$journal"
      export CartonaActors__Connections__0__Name=sandbox
      export CartonaActors__Connections__0__Platform=cartona
      export CartonaActors__Connections__0__BaseUrl="http://127.0.0.1:$SANDBOX_PORT/api/v1/"
      export CartonaActors__Connections__0__Token="$token"
      exec nohup dotnet "$SERVICE_DLL" >"$dir/node-$i.log" 2>&1
    ) &
    echo $! >"$dir/node-$i.pid"
  done

  local deadline=$((SECONDS + READY_WITHIN))
  for i in 0 1 2; do
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${HTTP_PORTS[$i]}/healthz/ready")" = 200 ]; do
      if ! alive "$dir/node-$i.pid"; then say "node $i exited:"; tail -n 30 "$dir/node-$i.log" >&2; stop "$dir"; exit 1; fi
      if [ $SECONDS -gt $deadline ]; then say "node $i not ready within ${READY_WITHIN} s:"; tail -n 30 "$dir/node-$i.log" >&2; stop "$dir"; exit 1; fi
      sleep 0.5
    done
  done

  echo "cluster up: journal PostgreSQL database $db, logs and pids in $dir"
  for i in 0 1 2; do
    echo "  node $i  http://127.0.0.1:${HTTP_PORTS[$i]}  akka.tcp://$SYSTEM@127.0.0.1:${REMOTING_PORTS[$i]}  pid $(cat "$dir/node-$i.pid")"
  done
  echo "  sandbox Cartona  http://127.0.0.1:$SANDBOX_PORT/api/v1/  (connection 'sandbox', internal_product_id 1..$SANDBOX_PRODUCTS)"
  echo "  members: curl http://127.0.0.1:${HTTP_PORTS[0]}/api/cluster/members"
}

# SIGTERM lets a node leave the cluster and hand its shards over; SIGKILL only if it does not exit in time.
stop_pid() {
  local file=$1 waited=0
  alive "$file" || { rm -f "$file"; return 0; }
  local pid
  pid=$(cat "$file")
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [ $waited -lt 60 ]; do sleep 0.5; waited=$((waited + 1)); done
  kill -0 "$pid" 2>/dev/null && { say "pid $pid did not stop in 30 s, killing it"; kill -KILL "$pid" 2>/dev/null || true; }
  rm -f "$file"
}

stop() {
  local dir=$1 i
  for i in 2 1 0; do stop_pid "$dir/node-$i.pid"; done
  stop_pid "$dir/sandbox.pid"
  if [ -f "$dir/postgres.dir" ]; then
    ops/postgres.sh stop "$(cat "$dir/postgres.dir")"
    rm -f "$dir/postgres.dir" "$dir/database"
  elif [ -f "$dir/database" ]; then
    say "the journal database $(cat "$dir/database") is left on the server of CARTONA_TEST_POSTGRES"
  fi
  echo "cluster stopped ($dir)"
}

DIR=${2:-${TMPDIR:-/tmp}/cartona-cluster}
case "${1:-}" in
  start) start "$DIR" ;;
  stop) stop "$DIR" ;;
  *) echo "usage: ops/cluster.sh start|stop [DIR]" >&2; exit 2 ;;
esac
