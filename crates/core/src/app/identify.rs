//! Finding keys by what a person has at hand: a name or an id (the command
//! line's `NAME|ID`), or a pasted key ("which key is this?").

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::{Reply, ToucanApp, logged};
use crate::error::CoreError;
use crate::i18n::{Arg, long_date, message};
use crate::key_format;
use crate::manager::KeySummary;
use crate::record::{KeyId, KeyStatus};
use crate::secret::SecretKey;

/// Text pasted into "Which key is this?". It may be a live key, so it is a
/// secret from the moment it reaches Rust: zeroized when dropped, redacted
/// in `Debug`, never serialized. It crosses IPC from the page once.
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
pub struct PastedKey(Zeroizing<String>);

impl<'de> Deserialize<'de> for PastedKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|text| Self(Zeroizing::new(text)))
    }
}

impl From<&str> for PastedKey {
    fn from(text: &str) -> Self {
        Self(Zeroizing::new(text.to_owned()))
    }
}

impl std::fmt::Debug for PastedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PastedKey([redacted])")
    }
}

/// What a pasted key turned out to be.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Identified {
    /// The key on this computer with the same fingerprint, if there is one.
    pub key: Option<KeySummary>,
    /// The pasted key's fingerprint (SHA-256; not secret), to ask the workspace server about it.
    pub fingerprint: String,
    /// The answer in words ([`Identified::message`]).
    pub message: String,
}

impl Identified {
    /// The answer in words, the same in every front end.
    pub fn message(&self) -> String {
        let Some(key) = &self.key else {
            return message("identify-unknown", &[]);
        };
        let record = &key.record;
        let on = |id: &str, at| message(id, &[("date", Arg::Text(&long_date(at)))]);
        // The list's own states, in a sentence (a retiring key is not "active").
        let state = match (key.status, record.revoked_at, record.expires_at) {
            (KeyStatus::Leaked, _, _) => on(
                "state-leaked-on",
                record.leak.as_ref().map_or(chrono::Utc::now(), |leak| leak.found_at),
            ),
            (_, Some(at), _) => on("state-revoked-on", at),
            (KeyStatus::Retiring, None, Some(at)) => on("state-retiring-until", at),
            (KeyStatus::Missing, None, _) => message("state-missing", &[]),
            (KeyStatus::Expired, None, Some(at)) => on("state-expired-on", at),
            (_, None, Some(at)) => on("state-active-expires", at),
            (_, None, None) => message("state-active-never", &[]),
        };
        message(
            "identify-found",
            &[
                ("name", Arg::Text(&record.name)),
                ("hint", Arg::Text(&record.hint)),
                ("created", Arg::Text(&long_date(record.created_at))),
                ("state", Arg::Text(&state)),
            ],
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
    pub fn identify(&self, pasted: &PastedKey) -> Reply<Identified> {
        logged(
            "identify",
            (|| {
                let key = key_format::parse(pasted.0.trim())?;
                let fingerprint = key.fingerprint();
                let key = self
                    .keys
                    .list()?
                    .into_iter()
                    .find(|summary| summary.record.fingerprint == fingerprint);
                let mut identified = Identified {
                    key,
                    fingerprint,
                    message: String::new(),
                };
                identified.message = identified.message();
                Ok(identified)
            })(),
        )
    }

    /// "Which key is this?" in the window: [`Self::identify`] for the page,
    /// which sends the pasted text once and forgets it.
    pub fn identify_key(&self, pasted: PastedKey) -> Reply<Identified> {
        self.identify(&pasted)
    }

    /// What the connected workspace server knows of the key with this
    /// fingerprint, in words; asked only when the person asks.
    pub async fn ask_server_about_key(&self, fingerprint: String) -> Reply<String> {
        logged(
            "ask_server_about_key",
            async {
                let (host, found) = self.workspace.server_key_by_fingerprint(&fingerprint).await?;
                let on = |id: &str, at| message(id, &[("date", Arg::Text(&long_date(at)))]);
                let Some(key) = found else {
                    return Ok(message("server-unknown-key", &[("host", Arg::Text(&host))]));
                };
                let state = match (key.revoked_at, key.expires_at) {
                    (Some(at), _) => on("state-revoked-on", at),
                    (None, Some(at)) if at <= chrono::Utc::now() => on("state-expired-on", at),
                    (None, _) => message("state-active", &[]),
                };
                let used = key
                    .last_used_at
                    .map_or_else(|| message("never-used", &[]), |at| on("last-used-on", at));
                Ok(message(
                    "server-view",
                    &[
                        ("host", Arg::Text(&host)),
                        ("name", Arg::Text(&key.name)),
                        ("state", Arg::Text(&state)),
                        ("used", Arg::Text(&used)),
                    ],
                ))
            }
            .await,
        )
    }
}
