//! The one type that holds a key's secret.
//!
//! [`SecretKey`] never shows its value by accident: `Debug` and `Display` print
//! `[redacted]`, it does not implement `Serialize`, and its memory is zeroed
//! when it is dropped. The only ways to get at the characters are
//! [`SecretKey::expose_secret`] (Rust-side use: keychain, clipboard, HTTP header)
//! and [`SecretKey::into_one_time_reveal`], the single path by which a key may
//! be serialized: once, to show a newly created key to its owner.

use std::fmt;

use serde::{Serialize, Serializer};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::key_format::{KEY_LEN, KEY_PREFIX};

/// Rust-side access to a secret's characters (keychain, clipboard, HTTP
/// headers). Implemented by every secret type; never log what it returns.
pub trait ExposeSecret {
    /// The secret's characters.
    fn expose_secret(&self) -> &str;
}

/// A full API key (`tck_…`), kept secret.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct SecretKey(String);

impl SecretKey {
    /// Wraps a string already checked to be a well-formed key.
    /// Only the key format module may call this.
    pub(crate) fn from_checked(value: String) -> Self {
        debug_assert_eq!(value.len(), KEY_LEN);
        Self(value)
    }

    /// The key's characters, for Rust-side use only (keychain, clipboard,
    /// HTTP headers). Never log, serialize or send them to the UI.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// A hint that is safe to show: `tck_…` and the last four characters.
    pub fn hint(&self) -> String {
        format!("{KEY_PREFIX}…{}", &self.0[self.0.len() - 4..])
    }

    /// The SHA-256 fingerprint of the whole key, as 64 lowercase hex digits.
    /// A server stores this instead of the key.
    pub fn fingerprint(&self) -> String {
        crate::key_identity::sha256_hex(&self.0)
    }

    /// Consumes the key into the one value that may be serialized: the
    /// one-time reveal shown to the owner right after creation.
    pub fn into_one_time_reveal(self) -> OneTimeReveal {
        OneTimeReveal(Zeroizing::new(self.0.clone()))
    }
}

impl ExposeSecret for SecretKey {
    fn expose_secret(&self) -> &str {
        SecretKey::expose_secret(self)
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey([redacted])")
    }
}

impl fmt::Display for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// A newly created key on its way to be shown once. It serializes as the plain
/// key string and is zeroed when dropped. Made only by
/// [`SecretKey::into_one_time_reveal`].
pub struct OneTimeReveal(Zeroizing<String>);

impl Serialize for OneTimeReveal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl OneTimeReveal {
    /// Writes the key and a line break to `out`: the command line's one-time
    /// reveal (the app's goes through [`Serialize`]).
    pub fn reveal_to(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        writeln!(out, "{}", self.0.as_str())
    }
}

impl fmt::Debug for OneTimeReveal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OneTimeReveal([redacted])")
    }
}

#[cfg(test)]
mod tests {
    use crate::key_format::generate;

    #[test]
    fn debug_and_display_never_show_the_key() {
        let key = generate();
        let body = &key.expose_secret()[4..];
        for shown in [
            format!("{key:?}"),
            format!("{key}"),
            format!("{:?}", key.clone().into_one_time_reveal()),
        ] {
            assert!(!shown.contains(body), "leaked in {shown}");
            assert!(shown.contains("redacted"));
        }
    }

    #[test]
    fn one_time_reveal_serializes_as_the_plain_key() {
        let key = generate();
        let expected = serde_json::to_string(key.expose_secret()).unwrap();
        let json = serde_json::to_string(&key.clone().into_one_time_reveal()).unwrap();
        assert_eq!(json, expected);
    }

    #[test]
    fn hint_shows_prefix_and_last_four_only() {
        let key = generate();
        let secret = key.expose_secret();
        assert_eq!(key.hint(), format!("tck_…{}", &secret[36..]));
    }

    #[test]
    fn fingerprint_is_sha256_of_the_whole_key() {
        // SHA-256 of the labelled test vector in docs/KEY_FORMAT.md, computed with `sha256sum`.
        let key = crate::key_format::parse(crate::key_format::TEST_VECTOR).unwrap();
        assert_eq!(key.fingerprint(), crate::key_format::TEST_VECTOR_SHA256);
    }
}
