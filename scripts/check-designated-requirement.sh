#!/usr/bin/env bash
# Checks that a signed macOS app keeps its keychain access across updates: its
# designated requirement (codesign -d -r-) must name the bundle identifier and
# a team (Developer ID), and no cdhash (the hash of one build, which makes
# macOS ask again after every update). See docs/RELEASING.md. Runs on macOS in
# the release workflow; the requirement text can also be given on stdin with
# --from-stdin (the tests do).
#   scripts/check-designated-requirement.sh APP IDENTIFIER
#   codesign -d -r- APP 2>&1 | scripts/check-designated-requirement.sh --from-stdin IDENTIFIER
set -euo pipefail
if [[ "${1:-}" == "--from-stdin" ]]; then
  identifier="$2"
  requirement=$(cat)
else
  app="$1" identifier="$2"
  requirement=$(codesign -d -r- "$app" 2>&1)
  # The command line it carries is signed too, under the same rule.
  cli="$app/Contents/MacOS/toucan-keys-cli"
  [[ -f "$cli" ]] || { echo "the app doesn't carry $cli" >&2; exit 1; }
  codesign --verify --strict "$cli"
fi
echo "$requirement"
designated=$(grep -E '^(# )?designated => ' <<<"$requirement" || true)
[[ -n "$designated" ]] || { echo "no designated requirement: is the app signed?" >&2; exit 1; }
if grep -q 'cdhash' <<<"$designated"; then
  echo "the designated requirement is this build's hash: macOS would ask for keychain access after every update" >&2
  exit 1
fi
grep -qF "identifier \"$identifier\"" <<<"$designated" \
  || { echo "the designated requirement doesn't name the identifier $identifier" >&2; exit 1; }
grep -qE 'certificate leaf\[subject\.OU\] = "?[A-Z0-9]{10}"?' <<<"$designated" \
  || { echo "the designated requirement names no team (certificate leaf[subject.OU])" >&2; exit 1; }
echo "designated requirement: names $identifier and a team"
