#!/usr/bin/env bash
# The embed server against its own OpenAPI document: schemathesis (from PyPI,
# pinned, in a virtual environment kept next to the build cache) generates
# requests from /openapi.json for every operation, with a registered API key
# and the account token, and fails on any server error (5xx), any response
# that doesn't match its documented schema, status code or content type.
#   scripts/check-openapi.sh [max examples per operation, default 40]
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-40}"
target="${CARGO_TARGET_DIR:-target}"
venv="${TOUCAN_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/toucan-keys}/schemathesis-4.32.5"
if [[ ! -x "$venv/bin/st" ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==4.32.5"
fi
cargo build --locked -p toucan-embed-server --bin toucan-embed-server
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
"$target/debug/toucan-embed-server" --data-dir "$work/data" --port 0 --print-json \
  --requests-per-minute 100000000 --log-format json >"$work/ready.json" 2>"$work/server.log" &
server=$!
for _ in $(seq 100); do [[ -s "$work/ready.json" ]] && break; sleep 0.1; done
# A key made by the protocol crate and registered here, for the embed
# endpoints (never printed).
read -r key fingerprint < <(cargo run --locked -q -p toucan-keys-protocol --example test_key)
read -r address token_file < <(python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); print(r["address"], r["accountTokenFile"])' "$work/ready.json")
account=$(cat "$token_file")
curl --silent --show-error --fail --output /dev/null "$address/api/keys" \
  -H "authorization: Bearer $account" -H "content-type: application/json" \
  --data "{\"id\": \"key_schemathesis\", \"name\": \"schemathesis\", \"fingerprint\": \"$fingerprint\"}"
"$venv/bin/st" run "$address/openapi.json" --url "$address" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples "$examples" --seed 1 --generation-deterministic \
  -H "x-api-key: $key" -H "Authorization: Bearer $account" --no-color
if grep -q '"level":"ERROR"' "$work/server.log"; then
  echo "the server logged errors:" >&2; grep '"level":"ERROR"' "$work/server.log" >&2; exit 1
fi
