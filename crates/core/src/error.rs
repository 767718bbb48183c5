//! The core's errors. Each has a stable `code` for programs and a message a
//! person can act on; they cross IPC as `{code, message, field}`.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::error_code::{ErrorCode, ErrorField};
use crate::key_format::ParseKeyError;
use crate::updates::UpdateError;
use crate::vault::VaultError;
use crate::workspace::ServerError;

/// Everything that can go wrong in the core.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CoreError {
    /// The name is empty after trimming.
    #[error("Give the key a name.")]
    NameEmpty,
    /// The name is longer than allowed.
    #[error("This name has {chars} characters. Use {max} or fewer.")]
    NameTooLong {
        /// Characters in the trimmed name.
        chars: usize,
        /// The most allowed.
        max: usize,
    },
    /// The name holds control characters (line breaks, tabs, …).
    #[error("Names can't contain line breaks, tabs or other invisible control characters.")]
    NameHasControlCharacters,
    /// Another active key has this name.
    #[error("You already have an active key named \"{name}\". Choose another name.")]
    NameTaken {
        /// The name of the existing key.
        name: String,
    },
    /// The chosen expiry date is today or earlier.
    #[error("Pick an expiry date after today.")]
    ExpiryInPast,
    /// No key has this id.
    #[error("This key no longer exists. It may have been deleted in another window.")]
    KeyNotFound,
    /// No key has this name or id (a name typed on the command line).
    #[error("None of your keys is named “{wanted}” or has that id. The list shows your keys.")]
    KeyNotNamed {
        /// What was asked for.
        wanted: String,
    },
    /// The key is revoked, so it can't be used or copied.
    #[error("This key has been revoked and can no longer be used.")]
    KeyRevoked,
    /// The key's expiry date has passed, so it can't be used or copied.
    #[error("This key expired on {on} and can no longer be used. Create a new key to replace it.")]
    KeyExpired {
        /// The day it expired, as a person reads it ("28 November 2026").
        on: String,
    },
    /// The key was rolled already: its replacement is the one to roll.
    #[error("This key is already being replaced by “{replacement}”. Roll that key instead.")]
    KeyAlreadyRolled {
        /// The replacement's name.
        replacement: String,
    },
    /// Only revoked keys may be deleted.
    #[error("Revoke this key before deleting it.")]
    KeyNotRevoked,
    /// A web origin a key was to be limited to isn't one.
    #[error(
        "“{origin}” isn't a web address a page can have. Write it as https://shop.example.com (http:// only for localhost), with no path."
    )]
    OriginInvalid {
        /// What was typed.
        origin: String,
    },
    /// A session token was asked for an origin its key isn't limited to, or
    /// for none when the key is.
    #[error("{}", origin_not_allowed(allowed))]
    OriginNotAllowed {
        /// The key's origins.
        allowed: Vec<String>,
    },
    /// More origins than a key may have.
    #[error("A key can be limited to {max} web addresses at most.")]
    TooManyOrigins {
        /// The most.
        max: usize,
    },
    /// A keychain entry found without a record already has one again.
    #[error("This key is already in your list. Look for it there.")]
    KeyAlreadyListed,
    /// A pasted key is malformed.
    #[error(transparent)]
    InvalidKey(#[from] ParseKeyError),
    /// The keychain refused or failed.
    #[error(transparent)]
    Keychain(#[from] VaultError),
    /// The key list file can't be read; it is kept as it is.
    #[error(
        "The key list at {path} is damaged and can't be read. It has been left untouched so nothing is lost; move it elsewhere to start a new list, or restore it from a backup."
    )]
    RegistryCorrupt {
        /// The registry file.
        path: String,
    },
    /// The key list was written by a newer version of the app.
    #[error(
        "The key list at {path} was saved by a newer version of Toucan Keys (format {found}). Update the app to open it; it has been left untouched."
    )]
    RegistryTooNew {
        /// The registry file.
        path: String,
        /// The version found in the file.
        found: u32,
    },
    /// The disk is full.
    #[error(
        "Your disk is full, so the key list couldn't be saved. Free some space and try again; nothing was changed."
    )]
    DiskFull,
    /// The settings file can't be read; it is kept as it is.
    #[error(
        "Your settings at {path} are damaged and can't be read. They have been left untouched; delete the file to go back to the defaults."
    )]
    SettingsCorrupt {
        /// The settings file.
        path: String,
    },
    /// The workspace file can't be read; it is kept as it is, since it may
    /// list revocations the server hasn't received yet.
    #[error(
        "The workspace connection file at {path} is damaged and can't be read. It has been left untouched because it may list revoked keys the server hasn't been told about yet. Restore it from a backup if you have one; your keys keep working on this computer meanwhile."
    )]
    WorkspaceCorrupt {
        /// The workspace file.
        path: String,
    },
    /// The start at login couldn't be read or changed.
    #[error(
        "Toucan Keys couldn't change whether it starts when you log in ({detail}). Try again, or change it in your system's startup settings."
    )]
    Autostart {
        /// What the system said.
        detail: String,
    },
    /// The activity history or the reminder log can't be read.
    #[error(
        "The history file {path} (key activity or expiry reminders) is damaged and can't be read. Your keys are not affected; move the file away to start a new history."
    )]
    ActivityCorrupt {
        /// The activity file.
        path: String,
    },
    /// A settings or workspace file was written by a newer version of the app.
    #[error(
        "The file {path} was saved by a newer version of Toucan Keys (format {found}). Update the app to use it; it has been left untouched."
    )]
    FileTooNew {
        /// The file.
        path: String,
        /// The version found in the file.
        found: u64,
    },
    /// The display name is empty, too long, or holds control characters.
    #[error("Enter a name of 1 to 64 characters.")]
    DisplayNameInvalid,
    /// The clipboard delay is outside what is offered.
    #[error("Choose a clipboard delay between 10 seconds and 5 minutes, or never.")]
    ClearDelayOutOfRange,
    /// The clipboard could not be written.
    #[error("The key couldn't be copied to the clipboard ({detail}). Try again.")]
    Clipboard {
        /// The platform's description.
        detail: String,
    },
    /// The workspace server couldn't be reached, or refused.
    #[error(transparent)]
    Server(#[from] ServerError),
    /// The end user's id for a token is empty, too long or holds control characters.
    #[error("Enter the user's ID from your own system (for example user-42), up to 256 characters.")]
    DistinctIdInvalid,
    /// An attribute row is incomplete or repeated.
    #[error("Attribute row {row} {problem}.")]
    AttributeInvalid {
        /// The row, counting from 1.
        row: usize,
        /// What is wrong with it.
        problem: String,
    },
    /// Copy was asked for before any session token was generated.
    #[error("Generate a token first, then copy it.")]
    NoTokenToCopy,
    /// The token lifetime is outside what is offered.
    #[error("Choose a token lifetime between 1 minute and 24 hours.")]
    LifetimeOutOfRange,
    /// Checking for or installing an update failed.
    #[error(transparent)]
    Update(#[from] UpdateError),
    /// Reading or writing the key list failed for another reason.
    #[error(
        "The key list at {path} couldn't be saved or read ({detail}). Nothing was changed; check the folder's permissions and try again."
    )]
    Storage {
        /// The file or folder involved.
        path: String,
        /// The operating system's description.
        detail: String,
    },
}

