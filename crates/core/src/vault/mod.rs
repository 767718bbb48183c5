//! Where secrets live: only in the operating system's keychain.
//!
//! [`KeychainVault`] is the real one (macOS Keychain, Windows Credential
//! Manager, the Secret Service on Linux). [`MemoryVault`] is for unit tests of
//! logic and can fail on demand; it is never a fallback.

mod keychain;
mod memory;

pub use keychain::KeychainVault;
pub use memory::{MemoryVault, VaultOp};

use crate::record::KeyId;
use crate::secret::SecretKey;
use crate::workspace::AccountToken;

/// The keychain account under which the workspace account token is kept
/// (key ids start with `key_`, so it can't collide with one).
pub const ACCOUNT_TOKEN_ENTRY: &str = "workspace-account-token";

/// Why the keychain did not do what was asked. Messages are for people, and
/// name the system's keychain app ([`crate::i18n::keychain_app`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    /// The keychain is locked, or the person declined to unlock it.
    Locked,
    /// No keychain service is running or reachable.
    Unavailable {
        /// The platform's description, for support.
        detail: String,
    },
    /// The keychain holds no secret for this key.
    SecretMissing,
    /// The keychain holds something for this key that is not a valid key.
    SecretUnreadable,
    /// Any other keychain failure.
    Failed {
        /// The platform's description, for support.
        detail: String,
    },
}

impl VaultError {
    /// A stable, machine-readable code.
    pub fn code(&self) -> crate::error_code::ErrorCode {
        use crate::error_code::ErrorCode;
        match self {
            Self::Locked => ErrorCode::KeychainLocked,
            Self::Unavailable { .. } => ErrorCode::KeychainUnavailable,
            Self::SecretMissing => ErrorCode::SecretMissing,
            Self::SecretUnreadable => ErrorCode::SecretUnreadable,
            Self::Failed { .. } => ErrorCode::KeychainFailed,
        }
    }
}

/// A place that keeps key secrets, addressed by key id.
pub trait Vault: Send + Sync {
    /// Stores (or replaces) the secret for `id`. `label` is what keychain apps show.
    fn store(&self, id: &KeyId, label: &str, secret: &SecretKey) -> Result<(), VaultError>;
    /// Reads the secret for `id`; [`VaultError::SecretMissing`] if there is none.
    fn read(&self, id: &KeyId) -> Result<SecretKey, VaultError>;
    /// Removes the secret for `id`. Removing a secret that is not there succeeds.
    fn remove(&self, id: &KeyId) -> Result<(), VaultError>;
    /// Stores (or replaces) the workspace account token.
    fn store_account_token(&self, token: &AccountToken) -> Result<(), VaultError>;
    /// The workspace account token, if one is stored.
    fn read_account_token(&self) -> Result<Option<AccountToken>, VaultError>;
    /// Removes the workspace account token. Removing none succeeds.
    fn remove_account_token(&self) -> Result<(), VaultError>;
    /// The ids of every key secret this vault holds (its search by service),
    /// so secrets that no record claims can be found.
    fn key_ids(&self) -> Result<Vec<KeyId>, VaultError>;
    /// The label keychain apps show for `id`'s entry ("Toucan API key: <name>"),
    /// where this platform's keychain keeps one (the Secret Service does; macOS
    /// and Windows don't, and answer `None`).
    fn label(&self, _id: &KeyId) -> Result<Option<String>, VaultError> {
        Ok(None)
    }
    /// Whether a secret is stored for `id`.
    fn contains(&self, id: &KeyId) -> Result<bool, VaultError> {
        match self.read(id) {
            Ok(_) => Ok(true),
            Err(VaultError::SecretMissing) => Ok(false),
            Err(VaultError::SecretUnreadable) => Ok(true),
            Err(other) => Err(other),
        }
    }
}

/// A shared vault is a vault (the app and its tests keep a handle on it).
impl<V: Vault + ?Sized> Vault for std::sync::Arc<V> {
    fn store(&self, id: &KeyId, label: &str, secret: &SecretKey) -> Result<(), VaultError> {
        (**self).store(id, label, secret)
    }
    fn read(&self, id: &KeyId) -> Result<SecretKey, VaultError> {
        (**self).read(id)
    }
    fn remove(&self, id: &KeyId) -> Result<(), VaultError> {
        (**self).remove(id)
    }
    fn store_account_token(&self, token: &AccountToken) -> Result<(), VaultError> {
        (**self).store_account_token(token)
    }
    fn key_ids(&self) -> Result<Vec<KeyId>, VaultError> {
        (**self).key_ids()
    }
    fn label(&self, id: &KeyId) -> Result<Option<String>, VaultError> {
        (**self).label(id)
    }
    fn read_account_token(&self) -> Result<Option<AccountToken>, VaultError> {
        (**self).read_account_token()
    }
    fn remove_account_token(&self) -> Result<(), VaultError> {
        (**self).remove_account_token()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// People are told where to look, by the name their system uses.
    #[test]
    fn keychain_messages_name_this_system_s_keychain_app() {
        let expected = if cfg!(target_os = "macos") {
            "Keychain Access"
        } else if cfg!(windows) {
            "Credential Manager"
        } else {
            "Passwords and Keys"
        };
        assert_eq!(crate::i18n::keychain_app(crate::i18n::Language::ENGLISH), expected);
        for error in [
            VaultError::Locked,
            VaultError::SecretMissing,
            VaultError::SecretUnreadable,
            VaultError::Failed { detail: "x".into() },
        ] {
            assert!(error.to_string().contains(expected), "{error}");
        }
    }
}
