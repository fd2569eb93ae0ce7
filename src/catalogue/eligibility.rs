//! Reserved-contract eligibility (SPEC §2): EU Directive 2014/24/EU art. 20 and the
//! Dutch Aanbestedingswet art. 2.82 let a buyer reserve a contract for organisations
//! whose employees are at least 30 % disabled or disadvantaged workers.
//!
//! The platform derives it from a WISE's latest accepted figures: the accepted
//! submission of the latest period (by end date), its newest revision, and there
//! `paid_target_group / (paid_target_group + paid_regular) ≥ 0.30` — computed in
//! integers. Submissions that are drafts, submitted or returned never count, so a
//! newer period that is not accepted yet leaves the older accepted one in force.
//! No accepted figures: no eligibility at all (`None`), not "not eligible".
//!
//! The same few queries serve every approved WISE at once (the catalogue search) and
//! one WISE (the profile).

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::{organisations, reporting_periods, submission_revisions, submissions};
use crate::db::DbConn;

/// The smallest share of target-group people among the paid staff, in percent.
pub const MIN_SHARE_PCT: i64 = 30;

/// Whether a WISE may take part in reserved contracts, and on what figures that rests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ReservedContract {
    /// Whether at least 30 % of the paid staff (`paid_target_group + paid_regular`) are
    /// target-group people (EU Directive 2014/24/EU art. 20, Aanbestedingswet art. 2.82).
    pub eligible: bool,
    /// The period of the accepted figures this rests on: the latest period (by end
    /// date) with an accepted submission.
    #[schema(example = "2026-Q2")]
    pub period: String,
    /// `paid_target_group` as a percentage of `paid_target_group + paid_regular`,
    /// rounded down (so `eligible` is exactly `target_group_share_pct >= 30`);
    /// `null` when those figures report no paid staff at all.
    #[schema(example = 42)]
    pub target_group_share_pct: Option<i32>,
}

impl ReservedContract {
    /// The verdict on one revision's paid staff.
    pub fn from_figures(period: String, paid_target_group: i64, paid_regular: i64) -> Self {
        let paid = paid_target_group + paid_regular;
        let share = (paid > 0).then(|| i32::try_from(paid_target_group * 100 / paid).unwrap_or(i32::MAX));
        Self { eligible: is_eligible(paid_target_group, paid_regular), period, target_group_share_pct: share }
    }
}

/// `paid_target_group / (paid_target_group + paid_regular) ≥ 0.30`, in integers: the
/// paid staff must be more than none and `100 · target group ≥ 30 · paid staff`.
pub fn is_eligible(paid_target_group: i64, paid_regular: i64) -> bool {
    let paid = paid_target_group + paid_regular;
    paid > 0 && 100 * paid_target_group >= MIN_SHARE_PCT * paid
}

/// What a WISE's latest accepted figures say: the reserved-contract verdict and its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Latest {
    pub verdict: ReservedContract,
    /// People working: the sum of the five stocks.
    pub people_working: i64,
    /// `turnover_eur` of the period scaled to a year (× 4 for a quarter); `None` when
    /// the figures leave it out.
    pub yearly_turnover_eur: Option<i64>,
}

/// The stocks and the turnover of one revision.
type RevisionRow = (i32, i32, [i32; 5], Option<i64>);

