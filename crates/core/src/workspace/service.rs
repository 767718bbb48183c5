//! The app's connection to its workspace server: connect and disconnect,
//! keep the server's key list in step with this computer's, and generate
//! session tokens. Offline is normal: the key list never depends on it.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::client::{EmbedClient, ServerKey, Timeouts};
use super::config::WorkspaceFile;
use super::{AccountToken, GeneratedToken, ServerError, ServerUrl, TokenRequest};
use crate::error::CoreError;
use crate::record::{KeyId, KeyRecord};
use crate::secret::SecretKey;
use crate::vault::Vault;

/// What the server says about one of this computer's keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ServerKeyState {
    /// The key's id.
    pub id: KeyId,
    /// When the server revoked it, if it did.
    pub revoked_at: Option<DateTime<Utc>>,
    /// When it last requested a token.
    pub last_used_at: Option<DateTime<Utc>>,
}

/// The workspace as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceStatus {
    /// The server's address; `None` when not connected.
    pub server_url: Option<String>,
    /// The server's view of each of this computer's keys it knows.
    pub keys: Vec<ServerKeyState>,
}

impl WorkspaceStatus {
    fn disconnected() -> Self {
        Self {
            server_url: None,
            keys: Vec::new(),
        }
    }
}

/// The workspace connection: its address in a config file, its account token
/// in the keychain.
pub struct Workspace {
    file: WorkspaceFile,
    vault: Arc<dyn Vault>,
    timeouts: Timeouts,
    client: Mutex<Option<EmbedClient>>,
}

impl Workspace {
    /// The workspace saved in `config_dir`, with its token in `vault`.
    pub fn new(config_dir: &std::path::Path, vault: Arc<dyn Vault>) -> Self {
        Self {
            file: WorkspaceFile::in_dir(config_dir),
            vault,
            timeouts: Timeouts::default(),
            client: Mutex::new(None),
        }
    }

    /// The same workspace with other timeouts (tests use short ones).
    pub fn with_timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// The connected server's address, without contacting it.
    pub fn server_url(&self) -> Result<Option<String>, CoreError> {
        Ok(self.file.load()?.server_url)
    }

    /// Checks the address and token with the server, keeps the token in the
    /// keychain and the address in the config, then registers this
    /// computer's keys. Nothing is saved unless the server accepted the token,
    /// and if saving either fails, the previous token and address stay as
    /// they were.
    pub async fn connect(&self, url: &str, token: &str, keys: &[KeyRecord]) -> Result<WorkspaceStatus, CoreError> {
        let url = ServerUrl::parse(url)?;
        let token = AccountToken::parse(token)?;
        let client = self.client_for(&url)?;
        client.list_keys(&token).await?;
        let previous = self.file.load()?;
        let previous_token = self.vault.read_account_token()?;
        self.vault.store_account_token(&token)?;
        let same_server = previous.server_url.as_deref() == Some(url.as_str());
        let saved = self.file.update(|config| {
            config.server_url = Some(url.to_string());
            if !same_server {
                config.pending_revocations.clear();
            }
        });
        if let Err(error) = saved {
            let _ = match previous_token {
                Some(previous_token) => self.vault.store_account_token(&previous_token),
                None => self.vault.remove_account_token(),
            };
            return Err(error);
        }
        self.sync(keys).await
    }

    /// Forgets the server: its token leaves the keychain, its address the config.
    pub fn disconnect(&self) -> Result<(), CoreError> {
        self.vault.remove_account_token()?;
        self.file.save(&Default::default())
    }

