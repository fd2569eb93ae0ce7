//! Disclosure control over the public reports as one linked set (SPEC §2: "All public
//! tables are linked").
//!
//! Each report's own tables are protected by [`super::disclosure`]. Across reports an
//! attacker knows more, and this module takes it all into account at once:
//!
//! * a year's flows are the sum of its quarters' (for every row of every breakdown);
//! * a year's stocks are each WISE's latest quarter, so a year cell is at least its
//!   last quarter's, and equal to it when the same WISEs are counted (the numbers of
//!   WISEs per row are published);
//! * the difference between two published cells of one row and measure in two periods
//!   (a year minus its last quarter; a cell before and after a WISE joined it) is the
//!   figures of the WISEs whose contribution differs. Such a difference must pass the
//!   rules a cell must pass: at least `min_organisations` WISEs, and where it is a
//!   count of people (all parts of one sign) at least `min_people` people and no WISE
//!   over `max_share_pct` % of it;
//! * no suppressed cell may be narrowed, by all published numbers together, to less
//!   than `protection_level` people on either side of its value ([`super::audit`]).
//!
//! Suppression starts from each report's own and adds cells until none of this holds:
//! one of the two cells of a revealing difference (a quarter before a year, the later
//! period first), and a published partner of every cell whose range is too narrow.
//! The result is one pattern for every period, so each report, the series and the
//! audit show the same cells.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use diesel::QueryResult;

use super::aggregate::{self, Collected, MEASURES, STOCK_COUNT};
use super::audit::{Range, System, Terms};
use super::differences;
use super::disclosure::{Row, Thresholds};
use super::report::{self, Computed, Forced, BREAKDOWNS};
use crate::db::versioned::Caches;
use crate::db::DbConn;
use crate::figures::periods::Period;

/// Where a cell sits: the total row, or row `i` of breakdown table `t` (as [`BREAKDOWNS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    Total,
    Row(usize, usize),
}

/// One cell of the linked set.
#[derive(Debug, Clone)]
pub struct LinkedCell {
    /// Index into [`Linked::periods`].
    pub period: usize,
    pub place: Place,
    /// `total`, or the breakdown's name with the row's key.
    pub dimension: &'static str,
    pub key: String,
    pub measure: &'static str,
    pub measure_index: usize,
    pub value: i64,
    /// The contributing WISEs: positions in the period's [`Collected::wises`] (by id,
    /// ascending), shared by the row's measures (see [`LinkedCell::parts`]).
    members: Arc<[u32]>,
    /// Whether a WISE of a year cell reported for the year as a whole.
    pub whole_period: bool,
}

impl crate::db::versioned::Weigh for Linked {
    /// Roughly: its cells with their keys and members, the relations between them, and
    /// a few kilobytes per period for its computed tables.
    fn weight(&self) -> usize {
        let cells: usize =
            self.cells.iter().map(|c| std::mem::size_of::<LinkedCell>() + c.key.len() + 4 * c.members.len()).sum();
        let relations: usize = (self.equalities.len() + self.at_least_zero.len()) * 64;
        cells + relations + self.revealing.len() * 16 + self.computed.len() * 4096
    }
}

/// Every period with figures and its public numbers, protected together.
#[derive(Debug, Clone)]
pub struct Linked {
    pub periods: Vec<Period>,
    pub computed: Vec<Computed>,
    pub cells: Vec<LinkedCell>,
    /// Every relation an attacker knows between the cells (they hold whatever is
    /// suppressed): equalities and `≥ 0`.
    equalities: Vec<Terms>,
    at_least_zero: Vec<Terms>,
    /// The thresholds it was protected for.
    pub thresholds: Thresholds,
    /// Every pair of cells (one row and measure, two periods) whose difference reveals
    /// too much when both are published; found once, as it depends on the data alone.
    revealing: Vec<(usize, usize)>,
    /// Rounds the protection took (for the benchmarks and the audit's report).
    pub rounds: usize,
}

