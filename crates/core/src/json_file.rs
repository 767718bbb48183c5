//! Small versioned JSON files (settings, workspace, activity): `{"version": N, ...}`.
//!
//! A file written by a newer version of the app is reported and never
//! rewritten; fields this version doesn't know are kept when it rewrites an
//! older or same-version file; a damaged file is reported, named for what it
//! holds, and left as it is. A file from before versions were written counts
//! as version 1.

use std::path::PathBuf;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::atomic_file::write_atomically;
use crate::error::CoreError;

/// The format version this app writes.
pub(crate) const FORMAT_VERSION: u64 = 1;

/// What a file holds, for the messages about it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum FileKind {
    /// `settings.json`.
    Settings,
    /// `workspace.json`.
    Workspace,
    /// `activity.json`.
    Activity,
    /// `reminders.json`.
    Reminders,
}

/// One versioned JSON file.
#[derive(Debug, Clone)]
pub(crate) struct JsonFile {
    path: PathBuf,
    kind: FileKind,
}

impl JsonFile {
    pub(crate) fn new(path: PathBuf, kind: FileKind) -> Self {
        Self { path, kind }
    }

    /// The file's content, or the default if there is no file.
    pub(crate) fn load<T: DeserializeOwned + Default>(&self) -> Result<T, CoreError> {
        match self.read_fields()? {
            None => Ok(T::default()),
            Some(fields) => serde_json::from_value(Value::Object(fields)).map_err(|_| self.corrupt()),
        }
    }

    /// Writes `value`, keeping fields of the existing file this version
    /// doesn't know. Refuses to overwrite a newer version's file, and a
    /// damaged one.
    pub(crate) fn save<T: Serialize>(&self, value: &T) -> Result<(), CoreError> {
        let mut fields = self.read_fields()?.unwrap_or_default();
        let Value::Object(ours) = serde_json::to_value(value).expect("a file's content serializes") else {
            unreachable!("files hold JSON objects");
        };
        fields.extend(ours);
        fields.insert("version".into(), FORMAT_VERSION.into());
        write_atomically(
            &self.path,
            &serde_json::to_vec_pretty(&fields).expect("JSON serializes"),
        )
    }

    /// Takes the file's exclusive lock (a `.lock` file beside it, 0600),
    /// released when the returned handle is dropped.
    pub(crate) fn lock(&self) -> Result<std::fs::File, CoreError> {
        let folder = self.path.parent().expect("a file is inside a folder");
        crate::atomic_file::create_private_dir(folder).map_err(|e| CoreError::storage(folder, &e))?;
        let lock_path = self.path.with_extension("json.lock");
        let file = crate::atomic_file::open_private_file(&lock_path).map_err(|e| CoreError::storage(&lock_path, &e))?;
        file.lock().map_err(|e| CoreError::storage(&lock_path, &e))?;
        Ok(file)
    }

    /// The file's fields, `None` if there is no file.
    fn read_fields(&self) -> Result<Option<Map<String, Value>>, CoreError> {
        let bytes = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(CoreError::storage(&self.path, &error)),
        };
        let Ok(Value::Object(fields)) = serde_json::from_slice(&bytes) else {
            return Err(self.corrupt());
        };
        match fields.get("version") {
            None => {}
            Some(Value::Number(n)) if n.as_u64().is_some_and(|v| v <= FORMAT_VERSION) => {}
            Some(Value::Number(n)) if n.as_u64().is_some() => {
                return Err(CoreError::FileTooNew {
                    path: self.path.display().to_string(),
                    found: n.as_u64().unwrap_or_default(),
                });
            }
            Some(_) => return Err(self.corrupt()),
        }
        Ok(Some(fields))
    }

    fn corrupt(&self) -> CoreError {
        let path = self.path.display().to_string();
        match self.kind {
            FileKind::Settings => CoreError::SettingsCorrupt { path },
            FileKind::Workspace => CoreError::WorkspaceCorrupt { path },
            FileKind::Activity | FileKind::Reminders => CoreError::ActivityCorrupt { path },
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    struct Content {
        #[serde(default)]
        name: Option<String>,
    }

    fn file(dir: &Path) -> JsonFile {
        JsonFile::new(dir.join("settings.json"), FileKind::Settings)
    }

    #[test]
    fn the_format_version_is_written_and_unknown_fields_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        std::fs::write(&path, r#"{"version": 1, "name": "old", "theme": "dark"}"#).unwrap();
        file(dir.path())
            .save(&Content {
                name: Some("new".into()),
            })
            .unwrap();
        let on_disk: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(on_disk["version"], 1);
        assert_eq!(on_disk["name"], "new");
        assert_eq!(on_disk["theme"], "dark", "a field from a later version was dropped");
    }

    #[test]
    fn a_newer_versions_file_is_reported_and_never_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        let newer = r#"{"version": 2, "name": "from the future"}"#;
        std::fs::write(&path, newer).unwrap();
        let error = file(dir.path()).load::<Content>().unwrap_err();
        assert_eq!(error.code(), "file_too_new");
        assert!(file(dir.path()).save(&Content::default()).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
    }

    #[test]
    fn a_damaged_workspace_file_is_named_and_no_advice_drops_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("workspace.json");
        std::fs::write(&path, "{ damaged").unwrap();
        let error = JsonFile::new(path.clone(), FileKind::Workspace)
            .load::<Content>()
            .unwrap_err();
        assert_eq!(error.code(), "workspace_corrupt");
        let message = error.to_string();
        assert!(message.contains("workspace connection file") && message.contains(&path.display().to_string()));
        for advice in ["delete", "Delete", "move it", "Move it"] {
            assert!(
                !message.contains(advice),
                "the message advises to {advice} the file: {message}"
            );
        }
    }

    #[test]
    fn a_file_from_before_versions_loads() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("settings.json"), r#"{"name": "unversioned"}"#).unwrap();
        assert_eq!(
            file(dir.path()).load::<Content>().unwrap().name.as_deref(),
            Some("unversioned")
        );
    }
}
