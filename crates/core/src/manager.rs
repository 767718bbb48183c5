//! The operations the app calls: create, list, rename, revoke, delete, read a
//! secret, reconcile. Each keeps the keychain and the registry consistent: a
//! failure part-way is undone, so either both change or neither does.

mod roll;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Serialize;
use toucan_keys_protocol::limits::KeyLimits;

use crate::error::CoreError;
use crate::expiry::Expiry;
use crate::key_format;
use crate::names::KeyName;
use crate::record::{KeyActions, KeyId, KeyRecord, KeyStatus, LeakReport};
use crate::registry::RecordStore;
use crate::secret::SecretKey;
use crate::vault::{Vault, VaultError};

pub use roll::{RollOverlap, RolledKey};

/// Where the manager gets the time from (swapped in tests).
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// A newly created key: its record, and its secret to be shown once.
#[derive(Debug)]
pub struct CreatedKey {
    /// The stored metadata.
    pub record: KeyRecord,
    /// The secret, for the one-time reveal.
    pub secret: SecretKey,
}

/// A key as the list shows it: its record and its status now.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeySummary {
    /// The stored metadata.
    #[serde(flatten)]
    pub record: KeyRecord,
    /// Active, expires soon, expired, revoked or missing.
    pub status: KeyStatus,
    /// What the person may do with it now (decided here, not in the window).
    pub actions: KeyActions,
    /// Its limits in a few words ("View only · tenant = acme"), in the
    /// window's language.
    pub limits_summary: String,
    /// Whether it has no limit at all (a master key, worth narrowing).
    pub full_access: bool,
}

impl KeySummary {
    /// `record` with its status at `now`, and what that status allows.
    pub fn at(record: KeyRecord, now: chrono::DateTime<chrono::Utc>) -> Self {
        let status = record.status(now);
        Self {
            actions: record.actions(now),
            status,
            limits_summary: crate::i18n::limits_summary(crate::i18n::language(), &record.limits, now),
            full_access: record.limits.is_full_access(),
            record,
        }
    }
}

/// A key secret in the keychain that no record claims: shown apart, to be
/// restored or deleted by the person, never removed on its own.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FoundKey {
    /// The keychain entry's account: the key's id.
    pub id: KeyId,
    /// The key's name, from the keychain label where the keychain keeps one.
    pub name: Option<String>,
    /// `tck_…` and its last four characters; `None` if the entry doesn't hold a valid key.
    pub hint: Option<String>,
}

/// The steps of [`KeyManager::create`], in order, for tests that stop the
/// process at one of them (see [`KeyManager::with_create_hook`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreateStep {
    /// The pending record (no secret) is saved.
    IntentRecorded,
    /// The secret is in the keychain; the record is still pending.
    SecretStored,
    /// The record is complete; the key is about to be returned for its reveal.
    Completed,
}

/// Called after each step of `create`.
pub type CreateHook = Arc<dyn Fn(CreateStep) + Send + Sync>;

/// How old a pending record must be before `reconcile` treats its create as
/// interrupted (a younger one may be another process's create under way).
pub const INTERRUPTED_CREATE_AFTER: chrono::Duration = chrono::Duration::seconds(60);

/// Creates and manages keys over a vault and a record store.
pub struct KeyManager {
    vault: Box<dyn Vault>,
    records: Box<dyn RecordStore>,
    clock: Clock,
    create_hook: Option<CreateHook>,
}

impl KeyManager {
    /// A manager over `vault` and `records`, using the system clock.
    pub fn new(vault: impl Vault + 'static, records: impl RecordStore + 'static) -> Self {
        Self {
            vault: Box::new(vault),
            records: Box::new(records),
            clock: Arc::new(Utc::now),
            create_hook: None,
        }
    }

