#!/usr/bin/env bash
# Builds toucan-keys-cli (release) and puts it where the installers take it
# from, src-tauri/cli-bin/. Run before `tauri build` (check-packages.sh and the
# release workflow do):
#   scripts/stage-cli.sh                 # Linux: the .deb and .rpm install it as
#                                        # /usr/bin/toucan-keys-cli (bundle.linux in tauri.conf.json)
#   scripts/stage-cli.sh RUST_TARGET     # Windows and macOS: Tauri's externalBin
#                                        # (tauri.windows.conf.json, tauri.macos.conf.json) takes
#                                        # cli-bin/toucan-keys-cli-RUST_TARGET[.exe] and installs it
#                                        # next to the app: toucan-keys-cli.exe beside
#                                        # toucan-keys.exe, or Contents/MacOS/toucan-keys-cli
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-}"
mkdir -p src-tauri/cli-bin
if [[ -z "$target" ]]; then
  cargo build --release --locked -p toucan-keys-cli
  cp "${CARGO_TARGET_DIR:-target}/release/toucan-keys-cli" src-tauri/cli-bin/toucan-keys-cli
  exit 0
fi
cargo build --release --locked -p toucan-keys-cli --target "$target"
exe=""; [[ "$target" == *windows* ]] && exe=".exe"
cp "${CARGO_TARGET_DIR:-target}/$target/release/toucan-keys-cli$exe" "src-tauri/cli-bin/toucan-keys-cli-$target$exe"
