//! A reference Toucan-compatible embed-token service.
//!
//! A backend sends an API key (`x-api-key`) and an end user's identity, role,
//! permissions and row-level-security attributes; it gets back a signed
//! session token (Ed25519 JWT). The desktop app registers keys by fingerprint
//! through the account API; the server never receives or stores a key.

pub mod auth;
pub mod error;
pub mod extract;
pub mod keys;
pub mod local;
pub mod logging;
mod private_files;
pub mod process_guard;
pub mod rate_limit;
pub mod routes;
pub mod secret_scanning;
pub mod serve;
pub mod signing_keys;
pub mod store;
pub mod token_request;
pub mod tokens;

use std::path::Path;
use std::sync::Arc;

use axum::Router;
use sha2::{Digest, Sha256};
use toucan_keys_protocol::{AccountToken, ExposeSecret};

use crate::keys::{KeyCache, PendingUses};
use crate::rate_limit::RateLimiter;
use crate::store::{DatabaseLocation, Store, StoreError};
use crate::tokens::TokenSigner;

pub use crate::signing_keys::Rotation;

/// The `iss` of every token.
pub const ISSUER: &str = "toucan-embed-server";
/// The `aud` of every token.
pub const AUDIENCE: &str = "toucan-embed";
const ACCOUNT_TOKEN_HASH: &str = "account_token_sha256";

/// How the server behaves.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Token requests allowed per key per minute, counted by each server
    /// process on its own (see docs/EMBED_SERVER.md).
    pub requests_per_minute: u32,
    /// A `postgres://` connection string; `None`: SQLite in the data folder.
    pub database_url: Option<String>,
    /// The longest lifetime a token request may ask for, in seconds.
    pub max_token_lifetime_seconds: i64,
    /// Whether tokens are encrypted (JWE around the JWS); the key is written
    /// to [`TOKEN_ENCRYPTION_KEY_FILE`] in the data folder for the dashboard host.
    pub encrypt_tokens: bool,
    /// How often "last used" times are written (they are also written at a
    /// clean stop, and before `GET /api/keys` answers).
    pub write_uses_every: std::time::Duration,
    /// The proxies whose `X-Forwarded-For` is believed (a key limited to
    /// networks is checked against the client's address behind them).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Whether and how secret-scanning reports are taken (`None`: the
    /// endpoint answers 404).
    pub secret_scanning: Option<secret_scanning::SecretScanning>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            requests_per_minute: 600,
            database_url: None,
            max_token_lifetime_seconds: *token_request::LIFETIME_RANGE.end(),
            write_uses_every: keys::WRITE_USES_EVERY,
            encrypt_tokens: false,
            trusted_proxies: Vec::new(),
            secret_scanning: None,
        }
    }
}

impl ServerConfig {
    /// Where the database is, for a server whose data folder is `data_dir`.
    pub fn location(&self, data_dir: &Path) -> DatabaseLocation {
        match &self.database_url {
            Some(url) => DatabaseLocation::Postgres(url.clone()),
            None => DatabaseLocation::Folder(data_dir.to_owned()),
        }
    }
}

/// What every request handler shares.
pub struct AppState {
    /// The database.
    pub store: Store,
    /// Registered keys in memory.
    pub keys: KeyCache,
    /// "Last used" times not yet written.
    pub uses: PendingUses,
    /// Signs and checks tokens.
    pub signer: TokenSigner,
    /// Per-key request limits.
    pub limiter: RateLimiter,
    /// Ids for new tokens.
    pub token_ids: tokens::TokenIds,
    /// The settings it was started with.
    pub config: ServerConfig,
}

/// The opened server state, and the account token if it was just created
/// (it is shown once and only its hash is kept).
pub struct Opened {
    /// The state to serve.
    pub state: Arc<AppState>,
    /// The new account token, on first start only.
    pub new_account_token: Option<String>,
}