    /// The same manager with another clock (for tests).
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The same manager calling `hook` after each step of `create` (tests
    /// use it to stop the process there, as a crash would).
    pub fn with_create_hook(mut self, hook: CreateHook) -> Self {
        self.create_hook = Some(hook);
        self
    }

    /// Creates a key named `name` that expires as chosen, and returns its
    /// secret once. All or nothing, even across a crash: the intent is
    /// recorded first (a pending record, no secret), then the secret goes to
    /// the keychain, then the record is completed. A failure undoes what was
    /// done; after a crash, [`Self::reconcile`] removes the pending record and
    /// its keychain entry, since that key was never shown to anyone.
    pub fn create(&self, name: &str, expiry: Expiry) -> Result<CreatedKey, CoreError> {
        self.create_for(name, expiry, &[])
    }

    /// [`Self::create`] for a key whose session tokens may be used only from
    /// `origins` (web origins, checked and normalised; none: anywhere).
    pub fn create_for(&self, name: &str, expiry: Expiry, origins: &[String]) -> Result<CreatedKey, CoreError> {
        self.create_limited(name, expiry, origins, KeyLimits::default())
    }

    /// [`Self::create_for`] for a key with `limits` (checked as the server
    /// checks them).
    pub fn create_limited(
        &self,
        name: &str,
        expiry: Expiry,
        origins: &[String],
        limits: KeyLimits,
    ) -> Result<CreatedKey, CoreError> {
        let origins = checked_origins(origins)?;
        let limits = checked_limits(limits)?;
        let name = KeyName::parse(name)?;
        let now = (self.clock)();
        let expires_at = expiry.expires_at(now)?;
        ensure_name_free(&self.records.load()?, &name, None)?;

        let secret = key_format::generate();
        let mut record = KeyRecord::new(name.as_str(), &secret, now, expires_at);
        record.allowed_origins = origins;
        record.limits = limits;
        let record = self.add_in_steps(
            record,
            &secret,
            &|keys| ensure_name_free(keys, &name, None),
            &mut |_| Ok(()),
        )?;
        Ok(CreatedKey { record, secret })
    }

    /// Adds a new key in create's steps, all or nothing, even across a crash:
    /// its pending record (after `admit` accepts it, under the registry lock),
    /// then its secret in the keychain, then one registry write that completes
    /// the record and applies `finish` (also under the lock). A failure undoes
    /// what was done; after a crash `reconcile` removes the pending record and
    /// its keychain entry. The hook sees each step.
    fn add_in_steps(
        &self,
        mut record: KeyRecord,
        secret: &SecretKey,
        admit: &dyn Fn(&[KeyRecord]) -> Result<(), CoreError>,
        finish: &mut dyn FnMut(&mut Vec<KeyRecord>) -> Result<(), CoreError>,
    ) -> Result<KeyRecord, CoreError> {
        record.pending = true;
        self.records.update(&mut |keys| {
            admit(keys)?;
            keys.push(record.clone());
            Ok(())
        })?;
        self.step(CreateStep::IntentRecorded);

        if let Err(error) = self.vault.store(&record.id, &keychain_label(&record.name), secret) {
            tracing::warn!(key = %record.id, %error, "the keychain refused the new secret; dropping the pending record");
            let _ = self.drop_records(std::slice::from_ref(&record.id));
            return Err(error.into());
        }
        self.step(CreateStep::SecretStored);

        let completed = self.records.update(&mut |keys| {
            let index = position(keys, &record.id)?;
            keys[index].pending = false;
            finish(keys)
        });
        if let Err(error) = completed {
            // Undo both; if that fails too, reconcile finishes the job later.
            tracing::warn!(key = %record.id, %error, "the new record couldn't be completed; undoing the keychain entry");
            if self.vault.remove(&record.id).is_ok() {
                let _ = self.drop_records(std::slice::from_ref(&record.id));
            }
            return Err(error);
        }
        self.step(CreateStep::Completed);
        record.pending = false;
        Ok(record)
    }

    fn step(&self, step: CreateStep) {
        if let Some(hook) = &self.create_hook {
            hook(step);
        }
    }

    /// Removes the records `ids` (pending ones, whose key nobody saw).
    fn drop_records(&self, ids: &[KeyId]) -> Result<(), CoreError> {
        self.records.update(&mut |keys| {
            keys.retain(|record| !ids.contains(&record.id));
            Ok(())
        })
    }

    /// Undoes the creates a crash interrupted (pending records older than
    /// [`INTERRUPTED_CREATE_AFTER`]): each one's keychain entry, if it got
    /// that far, is removed, then the record. Returns their ids.
    pub fn undo_interrupted_creates(&self) -> Result<Vec<KeyId>, CoreError> {
        let cutoff = (self.clock)() - INTERRUPTED_CREATE_AFTER;
        let interrupted: Vec<KeyId> = self
            .records
            .load()?
            .into_iter()
            .filter(|record| record.pending && record.created_at <= cutoff)
            .map(|record| record.id)
            .collect();
        for id in &interrupted {
            self.vault.remove(id)?;
        }
        if !interrupted.is_empty() {
            self.drop_records(&interrupted)?;
        }
        Ok(interrupted)
    }

    /// Every key, newest first, with its status now.
    pub fn list(&self) -> Result<Vec<KeySummary>, CoreError> {
        let now = (self.clock)();
        let mut keys = self.records.load()?;
        keys.retain(|record| !record.pending);
        keys.sort_by_key(|k| std::cmp::Reverse(k.created_at));
        Ok(keys.into_iter().map(|record| KeySummary::at(record, now)).collect())
    }

    /// One key, with its status now.
    pub fn summary(&self, id: &KeyId) -> Result<KeySummary, CoreError> {
        let record = self.find(id)?;
        Ok(KeySummary::at(record, (self.clock)()))
    }

    /// `record` as the list shows it, with its status now (no file is read).
    pub fn summarize(&self, record: KeyRecord) -> KeySummary {
        KeySummary::at(record, (self.clock)())
    }

    /// Gives a key a new name (same rules as at creation).
    pub fn rename(&self, id: &KeyId, new_name: &str) -> Result<KeyRecord, CoreError> {
        let name = KeyName::parse(new_name)?;
        self.change_record(id, |keys, index| {
            ensure_name_free(keys, &name, Some(id))?;
            keys[index].name = name.as_str().to_owned();
            Ok(())
        })
    }

    /// Replaces the web origins a key's session tokens may be used from
    /// (checked and normalised; none: anywhere).
    pub fn set_origins(&self, id: &KeyId, origins: &[String]) -> Result<KeyRecord, CoreError> {
        let origins = checked_origins(origins)?;
        self.change_record(id, |keys, index| {
            if !keys[index].is_active() {
                return Err(CoreError::KeyRevoked);
            }
            keys[index].allowed_origins = origins.clone();
            Ok(())
        })
    }

    /// Replaces a key's limits (checked as the server checks them).
    pub fn set_limits(&self, id: &KeyId, limits: KeyLimits) -> Result<KeyRecord, CoreError> {
        let limits = checked_limits(limits)?;
        self.change_record(id, |keys, index| {
            if !keys[index].is_active() {
                return Err(CoreError::KeyRevoked);
            }
            keys[index].limits = limits.clone();
            Ok(())
        })
    }

    /// Revokes a key: its secret is deleted from the keychain and its record
    /// stays, marked revoked with the date. If the record can't be saved, the
    /// secret is put back. Revoking a revoked key changes nothing.
    pub fn revoke(&self, id: &KeyId) -> Result<KeyRecord, CoreError> {
        let record = self.find(id)?;
        if record.revoked_at.is_some() {
            return Ok(record);
        }
        let previous = match self.vault.read(id) {
            Ok(secret) => Some(secret),
            Err(VaultError::SecretMissing | VaultError::SecretUnreadable) => None,
            Err(error) => return Err(error.into()),
        };
        self.vault.remove(id)?;
        let now = (self.clock)();
        let revoked = self.change_record(id, |keys, index| {
            keys[index].revoked_at = Some(now);
            keys[index].secret_missing = false;
            Ok(())
        });
        if revoked.is_err()
            && let Some(secret) = previous
        {
            tracing::warn!(key = %id, "revoke: the record couldn't be saved; putting the secret back");
            let _ = self.vault.store(id, &keychain_label(&record.name), &secret);
        }
        revoked
    }

    /// Marks the key `id` leaked, as its own server reported, and, when that
    /// server revoked it, revokes it here too (its secret leaves the
    /// keychain: it works nowhere). Returns the record if it was newly
    /// marked; a key already marked is left as it is (the first sighting
    /// stays).
    pub fn mark_leaked(
        &self,
        id: &KeyId,
        leak: &LeakReport,
        revoked_on_server: bool,
    ) -> Result<Option<KeyRecord>, CoreError> {
        if self.find(id)?.leak.is_some() {
            return Ok(None);
        }
        if revoked_on_server {
            self.revoke(id)?;
        }
        self.change_record(id, |keys, index| {
            keys[index].leak = Some(leak.clone());
            Ok(())
        })
        .map(Some)
    }

    /// Deletes the record of a revoked key.
    pub fn delete(&self, id: &KeyId) -> Result<(), CoreError> {
        self.records.update(&mut |keys| {
            let index = position(keys, id)?;
            if keys[index].is_active() {
                return Err(CoreError::KeyNotRevoked);
            }
            keys.remove(index);
            Ok(())
        })
    }

    /// Reads a key's secret from the keychain, for Rust-side use only
    /// (clipboard, token requests). Revoked keys have none, and an expired
    /// key's secret is not handed out: the expiry is enforced here, not only
    /// by the screen.
    pub fn read_secret(&self, id: &KeyId) -> Result<SecretKey, CoreError> {
        let record = self.find(id)?;
        if !record.is_active() {
            return Err(CoreError::KeyRevoked);
        }
        if record.leak.is_some() {
            return Err(CoreError::KeyLeaked);
        }
        if let Some(expired_at) = record.expires_at.filter(|at| *at <= (self.clock)()) {
            return Err(CoreError::KeyExpired {
                on: crate::i18n::long_date(expired_at),
            });
        }
        Ok(self.vault.read(id)?)
    }

    /// Records that a key was just copied; returns the updated record.
    pub fn mark_copied(&self, id: &KeyId) -> Result<KeyRecord, CoreError> {
        let now = (self.clock)();
        self.change_record(id, |keys, index| {
            keys[index].last_copied_at = Some(now);
            Ok(())
        })
    }

    /// The keychain entries filed under this app's service that no record
    /// claims: keys made by this computer whose list was lost, moved or
    /// replaced (another data folder, a restored profile, a deleted
    /// `keys.json`). They are never removed for that: only the person may,
    /// with [`Self::delete_found`], or bring them back with
    /// [`Self::restore_found`]. A pending record claims its entry (a create
    /// under way, or one `reconcile` will undo).
    pub fn found_in_keychain(&self) -> Result<Vec<FoundKey>, CoreError> {
        let records = self.records.load()?;
        let mut found = Vec::new();
        for id in self.vault.key_ids()? {
            if records.iter().any(|record| record.id == id) {
                continue;
            }
            let hint = match self.vault.read(&id) {
                Ok(secret) => Some(secret.hint()),
                Err(VaultError::SecretMissing) => continue,
                Err(VaultError::SecretUnreadable) => None,
                Err(error) => return Err(error.into()),
            };
            let name = self.vault.label(&id)?.as_deref().and_then(name_from_label);
            found.push(FoundKey { id, name, hint });
        }
        found.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
        Ok(found)
    }

    /// Makes a record again for a keychain entry no record claims: its id,
    /// the name from its keychain label where the keychain keeps one (else
    /// "Found key …" and its last characters), its hint and fingerprint from
    /// the secret. Its creation and expiry dates are unknown: it never
    /// expires here, and `restored_at` says so. A name an active key already
    /// has gets " (restored)" added.
    pub fn restore_found(&self, id: &KeyId) -> Result<KeyRecord, CoreError> {
        let secret = match self.vault.read(id) {
            Ok(secret) => secret,
            Err(VaultError::SecretMissing) => return Err(CoreError::KeyNotFound),
            Err(error) => return Err(error.into()),
        };
        let label_name = self.vault.label(id)?.as_deref().and_then(name_from_label);
        let now = (self.clock)();
        let mut restored = None;
        self.records.update(&mut |keys| {
            if keys.iter().any(|record| &record.id == id) {
                return Err(CoreError::KeyAlreadyListed);
            }
            let wanted = label_name.clone().unwrap_or_else(|| found_key_name(&secret.hint()));
            let name = free_name(keys, &wanted);
            let mut record = KeyRecord::new(name, &secret, now, None);
            record.id = id.clone();
            record.restored_at = Some(now);
            keys.push(record.clone());
            restored = Some(record);
            Ok(())
        })?;
        Ok(restored.expect("set when the update succeeds"))
    }

    /// Removes a keychain entry no record claims, at the person's request.
    /// An entry a record claims is never removed this way.
    pub fn delete_found(&self, id: &KeyId) -> Result<(), CoreError> {
        // Under the registry's lock, so no other process restores it meanwhile.
        self.records.update(&mut |keys| {
            if keys.iter().any(|record| &record.id == id) {
                return Err(CoreError::KeyAlreadyListed);
            }
            if !self.vault.key_ids()?.contains(id) {
                return Err(CoreError::KeyNotFound);
            }
            Ok(self.vault.remove(id)?)
        })
    }

    /// First undoes creates a crash interrupted ([`Self::undo_interrupted_creates`]).
    /// Then checks every active key against the keychain: records whose secret is
    /// gone are flagged (not dropped), and a flag is cleared if the secret is
    /// back. Returns the ids now flagged. A keychain error changes nothing.
    pub fn reconcile(&self) -> Result<Vec<KeyId>, CoreError> {
        self.undo_interrupted_creates()?;
        let mut missing = Vec::new();
        for record in self.records.load()?.iter().filter(|r| r.is_active() && !r.pending) {
            if !self.vault.contains(&record.id)? {
                missing.push(record.id.clone());
            }
        }
        let already_right = |keys: &[KeyRecord]| {
            keys.iter()
                .filter(|r| r.is_active())
                .all(|r| r.secret_missing == missing.contains(&r.id))
        };
        if !already_right(&self.records.load()?) {
            self.records.update(&mut |keys| {
                for record in keys.iter_mut().filter(|r| r.is_active()) {
                    record.secret_missing = missing.contains(&record.id);
                }
                Ok(())
            })?;
        }
        Ok(missing)
    }

    fn find(&self, id: &KeyId) -> Result<KeyRecord, CoreError> {
        let keys = self.records.load()?;
        Ok(keys[position(&keys, id)?].clone())
    }

    /// Applies `change` to the record `id` under the registry lock and returns it.
    fn change_record(
        &self,
        id: &KeyId,
        change: impl Fn(&mut Vec<KeyRecord>, usize) -> Result<(), CoreError>,
    ) -> Result<KeyRecord, CoreError> {
        let mut changed = None;
        self.records.update(&mut |keys| {
            let index = position(keys, id)?;
            change(keys, index)?;
            changed = Some(keys[index].clone());
            Ok(())
        })?;
        Ok(changed.expect("set when the update succeeds"))
    }
}

/// Limits as the server will check them (see
/// [`KeyLimits::normalized`]): the first that can't be set is refused, with
/// what was given there.
pub fn checked_limits(limits: KeyLimits) -> Result<KeyLimits, CoreError> {
    let networks = limits.networks.clone();
    let longest = toucan_keys_protocol::vocabulary::LONGEST_TOKEN_LIFETIME_SECONDS;
    limits.normalized(longest).map_err(|invalid| {
        let index = |field: &str, list: &[String]| {
            field
                .split_once('[')
                .and_then(|(_, rest)| rest.trim_end_matches(']').parse::<usize>().ok())
                .and_then(|at| list.get(at).cloned())
        };
        let given = match invalid.field.as_str() {
            field if field.starts_with("limits.networks[") => index(field, &networks).unwrap_or_default(),
            field if field.starts_with("limits.fixedAttributes.") => {
                field.trim_start_matches("limits.fixedAttributes.").to_owned()
            }
            _ => String::new(),
        };
        CoreError::LimitInvalid {
            field: invalid.field,
            given: given.chars().take(80).collect(),
        }
    })
}

/// Web origins as a person typed them, normalised (`https://Shop.example:443/`
/// is `https://shop.example`), each once, blank lines left out; the first one
/// that isn't a web origin is refused, by name.
pub fn checked_origins(origins: &[String]) -> Result<Vec<String>, CoreError> {
    use toucan_keys_protocol::origins::{MAX_ORIGINS, normalized_origin};
    let mut checked: Vec<String> = Vec::new();
    for origin in origins
        .iter()
        .map(|origin| origin.trim())
        .filter(|origin| !origin.is_empty())
    {
        let normalized = normalized_origin(origin).ok_or_else(|| CoreError::OriginInvalid {
            origin: origin.chars().take(80).collect(),
        })?;
        if !checked.contains(&normalized) {
            checked.push(normalized);
        }
    }
    if checked.len() > MAX_ORIGINS {
        return Err(CoreError::TooManyOrigins { max: MAX_ORIGINS });
    }
    Ok(checked)
}

/// What keychain apps (Seahorse, Keychain Access) show for a key's entry.
fn keychain_label(name: &str) -> String {
    format!("{KEYCHAIN_LABEL_PREFIX}{name}")
}

/// What every key entry's keychain label starts with.
const KEYCHAIN_LABEL_PREFIX: &str = "Toucan API key: ";

/// The key's name in a keychain label written by [`keychain_label`], if it
/// is a valid name.
fn name_from_label(label: &str) -> Option<String> {
    let name = label.strip_prefix(KEYCHAIN_LABEL_PREFIX)?;
    KeyName::parse(name).ok().map(|name| name.as_str().to_owned())
}

/// The name a found key gets when its keychain keeps no label: "Found key"
/// and the last characters of its secret, as the list's hint shows them.
fn found_key_name(hint: &str) -> String {
    let tail: String = hint
        .chars()
        .rev()
        .take(4)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!("Found key {tail}")
}

/// `wanted`, or `wanted (restored)`, `wanted (restored 2)`… if an active key
/// has it.
fn free_name(keys: &[KeyRecord], wanted: &str) -> String {
    let taken = |name: &str| KeyName::parse(name).is_ok_and(|name| ensure_name_free(keys, &name, None).is_err());
    if !taken(wanted) {
        return wanted.to_owned();
    }
    (1..)
        .map(|n| {
            if n == 1 {
                format!("{wanted} (restored)")
            } else {
                format!("{wanted} (restored {n})")
            }
        })
        .find(|name| !taken(name))
        .expect("some number is free")
}

fn position(keys: &[KeyRecord], id: &KeyId) -> Result<usize, CoreError> {
    keys.iter().position(|r| &r.id == id).ok_or(CoreError::KeyNotFound)
}

/// Names are unique among active keys, ignoring case; `except` is the key
/// being renamed.
fn ensure_name_free(keys: &[KeyRecord], name: &KeyName, except: Option<&KeyId>) -> Result<(), CoreError> {
    let taken = keys
        .iter()
        .find(|r| r.is_active() && !r.pending && Some(&r.id) != except && name.same_as(&r.name));
    match taken {
        Some(existing) => Err(CoreError::NameTaken {
            name: existing.name.clone(),
        }),
        None => Ok(()),
    }
}
