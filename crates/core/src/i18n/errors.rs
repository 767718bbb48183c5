//! Each error's message in any language: one match per error type naming its
//! catalogue message (`error-…`) and values. English, from en.ftl, is also
//! each error's `Display` (logs, the command line).

use std::fmt;

use toucan_keys_protocol::key_format::ParseKeyError;
use toucan_keys_protocol::limits::{LimitBreach, level_name, resource_name, role_name};
use toucan_keys_protocol::vocabulary::Level;

use super::{Arg, Language, language, message_for};
use crate::error::CoreError;
use crate::updates::UpdateError;
use crate::vault::VaultError;
use crate::workspace::ServerError;

/// The catalogue message naming this system's keychain app.
const KEYCHAIN_APP: &str = if cfg!(target_os = "macos") {
    "keychain-app-macos"
} else if cfg!(windows) {
    "keychain-app-windows"
} else {
    "keychain-app-linux"
};

/// The keychain app people know on this system, in `language` ("Keychain Access").
pub fn keychain_app(language: Language) -> String {
    message_for(language, KEYCHAIN_APP, &[])
}

/// The error message `error-{id}` in `language`, with `args`.
fn say(language: Language, id: &str, args: &[(&str, Arg)]) -> String {
    message_for(language, &format!("error-{id}"), args)
}

fn text(value: &str) -> Arg<'_> {
    Arg::Text(value)
}

fn number(value: impl TryInto<i64>) -> Arg<'static> {
    Arg::Number(value.try_into().unwrap_or(i64::MAX))
}

/// A refusal by the embed server: the server's codes it is known to send get
/// the app's own words (with the date the server gave); any other refusal
/// quotes the server's English, which names a field or value.
fn refused(language: Language, server_code: &str, message: &str, on: Option<chrono::DateTime<chrono::Utc>>) -> String {
    use toucan_keys_protocol::wire::codes;
    let dated = |id: &str| match on {
        Some(on) => {
            let date = super::long_date_in(language, on);
            say(language, &format!("{id}-on"), &[("date", text(&date))])
        }
        None => say(language, id, &[]),
    };
    match server_code {
        codes::KEY_REVOKED => dated("server-key-revoked"),
        codes::KEY_EXPIRED => dated("server-key-expired"),
        codes::UNKNOWN_KEY => say(language, "server-key-unknown", &[]),
        codes::RATE_LIMITED => say(language, "server-rate-limited", &[]),
        codes::REQUEST_TIMEOUT => say(language, "server-request-timeout", &[]),
        codes::INTERNAL => say(language, "server-internal", &[]),
        _ => say(language, "server-refused", &[("message", text(message))]),
    }
}

/// A request beyond one of its key's limits: the limit and what was asked,
/// in the wire's own names for roles and permissions (what the request said).
pub fn limit_breach(language: Language, breach: &LimitBreach) -> String {
    let say = |id: &str, args: &[(&str, Arg)]| say(language, &format!("key-limit-{id}"), args);
    let levels = |levels: &[Level]| {
        levels
            .iter()
            .map(|level| level_name(*level))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let value = |value: &serde_json::Value| match value {
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    match breach {
        LimitBreach::Role { allowed, asked } => {
            let allowed = allowed
                .iter()
                .map(|role| role_name(*role))
                .collect::<Vec<_>>()
                .join(", ");
            say(
                "role",
                &[("allowed", text(&allowed)), ("asked", text(role_name(*asked)))],
            )
        }
        LimitBreach::Permission {
            resource,
            allowed,
            asked,
        } => {
            let id = if allowed.is_empty() {
                "permission-none"
            } else {
                "permission"
            };
            say(
                id,
                &[
                    ("resource", text(resource_name(*resource))),
                    ("allowed", text(&levels(allowed))),
                    ("asked", text(level_name(*asked))),
                ],
            )
        }
        LimitBreach::FixedAttribute { name, fixed, asked } => say(
            "fixed-attribute",
            &[
                ("name", text(name)),
                ("fixed", text(&value(fixed))),
                ("asked", text(&value(asked))),
            ],
        ),
        LimitBreach::Lifetime {
            max_seconds,
            asked_seconds,
        } => say(
            "lifetime",
            &[
                ("max", number(max_seconds.div_ceil(60))),
                ("asked", number(asked_seconds.div_ceil(60))),
            ],
        ),
        LimitBreach::Network { address, allowed } => {
            let unknown = say("unknown-address", &[]);
            say(
                "network",
                &[
                    ("allowed", text(&allowed.join(", "))),
                    ("address", text(address.as_deref().unwrap_or(&unknown))),
                ],
            )
        }
        LimitBreach::NotYet { not_before } => {
            let date = super::long_date_in(language, *not_before);
            say("not-yet", &[("date", text(&date))])
        }
    }
}

/// English, for logs (people read [`CoreError::message`], in their language).
macro_rules! display_in_english {
    ($($error:ty),*) => {$(
        impl fmt::Display for $error {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.message_in(Language::ENGLISH))
            }
        }
    )*};
}
display_in_english!(CoreError, VaultError, ServerError, UpdateError);

