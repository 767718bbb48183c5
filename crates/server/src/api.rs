//! The HTTP endpoints.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use toucan_keys_protocol::wire::{IntrospectionRequest, IssuedToken, KeyList, KeyRegistration, RegisteredKey};

use crate::error::ApiError;
use crate::store::KeyInfo;
use crate::{AppState, auth, token_request};

type Reply = Result<Json<Value>, ApiError>;

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// `POST /embed/generate-token`: a signed session token for one end user.
pub async fn generate_token(State(state): State<Arc<AppState>>, headers: HeaderMap, body: Bytes) -> Reply {
    let now = now();
    let key = auth::identify(&state, &headers)?;
    auth::usable(&key, now)?;
    if !state.limiter.allow(&key.id) {
        return Err(ApiError::rate_limited());
    }
    let request = token_request::parse(&body)?;
    let jti = toucan_keys_protocol::key_format::random_base62(22);
    let expires_at = now + request.lifetime_seconds;
    let claims = json!({
        "iss": crate::ISSUER,
        "aud": crate::AUDIENCE,
        "sub": request.distinct_id,
        "iat": now,
        "exp": expires_at,
        "jti": jti,
        "azp": key.id,
        "role": request.role,
        "permissions": request.permissions,
        "attributes": request.attributes,
    });
    let token = state.signer.sign(&claims);
    state.store.record_token(&jti, &key.id, now, expires_at)?;
    let issued = IssuedToken {
        token,
        expires_at: timestamp(expires_at),
    };
    Ok(Json(json!(issued)))
}

/// `POST /embed/introspect`: whether a token this key issued is active, and its claims.
pub async fn introspect(State(state): State<Arc<AppState>>, headers: HeaderMap, body: Bytes) -> Reply {
    let now = now();
    let key = auth::identify(&state, &headers)?;
    // The same per-key budget as token requests: each check costs a signature
    // verification and a database read.
    if !state.limiter.allow(&key.id) {
        return Err(ApiError::rate_limited());
    }
    let request: IntrospectionRequest =
        serde_json::from_slice(&body).map_err(|_| ApiError::bad_request("token", "is required (a string)"))?;
    let inactive = Ok(Json(json!({ "active": false })));
    let Ok(claims) = state.signer.verify(&request.token) else {
        return inactive;
    };
    let Some(jti) = claims["jti"].as_str() else {
        return inactive;
    };
    // A key only sees its own tokens; a revoked or expired issuer ends them all.
    match state.store.token_issuer(jti)? {
        Some(issuer) if issuer == key.id => {}
        _ => return inactive,
    }
    let expired = claims["exp"].as_i64().is_none_or(|exp| exp <= now);
    if expired || auth::usable(&key, now).is_err() {
        return inactive;
    }
    Ok(Json(json!({ "active": true, "claims": claims })))
}

/// `GET /.well-known/jwks.json`: the public key that verifies tokens.
pub async fn jwks(State(state): State<Arc<AppState>>) -> Json<Value> {
    Json(state.signer.jwks())
}

/// `GET /openapi.json`.
pub async fn openapi() -> ([(&'static str, &'static str); 1], &'static str) {
    ([("content-type", "application/json")], include_str!("openapi.json"))
}

/// `POST /api/keys`: registers a key by id, name, fingerprint and expiry.
pub async fn register_key(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    auth::account(&state, &headers)?;
    let registration: KeyRegistration = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request("body", &format!("must be {{id, name, fingerprint, expiresAt}}: {e}")))?;
    if !registration.id.starts_with("key_") || registration.id.len() > 64 {
        return Err(ApiError::bad_request("id", "must be a key id (key_…)"));
    }
    if registration.name.trim().is_empty() || registration.name.chars().count() > 64 {
        return Err(ApiError::bad_request("name", "must be 1 to 64 characters"));
    }
    let fingerprint = registration.fingerprint.to_ascii_lowercase();
    if fingerprint.len() != 64 || !fingerprint.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ApiError::bad_request(
            "fingerprint",
            "must be the key's SHA-256, 64 hex digits",
        ));
    }
    let expires_at = match registration.expires_at.as_deref() {
        None => None,
        Some(text) => Some(
            chrono::DateTime::parse_from_rfc3339(text)
                .map_err(|_| ApiError::bad_request("expiresAt", "must be an RFC 3339 date and time"))?
                .timestamp(),
        ),
    };
    let key = KeyInfo {
        id: registration.id,
        name: registration.name.trim().to_owned(),
        fingerprint,
        created_at: now(),
        expires_at,
        revoked_at: None,
        last_used_at: None,
    };
    if !state.store.register_key(&key)? {
        return Err(ApiError::conflict(
            "A key with this id or fingerprint is already registered.",
        ));
    }
    Ok((StatusCode::CREATED, Json(json!(registered(&key)))))
}

/// `GET /api/keys`: every registered key, with when it was last used.
pub async fn list_keys(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Reply {
    auth::account(&state, &headers)?;
    let keys = state.store.list_keys()?.iter().map(registered).collect();
    Ok(Json(json!(KeyList { keys })))
}

/// `DELETE /api/keys/{id}`: revokes a key, and with it every token it issued.
pub async fn revoke_key(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    auth::account(&state, &headers)?;
    if state.store.revoke_key(&id, now())? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found("No key with this id."))
    }
}

/// A Unix time as the wire carries it.
fn timestamp(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

fn registered(key: &KeyInfo) -> RegisteredKey {
    RegisteredKey {
        id: key.id.clone(),
        name: key.name.clone(),
        fingerprint: key.fingerprint.clone(),
        created_at: timestamp(key.created_at),
        expires_at: key.expires_at.map(timestamp),
        revoked_at: key.revoked_at.map(timestamp),
        last_used_at: key.last_used_at.map(timestamp),
    }
}
