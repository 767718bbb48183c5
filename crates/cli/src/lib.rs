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
mod help;
mod masking;
#[cfg(unix)]
mod pty;
mod run;
mod scan;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{CommandFactory, FromArgMatches};
use toucan_keys_core::clipboard::SystemClipboard;
use toucan_keys_core::i18n::{Arg, long_date, message as say};
use toucan_keys_core::workspace::FixedAnswer;
use toucan_keys_core::{APP_IDENTIFIER, Host, KeySummary, KeychainVault, Reply, ToucanApp};

use crate::args::{Cli, Command, HookAction};

/// Runs the CLI with `args` (the program's name first); returns its exit code.
pub fn main_with<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let _ = toucan_keys_core::process_guard::disable_core_dumps();
    let app = open_app();
    // The window's language (the one chosen in its settings, or the system's),
    // from the first word on: --help and usage errors speak it too.
    if let Ok(app) = &app {
        app.speak_chosen_language();
    }
    let parsed = help::localized(Cli::command())
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
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
    let app = match app {
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
            // In the language spoken (Display is English, for logs).
            eprintln!("{}", error.message());
            exit::code(exit::for_error(&error))
        }
    }
}

/// The app on this computer, as the window opens it: the same keychain, the
/// same registry, the same settings and workspace files.
fn open_app() -> Result<Arc<ToucanApp>, String> {
    let data_dir = toucan_keys_core::default_data_dir().ok_or_else(|| say("cli-no-data-folder", &[]))?;
    let config_dir = toucan_keys_core::default_config_dir().ok_or_else(|| say("cli-no-config-folder", &[]))?;
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
                eprintln!(
                    "{}",
                    say("cli-limits", &[("summary", Arg::Text(&created.key.limits_summary))])
                );
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
                    eprintln!("{}", say("cli-scan-none", &[]));
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
                        "{}",
                        say("cli-hook-added", &[("hook", Arg::Text(&hook.display().to_string()))])
                    );
                } else {
                    eprintln!(
                        "{}",
                        say("cli-hook-present", &[("hook", Arg::Text(&hook.display().to_string()))])
                    );
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
                    (Some(_), _) => eprintln!("{}", say("revoked-toast", &[("name", Arg::Text(&old.name))])),
                    (None, Some(until)) => eprintln!(
                        "{}",
                        say(
                            "cli-roll-old-until",
                            &[("name", Arg::Text(&old.name)), ("date", Arg::Text(&long_date(until)))]
                        )
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
                eprintln!("{}", say("cli-renamed", &[("name", Arg::Text(&renamed.record.name))]));
                ok
            }
            Command::Revoke { key, yes } => {
                let key = app.find_key(&key)?;
                if !yes && !confirm("revoke", &key.record.name, "cli-nothing-revoked") {
                    return Ok(exit::code(exit::FAILURE));
                }
                let revoked = app.revoke_key(key.record.id).await?;
                match revoked.server_warning {
                    Some(warning) => eprintln!("{warning}"),
                    None => eprintln!(
                        "{}",
                        say("revoked-toast", &[("name", Arg::Text(&revoked.key.record.name))])
                    ),
                }
                ok
            }
            Command::Origins { key, origins } => {
                let key = app.find_key(&key)?;
                let changed = app.set_key_origins(key.record.id, origins).await?;
                let record = &changed.key.record;
                let name = ("name", Arg::Text(&record.name));
                if record.allowed_origins.is_empty() {
                    eprintln!("{}", say("cli-origins-any", &[name]));
                } else {
                    let origins = record.allowed_origins.join(", ");
                    eprintln!("{}", say("cli-origins-only", &[name, ("origins", Arg::Text(&origins))]));
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
                eprintln!(
                    "{}",
                    say(
                        "cli-limits-of",
                        &[
                            ("name", Arg::Text(&changed.key.record.name)),
                            ("summary", Arg::Text(&changed.key.limits_summary))
                        ]
                    )
                );
                if let Some(warning) = changed.server_warning {
                    eprintln!("{warning}");
                }
                ok
            }
            Command::Restore { key } => {
                let restored = app.restore_found_key(toucan_keys_core::KeyId(key)).await?;
                eprintln!(
                    "{}",
                    say(
                        "cli-restored",
                        &[
                            ("name", Arg::Text(&restored.record.name)),
                            ("hint", Arg::Text(&restored.record.hint))
                        ]
                    )
                );
                ok
            }
            Command::Delete { key, yes } => {
                if let Some(found) = found_key(app, &key)? {
                    return delete_found(app, found, yes).await;
                }
                let key = app.find_key(&key)?;
                if !yes && !confirm("delete", &key.record.name, "cli-nothing-deleted") {
                    return Ok(exit::code(exit::FAILURE));
                }
                match app.delete_key(key.record.id).await?.server_warning {
                    Some(warning) => eprintln!("{warning}"),
                    None => eprintln!("{}", say("deleted", &[("name", Arg::Text(&key.record.name))])),
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
                    let error = error.to_string();
                    eprintln!(
                        "toucan-keys-cli: {}",
                        say("cli-stdin-unreadable", &[("error", Arg::Text(&error))])
                    );
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
    if !yes && !confirm("found-delete", &label, "cli-nothing-deleted") {
        return Ok(exit::code(exit::FAILURE));
    }
    match app.delete_found_key(found.id).await?.server_warning {
        Some(warning) => eprintln!("{warning}"),
        None => eprintln!("{}", say("found-deleted", &[("name", Arg::Text(&label))])),
    }
    Ok(exit::code(exit::OK))
}

/// The keys found in the keychain that no list knows, and what to do.
fn print_found(found: &[toucan_keys_core::FoundKey]) {
    if found.is_empty() {
        println!("{}", say("cli-found-none", &[]));
        return;
    }
    let mut out = std::io::stdout().lock();
    let count = i64::try_from(found.len()).unwrap_or(i64::MAX);
    let _ = writeln!(out, "{}", say("cli-found-count", &[("count", Arg::Number(count))]));
    for key in found {
        let _ = writeln!(
            out,
            "{}  {}  {}",
            key.id,
            key.hint.clone().unwrap_or_else(|| say("cli-found-not-a-key", &[])),
            key.name.clone().unwrap_or_else(|| say("cli-found-no-name", &[]))
        );
    }
    let _ = writeln!(out, "{}", say("cli-found-howto", &[]));
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
            let seconds_arg = Arg::Number(i64::from(seconds));
            eprintln!(
                "{}",
                say(
                    "cli-copied-clears",
                    &[("name", Arg::Text(name)), ("seconds", seconds_arg)]
                )
            );
            std::thread::sleep(std::time::Duration::from_secs(u64::from(seconds) + 1));
        }
        None => {
            eprintln!("{}", say("cli-copied-stays", &[("name", Arg::Text(name))]));
            loop {
                std::thread::park();
            }
        }
    }
    Ok(())
}

/// Asks the window's own question before `action` ("revoke", "delete",
/// "found-delete": its `-title` and `-message`, word for word) about the key
/// named `name`; says `nothing_done` when the answer is no.
fn confirm(action: &str, name: &str, nothing_done: &str) -> bool {
    let title = say(&format!("{action}-title"), &[("name", Arg::Text(name))]);
    let question = format!("{title} {}", say(&format!("{action}-message"), &[]));
    let yes = ask(&question, false);
    if !yes {
        eprintln!("{}", say(nothing_done, &[]));
    }
    yes
}

/// Asks a yes/no question on the terminal, in the language spoken, with the
/// choices after it; `default` when Enter is pressed, and no when there is no
/// terminal to ask on.
fn ask(question: &str, default: bool) -> bool {
    if !std::io::stdin().is_terminal() {
        return false;
    }
    let choices = say(
        if default {
            "cli-yes-no-default-yes"
        } else {
            "cli-yes-no"
        },
        &[],
    );
    eprint!("{question} {choices} ");
    let mut answer = String::new();
    if std::io::stdin().read_line(&mut answer).is_err() {
        return false;
    }
    let answer = answer.trim().to_lowercase();
    if answer.is_empty() {
        return default;
    }
    say("cli-answer-yes", &[]).split(',').any(|yes| yes.trim() == answer)
}

/// Under the table, each leaked key: where and when it was found, and what to do.
fn print_leaks(keys: &[KeySummary]) {
    for key in keys {
        let Some(leak) = &key.record.leak else { continue };
        let place = leak.url.clone().unwrap_or_else(|| say("leak-unknown-place", &[]));
        let date = long_date(leak.found_at);
        let id = if key.record.revoked_at.is_some() {
            "leak-notice-revoked"
        } else {
            "leak-notice"
        };
        println!(
            "\n{}",
            say(
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
            eprintln!(
                "{}",
                say("cli-shown-once", &[("id", Arg::Text(key.record.id.as_str()))])
            );
        }
        return Ok(exit::code(exit::OK));
    }
    let (name, hint) = (Arg::Text(&key.record.name), Arg::Text(&key.record.hint));
    eprintln!("{}", say("cli-created", &[("name", name), ("hint", hint)]));
    if ask(&say("cli-copy-now", &[]), true) {
        copy_and_wait(app, key.record.id.clone())?;
    } else {
        eprintln!(
            "{}",
            say("cli-not-copied", &[("id", Arg::Text(key.record.id.as_str()))])
        );
    }
    Ok(exit::code(exit::OK))
}

/// A key's details, then its history, newest first.
fn print_details(details: &toucan_keys_core::app::KeyDetails) {
    let record = &details.key.record;
    let status = toucan_keys_core::i18n::status_word(details.key.status);
    let mut rows = vec![
        ("cli-detail-name", record.name.clone()),
        ("cli-detail-key", record.hint.clone()),
        ("cli-detail-status", status),
        ("cli-detail-fingerprint", record.fingerprint.clone()),
        (
            "cli-detail-created",
            match record.restored_at {
                Some(at) => say("cli-detail-restored-on", &[("date", Arg::Text(&long_date(at)))]),
                None => long_date(record.created_at),
            },
        ),
        (
            "cli-detail-expires",
            record.expires_at.map_or_else(|| say("cli-never", &[]), long_date),
        ),
        ("cli-detail-limits", details.key.limits_summary.clone()),
        (
            "cli-detail-origins",
            if record.allowed_origins.is_empty() {
                say("cli-detail-any-origin", &[])
            } else {
                record.allowed_origins.join(", ")
            },
        ),
    ];
    if let Some(at) = record.revoked_at {
        rows.push(("cli-detail-revoked", long_date(at)));
    }
    if let Some(name) = &details.replaces {
        rows.push(("cli-detail-replaces", name.clone()));
    }
    if let Some(name) = &details.replaced_by {
        rows.push(("cli-detail-replaced-by", name.clone()));
    }
    if let Some(leak) = &record.leak {
        let (url, date) = (leak.url.as_deref().unwrap_or("?"), long_date(leak.found_at));
        let found_at = say(
            "cli-detail-found-at",
            &[("url", Arg::Text(url)), ("date", Arg::Text(&date))],
        );
        rows.push(("cli-detail-found-in-public", found_at));
    }
    let labelled: Vec<(String, String)> = rows.into_iter().map(|(id, value)| (say(id, &[]), value)).collect();
    let width = labelled
        .iter()
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    for (label, value) in labelled {
        println!("{label:<width$}{value}");
    }
    println!("\n{}", say("cli-activity-title", &[]));
    if let Some(problem) = &details.activity_problem {
        println!("  {problem}");
    }
    if details.activity.is_empty() && details.activity_problem.is_none() {
        println!("  {}", say("cli-activity-none", &[]));
    }
    for line in &details.activity {
        println!("  {}  {}", line.event.at.format("%Y-%m-%d %H:%M"), line.text);
    }
}

/// The key list as a table: name, hint, status, created, expires.
fn print_table(keys: &[KeySummary]) {
    if keys.is_empty() {
        println!("{}", say("cli-no-keys", &[]));
        return;
    }
    let rows: Vec<[String; 6]> = keys
        .iter()
        .map(|key| {
            let record = &key.record;
            [
                record.name.clone(),
                record.hint.clone(),
                toucan_keys_core::i18n::status_word(key.status),
                match record.restored_at {
                    Some(_) => say("cli-unknown", &[]),
                    None => record.created_at.format("%Y-%m-%d").to_string(),
                },
                record
                    .expires_at
                    .map_or_else(|| say("cli-never", &[]), |at| at.format("%Y-%m-%d").to_string()),
                key.limits_summary.clone(),
            ]
        })
        .collect();
    let header = [
        "cli-column-name",
        "cli-column-key",
        "cli-column-status",
        "cli-column-created",
        "cli-column-expires",
        "cli-column-limits",
    ]
    .map(|id| say(id, &[]));
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
