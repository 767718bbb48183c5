//! The server as scripts start it: `--port 0 --print-json` gives one JSON
//! line with its address and where the new account token is (a private
//! file), and the token itself never goes down the pipe.

mod support;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

#[test]
fn print_json_names_the_address_and_the_private_token_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut child = Command::new(env!("CARGO_BIN_EXE_toucan-embed-server"))
        .args(["--port", "0", "--print-json", "--data-dir"])
        .arg(&data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let line = ready_line(&mut child);
    child.kill().unwrap();
    child.wait().unwrap();

    let ready: serde_json::Value = serde_json::from_str(&line).unwrap();
    let address = ready["address"].as_str().unwrap();
    assert!(
        address.starts_with("http://127.0.0.1:") && !address.ends_with(":0"),
        "{address}"
    );
    let token_file = std::path::PathBuf::from(ready["accountTokenFile"].as_str().unwrap());
    let token = std::fs::read_to_string(&token_file).unwrap();
    assert!(token.trim().starts_with("tka_"));
    assert!(!line.contains(token.trim()), "the token went down the pipe");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&token_file).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}

/// SIGTERM (what `docker stop` and systemd send) writes the "last used"
/// times still in memory before the process ends, and every log line is a
/// JSON object with no key, token or account token in it, even at trace level.
#[cfg(unix)]
#[tokio::test]
async fn sigterm_writes_what_is_pending_and_logs_are_json_without_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let log = dir.path().join("server.log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_toucan-embed-server"))
        .args([
            "--port",
            "0",
            "--print-json",
            "--log-format",
            "json",
            "--write-uses-every",
            "3600",
            "--data-dir",
        ])
        .arg(&data)
        .env("TOUCAN_EMBED_LOG", "trace")
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let line = ready_line(&mut child);
    let ready: serde_json::Value = serde_json::from_str(&line).unwrap();
    let base = ready["address"].as_str().unwrap().to_owned();
    let account = std::fs::read_to_string(ready["accountTokenFile"].as_str().unwrap()).unwrap();
    let account = account.trim();

    let http = reqwest::Client::new();
    let key = toucan_keys_core::key_format::generate();
    let secret = toucan_keys_core::ExposeSecret::expose_secret(&key).to_owned();
    let registered = http
        .post(format!("{base}/api/keys"))
        .bearer_auth(account)
        .json(&serde_json::json!({ "id": "key_sigterm", "name": "Stopping", "fingerprint": key.fingerprint() }))
        .send()
        .await
        .unwrap();
    assert_eq!(registered.status(), 201);
    let body = serde_json::json!({ "user": { "distinctId": "u-1", "role": "explorer" } });
    let issued: serde_json::Value = support::json_of(
        http.post(format!("{base}/embed/generate-token"))
            .header("x-api-key", &secret)
            .json(&body),
    )
    .await;
    let token = issued["token"].as_str().unwrap().to_owned();
    let refused = http
        .post(format!("{base}/embed/generate-token"))
        .header("x-api-key", format!("{secret}x"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 401);

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "the server didn't stop cleanly: {status}");

    let database = rusqlite::Connection::open(data.join("server.sqlite3")).unwrap();
    let last_used: Option<i64> = database
        .query_row("SELECT last_used_at FROM keys WHERE id = 'key_sigterm'", [], |row| {
            row.get(0)
        })
        .unwrap();
    assert!(last_used.is_some(), "the use made before SIGTERM was lost");

    let text = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|_| panic!("not a JSON line: {line}")))
        .collect();
    assert!(
        lines
            .iter()
            .all(|line| line["level"].is_string() && line["timestamp"].is_string())
    );
    assert!(
        lines.iter().any(|line| line["message"] == "request"),
        "requests are logged at debug: {text}"
    );
    assert!(
        lines.iter().any(|line| line["code"] == "invalid_key"),
        "refusals are logged: {text}"
    );
    assert!(lines.iter().any(|line| line["message"] == "stopped"), "{text}");
    let key_body = &secret[4..];
    for (secret, what) in [
        (key_body, "a key"),
        (token.as_str(), "a token"),
        (account, "the account token"),
    ] {
        assert!(!text.contains(secret), "{what} is in the log");
    }
}

/// The one JSON line `--print-json` writes once the server listens.
fn ready_line(child: &mut std::process::Child) -> String {
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    line
}
