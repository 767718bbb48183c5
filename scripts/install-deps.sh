#!/usr/bin/env bash
# Installs what Toucan Keys needs on Debian or Ubuntu, and only what is
# missing. Safe to run again.
#   scripts/install-deps.sh               # to build and run the app
#   scripts/install-deps.sh --for-tests   # also everything the tests use
set -euo pipefail
cd "$(dirname "$0")/.."
for_tests=false
[[ "${1:-}" == "--for-tests" ]] && for_tests=true

. scripts/lib.sh

packages=(
  # build: a C compiler and linker for Rust, and what fetches Rust itself when it is missing
  build-essential curl ca-certificates
  # build: the Tauri window (WebKitGTK), tray and SVG support
  pkg-config libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev libssl-dev
  # run: the Secret Service keychain (and secret-tool to read it back)
  dbus dbus-x11 gnome-keyring libsecret-tools
  # the web UI
  nodejs npm
)
if $for_tests; then
  packages+=(
    # end-to-end tests: a virtual display, WebDriver, the clipboard, native dialogs
    xvfb xauth x11-utils webkit2gtk-driver xclip xdotool
    # the page in Chromium, the engine of Windows' WebView2 (tests/e2e/run-chromium.sh)
    chromium chromium-driver
    # packaging checks
    desktop-file-utils appstream rpm file imagemagick lintian
    # Windows from Linux: MinGW-w64 builds, Wine runs the tests (scripts/test-windows.sh)
    gcc-mingw-w64-x86-64 wine wine64
    # macOS from Linux: clang compiles build scripts' C for `cargo check` (scripts/check-macos.sh)
    clang llvm
    # the embed server: a throwaway PostgreSQL cluster (scripts/with-postgres.sh), an
    # independent JWE reader, the container files' parser, schemathesis's virtual environment
    postgresql openssl python3-jwcrypto python3-yaml python3-venv
    # the scripts written in Python
    python3
    # "Use this key in code": its Go example is run against the embed server (curl, Node.js
    # and Python are already here)
    golang-go
  )
fi
# The tools the tests use that apt doesn't have, and the commands that install them:
# the WebDriver bridge for the end-to-end tests (Tauri 2's, not the 3.0 alpha), and
# the dependency policy check (deny.toml).
tools=(
  "tauri-driver|cargo install tauri-driver --version ^2 --locked --quiet"
  "cargo-deny|cargo install cargo-deny --version ^0.20 --locked --quiet"
)
install_missing_tools() {
  local tool
  for tool in "${tools[@]}"; do
    command -v "${tool%%|*}" >/dev/null && continue
    echo "Installing ${tool%%|*}"
    ${tool#*|}
  done
}
tools_pid="" tools_log=""
wait_for_tools() {
  [[ -n "$tools_pid" ]] || return 0
  wait "$tools_pid" || { echo "(building the tools alongside apt failed; trying again:)"; tail -n 5 "$tools_log"; }
  rm -f "$tools_log"
}
# On a new machine apt takes minutes, mostly waiting on downloads and unpacking:
# the tools compile meanwhile (they need only Rust, which such a machine has).
if $for_tests && command -v cargo >/dev/null; then
  tools_log=$(mktemp -t toucan-tools.XXXXXX)
  (install_missing_tools >"$tools_log" 2>&1) &
  tools_pid=$!
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# A machine with its own Node.js (not from Debian) keeps it.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -ra missing <<<"${missing[*]}"
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Rust, through rustup, when it is missing: rustup-init is fetched from
# static.rust-lang.org and checked against its published SHA-256.
if ! command -v cargo >/dev/null; then
  echo "Installing Rust (rustup, stable toolchain) into ~/.cargo"
  arch=$(uname -m)
  url="https://static.rust-lang.org/rustup/dist/${arch}-unknown-linux-gnu/rustup-init"
  dir=$(mktemp -d)
  curl --proto '=https' --tlsv1.2 -sSf -o "$dir/rustup-init" "$url"
  expected=$(curl --proto '=https' --tlsv1.2 -sSf "$url.sha256" | cut -d' ' -f1)
  echo "$expected  $dir/rustup-init" | sha256sum --check --quiet
  chmod +x "$dir/rustup-init"
  "$dir/rustup-init" -y --quiet --no-modify-path --profile minimal --default-toolchain stable
  rm -rf "$dir"
  export PATH="$HOME/.cargo/bin:$PATH"
fi

$for_tests || exit 0

# The tools above are built from source, crates.io being the only place here with them
# (about 3.5 minutes on 2 cores for cargo-deny, 40 s for tauri-driver): they
# were started above, before apt, and are waited for here. One that failed
# (a C library apt hadn't installed yet, say) is built again now.
wait_for_tools
install_missing_tools
