#!/usr/bin/env bash
# Runs every test:
#   1. the UI: Vitest over mocked IPC, and axe-core accessibility checks;
#      the dependency policy (cargo deny: licenses, banned crates, sources);
#   2. the Rust workspace: unit, property, fault-injection, real-keychain and
#      shell command tests, and each benchmark once as a smoke test; the
#      embed server's tests on a throwaway PostgreSQL cluster and again on
#      SQLite, its container files, and its API against its OpenAPI document;
#      the secret-scanning rules with the real detect-secrets and secretlint;
#   3. Windows: the core's tests and the command line under Wine against its
#      Credential Manager, the app built for Windows and started under Wine;
#      macOS: the core, the app and the command line checked for Apple silicon
#      (no SDK here, so nothing is linked);
#   4. end to end: the real app (its release build) in a real window, keychain
#      and clipboard;
#   5. the .deb and .rpm: built, validated, installed with apt, launched from
#      the desktop entry, removed (needs root or sudo for apt).
# Keychain tests run inside a private, throwaway gnome-keyring.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

# Each stage's time, printed at the end (also when a stage fails), so a slow
# stage shows itself.
stage_names=() stage_seconds=() stage_started=$SECONDS
stage() {
  stage_end
  stage_names+=("$1")
  stage_started=$SECONDS
  echo "== $1"
}
stage_end() {
  (( ${#stage_names[@]} > ${#stage_seconds[@]} )) && stage_seconds+=($((SECONDS - stage_started)))
  return 0
}
stage_report() {
  stage_end
  echo "-- Time per stage"
  for i in "${!stage_seconds[@]}"; do
    printf '%5d s  %s\n' "${stage_seconds[$i]}" "${stage_names[$i]}"
  done
  printf '%5d s  in all\n' "$SECONDS"
}
e2e_build=""
finish() {
  # A stage that failed leaves no build running behind it.
  [[ -n "$e2e_build" ]] && kill -- -"$e2e_build" 2>/dev/null
  stage_report
}
trap finish EXIT

stage "Installing what is missing"
scripts/install-deps.sh --for-tests

stage "UI: build and unit tests"
build_ui_once
npm --prefix ui test --silent

stage "The page in Chromium, Windows' engine: layout, accessibility and the keyboard (artifacts/chromium)"
tests/e2e/run-chromium.sh

stage "Dependencies: licenses, banned crates and sources (cargo deny, deny.toml)"
cargo deny --log-level error check licenses bans sources

stage "Workflows: actionlint and zizmor over .github/workflows"
scripts/check-workflows.sh

stage "Rust workspace (inside a private keychain, the embed server on a throwaway PostgreSQL)"
# The benchmark's bare window is left out: it turns on Tauri's custom-protocol for the
# whole build (scripts/bench-startup.py builds it with the app's release tree).
workspace=(--workspace --exclude toucan-keys-bench-window --locked)
# cargo's own messages are kept: the SQLite stage below runs some of these test binaries again.
built=$(mktemp -t toucan-built.XXXXXX)
scripts/with-keychain.sh scripts/with-postgres.sh cargo test "${workspace[@]}" --all-targets \
  --message-format=json-render-diagnostics | scripts/test-binaries.py --record "$built"

stage "Secret-scanning rules: detect-secrets and secretlint over a fixture tree (docs/secret-scanning)"
scripts/test-secret-scanning.py

stage "Embed server: its tests again on SQLite, its container files, its API against its OpenAPI document"
# The same test binaries, run again without PostgreSQL (picked from the build
# above by scripts/test-binaries.py, so nothing is built again).
for binary in $(scripts/test-binaries.py api limits secret_scanning encrypted_tokens connection_limits workspace_server <"$built"); do
  echo "-- $(basename "$binary") on SQLite"
  env -u TOUCAN_EMBED_TEST_POSTGRES "$binary"
done
rm -f "$built"
scripts/check-container.py
scripts/check-openapi.sh

stage "Windows: the core's tests, the command line and the app built for Windows"
scripts/test-windows.sh --build

stage "macOS: the core (with tests), the app and the command line checked for Apple silicon"
scripts/check-macos.sh

stage "Windows under Wine: the core's tests and the command line (Credential Manager), the app's .exe started; meanwhile the end-to-end tests' build"
# Wine runs one program at a time, which leaves a core idle: the end-to-end
# tests' release build (as shipped: the package step below then packs these
# same binaries instead of building them again) uses it meanwhile.
e2e_build_log=$(mktemp -t toucan-e2e-build.XXXXXX)
# (In a process group of its own, so that a failure here stops all of it.)
TOUCAN_E2E_PROFILE=release TOUCAN_E2E_BUILD_ONLY=1 setsid tests/e2e/run.sh >"$e2e_build_log" 2>&1 &
e2e_build=$!
scripts/test-windows.sh --run

stage "End to end (real window, keychain and clipboard)"
e2e_built=0
wait "$e2e_build" || e2e_built=$?
e2e_build=""
echo "-- the build, made while Wine ran:"
cat "$e2e_build_log"
rm -f "$e2e_build_log"
(( e2e_built == 0 )) || { echo "the end-to-end tests' build failed (exit $e2e_built)" >&2; exit 1; }
TOUCAN_E2E_PROFILE=release tests/e2e/run.sh

stage "Linux packages: build, install with apt, launch, remove"
scripts/check-packages.sh
