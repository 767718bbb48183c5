//! Health, readiness, the public keys that verify tokens, and the API's
//! own description. No authentication.

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;

pub(super) fn routes() -> OpenApiRouter<Arc<AppState>> {
    OpenApiRouter::new()
        .routes(routes!(healthz))
        .routes(routes!(readyz))
        .routes(routes!(jwks))
        .routes(routes!(openapi))
}

/// Whether the process, or its database, answers.
#[derive(Serialize, ToSchema)]
pub struct Health {
    /// `ok` (the process answers), `ready` or `unavailable` (the database).
    status: &'static str,
    /// Which database: `sqlite` or `postgres` (readiness only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<DatabaseKind>)]
    database: Option<&'static str>,
}

/// The database a server uses.
#[derive(ToSchema)]
#[allow(dead_code)]
#[schema(rename_all = "lowercase")]
enum DatabaseKind {
    /// One process, a file in its data folder.
    Sqlite,
    /// Shared by several processes.
    Postgres,
}

/// The process is up and answering.
#[utoipa::path(get, path = "/healthz", responses((status = 200, description = "Up", body = Health)))]
pub async fn healthz() -> Json<Health> {
    Json(Health {
        status: "ok",
        database: None,
    })
}

/// The database answers, so requests can be served.
#[utoipa::path(
    get,
    path = "/readyz",
    responses(
        (status = 200, description = "Ready", body = Health),
        (status = 503, description = "The database doesn't answer", body = Health),
    )
)]
pub async fn readyz(State(state): State<Arc<AppState>>) -> (StatusCode, Json<Health>) {
    let database = Some(state.store.kind());
    match state.store.ping().await {
        Ok(()) => (
            StatusCode::OK,
            Json(Health {
                status: "ready",
                database,
            }),
        ),
        Err(error) => {
            tracing::error!(%error, "readiness check: the database doesn't answer");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(Health {
                    status: "unavailable",
                    database,
                }),
            )
        }
    }
}

/// The public keys that verify tokens (JSON Web Key Set).
#[utoipa::path(
    get,
    path = "/.well-known/jwks.json",
    responses((status = 200, description = "JSON Web Key Set", body = Object))
)]
pub async fn jwks(State(state): State<Arc<AppState>>) -> Json<Value> {
    Json(state.signer.jwks())
}

/// This document.
#[utoipa::path(
    get,
    path = "/openapi.json",
    responses((status = 200, description = "The OpenAPI 3.1 document", body = Object))
)]
pub async fn openapi() -> ([(&'static str, &'static str); 1], &'static str) {
    ([("content-type", "application/json")], super::DOCUMENT_JSON.as_str())
}
