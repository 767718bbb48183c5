//! Rolling a key: a replacement with the same name, expiry policy and server,
//! while the old key keeps working for an overlap the person picks, then is
//! revoked.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use super::{CreatedKey, KeyManager, ensure_name_free, position};
use crate::error::CoreError;
use crate::key_format;
use crate::names::{KeyName, MAX_NAME_CHARS};
use crate::record::{KeyId, KeyRecord};

/// How long a rolled key keeps working beside its replacement.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RollOverlap {
    /// Revoked at once (a leaked key).
    Now,
    /// One hour.
    Hour1,
    /// 24 hours.
    Hours24,
    /// 7 days.
    Days7,
}

impl RollOverlap {
    /// The overlap's length.
    pub fn duration(self) -> Duration {
        match self {
            Self::Now => Duration::zero(),
            Self::Hour1 => Duration::hours(1),
            Self::Hours24 => Duration::hours(24),
            Self::Days7 => Duration::days(7),
        }
    }
}

/// A rolled key: its replacement (shown once) and the old key, now retiring
/// (or, with no overlap, revoked).
#[derive(Debug)]
pub struct RolledKey {
    /// The replacement and its secret.
    pub new: CreatedKey,
    /// The old key after the roll.
    pub old: KeyRecord,
}

impl KeyManager {
    /// Rolls the key `id`: creates its replacement with the same name and
    /// expiry policy (the same length of life, from now), renames the old one
    /// "<name> (old)" and lets it work for `overlap` (never past its own
    /// expiry). All or nothing, like [`Self::create`], whose steps it follows
    /// (the hook sees the same ones): a failure, or a crash before the last
    /// step, leaves the old key exactly as it was and no replacement.
    ///
    /// With [`RollOverlap::Now`] the old key is then revoked at once; if that
    /// fails, the roll stands and the key, whose overlap has ended, is revoked
    /// by the next [`Self::retire_due`].
    ///
    /// A leaked key is rolled with no overlap whatever is asked: it is
    /// already dead on its server, or should be.
    pub fn roll(&self, id: &KeyId, overlap: RollOverlap) -> Result<RolledKey, CoreError> {
        let now = (self.clock)();
        let old = self.find(id)?;
        ensure_rollable(&old, &self.records.load()?)?;
        let overlap = if old.leak.is_some() { RollOverlap::Now } else { overlap };
        let name = KeyName::parse(&old.name)?;
        let lifetime = old.expires_at.map(|at| whole_days(at - old.created_at));

        let secret = key_format::generate();
        let mut record = KeyRecord::new(name.as_str(), &secret, now, lifetime.map(|life| now + life));
        record.replaces = Some(old.id.clone());
        // The replacement may be used from the same places, no more.
        record.allowed_origins = old.allowed_origins.clone();
        record.limits = old.limits.clone();
        let retires_at = old
            .expires_at
            .map_or(now + overlap.duration(), |at| at.min(now + overlap.duration()));
        let new_id = record.id.clone();
        let mut old_after = None;
        let record = self.add_in_steps(
            record,
            &secret,
            &|keys| {
                ensure_rollable(&keys[position(keys, id)?], keys)?;
                ensure_name_free(keys, &name, Some(id))
            },
            // Completing the new key renames the old one and ends it with the overlap.
            &mut |keys| {
                let old_index = position(keys, id)?;
                let old_name = retired_name(keys, &keys[old_index].name);
                let old = &mut keys[old_index];
                old.name = old_name;
                old.replaced_by = Some(new_id.clone());
                old.expires_at = Some(retires_at);
                old_after = Some(old.clone());
                Ok(())
            },
        )?;
        let mut old = old_after.expect("set when the update succeeds");
        if overlap == RollOverlap::Now {
            match self.revoke(id) {
                Ok(revoked) => old = revoked,
                Err(error) => tracing::warn!(key = %id, %error, "roll: the old key couldn't be revoked yet"),
            }
        }
        Ok(RolledKey {
            new: CreatedKey { record, secret },
            old,
        })
    }

    /// Revokes the rolled keys whose overlap has ended (the app calls this at
    /// start and every hour, so a key is revoked even if the app was closed
    /// when its time came). Returns the keys revoked; one that can't be
    /// revoked now stays for the next call.
    pub fn retire_due(&self) -> Result<Vec<KeyRecord>, CoreError> {
        let now = (self.clock)();
        let due: Vec<KeyId> = self
            .records
            .load()?
            .into_iter()
            .filter(|r| r.is_active() && r.replaced_by.is_some() && r.expires_at.is_some_and(|at| at <= now))
            .map(|r| r.id)
            .collect();
        let mut retired = Vec::new();
        for id in due {
            match self.revoke(&id) {
                Ok(record) => retired.push(record),
                Err(error) => tracing::warn!(key = %id, %error, "retire: the key couldn't be revoked yet"),
            }
        }
        Ok(retired)
    }
}

/// A key may be rolled once, while it works, or once leaked (even revoked:
/// its replacement is the fix).
fn ensure_rollable(key: &KeyRecord, keys: &[KeyRecord]) -> Result<(), CoreError> {
    if !key.is_active() && key.leak.is_none() {
        return Err(CoreError::KeyRevoked);
    }
    if let Some(replacement) = &key.replaced_by {
        let name = keys
            .iter()
            .find(|k| &k.id == replacement)
            .map_or_else(|| replacement.to_string(), |k| k.name.clone());
        return Err(CoreError::KeyAlreadyRolled { replacement: name });
    }
    Ok(())
}

/// "<name> (old)", or "(old 2)"… if taken; shortened to fit the longest name.
fn retired_name(keys: &[KeyRecord], name: &str) -> String {
    (1..)
        .map(|n| {
            let suffix = if n == 1 {
                " (old)".to_owned()
            } else {
                format!(" (old {n})")
            };
            let room = MAX_NAME_CHARS - suffix.chars().count();
            let stem: String = name.chars().take(room).collect();
            format!("{}{suffix}", stem.trim_end())
        })
        .find(|candidate| {
            let candidate = KeyName::parse(candidate).expect("a shortened valid name stays valid");
            ensure_name_free(keys, &candidate, None).is_ok()
        })
        .expect("some suffix is free")
}

/// A key's length of life, in whole days (at least one): a 90-day key is
/// replaced by a 90-day key, a key that ended on a chosen date by one that
/// lasts as long.
fn whole_days(life: Duration) -> Duration {
    Duration::days(((life.num_hours() + 12) / 24).max(1))
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;

    fn named(name: &str) -> KeyRecord {
        KeyRecord::new(name, &key_format::generate(), DateTime::<Utc>::UNIX_EPOCH, None)
    }

    #[test]
    fn the_old_name_gets_a_free_suffix_and_fits() {
        assert_eq!(retired_name(&[named("Prod")], "Prod"), "Prod (old)");
        assert_eq!(
            retired_name(&[named("Prod"), named("prod (OLD)")], "Prod"),
            "Prod (old 2)"
        );
        let long = "x".repeat(MAX_NAME_CHARS);
        let renamed = retired_name(&[named(&long)], &long);
        assert_eq!(renamed.chars().count(), MAX_NAME_CHARS);
        assert!(renamed.ends_with(" (old)"));
    }

    #[test]
    fn lifetimes_round_to_whole_days() {
        assert_eq!(whole_days(Duration::days(90)), Duration::days(90));
        assert_eq!(whole_days(Duration::days(30) + Duration::hours(23)), Duration::days(31));
        assert_eq!(whole_days(Duration::hours(2)), Duration::days(1));
    }
}
