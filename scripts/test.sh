#!/usr/bin/env bash
# Runs every test: the Rust workspace (unit, property, fault-injection and
# real-keychain tests, and each benchmark once as a smoke test).
# The keychain tests run inside a private, throwaway gnome-keyring.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

echo "== Rust workspace (inside a private keychain)"
scripts/with-keychain.sh cargo test --workspace --all-targets --locked
