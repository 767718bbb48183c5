//! The server over real HTTP on 127.0.0.1 (port 0). Tokens are verified with
//! an independent library (jsonwebtoken) against the server's JWKS.

use std::sync::Arc;

use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use reqwest::StatusCode;
use serde_json::{Value, json};
use toucan_embed_server::{AppState, ServerConfig, open, router};
use toucan_keys_core::{SecretKey, key_format};

struct Server {
    _dir: tempfile::TempDir,
    dir: std::path::PathBuf,
    base: String,
    account: String,
    state: Arc<AppState>,
    http: reqwest::Client,
}

async fn start(config: ServerConfig) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let opened = open(dir.path(), config).unwrap();
    let account = opened.new_account_token.expect("a new server makes an account token");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = router(opened.state.clone());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Server {
        dir: dir.path().to_owned(),
        _dir: dir,
        base,
        account,
        state: opened.state,
        http: reqwest::Client::new(),
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

/// Verifies a token with jsonwebtoken and the public key from the JWKS.
async fn verify_independently(server: &Server, token: &str) -> Result<Value, jsonwebtoken::errors::Error> {
    let jwks = server.get_json("/.well-known/jwks.json", false).await;
    let jwk = &jwks["keys"][0];
    assert_eq!(jsonwebtoken::decode_header(token)?.kid.as_deref(), jwk["kid"].as_str());
    let key = DecodingKey::from_ed_components(jwk["x"].as_str().unwrap())?;
    let mut validation = Validation::new(Algorithm::EdDSA);
    validation.set_audience(&["toucan-embed"]);
    validation.set_issuer(&["toucan-embed-server"]);
    Ok(jsonwebtoken::decode::<Value>(token, &key, &validation)?.claims)
}

#[tokio::test]
async fn register_generate_and_introspect() {
    let server = start(ServerConfig::default()).await;
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
    let server = start(ServerConfig::default()).await;
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
    let server = start(ServerConfig::default()).await;
    let (id, key) = server.register("Soon revoked").await;
    let token = server.token(&key).await;
    let reply = server
        .http
        .delete(format!("{}/api/keys/{id}", server.base))
        .bearer_auth(&server.account)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), StatusCode::NO_CONTENT);

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
    let server = start(ServerConfig::default()).await;
    let (_, key) = server.register_with("Old", Some("2020-01-01T00:00:00Z")).await;
    let (status, body) = server
        .post("/embed/generate-token", key.expose_secret(), user_request())
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["code"], "key_expired");
}

#[tokio::test]
async fn a_key_cannot_introspect_another_keys_token() {
    let server = start(ServerConfig::default()).await;
    let (_, alice) = server.register("Alice").await;
    let (_, bob) = server.register("Bob").await;
    let token = server.token(&alice).await;
    assert_eq!(server.introspect(&bob, &token).await.1, json!({ "active": false }));
    assert_eq!(server.introspect(&alice, &token).await.1["active"], true);
}

#[tokio::test]
async fn a_tampered_token_is_refused_by_us_and_by_jsonwebtoken() {
    let server = start(ServerConfig::default()).await;
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
    let server = start(ServerConfig::default()).await;
    let (_, key) = server.register("Real").await;
    let real = key.expose_secret();
    let typo = format!("{}{}", &real[..39], if real.ends_with('A') { 'B' } else { 'A' });
    let lookups = server.state.store.key_lookups();
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
        server.state.store.key_lookups(),
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
    let server = start(ServerConfig::default()).await;
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
    let server = start(ServerConfig { requests_per_minute: 3 }).await;
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

#[tokio::test]
async fn the_account_api_needs_the_account_token() {
    let server = start(ServerConfig::default()).await;
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
    let reopened = open(&server.dir, ServerConfig::default()).unwrap();
    assert!(reopened.new_account_token.is_none(), "the account token is made once");
}

#[tokio::test]
async fn the_database_holds_no_key() {
    let server = start(ServerConfig::default()).await;
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
    let server = start(ServerConfig::default()).await;
    let doc = server.get_json("/openapi.json", false).await;
    assert_eq!(doc["openapi"], "3.1.0");
    for path in [
        "/embed/generate-token",
        "/embed/introspect",
        "/.well-known/jwks.json",
        "/api/keys",
        "/api/keys/{id}",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is not documented");
    }
}
