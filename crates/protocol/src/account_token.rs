//! The workspace account token: it lets the app register and revoke keys on
//! the server. Kept in the keychain, never on disk, never shown again.

use std::fmt;

use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::secret::ExposeSecret;

/// A pasted account token doesn't have the shape of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("An account token starts with tka_ followed by 40 letters and digits.")]
pub struct InvalidAccountToken;

/// The prefix of every account token.
pub const ACCOUNT_TOKEN_PREFIX: &str = "tka_";
/// The characters after the prefix.
const ACCOUNT_TOKEN_BODY_LEN: usize = 40;

/// An account token (`tka_` + 40 base62 characters), kept secret: redacted in
/// `Debug` and `Display`, zeroed on drop, never serialized.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct AccountToken(String);

impl AccountToken {
    /// A new random token (the server makes one on first start).
    pub fn generate() -> Self {
        Self(format!(
            "{ACCOUNT_TOKEN_PREFIX}{}",
            crate::key_format::random_base62(ACCOUNT_TOKEN_BODY_LEN)
        ))
    }

    /// Checks a pasted token (surrounding spaces are ignored).
    pub fn parse(text: &str) -> Result<Self, InvalidAccountToken> {
        let text = text.trim();
        let body = text.strip_prefix(ACCOUNT_TOKEN_PREFIX).ok_or(InvalidAccountToken)?;
        if body.len() != ACCOUNT_TOKEN_BODY_LEN || !body.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(InvalidAccountToken);
        }
        Ok(Self(text.to_owned()))
    }
}

impl ExposeSecret for AccountToken {
    fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for AccountToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccountToken([redacted])")
    }
}

impl fmt::Display for AccountToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_tokens_parse_back() {
        let token = AccountToken::generate();
        assert_eq!(AccountToken::parse(token.expose_secret()), Ok(token));
    }

    #[test]
    fn only_well_formed_tokens_are_accepted_and_never_shown() {
        let text = format!("tka_{}", "a".repeat(40));
        let token = AccountToken::parse(&format!("  {text}\n")).unwrap();
        assert_eq!(token.expose_secret(), text);
        assert!(!format!("{token:?} {token}").contains("aaaa"));
        for bad in [
            "",
            "tka_",
            &format!("tck_{}", "a".repeat(40)),
            &format!("tka_{}", "a".repeat(39)),
            &format!("tka_{}!", "a".repeat(39)),
        ] {
            assert_eq!(AccountToken::parse(bad), Err(InvalidAccountToken), "{bad}");
        }
    }
}
