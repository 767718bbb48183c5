//! The app's side (toucan-keys-core's `Workspace` and `EmbedClient`) against
//! the real server on 127.0.0.1 (port 0): connect, register, generate,
//! revoke, offline. Keys come from a real `KeyManager`; the vault is the
//! in-memory one, since what is tested here is the conversation with the server.
//! The server runs on SQLite, or on PostgreSQL under `scripts/with-postgres.sh`.

#![cfg(not(toucan_no_sdk))]
// The conversation with the server is the same on every system; under Wine
// (scripts/test-windows.sh) it would only add minutes.
#![cfg(not(windows))]

#[path = "../../server/tests/support/mod.rs"]
mod support;

use std::sync::Arc;

use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::Value;
use toucan_embed_server::ServerConfig;
use toucan_embed_server::local::LocalServer;
use toucan_keys_core::workspace::{
    Attribute, ConnectQuestion, Level, Permission, Resource, Role, ServerError, Timeouts, TokenRequest, Workspace,
};
use toucan_keys_core::{CoreError, Expiry, FileRegistry, KeyManager, KeyRecord, MemoryVault, RollOverlap, Vault};

/// The person confirms every connection (the refusal has its own test).
const YES: toucan_keys_core::workspace::FixedAnswer = toucan_keys_core::workspace::FixedAnswer(true);

struct Setup {
    _dirs: tempfile::TempDir,
    base: String,
    account: String,
    keys: KeyManager,
    vault: Arc<MemoryVault>,
    workspace: Workspace,
    server: LocalServer,
}

/// Another embed server on 127.0.0.1: its address, account token and handle.
async fn another_server(dir: &std::path::Path) -> (String, String, LocalServer) {
    let server = LocalServer::start(dir, support::config().await).await.unwrap();
    (server.base_url.clone(), server.account_token().to_owned(), server)
}

async fn setup() -> Setup {
    let dirs = tempfile::tempdir().unwrap();
    let (base, account, server) = another_server(&dirs.path().join("server")).await;
    let vault = Arc::new(MemoryVault::new());
    let keys = KeyManager::new(vault.clone(), FileRegistry::in_dir(&dirs.path().join("data")));
    let shared: Arc<dyn Vault> = vault.clone();
    let workspace = Workspace::new(&dirs.path().join("config"), shared).with_timeouts(Timeouts {
        connect: std::time::Duration::from_secs(2),
        total: std::time::Duration::from_secs(5),
    });
    Setup {
        _dirs: dirs,
        base,
        account,
        keys,
        vault,
        workspace,
        server,
    }
}

impl Setup {
    fn records(&self) -> Vec<KeyRecord> {
        self.keys.list().unwrap().into_iter().map(|k| k.record).collect()
    }
}

fn request() -> TokenRequest {
    TokenRequest {
        distinct_id: "user-42".into(),
        role: Role::Explorer,
        attributes: vec![Attribute {
            name: "region".into(),
            value: "EMEA".into(),
        }],
        permissions: vec![Permission {
            resource: Resource::Dashboard,
            level: Level::CanView,
        }],
        lifetime_minutes: 15,
        origin: None,
    }
}

fn code(error: &CoreError) -> &'static str {
    error.code().as_str()
}

