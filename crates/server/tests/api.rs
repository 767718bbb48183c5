//! The server over real HTTP on 127.0.0.1 (port 0). Tokens are verified with
//! an independent library (jsonwebtoken) against the server's JWKS.

mod support;

use std::sync::Arc;

use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use reqwest::StatusCode;
use serde_json::{Value, json};
use toucan_embed_server::local::LocalServer;
use toucan_embed_server::{AppState, ServerConfig, open};
use toucan_keys_protocol::{SecretKey, key_format};

struct Server {
    config: ServerConfig,
    _dir: tempfile::TempDir,
    dir: std::path::PathBuf,
    base: String,
    account: String,
    state: Arc<AppState>,
    http: reqwest::Client,
    _running: LocalServer,
}

/// A server on a new store (SQLite, or PostgreSQL when the tests run against it).
async fn start_with(change: impl FnOnce(&mut ServerConfig)) -> Server {
    let mut config = support::config().await;
    change(&mut config);
    let dir = tempfile::tempdir().unwrap();
    let running = LocalServer::start(dir.path(), config.clone()).await.unwrap();
    let account = running.account_token().to_owned();
    serving(config, dir, running, account)
}

async fn start() -> Server {
    start_with(|_| {}).await
}

/// The server in `dir` started again (as after a restart), with its account token.
async fn restart(server: Server) -> Server {
    let Server {
        config,
        _dir: dir,
        account,
        ..
    } = server;
    let running = LocalServer::start(dir.path(), config.clone()).await.unwrap();
    assert!(running.new_account_token.is_none());
    serving(config, dir, running, account)
}

fn serving(config: ServerConfig, dir: tempfile::TempDir, running: LocalServer, account: String) -> Server {
    Server {
        config,
        dir: dir.path().to_owned(),
        _dir: dir,
        base: running.base_url.clone(),
        account,
        state: running.state.clone(),
        http: reqwest::Client::new(),
        _running: running,
    }
}

impl Server {
    async fn register_with(&self, name: &str, expires_at: Option<&str>) -> (String, SecretKey) {
        let key = key_format::generate();
        let id = format!("key_{}", key_format::random_base62(16));
        let mut body = json!({ "id": id, "name": name, "fingerprint": key.fingerprint() });
        if let Some(at) = expires_at {
            body["expiresAt"] = json!(at);
        }
        let reply = self
            .http
            .post(format!("{}/api/keys", self.base))
            .bearer_auth(&self.account)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(reply.status(), StatusCode::CREATED, "{}", reply.text().await.unwrap());
        (id, key)
    }

    async fn get_json(&self, path: &str, account: bool) -> Value {
        let mut request = self.http.get(format!("{}{path}", self.base));
        if account {
            request = request.bearer_auth(&self.account);
        }
        request.send().await.unwrap().json().await.unwrap()
    }

    /// Revokes key `id` through the account API; the answer's status.
    async fn revoke(&self, id: &str) -> StatusCode {
        self.http
            .delete(format!("{}/api/keys/{id}", self.base))
            .bearer_auth(&self.account)
            .send()
            .await
            .unwrap()
            .status()
    }

    async fn register(&self, name: &str) -> (String, SecretKey) {
        self.register_with(name, None).await
    }

    async fn post(&self, path: &str, key: &str, body: Value) -> (StatusCode, Value) {
        let reply = self
            .http
            .post(format!("{}{path}", self.base))
            .header("x-api-key", key)
            .json(&body)
            .send()
            .await
            .unwrap();
        (reply.status(), reply.json().await.unwrap())
    }

    async fn token(&self, key: &SecretKey) -> String {
        let (status, body) = self
            .post("/embed/generate-token", key.expose_secret(), user_request())
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["token"].as_str().unwrap().to_owned()
    }

    async fn introspect(&self, key: &SecretKey, token: &str) -> (StatusCode, Value) {
        self.post("/embed/introspect", key.expose_secret(), json!({ "token": token }))
            .await
    }
}

fn user_request() -> Value {
    json!({
        "user": { "distinctId": "user-42", "role": "explorer", "attributes": { "region": "EMEA", "accounts": [7, 9] } },
        "permissions": { "dashboard": ["can_view"], "ai": ["can_query"] }
    })
}

/// Verifies a token with jsonwebtoken and the public key from the JWKS
/// whose `kid` the token names.
async fn verify_independently(server: &Server, token: &str) -> Result<Value, jsonwebtoken::errors::Error> {
    let jwks = server.get_json("/.well-known/jwks.json", false).await;
    let kid = jsonwebtoken::decode_header(token)?.kid;
    let jwk = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|jwk| jwk["kid"].as_str() == kid.as_deref())
        .ok_or(jsonwebtoken::errors::ErrorKind::InvalidKeyFormat)?;
    let key = DecodingKey::from_ed_components(jwk["x"].as_str().unwrap())?;
    let mut validation = Validation::new(Algorithm::EdDSA);
    validation.set_audience(&["toucan-embed"]);
    validation.set_issuer(&["toucan-embed-server"]);
    Ok(jsonwebtoken::decode::<Value>(token, &key, &validation)?.claims)
}

