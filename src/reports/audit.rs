//! What an attacker can learn from a set of published tables (SPEC §2 "All public
//! tables are linked"): for every suppressed cell, the tightest range of values that
//! the published numbers allow, by integer linear programming over the unknown cells
//! (the published sums and differences as constraints, every count non-negative).
//!
//! The [`System`] is plain data: cell values, which are hidden, and the linear
//! relations an attacker knows. [`super::linked`] builds it from the public reports
//! and uses [`findings`] until there are none; `wise-monitor audit disclosure` prints
//! them for the operator.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use good_lp::{constraint, microlp, variable, Expression, ProblemVariables, Solution, SolverModel, Variable};

use super::memo::Memo;

/// A linear expression `Σ coefficient · cell`.
pub type Terms = Vec<(usize, i64)>;

/// What an attacker knows: every published value, and relations that hold between
/// cells whatever their values (`Σ = 0` and `Σ ≥ 0`).
#[derive(Debug, Clone, Default)]
pub struct System {
    /// The true value of every cell (published or not).
    pub values: Vec<i64>,
    /// Whether a cell is suppressed.
    pub hidden: Vec<bool>,
    pub equalities: Vec<Terms>,
    pub at_least_zero: Vec<Terms>,
}

/// One group's problem as plain data: how many unknowns, and each relation as
/// (equality, the published part's sum, the unknowns' coefficients by position).
/// The ranges depend on nothing else, so a problem solved once is never solved again.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Problem {
    integer: bool,
    unknowns: usize,
    relations: Vec<Relation>,
    /// Where each unknown's range may be cut (lowest, highest): ranges wider than that
    /// need not be known to decide protection, and a cut lets the integer search stop
    /// as soon as it reaches one (instead of exploring, and holding, a large tree).
    cuts: Option<Vec<(i64, i64)>>,
}

/// A relation of a [`Problem`]: (equality, the published part's sum, the unknowns'
/// coefficients by position); `≥ 0` when not an equality.
type Relation = (bool, i64, Vec<(usize, i64)>);

/// Every problem solved in this process, with its solutions (lowest and highest value
/// of each unknown; `None`: unbounded or not solved). Most groups of hidden cells are
/// the same after a change of the figures, which touches one period and its year.
static SOLVED: Memo<Problem, Solved> = Memo::new(20_000);

/// The lowest and highest value of each unknown of a problem.
type Solved = Arc<[(Option<f64>, Option<f64>)]>;

/// Beyond this an upper bound counts as none (the solver's integer range).
const UNBOUNDED: f64 = 1.0e9;

/// The range a suppressed cell is known to lie in; `high` is `None` when unbounded.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub low: i64,
    pub high: Option<i64>,
}

impl Range {
    /// Whether the range leaves `level` on either side of `value` (down to zero).
    pub fn protects(&self, value: i64, level: i64) -> bool {
        self.low <= (value - level).max(0) && self.high.is_none_or(|h| h >= value + level)
    }
}

impl System {
    /// Adds a cell and returns its index.
    pub fn push(&mut self, value: i64, hidden: bool) -> usize {
        self.values.push(value);
        self.hidden.push(hidden);
        self.values.len() - 1
    }

    /// The hidden cells in groups that share no relation with each other: each group
    /// is one small problem.
    fn components(&self) -> Vec<Vec<usize>> {
        let mut parent: Vec<usize> = (0..self.values.len()).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        for terms in self.equalities.iter().chain(&self.at_least_zero) {
            let mut first = None;
            for &(c, _) in terms {
                if !self.hidden[c] {
                    continue;
                }
                match first {
                    None => first = Some(c),
                    Some(f) => {
                        let (a, b) = (root(&mut parent, f), root(&mut parent, c));
                        parent[a] = b;
                    }
                }
            }
        }
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for c in (0..self.values.len()).filter(|c| self.hidden[*c]) {
            let r = root(&mut parent, c);
            groups.entry(r).or_default().push(c);
        }
        groups.into_values().collect()
    }