#[tokio::test]
async fn connect_register_generate_verify_revoke_refuse() {
    let s = setup().await;
    let before = s.keys.create("Made before connecting", Expiry::Days90).unwrap();

    // A wrong token is refused and nothing is kept.
    let wrong = format!("tka_{}", "x".repeat(40));
    let refused = s
        .workspace
        .connect(&s.base, &wrong, &s.records(), &YES)
        .await
        .unwrap_err();
    assert_eq!(code(&refused), "account_token_rejected");
    assert_eq!(s.workspace.server_url().unwrap(), None);
    assert!(s.vault.read_account_token().unwrap().is_none());

    // Connecting keeps the token in the vault and registers existing keys.
    let status = s
        .workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();
    assert_eq!(status.server_url.as_deref(), Some(s.base.as_str()));
    assert_eq!(status.keys.len(), 1);
    assert_eq!(status.keys[0].id, before.record.id);
    assert_eq!(status.keys[0].last_used_at, None);
    assert!(s.vault.read_account_token().unwrap().is_some());

    // A new key is registered; a token it generates verifies with jsonwebtoken.
    let created = s.keys.create("Production backend", Expiry::Days30).unwrap();
    s.workspace.register(&created.record).await.unwrap();
    let token = s
        .workspace
        .generate_token(&created.record, &created.secret, &request())
        .await
        .unwrap();
    assert_eq!(token.claims["sub"], "user-42");
    assert_eq!(token.claims["attributes"]["region"], "EMEA");
    let jwks: Value = reqwest::get(format!("{}/.well-known/jwks.json", s.base))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let mut validation = Validation::new(Algorithm::EdDSA);
    validation.set_audience(&[toucan_embed_server::AUDIENCE]);
    let key = DecodingKey::from_ed_components(jwks["keys"][0]["x"].as_str().unwrap()).unwrap();
    let verified = jsonwebtoken::decode::<Value>(&token.token, &key, &validation).unwrap();
    assert_eq!(verified.claims, token.claims);
    let lifetime = token.claims["exp"].as_i64().unwrap() - token.claims["iat"].as_i64().unwrap();
    assert_eq!(lifetime, 15 * 60);

    // The server now reports when the key was last used.
    let status = s.workspace.sync(&s.records()).await.unwrap();
    let used = status.keys.iter().find(|k| k.id == created.record.id).unwrap();
    assert!(used.last_used_at.is_some());

    // Revoked here and on the server: the token dies and no new one is issued.
    let client =
        toucan_keys_core::workspace::EmbedClient::new(toucan_keys_core::workspace::ServerUrl::parse(&s.base).unwrap())
            .unwrap();
    assert!(client.introspect(&created.secret, &token.token).await.unwrap().active);
    let secret = created.secret.clone();
    let record = s.keys.revoke(&created.record.id).unwrap();
    s.workspace.revoke(&record).await.unwrap();
    assert!(!client.introspect(&secret, &token.token).await.unwrap().active);
    let refused = s
        .workspace
        .generate_token(&created.record, &secret, &request())
        .await
        .unwrap_err();
    assert_eq!(code(&refused), "server_key_revoked");
    assert!(refused.to_string().contains("Create a new key"), "{refused}");
    let today = toucan_keys_core::i18n::long_date_in(toucan_keys_core::Language::ENGLISH, chrono::Utc::now());
    assert!(
        refused.to_string().contains(&format!("it was revoked on {today}")),
        "the server's date, as people write it: {refused}"
    );
}

#[tokio::test]
async fn a_key_unknown_to_the_server_is_registered_on_first_use() {
    let s = setup().await;
    s.workspace.connect(&s.base, &s.account, &[], &YES).await.unwrap();
    let created = s.keys.create("Registered late", Expiry::Never).unwrap();
    // Not registered (as if the app was offline when it was created).
    let token = s
        .workspace
        .generate_token(&created.record, &created.secret, &request())
        .await
        .unwrap();
    assert_eq!(token.claims["azp"], created.record.id.as_str());
}

#[tokio::test]
async fn revocations_made_offline_reach_the_server_on_the_next_sync() {
    let s = setup().await;
    let kept = s.keys.create("Kept", Expiry::Days90).unwrap();
    let revoked = s.keys.create("Revoked offline", Expiry::Days90).unwrap();
    let deleted = s.keys.create("Deleted offline", Expiry::Days90).unwrap();
    s.workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();

    // Point the workspace at a port nobody listens on, as if offline.
    let dead = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let dead_url = format!("http://{}", dead.local_addr().unwrap());
    drop(dead);
    let config_path = s._dirs.path().join("config/workspace.json");
    let online = std::fs::read_to_string(&config_path).unwrap();
    std::fs::write(&config_path, online.replace(&s.base, &dead_url)).unwrap();

    let record = s.keys.revoke(&revoked.record.id).unwrap();
    let offline = s.workspace.revoke(&record).await.unwrap_err();
    assert_eq!(code(&offline), "server_unreachable");
    assert!(
        offline.to_string().contains("Nothing answers at 127.0.0.1:"),
        "{offline}"
    );
    let record = s.keys.revoke(&deleted.record.id).unwrap();
    s.workspace.forget_deleted(&record).unwrap();
    s.keys.delete(&deleted.record.id).unwrap();
    // The key list works offline.
    assert_eq!(s.keys.list().unwrap().len(), 2);

    // Back online: one sync sends both revocations.
    let pending = std::fs::read_to_string(&config_path).unwrap();
    std::fs::write(&config_path, pending.replace(&dead_url, &s.base)).unwrap();
    let status = s.workspace.sync(&s.records()).await.unwrap();
    let revoked_on_server = |id| status.keys.iter().find(|k| &k.id == id).map(|k| k.revoked_at.is_some());
    assert_eq!(revoked_on_server(&kept.record.id), Some(false));
    assert_eq!(revoked_on_server(&revoked.record.id), Some(true));
    for (secret, name) in [(&revoked.secret, "revoked"), (&deleted.secret, "deleted")] {
        let refused = s
            .workspace
            .generate_token(&revoked.record, secret, &request())
            .await
            .unwrap_err();
        assert_eq!(code(&refused), "server_key_revoked", "{name}");
    }
    assert!(
        std::fs::read_to_string(&config_path)
            .unwrap()
            .contains("\"pendingRevocations\": []")
    );
}

