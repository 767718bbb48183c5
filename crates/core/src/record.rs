//! What the registry knows about a key. Never the secret itself.

use chrono::{DateTime, Days, Utc};
use serde::{Deserialize, Serialize};
use toucan_keys_protocol::limits::KeyLimits;
pub use toucan_keys_protocol::wire::LeakReport;

use crate::secret::SecretKey;

/// How close to its expiry a key is shown as "expires soon".
pub const EXPIRES_SOON_DAYS: u64 = 7;

/// A key's non-secret identifier: `key_` + 16 random base62 characters.
/// It names the keychain entry (the "account").
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct KeyId(pub String);

pub use toucan_keys_protocol::key_identity::KEY_ID_PREFIX;

impl KeyId {
    /// A new random id.
    pub fn random() -> Self {
        Self(format!("{KEY_ID_PREFIX}{}", crate::key_format::random_base62(16)))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for KeyId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One key's metadata, as stored in the registry file.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyRecord {
    /// Non-secret id; the keychain account name.
    pub id: KeyId,
    /// The name a person gave the key.
    pub name: String,
    /// `tck_…` and the last four characters.
    pub hint: String,
    /// SHA-256 of the whole key, hex.
    pub fingerprint: String,
    /// When the key was created.
    pub created_at: DateTime<Utc>,
    /// When the key stops working, if ever.
    pub expires_at: Option<DateTime<Utc>>,
    /// When the key was revoked, if it was.
    pub revoked_at: Option<DateTime<Utc>>,
    /// When the key was last copied to the clipboard.
    pub last_copied_at: Option<DateTime<Utc>>,
    /// Set by `reconcile` when the keychain no longer holds the secret.
    #[serde(default)]
    pub secret_missing: bool,
    /// Set when the key was rolled: the key that replaces it. The key is then
    /// retiring: it works until `expires_at` (the end of the overlap), and is
    /// revoked once that has passed.
    #[serde(default)]
    pub replaced_by: Option<KeyId>,
    /// The key this one replaced, if a roll made it.
    #[serde(default)]
    pub replaces: Option<KeyId>,
    /// The web origins its session tokens may be used from (normalised:
    /// `https://shop.example.com`); empty: any. The server enforces them.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    /// What its session tokens may carry and who may ask for them; the
    /// server enforces them. A record made before keys had limits has none:
    /// full access.
    #[serde(default, skip_serializing_if = "KeyLimits::is_full_access")]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<KeyLimits>"))]
    pub limits: KeyLimits,
    /// Set when the record was made again from a keychain entry no record
    /// claimed (a "found" key): its creation and expiry dates are unknown, and
    /// `created_at` is then the day it was restored.
    #[serde(default)]
    pub restored_at: Option<DateTime<Utc>>,
    /// Set when its own server said it was found in public (a
    /// secret-scanning report): where and when. The key is then leaked, for
    /// good: a replacement is the only fix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub leak: Option<LeakReport>,
    /// Set while `create` is under way: the key is not yet (or, after a
    /// crash, never) shown. Such a record is not listed, and `reconcile`
    /// removes it and its keychain entry.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub pending: bool,
}

/// A key's state, as the list shows it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum KeyStatus {
    /// Usable.
    Active,
    /// Usable, but expires within [`EXPIRES_SOON_DAYS`].
    ExpiresSoon,
    /// Rolled: works until the end of its overlap, then is revoked.
    Retiring,
    /// Past its expiry.
    Expired,
    /// Revoked: its secret is gone from the keychain.
    Revoked,
    /// Not revoked, but the keychain no longer holds its secret.
    Missing,
    /// Found in public (its server was told by a secret scanner); revoked by
    /// the server, or about to be. Only a replacement fixes it.
    Leaked,
}

/// What a key's status allows; the window offers exactly these.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyActions {
    /// Copy its secret (and ask for session tokens with it).
    pub copy: bool,
    /// Make its replacement.
    pub roll: bool,
    /// Give it another name.
    pub rename: bool,
    /// Revoke it.
    pub revoke: bool,
    /// Delete it from the list (only once revoked).
    pub delete: bool,
}

impl KeyRecord {
    /// What the key allows at `now`. A leaked key is never copied again, and
    /// may be rolled (once) even after its server revoked it.
    pub fn actions(&self, now: DateTime<Utc>) -> KeyActions {
        let status = self.status(now);
        let usable = matches!(status, KeyStatus::Active | KeyStatus::ExpiresSoon);
        let revoked = self.revoked_at.is_some();
        let rollable = match status {
            KeyStatus::Leaked => self.replaced_by.is_none(),
            KeyStatus::Revoked | KeyStatus::Retiring => false,
            _ => true,
        };
        KeyActions {
            copy: usable,
            roll: rollable,
            rename: !revoked,
            revoke: !revoked,
            delete: revoked,
        }
    }
}

