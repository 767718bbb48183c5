//! Where the server keeps what it knows: registered keys (by fingerprint, never
//! the key), declared attributes, the account token's hash and the signing keys.
//!
//! Two stores behind one type: SQLite in the data folder (the default, one
//! server process) and PostgreSQL (`--database-url postgres://…`, any number of
//! server processes sharing it). Both create or update their tables on start.

pub mod postgres;
pub mod postgres_tls;
pub mod sqlite;

use serde::Serialize;
use toucan_keys_protocol::limits::KeyLimits;

/// A registered API key, as the server knows it.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct KeyInfo {
    /// The app's key id.
    pub id: String,
    /// The key's name.
    pub name: String,
    /// SHA-256 of the key, hex.
    pub fingerprint: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds, if the key expires.
    pub expires_at: Option<i64>,
    /// Unix seconds, if revoked.
    pub revoked_at: Option<i64>,
    /// Unix seconds of the last token request.
    pub last_used_at: Option<i64>,
    /// The web origins its tokens may be used from; empty: any.
    pub allowed_origins: Vec<String>,
    /// What its tokens may carry and who may ask for them.
    pub limits: KeyLimits,
}

/// A report that a key was found in public (see [`crate::secret_scanning`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leak {
    /// Unix seconds when the server was told.
    pub found_at: i64,
    /// Where it was found, as reported.
    pub url: Option<String>,
    /// What kind of place that is, as reported.
    pub source: Option<String>,
}

/// A failure of the database. Its text is for the server's log, never a client.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL failed, or can't be reached. The message gives every cause
    /// (tokio-postgres's own says only "db error" or "error performing TLS
    /// handshake"; why is in its sources).
    #[error("PostgreSQL: {}", with_causes(.0))]
    Postgres(#[from] tokio_postgres::Error),
    /// The data folder couldn't be prepared.
    #[error("the data folder: {0}")]
    Folder(#[from] std::io::Error),
    /// The database holds something this version can't read.
    #[error("{0}")]
    Corrupt(String),
}

/// An error and each of its causes, joined with ": ".
fn with_causes(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(next) = cause {
        let next_text = next.to_string();
        if !text.contains(&next_text) {
            text = format!("{text}: {next_text}");
        }
        cause = next.source();
    }
    text
}

/// What [`Store`] results carry.
pub type StoreResult<T> = Result<T, StoreError>;

/// The database the server uses.
pub enum Store {
    /// SQLite in the data folder.
    Sqlite(sqlite::SqliteStore),
    /// A shared PostgreSQL database.
    Postgres(Box<postgres::PostgresStore>),
}

/// Where the database is.
#[derive(Debug, Clone)]
pub enum DatabaseLocation {
    /// `server.sqlite3` in this folder.
    Folder(std::path::PathBuf),
    /// A `postgres://` connection string.
    Postgres(String),
}

macro_rules! either {
    ($self:ident, $store:ident => $call:expr) => {
        match $self {
            Store::Sqlite($store) => $call,
            Store::Postgres($store) => $call.await,
        }
    };
}

impl Store {
    /// Opens the database, creating or updating its tables.
    pub async fn open(location: &DatabaseLocation) -> StoreResult<Self> {
        Ok(match location {
            DatabaseLocation::Folder(folder) => Self::Sqlite(sqlite::SqliteStore::open(folder)?),
            DatabaseLocation::Postgres(url) => Self::Postgres(Box::new(postgres::PostgresStore::open(url).await?)),
        })
    }

    /// A stored setting.
    pub async fn setting(&self, name: &str) -> StoreResult<Option<Vec<u8>>> {
        either!(self, store => store.setting(name))
    }

    /// Stores a setting, replacing any previous value.
    pub async fn set_setting(&self, name: &str, value: &[u8]) -> StoreResult<()> {
        either!(self, store => store.set_setting(name, value))
    }

    /// Stores a setting unless it exists; true if this call stored it. Two
    /// servers starting at once on one database agree on who created it.
    pub async fn add_setting(&self, name: &str, value: &[u8]) -> StoreResult<bool> {
        either!(self, store => store.add_setting(name, value))
    }

    /// Registers a key; false if its id or fingerprint is already known.
    pub async fn register_key(&self, key: &KeyInfo) -> StoreResult<bool> {
        either!(self, store => store.register_key(key))
    }

    /// Every registered key, newest first.
    pub async fn list_keys(&self) -> StoreResult<Vec<KeyInfo>> {
        either!(self, store => store.list_keys())
    }

    /// Revokes a key; false if there is none with this id.
    pub async fn revoke_key(&self, id: &str, now: i64) -> StoreResult<bool> {
        either!(self, store => store.revoke_key(id, now))
    }

    /// Brings a key's expiry forward to `at`, never later than it was; false
    /// if there is no key with this id.
    pub async fn shorten_expiry(&self, id: &str, at: i64) -> StoreResult<bool> {
        either!(self, store => store.shorten_expiry(id, at))
    }

    /// Replaces a key's allowed origins (already checked and normalised);
    /// false if no key has this id.
    pub async fn set_origins(&self, id: &str, origins: &[String]) -> StoreResult<bool> {
        either!(self, store => store.set_origins(id, origins))
    }

    /// Replaces a key's limits (already checked); false if no key has this id.
    pub async fn set_limits(&self, id: &str, limits: &KeyLimits) -> StoreResult<bool> {
        either!(self, store => store.set_limits(id, limits))
    }

    /// Records that key `id` was found in public.
    pub async fn record_leak(&self, id: &str, leak: &Leak) -> StoreResult<()> {
        either!(self, store => store.record_leak(id, leak))
    }

    /// The first leak reported of each key that has one, by key id.
    pub async fn first_leaks(&self) -> StoreResult<std::collections::HashMap<String, Leak>> {
        either!(self, store => store.first_leaks())
    }

    /// The key with this fingerprint.
    pub async fn key_by_fingerprint(&self, fingerprint: &str) -> StoreResult<Option<KeyInfo>> {
        either!(self, store => store.key_by_fingerprint(fingerprint))
    }

    /// Records when keys were last used: (key id, Unix seconds). A later
    /// time never goes back to an earlier one.
    pub async fn record_uses(&self, uses: &[(String, i64)]) -> StoreResult<()> {
        either!(self, store => store.record_uses(uses))
    }

    /// The declared attributes, by name, with their types.
    pub async fn attributes(&self) -> StoreResult<Vec<(String, String)>> {
        either!(self, store => store.attributes())
    }

    /// Replaces the declared attributes.
    pub async fn set_attributes(&self, attributes: &[(String, String)]) -> StoreResult<()> {
        either!(self, store => store.set_attributes(attributes))
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> StoreResult<()> {
        either!(self, store => store.ping())
    }

    /// Which store this is, for logs and `/readyz`.
    pub fn kind(&self) -> &'static str {
        match self {
            Store::Sqlite(_) => "sqlite",
            Store::Postgres(_) => "postgres",
        }
    }
}
