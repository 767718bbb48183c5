//! What the app keeps while it runs: the key manager, the settings file and
//! the clipboard guard. Built once at start-up from the app's folders.

use std::path::Path;

use toucan_keys_core::clipboard::{Clipboard, ClipboardGuard};
use toucan_keys_core::{APP_IDENTIFIER, FileRegistry, KeyManager, KeychainVault, SettingsFile, Vault};

/// The app's state, shared by every command.
pub struct AppState {
    /// Keys: keychain + registry.
    pub keys: KeyManager,
    /// The person's preferences.
    pub settings: SettingsFile,
    /// Copies keys and clears them again.
    pub clipboard: ClipboardGuard<Box<dyn Clipboard>>,
}

impl AppState {
    /// The real state: the OS keychain, the registry in `data_dir`, the
    /// settings in `config_dir`, the system clipboard.
    pub fn open(data_dir: &Path, config_dir: &Path) -> Self {
        Self::with_parts(
            KeychainVault::new(APP_IDENTIFIER),
            data_dir,
            config_dir,
            Box::new(crate::system_clipboard::SystemClipboard::default()),
        )
    }

    /// State over any vault and clipboard (tests use in-memory ones).
    pub fn with_parts(
        vault: impl Vault + 'static,
        data_dir: &Path,
        config_dir: &Path,
        clipboard: Box<dyn Clipboard>,
    ) -> Self {
        Self {
            keys: KeyManager::new(vault, FileRegistry::in_dir(data_dir)),
            settings: SettingsFile::in_dir(config_dir),
            clipboard: ClipboardGuard::new(clipboard),
        }
    }
}
