//! Queries and rules of buying organisations and their buyers.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{BuyingInput, BuyingOrganisation, Member};
use crate::db::schema::{buying_organisation_users, buying_organisations, users};
use crate::db::DbConn;
use crate::validation::{char_len, is_kvk_number, Errors, FieldError};
use crate::vocab;

/// Checks a buying organisation's fields (and that its KvK number is free, unless it is `own`'s).
pub fn validate(conn: &mut DbConn, input: &BuyingInput, own: Option<i32>) -> QueryResult<Result<(), Vec<FieldError>>> {
    let mut e = Errors::default();
    let name = input.name.trim();
    e.check(!name.is_empty(), "organisation_name", "error-required");
    e.check(char_len(name) <= 200, "organisation_name", "error-too-long");
    let kvk = input.kvk_number.trim();
    e.check(is_kvk_number(kvk), "organisation_kvk", "error-kvk-format");
    e.check(vocab::BUYER_KINDS.contains(&input.kind.as_str()), "organisation_kind", "error-unknown-code");
    e.check(char_len(input.municipality.trim()) <= 100, "organisation_municipality", "error-too-long");
    if is_kvk_number(kvk) {
        if let Some(other) = by_kvk(conn, kvk)? {
            e.check(Some(other.id) == own, "organisation_kvk", "error-kvk-taken");
        }
    }
    Ok(e.into_result())
}

/// Creates a checked buying organisation with `status`; its id.
pub fn create(conn: &mut DbConn, input: &BuyingInput, status: &str, now: NaiveDateTime) -> QueryResult<i32> {
    let municipality = Some(input.municipality.trim()).filter(|m| !m.is_empty());
    diesel::insert_into(buying_organisations::table)
        .values((
            buying_organisations::name.eq(input.name.trim()),
            buying_organisations::kvk_number.eq(input.kvk_number.trim()),
            buying_organisations::kind.eq(&input.kind),
            buying_organisations::municipality.eq(municipality),
            buying_organisations::status.eq(status),
            buying_organisations::created_at.eq(now),
            buying_organisations::updated_at.eq(now),
        ))
        .execute(conn)?;
    buying_organisations::table
        .filter(buying_organisations::kvk_number.eq(input.kvk_number.trim()))
        .select(buying_organisations::id)
        .first(conn)
}

