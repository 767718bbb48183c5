//! `scan`: finds Toucan keys in files before they leave this computer, and
//! names which of your keys each one is, never printing the key.
//!
//! A candidate is `tck_` and 36 base62 characters standing alone; only one
//! whose checksum holds is reported (a typo or a look-alike is not). Folders
//! are walked as ripgrep walks them (the `ignore` crate: `.gitignore`,
//! `.ignore`, in parallel), hidden files included (`.env` is where keys
//! leak most) but not `.git` itself. `--staged` reads what `git commit` would
//! commit: the index's copy of each added or changed file.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::sync::Mutex;

use regex::bytes::Regex;
use serde::Serialize;
use toucan_keys_core::KeySummary;
use toucan_keys_core::key_format;

/// One key found in a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Hit {
    /// The file, as given or found under the folder given.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in bytes.
    pub column: usize,
    /// SHA-256 of the key: names it without revealing it.
    pub fingerprint: String,
    /// Which of your keys it is, when it is one.
    pub key: Option<YourKey>,
}

/// One of your keys, as a hit names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct YourKey {
    /// Its id (key_…).
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its status, as the list says it.
    pub status: String,
}

fn candidates() -> Regex {
    Regex::new(r"(?-u)\btck_[0-9A-Za-z]{36}\b").expect("a valid pattern")
}

/// The keys in `bytes` whose checksum holds, with where they are.
pub fn keys_in(bytes: &[u8], path: &str, pattern: &Regex) -> Vec<(String, usize, usize, String)> {
    let mut found = Vec::new();
    for candidate in pattern.find_iter(bytes) {
        let Ok(text) = std::str::from_utf8(candidate.as_bytes()) else {
            continue;
        };
        let Ok(key) = key_format::parse(text) else { continue };
        let before = &bytes[..candidate.start()];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = candidate.start() - before.iter().rposition(|&b| b == b'\n').map_or(0, |at| at + 1) + 1;
        found.push((path.to_owned(), line, column, key.fingerprint()));
    }
    found
}

/// Every key under `paths` (files or folders), in path order.
pub fn scan_paths(paths: &[PathBuf]) -> Vec<(String, usize, usize, String)> {
    let pattern = candidates();
    let found = Mutex::new(Vec::new());
    let Some((first, rest)) = paths.split_first() else {
        return Vec::new();
    };
    let mut walk = ignore::WalkBuilder::new(first);
    for path in rest {
        walk.add(path);
    }
    walk.hidden(false)
        .require_git(false)
        .filter_entry(|entry| entry.file_name() != ".git");
    walk.build_parallel().run(|| {
        let pattern = &pattern;
        let found = &found;
        Box::new(move |entry| {
            if let Ok(entry) = entry
                && entry.file_type().is_some_and(|kind| kind.is_file())
                && let Ok(bytes) = std::fs::read(entry.path())
            {
                let hits = keys_in(&bytes, &entry.path().to_string_lossy(), pattern);
                if !hits.is_empty() {
                    found.lock().unwrap_or_else(|p| p.into_inner()).extend(hits);
                }
            }
            ignore::WalkState::Continue
        })
    });
    let mut found = found.into_inner().unwrap_or_else(|p| p.into_inner());
    found.sort();
    found
}

/// Every key in what `git commit` would commit now (the index's copy of each
/// added, copied, modified or renamed file), run in `folder`.
pub fn scan_staged(folder: &Path) -> Result<Vec<(String, usize, usize, String)>, String> {
    let git = |args: &[&str]| {
        Process::new("git")
            .args(args)
            .current_dir(folder)
            .output()
            .map_err(|error| format!("git couldn't be run: {error}"))
    };
    let names = git(&["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"])?;
    if !names.status.success() {
        return Err(format!(
            "not in a git repository, or git failed: {}",
            String::from_utf8_lossy(&names.stderr).trim()
        ));
    }
    let pattern = candidates();
    let mut found = Vec::new();
    for name in names.stdout.split(|&b| b == 0).filter(|name| !name.is_empty()) {
        let name = String::from_utf8_lossy(name).into_owned();
        let staged = git(&["show", &format!(":{name}")])?;
        if staged.status.success() {
            found.extend(keys_in(&staged.stdout, &name, &pattern));
        }
    }
    Ok(found)
}

