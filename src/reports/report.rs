//! A sector report for one period: headline numbers with their change, breakdowns by
//! sector, target group and municipality, and — for the public — disclosure control.
//! The page, the CSV, the JSON API and the command line all print this one value.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::Hash;

use diesel::QueryResult;
use serde::Serialize;
use serde_json::{json, Map, Value};
use xxhash_rust::xxh3::Xxh3Default;

use super::aggregate::{self, Collected, MEASURES, STOCK_COUNT};
use super::disclosure::{self, Cell, Row, Table, Thresholds};
use super::linked;
use super::memo::Memo;
use crate::db::versioned::{self, Caches};
use crate::db::DbConn;
use crate::figures::periods::Period;

/// The breakdowns of a report, as the API names them.
pub const BREAKDOWNS: [&str; 3] = ["sector", "target_group", "municipality"];

/// The measure of the target-group breakdown: people of each group.
pub const TARGET_GROUP_MEASURE: &str = "people";

/// One number of a report: `None` when suppressed.
pub type Value64 = Option<i64>;

/// One row of a breakdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakdownRow {
    pub key: String,
    /// WISEs counted in the row (not suppressed: which WISEs exist is public).
    pub organisations: usize,
    /// In the order of the breakdown's measures; `None` when suppressed.
    pub values: Vec<Value64>,
}

/// A breakdown: its measures and rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown {
    pub dimension: &'static str,
    pub measures: Vec<&'static str>,
    pub rows: Vec<BreakdownRow>,
}

/// A headline number with its change against an earlier period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headline {
    pub measure: &'static str,
    pub value: Value64,
    /// Change against the previous period, when both are published.
    pub change_previous: Value64,
    /// Change against the same period a year earlier, when both are published.
    pub change_year: Value64,
}

/// A whole report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub period: String,
    /// Exact figures (for `city` and `admin`), not for publication.
    pub exact: bool,
    /// WISEs registered on the platform (any status but archived).
    pub registered: usize,
    pub approved: usize,
    pub reporting: usize,
    pub response_rate_pct: u32,
    /// For a year: the quarters with figures it rolls up, earliest first.
    pub quarters: Vec<String>,
    /// False for a year while not all of its quarters have figures.
    pub complete: bool,
    /// Onward moves into paid jobs per 100 target-group people (one decimal), when
    /// both are published.
    pub moves_per_100: Option<f64>,
    pub previous_period: Option<String>,
    pub year_earlier_period: Option<String>,
    pub headlines: Vec<Headline>,
    pub breakdowns: Vec<Breakdown>,
    /// Every suppressed number, as `stocks.trainees` or `breakdown.sector.catering.flows.other_exits`.
    pub suppressed: Vec<String>,
    /// Submissions the report counts that are not accepted yet (awaiting review or
    /// returned): while there are any, the report is provisional. Filled in by [`build`]
    /// from the submissions' review status, outside the cache.
    pub submissions_not_reviewed: usize,
}

/// The numbers of one period before change columns: headline and breakdown values
/// with suppression applied (or not).
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    pub registered: usize,
    pub collected_approved: usize,
    pub reporting: usize,
    pub headline: Vec<Value64>,
    pub breakdowns: Vec<Breakdown>,
}

fn cell(contributions: Vec<i64>) -> Cell {
    Cell { value: contributions.iter().sum(), contributions }
}

