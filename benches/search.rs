//! Catalogue search at scale: 10,000 WISEs and 100,000 offerings with a Zipf-like
//! word distribution (some words are very common; the `demo-data` generator), on SQLite and, when
//! `WISE_TEST_POSTGRES_URL` is set, on PostgreSQL. Run with
//! `cargo bench --bench search` and record the medians in BENCHMARKS.md.
//!
//! Each query runs several rounds (queries alternating); the median and worst time per
//! query are printed. Set `WISE_BENCH_ORGS` / `WISE_BENCH_OFFERINGS` to change the size.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use wise_monitor::catalogue::search::{search, search_offerings, SearchParams};
use wise_monitor::db::{self, DbConn};
use wise_monitor::demo::scale::{generate, Scale};

/// Loads the catalogue with the `demo-data` generator (no figures).
fn fill(conn: &mut DbConn, organisations: usize, offerings: usize) {
    let scale = Scale { organisations, offerings, periods: 0, reporting: 0, buyers: 0 };
    generate(conn, &scale, chrono::Utc::now().naive_utc()).expect("generate the catalogue");
}

fn params(query: &str) -> SearchParams {
    serde_html_form::from_str(query).expect("query")
}

fn measure(conn: &mut DbConn, backend: &str, rounds: usize) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let queries = [
        "q=fietsenstalling",
        "q=kaarsen&sector=creative_crafts",
        "q=werk",
        "q=werk%20service",
        "q=schoon&cpv=90&municipality=Haarlem",
        "sector=catering",
        "",
        "sort=updated&per_page=100",
    ];
    println!("\n{backend}: organisations search (median / worst of {rounds} rounds)");
    let caches = wise_monitor::db::versioned::Caches::default();
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); queries.len()];
    let mut offering_times: Vec<Vec<Duration>> = vec![Vec::new(); queries.len()];
    for _ in 0..rounds {
        for (i, q) in queries.iter().enumerate() {
            let checked = params(q).check(20).expect("valid");
            let start = Instant::now();
            let result = search(conn, &caches, &checked, today).expect("search");
            times[i].push(start.elapsed());
            std::hint::black_box(result);
            let start = Instant::now();
            std::hint::black_box(search_offerings(conn, &checked).expect("offerings"));
            offering_times[i].push(start.elapsed());
        }
    }
    for (i, q) in queries.iter().enumerate() {
        let checked = params(q).check(20).unwrap();
        let total = search(conn, &caches, &checked, today).unwrap().total;
        let (m, w) = stats(&mut times[i]);
        let (om, ow) = stats(&mut offering_times[i]);
        println!(
            "  {:<45} {:>6} hits  orgs {:>8.1?} / {:>8.1?}   offerings {:>8.1?} / {:>8.1?}",
            format!("{q:?}"),
            total,
            m,
            w,
            om,
            ow
        );
    }
}

fn stats(times: &mut [Duration]) -> (Duration, Duration) {
    times.sort();
    (times[times.len() / 2], times[times.len() - 1])
}

fn main() {
    let orgs: usize = std::env::var("WISE_BENCH_ORGS").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000);
    let offers: usize = std::env::var("WISE_BENCH_OFFERINGS").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temporary directory");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let pool = db::open_pool(&url, 2, 5000).expect("sqlite");
    let mut conn = pool.get().unwrap();
    db::migrate(&mut conn).unwrap();
    let start = Instant::now();
    fill(&mut conn, orgs, offers);
    println!("SQLite: {orgs} WISEs, {offers} offerings loaded in {:.1?}", start.elapsed());
    measure(&mut conn, "SQLite", 7);

    if let Ok(admin) = std::env::var("WISE_TEST_POSTGRES_URL") {
        let name = format!("wise_bench_{}", std::process::id());
        let mut admin_conn = diesel::PgConnection::establish(&admin).expect("postgres");
        admin_conn.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
        let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
        let pool = db::open_pool(&format!("{base}/{name}"), 2, 5000).expect("postgres pool");
        {
            let mut conn = pool.get().unwrap();
            db::migrate(&mut conn).unwrap();
            let start = Instant::now();
            fill(&mut conn, orgs, offers);
            conn.batch_execute("ANALYZE").unwrap();
            println!("PostgreSQL: loaded in {:.1?}", start.elapsed());
            measure(&mut conn, "PostgreSQL", 7);
        }
        drop(pool);
        admin_conn.batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)")).unwrap();
    }
}
