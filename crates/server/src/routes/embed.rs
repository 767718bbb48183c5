//! The embed API: what a customer's backend calls with an API key
//! (`x-api-key`) to get a session token for one end user, and to check one.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use std::collections::BTreeMap;

use serde_json::{Map, Value, json};
use toucan_keys_protocol::vocabulary::{Level, Resource, Role};
use toucan_keys_protocol::wire::{ErrorBody, Introspection, IntrospectionRequest, IssuedToken, TokenRequestBody};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::ApiError;
use crate::extract::{ApiKey, Body, ClientAddress, OriginHeader, TokenRequest, UsableKey};
use crate::{AppState, auth, token_request};

pub(super) fn routes() -> OpenApiRouter<Arc<AppState>> {
    OpenApiRouter::new()
        .routes(routes!(generate_token))
        .routes(routes!(introspect))
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
    role: Role,
    permissions: &'a BTreeMap<Resource, Vec<Level>>,
    attributes: &'a Map<String, Value>,
    /// The web origins it may be used from, when the key names some.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    origins: &'a [String],
}

/// A signed session token for one end user.
#[utoipa::path(
    post,
    path = "/embed/generate-token",
    request_body = TokenRequestBody,
    security(("apiKey" = [])),
    responses(
        (status = 200, description = "A signed session token", body = IssuedToken),
        (status = 400, description = "Malformed body; the message names the field", body = ErrorBody),
        (status = 401, description = "Missing, malformed, unknown, revoked or expired API key", body = ErrorBody),
        (status = 403, description = "The key names web origins and the request's origin isn't one of them (origin_not_allowed), or the request goes beyond one of the key's limits (key_limit: role, permission, fixed attribute, lifetime, network or first day; `breach` says which)", body = ErrorBody),
        (status = 422, description = "An attribute the workspace doesn't declare, or of another type", body = ErrorBody),
        (status = 429, description = "Too many requests with this key", body = ErrorBody),
    )
)]
pub async fn generate_token(
    State(state): State<Arc<AppState>>,
    UsableKey(key): UsableKey,
    ClientAddress(address): ClientAddress,
    OriginHeader(origin_header): OriginHeader,
    TokenRequest(request): TokenRequest,
) -> Result<Json<IssuedToken>, ApiError> {
    let now_utc = chrono::Utc::now();
    let now = now_utc.timestamp();
    key.limits.admit(address, now_utc).map_err(ApiError::key_limit)?;
    token_request::check_origin(
        &key.allowed_origins,
        request.origin.as_deref(),
        origin_header.as_deref(),
    )?;
    // The key's limits: fixed attributes written in, anything beyond refused.
    let ask = key.limits.apply(request.ask).map_err(ApiError::key_limit)?;
    let declared = state.keys.declared_attributes(&state.store).await?;
    token_request::check_attributes(&declared, &ask.attributes)?;
    let jti = state.token_ids.next();
    let expires_at = now + token_request::lifetime_of(&ask, state.config.max_token_lifetime_seconds);
    let claims = Claims {
        iss: crate::ISSUER,
        aud: crate::AUDIENCE,
        sub: &request.distinct_id,
        iat: now,
        exp: expires_at,
        jti: &jti,
        azp: &key.id,
        role: ask.role,
        permissions: &ask.permissions,
        attributes: &ask.attributes,
        origins: &key.allowed_origins,
    };
    let token = state.signer.issue(&claims);
    state.uses.record(&key.id, now);
    Ok(Json(IssuedToken {
        token,
        expires_at: super::account::timestamp(expires_at),
    }))
}

/// Whether a token this key issued is active, and its claims when it is.
#[utoipa::path(
    post,
    path = "/embed/introspect",
    request_body = IntrospectionRequest,
    security(("apiKey" = [])),
    responses(
        (status = 200, description = "active, and the claims when active", body = Introspection),
        (status = 400, description = "Malformed body: token is required (a string)", body = ErrorBody),
        (status = 401, description = "Missing, malformed or unknown API key", body = ErrorBody),
        (status = 429, description = "Too many requests with this key", body = ErrorBody),
    )
)]
pub async fn introspect(
    State(state): State<Arc<AppState>>,
    ApiKey(key): ApiKey,
    OriginHeader(origin_header): OriginHeader,
    Body(request): Body<IntrospectionRequest>,
) -> Json<Introspection> {
    let inactive = Json(Introspection {
        active: false,
        claims: None,
    });
    let now = chrono::Utc::now().timestamp();
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
        let page = [request.origin.as_deref(), origin_header.as_deref()];
        let given: Vec<&str> = page.into_iter().flatten().collect();
        if given.is_empty()
            || !given
                .iter()
                .all(|origin| token_request::origin_allowed(&allowed, origin))
        {
            return inactive;
        }
    }
    Json(Introspection {
        active: true,
        claims: Some(json!(claims)),
    })
}
