//! The gitleaks rule in docs/secret-scanning/gitleaks.toml, read with the
//! `regex` crate (whose syntax follows RE2's, as Go's does; gitleaks can't be
//! installed here). It finds a key in each place a key leaks through, and
//! matches the shape only: a wrong checksum is found (gitleaks can't check
//! it; detect-secrets' plugin does, see scripts/test-secret-scanning.py), a
//! wrong length is not.

use toucan_keys_core::key_format;

fn gitleaks_rule() -> regex::Regex {
    let config = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/secret-scanning/gitleaks.toml"
    ))
    .expect("the gitleaks rule is in docs/secret-scanning");
    let pattern = config
        .split("regex = '''")
        .nth(1)
        .and_then(|rest| rest.split("'''").next())
        .expect("a regex = '''…''' line");
    regex::Regex::new(pattern).expect("the rule compiles as RE2 syntax")
}

#[test]
fn the_gitleaks_rule_finds_keys_where_they_leak_and_not_the_wrong_length() {
    let rule = gitleaks_rule();
    let key = key_format::generate();
    let key = key.expose_secret();
    let leaks = [
        format!("TOUCAN_API_KEY={key}"),
        format!(r#"{{"toucan": {{"apiKey": "{key}"}}}}"#),
        format!("    value: \"{key}\""),
        format!("https://embed.example.com/embed/generate-token?api_key={key}&user=42"),
        format!("2026-12-03T10:00:00Z INFO asking for a token with key {key} for user 42"),
        format!("```sh\ncurl -H 'x-api-key: {key}' https://embed.example.com\n```"),
    ];
    for text in &leaks {
        let found = rule.captures(text).and_then(|c| c.get(1)).map(|m| m.as_str());
        assert_eq!(found, Some(key), "not found in {text:?}");
    }
    let last = key.chars().last().unwrap();
    let typo = format!("{}{}", &key[..key.len() - 1], if last == '0' { '1' } else { '0' });
    assert!(
        rule.is_match(&typo),
        "the shape matches: gitleaks can't check the checksum"
    );
    assert!(
        !rule.is_match(&format!("KEY={}", &key[..key.len() - 1])),
        "one character short"
    );
    assert!(!rule.is_match(&format!("KEY={key}X")), "one character long");
    assert!(!rule.is_match(&format!("KEY=x{key}")), "inside a longer word");
}
