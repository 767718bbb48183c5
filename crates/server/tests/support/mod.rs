//! What the server's test files share, and the core's tests that talk to the
//! server (crates/core/tests/workspace_server.rs, snippets_run.rs): the store they run against.
//!
//! By default each test's server uses SQLite in its own temporary folder.
//! With `TOUCAN_EMBED_TEST_POSTGRES` set to a connection string (key=value
//! form, for example `host=/tmp/pg port=5433 user=toucan dbname=postgres`) of a throwaway
//! PostgreSQL cluster, each test gets a new, empty database on it instead
//! (`scripts/with-postgres.sh` starts such a cluster).

#![allow(dead_code)]

use reqwest::StatusCode;
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