    /// Brings the server in step with this computer's `keys`: registers keys
    /// it doesn't know, revokes keys revoked (or deleted) here, and returns
    /// its view of them, with when each was last used.
    pub async fn sync(&self, keys: &[KeyRecord]) -> Result<WorkspaceStatus, CoreError> {
        let Some((client, token)) = self.connection()? else {
            return Ok(WorkspaceStatus::disconnected());
        };
        let mut known = client.list_keys(&token).await?;
        let mut changed = false;
        for record in keys {
            let on_server = known.iter().find(|k| k.id == record.id);
            match (record.revoked_at, on_server) {
                (None, None) => changed |= client.register_key(&token, record).await?,
                (Some(_), Some(server)) if server.revoked_at.is_none() => {
                    client.revoke_key(&token, &record.id).await?;
                    changed = true;
                }
                _ => {}
            }
        }
        let pending = self.file.load()?.pending_revocations;
        for id in &pending {
            client.revoke_key(&token, id).await?;
            changed = true;
        }
        if !pending.is_empty() {
            self.file
                .update(|config| config.pending_revocations.retain(|id| !pending.contains(id)))?;
        }
        if changed {
            known = client.list_keys(&token).await?;
        }
        Ok(self.status(&client, &known, keys))
    }

    /// Registers a new key, if connected.
    pub async fn register(&self, record: &KeyRecord) -> Result<(), CoreError> {
        if let Some((client, token)) = self.connection()? {
            client.register_key(&token, record).await?;
        }
        Ok(())
    }

    /// Revokes a key on the server, if connected. When the server can't be
    /// reached, the next [`Self::sync`] sends it (the record says it is revoked).
    pub async fn revoke(&self, id: &KeyId) -> Result<(), CoreError> {
        if let Some((client, token)) = self.connection()? {
            client.revoke_key(&token, id).await?;
        }
        Ok(())
    }

    /// Remembers a deleted key's id until the server confirms it is revoked
    /// (the record that would remind [`Self::sync`] is gone).
    pub fn forget_deleted(&self, id: &KeyId) -> Result<(), CoreError> {
        if self.file.load()?.server_url.is_none() {
            return Ok(());
        }
        self.file.update(|config| {
            if !config.pending_revocations.contains(id) {
                config.pending_revocations.push(id.clone());
            }
        })?;
        Ok(())
    }

    /// Asks the server for a session token signed for `request`, sending the
    /// key from Rust. A key the server doesn't know yet is registered first.
    pub async fn generate_token(
        &self,
        record: &KeyRecord,
        key: &SecretKey,
        request: &TokenRequest,
    ) -> Result<GeneratedToken, CoreError> {
        let body = request.to_body()?;
        let Some((client, token)) = self.connection()? else {
            return Err(ServerError::NotConnected.into());
        };
        match client.generate_token(key, &body).await {
            Err(ServerError::Refused { server_code, .. }) if server_code == "unknown_key" => {
                client.register_key(&token, record).await?;
                Ok(client.generate_token(key, &body).await?)
            }
            other => Ok(other?),
        }
    }

    /// The client and token, or `None` when no server is set up.
    fn connection(&self) -> Result<Option<(EmbedClient, AccountToken)>, CoreError> {
        let Some(url) = self.file.load()?.server_url else {
            return Ok(None);
        };
        let url = ServerUrl::parse(&url)?;
        let token = self
            .vault
            .read_account_token()?
            .ok_or_else(|| ServerError::AccountTokenMissing { host: url.host_label() })?;
        Ok(Some((self.client_for(&url)?, token)))
    }

    /// One HTTP client per server, made on first use (loading the system's
    /// certificates costs time the app's start shouldn't pay).
    fn client_for(&self, url: &ServerUrl) -> Result<EmbedClient, ServerError> {
        let mut slot = self.client.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(client) = slot.as_ref().filter(|c| c.server() == url) {
            return Ok(client.clone());
        }
        let client = EmbedClient::with_timeouts(url.clone(), self.timeouts)?;
        *slot = Some(client.clone());
        Ok(client)
    }

    fn status(&self, client: &EmbedClient, known: &[ServerKey], keys: &[KeyRecord]) -> WorkspaceStatus {
        WorkspaceStatus {
            server_url: Some(client.server().to_string()),
            keys: known
                .iter()
                .filter(|k| keys.iter().any(|r| r.id == k.id))
                .map(|k| ServerKeyState {
                    id: k.id.clone(),
                    revoked_at: k.revoked_at,
                    last_used_at: k.last_used_at,
                })
                .collect(),
        }
    }
}
