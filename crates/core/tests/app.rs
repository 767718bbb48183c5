//! Every use case of the app, through `ToucanApp`, as the shell calls them:
//! an in-memory vault, a fake clipboard, the real embed server in-process.
//! No Tauri: the shell's own tests only prove the wiring.
#![cfg(not(toucan_no_sdk))] // needs the embed server (see Cargo.toml)

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::{Value, json};
use toucan_embed_server::local::BackgroundServer;
use toucan_keys_core::app::{CreatedKeyReply, WorkspaceView};
use toucan_keys_core::clipboard::MemoryClipboard;
use toucan_keys_core::vault::{MemoryVault, VaultOp};
use toucan_keys_core::workspace::{FixedAnswer, TokenRequest, Workspace};
use toucan_keys_core::{
    CoreError, CreateStep, Expiry, FileRegistry, KeyId, KeyManager, KeyRecord, RecordStore, SettingChange,
    SettingsFile, ToucanApp, Vault, VaultError,
};

struct Harness {
    dirs: tempfile::TempDir,
    app: ToucanApp,
    vault: Arc<MemoryVault>,
    clipboard: MemoryClipboard,
    runtime: tokio::runtime::Runtime,
}

fn harness() -> Harness {
    harness_with(true, None)
}

/// `answer` is the person's answer to "connect to this server?"; `broken`,
/// when given, is set as soon as a create has completed, and makes every
/// registry read fail from then on.
fn harness_with(answer: bool, broken: Option<Arc<AtomicBool>>) -> Harness {
    let dirs = tempfile::tempdir().unwrap();
    let vault = Arc::new(MemoryVault::new());
    let clipboard = MemoryClipboard::default();
    let registry = FileRegistry::in_dir(&dirs.path().join("data"));
    let keys = match broken {
        Some(broken) => {
            let breaks = broken.clone();
            KeyManager::new(
                vault.clone(),
                BreakableRegistry {
                    inner: registry,
                    broken,
                },
            )
            .with_create_hook(Arc::new(move |step| {
                if step == CreateStep::Completed {
                    breaks.store(true, Ordering::SeqCst);
                }
            }))
        }
        None => KeyManager::new(vault.clone(), registry),
    };
    let shared: Arc<dyn Vault> = vault.clone();
    let app = ToucanApp::from_parts(
        keys,
        &dirs.path().join("data"),
        Workspace::new(&dirs.path().join("config"), shared),
        SettingsFile::in_dir(&dirs.path().join("config")),
        Box::new(clipboard.clone()),
        Box::new(FixedAnswer(answer)),
    );
    Harness {
        dirs,
        app,
        vault,
        clipboard,
        runtime: tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap(),
    }
}

/// A registry whose reads start failing when `broken` is set.
struct BreakableRegistry {
    inner: FileRegistry,
    broken: Arc<AtomicBool>,
}

impl RecordStore for BreakableRegistry {
    fn load(&self) -> Result<Vec<KeyRecord>, CoreError> {
        if self.broken.load(Ordering::SeqCst) {
            return Err(CoreError::RegistryCorrupt { path: "test".into() });
        }
        self.inner.load()
    }

    fn update(&self, change: &mut dyn FnMut(&mut Vec<KeyRecord>) -> Result<(), CoreError>) -> Result<(), CoreError> {
        self.inner.update(change)
    }
}

impl Harness {
    fn block<T>(&self, future: impl Future<Output = T>) -> T {
        self.runtime.block_on(future)
    }

    fn create(&self, name: &str) -> CreatedKeyReply {
        self.block(
            self.app
                .create_key(name.into(), Expiry::Days90, Vec::new(), Default::default()),
        )
        .expect("create")
    }

    fn server(&self) -> BackgroundServer {
        BackgroundServer::start(&self.dirs.path().join(format!("server-{}", rand_suffix()))).unwrap()
    }

    fn connect(&self, server: &BackgroundServer) -> WorkspaceView {
        self.block(
            self.app
                .connect_workspace(server.server.base_url.clone(), server.server.account_token().to_owned()),
        )
        .expect("connect")
    }

