//! What can go wrong talking to the workspace server, in words a person can
//! act on. Network and TLS failures are told apart from refusals.

/// A failure reaching or using the workspace server.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServerError {
    /// The address is not a web address.
    InvalidUrl,
    /// The address has no `https://` or `http://` in front; this is what was
    /// probably meant (`http://` for a server on this computer).
    NoScheme {
        /// The address to use instead.
        suggestion: String,
    },
    /// The address is plain HTTP to another computer.
    InsecureUrl,
    /// The pasted account token is malformed.
    InvalidAccountToken,
    /// No workspace server is set up.
    NotConnected,
    /// The workspace is set up but its account token is gone from the keychain.
    AccountTokenMissing {
        /// The server's host.
        host: String,
    },
    /// The person didn't confirm the connection in the app's own dialog.
    ConnectionNotConfirmed {
        /// The server's host.
        host: String,
    },
    /// The key belongs to another server than the connected one.
    KeyBoundElsewhere {
        /// The server the key was registered with.
        server: String,
    },
    /// Nothing answered at the address.
    Unreachable {
        /// The server's host.
        host: String,
    },
    /// The server did not answer in time.
    Timeout {
        /// The server's host.
        host: String,
    },
    /// The secure connection failed (untrusted, expired or mismatched certificate, or no TLS at all).
    Tls {
        /// The server's host.
        host: String,
        /// What was wrong, in plain words.
        reason: String,
    },
    /// The account token was refused.
    AccountTokenRejected {
        /// The server's host.
        host: String,
    },
    /// The server understood and refused (revoked key, unknown key, bad field, too many requests…).
    Refused {
        /// The server's own code (`key_revoked`, `unknown_key`, …).
        server_code: String,
        /// What the server said (quoted when its code is one the app doesn't word itself).
        message: String,
        /// When the key was revoked or expired, as the server said.
        on: Option<chrono::DateTime<chrono::Utc>>,
    },
    /// The token request goes beyond one of its key's limits (checked here
    /// first, and by the server).
    KeyLimit {
        /// Which limit, and what was asked.
        breach: toucan_keys_protocol::limits::LimitBreach,
    },
    /// The server answered with a redirect, which is never followed: it
    /// would carry the key or account token to another address.
    Redirected {
        /// The server's host.
        host: String,
        /// Where it pointed (as it said, shortened).
        location: String,
    },
    /// The answer was not what a Toucan embed server sends.
    BadResponse {
        /// The server's host.
        host: String,
        /// The HTTP status.
        status: u16,
    },
}

impl ServerError {
    /// A stable, machine-readable code.
    pub fn code(&self) -> crate::error_code::ErrorCode {
        use crate::error_code::ErrorCode;
        use toucan_keys_protocol::wire::codes;
        match self {
            Self::InvalidUrl | Self::NoScheme { .. } => ErrorCode::ServerUrlInvalid,
            Self::InsecureUrl => ErrorCode::ServerUrlInsecure,
            Self::InvalidAccountToken => ErrorCode::AccountTokenInvalid,
            Self::NotConnected => ErrorCode::WorkspaceNotConnected,
            Self::ConnectionNotConfirmed { .. } => ErrorCode::ConnectionNotConfirmed,
            Self::KeyBoundElsewhere { .. } => ErrorCode::KeyBoundElsewhere,
            Self::AccountTokenMissing { .. } => ErrorCode::AccountTokenMissing,
            Self::Unreachable { .. } => ErrorCode::ServerUnreachable,
            Self::Timeout { .. } => ErrorCode::ServerTimeout,
            Self::Tls { .. } => ErrorCode::ServerTlsFailed,
            Self::AccountTokenRejected { .. } => ErrorCode::AccountTokenRejected,
            Self::Refused { server_code, .. } => match server_code.as_str() {
                codes::KEY_REVOKED => ErrorCode::ServerKeyRevoked,
                codes::KEY_EXPIRED => ErrorCode::ServerKeyExpired,
                codes::UNKNOWN_KEY => ErrorCode::ServerKeyUnknown,
                codes::RATE_LIMITED => ErrorCode::ServerRateLimited,
                codes::INVALID_BODY => ErrorCode::ServerInvalidRequest,
                _ => ErrorCode::ServerRefused,
            },
            Self::KeyLimit { .. } => ErrorCode::KeyLimit,
            Self::Redirected { .. } => ErrorCode::ServerRedirected,
            Self::BadResponse { .. } => ErrorCode::ServerBadResponse,
        }
    }

    /// The form field this error is about, if it is about one.
    pub fn field(&self) -> Option<crate::error_code::ErrorField> {
        use crate::error_code::ErrorField;
        match self {
            // Nothing answered, too late or not securely: about the address too, so a
            // connect form shows it right under the address.
            Self::InvalidUrl
            | Self::NoScheme { .. }
            | Self::InsecureUrl
            | Self::Unreachable { .. }
            | Self::Timeout { .. }
            | Self::Tls { .. } => Some(ErrorField::ServerUrl),
            Self::InvalidAccountToken | Self::AccountTokenRejected { .. } => Some(ErrorField::AccountToken),
            _ => None,
        }
    }

    /// A refusal: the server's code, its own message, and the date it gave
    /// (when the key was revoked or expired). The app words it (see `i18n`).
    pub(crate) fn refused(server_code: &str, server_message: &str, on: Option<chrono::DateTime<chrono::Utc>>) -> Self {
        Self::Refused {
            server_code: server_code.to_owned(),
            message: server_message.to_owned(),
            on,
        }
    }
}

impl From<toucan_keys_protocol::InvalidAccountToken> for ServerError {
    fn from(_: toucan_keys_protocol::InvalidAccountToken) -> Self {
        Self::InvalidAccountToken
    }
}

impl From<toucan_keys_protocol::InvalidAccountToken> for crate::CoreError {
    fn from(error: toucan_keys_protocol::InvalidAccountToken) -> Self {
        ServerError::from(error).into()
    }
}
