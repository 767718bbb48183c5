//! The operating system's keychain, through `keyring-core` and the native
//! stores the `keyring` v4 crate uses. No plaintext fallback, ever.

use std::sync::{Arc, Mutex};

use keyring_core::{CredentialStore, Entry, Error as KeyringError};
use zeroize::Zeroizing;

use super::{ACCOUNT_TOKEN_ENTRY, Vault, VaultError};
use crate::key_format;
use crate::record::KeyId;
use crate::secret::{ExposeSecret, SecretKey};
use crate::workspace::AccountToken;

/// Secrets in the OS keychain: service = the app identifier, account = key id.
///
/// The connection is made on first use and made again after a platform
/// failure, so a keychain service that starts (or restarts) after the app
/// does is picked up without restarting the app.
pub struct KeychainVault {
    service: String,
    store: Mutex<Option<Arc<CredentialStore>>>,
}

impl KeychainVault {
    /// A vault whose entries are filed under `service` (the app identifier).
    pub fn new(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
            store: Mutex::new(None),
        }
    }

    /// The service name entries are filed under.
    pub fn service(&self) -> &str {
        &self.service
    }

    /// The entry for `account` (a key id, or the account token's entry).
    fn entry(&self, account: &str, label: Option<&str>) -> Result<Entry, VaultError> {
        let store = self.connected_store()?;
        let result = match label {
            Some(label) => {
                let modifiers = std::collections::HashMap::from([("label", label)]);
                Entry::new_in_store_with_modifiers(&store, &self.service, account, &modifiers)
            }
            None => Entry::new_in_store(&store, &self.service, account),
        };
        result.map_err(|error| self.classify(error))
    }

    fn connected_store(&self) -> Result<Arc<CredentialStore>, VaultError> {
        let mut slot = self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(store) = slot.as_ref() {
            return Ok(store.clone());
        }
        let store = native_store().map_err(|error| match classify(&error) {
            VaultError::Failed { detail } => VaultError::Unavailable { detail },
            other => other,
        })?;
        *slot = Some(store.clone());
        Ok(store)
    }

    /// Maps a keyring error, dropping the connection after a platform failure
    /// so the next call connects afresh.
    fn classify(&self, error: KeyringError) -> VaultError {
        if matches!(error, KeyringError::PlatformFailure(_)) {
            *self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
        }
        classify(&error)
    }
}

impl KeychainVault {
    fn store_text(&self, account: &str, label: &str, secret: &str) -> Result<(), VaultError> {
        let entry = self.entry(account, Some(label))?;
        entry
            .set_secret(secret.as_bytes())
            .map_err(|error| self.classify(error))
    }

    /// The entry's text, zeroed when dropped.
    fn read_text(&self, account: &str) -> Result<Zeroizing<String>, VaultError> {
        let entry = self.entry(account, None)?;
        let bytes = Zeroizing::new(entry.get_secret().map_err(|error| self.classify(error))?);
        let text = std::str::from_utf8(&bytes).map_err(|_| VaultError::SecretUnreadable)?;
        Ok(Zeroizing::new(text.to_owned()))
    }

    fn remove_entry(&self, account: &str) -> Result<(), VaultError> {
        let entry = self.entry(account, None)?;
        match entry.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(error) => Err(self.classify(error)),
        }
    }
}

impl Vault for KeychainVault {
    fn store(&self, id: &KeyId, label: &str, secret: &SecretKey) -> Result<(), VaultError> {
        self.store_text(id.as_str(), label, secret.expose_secret())
    }

    fn read(&self, id: &KeyId) -> Result<SecretKey, VaultError> {
        key_format::parse(&self.read_text(id.as_str())?).map_err(|_| VaultError::SecretUnreadable)
    }

    fn remove(&self, id: &KeyId) -> Result<(), VaultError> {
        self.remove_entry(id.as_str())
    }

    fn store_account_token(&self, token: &AccountToken) -> Result<(), VaultError> {
        self.store_text(
            ACCOUNT_TOKEN_ENTRY,
            "Toucan workspace account token",
            token.expose_secret(),
        )
    }

    fn read_account_token(&self) -> Result<Option<AccountToken>, VaultError> {
        match self.read_text(ACCOUNT_TOKEN_ENTRY) {
            Ok(text) => AccountToken::parse(&text)
                .map(Some)
                .map_err(|_| VaultError::SecretUnreadable),
            Err(VaultError::SecretMissing) => Ok(None),
            Err(error) => Err(error),
        }
    }

    fn remove_account_token(&self) -> Result<(), VaultError> {
        self.remove_entry(ACCOUNT_TOKEN_ENTRY)
    }
}

/// Turns a keyring error into one a person can act on. Never includes secret
/// bytes (`BadEncoding` carries them, so it is mapped without its payload).
fn classify(error: &KeyringError) -> VaultError {
    match error {
        KeyringError::NoEntry => VaultError::SecretMissing,
        KeyringError::NoStorageAccess(_) => VaultError::Locked,
        KeyringError::BadEncoding(_) | KeyringError::BadDataFormat(..) => VaultError::SecretUnreadable,
        KeyringError::NoDefaultStore => VaultError::Unavailable {
            detail: "no keychain store".into(),
        },
        KeyringError::PlatformFailure(inner) => {
            let detail = format!("{inner} {inner:?}");
            let lower = detail.to_lowercase();
            if lower.contains("locked") {
                VaultError::Locked
            } else if [
                "serviceunknown",
                "namehasnoowner",
                "unavailable",
                "not provided by any",
                "connect",
                "no such file",
            ]
            .iter()
            .any(|needle| lower.contains(needle))
            {
                VaultError::Unavailable {
                    detail: inner.to_string(),
                }
            } else {
                VaultError::Failed {
                    detail: inner.to_string(),
                }
            }
        }
        other => VaultError::Failed {
            detail: other.to_string(),
        },
    }
}

#[cfg(all(unix, not(any(target_os = "macos", target_os = "ios", target_os = "android"))))]
fn native_store() -> Result<Arc<CredentialStore>, KeyringError> {
    Ok(zbus_secret_service_keyring_store::Store::new()?)
}

#[cfg(target_os = "macos")]
fn native_store() -> Result<Arc<CredentialStore>, KeyringError> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

#[cfg(target_os = "windows")]
fn native_store() -> Result<Arc<CredentialStore>, KeyringError> {
    Ok(windows_native_keyring_store::Store::new()?)
}
