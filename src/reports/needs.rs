//! The "buyer needs" section of the sector report: needs published, WISEs alerted and
//! interested, confirmed deals and their euros, per kind of need, and the WISEs'
//! measures also per sector (the WISE's primary sector), for the report's period. Exact
//! for the operator and the city; for the public every cell passes disclosure control
//! like the figures' tables (fewer than `min_organisations` contributing buyers or
//! WISEs, too small, or one dominant: suppressed, with enough others that the total
//! does not give it away).
//!
//! The tables of all periods are linked like the figures' tables ([`super::linked`]):
//! the two tables of a period share their totals; a year's cells are the sums of its
//! quarters' and of the part of the year no published quarter covers (the "rest",
//! never published, and protected like a cell when it is sensitive); suppression grows
//! over all periods together until no hidden cell is narrowed to less than the
//! protection level (for euros: that percentage of the cell) and no difference of two
//! published cells reveals too few contributors. `wise-monitor audit disclosure`
//! checks these cells too ([`NeedsSet::audit`]).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use super::audit::{Range, System, Terms};
use super::disclosure::{self, Cell, Row, Suppression, Table, Thresholds};
use super::linked::{hiding_rank, quarters_within, Finding};
use crate::db::DbConn;
use crate::figures::periods::Period;
use crate::needs::stats::{self, Breakdown, KindRows, Parts, MEASURES};

/// The measure counted in euros (a position in `MEASURES`); the others count needs or WISEs.
const EUROS: usize = 4;

/// A period's rows of each breakdown, in [`Breakdown::ALL`] order.
type PeriodRows = Vec<KindRows>;

fn period_rows(events: &[stats::Event], period: &Period) -> PeriodRows {
    Breakdown::ALL.iter().map(|by| stats::rows(events, period.starts_on, period.ends_on, *by)).collect()
}

/// The section of `period` as the page shows it; `None` when nothing happened in it.
pub fn section(conn: &mut DbConn, period: &Period, exact: bool, t: &Thresholds) -> diesel::QueryResult<Option<Value>> {
    let events = stats::events(conn)?;
    let rows = period_rows(&events, period);
    if rows[0].iter().all(|(_, cells)| cells.iter().all(Vec::is_empty)) {
        return Ok(None);
    }
    if exact || !t.linked {
        let tables = Breakdown::ALL.iter().zip(&rows).map(|(by, rows)| protect(rows, *by, exact, t)).collect();
        return Ok(Some(sections(tables)));
    }
    let mut periods = super::aggregate::periods_with_figures(conn)?;
    if !periods.iter().any(|p| p.key == period.key) {
        periods.push(period.clone());
    }
    let set = NeedsSet::protect(periods, &events, t);
    let p = set.periods.iter().position(|p| p.key == period.key).expect("the period is in the set");
    let tables =
        Breakdown::ALL.iter().enumerate().map(|(b, by)| show(&set.tables[p][b], &set.suppression[p][b], *by)).collect();
    Ok(Some(sections(tables)))
}

/// The section's JSON: its tables, and whether any cell is suppressed.
fn sections(tables: Vec<Value>) -> Value {
    let suppressed = tables.iter().any(|t| t["suppressed"].as_array().is_some_and(|a| !a.is_empty()));
    json!({ "tables": tables, "any_suppressed": suppressed })
}

/// The public needs cells of every period with figures, protected together.
pub fn public(conn: &mut DbConn, t: &Thresholds) -> diesel::QueryResult<NeedsSet> {
    let periods = super::aggregate::periods_with_figures(conn)?;
    Ok(NeedsSet::protect(periods, &stats::events(conn)?, t))
}

/// One table of a period: a row per key and the total row (each contributor once,
/// whatever rows it has parts in).
fn table(rows: &KindRows, by: Breakdown) -> Table {
    let measures = by.measures();
    Table {
        measures: measures.iter().map(|m| MEASURES[*m].to_string()).collect(),
        derived: Vec::new(),
        rows: rows.iter().map(|(key, cells)| (key.clone(), cells.iter().map(cell).collect())).collect(),
        total: Some((0..measures.len()).map(|m| cell(&total_parts(rows, m))).collect()),
        rows_add_up_to_total: true,
    }
}

