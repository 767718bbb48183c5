//! `toucan-embed-server [OPTIONS]`: serves the embed and account APIs.
//!
//! `--help` lists the options (data folder, database, address, limits,
//! encrypted tokens, log format, `--print-json` for scripts).
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

use clap::Parser;
use toucan_embed_server::logging::{self, LogFormat};
use toucan_embed_server::secret_scanning::{OnLeak, SecretScanning};
use toucan_embed_server::{
    ACCOUNT_TOKEN_FILE, ServerConfig, hand_over_account_token, open, rotate_account_token, router, token_request,
};

/// Serves the embed API (API key in, signed session token out) and the
/// account API the app registers keys with.
#[derive(Parser)]
#[command(name = "toucan-embed-server", version)]
struct Args {
    /// The data folder: SQLite database, account-token and encryption-key files.
    #[arg(long, value_name = "DIR", default_value = "toucan-server-data")]
    data_dir: PathBuf,
    /// A PostgreSQL address without a password (a command line is visible to
    /// every local user); else TOUCAN_EMBED_DATABASE_URL or --database-url-file.
    #[arg(long, value_name = "URL")]
    database_url: Option<String>,
    /// A file (readable by this user only) holding the PostgreSQL address.
    #[arg(long, value_name = "FILE", conflicts_with = "database_url")]
    database_url_file: Option<PathBuf>,
    /// The address to listen on (0.0.0.0 in a container).
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
    host: String,
    /// The port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 8787)]
    port: u16,
    /// Token requests per key per minute, counted by each server process.
    #[arg(long, value_name = "N", default_value_t = ServerConfig::default().requests_per_minute)]
    requests_per_minute: u32,
    /// The longest lifetime a token request may ask for, in seconds (60 to 86400).
    #[arg(long, value_name = "SECONDS", default_value_t = *token_request::LIFETIME_RANGE.end(),
          value_parser = clap::value_parser!(i64).range(*token_request::LIFETIME_RANGE.start()..=*token_request::LIFETIME_RANGE.end()))]
    max_token_lifetime: i64,
    /// A proxy (an address or a network in CIDR) whose X-Forwarded-For is
    /// believed, so keys limited to networks see the client's address behind
    /// it. Repeat for several. None: the connection's address is the client's.
    #[arg(long, value_name = "CIDR", value_parser = trusted_proxy)]
    trusted_proxy: Vec<ipnet::IpNet>,
    /// Take secret-scanning reports (GitHub's partner program) at
    /// POST /api/secret-scanning, checking their signatures against the public
    /// keys in FILE, in the format of https://api.github.com/meta/public_keys/secret_scanning.
    /// The file is read at each report: replace it to take new keys.
    #[arg(long, value_name = "FILE")]
    secret_scanning_keys: Option<PathBuf>,
    /// What a reported key gets: revoke (at once, and the report is recorded)
    /// or report (only recorded; its owner decides).
    #[arg(long, value_name = "ACTION", default_value = "revoke", value_parser = on_leak, requires = "secret_scanning_keys")]
    on_leak: OnLeak,
    /// Issue encrypted tokens (JWE, A256GCM, around the signed token); the key
    /// is written to token-encryption-key.jwk (0600) in the data folder.
    #[arg(long)]
    encrypt_tokens: bool,
    /// How often keys' "last used" times are written, in seconds; also at a
    /// clean stop and before GET /api/keys answers.
    #[arg(long, value_name = "SECONDS", default_value_t = ServerConfig::default().write_uses_every.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..))]
    write_uses_every: u64,
    /// json or text; JSON lines unless standard error is a terminal.
    /// TOUCAN_EMBED_LOG=debug (or trace, info, warn, error) sets how much.
    #[arg(long, value_name = "FORMAT", value_parser = log_format)]
    log_format: Option<LogFormat>,
    /// Once listening, print one JSON line for scripts:
    /// {"address", "dataDir", "accountTokenFile"}.
    #[arg(long)]
    print_json: bool,
    /// Replace the account token and exit.
    #[arg(long, group = "rotation")]
    rotate_account_token: bool,
    /// Make a new token-signing key and exit (the old one stays accepted until its tokens expire).
    #[arg(long, group = "rotation")]
    rotate_signing_key: bool,
    /// Make a new token-encryption key and exit (the old one still decrypts its tokens).
    #[arg(long, group = "rotation")]
    rotate_encryption_key: bool,
}

