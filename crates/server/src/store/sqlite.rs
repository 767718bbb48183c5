//! The SQLite store: `server.sqlite3` in the data folder, for one server process.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{Connection, OptionalExtension, params};

use toucan_keys_protocol::limits::KeyLimits;

use super::{KeyInfo, Leak, StoreError, StoreResult};
use crate::private_files;

/// The database's file name inside the data folder.
pub const DATABASE_FILE: &str = "server.sqlite3";

/// Each step of the schema, in order; `PRAGMA user_version` counts the steps
/// done. A step is never changed once released: add one instead.
const MIGRATIONS: &[&str] = &[
    // 1: the first release's tables.
    "CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value BLOB NOT NULL);
     CREATE TABLE IF NOT EXISTS keys (
       id TEXT PRIMARY KEY, name TEXT NOT NULL, fingerprint TEXT NOT NULL UNIQUE,
       created_at INTEGER NOT NULL, expires_at INTEGER, revoked_at INTEGER, last_used_at INTEGER);
     CREATE TABLE IF NOT EXISTS tokens (
       jti TEXT PRIMARY KEY, key_id TEXT NOT NULL REFERENCES keys(id), issued_at INTEGER NOT NULL, expires_at INTEGER NOT NULL);",
    // 2: no row per token (introspection reads the signed claims and the key's
    // state); keys name the origins their tokens may be used from; typed attributes.
    "DROP TABLE IF EXISTS tokens;
     ALTER TABLE keys ADD COLUMN allowed_origins TEXT NOT NULL DEFAULT '[]';
     CREATE TABLE IF NOT EXISTS attributes (name TEXT PRIMARY KEY, type TEXT NOT NULL);",
    // 3: restricted keys: their limits, as JSON ({} for full access).
    "ALTER TABLE keys ADD COLUMN limits TEXT NOT NULL DEFAULT '{}';",
    // 4: where and when keys were found in public (secret-scanning reports).
    "CREATE TABLE IF NOT EXISTS leaks (
       key_id TEXT NOT NULL REFERENCES keys(id), found_at INTEGER NOT NULL, url TEXT, source TEXT);
     CREATE INDEX IF NOT EXISTS leaks_by_key ON leaks (key_id, found_at);",
];

/// The SQLite database. One connection behind a mutex: each call is short,
/// and the hot path (token requests) reads keys from memory.
pub struct SqliteStore {
    conn: Mutex<Connection>,
}

const KEY_COLUMNS: &str =
    "id, name, fingerprint, created_at, expires_at, revoked_at, last_used_at, allowed_origins, limits";

impl SqliteStore {
    /// Opens (or creates) `server.sqlite3` in `data_dir`. The folder and the
    /// database files are for the server's user only (0700 and 0600 on Unix;
    /// existing ones are tightened): they hold the token-signing key.
    pub fn open(data_dir: &Path) -> StoreResult<Self> {
        let database = data_dir.join(DATABASE_FILE);
        private_files::create_folder(data_dir)?;
        // SQLite gives its -wal and -shm files the database file's mode.
        private_files::create_file(&database)?;
        let mut conn = Connection::open(&database)?;
        // WAL with synchronous=NORMAL: a crash never corrupts the database; a power cut may lose the last writes.
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")?;
        migrate(&mut conn)?;
        for suffix in ["", "-wal", "-shm"] {
            private_files::tighten(&data_dir.join(format!("{DATABASE_FILE}{suffix}")))?;
        }
        Ok(Self { conn: Mutex::new(conn) })
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(super) fn setting(&self, name: &str) -> StoreResult<Option<Vec<u8>>> {
        Ok(self
            .conn()
            .query_row("SELECT value FROM settings WHERE name = ?1", [name], |row| row.get(0))
            .optional()?)
    }

    pub(super) fn set_setting(&self, name: &str, value: &[u8]) -> StoreResult<()> {
        self.conn().execute(
            "INSERT OR REPLACE INTO settings (name, value) VALUES (?1, ?2)",
            params![name, value],
        )?;
        Ok(())
    }

    pub(super) fn add_setting(&self, name: &str, value: &[u8]) -> StoreResult<bool> {
        let added = self.conn().execute(
            "INSERT OR IGNORE INTO settings (name, value) VALUES (?1, ?2)",
            params![name, value],
        )?;
        Ok(added == 1)
    }

    pub(super) fn register_key(&self, key: &KeyInfo) -> StoreResult<bool> {
        let inserted = self.conn().execute(
            "INSERT OR IGNORE INTO keys (id, name, fingerprint, created_at, expires_at, allowed_origins, limits)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                key.id,
                key.name,
                key.fingerprint,
                key.created_at,
                key.expires_at,
                serde_json::to_string(&key.allowed_origins).expect("strings serialize"),
                serde_json::to_string(&key.limits).expect("limits serialize"),
            ],
        )?;
        Ok(inserted == 1)
    }

    pub(super) fn list_keys(&self) -> StoreResult<Vec<KeyInfo>> {
        let conn = self.conn();
        let mut statement = conn.prepare(&format!("SELECT {KEY_COLUMNS} FROM keys ORDER BY created_at DESC, id"))?;
        let keys = statement.query_map([], key_from_row)?.collect::<Result<_, _>>()?;
        Ok(keys)
    }