#[tokio::test]
async fn disconnecting_forgets_the_token_and_generation_asks_to_connect() {
    let s = setup().await;
    let created = s.keys.create("Any", Expiry::Days90).unwrap();
    s.workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();
    s.workspace.disconnect().unwrap();
    assert!(s.vault.read_account_token().unwrap().is_none());
    assert_eq!(s.workspace.server_url().unwrap(), None);
    let error = s
        .workspace
        .generate_token(&created.record, &created.secret, &request())
        .await
        .unwrap_err();
    assert_eq!(error, CoreError::Server(ServerError::NotConnected));
    // Bad input is named before anything is sent.
    let mut bad = request();
    bad.distinct_id = " ".into();
    let error = s
        .workspace
        .generate_token(&created.record, &created.secret, &bad)
        .await
        .unwrap_err();
    assert_eq!(error, CoreError::DistinctIdInvalid);
    s.server.stop();
}

#[tokio::test]
async fn an_http_address_for_another_computer_is_refused_before_any_request() {
    let s = setup().await;
    let error = s
        .workspace
        .connect("http://embed.example.com", &s.account, &[], &YES)
        .await
        .unwrap_err();
    assert_eq!(code(&error), "server_url_insecure");
    assert!(s.vault.read_account_token().unwrap().is_none());
}

/// A revocation no server has confirmed survives disconnecting and switching
/// to another server, and reaches its own server when the app reconnects.
#[tokio::test]
async fn a_revocation_waits_for_its_own_server_through_disconnect_and_a_switch() {
    let s = setup().await;
    let (other, other_account, _other_server) = another_server(&s._dirs.path().join("other")).await;
    let key = s.keys.create("Roams", Expiry::Days90).unwrap();
    s.workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();
    s.workspace.disconnect().unwrap();

    // Revoked while disconnected: queued for the server it was registered with.
    let record = s.keys.revoke(&key.record.id).unwrap();
    s.workspace.revoke(&record).await.unwrap();
    let pending = s.workspace.pending_revocations().unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(
        (pending[0].server_url.as_str(), pending[0].key_name.as_str()),
        (s.base.as_str(), "Roams")
    );

    // Another server: the person is told the key still works on the first
    // one; the new server isn't told, and the first server's entry stays.
    let yes = answering(true);
    s.workspace
        .connect(&other, &other_account, &s.records(), &yes)
        .await
        .unwrap();
    let asked = yes.questions.lock().unwrap().clone();
    assert_eq!(
        asked[0].still_working_elsewhere,
        [(s.base.clone(), vec!["Roams".to_owned()])],
        "the question names the key that still works on the first server"
    );
    assert_eq!(s.workspace.pending_revocations().unwrap(), pending);
    s.workspace.disconnect().unwrap();

    // Back to the first server: the revocation goes out, and the outbox empties.
    let status = s
        .workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();
    let on_server = status.keys.iter().find(|k| k.id == key.record.id).unwrap();
    assert!(on_server.revoked_at.is_some(), "the first server still accepts the key");
    assert!(s.workspace.pending_revocations().unwrap().is_empty());
    let refused = s
        .workspace
        .generate_token(&record, &key.secret, &request())
        .await
        .unwrap_err();
    assert_eq!(code(&refused), "server_key_revoked");
}

