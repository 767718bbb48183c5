//! Errors as JSON `{code, message}` with an HTTP status. Messages never echo
//! the key that was sent.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use toucan_keys_protocol::limits::LimitBreach;
use toucan_keys_protocol::wire::{ErrorBody, codes};

/// An error response.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    /// When the refused key was revoked or expired (unix seconds).
    at: Option<i64>,
    /// The key's limit a token request broke (boxed: errors stay small).
    breach: Option<Box<LimitBreach>>,
}

impl ApiError {
    /// The same error, saying when the refused key was revoked or expired
    /// (unix seconds), for clients to say in their own words.
    pub fn at(mut self, seconds: i64) -> Self {
        self.at = Some(seconds);
        self
    }

    /// 401: the API key or account token is missing, malformed, unknown, revoked or expired.
    pub fn unauthorized(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::UNAUTHORIZED,
            code,
            message: message.into(),
            at: None,
            breach: None,
        }
    }

    /// 400: the body is malformed; the message names the field.
    pub fn bad_request(field: &str, problem: &str) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            code: codes::INVALID_BODY,
            message: format!("{field}: {problem}"),
            at: None,
            breach: None,
        }
    }

    /// 403: the key may not be used for this.
    pub fn forbidden(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::FORBIDDEN,
            code,
            message: message.into(),
            at: None,
            breach: None,
        }
    }

    /// 403 `key_limit`: the token request goes beyond one of its key's
    /// limits; the message and the body's `breach` name it.
    pub fn key_limit(breach: LimitBreach) -> Self {
        Self {
            status: StatusCode::FORBIDDEN,
            code: codes::KEY_LIMIT,
            message: breach.english(),
            at: None,
            breach: Some(Box::new(breach)),
        }
    }

    /// 422: well-formed, but against the workspace's rules (its declared attributes).
    pub fn unprocessable(code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code,
            message: message.into(),
            at: None,
            breach: None,
        }
    }

    /// 404.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::NOT_FOUND,
            code: codes::NOT_FOUND,
            message: message.into(),
            at: None,
            breach: None,
        }
    }

    /// 409.
    pub fn conflict(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::CONFLICT,
            code: codes::CONFLICT,
            message: message.into(),
            at: None,
            breach: None,
        }
    }

    /// 413: the body is larger than axum's limit (2 MB).
    pub fn too_large() -> Self {
        Self {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            code: codes::INVALID_BODY,
            message: "body: is larger than 2 MB".into(),
            at: None,
            breach: None,
        }
    }

    /// 429: too many requests for this key.
    pub fn rate_limited() -> Self {
        Self {
            status: StatusCode::TOO_MANY_REQUESTS,
            code: codes::RATE_LIMITED,
            message: "Too many requests with this API key. Wait a minute and try again.".into(),
            at: None,
            breach: None,
        }
    }

    /// 408: the client took too long to send its request.
    pub fn request_timeout() -> Self {
        Self {
            status: StatusCode::REQUEST_TIMEOUT,
            code: codes::REQUEST_TIMEOUT,
            message: "The request took too long to arrive. Send it again.".into(),
            at: None,
            breach: None,
        }
    }

    /// 500: the database failed. The detail goes to the server's log
    /// (standard error), never to the client.
    pub fn internal(error: impl std::fmt::Display) -> Self {
        tracing::error!(%error, "internal error");
        Self {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: codes::INTERNAL,
            message: "The server couldn't complete the request. Try again; if it keeps failing, the server's operator can find the cause in its log.".into(),
            at: None,
            breach: None,
        }
    }

    /// The stable code.
    pub fn code(&self) -> &'static str {
        self.code
    }
}

impl From<crate::store::StoreError> for ApiError {
    fn from(error: crate::store::StoreError) -> Self {
        Self::internal(error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        tracing::warn!(status = self.status.as_u16(), code = self.code, "refused");
        let body = ErrorBody {
            code: self.code.to_owned(),
            message: self.message,
            at: self.at.and_then(|seconds| chrono::DateTime::from_timestamp(seconds, 0)),
            breach: self.breach.map(|breach| *breach),
        };
        (self.status, Json(body)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_internal_error_tells_the_client_nothing_of_the_database() {
        let error = ApiError::internal("disk I/O error at /srv/toucan/server.sqlite3");
        assert_eq!(error.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!error.message.contains("sqlite3") && !error.message.contains("disk I/O"));
    }
}
