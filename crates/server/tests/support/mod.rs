//! What the server's test files share, and the core's tests that talk to the
//! server (crates/core/tests/workspace_server.rs, snippets_run.rs): the store they run against.
//!
//! By default each test's server uses SQLite in its own temporary folder.
//! With `TOUCAN_EMBED_TEST_POSTGRES` set to a connection string (key=value
//! form, for example `host=/tmp/pg port=5433 user=toucan dbname=postgres`) of a throwaway
//! PostgreSQL cluster, each test gets a new, empty database on it instead
//! (`scripts/with-postgres.sh` starts such a cluster).

#![allow(dead_code)]

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use reqwest::StatusCode;
use ring::rand::SystemRandom;
use ring::signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, KeyPair};
use serde_json::{Value, json};
use toucan_embed_server::ServerConfig;
use toucan_embed_server::local::LocalServer;
use toucan_keys_protocol::{SecretKey, key_format};

/// The cluster to test against, if any.
pub fn postgres_cluster() -> Option<String> {
    std::env::var("TOUCAN_EMBED_TEST_POSTGRES")
        .ok()
        .filter(|value| !value.is_empty())
}

/// A new, empty database on the cluster; its connection string.
pub async fn new_database(cluster: &str) -> String {
    let (client, connection) = tokio_postgres::connect(cluster, tokio_postgres::NoTls)
        .await
        .expect("the test PostgreSQL cluster answers");
    tokio::spawn(connection);
    let name = format!(
        "toucan_test_{}",
        toucan_keys_protocol::key_format::random_base62(12).to_ascii_lowercase()
    );
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .expect("a test database can be created");
    // A later dbname= overrides the cluster's own.
    format!("{cluster} dbname={name}")
}

/// The configuration for a test's server: SQLite, or a new PostgreSQL database.
pub async fn config() -> ServerConfig {
    let mut config = ServerConfig::default();
    if let Some(cluster) = postgres_cluster() {
        config.database_url = Some(new_database(&cluster).await);
    }
    config
}

/// Which store the tests run against, for messages.
pub fn store_name() -> &'static str {
    if postgres_cluster().is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    }
}

/// Sends a request and reads its JSON answer, whatever the status.
pub async fn json_of(request: reqwest::RequestBuilder) -> serde_json::Value {
    request.send().await.unwrap().json().await.unwrap()
}

/// A server started for one test, with its account token and a client.
pub struct Server {
    _dir: tempfile::TempDir,
    /// `http://127.0.0.1:port`.
    pub base: String,
    /// Its account token.
    pub account: String,
    /// A client.
    pub http: reqwest::Client,
    _running: LocalServer,
}

/// Starts a server on the tests' store, with `change` made to its configuration.
pub async fn start_with(change: impl FnOnce(&mut ServerConfig)) -> Server {
    let mut config = config().await;
    change(&mut config);
    let dir = tempfile::tempdir().unwrap();
    let running = LocalServer::start(dir.path(), config).await.unwrap();
    Server {
        base: running.base_url.clone(),
        account: running.account_token().to_owned(),
        _dir: dir,
        http: reqwest::Client::new(),
        _running: running,
    }
}

impl Server {
    /// Registers a new key with `limits`; the server's answer and the key.
    pub async fn register(&self, limits: Value) -> (StatusCode, Value, String, SecretKey) {
        let key = key_format::generate();
        let id = format!("key_{}", key_format::random_base62(16));
        let body = json!({ "id": id, "name": "Shop", "fingerprint": key.fingerprint(), "limits": limits });
        let reply = self
            .http
            .post(format!("{}/api/keys", self.base))
            .bearer_auth(&self.account)
            .json(&body)
            .send()
            .await
            .unwrap();
        (reply.status(), reply.json().await.unwrap(), id, key)
    }

    /// Registers a new key with `limits`, which must succeed.
    pub async fn registered(&self, limits: Value) -> (String, SecretKey) {
        let (status, body, id, key) = self.register(limits).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        (id, key)
    }

    /// Asks for a token with `key`, through a proxy that forwarded for `forwarded_for`.
    pub async fn token_with(&self, key: &SecretKey, body: Value, forwarded_for: Option<&str>) -> (StatusCode, Value) {
        let mut request = self
            .http
            .post(format!("{}/embed/generate-token", self.base))
            .header("x-api-key", key.expose_secret())
            .json(&body);
        if let Some(forwarded) = forwarded_for {
            request = request.header("x-forwarded-for", forwarded);
        }
        let reply = request.send().await.unwrap();
        (reply.status(), reply.json().await.unwrap())
    }