/// A key registered with server A and revoked (then deleted) while the app is
/// connected to server B is never sent to B: B's "not found" would confirm
/// nothing. The revocation stays queued for A, by id and name, through the
/// delete, and A refuses the key once the app is back on it.
#[tokio::test]
async fn a_revocation_made_while_on_another_server_waits_for_the_keys_own_server() {
    let s = setup().await;
    let (other, other_account, other_server) = another_server(&s._dirs.path().join("other")).await;
    let key = s.keys.create("roam", Expiry::Days90).unwrap();
    s.workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();
    s.workspace.disconnect().unwrap();
    s.workspace
        .connect(&other, &other_account, &s.records(), &YES)
        .await
        .unwrap();

    let record = s.keys.revoke(&key.record.id).unwrap();
    s.workspace.revoke(&record).await.unwrap();
    s.workspace.forget_deleted(&record).unwrap();
    s.keys.delete(&key.record.id).unwrap();
    s.workspace.send_pending_revocations().await.unwrap();
    s.workspace.sync(&s.records()).await.unwrap();
    let pending = s.workspace.pending_revocations().unwrap();
    assert_eq!(
        pending
            .iter()
            .map(|p| (p.server_url.as_str(), p.key_id.as_str(), p.key_name.as_str()))
            .collect::<Vec<_>>(),
        [(s.base.as_str(), key.record.id.as_str(), "roam")],
        "the revocation must stay queued for the key's own server"
    );
    let on_other = keys_on(&other, &other_account).await;
    assert!(
        on_other.iter().all(|id| id != key.record.id.as_str()),
        "the key was sent to a server it doesn't belong to: {on_other:?}"
    );
    drop(other_server);
    // A still accepts the key until it is told.
    s.workspace.disconnect().unwrap();
    s.workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();
    assert!(s.workspace.pending_revocations().unwrap().is_empty());
    let refused = s
        .workspace
        .generate_token(&record, &key.secret, &request())
        .await
        .unwrap_err();
    assert_eq!(code(&refused), "server_key_revoked");
}

/// A registration the server refuses doesn't stop the revocations: they are
/// sent first, and the sync still reports the failure.
#[tokio::test]
async fn one_failed_registration_does_not_hold_back_revocations() {
    let s = setup().await;
    let gone = s.keys.create("Deleted", Expiry::Days90).unwrap();
    s.workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();
    let record = s.keys.revoke(&gone.record.id).unwrap();
    s.workspace.forget_deleted(&record).unwrap();
    s.keys.delete(&gone.record.id).unwrap();

    let mut refused = s.keys.create("Refused by the server", Expiry::Days90).unwrap().record;
    refused.fingerprint = "not a fingerprint".into();
    let error = s.workspace.sync(&[refused]).await.unwrap_err();
    assert_eq!(code(&error), "server_invalid_request");
    assert!(
        s.workspace.pending_revocations().unwrap().is_empty(),
        "the revocation was held back"
    );
    let refused_key = s
        .workspace
        .generate_token(&record, &gone.secret, &request())
        .await
        .unwrap_err();
    assert_eq!(code(&refused_key), "server_key_revoked");
}

/// The ids of the keys a server knows, asked with its account token.
async fn keys_on(base: &str, account: &str) -> Vec<String> {
    use toucan_keys_core::workspace::{AccountToken, EmbedClient, ServerUrl};
    let client = EmbedClient::new(ServerUrl::parse(base).unwrap()).unwrap();
    let token = AccountToken::parse(account).unwrap();
    client
        .list_keys(&token)
        .await
        .unwrap()
        .into_iter()
        .map(|key| key.id.as_str().to_owned())
        .collect()
}

/// What the person was asked, and the answer they gave.
struct Asked {
    answer: bool,
    questions: std::sync::Mutex<Vec<ConnectQuestion>>,
}

impl Asked {
    /// Each question's server and the server it would replace.
    fn servers(&self) -> Vec<(String, Option<String>)> {
        let questions = self.questions.lock().unwrap();
        questions
            .iter()
            .map(|q| (q.server.clone(), q.replacing.clone()))
            .collect()
    }
}

impl toucan_keys_core::workspace::Confirm for Asked {
    fn connect_to(&self, question: &ConnectQuestion) -> bool {
        self.questions.lock().unwrap().push(question.clone());
        self.answer
    }
}

fn answering(answer: bool) -> Asked {
    Asked {
        answer,
        questions: Default::default(),
    }
}

/// A connection the person doesn't confirm (in the app's own dialog, outside
/// the page) changes nothing: no token is stored, the old server stays.
#[tokio::test]
async fn an_unconfirmed_connection_changes_nothing() {
    let s = setup().await;
    let (other, other_account, _other_server) = another_server(&s._dirs.path().join("other")).await;
    let no = answering(false);
    let refused = s.workspace.connect(&s.base, &s.account, &[], &no).await.unwrap_err();
    assert_eq!(code(&refused), "connection_not_confirmed");
    assert_eq!(no.servers(), [(s.base.clone(), None)]);
    assert!(s.vault.read_account_token().unwrap().is_none());
    assert_eq!(s.workspace.server_url().unwrap(), None);

    s.workspace.connect(&s.base, &s.account, &[], &YES).await.unwrap();
    let no = answering(false);
    s.workspace.connect(&other, &other_account, &[], &no).await.unwrap_err();
    assert_eq!(
        no.servers(),
        [(other.clone(), Some(s.base.clone()))],
        "the old server is named"
    );
    assert_eq!(s.workspace.server_url().unwrap(), Some(s.base.clone()));
    let kept = s.vault.read_account_token().unwrap().unwrap();
    assert_eq!(toucan_keys_core::ExposeSecret::expose_secret(&kept), s.account);
}