/// The tables of a period's numbers: (sector, municipality) partition the reporting
/// WISEs, so their rows add up to the total; target groups overlap and have no total.
fn tables(collected: &Collected) -> (Vec<Cell>, Vec<(&'static str, Table)>) {
    let measures: Vec<String> = MEASURES.iter().map(|m| m.to_string()).collect();
    let total: Vec<Cell> =
        (0..MEASURES.len()).map(|m| cell(collected.wises.iter().map(|w| w.values[m]).collect())).collect();
    let partition = |key: fn(&aggregate::WiseFigures) -> &str| {
        let mut rows: BTreeMap<&str, Vec<&aggregate::WiseFigures>> = BTreeMap::new();
        for wise in &collected.wises {
            rows.entry(key(wise)).or_default().push(wise);
        }
        rows.into_iter()
            .map(|(key, wises)| {
                let cells = (0..MEASURES.len()).map(|m| cell(wises.iter().map(|w| w.values[m]).collect())).collect();
                (key.to_string(), cells)
            })
            .collect::<Vec<(String, Vec<Cell>)>>()
    };
    let total_cells = || -> Vec<Cell> { total.iter().map(|c| cell(c.contributions.clone())).collect() };
    let sector = Table {
        measures: measures.clone(),
        derived: aggregate::derived(),
        rows: partition(|w| &w.sector),
        total: Some(total_cells()),
        rows_add_up_to_total: true,
    };
    let municipality = Table {
        measures: measures.clone(),
        derived: aggregate::derived(),
        rows: partition(|w| &w.municipality),
        total: Some(total_cells()),
        rows_add_up_to_total: true,
    };
    let mut groups: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
    for wise in &collected.wises {
        for (group, people) in &wise.target_groups {
            groups.entry(group).or_default().push(*people);
        }
    }
    let target_group = Table {
        measures: vec![TARGET_GROUP_MEASURE.to_string()],
        derived: Vec::new(),
        rows: groups.into_iter().map(|(g, people)| (g.to_string(), vec![cell(people)])).collect(),
        total: None,
        rows_add_up_to_total: false,
    };
    (total, vec![("sector", sector), ("target_group", target_group), ("municipality", municipality)])
}

/// Cells that must be suppressed in a period whatever its own tables need, by table
/// (in the order of [`BREAKDOWNS`]); a total-row cell is the headline's, in every table.
pub type Forced = [BTreeSet<(Row, usize)>; 3];

/// Computes a period's numbers; with `thresholds`, suppressed as the public sees them,
/// with the `forced` cells suppressed too (see [`super::linked`]).
pub fn compute(collected: &Collected, thresholds: Option<&Thresholds>, forced: &Forced) -> Computed {
    let (total, tables) = tables(collected);
    // The headline is the total row of both partitions: suppress what either needs,
    // then again with the union forced, until both agree.
    let mut forced_totals: BTreeSet<(Row, usize)> =
        forced.iter().flatten().filter(|(r, _)| *r == Row::Total).copied().collect();
    let suppressions: Vec<BTreeSet<(Row, usize)>> = match thresholds {
        None => vec![BTreeSet::new(); tables.len()],
        Some(t) => loop {
            let found: Vec<BTreeSet<(Row, usize)>> = tables
                .iter()
                .zip(forced)
                .map(|((_, table), own)| {
                    let both: BTreeSet<(Row, usize)> = own.union(&forced_totals).copied().collect();
                    disclosure::suppress_with(table, t, &both).cells
                })
                .collect();
            let totals: BTreeSet<(Row, usize)> =
                found.iter().flat_map(|s| s.iter().filter(|(r, _)| *r == Row::Total).copied()).collect();
            if totals.is_subset(&forced_totals) {
                break found;
            }
            forced_totals.extend(totals);
        },
    };
    let mut suppressions = suppressions;
    for ((_, table), suppressed) in tables.iter().zip(suppressions.iter_mut()) {
        second_cell_in_overlapping_breakdown(table, suppressed);
    }
    let headline =
        (0..MEASURES.len()).map(|m| (!forced_totals.contains(&(Row::Total, m))).then_some(total[m].value)).collect();
    let breakdowns = tables
        .iter()
        .zip(&suppressions)
        .map(|((dimension, table), suppressed)| Breakdown {
            dimension,
            measures: if *dimension == "target_group" { vec![TARGET_GROUP_MEASURE] } else { MEASURES.to_vec() },
            rows: table
                .rows
                .iter()
                .enumerate()
                .map(|(i, (key, cells))| BreakdownRow {
                    key: key.clone(),
                    organisations: cells.first().map_or(0, |c| c.contributions.len()),
                    values: cells
                        .iter()
                        .enumerate()
                        .map(|(m, c)| (!suppressed.contains(&(Row::Key(i), m))).then_some(c.value))
                        .collect(),
                })
                .collect(),
        })
        .collect();
    Computed {
        registered: collected.registered,
        collected_approved: collected.approved,
        reporting: collected.wises.len(),
        headline,
        breakdowns,
    }
}

/// Each period's tables as protected on their own ([`compute`]), by what they
/// depend on: the period's numbers, the thresholds and the cells forced on them (as a
/// 128-bit hash). A change of the figures touches one quarter and its year; every other
/// period's tables are found here when the linked set is protected again.
static TABLES: Memo<u128, Computed> = Memo::new(1024);

/// [`compute`] with the public thresholds, or its result from [`TABLES`].
pub fn compute_remembered(collected: &Collected, t: &Thresholds, forced: &Forced) -> Computed {
    let mut hasher = Xxh3Default::new();
    (collected, t, forced).hash(&mut hasher);
    let key = hasher.digest128();
    if let Some(known) = TABLES.get(&key) {
        return known;
    }
    let computed = compute(collected, Some(t), forced);
    TABLES.insert(key, computed.clone());
    computed
}

/// In a breakdown whose rows overlap (target groups), nothing adds up to a total, so
/// no secondary suppression is needed to stop recovery; the public report still never
/// shows a breakdown with exactly one suppressed cell (SPEC §2): the smallest other
/// cell of that column is suppressed too.
fn second_cell_in_overlapping_breakdown(table: &Table, suppressed: &mut BTreeSet<(Row, usize)>) {
    if table.rows_add_up_to_total || table.rows.len() < 2 {
        return;
    }
    for m in 0..table.measures.len() {
        let hidden = (0..table.rows.len()).filter(|i| suppressed.contains(&(Row::Key(*i), m))).count();
        if hidden != 1 {
            continue;
        }
        let smallest = (0..table.rows.len())
            .filter(|i| !suppressed.contains(&(Row::Key(*i), m)))
            .min_by_key(|i| (table.rows[*i].1[m].value, *i));
        if let Some(i) = smallest {
            suppressed.insert((Row::Key(i), m));
        }
    }
}

/// Where a measure sits in the JSON: `stocks` or `flows`.
pub fn group_of(measure: usize) -> &'static str {
    if measure < STOCK_COUNT {
        "stocks"
    } else {
        "flows"
    }
}

