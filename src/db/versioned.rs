//! Values computed from the database and kept in memory until the data they come from
//! changes: the catalogue's search facts, text matches and results, sector reports. The
//! caches belong to the application ([`Caches`], owned by `AppState`), not to the process.
//!
//! Every write to a table of the catalogue or the figures bumps, in the writing
//! transaction, the versions of the [`Kind`]s of data it changes (triggers, migration
//! 000018), so every process sees a committed change at its next read. The versions are
//! read before a value is computed, so a write in between can only cause one extra
//! computation, never a stale value. Values are kept per database (the `instance` of its
//! version rows), as one process may open several (the tests do).
//!
//! A write to the facts also records which WISE changed under the new facts version
//! (the change feed, [`changed_since`]): the search keeps the facts of every WISE in
//! an [`Incremental`] value and loads again only those of the WISEs that changed.
//!
//! Every cache declares its kinds and the tables its values are computed from
//! ([`Declared`]); `tests/it/caches.rs` checks on both databases that each of those
//! tables has triggers that bump one of the cache's kinds on insert, update and delete.
//! A cache that reads a new table must name it, and the table needs its triggers in a
//! migration.
//!
//! One computation at a time per value: a request that finds its value missing or out
//! of date computes it while holding that value's slot, and concurrent requests for the
//! same value wait for it rather than compute it again. What a cache keeps is bounded in
//! bytes ([`Weigh`]); beyond its budget the values used least recently go (the one just
//! computed stays, even when it alone is over the budget).

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer};

use super::DbConn;

/// A kind of data with its own version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The words searches match: the WISEs' and offerings' text.
    Text,
    /// What searches filter on, per WISE: profile, sectors, target groups, active
    /// offerings with where they deliver, accepted figures. Recorded per WISE in the
    /// change feed. A submission that is not accepted does not change it.
    Facts,
    /// What reports add up: counted figures, the approved WISEs and their sectors, periods.
    Figures,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Text, Kind::Facts, Kind::Figures];

    /// Its name in `cache_versions` and in the triggers.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Facts => "facts",
            Kind::Figures => "figures",
        }
    }
}

/// The versions of a database's kinds of data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Versions {
    /// Which database (tells databases apart in a process that opens several).
    pub instance: String,
    versions: [i64; 3],
}

impl Versions {
    pub fn of(&self, kind: Kind) -> i64 {
        self.versions[kind as usize]
    }

    /// One number that grows whenever any of `kinds` changes (each version only grows).
    fn combined(&self, kinds: &[Kind]) -> i64 {
        kinds.iter().map(|k| self.of(*k)).sum()
    }
}

/// The database's instance and the current versions of its kinds of data (one query).
pub fn versions(conn: &mut DbConn) -> QueryResult<Versions> {
    use super::schema::cache_versions;
    let rows: Vec<(String, String, i64)> = cache_versions::table
        .select((cache_versions::name, cache_versions::instance, cache_versions::version))
        .load(conn)?;
    let mut versions = [0; 3];
    let mut instance = String::new();
    for (name, inst, version) in rows {
        if let Some(kind) = Kind::ALL.iter().find(|k| k.name() == name) {
            versions[*kind as usize] = version;
            instance = inst;
        }
    }
    Ok(Versions { instance, versions })
}

/// The change feed keeps this many facts versions (migration 000018); a process
/// further behind loads everything again.
pub const FEED_KEPT: i64 = 10_000;

#[derive(QueryableByName)]
struct FeedRow {
    #[diesel(sql_type = Integer)]
    organisation_id: i32,
    #[diesel(sql_type = BigInt)]
    seq: i64,
}