    /// The tightest range of every hidden cell, by cell index: over integer values
    /// (`integer`), or over real values with the bounds rounded inwards to integers (the
    /// linear relaxation: much faster, and never narrower than the integer range).
    /// A group whose problem was solved before in this process is taken from [`SOLVED`].
    pub fn ranges(&self, integer: bool) -> BTreeMap<usize, Range> {
        self.ranges_cut(integer, None)
    }

    /// [`Self::ranges`], each range cut at `level` on either side of the cell's value
    /// (down to zero) when `level` is given: enough to tell whether it protects.
    fn ranges_cut(&self, integer: bool, level: Option<i64>) -> BTreeMap<usize, Range> {
        let mut out = BTreeMap::new();
        let mut touching: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let relations: Vec<(&Terms, bool)> =
            self.equalities.iter().map(|t| (t, true)).chain(self.at_least_zero.iter().map(|t| (t, false))).collect();
        for (i, (terms, _)) in relations.iter().enumerate() {
            if let Some(&(c, _)) = terms.iter().find(|(c, _)| self.hidden[*c]) {
                touching.entry(c).or_default().push(i);
            }
        }
        let components = self.components();
        let problems: Vec<Problem> = components
            .iter()
            .map(|component| {
                let index: BTreeMap<usize, usize> = component.iter().enumerate().map(|(i, c)| (*c, i)).collect();
                Problem {
                    integer,
                    unknowns: component.len(),
                    cuts: level.map(|l| {
                        component.iter().map(|c| ((self.values[*c] - l).max(0), self.values[*c] + l)).collect()
                    }),
                    relations: component
                        .iter()
                        .flat_map(|c| touching.get(c).into_iter().flatten())
                        .map(|&r| {
                            let (terms, equal) = relations[r];
                            let mut published = 0;
                            let mut unknown = Vec::new();
                            for &(c, k) in terms {
                                match index.get(&c) {
                                    Some(&j) => unknown.push((j, k)),
                                    None => published += k * self.values[c],
                                }
                            }
                            (equal, published, unknown)
                        })
                        .collect(),
                }
            })
            .collect();
        for (component, solved) in components.iter().zip(Problem::solve_all(problems)) {
            for (&cell, &(low, high)) in component.iter().zip(solved.iter()) {
                // The true values are a solution, so both problems are feasible; the
                // bounds are rounded inwards (a tolerance for the solver's arithmetic).
                let value = self.values[cell];
                let low = low.map_or(0, |v| (v - 1e-6).ceil() as i64).min(value);
                let high = high.map(|v| ((v + 1e-6).floor() as i64).max(value));
                out.insert(cell, Range { low, high });
            }
        }
        out
    }

    /// Hidden cells whose range is narrower than `level` on a side. Over integers,
    /// ranges are found only as far as `level` reaches (see [`Problem::cuts`]), which
    /// decides it as exactly and far faster.
    pub fn narrow(&self, level: i64, integer: bool) -> Vec<usize> {
        let ranges = self.ranges_cut(integer, integer.then_some(level));
        ranges.into_iter().filter(|(c, r)| !r.protects(self.values[*c], level)).map(|(c, _)| c).collect()
    }

    /// [`Self::narrow`] with each such cell's whole range.
    pub fn findings(&self, level: i64, integer: bool) -> Vec<(usize, Range)> {
        let narrow = self.narrow(level, integer);
        if narrow.is_empty() {
            return Vec::new();
        }
        let whole = self.ranges(integer);
        narrow.into_iter().map(|c| (c, whole[&c])).collect()
    }

    /// Hidden cells that one equality alone already holds to less than `level` above
    /// their value (the other hidden cells of a sum add up to less than `level`): a
    /// cheap subset of [`Self::findings`], found without solving anything.
    pub fn plainly_narrow(&self, level: i64) -> Vec<usize> {
        let mut out = BTreeSet::new();
        for terms in &self.equalities {
            for &(x, kx) in terms.iter().filter(|(c, _)| self.hidden[*c]) {
                let mut slack = 0i64;
                let mut bounded = true;
                for &(c, k) in terms.iter().filter(|(c, _)| *c != x && self.hidden[*c]) {
                    if (k > 0) != (kx > 0) {
                        bounded = false;
                        break;
                    }
                    slack += self.values[c] * k.abs();
                }
                if bounded && slack < level * kx.abs() {
                    out.insert(x);
                }
            }
        }
        out.into_iter().collect()
    }

