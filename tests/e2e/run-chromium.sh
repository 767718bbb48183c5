#!/usr/bin/env bash
# The page in Chromium, the engine of Windows' WebView2: builds the app's page
# over the UI's fake backend (ui/tests/page) and drives it in Debian's
# chromium through chromium-driver (tests/e2e/chromium.test.mjs). Needs no
# display, keychain or Rust build. Screenshots go to artifacts/chromium/.
# Arguments go to node, for example --test-name-pattern=keyboard.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
. scripts/lib.sh
for tool in chromium chromedriver; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: scripts/install-deps.sh --for-tests installs it" >&2; exit 1; }
done
build_ui_once
(cd ui && npx vite build --config tests/page/vite.config.ts)
npm --prefix tests/e2e ci --no-fund --no-audit --silent
rm -rf artifacts/chromium
export TOUCAN_ARTIFACTS="$root/artifacts/chromium"
cd tests/e2e
node --test --test-concurrency=1 --test-timeout=900000 --test-reporter=spec "$@" chromium.test.mjs