impl CoreError {
    /// What the person reads, in the window's language.
    pub fn message(&self) -> String {
        self.message_in(language())
    }

    /// What the person reads, in `language`.
    pub fn message_in(&self, language: Language) -> String {
        let say = |id: &str, args: &[(&str, Arg)]| say(language, id, args);
        match self {
            Self::NameEmpty => say("name-empty", &[]),
            Self::NameTooLong { chars, max } => {
                say("name-too-long", &[("chars", number(*chars)), ("max", number(*max))])
            }
            Self::NameHasControlCharacters => say("name-invalid", &[]),
            Self::NameTaken { name } => say("name-taken", &[("name", text(name))]),
            Self::ExpiryInPast => say("expiry-in-past", &[]),
            Self::KeyNotFound => say("key-not-found", &[]),
            Self::KeyNotNamed { wanted } => say("key-not-named", &[("wanted", text(wanted))]),
            Self::KeyRevoked => say("key-revoked", &[]),
            Self::KeyExpired { on } => say("key-expired", &[("on", text(on))]),
            Self::KeyLeaked => say("key-leaked", &[]),
            Self::KeyAlreadyRolled { replacement } => say("key-already-rolled", &[("replacement", text(replacement))]),
            Self::KeyNotRevoked => say("key-not-revoked", &[]),
            Self::KeyAlreadyListed => say("key-already-listed", &[]),
            Self::OriginInvalid { origin } => say("origin-invalid", &[("origin", text(origin))]),
            Self::LimitInvalid { field, given } => {
                let id = match field.split(['.', '[']).nth(1).unwrap_or_default() {
                    "roles" => "limit-roles",
                    "fixedAttributes" => "limit-fixed-attribute",
                    "maxLifetimeSeconds" => "limit-lifetime",
                    "networks" => "limit-network",
                    "requestsPerMinute" => "limit-rate",
                    _ => "limit-other",
                };
                say(id, &[("given", text(given))])
            }
            Self::TooManyOrigins { max } => say("too-many-origins", &[("max", number(*max))]),
            Self::OriginNotAllowed { allowed } => say("origin-not-allowed", &[("allowed", text(&allowed.join(", ")))]),
            Self::InvalidKey(error) => parse_error(language, error),
            Self::Keychain(error) => error.message_in(language),
            Self::RegistryCorrupt { path } => say("registry-corrupt", &[("path", text(path))]),
            Self::RegistryTooNew { path, found } => {
                say("registry-too-new", &[("path", text(path)), ("found", number(*found))])
            }
            Self::DiskFull => say("disk-full", &[]),
            Self::SettingsCorrupt { path } => say("settings-corrupt", &[("path", text(path))]),
            Self::WorkspaceCorrupt { path } => say("workspace-corrupt", &[("path", text(path))]),
            Self::Autostart { detail } => say("autostart", &[("detail", text(detail))]),
            Self::ActivityCorrupt { path } => say("activity-corrupt", &[("path", text(path))]),
            Self::FileTooNew { path, found } => say("file-too-new", &[("path", text(path)), ("found", number(*found))]),
            Self::DisplayNameInvalid => say("display-name-invalid", &[]),
            Self::ClearDelayOutOfRange => say("clear-delay-out-of-range", &[]),
            Self::Clipboard { detail } => say("clipboard", &[("detail", text(detail))]),
            Self::Server(error) => error.message_in(language),
            Self::DistinctIdInvalid => say("distinct-id-invalid", &[]),
            Self::AttributeInvalid { row, problem } => say(
                "attribute-invalid",
                &[("row", number(*row)), ("problem", text(problem))],
            ),
            Self::NoTokenToCopy => say("no-token-to-copy", &[]),
            Self::LifetimeOutOfRange => say("lifetime-out-of-range", &[]),
            Self::Update(error) => error.message_in(language),
            Self::Storage { path, detail } => say("storage", &[("path", text(path)), ("detail", text(detail))]),
        }
    }
}

