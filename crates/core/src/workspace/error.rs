//! What can go wrong talking to the workspace server, in words a person can
//! act on. Network and TLS failures are told apart from refusals.

/// A failure reaching or using the workspace server.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServerError {
    /// The address is not a web address.
    #[error("This isn't a server address. Enter one like https://embed.example.com.")]
    InvalidUrl,
    /// The address is plain HTTP to another computer.
    #[error(
        "Use an address that starts with https://. Plain http:// is only allowed for a server on this computer (localhost)."
    )]
    InsecureUrl,
    /// The pasted account token is malformed.
    #[error(
        "That doesn't look like an account token. It starts with tka_ and is printed once when the server first starts; copy it again, whole."
    )]
    InvalidAccountToken,
    /// No workspace server is set up.
    #[error("Toucan Keys isn't connected to a workspace server. Connect one in the Workspace section first.")]
    NotConnected,
    /// The workspace is set up but its account token is gone from the keychain.
    #[error("The account token for {host} is no longer in your keychain. Connect to the workspace again.")]
    AccountTokenMissing {
        /// The server's host.
        host: String,
    },
    /// The person didn't confirm the connection in the app's own dialog.
    #[error(
        "The connection to {host} wasn't confirmed, so nothing changed. Your keys are only sent to a server you confirm."
    )]
    ConnectionNotConfirmed {
        /// The server's host.
        host: String,
    },
    /// The key belongs to another server than the connected one.
    #[error(
        "This key was registered with {server}, so Toucan Keys sends it only there. Connect to {server} to use it, or create a new key for this server."
    )]
    KeyBoundElsewhere {
        /// The server the key was registered with.
        server: String,
    },
    /// Nothing answered at the address.
    #[error(
        "Can't reach the server at {host}. Check your internet connection and the server address, then try again. Your keys on this computer keep working."
    )]
    Unreachable {
        /// The server's host.
        host: String,
    },
    /// The server did not answer in time.
    #[error("The server at {host} took too long to answer. Try again in a moment.")]
    Timeout {
        /// The server's host.
        host: String,
    },
    /// The secure connection failed (untrusted, expired or mismatched certificate, or no TLS at all).
    #[error(
        "The secure connection to {host} failed: {reason}. Check the address; if it is right, ask whoever runs the server to fix its certificate. Nothing was sent."
    )]
    Tls {
        /// The server's host.
        host: String,
        /// What was wrong, in plain words.
        reason: String,
    },
    /// The account token was refused.
    #[error(
        "The server at {host} didn't accept the account token. Copy the token again from the server and connect again."
    )]
    AccountTokenRejected {
        /// The server's host.
        host: String,
    },
    /// The server understood and refused (revoked key, unknown key, bad field, too many requests…).
    #[error("{message}")]
    Refused {
        /// The server's own code (`key_revoked`, `unknown_key`, …).
        server_code: String,
        /// What to tell the person.
        message: String,
        /// When the key was revoked or expired, as the server said.
        on: Option<chrono::DateTime<chrono::Utc>>,
    },
    /// The server answered with a redirect, which is never followed: it
    /// would carry the key or account token to another address.
    #[error(
        "The server at {host} answered with a redirect to {location}. Toucan Keys doesn't follow redirects, so nothing was sent there. If the server has moved, connect to its new address."
    )]
    Redirected {
        /// The server's host.
        host: String,
        /// Where it pointed (as it said, shortened).
        location: String,
    },
    /// The answer was not what a Toucan embed server sends.
    #[error(
        "The server at {host} sent an answer Toucan Keys doesn't understand (HTTP {status}). Check that the address points to a Toucan embed server."
    )]
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
            Self::InvalidUrl => ErrorCode::ServerUrlInvalid,
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
            Self::Redirected { .. } => ErrorCode::ServerRedirected,
            Self::BadResponse { .. } => ErrorCode::ServerBadResponse,
        }
    }

    /// The form field this error is about, if it is about one.
    pub fn field(&self) -> Option<crate::error_code::ErrorField> {
        use crate::error_code::ErrorField;
        match self {
            Self::InvalidUrl | Self::InsecureUrl => Some(ErrorField::ServerUrl),
            Self::InvalidAccountToken | Self::AccountTokenRejected { .. } => Some(ErrorField::AccountToken),
            _ => None,
        }
    }

    /// A refusal, in the app's words where the server's code is one it knows
    /// (with the date the server gave, `on`, as people write it), else with
    /// advice added to the server's own message.
    pub(crate) fn refused(server_code: &str, server_message: &str, on: Option<chrono::DateTime<chrono::Utc>>) -> Self {
        use toucan_keys_protocol::wire::codes;
        let date = on.map(|on| crate::i18n::long_date_in(crate::settings::WindowLanguage::English, on));
        let message = match (server_code, date) {
            (codes::KEY_REVOKED, Some(date)) => {
                format!("The server refuses this API key: it was revoked on {date}. Create a new key to keep generating tokens.")
            }
            (codes::KEY_EXPIRED, Some(date)) => {
                format!("The server refuses this API key: it expired on {date}. Roll it to get a key that works.")
            }
            (codes::KEY_REVOKED | codes::KEY_EXPIRED, None) => {
                format!("{server_message} Create a new key to keep generating tokens.")
            }
            (codes::UNKNOWN_KEY, _) => "The server doesn't know this key yet. Connect the workspace again so Toucan Keys can register it, then try again.".to_owned(),
            (codes::RATE_LIMITED, _) => server_message.to_owned(),
            _ => format!("The server refused the request: {server_message}"),
        };
        Self::Refused {
            server_code: server_code.to_owned(),
            message,
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
