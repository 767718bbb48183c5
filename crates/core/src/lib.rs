//! The Toucan Keys core: everything that matters is decided and tested here,
//! with no Tauri in it.
//!
//! - [`key_format`] and [`secret`]: the `tck_` key format and [`SecretKey`],
//!   from `toucan-keys-protocol` (shared with the embed server).
//! - [`vault`]: the OS keychain (and an in-memory double for unit tests).
//! - [`registry`]: key metadata in a versioned JSON file, never a secret.
//! - [`manager`]: the operations the app calls, keeping both consistent.
//! - [`settings`]: the person's preferences; [`clipboard`]: copy and clear.
//! - [`workspace`]: the workspace server: register, revoke, generate tokens.
//! - [`app`]: [`ToucanApp`], every use case of the app, called by the shell.
#![warn(missing_docs)]

pub mod activity;
pub mod app;
mod atomic_file;
pub mod choices;
pub mod clipboard;
pub mod error;
pub mod error_code;
pub mod expiry;
pub mod i18n;
mod json_file;
pub mod manager;
pub mod names;
pub mod process_guard;
pub mod record;
pub mod registry;
pub mod reminders;
pub mod settings;
pub mod snippets;
pub mod updates;
pub mod vault;
pub mod workspace;

/// The key format, from the protocol crate the embed server shares.
pub use toucan_keys_protocol::key_format;
/// Restricted keys: limits, presets, and what a refusal names.
pub use toucan_keys_protocol::limits;
/// The secret types, from the protocol crate.
pub use toucan_keys_protocol::secret;

pub use app::{Host, Reply, ToucanApp};
pub use choices::{Choices, choices};
pub use error::CoreError;
pub use error_code::{ErrorCode, ErrorField};
pub use expiry::{Expiry, ExpiryKind};
pub use i18n::{Language, WindowLanguages};
pub use manager::{CreateStep, CreatedKey, FoundKey, KeyManager, KeySummary, RollOverlap, RolledKey};
pub use record::{KeyActions, KeyId, KeyRecord, KeyStatus};
pub use registry::{FileRegistry, RecordStore};
pub use secret::{ExposeSecret, OneTimeReveal, SecretKey};
pub use settings::{ClipboardClear, SettingChange, Settings, SettingsFile};
pub use vault::{KeychainVault, MemoryVault, Vault, VaultError};

/// The app's identifier: the keychain service name and the data folder's name.
pub const APP_IDENTIFIER: &str = "cloud.toucanai.keys";

/// The app's data folder: the platform's data folder + [`APP_IDENTIFIER`]
/// (the same place Tauri's `app_data_dir` points to), so the app and a
/// command-line tool share one registry.
pub fn default_data_dir() -> Option<std::path::PathBuf> {
    dirs::data_dir().map(|dir| dir.join(APP_IDENTIFIER))
}

/// The app's config folder (settings, workspace): the platform's config
/// folder + [`APP_IDENTIFIER`], as Tauri's `app_config_dir`.
pub fn default_config_dir() -> Option<std::path::PathBuf> {
    dirs::config_dir().map(|dir| dir.join(APP_IDENTIFIER))
}
