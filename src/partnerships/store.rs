//! Every query on partnerships: writing a proposal, its confirmation, reviews and
//! endings, and reading them with their partners' names, what is exchanged, the kinds of
//! value and the history of phases.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::model::{Partnership, PhaseChange, Proposal, Review, Side};
use crate::db::schema::{
    buying_organisations, organisations, partnership_exchanges, partnership_phases, partnership_values, partnerships,
};
use crate::db::DbConn;

/// A partnership with its partners and lists, as pages and the API show it.
#[derive(Debug, Clone)]
pub struct Listed {
    pub partnership: Partnership,
    pub wise_name: String,
    pub wise_kvk: String,
    pub wise_slug: String,
    pub company_name: String,
    pub company_kvk: String,
    pub exchanges: Vec<String>,
    pub values: Vec<String>,
}

/// Which partnerships a list holds.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    /// Every one (the city, the operator).
    All,
    /// One, by id.
    One(i32),
    /// Those of a WISE, or of a company (any state).
    Wise(i32),
    Company(i32),
    /// Those the public may see: confirmed (or ended), both partners named, the WISE
    /// approved; of one WISE or company when given.
    Public {
        wise: Option<i32>,
        company: Option<i32>,
    },
}

/// Whether a proposed or confirmed partnership of the pair exists.
pub fn running(conn: &mut DbConn, wise: i32, company: i32) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        partnerships::table
            .filter(partnerships::wise_id.eq(wise))
            .filter(partnerships::company_id.eq(company))
            .filter(partnerships::state.eq_any(["proposed", "confirmed"])),
    ))
    .get_result(conn)
}

/// Replaces what `id` exchanges (when given) and the kinds of value its partners see.
fn set_lists(conn: &mut DbConn, id: i32, exchanges: Option<&[String]>, values: &[String]) -> QueryResult<()> {
    if let Some(exchanges) = exchanges {
        diesel::delete(partnership_exchanges::table.filter(partnership_exchanges::partnership_id.eq(id)))
            .execute(conn)?;
        for x in exchanges {
            diesel::insert_into(partnership_exchanges::table)
                .values((partnership_exchanges::partnership_id.eq(id), partnership_exchanges::exchange.eq(x)))
                .execute(conn)?;
        }
    }
    diesel::delete(partnership_values::table.filter(partnership_values::partnership_id.eq(id))).execute(conn)?;
    for v in values {
        diesel::insert_into(partnership_values::table)
            .values((partnership_values::partnership_id.eq(id), partnership_values::value.eq(v)))
            .execute(conn)?;
    }
    Ok(())
}

