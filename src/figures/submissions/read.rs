//! Reading submissions: one or all of a WISE's, a submission's history and newest
//! revision, the figures of the period before, what changed between two revisions, and
//! what was filed for a period.

use super::*;

pub fn find(conn: &mut DbConn, organisation_id: i32, period_id: i32) -> QueryResult<Option<Submission>> {
    submissions::table
        .filter(submissions::organisation_id.eq(organisation_id))
        .filter(submissions::period_id.eq(period_id))
        .select(Submission::as_select())
        .first(conn)
        .optional()
}

/// Every revision of a submission, oldest first.
pub fn history(conn: &mut DbConn, submission_id: i32) -> QueryResult<Vec<Revision>> {
    Ok(revisions_of(conn, &[submission_id])?.into_iter().map(|(_, r)| r).collect())
}

/// Every revision of the given submissions (at most a few hundred), as (submission,
/// revision), oldest first within each submission.
pub(super) fn revisions_of(conn: &mut DbConn, submission_ids: &[i32]) -> QueryResult<Vec<(i32, Revision)>> {
    let rows: Vec<RevisionRow> = submission_revisions::table
        .filter(submission_revisions::submission_id.eq_any(submission_ids))
        .order((submission_revisions::submission_id, submission_revisions::number))
        .select(RevisionRow::as_select())
        .load(conn)?;
    let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
    let mut groups: HashMap<i32, BTreeMap<String, i64>> = HashMap::new();
    for chunk in ids.chunks(1000) {
        let found: Vec<(i32, String, i32)> = revision_target_groups::table
            .filter(revision_target_groups::revision_id.eq_any(chunk))
            .select((
                revision_target_groups::revision_id,
                revision_target_groups::target_group,
                revision_target_groups::people,
            ))
            .load(conn)?;
        for (id, group, people) in found {
            groups.entry(id).or_default().insert(group, i64::from(people));
        }
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let revision = Revision {
                number: r.number,
                figures: Figures {
                    stocks: [r.paid_target_group, r.paid_regular, r.trainees, r.daytime_activities, r.volunteers]
                        .map(i64::from),
                    flows: [
                        r.new_participants,
                        r.moved_to_paid_internal,
                        r.moved_to_paid_external,
                        r.moved_to_education,
                        r.other_exits,
                    ]
                    .map(i64::from),
                    fte_target_group_hundredths: r.fte_target_group_hundredths.map(i64::from),
                    turnover_eur: r.turnover_eur,
                    target_groups: groups.remove(&r.id).unwrap_or_default(),
                },
                source: r.source,
                created_by: r.created_by,
                created_at: r.created_at,
            };
            (r.submission_id, revision)
        })
        .collect())
}

/// The revision that counts: the newest.
pub fn latest(conn: &mut DbConn, submission_id: i32) -> QueryResult<Option<Revision>> {
    Ok(history(conn, submission_id)?.pop())
}

/// What changed from one revision to the next, field by field: (field, before, after).
pub fn changes(before: &Figures, after: &Figures) -> Vec<(String, Option<i64>, Option<i64>)> {
    let mut out = Vec::new();
    for (i, name) in STOCKS.iter().enumerate() {
        if before.stocks[i] != after.stocks[i] {
            out.push((name.to_string(), Some(before.stocks[i]), Some(after.stocks[i])));
        }
    }
    for (i, name) in FLOWS.iter().enumerate() {
        if before.flows[i] != after.flows[i] {
            out.push((name.to_string(), Some(before.flows[i]), Some(after.flows[i])));
        }
    }
    if before.fte_target_group_hundredths != after.fte_target_group_hundredths {
        out.push(("fte_target_group".into(), before.fte_target_group_hundredths, after.fte_target_group_hundredths));
    }
    if before.turnover_eur != after.turnover_eur {
        out.push(("turnover_eur".into(), before.turnover_eur, after.turnover_eur));
    }
    let mut groups: Vec<&String> = before.target_groups.keys().chain(after.target_groups.keys()).collect();
    groups.sort();
    groups.dedup();
    for group in groups {
        let (b, a) = (before.target_groups.get(group).copied(), after.target_groups.get(group).copied());
        if b != a {
            out.push((format!("tg_{group}"), b, a));
        }
    }
    out
}

/// Every submission of a WISE, by period id.
pub fn of_organisation(conn: &mut DbConn, organisation_id: i32) -> QueryResult<Vec<Submission>> {
    submissions::table
        .filter(submissions::organisation_id.eq(organisation_id))
        .select(Submission::as_select())
        .load(conn)
}

/// One submission by its id.
pub fn by_id(conn: &mut DbConn, id: i32) -> QueryResult<Option<Submission>> {
    submissions::table.find(id).select(Submission::as_select()).first(conn).optional()
}

/// What a form for `period` starts from when the WISE has no figures for it yet: the
/// newest figures of the latest earlier period of the same kind the WISE reported for.
pub fn previous_figures(
    conn: &mut DbConn,
    organisation_id: i32,
    period: &Period,
) -> QueryResult<Option<(String, Figures)>> {
    let earlier: Option<(i32, String)> = submissions::table
        .inner_join(reporting_periods::table)
        .filter(submissions::organisation_id.eq(organisation_id))
        .filter(reporting_periods::kind.eq(&period.kind))
        .filter(reporting_periods::ends_on.lt(period.starts_on))
        .order(reporting_periods::ends_on.desc())
        .select((submissions::id, reporting_periods::key))
        .first(conn)
        .optional()?;
    let Some((id, key)) = earlier else {
        return Ok(None);
    };
    Ok(latest(conn, id)?.map(|r| (key, r.figures)))
}

/// A submission as the status overview shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filed {
    pub submission_id: i32,
    pub organisation_id: i32,
    pub status: String,
    /// When it was first submitted (a draft has none).
    pub first_submitted_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
    /// The newest revision's number.
    pub revisions: i32,
}

/// Every submission for a period, with when each was first submitted.
pub fn filed_for_period(conn: &mut DbConn, period_id: i32) -> QueryResult<Vec<Filed>> {
    let rows: Vec<Submission> =
        submissions::table.filter(submissions::period_id.eq(period_id)).select(Submission::as_select()).load(conn)?;
    let firsts: Vec<(i32, Option<NaiveDateTime>)> = submission_events::table
        .inner_join(submissions::table)
        .filter(submissions::period_id.eq(period_id))
        .filter(submission_events::event.eq("submitted"))
        .group_by(submission_events::submission_id)
        .select((submission_events::submission_id, diesel::dsl::min(submission_events::created_at)))
        .load(conn)?;
    let counts: Vec<(i32, Option<i32>)> = submission_revisions::table
        .inner_join(submissions::table)
        .filter(submissions::period_id.eq(period_id))
        .group_by(submission_revisions::submission_id)
        .select((submission_revisions::submission_id, diesel::dsl::max(submission_revisions::number)))
        .load(conn)?;
    let firsts: std::collections::HashMap<i32, NaiveDateTime> =
        firsts.into_iter().filter_map(|(id, at)| at.map(|at| (id, at))).collect();
    let counts: std::collections::HashMap<i32, i32> =
        counts.into_iter().filter_map(|(id, n)| n.map(|n| (id, n))).collect();
    Ok(rows
        .into_iter()
        .map(|s| Filed {
            submission_id: s.id,
            organisation_id: s.organisation_id,
            first_submitted_at: firsts.get(&s.id).copied(),
            revisions: counts.get(&s.id).copied().unwrap_or(0),
            status: s.status,
            updated_at: s.updated_at,
        })
        .collect())
}
