//! Who is calling: an API key in `x-api-key` (embed endpoints), or the account
//! token as `Authorization: Bearer` (the account API).

use std::sync::Arc;

use axum::http::HeaderMap;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;
use toucan_keys_protocol::key_format;
use toucan_keys_protocol::wire::codes;

use crate::AppState;
use crate::error::ApiError;
use crate::store::KeyInfo;

/// The rate limiter's entry for every key this server doesn't know (key ids
/// start with `key_`, so none is named this).
const UNKNOWN_KEYS: &str = "unknown keys";

/// The registered key that sent this request, whatever its status. A
/// malformed key or a failed checksum is refused before the database is touched.
pub async fn identify(state: &AppState, headers: &HeaderMap) -> Result<Arc<KeyInfo>, ApiError> {
    let sent = headers
        .get("x-api-key")
        .ok_or_else(|| ApiError::unauthorized(codes::MISSING_KEY, "Send your API key in the x-api-key header."))?
        .to_str()
        .map_err(|_| ApiError::unauthorized(codes::INVALID_KEY, "The x-api-key header is not a Toucan API key."))?;
    let key = key_format::parse(sent).map_err(|error| ApiError::unauthorized(codes::INVALID_KEY, error.to_string()))?;
    let fingerprint = key.fingerprint();
    let unknown = || ApiError::unauthorized(codes::UNKNOWN_KEY, "This API key is not registered with this server.");
    let found = state.keys.find(&state.store, &fingerprint).await?;
    match found {
        Some(found) if bool::from(found.fingerprint.as_bytes().ct_eq(fingerprint.as_bytes())) => Ok(found),
        // Keys this server doesn't know share one budget: a well-formed key
        // (its checksum is public) is rate-limited like any other, and a flood
        // of made-up keys can't grow the limiter's table.
        _ if !state.limiter.allow(UNKNOWN_KEYS) => Err(ApiError::rate_limited()),
        _ => Err(unknown()),
    }
}

/// Refuses a revoked or expired key, saying which and when.
pub fn usable(key: &KeyInfo, now: i64) -> Result<(), ApiError> {
    if let Some(revoked_at) = key.revoked_at {
        return Err(ApiError::unauthorized(
            codes::KEY_REVOKED,
            format!("This API key was revoked on {}.", date(revoked_at)),
        )
        .at(revoked_at));
    }
    if let Some(expires_at) = key.expires_at.filter(|&at| at <= now) {
        return Err(ApiError::unauthorized(
            codes::KEY_EXPIRED,
            format!("This API key expired on {}.", date(expires_at)),
        )
        .at(expires_at));
    }
    Ok(())
}

/// Checks the account token against the stored hash, in constant time.
pub async fn account(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let refused = || {
        ApiError::unauthorized(
            codes::INVALID_ACCOUNT_TOKEN,
            "Send the account token as 'Authorization: Bearer <token>'.",
        )
    };
    let token = headers
        .get("authorization")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .ok_or_else(refused)?;
    let expected = state
        .store
        .setting(crate::ACCOUNT_TOKEN_HASH)
        .await?
        .ok_or_else(refused)?;
    let sent = Sha256::digest(token.trim().as_bytes());
    if bool::from(sent.as_slice().ct_eq(&expected)) {
        Ok(())
    } else {
        Err(refused())
    }
}

/// RFC 3339 date of unix seconds.
pub fn date(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|d| d.to_rfc3339())
        .unwrap_or_default()
}
