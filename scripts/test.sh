#!/usr/bin/env bash
# Runs every test:
#   1. the UI: Vitest over mocked IPC, and axe-core accessibility checks;
#      the dependency policy (cargo deny: licenses, banned crates, sources);
#   2. the Rust workspace: unit, property, fault-injection, real-keychain and
#      shell command tests, and each benchmark once as a smoke test; the
#      embed server's tests on a throwaway PostgreSQL cluster and again on
#      SQLite, its container files, and its API against its OpenAPI document;
#   3. Windows: the core's tests under Wine against its Credential Manager, and
#      the app checked for Windows; macOS: the core and the app checked for
#      Apple silicon and Intel (no SDK here, so nothing is linked);
#   4. end to end: the real app in a real window, keychain and clipboard;
#   5. the .deb and .rpm: built, validated, installed with apt, launched from
#      the desktop entry, removed (needs root or sudo for apt).
# Keychain tests run inside a private, throwaway gnome-keyring.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
scripts/install-deps.sh --for-tests

echo "== UI: build and unit tests"
build_ui_once
npm --prefix ui test --silent

echo "== Dependencies: licenses, banned crates and sources (cargo deny, deny.toml)"
cargo deny --log-level error check licenses bans sources

echo "== Rust workspace (inside a private keychain, the embed server on a throwaway PostgreSQL)"
# The benchmark's bare window is left out: it turns on Tauri's custom-protocol for the
# whole build (scripts/bench-startup.py builds it with the app's release tree).
scripts/with-keychain.sh scripts/with-postgres.sh \
  cargo test --workspace --exclude toucan-keys-bench-window --all-targets --locked

echo "== Embed server: its tests again on SQLite, its container files, its API against its OpenAPI document"
cargo test -p toucan-embed-server --locked --test api --test encrypted_tokens --test app_workspace --test connection_limits
scripts/check-container.py
scripts/check-openapi.sh

echo "== Windows: the core's tests under Wine (Credential Manager), the app checked for Windows"
scripts/test-windows.sh

echo "== macOS: the core (with tests) and the app checked for Apple silicon and Intel"
scripts/check-macos.sh

echo "== End to end (real window, keychain and clipboard)"
tests/e2e/run.sh

echo "== Linux packages: build, install with apt, launch, remove"
scripts/check-packages.sh
