//! What a secret scanner calls when it finds a key in public: GitHub's
//! partner-program format (see [`crate::secret_scanning`]).

use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use chrono::Utc;
use toucan_keys_protocol::key_format;
use toucan_keys_protocol::wire::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::error::ApiError;
use crate::extract::SignedReport;
use crate::secret_scanning::{Label, LeakMatch, OnLeak, TokenFeedback};
use crate::store::Leak;

pub(super) fn routes() -> OpenApiRouter<Arc<AppState>> {
    OpenApiRouter::new().routes(routes!(report_leaks))
}

/// Takes a signed report of keys found in public. Each registered key in it
/// is revoked (unless the server runs with `--on-leak report`) and where it
/// was found is recorded; the answer labels each match.
#[utoipa::path(
    post,
    path = "/api/secret-scanning",
    request_body = Vec<LeakMatch>,
    params(
        ("Github-Public-Key-Identifier" = String, Header, description = "Which of the reporter's published keys signed the body"),
    ),
    security(("secretScanningSignature" = [])),
    responses(
        (status = 200, description = "Each match, labelled", body = Vec<TokenFeedback>),
        (status = 400, description = "The body isn't a list of matches", body = ErrorBody),
        (status = 401, description = "Missing or bad signature, or an unknown signing key; nothing was changed", body = ErrorBody),
        (status = 404, description = "This server doesn't take reports (no --secret-scanning-keys)", body = ErrorBody),
    )
)]
pub async fn report_leaks(
    State(state): State<Arc<AppState>>,
    SignedReport(matches): SignedReport,
) -> Result<Json<Vec<TokenFeedback>>, ApiError> {
    let on_leak = state
        .config
        .secret_scanning
        .as_ref()
        .map(|scanning| scanning.on_leak)
        .unwrap_or_default();
    let now = Utc::now().timestamp();
    let mut feedback = Vec::with_capacity(matches.len());
    for found in &matches {
        // A look-alike or a typo fails the checksum before any lookup.
        let key = match key_format::parse(&found.token) {
            Ok(key) => state.store.key_by_fingerprint(&key.fingerprint()).await?,
            Err(_) => None,
        };
        let Some(key) = key else {
            feedback.push(TokenFeedback::new(found, Label::FalsePositive));
            continue;
        };
        if on_leak == OnLeak::Revoke && key.revoked_at.is_none() {
            state.store.revoke_key(&key.id, now).await?;
            // Before the reply: the next request with this key is refused.
            state.keys.invalidate();
        }
        let leak = Leak {
            found_at: now,
            url: found.url.clone(),
            source: found.source.clone(),
        };
        state.store.record_leak(&key.id, &leak).await?;
        tracing::warn!(
            key_id = %key.id,
            url = found.url.as_deref().unwrap_or("?"),
            revoked = on_leak == OnLeak::Revoke,
            "a key was reported as found in public"
        );
        feedback.push(TokenFeedback::new(found, Label::TruePositive));
    }
    Ok(Json(feedback))
}
