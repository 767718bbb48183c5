#!/usr/bin/env python3
"""Picks test binaries out of the messages of the workspace's test build
(`cargo test ... --message-format=json`), so that running some of them again
builds nothing: a cargo run that selected these targets alone would unify
other features and build them anew, and asking cargo again for the list
rebuilds the app once on a new clone (tauri-build writes files its own build
script watches, so the second cargo run after the first runs it again).

    cargo test --workspace --all-targets --message-format=json-render-diagnostics \\
      | scripts/test-binaries.py --record built.jsonl     # shows the tests' output, keeps cargo's messages
    scripts/test-binaries.py api connection_limits < built.jsonl   # the paths of those test binaries
    scripts/test-binaries.py --every < built.jsonl                 # every test binary, in build order

Picking fails unless each name is found exactly once.
"""
import json
import sys


def record(path: str) -> None:
    """Passes the tests' output through and writes cargo's own messages to `path`."""
    with open(path, "w") as kept:
        for line in sys.stdin:
            if line.startswith('{"reason":'):
                kept.write(line)
            else:
                sys.stdout.write(line)
                sys.stdout.flush()


def every() -> None:
    """Prints every test binary the build made (unit tests and integration tests)."""
    for line in sys.stdin:
        message = json.loads(line)
        if message.get("executable") and message.get("profile", {}).get("test"):
            print(message["executable"])


def pick(wanted: list[str]) -> None:
    found: dict[str, list[str]] = {}
    for line in sys.stdin:
        message = json.loads(line)
        target = message.get("target", {})
        if message.get("executable") and target.get("kind") == ["test"] and target.get("name") in wanted:
            found.setdefault(target["name"], []).append(message["executable"])
    problems = [name for name in wanted if len(found.get(name, [])) != 1]
    if problems:
        sys.exit(f"expected one test binary each for {problems}, found {found}")
    print("\n".join(found[name][0] for name in wanted))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--record"]:
        record(sys.argv[2])
    elif sys.argv[1:] == ["--every"]:
        every()
    else:
        pick(sys.argv[1:])
