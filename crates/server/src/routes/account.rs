//! The account API: what the app calls with the account token to register,
//! change, list and revoke keys, and to declare row-level-security attributes.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use toucan_keys_protocol::key_identity;
use toucan_keys_protocol::limits::KeyLimits;
use toucan_keys_protocol::wire::{
    AttributeList, DeclaredAttribute, ErrorBody, KeyChange, KeyList, KeyRegistration, LeakReport, RegisteredKey,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::ApiError;
use crate::extract::{AccountToken, Body};
use crate::store::{KeyInfo, Leak};
use crate::{AppState, token_request};

pub(super) fn routes() -> OpenApiRouter<Arc<AppState>> {
    OpenApiRouter::new()
        .routes(routes!(register_key, list_keys))
        .routes(routes!(revoke_key, change_key))
        .routes(routes!(list_attributes, declare_attributes))
}

fn now() -> i64 {
    Utc::now().timestamp()
}

/// Registers a key by id, name, fingerprint and expiry (never the key).
#[utoipa::path(
    post,
    path = "/api/keys",
    request_body = KeyRegistration,
    security(("accountToken" = [])),
    responses(
        (status = 201, description = "Registered", body = RegisteredKey),
        (status = 400, description = "Malformed body; the message names the field", body = ErrorBody),
        (status = 401, description = "Missing or wrong account token", body = ErrorBody),
        (status = 409, description = "A key with this id or fingerprint is already registered", body = ErrorBody),
    )
)]
pub async fn register_key(
    State(state): State<Arc<AppState>>,
    _: AccountToken,
    Body(registration): Body<KeyRegistration>,
) -> Result<(StatusCode, Json<RegisteredKey>), ApiError> {
    if !key_identity::is_key_id(&registration.id) {
        return Err(ApiError::bad_request("id", "must be a key id (key_…)"));
    }
    let name = key_identity::checked_name(&registration.name)
        .map_err(|_| ApiError::bad_request("name", "must be 1 to 64 characters, with no control character"))?
        .to_owned();
    let fingerprint = key_identity::normalized_fingerprint(&registration.fingerprint)
        .ok_or_else(|| ApiError::bad_request("fingerprint", "must be the key's SHA-256, 64 hex digits"))?;
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
    let limits = checked_limits(&state, registration.limits).await?;
    let key = KeyInfo {
        id: registration.id,
        name,
        fingerprint,
        created_at: now(),
        expires_at,
        revoked_at: None,
        last_used_at: None,
        allowed_origins,
        limits,
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
    Ok((StatusCode::CREATED, Json(registered(&key))))
}

/// Brings a key's expiry forward (never later), replaces its allowed origins
/// and/or its limits. Every server on the database applies the change from
/// its next request.
#[utoipa::path(
    patch,
    path = "/api/keys/{id}",
    params(("id" = String, Path, description = "The key's id (key_…)")),
    request_body = KeyChange,
    security(("accountToken" = [])),
    responses(
        (status = 204, description = "Changed"),
        (status = 400, description = "Malformed body, or none of expiresAt, allowedOrigins and limits", body = ErrorBody),
        (status = 401, description = "Missing or wrong account token", body = ErrorBody),
        (status = 404, description = "No key with this id", body = ErrorBody),
    )
)]
pub async fn change_key(
    State(state): State<Arc<AppState>>,
    _: AccountToken,
    Path(id): Path<String>,
    Body(change): Body<KeyChange>,
) -> Result<StatusCode, ApiError> {
    if change.expires_at.is_none() && change.allowed_origins.is_none() && change.limits.is_none() {
        return Err(ApiError::bad_request(
            "body",
            "must name expiresAt, allowedOrigins, limits, or several of them",
        ));
    }
    let limits = match change.limits {
        Some(limits) => Some(checked_limits(&state, limits).await?),
        None => None,
    };
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
    if let Some(limits) = &limits {
        changed &= state.store.set_limits(&id, limits).await?;
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
    Ok(DateTime::parse_from_rfc3339(text)
        .map_err(|_| ApiError::bad_request(field, "must be an RFC 3339 date and time"))?
        .timestamp())
}

/// Every registered key, with when it was last used.
#[utoipa::path(
    get,
    path = "/api/keys",
    security(("accountToken" = [])),
    responses(
        (status = 200, description = "Every registered key", body = KeyList),
        (status = 401, description = "Missing or wrong account token", body = ErrorBody),
    )
)]
pub async fn list_keys(State(state): State<Arc<AppState>>, _: AccountToken) -> Result<Json<KeyList>, ApiError> {
    // This server's latest uses first, so "last used" is up to date here.
    state.uses.write(&state.store).await?;
    let mut leaks = state.store.first_leaks().await?;
    let keys = state
        .store
        .list_keys()
        .await?
        .iter()
        .map(|key| RegisteredKey {
            leak: leaks.remove(&key.id).map(leak_report),
            ..registered(key)
        })
        .collect();
    Ok(Json(KeyList { keys }))
}

