//! Sector reports at scale: 5,000 approved WISEs × 40 quarters of figures (up to the
//! last whole one, from the `demo-data` generator), on SQLite and, when
//! `WISE_TEST_POSTGRES_URL` is set, on PostgreSQL. Run with `cargo bench --bench report`
//! and record the medians in BENCHMARKS.md.
//!
//! Measures the public year report 2025 after one WISE's figures changed (the whole
//! linked public set protected afresh), the year report 2025 exact and public, a
//! quarter, the 40-quarter time series of the report page, and the same year
//! aggregation as one raw SQL statement (the ceiling), with the process's memory. Set
//! `WISE_BENCH_REPORT_ORGS` to change the number of WISEs.

use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use wise_monitor::db::schema::current_figures as cf;
use wise_monitor::db::{self, DbConn};
use wise_monitor::demo::scale::{generate, Scale};
use wise_monitor::figures::periods;
use wise_monitor::reports::disclosure::Thresholds;
use wise_monitor::reports::report;

/// Loads the WISEs and 40 quarters of figures with the `demo-data` generator.
fn fill(conn: &mut DbConn, organisations: usize) {
    let scale = Scale { organisations, offerings: 0, periods: 40, reporting: organisations, buyers: 0 };
    generate(conn, &scale, chrono::Utc::now().naive_utc()).expect("generate the figures");
}

/// The year's aggregation as one SQL statement: flows summed over the quarters, stocks
/// of each WISE's latest quarter (the ceiling the report is compared with).
const RAW_YEAR: &str = "
    WITH y AS (
        SELECT cf.*, p.ends_on FROM current_figures cf
        JOIN reporting_periods p ON p.id = cf.period_id
        JOIN organisations o ON o.id = cf.organisation_id AND o.status = 'approved'
        WHERE p.kind = 'quarter' AND p.starts_on >= '2025-01-01' AND p.ends_on <= '2025-12-31' AND cf.counted
    ), latest AS (
        SELECT organisation_id, MAX(ends_on) AS ends_on FROM y GROUP BY organisation_id
    )
    SELECT
        (SELECT SUM(y.paid_target_group + y.paid_regular + y.trainees + y.daytime_activities + y.volunteers)
           FROM y JOIN latest l ON l.organisation_id = y.organisation_id AND l.ends_on = y.ends_on) AS people_working,
        (SELECT SUM(moved_to_paid_internal + moved_to_paid_external) FROM y) AS moved_to_paid";

/// One measured query.
type Case<'a> = Box<dyn Fn(&mut DbConn) + 'a>;

fn time(rounds: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (times[times.len() / 2], times[times.len() - 1])
}

/// This process's resident memory now and at its peak (`VmRSS`, `VmHWM`), for the log.
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| status.lines().find(|l| l.starts_with(name)).map_or("?", |l| l[name.len()..].trim());
    format!("RSS {}, peak {}", field("VmRSS:"), field("VmHWM:"))
}

fn measure(conn: &mut DbConn, backend: &str) {
    let thresholds =
        Thresholds { min_organisations: 3, max_share_pct: 70, min_people: 10, protection_level: 10, linked: true };
    let year = periods::find(conn, "2025").unwrap().unwrap();
    let quarter = periods::find(conn, "2025-Q4").unwrap().unwrap();
    let rounds = 7;
    let first_reporting: i32 = cf::table
        .filter(cf::period_id.eq(quarter.id))
        .select(cf::organisation_id)
        .order(cf::organisation_id)
        .first(conn)
        .unwrap();
    // `compute_report` builds from the database every time (the first request after a
    // change); `build` answers from memory while nothing changed.
    // One application's caches, kept across the rounds as the server keeps them.
    let caches = wise_monitor::db::versioned::Caches::default();
    let cases: [(&str, Case); 8] = [
        (
            // One WISE's 2025-Q4 figures change, then the public year report is asked
            // for: the whole linked set is protected afresh. The first round solves
            // every linear program (the worst); later ones only those the change touched.
            "year 2025, public, after one WISE's change",
            Box::new(|c| {
                let changed = diesel::update(cf::table.filter(cf::period_id.eq(quarter.id)))
                    .filter(cf::organisation_id.eq(first_reporting))
                    .set(cf::volunteers.eq(cf::volunteers + 1))
                    .execute(c)
                    .unwrap();
                assert_eq!(changed, 1);
                drop(report::build(c, &caches, &year, false, &thresholds).unwrap());
            }),
        ),
        (
            "year 2025, exact, computed",
            Box::new(|c| drop(report::compute_report(c, &caches, &year, true, &thresholds).unwrap())),
        ),
        (
            "year 2025, public, computed",
            Box::new(|c| drop(report::compute_report(c, &caches, &year, false, &thresholds).unwrap())),
        ),
        ("year 2025, exact", Box::new(|c| drop(report::build(c, &caches, &year, true, &thresholds).unwrap()))),
        ("year 2025, public", Box::new(|c| drop(report::build(c, &caches, &year, false, &thresholds).unwrap()))),
        (
            "quarter 2025-Q4, public",
            Box::new(|c| drop(report::build(c, &caches, &quarter, false, &thresholds).unwrap())),
        ),
        (
            "40-quarter series, public",
            Box::new(|c| drop(report::series(c, &caches, "quarter", &quarter, false, &thresholds).unwrap())),
        ),
        ("raw SQL, year aggregate", Box::new(|c| c.batch_execute(RAW_YEAR).unwrap())),
    ];
    for (name, case) in &cases {
        let (median, worst) = time(rounds, || case(conn));
        println!("{backend}: {name:<28} median {median:>10.1?}  worst {worst:>10.1?}  ({})", memory());
    }
}

fn main() {
    let orgs: usize = std::env::var("WISE_BENCH_REPORT_ORGS").ok().and_then(|v| v.parse().ok()).unwrap_or(5_000);
    let dir = tempfile::tempdir().expect("temporary directory");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let pool = db::open_pool(&url, 2, 5000).expect("sqlite");
    let mut conn = pool.get().unwrap();
    db::migrate(&mut conn).unwrap();
    let start = Instant::now();
    fill(&mut conn, orgs);
    println!("SQLite: {orgs} WISEs × 40 quarters loaded in {:.1?} ({})", start.elapsed(), memory());
    measure(&mut conn, "SQLite");

    if let Ok(admin) = std::env::var("WISE_TEST_POSTGRES_URL") {
        let name = format!("wise_bench_report_{}", std::process::id());
        let mut admin_conn = diesel::PgConnection::establish(&admin).expect("postgres");
        admin_conn.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
        let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
        let pool = db::open_pool(&format!("{base}/{name}"), 2, 5000).expect("postgres pool");
        {
            let mut conn = pool.get().unwrap();
            db::migrate(&mut conn).unwrap();
            let start = Instant::now();
            fill(&mut conn, orgs);
            conn.batch_execute("ANALYZE").unwrap();
            println!("PostgreSQL: loaded in {:.1?}", start.elapsed());
            measure(&mut conn, "PostgreSQL");
        }
        drop(pool);
        admin_conn.batch_execute(&format!("DROP DATABASE {name} WITH (FORCE)")).unwrap();
    }
}
