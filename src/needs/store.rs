//! Queries of needs, their matches and their deals. Writes run inside the caller's
//! transaction (`db::write_tx`), with the mails and the audit entry of the change.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::model::{Deal, Need, NeedMatch, ValidNeed};
use crate::db::schema::{need_deals, need_matches, needs, organisations};
use crate::db::DbConn;

/// Stores a new need of `buyer_org` as a draft; its id.
pub fn create(conn: &mut DbConn, buyer_org: i32, user: i32, need: &ValidNeed, now: NaiveDateTime) -> QueryResult<i32> {
    let i = &need.input;
    let questions: Vec<&str> = i.questions.iter().map(|q| q.trim()).filter(|q| !q.is_empty()).collect();
    diesel::insert_into(needs::table)
        .values((
            needs::buying_organisation_id.eq(buyer_org),
            needs::created_by.eq(user),
            needs::title.eq(i.title.trim()),
            needs::description.eq(i.description.trim()),
            needs::kind.eq(&i.kind),
            needs::offering_kind.eq(&i.offering_kind),
            needs::cpv_codes.eq(&need.cpv_codes),
            needs::location.eq(&i.location),
            needs::municipality.eq(Some(i.municipality.trim()).filter(|m| !m.is_empty() && i.location != "national")),
            needs::radius_km.eq(i.radius_km.filter(|_| i.location == "radius")),
            needs::amount_band.eq(&i.amount_band),
            needs::amount_eur.eq(i.amount_eur.filter(|_| i.amount_band == "exact")),
            needs::deadline.eq(need.deadline),
            needs::starts_on.eq(need.starts_on),
            needs::reserved.eq(i.reserved),
            needs::respond_how.eq(&i.respond_how),
            needs::respond_to.eq(Some(i.respond_to.trim()).filter(|r| !r.is_empty() && i.respond_how != "platform")),
            needs::questions.eq(questions.join("\n")),
            needs::status.eq("draft"),
            needs::status_changed_at.eq(now),
            needs::created_at.eq(now),
            needs::updated_at.eq(now),
        ))
        .execute(conn)?;
    needs::table
        .filter(needs::buying_organisation_id.eq(buyer_org))
        .order(needs::id.desc())
        .select(needs::id)
        .first(conn)
}

