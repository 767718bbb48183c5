//! `--encrypt-tokens`: tokens are JWE (`dir`, `A256GCM`) around the signed
//! token. An independent library (jwcrypto, from Debian's python3-jwcrypto)
//! decrypts them with the key file the server writes and verifies the inner
//! signature against the JWKS; the browser that carries a token can't read it.

mod support;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::StatusCode;
use serde_json::{Value, json};
use toucan_embed_server::local::LocalServer;
use toucan_keys_protocol::key_format;

/// Debian's Python, where python3-jwcrypto is installed.
const PYTHON: &str = "/usr/bin/python3";

#[tokio::test]
async fn encrypted_tokens_are_read_by_jwcrypto_and_by_introspection_only() {
    let mut config = support::config().await;
    config.encrypt_tokens = true;
    let dir = tempfile::tempdir().unwrap();
    let server = LocalServer::start(dir.path(), config).await.unwrap();
    let http = reqwest::Client::new();
    let key = key_format::generate();
    let registered = http
        .post(format!("{}/api/keys", server.base_url))
        .bearer_auth(server.account_token())
        .json(&json!({ "id": "key_sealed", "name": "Sealed", "fingerprint": key.fingerprint() }))
        .send()
        .await
        .unwrap();
    assert_eq!(registered.status(), StatusCode::CREATED);
    let request =
        json!({ "user": { "distinctId": "user-secret-42", "role": "explorer", "attributes": { "region": "EMEA" } } });
    let issued: Value = support::json_of(
        http.post(format!("{}/embed/generate-token", server.base_url))
            .header("x-api-key", key.expose_secret())
            .json(&request),
    )
    .await;
    let token = issued["token"].as_str().unwrap().to_owned();

    // Five parts, none of which reads as the claims.
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 5, "{token}");
    assert_eq!(parts[1], "", "alg dir has no encrypted key");
    for part in &parts {
        let decoded = URL_SAFE_NO_PAD.decode(part).unwrap_or_default();
        assert!(
            !String::from_utf8_lossy(&decoded).contains("user-secret-42"),
            "the claims are readable"
        );
    }

    let key_file = dir.path().join(toucan_embed_server::TOKEN_ENCRYPTION_KEY_FILE);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&key_file).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let jwks = http
        .get(format!("{}/.well-known/jwks.json", server.base_url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token_file = dir.path().join("token.txt");
    let jwks_file = dir.path().join("jwks.json");
    std::fs::write(&token_file, &token).unwrap();
    std::fs::write(&jwks_file, &jwks).unwrap();
    let verifier = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/verifiers/jwe_jwcrypto.py");
    let output = std::process::Command::new(PYTHON)
        .arg(verifier)
        .args([&token_file, &key_file, &jwks_file])
        .output()
        .expect("Debian's python3 (with python3-jwcrypto) is installed");
    assert!(
        output.status.success(),
        "jwcrypto refused the token: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let claims: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(claims["sub"], "user-secret-42");
    assert_eq!(claims["azp"], "key_sealed");
    assert_eq!(claims["attributes"]["region"], "EMEA");

    // Introspection reads it; a changed byte makes it inactive, for us and for jwcrypto.
    let introspect = |token: String| {
        http.post(format!("{}/embed/introspect", server.base_url))
            .header("x-api-key", key.expose_secret())
            .json(&json!({ "token": token }))
            .send()
    };
    let active: Value = introspect(token.clone()).await.unwrap().json().await.unwrap();
    assert_eq!(active["active"], true);
    assert_eq!(active["claims"]["sub"], "user-secret-42");
    let mut tampered = parts.clone();
    let ciphertext = tampered[3].to_owned();
    let flipped = if ciphertext.starts_with('A') { "B" } else { "A" };
    let changed = format!("{flipped}{}", &ciphertext[1..]);
    tampered[3] = &changed;
    let tampered = tampered.join(".");
    let inactive: Value = introspect(tampered.clone()).await.unwrap().json().await.unwrap();
    assert_eq!(inactive["active"], false);
    std::fs::write(&token_file, &tampered).unwrap();
    let refused = std::process::Command::new(PYTHON)
        .arg(verifier)
        .args([&token_file, &key_file, &jwks_file])
        .output()
        .unwrap();
    assert!(!refused.status.success(), "jwcrypto accepted a changed token");
}

/// `--rotate-encryption-key`: after the restart, new tokens are encrypted with
/// the new key (its id in their header and in the JWK file), and a token the
/// previous key encrypted still introspects as active until it expires.
#[tokio::test]
async fn the_encryption_key_rotates_and_the_previous_one_still_reads_its_tokens() {
    let mut config = support::config().await;
    config.encrypt_tokens = true;
    let dir = tempfile::tempdir().unwrap();
    let server = LocalServer::start(dir.path(), config.clone()).await.unwrap();
    let http = reqwest::Client::new();
    let key = key_format::generate();
    let registered = http
        .post(format!("{}/api/keys", server.base_url))
        .bearer_auth(server.account_token())
        .json(&json!({ "id": "key_rotating", "name": "Rotating", "fingerprint": key.fingerprint() }))
        .send()
        .await
        .unwrap();
    assert_eq!(registered.status(), StatusCode::CREATED);
    let issue = |base: String| {
        let http = http.clone();
        let secret = key.expose_secret().to_owned();
        async move {
            let issued: Value = support::json_of(
                http.post(format!("{base}/embed/generate-token"))
                    .header("x-api-key", secret)
                    .json(&json!({ "user": { "distinctId": "u-1", "role": "explorer" } })),
            )
            .await;
            issued["token"].as_str().unwrap().to_owned()
        }
    };
    let kid_of = |token: &str| -> Value {
        let header = URL_SAFE_NO_PAD.decode(token.split('.').next().unwrap()).unwrap();
        serde_json::from_slice::<Value>(&header).unwrap()["kid"].clone()
    };
    let jwk_kid = || -> Value {
        let jwk = std::fs::read(dir.path().join(toucan_embed_server::TOKEN_ENCRYPTION_KEY_FILE)).unwrap();
        serde_json::from_slice::<Value>(&jwk).unwrap()["kid"].clone()
    };
    let before = issue(server.base_url.clone()).await;
    let old_kid = kid_of(&before);
    assert_eq!(old_kid, jwk_kid());
    drop(server);

    let location = config.location(dir.path());
    let new_kid = toucan_embed_server::rotate_encryption_key(&location, chrono::Utc::now().timestamp())
        .await
        .unwrap();
    assert_ne!(json!(new_kid), old_kid);
    let server = LocalServer::start(dir.path(), config).await.unwrap();
    let after = issue(server.base_url.clone()).await;
    assert_eq!(kid_of(&after), json!(new_kid), "new tokens use the new key");
    assert_eq!(jwk_kid(), json!(new_kid), "the JWK file holds the new key");
    for token in [&before, &after] {
        let reply: Value = support::json_of(
            http.post(format!("{}/embed/introspect", server.base_url))
                .header("x-api-key", key.expose_secret())
                .json(&json!({ "token": token })),
        )
        .await;
        assert_eq!(reply["active"], true, "{reply}");
    }
}
