#!/usr/bin/env bash
# Builds toucan-keys-cli (release) and puts it where the Linux packages take
# it from (src-tauri/cli-bin/, see bundle.linux in tauri.conf.json): the .deb
# and .rpm install it as /usr/bin/toucan-keys-cli next to the app. Run before
# `tauri build` on Linux (check-packages.sh and the release workflow do).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p toucan-keys-cli
mkdir -p src-tauri/cli-bin
cp "${CARGO_TARGET_DIR:-target}/release/toucan-keys-cli" src-tauri/cli-bin/toucan-keys-cli