fn cell(parts: &Parts) -> Cell {
    Cell::from_contributions(parts.iter().map(|(_, v)| *v).collect())
}

/// The parts of (the table's) measure `m` over all rows, per contributor.
fn total_parts(rows: &KindRows, m: usize) -> Parts {
    let mut by: BTreeMap<i32, i64> = BTreeMap::new();
    for (_, cells) in rows {
        for (who, v) in &cells[m] {
            *by.entry(*who).or_default() += v;
        }
    }
    by.into_iter().collect()
}

/// A table of one period on its own: exact, or suppressed as one table.
pub fn protect(rows: &KindRows, by: Breakdown, exact: bool, t: &Thresholds) -> Value {
    let table = table(rows, by);
    let suppression = if exact { Suppression::default() } else { disclosure::suppress(&table, t) };
    show(&table, &suppression, by)
}

/// A table's JSON: the cells, `null` where suppressed, and the suppressed cells' names.
/// A sector row without any contributor is left out (it gives nobody away).
fn show(table: &Table, suppression: &Suppression, by: Breakdown) -> Value {
    let names: Vec<&str> = by.measures().iter().map(|m| MEASURES[*m]).collect();
    let values = |row: Row, cells: &[Cell]| -> Value {
        let mut out = serde_json::Map::new();
        for (m, name) in names.iter().enumerate() {
            let value = if suppression.is_suppressed(row, m) { Value::Null } else { json!(cells[m].value) };
            out.insert((*name).to_string(), value);
        }
        Value::Object(out)
    };
    let suppressed: Vec<String> = suppression.cells.iter().map(|(row, m)| name(table, *row, *m, by)).collect();
    let total = table.total.as_ref().expect("built with a total");
    let rows: Vec<Value> = table
        .rows
        .iter()
        .enumerate()
        .filter(|(_, (_, cells))| by == Breakdown::Kind || cells.iter().any(|c| !c.contributions.is_empty()))
        .map(|(i, (key, cells))| {
            let mut v = values(Row::Key(i), cells);
            v["key"] = json!(key);
            v
        })
        .collect();
    json!({
        "breakdown": by.as_str(),
        "vocabulary": if by == Breakdown::Kind { "need-kind" } else { "sector" },
        "measures": names,
        "headers": names.iter().map(|n| format!("report-needs-{}", n.replace('_', "-"))).collect::<Vec<_>>(),
        "total": values(Row::Total, total),
        "rows": rows,
        "suppressed": suppressed,
    })
}

/// A cell as people read it: `needs.tender.deals`, `needs.sector.catering.deals`.
fn name(table: &Table, row: Row, m: usize, by: Breakdown) -> String {
    let key = match row {
        Row::Total => "total",
        Row::Key(i) => table.rows[i].0.as_str(),
    };
    let prefix = if by == Breakdown::Kind { String::new() } else { format!("{}.", by.as_str()) };
    format!("needs.{prefix}{key}.{}", table.measures[m])
}

/// An attacker's system, its cells (set-cell index by position) and the hidden cells it
/// narrows too much (position, range).
type Narrowed = (System, Vec<usize>, Vec<(usize, Range)>);

/// One cell of the linked set: of a period's table, or of a year's rest.
#[derive(Debug, Clone)]
struct SetCell {
    period: usize,
    rest: bool,
    /// The table: a position in [`Breakdown::ALL`].
    by: usize,
    row: Row,
    /// The table's measure (a position in its `Breakdown::measures`).
    measure: usize,
    parts: Parts,
    value: i64,
}

impl SetCell {
    /// The measure as a position in `MEASURES`.
    fn global_measure(&self) -> usize {
        Breakdown::ALL[self.by].measures()[self.measure]
    }
}

/// The needs cells of every period, protected together.
#[derive(Debug, Clone)]
pub struct NeedsSet {
    pub periods: Vec<Period>,
    /// Per period, its tables in [`Breakdown::ALL`] order; so is `suppression`.
    tables: Vec<Vec<Table>>,
    suppression: Vec<Vec<Suppression>>,
    cells: Vec<SetCell>,
    equalities: Vec<Terms>,
    thresholds: Thresholds,
    /// Rounds the protection took.
    pub rounds: usize,
}

