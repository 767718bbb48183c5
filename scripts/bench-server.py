#!/usr/bin/env python3
"""Token issuance of the embed-token server against the machine's ceiling.

For each store (SQLite; PostgreSQL with one server; PostgreSQL with two
servers sharing the database) and each number of registered keys in use
(1, 100, 10,000, each request using the next key in turn), wrk sends
`POST /embed/generate-token` over 16 connections. In the same run, and
alternating with it, the same wrk load goes to the ceiling: the same HTTP
stack answering a fixed JSON body of the size of a token reply
(crates/server/examples/ceiling.rs). Prints medians of --runs runs, with the
CPU time the server (or the ceiling) used per request, read from /proc.

Each is run for keys with no limit and for keys with every limit set
(restricted keys: role, permissions, fixed attribute, longest lifetime,
networks, own rate, first day; the request passes them all). The floor a
token can't go under is the ceiling's CPU per request plus one Ed25519
signature (timed by the ceiling example, `--signature-us`); the last column
is the token's CPU as a multiple of it (target: at most 1.3).

    scripts/bench-server.py [--seconds 5] [--runs 3] [--stores sqlite,postgres,postgres-2] [--limits none,every]

PostgreSQL runs inside scripts/with-postgres.sh (a throwaway cluster with
PostgreSQL's default durability). Needs wrk (apt-get install wrk).
"""
import argparse, http.client, json, os, re, secrets, shutil, statistics, subprocess, sys, tempfile, time, zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
SERVER_BINARY = str(TARGET / "release/toucan-embed-server")
BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
BODY = json.dumps({"user": {"distinctId": "user-42", "role": "explorer", "attributes": {"region": "EMEA"}},
                   "permissions": {"dashboard": ["can_view"]}})


def new_key():
    """A well-formed Toucan key: 30 random base62 characters and a CRC-32 checksum (benchmark only)."""
    body = "".join(secrets.choice(BASE62) for _ in range(30))
    n, check = zlib.crc32(body.encode()), ""
    while n:
        n, d = divmod(n, 62)
        check = BASE62[d] + check
    return f"tck_{body}{check.rjust(6, '0')}"


def fingerprint(key):
    import hashlib
    return hashlib.sha256(key.encode()).hexdigest()


def start_server(work, name, database_url=None):
    data = work / name
    command = [SERVER_BINARY, "--data-dir", str(data), "--port", "0",
               "--requests-per-minute", "1000000000", "--print-json", "--log-format", "json"]
    if database_url:
        command += ["--database-url", database_url]
    log = open(work / f"{name}.log", "w")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True)
    line = process.stdout.readline()
    if not line:
        log.close()
        sys.exit(f"the server didn't start:\n{(work / f'{name}.log').read_text()}")
    ready = json.loads(line)
    token_file = ready["accountTokenFile"]
    return process, ready["address"], (Path(token_file).read_text().strip() if token_file else None)


# A key with every limit set, each one the benchmark's request passes (so the
# server checks them all and still issues the token).
EVERY_LIMIT = {
    "roles": ["explorer"],
    "permissions": {"dashboard": ["can_view"], "chart": ["can_view"]},
    "fixedAttributes": {"region": "EMEA"},
    "maxLifetimeSeconds": 3600,
    "networks": ["127.0.0.0/8", "::1/128"],
    "requestsPerMinute": 999_999_999,
    "notBefore": "2020-01-01T00:00:00Z",
}


def register(address, account, keys, prefix="bench", limits=None):
    host = address.removeprefix("http://")
    connection = http.client.HTTPConnection(host)
    for i, key in enumerate(keys):
        body = {"id": f"key_{prefix}{i:05d}", "name": f"{prefix} {i}", "fingerprint": fingerprint(key)}
        if limits:
            body["limits"] = limits
        body = json.dumps(body)
        connection.request("POST", "/api/keys", body, {"authorization": f"Bearer {account}", "content-type": "application/json"})
        reply = connection.getresponse()
        reply.read()
        assert reply.status == 201, reply.status


