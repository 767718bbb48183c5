//! Questions the web page must not be able to answer, asked in a native
//! dialog that Rust draws (GTK, Cocoa or Win32 through Tauri's dialog plugin).
//! The page has no permission for that plugin, so a script in it can neither
//! show nor answer these dialogs.

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};
use toucan_keys_core::workspace::Confirm;

/// The title of the connection question (the end-to-end tests look for it).
pub const CONNECT_TITLE: &str = "Connect to a workspace server?";

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
        let why = "When you generate session tokens, Toucan Keys sends your API keys to this server.";
        let message = match replacing {
            Some(previous) if previous != server => format!(
                "Connect to {server} instead of {previous}?\n\n{why} Keys registered with {previous} are still sent only there."
            ),
            _ => format!("Connect to {server}?\n\n{why} Connect only to your own workspace server."),
        };
        // Blocks this (command) thread, never the main thread, until answered.
        self.app
            .dialog()
            .message(message)
            .title(CONNECT_TITLE)
            .kind(MessageDialogKind::Warning)
            .buttons(MessageDialogButtons::OkCancelCustom("Connect".into(), "Cancel".into()))
            .blocking_show()
    }
}