/// Where a cell sits: (period, rest, table, row, the table's measure).
type Place = (usize, bool, usize, Row, usize);

impl NeedsSet {
    /// Suppresses over all `periods` together what the linked set needs (see the module).
    pub fn protect(periods: Vec<Period>, events: &[stats::Event], t: &Thresholds) -> Self {
        let rows: Vec<PeriodRows> = periods.iter().map(|p| period_rows(events, p)).collect();
        let tables: Vec<Vec<Table>> = rows
            .iter()
            .map(|period| Breakdown::ALL.iter().zip(period).map(|(by, rows)| table(rows, *by)).collect())
            .collect();
        let mut forced: Vec<Vec<BTreeSet<(Row, usize)>>> =
            vec![vec![BTreeSet::new(); Breakdown::ALL.len()]; periods.len()];
        let suppression =
            tables.iter().map(|period| period.iter().map(|table| disclosure::suppress(table, t)).collect()).collect();
        let mut set = NeedsSet {
            periods,
            tables,
            suppression,
            cells: Vec::new(),
            equalities: Vec::new(),
            thresholds: *t,
            rounds: 0,
        };
        set.link(&rows);
        loop {
            set.rounds += 1;
            let add = set.to_hide();
            if add.is_empty() {
                return set;
            }
            let mut changed = BTreeSet::new();
            for c in add {
                let cell = &set.cells[c];
                forced[cell.period][cell.by].insert((cell.row, cell.measure));
                changed.insert((cell.period, cell.by));
            }
            for (p, b) in changed {
                set.suppression[p][b] = disclosure::suppress_with(&set.tables[p][b], t, &forced[p][b]);
            }
        }
    }

    /// The cells and what holds between them: each table's rows add up to its total, the
    /// two tables of a period (or rest) have the same totals, and a year's cells are its
    /// quarters' plus its rest.
    fn link(&mut self, rows: &[PeriodRows]) {
        let mut at: BTreeMap<Place, usize> = BTreeMap::new();
        let mut add = |cells: &mut Vec<SetCell>, period: usize, rest: bool, tables: &PeriodRows| {
            for (by, rows) in tables.iter().enumerate() {
                for m in 0..Breakdown::ALL[by].measures().len() {
                    let places = rows.iter().enumerate().map(|(i, (_, c))| (Row::Key(i), c[m].clone()));
                    for (row, parts) in places.chain([(Row::Total, total_parts(rows, m))]) {
                        at.insert((period, rest, by, row, m), cells.len());
                        let value = parts.iter().map(|(_, v)| v).sum();
                        cells.push(SetCell { period, rest, by, row, measure: m, parts, value });
                    }
                }
            }
        };
        let mut cells = Vec::new();
        for (p, period_rows) in rows.iter().enumerate() {
            add(&mut cells, p, false, period_rows);
        }
        let years: Vec<usize> = (0..self.periods.len()).filter(|p| self.periods[*p].kind == "year").collect();
        for &y in &years {
            let quarters = quarters_within(&self.periods, y);
            let rest: PeriodRows = rows[y]
                .iter()
                .enumerate()
                .map(|(b, table)| {
                    table
                        .iter()
                        .enumerate()
                        .map(|(i, (key, cells))| {
                            let parts = (0..cells.len())
                                .map(|m| {
                                    let mut by: BTreeMap<i32, i64> = cells[m].iter().copied().collect();
                                    for q in &quarters {
                                        for (who, v) in &rows[*q][b][i].1[m] {
                                            *by.entry(*who).or_default() -= v;
                                        }
                                    }
                                    by.into_iter().filter(|(_, v)| *v != 0).collect()
                                })
                                .collect();
                            (key.clone(), parts)
                        })
                        .collect()
                })
                .collect();
            add(&mut cells, y, true, &rest);
        }
        let mut equalities = Vec::new();
        let mut tables: Vec<(usize, bool)> = (0..rows.len()).map(|p| (p, false)).collect();
        tables.extend(years.iter().map(|y| (*y, true)));
        for &(p, rest) in &tables {
            for (b, by) in Breakdown::ALL.iter().enumerate() {
                for m in 0..by.measures().len() {
                    let mut rel: Terms = (0..by.keys().len()).map(|i| (at[&(p, rest, b, Row::Key(i), m)], 1)).collect();
                    rel.push((at[&(p, rest, b, Row::Total, m)], -1));
                    equalities.push(rel);
                }
            }
            // The sector table's totals are the kind table's.
            for (m, global) in Breakdown::Sector.measures().iter().enumerate() {
                let kind = at[&(p, rest, 0, Row::Total, *global)];
                equalities.push(vec![(kind, 1), (at[&(p, rest, 1, Row::Total, m)], -1)]);
            }
        }
        for &y in &years {
            let quarters = quarters_within(&self.periods, y);
            for (b, by) in Breakdown::ALL.iter().enumerate() {
                for row in (0..by.keys().len()).map(Row::Key).chain([Row::Total]) {
                    for m in 0..by.measures().len() {
                        let mut rel: Terms = vec![(at[&(y, false, b, row, m)], 1), (at[&(y, true, b, row, m)], -1)];
                        rel.extend(quarters.iter().map(|q| (at[&(*q, false, b, row, m)], -1)));
                        equalities.push(rel);
                    }
                }
            }
        }
        self.cells = cells;
        self.equalities = equalities;
    }

