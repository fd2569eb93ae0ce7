//! The "procurement" section of the sector report: what the buying organisations that
//! agreed to be counted (`spend::store::is_shared`) spent, and spent with WISEs, by the
//! WISEs' sector. A register's line counts in a period that holds its whole period (a
//! month or quarter in its year, a year only in that year). Beside it, the social return
//! realised through purchases from WISEs (confirmed by the WISE or counted by the officer,
//! at their valuation, by invoice date), and how many buying organisations bought from
//! WISEs (through a register or a social-return claim).
//!
//! Exact for the operator and the city, for any period. The public sees it per year only
//! (registers are mostly kept per year, and years do not overlap, so no published cell
//! can be taken from another period's): a euro cell of fewer than `min_organisations`
//! buyers or WISEs, or dominated by one WISE, is suppressed, with enough others in its
//! table that the total does not give it away; no hidden cell may be narrowed to within
//! the protection level (as a percentage of the cell) — `audit disclosure` checks it.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use super::audit::System;
use super::disclosure::{self, Cell, Row, Suppression, Table, Thresholds};
use super::linked::Finding;
use crate::db::DbConn;
use crate::figures::periods::Period;

/// What the shared registers hold for one period.
#[derive(Debug, Clone, Default)]
pub struct Spent {
    /// Buying organisation → its spend in the period (euros).
    pub by_buyer: BTreeMap<i32, i64>,
    /// The WISEs' sector → (WISE KvK number → euros, the buyers that bought).
    pub by_sector: BTreeMap<String, (BTreeMap<String, i64>, BTreeSet<i32>)>,
    /// Social return realised through purchases from WISEs: WISE → euros counted.
    pub social_return: BTreeMap<i32, i64>,
    /// The contractors whose purchases those are.
    pub sr_contractors: BTreeSet<i32>,
}

impl Spent {
    fn is_empty(&self) -> bool {
        self.by_buyer.is_empty() && self.social_return.is_empty()
    }

    /// Buying organisations that bought from WISEs, through a register or a claim.
    fn buyers_of_wises(&self) -> usize {
        let registers = self.by_sector.values().flat_map(|(_, buyers)| buyers.iter());
        registers.chain(self.sr_contractors.iter()).collect::<BTreeSet<_>>().len()
    }

    /// The social return through WISEs as a cell: each WISE a contributor.
    fn social_return_cell(&self) -> Cell {
        Cell::from_contributions(self.social_return.values().copied().collect())
    }

    /// Whether the public may not see the social return: too few contractors or WISEs, or one WISE dominates.
    fn social_return_hidden(&self, t: &Thresholds) -> bool {
        self.sr_contractors.len() < t.min_organisations as usize || t.is_sensitive(&self.social_return_cell())
    }
}

/// Reads the shared registers' lines that fall within `period`.
pub fn collect(conn: &mut DbConn, period: &Period) -> diesel::QueryResult<Spent> {
    let lines = crate::spend::store::shared_lines(conn, period.starts_on, period.ends_on)?;
    let mut kvks: Vec<String> = lines.iter().map(|l| l.1.clone()).collect();
    kvks.sort();
    kvks.dedup();
    let wises = crate::spend::store::wises_among(conn, &kvks)?;
    let mut spent = Spent::default();
    // Cents per (buyer) and per (sector, WISE), rounded to euros at the end.
    let mut buyer_cents: BTreeMap<i32, i64> = BTreeMap::new();
    let mut wise_cents: BTreeMap<(String, String), i64> = BTreeMap::new();
    for (buyer, kvk, cents) in &lines {
        *buyer_cents.entry(*buyer).or_default() += cents;
        if let Some(w) = wises.get(kvk) {
            *wise_cents.entry((w.sector.clone(), kvk.clone())).or_default() += cents;
            spent.by_sector.entry(w.sector.clone()).or_default().1.insert(*buyer);
        }
    }
    spent.by_buyer = buyer_cents.into_iter().map(|(b, c)| (b, c / 100)).collect();
    for ((sector, kvk), cents) in wise_cents {
        spent.by_sector.entry(sector).or_default().0.insert(kvk, cents / 100);
    }
    let mut sr_cents: BTreeMap<i32, i64> = BTreeMap::new();
    for (contractor, wise, cents) in
        crate::social_return::store::counted_purchases(conn, period.starts_on, period.ends_on)?
    {
        *sr_cents.entry(wise).or_default() += cents;
        spent.sr_contractors.insert(contractor);
    }
    spent.social_return = sr_cents.into_iter().map(|(w, c)| (w, c / 100)).collect();
    Ok(spent)
}

