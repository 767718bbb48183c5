//! The shell's commands through Tauri's IPC (mock runtime, the app's real
//! context and capability), over an in-memory vault and a fake clipboard.

mod support;

use std::sync::Arc;

use serde_json::{Value, json};
use tauri::test::{MockRuntime, mock_builder};
use tauri::{App, WebviewWindow};
use toucan_keys_app::state::AppState;
use toucan_keys_core::clipboard::MemoryClipboard;
use toucan_keys_core::vault::{MemoryVault, VaultOp};
use toucan_keys_core::{Vault, VaultError};

struct Harness {
    _dirs: tempfile::TempDir,
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    vault: Arc<MemoryVault>,
    clipboard: MemoryClipboard,
}

fn harness() -> Harness {
    harness_answering(true)
}

/// A harness whose person answers `answer` to the native connection question.
fn harness_answering(answer: bool) -> Harness {
    let dirs = tempfile::tempdir().unwrap();
    let vault = Arc::new(MemoryVault::new());
    let clipboard = MemoryClipboard::default();
    let state = AppState::with_parts(
        vault.clone(),
        &dirs.path().join("data"),
        &dirs.path().join("config"),
        Box::new(clipboard.clone()),
        Box::new(toucan_keys_core::workspace::FixedAnswer(answer)),
    );
    let app = toucan_keys_app::with_commands(mock_builder())
        .manage(state)
        .build(tauri::generate_context!())
        .expect("build the app");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    Harness {
        _dirs: dirs,
        _app: app,
        window,
        vault,
        clipboard,
    }
}

impl Harness {
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        support::invoke(&self.window, cmd, args)
    }

    /// What the workspace server says about key `id`, after a sync.
    fn server_view_of(&self, id: &Value) -> Value {
        let view = self.call("sync_workspace", json!({})).unwrap();
        let keys = view["keys"].as_array().expect("a key list");
        keys.iter()
            .find(|k| &k["id"] == id)
            .cloned()
            .expect("the server knows the key")
    }

    fn create(&self, name: &str) -> Value {
        self.call("create_key", json!({ "name": name, "expiry": { "kind": "days90" } }))
            .expect("create")
    }
}

#[test]
fn create_returns_the_secret_once_and_list_never_does() {
    let h = harness();
    let created = h.create("Production backend");
    let secret = created["secret"].as_str().unwrap().to_owned();
    assert!(toucan_keys_core::key_format::parse(&secret).is_ok());
    assert_eq!(created["key"]["name"], "Production backend");
    assert_eq!(created["key"]["status"], "active");
    assert_eq!(created["key"]["hint"], format!("tck_…{}", &secret[36..]));
    let list = h.call("list_keys", json!({})).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert!(!list.to_string().contains(&secret[4..]), "the list carries the secret");
}

#[test]
fn errors_cross_as_code_and_message() {
    let h = harness();
    h.create("Production");
    let error = h
        .call(
            "create_key",
            json!({ "name": "production", "expiry": { "kind": "never" } }),
        )
        .unwrap_err();
    assert_eq!(error["code"], "name_taken");
    assert_eq!(
        error["message"],
        "You already have an active key named \"Production\". Choose another name."
    );

    h.vault.fail(VaultOp::Store, VaultError::Locked);
    let error = h
        .call("create_key", json!({ "name": "Other", "expiry": { "kind": "days30" } }))
        .unwrap_err();
    assert_eq!(error["code"], "keychain_locked");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .starts_with("Your keychain is locked.")
    );
    assert_eq!(h.call("list_keys", json!({})).unwrap().as_array().unwrap().len(), 1);
}

#[test]
fn copy_puts_the_key_on_the_clipboard_from_rust_and_never_returns_it() {
    let h = harness();
    let created = h.create("Production");
    let secret = created["secret"].as_str().unwrap().to_owned();
    let id = created["key"]["id"].clone();
    let reply = h.call("copy_key", json!({ "id": id })).unwrap();
    assert_eq!(h.clipboard.contents().as_deref(), Some(secret.as_str()));
    assert!(!reply.to_string().contains(&secret[4..]), "copy returned the secret");
    assert_eq!(reply["clearsInSeconds"], 30);
    assert!(reply["key"]["lastCopiedAt"].is_string());
}

