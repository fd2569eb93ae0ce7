//! Submissions: one per WISE per period, with every version of its figures kept as
//! a numbered revision (who, when, from where). The newest revision counts; nothing
//! is overwritten or deleted.

mod read;

pub use read::*;

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use super::periods::Period;
use super::values::{Figures, FLOWS, STOCKS};
use crate::db::schema::{
    reporting_periods, revision_target_groups, submission_events, submission_revisions, submissions,
};
use crate::db::{write_tx, DbConn};

/// Where a revision came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Form,
    Import,
    Api,
    Demo,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Form => "form",
            Source::Import => "import",
            Source::Api => "api",
            Source::Demo => "demo",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Serialize)]
#[diesel(table_name = submissions)]
pub struct Submission {
    pub id: i32,
    pub organisation_id: i32,
    pub period_id: i32,
    pub status: String,
    pub review_comment: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = submission_revisions)]
struct RevisionRow {
    id: i32,
    submission_id: i32,
    number: i32,
    paid_target_group: i32,
    paid_regular: i32,
    trainees: i32,
    daytime_activities: i32,
    volunteers: i32,
    new_participants: i32,
    moved_to_paid_internal: i32,
    moved_to_paid_external: i32,
    moved_to_education: i32,
    other_exits: i32,
    fte_target_group_hundredths: Option<i32>,
    turnover_eur: Option<i64>,
    source: String,
    created_by: Option<i32>,
    created_at: NaiveDateTime,
}

/// One version of a submission's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Revision {
    pub number: i32,
    pub figures: Figures,
    pub source: String,
    pub created_by: Option<i32>,
    pub created_at: NaiveDateTime,
}

fn count(n: i64) -> i32 {
    // Counts are checked to at most values::MAX_COUNT before they get here.
    i32::try_from(n).expect("a checked count fits")
}

/// What [`save`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub submission_id: i32,
    /// The number of the newest revision (the one that counts).
    pub revision: i32,
    /// Whether the figures differed from the newest revision, so a revision was added.
    pub new_revision: bool,
    /// The submission's status afterwards.
    pub status: String,
    /// Whether anything was written at all.
    pub changed: bool,
}

/// Stores `figures` for the WISE and period, in one transaction: a new revision
/// when they differ from the newest one (creating the submission if there is none),
/// and the status — `submitted` when `submit`, else `draft`. Figures equal to the
/// newest revision add no revision, and submitting them unchanged leaves an
/// accepted submission accepted, so storing the same figures twice changes nothing.
/// Every change is recorded as an event. Drafts are only for submissions that were
/// never submitted; the pages offer nothing else.
#[allow(clippy::too_many_arguments)]
pub fn save(
    conn: &mut DbConn,
    organisation_id: i32,
    period_id: i32,
    figures: &Figures,
    submit: bool,
    source: Source,
    user: Option<i32>,
    now: NaiveDateTime,
) -> QueryResult<Saved> {
    write_tx(conn, |conn| {
        let existing = find(conn, organisation_id, period_id)?;
        let submission_id = match &existing {
            Some(existing) => existing.id,
            None => {
                diesel::insert_into(submissions::table)
                    .values((
                        submissions::organisation_id.eq(organisation_id),
                        submissions::period_id.eq(period_id),
                        submissions::status.eq(if submit { "submitted" } else { "draft" }),
                        submissions::created_at.eq(now),
                        submissions::updated_at.eq(now),
                    ))
                    .execute(conn)?;
                find(conn, organisation_id, period_id)?.expect("just inserted").id
            }
        };
        let newest = latest(conn, submission_id)?;
        let new_revision = newest.as_ref().is_none_or(|r| r.figures != *figures);
        let revision = match &newest {
            Some(r) if !new_revision => r.number,
            _ => insert_revision(conn, submission_id, newest.map_or(1, |r| r.number + 1), figures, source, user, now)?,
        };
        let before = existing.as_ref().map(|e| e.status.as_str());
        let status = match (submit, before) {
            (true, Some("accepted")) if !new_revision => "accepted",
            (true, _) => "submitted",
            (false, _) => "draft",
        };
        let changed = new_revision || before != Some(status);
        if changed {
            diesel::update(submissions::table.find(submission_id))
                .set((submissions::status.eq(status), submissions::updated_at.eq(now)))
                .execute(conn)?;
            record_event(conn, submission_id, status, revision, None, user, now)?;
            refresh_current(conn, submission_id, organisation_id, period_id, status != "draft", figures)?;
        }
        Ok(Saved { submission_id, revision, new_revision, status: status.to_string(), changed })
    })
}