    /// What the workspace server says about key `id`, after a sync.
    fn server_view_of(&self, id: &KeyId) -> Value {
        let view = json!(self.block(self.app.sync_workspace()).unwrap());
        let id = json!(id);
        view["keys"]
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["id"] == id)
            .cloned()
            .expect("the server knows the key")
    }
}

fn rand_suffix() -> u64 {
    use std::sync::atomic::AtomicU64;
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::SeqCst)
}

fn code(error: &CoreError) -> Value {
    json!(error)["code"].clone()
}

fn token_request() -> TokenRequest {
    serde_json::from_value(json!({
        "distinctId": "user-42",
        "role": "maker",
        "attributes": [{ "name": "region", "value": "EMEA" }, { "name": "", "value": "" }],
        "permissions": [{ "resource": "dashboard", "level": "can_view" }, { "resource": "ai", "level": "can_query" }],
        "lifetimeMinutes": 60,
    }))
    .unwrap()
}

#[test]
fn create_returns_the_secret_once_and_list_never_does() {
    let h = harness();
    let created = json!(h.create("Production backend"));
    let secret = created["secret"].as_str().unwrap().to_owned();
    assert!(toucan_keys_core::key_format::parse(&secret).is_ok());
    assert_eq!(created["key"]["name"], "Production backend");
    assert_eq!(created["key"]["status"], "active");
    assert_eq!(created["key"]["hint"], format!("tck_…{}", &secret[36..]));
    let list = json!(h.app.list_keys().unwrap());
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert!(!list.to_string().contains(&secret[4..]), "the list carries the secret");
}

#[test]
fn errors_say_what_happened_and_change_nothing() {
    let h = harness();
    h.create("Production");
    let error = h
        .block(
            h.app
                .create_key("production".into(), Expiry::Never, Vec::new(), Default::default()),
        )
        .err()
        .unwrap();
    assert_eq!(code(&error), "name_taken");
    assert_eq!(
        error.to_string(),
        "You already have an active key named \"Production\". Choose another name."
    );
    h.vault.fail(VaultOp::Store, VaultError::Locked);
    let error = h
        .block(
            h.app
                .create_key("Other".into(), Expiry::Days30, Vec::new(), Default::default()),
        )
        .err()
        .unwrap();
    assert_eq!(code(&error), "keychain_locked");
    assert!(error.to_string().starts_with("Your keychain is locked."));
    assert_eq!(h.app.list_keys().unwrap().len(), 1);
}

/// Once the key exists, nothing after it may swallow the one-time reveal:
/// here every registry read fails from the moment the key is saved.
#[test]
fn a_failure_after_the_key_exists_never_loses_its_reveal() {
    let broken = Arc::new(AtomicBool::new(false));
    let h = harness_with(true, Some(broken.clone()));
    let server = h.server();
    h.connect(&server);
    server.server.stop();
    let created = h.block(
        h.app
            .create_key("Production".into(), Expiry::Days30, Vec::new(), Default::default()),
    );
    let created = json!(created.expect("the reveal survives a registry that can't be read"));
    assert!(created["secret"].as_str().unwrap().starts_with("tck_"));
    assert!(created["serverWarning"].as_str().is_some(), "{created}");
    assert!(
        broken.load(Ordering::SeqCst),
        "the registry broke after the key was made"
    );
}

#[test]
fn copy_puts_the_key_on_the_clipboard_and_never_returns_it() {
    let h = harness();
    let created = h.create("Production");
    let secret = json!(created)["secret"].as_str().unwrap().to_owned();
    let reply = json!(h.app.copy_key(created.key.record.id.clone()).unwrap());
    assert_eq!(h.clipboard.contents().as_deref(), Some(secret.as_str()));
    assert!(!reply.to_string().contains(&secret[4..]), "copy returned the secret");
    assert_eq!(reply["clearsInSeconds"], 30);
    assert!(reply["key"]["lastCopiedAt"].is_string());
}

