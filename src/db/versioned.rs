//! Values computed from the database and kept in memory until the data they come from
//! changes: the catalogue's search facts, sector reports. The caches belong to the
//! application ([`Caches`], owned by `AppState`), not to the process.
//!
//! Every write to a table of the catalogue or the figures bumps the database's data
//! version in the writing transaction (triggers, migration 000012), so every process
//! sees a committed change at its next read. The version is read before a value is
//! computed, so a write in between can only cause one extra computation, never a stale
//! value. Values are kept per database (the `instance` of its version row), as one
//! process may open several (the tests do).
//!
//! Every cache declares the tables its values are computed from ([`Declared`]);
//! `tests/it/caches.rs` checks on both databases that each of them has the triggers that
//! bump the version on insert, update and delete. A cache that reads a new table must
//! name it, and the table needs its triggers in a migration.

use std::any::{Any, TypeId};
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

/// The caches of one application, by type: each module keeps its caches in one struct of
/// its own (`Default`), made on first use. `AppState` owns one; a command-line job makes
/// its own. What a cache holds lives as long as the `Caches` that holds it.
#[derive(Default)]
pub struct Caches(Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>);

impl Caches {
    /// The caches of type `T`, made now if they were not yet.
    pub fn get<T: Default + Send + Sync + 'static>(&self) -> Arc<T> {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let entry = map.entry(TypeId::of::<T>()).or_insert_with(|| Arc::new(T::default()));
        Arc::clone(entry).downcast::<T>().expect("each entry is keyed by its own type")
    }
}

/// A cache of `V` by `K`, valid for one data version.
pub struct Cache<K, V> {
    entries: OnceLock<Mutex<Entries<K, V>>>,
    limit: usize,
    declared: Declared,
}

/// What a cache is called and the tables its values are computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declared {
    pub name: &'static str,
    pub tables: &'static [&'static str],
}

/// Tables only `migrate` writes (reference data): a cache may read them without triggers.
pub const REFERENCE_TABLES: &[&str] = &["cpv_codes"];

impl<K: Eq + Hash + Clone, V> Cache<K, V> {
    /// A cache called `name` of values computed from `tables`.
    pub const fn new(name: &'static str, tables: &'static [&'static str]) -> Self {
        Self::with_limit(name, tables, MAX_ENTRIES)
    }

    /// As [`Cache::new`], with at most `limit` values per database.
    pub const fn with_limit(name: &'static str, tables: &'static [&'static str], limit: usize) -> Self {
        Self { entries: OnceLock::new(), limit, declared: Declared { name, tables } }
    }

    pub fn declared(&self) -> Declared {
        self.declared
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

/// The database's instance and its current data version.
pub fn data_version(conn: &mut DbConn) -> QueryResult<(String, i64)> {
    cache_versions::table.find("catalogue").select((cache_versions::instance, cache_versions::version)).first(conn)
}
