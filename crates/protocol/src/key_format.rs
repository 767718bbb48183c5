//! The API key format: `tck_` + 30 random base62 characters + a 6-character
//! base62 CRC32 of those 30 characters. See `docs/KEY_FORMAT.md`.
//!
//! Parsing catches typos and truncated pastes offline, before any keychain
//! or network call.

use crate::secret::SecretKey;

/// Every key starts with this.
pub const KEY_PREFIX: &str = "tck_";
/// How many random characters follow the prefix.
pub const BODY_LEN: usize = 30;
/// How many checksum characters end the key.
pub const CHECKSUM_LEN: usize = 6;
/// The length of a whole key.
pub const KEY_LEN: usize = KEY_PREFIX.len() + BODY_LEN + CHECKSUM_LEN;
/// A regular expression that matches a key, for secret scanners.
pub const SCANNER_REGEX: &str = r"\btck_[0-9A-Za-z]{36}\b";

/// The base62 alphabet, in this order (digit values 0 to 61).
const ALPHABET: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// A deliberate, labelled test vector (not a real key): its body spells
/// "ToucanKeysTestVector0123456789". Also in `docs/KEY_FORMAT.md`.
pub const TEST_VECTOR: &str = "tck_ToucanKeysTestVector01234567891wrdc7";
/// SHA-256 of [`TEST_VECTOR`], computed independently with Python's hashlib.
pub const TEST_VECTOR_SHA256: &str = "38bde9ec53de758b43b234a7ca118736a05d0b75fc1b02590b180da661a86e4e";

/// Why a pasted string is not a valid key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseKeyError {
    /// The string does not start with `tck_`.
    #[error("This is not a Toucan API key: it should start with \"tck_\".")]
    WrongPrefix,
    /// The string has the wrong number of characters.
    #[error(
        "This key has {found} characters, but a Toucan API key has {expected}. Part of it may be missing; copy it again."
    )]
    WrongLength {
        /// Characters found (after trimming).
        found: usize,
        /// Characters expected.
        expected: usize,
    },
    /// A character outside the base62 alphabet.
    #[error("This key has a character that cannot be in a key, at position {position}. Copy it again.")]
    BadCharacter {
        /// 1-based position in the trimmed string.
        position: usize,
    },
    /// The checksum does not match the body: a typo.
    #[error("This key has a typo: its check characters do not match. Copy it again.")]
    ChecksumMismatch {
        /// Where the typo is (1-based, counting the `t` of `tck_` as 1), when
        /// one mistyped character, or two neighbours typed in the wrong
        /// order, explains it and nothing else does.
        near: Option<usize>,
    },
}

/// Generates a new key from the operating system's secure random source.
///
/// Each body character is drawn without modulo bias: random bytes of 248 or
/// more (248 = 4 × 62) are thrown away, the rest are taken modulo 62.
pub fn generate() -> SecretKey {
    let mut key = zeroize::Zeroizing::new(String::with_capacity(KEY_LEN));
    key.push_str(KEY_PREFIX);
    key.push_str(&zeroize::Zeroizing::new(random_base62(BODY_LEN)));
    let checksum = checksum_of(&key.as_bytes()[KEY_PREFIX.len()..]);
    key.push_str(&checksum);
    SecretKey::from_checked(key.to_string())
}

/// `len` random base62 characters from the operating system's secure random
/// source, without modulo bias (ids and tokens use this too).
pub fn random_base62(len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut pool = zeroize::Zeroizing::new([0u8; 64]);
    while out.len() < len {
        getrandom::fill(pool.as_mut()).expect("the operating system's random source failed");
        out.extend(
            pool.iter()
                .filter(|&&b| b < 248)
                .take(len - out.len())
                .map(|&b| ALPHABET[usize::from(b % 62)] as char),
        );
    }
    out
}

/// Parses a pasted key. Surrounding whitespace is trimmed; anything else that
/// is off is rejected with the specific reason.
pub fn parse(input: &str) -> Result<SecretKey, ParseKeyError> {
    let trimmed = input.trim();
    if !trimmed.starts_with(KEY_PREFIX) {
        return Err(ParseKeyError::WrongPrefix);
    }
    let found = trimmed.chars().count();
    if found != KEY_LEN {
        return Err(ParseKeyError::WrongLength {
            found,
            expected: KEY_LEN,
        });
    }
    let rest = &trimmed.as_bytes()[KEY_PREFIX.len()..];
    if let Some(index) = rest.iter().position(|&b| digit_value(b).is_none()) {
        return Err(ParseKeyError::BadCharacter {
            position: KEY_PREFIX.len() + index + 1,
        });
    }
    let (body, checksum) = rest.split_at(BODY_LEN);
    if checksum_of(body).as_bytes() != checksum {
        return Err(ParseKeyError::ChecksumMismatch {
            near: locate_typo(body, checksum),
        });
    }
    Ok(SecretKey::from_checked(trimmed.to_owned()))
}

