//! The model-based test of the core: random sequences of every operation on
//! `ToucanApp` (create, copy, rename, roll with each overlap, revoke, delete,
//! restore and delete found keys, connect to one of two real servers,
//! disconnect, sync, a crash at each create step, the data folder replaced,
//! a server down and back up, time passing, a key reported found in public to
//! a server), checking after every step the promises that hold where those
//! features meet:
//!
//! - no secret leaves the keychain unless its key was revoked or deleted by
//!   the person, or its create was interrupted before the reveal;
//! - every active key in the list has its secret, and every key secret in
//!   the keychain has a record or is offered as found;
//! - a key is only ever known to the server it was registered with;
//! - no file holds a secret;
//! - only a key reported to its own server is ever marked leaked, and a
//!   leaked key is never offered for copying;
//! - at the end, with both servers up and the app synced with each, every
//!   revoked key is refused by its server and no revocation is left queued,
//!   and every key reported to its own server is listed as leaked, revoked,
//!   with no secret left in the keychain.
//!
//! The vault is the in-memory one, for speed; the servers are real, in this
//! process, on 127.0.0.1. `TOUCAN_MODEL_CASES` sets how many sequences run
//! (CI: the default below). Failures proptest shrinks are kept as the
//! regression tests at the end of this file.

#![cfg(not(toucan_no_sdk))] // needs the embed server (see Cargo.toml)

#[path = "../../server/tests/support/mod.rs"]
mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use serde_json::json;
use toucan_embed_server::ServerConfig;
use toucan_embed_server::local::BackgroundServer;
use toucan_embed_server::secret_scanning::{OnLeak, SecretScanning};
use toucan_keys_core::clipboard::MemoryClipboard;
use toucan_keys_core::workspace::{
    AccountToken, EmbedClient, FixedAnswer, ServerUrl, Timeouts, Workspace, WorkspaceFile,
};
use toucan_keys_core::{
    CreateStep, Expiry, FileRegistry, KeyId, KeyManager, MemoryVault, RollOverlap, SettingsFile, ToucanApp, Vault,
};
use toucan_keys_protocol::limits::{KeyLimits, Preset};

