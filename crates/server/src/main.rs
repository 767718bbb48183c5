//! `toucan-embed-server [OPTIONS]`: serves the embed and account APIs.
//!
//! Options:
//! - `--data-dir DIR`: the data folder (SQLite database, account-token file);
//!   `toucan-server-data` by default.
//! - `TOUCAN_EMBED_DATABASE_URL` (or `--database-url-file FILE`): use a shared
//!   PostgreSQL database instead of SQLite, so several servers can serve one
//!   workspace; `sslmode=verify-full` (with `sslrootcert=<CA file>`) or
//!   `require` for TLS. `--database-url URL` works too, but refuses an address
//!   with a password: a command line is visible to every local user (`ps`).
//! - `--host ADDRESS` (127.0.0.1 by default; 0.0.0.0 in a container) and
//!   `--port PORT` (8787; 0 picks a free one).
//! - `--requests-per-minute N`: per key, per server process (600).
//! - `--max-token-lifetime SECONDS`: the longest lifetime a request may ask
//!   for, 60 to 86400 (86400).
//! - `--encrypt-tokens`: issue encrypted tokens (JWE, A256GCM, around the
//!   signed token); the key is written to `token-encryption-key.jwk` (0600) in
//!   the data folder, for the host that must read them.
//! - `--write-uses-every SECONDS`: how often keys' "last used" times are
//!   written (2); also at a clean stop and before `GET /api/keys` answers.
//! - `--log-format json|text`: JSON lines unless standard error is a terminal;
//!   `TOUCAN_EMBED_LOG=debug` (or trace, info, warn, error) sets how much.
//! - `--print-json`: standard output carries one JSON line for scripts once
//!   the server listens: `{"address", "dataDir", "accountTokenFile"}` (the file
//!   holds a new account token, 0600; `null` when the database had one).
//!
//! `--rotate-account-token` replaces the account token and exits;
//! `--rotate-signing-key` makes a new token-signing key (the old one stays
//! accepted until its tokens expire) and exits; `--rotate-encryption-key`
//! does the same for the token-encryption key (the old one still decrypts). A new account token is printed
//! once on a terminal, or written to a 0600 file in the data folder when the
//! output is a log (`hand_over_account_token`). SIGTERM or Ctrl+C stop the
//! server after the requests under way, writing what was pending.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use toucan_embed_server::logging::{self, LogFormat};
use toucan_embed_server::{
    ACCOUNT_TOKEN_FILE, ServerConfig, hand_over_account_token, open, rotate_account_token, router, token_request,
};

struct Options {
    data_dir: PathBuf,
    host: String,
    port: u16,
    config: ServerConfig,
    rotate_account: bool,
    rotate_signing: bool,
    rotate_encryption: bool,
    print_json: bool,
    log_format: LogFormat,
}

