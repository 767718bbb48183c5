//! The server as scripts start it: `--port 0 --print-json` gives one JSON
//! line with its address and where the new account token is (a private
//! file), and the token itself never goes down the pipe.

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
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
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
