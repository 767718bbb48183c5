//! A reference Toucan-compatible embed-token service.
//!
//! A backend sends an API key (`x-api-key`) and an end user's identity, role,
//! permissions and row-level-security attributes; it gets back a signed
//! session token (Ed25519 JWT). The desktop app registers keys by fingerprint
//! through the account API; the server never receives or stores a key.

pub mod api;
pub mod auth;
pub mod error;
pub mod local;
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
use toucan_keys_protocol::{AccountToken, ExposeSecret};

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
            let secret = new_signing_secret();
            store.set_setting(SIGNING_KEY, &secret)?;
            secret
        }
    };
    let retired = drop_expired_retired_keys(&store, chrono::Utc::now().timestamp())?;
    let new_account_token = if store.setting(ACCOUNT_TOKEN_HASH)?.is_none() {
        let token = AccountToken::generate();
        store.set_setting(ACCOUNT_TOKEN_HASH, &Sha256::digest(token.expose_secret().as_bytes()))?;
        Some(token.expose_secret().to_owned())
    } else {
        None
    };
    let state = AppState {
        store,
        signer: TokenSigner::with_retired(secret, &retired.iter().map(|key| key.secret).collect::<Vec<_>>()),
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

/// A retired signing key: it signs nothing, but tokens it signed stay valid
/// until they expire, so it stays in the JWKS until then.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct RetiredKey {
    #[serde(with = "secret_base64")]
    secret: [u8; 32],
    /// When it stopped signing (Unix seconds).
    retired_at: i64,
}

mod secret_base64 {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(secret: &[u8; 32], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&STANDARD.encode(secret))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[u8; 32], D::Error> {
        let text = String::deserialize(deserializer)?;
        let bytes = STANDARD.decode(text).map_err(serde::de::Error::custom)?;
        bytes
            .try_into()
            .map_err(|_| serde::de::Error::custom("a signing key has 32 bytes"))
    }
}

const RETIRED_SIGNING_KEYS: &str = "ed25519_retired_signing_keys";

fn new_signing_secret() -> [u8; 32] {
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).expect("the operating system's random source failed");
    secret
}

fn retired_keys(store: &Store) -> rusqlite::Result<Vec<RetiredKey>> {
    Ok(store
        .setting(RETIRED_SIGNING_KEYS)?
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default())
}

fn save_retired_keys(store: &Store, keys: &[RetiredKey]) -> rusqlite::Result<()> {
    store.set_setting(RETIRED_SIGNING_KEYS, &serde_json::to_vec(keys).expect("keys serialize"))
}

/// The retired keys that may still have valid tokens at `now`; the others
/// (retired longer ago than the longest token lifetime) are deleted.
fn drop_expired_retired_keys(store: &Store, now: i64) -> rusqlite::Result<Vec<RetiredKey>> {
    let all = retired_keys(store)?;
    let longest = *token_request::LIFETIME_RANGE.end();
    let live: Vec<RetiredKey> = all
        .iter()
        .filter(|key| key.retired_at + longest > now)
        .cloned()
        .collect();
    if live.len() != all.len() {
        save_retired_keys(store, &live)?;
    }
    Ok(live)
}

/// What `--rotate-signing-key` did.
pub struct Rotation {
    /// The new signing key's id.
    pub new_kid: String,
    /// Retired keys still accepted (and listed in the JWKS), by id.
    pub still_accepted: Vec<String>,
}

/// Makes a new signing key current. The previous one stops signing but is
/// still accepted, and listed in the JWKS, until every token it signed has
/// expired (the longest lifetime, 24 hours); keys retired longer ago are
/// deleted. A running server picks the new key up when it restarts. `now` is
/// in Unix seconds.
pub fn rotate_signing_key(data_dir: &Path, now: i64) -> rusqlite::Result<Rotation> {
    let store = Store::open(data_dir)?;
    let mut retired = drop_expired_retired_keys(&store, now)?;
    if let Some(bytes) = store.setting(SIGNING_KEY)?
        && let Ok(previous) = <[u8; 32]>::try_from(bytes.as_slice())
    {
        retired.push(RetiredKey {
            secret: previous,
            retired_at: now,
        });
    }
    let secret = new_signing_secret();
    save_retired_keys(&store, &retired)?;
    store.set_setting(SIGNING_KEY, &secret)?;
    let signer = TokenSigner::with_retired(secret, &retired.iter().map(|key| key.secret).collect::<Vec<_>>());
    let kids = signer.jwks()["keys"]
        .as_array()
        .expect("a key set")
        .iter()
        .filter_map(|key| key["kid"].as_str().map(str::to_owned))
        .collect::<Vec<_>>();
    Ok(Rotation {
        new_kid: signer.kid().to_owned(),
        still_accepted: kids[1..].to_vec(),
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

/// Logs each request at debug: method, path and status, never a header or a body.
async fn log_request(request: axum::extract::Request, next: axum::middleware::Next) -> axum::response::Response {
    let (method, path) = (request.method().clone(), request.uri().path().to_owned());
    let response = next.run(request).await;
    tracing::debug!(%method, %path, status = response.status().as_u16(), "request");
    response
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
        .layer(axum::middleware::from_fn(log_request))
        .with_state(state)
}