/// One thing a person (or the computer) does.
#[derive(Debug, Clone)]
enum Op {
    Create {
        name: u8,
    },
    Copy {
        key: usize,
    },
    Rename {
        key: usize,
        name: u8,
    },
    Roll {
        key: usize,
        overlap: RollOverlap,
    },
    Revoke {
        key: usize,
    },
    Delete {
        key: usize,
    },
    /// Revoke, then delete at once (the window's two steps, one after the other).
    RevokeAndDelete {
        key: usize,
    },
    /// Changes a key's limits (the details view's Change limits).
    SetLimits {
        key: usize,
        which: usize,
    },
    /// Limits a key to some web origins (the details view).
    SetOrigins {
        key: usize,
        which: usize,
    },
    RestoreFound {
        key: usize,
    },
    DeleteFound {
        key: usize,
    },
    Connect {
        server: usize,
    },
    Disconnect,
    Sync,
    /// The process dies right after this step of a create.
    CrashDuringCreate {
        step: u8,
    },
    /// The app starts with this data folder (0 is the first; others start empty).
    UseDataFolder {
        folder: usize,
    },
    ServerDown {
        server: usize,
    },
    ServerUp {
        server: usize,
    },
    /// Hours pass; the app retires rolled keys whose overlap ended.
    TimePasses {
        hours: u32,
    },
    /// A secret scanner reports a key found in public to this server.
    LeakReported {
        key: usize,
        server: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    // Mostly the newest keys (0 is the newest).
    let key = prop_oneof![3 => 0..2usize, 1 => 0..8usize];
    prop_oneof![
        4 => (0..6u8).prop_map(|name| Op::Create { name }),
        1 => key.clone().prop_map(|key| Op::Copy { key }),
        1 => (key.clone(), 0..6u8).prop_map(|(key, name)| Op::Rename { key, name }),
        2 => (key.clone(), prop::sample::select(vec![RollOverlap::Now, RollOverlap::Hour1, RollOverlap::Hours24, RollOverlap::Days7]))
            .prop_map(|(key, overlap)| Op::Roll { key, overlap }),
        2 => key.clone().prop_map(|key| Op::Revoke { key }),
        2 => key.clone().prop_map(|key| Op::Delete { key }),
        2 => key.clone().prop_map(|key| Op::RevokeAndDelete { key }),
        1 => (key.clone(), 0..ORIGIN_SETS.len()).prop_map(|(key, which)| Op::SetOrigins { key, which }),
        1 => (key.clone(), 0..LIMIT_SETS.len()).prop_map(|(key, which)| Op::SetLimits { key, which }),
        1 => key.clone().prop_map(|key| Op::RestoreFound { key }),
        1 => key.clone().prop_map(|key| Op::DeleteFound { key }),
        3 => (0..2usize).prop_map(|server| Op::Connect { server }),
        1 => Just(Op::Disconnect),
        2 => Just(Op::Sync),
        1 => (0..3u8).prop_map(|step| Op::CrashDuringCreate { step }),
        1 => (0..3usize).prop_map(|folder| Op::UseDataFolder { folder }),
        1 => (0..2usize).prop_map(|server| Op::ServerDown { server }),
        1 => (0..2usize).prop_map(|server| Op::ServerUp { server }),
        1 => (1..200u32).prop_map(|hours| Op::TimePasses { hours }),
        1 => (key.clone(), 0..2usize).prop_map(|(key, server)| Op::LeakReported { key, server }),
    ]
}

const ORIGIN_SETS: [&[&str]; 3] = [&[], &["https://a.example"], &["https://a.example", "https://b.example"]];
/// Presets by index: full access, show dashboards (tenant = acme), AI assistant.
const LIMIT_SETS: [Preset; 3] = [Preset::FullAccess, Preset::ShowDashboards, Preset::AiAssistant];

fn limit_set(which: usize) -> KeyLimits {
    LIMIT_SETS[which].limits(Some(("tenant", "acme")))
}

const NAMES: [&str; 6] = ["Backend", "Staging", "roam", "CI", "Partner portal", "backend"];
const STEPS: [CreateStep; 3] = [
    CreateStep::IntentRecorded,
    CreateStep::SecretStored,
    CreateStep::Completed,
];
const SIMULATED_CRASH: &str = "simulated crash during create";

/// A real embed server that can be stopped and started again at its address.
/// It takes secret-scanning reports signed by the world's reporter.
struct Server {
    dir: PathBuf,
    config: ServerConfig,
    address: String,
    base_url: String,
    account_token: String,
    running: Option<BackgroundServer>,
}

impl Server {
    fn start(dir: PathBuf, reporter: &support::Reporter) -> Self {
        std::fs::create_dir_all(&dir).unwrap();
        let public_keys = dir.join("secret-scanning-keys.json");
        support::publish(&public_keys, &[reporter]);
        let config = ServerConfig {
            secret_scanning: Some(SecretScanning {
                public_keys,
                on_leak: OnLeak::Revoke,
            }),
            ..ServerConfig::default()
        };
        let running = BackgroundServer::start_configured(&dir, config.clone(), "127.0.0.1:0").unwrap();
        let base_url = running.server.base_url.clone();
        Self {
            address: base_url.trim_start_matches("http://").to_owned(),
            account_token: running.server.account_token().to_owned(),
            base_url,
            dir,
            config,
            running: Some(running),
        }
    }

    fn down(&mut self) {
        if let Some(running) = self.running.take() {
            running.shut_down();
        }
    }

    fn up(&mut self) {
        if self.running.is_none() {
            self.running =
                Some(BackgroundServer::start_configured(&self.dir, self.config.clone(), &self.address).unwrap());
        }
    }

    /// Every key the server knows: id and whether it is revoked.
    fn keys(&self, runtime: &tokio::runtime::Runtime) -> Vec<(String, bool)> {
        self.known(runtime)
            .into_iter()
            .map(|key| (key.id.as_str().to_owned(), key.revoked_at.is_some()))
            .collect()
    }