    /// Whether a cell is not published: suppressed, or a rest (never published).
    fn hidden(&self, c: usize) -> bool {
        let cell = &self.cells[c];
        cell.rest || self.suppression[cell.period][cell.by].is_suppressed(cell.row, cell.measure)
    }

    /// Whether a hidden cell must not be narrowed: it has contributors, and a rest only
    /// when it is sensitive itself (an empty cell gives nobody away).
    fn guarded(&self, c: usize) -> bool {
        let cell = &self.cells[c];
        !cell.parts.is_empty() && (!cell.rest || self.thresholds.is_sensitive(&self::cell(&cell.parts)))
    }

    /// The attacker's system over the cells of the periods `wanted` admits, for the
    /// euros or for the counts.
    fn system(&self, wanted: impl Fn(&Period) -> bool, euros: bool) -> (System, Vec<usize>) {
        let mut system = System::default();
        let mut of_cell: Vec<Option<usize>> = vec![None; self.cells.len()];
        let mut cells = Vec::new();
        for (i, cell) in self.cells.iter().enumerate() {
            if wanted(&self.periods[cell.period]) && (cell.global_measure() == EUROS) == euros {
                of_cell[i] = Some(system.push(cell.value, self.hidden(i)));
                cells.push(i);
            }
        }
        system.equalities = self
            .equalities
            .iter()
            .filter_map(|terms| terms.iter().map(|(c, k)| of_cell[*c].map(|s| (s, *k))).collect())
            .collect();
        (system, cells)
    }

    /// The protection a hidden euro cell needs on either side of its value: the
    /// protection level as a percentage of it, and never less than the level itself.
    fn euro_level(&self, c: usize) -> i64 {
        let level = i64::from(self.thresholds.protection_level);
        (self.cells[c].value * level / 100).max(level)
    }

    /// Hidden cells narrowed too much with their ranges (by position in the system), for
    /// the counts (over integers, as the figures' audit) and for the euros (over real
    /// values, each against its own level).
    fn narrow(&self, wanted: impl Fn(&Period) -> bool + Copy) -> Vec<Narrowed> {
        let (system, cells) = self.system(wanted, false);
        let counts = system.findings(i64::from(self.thresholds.protection_level), true);
        let counts = counts.into_iter().filter(|(s, _)| self.guarded(cells[*s])).collect();
        let mut out = vec![(system, cells, counts)];
        let (system, cells) = self.system(wanted, true);
        let euros = system
            .ranges(false)
            .into_iter()
            .filter(|(s, range)| {
                self.guarded(cells[*s]) && !range.protects(system.values[*s], self.euro_level(cells[*s]))
            })
            .collect();
        out.push((system, cells, euros));
        out
    }

