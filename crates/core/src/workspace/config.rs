//! Which workspace server the app is connected to, and revocations still to
//! send to it. Stored as `workspace.json` in the config folder; the account
//! token is not here (it is in the keychain).

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::CoreError;
use crate::json_file::{FileKind, JsonFile};
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

    /// Loads, changes and saves.
    pub fn update(&self, change: impl FnOnce(&mut WorkspaceConfig)) -> Result<WorkspaceConfig, CoreError> {
        let mut config = self.load()?;
        change(&mut config);
        self.save(&config)?;
        Ok(config)
    }
}
