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
/// the app without a log rather than without a window.
pub fn start(dir: &Path) {
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