    /// Published pairs of cells of one row and measure whose difference reveals too much.
    fn revealing(&self, wanted: impl Fn(&Period) -> bool) -> Vec<(usize, usize)> {
        let mut slots: BTreeMap<(usize, Row, usize), Vec<usize>> = BTreeMap::new();
        for (i, c) in self.cells.iter().enumerate() {
            if !c.rest && wanted(&self.periods[c.period]) && !self.hidden(i) {
                slots.entry((c.by, c.row, c.measure)).or_default().push(i);
            }
        }
        let mut out = Vec::new();
        for cells in slots.values() {
            for (n, &a) in cells.iter().enumerate() {
                for &b in &cells[n + 1..] {
                    let parts = |c: usize| self.cells[c].parts.clone();
                    if super::differences::reveals(parts(a), parts(b), &self.thresholds) {
                        out.push((a, b));
                    }
                }
            }
        }
        out
    }

    /// The cells to suppress next: one of each revealing pair; else a published partner
    /// of each narrowed cell (not a total where another will do, the smallest first).
    fn to_hide(&self) -> BTreeSet<usize> {
        let mut add = BTreeSet::new();
        for (a, b) in self.revealing(|_| true) {
            let rank = |c: usize| (hiding_rank(&self.periods, self.cells[c].period), std::cmp::Reverse(c));
            add.insert(if rank(a) >= rank(b) { a } else { b });
        }
        if !add.is_empty() {
            return add;
        }
        for (system, cells, narrow) in self.narrow(|_| true) {
            for (s, _) in narrow {
                let partner = system
                    .partners(s)
                    .into_iter()
                    .min_by_key(|c| (self.cells[cells[*c]].row == Row::Total, system.values[*c], *c));
                add.extend(partner.map(|c| cells[c]));
            }
        }
        add
    }

    /// A cell as people read it: `2025-Q3 needs.tender.deals` (`… rest of the year` for a rest).
    fn describe(&self, c: usize) -> String {
        let cell = &self.cells[c];
        let name = name(&self.tables[cell.period][cell.by], cell.row, cell.measure, Breakdown::ALL[cell.by]);
        let rest = if cell.rest { " (the part of the year no published quarter covers)" } else { "" };
        format!("{} {name}{rest}", self.periods[cell.period].key)
    }

    /// Everything an attacker given the public needs sections of the periods `wanted`
    /// admits could learn beyond what the thresholds allow.
    pub fn audit(&self, wanted: impl Fn(&Period) -> bool + Copy) -> Vec<Finding> {
        let mut out: Vec<Finding> = Vec::new();
        for (system, cells, narrow) in self.narrow(wanted) {
            out.extend(narrow.into_iter().map(|(s, range)| Finding::Narrow {
                cell: self.describe(cells[s]),
                value: system.values[s],
                range,
            }));
        }
        out.extend(self.revealing(wanted).into_iter().map(|(a, b)| Finding::Difference {
            first: self.describe(a),
            second: self.describe(b),
            difference: self.cells[a].value - self.cells[b].value,
        }));
        out
    }

