//! The app's log: a new file each day in the platform's log folder (Tauri's
//! `app_log_dir`: `~/.local/share/<id>/logs` on Linux, `~/Library/Logs/<id>`
//! on macOS, `%LOCALAPPDATA%\<id>\logs` on Windows), the last week kept.
//! Toucan Keys' own lines from debug up, other crates' from warn; the
//! variable `TOUCAN_KEYS_LOG=trace` shows everything. No line ever holds a
//! key or a token (`crates/core/tests/log_hygiene.rs`).

use std::path::Path;

use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::prelude::*;

/// How many daily files are kept.
const DAYS_KEPT: usize = 7;

/// Starts writing the log into `dir`. A folder that can't be written leaves
/// the app without a log rather than without a window. The folder is made
/// private (0700) and its files too (0600, also those an older version left);
/// new files are private through the process's umask (see
/// `process_guard::keep_new_files_private`).
pub fn start(dir: &Path) {
    toucan_keys_core::process_guard::keep_new_files_private();
    if make_private(dir).is_err() {
        return;
    }
    let Ok(appender) = tracing_appender::rolling::Builder::new()
        .rotation(tracing_appender::rolling::Rotation::DAILY)
        .filename_prefix("toucan-keys")
        .filename_suffix("log")
        .max_log_files(DAYS_KEPT)
        .build(dir)
    else {
        return;
    };
    let everything = std::env::var("TOUCAN_KEYS_LOG").is_ok_and(|level| level == "trace");
    let filter = if everything {
        Targets::new().with_default(LevelFilter::TRACE)
    } else {
        Targets::new()
            .with_default(LevelFilter::WARN)
            .with_target("toucan_keys_core", LevelFilter::DEBUG)
            .with_target("toucan_keys_app", LevelFilter::DEBUG)
    };
    let layer = tracing_subscriber::fmt::layer().with_writer(appender).with_ansi(false);
    let _ = tracing_subscriber::registry()
        .with(layer.with_filter(filter))
        .try_init();
}

/// Creates `dir` if needed, and makes it and every file in it private to
/// this user (0700 and 0600 on Unix).
fn make_private(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        for entry in std::fs::read_dir(dir)?.flatten() {
            if entry.file_type().is_ok_and(|kind| kind.is_file()) {
                std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(0o600))?;
            }
        }
    }
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    /// The log is private: its folder 0700, today's file and one an older
    /// version left 0600, whatever the umask was before.
    #[test]
    fn the_log_folder_and_its_files_are_private() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("logs");
        std::fs::create_dir(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let old = dir.join("toucan-keys.2026-11-30.log");
        std::fs::write(&old, "an older line\n").unwrap();
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o644)).unwrap();

        super::start(&dir);
        tracing::warn!("a line for the log");
        let mode = |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        let files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.path()).collect();
        assert!(files.len() >= 2, "today's log was not written: {files:?}");
        for file in files {
            assert_eq!(mode(&file), 0o600, "{}", file.display());
        }
    }
}
