//! Updates, against a local feed on 127.0.0.1: a release signed with a
//! throwaway key made here, its `latest.json` written by the same script the
//! release workflow runs (scripts/updater-feed.py), read by Tauri's updater
//! plugin inside the app (mock runtime). A newer version is offered and its
//! signature verifies; a release signed with another key, or whose feed
//! announces another version than the one signed, is refused with the message
//! the person sees. Installing a .deb needs root and a password prompt
//! (pkexec), which can't be answered here: see README, "Updates".

mod support;

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::json;
use tauri::App;
use tauri::test::{MockRuntime, mock_builder};
use tauri_plugin_updater::UpdaterExt;
use toucan_keys_app::updates;
use toucan_keys_core::CoreError;
use toucan_keys_core::updates::UpdateError;

/// The update signing key of a release: made here, thrown away afterwards.
struct SigningKey {
    public: minisign::PublicKey,
    secret: minisign::SecretKey,
}

impl SigningKey {
    fn new() -> Self {
        let pair = minisign::KeyPair::generate_unencrypted_keypair().unwrap();
        Self {
            public: pair.pk,
            secret: pair.sk,
        }
    }

    /// The public key as the app's configuration holds it (as `tauri signer` prints it).
    fn public_for_config(&self) -> String {
        BASE64.encode(self.public.to_box().unwrap().to_string())
    }

    /// A `.sig` file's content for `bytes`, signed for `version` as the Tauri bundler does.
    fn sign(&self, bytes: &[u8], file: &str, version: &str) -> String {
        let trusted = format!("timestamp:1764000000\tfile:{file}\tversion:{version}");
        let signature = minisign::sign(
            Some(&self.public),
            &self.secret,
            Cursor::new(bytes),
            Some(&trusted),
            Some("signature from tauri secret key"),
        )
        .unwrap();
        BASE64.encode(signature.to_string())
    }
}

/// A release folder served on 127.0.0.1, counting the requests it gets.
struct Feed {
    folder: tempfile::TempDir,
    url: String,
    requests: Arc<AtomicUsize>,
    _runtime: tokio::runtime::Runtime,
}

impl Feed {
    fn serve() -> Self {
        let folder = tempfile::tempdir().unwrap();
        let root: PathBuf = folder.path().to_owned();
        let requests = Arc::new(AtomicUsize::new(0));
        let counter = requests.clone();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let files = axum::Router::new().route(
            "/{file}",
            axum::routing::get(move |axum::extract::Path(file): axum::extract::Path<String>| {
                counter.fetch_add(1, Ordering::SeqCst);
                let path = root.join(file);
                async move {
                    match std::fs::read(path) {
                        Ok(bytes) => (axum::http::StatusCode::OK, bytes),
                        Err(_) => (axum::http::StatusCode::NOT_FOUND, Vec::new()),
                    }
                }
            }),
        );
        runtime.spawn(async move { axum::serve(listener, files).await.unwrap() });
        Self {
            folder,
            url,
            requests,
            _runtime: runtime,
        }
    }

    fn latest_json(&self) -> String {
        format!("{}/latest.json", self.url)
    }

    /// Puts a signed .deb of `version` in the folder and writes the feed
    /// announcing `announced` with scripts/updater-feed.py.
    fn publish(&self, key: &SigningKey, version: &str, announced: &str) -> Vec<u8> {
        let file = format!("toucan-keys_{version}_amd64.deb");
        let bytes = format!("the {version} package").into_bytes();
        std::fs::write(self.folder.path().join(&file), &bytes).unwrap();
        std::fs::write(
            self.folder.path().join(format!("{file}.sig")),
            key.sign(&bytes, &file, version),
        )
        .unwrap();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/updater-feed.py");
        let output = std::process::Command::new("python3")
            .arg(script)
            .args(["--version", announced, "--notes", "Faster start-up."])
            .args(["--base-url", &self.url])
            .arg(self.folder.path())
            .output()
            .expect("python3 runs the feed script");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        std::fs::write(self.folder.path().join("latest.json"), &output.stdout).unwrap();
        bytes
    }
}

/// The app, with the updater configured as the release workflow does it when
/// `feed` is given (plain HTTP is allowed only because the feed is on loopback).
fn app(feed: Option<&str>, public_key: &str) -> App<MockRuntime> {
    let mut context = tauri::generate_context!();
    if let Some(feed) = feed {
        context.config_mut().plugins.0.insert(
            "updater".into(),
            json!({
                "pubkey": public_key,
                "endpoints": [feed],
                "requireSignedVersion": true,
                "dangerousInsecureTransportProtocol": true
            }),
        );
    }
    let config = context.config().clone();
    updates::with_updater(toucan_keys_app::with_commands(mock_builder()), &config)
        .build(context)
        .unwrap()
}

/// Checks the feed for the .deb build's entry, then downloads and verifies.
fn check_and_download(app: &App<MockRuntime>) -> (updates::UpdateCheck, Result<Vec<u8>, UpdateError>) {
    let handle = app.handle().clone();
    tauri::async_runtime::block_on(async move {
        let updater = handle.updater_builder().target("linux-x86_64-deb").build().unwrap();
        let check = updates::check_with(&handle, &updater).await.expect("the feed is read");
        let download = updates::download_verified(&handle).await.map(|(_, bytes)| bytes);
        (check, download)
    })
}

