//! In-process micro-benchmarks of the hot paths that need no database and no HTTP:
//!
//! * `query/*` — a catalogue search as it arrives in the URL: parsing the query
//!   string into [`SearchParams`] and checking it, and the word splitting and
//!   diacritic folding every search text goes through.
//! * `aggregate/*` — a year report's roll-up: [`aggregate::combine`] for each of
//!   1,000 WISEs over their ~4,000 quarter and year rows (throughput in rows), and
//!   [`aggregate::decode_groups`] on one row's target-group breakdown.
//! * `disclosure/*` — [`disclosure::suppress`] on a sector breakdown of 12 rows ×
//!   13 measures (plus the total row) with a few sensitive cells, at the default
//!   thresholds (3 WISEs, 70 % share, 10 people).
//! * `csv/*` — [`figures::import::parse_csv`], which reads and validates every row
//!   of a figures file without the database, on 10,000 generated rows
//!   (throughput in rows).
//! * `render/*` — the catalogue search page (`catalogue/list`) with 20 results:
//!   building its data with [`view::search_page`], and rendering it through the
//!   app's [`Templates`] registry (embedded templates, strict mode, Fluent).
//!
//! The database-backed searches and reports have their own scripts
//! (`benches/search.rs`, `benches/report.rs`; see BENCHMARKS.md).
//!
//! Run with `cargo bench --bench hot_paths`; add `-- --quick` for a fast pass, or a
//! name filter such as `cargo bench --bench hot_paths -- disclosure`. Measurement
//! time is kept short (30 samples, 3 s each) so the whole file runs in about a minute.
//!
//! [`figures::import::parse_csv`]: wise_monitor::figures::import::parse_csv

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde_json::{json, Value};
use wise_monitor::catalogue::eligibility::ReservedContract;
use wise_monitor::catalogue::search::{self, FacetValue, Facets, Hit, SearchParams, SearchResult};
use wise_monitor::catalogue::store::Summary;
use wise_monitor::catalogue::view;
use wise_monitor::figures::import::{parse_csv, REQUIRED};
use wise_monitor::i18n::Lang;
use wise_monitor::render::templates::Templates;
use wise_monitor::reports::aggregate::{self, Row};
use wise_monitor::reports::disclosure::{self, Cell, Table, Thresholds};
use wise_monitor::vocab;
use wise_monitor::vocab::cpv;

/// The search of the brief: words, two filters and the second page.
const QUERY: &str = "q=kaarsen%20zeep&sector=catering&municipality=Haarlem&page=2";

/// A search text with diacritics, punctuation, FTS syntax and a repeated word.
const SENTENCE: &str =
    "Café-restaurant \"De Twee Zeeën\": dagbesteding, kaarsen & zeep (naaiatelier/wasserij) — Zaanstad NEAR Haarlem café";

const MUNICIPALITIES: [&str; 7] =
    ["Amsterdam", "Zaanstad", "Haarlem", "Amstelveen", "Diemen", "Purmerend", "Haarlemmermeer"];

/// A small deterministic generator (64-bit LCG), so every run measures the same data.
struct Lcg(u64);