#[tokio::test]
async fn register_generate_and_introspect() {
    let server = start().await;
    let (id, key) = server.register("Production backend").await;
    let token = server.token(&key).await;

    let claims = verify_independently(&server, &token)
        .await
        .expect("jsonwebtoken accepts the token");
    assert_eq!(claims["sub"], "user-42");
    assert_eq!(claims["role"], "explorer");
    assert_eq!(claims["azp"], id.as_str());
    assert_eq!(claims["attributes"], json!({ "region": "EMEA", "accounts": [7, 9] }));
    assert_eq!(claims["permissions"]["dashboard"], json!(["can_view"]));
    assert_eq!(
        claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
        3600,
        "one hour by default"
    );

    let (status, introspected) = server.introspect(&key, &token).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(introspected["active"], true);
    assert_eq!(introspected["claims"], claims);

    let listed = server.get_json("/api/keys", true).await;
    assert_eq!(listed["keys"][0]["id"], id.as_str());
    assert!(listed["keys"][0]["lastUsedAt"].is_string(), "last used is recorded");
}

#[tokio::test]
async fn a_chosen_lifetime_is_used() {
    let server = start().await;
    let (_, key) = server.register("Short").await;
    let mut request = user_request();
    request["lifetimeSeconds"] = json!(120);
    let (status, body) = server.post("/embed/generate-token", key.expose_secret(), request).await;
    assert_eq!(status, StatusCode::OK);
    let claims = verify_independently(&server, body["token"].as_str().unwrap())
        .await
        .unwrap();
    assert_eq!(claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(), 120);
}

#[tokio::test]
async fn revoking_a_key_refuses_it_and_ends_its_tokens_at_once() {
    let server = start().await;
    let (id, key) = server.register("Soon revoked").await;
    let token = server.token(&key).await;
    assert_eq!(server.revoke(&id).await, StatusCode::NO_CONTENT);

    let (status, body) = server
        .post("/embed/generate-token", key.expose_secret(), user_request())
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["code"], "key_revoked");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .starts_with("This API key was revoked on ")
    );
    assert_eq!(server.introspect(&key, &token).await.1["active"], false);
}

#[tokio::test]
async fn an_expired_key_is_refused_with_its_reason() {
    let server = start().await;
    let (_, key) = server.register_with("Old", Some("2020-01-01T00:00:00Z")).await;
    let (status, body) = server
        .post("/embed/generate-token", key.expose_secret(), user_request())
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["code"], "key_expired");
    assert_eq!(
        body["at"], "2020-01-01T00:00:00Z",
        "the error says when, for clients to word it"
    );
}

/// The expiry the server lists for key `id`.
async fn listed_expiry(server: &Server, id: &str) -> Value {
    let list = server.get_json("/api/keys", true).await;
    let key = list["keys"].as_array().unwrap().iter().find(|k| k["id"] == id).cloned();
    key.expect("the key is listed")["expiresAt"].clone()
}

#[tokio::test]
async fn a_rolled_key_works_until_the_end_of_its_overlap_then_is_refused() {
    let server = start().await;
    let (old_id, old_key) = server.register_with("Backend", Some("2099-01-01T00:00:00Z")).await;
    let old_token = server.token(&old_key).await;

    // The replacement names the old key and the end of the overlap: 2 s from now.
    let new_key = key_format::generate();
    let overlap_ends = chrono::Utc::now() + chrono::Duration::seconds(2);
    let registration = json!({
        "id": format!("key_{}", key_format::random_base62(16)),
        "name": "Backend",
        "fingerprint": new_key.fingerprint(),
        "retires": { "id": old_id, "at": overlap_ends.to_rfc3339() },
    });
    let reply = server
        .http
        .post(format!("{}/api/keys", server.base))
        .bearer_auth(&server.account)
        .json(&registration)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), StatusCode::CREATED);
    assert_eq!(
        listed_expiry(&server, &old_id).await,
        json!(chrono::DateTime::from_timestamp(overlap_ends.timestamp(), 0).unwrap())
    );

    // During the overlap both keys work.
    server.token(&old_key).await;
    server.token(&new_key).await;

    tokio::time::sleep(std::time::Duration::from_millis(2_100)).await;
    let (status, body) = server
        .post("/embed/generate-token", old_key.expose_secret(), user_request())
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert_eq!(body["code"], "key_expired");
    assert_eq!(
        server.introspect(&old_key, &old_token).await.1["active"],
        false,
        "its tokens end with it"
    );
    server.token(&new_key).await;
}

