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
//! One query does it, for every approved WISE at once (the catalogue search) or for
//! one (the profile); both run the same SQL.

use std::collections::HashMap;

use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};
use serde::Serialize;

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

#[derive(QueryableByName)]
struct Latest {
    #[diesel(sql_type = Integer)]
    organisation_id: i32,
    #[diesel(sql_type = Text)]
    period_key: String,
    #[diesel(sql_type = Integer)]
    paid_target_group: i32,
    #[diesel(sql_type = Integer)]
    paid_regular: i32,
}

/// Per approved WISE, the newest revision of its accepted submission for the latest
/// period (by end date; ties — a year and its last quarter — go to the shorter period,
/// then to the newer period row). `{only}` narrows it to one WISE.
const LATEST_ACCEPTED: &str = "\
SELECT organisation_id, period_key, paid_target_group, paid_regular FROM (
    SELECT s.organisation_id, p.\"key\" AS period_key, r.paid_target_group, r.paid_regular,
           ROW_NUMBER() OVER (
               PARTITION BY s.organisation_id
               ORDER BY p.ends_on DESC, p.starts_on DESC, p.id DESC, r.number DESC
           ) AS pick
    FROM submissions s
    JOIN organisations o ON o.id = s.organisation_id
    JOIN reporting_periods p ON p.id = s.period_id
    JOIN submission_revisions r ON r.submission_id = s.id
    WHERE s.status = 'accepted' AND o.status = 'approved' {only}
) latest
WHERE pick = 1";

fn latest_accepted(conn: &mut DbConn, organisation_id: Option<i32>) -> QueryResult<Vec<Latest>> {
    let only = match (organisation_id, &*conn) {
        (None, _) => "",
        (Some(_), DbConn::Sqlite(_)) => "AND s.organisation_id = ?",
        (Some(_), DbConn::Postgres(_)) => "AND s.organisation_id = $1",
    };
    let sql = LATEST_ACCEPTED.replace("{only}", only);
    match organisation_id {
        None => crate::per_backend!(conn, c => diesel::sql_query(&sql).load(c)),
        Some(id) => crate::per_backend!(conn, c => diesel::sql_query(&sql).bind::<Integer, _>(id).load(c)),
    }
}

fn verdict(row: Latest) -> ReservedContract {
    ReservedContract::from_figures(row.period_key, i64::from(row.paid_target_group), i64::from(row.paid_regular))
}

/// Every approved WISE with accepted figures, by id, with its verdict (eligible or
/// not); WISEs without accepted figures are absent. One query.
pub fn for_approved(conn: &mut DbConn) -> QueryResult<HashMap<i32, ReservedContract>> {
    Ok(latest_accepted(conn, None)?.into_iter().map(|row| (row.organisation_id, verdict(row))).collect())
}

/// The verdict for one approved WISE; `None` when it has no accepted figures (or is
/// not approved).
pub fn for_organisation(conn: &mut DbConn, organisation_id: i32) -> QueryResult<Option<ReservedContract>> {
    Ok(latest_accepted(conn, Some(organisation_id))?.into_iter().next().map(verdict))
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
