//! What happened to each key, for its detail view: created, copied, a session
//! token generated (and for which user), renamed, rolled, revoked, registered
//! with a server. Never a secret: only dates, names, ids and user ids. The
//! last [`EVENTS_PER_KEY`] events of each key, in `activity.json` in the data
//! folder, written under a lock (the app and the command line share it).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::CoreError;
use crate::json_file::{FileKind, JsonFile};
use crate::record::KeyId;

/// How many events are kept per key (the oldest go first).
pub const EVENTS_PER_KEY: usize = 200;

/// One thing that happened to a key.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Activity {
    /// The key was created.
    Created,
    /// The key was copied to the clipboard.
    Copied,
    /// A session token was generated with it, for this end user.
    TokenGenerated {
        /// The end user's id (`distinctId`).
        user: String,
    },
    /// The key was renamed.
    Renamed {
        /// Its name before.
        from: String,
        /// Its name after.
        to: String,
    },
    /// The key was rolled: this key replaces it.
    RolledInto {
        /// The replacement's id.
        replacement: KeyId,
    },
    /// The key was made by rolling this one.
    RolledFrom {
        /// The key it replaces.
        replaced: KeyId,
    },
    /// The key was revoked.
    Revoked,
    /// The key's record was made again from its keychain entry (a found key).
    Restored,
    /// The web origins its tokens may be used from were set (none: anywhere).
    OriginsChanged {
        /// The origins now.
        origins: Vec<String>,
    },
    /// Its limits were changed.
    LimitsChanged {
        /// The limits now.
        limits: toucan_keys_protocol::limits::KeyLimits,
    },
    /// The key was registered with a workspace server.
    Registered {
        /// The server's address.
        server: String,
    },
    /// Its server was told the key was found in public.
    FoundInPublic {
        /// Where, as reported.
        url: Option<String>,
        /// Whether the server revoked it.
        revoked: bool,
    },
}

/// An event and when it happened.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityEvent {
    /// When.
    pub at: DateTime<Utc>,
    /// What.
    pub activity: Activity,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct ActivityFileContent {
    #[serde(default)]
    keys: BTreeMap<KeyId, Vec<ActivityEvent>>,
}

/// `activity.json` in the data folder.
#[derive(Debug, Clone)]
pub struct ActivityLog {
    file: JsonFile,
}

impl ActivityLog {
    /// The activity log in `data_dir`.
    pub fn in_dir(data_dir: &Path) -> Self {
        Self {
            file: JsonFile::new(data_dir.join("activity.json"), FileKind::Activity),
        }
    }

    /// A key's events, oldest first.
    pub fn of(&self, id: &KeyId) -> Result<Vec<ActivityEvent>, CoreError> {
        let mut content: ActivityFileContent = self.file.load()?;
        Ok(content.keys.remove(id).unwrap_or_default())
    }

    /// Adds an event to a key's history, dropping the oldest beyond the cap.
    pub fn record(&self, id: &KeyId, at: DateTime<Utc>, activity: Activity) -> Result<(), CoreError> {
        self.change(|keys| {
            let events = keys.entry(id.clone()).or_default();
            events.push(ActivityEvent { at, activity });
            let excess = events.len().saturating_sub(EVENTS_PER_KEY);
            events.drain(..excess);
        })
    }

    /// Forgets a deleted key's history.
    pub fn forget(&self, id: &KeyId) -> Result<(), CoreError> {
        self.change(|keys| {
            keys.remove(id);
        })
    }

    fn change(&self, change: impl FnOnce(&mut BTreeMap<KeyId, Vec<ActivityEvent>>)) -> Result<(), CoreError> {
        let _lock = self.file.lock()?;
        let mut content: ActivityFileContent = self.file.load()?;
        change(&mut content.keys);
        self.file.save(&content)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_are_kept_per_key_capped_and_forgotten_on_delete() {
        let dir = tempfile::tempdir().unwrap();
        let log = ActivityLog::in_dir(dir.path());
        let (a, b) = (KeyId::random(), KeyId::random());
        let now = Utc::now();
        log.record(&a, now, Activity::Created).unwrap();
        log.record(&b, now, Activity::Created).unwrap();
        for n in 0..EVENTS_PER_KEY + 5 {
            log.record(
                &a,
                now,
                Activity::TokenGenerated {
                    user: format!("user-{n}"),
                },
            )
            .unwrap();
        }
        let events = log.of(&a).unwrap();
        assert_eq!(events.len(), EVENTS_PER_KEY);
        assert_eq!(
            events[0].activity,
            Activity::TokenGenerated { user: "user-5".into() },
            "the oldest went first"
        );
        assert_eq!(log.of(&b).unwrap().len(), 1);
        log.forget(&a).unwrap();
        assert!(log.of(&a).unwrap().is_empty());
        assert_eq!(log.of(&b).unwrap().len(), 1);
    }

    #[test]
    fn events_read_as_people_would_write_them() {
        let event = ActivityEvent {
            at: "2026-11-28T10:00:00Z".parse().unwrap(),
            activity: Activity::Renamed {
                from: "A".into(),
                to: "B".into(),
            },
        };
        assert_eq!(
            serde_json::to_value(&event).unwrap(),
            serde_json::json!({"at": "2026-11-28T10:00:00Z", "activity": {"kind": "renamed", "from": "A", "to": "B"}})
        );
    }
}