#[tokio::test]
async fn an_expiry_is_only_ever_brought_forward() {
    let server = start().await;
    let (id, _) = server.register_with("Backend", Some("2030-01-01T00:00:00Z")).await;
    let change = |at: &str| {
        server
            .http
            .patch(format!("{}/api/keys/{id}", server.base))
            .bearer_auth(&server.account)
            .json(&json!({ "expiresAt": at }))
    };
    let later = change("2040-01-01T00:00:00Z").send().await.unwrap();
    assert_eq!(later.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        listed_expiry(&server, &id).await,
        "2030-01-01T00:00:00Z",
        "never moved later"
    );
    change("2029-06-01T00:00:00Z").send().await.unwrap();
    assert_eq!(listed_expiry(&server, &id).await, "2029-06-01T00:00:00Z");

    let unknown = server
        .http
        .patch(format!("{}/api/keys/key_nobody", server.base))
        .bearer_auth(&server.account)
        .json(&json!({ "expiresAt": "2029-01-01T00:00:00Z" }))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let malformed = change("soon").send().await.unwrap();
    assert_eq!(malformed.status(), StatusCode::BAD_REQUEST);
    let stranger = server
        .http
        .patch(format!("{}/api/keys/{id}", server.base))
        .json(&json!({ "expiresAt": "2020-01-01T00:00:00Z" }))
        .send()
        .await
        .unwrap();
    assert_eq!(stranger.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(listed_expiry(&server, &id).await, "2029-06-01T00:00:00Z");
}

#[tokio::test]
async fn a_key_cannot_introspect_another_keys_token() {
    let server = start().await;
    let (_, alice) = server.register("Alice").await;
    let (_, bob) = server.register("Bob").await;
    let token = server.token(&alice).await;
    assert_eq!(server.introspect(&bob, &token).await.1, json!({ "active": false }));
    assert_eq!(server.introspect(&alice, &token).await.1["active"], true);
}

#[tokio::test]
async fn a_tampered_token_is_refused_by_us_and_by_jsonwebtoken() {
    let server = start().await;
    let (_, key) = server.register("Tamper").await;
    let token = server.token(&key).await;
    let claims = verify_independently(&server, &token).await.unwrap();
    let mut forged = claims.clone();
    forged["role"] = json!("admin");
    let parts: Vec<&str> = token.split('.').collect();
    use base64::Engine;
    let forged_part = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(serde_json::to_vec(&forged).unwrap());
    let tampered = format!("{}.{}.{}", parts[0], forged_part, parts[2]);
    assert_eq!(server.introspect(&key, &tampered).await.1, json!({ "active": false }));
    assert!(verify_independently(&server, &tampered).await.is_err());
    assert_eq!(
        server.introspect(&key, "not.a.token").await.1,
        json!({ "active": false })
    );
}

#[tokio::test]
async fn malformed_keys_get_401_without_touching_the_database() {
    let server = start().await;
    let (_, key) = server.register("Real").await;
    let real = key.expose_secret();
    let typo = format!("{}{}", &real[..39], if real.ends_with('A') { 'B' } else { 'A' });
    let lookups = server.state.keys.lookups();
    for bad in [
        "",
        "Bearer nonsense",
        &real[..30],
        typo.as_str(),
        "ghp_0123456789012345678901234567890123456",
    ] {
        let (status, body) = server.post("/embed/generate-token", bad, user_request()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{bad:?}");
        assert_eq!(body["code"], "invalid_key", "{bad:?}");
        assert!(!body.to_string().contains(&real[4..20]), "the error echoes the key");
    }
    assert_eq!(
        server.state.keys.lookups(),
        lookups,
        "a malformed key reached the database"
    );

    let stranger = key_format::generate();
    let (status, body) = server
        .post("/embed/generate-token", stranger.expose_secret(), user_request())
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("unknown_key"))
    );
    assert!(!body.to_string().contains(&stranger.expose_secret()[4..]));
    let missing = server
        .http
        .post(format!("{}/embed/generate-token", server.base))
        .json(&user_request())
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_malformed_body_gets_400_naming_the_field() {
    let server = start().await;
    let (_, key) = server.register("Body").await;
    let cases = [
        (json!({}), "user"),
        (json!({ "user": { "distinctId": "u" } }), "user.role"),
        (json!({ "user": { "distinctId": "u", "role": "owner" } }), "user.role"),
        (
            json!({ "user": { "distinctId": "u", "role": "maker" }, "permissions": { "chart": ["can_dance"] } }),
            "permissions.chart[0]",
        ),
    ];
    for (body, field) in cases {
        let (status, reply) = server.post("/embed/generate-token", key.expose_secret(), body).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(reply["code"], "invalid_body");
        assert!(
            reply["message"].as_str().unwrap().starts_with(&format!("{field}:")),
            "{reply}"
        );
    }
}

#[tokio::test]
async fn too_many_requests_with_one_key_get_429() {
    let server = start_with(|config| config.requests_per_minute = 3).await;
    let (_, busy) = server.register("Busy").await;
    let (_, calm) = server.register("Calm").await;
    for _ in 0..3 {
        server.token(&busy).await;
    }
    let (status, body) = server
        .post("/embed/generate-token", busy.expose_secret(), user_request())
        .await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("rate_limited"))
    );
    server.token(&calm).await;
}