    /// Every key the server knows, as it knows it.
    fn known(&self, runtime: &tokio::runtime::Runtime) -> Vec<toucan_keys_core::workspace::ServerKey> {
        let client = EmbedClient::new(ServerUrl::parse(&self.base_url).unwrap()).unwrap();
        let token = AccountToken::parse(&self.account_token).unwrap();
        runtime.block_on(client.list_keys(&token)).unwrap()
    }
}

/// What the model knows of a key whose secret was shown.
#[derive(Debug, Clone, PartialEq)]
enum Fate {
    /// Its secret must be in the keychain.
    Kept,
    /// Revoked or deleted by the person: it must stop working on its server.
    Revoked,
}

/// The system under test and what the model expects of it.
struct World {
    root: tempfile::TempDir,
    vault: Arc<dyn Vault>,
    clipboard: MemoryClipboard,
    now: Arc<Mutex<DateTime<Utc>>>,
    crash_at: Arc<AtomicU8>,
    folder: usize,
    app: ToucanApp,
    servers: Vec<Server>,
    runtime: tokio::runtime::Runtime,
    /// Every key whose secret was revealed, in order, with its secret and fate.
    keys: Vec<(KeyId, String, Fate)>,
    /// The origins each key was last given in the app (at create, roll, or in its details).
    origins: BTreeMap<String, (Vec<String>, KeyLimits)>,
    /// A secret scanner both servers believe.
    reporter: support::Reporter,
    /// The keys a server said were its own when they were reported found in public.
    leaked: BTreeSet<KeyId>,
}

const NO_CRASH: u8 = u8::MAX;

impl World {
    fn new(vault: Arc<dyn Vault>) -> Self {
        let root = tempfile::tempdir().unwrap();
        let reporter = support::Reporter::new("github-secret-scanning");
        let servers = (0..2)
            .map(|n| Server::start(root.path().join(format!("server-{n}")), &reporter))
            .collect();
        let clipboard = MemoryClipboard::default();
        let now = Arc::new(Mutex::new("2026-12-02T09:00:00Z".parse().unwrap()));
        let crash_at = Arc::new(AtomicU8::new(NO_CRASH));
        let app = build_app(root.path(), 0, &vault, &clipboard, &now, &crash_at);
        Self {
            root,
            vault,
            clipboard,
            now,
            crash_at,
            folder: 0,
            app,
            servers,
            runtime: tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .enable_all()
                .build()
                .unwrap(),
            keys: Vec::new(),
            origins: BTreeMap::new(),
            reporter,
            leaked: BTreeSet::new(),
        }
    }

    /// The app starting again, as after a restart, with data folder `folder`;
    /// it checks the keychain as the window does after its first draw.
    fn restart(&mut self, folder: usize) {
        self.folder = folder;
        self.app = build_app(
            self.root.path(),
            folder,
            &self.vault,
            &self.clipboard,
            &self.now,
            &self.crash_at,
        );
        let _ = self.app.check_keychain();
        // A key no server knows yet is registered with what the list in use
        // says of it: two lists can disagree (one restored it, with its limits
        // unknown), and the one that syncs first decides.
        let bound = WorkspaceFile::in_dir(&self.root.path().join("config"))
            .load()
            .map(|config| config.key_servers)
            .unwrap_or_default();
        for key in self.app.list_keys().unwrap_or_default() {
            if !bound.contains_key(&key.record.id) {
                self.given_origins(&json!(key));
            }
        }
    }

    fn advance(&self, by: chrono::Duration) {
        *self.now.lock().unwrap() += by;
    }

    /// The id of the `n`th newest key the model knows (any fate), if there
    /// is one: the newest keys are the ones a sequence goes on working with.
    fn key(&self, n: usize) -> Option<KeyId> {
        let count = self.keys.len();
        (count > 0).then(|| self.keys[count - 1 - n % count].0.clone())
    }

    fn revealed(&mut self, reply: &impl serde::Serialize, id_path: &str) {
        let reply = json!(reply);
        let id = KeyId(reply[id_path]["id"].as_str().unwrap().to_owned());
        let secret = reply["secret"].as_str().unwrap().to_owned();
        self.given_origins(&reply[id_path]);
        self.keys.push((id, secret, Fate::Kept));
    }

    fn given_origins(&mut self, key: &serde_json::Value) {
        let origins = serde_json::from_value(key["allowedOrigins"].clone()).unwrap();
        let limits = serde_json::from_value(key.get("limits").cloned().unwrap_or_else(|| json!({}))).unwrap();
        self.origins
            .insert(key["id"].as_str().unwrap().to_owned(), (origins, limits));
    }

