//! Session tokens: Ed25519-signed JWTs (`alg: EdDSA`) with a `kid`, so any
//! party can verify them with the public key from `/.well-known/jwks.json`.
//! See docs/EMBED_SERVER.md for why JWS rather than Toucan's JWE.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signature, Signer as _, SigningKey, Verifier as _, VerifyingKey};
use serde::Serialize;
use serde_json::{Value, json};

/// The longest token `verify` reads. Tokens this server signs stay below
/// it: attributes are capped in number and size (token_request.rs).
pub const MAX_TOKEN_BYTES: usize = 32 * 1024;

/// Signs tokens with the server's current Ed25519 key, and checks them
/// against it and the retired keys whose tokens may not have expired yet.
pub struct TokenSigner {
    kid: String,
    key: SigningKey,
    /// The JWS header, base64url: the same for every token.
    encoded_header: String,
    /// Retired keys, verify only, by key id.
    retired: Vec<(String, VerifyingKey)>,
}

/// The key id of a public key: base64url of the first 12 bytes of its SHA-256.
fn kid_of(key: &VerifyingKey) -> String {
    let digest = <sha2::Sha256 as sha2::Digest>::digest(key.as_bytes());
    URL_SAFE_NO_PAD.encode(&digest[..12])
}

/// Why a token is not valid (introspection reports it as inactive).
#[derive(Debug, PartialEq, Eq)]
pub enum TokenProblem {
    /// Not three base64url parts of JSON.
    Malformed,
    /// Another algorithm or key id than ours.
    WrongKey,
    /// The signature does not match: the token was changed.
    BadSignature,
}

impl TokenSigner {
    /// A signer over a 32-byte Ed25519 secret.
    pub fn new(secret: [u8; 32]) -> Self {
        Self::with_retired(secret, &[])
    }

    /// A signer over `secret` that still accepts tokens signed with the
    /// `retired` secrets (listed in the JWKS too, but never signing).
    pub fn with_retired(secret: [u8; 32], retired: &[[u8; 32]]) -> Self {
        let key = SigningKey::from_bytes(&secret);
        let kid = kid_of(&key.verifying_key());
        let retired = retired
            .iter()
            .map(|secret| {
                let public = SigningKey::from_bytes(secret).verifying_key();
                (kid_of(&public), public)
            })
            .collect();
        let encoded_header = encode_json(&json!({ "alg": "EdDSA", "typ": "JWT", "kid": kid }));
        Self {
            kid,
            key,
            encoded_header,
            retired,
        }
    }

    /// The key id in every token's header.
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// A compact JWS of `claims`.
    pub fn sign(&self, claims: &impl Serialize) -> String {
        let claims = serde_json::to_vec(claims).expect("claims serialize");
        let mut token = String::with_capacity(self.encoded_header.len() + claims.len() * 4 / 3 + 100);
        token.push_str(&self.encoded_header);
        token.push('.');
        URL_SAFE_NO_PAD.encode_string(&claims, &mut token);
        let signature = self.key.sign(token.as_bytes());
        token.push('.');
        URL_SAFE_NO_PAD.encode_string(signature.to_bytes(), &mut token);
        token
    }

    /// The token for `claims`, as this server issues them.
    pub fn issue(&self, claims: &impl Serialize) -> String {
        self.sign(claims)
    }

    /// The claims of a token this server issued, if it holds.
    pub fn read(&self, token: &str) -> Result<Value, TokenProblem> {
        self.verify(token)
    }

    /// The claims of a token this server signed, if its signature holds.
    /// Anything longer than [`MAX_TOKEN_BYTES`] is refused unread.
    pub fn verify(&self, token: &str) -> Result<Value, TokenProblem> {
        let token = token.trim();
        // Bounded before any work: a longer "token" was not made here.
        if token.len() > MAX_TOKEN_BYTES {
            return Err(TokenProblem::Malformed);
        }
        let parts: Vec<&str> = token.splitn(4, '.').collect();
        let [header, claims, signature] = parts[..] else {
            return Err(TokenProblem::Malformed);
        };
        let header = decode_json(header)?;
        if header["alg"] != "EdDSA" {
            return Err(TokenProblem::WrongKey);
        }
        let current = self.key.verifying_key();
        let public = match header["kid"].as_str() {
            Some(kid) if kid == self.kid => &current,
            Some(kid) => match self.retired.iter().find(|(retired, _)| retired == kid) {
                Some((_, public)) => public,
                None => return Err(TokenProblem::WrongKey),
            },
            None => return Err(TokenProblem::WrongKey),
        };
        let signature = URL_SAFE_NO_PAD.decode(signature).map_err(|_| TokenProblem::Malformed)?;
        let signature = Signature::from_slice(&signature).map_err(|_| TokenProblem::Malformed)?;
        let signing_input = &token[..token.len() - parts[2].len() - 1];
        public
            .verify(signing_input.as_bytes(), &signature)
            .map_err(|_| TokenProblem::BadSignature)?;
        decode_json(claims)
    }

    /// The public keys as a JSON Web Key Set: the current one first, then
    /// the retired ones whose tokens may still be valid.
    pub fn jwks(&self) -> Value {
        let jwk = |kid: &str, public: &VerifyingKey| {
            let x = URL_SAFE_NO_PAD.encode(public.as_bytes());
            json!({ "kty": "OKP", "crv": "Ed25519", "x": x, "kid": kid, "alg": "EdDSA", "use": "sig" })
        };
        let mut keys = vec![jwk(&self.kid, &self.key.verifying_key())];
        keys.extend(self.retired.iter().map(|(kid, public)| jwk(kid, public)));
        json!({ "keys": keys })
    }
}

fn encode_json(value: &Value) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(value).expect("JSON values serialize"))
}

fn decode_json(part: &str) -> Result<Value, TokenProblem> {
    let bytes = URL_SAFE_NO_PAD.decode(part).map_err(|_| TokenProblem::Malformed)?;
    serde_json::from_slice(&bytes).map_err(|_| TokenProblem::Malformed)
}

/// Token ids (`jti`): unique across servers and restarts without a system
/// call per token: a random prefix drawn at start, then a counter.
pub struct TokenIds {
    prefix: String,
    next: std::sync::atomic::AtomicU64,
}

impl Default for TokenIds {
    fn default() -> Self {
        Self {
            prefix: toucan_keys_protocol::key_format::random_base62(16),
            next: std::sync::atomic::AtomicU64::new(0),
        }
    }
}

impl TokenIds {
    /// The next id.
    pub fn next(&self) -> String {
        let n = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        format!("{}{n:x}", self.prefix)
    }
}
