//! The stable codes of every error, and the form field an error belongs to.
//! Both cross IPC with the error and are exported to TypeScript as unions,
//! so the UI places an error because the error says where, and a code the
//! core doesn't have fails the UI's type check.

use serde::Serialize;

macro_rules! error_codes {
    ($($variant:ident = $code:literal,)*) => {
        /// A stable, machine-readable error code (on the wire: the string).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        pub enum ErrorCode {
            $(
                #[doc = concat!("`", $code, "`")]
                #[serde(rename = $code)]
                $variant,
            )*
        }

        impl ErrorCode {
            /// Every code.
            pub const ALL: &[ErrorCode] = &[$(Self::$variant),*];

            /// The code as it crosses the wire.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)*
                }
            }
        }
    };
}

error_codes! {
    NameEmpty = "name_empty",
    NameTooLong = "name_too_long",
    NameInvalid = "name_invalid",
    NameTaken = "name_taken",
    ExpiryInPast = "expiry_in_past",
    KeyNotFound = "key_not_found",
    KeyRevoked = "key_revoked",
    KeyExpired = "key_expired",
    KeyLeaked = "key_leaked",
    KeyNotRevoked = "key_not_revoked",
    KeyAlreadyListed = "key_already_listed",
    OriginInvalid = "origin_invalid",
    LimitInvalid = "limit_invalid",
    OriginNotAllowed = "origin_not_allowed",
    KeyAlreadyRolled = "key_already_rolled",
    InvalidKey = "invalid_key",
    KeychainLocked = "keychain_locked",
    KeychainUnavailable = "keychain_unavailable",
    SecretMissing = "secret_missing",
    SecretUnreadable = "secret_unreadable",
    KeychainFailed = "keychain_failed",
    RegistryCorrupt = "registry_corrupt",
    RegistryTooNew = "registry_too_new",
    DiskFull = "disk_full",
    SettingsCorrupt = "settings_corrupt",
    WorkspaceCorrupt = "workspace_corrupt",
    ActivityCorrupt = "activity_corrupt",
    AutostartFailed = "autostart_failed",
    FileTooNew = "file_too_new",
    DisplayNameInvalid = "display_name_invalid",
    ClearDelayOutOfRange = "clear_delay_out_of_range",
    ClipboardFailed = "clipboard_failed",
    StorageFailed = "storage_failed",
    ServerUrlInvalid = "server_url_invalid",
    ServerUrlInsecure = "server_url_insecure",
    AccountTokenInvalid = "account_token_invalid",
    WorkspaceNotConnected = "workspace_not_connected",
    ConnectionNotConfirmed = "connection_not_confirmed",
    KeyBoundElsewhere = "key_bound_elsewhere",
    AccountTokenMissing = "account_token_missing",
    ServerUnreachable = "server_unreachable",
    ServerTimeout = "server_timeout",
    ServerTlsFailed = "server_tls_failed",
    AccountTokenRejected = "account_token_rejected",
    ServerKeyRevoked = "server_key_revoked",
    ServerKeyExpired = "server_key_expired",
    ServerKeyUnknown = "server_key_unknown",
    ServerRateLimited = "server_rate_limited",
    ServerInvalidRequest = "server_invalid_request",
    ServerRefused = "server_refused",
    KeyLimit = "key_limit",
    ServerRedirected = "server_redirected",
    ServerBadResponse = "server_bad_response",
    UpdateNotConfigured = "update_not_configured",
    UpdateUnreachable = "update_unreachable",
    UpdateBadFeed = "update_bad_feed",
    UpdateSignatureInvalid = "update_signature_invalid",
    UpdateNothingToInstall = "update_nothing_to_install",
    UpdateAuthenticationCancelled = "update_authentication_cancelled",
    UpdateInstallFailed = "update_install_failed",
    DistinctIdInvalid = "distinct_id_invalid",
    AttributeInvalid = "attribute_invalid",
    LifetimeOutOfRange = "lifetime_out_of_range",
    NoTokenToCopy = "no_token_to_copy",
    Unexpected = "unexpected",
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The form field an error is about, when it is about one: the UI shows the
/// message under that field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ErrorField {
    /// A key's name (create, rename).
    Name,
    /// A key's chosen expiry date.
    ExpiryDate,
    /// The person's display name (settings).
    DisplayName,
    /// The clipboard clear delay (settings).
    ClearDelay,
    /// The workspace server's address.
    ServerUrl,
    /// The workspace account token.
    AccountToken,
    /// A session token's user id.
    DistinctId,
    /// A session token's attribute rows.
    Attributes,
    /// A session token's lifetime.
    Lifetime,
    /// The web origins a key is limited to (create, details).
    Origins,
    /// The web origin a session token is asked for.
    Origin,
    /// A key's limits (create, details).
    Limits,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_serialize_as_their_text() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            assert!(seen.insert(code.as_str()), "{code} twice");
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        }
    }
}
