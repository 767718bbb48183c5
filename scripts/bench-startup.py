#!/usr/bin/env python3
"""Start-up benchmark of the release app against a bare Tauri window.

Launches each binary several times under Xvfb, interleaved (app, bare, app,
bare, ...) so that machine noise hits both alike, and reports the medians of:
  - the time from launch to ready: for the app, the key list drawn (it prints
    `ready` when the drawn list first calls Rust); for the bare window, its
    blank page loaded;
  - the summed PSS (proportional set size) of all the binary's processes (the
    app and its WebKit web and network processes), 2 s after ready.

The baseline is the bare window with the app's webview settings (what the
targets compare against). For context, the same bare window with WebKit's
default settings (GPU compositing on) is measured too.

The app starts with 20 keys (registry + keychain) and a display name set, so
it shows the full list at once. Runs inside a private keychain session.

    scripts/bench-startup.py [--runs 7]
"""

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import time
import zlib
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
APP = TARGET / "release" / "toucan-keys"
BARE = TARGET / "release" / "bare_window"
SERVICE = "cloud.toucanai.keys"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def base62(value: int, width: int) -> str:
    digits = ""
    while value:
        value, digit = divmod(value, 62)
        digits = ALPHABET[digit] + digits
    return digits.rjust(width, "0")


def make_key() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(30))
    return f"tck_{body}{base62(zlib.crc32(body.encode()), 6)}"


def seed(count: int) -> None:
    """Writes `count` keys into the registry and the keychain, and a name."""
    data = Path(os.environ["XDG_DATA_HOME"]) / SERVICE
    config = Path(os.environ["XDG_CONFIG_HOME"]) / SERVICE
    data.mkdir(parents=True, exist_ok=True)
    config.mkdir(parents=True, exist_ok=True)
    records = []
    for i in range(count):
        key, key_id = make_key(), "key_" + "".join(secrets.choice(ALPHABET) for _ in range(16))
        subprocess.run(["secret-tool", "store", f"--label=bench {i}", "service", SERVICE, "username", key_id],
                       input=key.encode(), check=True)
        records.append({"id": key_id, "name": f"Backend {i}", "hint": f"tck_…{key[-4:]}", "fingerprint": "0" * 64,
                        "createdAt": f"2026-11-{1 + i % 27:02d}T10:00:00Z", "expiresAt": "2027-02-01T00:00:00Z",
                        "revokedAt": None, "lastCopiedAt": None, "secretMissing": False})
    (data / "keys.json").write_text(json.dumps({"version": 1, "keys": records}))
    (config / "settings.json").write_text(json.dumps(
        {"displayName": "Bench Mark", "clipboardClear": {"kind": "after", "seconds": 30}}))


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        queue.extend(children.get(current, []))
    return found


def pss_kib(pids: list[int]) -> dict[str, int]:
    """PSS per process kind: the binary itself, WebKit's web process, its network process."""
    kinds: dict[str, int] = {}
    for pid in pids:
        try:
            name = Path(f"/proc/{pid}/comm").read_text().strip()
            kind = "web" if name.startswith("WebKitWeb") else "network" if name.startswith("WebKitNetwork") else "main"
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    kinds[kind] = kinds.get(kind, 0) + int(line.split()[1])
        except OSError:
            pass
    return kinds


