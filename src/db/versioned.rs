//! Values computed from the database and kept in memory until the data they come from
//! changes: the catalogue's search facts, sector reports.
//!
//! Every write to a table of the catalogue or the figures bumps the database's data
//! version in the writing transaction (triggers, migration 000012), so every process
//! sees a committed change at its next read. The version is read before a value is
//! computed, so a write in between can only cause one extra computation, never a stale
//! value. Values are kept per database (the `instance` of its version row), as one
//! process may open several (the tests do).

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex, OnceLock};

use diesel::prelude::*;

use super::schema::cache_versions;
use super::DbConn;

/// At most this many values per database unless a cache says otherwise; beyond it all
/// of that database's values go (in practice a write has made most unreachable long
/// before).
const MAX_ENTRIES: usize = 512;

type Entries<K, V> = HashMap<(String, K), (i64, Arc<V>)>;

/// A cache of `V` by `K`, valid for one data version.
pub struct Cache<K, V> {
    entries: OnceLock<Mutex<Entries<K, V>>>,
    limit: usize,
}

impl<K: Eq + Hash + Clone, V> Cache<K, V> {
    pub const fn new() -> Self {
        Self::with_limit(MAX_ENTRIES)
    }

    /// A cache of at most `limit` values per database.
    pub const fn with_limit(limit: usize) -> Self {
        Self { entries: OnceLock::new(), limit }
    }

    /// The value for `key` at the database's current data version, computed by `load`
    /// when there is none yet.
    pub fn get_or_load<E: From<diesel::result::Error>>(
        &self,
        conn: &mut DbConn,
        key: K,
        load: impl FnOnce(&mut DbConn) -> Result<V, E>,
    ) -> Result<Arc<V>, E> {
        let (instance, version) = data_version(conn)?;
        let entries = self.entries.get_or_init(Default::default);
        let slot = (instance, key);
        if let Some((v, value)) = entries.lock().unwrap_or_else(|e| e.into_inner()).get(&slot) {
            if *v == version {
                return Ok(Arc::clone(value));
            }
        }
        let value = Arc::new(load(conn)?);
        let mut map = entries.lock().unwrap_or_else(|e| e.into_inner());
        // Values of older versions of this database can never be read again.
        map.retain(|(instance, _), (v, _)| *instance != slot.0 || *v >= version);
        if map.len() >= self.limit {
            map.retain(|(instance, _), _| *instance != slot.0);
        }
        map.insert(slot, (version, Arc::clone(&value)));
        Ok(value)
    }
}

impl<K: Eq + Hash + Clone, V> Default for Cache<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

/// The database's instance and its current data version.
pub fn data_version(conn: &mut DbConn) -> QueryResult<(String, i64)> {
    cache_versions::table.find("catalogue").select((cache_versions::instance, cache_versions::version)).first(conn)
}