    /// The published cells nearest to `cell` through the relations, for protecting
    /// it: those sharing a relation with it, else with a hidden cell that does, and so
    /// on.
    pub fn partners(&self, cell: usize) -> Vec<usize> {
        let relations: Vec<&Terms> = self.equalities.iter().chain(&self.at_least_zero).collect();
        let mut seen = BTreeSet::from([cell]);
        let mut layer = vec![cell];
        while !layer.is_empty() {
            let near: BTreeSet<usize> = relations
                .iter()
                .filter(|t| t.iter().any(|(c, _)| layer.contains(c)))
                .flat_map(|t| t.iter().map(|(c, _)| *c))
                .filter(|c| !seen.contains(c))
                .collect();
            let published: Vec<usize> = near.iter().copied().filter(|c| !self.hidden[*c]).collect();
            if !published.is_empty() {
                return published;
            }
            seen.extend(&near);
            layer = near.into_iter().collect();
        }
        Vec::new()
    }
}

impl Problem {
    /// The solutions of `problems`, in order: those solved before from [`SOLVED`], the
    /// others on every core, then kept there.
    fn solve_all(problems: Vec<Problem>) -> Vec<Solved> {
        let known: Vec<Option<Solved>> = problems.iter().map(|p| SOLVED.get(p)).collect();
        let unknown: Vec<&Problem> = problems.iter().zip(&known).filter(|(_, k)| k.is_none()).map(|(p, _)| p).collect();
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(unknown.len()).max(1);
        // Largest first, dealt out in turn, so each thread gets a similar share.
        let mut order: Vec<usize> = (0..unknown.len()).collect();
        order.sort_by_key(|i| std::cmp::Reverse(unknown[*i].unknowns));
        let mut fresh: Vec<Option<Solved>> = vec![None; unknown.len()];
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let mine: Vec<usize> = order.iter().copied().skip(t).step_by(threads).collect();
                    let unknown = &unknown;
                    scope.spawn(move || {
                        mine.into_iter().map(|i| (i, Solved::from(unknown[i].solve()))).collect::<Vec<_>>()
                    })
                })
                .collect();
            for handle in handles {
                for (i, solved) in handle.join().expect("a solver thread") {
                    fresh[i] = Some(solved);
                }
            }
        });
        let mut fresh = unknown.into_iter().zip(fresh);
        known
            .into_iter()
            .map(|k| {
                k.unwrap_or_else(|| {
                    let (problem, result) = fresh.next().expect("one fresh solution per unknown problem");
                    let result = result.expect("solved");
                    SOLVED.insert(problem.clone(), Arc::clone(&result));
                    result
                })
            })
            .collect()
    }

    /// The lowest and highest value of each unknown, every unknown at least zero.
    fn solve(&self) -> Vec<(Option<f64>, Option<f64>)> {
        // An unknown in no relation with a published number is known to be ≥ 0 only.
        if self.relations.is_empty() {
            return vec![(None, None); self.unknowns];
        }
        // Over integers, the relaxation first: when its optimum is a whole-number point
        // it is the integer optimum too (sums of cells usually give such points), and
        // the branch-and-bound search, slow and hungry for memory, is not needed.
        let bound = |i: usize, maximise: bool| -> Option<f64> {
            let relaxed = self.optimum(i, maximise, false)?;
            if !self.integer || relaxed.1.iter().all(|v| (v - v.round()).abs() < 1e-6) {
                return Some(relaxed.0);
            }
            self.optimum(i, maximise, true).map(|(v, _)| v)
        };
        (0..self.unknowns).map(|i| (bound(i, false), bound(i, true).filter(|v| *v < UNBOUNDED - 1.0))).collect()
    }

    /// The lowest or highest value of unknown `i` (cut as [`Self::cuts`] says), over
    /// whole numbers or not, with the point where it is reached.
    fn optimum(&self, i: usize, maximise: bool, integer: bool) -> Option<(f64, Vec<f64>)> {
        let mut vars = ProblemVariables::new();
        let xs: Vec<Variable> = (0..self.unknowns)
            .map(|_| {
                let v = variable().min(0).max(UNBOUNDED);
                vars.add(if integer { v.integer() } else { v })
            })
            .collect();
        let objective: Expression = xs[i].into();
        let problem = if maximise { vars.maximise(objective) } else { vars.minimise(objective) };
        let mut model = problem.using(microlp);
        if let Some(cuts) = &self.cuts {
            let (low, high) = cuts[i];
            model = model.with(if maximise {
                constraint::leq(xs[i], high as f64)
            } else {
                constraint::geq(xs[i], low as f64)
            });
        }
        for (equal, published, unknown) in &self.relations {
            let mut expr = Expression::from(*published as f64);
            for &(j, k) in unknown {
                expr += xs[j] * k as f64;
            }
            model = model.with(if *equal { constraint::eq(expr, 0.0) } else { constraint::geq(expr, 0.0) });
        }
        let solution = model.solve().ok()?;
        Some((solution.value(xs[i]), xs.iter().map(|x| solution.value(*x)).collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows a, b, c adding up to a published total.
    fn column(values: [i64; 3], hidden: [bool; 3]) -> System {
        let mut s = System::default();
        let cells: Vec<usize> = values.iter().zip(hidden).map(|(v, h)| s.push(*v, h)).collect();
        let total = s.push(values.iter().sum(), false);
        s.equalities.push(vec![(cells[0], 1), (cells[1], 1), (cells[2], 1), (total, -1)]);
        s
    }

    #[test]
    fn one_hidden_cell_of_a_sum_is_known_exactly() {
        let s = column([5, 20, 30], [true, false, false]);
        assert_eq!(s.ranges(true)[&0], Range { low: 5, high: Some(5) });
        assert_eq!(s.findings(10, true).len(), 1);
    }

    #[test]
    fn two_hidden_cells_share_their_sum() {
        // 12 + 15 = 27: each lies in [0, 27], at least 10 from its value both ways.
        let s = column([12, 15, 30], [true, true, false]);
        assert_eq!(s.ranges(true)[&0], Range { low: 0, high: Some(27) });
        assert_eq!(s.ranges(true)[&1], Range { low: 0, high: Some(27) });
        assert!(s.findings(10, true).is_empty());
        // 5 + 20 = 25: the 20 cannot be more than 25, only 5 above it.
        let s = column([5, 20, 30], [true, true, false]);
        assert_eq!(s.findings(10, true).iter().map(|(c, _)| *c).collect::<Vec<_>>(), [1]);
        // 5 + 3 = 8: the 5 lies in [0, 8], less than 10 above it.
        let s = column([5, 3, 30], [true, true, false]);
        assert_eq!(s.findings(10, true).iter().map(|(c, _)| *c).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(s.partners(0), [2, 3]);
        // A hidden cell whose relations hold only hidden cells: the next ones out.
        let mut chain = column([5, 3, 30], [true, true, true]);
        let far = chain.push(40, false);
        chain.equalities.push(vec![(2, 1), (far, -1)]);
        chain.hidden[3] = true;
        assert_eq!(chain.partners(0), [far]);
        assert_eq!(s.plainly_narrow(10), [0, 1]);
        assert!(column([12, 15, 30], [true, true, false]).plainly_narrow(10).is_empty());
    }

    #[test]
    fn a_lower_bound_from_an_inequality_narrows_a_cell() {
        // year ≥ Q4 (stocks): a hidden year of 25 with a published Q4 of 22.
        let mut s = System::default();
        let year = s.push(25, true);
        let q4 = s.push(22, false);
        s.at_least_zero.push(vec![(year, 1), (q4, -1)]);
        assert_eq!(s.ranges(true)[&year], Range { low: 22, high: None });
        assert!(!s.ranges(true)[&year].protects(25, 10));
        assert!(Range { low: 0, high: None }.protects(3, 10));
    }
}