/// Where a key whose checksum doesn't match was most likely mistyped: the
/// one position (1-based in the whole key) where a single changed character,
/// or two swapped neighbours, would make it whole; `None` when no such change
/// or more than one place would. About 1,900 CRC32s of 30 bytes: tens of
/// microseconds, and only for a key that is already wrong.
fn locate_typo(body: &[u8], checksum: &[u8]) -> Option<usize> {
    let to_position = |index: usize| KEY_PREFIX.len() + index + 1;
    let mut places = std::collections::BTreeSet::new();
    // A typo in the check characters: the body's own checksum differs in one.
    let expected = checksum_of(body);
    let differing: Vec<usize> = (0..CHECKSUM_LEN)
        .filter(|&i| expected.as_bytes()[i] != checksum[i])
        .collect();
    if let [only] = differing[..] {
        places.insert(to_position(BODY_LEN + only));
    }
    let mut candidate = zeroize::Zeroizing::new(body.to_vec());
    for index in 0..BODY_LEN {
        let original = candidate[index];
        for &replacement in ALPHABET.iter().filter(|&&c| c != original) {
            candidate[index] = replacement;
            if checksum_of(&candidate).as_bytes() == checksum {
                places.insert(to_position(index));
            }
        }
        candidate[index] = original;
        if index + 1 < BODY_LEN && candidate[index] != candidate[index + 1] {
            candidate.swap(index, index + 1);
            if checksum_of(&candidate).as_bytes() == checksum {
                places.insert(to_position(index));
            }
            candidate.swap(index, index + 1);
        }
    }
    match places.len() {
        1 => places.pop_first(),
        _ => None,
    }
}

/// The base62 CRC32 (IEEE) of `body`, most significant digit first, padded
/// with `0` to six characters.
fn checksum_of(body: &[u8]) -> String {
    let mut value = crc32fast::hash(body);
    let mut digits = [b'0'; CHECKSUM_LEN];
    for slot in digits.iter_mut().rev() {
        *slot = ALPHABET[(value % 62) as usize];
        value /= 62;
    }
    String::from_utf8(digits.to_vec()).expect("base62 digits are ASCII")
}

fn digit_value(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'A'..=b'Z' => Some(byte - b'A' + 10),
        b'a'..=b'z' => Some(byte - b'a' + 36),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_vector_parses_and_its_checksum_matches_an_independent_crc32() {
        // Python: zlib.crc32(b"ToucanKeysTestVector0123456789") == 0x6a7357af, base62 "1wrdc7".
        assert_eq!(checksum_of(b"ToucanKeysTestVector0123456789"), "1wrdc7");
        assert_eq!(parse(TEST_VECTOR).unwrap().expose_secret(), TEST_VECTOR);
    }

    #[test]
    fn a_generated_key_has_the_documented_shape() {
        let key = generate();
        let secret = key.expose_secret();
        assert_eq!(secret.len(), 40);
        assert!(secret.starts_with("tck_"));
        assert!(secret[4..].bytes().all(|b| b.is_ascii_alphanumeric()));
    }

    #[test]
    fn surrounding_whitespace_is_trimmed() {
        let pasted = format!("  \t{TEST_VECTOR}\n");
        assert_eq!(parse(&pasted).unwrap().expose_secret(), TEST_VECTOR);
    }

    #[test]
    fn each_kind_of_mistake_has_its_own_error() {
        assert_eq!(
            parse("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"),
            Err(ParseKeyError::WrongPrefix)
        );
        assert_eq!(parse(""), Err(ParseKeyError::WrongPrefix));
        assert_eq!(
            parse(&TEST_VECTOR[..39]),
            Err(ParseKeyError::WrongLength {
                found: 39,
                expected: 40
            })
        );
        assert_eq!(
            parse("tck_ToucanKeysTest-ector01234567891wrdc7"),
            Err(ParseKeyError::BadCharacter { position: 19 })
        );
        assert_eq!(
            parse("tck_ToucanKeysTestVector01234567891wrdc8"),
            Err(ParseKeyError::ChecksumMismatch { near: Some(40) })
        );
        assert_eq!(
            parse("tck_ToucanKeysTestVéctor0123456789wrdc7"),
            Err(ParseKeyError::WrongLength {
                found: 39,
                expected: 40
            })
        );
    }

    #[test]
    fn a_typo_is_located_where_one_change_explains_it() {
        // "ToucanKeys…" typed "ToucanKeyz…": the 14th character of the key.
        assert_eq!(
            parse("tck_ToucanKeyzTestVector01234567891wrdc7"),
            Err(ParseKeyError::ChecksumMismatch { near: Some(14) })
        );
        // Two neighbours swapped ("Toucan" typed "Tuocan"): the first of the two.
        assert_eq!(
            parse("tck_TuocanKeysTestVector01234567891wrdc7"),
            Err(ParseKeyError::ChecksumMismatch { near: Some(6) })
        );
        // Two typos far apart: no single place explains them.
        assert_eq!(
            parse("tck_ToucanKeyzTestVector01234567X91wrdc7"),
            Err(ParseKeyError::ChecksumMismatch { near: None })
        );
    }

    #[test]
    fn every_base62_digit_is_drawn() {
        // 2,000 keys give 60,000 body characters; each digit is expected ~968 times.
        let mut seen = [0u32; 62];
        for _ in 0..2_000 {
            for b in generate().expose_secret()[4..34].bytes() {
                seen[usize::from(digit_value(b).unwrap())] += 1;
            }
        }
        assert!(
            seen.iter().all(|&n| n > 700 && n < 1250),
            "skewed distribution: {seen:?}"
        );
    }
}
