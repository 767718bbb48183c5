#!/usr/bin/env bash
# Builds Toucan Keys (release, web UI embedded) and launches it. Installs the
# system packages it needs first, if they are missing (Debian or Ubuntu).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
scripts/install-deps.sh
build_ui_once
cargo build --release --locked -p toucan-keys --features custom-protocol
exec "${CARGO_TARGET_DIR:-target}/release/toucan-keys" "$@"
