#!/usr/bin/env python3
"""How fast `toucan-keys-cli run` passes a child's output on, masking the key.

A child (Python) writes --megabytes MB of log-like text in 64 KiB writes, the
key among it once per megabyte, to standard output (a pipe that `cat` reads
into /dev/null, as a log or another program would), and
reports how long its writes took from the first to the last: the throughput
the reader allowed it, with the CLI's start (the keychain read) left out.
Alternating, in the same run: the child run directly, through `run` (masked),
and through `run --no-masking`. Prints medians of --runs runs; the target is
masking at least 0.8 × the direct throughput.

    scripts/with-keychain.sh scripts/bench-run.py [--megabytes 100] [--runs 7]

Builds the release CLI; makes one key in a key list of its own (the
keychain's entry is removed at the end).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))

CHILD = r"""
import os, sys, time
megabytes = int(sys.argv[1])
key = os.environ.get("TOUCAN_API_KEY", "tck_" + "x" * 36)
line = b"2026-12-03T10:00:00Z info request served in 12 ms, region=EMEA, tenant=acme, path=/embed/generate-token\n"
block = (line * (65536 // len(line) + 1))[:65536]
with_key = (b"TOUCAN_API_KEY=" + key.encode() + b"\n" + block)[:65536]
writes = megabytes * 1_000_000 // 65536
started = time.perf_counter()
for n in range(writes):
    os.write(1, with_key if n % 16 == 0 else block)
elapsed = time.perf_counter() - started
with open(os.environ["BENCH_REPORT"], "w") as report:
    report.write(f"{writes * 65536 / 1e6 / elapsed}")
"""


def throughput(command, env, report):
    """The child's write throughput with its output piped to `cat > /dev/null`
    (a reader, as a log or another program would be)."""
    writer = subprocess.Popen(command, env=env, stdout=subprocess.PIPE)
    reader = subprocess.run(["cat"], stdin=writer.stdout, stdout=subprocess.DEVNULL)
    writer.stdout.close()
    if writer.wait() != 0 or reader.returncode != 0:
        sys.exit(f"{command[0]} failed")
    return float(report.read_text())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--locked", "-p", "toucan-keys-cli"], cwd=ROOT, check=True)
    cli = str(TARGET / "release/toucan-keys-cli")
    work = Path(tempfile.mkdtemp(prefix="toucan-run-bench-"))
    report = work / "report"
    env = dict(os.environ, XDG_DATA_HOME=str(work / "data"), XDG_CONFIG_HOME=str(work / "config"),
               BENCH_REPORT=str(report))
    child = [sys.executable, "-c", CHILD, str(args.megabytes)]
    ways = {
        "directly": child,
        "run (masked)": [cli, "run", "--key", "Bench", "--", *child],
        "run --no-masking": [cli, "run", "--no-masking", "--key", "Bench", "--", *child],
    }
    try:
        subprocess.run([cli, "create", "--name", "Bench"], env=env, check=True, stdout=subprocess.DEVNULL)
        for command in ways.values():  # warm up
            throughput(command, env, report)
        seen = {name: [] for name in ways}
        for _ in range(args.runs):
            for name, command in ways.items():
                seen[name].append(throughput(command, env, report))
    finally:
        subprocess.run([cli, "revoke", "Bench", "--yes"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)
    direct = statistics.median(seen["directly"])
    print(f"a child writing {args.megabytes} MB in 64 KiB writes, piped to cat; medians of {args.runs} runs, alternating")
    for name, values in seen.items():
        median = statistics.median(values)
        print(f"{name:18} {median:8.0f} MB/s  = {median / direct:.2f} × direct")
    print("target: run (masked) at least 0.8 × direct")


if __name__ == "__main__":
    main()