/// Submits the figures of many (WISE, period) pairs at once, each as [`save`] with
/// `submit` would, in one transaction and with multi-row statements: the import's
/// path. Each pair may occur once. Returns what was done for each item, in order.
pub fn submit_many(
    conn: &mut DbConn,
    items: &[(i32, i32, &Figures)],
    source: Source,
    user: Option<i32>,
    now: NaiveDateTime,
) -> QueryResult<Vec<Saved>> {
    const CHUNK: usize = 500;
    write_tx(conn, |conn| {
        // The submissions there are, and their newest revisions.
        let wanted: HashSet<(i32, i32)> = items.iter().map(|(o, p, _)| (*o, *p)).collect();
        let mut organisations: Vec<i32> = items.iter().map(|(o, _, _)| *o).collect();
        organisations.sort_unstable();
        organisations.dedup();
        let mut existing: HashMap<(i32, i32), Submission> = HashMap::new();
        for chunk in organisations.chunks(CHUNK) {
            let found: Vec<Submission> = submissions::table
                .filter(submissions::organisation_id.eq_any(chunk))
                .select(Submission::as_select())
                .load(conn)?;
            existing.extend(
                found
                    .into_iter()
                    .filter(|s| wanted.contains(&(s.organisation_id, s.period_id)))
                    .map(|s| ((s.organisation_id, s.period_id), s)),
            );
        }
        let ids: Vec<i32> = existing.values().map(|s| s.id).collect();
        let mut newest: HashMap<i32, Revision> = HashMap::new();
        for chunk in ids.chunks(CHUNK) {
            // Oldest first: the last one kept is the newest.
            newest.extend(revisions_of(conn, chunk)?);
        }

        // New submissions, all at once.
        let fresh: Vec<_> = items
            .iter()
            .filter(|(o, p, _)| !existing.contains_key(&(*o, *p)))
            .map(|(o, p, _)| {
                (
                    submissions::organisation_id.eq(*o),
                    submissions::period_id.eq(*p),
                    submissions::status.eq("submitted"),
                    submissions::created_at.eq(now),
                    submissions::updated_at.eq(now),
                )
            })
            .collect();
        let mut created: HashMap<(i32, i32), i32> = HashMap::new();
        for chunk in fresh.chunks(CHUNK) {
            let rows: Vec<(i32, i32, i32)> = crate::per_backend!(conn, c => diesel::insert_into(submissions::table)
                .values(chunk)
                .returning((submissions::id, submissions::organisation_id, submissions::period_id))
                .get_results(c))?;
            created.extend(rows.into_iter().map(|(id, o, p)| ((o, p), id)));
        }

        // What each item does, as `save` decides it.
        let mut saved = Vec::with_capacity(items.len());
        for (o, p, figures) in items {
            let result = match existing.get(&(*o, *p)) {
                None => Saved {
                    submission_id: created[&(*o, *p)],
                    revision: 1,
                    new_revision: true,
                    status: "submitted".into(),
                    changed: true,
                },
                Some(submission) => {
                    let before = newest.get(&submission.id);
                    let new_revision = before.is_none_or(|r| r.figures != **figures);
                    let status =
                        if submission.status == "accepted" && !new_revision { "accepted" } else { "submitted" };
                    Saved {
                        submission_id: submission.id,
                        revision: before.map_or(1, |r| if new_revision { r.number + 1 } else { r.number }),
                        new_revision,
                        status: status.into(),
                        changed: new_revision || submission.status != status,
                    }
                }
            };
            saved.push(result);
        }

        // The new revisions and their target groups.
        let revisions: Vec<NewRevision> = saved
            .iter()
            .zip(items)
            .filter(|(s, _)| s.new_revision)
            .map(|(s, (_, _, figures))| NewRevision::new(s.submission_id, s.revision, figures, source, user, now))
            .collect();
        let mut revision_ids: HashMap<i32, i32> = HashMap::new();
        for chunk in revisions.chunks(CHUNK) {
            let rows: Vec<(i32, i32)> = crate::per_backend!(conn, c => diesel::insert_into(submission_revisions::table)
                .values(chunk)
                .returning((submission_revisions::submission_id, submission_revisions::id))
                .get_results(c))?;
            revision_ids.extend(rows);
        }
        let groups: Vec<NewGroup> = saved
            .iter()
            .zip(items)
            .filter(|(s, _)| s.new_revision)
            .flat_map(|(s, (_, _, figures))| group_rows(revision_ids[&s.submission_id], figures))
            .collect();
        for chunk in groups.chunks(CHUNK) {
            crate::per_backend!(conn, c => diesel::insert_into(revision_target_groups::table).values(chunk).execute(c))?;
        }

        // Status, events and current figures of every changed submission.
        let changed: Vec<(&Saved, &(i32, i32, &Figures))> =
            saved.iter().zip(items).filter(|(s, _)| s.changed).collect();
        let updated: Vec<i32> = changed
            .iter()
            .filter(|(_, (o, p, _))| existing.contains_key(&(*o, *p)))
            .map(|(s, _)| s.submission_id)
            .collect();
        for chunk in updated.chunks(CHUNK) {
            diesel::update(submissions::table.filter(submissions::id.eq_any(chunk)))
                .set((submissions::status.eq("submitted"), submissions::updated_at.eq(now)))
                .execute(conn)?;
        }
        let events: Vec<_> = changed
            .iter()
            .map(|(s, _)| {
                (
                    submission_events::submission_id.eq(s.submission_id),
                    submission_events::event.eq("submitted"),
                    submission_events::revision_number.eq(s.revision),
                    submission_events::comment.eq(None::<String>),
                    submission_events::user_id.eq(user),
                    submission_events::created_at.eq(now),
                )
            })
            .collect();
        for chunk in events.chunks(CHUNK) {
            crate::per_backend!(conn, c => diesel::insert_into(submission_events::table).values(chunk).execute(c))?;
        }
        use crate::db::schema::current_figures as cf;
        let changed_ids: Vec<i32> = changed.iter().map(|(s, _)| s.submission_id).collect();
        for chunk in changed_ids.chunks(CHUNK) {
            diesel::delete(cf::table.filter(cf::submission_id.eq_any(chunk))).execute(conn)?;
        }
        let current: Vec<NewCurrent> = changed
            .iter()
            .map(|(s, (o, p, figures))| NewCurrent::new(s.submission_id, *o, *p, true, figures))
            .collect();
        for chunk in current.chunks(CHUNK) {
            crate::per_backend!(conn, c => diesel::insert_into(cf::table).values(chunk).execute(c))?;
        }
        Ok(saved)
    })
}

