//! A key's limits in a few words, for the list, the details and the command
//! line: "View only · tenant = acme", or "Full access".

use chrono::{DateTime, Utc};
use toucan_keys_protocol::limits::KeyLimits;
use toucan_keys_protocol::vocabulary::{Level, Resource};

use super::{Arg, Language, long_date_in, message_for};

/// `limits` in a few words in `language`; a date to come is written out.
pub fn limits_summary(language: Language, limits: &KeyLimits, now: DateTime<Utc>) -> String {
    let say = |id: &str, args: &[(&str, Arg)]| message_for(language, &format!("limits-{id}"), args);
    if limits.is_full_access() {
        return say("full-access", &[]);
    }
    let mut parts = Vec::new();
    if let Some(ceiling) = &limits.permissions {
        let view_only = ceiling.values().flatten().all(|level| *level == Level::CanView);
        let ai_only_query = ceiling.iter().all(|(resource, levels)| {
            levels
                .iter()
                .all(|level| *level == Level::CanView || (*resource == Resource::Ai && *level == Level::CanQuery))
        });
        parts.push(if ceiling.is_empty() {
            say("no-permission", &[])
        } else if view_only {
            say("view-only", &[])
        } else if ai_only_query {
            say("view-and-ai", &[])
        } else {
            say("some-permissions", &[])
        });
    }
    if let Some(roles) = &limits.roles
        && roles.len() < 3
    {
        let names: Vec<&str> = roles
            .iter()
            .map(|role| toucan_keys_protocol::limits::role_name(*role))
            .collect();
        parts.push(say("roles", &[("roles", Arg::Text(&names.join(", ")))]));
    }
    for (name, value) in &limits.fixed_attributes {
        let value = match value {
            serde_json::Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        parts.push(format!("{name} = {value}"));
    }
    if let Some(seconds) = limits.max_lifetime_seconds {
        parts.push(say(
            "lifetime",
            &[("minutes", Arg::Number(i64::from(seconds.div_ceil(60))))],
        ));
    }
    if !limits.networks.is_empty() {
        let count = i64::try_from(limits.networks.len()).unwrap_or(i64::MAX);
        parts.push(say("networks", &[("count", Arg::Number(count))]));
    }
    if let Some(rate) = limits.requests_per_minute {
        parts.push(say("rate", &[("count", Arg::Number(i64::from(rate)))]));
    }
    if let Some(from) = limits.not_before
        && from > now
    {
        let date = long_date_in(language, from);
        parts.push(say("from", &[("date", Arg::Text(&date))]));
    }
    parts.join(" · ")
}
