#!/usr/bin/env bash
# Runs the end-to-end tests: builds the UI and the app (frontend embedded),
# then drives the real window under Xvfb through tauri-driver and
# WebKitWebDriver, inside a private D-Bus session with its own keychain.
# Screenshots go to artifacts/e2e/. Arguments go to node, for example
# --test-name-pattern="^(5|16)[.]" to run scenarios 5 and 16 alone.
# TOUCAN_E2E_SUITE names another file in tests/e2e (scripts/bench-window.sh uses it).
# TOUCAN_E2E_BUILD_ONLY=1 builds what the tests need and runs none (scripts/test.sh
# builds while Wine runs the Windows tests).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
. scripts/lib.sh
target="${CARGO_TARGET_DIR:-$root/target}"
# The app and the command line in the debug profile, or TOUCAN_E2E_PROFILE=release (scripts/test.sh
# and the benchmarks: the build that ships).
profile="${TOUCAN_E2E_PROFILE:-debug}"
profile_flag=(); [[ "$profile" == release ]] && profile_flag=(--release)

if [[ "${TOUCAN_KEYCHAIN_SESSION:-}" != "inner" ]]; then
  build_ui_once
  npm --prefix tests/e2e ci --no-fund --no-audit --silent
  if [[ "$profile" == release ]]; then
    # Through Tauri's CLI, as scripts/check-packages.sh builds the packages: the
    # same build, so packing it afterwards compiles nothing again (a plain cargo
    # build records other paths in tauri-build's build script, and the CLI's
    # build would start over).
    (cd src-tauri && CI=true ../ui/node_modules/.bin/tauri build --no-bundle --ci)
  else
    cargo build --locked -p toucan-keys --features custom-protocol
  fi
  cargo build --locked -p keychain-testkit --bin keychain-ctl
  cargo build --locked -p toucan-embed-server
  cargo build --locked -p toucan-keys-cli "${profile_flag[@]}"
  [[ "${TOUCAN_E2E_BUILD_ONLY:-}" == 1 ]] && exit 0
  rm -rf artifacts/e2e
  exec scripts/with-keychain.sh "$0" "$@"
fi

# Inside the private session: a virtual display, then the driver.
export XDG_STATE_HOME="$XDG_DATA_HOME/../state"
export TOUCAN_APP_LOG_DIR="$XDG_DATA_HOME/../logs"
mkdir -p "$XDG_STATE_HOME" "$TOUCAN_APP_LOG_DIR" artifacts/e2e
start_xvfb :87 "$TOUCAN_APP_LOG_DIR/xvfb.log"
# The app logs everything, so the hygiene scenario searches its most detailed log.
export TOUCAN_KEYS_LOG=trace
# The app gets a home of its own: the autostart plugin writes ~/.config/autostart there.
export TOUCAN_APP_HOME="$XDG_DATA_HOME/../home"
mkdir -p "$TOUCAN_APP_HOME"
HOME="$TOUCAN_APP_HOME" tauri-driver --port 4444 >"$TOUCAN_APP_LOG_DIR/tauri-driver.log" 2>&1 &
driver=$!
# A second driver whose apps draw with GTK's dark theme (WebKit then reports
# prefers-color-scheme: dark): the accessibility scenario checks both themes.
HOME="$TOUCAN_APP_HOME" GTK_THEME=Adwaita:dark tauri-driver --port 4446 --native-port 4447 \
  >"$TOUCAN_APP_LOG_DIR/tauri-driver-dark.log" 2>&1 &
dark_driver=$!
# Two more whose apps run in a French session (the system's language: LANGUAGE and LANG).
HOME="$TOUCAN_APP_HOME" LANGUAGE=fr LANG=fr_FR.UTF-8 tauri-driver --port 4448 --native-port 4449 \
  >"$TOUCAN_APP_LOG_DIR/tauri-driver-fr.log" 2>&1 &
french_driver=$!
HOME="$TOUCAN_APP_HOME" LANGUAGE=fr LANG=fr_FR.UTF-8 GTK_THEME=Adwaita:dark tauri-driver --port 4450 --native-port 4451 \
  >"$TOUCAN_APP_LOG_DIR/tauri-driver-fr-dark.log" 2>&1 &
french_dark_driver=$!
trap 'kill $driver $dark_driver $french_driver $french_dark_driver $xvfb_pid 2>/dev/null || true' EXIT
for port in 4444 4446 4448 4450; do
  for _ in $(seq 100); do (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
done

export TOUCAN_APP_BINARY="$target/$profile/toucan-keys"
export TOUCAN_KEYCHAIN_CTL="$target/debug/keychain-ctl"
export TOUCAN_SERVER_BINARY="$target/debug/toucan-embed-server"
export TOUCAN_CLI_BINARY="$target/$profile/toucan-keys-cli"
export TOUCAN_ARTIFACTS="$root/artifacts/e2e"
cd tests/e2e
# The scenarios by subject, one file each, run one after the other; the hygiene
# scenario last. They share one list of the secrets the run showed: a file
# outside every folder the hygiene scenario searches, removed at the end.
export TOUCAN_E2E_SECRETS
TOUCAN_E2E_SECRETS=$(mktemp -t toucan-e2e-secrets.XXXXXX)
trap 'rm -f "$TOUCAN_E2E_SECRETS"; kill $driver $dark_driver $french_driver $french_dark_driver $xvfb_pid 2>/dev/null || true' EXIT
# (node orders the files it is given by name, so the hygiene file runs on its own, after the others.)
run_files() { node --test --test-concurrency=1 --test-timeout=1800000 --test-reporter=spec "$@"; }
if [[ -n "${TOUCAN_E2E_SUITE:-}" ]]; then
  run_files "$@" "$TOUCAN_E2E_SUITE"
else
  status=0
  run_files "$@" keys.e2e.test.mjs workspace.e2e.test.mjs page.e2e.test.mjs || status=$?
  run_files "$@" hygiene.e2e.test.mjs || status=$?
  exit "$status"
fi