/// The reports' caches, one set per application (`db::versioned::Caches`).
pub(crate) struct ReportCaches {
    /// Reports by period, exactness and thresholds.
    reports: versioned::Cache<(String, bool, Thresholds), Report>,
    /// Series by kind, last period, exactness and thresholds.
    series: versioned::Cache<(String, String, bool, Thresholds), Vec<Point>>,
    /// The linked public numbers of every period, by thresholds (`reports::linked`).
    pub(crate) linked: versioned::Cache<Thresholds, linked::Linked>,
    /// The partnerships section by period, exactness and thresholds (`reports::partnerships`).
    partnerships: versioned::Cache<(String, bool, Thresholds), Option<Value>>,
}

impl Default for ReportCaches {
    fn default() -> Self {
        Self {
            reports: versioned::Cache::new("reports", FIGURES, FIGURE_TABLES, 16 << 20),
            series: versioned::Cache::new("report series", FIGURES, FIGURE_TABLES, 4 << 20),
            linked: versioned::Cache::new("linked report tables", FIGURES, FIGURE_TABLES, 32 << 20),
            partnerships: versioned::Cache::new("report partnerships", FIGURES, PARTNERSHIP_TABLES, 1 << 20),
        }
    }
}

/// What reports depend on.
const FIGURES: &[versioned::Kind] = &[versioned::Kind::Figures];

