//! `run`: a command started with a key in its environment, and only there.
//!
//! The key goes from the keychain into the child's environment block when it
//! starts: it is never written to disk, never on a command line (so not in
//! `/proc/<pid>/cmdline` or `ps`), and never set in this process's own
//! environment (`/proc/<this pid>/environ` doesn't hold it). This process
//! stays to forward the signals it gets (interrupt, terminate, hang-up, quit)
//! to the child and to exit with the child's code.

use std::ffi::OsString;
use std::process::{Command, ExitCode};
use std::sync::Arc;

use toucan_keys_core::{SecretKey, ToucanApp};

use crate::exit;

/// Runs `command` with `variable` = the key; returns the command's exit code
/// (128 + N when signal N ended it, as shells report it).
pub fn with_key_in_environment(variable: &str, key: SecretKey, command: &[OsString]) -> ExitCode {
    let Some((program, args)) = command.split_first() else {
        return exit::code(exit::USAGE);
    };
    let spawned = Command::new(program)
        .args(args)
        .env(variable, key.expose_secret())
        .spawn();
    // The child has its own copy now; ours is zeroed.
    drop(key);
    let mut child = match spawned {
        Ok(child) => child,
        Err(error) => {
            eprintln!(
                "toucan-keys-cli: {} couldn't be started: {error}",
                program.to_string_lossy()
            );
            return exit::code(exit::FAILURE);
        }
    };
    forward_signals_to(child.id());
    match child.wait() {
        Ok(status) => exit::code(exit_code_of(status)),
        Err(error) => {
            eprintln!("toucan-keys-cli: waiting for the command failed: {error}");
            exit::code(exit::FAILURE)
        }
    }
}

#[cfg(unix)]
fn exit_code_of(status: std::process::ExitStatus) -> u8 {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => code as u8,
        (None, Some(signal)) => 128u8.saturating_add(signal as u8),
        (None, None) => exit::FAILURE,
    }
}

#[cfg(not(unix))]
fn exit_code_of(status: std::process::ExitStatus) -> u8 {
    status.code().map_or(exit::FAILURE, |code| code as u8)
}

/// The signals `run` passes on to its child.
#[cfg(unix)]
const FORWARDED: [libc::c_int; 4] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGQUIT];

#[cfg(unix)]
static CHILD: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

#[cfg(unix)]
extern "C" fn forward(signal: libc::c_int) {
    let child = CHILD.load(std::sync::atomic::Ordering::SeqCst);
    if child > 0 {
        // kill is async-signal-safe.
        unsafe { libc::kill(child, signal) };
    }
}

/// From now on, the signals in [`FORWARDED`] go to `child` instead of ending
/// this process (which then ends when the child does).
#[cfg(unix)]
fn forward_signals_to(child: u32) {
    CHILD.store(child as i32, std::sync::atomic::Ordering::SeqCst);
    for signal in FORWARDED {
        // A plain handler that only calls kill: safe to install this way.
        unsafe { libc::signal(signal, forward as *const () as libc::sighandler_t) };
    }
}

/// On Windows, Ctrl+C reaches every process of the console, the child too.
#[cfg(not(unix))]
fn forward_signals_to(_child: u32) {}

/// While a copy waits for its clear: Ctrl+C (or a terminate signal) clears
/// the clipboard now, if it still holds what was copied, and ends the command.
pub fn clear_clipboard_on_interrupt(app: &Arc<ToucanApp>) {
    #[cfg(unix)]
    {
        let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
        // Blocked here, and so in every thread started later: the waiting thread takes them.
        unsafe {
            libc::sigemptyset(&mut set);
            libc::sigaddset(&mut set, libc::SIGINT);
            libc::sigaddset(&mut set, libc::SIGTERM);
            libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
        }
        let app = Arc::clone(app);
        std::thread::spawn(move || {
            let mut signal: libc::c_int = 0;
            unsafe { libc::sigwait(&set, &mut signal) };
            let cleared = app.clear_clipboard_now();
            eprintln!(
                "{}",
                if cleared {
                    "Clipboard cleared."
                } else {
                    "The clipboard holds something else now; left as it is."
                }
            );
            std::process::exit(i32::from(exit::OK));
        });
    }
    // On Windows Ctrl+C ends the command at once; the clipboard keeps the key
    // until something else is copied (noted in the README).
    #[cfg(not(unix))]
    let _ = app;
}
