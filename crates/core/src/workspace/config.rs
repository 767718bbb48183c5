//! Which workspace server the app is connected to, and revocations still to
//! send to it. Stored as `workspace.json` in the config folder; the account
//! token is not here (it is in the keychain).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic_file::{read_json_or_default, write_atomically};
use crate::error::CoreError;
use crate::record::KeyId;

/// The saved workspace connection.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkspaceConfig {
    /// The server's address, when connected.
    pub server_url: Option<String>,
    /// Keys deleted here whose revocation the server has not confirmed yet.
    #[serde(default)]
    pub pending_revocations: Vec<KeyId>,
}

/// The file `workspace.json` in a config folder.
#[derive(Debug, Clone)]
pub struct WorkspaceFile {
    path: PathBuf,
}

impl WorkspaceFile {
    /// The workspace file in `config_dir`.
    pub fn in_dir(config_dir: &Path) -> Self {
        Self {
            path: config_dir.join("workspace.json"),
        }
    }

    /// The saved connection, or none. A damaged file is reported, not reset.
    pub fn load(&self) -> Result<WorkspaceConfig, CoreError> {
        read_json_or_default(&self.path)
    }

    /// Saves the connection.
    pub fn save(&self, config: &WorkspaceConfig) -> Result<(), CoreError> {
        write_atomically(
            &self.path,
            &serde_json::to_vec_pretty(config).expect("config serializes"),
        )
    }

    /// Loads, changes and saves.
    pub fn update(&self, change: impl FnOnce(&mut WorkspaceConfig)) -> Result<WorkspaceConfig, CoreError> {
        let mut config = self.load()?;
        change(&mut config);
        self.save(&config)?;
        Ok(config)
    }
}