/// Introspection shares the key's request budget, and a huge "token" is
/// refused before any work.
#[tokio::test]
async fn introspection_is_rate_limited_and_oversized_tokens_are_not_read() {
    let server = start_with(|config| config.requests_per_minute = 4).await;
    let (_, key) = server.register("Checker").await;
    let token = server.token(&key).await;
    let huge = format!("{}.{}.{}", "a".repeat(1 << 19), "b".repeat(1 << 19), "c");
    let (status, body) = server.introspect(&key, &huge).await;
    assert_eq!((status, &body), (StatusCode::OK, &json!({ "active": false })));
    for _ in 0..2 {
        assert_eq!(server.introspect(&key, &token).await.0, StatusCode::OK);
    }
    let (status, body) = server.introspect(&key, &token).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("rate_limited"))
    );
}

/// Attributes are bounded in number and size, so a token stays small.
#[tokio::test]
async fn too_many_or_too_long_attributes_are_refused() {
    let server = start().await;
    let (_, key) = server.register("Attributes").await;
    let many: serde_json::Map<String, Value> = (0..33).map(|i| (format!("a{i}"), json!("x"))).collect();
    let long = json!({ "region": "x".repeat(300) });
    for (attributes, field) in [
        (Value::Object(many), "user.attributes"),
        (long, "user.attributes.region"),
    ] {
        let request = json!({ "user": { "distinctId": "u-1", "role": "explorer", "attributes": attributes } });
        let (status, body) = server.post("/embed/generate-token", key.expose_secret(), request).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert!(body["message"].as_str().unwrap().starts_with(field), "{body}");
    }
    let within = (0..32)
        .map(|i| (format!("attribute_{i:02}"), json!("v".repeat(250))))
        .collect::<serde_json::Map<_, _>>();
    let request = json!({ "user": { "distinctId": "u-1", "role": "explorer", "attributes": within } });
    let (status, body) = server.post("/embed/generate-token", key.expose_secret(), request).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let token = body["token"].as_str().unwrap();
    assert!(
        token.len() <= toucan_embed_server::tokens::MAX_TOKEN_BYTES,
        "{} bytes",
        token.len()
    );
    assert_eq!(server.introspect(&key, token).await.1["active"], true);
}

