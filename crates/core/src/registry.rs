//! The key registry: every key's metadata in one versioned JSON file in the
//! app-data folder. It never holds a secret.
//!
//! Writes are atomic (temporary file, fsync, rename, fsync of the folder) and
//! serialized across processes by an exclusive lock on a sibling `.lock` file,
//! so the app and a command-line tool can share it. A file that can't be read,
//! or one written by a newer version, is reported and never overwritten.

use std::fs::{self, File};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic_file::write_atomically;
use crate::error::CoreError;
use crate::record::KeyRecord;

/// The registry format this build reads and writes.
pub const REGISTRY_VERSION: u32 = 1;
/// The registry's file name inside the data folder.
pub const REGISTRY_FILE: &str = "keys.json";

/// Somewhere the key records are kept. [`FileRegistry`] is the real one; the
/// trait lets tests put a failing store in its place.
pub trait RecordStore: Send + Sync {
    /// All records, in file order.
    fn load(&self) -> Result<Vec<KeyRecord>, CoreError>;
    /// Reads the records, lets `change` edit them, and saves the result, all
    /// under one exclusive lock. Nothing is saved if `change` fails.
    fn update(&self, change: &mut dyn FnMut(&mut Vec<KeyRecord>) -> Result<(), CoreError>) -> Result<(), CoreError>;
}

#[derive(Serialize, Deserialize)]
struct RegistryDocument {
    version: u32,
    keys: Vec<KeyRecord>,
}

#[derive(Deserialize)]
struct VersionOnly {
    version: u32,
}

/// The registry file `keys.json` in a data folder.
#[derive(Debug, Clone)]
pub struct FileRegistry {
    path: PathBuf,
    lock_path: PathBuf,
}

impl FileRegistry {
    /// The registry in `data_dir` (created on first write).
    pub fn in_dir(data_dir: &Path) -> Self {
        Self {
            path: data_dir.join(REGISTRY_FILE),
            lock_path: data_dir.join(format!("{REGISTRY_FILE}.lock")),
        }
    }

    /// The registry file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn folder(&self) -> &Path {
        self.path.parent().expect("the registry file is inside a folder")
    }

    fn lock(&self, exclusive: bool) -> Result<File, CoreError> {
        let folder = self.folder();
        crate::atomic_file::create_private_dir(folder).map_err(|e| CoreError::storage(folder, &e))?;
        let file = crate::atomic_file::open_private_file(&self.lock_path)
            .map_err(|e| CoreError::storage(&self.lock_path, &e))?;
        let locked = if exclusive { file.lock() } else { file.lock_shared() };
        locked.map_err(|e| CoreError::storage(&self.lock_path, &e))?;
        Ok(file)
    }

    fn read_unlocked(&self) -> Result<Vec<KeyRecord>, CoreError> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(CoreError::storage(&self.path, &e)),
        };
        let corrupt = || CoreError::RegistryCorrupt {
            path: self.path.display().to_string(),
        };
        let version = serde_json::from_slice::<VersionOnly>(&bytes)
            .map_err(|_| corrupt())?
            .version;
        if version > REGISTRY_VERSION {
            return Err(CoreError::RegistryTooNew {
                path: self.path.display().to_string(),
                found: version,
            });
        }
        let document: RegistryDocument = serde_json::from_slice(&bytes).map_err(|_| corrupt())?;
        Ok(document.keys)
    }

    fn write_unlocked(&self, keys: Vec<KeyRecord>) -> Result<(), CoreError> {
        let document = RegistryDocument {
            version: REGISTRY_VERSION,
            keys,
        };
        let json = serde_json::to_vec_pretty(&document).expect("records always serialize");
        write_atomically(&self.path, &json)
    }
}

impl RecordStore for FileRegistry {
    fn load(&self) -> Result<Vec<KeyRecord>, CoreError> {
        let _guard = self.lock(false)?;
        self.read_unlocked()
    }