/// Saves a buyer's changes to a draft or returned need.
pub fn update(conn: &mut DbConn, id: i32, need: &ValidNeed, now: NaiveDateTime) -> QueryResult<()> {
    let i = &need.input;
    let questions: Vec<&str> = i.questions.iter().map(|q| q.trim()).filter(|q| !q.is_empty()).collect();
    diesel::update(needs::table.find(id))
        .set((
            needs::title.eq(i.title.trim()),
            needs::description.eq(i.description.trim()),
            needs::kind.eq(&i.kind),
            needs::offering_kind.eq(&i.offering_kind),
            needs::cpv_codes.eq(&need.cpv_codes),
            needs::location.eq(&i.location),
            needs::municipality.eq(Some(i.municipality.trim()).filter(|m| !m.is_empty() && i.location != "national")),
            needs::radius_km.eq(i.radius_km.filter(|_| i.location == "radius")),
            needs::amount_band.eq(&i.amount_band),
            needs::amount_eur.eq(i.amount_eur.filter(|_| i.amount_band == "exact")),
            needs::deadline.eq(need.deadline),
            needs::starts_on.eq(need.starts_on),
            needs::reserved.eq(i.reserved),
            needs::respond_how.eq(&i.respond_how),
            needs::respond_to.eq(Some(i.respond_to.trim()).filter(|r| !r.is_empty() && i.respond_how != "platform")),
            needs::questions.eq(questions.join("\n")),
            needs::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn get(conn: &mut DbConn, id: i32) -> QueryResult<Option<Need>> {
    needs::table.find(id).select(Need::as_select()).first(conn).optional()
}

/// Moves a need from one of `from` to `to`; false when it was in none of them.
pub fn set_status(
    conn: &mut DbConn,
    id: i32,
    from: &[&str],
    to: &str,
    comment: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let changed = diesel::update(needs::table.find(id))
        .filter(needs::status.eq_any(from))
        .set((needs::status.eq(to), needs::status_comment.eq(comment), needs::status_changed_at.eq(now)))
        .execute(conn)?;
    if changed == 1 && to == "published" {
        diesel::update(needs::table.find(id)).set(needs::published_at.eq(now)).execute(conn)?;
    }
    Ok(changed == 1)
}

/// The needs of a buying organisation, newest first.
pub fn of_buyer(conn: &mut DbConn, buyer_org: i32) -> QueryResult<Vec<Need>> {
    needs::table
        .filter(needs::buying_organisation_id.eq(buyer_org))
        .order(needs::id.desc())
        .select(Need::as_select())
        .load(conn)
}

/// Every need in `status` (all when `None`), oldest change first: the operator's queue.
pub fn all(conn: &mut DbConn, status: Option<&str>) -> QueryResult<Vec<Need>> {
    let mut q = needs::table.order(needs::status_changed_at).select(Need::as_select()).into_boxed();
    if let Some(status) = status {
        q = q.filter(needs::status.eq(status.to_string()));
    }
    q.load(conn)
}

/// How many needs are in each status.
pub fn status_counts(conn: &mut DbConn) -> QueryResult<Vec<(String, i64)>> {
    needs::table.group_by(needs::status).select((needs::status, diesel::dsl::count_star())).load(conn)
}

/// The published needs a WISE was alerted to, with its row, newest first.
pub fn of_wise(conn: &mut DbConn, organisation: i32) -> QueryResult<Vec<(Need, NeedMatch)>> {
    needs::table
        .inner_join(need_matches::table)
        .filter(need_matches::organisation_id.eq(organisation))
        .filter(need_matches::alerted_at.is_not_null())
        .filter(need_matches::removed_at.is_null())
        .filter(needs::status.eq("published"))
        .order(needs::deadline.desc())
        .select((Need::as_select(), NeedMatch::as_select()))
        .load(conn)
}

/// Every row of a need (removed ones too), with the WISE's name and slug, by rank.
pub fn matches(conn: &mut DbConn, need: i32) -> QueryResult<Vec<(NeedMatch, String, String, String)>> {
    need_matches::table
        .inner_join(organisations::table)
        .filter(need_matches::need_id.eq(need))
        .order((need_matches::rank, organisations::name))
        .select((NeedMatch::as_select(), organisations::name, organisations::slug, organisations::kvk_number))
        .load(conn)
}

pub fn match_of(conn: &mut DbConn, need: i32, organisation: i32) -> QueryResult<Option<NeedMatch>> {
    need_matches::table.find((need, organisation)).select(NeedMatch::as_select()).first(conn).optional()
}

/// Inserts a (need, WISE) row unless there is one; true when inserted.
pub fn insert_match(
    conn: &mut DbConn,
    need: i32,
    organisation: i32,
    source: &str,
    rank: i32,
    reason: Option<&str>,
    removed_at: Option<NaiveDateTime>,
) -> QueryResult<bool> {
    if match_of(conn, need, organisation)?.is_some() {
        return Ok(false);
    }
    diesel::insert_into(need_matches::table)
        .values((
            need_matches::need_id.eq(need),
            need_matches::organisation_id.eq(organisation),
            need_matches::source.eq(source),
            need_matches::rank.eq(rank),
            need_matches::reason.eq(reason),
            need_matches::removed_at.eq(removed_at),
        ))
        .execute(conn)?;
    Ok(true)
}

/// The operator takes a WISE off a need's list (`removed`) or puts it back on, with a reason.
pub fn set_removed(
    conn: &mut DbConn,
    need: i32,
    organisation: i32,
    removed: Option<NaiveDateTime>,
    reason: &str,
) -> QueryResult<bool> {
    let changed = diesel::update(need_matches::table.find((need, organisation)))
        .set((need_matches::removed_at.eq(removed), need_matches::reason.eq(reason)))
        .execute(conn)?;
    Ok(changed == 1)
}

/// Records that the WISE opened the need (first time only).
pub fn mark_opened(conn: &mut DbConn, need: i32, organisation: i32, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(need_matches::table.find((need, organisation)))
        .filter(need_matches::opened_at.is_null())
        .filter(need_matches::alerted_at.is_not_null())
        .set(need_matches::opened_at.eq(now))
        .execute(conn)?;
    Ok(())
}

/// A WISE's answer.
pub struct Response<'a> {
    pub response: &'a str,
    pub message: Option<&'a str>,
    pub answers: Option<&'a str>,
    pub decline_reason: Option<&'a str>,
    pub contact_ok: bool,
}

pub fn respond(conn: &mut DbConn, need: i32, organisation: i32, r: &Response, now: NaiveDateTime) -> QueryResult<bool> {
    let changed = diesel::update(need_matches::table.find((need, organisation)))
        .filter(need_matches::alerted_at.is_not_null())
        .filter(need_matches::removed_at.is_null())
        .set((
            need_matches::response.eq(r.response),
            need_matches::message.eq(r.message),
            need_matches::answers.eq(r.answers),
            need_matches::decline_reason.eq(r.decline_reason),
            need_matches::contact_ok.eq(r.contact_ok),
            need_matches::responded_at.eq(now),
            need_matches::opened_at.eq(diesel::dsl::sql::<diesel::sql_types::Nullable<diesel::sql_types::Timestamp>>(
                "COALESCE(opened_at, responded_at)",
            )),
        ))
        .execute(conn)?;
    Ok(changed == 1)
}

/// How many WISEs are interested (alone or together) in a need.
pub fn interested_count(conn: &mut DbConn, need: i32) -> QueryResult<i64> {
    need_matches::table
        .filter(need_matches::need_id.eq(need))
        .filter(need_matches::response.eq_any(["interested", "joint"]))
        .count()
        .get_result(conn)
}

pub fn deals(conn: &mut DbConn, need: i32) -> QueryResult<Vec<(Deal, String)>> {
    need_deals::table
        .inner_join(organisations::table)
        .filter(need_deals::need_id.eq(need))
        .order(organisations::name)
        .select((Deal::as_select(), organisations::name))
        .load(conn)
}

pub fn deal_of(conn: &mut DbConn, need: i32, organisation: i32) -> QueryResult<Option<Deal>> {
    need_deals::table
        .filter(need_deals::need_id.eq(need))
        .filter(need_deals::organisation_id.eq(organisation))
        .select(Deal::as_select())
        .first(conn)
        .optional()
}

/// Reports a deal (or changes the amount of one not yet confirmed): `reported` again.
pub fn report_deal(
    conn: &mut DbConn,
    need: i32,
    organisation: i32,
    amount: i64,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    match deal_of(conn, need, organisation)? {
        Some(deal) => {
            diesel::update(need_deals::table.find(deal.id))
                .set((
                    need_deals::amount_eur.eq(amount),
                    need_deals::reported_by.eq(by),
                    need_deals::status.eq("reported"),
                    need_deals::comment.eq(None::<String>),
                    need_deals::updated_at.eq(now),
                ))
                .execute(conn)?;
        }
        None => {
            diesel::insert_into(need_deals::table)
                .values((
                    need_deals::need_id.eq(need),
                    need_deals::organisation_id.eq(organisation),
                    need_deals::amount_eur.eq(amount),
                    need_deals::reported_by.eq(by),
                    need_deals::reported_at.eq(now),
                    need_deals::status.eq("reported"),
                    need_deals::updated_at.eq(now),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// Confirms or disputes a reported deal; `decided_by` is the operator when they decide.
pub fn settle_deal(
    conn: &mut DbConn,
    deal: i32,
    status: &str,
    comment: Option<&str>,
    decided_by: Option<i32>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let changed = diesel::update(need_deals::table.find(deal))
        .set((
            need_deals::status.eq(status),
            need_deals::comment.eq(comment),
            need_deals::decided_by.eq(decided_by),
            need_deals::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(changed == 1)
}

/// The buyer's answers besides the deals.
pub fn record_outcome(
    conn: &mut DbConn,
    need: i32,
    found_without: Option<&str>,
    share: bool,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(needs::table.find(need))
        .set((
            needs::found_without_platform.eq(found_without),
            needs::share_as_example.eq(share),
            needs::outcome_reported_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// A fulfilled need, its buyer's name, and the (name, slug) of each WISE it bought from.
pub type Fulfilled = (Need, String, Vec<(String, String)>);

/// Fulfilled needs whose buyers agreed to show them.
pub fn fulfilled_examples(conn: &mut DbConn) -> QueryResult<Vec<Fulfilled>> {
    use crate::db::schema::buying_organisations;
    let rows: Vec<(Need, String)> = needs::table
        .inner_join(buying_organisations::table)
        .filter(needs::share_as_example.eq(true))
        .filter(needs::status.eq("published"))
        .filter(diesel::dsl::exists(
            need_deals::table.filter(need_deals::need_id.eq(needs::id)).filter(need_deals::status.eq("confirmed")),
        ))
        .order(needs::deadline.desc())
        .select((Need::as_select(), buying_organisations::name))
        .load(conn)?;
    let mut out = Vec::new();
    for (need, buyer) in rows {
        let wises: Vec<(String, String)> = need_deals::table
            .inner_join(organisations::table)
            .filter(need_deals::need_id.eq(need.id))
            .filter(need_deals::status.eq("confirmed"))
            .filter(crate::organisation::public())
            .select((organisations::name, organisations::slug))
            .load(conn)?;
        out.push((need, buyer, wises));
    }
    Ok(out)
}

/// Needs still waiting for something by date: a helper of the scheduled steps.
pub fn published_open_on(conn: &mut DbConn, today: NaiveDate) -> QueryResult<Vec<Need>> {
    needs::table
        .filter(needs::status.eq("published"))
        .filter(needs::deadline.ge(today))
        .select(Need::as_select())
        .load(conn)
}
