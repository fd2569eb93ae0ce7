//! What keeps the in-memory caches honest: every table a cache declares (`db::versioned`)
//! has triggers that bump the data version on insert, update and delete, on both databases,
//! and every cache in `src/` is in the lists checked here.

use std::collections::{BTreeMap, BTreeSet};

use diesel::RunQueryDsl;
use wise_monitor::db::versioned::{Declared, REFERENCE_TABLES};
use wise_monitor::db::DbConn;

use crate::backend_tests;

fn declared() -> Vec<Declared> {
    let mut all = wise_monitor::catalogue::search::caches().to_vec();
    all.extend(wise_monitor::reports::report::caches());
    all
}

#[derive(diesel::QueryableByName)]
struct Trigger {
    #[diesel(sql_type = diesel::sql_types::Text)]
    table_name: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    event: String,
}

/// Table → the events (INSERT, UPDATE, DELETE) whose trigger bumps the data version.
fn bumping_triggers(conn: &mut DbConn) -> BTreeMap<String, BTreeSet<String>> {
    let rows: Vec<Trigger> = match conn {
        DbConn::Sqlite(c) => diesel::sql_query(
            "SELECT tbl_name AS table_name, \
             CASE WHEN sql LIKE '%AFTER INSERT%' THEN 'INSERT' WHEN sql LIKE '%AFTER UPDATE%' THEN 'UPDATE' \
                  WHEN sql LIKE '%AFTER DELETE%' THEN 'DELETE' ELSE '' END AS event \
             FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%UPDATE cache_versions SET version = version + 1%'",
        )
        .load(c)
        .unwrap(),
        DbConn::Postgres(c) => diesel::sql_query(
            "SELECT event_object_table::text AS table_name, event_manipulation::text AS event \
             FROM information_schema.triggers WHERE action_statement LIKE '%bump_catalogue_version%'",
        )
        .load(c)
        .unwrap(),
    };
    let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for row in rows {
        found.entry(row.table_name).or_default().insert(row.event);
    }
    found
}

backend_tests! {
    async fn every_table_a_cache_reads_bumps_the_data_version(app) {
        let triggers = app.with_conn(bumping_triggers);
        let mut missing = Vec::new();
        for cache in declared() {
            for table in cache.tables.iter().filter(|t| !REFERENCE_TABLES.contains(t)) {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    if !triggers.get(*table).is_some_and(|events| events.contains(event)) {
                        missing.push(format!("{}: {table} has no trigger on {event}", cache.name));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }
}

#[test]
fn every_cache_in_the_source_is_declared_here() {
    // Each `versioned::Cache::new(` or `::with_limit(` in src/ is one cache.
    let count: usize = crate::support::repository_files("src", "rs")
        .iter()
        .filter(|path| !path.ends_with("db/versioned.rs"))
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            text.matches("versioned::Cache::new(").count() + text.matches("versioned::Cache::with_limit(").count()
        })
        .sum();
    let names: BTreeSet<&str> = declared().iter().map(|c| c.name).collect();
    assert_eq!(names.len(), declared().len(), "cache names are unique");
    assert_eq!(count, declared().len(), "a cache in src/ is missing from declared() here");
}