#[test]
fn the_clear_delay_setting_is_used_and_validated() {
    let h = harness();
    let name: SettingChange = serde_json::from_value(json!({ "setting": "displayName", "value": " Ada " })).unwrap();
    assert_eq!(json!(h.app.change_setting(name).unwrap())["displayName"], "Ada");
    let never: SettingChange =
        serde_json::from_value(json!({ "setting": "clipboardClear", "value": { "kind": "never" } })).unwrap();
    h.app.change_setting(never).unwrap();
    let created = h.create("Production");
    let reply = json!(h.app.copy_key(created.key.record.id.clone()).unwrap());
    assert_eq!(reply["clearsInSeconds"], Value::Null);
    let too_short: SettingChange =
        serde_json::from_value(json!({ "setting": "clipboardClear", "value": { "kind": "after", "seconds": 5 } }))
            .unwrap();
    assert_eq!(
        code(&h.app.change_setting(too_short).unwrap_err()),
        "clear_delay_out_of_range"
    );
    assert_eq!(json!(h.app.get_settings().unwrap())["displayName"], "Ada");
}

#[test]
fn rename_revoke_and_delete() {
    let h = harness();
    let id = h.create("Old name").key.record.id;
    assert_eq!(
        h.app.rename_key(id.clone(), "New name".into()).unwrap().record.name,
        "New name"
    );
    let refused = h.block(h.app.delete_key(id.clone())).unwrap_err();
    assert_eq!(code(&refused), "key_not_revoked");
    let revoked = json!(h.block(h.app.revoke_key(id.clone())).unwrap());
    assert_eq!(revoked["key"]["status"], "revoked");
    assert!(revoked["key"]["revokedAt"].is_string());
    assert_eq!(
        revoked["serverWarning"],
        Value::Null,
        "no workspace, nothing to warn about"
    );
    assert!(h.vault.is_empty());
    assert_eq!(code(&h.app.copy_key(id.clone()).unwrap_err()), "key_revoked");
    let deleted = json!(h.block(h.app.delete_key(id)).unwrap());
    assert_eq!(deleted["serverWarning"], Value::Null);
    assert!(h.app.list_keys().unwrap().is_empty());
}

#[test]
fn check_keychain_flags_keys_whose_secret_is_gone() {
    let h = harness();
    let id = h.create("Production").key.record.id;
    h.vault.remove(&id).unwrap();
    assert_eq!(json!(h.app.check_keychain().unwrap())[0]["status"], "missing");
}

#[test]
fn workspace_connect_create_generate_copy_revoke_then_refused() {
    let h = harness();
    let server = h.server();

    // Not connected yet: the workspace says so, and generating asks to connect.
    let view = json!(h.block(h.app.sync_workspace()).unwrap());
    assert_eq!(
        view,
        json!({ "serverUrl": null, "keys": [], "problem": null, "pendingRevocations": [] })
    );
    let early = h.create("Made before connecting");
    let error = h
        .block(h.app.generate_token(early.key.record.id.clone(), token_request()))
        .unwrap_err();
    assert_eq!(code(&error), "workspace_not_connected");

    // A wrong token is refused with a message for people; the right one connects.
    let wrong = h.block(
        h.app
            .connect_workspace(server.server.base_url.clone(), format!("tka_{}", "z".repeat(40))),
    );
    assert_eq!(code(&wrong.unwrap_err()), "account_token_rejected");
    let base = server.server.base_url.clone();
    let view = json!(
        h.block(
            h.app
                .connect_workspace(format!(" {base}/ "), server.server.account_token().to_owned())
        )
        .unwrap()
    );
    assert_eq!(view["serverUrl"], base.as_str());
    assert_eq!(
        view["keys"][0]["id"],
        json!(early.key.record.id),
        "existing keys are registered on connect"
    );

    // A new key is registered as it is made; its token comes back with claims,
    // and the key itself is never in a reply again.
    let created = h.create("Production backend");
    assert_eq!(created.server_warning, None);
    let secret = json!(created)["secret"].as_str().unwrap().to_owned();
    let id = created.key.record.id.clone();
    let token = json!(h.block(h.app.generate_token(id.clone(), token_request())).unwrap());
    assert!(!token.to_string().contains(&secret[4..]));
    assert_eq!(token["claims"]["sub"], "user-42");
    assert_eq!(token["claims"]["role"], "maker");
    assert_eq!(token["claims"]["attributes"], json!({ "region": "EMEA" }));
    assert_eq!(
        token["claims"]["permissions"],
        json!({ "dashboard": ["can_view"], "ai": ["can_query"] })
    );
    assert!(
        h.server_view_of(&id)["lastUsedAt"].is_string(),
        "last used comes from the server"
    );

    // Copying the token follows the clipboard rules for keys.
    assert_eq!(json!(h.app.copy_token().unwrap())["clearsInSeconds"], 30);
    assert_eq!(h.clipboard.contents().as_deref(), token["token"].as_str());

    // Revoked here, revoked there: the server refuses new tokens.
    let revoked = h.block(h.app.revoke_key(id.clone())).unwrap();
    assert_eq!(revoked.server_warning, None);
    assert!(h.server_view_of(&id)["revokedAt"].is_string());
    let error = h.block(h.app.generate_token(id, token_request())).unwrap_err();
    assert_eq!(
        code(&error),
        "key_revoked",
        "the app refuses before asking: the secret is gone"
    );

    // Disconnecting takes the account token out of the keychain.
    h.app.disconnect_workspace().unwrap();
    assert!(h.vault.read_account_token().unwrap().is_none());
    assert_eq!(h.block(h.app.sync_workspace()).unwrap().server_url, None);
}

