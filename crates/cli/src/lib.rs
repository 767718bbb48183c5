//! `toucan-keys-cli`: the keys of the Toucan Keys app, from a terminal. Another
//! front end over the same use cases (`ToucanApp` in the core), the same
//! registry and the same keychain entries, so the app and the CLI can run at
//! once and say the same things in the same words.
//!
//! `run` hands a key from the keychain straight to a program's environment,
//! so a backend never needs it in a `.env` file: the key is never written to
//! disk, never on a command line, and not in this process's own environment.

mod args;
mod child_output;
mod exit;
mod masking;
#[cfg(unix)]
mod pty;
mod run;
mod scan;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{CommandFactory, Parser};
use toucan_keys_core::clipboard::SystemClipboard;
use toucan_keys_core::workspace::FixedAnswer;
use toucan_keys_core::{APP_IDENTIFIER, Host, KeySummary, KeychainVault, Reply, ToucanApp};

use crate::args::{Cli, Command, HookAction};

/// Runs the CLI with `args` (the program's name first); returns its exit code.
pub fn main_with<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return exit::code(if error.use_stderr() { exit::USAGE } else { exit::OK });
        }
    };
    if let Command::Completions { shell } = cli.command {
        clap_complete::generate(shell, &mut Cli::command(), "toucan-keys-cli", &mut std::io::stdout());
        return exit::code(exit::OK);
    }
    let _ = toucan_keys_core::process_guard::disable_core_dumps();
    let app = match open_app() {
        Ok(app) => app,
        Err(message) => {
            eprintln!("toucan-keys-cli: {message}");
            return exit::code(exit::FAILURE);
        }
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime for the server requests");
    match runtime.block_on(cli.command.run(&app)) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("{error}");
            exit::code(exit::for_error(&error))
        }
    }
}

/// The app on this computer, as the window opens it: the same keychain, the
/// same registry, the same settings and workspace files.
fn open_app() -> Result<Arc<ToucanApp>, String> {
    let data_dir = toucan_keys_core::default_data_dir().ok_or("no data folder for this user")?;
    let config_dir = toucan_keys_core::default_config_dir().ok_or("no config folder for this user")?;
    let host = Host {
        vault: Arc::new(KeychainVault::new(APP_IDENTIFIER)),
        clipboard: Box::new(SystemClipboard::default()),
        // Connecting is done in the app, where a person confirms the server.
        confirm: Box::new(FixedAnswer(false)),
    };
    Ok(Arc::new(ToucanApp::new(host, &data_dir, &config_dir)))
}