    fn revoked(&mut self, id: &str) {
        for key in self.keys.iter_mut().filter(|(key, ..)| key.as_str() == id) {
            key.2 = Fate::Revoked;
        }
    }

    fn apply(&mut self, op: &Op) {
        match op.clone() {
            Op::Create { name } => {
                if let Ok(created) = self.block(self.app.create_key(
                    NAMES[name as usize].into(),
                    Expiry::Days90,
                    Vec::new(),
                    limit_set(name as usize % LIMIT_SETS.len()),
                )) {
                    self.revealed(&created, "key");
                }
            }
            Op::Copy { key } => {
                if let Some(id) = self.key(key) {
                    let _ = self.app.copy_key(id);
                }
            }
            Op::Rename { key, name } => {
                if let Some(id) = self.key(key) {
                    let _ = self.app.rename_key(id, NAMES[name as usize].into());
                }
            }
            Op::Roll { key, overlap } => {
                if let Some(id) = self.key(key)
                    && let Ok(rolled) = self.block(self.app.roll_key(id, overlap))
                {
                    self.revealed(&rolled, "key");
                    let old = json!(rolled)["old"].clone();
                    if old["status"] == "revoked" || old["revokedAt"].is_string() {
                        self.revoked(old["id"].as_str().unwrap());
                    }
                }
            }
            Op::Revoke { key } => {
                if let Some(id) = self.key(key)
                    && self.block(self.app.revoke_key(id.clone())).is_ok()
                {
                    self.revoked(id.as_str());
                }
            }
            Op::Delete { key } => {
                if let Some(id) = self.key(key) {
                    let _ = self.block(self.app.delete_key(id));
                }
            }
            Op::RevokeAndDelete { key } => {
                self.apply(&Op::Revoke { key });
                self.apply(&Op::Delete { key });
            }
            Op::SetLimits { key, which } => {
                if let Some(id) = self.key(key)
                    && let Ok(changed) = self.block(self.app.set_key_limits(id, limit_set(which)))
                {
                    self.given_origins(&json!(changed.key));
                }
            }
            Op::SetOrigins { key, which } => {
                if let Some(id) = self.key(key) {
                    let origins = ORIGIN_SETS[which].iter().map(|o| (*o).to_owned()).collect();
                    if let Ok(changed) = self.block(self.app.set_key_origins(id, origins)) {
                        self.given_origins(&json!(changed.key));
                    }
                }
            }
            Op::RestoreFound { key } => {
                let found = self.app.found_keys().unwrap_or_default();
                if !found.is_empty()
                    && let Ok(restored) = self.block(self.app.restore_found_key(found[key % found.len()].id.clone()))
                {
                    // The origins were in the lost list. A key its server knows keeps the
                    // ones the server enforces (a restore never changes them there); one no
                    // server knows starts again with what the restored record says.
                    let bound = WorkspaceFile::in_dir(&self.root.path().join("config"))
                        .load()
                        .unwrap()
                        .key_servers
                        .contains_key(&restored.record.id);
                    if !bound {
                        self.given_origins(&json!(restored));
                    }
                }
            }
            Op::DeleteFound { key } => {
                let found = self.app.found_keys().unwrap_or_default();
                if !found.is_empty() {
                    let id = found[key % found.len()].id.clone();
                    if self.block(self.app.delete_found_key(id.clone())).is_ok() {
                        self.revoked(id.as_str());
                    }
                }
            }
            Op::Connect { server } => {
                let server = &self.servers[server];
                let (url, token) = (server.base_url.clone(), server.account_token.clone());
                let _ = self.block(self.app.connect_workspace(url, token));
            }
            Op::Disconnect => {
                let _ = self.app.disconnect_workspace();
            }
            Op::Sync => {
                let _ = self.block(self.app.sync_workspace());
            }
            Op::CrashDuringCreate { step } => {
                self.crash_at.store(step, Ordering::SeqCst);
                let app = &self.app;
                let runtime = &self.runtime;
                let crashed = std::panic::catch_unwind(AssertUnwindSafe(|| {
                    runtime.block_on(app.create_key(
                        "Interrupted".into(),
                        Expiry::Days90,
                        Vec::new(),
                        Default::default(),
                    ))
                }));
                self.crash_at.store(NO_CRASH, Ordering::SeqCst);
                if let Ok(Ok(created)) = crashed {
                    // The name was taken or the keychain refused: no crash happened.
                    self.revealed(&created, "key");
                }
                // The process is gone; the app starts again a few minutes later.
                self.advance(chrono::Duration::minutes(5));
                self.restart(self.folder);
            }
            Op::UseDataFolder { folder } => self.restart(folder),
            Op::ServerDown { server } => self.servers[server].down(),
            Op::ServerUp { server } => self.servers[server].up(),
            Op::LeakReported { key, server } => {
                let Some(id) = self.key(key) else { return };
                let server = &self.servers[server];
                if server.running.is_none() {
                    return;
                }
                let secret = self.keys.iter().find(|(known, ..)| known == &id).unwrap().1.clone();
                let labels = self.block(support::report_leak(&server.base_url, &self.reporter, &secret));
                if labels == ["true_positive"] {
                    // Its server revoked it: it must stay refused there.
                    self.revoked(id.as_str());
                    self.leaked.insert(id);
                }
            }
            Op::TimePasses { hours } => {
                self.advance(chrono::Duration::hours(i64::from(hours)));
                if let Ok(retired) = self.block(self.app.retire_due_keys()) {
                    for key in retired {
                        self.revoked(key.record.id.as_str());
                    }
                }
            }
        }
    }