/// Opens the database, creating the signing key and account token on first
/// start, and starts the background work: writing "last used" times every
/// [`ServerConfig::write_uses_every`] and, on PostgreSQL, following other servers'
/// key changes. Call inside a Tokio runtime.
pub async fn open(data_dir: &Path, config: ServerConfig) -> Result<Opened, StoreError> {
    // The data folder holds the account-token and encryption-key files even
    // when the database is elsewhere.
    private_files::create_folder(data_dir)?;
    let store = Store::open(&config.location(data_dir)).await?;
    let now = chrono::Utc::now().timestamp();
    let mut signer = signing_keys::load_signer(&store, now).await?;
    if config.encrypt_tokens {
        let (encryption, retired) = signing_keys::load_encryption(&store, now).await?;
        let jwk = serde_json::to_vec_pretty(&encryption.jwk()).expect("a JWK serializes");
        private_files::write(&data_dir.join(TOKEN_ENCRYPTION_KEY_FILE), &jwk)?;
        signer = signer.encrypting(encryption).also_decrypting(retired);
    }
    let token = AccountToken::generate();
    let new_account_token = store
        .add_setting(ACCOUNT_TOKEN_HASH, &Sha256::digest(token.expose_secret().as_bytes()))
        .await?
        .then(|| token.expose_secret().to_owned());
    // One SQLite process owns its database; PostgreSQL's servers cache only while they hear of changes.
    let cache = KeyCache::new(matches!(store, Store::Sqlite(_)));
    let state = Arc::new(AppState {
        store,
        keys: cache,
        uses: PendingUses::default(),
        signer,
        limiter: RateLimiter::new(config.requests_per_minute),
        token_ids: tokens::TokenIds::default(),
        config,
    });
    if let Store::Postgres(postgres) = &state.store {
        let weak = Arc::downgrade(&state);
        postgres.watch_changes(move |feed| {
            let Some(state) = weak.upgrade() else { return false };
            state.keys.follow(feed);
            true
        });
    }
    spawn_use_writer(Arc::downgrade(&state), state.config.write_uses_every);
    Ok(Opened {
        state,
        new_account_token,
    })
}

/// Writes pending "last used" times every `period` while the server's state lives.
fn spawn_use_writer(state: std::sync::Weak<AppState>, period: std::time::Duration) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
        loop {
            every.tick().await;
            let Some(state) = state.upgrade() else { return };
            if let Err(error) = state.uses.write(&state.store).await {
                tracing::error!(%error, "\"last used\" times could not be written; will try again");
            }
        }
    });
}

/// What a server does as it stops: writes what is pending.
pub async fn finish(state: &AppState) -> Result<(), StoreError> {
    state.uses.write(&state.store).await
}

/// Makes a new signing key current (see [`signing_keys::rotate`]). For
/// `--rotate-signing-key`; `now` is in Unix seconds.
pub async fn rotate_signing_key(location: &DatabaseLocation, now: i64) -> Result<Rotation, StoreError> {
    signing_keys::rotate(&Store::open(location).await?, now).await
}

/// Makes a new token-encryption key current (see
/// [`signing_keys::rotate_encryption`]); returns its id. For
/// `--rotate-encryption-key`; `now` is in Unix seconds.
pub async fn rotate_encryption_key(location: &DatabaseLocation, now: i64) -> Result<String, StoreError> {
    signing_keys::rotate_encryption(&Store::open(location).await?, now).await
}

/// The token encryption key (a JWK, 0600 on Unix) in the data folder, when
/// tokens are encrypted.
pub const TOKEN_ENCRYPTION_KEY_FILE: &str = "token-encryption-key.jwk";

/// Where the account token goes when standard output isn't a terminal.
pub const ACCOUNT_TOKEN_FILE: &str = "account-token.txt";

/// Replaces the account token: the old one stops working at once, and the new
/// one is returned (only its hash is kept). For `--rotate-account-token`.
pub async fn rotate_account_token(location: &DatabaseLocation) -> Result<String, StoreError> {
    let store = Store::open(location).await?;
    let token = AccountToken::generate();
    store
        .set_setting(ACCOUNT_TOKEN_HASH, &Sha256::digest(token.expose_secret().as_bytes()))
        .await?;
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
        "Account token written to {} (readable by this user only; not printed, since the output isn't a terminal). Once you have it, delete the file (rm {}): the server keeps only its hash and never reads the file.",
        path.display(),
        path.display()
    ))
}

/// Logs each request at debug: method, path and status, never a header or a body.
pub async fn log_request(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    if !tracing::enabled!(tracing::Level::DEBUG) {
        return next.run(request).await;
    }
    let (method, path) = (request.method().clone(), request.uri().path().to_owned());
    let response = next.run(request).await;
    tracing::debug!(%method, %path, status = response.status().as_u16(), "request");
    response
}

/// The server's routes (see [`routes`]), logging each request at debug.
pub fn router(state: Arc<AppState>) -> Router {
    routes::router(state).layer(axum::middleware::from_fn(log_request))
}
