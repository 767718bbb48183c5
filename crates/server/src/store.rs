//! The server's SQLite store: registered keys (by fingerprint, never the key),
//! issued tokens, the account token's hash and the signing key.

use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::private_files;

/// A registered API key, as the server knows it.
#[derive(Debug, Clone, Serialize)]
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
}

/// The database. One connection behind a mutex: the load is small.
pub struct Store {
    conn: Mutex<Connection>,
    key_lookups: AtomicU64,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS keys (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, fingerprint TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL, expires_at INTEGER, revoked_at INTEGER, last_used_at INTEGER);
CREATE TABLE IF NOT EXISTS tokens (
  jti TEXT PRIMARY KEY, key_id TEXT NOT NULL REFERENCES keys(id), issued_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);
";

/// The database's file name inside the data folder.
pub const DATABASE_FILE: &str = "server.sqlite3";

impl Store {
    /// Opens (or creates) `server.sqlite3` in `data_dir`. The folder and the
    /// database files are for the server's user only (0700 and 0600 on Unix;
    /// existing ones are tightened): they hold the token-signing key.
    pub fn open(data_dir: &Path) -> rusqlite::Result<Self> {
        let io = |e: std::io::Error| rusqlite::Error::ToSqlConversionFailure(Box::new(e));
        let database = data_dir.join(DATABASE_FILE);
        private_files::create_folder(data_dir).map_err(io)?;
        // SQLite gives its -wal and -shm files the database file's mode.
        private_files::create_file(&database).map_err(io)?;
        let conn = Connection::open(&database)?;
        // WAL with synchronous=NORMAL: a crash never corrupts the database; a power cut may lose the last tokens.
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")?;
        conn.execute_batch(SCHEMA)?;
        for suffix in ["", "-wal", "-shm"] {
            private_files::tighten(&data_dir.join(format!("{DATABASE_FILE}{suffix}"))).map_err(io)?;
        }
        Ok(Self {
            conn: Mutex::new(conn),
            key_lookups: AtomicU64::new(0),
        })
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A stored setting.
    pub fn setting(&self, name: &str) -> rusqlite::Result<Option<Vec<u8>>> {
        self.conn()
            .query_row("SELECT value FROM settings WHERE name = ?1", [name], |row| row.get(0))
            .optional()
    }

    /// Stores a setting.
    pub fn set_setting(&self, name: &str, value: &[u8]) -> rusqlite::Result<()> {
        self.conn().execute(
            "INSERT OR REPLACE INTO settings (name, value) VALUES (?1, ?2)",
            params![name, value],
        )?;
        Ok(())
    }

    /// Registers a key; false if its id or fingerprint is already known.
    pub fn register_key(&self, key: &KeyInfo) -> rusqlite::Result<bool> {
        let inserted = self.conn().execute(
            "INSERT OR IGNORE INTO keys (id, name, fingerprint, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![key.id, key.name, key.fingerprint, key.created_at, key.expires_at],
        )?;
        Ok(inserted == 1)
    }

    /// Every registered key, newest first.
    pub fn list_keys(&self) -> rusqlite::Result<Vec<KeyInfo>> {
        let conn = self.conn();
        let mut statement = conn.prepare(
            "SELECT id, name, fingerprint, created_at, expires_at, revoked_at, last_used_at FROM keys ORDER BY created_at DESC",
        )?;
        statement.query_map([], key_from_row)?.collect()
    }

    /// Revokes a key; false if there is none with this id.
    pub fn revoke_key(&self, id: &str, now: i64) -> rusqlite::Result<bool> {
        let changed = self.conn().execute(
            "UPDATE keys SET revoked_at = COALESCE(revoked_at, ?2) WHERE id = ?1",
            params![id, now],
        )?;
        Ok(changed == 1)
    }

    /// The key with this fingerprint. Counted, so tests can show that a
    /// malformed key never reaches the database.
    pub fn key_by_fingerprint(&self, fingerprint: &str) -> rusqlite::Result<Option<KeyInfo>> {
        self.key_lookups.fetch_add(1, Ordering::Relaxed);
        self.conn()
            .query_row(
                "SELECT id, name, fingerprint, created_at, expires_at, revoked_at, last_used_at FROM keys WHERE fingerprint = ?1",
                [fingerprint],
                key_from_row,
            )
            .optional()
    }

    /// How many key lookups have been made.
    pub fn key_lookups(&self) -> u64 {
        self.key_lookups.load(Ordering::Relaxed)
    }

    /// Records an issued token and the key's last use.
    pub fn record_token(&self, jti: &str, key_id: &str, issued_at: i64, expires_at: i64) -> rusqlite::Result<()> {
        let mut conn = self.conn();
        let transaction = conn.transaction()?;
        transaction.execute(
            "INSERT INTO tokens (jti, key_id, issued_at, expires_at) VALUES (?1, ?2, ?3, ?4)",
            params![jti, key_id, issued_at, expires_at],
        )?;
        transaction.execute(
            "UPDATE keys SET last_used_at = ?2 WHERE id = ?1",
            params![key_id, issued_at],
        )?;
        transaction.commit()
    }

    /// Deletes the records of tokens that expired before `now` (they are
    /// inactive whatever the record says). Returns how many went.
    pub fn prune_expired_tokens(&self, now: i64) -> rusqlite::Result<usize> {
        self.conn().execute("DELETE FROM tokens WHERE expires_at <= ?1", [now])
    }

    /// The id of the key that issued token `jti`.
    pub fn token_issuer(&self, jti: &str) -> rusqlite::Result<Option<String>> {
        self.conn()
            .query_row("SELECT key_id FROM tokens WHERE jti = ?1", [jti], |row| row.get(0))
            .optional()
    }
}

fn key_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<KeyInfo> {
    Ok(KeyInfo {
        id: row.get(0)?,
        name: row.get(1)?,
        fingerprint: row.get(2)?,
        created_at: row.get(3)?,
        expires_at: row.get(4)?,
        revoked_at: row.get(5)?,
        last_used_at: row.get(6)?,
    })
}
