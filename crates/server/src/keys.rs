//! Registered keys as token requests see them: read from memory, by
//! fingerprint, and "last used" times gathered in memory and written in
//! batches. The database is touched once per key until something changes.
//!
//! Correctness over speed: a revocation clears the cache before its reply is
//! sent (this process), or when PostgreSQL's notification arrives (other
//! processes). While the PostgreSQL change feed is down, nothing is cached.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use toucan_keys_protocol::wire::AttributeType;

use crate::store::postgres::Feed;
use crate::store::{KeyInfo, Store, StoreResult};

/// More distinct keys than this in memory and the cache starts over.
const MAX_CACHED_KEYS: usize = 100_000;

/// Declared attribute types by name.
pub type DeclaredTypes = HashMap<String, AttributeType>;

/// Keys by fingerprint, and the declared attributes, in memory.
pub struct KeyCache {
    entries: RwLock<HashMap<String, Arc<KeyInfo>>>,
    /// The declared attributes, once read.
    attributes: RwLock<Option<Arc<DeclaredTypes>>>,
    /// Bumped by each invalidation: a database read that started before it
    /// must not put what it read into the cache.
    generation: AtomicU64,
    enabled: AtomicBool,
    lookups: AtomicU64,
}

impl KeyCache {
    /// An empty cache; `enabled` false until a change feed says it may cache.
    pub fn new(enabled: bool) -> Self {
        Self {
            entries: RwLock::new(HashMap::new()),
            attributes: RwLock::new(None),
            generation: AtomicU64::new(0),
            enabled: AtomicBool::new(enabled),
            lookups: AtomicU64::new(0),
        }
    }

    /// The key with this fingerprint, from memory or else the database.
    pub async fn find(&self, store: &Store, fingerprint: &str) -> StoreResult<Option<Arc<KeyInfo>>> {
        self.lookups.fetch_add(1, Ordering::Relaxed);
        let enabled = self.enabled.load(Ordering::Acquire);
        if enabled && let Some(hit) = self.read().get(fingerprint) {
            return Ok(Some(hit.clone()));
        }
        let generation = self.generation.load(Ordering::Acquire);
        let Some(found) = store.key_by_fingerprint(fingerprint).await? else {
            return Ok(None);
        };
        let found = Arc::new(found);
        if enabled {
            let mut entries = self.entries.write().unwrap_or_else(|poisoned| poisoned.into_inner());
            if self.generation.load(Ordering::Acquire) == generation {
                if entries.len() >= MAX_CACHED_KEYS {
                    entries.clear();
                }
                entries.insert(fingerprint.to_owned(), found.clone());
            }
        }
        Ok(Some(found))
    }

    /// The declared attributes by name, from memory or else the database.
    pub async fn declared_attributes(&self, store: &Store) -> StoreResult<Arc<DeclaredTypes>> {
        let enabled = self.enabled.load(Ordering::Acquire);
        if enabled
            && let Some(known) = self
                .attributes
                .read()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .as_ref()
        {
            return Ok(known.clone());
        }
        let generation = self.generation.load(Ordering::Acquire);
        let declared: DeclaredTypes = store
            .attributes()
            .await?
            .into_iter()
            .filter_map(|(name, kind)| Some((name, AttributeType::from_name(&kind)?)))
            .collect();
        let declared = Arc::new(declared);
        if enabled {
            let _entries = self.entries.write().unwrap_or_else(|poisoned| poisoned.into_inner());
            if self.generation.load(Ordering::Acquire) == generation {
                *self.attributes.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(declared.clone());
            }
        }
        Ok(declared)
    }

    /// Forgets every key and the declared attributes: the next request reads the database.
    pub fn invalidate(&self) {
        let mut entries = self.entries.write().unwrap_or_else(|poisoned| poisoned.into_inner());
        self.generation.fetch_add(1, Ordering::AcqRel);
        entries.clear();
        *self.attributes.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = None;
    }

    /// Follows a change feed: caches only while it listens.
    pub fn follow(&self, feed: Feed) {
        match feed {
            Feed::Listening => {
                self.invalidate();
                self.enabled.store(true, Ordering::Release);
            }
            Feed::Changed => self.invalidate(),
            Feed::Lost => {
                self.enabled.store(false, Ordering::Release);
                self.invalidate();
            }
        }
    }

    /// How many key lookups requests have made (from memory or not): tests
    /// show that a malformed key never gets this far.
    pub fn lookups(&self) -> u64 {
        self.lookups.load(Ordering::Relaxed)
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, HashMap<String, Arc<KeyInfo>>> {
        self.entries.read().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// "Last used" times not written yet, by key id. Recording takes a shared
/// lock and an atomic, so concurrent requests don't wait on each other.
#[derive(Default)]
pub struct PendingUses {
    /// Unix seconds of the latest unwritten use; 0: nothing pending.
    latest: RwLock<HashMap<String, AtomicI64>>,
}

/// How often pending "last used" times are written.
pub const WRITE_USES_EVERY: std::time::Duration = std::time::Duration::from_secs(2);

impl PendingUses {
    /// Notes that key `id` was used at `at` (Unix seconds).
    pub fn record(&self, id: &str, at: i64) {
        if let Some(latest) = self
            .latest
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(id)
        {
            latest.fetch_max(at, Ordering::AcqRel);
            return;
        }
        self.latest
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .entry(id.to_owned())
            .or_default()
            .fetch_max(at, Ordering::AcqRel);
    }

    /// Writes what is pending. On failure it stays pending for the next try.
    pub async fn write(&self, store: &Store) -> StoreResult<()> {
        let batch: Vec<(String, i64)> = self
            .latest
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .iter()
            .filter_map(|(id, latest)| {
                let at = latest.swap(0, Ordering::AcqRel);
                (at > 0).then(|| (id.clone(), at))
            })
            .collect();
        if batch.is_empty() {
            return Ok(());
        }
        let written = store.record_uses(&batch).await;
        if written.is_err() {
            for (id, at) in &batch {
                self.record(id, *at);
            }
        }
        written
    }
}