#[test]
fn an_unreachable_workspace_keeps_the_app_working_and_says_why() {
    let h = harness();
    let server = h.server();
    h.connect(&server);
    let base = server.server.base_url.clone();
    server.shut_down();

    let created = h.create("Made offline");
    let warning = created.server_warning.clone().unwrap();
    assert!(
        warning.starts_with("Not registered with the workspace server yet"),
        "{warning}"
    );
    assert!(warning.contains("Nothing answers at 127.0.0.1:"), "{warning}");
    assert_eq!(h.app.list_keys().unwrap().len(), 1);
    let view = json!(h.block(h.app.sync_workspace()).unwrap());
    assert_eq!(view["serverUrl"], base.as_str());
    assert_eq!(view["problem"]["code"], "server_unreachable");
    // The first screen asks only what is saved here, so it never waits for the network.
    let saved = json!(h.app.get_workspace().unwrap());
    assert_eq!(
        saved,
        json!({ "serverUrl": base, "keys": [], "problem": null, "pendingRevocations": [] })
    );
    let id = created.key.record.id.clone();
    let revoked = h.block(h.app.revoke_key(id.clone())).unwrap();
    assert_eq!(json!(revoked.key.status), "revoked");
    assert!(revoked.server_warning.unwrap().contains("still works there"));
    // The revocation waits in the outbox, named, for that server.
    let pending = json!(h.app.get_workspace().unwrap())["pendingRevocations"].clone();
    assert_eq!(pending[0]["serverUrl"], base.as_str());
    assert_eq!(pending[0]["keyId"], json!(id));
    assert_eq!(pending[0]["keyName"], "Made offline");
    // Deleting it keeps it queued and says the server hasn't confirmed yet.
    let deleted = h.block(h.app.delete_key(id)).unwrap();
    assert!(deleted.server_warning.unwrap().starts_with("Deleted on this computer."));
    assert_eq!(h.app.get_workspace().unwrap().pending_revocations.len(), 1);
}

/// A key revoked while the server was down, then deleted once it is back:
/// its revocation was queued before the record went, and is sent at once.
#[test]
fn deleting_a_revoked_key_tells_the_server_before_the_record_goes() {
    let h = harness();
    let data = h.dirs.path().join("server-kept");
    let server = BackgroundServer::start(&data).unwrap();
    h.connect(&server);
    let address = server.server.base_url.trim_start_matches("http://").to_owned();
    let id = h.create("Short-lived").key.record.id;
    server.shut_down();
    let revoked = h.block(h.app.revoke_key(id.clone())).unwrap();
    assert!(revoked.server_warning.is_some(), "the server was down");
    assert_eq!(h.app.get_workspace().unwrap().pending_revocations.len(), 1);

    let _back = BackgroundServer::start_at(&data, &address).unwrap();
    let deleted = h.block(h.app.delete_key(id)).unwrap();
    assert_eq!(deleted.server_warning, None, "the server confirmed the revocation");
    assert!(h.app.get_workspace().unwrap().pending_revocations.is_empty());
    assert!(h.app.list_keys().unwrap().is_empty());
}

