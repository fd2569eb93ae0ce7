//! Catalogue search at scale: 10,000 WISEs and 100,000 offerings with a Zipf-like
//! word distribution (some words are very common), on SQLite and, when
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
use wise_monitor::db::schema::{offerings, organisation_sectors, organisation_target_groups, organisations};
use wise_monitor::db::{self, DbConn};
use wise_monitor::vocab;

const WORDS: &[&str] = &[
    "werk",
    "service",
    "onderhoud",
    "schoonmaak",
    "catering",
    "levering",
    "reparatie",
    "fiets",
    "groen",
    "tuin",
    "kantoor",
    "drukwerk",
    "textiel",
    "montage",
    "logistiek",
    "post",
    "ict",
    "testen",
    "lunch",
    "brood",
    "koffie",
    "meubel",
    "hout",
    "metaal",
    "kringloop",
    "kleding",
    "naaiatelier",
    "verhuizing",
    "glazenwassen",
    "beveiliging",
    "recycling",
    "afval",
    "webdesign",
    "fotografie",
    "zorg",
    "dagbesteding",
    "bakkerij",
    "boeken",
    "archief",
    "digitalisering",
    "schilderwerk",
    "stucwerk",
    "tegelwerk",
    "elektra",
    "sanitair",
    "isolatie",
    "zonnepanelen",
    "fietsenstalling",
    "koerier",
    "inpakken",
    "etiketteren",
    "mailing",
    "kaarsen",
    "zeep",
    "keramiek",
    "sieraden",
    "tassen",
    "speelgoed",
    "evenementen",
    "vergaderzaal",
    "receptie",
    "parkeren",
    "wasserij",
    "strijken",
];

/// A word with a Zipf-like distribution: rank r is picked with weight 1/(r+1).
fn word(seed: &mut u64) -> &'static str {
    *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let total: f64 = (1..=WORDS.len()).map(|r| 1.0 / r as f64).sum();
    let mut x = ((*seed >> 11) as f64 / (1u64 << 53) as f64) * total;
    for (r, w) in WORDS.iter().enumerate() {
        x -= 1.0 / (r + 1) as f64;
        if x <= 0.0 {
            return w;
        }
    }
    WORDS[WORDS.len() - 1]
}

fn text(seed: &mut u64, n: usize) -> String {
    (0..n).map(|_| word(seed)).collect::<Vec<_>>().join(" ")
}

fn fill(conn: &mut DbConn, orgs: usize, offers: usize) {
    let now = chrono::Utc::now().naive_utc();
    let codes: Vec<String> = wise_monitor::catalogue::cpv::vocabulary()
        .into_iter()
        .filter(|c| c.level >= 4)
        .map(|c| c.code)
        .step_by(7)
        .collect();
    let municipalities = ["Amsterdam", "Zaanstad", "Haarlem", "Amstelveen", "Diemen", "Purmerend", "Haarlemmermeer"];
    let mut seed = 42u64;
    db::write_tx(conn, |conn| {
        for chunk in (0..orgs).collect::<Vec<_>>().chunks(500) {
            let rows: Vec<_> = chunk
                .iter()
                .map(|i| {
                    (
                        organisations::slug.eq(format!("wise-{i}")),
                        organisations::kvk_number.eq(format!("{:08}", 10_000_000 + i)),
                        organisations::name.eq(format!("{} {} {i}", word(&mut seed), word(&mut seed))),
                        organisations::municipality.eq(municipalities[i % municipalities.len()]),
                        organisations::description.eq(text(&mut seed, 25)),
                        organisations::sena_member.eq(i % 3 == 0),
                        organisations::status.eq("approved"),
                        organisations::created_at.eq(now),
                        organisations::updated_at.eq(now),
                    )
                })
                .collect();
            wise_monitor::per_backend!(conn, c => diesel::insert_into(organisations::table).values(&rows).execute(c))?;
        }
        let ids: Vec<i32> = organisations::table.select(organisations::id).order(organisations::id).load(conn)?;
        for chunk in ids.chunks(1000) {
            let sectors: Vec<_> = chunk
                .iter()
                .map(|id| {
                    (
                        organisation_sectors::organisation_id.eq(*id),
                        organisation_sectors::sector.eq(vocab::SECTORS[*id as usize % vocab::SECTORS.len()]),
                        organisation_sectors::position.eq(0),
                    )
                })
                .collect();
            wise_monitor::per_backend!(conn, c => diesel::insert_into(organisation_sectors::table).values(&sectors).execute(c))?;
            let groups: Vec<_> = chunk
                .iter()
                .map(|id| {
                    (
                        organisation_target_groups::organisation_id.eq(*id),
                        organisation_target_groups::target_group
                            .eq(vocab::TARGET_GROUPS[*id as usize % vocab::TARGET_GROUPS.len()]),
                    )
                })
                .collect();
            wise_monitor::per_backend!(conn, c => diesel::insert_into(organisation_target_groups::table).values(&groups).execute(c))?;
        }
        for chunk in (0..offers).collect::<Vec<_>>().chunks(1000) {
            let rows: Vec<_> = chunk
                .iter()
                .map(|i| {
                    (
                        offerings::organisation_id.eq(ids[i % ids.len()]),
                        offerings::title.eq(format!("{} {}", word(&mut seed), word(&mut seed))),
                        offerings::description.eq(text(&mut seed, 15)),
                        offerings::kind.eq(vocab::OFFERING_KINDS[i % 3]),
                        offerings::cpv_code.eq(&codes[i % codes.len()]),
                        offerings::service_area.eq(if i % 10 == 0 { "national" } else { "radius" }),
                        offerings::service_radius_km.eq(if i % 10 == 0 { None } else { Some(25) }),
                        offerings::active.eq(true),
                        offerings::created_at.eq(now),
                        offerings::updated_at.eq(now),
                    )
                })
                .collect();
            wise_monitor::per_backend!(conn, c => diesel::insert_into(offerings::table).values(&rows).execute(c))?;
        }
        Ok::<_, diesel::result::Error>(())
    })
    .expect("fill the catalogue");
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
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); queries.len()];
    let mut offering_times: Vec<Vec<Duration>> = vec![Vec::new(); queries.len()];
    for _ in 0..rounds {
        for (i, q) in queries.iter().enumerate() {
            let checked = params(q).check(20).expect("valid");
            let start = Instant::now();
            let result = search(conn, &checked, today).expect("search");
            times[i].push(start.elapsed());
            std::hint::black_box(result);
            let start = Instant::now();
            std::hint::black_box(search_offerings(conn, &checked).expect("offerings"));
            offering_times[i].push(start.elapsed());
        }
    }
    for (i, q) in queries.iter().enumerate() {
        let checked = params(q).check(20).unwrap();
        let total = search(conn, &checked, today).unwrap().total;
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
