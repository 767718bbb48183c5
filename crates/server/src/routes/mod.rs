//! The server's routes, declared by module, each handler with its OpenAPI
//! description next to it. The document at `/openapi.json` (and its copy in
//! `docs/openapi.json`) is made from these and the protocol's wire types, so
//! it can't drift from what the server does.
//!
//! - [`embed`]: what a customer's backend calls with an API key.
//! - [`account`]: what the app calls with the account token.
//! - [`leaks`]: what a secret scanner calls with keys it found in public.
//! - [`service`]: health, readiness, the public signing keys and this document.

pub mod account;
pub mod embed;
pub mod leaks;
pub mod service;

use std::sync::{Arc, LazyLock};

use axum::Router;
use utoipa::OpenApi;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa_axum::router::OpenApiRouter;

use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Toucan embed-token server",
        description = "API keys in, signed session tokens out. Keys are registered by SHA-256 fingerprint; the server never stores a key."
    ),
    servers((url = "http://127.0.0.1:8787")),
    modifiers(&SecuritySchemes),
    components(schemas(toucan_keys_protocol::wire::ErrorBody))
)]
struct ApiDoc;

/// The ways to call: `apiKey` (the `x-api-key` header) for the embed
/// endpoints, `accountToken` (`Authorization: Bearer`) for the account API,
/// `secretScanningSignature` for a secret scanner's reports.
struct SecuritySchemes;

impl utoipa::Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "apiKey",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("x-api-key"))),
        );
        components.add_security_scheme(
            "secretScanningSignature",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "Github-Public-Key-Signature",
                "ECDSA P-256 / SHA-256 signature of the raw body (base64 DER), by the key Github-Public-Key-Identifier names",
            ))),
        );
        components.add_security_scheme(
            "accountToken",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

fn routes() -> OpenApiRouter<Arc<AppState>> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(embed::routes())
        .merge(account::routes())
        .merge(leaks::routes())
        .merge(service::routes())
}

/// Every route, on `state`.
pub fn router(state: Arc<AppState>) -> Router {
    let (router, _) = routes().split_for_parts();
    router.with_state(state)
}

/// The OpenAPI document of every route.
pub fn document() -> utoipa::openapi::OpenApi {
    let (_, mut document) = routes().split_for_parts();
    document.info.version = env!("CARGO_PKG_VERSION").to_owned();
    document
}

/// The document as served, made once.
pub(crate) static DOCUMENT_JSON: LazyLock<String> =
    LazyLock::new(|| document().to_pretty_json().expect("the OpenAPI document serializes"));
