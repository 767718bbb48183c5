#!/usr/bin/env bash
# Cargo's runner for the Windows test binaries: runs one under Wine. On a busy
# machine Wine now and then fails to start a program at all (it exits 1 before
# the test harness prints a line); such a start is tried again, up to three
# times. A test binary that started and then failed is never run again.
set -uo pipefail
out=$(mktemp)
status=1
for attempt in 1 2 3; do
  wine "$@" >"$out" 2>&1
  status=$?
  if [[ $status -eq 0 ]] || grep -q '^running [0-9]* tests\?$' "$out"; then
    break
  fi
  echo "run-under-wine.sh: the program didn't start (exit $status, attempt $attempt of 3)" >&2
  sleep 2
done
cat "$out"
rm -f "$out"
exit "$status"
