//! Copying a key to the clipboard and clearing it again, as password managers
//! do: the clipboard is cleared after a delay only if it still holds that key,
//! and a new copy restarts the timer.
//!
//! While waiting, only a SHA-256 digest of the copied key is kept, not the key.
//! One timer thread per guard waits for the latest copy's deadline, however
//! many copies are made.
//!
//! What is and isn't possible, per system: the check "does the clipboard still
//! hold our key?" and the clear are two steps. Between them another program
//! can copy something, which the clear then removes; no clipboard API on
//! Linux (X11, Wayland), macOS or Windows offers a compare-and-clear. When the
//! clipboard can't be read at all, it is cleared anyway: losing what someone
//! else copied is the lesser harm than leaving a key there. On X11 and Wayland
//! the clipboard's content is served by the program that copied it, so what
//! Toucan Keys copied also disappears when it quits.

#[cfg(feature = "system-clipboard")]
#[path = "clipboard_system.rs"]
mod system;

use std::sync::{Arc, Condvar, Mutex, Weak};

use std::time::{Duration, Instant};
#[cfg(feature = "system-clipboard")]
pub use system::SystemClipboard;

use sha2::{Digest, Sha256};

use crate::error::CoreError;
use crate::secret::ExposeSecret;

/// The system clipboard, as the guard needs it. The app implements this with
/// the OS clipboard; tests with a fake.
pub trait Clipboard: Send + 'static {
    /// Puts `text` on the clipboard, marked as a secret (kept out of clipboard
    /// history) where the OS supports it.
    fn set_secret(&mut self, text: &str) -> Result<(), String>;
    /// Puts text that isn't secret (a code snippet, a fingerprint) on the
    /// clipboard, as any app would: kept in history, never cleared.
    fn set_text(&mut self, text: &str) -> Result<(), String>;
    /// The clipboard's text now: `Ok(None)` if it holds something that isn't
    /// text, `Err` if it can't be read.
    fn text(&mut self) -> Result<Option<String>, String>;
    /// Empties the clipboard.
    fn clear(&mut self) -> Result<(), String>;
}

/// A boxed clipboard is a clipboard (the app picks one at start-up).
impl Clipboard for Box<dyn Clipboard> {
    fn set_secret(&mut self, text: &str) -> Result<(), String> {
        (**self).set_secret(text)
    }
    fn set_text(&mut self, text: &str) -> Result<(), String> {
        (**self).set_text(text)
    }
    fn text(&mut self) -> Result<Option<String>, String> {
        (**self).text()
    }
    fn clear(&mut self) -> Result<(), String> {
        (**self).clear()
    }
}

struct GuardState<C> {
    clipboard: C,
    /// Counts copies; a pending clear only acts if no copy came after it.
    generation: u64,
    /// Digest of the key last copied, while a clear is pending.
    copied_digest: Option<[u8; 32]>,
}

/// When the latest copy is due to be cleared, shared with the timer thread.
#[derive(Default)]
struct Timer {
    /// The deadline and the copy it belongs to, while a clear is pending.
    due: Mutex<Option<(Instant, u64)>>,
    /// Wakes the timer thread when the deadline changes.
    changed: Condvar,
    /// Whether the timer thread is running.
    started: Mutex<bool>,
}

/// Writes keys to the clipboard and clears them again.
pub struct ClipboardGuard<C: Clipboard> {
    state: Arc<Mutex<GuardState<C>>>,
    timer: Arc<Timer>,
}

impl<C: Clipboard> Clone for ClipboardGuard<C> {
    fn clone(&self) -> Self {
        Self {
            state: self.state.clone(),
            timer: self.timer.clone(),
        }
    }
}

impl<C: Clipboard> ClipboardGuard<C> {
    /// A guard over `clipboard`.
    pub fn new(clipboard: C) -> Self {
        Self {
            state: Arc::new(Mutex::new(GuardState {
                clipboard,
                generation: 0,
                copied_digest: None,
            })),
            timer: Arc::default(),
        }
    }

    /// Copies text that isn't secret, with no clear. A clear still pending
    /// for an earlier key no longer acts (the clipboard holds this now).
    pub fn copy_plain(&self, text: &str) -> Result<(), CoreError> {
        let mut state = self.lock();
        state
            .clipboard
            .set_text(text)
            .map_err(|detail| CoreError::Clipboard { detail })?;
        state.generation += 1;
        state.copied_digest = None;
        Ok(())
    }