#[test]
fn the_account_token_must_look_right_and_http_is_for_localhost_only() {
    let h = harness();
    let insecure = h.block(
        h.app
            .connect_workspace("http://embed.example.com".into(), format!("tka_{}", "a".repeat(40))),
    );
    assert_eq!(code(&insecure.unwrap_err()), "server_url_insecure");
    let malformed = h.block(
        h.app
            .connect_workspace("https://embed.example.com".into(), "tck_oops".into()),
    );
    assert_eq!(code(&malformed.unwrap_err()), "account_token_invalid");
    assert!(h.vault.read_account_token().unwrap().is_none());
    assert_eq!(code(&h.app.copy_token().unwrap_err()), "no_token_to_copy");
}

/// The person says no in the native dialog: the use case fails with its own
/// code and nothing is saved.
#[test]
fn a_connection_the_person_declines_is_refused_and_saves_nothing() {
    let h = harness_with(false, None);
    let server = h.server();
    let declined = h.block(
        h.app
            .connect_workspace(server.server.base_url.clone(), server.server.account_token().to_owned()),
    );
    assert_eq!(code(&declined.unwrap_err()), "connection_not_confirmed");
    assert!(h.vault.read_account_token().unwrap().is_none());
    assert_eq!(h.app.get_workspace().unwrap().server_url, None);
}

/// "Which key is this?": a pasted key is matched offline by its fingerprint;
/// a typo is named; the server is asked only on request, by fingerprint.
#[test]
fn a_pasted_key_is_identified_here_and_on_the_server_only_when_asked() {
    use toucan_keys_core::app::PastedKey;
    let h = harness();
    let created = json!(h.create("Production backend"));
    let secret = created["secret"].as_str().unwrap().to_owned();
    let pasted: PastedKey = serde_json::from_value(json!(format!("  {secret}\n"))).unwrap();
    assert!(
        !format!("{pasted:?}").contains(&secret[4..]),
        "Debug shows the pasted key"
    );
    let identified = h.app.identify_key(pasted).unwrap();
    assert!(
        identified.message.contains("“Production backend”"),
        "{}",
        identified.message
    );
    assert!(identified.message.contains("active"), "{}", identified.message);
    assert_eq!(identified.key.as_ref().unwrap().record.name, "Production backend");
    assert_eq!(
        identified.fingerprint,
        toucan_keys_core::key_format::parse(&secret).unwrap().fingerprint()
    );

    // Its hint names it, never its internal id.
    assert!(identified.message.contains("(tck_…"), "{}", identified.message);
    assert!(!identified.message.contains("key_"), "{}", identified.message);
    // Rolled, it is said to be replaced, in the list's words, not "active".
    let id = identified.key.as_ref().unwrap().record.id.clone();
    h.block(h.app.roll_key(id, toucan_keys_core::RollOverlap::Hours24))
        .unwrap();
    let retiring = h.app.identify_key(PastedKey::from(secret.as_str())).unwrap();
    assert!(
        retiring.message.contains("replaced by a newer key, works until"),
        "{}",
        retiring.message
    );
    assert!(!retiring.message.contains("active"), "{}", retiring.message);

    let other = toucan_keys_core::key_format::generate();
    let stranger = h.app.identify_key(PastedKey::from(other.expose_secret())).unwrap();
    assert!(stranger.key.is_none());
    assert!(stranger.message.contains("not one of the keys on this computer"));

    let mut typo = secret.clone().into_bytes();
    typo[10] = if typo[10] == b'a' { b'b' } else { b'a' };
    let error = h
        .app
        .identify_key(PastedKey::from(String::from_utf8(typo).unwrap().as_str()))
        .unwrap_err();
    assert_eq!(code(&error), "invalid_key");
    // Where the typo is, since the window empties the field before the answer.
    assert!(error.to_string().contains("near character 11"), "{error}");

    // The server: not connected says so; connected, it reports its view by fingerprint.
    let not_connected = h
        .block(h.app.ask_server_about_key(identified.fingerprint.clone()))
        .unwrap_err();
    assert_eq!(code(&not_connected), "workspace_not_connected");
    let server = h.server();
    h.connect(&server);
    let view = h
        .block(h.app.ask_server_about_key(identified.fingerprint.clone()))
        .unwrap();
    assert!(
        view.contains("“Production backend (old)”, active, never used"),
        "{view}"
    );
    let unknown = h.block(h.app.ask_server_about_key(stranger.fingerprint)).unwrap();
    assert!(unknown.contains("doesn't know this key"), "{unknown}");
}

