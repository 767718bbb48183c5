//! Finding keys by what a person has at hand: a name or an id (the command
//! line's `NAME|ID`), or a pasted key ("which key is this?").

use serde::Serialize;

use super::{Reply, ToucanApp, logged};
use crate::error::CoreError;
use crate::key_format;
use crate::manager::KeySummary;
use crate::record::KeyId;
use crate::secret::SecretKey;

/// What a pasted key turned out to be.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Identified {
    /// The key on this computer with the same fingerprint, if there is one.
    pub key: Option<KeySummary>,
}

impl Identified {
    /// The answer in words, the same in every front end.
    pub fn message(&self) -> String {
        let Some(key) = &self.key else {
            return "This is a well-formed Toucan key, but not one of the keys on this computer.".to_owned();
        };
        let record = &key.record;
        let created = record.created_at.format("%-d %B %Y");
        let state = match (record.revoked_at, record.expires_at) {
            (Some(at), _) => format!("revoked on {}", at.format("%-d %B %Y")),
            (None, Some(at)) if !record.is_active() || at <= chrono::Utc::now() => {
                format!("expired on {}", at.format("%-d %B %Y"))
            }
            (None, Some(at)) => format!("active, expires on {}", at.format("%-d %B %Y")),
            (None, None) => "active, never expires".to_owned(),
        };
        format!(
            "This is “{}” ({}), created on {created}; {state}.",
            record.name, record.id
        )
    }
}

impl ToucanApp {
    /// The key named `name_or_id`: its id (`key_…`), or its name (any case,
    /// spaces trimmed), the active key first when names repeat.
    pub fn find_key(&self, name_or_id: &str) -> Reply<KeySummary> {
        let wanted = name_or_id.trim();
        let keys = self.keys.list()?;
        let by_id = keys.iter().find(|key| key.record.id.as_str() == wanted);
        let by_name = || {
            let mut named = keys
                .iter()
                .filter(|key| key.record.name.trim().eq_ignore_ascii_case(wanted));
            let first = named.clone().find(|key| key.record.is_active());
            first.or_else(|| named.next())
        };
        by_id.or_else(by_name).cloned().ok_or_else(|| CoreError::KeyNotNamed {
            wanted: wanted.to_owned(),
        })
    }

    /// A key's secret, to be put in a child process's environment and nowhere
    /// else (the command line's `run`). A revoked or expired key is refused
    /// with the same message as copying it.
    pub fn key_for_child_process(&self, id: KeyId) -> Reply<SecretKey> {
        logged("key_for_child_process", self.keys.read_secret(&id))
    }

    /// Which of this computer's keys `pasted` is, by its fingerprint; the
    /// pasted text is checked offline first (a typo is an `invalid_key` error).
    pub fn identify(&self, pasted: &str) -> Reply<Identified> {
        logged(
            "identify",
            (|| {
                let key = key_format::parse(pasted.trim())?;
                let fingerprint = key.fingerprint();
                let key = self
                    .keys
                    .list()?
                    .into_iter()
                    .find(|summary| summary.record.fingerprint == fingerprint);
                Ok(Identified { key })
            })(),
        )
    }
}
