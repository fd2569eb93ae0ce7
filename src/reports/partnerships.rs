//! The "partnerships" section of the sector report (issue 24): the confirmed
//! partnerships between approved WISEs and companies that ran in the period, by their
//! phase at the period's end and by what is exchanged; and, over time, the onward moves
//! into paid jobs with partner companies as a share of all moves to other employers
//! (`moved_to_paid_external`), from the counted figures (a year: its quarters summed,
//! or its own submission, as [`super::aggregate`] does).
//!
//! Exact for the operator and the city, for any period. The public sees it per year
//! only, as the procurement section (years do not overlap, so no published cell can be
//! taken from another period's):
//! - a count of partnerships is hidden when fewer than `min_organisations` WISEs have
//!   them or one WISE has more than `max_share_pct` of them (partnerships are not
//!   people: `min_people` does not apply); the phases add up to the total, so a second
//!   cell is hidden with one; the kinds of exchange overlap (no total), and the smallest
//!   other is hidden with one;
//! - the moves to partners are shown only when the year's moves to other employers are
//!   published in the report, and both the moves to partners and the rest (moves to
//!   other employers that are not partners: their difference) pass every threshold.
//!
//! `audit disclosure` checks each published year ([`audit`]): no hidden count can be
//! worked out from the total and the others, and no published difference reveals a
//! sensitive rest.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use diesel::prelude::*;
use serde_json::{json, Value};

use super::aggregate::{self, Collected, MOVED_TO_PAID_EXTERNAL};
use super::audit::{Range, System};
use super::disclosure::{self, Cell, Row, Table, Thresholds};
use super::linked::{self, Finding};
use crate::db::schema::{
    current_figures as cf, organisations, partner_moves, partnership_exchanges, partnership_phases, partnerships,
    reporting_periods,
};
use crate::db::versioned::Caches;
use crate::db::DbConn;
use crate::figures::periods::Period;
use crate::vocab::{PARTNERSHIP_EXCHANGES, PARTNERSHIP_PHASES};

/// The partnerships that ran in a period: phase (at the period's end) or kind of
/// exchange → WISE → how many.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Running {
    pub by_phase: BTreeMap<String, BTreeMap<i32, i64>>,
    pub by_exchange: BTreeMap<String, BTreeMap<i32, i64>>,
}

impl Running {
    fn total(&self) -> Cell {
        contributions(self.by_phase.values())
    }
}

/// A period's onward moves to other employers: WISE → (all of them, to partners).
pub type Moves = BTreeMap<i32, (i64, i64)>;

/// Cells of per-WISE counts: each WISE's sum over `maps` is its contribution.
fn contributions<'a>(maps: impl Iterator<Item = &'a BTreeMap<i32, i64>>) -> Cell {
    let mut by_wise: BTreeMap<i32, i64> = BTreeMap::new();
    for map in maps {
        for (wise, n) in map {
            *by_wise.entry(*wise).or_default() += n;
        }
    }
    Cell::from_contributions(by_wise.into_values().filter(|n| *n > 0).collect())
}

/// The confirmed partnerships of approved WISEs that ran during `period` (confirmed
/// or ended later; ended ones count in the periods they ran in).
pub fn running(conn: &mut DbConn, period: &Period) -> QueryResult<Running> {
    let rows: Vec<(i32, i32, String)> = partnerships::table
        .inner_join(organisations::table)
        .filter(crate::organisation::public())
        .filter(partnerships::state.eq_any(["confirmed", "ended"]))
        .filter(partnerships::started_on.le(period.ends_on))
        .filter(partnerships::ended_on.is_null().or(partnerships::ended_on.ge(period.starts_on)))
        .select((partnerships::id, partnerships::wise_id, partnerships::phase))
        .load(conn)?;
    let mut phase: HashMap<i32, (i32, String)> = rows.iter().map(|(id, wise, p)| (*id, (*wise, p.clone()))).collect();
    let ids: Vec<i32> = rows.iter().map(|r| r.0).collect();
    let mut exchanges: Vec<(i32, String)> = Vec::new();
    for chunk in ids.chunks(500) {
        // The phase at the period's end: the last change on or before it.
        let changes: Vec<(i32, String)> = partnership_phases::table
            .filter(partnership_phases::partnership_id.eq_any(chunk))
            .filter(partnership_phases::changed_on.le(period.ends_on))
            .order((partnership_phases::changed_on, partnership_phases::id))
            .select((partnership_phases::partnership_id, partnership_phases::phase))
            .load(conn)?;
        for (id, p) in changes {
            if let Some(entry) = phase.get_mut(&id) {
                entry.1 = p;
            }
        }
        exchanges.extend(
            partnership_exchanges::table
                .filter(partnership_exchanges::partnership_id.eq_any(chunk))
                .select((partnership_exchanges::partnership_id, partnership_exchanges::exchange))
                .load::<(i32, String)>(conn)?,
        );
    }
    let mut running = Running::default();
    for (wise, p) in phase.values() {
        *running.by_phase.entry(p.clone()).or_default().entry(*wise).or_default() += 1;
    }
    for (id, exchange) in exchanges {
        let wise = phase[&id].0;
        *running.by_exchange.entry(exchange).or_default().entry(wise).or_default() += 1;
    }
    Ok(running)
}

