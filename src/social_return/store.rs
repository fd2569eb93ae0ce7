//! Every query of social return: contracts, their entries, and the claims on a WISE.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::model::{Contract, ContractInput, Entry, EntryInput};
use crate::db::schema::{buying_organisations, organisations, sr_contracts, sr_entries};
use crate::db::DbConn;

/// Stores a checked contract for `contractor`, recorded by `officer`; its id.
pub fn insert_contract(
    conn: &mut DbConn,
    input: &ContractInput,
    contractor: i32,
    officer: i32,
    now: NaiveDateTime,
) -> QueryResult<i32> {
    diesel::insert_into(sr_contracts::table)
        .values((
            sr_contracts::reference.eq(&input.reference),
            sr_contracts::title.eq(&input.title),
            sr_contracts::contractor_id.eq(contractor),
            sr_contracts::value_cents.eq(input.value_cents),
            sr_contracts::percent_bp.eq(input.percent_bp),
            sr_contracts::obligation_cents.eq(input.obligation_cents()),
            sr_contracts::starts_on.eq(input.starts_on),
            sr_contracts::ends_on.eq(input.ends_on),
            sr_contracts::officer_id.eq(officer),
            sr_contracts::created_at.eq(now),
        ))
        .execute(conn)?;
    sr_contracts::table.filter(sr_contracts::reference.eq(&input.reference)).select(sr_contracts::id).first(conn)
}

pub fn reference_taken(conn: &mut DbConn, reference: &str) -> QueryResult<bool> {
    let n: i64 = sr_contracts::table.filter(sr_contracts::reference.eq(reference)).count().get_result(conn)?;
    Ok(n > 0)
}

pub fn contract(conn: &mut DbConn, id: i32) -> QueryResult<Option<Contract>> {
    sr_contracts::table.find(id).select(Contract::as_select()).first(conn).optional()
}

/// Contracts with their contractor's name, by reference: all, or one contractor's.
pub fn contracts(conn: &mut DbConn, contractor: Option<i32>) -> QueryResult<Vec<(Contract, String)>> {
    let mut query = sr_contracts::table
        .inner_join(buying_organisations::table)
        .select((Contract::as_select(), buying_organisations::name))
        .order(sr_contracts::reference)
        .into_boxed();
    if let Some(id) = contractor {
        query = query.filter(sr_contracts::contractor_id.eq(id));
    }
    query.load(conn)
}

/// Contracts whose term ended at or after `since`: the ones the scheduled step looks at.
pub fn ending_since(conn: &mut DbConn, since: NaiveDate) -> QueryResult<Vec<(Contract, String)>> {
    sr_contracts::table
        .inner_join(buying_organisations::table)
        .filter(sr_contracts::ends_on.ge(since))
        .select((Contract::as_select(), buying_organisations::name))
        .order(sr_contracts::id)
        .load(conn)
}

/// An entry with the WISE's name (a purchase), in the order they were recorded.
pub type Named = (Entry, Option<String>);

pub fn entries_of(conn: &mut DbConn, contract: i32) -> QueryResult<Vec<Named>> {
    sr_entries::table
        .left_join(organisations::table)
        .filter(sr_entries::contract_id.eq(contract))
        .select((Entry::as_select(), organisations::name.nullable()))
        .order((sr_entries::entry_date, sr_entries::id))
        .load(conn)
}

/// The entries of many contracts, by contract.
pub fn entries_of_all(conn: &mut DbConn, contracts: &[i32]) -> QueryResult<Vec<Entry>> {
    sr_entries::table
        .filter(sr_entries::contract_id.eq_any(contracts))
        .select(Entry::as_select())
        .order(sr_entries::id)
        .load(conn)
}

pub fn entry(conn: &mut DbConn, id: i32) -> QueryResult<Option<Entry>> {
    sr_entries::table.find(id).select(Entry::as_select()).first(conn).optional()
}

/// The claims on the WISEs `wises`, newest first, with their contract and contractor's name.
pub fn claims_on(conn: &mut DbConn, wises: &[i32]) -> QueryResult<Vec<(Entry, Contract, String)>> {
    sr_entries::table
        .inner_join(sr_contracts::table.inner_join(buying_organisations::table))
        .filter(sr_entries::wise_id.eq_any(wises))
        .select((Entry::as_select(), Contract::as_select(), buying_organisations::name))
        .order(sr_entries::id.desc())
        .load(conn)
}

