//! The PostgreSQL store: one database shared by any number of server
//! processes. Changes to keys are announced with `NOTIFY toucan_keys_changed`
//! in the statement that makes them, so every process drops its cached keys
//! when the change commits (see `keys.rs`).

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::RwLock;
use tokio_postgres::tls::MakeTlsConnect;
use tokio_postgres::{Client, NoTls, Row, Socket};

use super::postgres_tls::{self, Connector, DatabaseTls};
use toucan_keys_protocol::limits::KeyLimits;

use super::{KeyInfo, Leak, StoreError, StoreResult};

/// The channel key changes are announced on.
pub const CHANGES_CHANNEL: &str = "toucan_keys_changed";

/// Each step of the schema, in order; `toucan_schema.version` counts the
/// steps done. A step is never changed once released: add one instead.
const MIGRATIONS: &[&str] = &[
    // 1: the first release's tables.
    "CREATE TABLE settings (name TEXT PRIMARY KEY, value BYTEA NOT NULL);
     CREATE TABLE keys (
       id TEXT PRIMARY KEY, name TEXT NOT NULL, fingerprint TEXT NOT NULL UNIQUE,
       created_at BIGINT NOT NULL, expires_at BIGINT, revoked_at BIGINT, last_used_at BIGINT,
       allowed_origins TEXT[] NOT NULL DEFAULT '{}');
     CREATE TABLE attributes (name TEXT PRIMARY KEY, type TEXT NOT NULL);",
    // 2: restricted keys: their limits, as JSON ({} for full access).
    "ALTER TABLE keys ADD COLUMN limits TEXT NOT NULL DEFAULT '{}';",
    // 3: where and when keys were found in public (secret-scanning reports).
    "CREATE TABLE leaks (
       key_id TEXT NOT NULL REFERENCES keys(id), found_at BIGINT NOT NULL, url TEXT, source TEXT);
     CREATE INDEX leaks_by_key ON leaks (key_id, found_at);",
];

/// An arbitrary constant: the advisory lock servers take while they migrate,
/// so two starting at once don't both create the tables.
const MIGRATION_LOCK: i64 = 0x746f_7563_616e;

const KEY_COLUMNS: &str =
    "id, name, fingerprint, created_at, expires_at, revoked_at, last_used_at, allowed_origins, limits";

/// A connection to the shared database. Queries from concurrent requests
/// are pipelined on it; a lost connection is made again on the next query.
pub struct PostgresStore {
    config: tokio_postgres::Config,
    tls: Connector,
    client: RwLock<Arc<Client>>,
}

/// What the change feed reports to [`PostgresStore::watch_changes`]'s callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feed {
    /// Listening: changes from now on will be reported.
    Listening,
    /// A key was registered or revoked.
    Changed,
    /// The feed's connection was lost; changes may go unreported until `Listening`.
    Lost,
}

async fn connect(config: &tokio_postgres::Config, tls: &Connector) -> StoreResult<Client> {
    match tls {
        Connector::Plain => connect_with(config, NoTls).await,
        Connector::Rustls(tls) => connect_with(config, tls.clone()).await,
    }
}

async fn connect_with<T>(config: &tokio_postgres::Config, tls: T) -> StoreResult<Client>
where
    T: MakeTlsConnect<Socket>,
    T::Stream: Send + 'static,
{
    let (client, connection) = config.connect(tls).await?;
    tokio::spawn(async move {
        if let Err(error) = connection.await {
            tracing::warn!(%error, "the PostgreSQL connection closed");
        }
    });
    Ok(client)
}

