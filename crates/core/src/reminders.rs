//! Expiry reminders: which keys to tell the person about, once per key and
//! stage (14 days left, 3 days left, expired), remembered across restarts in
//! `reminders.json` in the data folder. The desktop shell shows them as
//! notifications at start and every hour; the text is decided here.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::error::CoreError;
use crate::i18n::{Arg, long_date, message};
use crate::json_file::{FileKind, JsonFile};
use crate::record::{KeyId, KeyRecord};

/// How close to its expiry a key is, for reminders. Later stages are more urgent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReminderStage {
    /// It expires within 14 days.
    Within14Days,
    /// It expires within 3 days.
    Within3Days,
    /// It has expired.
    Expired,
    /// It was found in public (its server said so). Told once, whatever
    /// was told before.
    Leaked,
}

impl ReminderStage {
    /// The stage of a key that expires at `expires_at`, at `now`, if any.
    pub fn of(expires_at: DateTime<Utc>, now: DateTime<Utc>) -> Option<Self> {
        if expires_at <= now {
            Some(Self::Expired)
        } else if expires_at <= now + Duration::days(3) {
            Some(Self::Within3Days)
        } else if expires_at <= now + Duration::days(14) {
            Some(Self::Within14Days)
        } else {
            None
        }
    }
}

/// One notification to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    /// The key it is about.
    pub key_id: KeyId,
    /// How close to its expiry the key is.
    pub stage: ReminderStage,
    /// The notification's title: the key's name and what is happening.
    pub title: String,
    /// The notification's text: the date, and what to do.
    pub body: String,
}

/// The reminders due at `now` for `keys`, given the most urgent stage already
/// sent for each: one per key, for its most urgent new stage only (a key
/// first seen already expired isn't also reminded it had 14 days left).
/// Revoked keys, and rolled keys counting down their overlap, get none,
/// except that a leaked key is told once, revoked or not.
pub fn due(keys: &[KeyRecord], sent: &BTreeMap<KeyId, ReminderStage>, now: DateTime<Utc>) -> Vec<Reminder> {
    keys.iter()
        .filter(|key| !key.pending)
        .filter_map(|key| {
            let (stage, date) = match &key.leak {
                Some(leak) => (ReminderStage::Leaked, leak.found_at),
                None if key.is_active() && key.replaced_by.is_none() => {
                    let expires_at = key.expires_at?;
                    (ReminderStage::of(expires_at, now)?, expires_at)
                }
                None => return None,
            };
            if sent.get(&key.id).is_some_and(|already| *already >= stage) {
                return None;
            }
            Some(reminder(key, stage, date, now))
        })
        .collect()
}

