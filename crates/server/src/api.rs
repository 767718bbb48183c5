//! The HTTP endpoints.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};
use toucan_keys_protocol::wire::{
    AttributeList, DeclaredAttribute, IntrospectionRequest, IssuedToken, KeyChange, KeyList, KeyRegistration,
    RegisteredKey,
};

use crate::error::ApiError;
use crate::store::KeyInfo;
use crate::{AppState, auth, token_request};

type Reply = Result<Json<Value>, ApiError>;

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// The claims of a session token.
#[derive(serde::Serialize)]
struct Claims<'a> {
    iss: &'static str,
    aud: &'static str,
    sub: &'a str,
    iat: i64,
    exp: i64,
    jti: &'a str,
    /// The key that asked for it.
    azp: &'a str,
    role: &'a str,
    permissions: &'a Map<String, Value>,
    attributes: &'a Map<String, Value>,
    /// The web origins it may be used from, when the key names some.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    origins: &'a [String],
}

/// `POST /embed/generate-token`: a signed session token for one end user.
pub async fn generate_token(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<IssuedToken>, ApiError> {
    let now = now();
    let key = auth::identify(&state, &headers).await?;
    auth::usable(&key, now)?;
    if !state.limiter.allow(&key.id) {
        return Err(ApiError::rate_limited());
    }
    let request = token_request::parse(&body, state.config.max_token_lifetime_seconds)?;
    token_request::check_origin(&key.allowed_origins, request.origin.as_deref(), origin_header(&headers))?;
    let declared = state.keys.declared_attributes(&state.store).await?;
    token_request::check_attributes(&declared, &request.attributes)?;
    let jti = state.token_ids.next();
    let expires_at = now + request.lifetime_seconds;
    let claims = Claims {
        iss: crate::ISSUER,
        aud: crate::AUDIENCE,
        sub: &request.distinct_id,
        iat: now,
        exp: expires_at,
        jti: &jti,
        azp: &key.id,
        role: &request.role,
        permissions: &request.permissions,
        attributes: &request.attributes,
        origins: &key.allowed_origins,
    };
    let token = state.signer.issue(&claims);
    state.uses.record(&key.id, now);
    Ok(Json(IssuedToken {
        token,
        expires_at: timestamp(expires_at),
    }))
}

/// `POST /embed/introspect`: whether a token this key issued is active, and its claims.
pub async fn introspect(State(state): State<Arc<AppState>>, headers: HeaderMap, body: Bytes) -> Reply {
    let now = now();
    let key = auth::identify(&state, &headers).await?;
    // The same per-key budget as token requests: each check costs a signature verification.
    if !state.limiter.allow(&key.id) {
        return Err(ApiError::rate_limited());
    }
    let request: IntrospectionRequest =
        serde_json::from_slice(&body).map_err(|_| ApiError::bad_request("token", "is required (a string)"))?;
    let inactive = Ok(Json(json!({ "active": false })));
    let Ok(claims) = state.signer.read(&request.token) else {
        return inactive;
    };
    // The signed `azp` names the issuing key: a key only sees its own tokens,
    // and a revoked or expired issuer ends them all.
    if claims["azp"].as_str() != Some(key.id.as_str()) {
        return inactive;
    }
    let expired = claims["exp"].as_i64().is_none_or(|exp| exp <= now);
    if expired || auth::usable(&key, now).is_err() {
        return inactive;
    }
    // A token limited to some origins works only on a page of one of them:
    // the page's origin comes in the request's `origin` field or its `Origin`
    // header, and each one given must be allowed.
    if let Some(origins) = claims["origins"].as_array().filter(|origins| !origins.is_empty()) {
        let allowed: Vec<String> = origins.iter().filter_map(|o| o.as_str().map(str::to_owned)).collect();
        let page = [request.origin.as_deref(), origin_header(&headers)];
        let given: Vec<&str> = page.into_iter().flatten().collect();
        if given.is_empty()
            || !given
                .iter()
                .all(|origin| token_request::origin_allowed(&allowed, origin))
        {
            return inactive;
        }
    }
    Ok(Json(json!({ "active": true, "claims": claims })))
}

/// The request's HTTP `Origin` header, when a browser sent one.
fn origin_header(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(axum::http::header::ORIGIN)
        .and_then(|value| value.to_str().ok())
}

/// `GET /healthz`: the process is up and answering.
pub async fn healthz() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// `GET /readyz`: the database answers, so requests can be served.
pub async fn readyz(State(state): State<Arc<AppState>>) -> (StatusCode, Json<Value>) {
    let database = state.store.kind();
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, Json(json!({ "status": "ready", "database": database }))),
        Err(error) => {
            tracing::error!(%error, "readiness check: the database doesn't answer");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable", "database": database })),
            )
        }
    }
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
    auth::account(&state, &headers).await?;
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
    let expires_at = registration
        .expires_at
        .as_deref()
        .map(|text| unix_time(text, "expiresAt"))
        .transpose()?;
    let retires = registration
        .retires
        .as_ref()
        .map(|old| Ok::<_, ApiError>((old.id.as_str(), unix_time(&old.at, "retires.at")?)))
        .transpose()?;
    let allowed_origins = token_request::checked_origins(&registration.allowed_origins)?;
    let key = KeyInfo {
        id: registration.id,
        name: registration.name.trim().to_owned(),
        fingerprint,
        created_at: now(),
        expires_at,
        revoked_at: None,
        last_used_at: None,
        allowed_origins,
    };
    if !state.store.register_key(&key).await? {
        return Err(ApiError::conflict(
            "A key with this id or fingerprint is already registered.",
        ));
    }
    // A roll: the key it replaces works until the end of the overlap. An old
    // key this server never knew has nothing to shorten.
    if let Some((old_id, at)) = retires {
        state.store.shorten_expiry(old_id, at).await?;
        state.keys.invalidate();
    }
    Ok((StatusCode::CREATED, Json(json!(registered(&key)))))
}

