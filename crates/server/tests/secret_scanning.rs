//! Secret-scanning reports (GitHub's partner program) over real HTTP, on
//! SQLite (and again on PostgreSQL when the tests run against it). The
//! reporter's ECDSA P-256 key pair is made at test time and published in a
//! file in GitHub's `/meta/public_keys/secret_scanning` format.
//!
//! A signed report revokes the key and its tokens go inactive; it is recorded
//! where and when it was found. A forged report, a replayed one with a
//! changed body, one signed with another key or naming an unknown key
//! identifier changes nothing. A look-alike is answered `false_positive`.

mod support;

use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use support::{Reporter, Server, publish, report, start_with};
use toucan_embed_server::secret_scanning::{OnLeak, SecretScanning};
use toucan_keys_protocol::{SecretKey, key_format};

/// A server taking reports signed by `published`, and the file holding their keys.
async fn server_trusting(published: &[&Reporter], on_leak: OnLeak) -> (Server, tempfile::TempDir) {
    let keys_dir = tempfile::tempdir().unwrap();
    let file = keys_dir.path().join("secret_scanning.json");
    publish(&file, published);
    let server = start_with(|config| {
        config.secret_scanning = Some(SecretScanning {
            public_keys: file,
            on_leak,
        })
    })
    .await;
    (server, keys_dir)
}

impl Server {
    /// Sends `body` with the two signature headers as given.
    async fn send_report(
        &self,
        body: Vec<u8>,
        identifier: Option<&str>,
        signature: Option<&str>,
    ) -> (StatusCode, Value) {
        support::send_report(&self.base, body, identifier, signature).await
    }

    async fn report_signed(&self, reporter: &Reporter, body: Vec<u8>) -> (StatusCode, Value) {
        let signature = reporter.sign(&body);
        self.send_report(body, Some(&reporter.identifier), Some(&signature))
            .await
    }

    /// The key `id` as `GET /api/keys` lists it.
    async fn listed(&self, id: &str) -> Value {
        let list = support::json_of(
            self.http
                .get(format!("{}/api/keys", self.base))
                .bearer_auth(&self.account),
        )
        .await;
        list["keys"]
            .as_array()
            .unwrap()
            .iter()
            .find(|key| key["id"] == id)
            .cloned()
            .expect("the key is listed")
    }

    async fn token_is_active(&self, key: &SecretKey, token: &Value) -> bool {
        let reply = support::json_of(
            self.http
                .post(format!("{}/embed/introspect", self.base))
                .header("x-api-key", key.expose_secret())
                .json(&json!({ "token": token["token"] })),
        )
        .await;
        reply["active"].as_bool().expect("introspection answers active")
    }
}

fn a_token_request() -> Value {
    json!({ "user": { "distinctId": "maria@acme.example", "role": "explorer" }, "permissions": { "dashboard": ["can_view"] } })
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[tokio::test]
async fn a_signed_report_revokes_the_key_and_its_tokens_and_records_where() {
    let github = Reporter::new("github-current");
    let (server, _keys) = server_trusting(&[&github], OnLeak::Revoke).await;
    let (id, key) = server.registered(json!({})).await;
    let (status, token) = server.token(&key, a_token_request()).await;
    assert_eq!(status, StatusCode::OK, "{token}");
    assert!(server.token_is_active(&key, &token).await);

    let (status, feedback) = server.report_signed(&github, report(key.expose_secret())).await;
    assert_eq!(status, StatusCode::OK, "{feedback} ({})", support::store_name());
    assert_eq!(
        feedback,
        json!([{ "token_hash": sha256_hex(key.expose_secret()), "token_type": "toucan_api_key", "label": "true_positive" }])
    );
    assert!(
        !feedback.to_string().contains(key.expose_secret()),
        "the answer never repeats the key"
    );

    assert!(!server.token_is_active(&key, &token).await, "its tokens stop working");
    let (status, refused) = server.token(&key, a_token_request()).await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("key_revoked"))
    );
    let listed = server.listed(&id).await;
    assert!(listed["revokedAt"].is_string(), "{listed}");
    assert_eq!(
        listed["leak"]["url"],
        "https://github.com/octo-org/shop/blob/0123abc/.env"
    );
    assert_eq!(listed["leak"]["source"], "content");
    assert!(listed["leak"]["foundAt"].is_string(), "{listed}");

    // Reported again (GitHub may send a key twice): still true, the first sighting stays.
    let (status, again) = server.report_signed(&github, report(key.expose_secret())).await;
    assert_eq!(
        (status, again[0]["label"].as_str()),
        (StatusCode::OK, Some("true_positive"))
    );
    assert_eq!(server.listed(&id).await["leak"], listed["leak"]);
}

