#!/usr/bin/env bash
# Runs a command next to a throwaway PostgreSQL cluster (Debian's `postgresql`
# package): initdb into a temporary folder, a server on a Unix socket there,
# and TOUCAN_EMBED_TEST_POSTGRES set to its connection string
# ("host=<folder> port=<port> user=toucan dbname=postgres"). It also listens on
# 127.0.0.1 with TLS only (TOUCAN_EMBED_TEST_POSTGRES_TLS, its CA in
# TOUCAN_EMBED_TEST_POSTGRES_CA). The cluster and its folder are gone when the
# command ends.
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
# TLS on 127.0.0.1 too, with a certificate from a throwaway CA: TCP connections
# must use TLS (hostssl), so a test that connects without it is refused.
tls="$folder/tls"
mkdir -p "$tls"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=toucan-test-ca \
  -keyout "$tls/ca.key" -out "$tls/ca.pem" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=localhost \
  -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$tls/san.ext"
openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial -days 2 \
  -extfile "$tls/san.ext" -out "$tls/server.pem" 2>/dev/null
chmod 600 "$tls/server.key"
[[ $(id -u) == 0 ]] && chown -R postgres: "$tls"
printf 'local all all trust\nhostssl all all 127.0.0.1/32 trust\nhostnossl all all 127.0.0.1/32 reject\n' \
  | as_owner tee "$folder/data/pg_hba.conf" >/dev/null
settings="-c listen_addresses='127.0.0.1' -c unix_socket_directories='$folder' -p $port -c max_connections=200"
settings="$settings -c ssl=on -c ssl_cert_file='$tls/server.pem' -c ssl_key_file='$tls/server.key'"
if [[ "${TOUCAN_PG_DURABLE:-0}" != 1 ]]; then
  settings="$settings -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
fi
as_owner "$bin/pg_ctl" -D "$folder/data" -o "$settings" -l "$folder/server.log" -w -t 30 start >/dev/null \
  || { cat "$folder/server.log" >&2; exit 1; }
export TOUCAN_EMBED_TEST_POSTGRES="host=$folder port=$port user=toucan dbname=postgres"
# The same cluster over TCP with TLS, and the CA that signed its certificate.
export TOUCAN_EMBED_TEST_POSTGRES_TLS="host=localhost port=$port user=toucan dbname=postgres"
export TOUCAN_EMBED_TEST_POSTGRES_CA="$tls/ca.pem"
"$@"