    /// Copies `secret` (a key or a session token) and, with a delay, schedules
    /// it to be cleared. Returns the copy's generation (for
    /// [`Self::clear_if_unchanged`]). If the timer can't be started, nothing is
    /// copied.
    pub fn copy(&self, secret: &dyn ExposeSecret, clear_after: Option<Duration>) -> Result<u64, CoreError> {
        if clear_after.is_some() {
            self.start_timer()?;
        }
        let generation = {
            let mut state = self.lock();
            state
                .clipboard
                .set_secret(secret.expose_secret())
                .map_err(|detail| CoreError::Clipboard { detail })?;
            state.generation += 1;
            state.copied_digest = Some(digest(secret.expose_secret()));
            state.generation
        };
        let mut due = self.timer.due.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        *due = clear_after.map(|delay| (Instant::now() + delay, generation));
        self.timer.changed.notify_all();
        Ok(generation)
    }

    /// Starts the one timer thread, unless it runs already.
    fn start_timer(&self) -> Result<(), CoreError> {
        let mut started = self
            .timer
            .started
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if *started {
            return Ok(());
        }
        let state = Arc::downgrade(&self.state);
        let timer = self.timer.clone();
        std::thread::Builder::new()
            .name("clipboard-clear".into())
            .spawn(move || run_timer(&state, &timer))
            .map_err(|error| CoreError::Clipboard {
                detail: format!("the timer that clears it couldn't start: {error}"),
            })?;
        *started = true;
        Ok(())
    }

    /// How many timer threads this guard has started (at most one).
    #[cfg(test)]
    fn timer_threads(&self) -> usize {
        usize::from(*self.timer.started.lock().unwrap())
    }

    /// Clears the clipboard if copy `generation` is still the latest and the
    /// clipboard still holds that key, or can't be read (then it may).
    /// Returns whether it cleared.
    pub fn clear_if_unchanged(&self, generation: u64) -> bool {
        clear_if_unchanged(&self.state, generation)
    }

