//! Small JSON files: read with a default when absent, and durable,
//! all-or-nothing writes (a temporary file in the same folder, fsync, rename
//! over the target, fsync of the folder).

use std::io::Write;
use std::path::Path;

use crate::error::CoreError;

/// Reads the JSON at `path`, or the default if there is no file. A file that
/// can't be parsed is reported and left as it is, never reset.
pub(crate) fn read_json_or_default<T: serde::de::DeserializeOwned + Default>(path: &Path) -> Result<T, CoreError> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|_| CoreError::SettingsCorrupt {
            path: path.display().to_string(),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(T::default()),
        Err(e) => Err(CoreError::storage(path, &e)),
    }
}

/// Replaces `path` with `bytes` so that a crash leaves either the old or the
/// new content, never a mix. Creates the folder if needed.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), CoreError> {
    let folder = path.parent().expect("a file is inside a folder");
    let fail = |e: std::io::Error| CoreError::storage(path, &e);
    std::fs::create_dir_all(folder).map_err(fail)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".toucan-")
        .tempfile_in(folder)
        .map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(path).map_err(|e| fail(e.error))?;
    sync_folder(folder).map_err(fail)
}

/// Makes a rename durable by syncing the folder that holds it (Unix only;
/// Windows has no folder handles to sync).
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    std::fs::File::open(folder)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}
