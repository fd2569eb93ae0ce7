//! A published need's life after the operator's click: the matched WISEs are fixed,
//! alerted in batches, reminded once, and after the deadline both sides are asked how
//! it ended. [`run_due`] does every step that is due, and each step records what it
//! did in the row it concerns in the transaction that writes its mail, so a step runs
//! once however often (and in however many processes) it is called.

use chrono::{Datelike, Duration, NaiveDateTime, Weekday};
use diesel::prelude::*;

use super::mails::{self, Details};
use super::matching;
use super::model::Need;
use super::store;
use crate::audit::{self, Actor};
use crate::config::Config;
use crate::db::schema::{need_matches, needs, organisations};
use crate::db::DbConn;
use crate::render::templates::Templates;
use crate::web::AppState;

/// What the flow needs besides the database.
pub struct Env<'a> {
    pub config: &'a Config,
    pub templates: &'a Templates,
    pub now: NaiveDateTime,
}

impl<'a> Env<'a> {
    /// The application's configuration and templates, at `now`.
    pub fn of(state: &'a AppState, now: NaiveDateTime) -> Self {
        Env { config: &state.config, templates: &state.templates, now }
    }
}

/// `at` plus `days` working days (Saturdays and Sundays skipped).
pub fn add_working_days(at: NaiveDateTime, days: i64) -> NaiveDateTime {
    let mut t = at;
    let mut left = days;
    while left > 0 {
        t += Duration::days(1);
        if !matches!(t.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    t
}

fn buyer_name(conn: &mut DbConn, need: &Need) -> QueryResult<String> {
    Ok(crate::buying::store::by_id(conn, need.buying_organisation_id)?.map(|b| b.name).unwrap_or_default())
}

/// Fixes a submitted need's list (the rules' matches under the operator's changes),
/// publishes it and alerts the first batch; the number alerted. Call in a transaction.
pub fn publish(conn: &mut DbConn, env: &Env, need: &Need) -> anyhow::Result<Option<usize>> {
    let found = matching::candidates(conn, &env.config.needs, need, env.now.date())?;
    for (rank, c) in found.candidates.iter().enumerate() {
        store::insert_match(
            conn,
            need.id,
            c.organisation_id,
            "matched",
            i32::try_from(rank).unwrap_or(i32::MAX),
            None,
            None,
        )?;
    }
    if !store::set_status(conn, need.id, &["submitted"], "published", None, env.now)? {
        return Ok(None);
    }
    let need = store::get(conn, need.id)?.expect("just published");
    let buyer = buyer_name(conn, &need)?;
    let contacts = mails::buyer_contacts(conn, &need)?;
    mails::send(conn, env, &need, &buyer, "published", &contacts, Details::default())?;
    Ok(Some(alert_next_batch(conn, env, &need)?))
}

/// Alerts the next batch of a published, open need's WISEs if one is due: none yet, or
/// the last one `batch_hours` ago while fewer than `enough_interested` are interested.
/// WISEs no longer approved are skipped. When nobody was or can be alerted, the
/// operators are told (once). The number alerted.
pub fn alert_next_batch(conn: &mut DbConn, env: &Env, need: &Need) -> anyhow::Result<usize> {
    let settings = &env.config.needs;
    if !need.is_open(env.now.date()) {
        return Ok(0);
    }
    let rows: Vec<(i32, Option<i32>, Option<NaiveDateTime>, String)> = need_matches::table
        .inner_join(organisations::table)
        .filter(need_matches::need_id.eq(need.id))
        .filter(need_matches::removed_at.is_null())
        .filter(crate::organisation::public())
        .order((need_matches::rank, organisations::name))
        .select((need_matches::organisation_id, need_matches::batch, need_matches::alerted_at, organisations::name))
        .load(conn)?;
    // The pace follows the batches; a WISE a needs digest alerted (no batch) only
    // leaves the batches, it does not delay them.
    let last = rows.iter().filter(|r| r.1.is_some()).filter_map(|r| r.2).max();
    let waiting: Vec<&(i32, Option<i32>, Option<NaiveDateTime>, String)> =
        rows.iter().filter(|r| r.2.is_none()).take(settings.batch_size).collect();
    if rows.is_empty() {
        if need.operator_told_at.is_none() {
            let buyer = buyer_name(conn, need)?;
            let operators = mails::operators(conn)?;
            mails::send(conn, env, need, &buyer, "nobody", &operators, Details::default())?;
            diesel::update(needs::table.find(need.id)).set(needs::operator_told_at.eq(env.now)).execute(conn)?;
        }
        return Ok(0);
    }
    if last.is_some_and(|t| t + Duration::hours(settings.batch_hours) > env.now)
        || store::interested_count(conn, need.id)? >= i64::try_from(settings.enough_interested).unwrap_or(i64::MAX)
    {
        return Ok(0);
    }
    let batch = rows.iter().filter_map(|r| r.1).max().unwrap_or(0) + 1;
    let buyer = buyer_name(conn, need)?;
    for (organisation, _, _, wise) in &waiting {
        diesel::update(need_matches::table.find((need.id, *organisation)))
            .set((need_matches::alerted_at.eq(env.now), need_matches::batch.eq(batch)))
            .execute(conn)?;
        let contacts = mails::wise_contacts(conn, *organisation)?;
        let details = Details { wise: Some(wise), ..Details::default() };
        mails::send(conn, env, need, &buyer, "alert", &contacts, details)?;
    }
    Ok(waiting.len())
}

/// Runs every step that is due at `env.now`; the number of mails written.
pub fn run_due(conn: &mut DbConn, env: &Env) -> anyhow::Result<usize> {
    let mut mails_written = 0;
    let settings = &env.config.needs;
    let today = env.now.date();

    // Returned and left unchanged: withdrawn.
    let cutoff = env.now - Duration::days(settings.withdraw_returned_days);
    let stale: Vec<Need> = needs::table
        .filter(needs::status.eq("returned"))
        .filter(needs::status_changed_at.le(cutoff))
        .filter(needs::updated_at.le(cutoff))
        .select(Need::as_select())
        .load(conn)?;
    for need in stale {
        if store::set_status(conn, need.id, &["returned"], "withdrawn", need.status_comment.as_deref(), env.now)? {
            let buyer = buyer_name(conn, &need)?;
            let contacts = mails::buyer_contacts(conn, &need)?;
            mails_written += mails::send(conn, env, &need, &buyer, "withdrawn", &contacts, Details::default())?;
            let target = format!("need {}", need.id);
            let entry = audit::Entry {
                actor: Actor::System,
                ip: None,
                action: "need_withdrawn",
                target: &target,
                detail: "returned and not changed in time",
            };
            audit::record(conn, env.now, entry)?;
        }
    }

    // Batches and reminders of open needs.
    for need in store::published_open_on(conn, today)? {
        alert_next_batch(conn, env, &need)?;
        let silent: Vec<(i32, NaiveDateTime, String)> = need_matches::table
            .inner_join(organisations::table)
            .filter(need_matches::need_id.eq(need.id))
            .filter(need_matches::removed_at.is_null())
            .filter(need_matches::opened_at.is_null())
            .filter(need_matches::response.is_null())
            .filter(need_matches::reminded_at.is_null())
            .filter(crate::organisation::public())
            .select((need_matches::organisation_id, need_matches::alerted_at.assume_not_null(), organisations::name))
            .filter(need_matches::alerted_at.is_not_null())
            .load(conn)?;
        let buyer = buyer_name(conn, &need)?;
        for (organisation, alerted, wise) in silent {
            if add_working_days(alerted, settings.reminder_working_days) > env.now {
                continue;
            }
            diesel::update(need_matches::table.find((need.id, organisation)))
                .set(need_matches::reminded_at.eq(env.now))
                .execute(conn)?;
            let contacts = mails::wise_contacts(conn, organisation)?;
            let details = Details { wise: Some(&wise), ..Details::default() };
            mails_written += mails::send(conn, env, &need, &buyer, "reminder", &contacts, details)?;
        }
    }

    // After the deadline: the buyer is asked how it ended.
    let asked_by = today - Duration::days(settings.outcome_after_days);
    let ended: Vec<Need> = needs::table
        .filter(needs::status.eq("published"))
        .filter(needs::deadline.le(asked_by))
        .filter(needs::buyer_asked_at.is_null())
        .select(Need::as_select())
        .load(conn)?;
    for need in ended {
        diesel::update(needs::table.find(need.id)).set(needs::buyer_asked_at.eq(env.now)).execute(conn)?;
        let buyer = buyer_name(conn, &need)?;
        let contacts = mails::buyer_contacts(conn, &need)?;
        mails_written += mails::send(conn, env, &need, &buyer, "outcome-buyer", &contacts, Details::default())?;
    }

    // After the start date: the interested WISEs are asked the same.
    let started: Vec<(Need, i32, String)> = needs::table
        .inner_join(need_matches::table.inner_join(organisations::table))
        .filter(needs::status.eq("published"))
        .filter(needs::starts_on.le(asked_by))
        .filter(need_matches::response.eq_any(["interested", "joint"]))
        .filter(need_matches::wise_asked_at.is_null())
        .select((Need::as_select(), need_matches::organisation_id, organisations::name))
        .load(conn)?;
    for (need, organisation, wise) in started {
        diesel::update(need_matches::table.find((need.id, organisation)))
            .set(need_matches::wise_asked_at.eq(env.now))
            .execute(conn)?;
        let buyer = buyer_name(conn, &need)?;
        let contacts = mails::wise_contacts(conn, organisation)?;
        let details = Details { wise: Some(&wise), ..Details::default() };
        mails_written += mails::send(conn, env, &need, &buyer, "outcome-wise", &contacts, details)?;
    }
    Ok(mails_written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn working_days_skip_the_weekend() {
        let friday = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap().and_hms_opt(9, 0, 0).unwrap();
        assert_eq!(
            add_working_days(friday, 2),
            NaiveDate::from_ymd_opt(2026, 12, 8).unwrap().and_hms_opt(9, 0, 0).unwrap()
        );
        let monday = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap().and_hms_opt(9, 0, 0).unwrap();
        assert_eq!(
            add_working_days(monday, 2),
            NaiveDate::from_ymd_opt(2026, 12, 9).unwrap().and_hms_opt(9, 0, 0).unwrap()
        );
    }
}