/// A key goes only to the server it was registered with: connected to
/// another server, it is neither registered there nor sent for a token.
#[tokio::test]
async fn a_key_is_sent_only_to_the_server_it_was_registered_with() {
    let s = setup().await;
    let (other, other_account, _other_server) = another_server(&s._dirs.path().join("other")).await;
    let first = s.keys.create("Registered with the first", Expiry::Days90).unwrap();
    s.workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();
    s.workspace.disconnect().unwrap();

    let status = s
        .workspace
        .connect(&other, &other_account, &s.records(), &YES)
        .await
        .unwrap();
    assert!(
        status.keys.iter().all(|k| k.id != first.record.id),
        "the key was registered with the second server"
    );
    let refused = s
        .workspace
        .generate_token(&first.record, &first.secret, &request())
        .await
        .unwrap_err();
    assert_eq!(code(&refused), "key_bound_elsewhere");
    assert!(refused.to_string().contains(&s.base), "{refused}");

    // A key made while connected to the second server works there.
    let second = s.keys.create("Made for the second", Expiry::Days90).unwrap();
    s.workspace.register(&second.record).await.unwrap();
    s.workspace
        .generate_token(&second.record, &second.secret, &request())
        .await
        .unwrap();
}

/// A server run with `--encrypt-tokens`: the app accepts its tokens, marked
/// encrypted and shown without claims, and the server reads them back.
#[tokio::test]
async fn the_app_takes_encrypted_tokens_without_reading_them() {
    let s = setup().await;
    let dir = tempfile::tempdir().unwrap();
    let config = ServerConfig {
        encrypt_tokens: true,
        ..support::config().await
    };
    let server = LocalServer::start(dir.path(), config).await.unwrap();
    s.workspace
        .connect(&server.base_url, server.account_token(), &s.records(), &YES)
        .await
        .unwrap();
    let created = s.keys.create("Sealed backend", Expiry::Days30).unwrap();
    s.workspace.register(&created.record).await.unwrap();
    let token = s
        .workspace
        .generate_token(&created.record, &created.secret, &request())
        .await
        .unwrap();
    assert!(token.encrypted);
    assert_eq!(token.claims, serde_json::json!({}));
    assert_eq!(token.token.split('.').count(), 5);
    let client = toucan_keys_core::workspace::EmbedClient::new(
        toucan_keys_core::workspace::ServerUrl::parse(&server.base_url).unwrap(),
    )
    .unwrap();
    assert!(client.introspect(&created.secret, &token.token).await.unwrap().active);
}

/// A workspace that declares typed attributes: the app lists them for the
/// panel, and turns the text typed in each row into the declared type (or
/// names the row), so the server's checks pass.
#[tokio::test]
async fn the_app_sends_declared_attributes_in_their_types() {
    let s = setup().await;
    s.workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();
    assert!(s.workspace.declared_attributes().await.unwrap().is_empty());
    let declared = reqwest::Client::new()
        .put(format!("{}/api/attributes", s.base))
        .bearer_auth(&s.account)
        .json(&serde_json::json!({ "attributes": [
            { "name": "accounts", "type": "integer" }, { "name": "region", "type": "string" }
        ] }))
        .send()
        .await
        .unwrap();
    assert_eq!(declared.status(), 200);
    let names: Vec<String> = s
        .workspace
        .declared_attributes()
        .await
        .unwrap()
        .into_iter()
        .map(|attribute| attribute.name)
        .collect();
    assert_eq!(names, ["accounts", "region"]);

    let created = s.keys.create("Typed backend", Expiry::Days30).unwrap();
    s.workspace.register(&created.record).await.unwrap();
    let with_accounts = |value: &str| TokenRequest {
        attributes: vec![Attribute {
            name: "accounts".into(),
            value: value.into(),
        }],
        ..request()
    };
    let token = s
        .workspace
        .generate_token(&created.record, &created.secret, &with_accounts("42"))
        .await
        .unwrap();
    assert_eq!(token.claims["attributes"]["accounts"], 42);
    let refused = s
        .workspace
        .generate_token(&created.record, &created.secret, &with_accounts("forty"))
        .await
        .unwrap_err();
    assert_eq!(code(&refused), "attribute_invalid");
    assert!(refused.to_string().contains("whole number"), "{refused}");
}

