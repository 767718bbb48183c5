#!/usr/bin/env python3
"""Tests the secret-scanning rules in docs/secret-scanning/ with the real tools.

Installs detect-secrets (PyPI) and secretlint (npm) into a tools folder once,
makes a fixture tree in a temporary folder with keys minted by the protocol
crate (`--example test_key`: the format and checksum come from there), and
checks that each tool finds the keys in a .env file, JSON, YAML, a URL, a log
line and a Markdown code block, and what each does with look-alikes:
detect-secrets' plugin checks the checksum, so a key with a wrong checksum or
of the wrong length is not reported; secretlint (and gitleaks, whose rule is
checked with Rust's regex crate in crates/cli/tests/secret_scanning_rules.rs)
match the shape only, so a wrong checksum is reported and a wrong length is not.

    scripts/test-secret-scanning.py
"""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "docs/secret-scanning"
TOOLS = Path(os.environ.get("TOUCAN_TOOLS_DIR", Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "toucan-keys"))
DETECT_SECRETS = "detect-secrets==1.5.0"
SECRETLINT = ["secretlint@9.3.4", "@secretlint/secretlint-rule-pattern@9.3.4"]


def run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def mint_key():
    out = run(["cargo", "run", "--locked", "-q", "-p", "toucan-keys-protocol", "--example", "test_key"], cwd=ROOT, check=True)
    return out.stdout.split()[0]


def install_tools():
    venv = TOOLS / "detect-secrets-1.5.0"
    if not (venv / "bin/detect-secrets").exists():
        run([sys.executable, "-m", "venv", str(venv)], check=True)
        run([str(venv / "bin/pip"), "install", "--quiet", "--disable-pip-version-check", DETECT_SECRETS], check=True)
    node = TOOLS / "secretlint-9.3.4"
    if not (node / "node_modules/.bin/secretlint").exists():
        node.mkdir(parents=True, exist_ok=True)
        run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(node), *SECRETLINT], check=True)
    return venv / "bin/detect-secrets", node / "node_modules/.bin/secretlint"


def fixtures(folder, key, other):
    """The files a key leaks through, and look-alikes; returns (found, not found by detect-secrets)."""
    wrong_checksum = key[:-1] + ("0" if key[-1] != "0" else "1")
    leaks = {
        ".env": f"TOUCAN_API_KEY={key}\nDEBUG=false\n",
        "config.json": json.dumps({"toucan": {"apiKey": other}}, indent=2) + "\n",
        "deploy.yaml": f"env:\n  - name: TOUCAN_API_KEY\n    value: \"{key}\"\n",
        "links.txt": f"https://embed.example.com/embed/generate-token?api_key={other}&user=42\n",
        "server.log": f"2026-12-03T10:00:00Z INFO asking for a token with key {key} for user 42\n",
        "README.md": f"Call it:\n\n```sh\ncurl -H 'x-api-key: {other}' https://embed.example.com/embed/generate-token\n```\n",
    }
    look_alikes = {
        "typo.env": f"TOUCAN_API_KEY={wrong_checksum}\n",
        "short.env": f"TOUCAN_API_KEY={key[:-1]}\n",
        "long.env": f"TOUCAN_API_KEY={key}X\n",
    }
    for name, text in {**leaks, **look_alikes}.items():
        (folder / name).write_text(text)
    return set(leaks), set(look_alikes)


def detect_secrets_hits(tool, folder):
    out = run([str(tool), "scan", "--all-files", "--plugin", str(RULES / "detect_secrets_toucan.py"), "."], cwd=folder, check=True)
    results = json.loads(out.stdout)["results"]
    return {Path(name).name for name, found in results.items() if any(s["type"] == "Toucan API Key" for s in found)}


def secretlint_hits(tool, folder):
    out = run([str(tool), "--secretlintrc", str(RULES / "secretlintrc.json"), "--format", "json", "**/*"], cwd=folder)
    if out.returncode not in (0, 1):
        sys.exit(f"secretlint failed ({out.returncode}): {out.stderr}")
    return {Path(entry["filePath"]).name for entry in json.loads(out.stdout) if entry["messages"]}


def main():
    detect_secrets, secretlint = install_tools()
    key, other = mint_key(), mint_key()
    problems = []
    with tempfile.TemporaryDirectory(prefix="toucan-scan-") as folder:
        folder = Path(folder)
        leaks, look_alikes = fixtures(folder, key, other)
        found = detect_secrets_hits(detect_secrets, folder)
        if found != leaks:
            problems.append(f"detect-secrets: missed {sorted(leaks - found)}, wrongly reported {sorted(found - leaks)}")
        found = secretlint_hits(secretlint, folder)
        # secretlint matches the shape only: the typo (right shape, wrong checksum) is reported too.
        expected = leaks | {"typo.env"}
        if found != expected:
            problems.append(f"secretlint: missed {sorted(expected - found)}, wrongly reported {sorted(found - expected)}")
    if problems:
        sys.exit("\n".join(problems))
    print(f"detect-secrets and secretlint find the keys in {len(leaks)} kinds of file; "
          "detect-secrets reports no look-alike, secretlint only the one of the right shape")


if __name__ == "__main__":
    main()
