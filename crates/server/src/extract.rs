//! What a handler needs from a request, checked before it runs: who is
//! calling (an API key, or the account token) and its body, typed. Each one
//! refuses with the server's `{code, message}` error, in the order the
//! checks have always run: caller first, then its budget, then the body.

use std::sync::Arc;

use std::net::{IpAddr, SocketAddr};

use axum::body::Bytes;
use axum::extract::ConnectInfo;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use ipnet::IpNet;
use serde::de::DeserializeOwned;
use toucan_keys_protocol::wire::{AttributeList, IntrospectionRequest, KeyChange, KeyRegistration, codes};

use crate::error::ApiError;
use crate::secret_scanning::{self, LeakMatch, Refusal};
use crate::store::KeyInfo;
use crate::token_request::{self, CheckedTokenRequest};
use crate::{AppState, auth};

/// The registered key in `x-api-key`, whatever its status, within its
/// request budget. For endpoints that answer about a revoked key too.
pub struct ApiKey(pub Arc<KeyInfo>);

impl FromRequestParts<Arc<AppState>> for ApiKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<AppState>) -> Result<Self, ApiError> {
        let key = auth::identify(state, &parts.headers).await?;
        // Each request costs a signature or a check: the same per-key budget.
        if !state.limiter.allow_at_most(&key.id, key.limits.requests_per_minute) {
            return Err(ApiError::rate_limited());
        }
        Ok(Self(key))
    }
}

/// The registered key in `x-api-key`, neither revoked nor expired, within its
/// request budget: a key that may ask for a token now.
pub struct UsableKey(pub Arc<KeyInfo>);

impl FromRequestParts<Arc<AppState>> for UsableKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<AppState>) -> Result<Self, ApiError> {
        let key = auth::identify(state, &parts.headers).await?;
        auth::usable(&key, chrono::Utc::now().timestamp())?;
        if !state.limiter.allow_at_most(&key.id, key.limits.requests_per_minute) {
            return Err(ApiError::rate_limited());
        }
        Ok(Self(key))
    }
}

/// A request made with the account token (`Authorization: Bearer tka_…`).
pub struct AccountToken;

impl FromRequestParts<Arc<AppState>> for AccountToken {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<AppState>) -> Result<Self, ApiError> {
        auth::account(state, &parts.headers).await.map(|()| Self)
    }
}

/// The page's web origin, from the HTTP `Origin` header a browser sends.
pub struct OriginHeader(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for OriginHeader {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let origin = parts
            .headers
            .get(axum::http::header::ORIGIN)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        Ok(Self(origin))
    }
}

/// The client's IP address: the connection's peer, or, when the peer is one
/// of the `--trusted-proxy` networks, the nearest address in
/// `X-Forwarded-For` that isn't a trusted proxy. `None` when it can't be
/// told (a proxy sent something that isn't an address).
pub struct ClientAddress(pub Option<IpAddr>);

impl FromRequestParts<Arc<AppState>> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<AppState>) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(address)| address.ip());
        // No trusted proxy (the usual case): the peer is the client, and the
        // headers aren't read at all.
        if state.config.trusted_proxies.is_empty() {
            return Ok(Self(peer.map(toucan_keys_protocol::limits::canonical)));
        }
        let forwarded: Vec<&str> = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .collect();
        Ok(Self(client_address(peer, &forwarded, &state.config.trusted_proxies)))
    }
}

/// See [`ClientAddress`]: `forwarded` holds the `X-Forwarded-For` headers in
/// order; each proxy appends the address it received the request from.
pub fn client_address(peer: Option<IpAddr>, forwarded: &[&str], trusted: &[IpNet]) -> Option<IpAddr> {
    use toucan_keys_protocol::limits::canonical;
    let is_trusted = |address: &IpAddr| trusted.iter().any(|net| net.contains(address));
    let mut address = canonical(peer?);
    let mut hops = forwarded.iter().flat_map(|header| header.split(',')).rev();
    while is_trusted(&address) {
        let Some(hop) = hops.next() else { break };
        address = canonical(hop.trim().parse().ok()?);
    }
    Some(address)
}

/// A JSON body of type `T`. A body that isn't one is refused with 400 and
/// what `T` must look like ([`Described`]).
pub struct Body<T>(pub T);

/// What a body type says when a request's body isn't one.
pub trait Described {
    /// The field the 400 names, and its problem, for this parse error.
    fn refusal(error: &serde_json::Error) -> ApiError;
}

impl Described for KeyRegistration {
    fn refusal(error: &serde_json::Error) -> ApiError {
        ApiError::bad_request(
            "body",
            &format!("must be {{id, name, fingerprint, expiresAt}}: {error}"),
        )
    }
}

impl Described for KeyChange {
    fn refusal(error: &serde_json::Error) -> ApiError {
        ApiError::bad_request(
            "body",
            &format!("must be {{expiresAt, allowedOrigins, limits}}: {error}"),
        )
    }
}

