#!/usr/bin/env python3
"""Prints the paths of the named integration-test binaries of the workspace
test build, as `cargo test ... --no-run --message-format=json` reports them
on standard input. Picking them from that same build means nothing is built
again: a cargo run that selected these targets alone would unify other
features and build them anew.

    cargo test --workspace --all-targets --no-run --message-format=json | scripts/test-binaries.py api connection_limits
Fails unless each name is found exactly once.
"""
import json
import sys

wanted = sys.argv[1:]
found = {}
for line in sys.stdin:
    message = json.loads(line)
    target = message.get("target", {})
    if message.get("executable") and target.get("kind") == ["test"] and target.get("name") in wanted:
        found.setdefault(target["name"], []).append(message["executable"])
problems = [name for name in wanted if len(found.get(name, [])) != 1]
if problems:
    sys.exit(f"expected one test binary each for {problems}, found {found}")
print("\n".join(found[name][0] for name in wanted))
