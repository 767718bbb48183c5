#!/usr/bin/env bash
# Times the real window (see tests/e2e/window.bench.mjs): Create and Roll from
# click to reveal, and a list of 1,000 keys (first screen, search, sort).
#   scripts/bench-window.sh                  # 15 runs, 1,000 keys
#   TOUCAN_BENCH_RUNS=5 TOUCAN_BENCH_LIST=200 scripts/bench-window.sh
# The app and the command line are release builds (as shipped).
set -euo pipefail
cd "$(dirname "$0")/.."
TOUCAN_E2E_PROFILE=release TOUCAN_E2E_SUITE=window.bench.mjs exec tests/e2e/run.sh "$@"
