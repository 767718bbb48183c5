//! Durable, all-or-nothing file writes (a temporary file in the same folder, fsync, rename
//! over the target, fsync of the folder).

use std::io::Write;
use std::path::Path;

use crate::error::CoreError;

/// Replaces `path` with `bytes` so that a crash leaves either the old or the
/// new content, never a mix. Creates the folder if needed.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), CoreError> {
    let folder = path.parent().expect("a file is inside a folder");
    let fail = |e: std::io::Error| CoreError::storage(path, &e);
    create_private_dir(folder).map_err(fail)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".toucan-")
        .tempfile_in(folder)
        .map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(path).map_err(|e| fail(e.error))?;
    sync_folder(folder).map_err(fail)
}

/// Creates the app's folder (and any missing parents) readable by this user
/// only: 0700 on Unix, and an existing app folder is made so too. (The
/// files written into it are 0600: temporary files are, and they are renamed
/// into place.) On Windows a user's profile folders are already private.
pub(crate) fn create_private_dir(folder: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        std::fs::DirBuilder::new().recursive(true).mode(0o700).create(folder)?;
        let permissions = std::fs::metadata(folder)?.permissions();
        if permissions.mode() & 0o077 != 0 {
            std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(folder)
}

/// Opens (creating if needed) a file only this user may read or write:
/// 0600 on Unix.
pub(crate) fn open_private_file(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
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