/// The public numbers of every period with figures, kept in memory until the data
/// changes.
pub fn public(conn: &mut DbConn, caches: &Caches, thresholds: &Thresholds) -> QueryResult<std::sync::Arc<Linked>> {
    caches.get::<super::report::ReportCaches>().linked.get_or_load(conn, *thresholds, |c| {
        let periods = aggregate::periods_with_figures(c)?;
        let collected = aggregate::collect_many(c, &periods)?;
        Ok(protect(periods, &collected, thresholds))
    })
}

/// The cells of one period's numbers, in a fixed order.
fn cells_of(period: usize, collected: &Collected, is_year: bool) -> Vec<LinkedCell> {
    let mut out = Vec::new();
    let wises = &collected.wises;
    let whole = |members: &[u32]| is_year && members.iter().any(|i| wises[*i as usize].whole_period);
    let mut push = |place: Place, dimension: &'static str, key: &str, members: Vec<u32>| {
        let members: Arc<[u32]> = members.into();
        for (m, measure) in MEASURES.iter().enumerate() {
            out.push(LinkedCell {
                period,
                place,
                dimension,
                key: key.to_string(),
                measure,
                measure_index: m,
                value: members.iter().map(|i| wises[*i as usize].values[m]).sum(),
                whole_period: whole(&members),
                members: Arc::clone(&members),
            });
        }
    };
    push(Place::Total, "total", "", (0..wises.len() as u32).collect());
    for (t, dimension) in BREAKDOWNS.iter().enumerate() {
        if *dimension == "target_group" {
            continue;
        }
        let mut rows: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
        for (i, w) in wises.iter().enumerate() {
            rows.entry(if *dimension == "sector" { &w.sector } else { &w.municipality }).or_default().push(i as u32);
        }
        for (i, (key, members)) in rows.into_iter().enumerate() {
            push(Place::Row(t, i), dimension, key, members);
        }
    }
    let mut groups: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (i, w) in wises.iter().enumerate() {
        for (group, _) in &w.target_groups {
            groups.entry(group).or_default().push(i as u32);
        }
    }
    let t = BREAKDOWNS.iter().position(|b| *b == "target_group").expect("a target-group breakdown");
    for (i, (key, members)) in groups.into_iter().enumerate() {
        let members: Arc<[u32]> = members.into();
        out.push(LinkedCell {
            period,
            place: Place::Row(t, i),
            dimension: "target_group",
            key: key.to_string(),
            measure: report::TARGET_GROUP_MEASURE,
            measure_index: 0,
            value: members.iter().map(|i| group_people(&wises[*i as usize], key)).sum(),
            whole_period: whole(&members),
            members,
        });
    }
    out
}

/// The people of target group `group` in a WISE's figures.
fn group_people(w: &aggregate::WiseFigures, group: &str) -> i64 {
    w.target_groups.iter().filter(|(g, _)| g == group).map(|(_, n)| n).sum()
}

impl LinkedCell {
    /// Each contributing WISE's part, by WISE id (ascending), read from the period's
    /// numbers.
    fn parts<'a>(&'a self, collected: &'a [Collected]) -> impl Iterator<Item = (i32, i64)> + 'a {
        let wises = &collected[self.period].wises;
        self.members.iter().map(move |i| {
            let w = &wises[*i as usize];
            let part = if self.dimension == "target_group" {
                group_people(w, &self.key)
            } else {
                w.values[self.measure_index]
            };
            (w.organisation_id, part)
        })
    }
}

/// Whether a computed report hides the cell at `place`.
fn is_hidden(computed: &Computed, place: Place, measure: usize) -> bool {
    match place {
        Place::Total => computed.headline[measure].is_none(),
        Place::Row(t, i) => computed.breakdowns[t].rows[i].values[measure].is_none(),
    }
}

impl Linked {
    /// The position of `key` among the periods.
    pub fn index(&self, key: &str) -> Option<usize> {
        self.periods.iter().position(|p| p.key == key)
    }