impl Described for IntrospectionRequest {
    fn refusal(_: &serde_json::Error) -> ApiError {
        ApiError::bad_request("token", "is required (a string)")
    }
}

impl Described for AttributeList {
    fn refusal(error: &serde_json::Error) -> ApiError {
        ApiError::bad_request(
            "attributes",
            &format!("must be a list of {{name, type}} with type string, integer, number, boolean or date: {error}"),
        )
    }
}

impl<T: DeserializeOwned + Described> FromRequest<Arc<AppState>> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &Arc<AppState>) -> Result<Self, ApiError> {
        let bytes = read_body(request, state).await?;
        serde_json::from_slice(&bytes)
            .map(Self)
            .map_err(|error| T::refusal(&error))
    }
}

/// The body of `POST /embed/generate-token`, checked field by field against
/// this server's limits (see [`token_request::parse`]).
pub struct TokenRequest(pub CheckedTokenRequest);

impl FromRequest<Arc<AppState>> for TokenRequest {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &Arc<AppState>) -> Result<Self, ApiError> {
        let bytes = read_body(request, state).await?;
        token_request::parse(&bytes, state.config.max_token_lifetime_seconds).map(Self)
    }
}

/// A secret-scanning report (GitHub's partner program), its signature
/// checked against the raw body before anything in it is read.
pub struct SignedReport(pub Vec<LeakMatch>);

/// More matches than this in one report is refused (GitHub sends a few).
pub const MAX_MATCHES_PER_REPORT: usize = 1000;

impl FromRequest<Arc<AppState>> for SignedReport {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &Arc<AppState>) -> Result<Self, ApiError> {
        let Some(scanning) = &state.config.secret_scanning else {
            return Err(ApiError::not_found(
                "This server doesn't take secret-scanning reports; start it with --secret-scanning-keys.",
            ));
        };
        let identifier = header_text(request.headers(), secret_scanning::KEY_IDENTIFIER_HEADER);
        let signature = header_text(request.headers(), secret_scanning::SIGNATURE_HEADER);
        let bytes = read_body(request, state).await?;
        match secret_scanning::verify(
            &scanning.public_keys,
            identifier.as_deref(),
            signature.as_deref(),
            &bytes,
        ) {
            Ok(()) => {}
            Err(refusal @ Refusal::KeysUnreadable { .. }) => return Err(ApiError::internal(refusal)),
            Err(refusal) => {
                tracing::warn!(%refusal, "a secret-scanning report was refused");
                return Err(ApiError::unauthorized(
                    codes::BAD_SIGNATURE,
                    format!("The report's signature can't be checked: {refusal}."),
                ));
            }
        }
        let matches: Vec<LeakMatch> = serde_json::from_slice(&bytes).map_err(|error| {
            ApiError::bad_request(
                "body",
                &format!("must be a list of {{token, type, url, source}}: {error}"),
            )
        })?;
        if matches.len() > MAX_MATCHES_PER_REPORT {
            return Err(ApiError::bad_request(
                "body",
                &format!("must hold at most {MAX_MATCHES_PER_REPORT} matches"),
            ));
        }
        Ok(Self(matches))
    }
}

fn header_text(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

async fn read_body(request: Request, state: &Arc<AppState>) -> Result<Bytes, ApiError> {
    Bytes::from_request(request, state)
        .await
        .map_err(|rejection| match rejection.status() {
            axum::http::StatusCode::PAYLOAD_TOO_LARGE => ApiError::too_large(),
            _ => ApiError::bad_request("body", "can't be read"),
        })
}

#[cfg(test)]
mod tests {
    use super::client_address;

    #[test]
    fn the_client_is_the_nearest_hop_that_is_not_a_trusted_proxy() {
        let trusted = ["10.0.0.0/8".parse().unwrap()];
        let peer = |text: &str| Some(text.parse().unwrap());
        // Not from a proxy: the peer, whatever the header says.
        assert_eq!(
            client_address(peer("198.51.100.9"), &["203.0.113.5"], &trusted),
            peer("198.51.100.9")
        );
        // Through two proxies: the first address neither of them is.
        assert_eq!(
            client_address(peer("10.0.0.1"), &["6.6.6.6, 203.0.113.5", "10.0.0.2"], &trusted),
            peer("203.0.113.5")
        );
        // A dual-stack socket's IPv4-mapped peer counts as IPv4.
        assert_eq!(
            client_address(peer("::ffff:10.0.0.1"), &["203.0.113.5"], &trusted),
            peer("203.0.113.5")
        );
        // A hop that isn't an address: the client can't be told.
        assert_eq!(client_address(peer("10.0.0.1"), &["garbage"], &trusted), None);
        assert_eq!(client_address(None, &[], &trusted), None);
    }
}
