//! Onward moves through partners: with its figures for a period, a WISE states per
//! partner how many of its `moved_to_paid_external` (moves into paid work with another
//! employer) went to that partner company. Counts only, nothing about individuals; the
//! sum cannot exceed the field. Kept per submission (`partner_moves`), replaced on each
//! save of the figures form; they count with the submission's figures.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::schema::{buying_organisations, partner_moves, partnerships};
use crate::db::DbConn;
use crate::validation::FieldError;

/// The form field of a partner's moves: `partner_<partnership id>`.
pub const FIELD_PREFIX: &str = "partner_";

/// The error of moves to partners that add up to more than the moves to other employers.
pub const SUM_ERROR: &str = "error-partner-moves-sum";

/// A partner a WISE can state moves to for a period: a partnership that counts
/// (confirmed, or ended) and ran during the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partner {
    pub partnership_id: i32,
    pub company: String,
}

/// The partners of `wise` during the period from `from` to `to`, by company name.
pub fn partners_in(conn: &mut DbConn, wise: i32, from: NaiveDate, to: NaiveDate) -> QueryResult<Vec<Partner>> {
    let rows: Vec<(i32, String)> = partnerships::table
        .inner_join(buying_organisations::table)
        .filter(partnerships::wise_id.eq(wise))
        .filter(partnerships::state.eq_any(["confirmed", "ended"]))
        .filter(partnerships::started_on.le(to))
        .filter(partnerships::ended_on.is_null().or(partnerships::ended_on.ge(from)))
        .order((buying_organisations::name, partnerships::id))
        .select((partnerships::id, buying_organisations::name))
        .load(conn)?;
    Ok(rows.into_iter().map(|(partnership_id, company)| Partner { partnership_id, company }).collect())
}

/// The moves stated with a submission, by partnership.
pub fn of_submission(conn: &mut DbConn, submission: i32) -> QueryResult<HashMap<i32, i64>> {
    let rows: Vec<(i32, i32)> = partner_moves::table
        .filter(partner_moves::submission_id.eq(submission))
        .select((partner_moves::partnership_id, partner_moves::moved))
        .load(conn)?;
    Ok(rows.into_iter().map(|(id, n)| (id, i64::from(n))).collect())
}

/// The `partner_<id>` fields of a form, checked against the WISE's partners and the
/// moves to other employers: (partnership, moves) for each partner (an empty field is
/// 0), or the errors (a field that is not a whole number, an unknown partner, a sum over
/// `moved_external`).
pub fn check(
    fields: &[(&str, &str)],
    partners: &[Partner],
    moved_external: i64,
) -> Result<Vec<(i32, i64)>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut moves: Vec<(i32, i64)> = partners.iter().map(|p| (p.partnership_id, 0)).collect();
    for (name, value) in fields {
        let Some(id) = name.strip_prefix(FIELD_PREFIX) else { continue };
        let error = |key| FieldError { field: name.to_string(), key };
        let Some(slot) = id.parse::<i32>().ok().and_then(|id| moves.iter_mut().find(|(p, _)| *p == id)) else {
            errors.push(error("error-unknown-field"));
            continue;
        };
        match value.trim() {
            "" => {}
            v => match v.parse::<i64>() {
                Ok(n) if (0..=100_000).contains(&n) => slot.1 = n,
                _ => errors.push(error("error-count")),
            },
        }
    }
    let total: i64 = moves.iter().map(|(_, n)| n).sum();
    if errors.is_empty() && total > moved_external {
        errors.push(FieldError { field: "partner_moves".into(), key: SUM_ERROR });
    }
    if errors.is_empty() {
        Ok(moves)
    } else {
        Err(errors)
    }
}

/// Replaces the moves stated with a submission (zeros are not kept); whether they
/// changed. Call in the transaction that saves the figures.
pub fn save(conn: &mut DbConn, submission: i32, moves: &[(i32, i64)]) -> QueryResult<bool> {
    let before = of_submission(conn, submission)?;
    let after: HashMap<i32, i64> = moves.iter().copied().filter(|(_, n)| *n > 0).collect();
    if before == after {
        return Ok(false);
    }
    diesel::delete(partner_moves::table.filter(partner_moves::submission_id.eq(submission))).execute(conn)?;
    for (partnership, moved) in &after {
        diesel::insert_into(partner_moves::table)
            .values((
                partner_moves::submission_id.eq(submission),
                partner_moves::partnership_id.eq(partnership),
                partner_moves::moved.eq(i32::try_from(*moved).unwrap_or(i32::MAX)),
            ))
            .execute(conn)?;
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn partners() -> Vec<Partner> {
        vec![Partner { partnership_id: 4, company: "A".into() }, Partner { partnership_id: 9, company: "B".into() }]
    }

    #[test]
    fn moves_to_partners_fit_within_the_moves_to_other_employers() {
        let fields = [("partner_4", "2"), ("partner_9", ""), ("paid_regular", "3")];
        assert_eq!(check(&fields, &partners(), 2).unwrap(), [(4, 2), (9, 0)]);
        let over = check(&[("partner_4", "2"), ("partner_9", "1")], &partners(), 2).unwrap_err();
        assert_eq!((over[0].field.as_str(), over[0].key), ("partner_moves", SUM_ERROR));
        let bad = check(&[("partner_4", "-1"), ("partner_5", "1")], &partners(), 9).unwrap_err();
        let named: Vec<(&str, &str)> = bad.iter().map(|e| (e.field.as_str(), e.key)).collect();
        assert_eq!(named, [("partner_4", "error-count"), ("partner_5", "error-unknown-field")]);
    }
}
