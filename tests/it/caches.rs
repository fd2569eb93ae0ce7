//! What keeps the in-memory caches honest: every table a cache declares (`db::versioned`)
//! has triggers that bump the version of one of the cache's kinds of data on insert,
//! update and delete, on both databases, and every cache in `src/` is in the lists
//! checked here.

use std::collections::{BTreeMap, BTreeSet};

use diesel::RunQueryDsl;
use wise_monitor::db::versioned::{Declared, Kind, REFERENCE_TABLES};
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
    /// The trigger's text (SQLite) or its action (PostgreSQL), naming the kinds it bumps.
    #[diesel(sql_type = diesel::sql_types::Text)]
    action: String,
}

/// (table, event: INSERT, UPDATE or DELETE) → the kinds of data its triggers bump.
fn bumping_triggers(conn: &mut DbConn) -> BTreeMap<(String, String), BTreeSet<&'static str>> {
    let rows: Vec<Trigger> = match conn {
        DbConn::Sqlite(c) => diesel::sql_query(
            "SELECT tbl_name AS table_name, \
             CASE WHEN sql LIKE '%AFTER INSERT%' THEN 'INSERT' WHEN sql LIKE '%AFTER UPDATE%' THEN 'UPDATE' \
                  WHEN sql LIKE '%AFTER DELETE%' THEN 'DELETE' ELSE '' END AS event, \
             substr(sql, instr(sql, 'UPDATE cache_versions SET version = version + 1 WHERE name IN (')) AS action \
             FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%UPDATE cache_versions SET version = version + 1%'",
        )
        .load(c)
        .unwrap(),
        DbConn::Postgres(c) => diesel::sql_query(
            "SELECT event_object_table::text AS table_name, event_manipulation::text AS event, \
             action_statement::text AS action \
             FROM information_schema.triggers WHERE action_statement LIKE '%record_change(%'",
        )
        .load(c)
        .unwrap(),
    };
    let mut found: BTreeMap<(String, String), BTreeSet<&'static str>> = BTreeMap::new();
    for row in rows {
        // The kinds are the first list in the action: `IN ('text', 'facts')` or `'{text,facts}'`.
        let list = row.action.split_once(['(', '{']).map_or("", |(_, rest)| rest);
        let list = list.split([')', '}']).next().unwrap_or("");
        let kinds = Kind::ALL
            .iter()
            .map(|k| k.name())
            .filter(|name| list.split(',').any(|item| item.trim().trim_matches(['\'', '{']) == *name));
        found.entry((row.table_name, row.event)).or_default().extend(kinds);
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
                    let bumped = triggers.get(&(table.to_string(), event.to_string()));
                    if !bumped.is_some_and(|kinds| cache.kinds.iter().any(|k| kinds.contains(k.name()))) {
                        missing.push(format!("{}: {table} has no trigger on {event} for {:?}", cache.name, cache.kinds));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }
}

#[test]
fn every_cache_in_the_source_is_declared_here() {
    // Each `versioned::Cache::new(` or `versioned::Incremental::new(` in src/ is one cache.
    let count: usize = crate::support::repository_files("src", "rs")
        .iter()
        .filter(|path| !path.ends_with("db/versioned.rs"))
        .map(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            text.matches("versioned::Cache::new(").count() + text.matches("versioned::Incremental::new(").count()
        })
        .sum();
    let names: BTreeSet<&str> = declared().iter().map(|c| c.name).collect();
    assert_eq!(names.len(), declared().len(), "cache names are unique");
    assert_eq!(count, declared().len(), "a cache in src/ is missing from declared() here");
}

/// The versions of text, facts and figures.
fn versions(app: &crate::support::TestApp) -> [i64; 3] {
    let v = app.with_conn(wise_monitor::db::versioned::versions).unwrap();
    Kind::ALL.map(|k| v.of(k))
}

/// The searches the interleaving test compares: none, words, and each kind of filter.
fn searches() -> Vec<wise_monitor::catalogue::search::Search> {
    use wise_monitor::catalogue::search::SearchParams;
    let with = |f: fn(&mut SearchParams)| {
        let mut p = SearchParams { per_page: Some("100".into()), ..Default::default() };
        f(&mut p);
        p.check(20).unwrap()
    };
    vec![
        with(|_| {}),
        with(|p| p.q = Some("schoon".into())),
        with(|p| p.cpv = Some("50".into())),
        with(|p| p.municipality = Some("Utrecht".into())),
        with(|p| p.reserved = Some("true".into())),
        with(|p| p.sort = Some("updated".into())),
        with(|p| p.certification = Some("pso".into())),
    ]
}

/// Writes as people make them, each in plain SQL as any process could.
const WRITES: &[&str] = &[
    "UPDATE organisations SET name = name || ' Plus', description = description || ' schoonmaak' WHERE id = (SELECT MIN(id) FROM organisations WHERE status = 'approved')",
    "UPDATE offerings SET active = NOT active WHERE id = (SELECT MIN(id) FROM offerings)",
    "UPDATE certificates SET state = 'rejected', verified_at = NULL WHERE id = (SELECT MIN(id) FROM certificates WHERE state = 'verified' AND kind = 'pso')",
    "UPDATE offerings SET cpv_code = '50100000' WHERE id = (SELECT MAX(id) FROM offerings)",
    "INSERT INTO offering_municipalities (offering_id, municipality) SELECT MAX(id), 'utrecht' FROM offerings WHERE service_area <> 'national'",
    "UPDATE submissions SET status = 'accepted' WHERE id = (SELECT MIN(id) FROM submissions WHERE status <> 'accepted')",
    "UPDATE submissions SET status = 'returned' WHERE id = (SELECT MAX(id) FROM submissions WHERE status = 'accepted')",
    "UPDATE organisations SET municipality = upper(municipality) WHERE id = (SELECT MAX(id) FROM organisations WHERE status = 'approved')",
    "DELETE FROM organisation_sectors WHERE organisation_id = (SELECT MIN(organisation_id) FROM organisation_sectors)",
    "UPDATE organisations SET status = 'suspended' WHERE id = (SELECT MAX(id) FROM organisations WHERE status = 'approved')",
    "UPDATE reporting_periods SET due_on = due_on WHERE id = (SELECT MIN(id) FROM reporting_periods)",
    "UPDATE organisations SET pso_valid_until = NULL WHERE id = (SELECT MIN(id) FROM organisations WHERE pso_valid_until IS NOT NULL)",
    "DELETE FROM offerings WHERE id = (SELECT MIN(id) FROM offerings WHERE active)",
];