/// The moves of each period, from what its report counts (`collected`, in the same
/// order): each reporting WISE's moves to other employers, and of those to partners as
/// stated with the same submissions.
pub fn moves(conn: &mut DbConn, periods: &[Period], collected: &[Collected]) -> QueryResult<Vec<Moves>> {
    let mut stated: HashMap<i32, Vec<(i32, i32)>> = HashMap::new();
    let rows: Vec<(i32, i32, i32)> = partner_moves::table
        .inner_join(cf::table.on(cf::submission_id.eq(partner_moves::submission_id)))
        .filter(cf::counted.eq(true))
        .select((cf::organisation_id, cf::period_id, partner_moves::moved))
        .load(conn)?;
    for (wise, period_id, moved) in rows {
        stated.entry(wise).or_default().push((period_id, moved));
    }
    let spans: HashMap<i32, (NaiveDate, NaiveDate)> = reporting_periods::table
        .select((reporting_periods::id, reporting_periods::starts_on, reporting_periods::ends_on))
        .load::<(i32, NaiveDate, NaiveDate)>(conn)?
        .into_iter()
        .map(|(id, s, e)| (id, (s, e)))
        .collect();
    Ok(periods
        .iter()
        .zip(collected)
        .map(|(period, collected)| {
            let inside = |id: i32| spans.get(&id).is_some_and(|(s, e)| *s >= period.starts_on && *e <= period.ends_on);
            collected
                .wises
                .iter()
                .map(|w| {
                    // The WISE's own submission for the whole period, if it made one, else its parts.
                    let counts =
                        |period_id: i32| if w.whole_period { period_id == period.id } else { inside(period_id) };
                    let of_wise = stated.get(&w.organisation_id).into_iter().flatten();
                    let to_partners = of_wise.filter(|(id, _)| counts(*id)).map(|(_, n)| i64::from(*n)).sum();
                    (w.organisation_id, (w.values[MOVED_TO_PAID_EXTERNAL], to_partners))
                })
                .collect()
        })
        .collect())
}

/// The cells of a period's moves: (to partners, the rest, all moves to other employers).
fn move_cells(moves: &Moves) -> (Cell, Cell, i64) {
    let partners = Cell::from_contributions(moves.values().map(|m| m.1).filter(|n| *n > 0).collect());
    let rest = Cell::from_contributions(moves.values().map(|m| m.0 - m.1).filter(|n| *n > 0).collect());
    let all = moves.values().map(|m| m.0).sum();
    (partners, rest, all)
}

/// Whether the public may see a period's moves to partners: the moves to other
/// employers are published (`all_published`) and neither part is sensitive.
fn moves_published(moves: &Moves, all_published: bool, t: &Thresholds) -> bool {
    let (partners, rest, _) = move_cells(moves);
    all_published && !t.is_sensitive(&partners) && !t.is_sensitive(&rest)
}

/// The thresholds for counts of partnerships: the WISEs and dominance rules, no minimum of people.
fn count_thresholds(t: &Thresholds) -> Thresholds {
    Thresholds { min_people: 0, ..*t }
}