    fn block<T>(&self, future: impl Future<Output = T>) -> T {
        self.runtime.block_on(future)
    }

    /// The invariants that hold after every step.
    fn check(&self, history: &[Op]) {
        let in_vault: BTreeSet<KeyId> = self.vault.key_ids().unwrap().into_iter().collect();
        // No secret lost: a key shown and not revoked keeps its secret.
        for (id, secret, fate) in &self.keys {
            if *fate == Fate::Kept {
                let stored = self.vault.read(id);
                assert!(
                    stored
                        .as_ref()
                        .is_ok_and(|stored| json!(stored.clone().into_one_time_reveal()) == json!(secret)),
                    "the secret of {id} left the keychain though its key wasn't revoked: {history:#?}"
                );
            }
        }
        // Every active key listed has its secret; every secret is listed or found.
        let listed = self.app.list_keys().unwrap();
        for key in listed.iter().filter(|key| key.record.is_active()) {
            assert!(
                in_vault.contains(&key.record.id) || key.record.secret_missing,
                "{} is listed as usable with no secret: {history:#?}",
                key.record.id
            );
        }
        let found: BTreeSet<KeyId> = self.app.found_keys().unwrap().into_iter().map(|k| k.id).collect();
        for id in &in_vault {
            assert!(
                listed.iter().any(|key| &key.record.id == id) || found.contains(id),
                "the secret of {id} is neither listed nor offered as found: {history:#?}"
            );
        }
        // A key is known only to the server it was registered with.
        let bound = WorkspaceFile::in_dir(&self.root.path().join("config"))
            .load()
            .unwrap()
            .key_servers;
        for server in self.servers.iter().filter(|s| s.running.is_some()) {
            for (id, _) in server.keys(&self.runtime) {
                let own = bound.get(&KeyId(id.clone()));
                assert_eq!(
                    own.map(String::as_str),
                    Some(server.base_url.as_str()),
                    "{id} reached a server it doesn't belong to: {history:#?}"
                );
            }
        }
        // Only a key reported to its own server is marked leaked, and a
        // leaked key is never offered for copying.
        for key in listed.iter().filter(|key| key.record.leak.is_some()) {
            assert!(
                self.leaked.contains(&key.record.id),
                "{} is marked leaked though no server it belongs to was told: {history:#?}",
                key.record.id
            );
            assert!(
                !key.actions.copy,
                "{} is leaked but offered for copying: {history:#?}",
                key.record.id
            );
        }
        // No file holds a secret.
        let files = files_under(self.root.path());
        for (id, secret, _) in &self.keys {
            for (path, bytes) in &files {
                assert!(
                    !bytes.windows(secret.len()).any(|window| window == secret.as_bytes()),
                    "the secret of {id} is in {}: {history:#?}",
                    path.display()
                );
            }
        }
    }