/// The contract that already holds the WISE's invoice, if one does.
pub fn invoice_claimed_by(conn: &mut DbConn, wise: i32, invoice: &str) -> QueryResult<Option<String>> {
    sr_entries::table
        .inner_join(sr_contracts::table)
        .filter(sr_entries::wise_id.eq(wise))
        .filter(sr_entries::invoice_number.eq(invoice))
        .select(sr_contracts::reference)
        .first(conn)
        .optional()
}

/// What an entry is valued at, as the valuation found it.
pub struct Valued {
    pub wise_id: Option<i32>,
    pub rate_pct: i32,
    pub value_cents: i64,
    /// `pending` (a purchase, awaiting its WISE) or `recorded` (a building block).
    pub state: &'static str,
}

/// Stores a checked entry; its id.
pub fn insert_entry(
    conn: &mut DbConn,
    contract: i32,
    input: &EntryInput,
    valued: &Valued,
    user: i32,
    now: NaiveDateTime,
) -> QueryResult<i32> {
    diesel::insert_into(sr_entries::table)
        .values((
            sr_entries::contract_id.eq(contract),
            sr_entries::kind.eq(&input.kind),
            sr_entries::wise_id.eq(valued.wise_id),
            sr_entries::invoice_number.eq(&input.invoice_number),
            sr_entries::entry_date.eq(input.entry_date),
            sr_entries::amount_cents.eq(input.amount_cents),
            sr_entries::quantity.eq(input.quantity),
            sr_entries::description.eq(&input.description),
            sr_entries::rate_pct.eq(valued.rate_pct),
            sr_entries::value_cents.eq(valued.value_cents),
            sr_entries::state.eq(valued.state),
            sr_entries::created_by.eq(user),
            sr_entries::created_at.eq(now),
        ))
        .execute(conn)?;
    sr_entries::table
        .filter(sr_entries::contract_id.eq(contract))
        .filter(sr_entries::created_at.eq(now))
        .select(sr_entries::id)
        .order(sr_entries::id.desc())
        .first(conn)
}

/// Moves an entry from one of `from` to `to` with a comment; whether it was in `from`.
pub fn decide(
    conn: &mut DbConn,
    id: i32,
    from: &[&str],
    to: &str,
    comment: Option<&str>,
    user: i32,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let changed = diesel::update(sr_entries::table.find(id).filter(sr_entries::state.eq_any(from)))
        .set((
            sr_entries::state.eq(to),
            sr_entries::comment.eq(comment),
            sr_entries::decided_by.eq(user),
            sr_entries::decided_at.eq(now),
        ))
        .execute(conn)?;
    Ok(changed > 0)
}

/// Removes an entry of `contract` that does not count yet (a pending or disputed
/// purchase) or a building block; whether there was one.
pub fn withdraw(conn: &mut DbConn, contract: i32, id: i32) -> QueryResult<bool> {
    let removed = diesel::delete(
        sr_entries::table
            .filter(sr_entries::id.eq(id))
            .filter(sr_entries::contract_id.eq(contract))
            .filter(sr_entries::state.eq_any(["pending", "disputed", "recorded"])),
    )
    .execute(conn)?;
    Ok(removed > 0)
}

/// The purchases that count, invoiced from `from` to `to`: (contractor, WISE, value in cents).
pub fn counted_purchases(conn: &mut DbConn, from: NaiveDate, to: NaiveDate) -> QueryResult<Vec<(i32, i32, i64)>> {
    let rows: Vec<(i32, Option<i32>, i64)> = sr_entries::table
        .inner_join(sr_contracts::table)
        .filter(sr_entries::kind.eq("purchase"))
        .filter(sr_entries::state.eq_any(["confirmed", "overridden"]))
        .filter(sr_entries::entry_date.between(from, to))
        .select((sr_contracts::contractor_id, sr_entries::wise_id, sr_entries::value_cents))
        .load(conn)?;
    Ok(rows.into_iter().filter_map(|(c, w, v)| w.map(|w| (c, w, v))).collect())
}
