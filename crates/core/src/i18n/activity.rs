//! A key's history in words: the same sentence in the window's details and
//! in `toucan-keys-cli details`.

use super::{Arg, message};
use crate::activity::Activity;

/// What `activity` says, in the language spoken now.
pub fn activity_text(activity: &Activity) -> String {
    match activity {
        Activity::Created => message("activity-created", &[]),
        Activity::Copied => message("activity-copied", &[]),
        Activity::TokenGenerated { user } => message("activity-token-generated", &[("user", Arg::Text(user))]),
        Activity::Renamed { from, to } => {
            message("activity-renamed", &[("from", Arg::Text(from)), ("to", Arg::Text(to))])
        }
        Activity::RolledInto { .. } => message("activity-rolled-into", &[]),
        Activity::RolledFrom { .. } => message("activity-rolled-from", &[]),
        Activity::Revoked => message("activity-revoked", &[]),
        Activity::Restored => message("activity-restored", &[]),
        Activity::OriginsChanged { origins } if origins.is_empty() => message("activity-origins-any", &[]),
        Activity::OriginsChanged { origins } => message(
            "activity-origins-changed",
            &[("origins", Arg::Text(&origins.join(", ")))],
        ),
        Activity::LimitsChanged { .. } => message("activity-limits-changed", &[]),
        Activity::Registered { server } => message("activity-registered", &[("server", Arg::Text(server))]),
        Activity::FoundInPublic { url, revoked } => {
            let place = url.clone().unwrap_or_else(|| message("leak-unknown-place", &[]));
            let id = if *revoked {
                "activity-found-in-public-revoked"
            } else {
                "activity-found-in-public"
            };
            message(id, &[("url", Arg::Text(&place))])
        }
    }
}

/// A key's status in one word or two, as the window's list writes it (the
/// command line's STATUS column): the same words in both catalogues.
pub fn status_word(status: crate::record::KeyStatus) -> String {
    let tag = serde_json::to_value(status)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default();
    message(&format!("status-{tag}"), &[])
}