/// A submission changes the figures only; its acceptance the facts of its WISE, which
/// the change feed names.
fn a_submission_changes_figures_and_an_acceptance_the_facts_of_its_wise(app: &crate::support::TestApp) {
    use diesel::prelude::*;
    use wise_monitor::db::schema::{catalogue_changes, organisations};
    let organisation = app
        .with_conn(|c| {
            organisations::table.filter(organisations::status.eq("approved")).select(organisations::id).first::<i32>(c)
        })
        .unwrap();
    let period = app.with_conn(|c| {
        diesel::sql_query("INSERT INTO reporting_periods (key, kind, starts_on, ends_on, opens_on, due_on, created_at) \
            VALUES ('2031-Q1', 'quarter', '2031-01-01', '2031-03-31', '2031-04-01', '2031-04-30', '2026-11-01 00:00:00')").execute(c)?;
        wise_monitor::db::schema::reporting_periods::table.select(diesel::dsl::max(wise_monitor::db::schema::reporting_periods::id)).first::<Option<i32>>(c)
    }).unwrap().unwrap();
    let before = versions(app);
    app.with_conn(|c| {
        diesel::sql_query(format!(
            "INSERT INTO submissions (organisation_id, period_id, status, created_at, updated_at) \
         VALUES ({organisation}, {period}, 'submitted', '2026-11-01 00:00:00', '2026-11-01 00:00:00')"
        ))
        .execute(c)
    })
    .unwrap();
    assert_eq!(versions(app)[..2], before[..2], "a submission leaves text and facts alone");
    app.with_conn(|c| {
        diesel::sql_query("UPDATE submissions SET status = 'accepted' WHERE status = 'submitted'").execute(c)
    })
    .unwrap();
    let after = versions(app);
    assert_eq!(after[0], before[0], "an acceptance leaves the text alone");
    assert!(after[1] > before[1], "an acceptance changes the facts");
    let recorded: Vec<i32> = app
        .with_conn(|c| {
            catalogue_changes::table
                .filter(catalogue_changes::seq.gt(before[1]))
                .select(catalogue_changes::organisation_id)
                .load(c)
        })
        .unwrap();
    assert!(recorded.contains(&organisation), "{recorded:?}");
    let changed = app.with_conn(|c| wise_monitor::db::versioned::changed_since(c, before[1], after[1])).unwrap();
    assert!(changed.is_none_or(|ids| ids.contains(&organisation)));
}

/// On the demo data: the submission check above; then two processes (each its own
/// connections and caches) take turns writing and searching, and after every write both
/// find what a process that has kept nothing finds.
async fn the_change_feed(backend: crate::support::Backend) {
    use diesel::RunQueryDsl as _;
    use wise_monitor::catalogue::search::search;
    use wise_monitor::db::versioned::Caches;
    let app = crate::support::TestApp::builder().demo().build(backend).await;
    a_submission_changes_figures_and_an_acceptance_the_facts_of_its_wise(&app);
    let config = &app.state.config.database;
    let other = wise_monitor::db::open_pool(&config.url, 2, config.busy_timeout_ms).unwrap();
    let today = crate::support::test_now().date_naive();
    let (first, second) = (Caches::default(), Caches::default());
    let searches = searches();
    let run = |conn: &mut DbConn, caches: &Caches| -> Vec<serde_json::Value> {
        searches.iter().map(|s| serde_json::to_value(search(conn, caches, s, today).unwrap()).unwrap()).collect()
    };
    let mut a = app.conn();
    let mut b = other.get().unwrap();
    run(&mut a, &first);
    run(&mut b, &second);
    for (i, write) in WRITES.iter().enumerate() {
        let (writer, reader) = if i % 2 == 0 { (&mut *a, &mut *b) } else { (&mut *b, &mut *a) };
        diesel::sql_query(*write).execute(writer).unwrap_or_else(|e| panic!("{write}: {e}"));
        let fresh = run(reader, &Caches::default());
        let (ca, cb) = if i % 2 == 0 { (&second, &first) } else { (&first, &second) };
        assert!(run(reader, ca) == fresh, "after {write}: the reading process differs from a fresh one");
        assert!(run(writer, cb) == fresh, "after {write}: the writing process differs from a fresh one");
    }
}

#[actix_web::test]
async fn two_processes_interleaving_writes_and_searches_sqlite() {
    the_change_feed(crate::support::Backend::Sqlite).await;
}

#[actix_web::test]
async fn two_processes_interleaving_writes_and_searches_postgres() {
    if crate::support::postgres_available("caches::two_processes_interleaving_writes_and_searches_postgres") {
        the_change_feed(crate::support::Backend::Postgres).await;
    }
}