def reply_size(address, key):
    host = address.removeprefix("http://")
    connection = http.client.HTTPConnection(host)
    connection.request("POST", "/embed/generate-token", BODY, {"x-api-key": key, "content-type": "application/json"})
    reply = connection.getresponse()
    body = reply.read()
    assert reply.status == 200, body
    return len(body)


def lua(path, keys):
    with open(path, "w") as f:
        f.write("local keys = {" + ",".join(f'"{k}"' for k in keys) + "}\n")
        f.write("local i = math.random(#keys)\n")
        f.write('wrk.method = "POST"\nwrk.headers["content-type"] = "application/json"\n')
        f.write(f"wrk.body = '{BODY}'\n")
        f.write('request = function()\n  i = i + 1\n  wrk.headers["x-api-key"] = keys[(i % #keys) + 1]\n  return wrk.format()\nend\n')


def to_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url, script, seconds, threads=2, connections=16):
    out = subprocess.run(["wrk", "--latency", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url],
                         capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in out or "Socket errors" in out:
        sys.exit(f"some requests failed:\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    return rps, p50, p99


def wrk_many(urls, script, seconds):
    """wrk on each url at once, the 16 connections shared out: summed rate, worst latencies."""
    if len(urls) == 1:
        return wrk(urls[0], script, seconds)
    per = 16 // len(urls)
    processes = [subprocess.Popen(["wrk", "--latency", "-t1", f"-c{per}", f"-d{seconds}s", "-s", str(script), url],
                                  stdout=subprocess.PIPE, text=True) for url in urls]
    results = []
    for process in processes:
        out = process.communicate()[0]
        if "Non-2xx" in out or "Socket errors" in out:
            sys.exit(f"some requests failed:\n{out}")
        results.append((float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
                        to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
                        to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))))
    return sum(r[0] for r in results), max(r[1] for r in results), max(r[2] for r in results)


def cpu_seconds(pids):
    """User and system CPU time the processes have used so far (Linux /proc)."""
    total = 0
    for pid in pids:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def measured(run, pids, seconds):
    """A wrk run, with the server's CPU time per request in µs."""
    before = cpu_seconds(pids)
    rps, p50, p99 = run()
    used = cpu_seconds(pids) - before
    return rps, p50, p99, used / (rps * seconds) * 1e6