/// The notification for `key` at `stage`; `at` is its expiry, or when it was found.
fn reminder(key: &KeyRecord, stage: ReminderStage, at: DateTime<Utc>, now: DateTime<Utc>) -> Reminder {
    let date = long_date(at);
    let expires_at = at;
    let (title, body) = match stage {
        ReminderStage::Leaked => (
            message("reminder-leaked-title", &[("name", Arg::Text(&key.name))]),
            message(
                if key.revoked_at.is_some() {
                    "reminder-leaked-revoked-body"
                } else {
                    "reminder-leaked-body"
                },
                &[("date", Arg::Text(&date))],
            ),
        ),
        ReminderStage::Expired => (
            message("reminder-expired-title", &[("name", Arg::Text(&key.name))]),
            message("reminder-expired-body", &[("date", Arg::Text(&date))]),
        ),
        _ => {
            let days = (expires_at - now).num_hours().div_euclid(24) + 1;
            (
                message(
                    "reminder-expires-in",
                    &[("name", Arg::Text(&key.name)), ("days", Arg::Number(days))],
                ),
                message("reminder-body", &[("date", Arg::Text(&date))]),
            )
        }
    };
    Reminder {
        key_id: key.id.clone(),
        stage,
        title,
        body,
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct SentReminders {
    #[serde(default)]
    sent: BTreeMap<KeyId, ReminderStage>,
}

/// `reminders.json`: the most urgent stage already sent for each key.
#[derive(Debug, Clone)]
pub struct ReminderLog {
    file: JsonFile,
}

impl ReminderLog {
    /// The log in `data_dir`.
    pub fn in_dir(data_dir: &Path) -> Self {
        Self {
            file: JsonFile::new(data_dir.join("reminders.json"), FileKind::Reminders),
        }
    }

    /// The reminders due now for `keys`, recorded as sent (under the file's
    /// lock, so two processes never both send one). Keys no longer listed are
    /// forgotten.
    pub fn take_due(&self, keys: &[KeyRecord], now: DateTime<Utc>) -> Result<Vec<Reminder>, CoreError> {
        let _lock = self.file.lock()?;
        let mut log: SentReminders = self.file.load()?;
        let reminders = due(keys, &log.sent, now);
        let known = log.sent.len();
        log.sent.retain(|id, _| keys.iter().any(|key| &key.id == id));
        let forgot = log.sent.len() != known;
        for reminder in &reminders {
            log.sent.insert(reminder.key_id.clone(), reminder.stage);
        }
        // Checked often (leaks are told within a minute): written only when changed.
        if forgot || !reminders.is_empty() {
            self.file.save(&log)?;
        }
        Ok(reminders)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn key(name: &str, expires_at: &str) -> KeyRecord {
        KeyRecord::new(
            name,
            &crate::key_format::generate(),
            at("2026-01-01T00:00:00Z"),
            Some(at(expires_at)),
        )
    }

    /// A key found in public is told once, revoked or not, whatever was told
    /// before, in words that say whether the server revoked it; checking
    /// every minute afterwards writes nothing.
    #[test]
    fn a_leaked_key_is_told_once() {
        let dir = tempfile::tempdir().unwrap();
        let log = ReminderLog::in_dir(dir.path());
        let mut keys = [key("Shop", "2026-12-10T00:00:00Z")];
        let first = log.take_due(&keys, at("2026-12-01T00:00:00Z")).unwrap();
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].stage, ReminderStage::Within14Days);
        keys[0].leak = Some(crate::record::LeakReport {
            found_at: at("2026-12-02T10:00:00Z"),
            url: Some("https://github.com/octo-org/shop".into()),
            source: Some("content".into()),
        });
        keys[0].revoked_at = Some(at("2026-12-02T10:00:01Z"));
        let told = log.take_due(&keys, at("2026-12-02T10:01:00Z")).unwrap();
        assert_eq!(told.len(), 1);
        assert_eq!(told[0].stage, ReminderStage::Leaked);
        assert_eq!(told[0].title, "“Shop” was found in public");
        assert!(told[0].body.contains("the server revoked it"), "{}", told[0].body);
        let written = std::fs::metadata(dir.path().join("reminders.json"))
            .unwrap()
            .modified()
            .unwrap();
        for minute in 2..10 {
            let now = at("2026-12-02T10:00:00Z") + Duration::minutes(minute);
            assert!(log.take_due(&keys, now).unwrap().is_empty(), "told again at {now}");
        }
        let after = std::fs::metadata(dir.path().join("reminders.json"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(written, after, "a check with nothing to tell rewrote the file");
    }

    /// The schedule of one key expiring on 20 December, checked every hour
    /// from 1 December to 22 December with a fixed clock: exactly three
    /// reminders, at the first check past each stage.
    #[test]
    fn an_hourly_check_sends_each_stage_once_at_the_right_time() {
        let dir = tempfile::tempdir().unwrap();
        let log = ReminderLog::in_dir(dir.path());
        let keys = [
            key("Backend", "2026-12-20T12:00:00Z"),
            key("Far away", "2027-06-01T00:00:00Z"),
        ];
        let mut sent = Vec::new();
        let mut now = at("2026-12-01T00:30:00Z");
        while now < at("2026-12-22T00:00:00Z") {
            for reminder in log.take_due(&keys, now).unwrap() {
                sent.push((now, reminder));
            }
            now += Duration::hours(1);
        }
        let summary: Vec<_> = sent
            .iter()
            .map(|(when, r)| (when.to_rfc3339(), r.title.clone()))
            .collect();
        assert_eq!(
            summary,
            [
                (
                    "2026-12-06T12:30:00+00:00".to_owned(),
                    "“Backend” expires in 14 days".to_owned()
                ),
                (
                    "2026-12-17T12:30:00+00:00".to_owned(),
                    "“Backend” expires in 3 days".to_owned()
                ),
                (
                    "2026-12-20T12:30:00+00:00".to_owned(),
                    "“Backend” has expired".to_owned()
                ),
            ]
        );
        assert_eq!(
            sent[0].1.body,
            "Roll it before 20 December 2026 so your backend keeps working."
        );
        assert_eq!(
            sent[2].1.body,
            "It stopped working on 20 December 2026. Roll it in Toucan Keys to get a replacement."
        );
    }

    #[test]
    fn sent_stages_are_remembered_across_restarts_and_only_the_most_urgent_is_sent() {
        let dir = tempfile::tempdir().unwrap();
        let keys = [key("Late", "2026-11-01T00:00:00Z")];
        let now = at("2026-11-28T00:00:00Z");
        let first = ReminderLog::in_dir(dir.path()).take_due(&keys, now).unwrap();
        assert_eq!(
            first.iter().map(|r| r.stage).collect::<Vec<_>>(),
            [ReminderStage::Expired]
        );
        // A new process (the app started again) sends nothing more.
        assert!(ReminderLog::in_dir(dir.path()).take_due(&keys, now).unwrap().is_empty());
    }

    #[test]
    fn revoked_and_retiring_keys_and_keys_without_expiry_get_none() {
        let now = at("2026-11-28T00:00:00Z");
        let mut revoked = key("Revoked", "2026-11-30T00:00:00Z");
        revoked.revoked_at = Some(now);
        let mut retiring = key("Retiring", "2026-11-29T00:00:00Z");
        retiring.replaced_by = Some(KeyId::random());
        let mut never = key("Never", "2026-11-29T00:00:00Z");
        never.expires_at = None;
        assert!(due(&[revoked, retiring, never], &BTreeMap::new(), now).is_empty());
        let soon = due(&[key("Soon", "2026-11-28T20:00:00Z")], &BTreeMap::new(), now);
        assert_eq!(soon[0].title, "“Soon” expires within a day");
    }
}