impl Command {
    async fn run(self, app: &Arc<ToucanApp>) -> Reply<ExitCode> {
        let ok = Ok(exit::code(exit::OK));
        match self {
            Command::List { json, found: true } => {
                let found = app.found_keys()?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&found).expect("keys serialize"));
                } else {
                    print_found(&found);
                }
                ok
            }
            Command::List { json, found: false } => {
                let keys = app.list_keys()?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&keys).expect("keys serialize"));
                } else {
                    print_table(&keys);
                    print_leaks(&keys);
                }
                ok
            }
            Command::Create {
                name,
                expires,
                show,
                origins,
                limits,
            } => {
                let limits = match limits.into_limits() {
                    Ok(limits) => limits,
                    Err(problem) => {
                        eprintln!("{problem}");
                        return Ok(ExitCode::from(2));
                    }
                };
                let created = app.create_key(name, expires, origins, limits).await?;
                eprintln!("Limits: {}", created.key.limits_summary);
                if let Some(warning) = &created.server_warning {
                    eprintln!("{warning}");
                }
                reveal_once(app, &created.key, &created.secret, show)
            }
            Command::Scan { paths, staged, json } => {
                let found = if staged {
                    match scan::scan_staged(Path::new(".")) {
                        Ok(found) => found,
                        Err(problem) => {
                            eprintln!("{problem}");
                            return Ok(exit::code(exit::USAGE));
                        }
                    }
                } else if paths.is_empty() {
                    scan::scan_paths(&[PathBuf::from(".")])
                } else {
                    scan::scan_paths(&paths)
                };
                // Your keys by fingerprint, from the list (never the keychain).
                let yours = if found.is_empty() { Vec::new() } else { app.list_keys()? };
                let hits = scan::named(found, &yours);
                if json {
                    println!("{}", serde_json::to_string_pretty(&hits).expect("hits serialize"));
                } else if hits.is_empty() {
                    eprintln!("No Toucan key found.");
                } else {
                    eprint!("{}", scan::describe(&hits));
                }
                Ok(exit::code(if hits.is_empty() { exit::OK } else { exit::FAILURE }))
            }
            Command::Hook {
                action: HookAction::Install,
            } => {
                let (hook, changed) = match scan::install_hook(Path::new(".")) {
                    Ok(done) => done,
                    Err(problem) => {
                        eprintln!("{problem}");
                        return Ok(exit::code(exit::USAGE));
                    }
                };
                if changed {
                    eprintln!(
                        "Added to {}: every commit is searched for Toucan keys first.",
                        hook.display()
                    );
                } else {
                    eprintln!("{} already searches every commit for Toucan keys.", hook.display());
                }
                ok
            }
            Command::Copy { key } => {
                let key = app.find_key(&key)?;
                copy_and_wait(app, key.record.id)?;
                ok
            }
            Command::Roll { key, overlap, show } => {
                let key = app.find_key(&key)?;
                let rolled = app.roll_key(key.record.id, overlap).await?;
                if let Some(warning) = &rolled.server_warning {
                    eprintln!("{warning}");
                }
                let old = &rolled.old.record;
                match (old.revoked_at, old.expires_at) {
                    (Some(_), _) => eprintln!("“{}” was revoked.", old.name),
                    (None, Some(until)) => eprintln!(
                        "“{}” keeps working until {}, then is revoked.",
                        old.name,
                        toucan_keys_core::i18n::long_date(until)
                    ),
                    (None, None) => {}
                }
                reveal_once(app, &rolled.key, &rolled.secret, show)
            }
            Command::Details { key, json } => {
                let key = app.find_key(&key)?;
                let details = app.key_details(key.record.id)?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&details).expect("details serialize"));
                } else {
                    print_details(&details);
                }
                ok
            }
            Command::Rename { key, new_name } => {
                let key = app.find_key(&key)?;
                let renamed = app.rename_key(key.record.id, new_name)?;
                eprintln!("Renamed to “{}”.", renamed.record.name);
                ok
            }
            Command::Revoke { key, yes } => {
                let key = app.find_key(&key)?;
                let question = format!(
                    "Revoke “{}”? Apps using it stop working right away, and its secret leaves your keychain. [y/N] ",
                    key.record.name
                );
                if !yes && !ask(&question, false) {
                    eprintln!("Nothing was revoked.");
                    return Ok(exit::code(exit::FAILURE));
                }
                let revoked = app.revoke_key(key.record.id).await?;
                match revoked.server_warning {
                    Some(warning) => eprintln!("{warning}"),
                    None => eprintln!("“{}” was revoked.", revoked.key.record.name),
                }
                ok
            }
            Command::Origins { key, origins } => {
                let key = app.find_key(&key)?;
                let changed = app.set_key_origins(key.record.id, origins).await?;
                let record = &changed.key.record;
                if record.allowed_origins.is_empty() {
                    eprintln!("“{}” may be used from anywhere.", record.name);
                } else {
                    eprintln!(
                        "“{}” may be used only from {}.",
                        record.name,
                        record.allowed_origins.join(", ")
                    );
                }
                if let Some(warning) = changed.server_warning {
                    eprintln!("{warning}");
                }
                ok
            }
            Command::Limits { key, limits } => {
                let limits = match limits.into_limits() {
                    Ok(limits) => limits,
                    Err(problem) => {
                        eprintln!("{problem}");
                        return Ok(ExitCode::from(2));
                    }
                };
                let key = app.find_key(&key)?;
                let changed = app.set_key_limits(key.record.id, limits).await?;
                eprintln!("“{}”: {}", changed.key.record.name, changed.key.limits_summary);
                if let Some(warning) = changed.server_warning {
                    eprintln!("{warning}");
                }
                ok
            }
            Command::Restore { key } => {
                let restored = app.restore_found_key(toucan_keys_core::KeyId(key)).await?;
                eprintln!(
                    "“{}” is back in your list ({}). Its creation and expiry dates are unknown.",
                    restored.record.name, restored.record.hint
                );
                ok
            }
            Command::Delete { key, yes } => {
                if let Some(found) = found_key(app, &key)? {
                    return delete_found(app, found, yes).await;
                }
                let key = app.find_key(&key)?;
                let question = format!("Delete “{}” from the list? [y/N] ", key.record.name);
                if !yes && !ask(&question, false) {
                    eprintln!("Nothing was deleted.");
                    return Ok(exit::code(exit::FAILURE));
                }
                if let Some(warning) = app.delete_key(key.record.id).await?.server_warning {
                    eprintln!("{warning}");
                }
                ok
            }
            Command::Run {
                key,
                env,
                no_masking,
                command,
            } => {
                let key = app.find_key(&key)?;
                let secret = app.key_for_child_process(key.record.id)?;
                Ok(run::with_key_in_environment(&env, secret, &command, !no_masking))
            }
            Command::Token { key, json, request } => {
                let key = app.find_key(&key)?;
                let token = app.generate_token(key.record.id, request.into_request()).await?;
                if json {
                    let shown = serde_json::json!({ "token": token.token, "expiresAt": token.expires_at, "claims": token.claims });
                    println!("{}", serde_json::to_string_pretty(&shown).expect("claims serialize"));
                } else {
                    println!("{}", token.token);
                }
                ok
            }
            Command::Identify => {
                // The pasted key is zeroed when this arm ends.
                let mut pasted = zeroize::Zeroizing::new(String::new());
                if let Err(error) = std::io::stdin().read_line(&mut pasted) {
                    eprintln!("toucan-keys-cli: standard input couldn't be read ({error}).");
                    return Ok(exit::code(exit::FAILURE));
                }
                println!(
                    "{}",
                    app.identify(&toucan_keys_core::app::PastedKey::from(pasted.as_str()))?
                        .message
                );
                ok
            }
            Command::Completions { .. } => unreachable!("answered before the app opens"),
        }
    }
}

