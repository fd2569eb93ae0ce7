//! Queries of spend registers. Writes run inside the caller's transaction, with the
//! audit entry of the change.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::model::{SpendInput, SpendRow};
use crate::db::schema::{organisations, spend_rows, spend_sharing};
use crate::db::DbConn;

/// Stores `rows` of `organisation` from `source` (`import`, `form`).
pub fn insert(
    conn: &mut DbConn,
    organisation: i32,
    rows: &[SpendInput],
    source: &str,
    user: Option<i32>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let values: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                spend_rows::buying_organisation_id.eq(organisation),
                spend_rows::supplier_kvk.eq(&r.supplier_kvk),
                spend_rows::supplier_name.eq(&r.supplier_name),
                spend_rows::amount_cents.eq(r.amount_cents),
                spend_rows::period.eq(&r.period),
                spend_rows::period_start.eq(r.period_start),
                spend_rows::category.eq(&r.category),
                spend_rows::cpv_code.eq(&r.cpv_code),
                spend_rows::entity.eq(&r.entity),
                spend_rows::source.eq(source),
                spend_rows::created_by.eq(user),
                spend_rows::created_at.eq(now),
            )
        })
        .collect();
    let mut stored = 0;
    for chunk in values.chunks(500) {
        stored += crate::per_backend!(conn, c => diesel::insert_into(spend_rows::table).values(chunk).execute(c))?;
    }
    Ok(stored)
}

/// Removes the rows of `organisation` in the `periods` (as written); how many.
pub fn delete_periods(conn: &mut DbConn, organisation: i32, periods: &[String]) -> QueryResult<usize> {
    diesel::delete(
        spend_rows::table
            .filter(spend_rows::buying_organisation_id.eq(organisation))
            .filter(spend_rows::period.eq_any(periods)),
    )
    .execute(conn)
}

/// Removes one row of `organisation`; whether it was there.
pub fn delete_row(conn: &mut DbConn, organisation: i32, id: i32) -> QueryResult<bool> {
    let n = diesel::delete(
        spend_rows::table.filter(spend_rows::buying_organisation_id.eq(organisation)).filter(spend_rows::id.eq(id)),
    )
    .execute(conn)?;
    Ok(n > 0)
}

/// Every row of `organisation`, by period and supplier.
pub fn rows_of(conn: &mut DbConn, organisation: i32) -> QueryResult<Vec<SpendRow>> {
    spend_rows::table
        .filter(spend_rows::buying_organisation_id.eq(organisation))
        .order((spend_rows::period_start, spend_rows::period, spend_rows::supplier_name, spend_rows::id))
        .select(SpendRow::as_select())
        .load(conn)
}

/// An approved WISE as the spend register sees it.
#[derive(Debug, Clone)]
pub struct Wise {
    pub name: String,
    pub slug: String,
    /// Its first-listed sector (`other` when it has none).
    pub sector: String,
}

/// The approved WISEs among the KvK numbers `kvks`, by KvK number.
pub fn wises_among(conn: &mut DbConn, kvks: &[String]) -> QueryResult<HashMap<String, Wise>> {
    let mut out = HashMap::new();
    for chunk in kvks.chunks(500) {
        let found: Vec<(i32, String, String, String)> = organisations::table
            .filter(crate::organisation::public())
            .filter(organisations::kvk_number.eq_any(chunk))
            .select((organisations::id, organisations::kvk_number, organisations::name, organisations::slug))
            .load(conn)?;
        let ids: Vec<i32> = found.iter().map(|f| f.0).collect();
        let sectors = crate::organisation::store::primary_sectors(conn, Some(&ids))?;
        for (id, kvk, name, slug) in found {
            let sector = sectors.get(&id).cloned().unwrap_or_else(|| "other".to_string());
            out.insert(kvk, Wise { name, slug, sector });
        }
    }
    Ok(out)
}

/// The lines of the registers whose organisations agreed to be counted and whose whole
/// period lies within `from..=to`: (buying organisation, supplier KvK number, cents).
pub fn shared_lines(conn: &mut DbConn, from: NaiveDate, to: NaiveDate) -> QueryResult<Vec<(i32, String, i64)>> {
    let rows: Vec<(i32, String, i64, String, NaiveDate)> = spend_rows::table
        .inner_join(
            spend_sharing::table.on(spend_sharing::buying_organisation_id.eq(spend_rows::buying_organisation_id)),
        )
        .filter(spend_rows::period_start.ge(from))
        .filter(spend_rows::period_start.le(to))
        .select((
            spend_rows::buying_organisation_id,
            spend_rows::supplier_kvk,
            spend_rows::amount_cents,
            spend_rows::period,
            spend_rows::period_start,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(_, _, _, period, start)| super::model::period_end(period, *start) <= to)
        .map(|(buyer, kvk, cents, _, _)| (buyer, kvk, cents))
        .collect())
}

/// Whether `organisation` agreed to have its spend counted in the sector report.
pub fn is_shared(conn: &mut DbConn, organisation: i32) -> QueryResult<bool> {
    let n: i64 =
        spend_sharing::table.filter(spend_sharing::buying_organisation_id.eq(organisation)).count().get_result(conn)?;
    Ok(n > 0)
}

/// Records (or withdraws) the organisation's agreement to share.
pub fn set_shared(
    conn: &mut DbConn,
    organisation: i32,
    shared: bool,
    user: Option<i32>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(spend_sharing::table.filter(spend_sharing::buying_organisation_id.eq(organisation)))
        .execute(conn)?;
    if shared {
        diesel::insert_into(spend_sharing::table)
            .values((
                spend_sharing::buying_organisation_id.eq(organisation),
                spend_sharing::shared_by.eq(user),
                spend_sharing::shared_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}