/// The phases that have partnerships, in the vocabulary's order, as a table with its total.
fn phase_table(running: &Running) -> Table {
    let rows = PARTNERSHIP_PHASES
        .iter()
        .filter_map(|p| running.by_phase.get(*p).map(|m| (p.to_string(), vec![contributions(std::iter::once(m))])))
        .collect();
    Table {
        measures: vec!["partnerships".to_string()],
        derived: Vec::new(),
        rows,
        total: Some(vec![running.total()]),
        rows_add_up_to_total: true,
    }
}

/// The kinds of exchange that have partnerships, in the vocabulary's order.
fn exchange_cells(running: &Running) -> Vec<(String, Cell)> {
    PARTNERSHIP_EXCHANGES
        .iter()
        .filter_map(|e| running.by_exchange.get(*e).map(|m| (e.to_string(), contributions(std::iter::once(m)))))
        .collect()
}

/// What the public does not see of a period's counts: (phase table cells, exchange rows).
fn hidden_counts(running: &Running, t: &Thresholds) -> (BTreeSet<(Row, usize)>, BTreeSet<usize>) {
    let counts = count_thresholds(t);
    let phases = disclosure::suppress_with(&phase_table(running), &counts, &BTreeSet::new()).cells;
    let cells = exchange_cells(running);
    let mut exchanges: BTreeSet<usize> =
        cells.iter().enumerate().filter(|(_, (_, c))| counts.is_sensitive(c)).map(|(i, _)| i).collect();
    if exchanges.len() == 1 {
        let smallest = (0..cells.len()).filter(|i| !exchanges.contains(i)).min_by_key(|i| (cells[*i].1.value, *i));
        exchanges.extend(smallest);
    }
    (phases, exchanges)
}

/// The section of `period`: `None` when no partnership ran in it and no move to a
/// partner was stated in it.
pub fn section(
    conn: &mut DbConn,
    caches: &Caches,
    period: &Period,
    exact: bool,
    t: &Thresholds,
) -> QueryResult<Option<Value>> {
    let running = running(conn, period)?;
    // The series: every period of the shown kind with figures up to the shown one (the public: years).
    let (periods, published): (Vec<Period>, Vec<Option<i64>>) = if exact {
        let periods: Vec<Period> = aggregate::periods_with_figures(conn)?
            .into_iter()
            .filter(|p| p.kind == period.kind && p.starts_on <= period.starts_on)
            .collect();
        let n = periods.len();
        (periods, vec![None; n])
    } else {
        let set = linked::public(conn, caches, t)?;
        set.periods
            .iter()
            .zip(&set.computed)
            .filter(|(p, _)| p.kind == "year" && p.starts_on <= period.starts_on)
            .map(|(p, c)| (p.clone(), c.headline[MOVED_TO_PAID_EXTERNAL]))
            .unzip()
    };
    let collected = aggregate::collect_many(conn, &periods)?;
    let moves = moves(conn, &periods, &collected)?;
    let stated = moves.iter().any(|m| m.values().any(|(_, p)| *p > 0));
    if running.by_phase.is_empty() && !stated {
        return Ok(None);
    }
    if !exact && period.kind != "year" {
        return Ok(Some(json!({ "yearly_only": true })));
    }
    let series: Vec<Value> = periods
        .iter()
        .zip(&moves)
        .zip(&published)
        .map(|((p, m), external)| {
            let (partners, _, all) = move_cells(m);
            let shown = exact || moves_published(m, external.is_some(), t);
            let share = (shown && all > 0).then(|| partners.value * 1000 / all);
            json!({
                "period": p.key,
                "current": p.key == period.key,
                "to_partners": shown.then_some(partners.value),
                "external": (exact || external.is_some()).then_some(all),
                "share_permille": share,
            })
        })
        .collect();
    Ok(Some(show(&running, series, exact, t)))
}