    pub(super) fn revoke_key(&self, id: &str, now: i64) -> StoreResult<bool> {
        let changed = self.conn().execute(
            "UPDATE keys SET revoked_at = COALESCE(revoked_at, ?2) WHERE id = ?1",
            params![id, now],
        )?;
        Ok(changed == 1)
    }

    pub(super) fn set_origins(&self, id: &str, origins: &[String]) -> StoreResult<bool> {
        let changed = self.conn().execute(
            "UPDATE keys SET allowed_origins = ?2 WHERE id = ?1",
            params![id, serde_json::to_string(origins).expect("strings serialize")],
        )?;
        Ok(changed == 1)
    }

    pub(super) fn set_limits(&self, id: &str, limits: &KeyLimits) -> StoreResult<bool> {
        let changed = self.conn().execute(
            "UPDATE keys SET limits = ?2 WHERE id = ?1",
            params![id, serde_json::to_string(limits).expect("limits serialize")],
        )?;
        Ok(changed == 1)
    }

    pub(super) fn shorten_expiry(&self, id: &str, at: i64) -> StoreResult<bool> {
        let changed = self.conn().execute(
            "UPDATE keys SET expires_at = MIN(COALESCE(expires_at, ?2), ?2) WHERE id = ?1",
            params![id, at],
        )?;
        Ok(changed == 1)
    }

    pub(super) fn record_leak(&self, id: &str, leak: &Leak) -> StoreResult<()> {
        self.conn().execute(
            "INSERT INTO leaks (key_id, found_at, url, source) VALUES (?1, ?2, ?3, ?4)",
            params![id, leak.found_at, leak.url, leak.source],
        )?;
        Ok(())
    }

    pub(super) fn first_leaks(&self) -> StoreResult<std::collections::HashMap<String, Leak>> {
        let conn = self.conn();
        // SQLite takes the bare columns of the row whose found_at is the MIN.
        let mut statement = conn.prepare("SELECT key_id, MIN(found_at), url, source FROM leaks GROUP BY key_id")?;
        let leaks = statement
            .query_map([], |row| {
                Ok((
                    row.get(0)?,
                    Leak {
                        found_at: row.get(1)?,
                        url: row.get(2)?,
                        source: row.get(3)?,
                    },
                ))
            })?
            .collect::<Result<_, _>>()?;
        Ok(leaks)
    }

    pub(super) fn key_by_fingerprint(&self, fingerprint: &str) -> StoreResult<Option<KeyInfo>> {
        Ok(self
            .conn()
            .query_row(
                &format!("SELECT {KEY_COLUMNS} FROM keys WHERE fingerprint = ?1"),
                [fingerprint],
                key_from_row,
            )
            .optional()?)
    }

    pub(super) fn record_uses(&self, uses: &[(String, i64)]) -> StoreResult<()> {
        let mut conn = self.conn();
        let transaction = conn.transaction()?;
        {
            let mut update = transaction
                .prepare("UPDATE keys SET last_used_at = MAX(COALESCE(last_used_at, 0), ?2) WHERE id = ?1")?;
            for (id, at) in uses {
                update.execute(params![id, at])?;
            }
        }
        transaction.commit()?;
        Ok(())
    }

    pub(super) fn attributes(&self) -> StoreResult<Vec<(String, String)>> {
        let conn = self.conn();
        let mut statement = conn.prepare("SELECT name, type FROM attributes ORDER BY name")?;
        let attributes = statement
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok(attributes)
    }

    pub(super) fn set_attributes(&self, attributes: &[(String, String)]) -> StoreResult<()> {
        let mut conn = self.conn();
        let transaction = conn.transaction()?;
        transaction.execute("DELETE FROM attributes", [])?;
        for (name, kind) in attributes {
            transaction.execute(
                "INSERT INTO attributes (name, type) VALUES (?1, ?2)",
                params![name, kind],
            )?;
        }
        transaction.commit()?;
        Ok(())
    }

    pub(super) fn ping(&self) -> StoreResult<()> {
        self.conn().query_row("SELECT 1", [], |_| Ok(()))?;
        Ok(())
    }
}

fn migrate(conn: &mut Connection) -> StoreResult<()> {
    let transaction = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let done: usize = transaction.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if done > MIGRATIONS.len() {
        return Err(StoreError::Corrupt(format!(
            "the database was made by a newer version of the server (schema {done}; this one knows {})",
            MIGRATIONS.len()
        )));
    }
    for step in &MIGRATIONS[done..] {
        transaction.execute_batch(step)?;
    }
    transaction.execute_batch(&format!("PRAGMA user_version = {}", MIGRATIONS.len()))?;
    transaction.commit()?;
    Ok(())
}

fn key_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<KeyInfo> {
    let origins: String = row.get(7)?;
    let limits: String = row.get(8)?;
    Ok(KeyInfo {
        id: row.get(0)?,
        name: row.get(1)?,
        fingerprint: row.get(2)?,
        created_at: row.get(3)?,
        expires_at: row.get(4)?,
        revoked_at: row.get(5)?,
        last_used_at: row.get(6)?,
        allowed_origins: serde_json::from_str(&origins).unwrap_or_default(),
        limits: limits_from_json(&limits)?,
    })
}

/// Limits as stored. Unreadable limits fail the read: a restricted key must
/// never be served as a full-access one.
fn limits_from_json(text: &str) -> rusqlite::Result<KeyLimits> {
    serde_json::from_str(text)
        .map_err(|error| rusqlite::Error::FromSqlConversionFailure(8, rusqlite::types::Type::Text, Box::new(error)))
}
