//! What the server's test files share, and the core's tests that talk to the
//! server (crates/core/tests/workspace_server.rs, snippets_run.rs): the store they run against.
//!
//! By default each test's server uses SQLite in its own temporary folder.
//! With `TOUCAN_EMBED_TEST_POSTGRES` set to a connection string (key=value
//! form, for example `host=/tmp/pg port=5433 user=toucan dbname=postgres`) of a throwaway
//! PostgreSQL cluster, each test gets a new, empty database on it instead
//! (`scripts/with-postgres.sh` starts such a cluster).

#![allow(dead_code)]

use toucan_embed_server::ServerConfig;

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
