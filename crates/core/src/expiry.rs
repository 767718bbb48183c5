//! When a new key stops working.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::CoreError;

/// The expiry a person picks when creating a key (the default is
/// [`crate::choices::DEFAULTS`]'s).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
pub enum Expiry {
    /// 30 days from now.
    Days30,
    /// 60 days from now.
    Days60,
    /// 90 days from now.
    Days90,
    /// At the end of the given day (UTC).
    OnDate(NaiveDate),
    /// Never expires.
    Never,
}

/// The kinds of expiry the create dialog offers (an [`Expiry`] without its date).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ExpiryKind {
    /// 30 days.
    Days30,
    /// 60 days.
    Days60,
    /// 90 days.
    Days90,
    /// On a chosen date.
    OnDate,
    /// Never.
    Never,
}

impl Expiry {
    /// Its kind, without the date.
    pub fn kind(self) -> ExpiryKind {
        match self {
            Self::Days30 => ExpiryKind::Days30,
            Self::Days60 => ExpiryKind::Days60,
            Self::Days90 => ExpiryKind::Days90,
            Self::OnDate(_) => ExpiryKind::OnDate,
            Self::Never => ExpiryKind::Never,
        }
    }

    /// The moment the key expires, if it does, for a key created at `now`.
    /// A date that is not after today is refused.
    pub fn expires_at(self, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, CoreError> {
        let in_days = |days| Ok(Some(now + Days::new(days)));
        match self {
            Self::Days30 => in_days(30),
            Self::Days60 => in_days(60),
            Self::Days90 => in_days(90),
            Self::Never => Ok(None),
            Self::OnDate(date) => {
                if date <= now.date_naive() {
                    return Err(CoreError::ExpiryInPast);
                }
                Ok(Some(
                    date.and_time(NaiveTime::from_hms_opt(23, 59, 59).expect("valid time"))
                        .and_utc(),
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noon() -> DateTime<Utc> {
        "2026-11-28T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn day_choices_count_from_now() {
        assert_eq!(
            Expiry::Days30.expires_at(noon()).unwrap().unwrap().to_rfc3339(),
            "2026-12-28T12:00:00+00:00"
        );
        assert_eq!(
            Expiry::Days90.expires_at(noon()).unwrap().unwrap().to_rfc3339(),
            "2027-02-26T12:00:00+00:00"
        );
        assert_eq!(Expiry::Never.expires_at(noon()).unwrap(), None);
    }

    #[test]
    fn a_date_lasts_until_the_end_of_that_day_and_must_be_in_the_future() {
        let date = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(
            Expiry::OnDate(date).expires_at(noon()).unwrap().unwrap().to_rfc3339(),
            "2027-01-01T23:59:59+00:00"
        );
        let today = noon().date_naive();
        assert_eq!(Expiry::OnDate(today).expires_at(noon()), Err(CoreError::ExpiryInPast));
    }

    #[test]
    fn serializes_as_a_tagged_value_for_the_ui() {
        assert_eq!(serde_json::to_string(&Expiry::Days90).unwrap(), r#"{"kind":"days90"}"#);
        let date: Expiry = serde_json::from_str(r#"{"kind":"onDate","value":"2027-01-01"}"#).unwrap();
        assert_eq!(date, Expiry::OnDate(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()));
    }
}
