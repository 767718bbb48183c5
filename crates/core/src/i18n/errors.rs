//! Each error's message in the window's language: English is the error's own
//! `Display` (written beside its definition); French is `error-…` in fr.ftl.

use toucan_keys_protocol::key_format::ParseKeyError;

use super::{Arg, language, message_in};
use crate::error::CoreError;
use crate::settings::WindowLanguage;
use crate::updates::UpdateError;
use crate::vault::VaultError;
use crate::workspace::ServerError;

/// The system's keychain app, by its French name.
const KEYCHAIN_APP_FR: &str = if cfg!(target_os = "macos") {
    "Trousseau d’accès"
} else if cfg!(windows) {
    "Gestionnaire d’identification"
} else {
    "Mots de passe et clés"
};

/// A French error message: `error-{id}` with `args`.
fn fr(id: &str, args: &[(&str, Arg)]) -> String {
    message_in(WindowLanguage::French, &format!("error-{id}"), args).unwrap_or_else(|| format!("error-{id}"))
}

fn text(value: &str) -> Arg<'_> {
    Arg::Text(value)
}

fn number(value: impl TryInto<i64>) -> Arg<'static> {
    Arg::Number(value.try_into().unwrap_or(i64::MAX))
}

/// A refusal by the embed server, in French: the server's codes it is known
/// to send get the app's own words (with the date the server gave); any
/// other refusal quotes the server's English, which names a field or value.
fn refused_in_french(server_code: &str, message: &str, on: Option<chrono::DateTime<chrono::Utc>>) -> String {
    use toucan_keys_protocol::wire::codes;
    let dated = |id: &str| {
        let date = on.map(|on| super::long_date_in(WindowLanguage::French, on));
        match date {
            Some(date) => fr(&format!("{id}-on"), &[("date", text(&date))]),
            None => fr(id, &[]),
        }
    };
    match server_code {
        codes::KEY_REVOKED => dated("server-key-revoked"),
        codes::KEY_EXPIRED => dated("server-key-expired"),
        codes::UNKNOWN_KEY => fr("server-key-unknown", &[]),
        codes::RATE_LIMITED => fr("server-rate-limited", &[]),
        codes::REQUEST_TIMEOUT => fr("server-request-timeout", &[]),
        codes::INTERNAL => fr("server-internal", &[]),
        _ => fr("server-refused", &[("message", text(message))]),
    }
}

impl CoreError {
    /// What the person reads, in the window's language.
    pub fn message(&self) -> String {
        match language() {
            WindowLanguage::English => self.to_string(),
            WindowLanguage::French => self.french(),
        }
    }

    /// The French message (every variant has one; a test checks it).
    pub fn french(&self) -> String {
        match self {
            Self::NameEmpty => fr("name-empty", &[]),
            Self::NameTooLong { chars, max } => {
                fr("name-too-long", &[("chars", number(*chars)), ("max", number(*max))])
            }
            Self::NameHasControlCharacters => fr("name-invalid", &[]),
            Self::NameTaken { name } => fr("name-taken", &[("name", text(name))]),
            Self::ExpiryInPast => fr("expiry-in-past", &[]),
            Self::KeyNotFound => fr("key-not-found", &[]),
            Self::KeyNotNamed { wanted } => fr("key-not-named", &[("wanted", text(wanted))]),
            Self::KeyRevoked => fr("key-revoked", &[]),
            Self::KeyExpired { on } => fr("key-expired", &[("on", text(on))]),
            Self::KeyAlreadyRolled { replacement } => fr("key-already-rolled", &[("replacement", text(replacement))]),
            Self::KeyNotRevoked => fr("key-not-revoked", &[]),
            Self::KeyAlreadyListed => fr("key-already-listed", &[]),
            Self::OriginInvalid { origin } => fr("origin-invalid", &[("origin", text(origin))]),
            Self::TooManyOrigins { max } => fr("too-many-origins", &[("max", number(*max))]),
            Self::OriginNotAllowed { allowed } => fr("origin-not-allowed", &[("allowed", text(&allowed.join(", ")))]),
            Self::InvalidKey(error) => parse_error_french(error),
            Self::Keychain(error) => error.french(),
            Self::RegistryCorrupt { path } => fr("registry-corrupt", &[("path", text(path))]),
            Self::RegistryTooNew { path, found } => {
                fr("registry-too-new", &[("path", text(path)), ("found", number(*found))])
            }
            Self::DiskFull => fr("disk-full", &[]),
            Self::SettingsCorrupt { path } => fr("settings-corrupt", &[("path", text(path))]),
            Self::WorkspaceCorrupt { path } => fr("workspace-corrupt", &[("path", text(path))]),
            Self::Autostart { detail } => fr("autostart", &[("detail", text(detail))]),
            Self::ActivityCorrupt { path } => fr("activity-corrupt", &[("path", text(path))]),
            Self::FileTooNew { path, found } => fr("file-too-new", &[("path", text(path)), ("found", number(*found))]),
            Self::DisplayNameInvalid => fr("display-name-invalid", &[]),
            Self::ClearDelayOutOfRange => fr("clear-delay-out-of-range", &[]),
            Self::Clipboard { detail } => fr("clipboard", &[("detail", text(detail))]),
            Self::Server(error) => error.french(),
            Self::DistinctIdInvalid => fr("distinct-id-invalid", &[]),
            Self::AttributeInvalid { row, problem } => fr(
                "attribute-invalid",
                &[("row", number(*row)), ("problem", text(problem))],
            ),
            Self::NoTokenToCopy => fr("no-token-to-copy", &[]),
            Self::LifetimeOutOfRange => fr("lifetime-out-of-range", &[]),
            Self::Update(error) => error.french(),
            Self::Storage { path, detail } => fr("storage", &[("path", text(path)), ("detail", text(detail))]),
        }
    }
}

