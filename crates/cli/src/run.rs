//! `run`: a command started with a key in its environment, and only there.
//!
//! The key goes from the keychain into the child's environment block when it
//! starts: it is never written to disk, never on a command line (so not in
//! `/proc/<pid>/cmdline` or `ps`), and never set in this process's own
//! environment (`/proc/<this pid>/environ` doesn't hold it). This process
//! stays to forward the signals it gets (interrupt, terminate, hang-up, quit)
//! to the child, to mask the key in the child's output (unless
//! `--no-masking`), and to exit with the child's code.

use std::ffi::OsString;
use std::process::{Command, ExitCode, Stdio};
use std::sync::Arc;

use toucan_keys_core::{SecretKey, ToucanApp};
use zeroize::Zeroizing;

use crate::child_output::{Sink, Streams};
use crate::exit;

/// How the child's output reaches this process's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Output {
    /// The child writes to this process's own output (`--no-masking`).
    Inherited,
    /// Through pipes, masked: output that isn't a terminal (a log, a pipe).
    Pipes,
    /// Through a terminal of its own, masked: this process runs in one.
    #[cfg(unix)]
    Terminal,
}

impl Output {
    fn for_this_process(masking: bool) -> Self {
        if !masking {
            return Self::Inherited;
        }
        #[cfg(unix)]
        {
            use std::io::IsTerminal;
            if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() && std::io::stderr().is_terminal() {
                return Self::Terminal;
            }
        }
        Self::Pipes
    }
}

/// Runs `command` with `variable` = the key; returns the command's exit code
/// (128 + N when signal N ended it, as shells report it). With `masking`,
/// the key is replaced in the child's output (see [`crate::masking`]); in a
/// terminal the child then runs on one of its own ([`crate::pty`]).
pub fn with_key_in_environment(variable: &str, key: SecretKey, command: &[OsString], masking: bool) -> ExitCode {
    let Some((program, args)) = command.split_first() else {
        return exit::code(exit::USAGE);
    };
    let output = Output::for_this_process(masking);
    let secret = Zeroizing::new(key.expose_secret().as_bytes().to_vec());
    let mut child_command = Command::new(program);
    child_command.args(args).env(variable, key.expose_secret());
    #[cfg(unix)]
    let terminal = match output {
        Output::Terminal => {
            match crate::pty::Pty::open().and_then(|pty| pty.attach(&mut child_command).map(|()| pty)) {
                Ok(pty) => Some(pty),
                Err(error) => {
                    eprintln!("toucan-keys-cli: a terminal for the command couldn't be opened: {error}");
                    return exit::code(exit::FAILURE);
                }
            }
        }
        _ => None,
    };
    if output == Output::Pipes {
        child_command.stdout(Stdio::piped()).stderr(Stdio::piped());
    }
    // Before the child starts: a signal that comes while it starts is kept
    // and passed on once it has started, not lost.
    forward_signals();
    let spawned = child_command.spawn();
    // Our `SecretKey` is zeroed here. The copy std's `Command` made for the
    // child's environment block was freed with it, not zeroed: std offers no
    // way to zero it.
    drop(child_command);
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
    let mut streams = Streams::new();
    if let (Some(stdout), Some(stderr)) = (child.stdout.take(), child.stderr.take()) {
        streams.copy(stdout, Sink::Stdout, &secret);
        streams.copy(stderr, Sink::Stderr, &secret);
    }
    #[cfg(unix)]
    let raw_mode = terminal.map(|pty| {
        let master = pty.into_master();
        if let Ok(mut typed_to) = master.try_clone() {
            // Ends with this process: a read of the person's typing can't be cancelled.
            std::thread::spawn(move || std::io::copy(&mut std::io::stdin().lock(), &mut typed_to));
        }
        streams.copy(master, Sink::Stdout, &secret);
        crate::pty::RawMode::enter().ok()
    });
    // In its own session, the child isn't in this terminal's foreground
    // group: every signal this process gets is passed on, the kernel's too.
    child_started(child.id(), output != Output::Inherited);
    let status = child.wait();
    streams.finish();
    #[cfg(unix)]
    drop(raw_mode);
    match status {
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
    status.code().map_or(exit::FAILURE, windows_exit_code)
}

/// A Windows exit code (32 bits: 259, or 0xC0000005 for a crash) as one this
/// process can return: itself when it fits, else 1. Never 0 for a failure.
#[cfg_attr(unix, allow(dead_code))]
fn windows_exit_code(code: i32) -> u8 {
    u8::try_from(code).unwrap_or(exit::FAILURE)
}

/// The signals `run` passes on to its child.
#[cfg(unix)]
const FORWARDED: [libc::c_int; 4] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGQUIT];