fn add_phase(
    conn: &mut DbConn,
    id: i32,
    phase: &str,
    on: NaiveDate,
    note: &str,
    by: i32,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(partnership_phases::table)
        .values((
            partnership_phases::partnership_id.eq(id),
            partnership_phases::phase.eq(phase),
            partnership_phases::changed_on.eq(on),
            partnership_phases::note.eq(note),
            partnership_phases::changed_by.eq(by),
            partnership_phases::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Stores a WISE's proposal to `company`; its id. Call in a transaction.
pub fn propose(
    conn: &mut DbConn,
    wise: i32,
    company: i32,
    p: &Proposal,
    by: i32,
    now: NaiveDateTime,
) -> QueryResult<i32> {
    let id: i32 = diesel::insert_into(partnerships::table)
        .values((
            partnerships::wise_id.eq(wise),
            partnerships::company_id.eq(company),
            partnerships::phase.eq(&p.phase),
            partnerships::started_on.eq(p.started_on),
            partnerships::wise_people.eq(&p.wise_people),
            partnerships::company_people.eq(&p.company_people),
            partnerships::ambitions.eq(&p.ambitions),
            partnerships::state.eq("proposed"),
            partnerships::wise_named.eq(p.named),
            partnerships::company_named.eq(false),
            partnerships::proposed_by.eq(by),
            partnerships::created_at.eq(now),
            partnerships::updated_at.eq(now),
        ))
        .returning(partnerships::id)
        .get_result(conn)?;
    set_lists(conn, id, Some(&p.exchanges), &p.values)?;
    add_phase(conn, id, &p.phase, p.started_on, "", by, now)?;
    Ok(id)
}

/// The company confirms a proposed partnership; false when it is no longer proposed.
pub fn confirm(
    conn: &mut DbConn,
    id: i32,
    named: bool,
    people: &str,
    by: i32,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let target = partnerships::table.filter(partnerships::id.eq(id)).filter(partnerships::state.eq("proposed"));
    let mut changed = diesel::update(target)
        .set((
            partnerships::state.eq("confirmed"),
            partnerships::company_named.eq(named),
            partnerships::confirmed_by.eq(by),
            partnerships::confirmed_at.eq(now),
            partnerships::updated_at.eq(now),
        ))
        .execute(conn)?;
    if changed == 1 && !people.is_empty() {
        changed =
            diesel::update(partnerships::table.find(id)).set(partnerships::company_people.eq(people)).execute(conn)?;
    }
    Ok(changed == 1)
}

/// A partner's review of a confirmed partnership: its phase now (kept in the history),
/// the kinds of value, and whether `side` agrees to be named. False when not confirmed.
pub fn review(conn: &mut DbConn, id: i32, side: Side, r: &Review, by: i32, now: NaiveDateTime) -> QueryResult<bool> {
    let target = partnerships::table.filter(partnerships::id.eq(id)).filter(partnerships::state.eq("confirmed"));
    let changed = match side {
        Side::Wise => diesel::update(target)
            .set((
                partnerships::phase.eq(&r.phase),
                partnerships::wise_named.eq(r.named),
                partnerships::updated_at.eq(now),
            ))
            .execute(conn)?,
        Side::Company => diesel::update(target)
            .set((
                partnerships::phase.eq(&r.phase),
                partnerships::company_named.eq(r.named),
                partnerships::updated_at.eq(now),
            ))
            .execute(conn)?,
    };
    if changed == 1 {
        set_lists(conn, id, None, &r.values)?;
        add_phase(conn, id, &r.phase, r.changed_on, &r.note, by, now)?;
    }
    Ok(changed == 1)
}

/// Ends a partnership in `from` as `to` (`ended`, `withdrawn` or `declined`); false when
/// it is no longer in `from`.
#[allow(clippy::too_many_arguments)]
pub fn end(
    conn: &mut DbConn,
    id: i32,
    from: &str,
    to: &str,
    side: Side,
    on: NaiveDate,
    reason: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let target = partnerships::table.filter(partnerships::id.eq(id)).filter(partnerships::state.eq(from));
    let changed = diesel::update(target)
        .set((
            partnerships::state.eq(to),
            partnerships::ended_on.eq(on),
            partnerships::end_reason.eq(reason),
            partnerships::ended_by_side.eq(side.as_str()),
            partnerships::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(changed == 1)
}

/// The partnerships of `scope`, newest first, with their partners and lists.
pub fn list(conn: &mut DbConn, scope: Scope) -> QueryResult<Vec<Listed>> {
    type Row = (Partnership, (String, String, String), (String, String));
    let mut q = partnerships::table
        .inner_join(organisations::table)
        .inner_join(buying_organisations::table)
        .select((
            Partnership::as_select(),
            (organisations::name, organisations::kvk_number, organisations::slug),
            (buying_organisations::name, buying_organisations::kvk_number),
        ))
        .order((partnerships::started_on.desc(), partnerships::id.desc()))
        .into_boxed();
    q = match scope {
        Scope::All => q,
        Scope::One(id) => q.filter(partnerships::id.eq(id)),
        Scope::Wise(id) => q.filter(partnerships::wise_id.eq(id)),
        Scope::Company(id) => q.filter(partnerships::company_id.eq(id)),
        Scope::Public { wise, company } => {
            let mut q = q
                .filter(partnerships::state.eq_any(["confirmed", "ended"]))
                .filter(partnerships::wise_named.eq(true))
                .filter(partnerships::company_named.eq(true))
                .filter(crate::organisation::public());
            if let Some(wise) = wise {
                q = q.filter(partnerships::wise_id.eq(wise));
            }
            if let Some(company) = company {
                q = q.filter(partnerships::company_id.eq(company));
            }
            q
        }
    };
    let rows: Vec<Row> = q.load(conn)?;
    let ids: Vec<i32> = rows.iter().map(|(p, _, _)| p.id).collect();
    let mut exchanges = lists_of(conn, &ids, true)?;
    let mut values = lists_of(conn, &ids, false)?;
    Ok(rows
        .into_iter()
        .map(|(p, (wise_name, wise_kvk, wise_slug), (company_name, company_kvk))| Listed {
            exchanges: exchanges.remove(&p.id).unwrap_or_default(),
            values: values.remove(&p.id).unwrap_or_default(),
            partnership: p,
            wise_name,
            wise_kvk,
            wise_slug,
            company_name,
            company_kvk,
        })
        .collect())
}

/// What each of `ids` exchanges (or the kinds of value its partners see), in the
/// vocabulary's order.
fn lists_of(conn: &mut DbConn, ids: &[i32], exchanges: bool) -> QueryResult<HashMap<i32, Vec<String>>> {
    let rows: Vec<(i32, String)> = if exchanges {
        partnership_exchanges::table
            .filter(partnership_exchanges::partnership_id.eq_any(ids))
            .select((partnership_exchanges::partnership_id, partnership_exchanges::exchange))
            .load(conn)?
    } else {
        partnership_values::table
            .filter(partnership_values::partnership_id.eq_any(ids))
            .select((partnership_values::partnership_id, partnership_values::value))
            .load(conn)?
    };
    let order = if exchanges { crate::vocab::PARTNERSHIP_EXCHANGES } else { crate::vocab::PARTNERSHIP_VALUES };
    let mut by_id: HashMap<i32, Vec<String>> = HashMap::new();
    for (id, code) in rows {
        by_id.entry(id).or_default().push(code);
    }
    for list in by_id.values_mut() {
        list.sort_by_key(|c| order.iter().position(|o| o == c));
    }
    Ok(by_id)
}

/// The confirmed partnerships of a WISE the public may see (both partners named), as its
/// profile lists them.
pub fn current_public_of_wise(conn: &mut DbConn, wise: i32) -> QueryResult<Vec<Listed>> {
    let mut listed = list(conn, Scope::Public { wise: Some(wise), company: None })?;
    listed.retain(|l| l.partnership.state == "confirmed");
    Ok(listed)
}

/// One partnership with its partners and lists.
pub fn get(conn: &mut DbConn, id: i32) -> QueryResult<Option<Listed>> {
    Ok(list(conn, Scope::One(id))?.pop())
}

/// The phases a partnership went through, oldest first.
pub fn phases(conn: &mut DbConn, id: i32) -> QueryResult<Vec<PhaseChange>> {
    partnership_phases::table
        .filter(partnership_phases::partnership_id.eq(id))
        .order((partnership_phases::changed_on, partnership_phases::id))
        .select(PhaseChange::as_select())
        .load(conn)
}
