//! The token-signing keys in the store: the current Ed25519 key, and retired
//! ones whose tokens may still be live. Every server on one database reads
//! the same keys, so their tokens verify against the same JWKS.

use crate::store::{Store, StoreError, StoreResult};
use crate::token_request;
use crate::tokens::{TokenEncryption, TokenSigner};

/// Where one kind of key lives in the store: the current one, and the
/// retired ones whose tokens may still be live.
struct KeySlot {
    current: &'static str,
    retired: &'static str,
}

const SIGNING: KeySlot = KeySlot {
    current: "ed25519_signing_key",
    retired: "ed25519_retired_signing_keys",
};
const ENCRYPTION: KeySlot = KeySlot {
    current: "a256gcm_token_encryption_key",
    retired: "a256gcm_retired_token_encryption_keys",
};

/// A retired signing (or encryption) key: it signs (or encrypts) nothing,
/// but tokens it made stay valid until they expire, so it is kept until then.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct RetiredKey {
    #[serde(with = "secret_base64")]
    secret: [u8; 32],
    /// When it stopped signing (Unix seconds).
    retired_at: i64,
}

mod secret_base64 {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(secret: &[u8; 32], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&STANDARD.encode(secret))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<[u8; 32], D::Error> {
        let text = String::deserialize(deserializer)?;
        let bytes = STANDARD.decode(text).map_err(serde::de::Error::custom)?;
        bytes
            .try_into()
            .map_err(|_| serde::de::Error::custom("a signing key has 32 bytes"))
    }
}

/// 32 random bytes from the operating system.
pub fn random_secret() -> [u8; 32] {
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret).expect("the operating system's random source failed");
    secret
}

/// The signer for the stored keys, creating the signing key on first start
/// (if two servers start at once on one database, both use the one stored first).
pub async fn load_signer(store: &Store, now: i64) -> StoreResult<TokenSigner> {
    store.add_setting(SIGNING.current, &random_secret()).await?;
    let secret = current(store, &SIGNING)
        .await?
        .expect("the signing key was just stored");
    let retired = drop_expired(store, &SIGNING, now).await?;
    Ok(TokenSigner::with_retired(secret, &secrets(&retired)))
}

/// The key that encrypts tokens, created on first use, and the retired ones
/// whose tokens may still be live (they only decrypt); every server on one
/// database shares them.
pub async fn load_encryption(store: &Store, now: i64) -> StoreResult<(TokenEncryption, Vec<TokenEncryption>)> {
    store.add_setting(ENCRYPTION.current, &random_secret()).await?;
    let secret = current(store, &ENCRYPTION)
        .await?
        .ok_or_else(|| StoreError::Corrupt("the token encryption key isn't 32 bytes".to_owned()))?;
    let retired = drop_expired(store, &ENCRYPTION, now).await?;
    Ok((
        TokenEncryption::new(secret),
        retired.iter().map(|key| TokenEncryption::new(key.secret)).collect(),
    ))
}

/// Makes a new token-encryption key current; returns its id. The previous
/// one encrypts nothing more but still decrypts (for introspection) until
/// every token it encrypted has expired (24 hours at most); keys retired
/// longer ago are deleted. Servers pick the new key up, and write it to their
/// JWK file, when they restart. `now` is in Unix seconds.
pub async fn rotate_encryption(store: &Store, now: i64) -> StoreResult<String> {
    let (secret, _) = replace_current(store, &ENCRYPTION, now).await?;
    Ok(TokenEncryption::new(secret).kid().to_owned())
}

/// The slot's current key, if it holds a valid one.
async fn current(store: &Store, slot: &KeySlot) -> StoreResult<Option<[u8; 32]>> {
    Ok(store
        .setting(slot.current)
        .await?
        .and_then(|bytes| <[u8; 32]>::try_from(bytes.as_slice()).ok()))
}

/// Retires the slot's current key (kept until its tokens have expired) and
/// makes a new one current; returns it and the retired keys still live.
async fn replace_current(store: &Store, slot: &KeySlot, now: i64) -> StoreResult<([u8; 32], Vec<RetiredKey>)> {
    let mut retired = drop_expired(store, slot, now).await?;
    if let Some(previous) = current(store, slot).await? {
        retired.push(RetiredKey {
            secret: previous,
            retired_at: now,
        });
    }
    let secret = random_secret();
    save_retired(store, slot, &retired).await?;
    store.set_setting(slot.current, &secret).await?;
    Ok((secret, retired))
}

fn secrets(keys: &[RetiredKey]) -> Vec<[u8; 32]> {
    keys.iter().map(|key| key.secret).collect()
}

async fn retired_keys(store: &Store, slot: &KeySlot) -> StoreResult<Vec<RetiredKey>> {
    Ok(store
        .setting(slot.retired)
        .await?
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default())
}

async fn save_retired(store: &Store, slot: &KeySlot, keys: &[RetiredKey]) -> StoreResult<()> {
    store
        .set_setting(slot.retired, &serde_json::to_vec(keys).expect("keys serialize"))
        .await
}

/// The retired keys that may still have valid tokens at `now`; the others
/// (retired longer ago than the longest token lifetime) are deleted.
async fn drop_expired(store: &Store, slot: &KeySlot, now: i64) -> StoreResult<Vec<RetiredKey>> {
    let all = retired_keys(store, slot).await?;
    let longest = *token_request::LIFETIME_RANGE.end();
    let live: Vec<RetiredKey> = all
        .iter()
        .filter(|key| key.retired_at + longest > now)
        .cloned()
        .collect();
    if live.len() != all.len() {
        save_retired(store, slot, &live).await?;
    }
    Ok(live)
}

/// What `--rotate-signing-key` did.
pub struct Rotation {
    /// The new signing key's id.
    pub new_kid: String,
    /// Retired keys still accepted (and listed in the JWKS), by id.
    pub still_accepted: Vec<String>,
}

/// Makes a new signing key current. The previous one stops signing but is
/// still accepted, and listed in the JWKS, until every token it signed has
/// expired (the longest lifetime, 24 hours); keys retired longer ago are
/// deleted. Running servers pick the new key up when they restart. `now` is
/// in Unix seconds.
pub async fn rotate(store: &Store, now: i64) -> StoreResult<Rotation> {
    let (secret, retired) = replace_current(store, &SIGNING, now).await?;
    let signer = TokenSigner::with_retired(secret, &secrets(&retired));
    let kids = signer.jwks()["keys"]
        .as_array()
        .expect("a key set")
        .iter()
        .filter_map(|key| key["kid"].as_str().map(str::to_owned))
        .collect::<Vec<_>>();
    Ok(Rotation {
        new_kid: signer.kid().to_owned(),
        still_accepted: kids[1..].to_vec(),
    })
}
