//! "Use this key in code": the snippets the app shows are run as a developer
//! would run them (curl, Node.js, Python, Go), against the real server on
//! 127.0.0.1, with the key only in `TOUCAN_API_KEY`. Each must print a token
//! that the server's introspection accepts. The key is limited to one web
//! address, so a snippet that leaves out its page's origin fails.

#![cfg(not(toucan_no_sdk))]
// It runs sh, node, python3 and go, as a developer on Linux or macOS would.
#![cfg(not(windows))]

#[path = "../../server/tests/support/mod.rs"]
mod support;

use std::process::Command;

use serde_json::json;
use toucan_embed_server::local::LocalServer;
use toucan_keys_core::key_format;
use toucan_keys_core::snippets::{EXAMPLE_ORIGIN, KEY_VARIABLE, SnippetLanguage, snippets};

/// The file name a developer would save a snippet as, and how they would run it.
fn runner(language: SnippetLanguage, dir: &std::path::Path) -> (std::path::PathBuf, Command) {
    let (name, program, first_args): (&str, &str, &[&str]) = match language {
        SnippetLanguage::Curl => ("token.sh", "sh", &[]),
        SnippetLanguage::Node => ("token.mjs", "node", &[]),
        SnippetLanguage::Python => ("token.py", "python3", &[]),
        SnippetLanguage::Go => ("main.go", "go", &["run"]),
    };
    let file = dir.join(name);
    let mut command = Command::new(program);
    command.args(first_args).arg(&file);
    // Go keeps its build cache in the test's folder, not in the home folder.
    command.env("GOCACHE", dir.join("go-cache"));
    (file, command)
}

#[tokio::test]
async fn the_snippets_get_a_token_with_the_key_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let server = LocalServer::start(dir.path(), support::config().await).await.unwrap();
    let key = key_format::generate();
    let http = reqwest::Client::new();
    let registered = http
        .post(format!("{}/api/keys", server.base_url))
        .bearer_auth(server.account_token())
        .json(
            &json!({ "id": "key_snippetsnippet01", "name": "Snippets", "fingerprint": key.fingerprint(),
                       "allowedOrigins": [EXAMPLE_ORIGIN] }),
        )
        .send()
        .await
        .unwrap();
    assert!(registered.status().is_success());

    let mut ran = Vec::new();
    for snippet in snippets(Some(&server.base_url)) {
        assert!(!snippet.code.contains(key.expose_secret()));
        let (file, mut command) = runner(snippet.language, dir.path());
        std::fs::write(&file, &snippet.code).unwrap();
        let secret = key.expose_secret().to_owned();
        let output = tokio::task::spawn_blocking(move || command.env(KEY_VARIABLE, secret).output())
            .await
            .unwrap()
            .unwrap_or_else(|e| panic!("{} can't be run: {e}", snippet.label));
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "{}: {}\n{}",
            snippet.label,
            stdout,
            String::from_utf8_lossy(&output.stderr)
        );
        // curl prints the server's JSON; the programs print the token.
        let token = match serde_json::from_str::<serde_json::Value>(stdout.trim()) {
            Ok(reply) => reply["token"].as_str().unwrap_or_default().to_owned(),
            Err(_) => stdout.trim().to_owned(),
        };
        let introspected: serde_json::Value = http
            .post(format!("{}/embed/introspect", server.base_url))
            .header("x-api-key", key.expose_secret())
            .json(&json!({ "token": token, "origin": EXAMPLE_ORIGIN }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(introspected["active"], true, "{}: {stdout}", snippet.label);
        assert_eq!(introspected["claims"]["sub"], "user-42");
        ran.push(snippet.label);
    }
    assert_eq!(ran, ["curl", "Node.js", "Python", "Go"]);
}
