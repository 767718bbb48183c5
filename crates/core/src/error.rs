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
    NameEmpty,
    /// The name is longer than allowed.
    NameTooLong {
        /// Characters in the trimmed name.
        chars: usize,
        /// The most allowed.
        max: usize,
    },
    /// The name holds control characters (line breaks, tabs, …).
    NameHasControlCharacters,
    /// Another active key has this name.
    NameTaken {
        /// The name of the existing key.
        name: String,
    },
    /// The chosen expiry date is today or earlier.
    ExpiryInPast,
    /// No key has this id.
    KeyNotFound,
    /// No key has this name or id (a name typed on the command line).
    KeyNotNamed {
        /// What was asked for.
        wanted: String,
    },
    /// The key is revoked, so it can't be used or copied.
    KeyRevoked,
    /// The key's expiry date has passed, so it can't be used or copied.
    KeyExpired {
        /// The day it expired, as a person reads it ("28 November 2026").
        on: String,
    },
    /// The key was found in public: it is never handed out again.
    KeyLeaked,
    /// The key was rolled already: its replacement is the one to roll.
    KeyAlreadyRolled {
        /// The replacement's name.
        replacement: String,
    },
    /// Only revoked keys may be deleted.
    KeyNotRevoked,
    /// A web origin a key was to be limited to isn't one.
    OriginInvalid {
        /// What was typed.
        origin: String,
    },
    /// A key's limit can't be set as chosen.
    LimitInvalid {
        /// The limit's field, as the server names it (`limits.networks[1]`).
        field: String,
        /// What was given there, shortened (a network as typed, an attribute's name).
        given: String,
    },
    /// A session token was asked for an origin its key isn't limited to, or
    /// for none when the key is.
    OriginNotAllowed {
        /// The key's origins.
        allowed: Vec<String>,
    },
    /// More origins than a key may have.
    TooManyOrigins {
        /// The most.
        max: usize,
    },
    /// A keychain entry found without a record already has one again.
    KeyAlreadyListed,
    /// A pasted key is malformed.
    InvalidKey(#[from] ParseKeyError),
    /// The keychain refused or failed.
    Keychain(#[from] VaultError),
    /// The key list file can't be read; it is kept as it is.
    RegistryCorrupt {
        /// The registry file.
        path: String,
    },
    /// The key list was written by a newer version of the app.
    RegistryTooNew {
        /// The registry file.
        path: String,
        /// The version found in the file.
        found: u32,
    },
    /// The disk is full.
    DiskFull,
    /// The settings file can't be read; it is kept as it is.
    SettingsCorrupt {
        /// The settings file.
        path: String,
    },
    /// The workspace file can't be read; it is kept as it is, since it may
    /// list revocations the server hasn't received yet.
    WorkspaceCorrupt {
        /// The workspace file.
        path: String,
    },
    /// The start at login couldn't be read or changed.
    Autostart {
        /// What the system said.
        detail: String,
    },
    /// The activity history or the reminder log can't be read.
    ActivityCorrupt {
        /// The activity file.
        path: String,
    },
    /// A settings or workspace file was written by a newer version of the app.
    FileTooNew {
        /// The file.
        path: String,
        /// The version found in the file.
        found: u64,
    },
    /// The display name is empty, too long, or holds control characters.
    DisplayNameInvalid,
    /// The clipboard delay is outside what is offered.
    ClearDelayOutOfRange,
    /// The clipboard could not be written.
    Clipboard {
        /// The platform's description.
        detail: String,
    },
    /// The workspace server couldn't be reached, or refused.
    Server(#[from] ServerError),
    /// The end user's id for a token is empty, too long or holds control characters.
    DistinctIdInvalid,
    /// An attribute row is incomplete or repeated.
    AttributeInvalid {
        /// The row, counting from 1.
        row: usize,
        /// What is wrong with it.
        problem: String,
    },
    /// Copy was asked for before any session token was generated.
    NoTokenToCopy,
    /// The token lifetime is outside what is offered.
    LifetimeOutOfRange,
    /// Checking for or installing an update failed.
    Update(#[from] UpdateError),
    /// Reading or writing the key list failed for another reason.
    Storage {
        /// The file or folder involved.
        path: String,
        /// The operating system's description.
        detail: String,
    },
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
            Self::KeyLeaked => ErrorCode::KeyLeaked,
            Self::KeyNotRevoked => ErrorCode::KeyNotRevoked,
            Self::KeyAlreadyListed => ErrorCode::KeyAlreadyListed,
            Self::OriginInvalid { .. } | Self::TooManyOrigins { .. } => ErrorCode::OriginInvalid,
            Self::OriginNotAllowed { .. } => ErrorCode::OriginNotAllowed,
            Self::LimitInvalid { .. } => ErrorCode::LimitInvalid,
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
            Self::LimitInvalid { .. } => ErrorField::Limits,
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
