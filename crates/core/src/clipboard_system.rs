//! The OS clipboard (arboard), for the app and the command line (feature
//! `system-clipboard`), marking every copied key as a secret so that
//! clipboard history tools skip it: `x-kde-passwordManagerHint` on Linux,
//! `org.nspasteboard.ConcealedType` on macOS, and on Windows excluded from
//! clipboard history, cloud sync and monitoring.

use crate::clipboard::Clipboard;

/// The system clipboard, opened on first use (there may be no display yet
/// when the app starts, and tests never need one).
#[derive(Default)]
pub struct SystemClipboard {
    inner: Option<arboard::Clipboard>,
}

impl SystemClipboard {
    fn open(&mut self) -> Result<&mut arboard::Clipboard, String> {
        if self.inner.is_none() {
            self.inner = Some(arboard::Clipboard::new().map_err(|e| e.to_string())?);
        }
        Ok(self.inner.as_mut().expect("just opened"))
    }
}

impl Clipboard for SystemClipboard {
    fn set_secret(&mut self, text: &str) -> Result<(), String> {
        let set = self.open()?.set();
        #[cfg(all(unix, not(any(target_os = "macos", target_os = "android", target_os = "emscripten"))))]
        let set = {
            use arboard::SetExtLinux;
            set.exclude_from_history()
        };
        #[cfg(target_os = "macos")]
        let set = {
            use arboard::SetExtApple;
            set.exclude_from_history()
        };
        #[cfg(windows)]
        let set = {
            use arboard::SetExtWindows;
            set.exclude_from_history()
                .exclude_from_cloud()
                .exclude_from_monitoring()
        };
        set.text(text).map_err(|e| e.to_string())
    }

    fn set_text(&mut self, text: &str) -> Result<(), String> {
        self.open()?.set_text(text).map_err(|e| e.to_string())
    }

    fn text(&mut self) -> Result<Option<String>, String> {
        match self.open()?.get_text() {
            Ok(text) => Ok(Some(text)),
            // Something that isn't text (an image, files) was copied since.
            Err(arboard::Error::ContentNotAvailable) => Ok(None),
            Err(error) => Err(error.to_string()),
        }
    }

    fn clear(&mut self) -> Result<(), String> {
        self.open()?.clear().map_err(|e| e.to_string())
    }
}