#[test]
fn each_key_keeps_its_history_without_any_secret_and_loses_it_when_deleted() {
    let h = harness();
    let server = h.server();
    h.connect(&server);
    let created = h.create("Backend");
    let secret = json!(created)["secret"].as_str().unwrap().to_owned();
    let id = created.key.record.id.clone();
    h.app.copy_key(id.clone()).unwrap();
    h.block(h.app.generate_token(id.clone(), token_request())).unwrap();
    h.app.rename_key(id.clone(), "Backend EU".into()).unwrap();
    let rolled = h
        .block(h.app.roll_key(id.clone(), toucan_keys_core::RollOverlap::Now))
        .unwrap();
    assert_eq!(rolled.server_warning, None);

    let details = json!(h.app.key_details(id.clone()).unwrap());
    let kinds: Vec<&str> = details["activity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| event["activity"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "revoked",
            "rolledInto",
            "renamed",
            "tokenGenerated",
            "copied",
            "registered",
            "created"
        ],
        "newest first"
    );
    assert_eq!(
        details["activity"][2]["activity"],
        json!({"kind": "renamed", "from": "Backend", "to": "Backend EU"})
    );
    assert_eq!(details["activity"][3]["activity"]["user"], "user-42");
    assert_eq!(details["replacedBy"], "Backend EU");
    let new = json!(h.app.key_details(rolled.key.record.id.clone()).unwrap());
    assert_eq!(new["replaces"], "Backend EU (old)");
    assert_eq!(new["activity"][1]["activity"]["kind"], "rolledFrom");

    let history = std::fs::read_to_string(h.dirs.path().join("data/activity.json")).unwrap();
    assert!(!history.contains(&secret[4..]), "the history holds a key");
    h.block(h.app.delete_key(id.clone())).unwrap();
    let history: Value =
        serde_json::from_str(&std::fs::read_to_string(h.dirs.path().join("data/activity.json")).unwrap()).unwrap();
    assert!(
        history["keys"][id.as_str()].is_null(),
        "the deleted key's history is gone"
    );
    assert!(
        history["keys"][rolled.key.record.id.as_str()].is_array(),
        "its replacement's stays"
    );
}

#[test]
fn the_fingerprint_and_the_snippets_are_copied_as_plain_text_and_hold_no_key() {
    let h = harness();
    let created = h.create("Backend");
    let secret = json!(created)["secret"].as_str().unwrap().to_owned();
    h.app.copy_fingerprint(created.key.record.id.clone()).unwrap();
    assert_eq!(h.clipboard.contents(), Some(created.key.record.fingerprint.clone()));

    let server = h.server();
    h.connect(&server);
    let snippets = h.app.code_snippets().unwrap();
    assert_eq!(snippets.len(), 4);
    for snippet in &snippets {
        assert!(
            snippet
                .code
                .contains(&format!("{}/embed/generate-token", server.server.base_url))
        );
        assert!(!snippet.code.contains(&secret[4..]));
        h.app.copy_snippet(snippet.language).unwrap();
        assert_eq!(h.clipboard.contents().as_deref(), Some(snippet.code.as_str()));
    }
}

/// The app over `vault` with its key list in `data` (another data folder:
/// a restored or migrated profile, a second install, a moved `keys.json`).
fn app_over(vault: &Arc<MemoryVault>, clipboard: &MemoryClipboard, root: &std::path::Path, data: &str) -> ToucanApp {
    let shared: Arc<dyn Vault> = vault.clone();
    ToucanApp::from_parts(
        KeyManager::new(vault.clone(), FileRegistry::in_dir(&root.join(data))),
        &root.join(data),
        Workspace::new(&root.join("config"), shared),
        SettingsFile::in_dir(&root.join("config")),
        Box::new(clipboard.clone()),
        Box::new(FixedAnswer(true)),
    )
}

