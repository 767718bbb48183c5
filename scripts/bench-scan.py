#!/usr/bin/env python3
"""How fast `toucan-keys-cli scan` searches, against ripgrep over the same tree.

Makes a tree of source-like text files (--files files of about --kib KiB, in
nested folders, a few holding a key minted by the protocol crate), then times,
alternating, `rg 'tck_[0-9A-Za-z]{36}'` and `toucan-keys-cli scan` over it
(both following .gitignore, both with a warm page cache). Also times
`scan --staged` on a commit of typical size (--staged-files changed files).
Prints medians of --runs runs; the target is a scan at least 0.5 × ripgrep's
throughput, and a staged scan well under 100 ms.

    scripts/bench-scan.py [--files 4000] [--kib 24] [--runs 7] [--staged-files 12]

Needs ripgrep (apt-get install ripgrep); builds the release CLI.
"""
import argparse
import os
import random
import shutil
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
WORDS = ["let", "const", "return", "function", "value", "config", "user", "token", "request", "region",
         "dashboard", "if", "else", "for", "while", "import", "from", "export", "await", "async"]


def mint_key():
    out = subprocess.run(["cargo", "run", "--locked", "-q", "-p", "toucan-keys-protocol", "--example", "test_key"],
                         cwd=ROOT, check=True, capture_output=True, text=True)
    return out.stdout.split()[0]


def text_of(size, rng):
    lines, total = [], 0
    while total < size:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12))) + ";"
        lines.append(line)
        total += len(line) + 1
    return "\n".join(lines) + "\n"


def make_tree(root, files, kib, keys, rng):
    for i in range(files):
        folder = root / f"pkg{i % 40}" / f"mod{i % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        body = text_of(kib * 1024, rng)
        if i % 997 == 0:
            body += f"TOUCAN_API_KEY={keys[i % len(keys)]}\n"
        (folder / f"file{i}.js").write_text(body)


def timed(command, cwd, ok_codes=(0, 1)):
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    if done.returncode not in ok_codes:
        sys.exit(f"{command[0]} failed with {done.returncode}")
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=4000)
    parser.add_argument("--kib", type=int, default=24)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--staged-files", type=int, default=12)
    args = parser.parse_args()
    if not shutil.which("rg"):
        sys.exit("ripgrep is missing: apt-get install ripgrep")
    subprocess.run(["cargo", "build", "--release", "--locked", "-p", "toucan-keys-cli"], cwd=ROOT, check=True)
    cli = str(TARGET / "release/toucan-keys-cli")
    rng = random.Random(42)
    keys = [mint_key(), mint_key()]
    work = Path(tempfile.mkdtemp(prefix="toucan-scan-bench-"))
    # The scan names your keys from a key list: an empty one, in folders of its own.
    env = dict(os.environ, XDG_DATA_HOME=str(work / "data"), XDG_CONFIG_HOME=str(work / "config"))
    try:
        tree = work / "tree"
        make_tree(tree, args.files, args.kib, keys, rng)
        megabytes = sum(p.stat().st_size for p in tree.rglob("*") if p.is_file()) / 1e6
        rg_command = ["rg", "-c", "tck_[0-9A-Za-z]{36}", "."]
        scan_command = [cli, "scan", "."]
        for command in (rg_command, scan_command):  # warm the page cache
            timed(command, tree)
        rg_times, scan_times = [], []
        for _ in range(args.runs):
            rg_times.append(timed(rg_command, tree))
            started = time.perf_counter()
            done = subprocess.run(scan_command, cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            scan_times.append(time.perf_counter() - started)
            if done.returncode != 1:
                sys.exit(f"scan found nothing (exit {done.returncode})")
        rg_s, scan_s = statistics.median(rg_times), statistics.median(scan_times)

        # A commit of typical size: a repository with the tree, a few files changed and staged.
        repo = work / "repo"
        shutil.copytree(tree / "pkg0", repo / "pkg0")
        git = lambda *a: subprocess.run(["git", "-c", "user.name=b", "-c", "user.email=b@example.com", *a],
                                        cwd=repo, check=True, capture_output=True)
        git("init", "-q")
        git("add", ".")
        git("commit", "-qm", "base")
        changed = sorted(repo.rglob("*.js"))[: args.staged_files]
        for path in changed:
            path.write_text(path.read_text() + "// changed\n")
        git("add", ".")
        staged = []
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run([cli, "scan", "--staged"], cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            staged.append(time.perf_counter() - started)
        staged_ms = statistics.median(staged) * 1000
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"tree: {args.files} files, {megabytes:.0f} MB; medians of {args.runs} runs, alternating")
    print(f"ripgrep: {rg_s * 1000:8.1f} ms  ({megabytes / rg_s:7.0f} MB/s)")
    print(f"scan:    {scan_s * 1000:8.1f} ms  ({megabytes / scan_s:7.0f} MB/s)  = {rg_s / scan_s:.2f} × ripgrep's throughput (target ≥ 0.5)")
    print(f"scan --staged, {args.staged_files} changed files: {staged_ms:.1f} ms (target well under 100 ms)")


if __name__ == "__main__":
    main()
