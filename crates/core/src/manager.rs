//! The operations the app calls: create, list, rename, revoke, delete, read a
//! secret, reconcile. Each keeps the keychain and the registry consistent: a
//! failure part-way is undone, so either both change or neither does.

mod roll;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::error::CoreError;
use crate::expiry::Expiry;
use crate::key_format;
use crate::names::KeyName;
use crate::record::{KeyId, KeyRecord, KeyStatus};
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
        let name = KeyName::parse(name)?;
        let now = (self.clock)();
        let expires_at = expiry.expires_at(now)?;
        ensure_name_free(&self.records.load()?, &name, None)?;

        let secret = key_format::generate();
        let record = KeyRecord::new(name.as_str(), &secret, now, expires_at);
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
        Ok(keys
            .into_iter()
            .map(|record| KeySummary {
                status: record.status(now),
                record,
            })
            .collect())
    }

    /// One key, with its status now.
    pub fn summary(&self, id: &KeyId) -> Result<KeySummary, CoreError> {
        let record = self.find(id)?;
        Ok(KeySummary {
            status: record.status((self.clock)()),
            record,
        })
    }

    /// `record` as the list shows it, with its status now (no file is read).
    pub fn summarize(&self, record: KeyRecord) -> KeySummary {
        KeySummary {
            status: record.status((self.clock)()),
            record,
        }
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

    /// Removes key secrets filed under this app's service in the keychain that
    /// no record claims (left by an older version that crashed while creating
    /// a key: that key was never shown). Every create records its intent
    /// before writing the keychain, so a create under way is never taken for
    /// one. The app runs this at start; it assumes one key list per keychain
    /// service, as the app has. Returns the ids removed.
    pub fn remove_unclaimed_secrets(&self) -> Result<Vec<KeyId>, CoreError> {
        let stored = self.vault.key_ids()?;
        let records = self.records.load()?;
        let unclaimed: Vec<KeyId> = stored
            .into_iter()
            .filter(|id| !records.iter().any(|r| &r.id == id))
            .collect();
        for id in &unclaimed {
            self.vault.remove(id)?;
        }
        Ok(unclaimed)
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

/// What keychain apps (Seahorse, Keychain Access) show for a key's entry.
fn keychain_label(name: &str) -> String {
    format!("Toucan API key: {name}")
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