    /// Both servers up, the app synced with each: every revoked key is
    /// refused by its server, and nothing is left queued.
    fn settle_and_check(&mut self, history: &[Op]) {
        for server in &mut self.servers {
            server.up();
        }
        for n in [0, 1, 0] {
            let (url, token) = (self.servers[n].base_url.clone(), self.servers[n].account_token.clone());
            let view = self.block(self.app.connect_workspace(url, token));
            let view = view.unwrap_or_else(|error| panic!("connect failed: {error}: {history:#?}"));
            let _ = view;
        }
        let view = json!(self.app.get_workspace().unwrap());
        assert_eq!(
            view["pendingRevocations"],
            json!([]),
            "revocations still queued with both servers up: {history:#?}"
        );
        let revoked: BTreeSet<&str> = self
            .keys
            .iter()
            .filter(|(.., fate)| *fate == Fate::Revoked)
            .map(|(id, ..)| id.as_str())
            .collect();
        // Each key's server enforces the origins and limits it was last given in the app.
        for server in &self.servers {
            for known in server.known(&self.runtime) {
                if let Some(expected) = self
                    .origins
                    .get(known.id.as_str())
                    .filter(|_| known.revoked_at.is_none())
                {
                    assert_eq!(
                        &known.allowed_origins, &expected.0,
                        "{} is limited to other origins on {}: {history:#?}",
                        known.id, server.base_url
                    );
                    assert_eq!(
                        &known.limits, &expected.1,
                        "{} has other limits on {}: {history:#?}",
                        known.id, server.base_url
                    );
                }
            }
        }
        for server in &self.servers {
            for (id, is_revoked) in server.keys(&self.runtime) {
                assert!(
                    is_revoked || !revoked.contains(id.as_str()),
                    "{id} was revoked here but {} still accepts it: {history:#?}",
                    server.base_url
                );
            }
        }
        // Synced with every server: each key reported to its own server (and
        // still listed) is leaked, revoked, and its secret is gone.
        let listed = self.app.list_keys().unwrap();
        for id in &self.leaked {
            if let Some(key) = listed.iter().find(|key| &key.record.id == id) {
                assert_eq!(
                    json!(key.status),
                    json!("leaked"),
                    "{id} was reported found in public but isn't listed as leaked: {history:#?}"
                );
                assert!(
                    key.record.revoked_at.is_some(),
                    "{id} is leaked but not revoked here: {history:#?}"
                );
                assert!(
                    self.vault.read(id).is_err(),
                    "{id} is leaked and revoked, but its secret is still kept: {history:#?}"
                );
            }
        }
    }
}

fn build_app(
    root: &Path,
    folder: usize,
    vault: &Arc<dyn Vault>,
    clipboard: &MemoryClipboard,
    now: &Arc<Mutex<DateTime<Utc>>>,
    crash_at: &Arc<AtomicU8>,
) -> ToucanApp {
    let data = root.join(format!("data-{folder}"));
    let clock = now.clone();
    let crash_at = crash_at.clone();
    let keys = KeyManager::new(vault.clone(), FileRegistry::in_dir(&data))
        .with_clock(Arc::new(move || *clock.lock().unwrap()))
        .with_create_hook(Arc::new(move |step| {
            let at = crash_at.load(Ordering::SeqCst);
            if at != NO_CRASH && STEPS[at as usize] == step {
                std::panic::panic_any(SIMULATED_CRASH);
            }
        }));
    let workspace = Workspace::new(&root.join("config"), vault.clone()).with_timeouts(Timeouts {
        connect: Duration::from_millis(500),
        total: Duration::from_secs(3),
    });
    ToucanApp::from_parts(
        keys,
        &data,
        workspace,
        SettingsFile::in_dir(&root.join("config")),
        Box::new(clipboard.clone()),
        Box::new(FixedAnswer(true)),
    )
}

/// Every file under `dir`, with its bytes.
fn files_under(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else if let Ok(bytes) = std::fs::read(&path) {
            files.push((path, bytes));
        }
    }
    files
}

/// Runs `ops` from a fresh world, checking after each step and at the end.
fn run(ops: &[Op]) -> World {
    run_over(Arc::new(MemoryVault::new()), ops)
}

