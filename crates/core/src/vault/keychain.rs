//! The operating system's keychain, through `keyring-core` and the native
//! stores the `keyring` v4 crate uses. No plaintext fallback, ever.

use std::collections::HashMap;
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
    /// `label` is what keychain apps show, where this platform's store keeps one.
    fn entry(&self, account: &str, label: Option<&str>) -> Result<Entry, VaultError> {
        let store = self.connected_store()?;
        let modifiers = entry_modifiers(label);
        Entry::new_in_store_with_modifiers(&store, &self.service, account, &modifiers)
            .map_err(|error| self.classify(error))
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
    /// The account of a found entry, if it is filed under this service: the
    /// specifiers where the store keeps them (Secret Service, macOS), the
    /// credential's `username` on Windows.
    fn account_of(&self, entry: &Entry) -> Option<String> {
        if cfg!(target_os = "windows") {
            // A target name `<account>.<service>` can't be split by its dots
            // (the service has some), so read the credential's own fields.
            let attributes = entry.get_attributes().ok()?;
            let target = attributes.get("target_name")?;
            let account = attributes.get("username")?;
            return (target == &format!("{account}.{}", self.service)).then(|| account.clone());
        }
        let (service, account) = entry.get_specifiers()?;
        (service == self.service).then_some(account)
    }

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

    fn key_ids(&self) -> Result<Vec<KeyId>, VaultError> {
        let store = self.connected_store()?;
        let pattern = format!("^.*{}$", regex_escape(&format!(".{}", self.service)));
        let spec: HashMap<&str, &str> = if cfg!(target_os = "windows") {
            // Windows searches target names (`<account>.<service>`) by pattern.
            HashMap::from([("pattern", pattern.as_str())])
        } else {
            HashMap::from([("service", self.service.as_str())])
        };
        // A search fails when an entry is deleted while it runs (another
        // process, or Wine's ERROR_KEY_DELETED); it is tried again.
        let mut attempt = 0;
        let entries = loop {
            match Entry::search_in_store(&store, &spec) {
                Ok(entries) => break entries,
                Err(KeyringError::PlatformFailure(_)) if attempt < 4 => {
                    attempt += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                Err(error) => return Err(self.classify(error)),
            }
        };
        Ok(entries
            .iter()
            .filter_map(|entry| self.account_of(entry))
            .filter(|account| account.starts_with(crate::record::KEY_ID_PREFIX))
            .map(KeyId)
            .collect())
    }

    fn label(&self, id: &KeyId) -> Result<Option<String>, VaultError> {
        if !USES_SECRET_SERVICE {
            return Ok(None);
        }
        let store = self.connected_store()?;
        let spec = HashMap::from([("service", self.service.as_str()), ("username", id.as_str())]);
        let entries = Entry::search_in_store(&store, &spec).map_err(|error| self.classify(error))?;
        Ok(entries.iter().find_map(secret_service_label))
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

/// What this platform's store is told about an entry beyond service and
/// account. Each native store checks the modifiers against its own list and
/// refuses any other (`parse_attributes` in its `build`), so each platform
/// passes only what its store accepts:
///
/// - **Secret Service** (Linux) accepts `target` and `label`: the label is the
///   name keychain apps (Seahorse, KWallet) show, "Toucan API key: <name>".
/// - **Windows Credential Manager** accepts `target` and `persistence`. The
///   store's default persistence is `Enterprise`, which roams with a domain
///   profile to every computer the person signs in to and to the domain's
///   profile server. A key is a master credential for one computer's app, so
///   it is kept `Local` (`CRED_PERSIST_LOCAL_MACHINE`): it stays on this
///   computer and survives sign-out and restart. Credential Manager shows the
///   entry as `<key id>.cloud.toucanai.keys`; it has no label field it shows.
/// - **macOS Keychain** accepts only `keychain` (which keychain to use); the
///   login keychain is the default and the one we want. Keychain Access shows
///   the entry under the service name, `cloud.toucanai.keys`, with the key id
///   as its account.
pub(crate) fn entry_modifiers(label: Option<&str>) -> HashMap<&'static str, &str> {
    let mut modifiers = HashMap::new();
    if cfg!(target_os = "windows") {
        modifiers.insert("persistence", WINDOWS_PERSISTENCE);
    }
    if USES_SECRET_SERVICE && let Some(label) = label {
        modifiers.insert("label", label);
    }
    modifiers
}

/// The label of a Secret Service item found by a search.
#[cfg(all(unix, not(any(target_os = "macos", target_os = "ios", target_os = "android"))))]
fn secret_service_label(entry: &Entry) -> Option<String> {
    let item = entry
        .as_any()
        .downcast_ref::<zbus_secret_service_keyring_store::cred::Wrapper>()?;
    item.get_label().ok()
}

/// Other platforms' keychains keep no label Toucan Keys sets.
#[cfg(not(all(unix, not(any(target_os = "macos", target_os = "ios", target_os = "android")))))]
fn secret_service_label(_entry: &Entry) -> Option<String> {
    None
}

/// `text` with the regular expression's special characters escaped.
fn regex_escape(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            if r"\.+*?()|[]{}^$".contains(c) {
                vec!['\\', c]
            } else {
                vec![c]
            }
        })
        .collect()
}

/// Whether this platform's keychain is the Secret Service (Linux and the BSDs).
const USES_SECRET_SERVICE: bool = cfg!(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
));

/// The Windows credential persistence Toucan Keys asks for (see [`entry_modifiers`]).
pub(crate) const WINDOWS_PERSISTENCE: &str = "Local";

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

#[cfg(test)]
mod tests {
    use super::*;

    /// The modifiers the vault passes, for reading and for writing, are the
    /// ones this platform's real store accepts. Building an entry does not
    /// touch the keychain, so this runs wherever the store can be opened.
    #[test]
    fn this_platforms_store_accepts_the_vaults_modifiers() {
        let store = native_store().expect("the platform keychain store opens");
        for label in [None, Some("Toucan API key: Production backend")] {
            let modifiers = entry_modifiers(label);
            Entry::new_in_store_with_modifiers(&store, "cloud.toucanai.keys", "key_modifiers_test", &modifiers)
                .unwrap_or_else(|error| panic!("the store refused {modifiers:?}: {error}"));
        }
    }

    #[test]
    fn each_platform_passes_only_what_its_store_accepts() {
        let modifiers = entry_modifiers(Some("a label"));
        let allowed: &[&str] = if cfg!(target_os = "windows") {
            &["target", "persistence"]
        } else if cfg!(target_os = "macos") {
            &["keychain"]
        } else {
            &["target", "label"]
        };
        for name in modifiers.keys() {
            assert!(
                allowed.contains(name),
                "{name} is not a modifier this platform's store accepts"
            );
        }
    }

    /// On Windows a stored entry is kept on this computer only, not roamed.
    #[cfg(target_os = "windows")]
    #[test]
    fn windows_entries_are_kept_on_this_computer() {
        let vault = KeychainVault::new("cloud.toucanai.keys.persistence-test");
        let id = KeyId::random();
        let secret = key_format::generate();
        vault.store(&id, "Toucan API key: persistence", &secret).unwrap();
        let attributes = vault.entry(id.as_str(), None).unwrap().get_attributes().unwrap();
        vault.remove(&id).unwrap();
        assert_eq!(attributes["persistence"], "Local");
    }
}