    /// The attacker's system over the cells of the periods `wanted` admits: published
    /// values, and every relation among those cells.
    pub fn system(&self, wanted: impl Fn(&Period) -> bool) -> (System, Vec<usize>) {
        let mut system = System::default();
        let mut of_cell: Vec<Option<usize>> = vec![None; self.cells.len()];
        let mut cells = Vec::new();
        for (i, cell) in self.cells.iter().enumerate() {
            if wanted(&self.periods[cell.period]) {
                let hidden = is_hidden(&self.computed[cell.period], cell.place, cell.measure_index);
                of_cell[i] = Some(system.push(cell.value, hidden));
                cells.push(i);
            }
        }
        let keep =
            |terms: &Terms| -> Option<Terms> { terms.iter().map(|(c, k)| of_cell[*c].map(|s| (s, *k))).collect() };
        system.equalities = self.equalities.iter().filter_map(keep).collect();
        system.at_least_zero = self.at_least_zero.iter().filter_map(keep).collect();
        (system, cells)
    }

    fn quarters_of(&self, y: usize) -> Vec<usize> {
        quarters_within(&self.periods, y)
    }

    /// Every relation an attacker knows, over cell indices: (equalities, `≥ 0`).
    fn relations<'a>(&'a self, collected: &'a [Collected]) -> (Vec<Terms>, Vec<Terms>) {
        let mut at: HashMap<(usize, Place, usize), usize> = HashMap::new();
        let mut by_slot: HashMap<(usize, &str, &str, usize), usize> = HashMap::new();
        for (i, c) in self.cells.iter().enumerate() {
            at.insert((c.period, c.place, c.measure_index), i);
            by_slot.insert((c.period, c.dimension, c.key.as_str(), c.measure_index), i);
        }
        let mut equalities = Vec::new();
        let mut at_least_zero = Vec::new();
        let tg = BREAKDOWNS.iter().position(|b| *b == "target_group").expect("a target-group breakdown");
        for (p, computed) in self.computed.iter().enumerate() {
            let mut places = vec![Place::Total];
            for (t, b) in computed.breakdowns.iter().enumerate() {
                if t != tg {
                    places.extend((0..b.rows.len()).map(|i| Place::Row(t, i)));
                    // Each column of a partition adds up to the total.
                    for m in 0..MEASURES.len() {
                        let mut rel: Vec<(usize, i64)> =
                            (0..b.rows.len()).map(|i| (at[&(p, Place::Row(t, i), m)], 1)).collect();
                        rel.push((at[&(p, Place::Total, m)], -1));
                        equalities.push(rel);
                    }
                }
            }
            // In every row, each derived measure is the sum of its parts.
            for place in places {
                for (d, parts) in aggregate::derived() {
                    let mut rel = vec![(at[&(p, place, d)], 1)];
                    rel.extend(parts.iter().map(|m| (at[&(p, place, *m)], -1)));
                    equalities.push(rel);
                }
            }
            // The target groups' people are among the target-group people.
            let groups = computed.breakdowns[tg].rows.len();
            if groups > 0 {
                let mut rel = vec![(at[&(p, Place::Total, aggregate::TARGET_GROUP_PEOPLE)], 1)];
                rel.extend((0..groups).map(|i| (at[&(p, Place::Row(tg, i), 0)], -1)));
                at_least_zero.push(rel);
            }
        }
        // A year and its quarters.
        for y in (0..self.periods.len()).filter(|p| self.periods[*p].kind == "year") {
            let quarters = self.quarters_of(y);
            let Some(&last) = quarters.iter().max_by_key(|q| self.periods[**q].ends_on) else { continue };
            for (i, cell) in self.cells.iter().enumerate().filter(|(_, c)| c.period == y && !c.whole_period) {
                let slot = |q: usize| by_slot.get(&(q, cell.dimension, cell.key.as_str(), cell.measure_index)).copied();
                let is_stock = cell.dimension == "target_group" || cell.measure_index < STOCK_COUNT;
                if is_stock {
                    let Some(q) = slot(last) else { continue };
                    let ids = |c: &'a LinkedCell| c.parts(collected).map(|(id, _)| id);
                    let same_wises = ids(cell).eq(ids(&self.cells[q]));
                    let rel = vec![(i, 1), (q, -1)];
                    if same_wises {
                        equalities.push(rel);
                    } else {
                        at_least_zero.push(rel);
                    }
                } else {
                    let mut rel = vec![(i, 1)];
                    rel.extend(quarters.iter().filter_map(|q| slot(*q)).map(|q| (q, -1)));
                    equalities.push(rel);
                }
            }
        }
        (equalities, at_least_zero)
    }

    /// Pairs of published cells of one row and measure whose difference reveals what a
    /// cell may not: (cell, cell).
    pub fn revealing_differences(&self, wanted: impl Fn(&Period) -> bool) -> Vec<(usize, usize)> {
        let shown = |c: usize| {
            let cell = &self.cells[c];
            wanted(&self.periods[cell.period])
                && !is_hidden(&self.computed[cell.period], cell.place, cell.measure_index)
        };
        self.revealing.iter().copied().filter(|(a, b)| shown(*a) && shown(*b)).collect()
    }
}

