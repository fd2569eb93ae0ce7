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

use good_lp::{constraint, microlp, variable, Expression, ProblemVariables, Solution, SolverModel, Variable};

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

/// Ranges of groups of hidden cells already solved, for one [`System`]'s relations and
/// values: by (integer, the group's cells).
#[derive(Debug, Default)]
pub struct Memo(std::collections::HashMap<(bool, Vec<usize>), Vec<Range>>);

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
    pub fn ranges(&self, integer: bool) -> BTreeMap<usize, Range> {
        self.ranges_remembered(integer, &mut Memo::default())
    }

    /// [`Self::ranges`], taking the ranges of a group of hidden cells from `memo` when
    /// the same group was solved before (a group's problem depends on nothing else:
    /// the relations are fixed, and so are the published values).
    pub fn ranges_remembered(&self, integer: bool, memo: &mut Memo) -> BTreeMap<usize, Range> {
        let mut out = BTreeMap::new();
        let mut touching: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let relations: Vec<(&Terms, bool)> =
            self.equalities.iter().map(|t| (t, true)).chain(self.at_least_zero.iter().map(|t| (t, false))).collect();
        for (i, (terms, _)) in relations.iter().enumerate() {
            if let Some(&(c, _)) = terms.iter().find(|(c, _)| self.hidden[*c]) {
                touching.entry(c).or_default().push(i);
            }
        }
        for component in self.components() {
            if let Some(known) = memo.0.get(&(integer, component.clone())) {
                out.extend(component.iter().copied().zip(known.iter().copied()));
                continue;
            }
            let first = out.len();
            let index: BTreeMap<usize, usize> = component.iter().enumerate().map(|(i, c)| (*c, i)).collect();
            let constraints: Vec<usize> =
                component.iter().flat_map(|c| touching.get(c).into_iter().flatten()).copied().collect();
            for (i, &cell) in component.iter().enumerate() {
                // A cell in no relation with a published number is known to be ≥ 0 only.
                if constraints.is_empty() {
                    out.insert(cell, Range { low: 0, high: None });
                    continue;
                }
                let solve = |maximise: bool| -> Option<f64> {
                    let mut vars = ProblemVariables::new();
                    let xs: Vec<Variable> = component
                        .iter()
                        .map(|_| {
                            let v = variable().min(0).max(UNBOUNDED);
                            vars.add(if integer { v.integer() } else { v })
                        })
                        .collect();
                    let objective: Expression = xs[i].into();
                    let problem = if maximise { vars.maximise(objective) } else { vars.minimise(objective) };
                    let mut model = problem.using(microlp);
                    for &r in &constraints {
                        let (terms, equal) = relations[r];
                        let mut expr = Expression::from(0.0);
                        for &(c, k) in terms {
                            match index.get(&c) {
                                Some(&j) => expr += xs[j] * k as f64,
                                None => expr += (k * self.values[c]) as f64,
                            }
                        }
                        model = model.with(if equal { constraint::eq(expr, 0.0) } else { constraint::geq(expr, 0.0) });
                    }
                    model.solve().ok().map(|s| s.value(xs[i]))
                };
                // The true values are a solution, so both problems are feasible.
                let value = self.values[cell];
                // Rounded inwards (a tolerance for the solver's arithmetic).
                let low = solve(false).map_or(0, |v| (v - 1e-6).ceil() as i64).min(value);
                let high = solve(true).filter(|v| *v < UNBOUNDED - 1.0).map(|v| ((v + 1e-6).floor() as i64).max(value));
                out.insert(cell, Range { low, high });
            }
            debug_assert_eq!(out.len(), first + component.len());
            let solved: Vec<Range> = component.iter().map(|c| out[c]).collect();
            memo.0.insert((integer, component), solved);
        }
        out
    }

    /// Hidden cells whose range is narrower than `level` on a side, with that range.
    pub fn findings(&self, level: i64, integer: bool) -> Vec<(usize, Range)> {
        self.findings_remembered(level, integer, &mut Memo::default())
    }

    /// [`Self::findings`] with the ranges of groups solved before taken from `memo`.
    pub fn findings_remembered(&self, level: i64, integer: bool, memo: &mut Memo) -> Vec<(usize, Range)> {
        self.ranges_remembered(integer, memo).into_iter().filter(|(c, r)| !r.protects(self.values[*c], level)).collect()
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