impl versioned::Weigh for Report {
    fn weight(&self) -> usize {
        versioned::json_weight(self)
    }
}

impl versioned::Weigh for Option<Value> {
    fn weight(&self) -> usize {
        versioned::json_weight(self)
    }
}

impl versioned::Weigh for Point {
    fn weight(&self) -> usize {
        versioned::json_weight(self)
    }
}

/// What reports are added up from (`reports::aggregate`): the counted figures of every
/// period, and the approved WISEs with their sectors.
pub(crate) const FIGURE_TABLES: &[&str] =
    &["organisations", "organisation_sectors", "reporting_periods", "current_figures"];

/// What the partnerships section adds up: the figures, and the partnerships with the
/// moves to partners stated with the figures.
const PARTNERSHIP_TABLES: &[&str] = &[
    "organisations",
    "organisation_sectors",
    "reporting_periods",
    "current_figures",
    "partnerships",
    "partnership_phases",
    "partnership_exchanges",
    "partner_moves",
];

/// The reports' caches and the tables each depends on.
pub fn caches() -> [versioned::Declared; 4] {
    let c = ReportCaches::default();
    [c.reports.declared(), c.series.declared(), c.linked.declared(), c.partnerships.declared()]
}

/// The "partnerships" section of the report for `period` ([`super::partnerships`]), kept
/// in memory until a figure or a partnership changes.
pub fn partnerships(
    conn: &mut DbConn,
    caches: &Caches,
    period: &Period,
    exact: bool,
    thresholds: &Thresholds,
) -> QueryResult<Option<Value>> {
    let key = (period.key.clone(), exact, *thresholds);
    let cached = caches.get::<ReportCaches>();
    let section = cached
        .partnerships
        .get_or_load(conn, key, |c| super::partnerships::section(c, caches, period, exact, thresholds))?;
    Ok(Option::clone(&section))
}

/// The report for `period`: exact (no suppression) or public. Kept in memory until
/// a figure, a WISE or a period changes (see [`versioned`]).
pub fn build(
    conn: &mut DbConn,
    caches: &Caches,
    period: &Period,
    exact: bool,
    thresholds: &Thresholds,
) -> QueryResult<Report> {
    let key = (period.key.clone(), exact, *thresholds);
    let cached = caches.get::<ReportCaches>();
    let report = cached.reports.get_or_load(conn, key, |c| compute_report(c, caches, period, exact, thresholds))?;
    let mut report = Report::clone(&report);
    report.submissions_not_reviewed = crate::figures::review::unreviewed(conn, period)?;
    Ok(report)
}

/// Builds the report for `period` from the database: exact, or the period's part of
/// the linked public set ([`linked`]).
pub fn compute_report(
    conn: &mut DbConn,
    caches: &Caches,
    period: &Period,
    exact: bool,
    thresholds: &Thresholds,
) -> QueryResult<Report> {
    let key = period.period_key();
    let earlier_keys = [key.previous().to_string(), key.year_earlier().to_string()];
    let (now, earlier, quarters) = if exact {
        let with_figures = aggregate::periods_with_figures(conn)?;
        let mut wanted = vec![period.clone()];
        wanted.extend(earlier_keys.iter().filter_map(|k| with_figures.iter().find(|p| p.key == *k)).cloned());
        let collected = aggregate::collect_many(conn, &wanted)?;
        let computed: Vec<(String, Computed)> =
            wanted.iter().zip(&collected).map(|(p, c)| (p.key.clone(), compute(c, None, &Forced::default()))).collect();
        let mut computed = computed.into_iter();
        let now = computed.next().expect("the period itself").1;
        (now, computed.collect::<Vec<_>>(), quarters_of(period, &with_figures))
    } else {
        let set = linked::public(conn, caches, thresholds)?;
        let now = match set.index(&period.key) {
            Some(i) => set.computed[i].clone(),
            // A period without figures: nothing in it to protect.
            None => compute(&aggregate::collect(conn, period)?, Some(thresholds), &Forced::default()),
        };
        let earlier = earlier_keys
            .iter()
            .filter_map(|k| set.index(k).map(|i| (k.clone(), set.computed[i].clone())))
            .collect::<Vec<_>>();
        (now, earlier, quarters_of(period, &set.periods))
    };
    let find = |k: &str| earlier.iter().find(|(key, _)| key == k).cloned();
    let previous = find(&earlier_keys[0]);
    let year_earlier = find(&earlier_keys[1]);
    Ok(assemble(period, exact, now, previous, year_earlier, quarters))
}