#[tokio::test]
async fn the_account_api_needs_the_account_token() {
    let server = start().await;
    let url = format!("{}/api/keys", server.base);
    assert_eq!(
        server.http.get(&url).send().await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        server
            .http
            .get(&url)
            .bearer_auth("tka_wrong")
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let sneaky = json!({ "id": "key_x", "name": "n", "fingerprint": "0".repeat(64), "key": "tck_..." });
    let reply = server
        .http
        .post(&url)
        .bearer_auth(&server.account)
        .json(&sneaky)
        .send()
        .await
        .unwrap();
    assert_eq!(
        reply.status(),
        StatusCode::BAD_REQUEST,
        "the account API must not accept a key"
    );
    let reopened = open(&server.dir, server.config.clone()).await.unwrap();
    assert!(reopened.new_account_token.is_none(), "the account token is made once");
}

/// The server checks a registration with the app's own rules (the protocol's
/// `key_identity`): a name the app would refuse is refused here too.
#[tokio::test]
async fn a_registration_follows_the_apps_naming_rules() {
    let server = start().await;
    let url = format!("{}/api/keys", server.base);
    let register = |id: &str, name: &str, fingerprint: String| {
        let body = json!({ "id": id, "name": name, "fingerprint": fingerprint });
        server.http.post(&url).bearer_auth(&server.account).json(&body).send()
    };
    for (id, name, fingerprint, field) in [
        ("key_a", "Prod\u{1b}[2J", "0".repeat(64), "name"),
        ("key_b", "   ", "0".repeat(64), "name"),
        ("key_c", &"é".repeat(65), "0".repeat(64), "name"),
        ("tka_d", "Prod", "0".repeat(64), "id"),
        ("key_e", "Prod", "0".repeat(63), "fingerprint"),
    ] {
        let reply = register(id, name, fingerprint).await.unwrap();
        assert_eq!(reply.status(), StatusCode::BAD_REQUEST, "{id} {name:?}");
        let body: serde_json::Value = reply.json().await.unwrap();
        assert!(body.to_string().contains(field), "{id}: {body}");
    }
    let accepted = register("key_f", "  Prod  ", "AB".repeat(32)).await.unwrap();
    assert_eq!(accepted.status(), StatusCode::CREATED);
    let listed: serde_json::Value = server
        .http
        .get(&url)
        .bearer_auth(&server.account)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let key = &listed["keys"][0];
    assert_eq!(key["name"], "Prod", "{listed}");
    assert_eq!(key["fingerprint"], "ab".repeat(32), "{listed}");
}

/// The signing key is in the database: another local user can read neither
/// the data folder (0700) nor its files (0600), and a folder an older version
/// left readable is tightened at the next start.
#[cfg(unix)]
#[test]
fn the_data_folder_and_database_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let files = |data: &std::path::Path| -> Vec<std::path::PathBuf> {
        std::fs::read_dir(data)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect()
    };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("toucan-server-data");
    let opened = runtime().block_on(open(&data, ServerConfig::default())).unwrap();
    assert_eq!(mode(&data), 0o700);
    assert!(files(&data).len() >= 2, "the database and its WAL: {:?}", files(&data));
    for file in files(&data) {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
    drop(opened);

    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    for file in files(&data) {
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let _reopened = runtime().block_on(open(&data, ServerConfig::default())).unwrap();
    assert_eq!(mode(&data), 0o700);
    for file in files(&data) {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}

/// The account token is printed only on a terminal; into a log it is never
/// written, but into a file only this user can read. Rotating it ends the old one.
#[tokio::test]
async fn the_account_token_stays_out_of_logs_and_can_be_rotated() {
    let server = start().await;
    let line = toucan_embed_server::hand_over_account_token(&server.account, &server.dir, false).unwrap();
    assert!(!line.contains(&server.account), "the token was printed into a log");
    let file = server.dir.join(toucan_embed_server::ACCOUNT_TOKEN_FILE);
    assert!(line.contains(&file.display().to_string()));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), server.account);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let on_terminal = toucan_embed_server::hand_over_account_token(&server.account, &server.dir, true).unwrap();
    assert!(on_terminal.contains(&server.account));

    let status = |token: &str| {
        let request = server
            .http
            .get(format!("{}/api/keys", server.base))
            .bearer_auth(token.to_owned());
        async move { request.send().await.unwrap().status().as_u16() }
    };
    assert_eq!(status(&server.account).await, 200);
    let rotated = toucan_embed_server::rotate_account_token(&server.config.location(&server.dir))
        .await
        .unwrap();
    assert_ne!(rotated, server.account);
    // The running server reads the hash from the same database.
    assert_eq!(status(&server.account).await, 401, "the old token still works");
    assert_eq!(status(&rotated).await, 200);
}

/// Rotating the signing key: new tokens use the new key; tokens signed with
/// the old one stay valid (for us and for a verifier with the JWKS) until
/// they can no longer be live, 24 hours after the rotation; then the old key
/// leaves the JWKS and its tokens are inactive.
#[tokio::test]
async fn the_signing_key_rotates_without_breaking_live_tokens() {
    let server = start().await;
    let (_, key) = server.register("Rotating").await;
    let old_token = server.token(&key).await;
    let old_kid = jsonwebtoken::decode_header(&old_token).unwrap().kid.unwrap();

    let now = chrono::Utc::now().timestamp();
    let rotation = toucan_embed_server::rotate_signing_key(&server.config.location(&server.dir), now)
        .await
        .unwrap();
    assert_eq!(rotation.still_accepted, vec![old_kid.clone()]);
    let server = restart(server).await;

    let jwks = server.get_json("/.well-known/jwks.json", false).await;
    let kids: Vec<&str> = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["kid"].as_str().unwrap())
        .collect();
    assert_eq!(kids, [rotation.new_kid.as_str(), old_kid.as_str()]);
    let new_token = server.token(&key).await;
    assert_eq!(
        jsonwebtoken::decode_header(&new_token).unwrap().kid.as_deref(),
        Some(rotation.new_kid.as_str())
    );
    for token in [&old_token, &new_token] {
        verify_independently(&server, token)
            .await
            .expect("jsonwebtoken accepts it with the JWKS");
        assert_eq!(server.introspect(&key, token).await.1["active"], true);
    }

    // A day and an hour later, the next rotation drops the first key.
    let later = now + 25 * 3600;
    let second = toucan_embed_server::rotate_signing_key(&server.config.location(&server.dir), later)
        .await
        .unwrap();
    assert_eq!(second.still_accepted, vec![rotation.new_kid.clone()]);
    let server = restart(server).await;
    let jwks = server.get_json("/.well-known/jwks.json", false).await.to_string();
    assert!(
        !jwks.contains(&old_kid),
        "a key retired over a day ago is still published"
    );
    assert_eq!(server.introspect(&key, &old_token).await.1["active"], false);
    assert_eq!(server.introspect(&key, &new_token).await.1["active"], true);
}