/// The same over `vault`.
fn run_over(vault: Arc<dyn Vault>, ops: &[Op]) -> World {
    let mut world = World::new(vault);
    for (n, op) in ops.iter().enumerate() {
        world.apply(op);
        world.check(&ops[..=n]);
    }
    world.settle_and_check(ops);
    world
}

/// The simulated crashes unwind through the app; their panic message is noise.
fn quiet_simulated_crashes() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info.payload().downcast_ref::<&str>() != Some(&SIMULATED_CRASH) {
            default(info);
        }
    }));
}

fn cases() -> u32 {
    std::env::var("TOUCAN_MODEL_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(32)
}

/// The real keychain's runs: fewer, and shorter (each step is a D-Bus call).
#[cfg(target_os = "linux")]
fn keychain_cases() -> u32 {
    (cases() / 8).max(3)
}

/// The real Secret Service, under a service of the run's own (removed at the end).
#[cfg(target_os = "linux")]
struct RunKeychain(Arc<toucan_keys_core::KeychainVault>);

#[cfg(target_os = "linux")]
impl RunKeychain {
    fn new() -> Self {
        keychain_testkit::require_test_keychain();
        let service = format!(
            "cloud.toucanai.keys.model-{}",
            toucan_keys_core::key_format::random_base62(8)
        );
        Self(Arc::new(toucan_keys_core::KeychainVault::new(service)))
    }
}

#[cfg(target_os = "linux")]
impl Drop for RunKeychain {
    fn drop(&mut self) {
        for id in self.0.key_ids().unwrap_or_default() {
            let _ = self.0.remove(&id);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        max_shrink_iters: 2000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_sequences_of_everything_keep_every_promise(ops in prop::collection::vec(op(), 1..40)) {
        quiet_simulated_crashes();
        run(&ops);
    }
}

#[cfg(target_os = "linux")]
proptest! {
    #![proptest_config(ProptestConfig {
        cases: keychain_cases(),
        max_shrink_iters: 200,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// The same over the real Secret Service (scripts/with-keychain.sh).
    #[test]
    fn random_sequences_over_the_real_keychain_keep_every_promise(ops in prop::collection::vec(op(), 1..25)) {
        quiet_simulated_crashes();
        let keychain = RunKeychain::new();
        run_over(keychain.0.clone(), &ops);
    }
}

// Sequences proptest found, shrunk, kept as plain tests.

/// A key list replaced by an empty one, a key made there, the app started:
/// the other list's secrets used to be deleted from the keychain.
#[test]
fn found_a_new_data_folder_and_one_key_made_there_lose_no_secret() {
    run(&[
        Op::Create { name: 0 },
        Op::Create { name: 1 },
        Op::UseDataFolder { folder: 1 },
        Op::Create { name: 2 },
        Op::UseDataFolder { folder: 1 },
        Op::RestoreFound { key: 0 },
        Op::Copy { key: 0 },
    ]);
}

/// A key registered with one server and revoked while connected to another
/// used to be "confirmed" by the other's 404, and kept working on its own.
#[test]
fn found_a_revocation_made_on_another_server_reaches_the_keys_own_server() {
    run(&[
        Op::Connect { server: 0 },
        Op::Create { name: 2 },
        Op::Connect { server: 1 },
        Op::Revoke { key: 0 },
        Op::Delete { key: 0 },
        Op::Sync,
    ]);
}

/// Found by the random test on the old code (case 19 of 150, shrunk): a key
/// made offline, registered by connecting to one server, then revoked and
/// deleted while on the other; the other's 404 "confirmed" it.
#[test]
fn found_a_key_registered_on_connect_is_revoked_on_its_server_after_a_switch() {
    run(&[
        Op::Create { name: 0 },
        Op::Connect { server: 1 },
        Op::Create { name: 0 },
        Op::Connect { server: 0 },
        Op::RevokeAndDelete { key: 0 },
    ]);
}

/// Found by the random test once origins joined it: a key limited to an
/// origin before any server knew it, its list lost, restored. (The origins
/// were only in the lost list; the model now expects what the restored record
/// says for a key no server knows, and the server's own for one it knows.)
#[test]
fn found_a_restored_key_no_server_knew_is_registered_as_restored() {
    run(&[
        Op::Create { name: 0 },
        Op::SetOrigins { key: 0, which: 1 },
        Op::UseDataFolder { folder: 1 },
        Op::Create { name: 0 },
        Op::RestoreFound { key: 0 },
    ]);
}

/// A key reported found in public to its own server (and to the other one,
/// which doesn't know it): the app marks it leaked at the next sync, revokes
/// it here, and its roll is made at once with no overlap.
#[test]
fn a_leak_reported_to_its_server_is_marked_and_rolled_at_once() {
    let world = run(&[
        Op::Connect { server: 0 },
        Op::Create { name: 0 },
        Op::LeakReported { key: 0, server: 1 },
        Op::Sync,
        Op::LeakReported { key: 0, server: 0 },
        Op::Sync,
        Op::Roll {
            key: 0,
            overlap: RollOverlap::Days7,
        },
    ]);
    let listed = world.app.list_keys().unwrap();
    let old = listed
        .iter()
        .find(|key| key.record.leak.is_some())
        .expect("the leaked key is listed");
    assert_eq!(json!(old.status), json!("leaked"));
    assert_eq!(
        old.record.leak.as_ref().unwrap().url.as_deref(),
        Some("https://github.com/octo-org/shop/blob/0123abc/.env")
    );
    let new = listed
        .iter()
        .find(|key| key.record.replaces == Some(old.record.id.clone()))
        .expect("rolled");
    assert_eq!(json!(new.status), json!("active"));
    assert!(
        old.record.expires_at.unwrap() <= new.record.created_at,
        "a leaked key gets no overlap"
    );
}

/// The same for a key its server knew: restoring it changes nothing there,
/// and the restored record takes the server's origins.
#[test]
fn found_a_restored_key_keeps_the_origins_its_server_enforces() {
    let world = run(&[
        Op::Connect { server: 0 },
        Op::Create { name: 0 },
        Op::SetOrigins { key: 0, which: 2 },
        Op::UseDataFolder { folder: 1 },
        Op::RestoreFound { key: 0 },
        Op::Sync,
    ]);
    let restored = &world.app.list_keys().unwrap()[0];
    assert_eq!(
        restored.record.allowed_origins,
        ["https://a.example", "https://b.example"]
    );
}

/// Found by the random test in CI (shrunk): a key made in one list, deleted as
/// a found key from another, then given origins back in the first list, where
/// it was still active with its secret missing. Connecting registered it with
/// a server: the deletion, which counts as a revocation, was undone.
#[test]
fn found_a_key_deleted_from_another_list_is_never_registered() {
    let world = run(&[
        Op::Create { name: 0 },
        Op::UseDataFolder { folder: 1 },
        Op::DeleteFound { key: 0 },
        Op::UseDataFolder { folder: 0 },
        Op::SetOrigins { key: 0, which: 0 },
    ]);
    let listed = world.app.list_keys().unwrap();
    assert_eq!(
        json!(listed[0].status),
        json!("revoked"),
        "the first list shows the deletion"
    );
}

/// The same for a revocation: a key restored in a second list and revoked
/// there stays revoked for the first list, which still showed it active.
#[test]
fn a_key_revoked_in_another_list_is_revoked_in_this_one() {
    let world = run(&[
        Op::Create { name: 0 },
        Op::UseDataFolder { folder: 1 },
        Op::RestoreFound { key: 0 },
        Op::Revoke { key: 0 },
        Op::UseDataFolder { folder: 0 },
        Op::Connect { server: 0 },
    ]);
    let listed = world.app.list_keys().unwrap();
    assert_eq!(
        json!(listed[0].status),
        json!("revoked"),
        "the first list shows the revocation"
    );
}

/// Found by the random test in CI (shrunk): a key made in one list with
/// limits, restored in a second (where its limits are unknown: full access),
/// then the first list used again. No server knew it: the list in use
/// registers it with what it says.
#[test]
fn found_a_key_two_lists_disagree_on_is_registered_as_the_list_in_use_says() {
    run(&[
        Op::Create { name: 1 },
        Op::UseDataFolder { folder: 1 },
        Op::Create { name: 0 },
        Op::RestoreFound { key: 0 },
        Op::Create { name: 0 },
        Op::UseDataFolder { folder: 0 },
    ]);
}