def psql(sql):
    subprocess.run(["psql", os.environ["TOUCAN_EMBED_TEST_POSTGRES"], "-qc", sql], check=True, capture_output=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keys", default="1,100,10000")
    parser.add_argument("--stores", default="sqlite,postgres,postgres-2")
    parser.add_argument("--limits", default="none,every",
                        help="keys with no limit, with every limit set, or both (the same request passes them all)")
    parser.add_argument("--binary", default=str(TARGET / "release/toucan-embed-server"),
                        help="the server to measure (another build, to compare two in one session)")
    args = parser.parse_args()
    global SERVER_BINARY
    SERVER_BINARY = args.binary
    stores = args.stores.split(",")
    if any(s.startswith("postgres") for s in stores) and not os.environ.get("TOUCAN_EMBED_TEST_POSTGRES"):
        env = dict(os.environ, TOUCAN_PG_DURABLE="1")
        os.execvpe(str(ROOT / "scripts/with-postgres.sh"), [str(ROOT / "scripts/with-postgres.sh"), sys.executable, *sys.argv], env)
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    subprocess.run(["cargo", "build", "--release", "--locked", "-p", "toucan-embed-server",
                    "--bin", "toucan-embed-server", "--example", "ceiling"], check=True, cwd=ROOT)
    counts = [int(n) for n in args.keys.split(",")]
    kinds = args.limits.split(",")
    keys = {kind: [new_key() for _ in range(max(counts))] for kind in kinds}
    work = Path(tempfile.mkdtemp(prefix="toucan-bench-"))
    results = []
    try:
        for store in stores:
            processes = []
            if store == "sqlite":
                servers = [start_server(work, "sqlite")]
            else:
                database = f"bench_{secrets.token_hex(4)}"
                psql(f"CREATE DATABASE {database}")
                url = f"{os.environ['TOUCAN_EMBED_TEST_POSTGRES']} dbname={database}"
                instances = 2 if store == "postgres-2" else 1
                servers = [start_server(work, f"{store}-{i}", url) for i in range(instances)]
            processes = [s[0] for s in servers]
            addresses = [s[1] for s in servers]
            for kind in kinds:
                register(addresses[0], servers[0][2], keys[kind], prefix=kind, limits=EVERY_LIMIT if kind == "every" else None)
            size = reply_size(addresses[-1], keys[kinds[0]][0])
            signature_us = float(subprocess.run([str(TARGET / "release/examples/ceiling"), "--signature-us", str(size)],
                                                capture_output=True, text=True, check=True).stdout)
            ceiling = subprocess.Popen([str(TARGET / "release/examples/ceiling"), "--port", "0", "--bytes", str(size)],
                                       stdout=subprocess.PIPE, text=True)
            ceiling_url = f"http://{ceiling.stdout.readline().strip()}/embed/generate-token"
            try:
                for count, kind in [(count, kind) for count in counts for kind in kinds]:
                    script = work / f"keys-{kind}-{count}.lua"
                    lua(script, keys[kind][:count])
                    urls = [f"{a}/embed/generate-token" for a in addresses]
                    wrk_many(urls, script, 1)  # warm-up: every key read once
                    token_runs, ceiling_runs = [], []
                    server_pids = [p.pid for p in processes]
                    for _ in range(args.runs):
                        ceiling_runs.append(measured(lambda: wrk(ceiling_url, script, args.seconds), [ceiling.pid], args.seconds))
                        token_runs.append(measured(lambda: wrk_many(urls, script, args.seconds), server_pids, args.seconds))
                    row = {
                        "store": store, "keys": count, "limits": kind, "replyBytes": size, "signatureUs": signature_us,
                        "ceilingRps": statistics.median(r[0] for r in ceiling_runs),
                        "tokenRps": statistics.median(r[0] for r in token_runs),
                        "p50Ms": statistics.median(r[1] for r in token_runs),
                        "p99Ms": statistics.median(r[2] for r in token_runs),
                        "ceilingP99Ms": statistics.median(r[2] for r in ceiling_runs),
                        "tokenCpuUs": statistics.median(r[3] for r in token_runs),
                        "ceilingCpuUs": statistics.median(r[3] for r in ceiling_runs),
                    }
                    row["ratio"] = row["tokenRps"] / row["ceilingRps"]
                    row["floorUs"] = row["ceilingCpuUs"] + signature_us
                    row["perFloor"] = row["tokenCpuUs"] / row["floorUs"]
                    results.append(row)
                    print(json.dumps(row), flush=True)
            finally:
                ceiling.terminate()
                for p in processes:
                    p.terminate()
                    p.wait()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\nfloor = the ceiling's CPU per request + one Ed25519 signature; target: token CPU at most 1.3 × floor")
    print(f"\n{'store':<11} {'keys':>6} {'limits':>6} {'ceiling/s':>10} {'tokens/s':>10} {'ratio':>6} {'p50 ms':>7} {'p99 ms':>7} {'CPU µs/req (ceiling)':>21} {'floor µs':>9} {'× floor':>8}")
    for r in results:
        print(f"{r['store']:<11} {r['keys']:>6} {r['limits']:>6} {r['ceilingRps']:>10.0f} {r['tokenRps']:>10.0f} {r['ratio']:>6.2f} {r['p50Ms']:>7.2f} {r['p99Ms']:>7.2f} {r['tokenCpuUs']:>12.1f} ({r['ceilingCpuUs']:.1f}) {r['floorUs']:>9.1f} {r['perFloor']:>8.2f}")


if __name__ == "__main__":
    main()
