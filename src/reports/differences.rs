//! Differences between two published cells of one row and measure in two periods (a
//! year minus its last quarter; a cell before and after a WISE joined it): what they
//! give away of the WISEs whose contributions differ (SPEC §2 "All public tables are
//! linked"; used by [`super::linked`] and its audit).

use super::disclosure::Thresholds;

/// Whether `a − b`, WISE by WISE, reveals what a published cell may not. Only cells
/// whose WISEs differ are compared (the same WISEs in two periods give their net
/// change, nobody's count). The difference is then the parts of the WISEs that joined
/// or left and the changes of the others; fewer than `min_organisations` of them with a
/// part is too few. When only WISEs that joined or left have a part, the difference is
/// their cell, and must also count `min_people` people with no WISE over
/// `max_share_pct` % of it.
pub fn reveals(
    a: impl IntoIterator<Item = (i32, i64)>,
    b: impl IntoIterator<Item = (i32, i64)>,
    t: &Thresholds,
) -> bool {
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    let (mut count, mut sum, mut max) = (0usize, 0i64, 0i64);
    let (mut composition, mut changed) = (false, false);
    loop {
        let (d, common) = match (a.peek().copied(), b.peek().copied()) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                a.next();
                b.next();
                (x.1 - y.1, true)
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                a.next();
                (x.1, false)
            }
            (Some(x), None) => {
                a.next();
                (x.1, false)
            }
            (_, Some(y)) => {
                b.next();
                (-y.1, false)
            }
            (None, None) => break,
        };
        composition |= !common;
        if d == 0 {
            continue;
        }
        changed |= common;
        count += 1;
        sum += d;
        max = max.max(d.abs());
        if changed && count >= t.min_organisations as usize {
            // Enough WISEs, and not one group's cell: nothing more can make it reveal.
            return false;
        }
    }
    if !composition || count == 0 {
        return false;
    }
    if count < t.min_organisations as usize {
        return true;
    }
    if changed {
        return false;
    }
    let people = sum.abs();
    people < i64::from(t.min_people) || i128::from(max) * 100 > i128::from(t.max_share_pct) * i128::from(people)
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Thresholds =
        Thresholds { min_organisations: 3, max_share_pct: 70, min_people: 10, protection_level: 10, linked: true };

    #[test]
    fn a_difference_of_one_wise_reveals_it() {
        // The year has A, B and C; the last quarter only A and B: year − Q4 is C alone.
        let year = [(1, 20), (2, 30), (3, 7)];
        let q4 = [(1, 20), (2, 30)];
        assert!(reveals(year, q4, &T));
        assert!(reveals(q4, year, &T));
        // Three WISEs joined with 12 people: a cell of 12 people.
        let more = [(1, 20), (2, 30), (4, 4), (5, 4), (6, 4)];
        assert!(!reveals(more, q4, &T));
        // …with 6 people: fewer than 10.
        assert!(reveals([(1, 20), (2, 30), (4, 2), (5, 2), (6, 2)], q4, &T));
        // …one of them with most of the people.
        assert!(reveals([(1, 20), (2, 30), (4, 30), (5, 2), (6, 2)], q4, &T));
        // One joined while two others changed: three parts, not one WISE's cell.
        assert!(!reveals([(1, 21), (2, 28), (3, 7)], q4, &T));
        // …but one joined and one changed: two parts.
        assert!(reveals([(1, 21), (2, 30), (3, 7)], q4, &T));
        // The same WISEs: a net change over time, compared no further.
        assert!(!reveals([(1, 22), (2, 30)], q4, &T));
        assert!(!reveals(q4, q4, &T));
    }
}
