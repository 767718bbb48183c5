//! Reports of leaked keys from GitHub's secret-scanning partner program.
//!
//! When GitHub finds something shaped like a Toucan key in public (a commit,
//! an issue, a gist, an npm package), it POSTs a JSON array of
//! `{token, type, url, source}` to the provider's endpoint, signed with
//! ECDSA P-256 / SHA-256 over the raw body. The `Github-Public-Key-Identifier`
//! header names which of GitHub's published keys signed it, and
//! `Github-Public-Key-Signature` carries the base64 DER signature.
//!
//! The public keys are read from a file in the format of GitHub's
//! `https://api.github.com/meta/public_keys/secret_scanning` answer, each time
//! a report arrives (reports are rare): replacing the file is enough to take
//! a new key, with no restart. The server never fetches it itself.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use ring::signature::{ECDSA_P256_SHA256_ASN1, UnparsedPublicKey};
use serde::{Deserialize, Serialize};

/// The header naming the public key that signed a report.
pub const KEY_IDENTIFIER_HEADER: &str = "github-public-key-identifier";
/// The header carrying the report's signature (base64 DER).
pub const SIGNATURE_HEADER: &str = "github-public-key-signature";

/// What the server does with a key reported as found in public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnLeak {
    /// Revoke it at once (and record where it was found). The default: a
    /// key in public is used by strangers within minutes.
    #[default]
    Revoke,
    /// Only record where it was found; its owner decides.
    Report,
}

impl OnLeak {
    /// `revoke` or `report`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "revoke" => Some(Self::Revoke),
            "report" => Some(Self::Report),
            _ => None,
        }
    }
}

/// How this server takes secret-scanning reports.
#[derive(Debug, Clone)]
pub struct SecretScanning {
    /// The file holding the reporter's public keys (GitHub's format).
    pub public_keys: PathBuf,
    /// Revoke, or only record.
    pub on_leak: OnLeak,
}

/// One match in a report.
#[derive(Deserialize, utoipa::ToSchema)]
pub struct LeakMatch {
    /// What was found. Never logged, never stored: only its SHA-256 is answered.
    pub token: String,
    /// The secret type GitHub was told for this provider (`toucan_api_key`).
    #[serde(rename = "type", default)]
    pub kind: String,
    /// Where it was found.
    #[serde(default)]
    pub url: Option<String>,
    /// What kind of place that is (`content`, `commit`, `issue_comment`, `gist_content`, `npm`…).
    #[serde(default)]
    pub source: Option<String>,
}

/// Whether a reported token was one of this server's keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// A registered key: it was revoked (or recorded, with `--on-leak report`).
    TruePositive,
    /// Not a key this server knows: a look-alike, a typo or an example.
    FalsePositive,
}

/// The answer for one match, in GitHub's token-feedback format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct TokenFeedback {
    /// SHA-256 of the reported token, hex.
    pub token_hash: String,
    /// The reported type, as sent.
    pub token_type: String,
    /// Whether it was one of this server's keys.
    pub label: Label,
}

impl TokenFeedback {
    /// The feedback for `found`.
    pub fn new(found: &LeakMatch, label: Label) -> Self {
        Self {
            token_hash: toucan_keys_protocol::key_identity::sha256_hex(&found.token),
            token_type: found.kind.clone(),
            label,
        }
    }
}

/// Why a report was not believed. Its text is for the server's log; the
/// reporter gets a short refusal.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Refusal {
    /// One of the two headers is missing.
    #[error("the report has no {0} header")]
    MissingHeader(&'static str),
    /// The identifier isn't in the public-keys file.
    #[error("no public key with identifier {0:?} in the public-keys file")]
    UnknownKey(String),
    /// The signature isn't base64, or doesn't match the body.
    #[error("the signature doesn't match the body")]
    BadSignature,
    /// The public-keys file can't be read or isn't GitHub's format.
    #[error("the public-keys file {path}: {problem}")]
    KeysUnreadable {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        problem: String,
    },
}