impl Lcg {
    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

// ---------------------------------------------------------------------------
// Query building

fn query_building(c: &mut Criterion) {
    // Fail loudly here rather than benchmark an error path.
    let checked = serde_html_form::from_str::<SearchParams>(QUERY).expect("query parses").check(20).expect("valid");
    assert_eq!(checked.words, ["kaarsen", "zeep"]);
    assert_eq!(search::words(SENTENCE).len(), search::MAX_WORDS);

    c.bench_function("query/parse_and_check", |b| {
        b.iter(|| {
            let params: SearchParams = serde_html_form::from_str(black_box(QUERY)).expect("query parses");
            params.check(black_box(20)).expect("valid")
        })
    });
    c.bench_function("query/words", |b| b.iter(|| search::words(black_box(SENTENCE))));
    c.bench_function("query/fold", |b| b.iter(|| search::fold(black_box(SENTENCE))));
}

// ---------------------------------------------------------------------------
// Aggregation

/// A `group:people,…` breakdown as stored in `current_figures.target_groups`.
fn encoded_groups(rng: &mut Lcg) -> String {
    let mut out = String::new();
    for group in vocab::TARGET_GROUPS {
        if rng.below(3) != 0 {
            continue;
        }
        if !out.is_empty() {
            out.push(',');
        }
        write!(out, "{group}:{}", rng.below(12)).expect("write to a string");
    }
    out
}

/// One stored row of figures: five stocks, then five flows.
fn figures_row(rng: &mut Lcg, organisation_id: i32, ends_on: NaiveDate, whole_period: bool) -> Row {
    let mut counts = [0i64; 10];
    for (i, count) in counts.iter_mut().enumerate() {
        // Stocks are larger than flows.
        *count = rng.below(if i < 5 { 40 } else { 8 }) as i64;
    }
    Row { organisation_id, ends_on, whole_period, counts, target_groups: encoded_groups(rng) }
}

/// The rows a year report collects for 1,000 WISEs: each reported its four quarters
/// (every seventh skipped Q4), and every tenth also sent a whole-year row.
fn year_rows() -> Vec<Vec<Row>> {
    let mut rng = Lcg(7);
    let quarter_ends =
        [(3, 31), (6, 30), (9, 30), (12, 31)].map(|(m, d)| NaiveDate::from_ymd_opt(2025, m, d).expect("a valid date"));
    (0..1000)
        .map(|id| {
            let quarters = if id % 7 == 0 { 3 } else { 4 };
            let mut rows: Vec<Row> =
                quarter_ends[..quarters].iter().map(|end| figures_row(&mut rng, id, *end, false)).collect();
            if id % 10 == 0 {
                rows.push(figures_row(&mut rng, id, quarter_ends[3], true));
            }
            rows
        })
        .collect()
}

fn aggregation(c: &mut Criterion) {
    let by_wise = year_rows();
    let refs: Vec<Vec<&Row>> = by_wise.iter().map(|rows| rows.iter().collect()).collect();
    let rows: usize = refs.iter().map(Vec::len).sum();

    let mut group = c.benchmark_group("aggregate");
    group.throughput(Throughput::Elements(rows as u64));
    group.bench_function("combine_year_1000_wises", |b| {
        b.iter(|| refs.iter().map(|rows| aggregate::combine(black_box(rows))).collect::<Vec<_>>())
    });
    group.finish();

    let groups = "mental_health:6,refugee_background:2,long_term_unemployed:4,ex_offender:1,other:3";
    assert_eq!(aggregate::decode_groups(groups).len(), 5);
    c.bench_function("aggregate/decode_groups", |b| b.iter(|| aggregate::decode_groups(black_box(groups))));
}

// ---------------------------------------------------------------------------
// Disclosure control

/// One WISE's report values in the order of [`aggregate::MEASURES`], derived columns included.
fn wise_values(rng: &mut Lcg, scale: u64) -> [i64; 13] {
    let mut stored = [0i64; 10];
    for (i, v) in stored.iter_mut().enumerate() {
        *v = rng.below(if i < 5 { scale } else { scale / 4 + 1 }) as i64;
    }
    let row = Row {
        organisation_id: 0,
        ends_on: NaiveDate::from_ymd_opt(2025, 12, 31).expect("a valid date"),
        whole_period: true,
        counts: stored,
        target_groups: String::new(),
    };
    aggregate::combine(&[&row]).0
}

/// Cells of the 13 measures from the values of the WISEs in one row.
fn cells(wises: &[[i64; 13]]) -> Vec<Cell> {
    (0..aggregate::MEASURES.len()).map(|m| Cell::from_contributions(wises.iter().map(|w| w[m]).collect())).collect()
}

/// A breakdown by primary sector of 12 sectors: most with 4–12 WISEs, one sector with
/// a single WISE, one with two, and one with a dominant WISE; the total row adds up.
fn sector_table() -> Table {
    let mut rng = Lcg(42);
    let rows: Vec<Vec<[i64; 13]>> = (0..12)
        .map(|i| match i {
            3 => vec![wise_values(&mut rng, 30)],
            7 => (0..2).map(|_| wise_values(&mut rng, 30)).collect(),
            9 => {
                let mut wises: Vec<_> = (0..3).map(|_| wise_values(&mut rng, 4)).collect();
                wises.push(wise_values(&mut rng, 120));
                wises
            }
            _ => (0..4 + rng.below(9)).map(|_| wise_values(&mut rng, 30)).collect(),
        })
        .collect();
    let all: Vec<[i64; 13]> = rows.iter().flatten().copied().collect();
    Table {
        measures: aggregate::MEASURES.iter().map(|m| m.to_string()).collect(),
        derived: aggregate::derived(),
        rows: vocab::SECTORS.iter().zip(&rows).map(|(sector, wises)| (sector.to_string(), cells(wises))).collect(),
        total: Some(cells(&all)),
        rows_add_up_to_total: true,
    }
}

fn disclosure_control(c: &mut Criterion) {
    let thresholds =
        Thresholds { min_organisations: 3, max_share_pct: 70, min_people: 10, protection_level: 10, linked: true };
    let table = sector_table();
    let s = disclosure::suppress(&table, &thresholds);
    assert!(!s.primary.is_empty() && s.secondary().next().is_some(), "the table has work for both passes");
    c.bench_function("disclosure/suppress_12x13", |b| {
        b.iter(|| disclosure::suppress(black_box(&table), black_box(&thresholds)))
    });
}

// ---------------------------------------------------------------------------
// CSV parsing

/// A figures file of `rows` valid rows: 2,500 WISEs × the four quarters of 2025.
fn figures_csv(rows: usize) -> Vec<u8> {
    let mut rng = Lcg(2025);
    let mut out = REQUIRED.join(",");
    out.push('\n');
    for i in 0..rows {
        write!(out, "{:08},2025-Q{}", 30_000_000 + i / 4, i % 4 + 1).expect("write to a string");
        for column in 2..REQUIRED.len() {
            // Stocks, then flows.
            write!(out, ",{}", rng.below(if column < 7 { 60 } else { 10 })).expect("write to a string");
        }
        out.push('\n');
    }
    out.into_bytes()
}

fn csv_parsing(c: &mut Criterion) {
    const ROWS: usize = 10_000;
    let file = figures_csv(ROWS);
    let parsed = parse_csv(&file);
    assert!(parsed.errors.is_empty(), "generated file is valid: {:?}", &parsed.errors[..1]);
    assert_eq!(parsed.rows.len(), ROWS);

    let mut group = c.benchmark_group("csv");
    group.throughput(Throughput::Elements(ROWS as u64));
    group.bench_function("parse_figures_10k_rows", |b| b.iter(|| parse_csv(black_box(&file))));
    group.finish();
}

// ---------------------------------------------------------------------------
// Template rendering

fn facet(values: impl IntoIterator<Item = (String, Option<String>)>, selected: &str, rng: &mut Lcg) -> Vec<FacetValue> {
    values
        .into_iter()
        .map(|(value, label)| FacetValue {
            selected: value == selected,
            count: 1 + rng.below(60) as usize,
            value,
            label,
            label_nl: None,
        })
        .collect()
}

fn codes<'a>(list: &'a [&str]) -> impl Iterator<Item = (String, Option<String>)> + 'a {
    list.iter().map(|c| (c.to_string(), None))
}