    /// Clears the clipboard now if it still holds the last copied key, or
    /// can't be read (when the app quits). Returns whether it cleared.
    pub fn clear_now(&self) -> bool {
        clear_if_ours(&mut self.lock())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, GuardState<C>> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Clears if copy `generation` is still the latest and the clipboard may still hold it.
fn clear_if_unchanged<C: Clipboard>(state: &Mutex<GuardState<C>>, generation: u64) -> bool {
    let mut state = state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    state.generation == generation && clear_if_ours(&mut state)
}

/// Clears if the clipboard may still hold the last copied key.
fn clear_if_ours<C: Clipboard>(state: &mut GuardState<C>) -> bool {
    let Some(expected) = state.copied_digest else {
        return false;
    };
    let may_hold_key = match state.clipboard.text() {
        Ok(text) => text.is_some_and(|text| digest(&text) == expected),
        // Can't tell what it holds: clear, so a key is never left behind.
        Err(_) => true,
    };
    state.copied_digest = None;
    may_hold_key && state.clipboard.clear().is_ok()
}

/// The timer thread: waits for the pending deadline, clears if that copy is
/// still the latest, and ends when its guard is gone.
fn run_timer<C: Clipboard>(state: &Weak<Mutex<GuardState<C>>>, timer: &Timer) {
    let mut due = timer.due.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    loop {
        match *due {
            None => {
                let (next, _) = timer
                    .changed
                    .wait_timeout(due, Duration::from_secs(60))
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                due = next;
            }
            Some((at, generation)) if Instant::now() >= at => {
                *due = None;
                drop(due);
                let Some(state) = state.upgrade() else { return };
                clear_if_unchanged(&state, generation);
                due = timer.due.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            }
            Some((at, _)) => {
                let (next, _) = timer
                    .changed
                    .wait_timeout(due, at.saturating_duration_since(Instant::now()))
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                due = next;
            }
        }
        if state.strong_count() == 0 {
            return;
        }
    }
}

/// An in-memory clipboard for tests (of the core and of the app shell).
/// Clones share one clipboard, so a test can keep a handle on it.
#[derive(Debug, Default, Clone)]
pub struct MemoryClipboard(Arc<Mutex<Option<String>>>);

impl MemoryClipboard {
    /// What the clipboard holds now.
    pub fn contents(&self) -> Option<String> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// Another program copies `text`.
    pub fn copy_from_elsewhere(&self, text: &str) {
        *self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(text.to_owned());
    }
}

impl Clipboard for MemoryClipboard {
    fn set_secret(&mut self, text: &str) -> Result<(), String> {
        self.copy_from_elsewhere(text);
        Ok(())
    }
    fn set_text(&mut self, text: &str) -> Result<(), String> {
        self.copy_from_elsewhere(text);
        Ok(())
    }
    fn text(&mut self) -> Result<Option<String>, String> {
        Ok(self.contents())
    }
    fn clear(&mut self) -> Result<(), String> {
        *self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
        Ok(())
    }
}

fn digest(text: &str) -> [u8; 32] {
    Sha256::digest(text.trim().as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::key_format::generate;

    #[test]
    fn the_latest_copy_is_cleared_when_its_time_comes() {
        let board = MemoryClipboard::default();
        let guard = ClipboardGuard::new(board.clone());
        let key = generate();
        let generation = guard.copy(&key, None).unwrap();
        assert_eq!(board.contents().as_deref(), Some(key.expose_secret()));
        assert!(guard.clear_if_unchanged(generation));
        assert_eq!(board.contents(), None);
    }

    #[test]
    fn something_else_copied_meanwhile_is_left_alone() {
        let board = MemoryClipboard::default();
        let guard = ClipboardGuard::new(board.clone());
        let generation = guard.copy(&generate(), None).unwrap();
        board.copy_from_elsewhere("a shopping list");
        assert!(!guard.clear_if_unchanged(generation));
        assert_eq!(board.contents().as_deref(), Some("a shopping list"));
    }

    #[test]
    fn a_new_copy_restarts_the_timer() {
        let board = MemoryClipboard::default();
        let guard = ClipboardGuard::new(board.clone());
        let first = guard.copy(&generate(), None).unwrap();
        let second_key = generate();
        let second = guard.copy(&second_key, None).unwrap();
        assert!(
            !guard.clear_if_unchanged(first),
            "the first copy's timer cleared the second copy"
        );
        assert_eq!(board.contents().as_deref(), Some(second_key.expose_secret()));
        assert!(guard.clear_if_unchanged(second));
    }

    #[test]
    fn the_timer_thread_clears_after_the_delay() {
        let board = MemoryClipboard::default();
        let guard = ClipboardGuard::new(board.clone());
        guard.copy(&generate(), Some(Duration::from_millis(20))).unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while board.contents().is_some() && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(board.contents(), None);
    }

    #[test]
    fn quitting_clears_only_our_key() {
        let board = MemoryClipboard::default();
        let guard = ClipboardGuard::new(board.clone());
        guard.copy(&generate(), None).unwrap();
        assert!(guard.clear_now());
        guard.copy(&generate(), None).unwrap();
        board.copy_from_elsewhere("mine");
        assert!(!guard.clear_now());
        assert_eq!(board.contents().as_deref(), Some("mine"));
    }

    #[test]
    fn many_copies_share_one_timer_and_only_the_last_deadline_counts() {
        let board = MemoryClipboard::default();
        let guard = ClipboardGuard::new(board.clone());
        for _ in 0..50 {
            guard.copy(&generate(), Some(Duration::from_millis(1500))).unwrap();
        }
        let last = generate();
        let copied_at = Instant::now();
        guard.copy(&last, Some(Duration::from_millis(1500))).unwrap();
        assert_eq!(guard.timer_threads(), 1);
        std::thread::sleep(Duration::from_millis(100));
        assert_eq!(
            board.contents().as_deref(),
            Some(last.expose_secret()),
            "cleared before its time"
        );
        while board.contents().is_some() && copied_at.elapsed() < Duration::from_secs(10) {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(board.contents(), None);
        assert!(copied_at.elapsed() >= Duration::from_millis(1500));
    }

    /// A clipboard whose content can't be read.
    #[derive(Clone, Default)]
    struct Unreadable(MemoryClipboard);

    impl Clipboard for Unreadable {
        fn set_secret(&mut self, text: &str) -> Result<(), String> {
            self.0.set_secret(text)
        }
        fn set_text(&mut self, text: &str) -> Result<(), String> {
            self.0.set_text(text)
        }
        fn text(&mut self) -> Result<Option<String>, String> {
            Err("the clipboard owner didn't answer".into())
        }
        fn clear(&mut self) -> Result<(), String> {
            self.0.clear()
        }
    }

    #[test]
    fn a_clipboard_that_cant_be_read_is_cleared_anyway() {
        let board = Unreadable::default();
        let guard = ClipboardGuard::new(board.clone());
        let generation = guard.copy(&generate(), None).unwrap();
        assert!(guard.clear_if_unchanged(generation));
        assert_eq!(board.0.contents(), None);
    }
}