    /// Asks for a token with `key`.
    pub async fn token(&self, key: &SecretKey, body: Value) -> (StatusCode, Value) {
        self.token_with(key, body, None).await
    }

    /// The claims of `token`, as introspection reads them.
    pub async fn claims(&self, key: &SecretKey, token: &Value) -> Value {
        let reply: Value = self
            .http
            .post(format!("{}/embed/introspect", self.base))
            .header("x-api-key", key.expose_secret())
            .json(&json!({ "token": token["token"] }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(reply["active"], true, "{reply}");
        reply["claims"].clone()
    }
}

/// A secret scanner (GitHub, in tests): an ECDSA P-256 key pair made at test time, and the identifier it is published under.
pub struct Reporter {
    pair: EcdsaKeyPair,
    /// The identifier its public key is published under.
    pub identifier: String,
}

impl Reporter {
    /// A new key pair, published as `identifier`.
    pub fn new(identifier: &str) -> Self {
        let random = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &random).unwrap();
        let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8.as_ref(), &random).unwrap();
        Self {
            pair,
            identifier: identifier.to_owned(),
        }
    }

    /// Its public key as GitHub publishes one: PEM SubjectPublicKeyInfo.
    pub fn pem(&self) -> String {
        // SEQUENCE { SEQUENCE { id-ecPublicKey, prime256v1 }, BIT STRING }, up to the point.
        let prefix = hex_bytes("3059301306072a8648ce3d020106082a8648ce3d030107034200");
        let der = [prefix.as_slice(), self.pair.public_key().as_ref()].concat();
        let base64 = STANDARD.encode(der);
        let lines: Vec<&str> = base64
            .as_bytes()
            .chunks(64)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect();
        format!(
            "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
            lines.join("\n")
        )
    }

    /// The base64 DER signature of `body`.
    pub fn sign(&self, body: &[u8]) -> String {
        STANDARD.encode(self.pair.sign(&SystemRandom::new(), body).unwrap())
    }
}

fn hex_bytes(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

/// A report of `token` found in a repository's `.env`, as GitHub sends one.
pub fn report(token: &str) -> Vec<u8> {
    json!([{
        "token": token,
        "type": "toucan_api_key",
        "url": "https://github.com/octo-org/shop/blob/0123abc/.env",
        "source": "content"
    }])
    .to_string()
    .into_bytes()
}

/// Publishes the public keys of `reporters` in `file`, in the format of
/// GitHub's `/meta/public_keys/secret_scanning`.
pub fn publish(file: &std::path::Path, reporters: &[&Reporter]) {
    let public_keys: Vec<Value> = reporters
        .iter()
        .map(|reporter| json!({ "key_identifier": reporter.identifier, "key": reporter.pem(), "is_current": true }))
        .collect();
    std::fs::write(file, json!({ "public_keys": public_keys }).to_string()).unwrap();
}

/// Sends `body` to the server at `base` as a secret scanner's report, with
/// the two signature headers as given; its status and answer.
pub async fn send_report(
    base: &str,
    body: Vec<u8>,
    identifier: Option<&str>,
    signature: Option<&str>,
) -> (StatusCode, Value) {
    let mut request = reqwest::Client::new()
        .post(format!("{base}/api/secret-scanning"))
        .header("content-type", "application/json")
        .body(body);
    if let Some(identifier) = identifier {
        request = request.header("Github-Public-Key-Identifier", identifier);
    }
    if let Some(signature) = signature {
        request = request.header("Github-Public-Key-Signature", signature);
    }
    let reply = request.send().await.unwrap();
    (reply.status(), reply.json().await.unwrap())
}

/// Sends `reporter`'s signed report of `token` to the server at `base`; the
/// labels it answered.
pub async fn report_leak(base: &str, reporter: &Reporter, token: &str) -> Vec<String> {
    let body = report(token);
    let signature = reporter.sign(&body);
    let (_, answer) = send_report(base, body, Some(&reporter.identifier), Some(&signature)).await;
    let labels = answer.as_array().unwrap_or_else(|| panic!("not feedback: {answer}"));
    labels
        .iter()
        .map(|entry| entry["label"].as_str().unwrap().to_owned())
        .collect()
}