impl VaultError {
    /// The message in `language`.
    pub fn message_in(&self, language: Language) -> String {
        let say = |id: &str, args: &[(&str, Arg)]| say(language, id, args);
        let app_name = keychain_app(language);
        let app = ("app", text(&app_name));
        match self {
            Self::Locked => say("keychain-locked", &[app]),
            Self::Unavailable { .. } => say("keychain-unavailable", &[]),
            Self::SecretMissing => say("secret-missing", &[app]),
            Self::SecretUnreadable => say("secret-unreadable", &[app]),
            Self::Failed { detail } => say("keychain-failed", &[("detail", text(detail)), app]),
        }
    }
}

impl ServerError {
    /// The message in `language`.
    pub fn message_in(&self, language: Language) -> String {
        let say = |id: &str, args: &[(&str, Arg)]| say(language, id, args);
        match self {
            Self::InvalidUrl => say("server-url-invalid", &[]),
            Self::NoScheme { suggestion } => say("server-url-no-scheme", &[("suggestion", text(suggestion))]),
            Self::InsecureUrl => say("server-url-insecure", &[]),
            Self::InvalidAccountToken => say("account-token-invalid", &[]),
            Self::NotConnected => say("workspace-not-connected", &[]),
            Self::AccountTokenMissing { host } => say("account-token-missing", &[("host", text(host))]),
            Self::ConnectionNotConfirmed { host } => say("connection-not-confirmed", &[("host", text(host))]),
            Self::KeyBoundElsewhere { server } => say("key-bound-elsewhere", &[("server", text(server))]),
            // Nothing on this computer answered: the internet has nothing to do with it.
            Self::Unreachable { host } if crate::workspace::is_this_computer_label(host) => {
                say("server-unreachable-local", &[("host", text(host))])
            }
            Self::Unreachable { host } => say("server-unreachable", &[("host", text(host))]),
            Self::Timeout { host } => say("server-timeout", &[("host", text(host))]),
            // A server on this computer usually speaks plain HTTP: say so, not "fix its certificate".
            Self::Tls { host, reason } if crate::workspace::is_this_computer_label(host) => {
                say("server-tls-local", &[("host", text(host)), ("reason", text(reason))])
            }
            Self::Tls { host, reason } => say("server-tls", &[("host", text(host)), ("reason", text(reason))]),
            Self::AccountTokenRejected { host } => say("account-token-rejected", &[("host", text(host))]),
            Self::Refused {
                server_code,
                message,
                on,
            } => refused(language, server_code, message, *on),
            Self::KeyLimit { breach } => limit_breach(language, breach),
            Self::Redirected { host, location } => say(
                "server-redirected",
                &[("host", text(host)), ("location", text(location))],
            ),
            Self::BadResponse { host, status } => say(
                "server-bad-response",
                &[("host", text(host)), ("status", number(*status))],
            ),
        }
    }
}

impl UpdateError {
    /// The message in `language`.
    pub fn message_in(&self, language: Language) -> String {
        let say = |id: &str, args: &[(&str, Arg)]| say(language, id, args);
        match self {
            Self::NotConfigured => say("update-not-configured", &[]),
            Self::Unreachable { detail } => say("update-unreachable", &[("detail", text(detail))]),
            Self::BadFeed { detail } => say("update-bad-feed", &[("detail", text(detail))]),
            Self::SignatureInvalid => say("update-signature-invalid", &[]),
            Self::NothingToInstall => say("update-nothing-to-install", &[]),
            Self::AuthenticationCancelled => say("update-authentication-cancelled", &[]),
            Self::InstallFailed { detail } => say("update-install-failed", &[("detail", text(detail))]),
        }
    }
}