impl VaultError {
    fn french(&self) -> String {
        let app = ("app", text(KEYCHAIN_APP_FR));
        match self {
            Self::Locked => fr("keychain-locked", &[app]),
            Self::Unavailable { .. } => fr("keychain-unavailable", &[]),
            Self::SecretMissing => fr("secret-missing", &[app]),
            Self::SecretUnreadable => fr("secret-unreadable", &[app]),
            Self::Failed { detail } => fr("keychain-failed", &[("detail", text(detail)), app]),
        }
    }
}

impl ServerError {
    fn french(&self) -> String {
        match self {
            Self::InvalidUrl => fr("server-url-invalid", &[]),
            Self::InsecureUrl => fr("server-url-insecure", &[]),
            Self::InvalidAccountToken => fr("account-token-invalid", &[]),
            Self::NotConnected => fr("workspace-not-connected", &[]),
            Self::AccountTokenMissing { host } => fr("account-token-missing", &[("host", text(host))]),
            Self::ConnectionNotConfirmed { host } => fr("connection-not-confirmed", &[("host", text(host))]),
            Self::KeyBoundElsewhere { server } => fr("key-bound-elsewhere", &[("server", text(server))]),
            Self::Unreachable { host } => fr("server-unreachable", &[("host", text(host))]),
            Self::Timeout { host } => fr("server-timeout", &[("host", text(host))]),
            Self::Tls { host, reason } => fr("server-tls", &[("host", text(host)), ("reason", text(reason))]),
            Self::AccountTokenRejected { host } => fr("account-token-rejected", &[("host", text(host))]),
            Self::Refused {
                server_code,
                message,
                on,
            } => refused_in_french(server_code, message, *on),
            Self::Redirected { host, location } => fr(
                "server-redirected",
                &[("host", text(host)), ("location", text(location))],
            ),
            Self::BadResponse { host, status } => fr(
                "server-bad-response",
                &[("host", text(host)), ("status", number(*status))],
            ),
        }
    }
}

impl UpdateError {
    fn french(&self) -> String {
        match self {
            Self::NotConfigured => fr("update-not-configured", &[]),
            Self::Unreachable { detail } => fr("update-unreachable", &[("detail", text(detail))]),
            Self::BadFeed { detail } => fr("update-bad-feed", &[("detail", text(detail))]),
            Self::SignatureInvalid => fr("update-signature-invalid", &[]),
            Self::NothingToInstall => fr("update-nothing-to-install", &[]),
            Self::AuthenticationCancelled => fr("update-authentication-cancelled", &[]),
            Self::InstallFailed { detail } => fr("update-install-failed", &[("detail", text(detail))]),
        }
    }
}

fn parse_error_french(error: &ParseKeyError) -> String {
    match error {
        ParseKeyError::WrongPrefix => fr("key-wrong-prefix", &[]),
        ParseKeyError::WrongLength { found, expected } => fr(
            "key-wrong-length",
            &[("found", number(*found)), ("expected", number(*expected))],
        ),
        ParseKeyError::BadCharacter { position } => fr("key-bad-character", &[("position", number(*position))]),
        ParseKeyError::ChecksumMismatch => fr("key-checksum-mismatch", &[]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            CoreError::KeyAlreadyRolled { replacement: s() },
            CoreError::KeyNotRevoked,
            CoreError::KeyAlreadyListed,
            CoreError::OriginInvalid { origin: s() },
            CoreError::TooManyOrigins { max: 20 },
            CoreError::OriginNotAllowed { allowed: vec![s()] },
            CoreError::InvalidKey(ParseKeyError::WrongPrefix),
            CoreError::InvalidKey(ParseKeyError::WrongLength { found: 3, expected: 40 }),
            CoreError::InvalidKey(ParseKeyError::BadCharacter { position: 5 }),
            CoreError::InvalidKey(ParseKeyError::ChecksumMismatch),
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
        let refused = |code: &str, message: &str, on| CoreError::from(ServerError::refused(code, message, on)).french();
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

    #[test]
    fn every_error_has_a_french_message_with_its_values() {
        for error in every_error() {
            let french = error.french();
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