/// Per approved WISE (or only those in `only`), the accepted submission of the
/// latest period and that submission's newest revision. Three queries whatever the
/// number of WISEs: the periods, the accepted submissions (three integers each), and
/// the revisions of the chosen submissions. The choice is made here rather than with a
/// window function or a `GROUP BY` in SQL: at 10,000 WISEs × 8 accepted quarters the
/// window function (which sorts every accepted submission) took about three times as
/// long on SQLite, and the `GROUP BY` was no faster on SQLite and slower on PostgreSQL.
fn latest_accepted(conn: &mut DbConn, only: Option<&[i32]>) -> QueryResult<Vec<(i32, Latest)>> {
    // Latest end date first; ties (a year and its last quarter) go to the shorter
    // period, then to the newer row.
    let periods: HashMap<i32, (NaiveDate, NaiveDate, String)> = reporting_periods::table
        .select((
            reporting_periods::id,
            reporting_periods::ends_on,
            reporting_periods::starts_on,
            reporting_periods::key,
        ))
        .load::<(i32, NaiveDate, NaiveDate, String)>(conn)?
        .into_iter()
        .map(|(id, ends, starts, key)| (id, (ends, starts, key)))
        .collect();
    let order = |period: i32| periods.get(&period).map(|(ends, starts, _)| (*ends, *starts, period));

    let mut accepted = submissions::table
        .inner_join(organisations::table)
        .filter(submissions::status.eq("accepted"))
        .filter(crate::organisation::public())
        .select((submissions::id, submissions::organisation_id, submissions::period_id))
        .into_boxed();
    if let Some(ids) = only {
        accepted = accepted.filter(submissions::organisation_id.eq_any(ids));
    }
    // organisation → (submission, period) of its latest accepted figures.
    let mut chosen: HashMap<i32, (i32, i32)> = HashMap::new();
    for (submission, organisation, period) in accepted.load::<(i32, i32, i32)>(conn)? {
        let current = chosen.entry(organisation).or_insert((submission, period));
        if order(period) > order(current.1) {
            *current = (submission, period);
        }
    }

    // submission → (number, stocks, turnover) of its newest revision.
    let ids: Vec<i32> = chosen.values().map(|(submission, _)| *submission).collect();
    let mut newest: HashMap<i32, (i32, [i32; 5], Option<i64>)> = HashMap::new();
    for chunk in ids.chunks(10_000) {
        use submission_revisions as r;
        let rows: Vec<RevisionRow> = r::table
            .filter(r::submission_id.eq_any(chunk))
            .select((
                r::submission_id,
                r::number,
                (r::paid_target_group, r::paid_regular, r::trainees, r::daytime_activities, r::volunteers),
                r::turnover_eur,
            ))
            .load::<(i32, i32, (i32, i32, i32, i32, i32), Option<i64>)>(conn)?
            .into_iter()
            .map(|(s, n, (a, b, c, d, e), t)| (s, n, [a, b, c, d, e], t))
            .collect();
        for (submission, number, stocks, turnover) in rows {
            let current = newest.entry(submission).or_insert((number, stocks, turnover));
            if number > current.0 {
                *current = (number, stocks, turnover);
            }
        }
    }

    Ok(chosen
        .into_iter()
        .filter_map(|(organisation, (submission, period))| {
            let (_, stocks, turnover) = newest.get(&submission)?;
            let (ends, starts, key) = periods.get(&period)?;
            let verdict = ReservedContract::from_figures(key.clone(), i64::from(stocks[0]), i64::from(stocks[1]));
            // A period of about three months is a quarter; of about twelve, a year.
            let per_year = if (*ends - *starts).num_days() > 200 { 1 } else { 4 };
            Some((
                organisation,
                Latest {
                    verdict,
                    people_working: stocks.iter().map(|n| i64::from(*n)).sum(),
                    yearly_turnover_eur: turnover.map(|t| t.saturating_mul(per_year)),
                },
            ))
        })
        .collect())
}

/// The latest accepted figures of the approved WISEs in `ids` that have them, by id.
pub fn latest_among(conn: &mut DbConn, ids: &[i32]) -> QueryResult<HashMap<i32, Latest>> {
    Ok(latest_accepted(conn, Some(ids))?.into_iter().collect())
}

/// Every approved WISE with accepted figures, by id, with its verdict (eligible or
/// not); WISEs without accepted figures are absent.
pub fn for_approved(conn: &mut DbConn) -> QueryResult<HashMap<i32, ReservedContract>> {
    Ok(latest_accepted(conn, None)?.into_iter().map(|(id, l)| (id, l.verdict)).collect())
}

/// As [`for_approved`], for the WISEs in `ids` only.
pub fn for_approved_among(conn: &mut DbConn, ids: &[i32]) -> QueryResult<HashMap<i32, ReservedContract>> {
    Ok(latest_accepted(conn, Some(ids))?.into_iter().map(|(id, l)| (id, l.verdict)).collect())
}

/// The verdict for one approved WISE; `None` when it has no accepted figures (or is
/// not approved).
pub fn for_organisation(conn: &mut DbConn, organisation_id: i32) -> QueryResult<Option<ReservedContract>> {
    Ok(latest_accepted(conn, Some(&[organisation_id]))?.into_iter().next().map(|(_, l)| l.verdict))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_percent_is_enough_and_computed_without_rounding() {
        assert!(is_eligible(3, 7), "exactly 30 %");
        assert!(!is_eligible(2, 8));
        assert!(!is_eligible(299_999, 700_001), "29.9999 %");
        assert!(is_eligible(300_000, 700_000));
        assert!(is_eligible(1, 0));
        assert!(!is_eligible(0, 0), "no paid staff");
        assert!(!is_eligible(0, 5));
    }

    #[test]
    fn the_share_is_rounded_down_so_it_agrees_with_the_verdict() {
        let v = ReservedContract::from_figures("2026-Q2".into(), 3, 7);
        assert_eq!((v.eligible, v.target_group_share_pct), (true, Some(30)));
        let v = ReservedContract::from_figures("2026-Q2".into(), 2_999, 7_001);
        assert_eq!((v.eligible, v.target_group_share_pct), (false, Some(29)));
        let v = ReservedContract::from_figures("2026-Q2".into(), 0, 0);
        assert_eq!((v.eligible, v.target_group_share_pct), (false, None));
        assert_eq!(v.period, "2026-Q2");
    }
}