#[tokio::test]
async fn an_untrusted_report_changes_nothing() {
    let github = Reporter::new("github-current");
    let stranger = Reporter::new("github-current");
    let (server, _keys) = server_trusting(&[&github], OnLeak::Revoke).await;
    let (id, key) = server.registered(json!({})).await;
    let body = report(key.expose_secret());
    let signature = github.sign(&body);

    let other_key = report(&key_format::generate().expose_secret().to_owned());
    let attempts: Vec<(&str, Vec<u8>, Option<&str>, Option<String>)> = vec![
        ("no signature", body.clone(), Some("github-current"), None),
        ("no key identifier", body.clone(), None, Some(signature.clone())),
        (
            "signature not base64",
            body.clone(),
            Some("github-current"),
            Some("%%%".into()),
        ),
        (
            "signed by another key",
            body.clone(),
            Some("github-current"),
            Some(stranger.sign(&body)),
        ),
        (
            "an unknown key identifier",
            body.clone(),
            Some("github-old"),
            Some(signature.clone()),
        ),
        (
            "a replay with a changed body",
            other_key,
            Some("github-current"),
            Some(signature.clone()),
        ),
        (
            "the body with a space added",
            [body.as_slice(), b" "].concat(),
            Some("github-current"),
            Some(signature.clone()),
        ),
    ];
    for (what, body, identifier, signature) in attempts {
        let (status, refused) = server.send_report(body, identifier, signature.as_deref()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{what}: {refused}");
        assert_eq!(refused["code"], "bad_signature", "{what}");
    }
    let listed = server.listed(&id).await;
    assert!(
        listed["revokedAt"].is_null(),
        "a refused report revoked the key: {listed}"
    );
    assert!(listed["leak"].is_null(), "a refused report was recorded: {listed}");
    let (status, _) = server.token(&key, a_token_request()).await;
    assert_eq!(status, StatusCode::OK, "the key still works");
}

#[tokio::test]
async fn look_alikes_and_unknown_keys_are_false_positives() {
    let github = Reporter::new("github-current");
    let (server, _keys) = server_trusting(&[&github], OnLeak::Revoke).await;
    let (id, key) = server.registered(json!({})).await;
    let secret = key.expose_secret();
    // One character changed: the checksum no longer matches.
    let typo = format!("{}{}", &secret[..10], if &secret[10..11] == "a" { "b" } else { "a" }) + &secret[11..];
    let never_registered = key_format::generate();
    let body = json!([
        { "token": typo, "type": "toucan_api_key", "url": "https://github.com/a/b", "source": "content" },
        { "token": never_registered.expose_secret(), "type": "toucan_api_key" },
        { "token": "tck_short", "type": "toucan_api_key" },
    ])
    .to_string()
    .into_bytes();
    let (status, feedback) = server.report_signed(&github, body).await;
    assert_eq!(status, StatusCode::OK, "{feedback}");
    let labels: Vec<&str> = feedback
        .as_array()
        .unwrap()
        .iter()
        .map(|answer| answer["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["false_positive"; 3]);
    assert_eq!(feedback[0]["token_hash"], sha256_hex(&typo));
    assert!(
        server.listed(&id).await["revokedAt"].is_null(),
        "a look-alike revoked a real key"
    );
}

#[tokio::test]
async fn with_on_leak_report_the_key_is_recorded_but_keeps_working() {
    let github = Reporter::new("github-current");
    let (server, _keys) = server_trusting(&[&github], OnLeak::Report).await;
    let (id, key) = server.registered(json!({})).await;
    let (status, feedback) = server.report_signed(&github, report(key.expose_secret())).await;
    assert_eq!(
        (status, feedback[0]["label"].as_str()),
        (StatusCode::OK, Some("true_positive"))
    );
    let listed = server.listed(&id).await;
    assert!(listed["revokedAt"].is_null(), "{listed}");
    assert_eq!(listed["leak"]["source"], "content");
    let (status, _) = server.token(&key, a_token_request()).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_new_published_key_is_taken_without_a_restart_and_without_the_setting_there_is_no_endpoint() {
    let old = Reporter::new("github-old");
    let new = Reporter::new("github-new");
    let (server, keys_dir) = server_trusting(&[&old], OnLeak::Revoke).await;
    let (_, key) = server.registered(json!({})).await;
    let (status, _) = server.report_signed(&new, report(key.expose_secret())).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "a key not yet published");
    publish(&keys_dir.path().join("secret_scanning.json"), &[&old, &new]);
    let (status, feedback) = server.report_signed(&new, report(key.expose_secret())).await;
    assert_eq!(
        (status, feedback[0]["label"].as_str()),
        (StatusCode::OK, Some("true_positive"))
    );

    let plain = start_with(|_| {}).await;
    let (status, refused) = plain.report_signed(&new, report(key.expose_secret())).await;
    assert_eq!(
        (status, refused["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
}