/// The found key (in the keychain, in no list) named `wanted` by its id or
/// name, when no listed key is.
fn found_key(app: &ToucanApp, wanted: &str) -> Reply<Option<toucan_keys_core::FoundKey>> {
    if app.find_key(wanted).is_ok() {
        return Ok(None);
    }
    let found = app.found_keys()?;
    Ok(found
        .into_iter()
        .find(|key| key.id.as_str() == wanted || key.name.as_deref() == Some(wanted)))
}

/// Deletes a found key after asking: whatever uses it stops working.
async fn delete_found(app: &ToucanApp, found: toucan_keys_core::FoundKey, yes: bool) -> Reply<ExitCode> {
    let label = found.name.clone().unwrap_or_else(|| found.id.to_string());
    let question = format!(
        "Delete “{label}”, found in your keychain? Apps using it stop working, and its secret leaves your keychain for good. [y/N] "
    );
    if !yes && !ask(&question, false) {
        eprintln!("Nothing was deleted.");
        return Ok(exit::code(exit::FAILURE));
    }
    match app.delete_found_key(found.id).await?.server_warning {
        Some(warning) => eprintln!("{warning}"),
        None => eprintln!("“{label}” was deleted from your keychain."),
    }
    Ok(exit::code(exit::OK))
}

/// The keys found in the keychain that no list knows, and what to do.
fn print_found(found: &[toucan_keys_core::FoundKey]) {
    if found.is_empty() {
        println!("Your keychain holds no key that this computer's list doesn't know.");
        return;
    }
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "Found in your keychain: {} key(s) this computer's list doesn't know.",
        found.len()
    );
    for key in found {
        let _ = writeln!(
            out,
            "{}  {}  {}",
            key.id,
            key.hint.as_deref().unwrap_or("(not a valid key)"),
            key.name.as_deref().unwrap_or("(no name)")
        );
    }
    let _ = writeln!(
        out,
        "Restore one with: toucan-keys-cli restore <id>. Delete one with: toucan-keys-cli delete <id>"
    );
}

/// Copies a key and stays until the clipboard is cleared (the clear happens in
/// this process; on Linux what it copied also lasts only while it runs).
fn copy_and_wait(app: &Arc<ToucanApp>, id: toucan_keys_core::KeyId) -> Reply<()> {
    // Before copying: the clipboard's own threads must start with the signals
    // blocked, so that Ctrl+C reaches the thread that clears.
    run::clear_clipboard_on_interrupt(app);
    let copied = app.copy_key(id)?;
    let name = &copied.key.record.name;
    match copied.clears_in_seconds {
        Some(seconds) => {
            eprintln!(
                "Copied “{name}”. The clipboard is cleared in {seconds} s unless you copy something else; Ctrl+C clears it now."
            );
            std::thread::sleep(std::time::Duration::from_secs(u64::from(seconds) + 1));
        }
        None => {
            eprintln!(
                "Copied “{name}”. It stays until you copy something else; Ctrl+C clears it and ends this command."
            );
            loop {
                std::thread::park();
            }
        }
    }
    Ok(())
}

/// Asks a yes/no question on the terminal; `default` when Enter is pressed,
/// and no when there is no terminal to ask on.
fn ask(question: &str, default: bool) -> bool {
    if !std::io::stdin().is_terminal() {
        return false;
    }
    eprint!("{question}");
    let mut answer = String::new();
    if std::io::stdin().read_line(&mut answer).is_err() {
        return false;
    }
    match answer.trim().to_lowercase().as_str() {
        "" => default,
        "y" | "yes" => true,
        _ => false,
    }
}