/// The operator's verdict on a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Accept,
    /// Back to the WISE, with what to correct.
    Return(String),
}

/// Accepts or returns a submission (its newest revision), recording the event.
pub fn review(
    conn: &mut DbConn,
    submission_id: i32,
    verdict: &Verdict,
    user: Option<i32>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    write_tx(conn, |conn| {
        let revision = latest(conn, submission_id)?.map_or(1, |r| r.number);
        let (status, comment) = match verdict {
            Verdict::Accept => ("accepted", None),
            Verdict::Return(comment) => ("returned", Some(comment.as_str())),
        };
        diesel::update(submissions::table.find(submission_id))
            .set((
                submissions::status.eq(status),
                submissions::review_comment.eq(comment),
                submissions::updated_at.eq(now),
            ))
            .execute(conn)?;
        // Accepted and returned submissions count in reports as submitted ones do, and
        // a review changes no figures: `current_figures` stays as it is.
        record_event(conn, submission_id, status, revision, comment, user, now)
    })
}

/// Rewrites the submission's row in `current_figures` (what reports read): its newest
/// `figures` and whether it counts (`counted`: not a draft). Runs inside the caller's
/// transaction.
fn refresh_current(
    conn: &mut DbConn,
    submission_id: i32,
    organisation_id: i32,
    period_id: i32,
    counted: bool,
    figures: &Figures,
) -> QueryResult<()> {
    use crate::db::schema::current_figures as cf;
    diesel::delete(cf::table.find(submission_id)).execute(conn)?;
    let row = NewCurrent::new(submission_id, organisation_id, period_id, counted, figures);
    diesel::insert_into(cf::table).values(&row).execute(conn)?;
    Ok(())
}

/// A row of `current_figures`.
#[derive(Insertable)]
#[diesel(table_name = crate::db::schema::current_figures)]
pub(crate) struct NewCurrent {
    submission_id: i32,
    organisation_id: i32,
    period_id: i32,
    counted: bool,
    paid_target_group: i32,
    paid_regular: i32,
    trainees: i32,
    daytime_activities: i32,
    volunteers: i32,
    new_participants: i32,
    moved_to_paid_internal: i32,
    moved_to_paid_external: i32,
    moved_to_education: i32,
    other_exits: i32,
    target_groups: String,
}

