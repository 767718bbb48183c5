#!/usr/bin/env python3
"""Writes the updater feed (latest.json) for a release, to standard output.

    scripts/updater-feed.py --version 0.2.0 --notes "What's new" \
        --base-url https://github.com/OWNER/REPO/releases/download/v0.2.0 DIR

DIR holds the release's files: each installer the updater can install, with
its signature beside it (NAME.sig, made by the Tauri bundler with the update
signing key). Each signed installer becomes one platform entry, named the way
tauri-plugin-updater (2.10 or newer) looks them up, `{os}-{arch}-{installer}`:

    *.deb            linux-x86_64-deb
    *.rpm            linux-x86_64-rpm
    *.AppImage       linux-x86_64-appimage, and linux-x86_64
    *.msi            windows-x86_64-msi
    *-setup.exe      windows-x86_64-nsis, and windows-x86_64
    *.app.tar.gz     darwin-{aarch64|x86_64}-app, and darwin-{aarch64|x86_64}

The plain `{os}-{arch}` entries serve apps that don't know how they were
installed. The release workflow runs this; the updater test runs it too, so
the feed the app reads in tests is the one releases publish.
"""

import argparse
import datetime
import json
import pathlib
import sys
import urllib.parse


def entries_for(name):
    """The feed keys a signed file called `name` answers to."""
    if name.endswith(".deb") and ("amd64" in name or "x86_64" in name):
        return ["linux-x86_64-deb"]
    if name.endswith(".rpm") and "x86_64" in name:
        return ["linux-x86_64-rpm"]
    if name.endswith(".AppImage") and ("amd64" in name or "x86_64" in name):
        return ["linux-x86_64-appimage", "linux-x86_64"]
    if name.endswith(".msi") and ("x64" in name or "x86_64" in name):
        return ["windows-x86_64-msi"]
    if name.endswith("-setup.exe") and ("x64" in name or "x86_64" in name):
        return ["windows-x86_64-nsis", "windows-x86_64"]
    if name.endswith(".app.tar.gz"):
        arch = "aarch64" if "aarch64" in name else "x86_64" if ("x64" in name or "x86_64" in name) else None
        if arch:
            return [f"darwin-{arch}-app", f"darwin-{arch}"]
    return []


def feed(version, notes, base_url, folder, pub_date):
    platforms = {}
    for signature in sorted(folder.glob("*.sig")):
        installer = signature.with_suffix("")
        if not installer.is_file():
            continue
        for key in entries_for(installer.name):
            if key in platforms:
                sys.exit(f"updater-feed: two files for {key}: {platforms[key]['url']} and {installer.name}")
            platforms[key] = {
                "signature": signature.read_text().strip(),
                "url": f"{base_url.rstrip('/')}/{urllib.parse.quote(installer.name)}",
            }
    if not platforms:
        sys.exit(f"updater-feed: no signed installer in {folder}")
    return {"version": version, "notes": notes, "pub_date": pub_date, "platforms": platforms}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", required=True)
    parser.add_argument("--notes", required=True)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("folder", type=pathlib.Path)
    args = parser.parse_args()
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    json.dump(feed(args.version, args.notes, args.base_url, args.folder, now), sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