fn options() -> Options {
    let mut options = Options {
        data_dir: PathBuf::from("toucan-server-data"),
        host: "127.0.0.1".to_owned(),
        port: 8787,
        config: ServerConfig {
            database_url: std::env::var("TOUCAN_EMBED_DATABASE_URL")
                .ok()
                .filter(|url| !url.is_empty()),
            ..ServerConfig::default()
        },
        rotate_account: false,
        rotate_signing: false,
        rotate_encryption: false,
        print_json: false,
        log_format: LogFormat::for_stderr(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match arg.as_str() {
            "--rotate-account-token" => options.rotate_account = true,
            "--rotate-signing-key" => options.rotate_signing = true,
            "--rotate-encryption-key" => options.rotate_encryption = true,
            "--print-json" => options.print_json = true,
            "--encrypt-tokens" => options.config.encrypt_tokens = true,
            "--data-dir" => options.data_dir = PathBuf::from(value()),
            "--database-url" => {
                let url = value();
                if toucan_embed_server::store::postgres_tls::has_password(&url) {
                    eprintln!(
                        "The database address on the command line holds a password, which every user of this computer can read (ps, /proc). Put the address in TOUCAN_EMBED_DATABASE_URL, or in a file only this user can read named with --database-url-file."
                    );
                    std::process::exit(2);
                }
                options.config.database_url = Some(url);
            }
            "--database-url-file" => {
                let file = value();
                match std::fs::read_to_string(&file) {
                    Ok(url) if !url.trim().is_empty() => options.config.database_url = Some(url.trim().to_owned()),
                    Ok(_) => {
                        eprintln!("{file} holds no database address.");
                        std::process::exit(2);
                    }
                    Err(error) => {
                        eprintln!("Can't read the database address from {file}: {error}");
                        std::process::exit(2);
                    }
                }
            }
            "--host" => options.host = value(),
            "--port" => options.port = value().parse().unwrap_or_else(|_| usage()),
            "--requests-per-minute" => options.config.requests_per_minute = value().parse().unwrap_or_else(|_| usage()),
            "--max-token-lifetime" => {
                options.config.max_token_lifetime_seconds = value()
                    .parse()
                    .ok()
                    .filter(|seconds| token_request::LIFETIME_RANGE.contains(seconds))
                    .unwrap_or_else(|| usage())
            }
            "--write-uses-every" => {
                options.config.write_uses_every = std::time::Duration::from_secs(
                    value().parse().ok().filter(|&s: &u64| s > 0).unwrap_or_else(|| usage()),
                )
            }
            "--log-format" => options.log_format = LogFormat::from_name(&value()).unwrap_or_else(|| usage()),
            _ => usage(),
        }
    }
    options
}

#[tokio::main]
async fn main() {
    let options = options();
    logging::start(options.log_format, log_level());
    if let Err(error) = toucan_embed_server::process_guard::disable_core_dumps() {
        tracing::warn!(%error, "core dumps couldn't be turned off");
    }
    let location = options.config.location(&options.data_dir);
    let cannot_open = |error: &dyn std::fmt::Display| -> ! {
        eprintln!("Can't open the database ({}): {error}", describe(&options));
        std::process::exit(1);
    };
    if options.rotate_signing {
        match toucan_embed_server::rotate_signing_key(&location, chrono::Utc::now().timestamp()).await {
            Ok(rotation) => {
                println!(
                    "New signing key: {}. It signs tokens from the servers' next start.",
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
            Err(error) => cannot_open(&error),
        }
    }
    if options.rotate_encryption {
        match toucan_embed_server::rotate_encryption_key(&location, chrono::Utc::now().timestamp()).await {
            Ok(kid) => {
                println!(
                    "New token-encryption key: {kid}. It encrypts tokens from the servers' next start, which write it to {}.",
                    toucan_embed_server::TOKEN_ENCRYPTION_KEY_FILE
                );
                println!(
                    "The previous key still decrypts its tokens until they expire (24 hours at most): keep its JWK file until then."
                );
                return;
            }
            Err(error) => cannot_open(&error),
        }
    }
    if options.rotate_account {
        match rotate_account_token(&location).await {
            Ok(token) => {
                hand_over(&token, &options.data_dir);
                println!("The previous account token no longer works. Connect the app again with the new one.");
                return;
            }
            Err(error) => cannot_open(&error),
        }
    }
    let opened = match open(&options.data_dir, options.config.clone()).await {
        Ok(opened) => opened,
        Err(error) => cannot_open(&error),
    };
    let token_file = match &opened.new_account_token {
        Some(token) if options.print_json => {
            // Machines get a private file, never the token itself on a pipe.
            if let Err(error) = hand_over_account_token(token, &options.data_dir, false) {
                eprintln!(
                    "Can't write the account token into {}: {error}",
                    options.data_dir.display()
                );
                std::process::exit(1);
            }
            Some(options.data_dir.join(ACCOUNT_TOKEN_FILE))
        }
        Some(token) => {
            hand_over(token, &options.data_dir);
            None
        }
        None => None,
    };
    let listener = match tokio::net::TcpListener::bind((options.host.as_str(), options.port)).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("Can't listen on {}:{}: {error}", options.host, options.port);
            std::process::exit(1);
        }
    };
    let address = format!("http://{}", listener.local_addr().expect("a bound address"));
    if options.print_json {
        let ready = serde_json::json!({
            "address": address,
            "dataDir": options.data_dir,
            "accountTokenFile": token_file,
        });
        println!("{ready}");
    } else {
        println!("Toucan embed-token server on {address} ({})", describe(&options));
    }
    tracing::info!(%address, database = opened.state.store.kind(), "listening");
    if options.config.encrypt_tokens {
        let file = options.data_dir.join(toucan_embed_server::TOKEN_ENCRYPTION_KEY_FILE);
        eprintln!(
            "Tokens are encrypted; their key (a JWK, for the dashboard host only) is in {}",
            file.display()
        );
    }
    let limits = toucan_embed_server::serve::ConnectionLimits::default();
    let state = opened.state.clone();
    if let Err(error) = toucan_embed_server::serve::serve(listener, router(opened.state), limits, stop_signal()).await {
        eprintln!("The server stopped: {error}");
        std::process::exit(1);
    }
    match toucan_embed_server::finish(&state).await {
        Ok(()) => tracing::info!("stopped"),
        Err(error) => {
            tracing::error!(%error, "stopped, but \"last used\" times could not be written");
            std::process::exit(1);
        }
    }
}

/// Ctrl+C, or SIGTERM (what `docker stop`, systemd and Kubernetes send).
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut terminate = signal(SignalKind::terminate()).expect("SIGTERM can be handled");
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    let _ = tokio::signal::ctrl_c().await;
}

/// Where the data is, for messages (a PostgreSQL address without its password).
fn describe(options: &Options) -> String {
    match &options.config.database_url {
        Some(url) => match url.parse::<tokio_postgres::Config>() {
            Ok(config) => format!(
                "PostgreSQL database {} on {}",
                config.get_dbname().unwrap_or("(default)"),
                config
                    .get_hosts()
                    .iter()
                    .map(|host| format!("{host:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Err(_) => "a PostgreSQL address that can't be read".to_owned(),
        },
        None => format!("data in {}", options.data_dir.display()),
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

/// The level `TOUCAN_EMBED_LOG` names (info by default).
fn log_level() -> tracing::Level {
    std::env::var("TOUCAN_EMBED_LOG")
        .ok()
        .and_then(|level| level.parse::<tracing::Level>().ok())
        .unwrap_or(tracing::Level::INFO)
}

fn usage() -> ! {
    eprintln!(
        "usage: toucan-embed-server [--data-dir DIR] [--database-url-file FILE] [--host ADDRESS] [--port PORT]
                           [--requests-per-minute N] [--max-token-lifetime SECONDS] [--encrypt-tokens]
                           [--write-uses-every SECONDS] [--log-format json|text] [--print-json]
       toucan-embed-server [--data-dir DIR | --database-url URL] --rotate-account-token
       toucan-embed-server [--data-dir DIR | --database-url URL] --rotate-signing-key
       toucan-embed-server [--data-dir DIR | --database-url URL] --rotate-encryption-key"
    );
    std::process::exit(2);
}