fn show(running: &Running, series: Vec<Value>, exact: bool, t: &Thresholds) -> Value {
    let (phases, exchanges) = if exact { Default::default() } else { hidden_counts(running, t) };
    let table = phase_table(running);
    // An empty cell gives nobody away.
    let count = |hidden: bool, cell: &Cell| {
        if hidden && !cell.contributions.is_empty() {
            Value::Null
        } else {
            json!(cell.value)
        }
    };
    let by_phase: Vec<Value> = PARTNERSHIP_PHASES
        .iter()
        .map(|phase| {
            let row = table.rows.iter().position(|(p, _)| p == phase);
            let value = match row {
                Some(i) => count(phases.contains(&(Row::Key(i), 0)), &table.rows[i].1[0]),
                None => json!(0),
            };
            json!({ "phase": phase, "partnerships": value })
        })
        .collect();
    let cells = exchange_cells(running);
    let by_exchange: Vec<Value> = cells
        .iter()
        .enumerate()
        .map(|(i, (exchange, cell))| json!({ "exchange": exchange, "partnerships": count(exchanges.contains(&i), cell) }))
        .collect();
    let total = &table.total.as_ref().expect("a total")[0];
    let mut suppressed: Vec<String> = phases.iter().map(|(row, _)| phase_name(&table, *row)).collect();
    suppressed.extend(exchanges.iter().map(|i| format!("partnerships.exchange.{}", cells[*i].0)));
    let hidden_moves = series.iter().filter(|p| p["to_partners"].is_null());
    suppressed.extend(hidden_moves.map(|p| format!("partnerships.{}.to_partners", p["period"].as_str().unwrap_or(""))));
    json!({
        "yearly_only": false,
        "partnerships": count(phases.contains(&(Row::Total, 0)), total),
        "wises": total.contributions.len(),
        "by_phase": by_phase,
        "by_exchange": by_exchange,
        "moves": series,
        "suppressed": suppressed,
    })
}

fn phase_name(table: &Table, row: Row) -> String {
    match row {
        Row::Total => "partnerships.total".to_string(),
        Row::Key(i) => format!("partnerships.phase.{}", table.rows[i].0),
    }
}

