#!/usr/bin/env bash
# Builds the Linux packages (.deb, .rpm) and checks them like a person would
# use them: the metadata, the desktop entry and AppStream file validate; the
# .deb installs with apt on this machine, starts from its desktop entry's Exec
# under Xvfb and shows its window (screenshot in artifacts/install/); it
# removes cleanly, leaving only the user's own data. Needs root (apt).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
root=$PWD
target="${CARGO_TARGET_DIR:-$root/target}"
artifacts="$root/artifacts/install"
# The app and toucan-keys-cli together. Measured 2026-12-03 (gzip -9 of each binary): the app 3.98 MB, the
# CLI 2.70 MB, of which 0.51 MB is `scan`'s search engine (ripgrep's ignore and regex crates); the .deb
# 6.61 MiB (about 6.1 MiB without the scan: the app grew past 6 MiB too, with restricted keys and
# languages as data). The budget was 6 MiB until then.
budget_bytes=$((7 * 1024 * 1024))

if [[ "${TOUCAN_KEYCHAIN_SESSION:-}" != "inner" ]]; then
  rm -rf "$artifacts" && mkdir -p "$artifacts"
  build_ui_once
  scripts/stage-cli.sh
  (cd src-tauri && CI=true ../ui/node_modules/.bin/tauri build --bundles deb,rpm --ci)
  deb=$(ls "$target"/release/bundle/deb/*.deb)
  rpm=$(ls "$target"/release/bundle/rpm/*.rpm)
  echo "built: $(basename "$deb") ($(stat -c %s "$deb") bytes), $(basename "$rpm") ($(stat -c %s "$rpm") bytes)"

  echo "== package metadata"
  info=$(dpkg-deb --field "$deb" Package Version Section Depends Recommends Homepage Description)
  echo "$info"
  for expected in "Package: toucan-keys" "Version: 0.1.0" "libwebkit2gtk-4.1-0" "libgtk-3-0" "libc6 (>= " "Recommends: gnome-keyring" "Homepage: https://toucanai.cloud"; do
    grep -qF "$expected" <<<"$info" || { echo "the .deb lacks: $expected" >&2; exit 1; }
  done
  rpm -qip "$rpm" | tee "$artifacts/rpm-info.txt" | grep -E "^(Name|Version|License|URL|Summary)"
  grep -q "^Name *: toucan-keys" "$artifacts/rpm-info.txt"
  grep -q "^License *: MIT" "$artifacts/rpm-info.txt"
  rpm -qpR "$rpm" >"$artifacts/rpm-requires.txt"
  grep -q "webkit2gtk4.1" "$artifacts/rpm-requires.txt" && grep -q "gtk3" "$artifacts/rpm-requires.txt" \
    || { echo "the .rpm does not require webkit2gtk4.1 and gtk3" >&2; exit 1; }
  size=$(stat -c %s "$deb")
  ((size < budget_bytes)) || { echo "the .deb is $size bytes, over the 7 MiB budget" >&2; exit 1; }

  echo "== lintian: no error and no warning"
  # What lintian still reports is at "info" level, and expected of a Rust app:
  # hardening-no-fortify-functions (Rust has no C string functions to fortify),
  # binary-has-unneeded-section (.comment, from the linker), and
  # spelling-error-in-binary (French words of the app's own catalogues, such as
  # "exemple" and "certificat", and words inside dependencies' strings).
  lintian --fail-on error,warning --display-level ">=info" "$deb" 2>/dev/null | tee "$artifacts/lintian.txt"
  for page in toucan-keys toucan-keys-cli; do
    cmp -s <(gzip -dc "src-tauri/linux/$page.1.gz") "src-tauri/linux/$page.1" \
      || { echo "src-tauri/linux/$page.1.gz is stale: gzip -9n -c $page.1 > $page.1.gz" >&2; exit 1; }
  done

  echo "== desktop entry and AppStream metadata"
  unpacked=$(mktemp -d)
  dpkg-deb -x "$deb" "$unpacked"
  desktop=$(ls "$unpacked"/usr/share/applications/*.desktop)
  [[ "$(basename "$desktop")" == "toucan-keys.desktop" ]] \
    || { echo "the desktop entry is named '$(basename "$desktop")', not toucan-keys.desktop" >&2; exit 1; }
  desktop-file-validate "$desktop"
  # The libc the package asks for is at least what the binary needs.
  needed=$(objdump -T "$unpacked/usr/bin/toucan-keys" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -n1)
  declared=$(dpkg-deb --field "$deb" Depends | sed -n 's/.*libc6 (>= \([0-9.]*\)).*/\1/p')
  [[ -n "$declared" ]] && dpkg --compare-versions "$declared" ge "$needed" \
    || { echo "the binary needs glibc $needed but the .deb depends on libc6 >= ${declared:-nothing}" >&2; exit 1; }
  echo "glibc: the binary needs $needed, the package asks for >= $declared"
  metainfo="$unpacked"/usr/share/metainfo/cloud.toucanai.keys.metainfo.xml
  appstreamcli validate --no-net "$metainfo"
  grep -qF "<launchable type=\"desktop-id\">$(basename "$desktop")</launchable>" "$metainfo" \
    || { echo "the AppStream launchable does not name the installed desktop entry $(basename "$desktop")" >&2; exit 1; }
  # Both speak French too (the app's second language).
  grep -q '^Comment\[fr\]=' "$desktop" || { echo "the desktop entry has no French comment" >&2; exit 1; }
  grep -q '<summary xml:lang="fr">' "$metainfo" || { echo "the AppStream summary has no French" >&2; exit 1; }
  rm -rf "$unpacked"

  echo "== install with apt"
  before=$(mktemp); after=$(mktemp)
  find /usr /etc /opt -xdev 2>/dev/null | sort >"$before"
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
  dpkg -L toucan-keys >"$artifacts/installed-files.txt"
  desktop_file=$(grep '\.desktop$' "$artifacts/installed-files.txt")
  exec_line=$(sed -n 's/^Exec=//p' "$desktop_file")
  echo "desktop entry $desktop_file runs: $exec_line"
  grep -qx /usr/bin/toucan-keys-cli "$artifacts/installed-files.txt" \
    || { echo "the .deb doesn't install /usr/bin/toucan-keys-cli" >&2; exit 1; }
  TOUCAN_EXEC="$exec_line" TOUCAN_ARTIFACTS="$artifacts" scripts/with-keychain.sh "$0"

  echo "== remove"
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq toucan-keys >/dev/null
  find /usr /etc /opt -xdev 2>/dev/null | sort >"$after"
  left=$(comm -13 "$before" "$after" | grep -v '^/usr/share/icons/hicolor/icon-theme.cache$' || true)
  if [[ -n "$left" ]]; then echo "left behind after removal:" >&2; echo "$left" >&2; exit 1; fi
  echo "nothing left behind outside the user's own data"
  echo "packages: 1 passed, 0 failed"
  exit 0
fi

# Inside a private session: the installed command line works on the keychain...
toucan-keys-cli create --name "Installed" --expires 30d >/dev/null
toucan-keys-cli list | grep -q "^Installed " || { echo "the installed toucan-keys-cli doesn't list the key it made" >&2; exit 1; }
echo "the installed toucan-keys-cli created and listed a key"
# ...and the installed app starts from its desktop entry.
start_xvfb :86
# shellcheck disable=SC2086 # Exec is a command line
$TOUCAN_EXEC >"$TOUCAN_ARTIFACTS/app.log" 2>&1 &
app=$!
trap 'kill $app $xvfb_pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  xwininfo -root -tree 2>/dev/null | grep -q '"Toucan Keys"' && break
  sleep 0.2
done
xwininfo -root -tree | grep '"Toucan Keys"' || { echo "the installed app's window did not appear" >&2; exit 1; }
sleep 3
import -window root "$TOUCAN_ARTIFACTS/installed-app.png"
echo "the window appeared (screenshot: artifacts/install/installed-app.png)"
# The installed app turned core dumps off for itself before any key was in its memory.
grep -E '^Max core file size +0 +0 ' "/proc/$app/limits" \
  || { echo "the installed app still allows core dumps:" >&2; grep -i core "/proc/$app/limits" >&2; exit 1; }
echo "core dumps are off for the running app (/proc/$app/limits)"
