#!/usr/bin/env bash
# `cargo check` of Toucan Keys for macOS from Linux, with warnings as errors:
# the core with its tests, the app and the command line.
#
#   scripts/check-macos.sh                        # Apple silicon (what .ci/run checks)
#   scripts/check-macos.sh x86_64-apple-darwin    # Intel, or any list of Apple targets
#
# One target is enough here: no code of ours depends on the processor (only on
# target_os), so Intel's check repeated Apple silicon's for 2.7 minutes of a
# first run. The release workflow builds, and ci.yml tests, on real macOS.
#
# There is no macOS SDK here. Rust code type-checks without one, but build
# scripts compile C: ring's (for TLS) needs Apple's TargetConditionals.h, which
# scripts/macos/include stands in for, and is told to use no C library headers
# (RING_CORE_NOSTDLIBINC, which ring supports for cross builds); clang compiles
# it for the Apple target. Nothing here links, so nothing here can be run or
# shipped: the CI and release workflows build and test on real macOS. The
# notification plugin's Objective-C (AppKit) isn't compiled at all (see below).
# The app's tests, and the core's two tests that start the embed server, are
# not checked: its bundled SQLite needs a C library's headers (the core's are
# left out with `--cfg toucan_no_sdk`; see crates/core/Cargo.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang >/dev/null || { echo "check-macos.sh: clang is missing; run scripts/install-deps.sh --for-tests" >&2; exit 1; }
ar=$(command -v llvm-ar || ls /usr/bin/llvm-ar-* 2>/dev/null | head -n1)

targets=("$@"); ((${#targets[@]})) || targets=(aarch64-apple-darwin)
for target in "${targets[@]}"; do
  if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx "$target"; then
    rustup target add "$target"
  fi
  var=${target//-/_}
  export "CC_$var=clang" "AR_$var=$ar"
  export "CFLAGS_$var=-ffreestanding -DRING_CORE_NOSTDLIBINC -isystem $PWD/scripts/macos/include"
  echo "-- $target: the core and its tests"
  RUSTFLAGS="${RUSTFLAGS:-} -D warnings --cfg toucan_no_sdk" cargo check -p toucan-keys-core --target "$target" --locked --all-targets
  echo "-- $target: the app"
  # The app's build script copies the command line it carries (externalBin in
  # tauri.macos.conf.json), which can't be linked here without the SDK: for a
  # check, a placeholder of the name it looks for, removed afterwards.
  placeholder="src-tauri/cli-bin/toucan-keys-cli-$target"
  if [[ ! -e "$placeholder" ]]; then
    mkdir -p src-tauri/cli-bin && : >"$placeholder"
    trap 'rm -f src-tauri/cli-bin/toucan-keys-cli-*-apple-darwin' EXIT
  fi
  # The notification plugin's mac-notification-sys compiles Objective-C against
  # AppKit, which needs the SDK; DOCS_RS is its own switch for skipping that
  # (docs.rs builds on Linux too). Its Rust code is still checked.
  DOCS_RS=1 RUSTFLAGS="${RUSTFLAGS:-} -D warnings" cargo check -p toucan-keys --target "$target" --locked --lib --bins
  echo "-- $target: the command line"
  RUSTFLAGS="${RUSTFLAGS:-} -D warnings" cargo check -p toucan-keys-cli --target "$target" --locked --lib --bins
done
