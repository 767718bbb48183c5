//! Two servers on one PostgreSQL database, as a team runs them behind a load
//! balancer: what one registers or revokes, the other sees (revocation
//! within a second: each drops its cached keys when PostgreSQL's NOTIFY
//! arrives), and both sign with the same key, so one JWKS verifies all tokens.
//!
//! Needs a PostgreSQL cluster: `scripts/with-postgres.sh cargo test -p
//! toucan-embed-server --test shared_database` (scripts/test.sh does).

mod support;

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};
use toucan_embed_server::local::LocalServer;
use toucan_keys_protocol::key_format;

fn cluster() -> String {
    support::postgres_cluster().expect(
        "these tests need PostgreSQL: run them as scripts/with-postgres.sh cargo test -p toucan-embed-server --test shared_database",
    )
}

async fn two_servers() -> (LocalServer, LocalServer, String, [tempfile::TempDir; 2]) {
    let database = support::new_database(&cluster()).await;
    let config = toucan_embed_server::ServerConfig {
        database_url: Some(database),
        ..Default::default()
    };
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let a = LocalServer::start(dirs[0].path(), config.clone()).await.unwrap();
    let b = LocalServer::start(dirs[1].path(), config).await.unwrap();
    let account = a.account_token().to_owned();
    assert!(
        b.new_account_token.is_none(),
        "the second server made another account token"
    );
    (a, b, account, dirs)
}

fn token_request() -> Value {
    json!({ "user": { "distinctId": "user-7", "role": "explorer" } })
}