/// For a year, the quarters inside it among `with_figures`; nothing for a quarter.
fn quarters_of(period: &Period, with_figures: &[Period]) -> Vec<String> {
    if period.kind != "year" {
        return Vec::new();
    }
    with_figures.iter().filter(|p| p.kind == "quarter" && period.contains(p)).map(|p| p.key.clone()).collect()
}

/// The report from a period's numbers and those of the periods it is compared with.
fn assemble(
    period: &Period,
    exact: bool,
    now: Computed,
    previous: Option<(String, Computed)>,
    year_earlier: Option<(String, Computed)>,
    quarters: Vec<String>,
) -> Report {
    let change = |other: &Option<(String, Computed)>, m: usize| match (other, now.headline[m]) {
        (Some((_, o)), Some(v)) => o.headline[m].map(|before| v - before),
        _ => None,
    };
    let headlines = MEASURES
        .iter()
        .enumerate()
        .map(|(m, measure)| Headline {
            measure,
            value: now.headline[m],
            change_previous: change(&previous, m),
            change_year: change(&year_earlier, m),
        })
        .collect::<Vec<_>>();
    let mut suppressed = Vec::new();
    for h in &headlines {
        if h.value.is_none() {
            suppressed.push(format!("{}.{}", group_of(measure_index(h.measure)), h.measure));
        }
    }
    for b in &now.breakdowns {
        for row in &b.rows {
            for (m, v) in row.values.iter().enumerate() {
                if v.is_none() {
                    let group = if b.dimension == "target_group" { "stocks" } else { group_of(m) };
                    suppressed.push(format!("breakdown.{}.{}.{group}.{}", b.dimension, row.key, b.measures[m]));
                }
            }
        }
    }
    let approved = now.collected_approved;
    let response_rate_pct = crate::figures::response_rate_pct(now.reporting, approved);
    let moves_per_100 = match (now.headline[aggregate::MOVED_TO_PAID], now.headline[aggregate::TARGET_GROUP_PEOPLE]) {
        (Some(moves), Some(people)) if people > 0 => Some((moves * 1000 / people) as f64 / 10.0),
        _ => None,
    };
    Report {
        period: period.key.clone(),
        exact,
        registered: now.registered,
        moves_per_100,
        approved,
        reporting: now.reporting,
        response_rate_pct,
        complete: period.kind != "year" || quarters.len() == 4,
        quarters,
        previous_period: previous.map(|(k, _)| k),
        year_earlier_period: year_earlier.map(|(k, _)| k),
        headlines,
        breakdowns: now.breakdowns,
        suppressed,
        submissions_not_reviewed: 0,
    }
}

fn measure_index(measure: &str) -> usize {
    MEASURES.iter().position(|m| *m == measure).expect("a known measure")
}

impl Report {
    /// Whether some submission the report counts is not reviewed yet ("voorlopig").
    pub fn provisional(&self) -> bool {
        self.submissions_not_reviewed > 0
    }

    pub fn breakdown(&self, dimension: &str) -> Option<&Breakdown> {
        self.breakdowns.iter().find(|b| b.dimension == dimension)
    }