/// Exits (code 2) when an address given on the command line holds a
/// password, without repeating it (clap's own error would print the value).
fn refuse_password_on_command_line(url: &str) {
    if toucan_embed_server::store::postgres_tls::has_password(url) {
        eprintln!(
            "The database address on the command line holds a password, which every user of this computer can read (ps, /proc). Put the address in TOUCAN_EMBED_DATABASE_URL, or in a file only this user can read named with --database-url-file."
        );
        std::process::exit(2);
    }
}

fn trusted_proxy(text: &str) -> Result<ipnet::IpNet, String> {
    toucan_keys_protocol::limits::parse_network(text)
        .ok_or_else(|| "must be an IP address or a network such as 10.0.0.0/8".to_owned())
}

fn on_leak(name: &str) -> Result<OnLeak, String> {
    OnLeak::from_name(name).ok_or_else(|| "must be revoke or report".to_owned())
}

fn log_format(name: &str) -> Result<LogFormat, String> {
    LogFormat::from_name(name).ok_or_else(|| "must be json or text".to_owned())
}

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

/// The arguments, with the database address from wherever it was given.
fn options() -> Options {
    let args = Args::parse();
    let database_url = match (&args.database_url, &args.database_url_file) {
        (Some(url), _) => {
            refuse_password_on_command_line(url);
            Some(url.clone())
        }
        (None, Some(file)) => Some(read_address(file)),
        (None, None) => std::env::var("TOUCAN_EMBED_DATABASE_URL")
            .ok()
            .filter(|url| !url.is_empty()),
    };
    Options {
        data_dir: args.data_dir,
        host: args.host,
        port: args.port,
        config: ServerConfig {
            requests_per_minute: args.requests_per_minute,
            database_url,
            max_token_lifetime_seconds: args.max_token_lifetime,
            encrypt_tokens: args.encrypt_tokens,
            write_uses_every: std::time::Duration::from_secs(args.write_uses_every),
            trusted_proxies: args.trusted_proxy,
            secret_scanning: args.secret_scanning_keys.map(|public_keys| SecretScanning {
                public_keys,
                on_leak: args.on_leak,
            }),
        },
        rotate_account: args.rotate_account_token,
        rotate_signing: args.rotate_signing_key,
        rotate_encryption: args.rotate_encryption_key,
        print_json: args.print_json,
        log_format: args.log_format.unwrap_or_else(LogFormat::for_stderr),
    }
}

/// The address in `file`, or exits (code 2) saying why there is none.
fn read_address(file: &Path) -> String {
    match std::fs::read_to_string(file) {
        Ok(url) if !url.trim().is_empty() => url.trim().to_owned(),
        Ok(_) => {
            eprintln!("{} holds no database address.", file.display());
            std::process::exit(2);
        }
        Err(error) => {
            eprintln!("Can't read the database address from {}: {error}", file.display());
            std::process::exit(2);
        }
    }
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
    let stop = stop_signal();
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
    if let Err(error) = toucan_embed_server::serve::serve(listener, router(opened.state), limits, stop).await {
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
/// Both are listened for from this call on, not from the first poll: the
/// server calls it before it says it is ready, so a signal sent as soon as
/// it has said so stops it cleanly instead of ending it on the spot.
fn stop_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let mut interrupt = signal(SignalKind::interrupt()).expect("Ctrl+C can be handled");
        let mut terminate = signal(SignalKind::terminate()).expect("SIGTERM can be handled");
        async move {
            tokio::select! {
                _ = interrupt.recv() => {}
                _ = terminate.recv() => {}
            }
        }
    }
    #[cfg(not(unix))]
    {
        let mut ctrl_c = tokio::signal::windows::ctrl_c().expect("Ctrl+C can be handled");
        async move {
            let _ = ctrl_c.recv().await;
        }
    }
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