#[tokio::test]
async fn the_database_holds_no_key() {
    let server = start().await;
    let mut keys = Vec::new();
    for name in ["One", "Two", "Three"] {
        let (_, key) = server.register(name).await;
        server.token(&key).await;
        keys.push(key);
    }
    for entry in std::fs::read_dir(&server.dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        for key in &keys {
            let body = &key.expose_secret().as_bytes()[4..];
            assert!(
                !bytes.windows(body.len()).any(|w| w == body),
                "a key is in the database files"
            );
        }
    }
}

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let server = start().await;
    let doc = server.get_json("/openapi.json", false).await;
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/embed/generate-token",
        "/embed/introspect",
        "/.well-known/jwks.json",
        "/api/keys",
        "/api/keys/{id}",
        "/api/attributes",
        "/healthz",
        "/readyz",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is not documented");
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// A revocation holds for every request sent after its reply, even while the
/// key is busy on other connections (its state is cached in memory).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_revoked_key_is_refused_by_the_next_request_even_under_load() {
    let server = Arc::new(start().await);
    let (id, key) = server.register("Busy").await;
    let key = Arc::new(key.expose_secret().to_owned());
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut workers = Vec::new();
    for _ in 0..8 {
        let (server, key, stop) = (server.clone(), key.clone(), stop.clone());
        workers.push(tokio::spawn(async move {
            let mut seen = Vec::new();
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let sent = std::time::Instant::now();
                let (status, _) = server.post("/embed/generate-token", &key, user_request()).await;
                seen.push((sent, status));
            }
            seen
        }));
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(server.revoke(&id).await, StatusCode::NO_CONTENT);
    let revoked_at = std::time::Instant::now();
    let (status, body) = server.post("/embed/generate-token", &key, user_request()).await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("key_revoked"))
    );
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut before = 0;
    for worker in workers {
        for (sent, status) in worker.await.unwrap() {
            if sent > revoked_at {
                assert_eq!(
                    status,
                    StatusCode::UNAUTHORIZED,
                    "a request sent after the revocation got a token"
                );
            } else if status == StatusCode::OK {
                before += 1;
            }
        }
    }
    assert!(
        before > 10,
        "the key was hardly used before the revocation ({before} tokens)"
    );
}

#[tokio::test]
async fn health_and_readiness_are_reported() {
    let server = start().await;
    assert_eq!(server.get_json("/healthz", false).await["status"], "ok");
    let ready = server.get_json("/readyz", false).await;
    assert_eq!(ready["status"], "ready");
    let store = if support::postgres_cluster().is_some() {
        "postgres"
    } else {
        "sqlite"
    };
    assert_eq!(ready["database"], store);
}