/// GitHub's `/meta/public_keys/secret_scanning` answer.
#[derive(Deserialize)]
struct PublishedKeys {
    public_keys: Vec<PublishedKey>,
}

#[derive(Deserialize)]
struct PublishedKey {
    key_identifier: String,
    /// PEM, SubjectPublicKeyInfo.
    key: String,
}

/// The DER of a P-256 SubjectPublicKeyInfo up to its point: SEQUENCE {
/// SEQUENCE { id-ecPublicKey, prime256v1 }, BIT STRING (0 unused bits) }.
const P256_SPKI_PREFIX: [u8; 26] = [
    0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce,
    0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
];

/// The uncompressed point (65 bytes) of a PEM P-256 public key.
fn p256_point(pem: &str) -> Option<Vec<u8>> {
    let body: String = pem
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("-----"))
        .collect();
    let der = STANDARD.decode(body).ok()?;
    let point = der.strip_prefix(&P256_SPKI_PREFIX[..])?;
    (point.len() == 65 && point[0] == 0x04).then(|| point.to_vec())
}

/// The public key named `identifier` in the file at `path`.
fn public_key(path: &Path, identifier: &str) -> Result<Vec<u8>, Refusal> {
    let unreadable = |problem: String| Refusal::KeysUnreadable {
        path: path.to_owned(),
        problem,
    };
    let text = std::fs::read(path).map_err(|error| unreadable(error.to_string()))?;
    let published: PublishedKeys = serde_json::from_slice(&text)
        .map_err(|error| unreadable(format!("not {{\"public_keys\": [{{key_identifier, key}}]}}: {error}")))?;
    let key = published
        .public_keys
        .iter()
        .find(|key| key.key_identifier == identifier)
        .ok_or_else(|| Refusal::UnknownKey(identifier.to_owned()))?;
    p256_point(&key.key).ok_or_else(|| unreadable(format!("key {identifier:?} isn't a PEM P-256 public key")))
}

/// Checks that `body` was signed by the key `identifier` names, with
/// `signature` (base64 DER), against the keys in `keys_file`.
pub fn verify(keys_file: &Path, identifier: Option<&str>, signature: Option<&str>, body: &[u8]) -> Result<(), Refusal> {
    let identifier = identifier.ok_or(Refusal::MissingHeader("Github-Public-Key-Identifier"))?;
    let signature = signature.ok_or(Refusal::MissingHeader("Github-Public-Key-Signature"))?;
    let point = public_key(keys_file, identifier)?;
    let signature = STANDARD.decode(signature.trim()).map_err(|_| Refusal::BadSignature)?;
    UnparsedPublicKey::new(&ECDSA_P256_SHA256_ASN1, point)
        .verify(body, &signature)
        .map_err(|_| Refusal::BadSignature)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_pem_p256_key_gives_a_point() {
        use ring::rand::SystemRandom;
        use ring::signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, KeyPair};
        let random = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &random).unwrap();
        let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8.as_ref(), &random).unwrap();
        let der = [&P256_SPKI_PREFIX[..], pair.public_key().as_ref()].concat();
        let pem = format!(
            "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
            STANDARD.encode(der)
        );
        assert_eq!(p256_point(&pem).as_deref(), Some(pair.public_key().as_ref()));
        assert_eq!(
            p256_point("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"),
            None
        );
        assert_eq!(p256_point("not base64 at all!"), None);
    }

    #[test]
    fn a_missing_header_is_named() {
        let file = Path::new("/nonexistent");
        assert_eq!(
            verify(file, None, Some("x"), b"[]"),
            Err(Refusal::MissingHeader("Github-Public-Key-Identifier"))
        );
        assert_eq!(
            verify(file, Some("x"), None, b"[]"),
            Err(Refusal::MissingHeader("Github-Public-Key-Signature"))
        );
    }
}
