//! Restricted keys over real HTTP, on SQLite (and again on PostgreSQL when
//! the tests run against it): every limit is enforced by the server, a refusal
//! names the limit and what was asked, fixed attributes are written by the
//! server, and a tightening applies from the next request.

mod support;

use reqwest::StatusCode;
use serde_json::{Value, json};
use support::{Server, start_with};

impl Server {
    async fn change_limits(&self, id: &str, limits: Value) -> StatusCode {
        self.http
            .patch(format!("{}/api/keys/{id}", self.base))
            .bearer_auth(&self.account)
            .json(&json!({ "limits": limits }))
            .send()
            .await
            .unwrap()
            .status()
    }
}

fn ask(role: &str, permissions: Value, attributes: Value) -> Value {
    json!({
        "user": { "distinctId": "maria@acme.example", "role": role, "attributes": attributes },
        "permissions": permissions,
    })
}

fn show_dashboards() -> Value {
    json!({
        "roles": ["explorer"],
        "permissions": { "dashboard": ["can_view"], "chart": ["can_view"] },
        "fixedAttributes": { "tenant": "acme" }
    })
}

#[tokio::test]
async fn a_show_dashboards_key_gets_view_only_tokens_for_its_customer() {
    let server = start_with(|_| {}).await;
    let (_, key) = server.registered(show_dashboards()).await;

    let (status, token) = server
        .token(&key, ask("explorer", json!({ "dashboard": ["can_view"] }), json!({})))
        .await;
    assert_eq!(status, StatusCode::OK, "{token}");
    let claims = server.claims(&key, &token).await;
    assert_eq!(
        claims["attributes"],
        json!({ "tenant": "acme" }),
        "the fixed attribute is written by the server"
    );

    let (status, refused) = server
        .token(&key, ask("explorer", json!({ "dashboard": ["can_edit"] }), json!({})))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{refused} ({})", support::store_name());
    assert_eq!(refused["code"], "key_limit");
    assert_eq!(
        refused["message"],
        "This key may grant at most dashboard:can_view; the request asked for dashboard:can_edit."
    );
    assert_eq!(
        refused["breach"],
        json!({ "limit": "permission", "resource": "dashboard", "allowed": ["can_view"], "asked": "can_edit" })
    );

    let (status, refused) = server.token(&key, ask("admin", json!({}), json!({}))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(refused["breach"]["limit"], "role");

    let (status, refused) = server
        .token(&key, ask("explorer", json!({}), json!({ "tenant": "globex" })))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "another customer's rows");
    assert_eq!(refused["breach"]["limit"], "fixedAttribute");
    assert_eq!(refused["breach"]["asked"], "globex");

    let (status, refused) = server
        .token(&key, ask("explorer", json!({ "database": ["can_view"] }), json!({})))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        refused["message"],
        "This key may grant no permission on database; the request asked for database:can_view."
    );
}