/// The key manager over `s`'s keys, its clock set back by `by` (so an overlap
/// computed by a roll ends `by` sooner in real time).
fn keys_with_clock_set_back(s: &Setup, by: chrono::Duration) -> KeyManager {
    KeyManager::new(s.vault.clone(), FileRegistry::in_dir(&s._dirs.path().join("data")))
        .with_clock(Arc::new(move || chrono::Utc::now() - by))
}

#[tokio::test]
async fn rolling_with_an_overlap_keeps_both_keys_working_until_its_end() {
    let s = setup().await;
    let old = s.keys.create("Backend", Expiry::Days90).unwrap();
    s.workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();

    // A 24-hour overlap, from a clock set back by 24 h minus 2 s: it ends 2 s from now.
    let keys = keys_with_clock_set_back(&s, chrono::Duration::hours(24) - chrono::Duration::seconds(2));
    let rolled = keys.roll(&old.record.id, RollOverlap::Hours24).unwrap();
    s.workspace
        .register_rolled(&rolled.new.record, &rolled.old)
        .await
        .unwrap();
    assert_eq!(rolled.new.record.name, "Backend");
    assert_eq!(rolled.old.name, "Backend (old)");

    let on_server = s.workspace.sync(&s.records()).await.unwrap();
    assert!(
        on_server.keys.iter().any(|k| k.id == rolled.new.record.id),
        "the new key is registered"
    );
    for (record, secret) in [(&rolled.old, &old.secret), (&rolled.new.record, &rolled.new.secret)] {
        s.workspace.generate_token(record, secret, &request()).await.unwrap();
    }

    tokio::time::sleep(std::time::Duration::from_millis(2_500)).await;
    let refused = s
        .workspace
        .generate_token(&rolled.old, &old.secret, &request())
        .await
        .unwrap_err();
    assert_eq!(
        code(&refused),
        "server_key_expired",
        "the server enforces the overlap on its own"
    );
    s.workspace
        .generate_token(&rolled.new.record, &rolled.new.secret, &request())
        .await
        .unwrap();

    // The next start revokes the old key here and on the server.
    let retired = keys.retire_due().unwrap();
    assert_eq!(retired.len(), 0, "by the shifted clock the overlap hasn't ended");
    let retired = s.keys.retire_due().unwrap();
    assert_eq!(retired.iter().map(|r| &r.id).collect::<Vec<_>>(), [&old.record.id]);
    s.workspace.revoke(&retired[0]).await.unwrap();
    let status = s.workspace.sync(&s.records()).await.unwrap();
    let old_on_server = status.keys.iter().find(|k| k.id == old.record.id).unwrap();
    assert!(old_on_server.revoked_at.is_some());
}

#[tokio::test]
async fn rolling_now_refuses_the_old_key_at_once() {
    let s = setup().await;
    let old = s.keys.create("Leaked", Expiry::Never).unwrap();
    s.workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();

    let rolled = s.keys.roll(&old.record.id, RollOverlap::Now).unwrap();
    assert!(rolled.old.revoked_at.is_some(), "revoked here at once");
    s.workspace
        .register_rolled(&rolled.new.record, &rolled.old)
        .await
        .unwrap();
    s.workspace.revoke(&rolled.old).await.unwrap();

    let refused = s
        .workspace
        .generate_token(&rolled.old, &old.secret, &request())
        .await
        .unwrap_err();
    assert!(
        ["server_key_revoked", "server_key_expired"].contains(&code(&refused)),
        "{refused:?}"
    );
    s.workspace
        .generate_token(&rolled.new.record, &rolled.new.secret, &request())
        .await
        .unwrap();
}

#[tokio::test]
async fn a_roll_the_server_missed_is_finished_by_the_next_sync() {
    let s = setup().await;
    let old = s.keys.create("Backend", Expiry::Days90).unwrap();
    s.workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();

    // Rolled while the server couldn't be reached: it knows neither the new key nor the overlap.
    let rolled = s.keys.roll(&old.record.id, RollOverlap::Hour1).unwrap();
    let listed = s.workspace.sync(&s.records()).await.unwrap();
    assert!(listed.keys.iter().any(|k| k.id == rolled.new.record.id));
    let (_, on_server) = s
        .workspace
        .server_key_by_fingerprint(&old.record.fingerprint)
        .await
        .unwrap();
    let ends = on_server.unwrap().expires_at.unwrap();
    assert_eq!(ends.timestamp(), rolled.old.expires_at.unwrap().timestamp());
    assert!(ends < chrono::Utc::now() + chrono::Duration::minutes(61));
}

