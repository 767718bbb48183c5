//! `toucan-embed-server [--data-dir DIR] [--port PORT] [--requests-per-minute N]`:
//! serves on 127.0.0.1.
//! `toucan-embed-server [--data-dir DIR] --rotate-account-token`: replaces the
//! account token and exits; `--rotate-signing-key` makes a new token-signing
//! key (the old one stays accepted until its tokens expire) and exits.
//! A new account token is printed once on a terminal, or written to a 0600
//! file in the data folder when the output is a log (`hand_over_account_token`).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use toucan_embed_server::{ServerConfig, hand_over_account_token, open, rotate_account_token, router};

#[tokio::main]
async fn main() {
    let mut data_dir = PathBuf::from("toucan-server-data");
    let mut port: u16 = 8787;
    let mut config = ServerConfig::default();
    let mut rotate = false;
    let mut rotate_signing = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--rotate-account-token" => rotate = true,
            "--rotate-signing-key" => rotate_signing = true,
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
    if let Some(token) = &opened.new_account_token {
        hand_over(token, &data_dir);
    }
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("Can't listen on 127.0.0.1:{port}: {error}");
            std::process::exit(1);
        }
    };
    println!(
        "Toucan embed-token server on http://{} (data in {})",
        listener.local_addr().unwrap(),
        data_dir.display()
    );
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

fn usage() -> ! {
    eprintln!(
        "usage: toucan-embed-server [--data-dir DIR] [--port PORT] [--requests-per-minute N]\n       toucan-embed-server [--data-dir DIR] --rotate-account-token\n       toucan-embed-server [--data-dir DIR] --rotate-signing-key"
    );
    std::process::exit(2);
}
