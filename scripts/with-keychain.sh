#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with its own unlocked
# gnome-keyring (the Linux Secret Service), in a throwaway folder:
#   scripts/with-keychain.sh cargo test
# Nothing touches your own keychain. Needs: dbus, gnome-keyring, libsecret-tools.
set -euo pipefail

if [[ "${TOUCAN_KEYCHAIN_SESSION:-}" != "inner" ]]; then
  scratch=$(mktemp -d -t toucan-keychain.XXXXXX)
  cleanup() {
    # The desktop portal (started by WebKit) mounts a FUSE folder here.
    fusermount3 -u "$scratch/runtime/doc" 2>/dev/null || fusermount -u "$scratch/runtime/doc" 2>/dev/null \
      || umount -l "$scratch/runtime/doc" 2>/dev/null || true
    rm -rf "$scratch"
  }
  trap cleanup EXIT
  mkdir -p "$scratch"/{data,config,cache,runtime}
  chmod 700 "$scratch/runtime"
  # The bus and the services it starts (keyring, portals) log to a file, not the test output.
  printf '#!/bin/sh\nexec dbus-daemon "$@" 2>>"%s/dbus.log"\n' "$scratch" >"$scratch/dbus-daemon"
  chmod +x "$scratch/dbus-daemon"
  # The keyring's helpers inherit the bus's environment: without DISPLAY, an
  # unlock prompt fails at once instead of waiting for a click that never comes.
  status=0
  env -u DISPLAY -u WAYLAND_DISPLAY \
    XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
    XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/runtime" \
    TOUCAN_KEYCHAIN_SESSION=inner TOUCAN_OUTER_DISPLAY="${DISPLAY:-}" \
    dbus-run-session --dbus-daemon="$scratch/dbus-daemon" -- "$0" "$@" || status=$?
  exit "$status"
fi

# Inside the private session.
export TOUCAN_TEST_KEYRING_PASSWORD="toucan-test-keyring"
printf '%s' "$TOUCAN_TEST_KEYRING_PASSWORD" \
  | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
# Health check: the Secret Service answers and keeps a secret.
probe="probe-$$"
if ! printf 'ok' | secret-tool store --label="Toucan Keys keychain probe" toucan-probe "$probe" 2>/dev/null \
   || [[ "$(secret-tool lookup toucan-probe "$probe" 2>/dev/null)" != "ok" ]]; then
  echo "with-keychain.sh: the private gnome-keyring did not start" >&2
  exit 1
fi
secret-tool clear toucan-probe "$probe"
[[ -n "${TOUCAN_OUTER_DISPLAY:-}" ]] && export DISPLAY="$TOUCAN_OUTER_DISPLAY"
unset TOUCAN_OUTER_DISPLAY
exec "$@"
