//! Copying a key to the clipboard and clearing it again, as password managers
//! do: the clipboard is cleared after a delay only if it still holds that key,
//! and a new copy restarts the timer.
//!
//! While waiting, only a SHA-256 digest of the copied key is kept, not the key.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::error::CoreError;
use crate::secret::ExposeSecret;

/// The system clipboard, as the guard needs it. The app implements this with
/// the OS clipboard; tests with a fake.
pub trait Clipboard: Send + 'static {
    /// Puts `text` on the clipboard, marked as a secret (kept out of clipboard
    /// history) where the OS supports it.
    fn set_secret(&mut self, text: &str) -> Result<(), String>;
    /// The clipboard's text now, if it holds text.
    fn text(&mut self) -> Option<String>;
    /// Empties the clipboard.
    fn clear(&mut self) -> Result<(), String>;
}

/// A boxed clipboard is a clipboard (the app picks one at start-up).
impl Clipboard for Box<dyn Clipboard> {
    fn set_secret(&mut self, text: &str) -> Result<(), String> {
        (**self).set_secret(text)
    }
    fn text(&mut self) -> Option<String> {
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

/// Writes keys to the clipboard and clears them again.
pub struct ClipboardGuard<C: Clipboard> {
    state: Arc<Mutex<GuardState<C>>>,
}

impl<C: Clipboard> Clone for ClipboardGuard<C> {
    fn clone(&self) -> Self {
        Self {
            state: self.state.clone(),
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
        }
    }

    /// Copies `secret` (a key or a session token) and, with a delay, schedules
    /// it to be cleared. Returns the copy's generation (for
    /// [`Self::clear_if_unchanged`]).
    pub fn copy(&self, secret: &dyn ExposeSecret, clear_after: Option<Duration>) -> Result<u64, CoreError> {
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
        if let Some(delay) = clear_after {
            let guard = self.clone();
            std::thread::Builder::new()
                .name("clipboard-clear".into())
                .spawn(move || {
                    std::thread::sleep(delay);
                    guard.clear_if_unchanged(generation);
                })
                .expect("start the clipboard timer");
        }
        Ok(generation)
    }

    /// Clears the clipboard if copy `generation` is still the latest and the
    /// clipboard still holds that key. Returns whether it cleared.
    pub fn clear_if_unchanged(&self, generation: u64) -> bool {
        let mut state = self.lock();
        state.generation == generation && Self::clear_if_ours(&mut state)
    }

    /// Clears the clipboard now if it still holds the last copied key (when
    /// the app quits). Returns whether it cleared.
    pub fn clear_now(&self) -> bool {
        Self::clear_if_ours(&mut self.lock())
    }

    fn clear_if_ours(state: &mut GuardState<C>) -> bool {
        let Some(expected) = state.copied_digest else {
            return false;
        };
        let holds_key = state.clipboard.text().is_some_and(|text| digest(&text) == expected);
        state.copied_digest = None;
        holds_key && state.clipboard.clear().is_ok()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, GuardState<C>> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
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
    fn text(&mut self) -> Option<String> {
        self.contents()
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
}