/// Page 2 of 187 results for [`QUERY`], 20 per page, with every facet filled.
fn search_result() -> SearchResult {
    let mut rng = Lcg(11);
    let words = ["kaarsen", "zeep", "keramiek", "naaiatelier", "dagbesteding", "textiel", "lunch", "catering"];
    let items = (0..20)
        .map(|i| {
            let sector_count = 1 + rng.below(3) as usize;
            let sectors =
                (0..sector_count).map(|k| vocab::SECTORS[(i * 5 + k * 3) % vocab::SECTORS.len()].to_string()).collect();
            let description = (0..30).map(|k| words[(i + k * 3) % words.len()]).collect::<Vec<_>>().join(" ");
            let reserved = (i % 3 != 2).then(|| {
                ReservedContract::from_figures("2026-Q2".into(), 10 + rng.below(30) as i64, 5 + rng.below(20) as i64)
            });
            Hit {
                summary: Summary {
                    id: 100 + i as i32,
                    slug: format!("kaarsenmakerij-de-zeepbel-{i}"),
                    kvk_number: format!("{:08}", 40_000_000 + i),
                    name: format!("Kaarsenmakerij & Zeepziederij De Zeepbel {i}"),
                    municipality: "Haarlem".into(),
                    district: i.is_multiple_of(2).then(|| "Schalkwijk".to_string()),
                    description: format!("Sociale onderneming in Haarlem: {description}."),
                    sectors,
                    offerings: 1 + rng.below(12) as i64,
                },
                matching_offerings: rng.below(4) as i64,
                reserved_contract: reserved,
            }
        })
        .collect();
    let divisions: Vec<(String, Option<String>)> =
        cpv::vocabulary().into_iter().filter(|c| c.level == 2).take(12).map(|c| (c.division, None)).collect();
    let facets = Facets {
        sector: facet(codes(vocab::SECTORS), "catering", &mut rng),
        cpv: facet(divisions, "", &mut rng),
        kind: facet(codes(vocab::OFFERING_KINDS), "", &mut rng),
        municipality: facet(codes(&MUNICIPALITIES), "Haarlem", &mut rng),
        target_group: facet(codes(vocab::TARGET_GROUPS), "", &mut rng),
        certification: facet(codes(search::CERTIFICATIONS), "", &mut rng),
        reserved: facet(codes(&["true"]), "", &mut rng),
    };
    SearchResult { total: 187, page: 2, per_page: 20, pages: 10, items, facets }
}