/// The WISEs whose facts changed after facts version `since` up to `until`, each once,
/// in id order; `None` when that cannot be told (the feed no longer reaches back that
/// far, or a change touched every WISE, such as a period's dates).
pub fn changed_since(conn: &mut DbConn, since: i64, until: i64) -> QueryResult<Option<Vec<i32>>> {
    if until - since >= FEED_KEPT {
        return Ok(None);
    }
    // One statement, so the version it checks and the rows it reads are of one moment:
    // rows after `since` are all there while the version is under `since + FEED_KEPT`.
    const SQL: &str = "SELECT -1 AS organisation_id, version AS seq FROM cache_versions WHERE name = 'facts' \
                       UNION ALL SELECT organisation_id, seq FROM catalogue_changes WHERE seq > ";
    let rows: Vec<FeedRow> = match conn {
        DbConn::Sqlite(c) => diesel::sql_query(format!("{SQL}? AND seq <= ?"))
            .bind::<BigInt, _>(since)
            .bind::<BigInt, _>(until)
            .load(c)?,
        DbConn::Postgres(c) => diesel::sql_query(format!("{SQL}$1 AND seq <= $2"))
            .bind::<BigInt, _>(since)
            .bind::<BigInt, _>(until)
            .load(c)?,
    };
    let mut ids = Vec::new();
    for row in rows {
        match row.organisation_id {
            -1 if row.seq - since >= FEED_KEPT => return Ok(None),
            -1 => {}
            0 => return Ok(None),
            id => ids.push(id),
        }
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(Some(ids))
}

/// What a cached value takes in memory, roughly: its heap and inline size in bytes.
pub trait Weigh {
    fn weight(&self) -> usize;
}

/// The length of a value's JSON: close to what it takes in memory for values made of
/// strings and small numbers (search results, reports), and quick to tell.
pub fn json_weight(value: &impl serde::Serialize) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    let _ = serde_json::to_writer(&mut count, value);
    count.0
}

impl<T: Weigh> Weigh for Vec<T> {
    fn weight(&self) -> usize {
        std::mem::size_of::<Self>() + self.iter().map(Weigh::weight).sum::<usize>()
    }
}

/// The caches of one application, by type: each module keeps its caches in one struct of
/// its own (`Default`), made on first use. `AppState` owns one; a command-line job makes
/// its own. What a cache holds lives as long as the `Caches` that holds it.
#[derive(Default)]
pub struct Caches(Mutex<HashMap<TypeId, Arc<dyn Any + Send + Sync>>>);

impl Caches {
    /// The caches of type `T`, made now if they were not yet.
    pub fn get<T: Default + Send + Sync + 'static>(&self) -> Arc<T> {
        let mut map = lock(&self.0);
        let entry = map.entry(TypeId::of::<T>()).or_insert_with(|| Arc::new(T::default()));
        Arc::clone(entry).downcast::<T>().expect("each entry is keyed by its own type")
    }
}

/// What a cache is called, the kinds of data its values depend on and the tables they
/// are computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declared {
    pub name: &'static str,
    pub kinds: &'static [Kind],
    pub tables: &'static [&'static str],
}

/// Tables only `migrate` writes (reference data): a cache may read them without triggers.
pub const REFERENCE_TABLES: &[&str] = &["cpv_codes"];

/// A mutex's guard, also after a panic elsewhere (the data is replaced, never patched).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// One value's place: its version, the value and what else its cache keeps of it (a
/// [`Cache`]: its weight); locked while it is computed.
type Slot<V, W = usize> = Arc<Mutex<Option<(i64, Arc<V>, W)>>>;

/// Values by database instance and key.
type ByKey<K, T> = OnceLock<Mutex<HashMap<(String, K), T>>>;

struct Entry<V> {
    slot: Slot<V>,
    /// When it was last read (a tick of its cache), for evicting the least recently used.
    used: AtomicU64,
}

/// A cache of `V` by `K`, each value valid for one version of its kinds of data, at most
/// `budget` bytes of values (as [`Weigh`] tells) per cache.
pub struct Cache<K, V> {
    entries: ByKey<K, Entry<V>>,
    tick: AtomicU64,
    budget: usize,
    declared: Declared,
}