/// Saves a checked buying organisation's fields.
pub fn update(conn: &mut DbConn, id: i32, input: &BuyingInput, now: NaiveDateTime) -> QueryResult<bool> {
    let municipality = Some(input.municipality.trim()).filter(|m| !m.is_empty());
    let changed = diesel::update(buying_organisations::table.find(id))
        .set((
            buying_organisations::name.eq(input.name.trim()),
            buying_organisations::kvk_number.eq(input.kvk_number.trim()),
            buying_organisations::kind.eq(&input.kind),
            buying_organisations::municipality.eq(municipality),
            buying_organisations::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(changed == 1)
}

pub fn set_status(conn: &mut DbConn, id: i32, status: &str, now: NaiveDateTime) -> QueryResult<bool> {
    let changed = diesel::update(buying_organisations::table.find(id))
        .set((buying_organisations::status.eq(status), buying_organisations::updated_at.eq(now)))
        .execute(conn)?;
    Ok(changed == 1)
}

pub fn by_id(conn: &mut DbConn, id: i32) -> QueryResult<Option<BuyingOrganisation>> {
    buying_organisations::table.find(id).select(BuyingOrganisation::as_select()).first(conn).optional()
}

pub fn by_kvk(conn: &mut DbConn, kvk: &str) -> QueryResult<Option<BuyingOrganisation>> {
    buying_organisations::table
        .filter(buying_organisations::kvk_number.eq(kvk.trim()))
        .select(BuyingOrganisation::as_select())
        .first(conn)
        .optional()
}

/// Every buying organisation with its number of buyers, by name.
pub fn list(conn: &mut DbConn) -> QueryResult<Vec<(BuyingOrganisation, i64)>> {
    let all: Vec<BuyingOrganisation> = buying_organisations::table
        .order(buying_organisations::name)
        .select(BuyingOrganisation::as_select())
        .load(conn)?;
    let counts: Vec<(i32, i64)> = buying_organisation_users::table
        .group_by(buying_organisation_users::buying_organisation_id)
        .select((buying_organisation_users::buying_organisation_id, diesel::dsl::count_star()))
        .load(conn)?;
    let counts: std::collections::HashMap<i32, i64> = counts.into_iter().collect();
    Ok(all.into_iter().map(|o| (o.clone(), counts.get(&o.id).copied().unwrap_or(0))).collect())
}

/// Makes `user_id` a buyer of `organisation`; approved and confirmed at `approved` when given.
pub fn add_member(
    conn: &mut DbConn,
    user_id: i32,
    organisation: i32,
    approved: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(buying_organisation_users::table)
        .values((
            buying_organisation_users::user_id.eq(user_id),
            buying_organisation_users::buying_organisation_id.eq(organisation),
            buying_organisation_users::email_confirmed_at.eq(approved),
            buying_organisation_users::approved_at.eq(approved),
            buying_organisation_users::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn confirm_email(conn: &mut DbConn, user_id: i32, now: NaiveDateTime) -> QueryResult<bool> {
    let changed = diesel::update(buying_organisation_users::table.find(user_id))
        .filter(buying_organisation_users::email_confirmed_at.is_null())
        .set(buying_organisation_users::email_confirmed_at.eq(now))
        .execute(conn)?;
    Ok(changed == 1)
}

/// Approves a buyer whose email is confirmed; false when there is none waiting.
pub fn approve_member(conn: &mut DbConn, organisation: i32, user_id: i32, now: NaiveDateTime) -> QueryResult<bool> {
    let changed = diesel::update(buying_organisation_users::table.find(user_id))
        .filter(buying_organisation_users::buying_organisation_id.eq(organisation))
        .filter(buying_organisation_users::approved_at.is_null())
        .filter(buying_organisation_users::email_confirmed_at.is_not_null())
        .set(buying_organisation_users::approved_at.eq(now))
        .execute(conn)?;
    if changed == 1 {
        diesel::update(users::table.find(user_id))
            .set((users::disabled.eq(false), users::updated_at.eq(now)))
            .execute(conn)?;
    }
    Ok(changed == 1)
}

/// The buying organisation `user_id` belongs to, and whether they are approved in it.
pub fn membership(conn: &mut DbConn, user_id: i32) -> QueryResult<Option<(BuyingOrganisation, bool)>> {
    let row: Option<(BuyingOrganisation, Option<NaiveDateTime>)> = buying_organisation_users::table
        .inner_join(buying_organisations::table)
        .filter(buying_organisation_users::user_id.eq(user_id))
        .select((BuyingOrganisation::as_select(), buying_organisation_users::approved_at))
        .first(conn)
        .optional()?;
    Ok(row.map(|(o, approved)| (o, approved.is_some())))
}

/// The buying organisation an approved buyer acts for, if it is approved too.
pub fn acting_for(conn: &mut DbConn, user_id: i32) -> QueryResult<Option<BuyingOrganisation>> {
    Ok(membership(conn, user_id)?.filter(|(o, approved)| *approved && o.is_approved()).map(|(o, _)| o))
}

/// The buyers of `organisation`, by name.
pub fn members(conn: &mut DbConn, organisation: i32) -> QueryResult<Vec<Member>> {
    type Row = (i32, String, String, String, Option<NaiveDateTime>, Option<NaiveDateTime>);
    let rows: Vec<Row> = buying_organisation_users::table
        .inner_join(users::table)
        .filter(buying_organisation_users::buying_organisation_id.eq(organisation))
        .order(users::name)
        .select((
            users::id,
            users::name,
            users::email,
            users::language,
            buying_organisation_users::email_confirmed_at,
            buying_organisation_users::approved_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(user_id, name, email, language, confirmed, approved)| Member {
            user_id,
            name,
            email,
            language,
            email_confirmed: confirmed.is_some(),
            approved: approved.is_some(),
        })
        .collect())
}

/// (email, language) of the approved, enabled buyers of `organisation`: who hears of its needs.
pub fn contacts(conn: &mut DbConn, organisation: i32) -> QueryResult<Vec<(String, String)>> {
    buying_organisation_users::table
        .inner_join(users::table)
        .filter(buying_organisation_users::buying_organisation_id.eq(organisation))
        .filter(buying_organisation_users::approved_at.is_not_null())
        .filter(users::disabled.eq(false))
        .order(users::email)
        .select((users::email, users::language))
        .load(conn)
}