impl PostgresStore {
    /// Connects to `url` (over TLS as its `sslmode` asks: see
    /// `postgres_tls`) and brings its tables up to date.
    pub async fn open(url: &str) -> StoreResult<Self> {
        let (mut config, tls) = postgres_tls::parse(url)?;
        if tls == DatabaseTls::Off && reached_over_the_network(&config) {
            tracing::warn!(
                "the connection to PostgreSQL is not encrypted: the signing and encryption keys cross it at each start; add sslmode=verify-full (and sslrootcert=<CA file>) to the database address"
            );
        }
        let tls = postgres_tls::connector(&tls)?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(5));
        }
        config.application_name("toucan-embed-server");
        let mut client = connect(&config, &tls).await?;
        migrate(&mut client).await?;
        Ok(Self {
            config,
            tls,
            client: RwLock::new(Arc::new(client)),
        })
    }

    /// The connection, made again if it was lost.
    async fn client(&self) -> StoreResult<Arc<Client>> {
        let current = self.client.read().await.clone();
        if !current.is_closed() {
            return Ok(current);
        }
        let mut slot = self.client.write().await;
        if slot.is_closed() {
            *slot = Arc::new(connect(&self.config, &self.tls).await?);
        }
        Ok(slot.clone())
    }

    /// Listens for key changes made by any server on this database, calling
    /// `on_change` for each, until it returns false (the server is gone). A
    /// lost connection is reported as [`Feed::Lost`] and made again every second.
    pub fn watch_changes(&self, on_change: impl Fn(Feed) -> bool + Send + Sync + 'static) {
        let config = self.config.clone();
        let tls = self.tls.clone();
        tokio::spawn(async move {
            loop {
                match listen(&config, &tls, &on_change).await {
                    Ok(Listened::Unwanted) => return,
                    Ok(Listened::Ended) => tracing::warn!("the PostgreSQL change feed ended"),
                    Err(error) => tracing::warn!(%error, "the PostgreSQL change feed failed"),
                }
                if !on_change(Feed::Lost) {
                    return;
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
    }

    pub(super) async fn setting(&self, name: &str) -> StoreResult<Option<Vec<u8>>> {
        let row = self
            .client()
            .await?
            .query_opt("SELECT value FROM settings WHERE name = $1", &[&name])
            .await?;
        Ok(row.map(|row| row.get(0)))
    }

    pub(super) async fn set_setting(&self, name: &str, value: &[u8]) -> StoreResult<()> {
        self.client()
            .await?
            .execute(
                "INSERT INTO settings (name, value) VALUES ($1, $2)
                 ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value",
                &[&name, &value],
            )
            .await?;
        Ok(())
    }

    pub(super) async fn add_setting(&self, name: &str, value: &[u8]) -> StoreResult<bool> {
        let added = self
            .client()
            .await?
            .execute(
                "INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
                &[&name, &value],
            )
            .await?;
        Ok(added == 1)
    }

    pub(super) async fn register_key(&self, key: &KeyInfo) -> StoreResult<bool> {
        let rows = self
            .client()
            .await?
            .query(
                &format!(
                    "WITH added AS (
                       INSERT INTO keys (id, name, fingerprint, created_at, expires_at, allowed_origins, limits)
                       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING fingerprint)
                     SELECT pg_notify('{CHANGES_CHANNEL}', fingerprint) FROM added"
                ),
                &[
                    &key.id,
                    &key.name,
                    &key.fingerprint,
                    &key.created_at,
                    &key.expires_at,
                    &key.allowed_origins,
                    &serde_json::to_string(&key.limits).expect("limits serialize"),
                ],
            )
            .await?;
        Ok(rows.len() == 1)
    }

    pub(super) async fn list_keys(&self) -> StoreResult<Vec<KeyInfo>> {
        let rows = self
            .client()
            .await?
            .query(
                &format!("SELECT {KEY_COLUMNS} FROM keys ORDER BY created_at DESC, id"),
                &[],
            )
            .await?;
        rows.iter().map(key_from_row).collect()
    }

    pub(super) async fn revoke_key(&self, id: &str, now: i64) -> StoreResult<bool> {
        self.change_key(id, "revoked_at = COALESCE(revoked_at, $2)", &now).await
    }

    pub(super) async fn shorten_expiry(&self, id: &str, at: i64) -> StoreResult<bool> {
        self.change_key(id, "expires_at = LEAST(COALESCE(expires_at, $2), $2)", &at)
            .await
    }

    pub(super) async fn set_origins(&self, id: &str, origins: &[String]) -> StoreResult<bool> {
        self.change_key(id, "allowed_origins = $2", &origins).await
    }

    pub(super) async fn set_limits(&self, id: &str, limits: &KeyLimits) -> StoreResult<bool> {
        let limits = serde_json::to_string(limits).expect("limits serialize");
        self.change_key(id, "limits = $2", &limits).await
    }

    /// Applies `set` (which reads `$2` = `value`) to the key `id` and
    /// announces the change to every server on this database: the
    /// notification goes out when the statement commits. False if no key has
    /// this id.
    async fn change_key(
        &self,
        id: &str,
        set: &str,
        value: &(dyn tokio_postgres::types::ToSql + Sync),
    ) -> StoreResult<bool> {
        let rows = self
            .client()
            .await?
            .query(
                &format!(
                    "WITH changed AS (UPDATE keys SET {set} WHERE id = $1 RETURNING fingerprint)
                     SELECT pg_notify('{CHANGES_CHANNEL}', fingerprint) FROM changed"
                ),
                &[&id, value],
            )
            .await?;
        Ok(rows.len() == 1)
    }

    pub(super) async fn record_leak(&self, id: &str, leak: &Leak) -> StoreResult<()> {
        self.client()
            .await?
            .execute(
                "INSERT INTO leaks (key_id, found_at, url, source) VALUES ($1, $2, $3, $4)",
                &[&id, &leak.found_at, &leak.url, &leak.source],
            )
            .await?;
        Ok(())
    }

    pub(super) async fn first_leaks(&self) -> StoreResult<std::collections::HashMap<String, Leak>> {
        let rows = self
            .client()
            .await?
            .query(
                "SELECT DISTINCT ON (key_id) key_id, found_at, url, source FROM leaks ORDER BY key_id, found_at",
                &[],
            )
            .await?;
        Ok(rows
            .iter()
            .map(|row| {
                (
                    row.get(0),
                    Leak {
                        found_at: row.get(1),
                        url: row.get(2),
                        source: row.get(3),
                    },
                )
            })
            .collect())
    }

    pub(super) async fn key_by_fingerprint(&self, fingerprint: &str) -> StoreResult<Option<KeyInfo>> {
        let row = self
            .client()
            .await?
            .query_opt(
                &format!("SELECT {KEY_COLUMNS} FROM keys WHERE fingerprint = $1"),
                &[&fingerprint],
            )
            .await?;
        row.as_ref().map(key_from_row).transpose()
    }

    pub(super) async fn record_uses(&self, uses: &[(String, i64)]) -> StoreResult<()> {
        let ids: Vec<&str> = uses.iter().map(|(id, _)| id.as_str()).collect();
        let times: Vec<i64> = uses.iter().map(|(_, at)| *at).collect();
        self.client()
            .await?
            .execute(
                "UPDATE keys SET last_used_at = GREATEST(COALESCE(keys.last_used_at, 0), used.at)
                 FROM UNNEST($1::text[], $2::bigint[]) AS used(id, at) WHERE keys.id = used.id",
                &[&ids, &times],
            )
            .await?;
        Ok(())
    }

    pub(super) async fn attributes(&self) -> StoreResult<Vec<(String, String)>> {
        let rows = self
            .client()
            .await?
            .query("SELECT name, type FROM attributes ORDER BY name", &[])
            .await?;
        Ok(rows.iter().map(|row| (row.get(0), row.get(1))).collect())
    }

    pub(super) async fn set_attributes(&self, attributes: &[(String, String)]) -> StoreResult<()> {
        let names: Vec<&str> = attributes.iter().map(|(name, _)| name.as_str()).collect();
        let kinds: Vec<&str> = attributes.iter().map(|(_, kind)| kind.as_str()).collect();
        // One statement, so it is all or nothing on a shared connection.
        self.client()
            .await?
            .execute(
                "WITH wanted AS (SELECT * FROM UNNEST($1::text[], $2::text[]) AS w(name, type)),
                      dropped AS (DELETE FROM attributes WHERE name NOT IN (SELECT name FROM wanted))
                 INSERT INTO attributes (name, type) SELECT name, type FROM wanted
                 ON CONFLICT (name) DO UPDATE SET type = EXCLUDED.type",
                &[&names, &kinds],
            )
            .await?;
        self.client()
            .await?
            .execute("SELECT pg_notify($1, 'attributes')", &[&CHANGES_CHANNEL])
            .await?;
        Ok(())
    }

    pub(super) async fn ping(&self) -> StoreResult<()> {
        self.client().await?.execute("SELECT 1", &[]).await?;
        Ok(())
    }
}

/// Whether the address reaches PostgreSQL over TCP on another computer
/// (not a Unix socket, not this computer).
fn reached_over_the_network(config: &tokio_postgres::Config) -> bool {
    config.get_hosts().iter().any(|host| match host {
        tokio_postgres::config::Host::Tcp(name) => !matches!(name.as_str(), "localhost" | "127.0.0.1" | "::1"),
        #[cfg(unix)]
        tokio_postgres::config::Host::Unix(_) => false,
    })
}

/// How a session of the change feed ended.
enum Listened {
    /// Its connection closed.
    Ended,
    /// Nobody needs the changes any more.
    Unwanted,
}

/// One session of the change feed: LISTEN, then report each notification.
async fn listen(
    config: &tokio_postgres::Config,
    tls: &Connector,
    on_change: &(impl Fn(Feed) -> bool + Send + Sync),
) -> StoreResult<Listened> {
    match tls {
        Connector::Plain => listen_with(config, NoTls, on_change).await,
        Connector::Rustls(tls) => listen_with(config, tls.clone(), on_change).await,
    }
}

async fn listen_with<T>(
    config: &tokio_postgres::Config,
    tls: T,
    on_change: &(impl Fn(Feed) -> bool + Send + Sync),
) -> StoreResult<Listened>
where
    T: MakeTlsConnect<Socket>,
    T::Stream: Send + 'static,
{
    let (client, mut connection) = config.connect(tls).await?;
    let (messages, mut received) = tokio::sync::mpsc::unbounded_channel();
    let driver = tokio::spawn(async move {
        while let Some(message) = std::future::poll_fn(|cx| connection.poll_message(cx)).await {
            let ended = message.is_err();
            if messages.send(message).is_err() || ended {
                break;
            }
        }
    });
    client.batch_execute(&format!("LISTEN {CHANGES_CHANNEL}")).await?;
    let mut wanted = on_change(Feed::Listening);
    while wanted && let Some(message) = received.recv().await {
        if let tokio_postgres::AsyncMessage::Notification(_) = message? {
            wanted = on_change(Feed::Changed);
        }
    }
    driver.abort();
    Ok(if wanted { Listened::Ended } else { Listened::Unwanted })
}

async fn migrate(client: &mut Client) -> StoreResult<()> {
    let transaction = client.transaction().await?;
    transaction
        .execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
        .await?;
    transaction
        .batch_execute("CREATE TABLE IF NOT EXISTS toucan_schema (version INTEGER NOT NULL)")
        .await?;
    let done: i32 = transaction
        .query_opt("SELECT version FROM toucan_schema", &[])
        .await?
        .map_or(0, |row| row.get(0));
    let done = usize::try_from(done).unwrap_or(0);
    if done > MIGRATIONS.len() {
        return Err(StoreError::Corrupt(format!(
            "the database was made by a newer version of the server (schema {done}; this one knows {})",
            MIGRATIONS.len()
        )));
    }
    for step in &MIGRATIONS[done..] {
        transaction.batch_execute(step).await?;
    }
    let version = i32::try_from(MIGRATIONS.len()).expect("few migrations");
    transaction.execute("DELETE FROM toucan_schema", &[]).await?;
    transaction
        .execute("INSERT INTO toucan_schema (version) VALUES ($1)", &[&version])
        .await?;
    transaction.commit().await?;
    Ok(())
}

/// A key as stored. Unreadable limits fail the read: a restricted key must
/// never be served as a full-access one.
fn key_from_row(row: &Row) -> StoreResult<KeyInfo> {
    let limits: String = row.get(8);
    let limits = serde_json::from_str(&limits)
        .map_err(|error| StoreError::Corrupt(format!("the limits of a key can't be read: {error}")))?;
    Ok(KeyInfo {
        id: row.get(0),
        name: row.get(1),
        fingerprint: row.get(2),
        created_at: row.get(3),
        expires_at: row.get(4),
        revoked_at: row.get(5),
        last_used_at: row.get(6),
        allowed_origins: row.get(7),
        limits,
    })
}
