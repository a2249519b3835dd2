#!/usr/bin/env bash
# Start a disposable PostgreSQL server on a free loopback port and print its URL.
#   eval "$(scripts/throwaway-postgres.sh start)"   → exports TEST_DATABASE_URL and PG_SCRATCH_DIR
#   scripts/throwaway-postgres.sh stop "$PG_SCRATCH_DIR"
# initdb refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/influencemart-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres PG_SCRATCH_DIR=$dir"
    ;;
  stop)
    dir=${2:?scratch directory}
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop <dir>" >&2
    exit 2
    ;;
esac
