//! Key names: what a person calls a key ("Production backend").

pub use toucan_keys_protocol::key_identity::MAX_NAME_CHARS;
use toucan_keys_protocol::key_identity::{NameProblem, checked_name};

use crate::error::CoreError;

/// A valid key name: 1 to 64 characters after trimming, no control characters
/// (the protocol's rule, which the server applies too). Uniqueness among
/// active keys is checked by the key manager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyName(String);

impl KeyName {
    /// Checks and trims a name typed by a person.
    pub fn parse(input: &str) -> Result<Self, CoreError> {
        match checked_name(input) {
            Ok(name) => Ok(Self(name.to_owned())),
            Err(NameProblem::Empty) => Err(CoreError::NameEmpty),
            Err(NameProblem::TooLong { chars }) => Err(CoreError::NameTooLong {
                chars,
                max: MAX_NAME_CHARS,
            }),
            Err(NameProblem::ControlCharacters) => Err(CoreError::NameHasControlCharacters),
        }
    }

    /// The trimmed name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether two names count as the same (case-insensitive).
    pub fn same_as(&self, other: &str) -> bool {
        self.0.to_lowercase() == other.trim().to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_accepts_ordinary_names() {
        assert_eq!(
            KeyName::parse("  Production backend ").unwrap().as_str(),
            "Production backend"
        );
        assert_eq!(
            KeyName::parse("é".repeat(64).as_str())
                .unwrap()
                .as_str()
                .chars()
                .count(),
            64
        );
    }

    #[test]
    fn rejects_empty_blank_long_and_control_names() {
        assert_eq!(KeyName::parse(""), Err(CoreError::NameEmpty));
        assert_eq!(KeyName::parse("   \t "), Err(CoreError::NameEmpty));
        assert_eq!(
            KeyName::parse(&"a".repeat(65)),
            Err(CoreError::NameTooLong { chars: 65, max: 64 })
        );
        assert_eq!(KeyName::parse("a\u{7}b"), Err(CoreError::NameHasControlCharacters));
        assert_eq!(KeyName::parse("line\nbreak"), Err(CoreError::NameHasControlCharacters));
    }

    #[test]
    fn sameness_ignores_case_and_padding() {
        assert!(KeyName::parse("Production").unwrap().same_as(" PRODUCTION "));
        assert!(!KeyName::parse("Production").unwrap().same_as("Staging"));
    }
}
