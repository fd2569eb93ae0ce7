//! Values computed from nothing but their key, kept for the life of the process: the
//! key is the whole input, so an entry never goes stale and needs no data version
//! (unlike [`crate::db::versioned`]). Bounded: past `limit` entries it starts again.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;

pub struct Memo<K, V> {
    entries: Mutex<Option<HashMap<K, V>>>,
    limit: usize,
}

impl<K: Eq + Hash, V: Clone> Memo<K, V> {
    /// A memo of at most `limit` entries.
    pub const fn new(limit: usize) -> Self {
        Self { entries: Mutex::new(None), limit }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<HashMap<K, V>>> {
        self.entries.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The value remembered for `key`.
    pub fn get(&self, key: &K) -> Option<V> {
        self.lock().as_ref().and_then(|m| m.get(key)).cloned()
    }

    /// Remembers `value` for `key`; when full, forgets everything else first.
    pub fn insert(&self, key: K, value: V) {
        let mut entries = self.lock();
        let entries = entries.get_or_insert_with(HashMap::new);
        if entries.len() >= self.limit {
            entries.clear();
        }
        entries.insert(key, value);
    }
}
