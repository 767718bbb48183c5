#!/usr/bin/env bash
# The Windows build of Toucan Keys, checked from Linux:
#   1. the core and its tests built for x86_64-pc-windows-gnu (Debian's MinGW-w64)
#      and run under Wine, whose Credential Manager implements the same Win32
#      calls as Windows: the vault, the key manager and the account token go
#      through the real KeychainVault, checked from outside with `reg query`;
#   2. the app (src-tauri) checked for Windows with warnings as errors.
# Wine runs in a throwaway prefix that is removed afterwards.
#
#   scripts/test-windows.sh            # both
#   scripts/test-windows.sh --core     # only the core tests under Wine
set -euo pipefail
cd "$(dirname "$0")/.."
target=x86_64-pc-windows-gnu

for tool in wine x86_64-w64-mingw32-gcc; do
  command -v "$tool" >/dev/null || { echo "test-windows.sh: $tool is missing; run scripts/install-deps.sh" >&2; exit 1; }
done
if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx "$target"; then
  rustup target add "$target"
fi

prefix=$(mktemp -d -t toucan-wine.XXXXXX)
cleanup() {
  WINEPREFIX="$prefix" wineserver -k 2>/dev/null || true
  rm -rf "$prefix"
}
trap cleanup EXIT
export WINEPREFIX="$prefix" WINEARCH=win64 WINEDEBUG=-all
# No Mono or Gecko install prompts; our own bcryptprimitives.dll (below) first.
export WINEDLLOVERRIDES="mscoree,mshtml=;bcryptprimitives=n"
# Wine's console programs need no display; keep it from opening windows.
unset DISPLAY WAYLAND_DISPLAY

echo "-- Wine prefix ($(wine --version 2>/dev/null))"
wineboot --init >/dev/null 2>&1
wineserver -w
# Wine 8 has no ProcessPrng, which Rust's standard library needs (see the source).
x86_64-w64-mingw32-gcc -shared -O2 -o "$prefix/drive_c/windows/system32/bcryptprimitives.dll" \
  scripts/windows/bcryptprimitives.c -ladvapi32
# One wine server for all test binaries (starting one per binary is slow).
wineserver -p

echo "-- The core's tests under Wine (Credential Manager)"
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=wine \
  cargo test -p toucan-keys-core --target "$target" --locked --lib --tests

if [[ "${1:-}" != "--core" ]]; then
  echo "-- The app, checked for Windows (warnings are errors)"
  RUSTFLAGS="${RUSTFLAGS:-} -D warnings" cargo check -p toucan-keys --target "$target" --locked --all-targets
fi
