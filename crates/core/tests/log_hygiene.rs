//! The whole flow with every log line captured at trace level, from every
//! crate (the HTTP client's included): no key, no account token and no
//! session token ever appears in the log, while the use cases do.
#![cfg(not(toucan_no_sdk))] // needs the embed server (see Cargo.toml)

use std::io::Write;
use std::sync::{Arc, Mutex};

use toucan_embed_server::local::BackgroundServer;
use toucan_keys_core::clipboard::MemoryClipboard;
use toucan_keys_core::workspace::{FixedAnswer, TokenRequest};
use toucan_keys_core::{Expiry, Host, MemoryVault, ToucanApp};

/// Where the subscriber writes: one shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn nothing_secret_is_ever_logged() {
    let captured = Captured::default();
    let writer = captured.clone();
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .init();

    let dirs = tempfile::tempdir().unwrap();
    let server = BackgroundServer::start(&dirs.path().join("server")).unwrap();
    let host = Host {
        vault: Arc::new(MemoryVault::new()),
        clipboard: Box::new(MemoryClipboard::default()),
        confirm: Box::new(FixedAnswer(true)),
    };
    let app = ToucanApp::new(host, &dirs.path().join("data"), &dirs.path().join("config"));
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let account = server.server.account_token().to_owned();
    let request: TokenRequest = serde_json::from_value(serde_json::json!({
        "distinctId": "user-42", "role": "maker", "attributes": [{ "name": "region", "value": "EMEA" }],
        "permissions": [{ "resource": "dashboard", "level": "can_view" }], "lifetimeMinutes": 60,
    }))
    .unwrap();

    let (secret, token) = runtime.block_on(async {
        app.connect_workspace(server.server.base_url.clone(), account.clone())
            .await
            .unwrap();
        let created = app
            .create_key("Logged".into(), Expiry::Days30, Vec::new(), Default::default())
            .await
            .unwrap();
        let id = created.key.record.id.clone();
        let secret = serde_json::to_value(&created).unwrap()["secret"]
            .as_str()
            .unwrap()
            .to_owned();
        app.copy_key(id.clone()).unwrap();
        let token = app.generate_token(id.clone(), request).await.unwrap();
        app.copy_token().unwrap();
        app.sync_workspace().await.unwrap();
        app.revoke_key(id.clone()).await.unwrap();
        app.delete_key(id).await.unwrap();
        app.disconnect_workspace().unwrap();
        (secret, token.token.clone())
    });

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    for use_case in [
        "connect_workspace",
        "create_key",
        "copy_key",
        "generate_token",
        "revoke_key",
        "delete_key",
    ] {
        assert!(log.contains(use_case), "the log doesn't show {use_case}");
    }
    assert!(log.contains("TRACE"), "the log wasn't captured at trace level");
    for (what, text) in [
        ("the key", &secret[4..]),
        ("the account token", &account[4..]),
        ("the session token's signature", token.rsplit('.').next().unwrap()),
        ("the session token's claims", token.split('.').nth(1).unwrap()),
    ] {
        assert!(!log.contains(text), "{what} is in the log");
    }
}