/// A key registered with origins: a request naming another origin is refused
/// with 403, the allowed ones get tokens that carry the list.
#[tokio::test]
async fn a_key_s_tokens_are_limited_to_its_origins() {
    let server = start().await;
    let key = key_format::generate();
    let body = json!({
        "id": "key_origins", "name": "Shop", "fingerprint": key.fingerprint(),
        "allowedOrigins": ["https://app.example.com", "https://Admin.Example.com:8443/"]
    });
    let register = |body: Value| {
        server
            .http
            .post(format!("{}/api/keys", server.base))
            .bearer_auth(&server.account)
            .json(&body)
            .send()
    };
    for bad in [
        "http://app.example.com",
        "https://app.example.com/path",
        "app.example.com",
        "https://",
    ] {
        let mut wrong = body.clone();
        wrong["id"] = json!("key_wrong");
        wrong["allowedOrigins"] = json!([bad]);
        let reply = register(wrong).await.unwrap();
        assert_eq!(reply.status(), StatusCode::BAD_REQUEST, "{bad} was accepted");
        let text = reply.text().await.unwrap();
        assert!(text.contains("allowedOrigins[0]"), "{text}");
    }
    assert_eq!(register(body.clone()).await.unwrap().status(), StatusCode::CREATED);
    let keys = server.get_json("/api/keys", true).await;
    assert_eq!(
        keys["keys"][0]["allowedOrigins"],
        json!(["https://app.example.com", "https://admin.example.com:8443"])
    );

    let mut request = user_request();
    request["origin"] = json!("https://evil.example.net");
    let (status, reply) = server
        .post("/embed/generate-token", key.expose_secret(), request.clone())
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(reply["code"], "origin_not_allowed");
    assert!(reply["message"].as_str().unwrap().contains("https://evil.example.net"));

    request["origin"] = json!("https://APP.example.com/");
    let (status, reply) = server.post("/embed/generate-token", key.expose_secret(), request).await;
    assert_eq!(status, StatusCode::OK, "{reply}");
    let claims = verify_independently(&server, reply["token"].as_str().unwrap())
        .await
        .unwrap();
    assert_eq!(claims["origins"], keys["keys"][0]["allowedOrigins"]);
    let token = reply["token"].as_str().unwrap().to_owned();

    // Where the token is used: active only on a page of an allowed origin.
    let introspect = |body: Value, origin: Option<&'static str>| {
        let mut post = server
            .http
            .post(format!("{}/embed/introspect", server.base))
            .header("x-api-key", key.expose_secret())
            .json(&body);
        if let Some(origin) = origin {
            post = post.header("origin", origin);
        }
        async move { post.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let on_page = introspect(json!({ "token": token, "origin": "https://app.example.com:443" }), None).await;
    assert_eq!(on_page["active"], true, "{on_page}");
    assert_eq!(on_page["claims"]["origins"], claims["origins"]);
    let by_header = introspect(json!({ "token": token }), Some("https://admin.example.com:8443")).await;
    assert_eq!(by_header["active"], true, "{by_header}");
    for (body, header) in [
        (json!({ "token": token }), None),
        (json!({ "token": token, "origin": "https://evil.example.net" }), None),
        (json!({ "token": token }), Some("https://evil.example.net")),
        (
            json!({ "token": token, "origin": "https://app.example.com" }),
            Some("https://evil.example.net"),
        ),
    ] {
        let reply = introspect(body.clone(), header).await;
        assert_eq!(reply, json!({ "active": false }), "{body} {header:?}");
    }
}

/// A key limited to origins refuses a token request that names none, and a
/// browser's `Origin` header must be allowed too; default ports are the same
/// origin. A cross-origin preflight gets no CORS permission: browsers can't
/// call the server from a page at all.
#[tokio::test]
async fn a_key_limited_to_origins_needs_one_and_the_origin_header_counts() {
    let server = start().await;
    let key = key_format::generate();
    let registered = server
        .http
        .post(format!("{}/api/keys", server.base))
        .bearer_auth(&server.account)
        .json(&json!({
            "id": "key_needs_origin", "name": "Shop", "fingerprint": key.fingerprint(),
            "allowedOrigins": ["https://shop.example.com"]
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(registered.status(), StatusCode::CREATED);

    let (status, reply) = server
        .post("/embed/generate-token", key.expose_secret(), user_request())
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{reply}");
    assert_eq!(reply["code"], "origin_not_allowed");
    assert!(
        reply["message"].as_str().unwrap().contains("https://shop.example.com"),
        "{reply}"
    );

    let ask = |origin_field: Option<&'static str>, header: Option<&'static str>| {
        let mut body = user_request();
        if let Some(origin) = origin_field {
            body["origin"] = json!(origin);
        }
        let mut post = server
            .http
            .post(format!("{}/embed/generate-token", server.base))
            .header("x-api-key", key.expose_secret())
            .json(&body);
        if let Some(origin) = header {
            post = post.header("origin", origin);
        }
        async move { post.send().await.unwrap().status() }
    };
    assert_eq!(ask(Some("https://shop.example.com:443"), None).await, StatusCode::OK);
    assert_eq!(ask(None, Some("https://shop.example.com")).await, StatusCode::OK);
    assert_eq!(
        ask(Some("https://shop.example.com"), Some("https://evil.example.net")).await,
        StatusCode::FORBIDDEN
    );
    assert_eq!(ask(None, Some("http://shop.example.com")).await, StatusCode::FORBIDDEN);

    let preflight = server
        .http
        .request(
            reqwest::Method::OPTIONS,
            format!("{}/embed/generate-token", server.base),
        )
        .header("origin", "https://shop.example.com")
        .header("access-control-request-method", "POST")
        .send()
        .await
        .unwrap();
    assert!(
        preflight.headers().get("access-control-allow-origin").is_none(),
        "the server must not let pages call it: {:?}",
        preflight.headers()
    );
}

/// Once a workspace declares its attributes, a token request may carry only
/// those, each of its type; mistakes get 422 naming the attribute.
#[tokio::test]
async fn declared_attributes_are_enforced_with_their_types() {
    let server = start().await;
    let (_, key) = server.register("Typed").await;
    let declare = |body: Value| {
        server
            .http
            .put(format!("{}/api/attributes", server.base))
            .bearer_auth(&server.account)
            .json(&body)
            .send()
    };
    let wrong_type = declare(json!({ "attributes": [{ "name": "region", "type": "colour" }] }))
        .await
        .unwrap();
    assert_eq!(wrong_type.status(), StatusCode::BAD_REQUEST);
    let twice = declare(json!({ "attributes": [
        { "name": "region", "type": "string" }, { "name": "region", "type": "integer" }
    ] }))
    .await
    .unwrap();
    assert_eq!(twice.status(), StatusCode::BAD_REQUEST);
    assert!(twice.text().await.unwrap().contains("declared twice"));
    let no_token = server
        .http
        .put(format!("{}/api/attributes", server.base))
        .json(&json!({ "attributes": [] }))
        .send()
        .await
        .unwrap();
    assert_eq!(no_token.status(), StatusCode::UNAUTHORIZED);

    // Nothing declared yet: any attribute goes.
    server.token(&key).await;
    let declared = json!({ "attributes": [
        { "name": "accounts", "type": "integer" },
        { "name": "region", "type": "string" },
        { "name": "since", "type": "date" },
        { "name": "vip", "type": "boolean" },
        { "name": "score", "type": "number" }
    ] });
    assert_eq!(declare(declared).await.unwrap().status(), StatusCode::OK);
    let listed = server.get_json("/api/attributes", true).await;
    let names: Vec<&str> = listed["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["accounts", "region", "score", "since", "vip"]);
    assert_eq!(listed["attributes"][3]["type"], "date");

    let with =
        |attributes: Value| json!({ "user": { "distinctId": "u-1", "role": "explorer", "attributes": attributes } });
    let good = with(json!({ "region": "EMEA", "accounts": [7, 9], "since": "2026-01-31", "vip": true, "score": 0.5 }));
    let (status, reply) = server.post("/embed/generate-token", key.expose_secret(), good).await;
    assert_eq!(status, StatusCode::OK, "{reply}");
    for (attributes, code, named) in [
        (
            json!({ "country": "FR" }),
            "unknown_attribute",
            "user.attributes.country",
        ),
        (
            json!({ "accounts": "seven" }),
            "invalid_attribute",
            "user.attributes.accounts",
        ),
        (
            json!({ "accounts": [7, 9.5] }),
            "invalid_attribute",
            "user.attributes.accounts",
        ),
        (
            json!({ "since": "31/01/2026" }),
            "invalid_attribute",
            "user.attributes.since",
        ),
        (json!({ "vip": "yes" }), "invalid_attribute", "user.attributes.vip"),
        (json!({ "region": 5 }), "invalid_attribute", "user.attributes.region"),
    ] {
        let (status, reply) = server
            .post("/embed/generate-token", key.expose_secret(), with(attributes.clone()))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{attributes} → {reply}");
        assert_eq!(reply["code"], code, "{attributes}");
        assert!(reply["message"].as_str().unwrap().contains(named), "{reply}");
    }
}

#[tokio::test]
async fn the_longest_lifetime_is_the_server_s_choice() {
    let server = start_with(|config| config.max_token_lifetime_seconds = 600).await;
    let (_, key) = server.register("Short").await;
    let mut request = user_request();
    request["lifetimeSeconds"] = json!(601);
    let (status, reply) = server
        .post("/embed/generate-token", key.expose_secret(), request.clone())
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(reply["message"].as_str().unwrap().contains("from 60 to 600"), "{reply}");
    request["lifetimeSeconds"] = json!(600);
    let (status, reply) = server.post("/embed/generate-token", key.expose_secret(), request).await;
    assert_eq!(status, StatusCode::OK, "{reply}");
    // With no lifetime asked, the default hour is cut to the maximum.
    let token = server.token(&key).await;
    let claims = verify_independently(&server, &token).await.unwrap();
    assert_eq!(claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(), 600);
}

/// A well-formed key the server doesn't know (its checksum is public, so
/// anyone can make one) is rate-limited like a registered one.
#[tokio::test]
async fn unknown_keys_are_rate_limited_too() {
    let server = start_with(|config| config.requests_per_minute = 4).await;
    let mut statuses = Vec::new();
    for _ in 0..6 {
        let made_up = key_format::generate();
        statuses.push(
            server
                .post("/embed/generate-token", made_up.expose_secret(), user_request())
                .await
                .0,
        );
    }
    assert_eq!(&statuses[..4], [StatusCode::UNAUTHORIZED; 4], "{statuses:?}");
    assert_eq!(&statuses[4..], [StatusCode::TOO_MANY_REQUESTS; 2], "{statuses:?}");
    // A registered key keeps its own budget.
    let (_, key) = server.register("Own budget").await;
    server.token(&key).await;
}