/// Every pair of cells of one row and measure whose difference reveals too much.
fn revealing_pairs(cells: &[LinkedCell], collected: &[Collected], t: &Thresholds) -> Vec<(usize, usize)> {
    let mut slots: BTreeMap<(&str, &str, usize), Vec<usize>> = BTreeMap::new();
    for (i, c) in cells.iter().enumerate() {
        slots.entry((c.dimension, c.key.as_str(), c.measure_index)).or_default().push(i);
    }
    let mut out = Vec::new();
    for cells_of_slot in slots.values() {
        for (n, &a) in cells_of_slot.iter().enumerate() {
            for &b in &cells_of_slot[n + 1..] {
                if differences::reveals(cells[a].parts(collected), cells[b].parts(collected), t) {
                    out.push((a, b));
                }
            }
        }
    }
    out
}

/// Suppresses, over all periods together, what the linked set needs (see the module).
pub fn protect(periods: Vec<Period>, collected: &[Collected], t: &Thresholds) -> Linked {
    let mut forced: Vec<Forced> = vec![Forced::default(); periods.len()];
    let compute = |p: usize, forced: &Forced| report::compute_remembered(&collected[p], t, forced);
    let computed: Vec<Computed> = (0..periods.len()).map(|p| compute(p, &forced[p])).collect();
    let cells: Vec<LinkedCell> =
        collected.iter().enumerate().flat_map(|(p, c)| cells_of(p, c, periods[p].kind == "year")).collect();
    let revealing = revealing_pairs(&cells, collected, t);
    let mut linked = Linked {
        periods,
        computed,
        cells,
        equalities: Vec::new(),
        at_least_zero: Vec::new(),
        thresholds: *t,
        revealing,
        rounds: 0,
    };
    (linked.equalities, linked.at_least_zero) = linked.relations(collected);
    if !t.linked {
        return linked;
    }
    let level = i64::from(t.protection_level);
    loop {
        linked.rounds += 1;
        let started = std::time::Instant::now();
        let mut add: BTreeSet<usize> = BTreeSet::new();
        for (a, b) in linked.revealing_differences(|_| true) {
            add.insert(prefer_to_hide(&linked, a, b));
        }
        if add.is_empty() {
            let (system, cells) = linked.system(|_| true);
            let partner = |s: usize| {
                system.partners(s).into_iter().min_by_key(|c| {
                    let cell = &linked.cells[cells[*c]];
                    (system.values[*c] < level, cell.place == Place::Total, system.values[*c], *c)
                })
            };
            // What one relation shows first (cheap), then all of them over real values
            // (fast), and last over integers, as the audit does (exact).
            let mut narrow = system.plainly_narrow(level);
            for integer in [false, true] {
                if narrow.is_empty() {
                    narrow = system.narrow(level, integer);
                }
            }
            add.extend(narrow.into_iter().filter_map(partner).map(|c| cells[c]));
        }
        tracing::debug!(
            round = linked.rounds,
            added = add.len(),
            ms = started.elapsed().as_millis() as u64,
            "linked protection"
        );
        if add.is_empty() {
            return linked;
        }
        let mut changed = BTreeSet::new();
        for c in add {
            let cell = &linked.cells[c];
            let (t, row) = match cell.place {
                Place::Total => (0, Row::Total),
                Place::Row(t, i) => (t, Row::Key(i)),
            };
            forced[cell.period][t].insert((row, cell.measure_index));
            changed.insert(cell.period);
        }
        for p in changed {
            linked.computed[p] = compute(p, &forced[p]);
        }
    }
}