#[test]
fn the_clear_delay_setting_is_used_and_validated() {
    let h = harness();
    let saved = h
        .call(
            "save_settings",
            json!({ "settings": { "displayName": " Ada ", "clipboardClear": { "kind": "never" } } }),
        )
        .unwrap();
    assert_eq!(saved["displayName"], "Ada");
    let created = h.create("Production");
    let reply = h.call("copy_key", json!({ "id": created["key"]["id"] })).unwrap();
    assert_eq!(reply["clearsInSeconds"], Value::Null);
    let error = h
        .call(
            "save_settings",
            json!({ "settings": { "displayName": null, "clipboardClear": { "kind": "after", "seconds": 5 } } }),
        )
        .unwrap_err();
    assert_eq!(error["code"], "clear_delay_out_of_range");
    assert_eq!(h.call("get_settings", json!({})).unwrap()["displayName"], "Ada");
}

#[test]
fn rename_revoke_and_delete() {
    let h = harness();
    let id = h.create("Old name")["key"]["id"].clone();
    assert_eq!(
        h.call("rename_key", json!({ "id": id, "name": "New name" })).unwrap()["name"],
        "New name"
    );
    assert_eq!(
        h.call("delete_key", json!({ "id": id })).unwrap_err()["code"],
        "key_not_revoked"
    );
    let revoked = h.call("revoke_key", json!({ "id": id })).unwrap();
    assert_eq!(revoked["key"]["status"], "revoked");
    assert!(revoked["key"]["revokedAt"].is_string());
    assert_eq!(
        revoked["serverWarning"],
        Value::Null,
        "no workspace, nothing to warn about"
    );
    assert!(h.vault.is_empty());
    assert_eq!(
        h.call("copy_key", json!({ "id": id })).unwrap_err()["code"],
        "key_revoked"
    );
    h.call("delete_key", json!({ "id": id })).unwrap();
    assert_eq!(h.call("list_keys", json!({})).unwrap(), json!([]));
}

#[test]
fn check_keychain_flags_keys_whose_secret_is_gone() {
    let h = harness();
    let id: toucan_keys_core::KeyId = serde_json::from_value(h.create("Production")["key"]["id"].clone()).unwrap();
    h.vault.remove(&id).unwrap();
    let list = h.call("check_keychain", json!({})).unwrap();
    assert_eq!(list[0]["status"], "missing");
}

#[test]
fn commands_and_plugins_outside_the_capability_are_refused() {
    let h = harness();
    for (cmd, args) in [
        ("plugin:shell|execute", json!({ "program": "sh", "args": ["-c", "id"] })),
        ("plugin:fs|read_text_file", json!({ "path": "/etc/passwd" })),
        ("plugin:http|fetch", json!({ "url": "https://example.com" })),
        ("plugin:webview|create_webview_window", json!({})),
        ("plugin:window|set_title", json!({ "title": "pwned" })),
        ("plugin:dialog|message", json!({ "message": "Connect?" })),
        ("no_such_command", json!({})),
    ] {
        let refused = h.call(cmd, args).unwrap_err();
        let text = refused.to_string();
        assert!(
            text.contains("not allowed") || text.contains("not found"),
            "{cmd} was not refused: {text}"
        );
    }
}

#[test]
fn the_manifest_the_capability_and_the_handlers_list_the_same_commands() {
    let capability: Value = serde_json::from_str(include_str!("../capabilities/main.json")).unwrap();
    let mut granted: Vec<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();
    let mut expected: Vec<String> = toucan_keys_app::commands::COMMANDS
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    granted.sort();
    expected.sort();
    assert_eq!(granted, expected);
    assert_eq!(capability["windows"], json!(["main"]));
    // Every listed command is really handled (a typo would be "not found").
    let h = harness();
    for cmd in toucan_keys_app::commands::COMMANDS {
        if let Err(error) = h.call(cmd, json!({})) {
            assert!(!error.to_string().contains("not found"), "{cmd}: {error}");
            assert!(!error.to_string().contains("not allowed"), "{cmd}: {error}");
        }
    }
}

