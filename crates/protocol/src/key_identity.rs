//! How a key is named and identified, for the app and the server alike: its
//! id (`key_…`), its name (what a person calls it) and its fingerprint
//! (SHA-256 of the key, 64 hex digits). The core checks a name typed by a
//! person with these rules; the server checks a registration with them.

/// What every key id starts with (the account token's keychain entry doesn't).
pub const KEY_ID_PREFIX: &str = "key_";
/// The longest key id, in bytes.
pub const MAX_KEY_ID_BYTES: usize = 64;
/// The longest name allowed, in characters, after trimming.
pub const MAX_NAME_CHARS: usize = 64;

/// Whether `id` is a key id.
pub fn is_key_id(id: &str) -> bool {
    id.starts_with(KEY_ID_PREFIX) && id.len() <= MAX_KEY_ID_BYTES
}

/// Why a name can't be a key's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    /// Nothing but spaces.
    Empty,
    /// More than [`MAX_NAME_CHARS`] characters (it has `chars`).
    TooLong {
        /// How many it has.
        chars: usize,
    },
    /// A control character (a line break, an escape).
    ControlCharacters,
}

/// The name as kept: `input` trimmed, if it is 1 to [`MAX_NAME_CHARS`]
/// characters with no control character.
pub fn checked_name(input: &str) -> Result<&str, NameProblem> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(NameProblem::Empty);
    }
    let chars = trimmed.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(NameProblem::TooLong { chars });
    }
    if trimmed.chars().any(char::is_control) {
        return Err(NameProblem::ControlCharacters);
    }
    Ok(trimmed)
}

/// SHA-256 of `text` as 64 lowercase hex digits: a key's fingerprint, and
/// the token hash a secret scanner is answered with.
pub fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// A fingerprint as kept (64 lowercase hex digits), if `text` is one in any case.
pub fn normalized_fingerprint(text: &str) -> Option<String> {
    let fingerprint = text.to_ascii_lowercase();
    (fingerprint.len() == 64 && fingerprint.bytes().all(|b| b.is_ascii_hexdigit())).then_some(fingerprint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(checked_name("  Prod  "), Ok("Prod"));
        assert_eq!(checked_name("   "), Err(NameProblem::Empty));
        assert_eq!(checked_name(&"é".repeat(65)), Err(NameProblem::TooLong { chars: 65 }));
        assert!(checked_name(&"é".repeat(64)).is_ok());
        assert_eq!(checked_name("a\u{1b}[2J"), Err(NameProblem::ControlCharacters));
    }

    #[test]
    fn ids_and_fingerprints_are_recognised() {
        assert!(is_key_id("key_abc"));
        assert!(!is_key_id("tka_abc"));
        assert!(!is_key_id(&format!("key_{}", "a".repeat(61))));
        assert_eq!(normalized_fingerprint(&"AB".repeat(32)), Some("ab".repeat(32)));
        assert_eq!(normalized_fingerprint("abc"), None);
        assert_eq!(normalized_fingerprint(&"zz".repeat(32)), None);
    }
}
