//! Key names: what a person calls a key ("Production backend").

use crate::error::CoreError;

/// The longest name allowed, in characters, after trimming.
pub const MAX_NAME_CHARS: usize = 64;

/// A valid key name: 1 to 64 characters after trimming, no control characters.
/// Uniqueness among active keys is checked by the key manager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyName(String);

impl KeyName {
    /// Checks and trims a name typed by a person.
    pub fn parse(input: &str) -> Result<Self, CoreError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(CoreError::NameEmpty);
        }
        let chars = trimmed.chars().count();
        if chars > MAX_NAME_CHARS {
            return Err(CoreError::NameTooLong {
                chars,
                max: MAX_NAME_CHARS,
            });
        }
        if trimmed.chars().any(char::is_control) {
            return Err(CoreError::NameHasControlCharacters);
        }
        Ok(Self(trimmed.to_owned()))
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
