//! A key's detail view: everything known about it, its history, and its
//! fingerprint on the clipboard (not secret).

use serde::Serialize;

use super::{Reply, ToucanApp, logged};
use crate::activity::ActivityEvent;
use crate::manager::KeySummary;
use crate::record::KeyId;

/// Everything the detail view shows about one key.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct KeyDetails {
    /// The key as the list shows it.
    pub key: KeySummary,
    /// The name of the key it replaced, if a roll made it.
    pub replaces: Option<String>,
    /// The name of the key that replaces it, if it was rolled.
    pub replaced_by: Option<String>,
    /// What happened to it, newest first, each in words.
    pub activity: Vec<ActivityLine>,
    /// Why the history can't be shown, if it can't.
    pub activity_problem: Option<String>,
}

/// One event of a key's history, and what it says, in the window's language:
/// the same words in the window and on the command line.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ActivityLine {
    /// The event.
    #[serde(flatten)]
    pub event: ActivityEvent,
    /// What happened, in words ("Renamed from “A” to “B”").
    pub text: String,
}

impl ActivityLine {
    fn of(event: ActivityEvent) -> Self {
        Self {
            text: crate::i18n::activity_text(&event.activity),
            event,
        }
    }
}

impl ToucanApp {
    /// A key's details and history.
    pub fn key_details(&self, id: KeyId) -> Reply<KeyDetails> {
        logged(
            "key_details",
            (|| -> Reply<KeyDetails> {
                let keys = self.keys.list()?;
                let name_of = |id: &Option<KeyId>| {
                    let id = id.as_ref()?;
                    Some(
                        keys.iter()
                            .find(|k| &k.record.id == id)
                            .map_or(id.to_string(), |k| k.record.name.clone()),
                    )
                };
                let key = keys
                    .iter()
                    .find(|k| k.record.id == id)
                    .cloned()
                    .ok_or(crate::error::CoreError::KeyNotFound)?;
                let (activity, activity_problem) = match self.activity.of(&id) {
                    Ok(events) => (events.into_iter().rev().map(ActivityLine::of).collect(), None),
                    Err(error) => (Vec::new(), Some(error.to_string())),
                };
                Ok(KeyDetails {
                    replaces: name_of(&key.record.replaces),
                    replaced_by: name_of(&key.record.replaced_by),
                    key,
                    activity,
                    activity_problem,
                })
            })(),
        )
    }

    /// Copies a key's fingerprint (SHA-256 of the key: it identifies the key
    /// without revealing it), as any app copies text.
    pub fn copy_fingerprint(&self, id: KeyId) -> Reply<()> {
        logged(
            "copy_fingerprint",
            (|| -> Reply<()> {
                let fingerprint = self.keys.summary(&id)?.record.fingerprint;
                self.clipboard.copy_plain(&fingerprint)
            })(),
        )
    }
}