async fn generate(http: &reqwest::Client, server: &LocalServer, key: &str) -> (StatusCode, Value) {
    let reply = http
        .post(format!("{}/embed/generate-token", server.base_url))
        .header("x-api-key", key)
        .json(&token_request())
        .send()
        .await
        .unwrap();
    (reply.status(), reply.json().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_registered_on_one_server_works_on_the_other_until_revoked_there() {
    let (a, b, account, _dirs) = two_servers().await;
    let http = reqwest::Client::new();
    let key = key_format::generate();
    let registered = http
        .post(format!("{}/api/keys", a.base_url))
        .bearer_auth(&account)
        .json(&json!({ "id": "key_shared", "name": "Shared", "fingerprint": key.fingerprint() }))
        .send()
        .await
        .unwrap();
    assert_eq!(registered.status(), StatusCode::CREATED);

    // Registered on A, used on B, and B's token verifies with A's JWKS.
    let (status, issued) = generate(&http, &b, key.expose_secret()).await;
    assert_eq!(status, StatusCode::OK, "{issued}");
    let jwks_a: Value = support::json_of(http.get(format!("{}/.well-known/jwks.json", a.base_url))).await;
    let jwks_b: Value = support::json_of(http.get(format!("{}/.well-known/jwks.json", b.base_url))).await;
    assert_eq!(jwks_a, jwks_b, "the servers sign with different keys");
    let token = issued["token"].as_str().unwrap();
    let header = jsonwebtoken::decode_header(token).unwrap();
    let jwk: jsonwebtoken::jwk::Jwk = serde_json::from_value(jwks_a["keys"][0].clone()).unwrap();
    assert_eq!(header.kid.as_deref(), jwk.common.key_id.as_deref());
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::EdDSA);
    validation.set_audience(&[toucan_embed_server::AUDIENCE]);
    jsonwebtoken::decode::<Value>(token, &jsonwebtoken::DecodingKey::from_jwk(&jwk).unwrap(), &validation)
        .expect("A's key verifies B's token");
    // A knows the token B issued.
    let introspected: Value = support::json_of(
        http.post(format!("{}/embed/introspect", a.base_url))
            .header("x-api-key", key.expose_secret())
            .json(&json!({ "token": token })),
    )
    .await;
    assert_eq!(introspected["active"], true);

    // A uses the key too, so both have it cached; then B revokes it.
    assert_eq!(generate(&http, &a, key.expose_secret()).await.0, StatusCode::OK);
    let revoked = http
        .delete(format!("{}/api/keys/key_shared", b.base_url))
        .bearer_auth(&account)
        .send()
        .await
        .unwrap();
    assert_eq!(revoked.status(), StatusCode::NO_CONTENT);
    let started = Instant::now();
    loop {
        let (status, body) = generate(&http, &a, key.expose_secret()).await;
        if status == StatusCode::UNAUTHORIZED {
            assert_eq!(body["code"], "key_revoked");
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "A still accepts the key a second after B revoked it"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    println!("revocation seen by the other server after {:?}", started.elapsed());
}

/// A use on either server shows in the list either one gives.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn last_used_is_shared_and_a_declared_attribute_reaches_the_other_server() {
    let (a, b, account, _dirs) = two_servers().await;
    let http = reqwest::Client::new();
    let key = key_format::generate();
    http.post(format!("{}/api/keys", a.base_url))
        .bearer_auth(&account)
        .json(&json!({ "id": "key_used", "name": "Used", "fingerprint": key.fingerprint() }))
        .send()
        .await
        .unwrap();
    assert_eq!(generate(&http, &b, key.expose_secret()).await.0, StatusCode::OK);
    b.state.uses.write(&b.state.store).await.unwrap();
    let list: Value = support::json_of(http.get(format!("{}/api/keys", a.base_url)).bearer_auth(&account)).await;
    assert!(list["keys"][0]["lastUsedAt"].is_string(), "{list}");

    // B has read the (empty) attribute registry; A declares one; B enforces it within a second.
    assert_eq!(generate(&http, &b, key.expose_secret()).await.0, StatusCode::OK);
    let declared = http
        .put(format!("{}/api/attributes", a.base_url))
        .bearer_auth(&account)
        .json(&json!({ "attributes": [{ "name": "region", "type": "string" }] }))
        .send()
        .await
        .unwrap();
    assert_eq!(declared.status(), StatusCode::OK);
    let with_unknown = json!({ "user": { "distinctId": "u", "role": "explorer", "attributes": { "country": "FR" } } });
    let started = Instant::now();
    loop {
        let reply = http
            .post(format!("{}/embed/generate-token", b.base_url))
            .header("x-api-key", key.expose_secret())
            .json(&with_unknown)
            .send()
            .await
            .unwrap();
        if reply.status() == StatusCode::UNPROCESSABLE_ENTITY {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(1), "B ignores A's declaration");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// The command line with `--database-url`: the data folder is made for the
/// account-token file even though the database is elsewhere.
#[tokio::test]
async fn the_command_line_serves_from_postgresql() {
    let database = support::new_database(&cluster()).await;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("new-folder");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_toucan-embed-server"))
        .args(["--port", "0", "--print-json", "--database-url", &database, "--data-dir"])
        .arg(&data)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut line).unwrap();
    let ready: Value = serde_json::from_str(&line).unwrap_or_else(|_| panic!("no JSON line: {line:?}"));
    let account = std::fs::read_to_string(ready["accountTokenFile"].as_str().unwrap()).unwrap();
    let ready_check: Value = reqwest::get(format!("{}/readyz", ready["address"].as_str().unwrap()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(account.starts_with("tka_"));
    assert_eq!(ready_check["database"], "postgres");
}

/// A key narrowed on one server is narrowed on the other from its next
/// request (the change feed drops the other's cached key).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tightening_on_one_server_reaches_the_other() {
    let (a, b, account, _dirs) = two_servers().await;
    let http = reqwest::Client::new();
    let key = key_format::generate();
    let registered = http
        .post(format!("{}/api/keys", a.base_url))
        .bearer_auth(&account)
        .json(&json!({ "id": "key_narrowed", "name": "Narrowed", "fingerprint": key.fingerprint() }))
        .send()
        .await
        .unwrap();
    assert_eq!(registered.status(), StatusCode::CREATED);
    // B caches the key as full access.
    assert_eq!(generate(&http, &b, key.expose_secret()).await.0, StatusCode::OK);
    let changed = http
        .patch(format!("{}/api/keys/key_narrowed", a.base_url))
        .bearer_auth(&account)
        .json(&json!({ "limits": { "roles": ["maker"] } }))
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), StatusCode::NO_CONTENT);
    let started = Instant::now();
    loop {
        let (status, body) = generate(&http, &b, key.expose_secret()).await;
        if status == StatusCode::FORBIDDEN {
            assert_eq!(body["breach"]["limit"], "role", "{body}");
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "B still grants an explorer token a second after A narrowed the key to makers"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}