impl<K: Eq + Hash + Clone, V: Weigh> Cache<K, V> {
    /// A cache called `name` of values that depend on `kinds`, computed from `tables`,
    /// keeping at most `budget` bytes.
    pub const fn new(
        name: &'static str,
        kinds: &'static [Kind],
        tables: &'static [&'static str],
        budget: usize,
    ) -> Self {
        Self { entries: OnceLock::new(), tick: AtomicU64::new(0), budget, declared: Declared { name, kinds, tables } }
    }

    pub fn declared(&self) -> Declared {
        self.declared
    }

    /// The value for `key` at the current versions of the cache's kinds, computed by
    /// `load` when there is none yet. Concurrent callers for the same key wait for one
    /// computation.
    pub fn get_or_load<E: From<diesel::result::Error>>(
        &self,
        conn: &mut DbConn,
        key: K,
        load: impl FnOnce(&mut DbConn) -> Result<V, E>,
    ) -> Result<Arc<V>, E> {
        let versions = versions(conn)?;
        let version = versions.combined(self.declared.kinds);
        let entries = self.entries.get_or_init(Default::default);
        let key = (versions.instance, key);
        let slot = {
            let mut map = lock(entries);
            let tick = self.tick.fetch_add(1, Ordering::Relaxed);
            let entry =
                map.entry(key.clone()).or_insert_with(|| Entry { slot: Arc::default(), used: AtomicU64::new(tick) });
            entry.used.store(tick, Ordering::Relaxed);
            Arc::clone(&entry.slot)
        };
        let mut value = lock(&slot);
        // A value of a newer version (read by a request that started later) is as good.
        if let Some((_, cached, _)) = value.as_ref().filter(|(v, _, _)| *v >= version) {
            return Ok(Arc::clone(cached));
        }
        let fresh = Arc::new(load(conn)?);
        *value = Some((version, Arc::clone(&fresh), fresh.weight()));
        drop(value);
        self.evict(entries, &key);
        Ok(fresh)
    }

    /// Drops the values used least recently until the rest fit the budget. The value
    /// just computed (`fresh`) stays even when it alone is over the budget, and so do
    /// values being computed (their callers will fill them).
    fn evict(&self, entries: &Mutex<HashMap<(String, K), Entry<V>>>, fresh: &(String, K)) {
        let mut map = lock(entries);
        let mut weighed: Vec<(u64, usize, (String, K))> = map
            .iter()
            .filter(|(key, _)| *key != fresh)
            .filter_map(|(key, e)| {
                let weight = e.slot.try_lock().ok()?.as_ref().map_or(0, |(_, _, w)| *w);
                Some((e.used.load(Ordering::Relaxed), weight, key.clone()))
            })
            .collect();
        let kept = map.get(fresh).and_then(|e| e.slot.try_lock().ok()?.as_ref().map(|(_, _, w)| *w)).unwrap_or(0);
        let mut total: usize = kept + weighed.iter().map(|(_, w, _)| w).sum::<usize>();
        if total <= self.budget {
            return;
        }
        weighed.sort_unstable_by_key(|(used, _, _)| *used);
        for (_, weight, key) in weighed {
            if total <= self.budget {
                break;
            }
            map.remove(&key);
            total -= weight;
        }
    }
}

/// A value per database and key that follows the change feed: when the facts have
/// changed since it was made, `update` makes the new one from the old and the WISEs
/// that changed, or from scratch when the feed cannot tell. One update at a time; the
/// requests that need it meanwhile wait for it.
pub struct Incremental<K, V> {
    slots: ByKey<K, Slot<V, ()>>,
    declared: Declared,
}

impl<K: Eq + Hash + Clone, V> Incremental<K, V> {
    pub const fn new(name: &'static str, tables: &'static [&'static str]) -> Self {
        Self { slots: OnceLock::new(), declared: Declared { name, kinds: &[Kind::Facts], tables } }
    }

    pub fn declared(&self) -> Declared {
        self.declared
    }

    /// The value for `key` as of the current facts version. `update` gets the previous
    /// value and the WISEs changed since, or `None` to compute it whole.
    pub fn get_or_update<E: From<diesel::result::Error>>(
        &self,
        conn: &mut DbConn,
        key: K,
        update: impl FnOnce(&mut DbConn, Option<(&V, &[i32])>) -> Result<V, E>,
    ) -> Result<Arc<V>, E> {
        let versions = versions(conn)?;
        let version = versions.of(Kind::Facts);
        let slots = self.slots.get_or_init(Default::default);
        let slot = {
            let mut map = lock(slots);
            if !map.contains_key(&(versions.instance.clone(), key.clone())) {
                // A new key (a new day) replaces the old ones of this database.
                map.retain(|(instance, _), _| *instance != versions.instance);
            }
            Arc::clone(map.entry((versions.instance, key)).or_default())
        };
        let mut value = lock(&slot);
        let fresh = match value.as_ref() {
            Some((v, cached, ())) if *v >= version => return Ok(Arc::clone(cached)),
            Some((v, cached, ())) => match changed_since(conn, *v, version)? {
                Some(ids) => update(conn, Some((cached, &ids)))?,
                None => update(conn, None)?,
            },
            None => update(conn, None)?,
        };
        let fresh = Arc::new(fresh);
        *value = Some((version, Arc::clone(&fresh), ()));
        Ok(fresh)
    }
}
