//! What the app keeps while it runs: the key manager, the workspace, the
//! settings file and the clipboard guard. Built once at start-up from the
//! app's folders.

use std::path::Path;
use std::sync::{Arc, Mutex};

use toucan_keys_core::clipboard::{Clipboard, ClipboardGuard};
use toucan_keys_core::workspace::{Confirm, GeneratedToken, Workspace};
use toucan_keys_core::{APP_IDENTIFIER, FileRegistry, KeyManager, KeychainVault, SettingsFile, Vault};

/// The app's state, shared by every command.
pub struct AppState {
    /// Keys: keychain + registry.
    pub keys: KeyManager,
    /// The workspace server connection (its token in the same keychain).
    pub workspace: Workspace,
    /// The person's preferences.
    pub settings: SettingsFile,
    /// Copies keys and tokens, and clears them again.
    pub clipboard: ClipboardGuard<Box<dyn Clipboard>>,
    /// The last session token generated, for `copy_token`.
    pub last_token: Mutex<Option<GeneratedToken>>,
    /// Asks the person, outside the page, before connecting to a server.
    pub confirm: Box<dyn Confirm>,
}

impl AppState {
    /// The real state: the OS keychain, the registry in `data_dir`, the
    /// settings and workspace in `config_dir`, the system clipboard, and
    /// `confirm` (native dialogs).
    pub fn open(data_dir: &Path, config_dir: &Path, confirm: Box<dyn Confirm>) -> Self {
        Self::with_parts(
            Arc::new(KeychainVault::new(APP_IDENTIFIER)),
            data_dir,
            config_dir,
            Box::new(crate::system_clipboard::SystemClipboard::default()),
            confirm,
        )
    }

    /// State over any vault, clipboard and confirmation (tests use fakes).
    pub fn with_parts(
        vault: Arc<dyn Vault>,
        data_dir: &Path,
        config_dir: &Path,
        clipboard: Box<dyn Clipboard>,
        confirm: Box<dyn Confirm>,
    ) -> Self {
        Self {
            keys: KeyManager::new(vault.clone(), FileRegistry::in_dir(data_dir)),
            workspace: Workspace::new(config_dir, vault),
            settings: SettingsFile::in_dir(config_dir),
            clipboard: ClipboardGuard::new(clipboard),
            last_token: Mutex::new(None),
            confirm,
        }
    }
}