#[tokio::test]
async fn a_tightening_applies_from_the_next_request_and_is_listed() {
    let server = start_with(|_| {}).await;
    let (id, key) = server.registered(json!({})).await;
    let edit = ask("maker", json!({ "dashboard": ["can_edit"] }), json!({}));
    assert_eq!(server.token(&key, edit.clone()).await.0, StatusCode::OK, "full access");

    assert_eq!(
        server.change_limits(&id, show_dashboards()).await,
        StatusCode::NO_CONTENT
    );
    let (status, refused) = server.token(&key, edit.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{refused}");
    assert_eq!(refused["breach"]["limit"], "role");

    let listed: Value = support::json_of(
        server
            .http
            .get(format!("{}/api/keys", server.base))
            .bearer_auth(&server.account),
    )
    .await;
    assert_eq!(listed["keys"][0]["limits"], show_dashboards());

    assert_eq!(server.change_limits(&id, json!({})).await, StatusCode::NO_CONTENT);
    assert_eq!(server.token(&key, edit).await.0, StatusCode::OK, "widened again");
    assert_eq!(
        server.change_limits("key_nobodyxxxxxxxxxxx", json!({})).await,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn networks_are_checked_against_the_client_behind_trusted_proxies_only() {
    let limits = json!({ "networks": ["203.0.113.0/24", "2001:db8::/32"] });
    let view = ask("explorer", json!({}), json!({}));

    // Not behind a trusted proxy: the connection's own address counts, and
    // X-Forwarded-For is not believed.
    let direct = start_with(|_| {}).await;
    let (_, key) = direct.registered(limits.clone()).await;
    let (status, refused) = direct.token_with(&key, view.clone(), Some("203.0.113.5")).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{refused}");
    assert_eq!(refused["breach"]["limit"], "network");
    assert_eq!(refused["breach"]["address"], "127.0.0.1");

    // Behind a trusted proxy (this computer): the client it names counts.
    let proxied = start_with(|config| config.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()]).await;
    let (_, key) = proxied.registered(limits).await;
    let (status, body) = proxied.token_with(&key, view.clone(), Some("203.0.113.5")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = proxied
        .token_with(&key, view.clone(), Some("198.51.100.1, 203.0.113.5"))
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the nearest untrusted hop counts, not what the client wrote first"
    );
    let (status, refused) = proxied.token_with(&key, view.clone(), Some("198.51.100.1")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(refused["breach"]["address"], "198.51.100.1");
    let (status, _) = proxied.token_with(&key, view.clone(), Some("not an address")).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "an address that can't be told is outside"
    );
    let (status, _) = proxied.token_with(&key, view, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "the proxy itself is not the client");
}

#[tokio::test]
async fn first_day_lifetime_and_rate_are_the_key_s_own() {
    let server = start_with(|_| {}).await;
    let view = ask("explorer", json!({}), json!({}));

    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(1)).to_rfc3339();
    let (_, later) = server.registered(json!({ "notBefore": tomorrow })).await;
    let (status, refused) = server.token(&later, view.clone()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(refused["breach"]["limit"], "notYet");

    let (_, short) = server.registered(json!({ "maxLifetimeSeconds": 600 })).await;
    let (status, token) = server.token(&short, view.clone()).await;
    assert_eq!(status, StatusCode::OK);
    let claims = server.claims(&short, &token).await;
    assert_eq!(
        claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap(),
        600,
        "a left-out lifetime is the key's longest"
    );
    let mut long = view.clone();
    long["lifetimeSeconds"] = json!(900);
    let (status, refused) = server.token(&short, long).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        refused["message"],
        "This key's tokens may last at most 600 seconds; the request asked for 900."
    );

    let (_, slow) = server.registered(json!({ "requestsPerMinute": 2 })).await;
    for _ in 0..2 {
        assert_eq!(server.token(&slow, view.clone()).await.0, StatusCode::OK);
    }
    assert_eq!(
        server.token(&slow, view.clone()).await.0,
        StatusCode::TOO_MANY_REQUESTS,
        "its own rate"
    );
    let (_, other) = server.registered(json!({})).await;
    assert_eq!(
        server.token(&other, view).await.0,
        StatusCode::OK,
        "another key keeps the server's rate"
    );
}

#[tokio::test]
async fn limits_that_mean_nothing_are_refused_naming_their_field() {
    let server = start_with(|_| {}).await;
    for (limits, field) in [
        (json!({ "roles": [] }), "limits.roles"),
        (json!({ "networks": ["10.0.0.0/8", "nowhere"] }), "limits.networks[1]"),
        (json!({ "maxLifetimeSeconds": 5 }), "limits.maxLifetimeSeconds"),
        (json!({ "requestsPerMinute": 0 }), "limits.requestsPerMinute"),
        (
            json!({ "fixedAttributes": { "tenant": { "a": 1 } } }),
            "limits.fixedAttributes.tenant",
        ),
    ] {
        let (status, body, _, _) = server.register(limits.clone()).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{limits}: {body}");
        assert!(body["message"].as_str().unwrap().starts_with(field), "{body}");
    }
    let (status, _, _, _) = server.register(json!({ "colour": "blue" })).await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "an unknown limit is refused, not ignored"
    );

    // Declared attributes type the fixed ones.
    let declared = server
        .http
        .put(format!("{}/api/attributes", server.base))
        .bearer_auth(&server.account)
        .json(&json!({ "attributes": [{ "name": "tenant_id", "type": "integer" }] }))
        .send()
        .await
        .unwrap();
    assert_eq!(declared.status(), StatusCode::OK);
    let (status, body, _, _) = server
        .register(json!({ "fixedAttributes": { "tenant_id": "acme" } }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("limits.fixedAttributes.tenant_id")
    );
    let (status, body, _, _) = server
        .register(json!({ "fixedAttributes": { "tenant": "acme" } }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "not declared: {body}");
    server
        .registered(json!({ "fixedAttributes": { "tenant_id": 7 } }))
        .await;
}