    fn update(&self, change: &mut dyn FnMut(&mut Vec<KeyRecord>) -> Result<(), CoreError>) -> Result<(), CoreError> {
        let _guard = self.lock(true)?;
        let mut keys = self.read_unlocked()?;
        change(&mut keys)?;
        self.write_unlocked(keys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(name: &str) -> KeyRecord {
        KeyRecord::new(name, &crate::key_format::generate(), chrono::Utc::now(), None)
    }

    /// Another local user can't read the key list, its lock or its folder.
    #[cfg(unix)]
    #[test]
    fn the_folder_and_its_files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("share").join("cloud.toucanai.keys");
        let registry = FileRegistry::in_dir(&data);
        registry
            .update(&mut |keys| {
                keys.push(record("Private"));
                Ok(())
            })
            .unwrap();
        assert_eq!(mode(&data), 0o700);
        assert_eq!(mode(&data.join("keys.json.lock")), 0o600);
        assert_eq!(mode(registry.path()), 0o600);

        // A folder left readable by an older version is made private again.
        fs::set_permissions(&data, fs::Permissions::from_mode(0o755)).unwrap();
        registry.update(&mut |_| Ok(())).unwrap();
        assert_eq!(mode(&data), 0o700);
    }

    #[test]
    fn a_missing_file_is_an_empty_registry() {
        let dir = tempfile::tempdir().unwrap();
        assert!(FileRegistry::in_dir(&dir.path().join("new")).load().unwrap().is_empty());
    }

    #[test]
    fn records_round_trip_through_a_versioned_file() {
        let dir = tempfile::tempdir().unwrap();
        let registry = FileRegistry::in_dir(dir.path());
        let saved = record("Production backend");
        registry
            .update(&mut |keys| {
                let _: () = keys.push(saved.clone());
                Ok(())
            })
            .unwrap();
        assert_eq!(registry.load().unwrap(), vec![saved]);
        let on_disk: serde_json::Value = serde_json::from_slice(&fs::read(registry.path()).unwrap()).unwrap();
        assert_eq!(on_disk["version"], 1);
        assert_eq!(on_disk["keys"][0]["name"], "Production backend");
    }

    #[test]
    fn a_failed_change_saves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let registry = FileRegistry::in_dir(dir.path());
        let result = registry.update(&mut |keys| {
            keys.push(record("x"));
            Err(CoreError::NameEmpty)
        });
        assert_eq!(result, Err(CoreError::NameEmpty));
        assert!(registry.load().unwrap().is_empty());
    }

    #[test]
    fn a_corrupt_file_is_reported_and_kept_byte_for_byte() {
        let dir = tempfile::tempdir().unwrap();
        let registry = FileRegistry::in_dir(dir.path());
        fs::write(registry.path(), b"{\"version\": 1, \"keys\": [tru").unwrap();
        assert!(matches!(registry.load(), Err(CoreError::RegistryCorrupt { .. })));
        let write = registry.update(&mut |keys| {
            let _: () = keys.push(record("x"));
            Ok(())
        });
        assert!(matches!(write, Err(CoreError::RegistryCorrupt { .. })));
        assert_eq!(fs::read(registry.path()).unwrap(), b"{\"version\": 1, \"keys\": [tru");
    }

    #[test]
    fn a_file_from_a_newer_version_is_reported_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let registry = FileRegistry::in_dir(dir.path());
        let newer = br#"{"version": 2, "keys": [], "somethingNew": true}"#;
        fs::write(registry.path(), newer).unwrap();
        assert!(matches!(
            registry.load(),
            Err(CoreError::RegistryTooNew { found: 2, .. })
        ));
        assert!(registry.update(&mut |_| Ok(())).is_err());
        assert_eq!(fs::read(registry.path()).unwrap(), newer);
    }

    #[test]
    fn no_temporary_files_are_left_behind() {
        let dir = tempfile::tempdir().unwrap();
        let registry = FileRegistry::in_dir(dir.path());
        for i in 0..5 {
            registry
                .update(&mut |keys| {
                    let _: () = keys.push(record(&format!("k{i}")));
                    Ok(())
                })
                .unwrap();
        }
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(names, ["keys.json", "keys.json.lock"]);
    }
}
