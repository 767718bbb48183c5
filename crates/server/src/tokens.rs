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
    /// Set when the server issues encrypted tokens (`--encrypt-tokens`).
    encryption: Option<TokenEncryption>,
    retired_encryption: Vec<TokenEncryption>,
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
            encryption: None,
            retired_encryption: Vec::new(),
            kid,
            key,
            encoded_header,
            retired,
        }
    }

    /// From now on, tokens are also encrypted (JWE, see [`TokenEncryption`]).
    pub fn encrypting(mut self, encryption: TokenEncryption) -> Self {
        self.encryption = Some(encryption);
        self
    }

    /// Tokens encrypted with these retired keys are still read (until they
    /// expire); nothing new is encrypted with them.
    pub fn also_decrypting(mut self, retired: Vec<TokenEncryption>) -> Self {
        self.retired_encryption = retired;
        self
    }

    /// The encryption, when tokens are encrypted.
    pub fn encryption(&self) -> Option<&TokenEncryption> {
        self.encryption.as_ref()
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

    /// The token for `claims`, as this server issues them: a JWS, or a JWE
    /// wrapping the JWS when tokens are encrypted.
    pub fn issue(&self, claims: &impl Serialize) -> String {
        let signed = self.sign(claims);
        match &self.encryption {
            Some(encryption) => encryption.encrypt(&signed),
            None => signed,
        }
    }

    /// The claims of a token this server issued, if it holds: a JWS, or a
    /// JWE (five parts) this server can decrypt, wrapping one.
    pub fn read(&self, token: &str) -> Result<Value, TokenProblem> {
        let token = token.trim();
        if token.len() > MAX_TOKEN_BYTES {
            return Err(TokenProblem::Malformed);
        }
        if token.split('.').count() == 5 {
            let encryption = self.encryption.as_ref().ok_or(TokenProblem::WrongKey)?;
            let decrypted = std::iter::once(encryption)
                .chain(&self.retired_encryption)
                .map(|key| key.decrypt(token))
                .find(|result| !matches!(result, Err(TokenProblem::WrongKey)))
                .unwrap_or(Err(TokenProblem::WrongKey))?;
            return self.verify(&decrypted);
        }
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

/// Encrypted tokens: a compact JWE (`alg: dir`, `enc: A256GCM`, `cty: JWT`)
/// around the signed token, so the browser that carries it can't read the
/// claims, as with Toucan's hosted tokens. Whoever must read them (the
/// dashboard host) gets the 256-bit key as a JWK file (see docs/EMBED_SERVER.md);
/// once decrypted, the inner JWS verifies against the JWKS as usual.
pub struct TokenEncryption {
    key: ring::aead::LessSafeKey,
    secret: zeroize::Zeroizing<[u8; 32]>,
    kid: String,
    encoded_header: String,
}

impl TokenEncryption {
    /// Encryption with a 32-byte AES key.
    pub fn new(secret: [u8; 32]) -> Self {
        let unbound = ring::aead::UnboundKey::new(&ring::aead::AES_256_GCM, &secret).expect("a 32-byte key");
        let digest = <sha2::Sha256 as sha2::Digest>::digest([b"toucan-token-encryption:".as_slice(), &secret].concat());
        let kid = URL_SAFE_NO_PAD.encode(&digest[..12]);
        let encoded_header = encode_json(&json!({ "alg": "dir", "enc": "A256GCM", "cty": "JWT", "kid": kid }));
        Self {
            key: ring::aead::LessSafeKey::new(unbound),
            secret: zeroize::Zeroizing::new(secret),
            kid,
            encoded_header,
        }
    }

    /// The key's id, in each token's header and in the JWK.
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The key as a JSON Web Key, for whoever decrypts tokens. Secret.
    pub fn jwk(&self) -> Value {
        json!({
            "kty": "oct", "k": URL_SAFE_NO_PAD.encode(self.secret.as_slice()),
            "alg": "dir", "enc": "A256GCM", "use": "enc", "kid": self.kid,
        })
    }

    /// A compact JWE of `signed`.
    pub fn encrypt(&self, signed: &str) -> String {
        let mut nonce = [0u8; 12];
        getrandom::fill(&mut nonce).expect("the operating system's random source failed");
        let mut sealed = signed.as_bytes().to_vec();
        let tag = self
            .key
            .seal_in_place_separate_tag(
                ring::aead::Nonce::assume_unique_for_key(nonce),
                ring::aead::Aad::from(self.encoded_header.as_bytes()),
                &mut sealed,
            )
            .expect("a token fits AES-GCM's limits");
        format!(
            "{}..{}.{}.{}",
            self.encoded_header,
            URL_SAFE_NO_PAD.encode(nonce),
            URL_SAFE_NO_PAD.encode(&sealed),
            URL_SAFE_NO_PAD.encode(tag.as_ref())
        )
    }

    /// The signed token inside a JWE this key made; any change to it fails.
    pub fn decrypt(&self, token: &str) -> Result<String, TokenProblem> {
        let parts: Vec<&str> = token.split('.').collect();
        let [header, encrypted_key, nonce, ciphertext, tag] = parts[..] else {
            return Err(TokenProblem::Malformed);
        };
        let fields = decode_json(header)?;
        if fields["alg"] != "dir" || fields["enc"] != "A256GCM" || fields["kid"] != self.kid.as_str() {
            return Err(TokenProblem::WrongKey);
        }
        if !encrypted_key.is_empty() {
            return Err(TokenProblem::Malformed);
        }
        let nonce: [u8; 12] = URL_SAFE_NO_PAD
            .decode(nonce)
            .ok()
            .and_then(|bytes| bytes.try_into().ok())
            .ok_or(TokenProblem::Malformed)?;
        let mut sealed = URL_SAFE_NO_PAD
            .decode(ciphertext)
            .map_err(|_| TokenProblem::Malformed)?;
        sealed.extend(URL_SAFE_NO_PAD.decode(tag).map_err(|_| TokenProblem::Malformed)?);
        let opened = self
            .key
            .open_in_place(
                ring::aead::Nonce::assume_unique_for_key(nonce),
                ring::aead::Aad::from(header.as_bytes()),
                &mut sealed,
            )
            .map_err(|_| TokenProblem::BadSignature)?;
        String::from_utf8(opened.to_vec()).map_err(|_| TokenProblem::Malformed)
    }
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