impl KeyRecord {
    /// The record of a new key: a fresh id, the secret's hint and fingerprint
    /// (never the secret itself), not revoked, never copied.
    pub fn new(
        name: impl Into<String>,
        secret: &SecretKey,
        created_at: DateTime<Utc>,
        expires_at: Option<DateTime<Utc>>,
    ) -> Self {
        Self {
            id: KeyId::random(),
            name: name.into(),
            hint: secret.hint(),
            fingerprint: secret.fingerprint(),
            created_at,
            expires_at,
            revoked_at: None,
            last_copied_at: None,
            secret_missing: false,
            replaced_by: None,
            replaces: None,
            allowed_origins: Vec::new(),
            limits: KeyLimits::default(),
            restored_at: None,
            leak: None,
            pending: false,
        }
    }

    /// The key's status at `now`.
    pub fn status(&self, now: DateTime<Utc>) -> KeyStatus {
        if self.leak.is_some() {
            return KeyStatus::Leaked;
        }
        if self.revoked_at.is_some() {
            return KeyStatus::Revoked;
        }
        if self.secret_missing {
            return KeyStatus::Missing;
        }
        match self.expires_at {
            Some(at) if at <= now => KeyStatus::Expired,
            _ if self.replaced_by.is_some() => KeyStatus::Retiring,
            Some(at) if at <= now + Days::new(EXPIRES_SOON_DAYS) => KeyStatus::ExpiresSoon,
            _ => KeyStatus::Active,
        }
    }

    /// Whether the key is not revoked (its name is then reserved).
    pub fn is_active(&self) -> bool {
        self.revoked_at.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(expires_at: Option<&str>) -> KeyRecord {
        let created = "2026-01-01T00:00:00Z".parse().unwrap();
        KeyRecord::new(
            "n",
            &crate::key_format::generate(),
            created,
            expires_at.map(|s| s.parse().unwrap()),
        )
    }

    #[test]
    fn status_follows_expiry_revocation_and_missing_secret() {
        let now: DateTime<Utc> = "2026-11-28T00:00:00Z".parse().unwrap();
        assert_eq!(record(None).status(now), KeyStatus::Active);
        assert_eq!(record(Some("2026-12-28T00:00:00Z")).status(now), KeyStatus::Active);
        assert_eq!(record(Some("2026-12-03T00:00:00Z")).status(now), KeyStatus::ExpiresSoon);
        assert_eq!(record(Some("2026-11-27T00:00:00Z")).status(now), KeyStatus::Expired);
        let mut missing = record(None);
        missing.secret_missing = true;
        assert_eq!(missing.status(now), KeyStatus::Missing);
        let mut retiring = record(Some("2026-11-29T00:00:00Z"));
        retiring.replaced_by = Some(KeyId::random());
        assert_eq!(retiring.status(now), KeyStatus::Retiring);
        retiring.expires_at = Some(now);
        assert_eq!(
            retiring.status(now),
            KeyStatus::Expired,
            "a retiring key past its overlap has expired"
        );
        let mut revoked = missing.clone();
        revoked.revoked_at = Some(now);
        assert_eq!(revoked.status(now), KeyStatus::Revoked);
    }

    #[test]
    fn a_leaked_key_is_never_copied_and_is_rolled_once_even_revoked() {
        let now: DateTime<Utc> = "2026-12-02T12:00:00Z".parse().unwrap();
        let mut leaked = record(Some("2027-03-01T00:00:00Z"));
        leaked.leak = Some(LeakReport {
            found_at: now,
            url: None,
            source: None,
        });
        assert_eq!(leaked.status(now), KeyStatus::Leaked);
        let actions = leaked.actions(now);
        assert!(!actions.copy && actions.roll && actions.revoke && !actions.delete);
        leaked.revoked_at = Some(now);
        assert_eq!(
            leaked.status(now),
            KeyStatus::Leaked,
            "still said to be leaked once revoked"
        );
        let actions = leaked.actions(now);
        assert!(!actions.copy && actions.roll && !actions.revoke && actions.delete && !actions.rename);
        leaked.replaced_by = Some(KeyId::random());
        assert!(!leaked.actions(now).roll, "rolled once");
    }

    #[test]
    fn ids_are_prefixed_random_and_distinct() {
        let a = KeyId::random();
        assert_eq!(a.as_str().len(), 20);
        assert!(a.as_str().starts_with("key_"));
        assert_ne!(a, KeyId::random());
    }
}
