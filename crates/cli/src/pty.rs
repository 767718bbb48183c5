//! A pseudo-terminal for `run`'s child (Linux and macOS), so a child whose
//! output is masked still sees a terminal: it keeps its colours, its progress
//! bars and its prompts (a password prompt with echo off included).
//!
//! The child gets the terminal's "slave" side as its standard input, output
//! and error, in a session of its own with that terminal as its controlling
//! one. This process reads the "master" side (masking what the child writes)
//! and writes what the person types into it, with its own terminal in raw
//! mode meanwhile, so Ctrl+C and Ctrl+\ reach the child through its terminal,
//! once, as they would without `run`.

use std::fs::File;
use std::io;
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicI32, Ordering};

/// The child's terminal.
pub struct Pty {
    master: File,
    slave: OwnedFd,
}

/// The master side while a child runs on it, for the window-size handler.
static MASTER: AtomicI32 = AtomicI32::new(-1);

impl Pty {
    /// A new terminal the size of this process's own (standard input's).
    pub fn open() -> io::Result<Self> {
        let (mut master, mut slave) = (-1, -1);
        // SAFETY: plain calls with out-pointers to locals.
        unsafe {
            let mut size: libc::winsize = std::mem::zeroed();
            libc::ioctl(libc::STDIN_FILENO, libc::TIOCGWINSZ, &mut size);
            // termios and winsize are `*const` on Linux, `*mut` on macOS.
            let (no_settings, size) = (std::ptr::null_mut::<libc::termios>() as _, &raw mut size as _);
            if libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), no_settings, size) != 0 {
                return Err(io::Error::last_os_error());
            }
            // Neither side is inherited by the child except as its standard streams.
            libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC);
            libc::fcntl(slave, libc::F_SETFD, libc::FD_CLOEXEC);
            Ok(Self {
                master: File::from_raw_fd(master),
                slave: OwnedFd::from_raw_fd(slave),
            })
        }
    }

    /// Gives `command` this terminal as its standard streams and its
    /// controlling terminal, in a session of its own.
    pub fn attach(&self, command: &mut Command) -> io::Result<()> {
        command
            .stdin(Stdio::from(self.slave.try_clone()?))
            .stdout(Stdio::from(self.slave.try_clone()?))
            .stderr(Stdio::from(self.slave.try_clone()?));
        // SAFETY: setsid and ioctl are async-signal-safe, as pre_exec requires.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() == -1 || libc::ioctl(libc::STDIN_FILENO, libc::TIOCSCTTY as _, 0) == -1 {
                    return Err(io::Error::last_os_error());
                }
                Ok(())
            });
        }
        Ok(())
    }

    /// Once the child has started: closes this process's copy of the child's
    /// side (so reading the master ends when the child's side closes) and
    /// returns the master. The child's terminal follows this one's size.
    pub fn into_master(self) -> File {
        drop(self.slave);
        MASTER.store(std::os::fd::AsRawFd::as_raw_fd(&self.master), Ordering::SeqCst);
        follow_window_size();
        self.master
    }
}

/// Resizes the child's terminal when this one is resized (SIGWINCH).
fn follow_window_size() {
    extern "C" fn resized(_signal: libc::c_int) {
        let master = MASTER.load(Ordering::SeqCst);
        if master < 0 {
            return;
        }
        // SAFETY: ioctl on descriptors this process holds; no allocation.
        unsafe {
            let mut size: libc::winsize = std::mem::zeroed();
            if libc::ioctl(libc::STDIN_FILENO, libc::TIOCGWINSZ, &mut size) == 0 {
                libc::ioctl(master, libc::TIOCSWINSZ, &size);
            }
        }
    }
    // SAFETY: a handler that only reads an atomic and calls ioctl.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = resized as *const () as libc::sighandler_t;
        action.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGWINCH, &action, std::ptr::null_mut());
    }
}

/// This process's terminal in raw mode until dropped: what the person types
/// goes to the child's terminal as typed, and that terminal decides what
/// Ctrl+C, Ctrl+D and echo mean.
pub struct RawMode {
    saved: libc::termios,
}

impl RawMode {
    /// Puts standard input's terminal in raw mode.
    pub fn enter() -> io::Result<Self> {
        // SAFETY: tcgetattr and tcsetattr on standard input, with locals.
        unsafe {
            let mut saved: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(libc::STDIN_FILENO, &mut saved) != 0 {
                return Err(io::Error::last_os_error());
            }
            let mut raw = saved;
            libc::cfmakeraw(&mut raw);
            if libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &raw) != 0 {
                return Err(io::Error::last_os_error());
            }
            Ok(Self { saved })
        }
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        // SAFETY: restores what enter() read.
        unsafe {
            libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &self.saved);
        }
    }
}