/// Under the table, each leaked key: where and when it was found, and what to do.
fn print_leaks(keys: &[KeySummary]) {
    use toucan_keys_core::i18n::{Arg, long_date, message};
    for key in keys {
        let Some(leak) = &key.record.leak else { continue };
        let place = leak.url.clone().unwrap_or_else(|| message("leak-unknown-place", &[]));
        let date = long_date(leak.found_at);
        let id = if key.record.revoked_at.is_some() {
            "leak-notice-revoked"
        } else {
            "leak-notice"
        };
        println!(
            "\n{}",
            message(
                id,
                &[
                    ("name", Arg::Text(&key.record.name)),
                    ("url", Arg::Text(&place)),
                    ("date", Arg::Text(&date))
                ]
            )
        );
    }
}

/// A new key (made or rolled), under one rule: printed when the output isn't
/// a terminal (or with `--show`), else offered for copying; never shown again.
fn reveal_once(
    app: &Arc<ToucanApp>,
    key: &KeySummary,
    secret: &toucan_keys_core::OneTimeReveal,
    show: bool,
) -> Reply<ExitCode> {
    let to_terminal = std::io::stdout().is_terminal();
    if show || !to_terminal {
        let mut out = std::io::stdout().lock();
        let _ = secret.reveal_to(&mut out);
        let _ = out.flush();
        if to_terminal {
            eprintln!("This is the only time the key is shown.");
        }
        return Ok(exit::code(exit::OK));
    }
    eprintln!("Created “{}” ({}).", key.record.name, key.record.hint);
    if ask("Copy it to the clipboard now? It won't be shown again. [Y/n] ", true) {
        copy_and_wait(app, key.record.id.clone())?;
    } else {
        eprintln!("Not copied. Copy it later with: toucan-keys-cli copy {}", key.record.id);
    }
    Ok(exit::code(exit::OK))
}

/// A key's details, then its history, newest first.
fn print_details(details: &toucan_keys_core::app::KeyDetails) {
    use toucan_keys_core::i18n::long_date;
    let record = &details.key.record;
    let status = serde_json::to_value(details.key.status)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let mut rows = vec![
        ("Name", record.name.clone()),
        ("Key", record.hint.clone()),
        ("Status", status),
        ("Fingerprint", record.fingerprint.clone()),
        (
            "Created",
            match record.restored_at {
                Some(at) => format!("unknown (restored on {})", long_date(at)),
                None => long_date(record.created_at),
            },
        ),
        (
            "Expires",
            record.expires_at.map_or_else(|| "never".to_owned(), long_date),
        ),
        ("Limits", details.key.limits_summary.clone()),
        (
            "Web addresses",
            if record.allowed_origins.is_empty() {
                "any".to_owned()
            } else {
                record.allowed_origins.join(", ")
            },
        ),
    ];
    if let Some(at) = record.revoked_at {
        rows.push(("Revoked", long_date(at)));
    }
    if let Some(name) = &details.replaces {
        rows.push(("Replaces", name.clone()));
    }
    if let Some(name) = &details.replaced_by {
        rows.push(("Replaced by", name.clone()));
    }
    if let Some(leak) = &record.leak {
        rows.push((
            "Found in public",
            format!("{} on {}", leak.url.as_deref().unwrap_or("?"), long_date(leak.found_at)),
        ));
    }
    for (label, value) in rows {
        println!("{label:<16}{value}");
    }
    println!("\nActivity, newest first:");
    if let Some(problem) = &details.activity_problem {
        println!("  {problem}");
    }
    if details.activity.is_empty() && details.activity_problem.is_none() {
        println!("  Nothing recorded yet.");
    }
    for line in &details.activity {
        println!("  {}  {}", line.event.at.format("%Y-%m-%d %H:%M"), line.text);
    }
}

/// The key list as a table: name, hint, status, created, expires.
fn print_table(keys: &[KeySummary]) {
    if keys.is_empty() {
        println!("No keys yet. Create one with: toucan-keys-cli create --name \"Production backend\"");
        return;
    }
    let rows: Vec<[String; 6]> = keys
        .iter()
        .map(|key| {
            let record = &key.record;
            [
                record.name.clone(),
                record.hint.clone(),
                serde_json::to_value(key.status)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                match record.restored_at {
                    Some(_) => "unknown".to_owned(),
                    None => record.created_at.format("%Y-%m-%d").to_string(),
                },
                record
                    .expires_at
                    .map_or_else(|| "never".to_owned(), |at| at.format("%Y-%m-%d").to_string()),
                key.limits_summary.clone(),
            ]
        })
        .collect();
    let header = ["NAME", "KEY", "STATUS", "CREATED", "EXPIRES", "LIMITS"].map(str::to_owned);
    let widths: Vec<usize> = (0..6)
        .map(|column| {
            std::iter::once(&header)
                .chain(&rows)
                .map(|row| row[column].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = std::io::stdout().lock();
    for row in std::iter::once(&header).chain(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}", width = *width))
            .collect();
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    }
}