/// What `web::page::render` adds to every page's data for a visitor who is not signed in.
fn with_page_fields(mut data: Value, lang: Lang) -> Value {
    let languages: Vec<Value> = Lang::ALL.iter().map(|l| json!({"code": l.code(), "current": *l == lang})).collect();
    let map = data.as_object_mut().expect("page data is an object");
    map.insert("lang".into(), json!(lang.code()));
    map.insert("user".into(), Value::Null);
    map.insert("csrf_token".into(), json!("q0Vd3nJ2mX7sYp1cLh8tRk4wZb6uNe9aFg5iOj0vTyU"));
    map.insert("here".into(), json!(format!("/organisations?{QUERY}")));
    map.insert("languages".into(), json!(languages));
    map.entry("nav").or_insert(Value::Null);
    data
}

fn template_rendering(c: &mut Criterion) {
    let templates = Templates::new(None, false).expect("embedded templates compile");
    let params: SearchParams = serde_html_form::from_str(QUERY).expect("query parses");
    let result = search_result();
    let data = with_page_fields(view::search_page(&params, &result), Lang::Nl);
    let html = templates.render("catalogue/list", &data).expect("the search page renders");
    assert_eq!(html.matches("<article class=\"result\"").count(), 20);

    c.bench_function("render/catalogue_list_data", |b| {
        b.iter(|| view::search_page(black_box(&params), black_box(&result)))
    });
    c.bench_function("render/catalogue_list_20_hits", |b| {
        b.iter(|| templates.render("catalogue/list", black_box(&data)).expect("renders"))
    });
}

criterion_group! {
    name = hot_paths;
    config = Criterion::default().sample_size(30).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = query_building, aggregation, disclosure_control, csv_parsing, template_rendering
}
criterion_main!(hot_paths);