/// "Choose where the token will be used: https://a.example or https://b.example."
fn origin_not_allowed(allowed: &[String]) -> String {
    format!(
        "This key may be used only from {}. Choose where the token will be used.",
        allowed.join(", ")
    )
}

impl CoreError {
    /// A stable, machine-readable code.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::NameEmpty => ErrorCode::NameEmpty,
            Self::NameTooLong { .. } => ErrorCode::NameTooLong,
            Self::NameHasControlCharacters => ErrorCode::NameInvalid,
            Self::NameTaken { .. } => ErrorCode::NameTaken,
            Self::ExpiryInPast => ErrorCode::ExpiryInPast,
            Self::KeyNotFound | Self::KeyNotNamed { .. } => ErrorCode::KeyNotFound,
            Self::KeyRevoked => ErrorCode::KeyRevoked,
            Self::KeyExpired { .. } => ErrorCode::KeyExpired,
            Self::KeyNotRevoked => ErrorCode::KeyNotRevoked,
            Self::KeyAlreadyListed => ErrorCode::KeyAlreadyListed,
            Self::OriginInvalid { .. } | Self::TooManyOrigins { .. } => ErrorCode::OriginInvalid,
            Self::OriginNotAllowed { .. } => ErrorCode::OriginNotAllowed,
            Self::KeyAlreadyRolled { .. } => ErrorCode::KeyAlreadyRolled,
            Self::InvalidKey(_) => ErrorCode::InvalidKey,
            Self::Keychain(error) => error.code(),
            Self::RegistryCorrupt { .. } => ErrorCode::RegistryCorrupt,
            Self::RegistryTooNew { .. } => ErrorCode::RegistryTooNew,
            Self::DiskFull => ErrorCode::DiskFull,
            Self::SettingsCorrupt { .. } => ErrorCode::SettingsCorrupt,
            Self::WorkspaceCorrupt { .. } => ErrorCode::WorkspaceCorrupt,
            Self::ActivityCorrupt { .. } => ErrorCode::ActivityCorrupt,
            Self::Autostart { .. } => ErrorCode::AutostartFailed,
            Self::FileTooNew { .. } => ErrorCode::FileTooNew,
            Self::DisplayNameInvalid => ErrorCode::DisplayNameInvalid,
            Self::ClearDelayOutOfRange => ErrorCode::ClearDelayOutOfRange,
            Self::Clipboard { .. } => ErrorCode::ClipboardFailed,
            Self::Storage { .. } => ErrorCode::StorageFailed,
            Self::Server(error) => error.code(),
            Self::Update(error) => error.code(),
            Self::DistinctIdInvalid => ErrorCode::DistinctIdInvalid,
            Self::AttributeInvalid { .. } => ErrorCode::AttributeInvalid,
            Self::LifetimeOutOfRange => ErrorCode::LifetimeOutOfRange,
            Self::NoTokenToCopy => ErrorCode::NoTokenToCopy,
        }
    }

    /// The form field this error is about, if it is about one.
    pub fn field(&self) -> Option<ErrorField> {
        Some(match self {
            Self::NameEmpty | Self::NameTooLong { .. } | Self::NameHasControlCharacters | Self::NameTaken { .. } => {
                ErrorField::Name
            }
            Self::ExpiryInPast => ErrorField::ExpiryDate,
            Self::DisplayNameInvalid => ErrorField::DisplayName,
            Self::ClearDelayOutOfRange => ErrorField::ClearDelay,
            Self::DistinctIdInvalid => ErrorField::DistinctId,
            Self::AttributeInvalid { .. } => ErrorField::Attributes,
            Self::LifetimeOutOfRange => ErrorField::Lifetime,
            Self::OriginInvalid { .. } | Self::TooManyOrigins { .. } => ErrorField::Origins,
            Self::OriginNotAllowed { .. } => ErrorField::Origin,
            Self::Server(error) => return error.field(),
            _ => return None,
        })
    }

    pub(crate) fn storage(path: &std::path::Path, error: &std::io::Error) -> Self {
        if error.kind() == std::io::ErrorKind::StorageFull {
            return Self::DiskFull;
        }
        Self::Storage {
            path: path.display().to_string(),
            detail: error.to_string(),
        }
    }
}

