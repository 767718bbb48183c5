#!/usr/bin/env bash
# Token issuance throughput and latency of the embed-token server on loopback,
# with wrk (Debian package `wrk`): for 1, 10 and 100 registered keys, each
# request using the next key in turn. Prints requests/s and p50/p99 latency.
#   scripts/bench-server.sh [seconds per run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
target="${CARGO_TARGET_DIR:-target}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
cargo build --release --locked -p toucan-embed-server
port=18799
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import secrets, sys, zlib, hashlib, json
A = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
def b62(n):
    s = ""
    while n: n, d = divmod(n, 62); s = A[d] + s
    return s.rjust(6, "0")
keys = []
for _ in range(100):
    body = "".join(secrets.choice(A) for _ in range(30))
    keys.append(f"tck_{body}{b62(zlib.crc32(body.encode()))}")
json.dump(keys, open(f"{sys.argv[1]}/keys.json", "w"))
PY

"$target/release/toucan-embed-server" --data-dir "$work/data" --port $port --requests-per-minute 100000000 \
  --print-json >"$work/server.json" &
server=$!
for _ in $(seq 50); do [[ -s "$work/server.json" ]] && break; sleep 0.1; done
# One JSON line once it listens; the new account token is in a private file it names.
account=$(python3 -c 'import json,sys; print(open(json.load(open(sys.argv[1]))["accountTokenFile"]).read().strip())' "$work/server.json")

python3 - "$work" "$port" "$account" <<'PY'
import json, sys, hashlib, urllib.request, secrets
work, port, account = sys.argv[1], sys.argv[2], sys.argv[3]
for i, key in enumerate(json.load(open(f"{work}/keys.json"))):
    body = json.dumps({"id": f"key_bench{i:04d}", "name": f"bench {i}", "fingerprint": hashlib.sha256(key.encode()).hexdigest()}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/keys", body, {"authorization": f"Bearer {account}", "content-type": "application/json"})
    urllib.request.urlopen(request).read()
PY

printf '%-6s %12s %10s %10s\n' keys "requests/s" p50 p99
for count in 1 10 100; do
  python3 - "$work" "$count" <<'PY'
import json, sys
work, count = sys.argv[1], int(sys.argv[2])
keys = json.load(open(f"{work}/keys.json"))[:count]
lua = "local keys = {" + ",".join(f'"{k}"' for k in keys) + "}\n"
lua += """local i = 0
wrk.method = "POST"
wrk.headers["content-type"] = "application/json"
wrk.body = '{"user": {"distinctId": "user-42", "role": "explorer", "attributes": {"region": "EMEA"}}, "permissions": {"dashboard": ["can_view"]}}'
request = function()
  i = i + 1
  wrk.headers["x-api-key"] = keys[(i % #keys) + 1]
  return wrk.format()
end
"""
open(f"{work}/bench.lua", "w").write(lua)
PY
  out=$(wrk --latency -t2 -c16 -d"${seconds}s" -s "$work/bench.lua" "http://127.0.0.1:$port/embed/generate-token")
  grep -q "Non-2xx" <<<"$out" && { echo "$out" >&2; echo "some requests failed" >&2; exit 1; }
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  printf '%-6s %12s %10s %10s\n' "$count" "$rps" "$p50" "$p99"
done
