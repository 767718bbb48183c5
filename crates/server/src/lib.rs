//! A reference Toucan-compatible embed-token service.
//!
//! A backend sends an API key (`x-api-key`) and an end user's identity, role,
//! permissions and row-level-security attributes; it gets back a signed
//! session token (Ed25519 JWT). The desktop app registers keys by fingerprint
//! through the account API; the server never receives or stores a key.

pub mod api;
pub mod auth;
pub mod error;
mod private_files;
pub mod rate_limit;
pub mod serve;
pub mod store;
pub mod token_request;
pub mod tokens;

use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::routing::{delete, get, post};
use sha2::{Digest, Sha256};
use toucan_keys_core::ExposeSecret;
use toucan_keys_core::workspace::AccountToken;

use crate::rate_limit::RateLimiter;
use crate::store::Store;
use crate::tokens::TokenSigner;

/// The `iss` of every token.
pub const ISSUER: &str = "toucan-embed-server";
/// The `aud` of every token.
pub const AUDIENCE: &str = "toucan-embed";
const ACCOUNT_TOKEN_HASH: &str = "account_token_sha256";
const SIGNING_KEY: &str = "ed25519_signing_key";

/// How the server behaves.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Token requests allowed per key per minute.
    pub requests_per_minute: u32,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            requests_per_minute: 600,
        }
    }
}

/// What every request handler shares.
pub struct AppState {
    /// The database.
    pub store: Store,
    /// Signs and checks tokens.
    pub signer: TokenSigner,
    /// Per-key request limits.
    pub limiter: RateLimiter,
}

/// The opened server state, and the account token if it was just created
/// (it is shown once and only its hash is kept).
pub struct Opened {
    /// The state to serve.
    pub state: Arc<AppState>,
    /// The new account token, on first start only.
    pub new_account_token: Option<String>,
}

/// Opens the data folder, creating the signing key and account token on first start.
pub fn open(data_dir: &Path, config: ServerConfig) -> rusqlite::Result<Opened> {
    let store = Store::open(data_dir)?;
    let secret: [u8; 32] = match store.setting(SIGNING_KEY)? {
        Some(bytes) if bytes.len() == 32 => bytes.try_into().expect("32 bytes"),
        _ => {
            let mut secret = [0u8; 32];
            getrandom::fill(&mut secret).expect("the operating system's random source failed");
            store.set_setting(SIGNING_KEY, &secret)?;
            secret
        }
    };
    let new_account_token = if store.setting(ACCOUNT_TOKEN_HASH)?.is_none() {
        let token = AccountToken::generate();
        store.set_setting(ACCOUNT_TOKEN_HASH, &Sha256::digest(token.expose_secret().as_bytes()))?;
        Some(token.expose_secret().to_owned())
    } else {
        None
    };
    let state = AppState {
        store,
        signer: TokenSigner::new(secret),
        limiter: RateLimiter::new(config.requests_per_minute),
    };
    Ok(Opened {
        state: Arc::new(state),
        new_account_token,
    })
}

/// How often expired token records are deleted while the server runs.
pub const PRUNE_EVERY: std::time::Duration = std::time::Duration::from_secs(600);

/// Deletes expired token records now and then every [`PRUNE_EVERY`], for as
/// long as the server runs, so the database doesn't grow with every token.
pub fn spawn_token_pruning(state: Arc<AppState>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(PRUNE_EVERY);
        loop {
            every.tick().await;
            if let Err(error) = state.store.prune_expired_tokens(chrono::Utc::now().timestamp()) {
                eprintln!("internal error: expired tokens could not be deleted: {error}");
            }
        }
    })
}

/// Where the account token goes when standard output isn't a terminal.
pub const ACCOUNT_TOKEN_FILE: &str = "account-token.txt";

/// Replaces the account token: the old one stops working at once, and the new
/// one is returned (only its hash is kept). For `--rotate-account-token`.
pub fn rotate_account_token(data_dir: &Path) -> rusqlite::Result<String> {
    let store = Store::open(data_dir)?;
    let token = AccountToken::generate();
    store.set_setting(ACCOUNT_TOKEN_HASH, &Sha256::digest(token.expose_secret().as_bytes()))?;
    Ok(token.expose_secret().to_owned())
}

/// Hands a new account token to the person who started the server, and
/// returns the line to print. On a terminal the line holds the token; when
/// standard output is a log or a pipe, the token is written instead to
/// [`ACCOUNT_TOKEN_FILE`] in the data folder (0600 on Unix) and the line only
/// says where, so the token never lands in a log.
pub fn hand_over_account_token(token: &str, data_dir: &Path, to_terminal: bool) -> std::io::Result<String> {
    if to_terminal {
        return Ok(format!(
            "Account token (shown once; the app needs it to register keys):\n  {token}"
        ));
    }
    let path = data_dir.join(ACCOUNT_TOKEN_FILE);
    private_files::write(&path, token.as_bytes())?;
    Ok(format!(
        "Account token written to {} (readable by this user only; not printed, since the output isn't a terminal).",
        path.display()
    ))
}

/// The server's routes.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/embed/generate-token", post(api::generate_token))
        .route("/embed/introspect", post(api::introspect))
        .route("/.well-known/jwks.json", get(api::jwks))
        .route("/openapi.json", get(api::openapi))
        .route("/api/keys", post(api::register_key).get(api::list_keys))
        .route("/api/keys/{id}", delete(api::revoke_key))
        .with_state(state)
}