/// What an attacker given the public sections of the years among `periods` could
/// learn: a hidden count of partnerships that the total, the other phases and the kinds
/// of exchange pin down (or narrow to within the protection level, as a percentage of
/// the count, at least one); moves to partners published where the rest is sensitive
/// or the moves to other employers are not published. With how many cells there are
/// and how many are hidden.
pub fn audit(
    conn: &mut DbConn,
    set: &linked::Linked,
    periods: &[Period],
    t: &Thresholds,
) -> QueryResult<(Vec<Finding>, usize, usize)> {
    let years: Vec<Period> = periods.iter().filter(|p| p.kind == "year").cloned().collect();
    let collected = aggregate::collect_many(conn, &years)?;
    let moves = moves(conn, &years, &collected)?;
    let (mut findings, mut cells, mut hidden) = (Vec::new(), 0, 0);
    let counts = count_thresholds(t);
    for (period, moves) in years.iter().zip(&moves) {
        let running = running(conn, period)?;
        let (phases, exchanges) = hidden_counts(&running, t);
        let table = phase_table(&running);
        let mut system = System::default();
        let mut names = Vec::new();
        let mut guarded = Vec::new();
        let mut push = |system: &mut System, name: String, cell: &Cell, is_hidden: bool| {
            names.push(format!("{} {name}", period.key));
            guarded.push(is_hidden && !cell.contributions.is_empty() && counts.is_sensitive(cell));
            system.push(cell.value, is_hidden)
        };
        let rows: Vec<usize> = (0..table.rows.len())
            .map(|i| {
                let hidden = phases.contains(&(Row::Key(i), 0));
                push(&mut system, phase_name(&table, Row::Key(i)), &table.rows[i].1[0], hidden)
            })
            .collect();
        let total = &table.total.as_ref().expect("a total")[0];
        let total = push(&mut system, phase_name(&table, Row::Total), total, phases.contains(&(Row::Total, 0)));
        let mut sum: Vec<(usize, i64)> = rows.iter().map(|r| (*r, 1)).collect();
        sum.push((total, -1));
        system.equalities.push(sum);
        for (i, (exchange, cell)) in exchange_cells(&running).iter().enumerate() {
            let e = push(&mut system, format!("partnerships.exchange.{exchange}"), cell, exchanges.contains(&i));
            // No kind of exchange has more partnerships than there are.
            system.at_least_zero.push(vec![(total, 1), (e, -1)]);
        }
        if !running.by_phase.is_empty() {
            cells += system.values.len();
            hidden += system.hidden.iter().filter(|h| **h).count();
        }
        let level = i64::from(t.protection_level);
        for (s, range) in system.ranges(true) {
            let value = system.values[s];
            let needed = (value * level / 100).max(1);
            if guarded[s] && !range.protects(value, needed) {
                findings.push(Finding::Narrow { cell: names[s].clone(), value, range });
            }
        }
        let published = set.index(&period.key).and_then(|i| set.computed[i].headline[MOVED_TO_PAID_EXTERNAL]);
        let (partners, rest, all) = move_cells(moves);
        if partners.contributions.is_empty() && rest.contributions.is_empty() {
            continue;
        }
        cells += 1;
        if !moves_published(moves, published.is_some(), t) {
            hidden += 1;
            continue;
        }
        let name = |what: &str| format!("{} partnerships.{what}", period.key);
        if published.is_none() {
            let range = Range { low: partners.value, high: None };
            findings.push(Finding::Narrow { cell: name("external"), value: all, range });
        } else if t.is_sensitive(&rest) {
            findings.push(Finding::Difference {
                first: format!("{} flows.moved_to_paid_external", period.key),
                second: name("to_partners"),
                difference: rest.value,
            });
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

    /// Running partnerships from (phase, WISE, exchanges) per partnership.
    fn running(partnerships: &[(&str, i32, &[&str])]) -> Running {
        let mut r = Running::default();
        for (phase, wise, exchanges) in partnerships {
            *r.by_phase.entry(phase.to_string()).or_default().entry(*wise).or_default() += 1;
            for e in *exchanges {
                *r.by_exchange.entry(e.to_string()).or_default().entry(*wise).or_default() += 1;
            }
        }
        r
    }

    #[test]
    fn a_phase_of_few_wises_is_hidden_with_a_second_and_counts_are_not_people() {
        let r = running(&[
            ("orientation", 1, &["supply"]),
            ("orientation", 1, &["supply"]),
            ("orientation", 2, &["supply"]),
            ("orientation", 3, &["supply", "paid_training"]),
            ("integration", 4, &["supply"]),
            ("integration", 5, &["paid_training"]),
            ("integration", 6, &["supply"]),
            ("transformation", 7, &["job_carving"]),
        ]);
        let public = show(&r, Vec::new(), false, &thresholds());
        let phases: Vec<&Value> = public["by_phase"].as_array().unwrap().iter().map(|p| &p["partnerships"]).collect();
        // Three WISEs make a published count, though it is fewer than ten.
        assert_eq!(phases[0], &json!(4), "{public}");
        assert_eq!(phases[2], &Value::Null, "transformation has one WISE: {public}");
        assert!(phases[1].is_null() || public["partnerships"].is_null(), "a second cell hides it: {public}");
        let exchanges: Vec<(&str, &Value)> = public["by_exchange"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["exchange"].as_str().unwrap(), &e["partnerships"]))
            .collect();
        assert!(exchanges.contains(&("supply", &json!(6))), "{public}");
        assert!(exchanges.iter().filter(|(_, v)| v.is_null()).count() == 2, "job carving and one more: {public}");
        let exact = show(&r, Vec::new(), true, &thresholds());
        assert_eq!(exact["partnerships"], 8);
        assert_eq!(exact["suppressed"], json!([]));
    }

    #[test]
    fn moves_to_partners_show_only_when_the_rest_is_safe_too() {
        let moves: Moves = [(1, (8, 4)), (2, (7, 3)), (3, (7, 5))].into();
        assert!(moves_published(&moves, true, &thresholds()), "12 to partners, 10 not");
        let (_, rest, _) = move_cells(&moves);
        assert_eq!(rest.value, 10);
        let rest_of_two: Moves = [(1, (8, 4)), (2, (7, 3)), (3, (7, 7))].into();
        assert!(!moves_published(&rest_of_two, true, &thresholds()), "the rest comes from two WISEs");
        assert!(!moves_published(&moves, false, &thresholds()), "not without the moves to other employers");
    }
}