/// The WISE spend by sector, with its total: each WISE a contributor.
fn table(spent: &Spent) -> Table {
    let rows: Vec<(String, Vec<Cell>)> = spent
        .by_sector
        .iter()
        .map(|(sector, (wises, _))| (sector.clone(), vec![Cell::from_contributions(wises.values().copied().collect())]))
        .collect();
    let all: Vec<i64> = spent.by_sector.values().flat_map(|(wises, _)| wises.values().copied()).collect();
    Table {
        measures: vec!["wise_eur".to_string()],
        derived: Vec::new(),
        rows,
        total: Some(vec![Cell::from_contributions(all)]),
        rows_add_up_to_total: true,
    }
}

/// The table's suppression: sensitive by its WISEs, and too few buyers forced.
fn protect(spent: &Spent, table: &Table, t: &Thresholds) -> Suppression {
    let too_few = |buyers: &BTreeSet<i32>| buyers.len() < t.min_organisations as usize;
    let mut forced: BTreeSet<(Row, usize)> = spent
        .by_sector
        .values()
        .enumerate()
        .filter(|(_, (_, buyers))| too_few(buyers))
        .map(|(i, _)| (Row::Key(i), 0))
        .collect();
    if spent.buyers_of_wises() < t.min_organisations as usize {
        forced.insert((Row::Total, 0));
    }
    disclosure::suppress_with(table, t, &forced)
}

/// The section of `period`: `None` when no shared register has lines in it.
pub fn section(conn: &mut DbConn, period: &Period, exact: bool, t: &Thresholds) -> diesel::QueryResult<Option<Value>> {
    let spent = collect(conn, period)?;
    if spent.is_empty() {
        return Ok(None);
    }
    if !exact && period.kind != "year" {
        return Ok(Some(json!({ "yearly_only": true })));
    }
    Ok(Some(show(&spent, exact, t)))
}

fn show(spent: &Spent, exact: bool, t: &Thresholds) -> Value {
    let table = table(spent);
    let suppression = if exact { Suppression::default() } else { protect(spent, &table, t) };
    let total_spend = Cell::from_contributions(spent.by_buyer.values().copied().collect());
    let total_hidden = !exact && t.is_sensitive(&total_spend);
    let wise_total = table.total.as_ref().expect("a total")[0].value;
    let wise_hidden = suppression.is_suppressed(Row::Total, 0);
    let share = (!total_hidden && !wise_hidden && total_spend.value > 0).then(|| wise_total * 1000 / total_spend.value);
    let rows: Vec<Value> = table
        .rows
        .iter()
        .enumerate()
        .map(|(i, (sector, cells))| {
            let hidden = suppression.is_suppressed(Row::Key(i), 0);
            json!({ "sector": sector, "wise_eur": if hidden { Value::Null } else { json!(cells[0].value) } })
        })
        .collect();
    let mut suppressed: Vec<String> = suppression.cells.iter().map(|(row, _)| name(&table, *row)).collect();
    if total_hidden {
        suppressed.push("procurement.total_eur".to_string());
    }
    let sr_hidden = !exact && spent.social_return_hidden(t);
    if sr_hidden && !spent.social_return.is_empty() {
        suppressed.push("procurement.social_return_eur".to_string());
    }
    json!({
        "yearly_only": false,
        "registers": !spent.by_buyer.is_empty(),
        "buyers": spent.by_buyer.len(),
        "buyers_of_wises": spent.buyers_of_wises(),
        "total_eur": if total_hidden { Value::Null } else { json!(total_spend.value) },
        "wise_eur": if wise_hidden { Value::Null } else { json!(wise_total) },
        "wise_share_permille": share,
        "social_return": !spent.social_return.is_empty(),
        "social_return_eur": if sr_hidden { Value::Null } else { json!(spent.social_return_cell().value) },
        "social_return_contractors": spent.sr_contractors.len(),
        "rows": rows,
        "suppressed": suppressed,
    })
}