/// Of two cells whose difference reveals too much, the one to suppress.
fn prefer_to_hide(linked: &Linked, a: usize, b: usize) -> usize {
    let (pa, pb) = (linked.cells[a].period, linked.cells[b].period);
    if (hiding_rank(&linked.periods, pa), std::cmp::Reverse(a))
        >= (hiding_rank(&linked.periods, pb), std::cmp::Reverse(b))
    {
        a
    } else {
        b
    }
}

/// The quarters among `periods` that lie within period `y`.
pub(super) fn quarters_within(periods: &[Period], y: usize) -> Vec<usize> {
    let year = &periods[y];
    (0..periods.len()).filter(|q| periods[*q].kind == "quarter" && year.contains(&periods[*q])).collect()
}

/// Which of two periods' cells to suppress when their difference reveals too much (the
/// higher rank): a year still running (its quarters are the newer news), then a
/// quarter, the later period first; a whole year last (the yearly monitor is the main
/// product).
pub(super) fn hiding_rank(periods: &[Period], p: usize) -> (bool, bool, chrono::NaiveDate) {
    let period = &periods[p];
    let running = period.kind == "year" && quarters_within(periods, p).len() < 4;
    (running, period.kind == "quarter", period.ends_on)
}

/// One thing the audit found.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// A suppressed cell the published numbers narrow too much.
    Narrow { cell: String, value: i64, range: Range },
    /// Two published cells whose difference reveals too much.
    Difference { first: String, second: String, difference: i64 },
}

impl Linked {
    /// A cell as people read it: `2025-Q3 breakdown.sector.catering.flows.other_exits`.
    pub fn describe(&self, c: usize) -> String {
        let cell = &self.cells[c];
        let group = if cell.dimension == "target_group" { "stocks" } else { report::group_of(cell.measure_index) };
        let path = match cell.place {
            Place::Total => format!("{group}.{}", cell.measure),
            Place::Row(..) => format!("breakdown.{}.{}.{group}.{}", cell.dimension, cell.key, cell.measure),
        };
        format!("{} {path}", self.periods[cell.period].key)
    }

