//! A WISE user's saved search of needs: "mail me new needs in my branches", daily or
//! weekly (the digest itself is written by `digests::needs`). The needs are those of
//! the one matching rule: published needs whose match list holds one of the user's
//! WISEs, not removed by the operator. A need the batches have not reached yet is
//! alerted by the digest, so the WISE can open and answer it at once; one the batches
//! already mailed to the WISE is left out.

use actix_web::HttpResponse;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Deserialize;

use super::model::Need;
use crate::audit;
use crate::db::schema::{need_digests, need_matches, needs, organisations};
use crate::db::{write_tx, DbConn};
use crate::users::model::Role;
use crate::validation::FieldError;
use crate::web::auth::policy::Action;
use crate::web::auth::session::CsrfForm;
use crate::web::context::Ctx;
use crate::web::form::see_other;
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::post(cfg, "/needs/digest", set);
}

/// The frequencies a needs digest can have.
pub const FREQUENCIES: [&str; 2] = ["daily", "weekly"];

/// The user's needs digest: its frequency, or `None` when it is off.
pub fn frequency_of(conn: &mut DbConn, user: i32) -> QueryResult<Option<String>> {
    need_digests::table.find(user).select(need_digests::frequency).first(conn).optional()
}

/// A subscriber: user id, email, name, language, and until when their digests covered.
pub type Subscriber = (i32, String, String, String, NaiveDateTime);

/// Who has a needs digest at `frequency`.
pub fn subscribers(conn: &mut DbConn, frequency: &str) -> QueryResult<Vec<Subscriber>> {
    use crate::db::schema::users;
    need_digests::table
        .inner_join(users::table)
        .filter(need_digests::frequency.eq(frequency))
        .filter(users::disabled.eq(false))
        .filter(users::role.eq("wise"))
        .order(users::id)
        .select((
            users::id,
            users::email,
            users::name,
            users::language,
            diesel::dsl::sql::<diesel::sql_types::Timestamp>(
                "COALESCE(need_digests.last_digest_at, need_digests.created_at)",
            ),
        ))
        .load(conn)
}

/// Switches the user's needs digest to `frequency`, or off (`None`); a new one covers
/// what is published from `now`.
pub fn save(conn: &mut DbConn, user: i32, frequency: Option<&str>, now: NaiveDateTime) -> QueryResult<()> {
    let Some(frequency) = frequency else {
        diesel::delete(need_digests::table.find(user)).execute(conn)?;
        return Ok(());
    };
    if frequency_of(conn, user)?.is_some() {
        diesel::update(need_digests::table.find(user)).set(need_digests::frequency.eq(frequency)).execute(conn)?;
    } else {
        diesel::insert_into(need_digests::table)
            .values((
                need_digests::user_id.eq(user),
                need_digests::frequency.eq(frequency),
                need_digests::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Moves the user's digest window on to `until`.
pub fn covered(conn: &mut DbConn, user: i32, until: NaiveDateTime) -> QueryResult<()> {
    diesel::update(need_digests::table.find(user)).set(need_digests::last_digest_at.eq(until)).execute(conn)?;
    Ok(())
}

/// The needs published in `(since, until]`, still open on `until`'s day, whose list holds
/// one of `organisations` (not removed, the WISE approved) and that no batch has mailed to
/// it; with the WISE's id, oldest first.
pub fn new_for(
    conn: &mut DbConn,
    organisations_of_user: &[i32],
    since: NaiveDateTime,
    until: NaiveDateTime,
) -> QueryResult<Vec<(Need, i32)>> {
    needs::table
        .inner_join(need_matches::table.inner_join(organisations::table))
        .filter(needs::status.eq("published"))
        .filter(needs::published_at.gt(since))
        .filter(needs::published_at.le(until))
        .filter(needs::deadline.ge(until.date()))
        .filter(need_matches::organisation_id.eq_any(organisations_of_user))
        .filter(need_matches::removed_at.is_null())
        .filter(need_matches::batch.is_null())
        .filter(crate::organisation::public())
        .order((needs::published_at, needs::id))
        .select((Need::as_select(), need_matches::organisation_id))
        .load(conn)
}

/// Lets the WISE see and answer `need` from now on (the digest told it), unless a batch
/// did already.
pub fn alert(conn: &mut DbConn, need: i32, organisation: i32, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(need_matches::table.find((need, organisation)))
        .filter(need_matches::alerted_at.is_null())
        .set(need_matches::alerted_at.eq(now))
        .execute(conn)?;
    Ok(())
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DigestForm {
    /// `daily`, `weekly`, or empty: off.
    frequency: String,
}

/// A WISE user switches their needs digest on (daily or weekly) or off.
async fn set(ctx: Ctx, CsrfForm(form): CsrfForm<DigestForm>) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::UseNeeds, None).await?;
    if !user.is(Role::Wise) {
        return Err(AppError::Forbidden);
    }
    let frequency = form.frequency.trim().to_string();
    if !frequency.is_empty() && !FREQUENCIES.contains(&frequency.as_str()) {
        return Err(AppError::Validation(vec![FieldError { field: "frequency".into(), key: "error-unknown-code" }]));
    }
    let (now, ip) = (ctx.state.now(), ctx.client_ip());
    let notice = if frequency.is_empty() { "digest-off" } else { "digest-on" };
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                save(c, user.id, Some(frequency.as_str()).filter(|f| !f.is_empty()), now)?;
                let target = format!("user {}", user.id);
                let detail = if frequency.is_empty() { "off" } else { frequency.as_str() };
                audit::Entry::by(user.id, &user.email, &ip, "need_digest_set", &target, detail).record(c, now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other(&format!("/needs?notice={notice}")))
}