/// Serializes as `{code, message, field}`, the shape errors take across IPC.
impl Serialize for CoreError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut state = serializer.serialize_struct("Error", 3)?;
        state.serialize_field("code", &self.code())?;
        state.serialize_field("message", &self.message())?;
        state.serialize_field("field", &self.field())?;
        state.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_code_and_message() {
        let json = serde_json::to_value(CoreError::NameTaken { name: "Prod".into() }).unwrap();
        assert_eq!(json["code"], "name_taken");
        assert_eq!(json["field"], "name");
        assert_eq!(
            json["message"],
            "You already have an active key named \"Prod\". Choose another name."
        );
        let locked = serde_json::to_value(CoreError::from(VaultError::Locked)).unwrap();
        assert_eq!(locked["code"], "keychain_locked");
        assert_eq!(locked["message"], VaultError::Locked.to_string());
        assert_eq!(locked["field"], serde_json::Value::Null);
    }

    #[test]
    fn name_errors_and_only_they_belong_to_the_name_field() {
        let samples = [
            CoreError::NameEmpty,
            CoreError::NameTooLong { chars: 65, max: 64 },
            CoreError::NameHasControlCharacters,
            CoreError::NameTaken { name: "x".into() },
            CoreError::ExpiryInPast,
            CoreError::KeyNotFound,
            CoreError::DisplayNameInvalid,
            CoreError::DistinctIdInvalid,
            CoreError::Keychain(VaultError::Locked),
        ];
        for error in samples {
            let is_name = error.field() == Some(ErrorField::Name);
            assert_eq!(is_name, error.code().as_str().starts_with("name_"), "{error:?}");
        }
    }

    #[test]
    fn a_full_disk_is_named_as_such() {
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        assert_eq!(
            CoreError::storage(std::path::Path::new("/x"), &full),
            CoreError::DiskFull
        );
    }
}
