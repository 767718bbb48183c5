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
    #[cfg(target_os = "linux")]
    assert!(
        std::fs::read_to_string(format!("/proc/{}/limits", child.id()))
            .unwrap()
            .lines()
            .any(|line| line.starts_with("Max core file size") && line.split_whitespace().nth(4) == Some("0")),
        "the server must turn core dumps off"
    );
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

/// SIGTERM the moment the server says it is ready (as a script or `docker stop`
/// may) still stops it cleanly: the server listens for it before saying so.
/// It used to start listening only once serving began, and a SIGTERM in
/// between ended it as the signal's default does (seen in CI, under load).
#[cfg(unix)]
#[test]
fn sigterm_as_soon_as_ready_stops_cleanly() {
    for _ in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_toucan-embed-server"))
            .args(["--port", "0", "--print-json", "--data-dir"])
            .arg(dir.path().join("data"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        ready_line(&mut child);
        let status = terminate(&mut child);
        assert!(status.success(), "a SIGTERM right after the ready line: {status}");
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
    let key = toucan_keys_protocol::key_format::generate();
    let secret = toucan_keys_protocol::ExposeSecret::expose_secret(&key).to_owned();
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

    let status = terminate(&mut child);
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
/// Sends SIGTERM (what `docker stop` and systemd send) and waits for the end.
#[cfg(unix)]
fn terminate(child: &mut std::process::Child) -> std::process::ExitStatus {
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    child.wait().unwrap()
}

fn ready_line(child: &mut std::process::Child) -> String {
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    line
}

/// The account-token file is only a hand-over: once it is deleted, the server
/// starts again in the same folder and still accepts the token.
#[tokio::test]
async fn the_account_token_file_can_be_deleted_once_read() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let start = || {
        Command::new(env!("CARGO_BIN_EXE_toucan-embed-server"))
            .args(["--port", "0", "--print-json", "--data-dir"])
            .arg(&data)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut first = start();
    let ready: serde_json::Value = serde_json::from_str(&ready_line(&mut first)).unwrap();
    let token_file = std::path::PathBuf::from(ready["accountTokenFile"].as_str().unwrap());
    let token = std::fs::read_to_string(&token_file).unwrap().trim().to_owned();
    first.kill().unwrap();
    first.wait().unwrap();
    std::fs::remove_file(&token_file).unwrap();

    let mut second = start();
    let ready: serde_json::Value = serde_json::from_str(&ready_line(&mut second)).unwrap();
    let base = ready["address"].as_str().unwrap().to_owned();
    let listed = reqwest::Client::new()
        .get(format!("{base}/api/keys"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .status();
    second.kill().unwrap();
    second.wait().unwrap();
    assert_eq!(listed, 200, "the token stopped working once its file was deleted");
    assert!(!token_file.exists(), "the server wrote the token again");
}

/// A database address with a password is refused on the command line, where
/// every local user can read it (`ps`); the environment or a file is the way.
#[test]
fn a_database_password_on_the_command_line_is_refused() {
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_toucan-embed-server"))
            .args(args)
            .env_remove("TOUCAN_EMBED_DATABASE_URL")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .unwrap()
    };
    for address in [
        "postgres://toucan:s3cret@db.example/toucan",
        "host=db.example user=toucan password=s3cret",
    ] {
        let refused = run(&["--database-url", address, "--port", "0"]);
        assert_eq!(refused.status.code(), Some(2), "{address}");
        let said = String::from_utf8_lossy(&refused.stderr);
        assert!(
            said.contains("TOUCAN_EMBED_DATABASE_URL") && said.contains("--database-url-file"),
            "{said}"
        );
        assert!(!said.contains("s3cret"), "the password was printed: {said}");
    }
    let missing = run(&["--database-url-file", "/nonexistent/toucan-db-url", "--port", "0"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("Can't read the database address"));
}
