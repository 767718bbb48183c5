#!/usr/bin/env python3
"""Times toucan-keys-cli as a developer runs it: `list` with 1,000 keys and
`run --key K -- true`, each started N times (the release binary, inside a
private keychain); medians in milliseconds. Baselines from the same run: `true`
alone (what starting any process costs here) and `toucan-keys-cli --version`
(starting the CLI without opening the keychain or the key list).

    scripts/bench-cli.py [--runs 21]
"""

import argparse
import json
import os
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVICE = "cloud.toucanai.keys"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def seed_registry(count: int) -> None:
    """`count` key records in the registry (list reads only the registry)."""
    data = Path(os.environ["XDG_DATA_HOME"]) / SERVICE
    data.mkdir(parents=True, exist_ok=True)
    records = [
        {"id": "key_" + "".join(secrets.choice(ALPHABET) for _ in range(16)), "name": f"Backend {i}",
         "hint": "tck_…abcd", "fingerprint": "0" * 64, "createdAt": f"2026-11-{1 + i % 27:02d}T10:00:00Z",
         "expiresAt": "2027-02-01T00:00:00Z", "revokedAt": None, "lastCopiedAt": None, "secretMissing": False}
        for i in range(count)
    ]
    (data / "keys.json").write_text(json.dumps({"version": 1, "keys": records}))


def median_ms(command: list[str], runs: int) -> float:
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)  # warm the page cache; not counted
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    cli = str(target / "release/toucan-keys-cli")
    if os.environ.get("TOUCAN_KEYCHAIN_SESSION") != "inner":
        subprocess.run(["cargo", "build", "--release", "--locked", "-p", "toucan-keys-cli"], cwd=ROOT, check=True)
        return subprocess.run([str(ROOT / "scripts/with-keychain.sh"), sys.executable, __file__, *sys.argv[1:]]).returncode

    seed_registry(1000)
    subprocess.run([cli, "create", "--name", "Bench run key"], stdout=subprocess.DEVNULL, check=True)
    rows = [
        ("true (starting a process)", ["true"]),
        ("toucan-keys-cli --version", [cli, "--version"]),
        ("toucan-keys-cli list (1,001 keys)", [cli, "list"]),
        ("toucan-keys-cli run --key K -- true", [cli, "run", "--key", "Bench run key", "--", "true"]),
    ]
    print(f"{'command':40} {'median':>9}   ({args.runs} runs each)")
    for label, command in rows:
        print(f"{label:40} {median_ms(command, args.runs):7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
