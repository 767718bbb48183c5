//! A per-key limit on token requests: a fixed one-minute window per key,
//! counted with atomics so concurrent requests don't wait on a lock. At the
//! turn of a window a few requests may be counted in either window.
//! Each server process counts on its own (see docs/EMBED_SERVER.md).

use std::collections::HashMap;
use std::sync::RwLock;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::Instant;

const WINDOW_MS: u64 = 60_000;

/// Counts requests per key id in one-minute windows.
pub struct RateLimiter {
    per_minute: u32,
    started: Instant,
    windows: RwLock<HashMap<String, Window>>,
}

struct Window {
    /// Milliseconds since `started` when this window began.
    began_ms: AtomicU64,
    count: AtomicU32,
}

impl Window {
    fn allow(&self, now_ms: u64, per_minute: u32) -> bool {
        let began = self.began_ms.load(Ordering::Acquire);
        if now_ms.saturating_sub(began) >= WINDOW_MS
            && self
                .began_ms
                .compare_exchange(began, now_ms, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
        {
            self.count.store(0, Ordering::Release);
        }
        self.count.fetch_add(1, Ordering::AcqRel) < per_minute
    }
}

impl RateLimiter {
    /// Allows `per_minute` requests per key per minute.
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute,
            started: Instant::now(),
            windows: RwLock::new(HashMap::new()),
        }
    }

    /// Counts a request for `key_id`; false if it is over the limit.
    pub fn allow(&self, key_id: &str) -> bool {
        self.allow_at_most(key_id, None)
    }

    /// The same, for a key whose own limit (`Some(n)` per minute) may be
    /// lower than the server's; never higher.
    pub fn allow_at_most(&self, key_id: &str, own: Option<u32>) -> bool {
        let per_minute = own.map_or(self.per_minute, |own| own.min(self.per_minute));
        let now_ms = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        if let Some(window) = self
            .windows
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(key_id)
        {
            return window.allow(now_ms, per_minute);
        }
        let mut windows = self.windows.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        windows
            .entry(key_id.to_owned())
            .or_insert_with(|| Window {
                began_ms: AtomicU64::new(now_ms),
                count: AtomicU32::new(0),
            })
            .allow(now_ms, per_minute)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_gets_its_own_budget() {
        let limiter = RateLimiter::new(2);
        assert!(limiter.allow("a") && limiter.allow("a"));
        assert!(!limiter.allow("a"), "a third request in the minute");
        assert!(limiter.allow("b"), "another key is counted apart");
    }

    #[test]
    fn a_key_s_own_limit_is_lower_never_higher() {
        let limiter = RateLimiter::new(3);
        assert!(limiter.allow_at_most("a", Some(1)));
        assert!(!limiter.allow_at_most("a", Some(1)), "its own limit is one a minute");
        for _ in 0..3 {
            assert!(limiter.allow_at_most("b", Some(100)));
        }
        assert!(!limiter.allow_at_most("b", Some(100)), "the server's limit still holds");
    }

    #[test]
    fn a_new_window_starts_the_count_again() {
        let window = Window {
            began_ms: AtomicU64::new(0),
            count: AtomicU32::new(0),
        };
        assert!(window.allow(10, 1));
        assert!(!window.allow(20, 1));
        assert!(window.allow(WINDOW_MS + 20, 1), "a minute later");
    }
}