/// A key limited to web origins in the app: the server learns them at
/// registration, a token needs one of them (checked here before anything is
/// sent, and by the server), a change in the details reaches the server at
/// once, and one made while disconnected reaches it at the next sync.
#[tokio::test]
async fn a_keys_origins_set_in_the_app_are_enforced_by_its_server() {
    let s = setup().await;
    s.workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();
    let created = s
        .keys
        .create_for(
            "Shop",
            Expiry::Days90,
            &[
                "https://Shop.example.com:443/".to_owned(),
                "https://admin.example.com".to_owned(),
            ],
        )
        .unwrap();
    assert_eq!(
        created.record.allowed_origins,
        ["https://shop.example.com", "https://admin.example.com"]
    );
    s.workspace.register(&created.record).await.unwrap();

    // No origin, or another one: refused here, naming the key's origins.
    let refused = s
        .workspace
        .generate_token(&created.record, &created.secret, &request())
        .await
        .unwrap_err();
    assert_eq!(code(&refused), "origin_not_allowed");
    assert!(refused.to_string().contains("https://shop.example.com"), "{refused}");
    let mut for_page = request();
    for_page.origin = Some("https://evil.example.net".into());
    let refused = s
        .workspace
        .generate_token(&created.record, &created.secret, &for_page)
        .await
        .unwrap_err();
    assert_eq!(code(&refused), "origin_not_allowed");
    for_page.origin = Some("https://SHOP.example.com".into());
    let token = s
        .workspace
        .generate_token(&created.record, &created.secret, &for_page)
        .await
        .unwrap();
    assert_eq!(
        token.claims["origins"],
        serde_json::json!(["https://shop.example.com", "https://admin.example.com"])
    );

    // Changed in the details: the server refuses the old origin at once.
    let narrowed = s
        .keys
        .set_origins(&created.record.id, &["https://admin.example.com".to_owned()])
        .unwrap();
    s.workspace.change_enforced(&narrowed).await.unwrap();
    let mut old_page = request();
    old_page.origin = Some("https://shop.example.com".into());
    let by_server = s
        .workspace
        .generate_token(&created.record, &created.secret, &old_page)
        .await
        .unwrap_err();
    assert_eq!(
        code(&by_server),
        "server_refused",
        "the server still allowed the old origin: {by_server}"
    );

    // Changed while disconnected: the next sync tells the server.
    s.workspace.disconnect().unwrap();
    let widened = s.keys.set_origins(&created.record.id, &[]).unwrap();
    let queued = s.workspace.change_enforced(&widened).await.unwrap_err();
    assert_eq!(code(&queued), "workspace_not_connected");
    s.workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();
    s.workspace
        .generate_token(&widened, &created.secret, &request())
        .await
        .expect("a key allowed anywhere again gets a token without an origin");
    assert_eq!(
        code(&toucan_keys_core::manager::checked_origins(&["shop.example.com".to_owned()]).unwrap_err()),
        "origin_invalid"
    );
}