    /// The report in the JSON shape of SPEC §4, with one breakdown; suppressed
    /// numbers are `null` and listed in `suppressed`.
    pub fn to_json(&self, dimension: &str) -> Value {
        let group = |g: &str, values: &dyn Fn(usize) -> Value64| {
            let mut map = Map::new();
            for (m, measure) in MEASURES.iter().enumerate() {
                if group_of(m) == g {
                    map.insert(measure.to_string(), json!(values(m)));
                }
            }
            Value::Object(map)
        };
        let headline = |m: usize| self.headlines[m].value;
        let previous = |m: usize| self.headlines[m].change_previous;
        let year = |m: usize| self.headlines[m].change_year;
        let breakdown: Vec<Value> = self
            .breakdown(dimension)
            .map(|b| {
                b.rows
                    .iter()
                    .map(|row| {
                        let (stocks, flows) = if b.dimension == "target_group" {
                            (json!({ TARGET_GROUP_MEASURE: row.values[0] }), json!({}))
                        } else {
                            (group("stocks", &|m| row.values[m]), group("flows", &|m| row.values[m]))
                        };
                        json!({ "key": row.key, "organisations": row.organisations, "stocks": stocks, "flows": flows })
                    })
                    .collect()
            })
            .unwrap_or_default();
        let prefix = format!("breakdown.{dimension}.");
        let suppressed: Vec<String> = self
            .suppressed
            .iter()
            .filter(|path| !path.starts_with("breakdown.") || path.starts_with(&prefix))
            .map(|path| path.replacen(&prefix, "breakdown.", 1))
            .collect();
        json!({
            "period": self.period,
            "exact": self.exact,
            "organisations": { "registered": self.registered, "approved": self.approved, "reporting": self.reporting },
            "response_rate_pct": self.response_rate_pct,
            "quarters": self.quarters,
            "complete": self.complete,
            "moved_to_paid_per_100_target_group_people": self.moves_per_100,
            "stocks": group("stocks", &headline),
            "flows": group("flows", &headline),
            "change": {
                "previous": self.previous_period.as_ref().map(|p| json!({
                    "period": p, "stocks": group("stocks", &previous), "flows": group("flows", &previous),
                })),
                "year_earlier": self.year_earlier_period.as_ref().map(|p| json!({
                    "period": p, "stocks": group("stocks", &year), "flows": group("flows", &year),
                })),
            },
            "breakdown_by": dimension,
            "breakdown": breakdown,
            "suppressed": suppressed,
            "provisional": self.provisional(),
            "submissions_not_reviewed": self.submissions_not_reviewed,
        })
    }

    /// The report as tidy CSV rows: `period,dimension,key,measure,value,suppressed`.
    pub fn to_csv(&self) -> Vec<[String; 6]> {
        let mut rows = Vec::new();
        let mut push = |dimension: &str, key: &str, measure: &str, value: Option<String>| {
            let suppressed = value.is_none().to_string();
            let row = [dimension, key, measure].map(str::to_string);
            let [dimension, key, measure] = row;
            rows.push([self.period.clone(), dimension, key, measure, value.unwrap_or_default(), suppressed]);
        };
        let n = |v: Value64| v.map(|v| v.to_string());
        let count = |v: usize| Some(v.to_string());
        push("total", "", "organisations_registered", count(self.registered));
        push("total", "", "organisations_approved", count(self.approved));
        push("total", "", "organisations_reporting", count(self.reporting));
        push("total", "", "response_rate_pct", count(self.response_rate_pct as usize));
        push("total", "", "submissions_not_reviewed", count(self.submissions_not_reviewed));
        for h in &self.headlines {
            push("total", "", h.measure, n(h.value));
        }
        let rate = self.moves_per_100.map(|r| format!("{r:.1}"));
        push("total", "", "moved_to_paid_per_100_target_group_people", rate);
        if let Some(p) = &self.previous_period {
            for h in &self.headlines {
                push("change_previous", p, h.measure, n(h.change_previous));
            }
        }
        if let Some(p) = &self.year_earlier_period {
            for h in &self.headlines {
                push("change_year_earlier", p, h.measure, n(h.change_year));
            }
        }
        for b in &self.breakdowns {
            for row in &b.rows {
                push(b.dimension, &row.key, "organisations", count(row.organisations));
                for (m, value) in row.values.iter().enumerate() {
                    push(b.dimension, &row.key, b.measures[m], n(*value));
                }
            }
        }
        rows
    }
}