fn name(table: &Table, row: Row) -> String {
    match row {
        Row::Total => "procurement.wise_eur".to_string(),
        Row::Key(i) => format!("procurement.{}.wise_eur", table.rows[i].0),
    }
}

/// What an attacker given the public sections of the years among `periods` could learn:
/// hidden euro cells narrowed to within the protection level (a percentage of the cell);
/// and how many cells there are and how many are hidden.
pub fn audit(
    conn: &mut DbConn,
    periods: &[Period],
    t: &Thresholds,
) -> diesel::QueryResult<(Vec<Finding>, usize, usize)> {
    let (mut findings, mut cells, mut hidden) = (Vec::new(), 0, 0);
    for period in periods.iter().filter(|p| p.kind == "year") {
        let spent = collect(conn, period)?;
        if spent.is_empty() {
            continue;
        }
        let table = table(&spent);
        let suppression = protect(&spent, &table, t);
        let mut system = System::default();
        let mut names = Vec::new();
        let places = table.rows.iter().enumerate().map(|(i, (_, c))| (Row::Key(i), c[0].clone()));
        let all: Vec<(Row, Cell)> =
            places.chain([(Row::Total, table.total.as_ref().expect("a total")[0].clone())]).collect();
        for (row, cell) in &all {
            system.push(cell.value, suppression.is_suppressed(*row, 0));
            names.push(format!("{} {}", period.key, name(&table, *row)));
        }
        let total = all.len() - 1;
        let mut rel: Vec<(usize, i64)> = (0..total).map(|i| (i, 1)).collect();
        rel.push((total, -1));
        system.equalities.push(rel);
        cells += all.len() + 1;
        hidden += system.hidden.iter().filter(|h| **h).count();
        if t.is_sensitive(&Cell::from_contributions(spent.by_buyer.values().copied().collect())) {
            hidden += 1;
        }
        // The social return stands alone (no published number adds up with it): hidden, it stays hidden.
        if !spent.social_return.is_empty() {
            cells += 1;
            hidden += usize::from(spent.social_return_hidden(t));
        }
        let level = i64::from(t.protection_level);
        for (s, range) in system.ranges(false) {
            let value = system.values[s];
            let needed = (value * level / 100).max(level);
            if !all[s].1.contributions.is_empty() && !range.protects(value, needed) {
                findings.push(Finding::Narrow { cell: names[s].clone(), value, range });
            }
        }
    }
    Ok((findings, cells, hidden))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thresholds() -> Thresholds {
        Thresholds { min_organisations: 3, max_share_pct: 70, min_people: 10, protection_level: 10, linked: true }
    }

    /// A sector: its WISEs' (KvK number, euros) and the buyers that bought from them.
    type Sector<'a> = (&'a str, &'a [(&'a str, i64)], &'a [i32]);

    fn spent(sectors: &[Sector]) -> Spent {
        let mut s = Spent::default();
        for (sector, wises, buyers) in sectors {
            let wises = wises.iter().map(|(k, v)| (k.to_string(), *v)).collect();
            s.by_sector.insert(sector.to_string(), (wises, buyers.iter().copied().collect()));
            for b in *buyers {
                *s.by_buyer.entry(*b).or_default() += 100_000;
            }
        }
        s
    }

    #[test]
    fn sectors_of_few_buyers_or_wises_are_hidden_and_cannot_be_worked_out() {
        let s = spent(&[
            ("catering", &[("1", 20_000), ("2", 18_000), ("3", 21_000)], &[1, 2, 3]),
            ("textiles", &[("4", 9_000), ("5", 8_000), ("6", 7_000)], &[1]),
            ("cleaning_facility", &[("7", 30_000), ("8", 25_000), ("9", 28_000)], &[2, 3, 4]),
        ]);
        let public = show(&s, false, &thresholds());
        assert_eq!(public["rows"][2]["wise_eur"], Value::Null, "textiles: one buyer: {public}");
        let hidden = public["rows"].as_array().unwrap().iter().filter(|r| r["wise_eur"].is_null()).count()
            + usize::from(public["wise_eur"].is_null());
        assert!(hidden >= 2, "the total and the rest do not give textiles away: {public}");
        let exact = show(&s, true, &thresholds());
        assert_eq!(exact["rows"][2]["wise_eur"], 24_000);
        assert_eq!(exact["wise_eur"], 166_000);
    }
}
