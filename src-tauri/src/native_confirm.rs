//! Questions the web page must not be able to answer, asked in a native
//! dialog that Rust draws (GTK, Cocoa or Win32 through Tauri's dialog plugin).
//! The page has no permission for that plugin, so a script in it can neither
//! show nor answer these dialogs.

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::{DialogExt, MessageDialogButtons, MessageDialogKind};
use toucan_keys_core::workspace::{Confirm, ConnectQuestion};

use toucan_keys_core::i18n::{language, message};

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
    fn connect_to(&self, question: &ConnectQuestion) -> bool {
        let text = question.text_in(language());
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