impl NewCurrent {
    pub(crate) fn new(
        submission_id: i32,
        organisation_id: i32,
        period_id: i32,
        counted: bool,
        figures: &Figures,
    ) -> Self {
        let [paid_target_group, paid_regular, trainees, daytime_activities, volunteers] = figures.stocks.map(count);
        let [new_participants, moved_to_paid_internal, moved_to_paid_external, moved_to_education, other_exits] =
            figures.flows.map(count);
        let groups: Vec<String> = figures.target_groups.iter().map(|(g, n)| format!("{g}:{n}")).collect();
        Self {
            submission_id,
            organisation_id,
            period_id,
            counted,
            paid_target_group,
            paid_regular,
            trainees,
            daytime_activities,
            volunteers,
            new_participants,
            moved_to_paid_internal,
            moved_to_paid_external,
            moved_to_education,
            other_exits,
            target_groups: groups.join(","),
        }
    }
}

/// A row of `submission_revisions`.
#[derive(Insertable)]
#[diesel(table_name = submission_revisions)]
pub(crate) struct NewRevision {
    submission_id: i32,
    number: i32,
    paid_target_group: i32,
    paid_regular: i32,
    trainees: i32,
    daytime_activities: i32,
    volunteers: i32,
    new_participants: i32,
    moved_to_paid_internal: i32,
    moved_to_paid_external: i32,
    moved_to_education: i32,
    other_exits: i32,
    fte_target_group_hundredths: Option<i32>,
    turnover_eur: Option<i64>,
    source: &'static str,
    created_by: Option<i32>,
    created_at: NaiveDateTime,
}

impl NewRevision {
    pub(crate) fn new(
        submission_id: i32,
        number: i32,
        figures: &Figures,
        source: Source,
        user: Option<i32>,
        now: NaiveDateTime,
    ) -> Self {
        let [paid_target_group, paid_regular, trainees, daytime_activities, volunteers] = figures.stocks.map(count);
        let [new_participants, moved_to_paid_internal, moved_to_paid_external, moved_to_education, other_exits] =
            figures.flows.map(count);
        NewRevision {
            submission_id,
            number,
            paid_target_group,
            paid_regular,
            trainees,
            daytime_activities,
            volunteers,
            new_participants,
            moved_to_paid_internal,
            moved_to_paid_external,
            moved_to_education,
            other_exits,
            fte_target_group_hundredths: figures.fte_target_group_hundredths.map(count),
            turnover_eur: figures.turnover_eur,
            source: source.as_str(),
            created_by: user,
            created_at: now,
        }
    }
}

/// The rows of `revision_target_groups` for a revision's figures.
pub(crate) fn group_rows(revision_id: i32, figures: &Figures) -> impl Iterator<Item = NewGroup<'_>> {
    figures.target_groups.iter().map(move |(group, people)| NewGroup {
        revision_id,
        target_group: group,
        people: count(*people),
    })
}

#[derive(Insertable)]
#[diesel(table_name = revision_target_groups)]
pub(crate) struct NewGroup<'a> {
    revision_id: i32,
    target_group: &'a str,
    people: i32,
}

fn record_event(
    conn: &mut DbConn,
    submission_id: i32,
    event: &str,
    revision_number: i32,
    comment: Option<&str>,
    user: Option<i32>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(submission_events::table)
        .values((
            submission_events::submission_id.eq(submission_id),
            submission_events::event.eq(event),
            submission_events::revision_number.eq(revision_number),
            submission_events::comment.eq(comment),
            submission_events::user_id.eq(user),
            submission_events::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Something that happened to a submission.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Serialize)]
#[diesel(table_name = submission_events)]
pub struct Event {
    /// `draft`, `submitted`, `returned` or `accepted`.
    pub event: String,
    /// The revision it concerned.
    pub revision_number: i32,
    pub comment: Option<String>,
    pub user_id: Option<i32>,
    pub created_at: NaiveDateTime,
}

/// What happened to a submission, oldest first.
pub fn events(conn: &mut DbConn, submission_id: i32) -> QueryResult<Vec<Event>> {
    submission_events::table
        .filter(submission_events::submission_id.eq(submission_id))
        .order(submission_events::id)
        .select(Event::as_select())
        .load(conn)
}

fn insert_revision(
    conn: &mut DbConn,
    submission_id: i32,
    number: i32,
    figures: &Figures,
    source: Source,
    user: Option<i32>,
    now: NaiveDateTime,
) -> QueryResult<i32> {
    let row = NewRevision::new(submission_id, number, figures, source, user, now);
    let revision_id: i32 = crate::per_backend!(conn, c => diesel::insert_into(submission_revisions::table)
        .values(&row)
        .returning(submission_revisions::id)
        .get_result(c))?;
    let groups: Vec<NewGroup> = group_rows(revision_id, figures).collect();
    if !groups.is_empty() {
        crate::per_backend!(conn, c => diesel::insert_into(revision_target_groups::table).values(&groups).execute(c))?;
    }
    Ok(number)
}
