//! Questions the web page must not be able to answer, asked in a native
//! dialog that Rust draws (GTK, Cocoa or Win32 through Tauri's dialog plugin).
//! The page has no permission for that plugin, so a script in it can neither
//! show nor answer these dialogs.

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};
use toucan_keys_core::workspace::Confirm;

use toucan_keys_core::i18n::{Arg, message};

/// Asks the person at the computer, in a native dialog.
pub struct NativeConfirm<R: Runtime> {
    app: AppHandle<R>,
}

impl<R: Runtime> NativeConfirm<R> {
    /// Dialogs over `app`'s windows.
    pub fn new(app: AppHandle<R>) -> Self {
        Self { app }
    }
}

impl<R: Runtime> Confirm for NativeConfirm<R> {
    fn connect_to(&self, server: &str, replacing: Option<&str>) -> bool {
        let why = message("connect-why", &[]);
        let text = match replacing {
            Some(previous) if previous != server => message(
                "connect-switch",
                &[
                    ("server", Arg::Text(server)),
                    ("previous", Arg::Text(previous)),
                    ("why", Arg::Text(&why)),
                ],
            ),
            _ => message(
                "connect-new",
                &[("server", Arg::Text(server)), ("why", Arg::Text(&why))],
            ),
        };
        // Blocks this (command) thread, never the main thread, until answered.
        self.app
            .dialog()
            .message(text)
            .title(message("connect-title", &[]))
            .kind(MessageDialogKind::Warning)
            .buttons(MessageDialogButtons::OkCancelCustom(
                message("connect-button", &[]),
                message("cancel-button", &[]),
            ))
            .blocking_show()
    }
}