def launch(binary: Path, **extra_env: str) -> tuple[float, dict[str, int]]:
    env = dict(os.environ, TOUCAN_KEYS_READY_SIGNAL="1", **extra_env)
    start = time.perf_counter()
    process = subprocess.Popen([str(binary)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                               start_new_session=True)
    try:
        line = process.stdout.readline()
        elapsed = time.perf_counter() - start
        if line.strip() != b"ready":
            raise RuntimeError(f"{binary.name} exited without signalling ready")
        time.sleep(2)
        memory = pss_kib(descendants(process.pid))
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
        time.sleep(0.5)
    return elapsed, memory


def ui_out_of_date() -> bool:
    """Whether ui/dist is older than the UI's sources (building it again makes cargo rebuild the app)."""
    built = ROOT / "ui/dist/index.html"
    if not built.exists():
        return True
    sources = [p for folder in ("ui/src", "ui/public") for p in (ROOT / folder).rglob("*") if p.is_file()]
    sources += [ROOT / "ui/index.html", ROOT / "ui/package-lock.json"]
    return max(p.stat().st_mtime for p in sources) > built.stat().st_mtime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    if os.environ.get("TOUCAN_KEYCHAIN_SESSION") != "inner":
        if ui_out_of_date():
            subprocess.run(["npm", "--prefix", "ui", "run", "build", "--silent"], cwd=ROOT, check=True)
        # The app exactly as shipped, and the bare window (crates/bench-window), from one release tree.
        subprocess.run(["cargo", "build", "--release", "--locked", "-p", "toucan-keys", "--features", "custom-protocol",
                        "-p", "toucan-keys-bench-window"], cwd=ROOT, check=True)
        return subprocess.run([str(ROOT / "scripts/with-keychain.sh"), sys.executable, __file__, *sys.argv[1:]]).returncode

    seed(20)
    xvfb = subprocess.Popen(["Xvfb", ":88", "-screen", "0", "1280x860x24", "-nolisten", "tcp"],
                            stderr=subprocess.DEVNULL)
    os.environ["DISPLAY"] = ":88"
    time.sleep(1)
    results: dict[str, list[tuple[float, dict[str, int]]]] = {"app": [], "bare": [], "bare_default": []}
    try:
        launch(APP), launch(BARE)  # warm the page cache; not counted
        for _ in range(args.runs):
            results["app"].append(launch(APP))
            results["bare"].append(launch(BARE))
            results["bare_default"].append(launch(BARE, TOUCAN_BARE_DEFAULT_WEBVIEW="1"))
    finally:
        xvfb.terminate()

    def medians(name: str) -> tuple[float, float]:
        return (statistics.median(t for t, _ in results[name]) * 1000,
                statistics.median(sum(m.values()) for _, m in results[name]) / 1024)

    def kind_median(name: str, kind: str) -> float:
        return statistics.median(m.get(kind, 0) for _, m in results[name]) / 1024

    app_ms, app_mib = medians("app")
    bare_ms, bare_mib = medians("bare")
    default_ms, default_mib = medians("bare_default")
    print(f"runs: {args.runs} each, interleaved; medians")
    print(f"{'':30}{'launch to ready':>18}{'PSS, all processes':>22}")
    print(f"{'bare window':30}{bare_ms:>15.0f} ms{bare_mib:>19.1f} MiB")
    print(f"{'Toucan Keys':30}{app_ms:>15.0f} ms{app_mib:>19.1f} MiB")
    print(f"{'ratio':30}{app_ms / bare_ms:>17.2f}x{app_mib / bare_mib:>21.2f}x   (targets: 1.25x, 1.10x)")
    print(f"{'bare window, WebKit defaults':30}{default_ms:>15.0f} ms{default_mib:>19.1f} MiB")
    print(f"{'app / that':30}{app_ms / default_ms:>17.2f}x{app_mib / default_mib:>21.2f}x")
    print("PSS by process, medians (MiB):")
    for kind, what in (("main", "the binary (Rust, GTK)"), ("web", "WebKit's web process (the page)"), ("network", "WebKit's network process")):
        app_kind, bare_kind = kind_median("app", kind), kind_median("bare", kind)
        print(f"  {what:34}app {app_kind:6.1f}   bare {bare_kind:6.1f}   difference {app_kind - bare_kind:+6.1f}")
    print("all runs (ms, MiB):", {k: [(round(t * 1000), round(sum(m.values()) / 1024, 1)) for t, m in v] for k, v in results.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