/// Restricted keys where they meet the rest: the limits chosen at creation
/// travel with the registration and the server enforces them; the app
/// refuses first in the same words; a roll's replacement keeps them; a
/// change made while disconnected is queued and reaches the server with the
/// next sync, so it is never only shown and not enforced.
#[tokio::test]
async fn a_keys_limits_reach_its_server_through_create_roll_and_an_offline_change() {
    use toucan_keys_protocol::limits::Preset;
    let s = setup().await;
    s.workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();
    let limits = Preset::ShowDashboards.limits(Some(("region", "EMEA")));
    let created = s
        .keys
        .create_limited("Customer dashboards", Expiry::Days90, &[], limits.clone())
        .unwrap();
    s.workspace.register(&created.record).await.unwrap();
    let (_, on_server) = s
        .workspace
        .enforced_on_its_server(&created.record.id)
        .await
        .unwrap()
        .expect("the key's own server knows it");
    assert_eq!(on_server, limits, "the registration carried the limits");

    // Within the limits: a token, with the fixed attribute.
    let token = s
        .workspace
        .generate_token(&created.record, &created.secret, &request())
        .await
        .unwrap();
    assert_eq!(token.claims["attributes"]["region"], "EMEA");

    // Beyond them: refused here first, naming the limit.
    let mut edit = request();
    edit.permissions[0].level = Level::CanEdit;
    let refused = s
        .workspace
        .generate_token(&created.record, &created.secret, &edit)
        .await
        .unwrap_err();
    assert_eq!(code(&refused), "key_limit");
    assert_eq!(
        refused.to_string(),
        "This key may grant at most dashboard:can_view; the request asked for dashboard:can_edit."
    );
    // …and by the server, for a record that doesn't know them (a client
    // that skips the app's check).
    let mut unaware = created.record.clone();
    unaware.limits = Default::default();
    let by_server = s
        .workspace
        .generate_token(&unaware, &created.secret, &edit)
        .await
        .unwrap_err();
    assert_eq!(code(&by_server), "key_limit", "{by_server}");
    assert_eq!(by_server.to_string(), refused.to_string());

    // A roll's replacement is limited the same way, on the server too.
    let rolled = s.keys.roll(&created.record.id, RollOverlap::Hours24).unwrap();
    assert_eq!(rolled.new.record.limits, limits);
    s.workspace
        .register_rolled(&rolled.new.record, &rolled.old)
        .await
        .unwrap();
    let mut replacement = rolled.new.record.clone();
    replacement.limits = Default::default();
    let by_server = s
        .workspace
        .generate_token(&replacement, &rolled.new.secret, &edit)
        .await
        .unwrap_err();
    assert_eq!(
        code(&by_server),
        "key_limit",
        "the replacement is as narrow as the key it replaces"
    );

    // Widened while disconnected: queued, then sent by the next sync.
    s.workspace.disconnect().unwrap();
    let widened = s.keys.set_limits(&rolled.new.record.id, Default::default()).unwrap();
    let queued = s.workspace.change_enforced(&widened).await.unwrap_err();
    assert_eq!(code(&queued), "workspace_not_connected");
    s.workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();
    s.workspace
        .generate_token(&widened, &rolled.new.secret, &edit)
        .await
        .expect("the server heard of the wider limits at the sync");

    // Narrowed while disconnected: the server must not keep the wider ones.
    s.workspace.disconnect().unwrap();
    let narrowed = s.keys.set_limits(&rolled.new.record.id, limits.clone()).unwrap();
    assert!(s.workspace.change_enforced(&narrowed).await.is_err());
    s.workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();
    let by_server = s
        .workspace
        .generate_token(&widened, &rolled.new.secret, &edit)
        .await
        .unwrap_err();
    assert_eq!(
        code(&by_server),
        "key_limit",
        "the queued tightening reached the server"
    );
}

/// A fixed attribute typed in as text takes the type the workspace declares,
/// so the server accepts the key's limits; a value that can't be of that
/// type, or a name the workspace doesn't declare, is refused before any key
/// is made.
#[tokio::test]
async fn fixed_attributes_take_their_declared_types_before_the_key_is_made() {
    use toucan_keys_protocol::limits::KeyLimits;
    let s = setup().await;
    s.workspace
        .connect(&s.base, &s.account, &s.records(), &YES)
        .await
        .unwrap();
    let declared = reqwest::Client::new()
        .put(format!("{}/api/attributes", s.base))
        .bearer_auth(&s.account)
        .json(&serde_json::json!({ "attributes": [{ "name": "tenant_id", "type": "integer" }] }))
        .send()
        .await
        .unwrap();
    assert_eq!(declared.status(), 200);
    let fixed = |value: &str| KeyLimits {
        fixed_attributes: [("tenant_id".to_owned(), Value::String(value.to_owned()))].into(),
        ..KeyLimits::default()
    };
    let typed = s.workspace.typed_limits(fixed("7")).await.unwrap();
    assert_eq!(typed.fixed_attributes["tenant_id"], serde_json::json!(7));
    let created = s.keys.create_limited("Tenant 7", Expiry::Days30, &[], typed).unwrap();
    s.workspace
        .register(&created.record)
        .await
        .expect("the server accepts the typed value");

    let refused = s.workspace.typed_limits(fixed("acme")).await.unwrap_err();
    assert_eq!(code(&refused), "limit_invalid");
    let undeclared = KeyLimits {
        fixed_attributes: [("tenant".to_owned(), Value::String("acme".to_owned()))].into(),
        ..KeyLimits::default()
    };
    assert_eq!(
        code(&s.workspace.typed_limits(undeclared).await.unwrap_err()),
        "limit_invalid"
    );
}
