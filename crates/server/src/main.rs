//! `toucan-embed-server [--data-dir DIR] [--port PORT] [--requests-per-minute N]`:
//! serves on 127.0.0.1.
//! `toucan-embed-server [--data-dir DIR] --rotate-account-token`: replaces the
//! account token and exits; `--rotate-signing-key` makes a new token-signing
//! key (the old one stays accepted until its tokens expire) and exits.
//! A new account token is printed once on a terminal, or written to a 0600
//! file in the data folder when the output is a log (`hand_over_account_token`).
//! With `--print-json`, standard output carries one JSON line for scripts once
//! the server listens: `{"address", "dataDir", "accountTokenFile"}` (the file
//! holds a new account token, 0600; `null` when the data folder had one), and
//! every message for people goes to standard error. `--port 0` picks a free port.
//! Logs go to standard error; `TOUCAN_EMBED_LOG=debug` (or trace, warn, error)
//! sets how much (info by default).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use toucan_embed_server::{
    ACCOUNT_TOKEN_FILE, ServerConfig, hand_over_account_token, open, rotate_account_token, router,
};

#[tokio::main]
async fn main() {
    start_logging();
    let mut data_dir = PathBuf::from("toucan-server-data");
    let mut port: u16 = 8787;
    let mut config = ServerConfig::default();
    let mut rotate = false;
    let mut rotate_signing = false;
    let mut print_json = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--rotate-account-token" => rotate = true,
            "--rotate-signing-key" => rotate_signing = true,
            "--print-json" => print_json = true,
            "--data-dir" => data_dir = args.next().map(PathBuf::from).unwrap_or_else(|| usage()),
            "--port" => port = args.next().and_then(|p| p.parse().ok()).unwrap_or_else(|| usage()),
            "--requests-per-minute" => {
                config.requests_per_minute = args.next().and_then(|n| n.parse().ok()).unwrap_or_else(|| usage())
            }
            _ => usage(),
        }
    }
    if rotate_signing {
        match toucan_embed_server::rotate_signing_key(&data_dir, chrono::Utc::now().timestamp()) {
            Ok(rotation) => {
                println!(
                    "New signing key: {}. It signs tokens from the server's next start.",
                    rotation.new_kid
                );
                println!(
                    "Still accepted until their tokens expire (24 hours at most): {}",
                    if rotation.still_accepted.is_empty() {
                        "none".to_owned()
                    } else {
                        rotation.still_accepted.join(", ")
                    }
                );
                return;
            }
            Err(error) => {
                eprintln!("Can't open the data folder {}: {error}", data_dir.display());
                std::process::exit(1);
            }
        }
    }
    if rotate {
        match rotate_account_token(&data_dir) {
            Ok(token) => {
                hand_over(&token, &data_dir);
                println!("The previous account token no longer works. Connect the app again with the new one.");
                return;
            }
            Err(error) => {
                eprintln!("Can't open the data folder {}: {error}", data_dir.display());
                std::process::exit(1);
            }
        }
    }
    let opened = match open(&data_dir, config) {
        Ok(opened) => opened,
        Err(error) => {
            eprintln!("Can't open the data folder {}: {error}", data_dir.display());
            std::process::exit(1);
        }
    };
    let token_file = match &opened.new_account_token {
        Some(token) if print_json => {
            // Machines get a private file, never the token itself on a pipe.
            if let Err(error) = hand_over_account_token(token, &data_dir, false) {
                eprintln!("Can't write the account token into {}: {error}", data_dir.display());
                std::process::exit(1);
            }
            Some(data_dir.join(ACCOUNT_TOKEN_FILE))
        }
        Some(token) => {
            hand_over(token, &data_dir);
            None
        }
        None => None,
    };
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("Can't listen on 127.0.0.1:{port}: {error}");
            std::process::exit(1);
        }
    };
    let address = format!("http://{}", listener.local_addr().unwrap());
    if print_json {
        let ready = serde_json::json!({
            "address": address,
            "dataDir": data_dir,
            "accountTokenFile": token_file,
        });
        println!("{ready}");
    } else {
        println!(
            "Toucan embed-token server on {address} (data in {})",
            data_dir.display()
        );
    }
    tracing::info!(%address, "listening");
    toucan_embed_server::spawn_token_pruning(opened.state.clone());
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let limits = toucan_embed_server::serve::ConnectionLimits::default();
    if let Err(error) = toucan_embed_server::serve::serve(listener, router(opened.state), limits, shutdown).await {
        eprintln!("The server stopped: {error}");
        std::process::exit(1);
    }
}

/// Prints the new account token on a terminal, or writes it to a private file.
fn hand_over(token: &str, data_dir: &Path) {
    match hand_over_account_token(token, data_dir, std::io::stdout().is_terminal()) {
        Ok(line) => println!("{line}"),
        Err(error) => {
            eprintln!("Can't write the account token into {}: {error}", data_dir.display());
            std::process::exit(1);
        }
    }
}

/// Logs to standard error, at the level `TOUCAN_EMBED_LOG` names (info by default).
fn start_logging() {
    let level = std::env::var("TOUCAN_EMBED_LOG")
        .ok()
        .and_then(|level| level.parse::<tracing::Level>().ok())
        .unwrap_or(tracing::Level::INFO);
    tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
}

fn usage() -> ! {
    eprintln!(
        "usage: toucan-embed-server [--data-dir DIR] [--port PORT] [--requests-per-minute N] [--print-json]\n       toucan-embed-server [--data-dir DIR] --rotate-account-token\n       toucan-embed-server [--data-dir DIR] --rotate-signing-key"
    );
    std::process::exit(2);
}