/// A key list that went missing (the data folder replaced by an empty one)
/// used to wipe every key from the keychain at the next keychain check once
/// one key was made there. The secrets now stay, are offered as found, and a
/// restored key copies again.
#[test]
fn a_replaced_key_list_loses_no_secret_and_its_keys_can_be_restored() {
    let h = harness();
    let made: Vec<CreatedKeyReply> = ["One", "Two", "Three"].iter().map(|name| h.create(name)).collect();
    let moved = app_over(&h.vault, &h.clipboard, h.dirs.path(), "elsewhere");
    h.block(moved.create_key("New here".into(), Expiry::Days90, Vec::new(), Default::default()))
        .unwrap();
    moved.check_keychain().unwrap();
    assert_eq!(h.vault.len(), 4, "the keychain check removed secrets no list claims");

    let found = moved.found_keys().unwrap();
    let mut names: Vec<_> = found.iter().map(|k| k.name.clone().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["One", "Three", "Two"]);
    let two = &made[1];
    let restored = h.block(moved.restore_found_key(two.key.record.id.clone())).unwrap();
    assert_eq!(restored.record.name, "Two");
    assert!(json!(restored)["restoredAt"].is_string());
    moved.copy_key(two.key.record.id.clone()).unwrap();
    assert_eq!(
        h.clipboard.contents().as_deref(),
        json!(two)["secret"].as_str(),
        "a restored key copies its own secret"
    );
    let history = moved.key_details(two.key.record.id.clone()).unwrap();
    assert!(json!(history).to_string().contains("restored"), "{}", json!(history));
    assert_eq!(moved.found_keys().unwrap().len(), 2);

    // Deleting a found key removes its secret, and only that one.
    h.block(moved.delete_found_key(made[0].key.record.id.clone())).unwrap();
    assert_eq!(h.vault.len(), 3);
    assert_eq!(
        code(&h.block(moved.delete_found_key(two.key.record.id.clone())).unwrap_err()),
        "key_not_found",
        "a listed key is not a found one"
    );
    assert_eq!(h.vault.len(), 3);
    // The first list still works: its keys' secrets are all there but One's,
    // which it shows revoked (deleted in the other list), not as missing.
    h.app.check_keychain().unwrap();
    let first: Vec<_> = h.app.list_keys().unwrap();
    let status = |name: &str| json!(first.iter().find(|k| k.record.name == name).unwrap().status);
    assert_eq!(status("One"), json!("revoked"));
    assert_eq!(status("Two"), json!("active"));
    assert_eq!(status("Three"), json!("active"));
    assert!(first.iter().all(|k| !k.record.secret_missing));
}

/// The keychain check reads which keys other key lists revoked from
/// workspace.json; a damaged one doesn't stop the check or change the list.
#[test]
fn a_damaged_workspace_file_doesnt_stop_the_keychain_check() {
    let h = harness();
    let created = h.create("Production");
    std::fs::create_dir_all(h.dirs.path().join("config")).unwrap();
    std::fs::write(h.dirs.path().join("config/workspace.json"), "{oops").unwrap();
    let listed = h.app.check_keychain().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].record.id, created.key.record.id);
    assert_eq!(json!(listed[0].status), json!("active"));
}

/// A damaged settings file is reported when a key is copied, not read as the
/// default delay; nothing reaches the clipboard.
#[test]
fn a_copy_with_a_damaged_settings_file_is_reported() {
    let h = harness();
    let created = h.create("Production");
    std::fs::create_dir_all(h.dirs.path().join("config")).unwrap();
    std::fs::write(h.dirs.path().join("config/settings.json"), "{oops").unwrap();
    let error = h.app.copy_key(created.key.record.id.clone()).unwrap_err();
    assert_eq!(code(&error), "settings_corrupt");
    assert_eq!(h.clipboard.contents(), None);
}
