//! Which workspace server the app is connected to, and the revocations still
//! to send, per server. Stored as `workspace.json` in the config folder; the
//! account token is not here (it is in the keychain).

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::CoreError;
use crate::json_file::{FileKind, JsonFile};
use toucan_keys_protocol::limits::KeyLimits;

use crate::record::{KeyId, KeyRecord};

/// A revocation a server hasn't confirmed yet. It stays in the outbox through
/// disconnecting, reconnecting and switching servers, until that server says
/// the key is revoked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PendingRevocation {
    /// The server that must be told.
    pub server_url: String,
    /// The key to revoke there.
    pub key_id: KeyId,
    /// The key's name when it was revoked (the record may be deleted since).
    pub key_name: String,
}

/// What a key's server enforces for it (its web origins and its limits)
/// that the server hasn't confirmed yet: set in the details view while that
/// server couldn't be told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingOrigins {
    /// The server that must be told.
    pub server_url: String,
    /// The key.
    pub key_id: KeyId,
    /// Its origins from now on (empty: any).
    pub origins: Vec<String>,
    /// Its limits from now on; `None` in entries queued before keys had
    /// limits (only their origins are sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<KeyLimits>,
}

/// One entry of `pendingRevocations` as files have held it: a plain key id
/// (before entries named their server) or a full entry.
#[derive(Deserialize)]
#[serde(untagged)]
enum StoredRevocation {
    Full(PendingRevocation),
    Legacy(KeyId),
}

/// The saved workspace connection.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", from = "StoredConfig")]
pub struct WorkspaceConfig {
    /// The server's address, when connected.
    pub server_url: Option<String>,
    /// The last server connected to, while disconnected: revocations made
    /// meanwhile are queued for it.
    #[serde(default)]
    pub previous_server_url: Option<String>,
    /// Revocations not yet confirmed, oldest first.
    #[serde(default)]
    pub pending_revocations: Vec<PendingRevocation>,
    /// The server each key was registered with: the only one it is sent to.
    #[serde(default)]
    pub key_servers: std::collections::BTreeMap<KeyId, String>,
    /// Origin changes not yet confirmed by the key's server, one per key.
    #[serde(default)]
    pub pending_origins: Vec<PendingOrigins>,
    /// Every key revoked, or deleted as a found key, in any key list on this
    /// computer. The config folder outlives a moved data folder, so another
    /// list that still shows one of them as active can't bring it back: no
    /// sync registers it with a server, and that list revokes it too when it
    /// next checks the keychain.
    #[serde(default)]
    pub revoked_here: std::collections::BTreeSet<KeyId>,
}

/// The file's content as read, before legacy entries get their server.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct StoredConfig {
    server_url: Option<String>,
    #[serde(default)]
    previous_server_url: Option<String>,
    #[serde(default)]
    pending_revocations: Vec<StoredRevocation>,
    #[serde(default)]
    key_servers: std::collections::BTreeMap<KeyId, String>,
    #[serde(default)]
    pending_origins: Vec<PendingOrigins>,
    #[serde(default)]
    revoked_here: std::collections::BTreeSet<KeyId>,
}

impl From<StoredConfig> for WorkspaceConfig {
    fn from(stored: StoredConfig) -> Self {
        let server = stored.server_url.clone().or_else(|| stored.previous_server_url.clone());
        let pending_revocations = stored
            .pending_revocations
            .into_iter()
            .filter_map(|entry| match entry {
                StoredRevocation::Full(entry) => Some(entry),
                StoredRevocation::Legacy(key_id) => server.clone().map(|server_url| PendingRevocation {
                    server_url,
                    key_name: key_id.as_str().to_owned(),
                    key_id,
                }),
            })
            .collect();
        Self {
            server_url: stored.server_url,
            previous_server_url: stored.previous_server_url,
            pending_revocations,
            key_servers: stored.key_servers,
            pending_origins: stored.pending_origins,
            revoked_here: stored.revoked_here,
        }
    }
}

impl WorkspaceConfig {
    /// The server revocations are queued for now: the connected one, or the
    /// last one connected to.
    pub fn revocation_server(&self) -> Option<&str> {
        self.server_url.as_deref().or(self.previous_server_url.as_deref())
    }

    /// Queues `key_id`'s revocation for `server_url`, once.
    pub fn queue(&mut self, server_url: &str, key_id: &KeyId, key_name: &str) {
        let queued = |p: &PendingRevocation| p.server_url == server_url && &p.key_id == key_id;
        if !self.pending_revocations.iter().any(queued) {
            self.pending_revocations.push(PendingRevocation {
                server_url: server_url.to_owned(),
                key_id: key_id.clone(),
                key_name: key_name.to_owned(),
            });
        }
    }

    /// Queues what `record`'s server must enforce for it from now on (its
    /// origins and limits) for `server_url`, replacing an earlier change not
    /// yet sent.
    pub fn queue_enforced(&mut self, server_url: &str, record: &KeyRecord) {
        self.pending_origins.retain(|p| p.key_id != record.id);
        self.pending_origins.push(PendingOrigins {
            server_url: server_url.to_owned(),
            key_id: record.id.clone(),
            origins: record.allowed_origins.clone(),
            limits: Some(record.limits.clone()),
        });
    }

    /// The revocations still to send to `server_url`.
    pub fn pending_for(&self, server_url: &str) -> Vec<PendingRevocation> {
        self.pending_revocations
            .iter()
            .filter(|p| p.server_url == server_url)
            .cloned()
            .collect()
    }
}

/// The file `workspace.json` in a config folder.
#[derive(Debug, Clone)]
pub struct WorkspaceFile {
    file: JsonFile,
}

impl WorkspaceFile {
    /// The workspace file in `config_dir`.
    pub fn in_dir(config_dir: &Path) -> Self {
        Self {
            file: JsonFile::new(config_dir.join("workspace.json"), FileKind::Workspace),
        }
    }

    /// The saved connection, or none. A damaged file is reported, not reset.
    pub fn load(&self) -> Result<WorkspaceConfig, CoreError> {
        self.file.load()
    }

    /// Saves the connection.
    pub fn save(&self, config: &WorkspaceConfig) -> Result<(), CoreError> {
        self.file.save(config)
    }

    /// Loads, changes and saves, holding the file's lock throughout, so two
    /// processes (the app and a command-line tool) never lose each other's
    /// queued revocations.
    pub fn update(&self, change: impl FnOnce(&mut WorkspaceConfig)) -> Result<WorkspaceConfig, CoreError> {
        let _lock = self.file.lock()?;
        let mut config = self.load()?;
        change(&mut config);
        self.save(&config)?;
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ids_from_an_older_file_are_queued_for_the_server_they_were_meant_for() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("workspace.json"),
            r#"{"serverUrl": "https://a.example", "pendingRevocations": ["key_old"]}"#,
        )
        .unwrap();
        let config = WorkspaceFile::in_dir(dir.path()).load().unwrap();
        assert_eq!(config.pending_for("https://a.example")[0].key_id.as_str(), "key_old");
    }
}
