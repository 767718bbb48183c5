//! The wiring of the shell's commands through Tauri's IPC (mock runtime, the
//! app's real context and capability): a command reaches its use case, its
//! arguments arrive under their camelCase names, errors cross as
//! `{code, message, field}`, and the capability refuses what it should. What
//! the use cases do is tested in the core (`crates/core/tests/app.rs`).

mod support;

use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use serde_json::{Value, json};
use tauri::test::{MockRuntime, mock_builder};
use tauri::{App, WebviewWindow};
use toucan_embed_server::local::BackgroundServer;
use toucan_keys_core::clipboard::MemoryClipboard;
use toucan_keys_core::secret::SecretKey;
use toucan_keys_core::vault::{MemoryVault, Vault, VaultOp};
use toucan_keys_core::workspace::AccountToken;
use toucan_keys_core::workspace::FixedAnswer;
use toucan_keys_core::{Host, KeyId, ToucanApp, VaultError};

struct Harness {
    dirs: tempfile::TempDir,
    _app: App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
    vault: Arc<MemoryVault>,
    clipboard: MemoryClipboard,
}

fn harness() -> Harness {
    let dirs = tempfile::tempdir().unwrap();
    let vault = Arc::new(MemoryVault::new());
    let clipboard = MemoryClipboard::default();
    let (app, window) = app_on(vault.clone(), clipboard.clone(), dirs.path());
    Harness {
        dirs,
        _app: app,
        window,
        vault,
        clipboard,
    }
}

/// The app with the real context and capability, on `vault` and `clipboard`,
/// its files in `dir`, and its main window.
fn app_on(
    vault: Arc<dyn Vault>,
    clipboard: MemoryClipboard,
    dir: &Path,
) -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let host = Host {
        vault,
        clipboard: Box::new(clipboard),
        confirm: Box::new(FixedAnswer(true)),
    };
    let toucan = ToucanApp::new(host, &dir.join("data"), &dir.join("config"));
    let app = toucan_keys_app::with_commands(mock_builder())
        .manage(toucan)
        .build(tauri::generate_context!())
        .expect("build the app");
    let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    (app, window)
}

impl Harness {
    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        support::invoke(&self.window, cmd, args)
    }

    fn create(&self, name: &str) -> Value {
        self.call(
            "create_key",
            json!({ "name": name, "expiry": { "kind": "days90" }, "origins": [], "limits": {} }),
        )
        .expect("create")
    }
}