/// One point of the time series: a period with its people working and onward moves
/// into paid jobs (`None` when suppressed).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    pub period: String,
    pub people_working: Value64,
    pub moved_to_paid: Value64,
}

/// People working and onward moves into paid jobs for every period of `kind`
/// (`quarter` or `year`) up to and including `last` that has figures, oldest first,
/// suppressed as the report for each period is.
pub fn series(
    conn: &mut DbConn,
    caches: &Caches,
    kind: &str,
    last: &Period,
    exact: bool,
    thresholds: &Thresholds,
) -> QueryResult<Vec<Point>> {
    let key = (kind.to_string(), last.key.clone(), exact, *thresholds);
    let cached = caches.get::<ReportCaches>();
    let points = cached.series.get_or_load(conn, key, |c| compute_series(c, caches, kind, last, exact, thresholds))?;
    Ok(points.to_vec())
}

fn compute_series(
    conn: &mut DbConn,
    caches: &Caches,
    kind: &str,
    last: &Period,
    exact: bool,
    thresholds: &Thresholds,
) -> QueryResult<Vec<Point>> {
    let point = |period: &Period, computed: &Computed| Point {
        period: period.key.clone(),
        people_working: computed.headline[aggregate::PEOPLE_WORKING],
        moved_to_paid: computed.headline[aggregate::MOVED_TO_PAID],
    };
    // Every period of the kind that starts by the end of `last` (a year's quarters too).
    let wanted = |p: &Period| p.kind == kind && p.starts_on <= last.ends_on;
    if !exact {
        // The public series is the headline of each period's linked public report.
        let set = linked::public(conn, caches, thresholds)?;
        return Ok(set
            .periods
            .iter()
            .zip(&set.computed)
            .filter(|(p, _)| wanted(p))
            .map(|(p, c)| point(p, c))
            .collect());
    }
    let periods: Vec<Period> = aggregate::periods_with_figures(conn)?.into_iter().filter(wanted).collect();
    let collected = aggregate::collect_many(conn, &periods)?;
    Ok(periods.iter().zip(&collected).map(|(p, c)| point(p, &compute(c, None, &Forced::default()))).collect())
}

/// The translation key of a measure's label: `report-measure-people-working`.
pub fn measure_key(measure: &str) -> String {
    format!("report-measure-{}", measure.replace('_', "-"))
}

/// What a year report covers while not all its quarters have figures: `2026, Q1–Q3`
/// (or `2026, Q1, Q3` when a quarter in between has none).
pub fn coverage(report: &Report) -> Option<String> {
    if report.complete || report.quarters.is_empty() {
        return None;
    }
    let numbers: Vec<u32> =
        report.quarters.iter().filter_map(|q| crate::figures::periods::PeriodKey::parse(q).ok()?.quarter).collect();
    let contiguous = numbers.windows(2).all(|w| w[1] == w[0] + 1);
    let listed = match (numbers.first(), numbers.last()) {
        (Some(first), Some(last)) if contiguous && first != last => format!("Q{first}\u{2013}Q{last}"),
        _ => numbers.iter().map(|n| format!("Q{n}")).collect::<Vec<_>>().join(", "),
    };
    Some(format!("{}, {listed}", report.period))
}