#[test]
fn a_newer_signed_version_is_offered_and_its_signature_verifies() {
    let feed = Feed::serve();
    let key = SigningKey::new();
    let package = feed.publish(&key, "0.2.0", "0.2.0");
    let app = app(Some(&feed.latest_json()), &key.public_for_config());

    let (check, download) = check_and_download(&app);
    assert!(check.feed_configured);
    let offer = check.offer.expect("0.2.0 is offered");
    assert_eq!(offer.version, "0.2.0");
    assert_eq!(offer.current_version, env!("CARGO_PKG_VERSION"));
    assert_eq!(offer.notes.as_deref(), Some("Faster start-up."));
    assert!(offer.published.is_some());
    assert_eq!(download.expect("the signature verifies"), package);
}

#[test]
fn a_release_signed_with_another_key_is_refused() {
    let feed = Feed::serve();
    let ours = SigningKey::new();
    let attacker = SigningKey::new();
    feed.publish(&attacker, "0.2.0", "0.2.0");
    let app = app(Some(&feed.latest_json()), &ours.public_for_config());

    let (check, download) = check_and_download(&app);
    assert_eq!(check.offer.expect("the feed offers it").version, "0.2.0");
    let error = download.expect_err("a foreign signature is refused");
    assert_eq!(error, UpdateError::SignatureInvalid);
    let shown = serde_json::to_value(CoreError::from(error)).unwrap();
    assert_eq!(shown["code"], "update_signature_invalid");
    assert_eq!(
        shown["message"],
        "This update isn't signed by Toucan AI, so it was not installed. Your current version keeps working. \
         If this happens again, download Toucan Keys from toucanai.cloud."
    );
}

#[test]
fn a_feed_announcing_another_version_than_the_signed_one_is_refused() {
    // A tampered feed pairs a higher version number with a genuine older release.
    let feed = Feed::serve();
    let key = SigningKey::new();
    feed.publish(&key, "0.2.0", "9.0.0");
    let app = app(Some(&feed.latest_json()), &key.public_for_config());

    let (check, download) = check_and_download(&app);
    assert_eq!(check.offer.unwrap().version, "9.0.0");
    assert_eq!(download.unwrap_err(), UpdateError::SignatureInvalid);
}

#[test]
fn the_running_version_is_not_offered_again() {
    let feed = Feed::serve();
    let key = SigningKey::new();
    feed.publish(&key, env!("CARGO_PKG_VERSION"), env!("CARGO_PKG_VERSION"));
    let app = app(Some(&feed.latest_json()), &key.public_for_config());

    let (check, download) = check_and_download(&app);
    assert!(check.offer.is_none());
    assert_eq!(download.unwrap_err(), UpdateError::NothingToInstall);
}

#[test]
fn without_a_feed_nothing_is_asked_of_the_network() {
    let feed = Feed::serve();
    let key = SigningKey::new();
    feed.publish(&key, "0.2.0", "0.2.0");
    let served_before = feed.requests.load(Ordering::SeqCst);
    let app = app(None, "");

    let handle = app.handle().clone();
    let check = tauri::async_runtime::block_on(async move { updates::check(&handle).await }).unwrap();
    assert!(!check.feed_configured);
    assert!(check.offer.is_none());
    assert_eq!(feed.requests.load(Ordering::SeqCst), served_before);
    let committed: tauri::Context<MockRuntime> = tauri::generate_context!();
    assert!(
        !updates::feed_configured(committed.config()),
        "the committed configuration has no feed: only release builds check"
    );
}

/// Calls `cmd` as the page would, through the main window's IPC.
fn invoke(app: &App<MockRuntime>, cmd: &str) -> Result<serde_json::Value, serde_json::Value> {
    use tauri::Manager;
    let window = match app.get_webview_window("main") {
        Some(window) => window,
        None => tauri::WebviewWindowBuilder::new(app, "main", Default::default())
            .build()
            .unwrap(),
    };
    support::invoke(&window, cmd, json!({}))
}

#[test]
fn the_page_reaches_updates_only_through_the_apps_own_commands() {
    let feed = Feed::serve();
    let key = SigningKey::new();
    feed.publish(&key, "0.2.0", "0.2.0");
    let app = app(Some(&feed.latest_json()), &key.public_for_config());

    for plugin_command in [
        "plugin:updater|check",
        "plugin:updater|download_and_install",
        "plugin:updater|install",
    ] {
        let refused = invoke(&app, plugin_command).unwrap_err().to_string();
        assert!(
            refused.contains("not allowed"),
            "{plugin_command} was not refused: {refused}"
        );
    }
    // The app's own check, as an unbundled build: the feed has no entry it
    // can install (only the .deb), which is said as such.
    let error = invoke(&app, "check_for_update").unwrap_err();
    assert_eq!(error["code"], "update_bad_feed");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("current version keeps working")
    );
}