#[test]
fn security_configuration_is_strict() {
    let config: Value = serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
    let csp = config["app"]["security"]["csp"].as_str().unwrap();
    for directive in [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-src 'none'",
    ] {
        assert!(csp.contains(directive), "CSP lacks {directive}");
    }
    // The one network origin allowed is Tauri's own IPC endpoint.
    assert!(csp.contains("connect-src ipc: http://ipc.localhost;"));
    let without_ipc = csp.replace("http://ipc.localhost", "");
    for loose in ["unsafe-inline", "unsafe-eval", "http:", "https:", "data: 'self'"] {
        assert!(!without_ipc.contains(loose), "CSP allows {loose}");
    }
    assert!(!csp.contains("*"), "the CSP allows any source");
    assert_eq!(config["app"]["withGlobalTauri"], false);
    let cargo = include_str!("../Cargo.toml");
    for forbidden in ["devtools", "tauri-plugin-shell", "tauri-plugin-fs", "tauri-plugin-http"] {
        assert!(!cargo.contains(forbidden), "Cargo.toml enables {forbidden}");
    }
}

/// Starts the real embed server on 127.0.0.1 (port 0) on its own runtime;
/// returns its address and account token.
fn embed_server(dir: &std::path::Path) -> (tokio::runtime::Runtime, String, String) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let opened = toucan_embed_server::open(dir, Default::default()).unwrap();
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = toucan_embed_server::router(opened.state);
    runtime.spawn(async move { axum::serve(listener, app).await.unwrap() });
    (runtime, base, opened.new_account_token.unwrap())
}

fn token_request() -> Value {
    json!({
        "distinctId": "user-42",
        "role": "maker",
        "attributes": [{ "name": "region", "value": "EMEA" }, { "name": "", "value": "" }],
        "permissions": [{ "resource": "dashboard", "level": "can_view" }, { "resource": "ai", "level": "can_query" }],
        "lifetimeMinutes": 60,
    })
}

#[test]
fn workspace_connect_create_generate_copy_revoke_then_refused() {
    let h = harness();
    let server_dir = tempfile::tempdir().unwrap();
    let (_runtime, base, account) = embed_server(server_dir.path());

    // Not connected yet: the workspace says so, and generating asks to connect.
    let view = h.call("sync_workspace", json!({})).unwrap();
    assert_eq!(
        view,
        json!({ "serverUrl": null, "keys": [], "problem": null, "pendingRevocations": [] })
    );
    let early = h.create("Made before connecting");
    let error = h
        .call(
            "generate_token",
            json!({ "id": early["key"]["id"], "request": token_request() }),
        )
        .unwrap_err();
    assert_eq!(error["code"], "workspace_not_connected");

    // A wrong token is refused with a message for people; the right one connects.
    let error = h
        .call(
            "connect_workspace",
            json!({ "serverUrl": base, "accountToken": format!("tka_{}", "z".repeat(40)) }),
        )
        .unwrap_err();
    assert_eq!(error["code"], "account_token_rejected");
    let view = h
        .call(
            "connect_workspace",
            json!({ "serverUrl": format!(" {base}/ "), "accountToken": account }),
        )
        .unwrap();
    assert_eq!(view["serverUrl"], base.as_str());
    assert_eq!(
        view["keys"][0]["id"], early["key"]["id"],
        "existing keys are registered on connect"
    );

    // A new key is registered as it is made; its token comes back with claims,
    // and the key itself never crosses IPC again.
    let created = h.create("Production backend");
    assert_eq!(created["serverWarning"], Value::Null);
    let secret = created["secret"].as_str().unwrap().to_owned();
    let id = created["key"]["id"].clone();
    let token = h
        .call("generate_token", json!({ "id": id, "request": token_request() }))
        .unwrap();
    assert!(!token.to_string().contains(&secret[4..]));
    assert_eq!(token["claims"]["sub"], "user-42");
    assert_eq!(token["claims"]["role"], "maker");
    assert_eq!(token["claims"]["attributes"], json!({ "region": "EMEA" }));
    assert_eq!(
        token["claims"]["permissions"],
        json!({ "dashboard": ["can_view"], "ai": ["can_query"] })
    );
    let used = h.server_view_of(&id);
    assert!(
        used["lastUsedAt"].is_string(),
        "last used comes from the server: {used}"
    );

    // Copying the token follows the clipboard rules for keys.
    let copied = h.call("copy_token", json!({})).unwrap();
    assert_eq!(copied["clearsInSeconds"], 30);
    assert_eq!(h.clipboard.contents().as_deref(), token["token"].as_str());

    // Revoked here, revoked there: the server refuses new tokens.
    let revoked = h.call("revoke_key", json!({ "id": id })).unwrap();
    assert_eq!(revoked["serverWarning"], Value::Null);
    assert!(h.server_view_of(&id)["revokedAt"].is_string());
    let error = h
        .call("generate_token", json!({ "id": id, "request": token_request() }))
        .unwrap_err();
    assert_eq!(
        error["code"], "key_revoked",
        "the app refuses before asking: the secret is gone"
    );

    // Disconnecting takes the account token out of the keychain.
    h.call("disconnect_workspace", json!({})).unwrap();
    assert!(h.vault.read_account_token().unwrap().is_none());
    assert_eq!(h.call("sync_workspace", json!({})).unwrap()["serverUrl"], Value::Null);
}