/// `PATCH /api/keys/{id}`: brings a key's expiry forward (never later),
/// and/or replaces its allowed origins. Every server on the database applies
/// the change from its next request.
pub async fn change_key(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<StatusCode, ApiError> {
    auth::account(&state, &headers).await?;
    let change: KeyChange = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request("body", &format!("must be {{expiresAt, allowedOrigins}}: {e}")))?;
    if change.expires_at.is_none() && change.allowed_origins.is_none() {
        return Err(ApiError::bad_request(
            "body",
            "must name expiresAt, allowedOrigins or both",
        ));
    }
    let at = change
        .expires_at
        .as_deref()
        .map(|at| unix_time(at, "expiresAt"))
        .transpose()?;
    let origins = change
        .allowed_origins
        .as_deref()
        .map(token_request::checked_origins)
        .transpose()?;
    let mut changed = true;
    if let Some(at) = at {
        changed &= state.store.shorten_expiry(&id, at).await?;
    }
    if let Some(origins) = &origins {
        changed &= state.store.set_origins(&id, origins).await?;
    }
    // Before the reply: the next request with this key reads the change.
    state.keys.invalidate();
    if changed {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found("No key with this id."))
    }
}

/// An RFC 3339 date and time from the body's `field`, as Unix seconds.
fn unix_time(text: &str, field: &str) -> Result<i64, ApiError> {
    Ok(chrono::DateTime::parse_from_rfc3339(text)
        .map_err(|_| ApiError::bad_request(field, "must be an RFC 3339 date and time"))?
        .timestamp())
}

/// `GET /api/keys`: every registered key, with when it was last used.
pub async fn list_keys(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Reply {
    auth::account(&state, &headers).await?;
    // This server's latest uses first, so "last used" is up to date here.
    state.uses.write(&state.store).await?;
    let keys = state.store.list_keys().await?.iter().map(registered).collect();
    Ok(Json(json!(KeyList { keys })))
}

/// `DELETE /api/keys/{id}`: revokes a key, and with it every token it issued.
pub async fn revoke_key(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    auth::account(&state, &headers).await?;
    let revoked = state.store.revoke_key(&id, now()).await?;
    // Before the reply: the next request with this key reads its new state.
    state.keys.invalidate();
    if revoked {
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
        allowed_origins: key.allowed_origins.clone(),
    }
}

/// `GET /api/attributes`: the declared row-level-security attributes.
pub async fn list_attributes(State(state): State<Arc<AppState>>, headers: HeaderMap) -> Reply {
    auth::account(&state, &headers).await?;
    let declared = state.keys.declared_attributes(&state.store).await?;
    let mut attributes: Vec<DeclaredAttribute> = declared
        .iter()
        .map(|(name, kind)| DeclaredAttribute {
            name: name.clone(),
            kind: *kind,
        })
        .collect();
    attributes.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(Json(json!(AttributeList { attributes })))
}

/// `PUT /api/attributes`: replaces the declared attributes. From then on a
/// token request may carry only these, each of its type.
pub async fn declare_attributes(State(state): State<Arc<AppState>>, headers: HeaderMap, body: Bytes) -> Reply {
    auth::account(&state, &headers).await?;
    let list: AttributeList = serde_json::from_slice(&body).map_err(|e| {
        ApiError::bad_request(
            "attributes",
            &format!("must be a list of {{name, type}} with type string, integer, number, boolean or date: {e}"),
        )
    })?;
    let attributes = token_request::checked_declarations(&list.attributes)?;
    state.store.set_attributes(&attributes).await?;
    state.keys.invalidate();
    Ok(Json(json!(list)))
}
