#!/usr/bin/env bash
# Runs a command next to a throwaway PostgreSQL cluster (Debian's `postgresql`
# package): initdb into a temporary folder, a server on a Unix socket there,
# and TOUCAN_EMBED_TEST_POSTGRES set to its connection string
# ("host=<folder> port=<port> user=toucan dbname=postgres"). The cluster and its folder are
# gone when the command ends.
#   scripts/with-postgres.sh cargo test -p toucan-embed-server --test api
# TOUCAN_PG_DURABLE=1 keeps PostgreSQL's default durability (fsync and
# synchronous commits): benchmarks use it; tests don't need it.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
[[ -x "$bin/initdb" ]] || { echo "PostgreSQL is missing: apt-get install postgresql" >&2; exit 1; }
folder=$(mktemp -d /tmp/toucan-pg.XXXXXX)
chmod 755 "$folder"
port=$((20000 + RANDOM % 20000))
# PostgreSQL refuses to run as root: then it runs as the package's postgres user.
as_owner() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[[ $(id -u) == 0 ]] && chown postgres: "$folder"
stop() {
  as_owner "$bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$folder"
}
trap stop EXIT
as_owner "$bin/initdb" -D "$folder/data" -U toucan --auth=trust --no-sync >"$folder/initdb.log" 2>&1 \
  || { cat "$folder/initdb.log" >&2; exit 1; }
settings="-c listen_addresses='' -c unix_socket_directories='$folder' -p $port -c max_connections=200"
if [[ "${TOUCAN_PG_DURABLE:-0}" != 1 ]]; then
  settings="$settings -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi
as_owner "$bin/pg_ctl" -D "$folder/data" -o "$settings" -l "$folder/server.log" -w -t 30 start >/dev/null \
  || { cat "$folder/server.log" >&2; exit 1; }
export TOUCAN_EMBED_TEST_POSTGRES="host=$folder port=$port user=toucan dbname=postgres"
"$@"