#[test]
fn an_unreachable_workspace_keeps_the_app_working_and_says_why() {
    let h = harness();
    let server_dir = tempfile::tempdir().unwrap();
    let (runtime, base, account) = embed_server(server_dir.path());
    h.call(
        "connect_workspace",
        json!({ "serverUrl": base, "accountToken": account }),
    )
    .unwrap();
    runtime.shutdown_background();

    let created = h.create("Made offline");
    assert!(
        created["serverWarning"]
            .as_str()
            .unwrap()
            .starts_with("Can't reach the server at 127.0.0.1:"),
        "{created}"
    );
    assert_eq!(h.call("list_keys", json!({})).unwrap().as_array().unwrap().len(), 1);
    let view = h.call("sync_workspace", json!({})).unwrap();
    assert_eq!(view["serverUrl"], base.as_str());
    assert_eq!(view["problem"]["code"], "server_unreachable");
    // The first screen asks only what is saved here, so it never waits for the network.
    let saved = h.call("get_workspace", json!({})).unwrap();
    assert_eq!(
        saved,
        json!({ "serverUrl": base, "keys": [], "problem": null, "pendingRevocations": [] })
    );
    let revoked = h.call("revoke_key", json!({ "id": created["key"]["id"] })).unwrap();
    assert_eq!(revoked["key"]["status"], "revoked");
    assert!(
        revoked["serverWarning"].as_str().unwrap().contains("still works there"),
        "{revoked}"
    );
    // The revocation waits in the outbox, named, for that server.
    let pending = &h.call("get_workspace", json!({})).unwrap()["pendingRevocations"];
    assert_eq!(pending[0]["serverUrl"], base.as_str());
    assert_eq!(pending[0]["keyId"], created["key"]["id"]);
    assert_eq!(pending[0]["keyName"], created["key"]["name"]);
}

#[test]
fn the_account_token_must_look_right_and_http_is_for_localhost_only() {
    let h = harness();
    let error = h
        .call(
            "connect_workspace",
            json!({ "serverUrl": "http://embed.example.com", "accountToken": format!("tka_{}", "a".repeat(40)) }),
        )
        .unwrap_err();
    assert_eq!(error["code"], "server_url_insecure");
    let error = h
        .call(
            "connect_workspace",
            json!({ "serverUrl": "https://embed.example.com", "accountToken": "tck_oops" }),
        )
        .unwrap_err();
    assert_eq!(error["code"], "account_token_invalid");
    assert!(h.vault.read_account_token().unwrap().is_none());
    assert_eq!(h.call("copy_token", json!({})).unwrap_err()["code"], "no_token_to_copy");
}

/// The page asks to connect; the person says no in the native dialog: the
/// command fails with its own code and nothing is saved.
#[test]
fn a_connection_the_person_declines_is_refused_and_saves_nothing() {
    let h = harness_answering(false);
    let server_dir = tempfile::tempdir().unwrap();
    let (_runtime, base, account) = embed_server(server_dir.path());
    let error = h
        .call(
            "connect_workspace",
            json!({ "serverUrl": base, "accountToken": account }),
        )
        .unwrap_err();
    assert_eq!(error["code"], "connection_not_confirmed");
    assert!(h.vault.read_account_token().unwrap().is_none());
    assert_eq!(h.call("get_workspace", json!({})).unwrap()["serverUrl"], Value::Null);
}