fn parse_error(language: Language, error: &ParseKeyError) -> String {
    let say = |id: &str, args: &[(&str, Arg)]| say(language, id, args);
    match error {
        ParseKeyError::WrongPrefix => say("key-wrong-prefix", &[]),
        ParseKeyError::WrongLength { found, expected } => say(
            "key-wrong-length",
            &[("found", number(*found)), ("expected", number(*expected))],
        ),
        ParseKeyError::BadCharacter { position } => say("key-bad-character", &[("position", number(*position))]),
        ParseKeyError::ChecksumMismatch { near: None } => say("key-checksum-mismatch", &[]),
        ParseKeyError::ChecksumMismatch { near: Some(position) } => {
            say("key-typo-at", &[("position", number(*position))])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn french() -> Language {
        Language::from_tag("fr").unwrap()
    }

    /// One error of every kind, with every field set.
    fn every_error() -> Vec<CoreError> {
        let s = || "x".to_owned();
        vec![
            CoreError::NameEmpty,
            CoreError::NameTooLong { chars: 70, max: 64 },
            CoreError::NameHasControlCharacters,
            CoreError::NameTaken { name: s() },
            CoreError::ExpiryInPast,
            CoreError::KeyNotFound,
            CoreError::KeyNotNamed { wanted: s() },
            CoreError::KeyRevoked,
            CoreError::KeyExpired { on: s() },
            CoreError::KeyLeaked,
            CoreError::KeyAlreadyRolled { replacement: s() },
            CoreError::KeyNotRevoked,
            CoreError::KeyAlreadyListed,
            CoreError::OriginInvalid { origin: s() },
            CoreError::TooManyOrigins { max: 20 },
            CoreError::OriginNotAllowed { allowed: vec![s()] },
            CoreError::LimitInvalid {
                field: "limits.networks[0]".into(),
                given: s(),
            },
            CoreError::LimitInvalid {
                field: "limits.roles".into(),
                given: s(),
            },
            CoreError::InvalidKey(ParseKeyError::WrongPrefix),
            CoreError::InvalidKey(ParseKeyError::WrongLength { found: 3, expected: 40 }),
            CoreError::InvalidKey(ParseKeyError::BadCharacter { position: 5 }),
            CoreError::InvalidKey(ParseKeyError::ChecksumMismatch { near: None }),
            CoreError::InvalidKey(ParseKeyError::ChecksumMismatch { near: Some(13) }),
            CoreError::Keychain(VaultError::Locked),
            CoreError::Keychain(VaultError::Unavailable { detail: s() }),
            CoreError::Keychain(VaultError::SecretMissing),
            CoreError::Keychain(VaultError::SecretUnreadable),
            CoreError::Keychain(VaultError::Failed { detail: s() }),
            CoreError::RegistryCorrupt { path: s() },
            CoreError::RegistryTooNew { path: s(), found: 2 },
            CoreError::DiskFull,
            CoreError::SettingsCorrupt { path: s() },
            CoreError::WorkspaceCorrupt { path: s() },
            CoreError::Autostart { detail: s() },
            CoreError::ActivityCorrupt { path: s() },
            CoreError::FileTooNew { path: s(), found: 2 },
            CoreError::DisplayNameInvalid,
            CoreError::ClearDelayOutOfRange,
            CoreError::Clipboard { detail: s() },
            CoreError::DistinctIdInvalid,
            CoreError::AttributeInvalid { row: 2, problem: s() },
            CoreError::NoTokenToCopy,
            CoreError::LifetimeOutOfRange,
            CoreError::Storage { path: s(), detail: s() },
            ServerError::InvalidUrl.into(),
            ServerError::NoScheme { suggestion: s() }.into(),
            ServerError::Unreachable {
                host: "127.0.0.1:8787".into(),
            }
            .into(),
            ServerError::Tls {
                host: "localhost:8787".into(),
                reason: s(),
            }
            .into(),
            ServerError::InsecureUrl.into(),
            ServerError::InvalidAccountToken.into(),
            ServerError::NotConnected.into(),
            ServerError::AccountTokenMissing { host: s() }.into(),
            ServerError::ConnectionNotConfirmed { host: s() }.into(),
            ServerError::KeyBoundElsewhere { server: s() }.into(),
            ServerError::Unreachable { host: s() }.into(),
            ServerError::Timeout { host: s() }.into(),
            ServerError::Tls { host: s(), reason: s() }.into(),
            ServerError::AccountTokenRejected { host: s() }.into(),
            ServerError::Refused {
                server_code: s(),
                message: s(),
                on: None,
            }
            .into(),
            ServerError::Redirected {
                host: s(),
                location: s(),
            }
            .into(),
            ServerError::KeyLimit {
                breach: toucan_keys_protocol::limits::LimitBreach::Lifetime {
                    max_seconds: 600,
                    asked_seconds: 900,
                },
            }
            .into(),
            ServerError::BadResponse { host: s(), status: 500 }.into(),
            UpdateError::NotConfigured.into(),
            UpdateError::Unreachable { detail: s() }.into(),
            UpdateError::BadFeed { detail: s() }.into(),
            UpdateError::SignatureInvalid.into(),
            UpdateError::NothingToInstall.into(),
            UpdateError::AuthenticationCancelled.into(),
            UpdateError::InstallFailed { detail: s() }.into(),
        ]
    }

    /// The refusals the embed server sends (crates/server: auth.rs, error.rs)
    /// read as French sentences, with the date the server gave (its error's
    /// `at`) in French; a refusal naming a field keeps the server's words.
    #[test]
    fn the_servers_refusals_are_in_french_words() {
        use toucan_keys_protocol::wire::codes;
        let day = |text: &str| Some(text.parse::<chrono::DateTime<chrono::Utc>>().unwrap());
        let refused = |code: &str, message: &str, on| {
            CoreError::from(ServerError::refused(code, message, on)).message_in(french())
        };
        let revoked = refused(
            codes::KEY_REVOKED,
            "This API key was revoked on 2026-12-01T10:00:00+00:00.",
            day("2026-12-01T10:00:00Z"),
        );
        assert!(revoked.contains("révoquée le 1 décembre 2026"), "{revoked}");
        let expired = refused(
            codes::KEY_EXPIRED,
            "This API key expired on 2027-02-28T00:00:00+00:00.",
            day("2027-02-28T00:00:00Z"),
        );
        assert!(expired.contains("expiré le 28 février 2027"), "{expired}");
        for (code, english) in [
            (codes::KEY_REVOKED, "This API key was revoked."),
            (codes::UNKNOWN_KEY, "This API key is not registered with this server."),
            (
                codes::RATE_LIMITED,
                "Too many requests with this API key. Wait a minute and try again.",
            ),
            (
                codes::REQUEST_TIMEOUT,
                "The request took too long to arrive. Send it again.",
            ),
            (codes::INTERNAL, "The server couldn't complete the request."),
        ] {
            let french = refused(code, english, None);
            assert!(
                !french.starts_with("error-") && !french.contains(english),
                "{code}: {french}"
            );
        }
        let field = refused(codes::INVALID_BODY, "user.distinctId: is required", None);
        assert!(
            field.starts_with("Le serveur a refusé") && field.contains("user.distinctId: is required"),
            "{field}"
        );

        // In English, the same dates as people write them.
        let english = |code: &str, on| ServerError::refused(code, "(the server's words)", on).to_string();
        assert_eq!(
            english(codes::KEY_REVOKED, day("2026-12-01T10:00:00Z")),
            "The server refuses this API key: it was revoked on 1 December 2026. Create a new key to keep generating tokens."
        );
        assert_eq!(
            english(codes::KEY_EXPIRED, day("2027-02-28T00:00:00Z")),
            "The server refuses this API key: it expired on 28 February 2027. Roll it to get a key that works."
        );
    }

    /// Every error has a message in every shipped language, with its values.
    #[test]
    fn every_error_has_a_message_in_every_language_with_its_values() {
        for error in every_error() {
            let english = error.to_string();
            assert!(!english.starts_with("error-"), "{error:?} has no English message");
            assert_eq!(english, error.message_in(Language::ENGLISH));
            let french = error.message_in(french());
            assert!(!french.starts_with("error-"), "{error:?} has no French message");
            assert_ne!(french, error.to_string(), "{error:?}");
            for value in ["x", "64", "500"] {
                if error.to_string().contains(&format!(" {value}")) || error.to_string().contains(&format!("{value}."))
                {
                    assert!(french.contains(value), "{error:?}: the French lacks {value}: {french}");
                }
            }
        }
    }
}