/// The child's pid once it has started; 0 before.
#[cfg(unix)]
static CHILD: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);
/// A signal that came before the child started, to pass on when it has.
#[cfg(unix)]
static PENDING: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);
/// Whether the child is out of this terminal's foreground group (its output
/// masked): then the terminal's signals don't reach it, and are passed on too.
#[cfg(unix)]
static CHILD_APART: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Passes a signal on to the child, once. A signal the terminal sent (Ctrl+C,
/// Ctrl+\, a hang-up) went to the whole foreground process group, the child
/// included, so it isn't sent again: only a signal another process sent to
/// this one (`kill`, a service manager) is. The kernel's signals carry no
/// sender pid.
#[cfg(unix)]
extern "C" fn forward(signal: libc::c_int, info: *mut libc::siginfo_t, _context: *mut libc::c_void) {
    use std::sync::atomic::Ordering;
    // SAFETY: the kernel passes a valid siginfo to an SA_SIGINFO handler.
    let sender = if info.is_null() { 1 } else { unsafe { (*info).si_pid() } };
    if sender == 0 && !CHILD_APART.load(Ordering::SeqCst) {
        return;
    }
    let child = CHILD.load(Ordering::SeqCst);
    if child > 0 {
        // kill is async-signal-safe.
        unsafe { libc::kill(child, signal) };
    } else {
        PENDING.store(signal, Ordering::SeqCst);
    }
}

/// From now on, the signals in [`FORWARDED`] go to the child (once it has
/// started) instead of ending this process, which ends when the child does.
#[cfg(unix)]
fn forward_signals() {
    for signal in FORWARDED {
        // SAFETY: a handler that only reads and writes atomics and calls kill.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = forward as *const () as libc::sighandler_t;
            action.sa_flags = libc::SA_SIGINFO | libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(signal, &action, std::ptr::null_mut());
        }
    }
}

/// The child has started: signals go to it, and one that came meanwhile goes
/// now. `apart`: it doesn't get the terminal's signals itself.
#[cfg(unix)]
fn child_started(child: u32, apart: bool) {
    use std::sync::atomic::Ordering;
    CHILD_APART.store(apart, Ordering::SeqCst);
    CHILD.store(child as i32, Ordering::SeqCst);
    let pending = PENDING.swap(0, Ordering::SeqCst);
    if pending != 0 {
        unsafe { libc::kill(child as i32, pending) };
    }
}

/// On Windows, Ctrl+C reaches every process of the console, the child too.
#[cfg(not(unix))]
fn forward_signals() {}

#[cfg(not(unix))]
fn child_started(_child: u32, _apart: bool) {}

/// While a copy waits for its clear: Ctrl+C (or a terminate, hang-up or quit
/// signal) clears
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
            // The terminal closing, and Ctrl+\, clear it too.
            libc::sigaddset(&mut set, libc::SIGHUP);
            libc::sigaddset(&mut set, libc::SIGQUIT);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A Windows exit code above 255 used to wrap (256 became 0: success).
    #[test]
    fn a_windows_exit_code_that_does_not_fit_is_a_failure_never_zero() {
        assert_eq!(windows_exit_code(0), 0);
        assert_eq!(windows_exit_code(42), 42);
        assert_eq!(windows_exit_code(255), 255);
        assert_eq!(windows_exit_code(256), exit::FAILURE);
        assert_eq!(windows_exit_code(259), exit::FAILURE);
        assert_eq!(windows_exit_code(0xC000_0005_u32 as i32), exit::FAILURE);
        assert_eq!(windows_exit_code(-1), exit::FAILURE);
    }
}