    /// How many cells the periods `wanted` admits have, and how many are hidden.
    pub fn counted(&self, wanted: impl Fn(&Period) -> bool) -> (usize, usize) {
        let cells: Vec<usize> = (0..self.cells.len())
            .filter(|c| !self.cells[*c].rest && wanted(&self.periods[self.cells[*c].period]))
            .collect();
        (cells.len(), cells.iter().filter(|c| self.hidden(**c)).count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::periods::{self, PeriodKey};

    fn thresholds() -> Thresholds {
        Thresholds { min_organisations: 3, max_share_pct: 70, min_people: 10, protection_level: 10, linked: true }
    }

    fn parts(values: &[i64]) -> Parts {
        values.iter().enumerate().map(|(i, v)| (i as i32 + 1, *v)).collect()
    }

    #[test]
    fn a_deal_of_one_wise_is_not_published_but_exact_reports_show_it() {
        let one_wise = vec![parts(&[1, 1, 1]), parts(&[4, 4, 4]), parts(&[1]), parts(&[1]), parts(&[250_000])];
        let many = vec![parts(&[1; 12]), parts(&[3; 12]), parts(&[2; 12]), parts(&[1; 12]), parts(&[20_000; 12])];
        // (Only two kinds: an empty third row would be suppressed too, and then the
        // total alone would not give the tender away.)
        let rows = vec![("tender".to_string(), one_wise), ("quote".to_string(), many)];
        let public = protect(&rows, Breakdown::Kind, false, &thresholds());
        assert_eq!(public["rows"][0]["deal_eur"], Value::Null, "one WISE's amount");
        assert!(
            public["rows"][1]["deal_eur"].is_null() || public["total"]["deal_eur"].is_null(),
            "else the total less the quotes gives the tender amount away: {public}"
        );
        assert!(public["suppressed"].as_array().unwrap().iter().any(|s| s == "needs.tender.deal_eur"));
        let exact = protect(&rows, Breakdown::Kind, true, &thresholds());
        assert_eq!(exact["rows"][0]["deal_eur"], json!(250_000));
        assert_eq!(exact["suppressed"], json!([]));
    }

    fn period(quarter: Option<u32>) -> Period {
        let key = PeriodKey { year: 2025, quarter };
        Period {
            id: quarter.map_or(0, |q| q as i32),
            key: key.to_string(),
            kind: if quarter.is_some() { "quarter" } else { "year" }.to_string(),
            starts_on: key.starts_on(),
            ends_on: key.ends_on(),
            ..periods::year_of_quarters(2025)
        }
    }

    /// Confirmed deals of `amount` each by the WISEs `who`, in quarter `q` of 2025.
    fn deals(kind: &str, q: u32, who: &[i32], amount: i64) -> Vec<stats::Event> {
        let at = PeriodKey { year: 2025, quarter: Some(q) }.starts_on().and_hms_opt(12, 0, 0).unwrap();
        let event = |measure, who, value| stats::Event {
            kind: kind.into(),
            sector: if who % 2 == 0 { "catering" } else { "textiles" }.into(),
            measure,
            who,
            value,
            at,
        };
        who.iter().flat_map(|w| [event(3, *w, 1), event(EUROS, *w, amount)]).collect()
    }

    /// A quarter's one large tender is suppressed in its own table; the year and the
    /// other quarters would give it back (year minus quarters), so the set suppresses
    /// more, and so it does for a part of the year no published quarter covers.
    #[test]
    fn a_quarter_cell_is_not_given_away_by_its_year_and_the_other_quarters() {
        let many: Vec<i32> = (1..=12).collect();
        let mut events = Vec::new();
        for q in [1, 2, 4] {
            events.extend(deals("tender", q, &[1, 2, 3], 20_000));
        }
        events.extend(deals("tender", 3, &[9], 250_000));
        for q in 1..=4 {
            events.extend(deals("quote", q, &many, 5_000));
        }
        let t = thresholds();
        let all: Vec<Period> = std::iter::once(period(None)).chain((1..=4).map(|q| period(Some(q)))).collect();
        let set = NeedsSet::protect(all.clone(), &events, &t);
        assert_eq!(set.audit(|_| true), Vec::new());
        let q3 = set.periods.iter().position(|p| p.key == "2025-Q3").unwrap();
        let tender = Row::Key(crate::vocab::NEED_KINDS.iter().position(|k| *k == "tender").unwrap());
        assert!(set.suppression[q3][0].is_suppressed(tender, EUROS));
        let others_hidden =
            (0..set.periods.len()).filter(|p| *p != q3).any(|p| set.suppression[p][0].is_suppressed(tender, EUROS));
        assert!(others_hidden, "one of the year and the other quarters hides its tender euros too");
        // By sector the large tender dominates its WISE's sector (textiles) in the quarter.
        let textiles = Row::Key(crate::vocab::SECTORS.iter().position(|s| *s == "textiles").unwrap());
        let sector_euros = Breakdown::Sector.measures().iter().position(|m| *m == EUROS).unwrap();
        assert!(set.suppression[q3][1].is_suppressed(textiles, sector_euros));

        // Without the fourth quarter published, the year's rest is that quarter.
        let without_q4: Vec<Period> = all.into_iter().filter(|p| p.key != "2025-Q4").collect();
        let set = NeedsSet::protect(without_q4, &events, &t);
        assert_eq!(set.audit(|_| true), Vec::new());
    }
}