    /// Everything an attacker given the public tables of the periods `wanted` admits
    /// could learn beyond what the set's thresholds allow.
    pub fn audit(&self, wanted: impl Fn(&Period) -> bool + Copy) -> Vec<Finding> {
        let (system, cells) = self.system(wanted);
        let mut out: Vec<Finding> = system
            .findings(i64::from(self.thresholds.protection_level), true)
            .into_iter()
            .map(|(s, range)| Finding::Narrow { cell: self.describe(cells[s]), value: system.values[s], range })
            .collect();
        out.extend(self.revealing_differences(wanted).into_iter().map(|(a, b)| Finding::Difference {
            first: self.describe(a),
            second: self.describe(b),
            difference: self.cells[a].value - self.cells[b].value,
        }));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::periods::{self, PeriodKey};
    use proptest::prelude::*;

    /// One generated WISE: sector, municipality, and per quarter its ten stored counts
    /// (`None`: it did not report that quarter).
    type Generated = (usize, usize, Vec<Option<[i64; 10]>>);

    fn quarter(q: u32) -> Period {
        let key = PeriodKey { year: 2025, quarter: Some(q) };
        Period { id: q as i32, key: key.to_string(), kind: "quarter".into(), ..periods::year_of_quarters(2025) }
            .with_dates(key)
    }

    impl Period {
        fn with_dates(mut self, key: PeriodKey) -> Self {
            self.starts_on = key.starts_on();
            self.ends_on = key.ends_on();
            self
        }
    }

    /// The year (from its quarters) and the quarters, as the aggregation makes them.
    fn collected(wises: &[Generated]) -> (Vec<Period>, Vec<Collected>) {
        let periods: Vec<Period> =
            std::iter::once(periods::year_of_quarters(2025)).chain((1..=4).map(quarter)).collect();
        let sectors = ["catering", "cleaning_facility", "textiles"];
        let municipalities = ["Zaandam", "Purmerend", "Edam"];
        let collect = |p: &Period| Collected {
            registered: wises.len(),
            approved: wises.len(),
            wises: wises
                .iter()
                .enumerate()
                .filter_map(|(id, (sector, municipality, quarters))| {
                    let rows: Vec<aggregate::Row> = quarters
                        .iter()
                        .enumerate()
                        .filter_map(|(q, counts)| {
                            let period = &periods[q + 1];
                            let counts = (*counts)?;
                            (period.starts_on >= p.starts_on && period.ends_on <= p.ends_on).then(|| aggregate::Row {
                                organisation_id: id as i32,
                                ends_on: period.ends_on,
                                whole_period: period.id == p.id,
                                counts,
                                target_groups: format!("mental_health:{}", counts[0] / 2),
                            })
                        })
                        .collect();
                    if rows.is_empty() {
                        return None;
                    }
                    let refs: Vec<&aggregate::Row> = rows.iter().collect();
                    let (values, target_groups) = aggregate::combine(&refs);
                    Some(aggregate::WiseFigures {
                        organisation_id: id as i32,
                        sector: sectors[*sector].into(),
                        municipality: municipalities[*municipality].into(),
                        values,
                        target_groups,
                        whole_period: false,
                    })
                })
                .collect(),
        };
        let collected = periods.iter().map(collect).collect();
        (periods, collected)
    }

    /// 3–12 WISEs in three sectors and three municipalities (one of them small), each
    /// skipping quarters, joining late or leaving early at random, now and then one
    /// with ten times the people of the others.
    fn wises() -> impl Strategy<Value = Vec<Generated>> {
        let counts = (proptest::array::uniform10(0i64..=25), 1i64..=10, any::<bool>())
            .prop_map(|(c, scale, dominant)| if dominant && scale == 10 { c.map(|v| v * 10) } else { c });
        let wise = (
            0usize..3,
            prop_oneof![3 => 0usize..2, 1 => Just(2usize)],
            proptest::collection::vec(proptest::option::weighted(0.8, counts), 4),
        );
        proptest::collection::vec(wise, 3..=12)
    }

    proptest! {
        // A fixed seed: the same 24 data sets on every run, so CI is repeatable; change
        // the seed to explore others.
        #![proptest_config(ProptestConfig {
            cases: 24,
            failure_persistence: None,
            rng_seed: proptest::test_runner::RngSeed::Fixed(17),
            ..ProptestConfig::default()
        })]

        #[test]
        fn prop_the_linked_set_has_no_findings(wises in wises()) {
            let (periods, collected) = collected(&wises);
            let keep: Vec<usize> = (0..periods.len()).filter(|p| !collected[*p].wises.is_empty()).collect();
            let periods: Vec<Period> = keep.iter().map(|p| periods[*p].clone()).collect();
            let collected: Vec<Collected> = keep.iter().map(|p| collected[*p].clone()).collect();
            let set = protect(periods, &collected, &T);
            let findings = set.audit(|_| true);
            prop_assert!(findings.is_empty(), "{:?}", findings);
        }
    }

    const T: Thresholds =
        Thresholds { min_organisations: 3, max_share_pct: 70, min_people: 10, protection_level: 10, linked: true };
}
