//! For the start-up benchmark only: when `TOUCAN_KEYS_READY_SIGNAL` is set,
//! prints `ready` on standard output once, the first time the UI asks to
//! check the keychain (which it does right after drawing the key list).

use std::io::Write;
use std::sync::Once;

/// The variable that turns the signal on.
pub const READY_SIGNAL_VARIABLE: &str = "TOUCAN_KEYS_READY_SIGNAL";

static SIGNALLED: Once = Once::new();

/// Prints `ready` once, if the benchmark asked for it.
pub fn key_list_rendered() {
    if std::env::var_os(READY_SIGNAL_VARIABLE).is_some() {
        SIGNALLED.call_once(|| {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "ready");
            let _ = out.flush();
        });
    }
}
