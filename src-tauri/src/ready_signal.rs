//! For the start-up benchmark only: when `TOUCAN_KEYS_READY_SIGNAL` is set,
//! prints `ready` on standard output once, the first time the page asks to
//! check the keychain (which it does right after drawing the key list). It
//! watches the IPC messages from outside the commands; without the variable
//! the handler is the commands' own, untouched.

use std::io::Write;
use std::sync::Once;

use tauri::ipc::Invoke;

/// The variable that turns the signal on.
pub const READY_SIGNAL_VARIABLE: &str = "TOUCAN_KEYS_READY_SIGNAL";

/// The command the page calls right after it has drawn the key list.
const AFTER_FIRST_DRAW: &str = "check_keychain";

/// `handler`, watched for the page's first draw when the benchmark asked.
pub fn watch<R: tauri::Runtime>(
    handler: impl Fn(Invoke<R>) -> bool + Send + Sync + 'static,
) -> Box<dyn Fn(Invoke<R>) -> bool + Send + Sync> {
    if std::env::var_os(READY_SIGNAL_VARIABLE).is_none() {
        return Box::new(handler);
    }
    static SIGNALLED: Once = Once::new();
    Box::new(move |invoke: Invoke<R>| {
        if invoke.message.command() == AFTER_FIRST_DRAW {
            SIGNALLED.call_once(|| {
                let mut out = std::io::stdout().lock();
                let _ = writeln!(out, "ready");
                let _ = out.flush();
            });
        }
        handler(invoke)
    })
}