/// Revokes a key, and with it every token it issued.
#[utoipa::path(
    delete,
    path = "/api/keys/{id}",
    params(("id" = String, Path, description = "The key's id (key_…)")),
    security(("accountToken" = [])),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, description = "Missing or wrong account token", body = ErrorBody),
        (status = 404, description = "No key with this id", body = ErrorBody),
    )
)]
pub async fn revoke_key(
    State(state): State<Arc<AppState>>,
    _: AccountToken,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
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
pub(super) fn timestamp(seconds: i64) -> DateTime<Utc> {
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
        limits: key.limits.clone(),
        leak: None,
    }
}

fn leak_report(leak: Leak) -> LeakReport {
    LeakReport {
        found_at: timestamp(leak.found_at),
        url: leak.url,
        source: leak.source,
    }
}

/// Limits as a registration or change sets them (see [`token_request::checked_limits`]).
async fn checked_limits(state: &AppState, limits: KeyLimits) -> Result<KeyLimits, ApiError> {
    if limits.is_full_access() {
        return Ok(limits);
    }
    let declared = state.keys.declared_attributes(&state.store).await?;
    token_request::checked_limits(limits, state.config.max_token_lifetime_seconds, &declared)
}

/// The declared row-level-security attributes.
#[utoipa::path(
    get,
    path = "/api/attributes",
    security(("accountToken" = [])),
    responses(
        (status = 200, description = "The declared attributes, by name", body = AttributeList),
        (status = 401, description = "Missing or wrong account token", body = ErrorBody),
    )
)]
pub async fn list_attributes(
    State(state): State<Arc<AppState>>,
    _: AccountToken,
) -> Result<Json<AttributeList>, ApiError> {
    let declared = state.keys.declared_attributes(&state.store).await?;
    let mut attributes: Vec<DeclaredAttribute> = declared
        .iter()
        .map(|(name, kind)| DeclaredAttribute {
            name: name.clone(),
            kind: *kind,
        })
        .collect();
    attributes.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(Json(AttributeList { attributes }))
}

/// Replaces the declared attributes. From then on a token request may carry
/// only these, each of its type.
#[utoipa::path(
    put,
    path = "/api/attributes",
    request_body = AttributeList,
    security(("accountToken" = [])),
    responses(
        (status = 200, description = "The attributes now declared", body = AttributeList),
        (status = 400, description = "Malformed list; the message names the attribute", body = ErrorBody),
        (status = 401, description = "Missing or wrong account token", body = ErrorBody),
    )
)]
pub async fn declare_attributes(
    State(state): State<Arc<AppState>>,
    _: AccountToken,
    Body(list): Body<AttributeList>,
) -> Result<Json<AttributeList>, ApiError> {
    let attributes = token_request::checked_declarations(&list.attributes)?;
    state.store.set_attributes(&attributes).await?;
    state.keys.invalidate();
    Ok(Json(list))
}
