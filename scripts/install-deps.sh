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
    # packaging checks
    desktop-file-utils appstream rpm file imagemagick lintian
    # Windows from Linux: MinGW-w64 builds, Wine runs the tests (scripts/test-windows.sh)
    gcc-mingw-w64-x86-64 wine wine64
    # macOS from Linux: clang compiles build scripts' C for `cargo check` (scripts/check-macos.sh)
    clang llvm
    # the embed server: a throwaway PostgreSQL cluster (scripts/with-postgres.sh), an
    # independent JWE reader, the container files' parser, schemathesis's virtual environment
    postgresql python3-jwcrypto python3-yaml python3-venv
    # "Use this key in code": the curl snippet is run against the server
    curl
  )
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

if ! command -v cargo >/dev/null; then
  echo "Rust is missing: install it from https://rustup.rs (Rust 1.90 or newer), then run this again." >&2
  exit 1
fi

$for_tests || exit 0

# The WebDriver bridge for the end-to-end tests (Tauri 2's, not the 3.0 alpha).
if ! command -v tauri-driver >/dev/null; then
  echo "Installing tauri-driver 2"
  cargo install tauri-driver --version '^2' --locked --quiet
fi

# The dependency policy check (deny.toml).
if ! command -v cargo-deny >/dev/null; then
  echo "Installing cargo-deny"
  cargo install cargo-deny --version '^0.20' --locked --quiet
fi
