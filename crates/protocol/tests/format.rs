//! Property tests of the key format: every generated key parses, and any
//! single-character change, swap or truncation is caught offline.

use std::collections::HashSet;

use proptest::prelude::*;
use toucan_keys_protocol::key_format::{self, ParseKeyError};

const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_generated_key_parses_back_to_itself(_seed in any::<u8>()) {
        let key = key_format::generate();
        let parsed = key_format::parse(key.expose_secret()).unwrap();
        prop_assert_eq!(parsed.expose_secret(), key.expose_secret());
        prop_assert!(regex_lite_match(key.expose_secret()));
    }

    #[test]
    fn any_single_character_change_is_rejected(position in 0usize..40, replacement in 0usize..62) {
        let key = key_format::generate();
        let mut bytes = key.expose_secret().as_bytes().to_vec();
        let new = if position < 4 { b'x' } else { BASE62[replacement] };
        prop_assume!(bytes[position] != new);
        bytes[position] = new;
        let changed = String::from_utf8(bytes).unwrap();
        let error = key_format::parse(&changed).unwrap_err();
        // A changed character is found where it was changed.
        let expected_kind = if position < 4 { ParseKeyError::WrongPrefix } else { ParseKeyError::ChecksumMismatch { near: Some(position + 1) } };
        prop_assert_eq!(error, expected_kind);
    }

    #[test]
    fn any_swap_of_two_different_characters_is_rejected(a in 4usize..40, b in 4usize..40) {
        let key = key_format::generate();
        let mut bytes = key.expose_secret().as_bytes().to_vec();
        prop_assume!(bytes[a] != bytes[b]);
        bytes.swap(a, b);
        let swapped = String::from_utf8(bytes).unwrap();
        let is_typo = matches!(key_format::parse(&swapped).unwrap_err(), ParseKeyError::ChecksumMismatch { .. });
        prop_assert!(is_typo, "a swap isn't read as a typo");
    }

    #[test]
    fn any_truncation_is_rejected(keep in 0usize..40) {
        let key = key_format::generate();
        let truncated = &key.expose_secret()[..keep];
        let error = key_format::parse(truncated).unwrap_err();
        if keep < 4 {
            prop_assert_eq!(error, ParseKeyError::WrongPrefix);
        } else {
            prop_assert_eq!(error, ParseKeyError::WrongLength { found: keep, expected: 40 });
        }
    }

    #[test]
    fn any_character_outside_base62_is_named(position in 4usize..40, bad in prop::sample::select(non_base62_ascii())) {
        let key = key_format::generate();
        let mut text = key.expose_secret().to_owned();
        text.replace_range(position..position + 1, &char::from(bad).to_string());
        prop_assert_eq!(key_format::parse(&text).unwrap_err(), ParseKeyError::BadCharacter { position: position + 1 });
    }
}

/// Printable and control ASCII that is neither base62 nor whitespace (which trimming removes).
fn non_base62_ascii() -> Vec<u8> {
    (0u8..128)
        .filter(|b| !b.is_ascii_alphanumeric() && !char::from(*b).is_whitespace())
        .collect()
}

/// The documented scanner pattern `\btck_[0-9A-Za-z]{36}\b`, checked by hand
/// (no regex dependency needed for one pattern).
fn regex_lite_match(text: &str) -> bool {
    text.len() == 40 && text.starts_with("tck_") && text[4..].bytes().all(|b| b.is_ascii_alphanumeric())
}

#[test]
fn one_hundred_thousand_generated_keys_are_all_distinct() {
    let mut seen = HashSet::with_capacity(100_000);
    for _ in 0..100_000 {
        assert!(seen.insert(key_format::generate().expose_secret().to_owned()));
    }
}

#[test]
fn the_documented_scanner_regex_is_the_one_in_the_code() {
    let spec = include_str!("../../../docs/KEY_FORMAT.md");
    assert!(spec.contains(key_format::SCANNER_REGEX));
    assert!(spec.contains(key_format::TEST_VECTOR));
}