#[test]
fn errors_cross_as_code_and_message() {
    let h = harness();
    h.create("Production");
    let error = h
        .call(
            "create_key",
            json!({ "name": "production", "expiry": { "kind": "never" }, "origins": [], "limits": {} }),
        )
        .unwrap_err();
    assert_eq!(error["code"], "name_taken");
    assert_eq!(
        error["message"],
        "You already have an active key named \"Production\". Choose another name."
    );

    h.vault.fail(VaultOp::Store, VaultError::Locked);
    let error = h
        .call(
            "create_key",
            json!({ "name": "Other", "expiry": { "kind": "days30" }, "origins": [], "limits": {} }),
        )
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

/// Creating, listing, connecting, generating and copying through IPC: the
/// arguments arrive under the names the page uses, and the secret comes back
/// only in create's reply.
#[test]
fn key_and_workspace_commands_take_the_pages_argument_names() {
    let h = harness();
    let server = BackgroundServer::start(&h.dirs.path().join("server")).unwrap();
    let view = h
        .call(
            "connect_workspace",
            json!({ "serverUrl": server.server.base_url, "accountToken": server.server.account_token() }),
        )
        .unwrap();
    assert_eq!(view["serverUrl"], server.server.base_url.as_str());
    let created = h.create("Production");
    let secret = created["secret"].as_str().unwrap().to_owned();
    assert!(
        secret.starts_with("tck_"),
        "the reveal crosses IPC once, in create's reply"
    );
    let list = h.call("list_keys", json!({})).unwrap();
    assert_eq!(list[0]["id"], created["key"]["id"]);
    assert!(!list.to_string().contains(&secret[4..]), "the list carries the secret");
    let request = json!({
        "distinctId": "user-42", "role": "explorer", "attributes": [],
        "permissions": [], "lifetimeMinutes": 10,
    });
    let token = h
        .call(
            "generate_token",
            json!({ "id": created["key"]["id"], "request": request }),
        )
        .unwrap();
    assert_eq!(token["claims"]["sub"], "user-42");
    assert!(!token.to_string().contains(&secret[4..]));
    h.call("copy_token", json!({})).unwrap();
    assert_eq!(h.clipboard.contents().as_deref(), token["token"].as_str());
    let copied = h.call("copy_key", json!({ "id": created["key"]["id"] })).unwrap();
    assert!(!copied.to_string().contains(&secret[4..]));
    assert_eq!(h.clipboard.contents().as_deref(), Some(secret.as_str()));
    let limited = h
        .call(
            "set_key_origins",
            json!({ "id": created["key"]["id"], "origins": ["https://Shop.example.com"] }),
        )
        .unwrap();
    assert_eq!(limited["key"]["allowedOrigins"], json!(["https://shop.example.com"]));
    assert_eq!(limited["serverWarning"], Value::Null, "the connected server was told");
    let narrowed = h
        .call(
            "set_key_limits",
            json!({ "id": created["key"]["id"], "limits": { "roles": ["explorer"], "networks": ["203.0.113.7/24"] } }),
        )
        .unwrap();
    assert_eq!(
        narrowed["key"]["limits"],
        json!({ "roles": ["explorer"], "networks": ["203.0.113.0/24"] })
    );
    assert_eq!(narrowed["key"]["fullAccess"], false);
    assert_eq!(narrowed["serverWarning"], Value::Null, "the connected server was told");
    assert_eq!(h.call("found_keys", json!({})).unwrap(), json!([]));
    let saved = h
        .call(
            "change_setting",
            json!({ "change": { "setting": "displayName", "value": "Ada" } }),
        )
        .unwrap();
    assert_eq!(saved["displayName"], "Ada");
}

/// A keychain whose reads of key secrets wait until the test opens it, as a
/// locked keychain waits for its password; it counts the reads waiting.
struct SlowKeychain {
    inner: MemoryVault,
    /// Whether reads may go on, and how many are waiting.
    gate: Mutex<(bool, usize)>,
    changed: Condvar,
}

impl SlowKeychain {
    fn closed() -> Self {
        Self {
            inner: MemoryVault::new(),
            gate: Mutex::new((false, 0)),
            changed: Condvar::new(),
        }
    }

    /// Waits until `count` reads are waiting (at most a minute).
    fn wait_for_readers(&self, count: usize) -> bool {
        let gate = self.gate.lock().unwrap();
        let (gate, timeout) = self
            .changed
            .wait_timeout_while(gate, Duration::from_secs(60), |(_, waiting)| *waiting < count)
            .unwrap();
        drop(gate);
        !timeout.timed_out()
    }

    fn open(&self) {
        self.gate.lock().unwrap().0 = true;
        self.changed.notify_all();
    }
}

impl Vault for SlowKeychain {
    fn store(&self, id: &KeyId, label: &str, secret: &SecretKey) -> Result<(), VaultError> {
        self.inner.store(id, label, secret)
    }
    fn read(&self, id: &KeyId) -> Result<SecretKey, VaultError> {
        let mut gate = self.gate.lock().unwrap();
        gate.1 += 1;
        self.changed.notify_all();
        let mut gate = self.changed.wait_while(gate, |(open, _)| !*open).unwrap();
        gate.1 -= 1;
        drop(gate);
        self.inner.read(id)
    }
    fn remove(&self, id: &KeyId) -> Result<(), VaultError> {
        self.inner.remove(id)
    }
    fn store_account_token(&self, token: &AccountToken) -> Result<(), VaultError> {
        self.inner.store_account_token(token)
    }
    fn read_account_token(&self) -> Result<Option<AccountToken>, VaultError> {
        self.inner.read_account_token()
    }
    fn remove_account_token(&self) -> Result<(), VaultError> {
        self.inner.remove_account_token()
    }
    fn key_ids(&self) -> Result<Vec<KeyId>, VaultError> {
        self.inner.key_ids()
    }
}

/// Commands waiting on the keychain (as many as the runtime has worker
/// threads) hold up no other command: the window keeps answering while a
/// locked keychain asks for its password.
#[test]
fn commands_waiting_on_the_keychain_hold_up_no_other_command() {
    let dirs = tempfile::tempdir().unwrap();
    let keychain = Arc::new(SlowKeychain::closed());
    let (_app, window) = app_on(keychain.clone(), MemoryClipboard::default(), dirs.path());
    let created = support::invoke(
        &window,
        "create_key",
        json!({ "name": "Slow", "expiry": { "kind": "days90" }, "origins": [], "limits": {} }),
    )
    .expect("create");
    let id = created["key"]["id"].clone();

    let workers = std::thread::available_parallelism().map_or(2, usize::from);
    let copies: Vec<_> = (0..workers)
        .map(|_| {
            let (window, id) = (window.clone(), id.clone());
            std::thread::spawn(move || support::invoke(&window, "copy_key", json!({ "id": id })))
        })
        .collect();
    assert!(keychain.wait_for_readers(workers), "the copies reached the keychain");

    let (answered, answer) = std::sync::mpsc::channel();
    let probe = window.clone();
    std::thread::spawn(move || {
        let _ = answered.send(support::invoke(&probe, "get_settings", json!({})));
    });
    let settings = answer.recv_timeout(Duration::from_secs(30));
    keychain.open();
    for copy in copies {
        copy.join()
            .unwrap()
            .expect("each copy finishes once the keychain answers");
    }
    let settings = settings.expect("another command was answered while the copies waited on the keychain");
    assert!(settings.is_ok(), "{settings:?}");
}
