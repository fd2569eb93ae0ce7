//! Shortlists and enquiries.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::catalogue::store::{summaries, Summary};
use crate::db::schema::{enquiries, organisations, shortlist_items};
use crate::db::{write_tx, DbConn};

/// Adds an approved WISE to a buyer's shortlist (again is fine); false if there is no such WISE.
pub fn add(conn: &mut DbConn, user_id: i32, kvk: &str, now: NaiveDateTime) -> QueryResult<bool> {
    write_tx(conn, |conn| {
        let Some(id) = approved_id(conn, kvk)? else {
            return Ok(false);
        };
        let present: bool = diesel::select(diesel::dsl::exists(
            shortlist_items::table
                .filter(shortlist_items::user_id.eq(user_id))
                .filter(shortlist_items::organisation_id.eq(id)),
        ))
        .get_result(conn)?;
        if !present {
            diesel::insert_into(shortlist_items::table)
                .values((
                    shortlist_items::user_id.eq(user_id),
                    shortlist_items::organisation_id.eq(id),
                    shortlist_items::added_at.eq(now),
                ))
                .execute(conn)?;
        }
        Ok(true)
    })
}

/// Removes a WISE from the shortlist; false if it was not on it.
pub fn remove(conn: &mut DbConn, user_id: i32, kvk: &str) -> QueryResult<bool> {
    let ids = organisations::table.filter(organisations::kvk_number.eq(kvk)).select(organisations::id);
    let removed = diesel::delete(
        shortlist_items::table
            .filter(shortlist_items::user_id.eq(user_id))
            .filter(shortlist_items::organisation_id.eq_any(ids)),
    )
    .execute(conn)?;
    Ok(removed > 0)
}

/// The approved WISEs on a buyer's shortlist, by name.
pub fn list(conn: &mut DbConn, user_id: i32) -> QueryResult<Vec<Summary>> {
    let ids: Vec<i32> = shortlist_items::table
        .inner_join(organisations::table)
        .filter(shortlist_items::user_id.eq(user_id))
        .filter(crate::organisation::public())
        .order((organisations::name, organisations::id))
        .select(organisations::id)
        .load(conn)?;
    summaries(conn, &ids)
}

fn approved_id(conn: &mut DbConn, kvk: &str) -> QueryResult<Option<i32>> {
    organisations::table
        .filter(organisations::kvk_number.eq(kvk))
        .filter(crate::organisation::public())
        .select(organisations::id)
        .first(conn)
        .optional()
}

/// Who receives a WISE's enquiries: its public address and its active users,
/// each with the language to write in. Deduplicated by address.
pub fn contacts(conn: &mut DbConn, organisation_id: i32) -> QueryResult<Vec<(String, String)>> {
    let mut list: Vec<(String, String)> = Vec::new();
    let public: Option<Option<String>> =
        organisations::table.find(organisation_id).select(organisations::email).first(conn).optional()?;
    if let Some(Some(email)) = public {
        list.push((email.trim().to_lowercase(), "nl".to_string()));
    }
    for (email, language) in crate::users::store::wise_staff(conn, organisation_id)? {
        if !list.iter().any(|(e, _)| *e == email) {
            list.push((email, language));
        }
    }
    Ok(list)
}

pub fn record_enquiry(
    conn: &mut DbConn,
    buyer_id: i32,
    organisation_id: i32,
    subject: &str,
    message: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(enquiries::table)
        .values((
            enquiries::buyer_id.eq(buyer_id),
            enquiries::organisation_id.eq(organisation_id),
            enquiries::subject.eq(subject),
            enquiries::message.eq(message),
            enquiries::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}