/// The hits, each named by your key with its fingerprint, when it is one.
pub fn named(found: Vec<(String, usize, usize, String)>, yours: &[KeySummary]) -> Vec<Hit> {
    let by_fingerprint: HashMap<&str, &KeySummary> =
        yours.iter().map(|key| (key.record.fingerprint.as_str(), key)).collect();
    found
        .into_iter()
        .map(|(path, line, column, fingerprint)| {
            let key = by_fingerprint.get(fingerprint.as_str()).map(|key| YourKey {
                id: key.record.id.to_string(),
                name: key.record.name.clone(),
                status: serde_json::to_value(key.status)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
            });
            Hit {
                path,
                line,
                column,
                fingerprint,
                key,
            }
        })
        .collect()
}

/// The hits in words, one per line, then what to do.
pub fn describe(hits: &[Hit]) -> String {
    let mut out = String::new();
    for hit in hits {
        let what = match &hit.key {
            Some(key) => format!("your key “{}” ({}, {})", key.name, key.status, key.id),
            None => "a Toucan key that isn't in your list".to_owned(),
        };
        out.push_str(&format!(
            "{}:{}:{}: {what}, fingerprint {}…\n",
            hit.path,
            hit.line,
            hit.column,
            &hit.fingerprint[..12]
        ));
    }
    if hits
        .iter()
        .any(|hit| hit.key.as_ref().is_some_and(|key| key.status != "revoked"))
    {
        out.push_str(
            "Take the key out of these files. If it was already pushed or shared, roll it now in Toucan Keys \
             (Roll, then \"Stop it now\") so the copy that got out stops working.\n",
        );
    } else {
        out.push_str("Take the key out of these files: a key doesn't belong in source, configuration or logs.\n");
    }
    out
}

/// The line `hook install` adds to a pre-commit hook.
pub const HOOK_LINE: &str = "toucan-keys-cli scan --staged || exit 1";

/// Adds the staged scan to the repository's pre-commit hook in `folder`
/// (made if missing; an existing hook is kept, the scan added to it once).
/// Returns the hook's path and whether it was changed.
pub fn install_hook(folder: &Path) -> Result<(PathBuf, bool), String> {
    let out = Process::new("git")
        .args(["rev-parse", "--git-path", "hooks"])
        .current_dir(folder)
        .output()
        .map_err(|error| format!("git couldn't be run: {error}"))?;
    if !out.status.success() {
        return Err("not in a git repository".to_owned());
    }
    let hooks = folder.join(String::from_utf8_lossy(&out.stdout).trim());
    std::fs::create_dir_all(&hooks).map_err(|error| format!("{}: {error}", hooks.display()))?;
    let hook = hooks.join("pre-commit");
    let existing = std::fs::read_to_string(&hook).ok();
    if existing.as_deref().is_some_and(|text| text.contains(HOOK_LINE)) {
        return Ok((hook, false));
    }
    let text = match existing {
        Some(text) => {
            let mut text = text;
            if !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(&format!("# Toucan Keys: no API key in a commit.\n{HOOK_LINE}\n"));
            text
        }
        None => format!("#!/bin/sh\n# Toucan Keys: no API key in a commit.\n{HOOK_LINE}\n"),
    };
    std::fs::write(&hook, text).map_err(|error| format!("{}: {error}", hook.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&hook)
            .map(|m| m.permissions().mode())
            .unwrap_or(0o644);
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(mode | 0o755))
            .map_err(|error| format!("{}: {error}", hook.display()))?;
    }
    Ok((hook, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_found_with_its_line_and_column_and_a_look_alike_is_not() {
        let key = key_format::generate();
        let key = key.expose_secret();
        let typo = format!("{}{}", &key[..39], if key.ends_with('0') { '1' } else { '0' });
        let text = format!("first line\n  KEY={key}\nTYPO={typo}\nx{key}\n");
        let found = keys_in(text.as_bytes(), "f", &candidates());
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].1, found[0].2), (2, 7));
        assert_eq!(found[0].3, key_format::parse(key).unwrap().fingerprint());
    }
}
