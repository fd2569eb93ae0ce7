//! The numbers of needs for the sector report, per kind of need and period: needs
//! published, WISEs alerted, WISEs interested, confirmed deals and their euros. Each
//! cell comes with its contributions (per buying organisation for needs, per WISE for
//! the rest), so `reports` can put it through disclosure control.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{need_deals, need_matches, needs};
use crate::db::DbConn;

/// The measures, in column order.
pub const MEASURES: [&str; 5] = ["needs_published", "wises_alerted", "wises_interested", "deals", "deal_eur"];

fn span(from: NaiveDate, to: NaiveDate) -> (NaiveDateTime, NaiveDateTime) {
    (
        from.and_hms_opt(0, 0, 0).expect("midnight"),
        (to + chrono::Duration::days(1)).and_hms_opt(0, 0, 0).expect("midnight"),
    )
}

/// Per kind of need (in `vocab::NEED_KINDS` order), per measure, each contributor's part
/// (contributor id ascending).
pub type KindRows = Vec<(String, Vec<Parts>)>;

/// (contributor id, value), by id ascending.
pub type Parts = Vec<(i32, i64)>;

/// One thing that counts: a measure of a kind of need, by a contributor, at a moment.
#[derive(Debug, Clone)]
pub struct Event {
    pub kind: String,
    /// Position in [`MEASURES`].
    pub measure: usize,
    /// The buying organisation (needs published) or the WISE (the rest).
    pub who: i32,
    pub value: i64,
    pub at: NaiveDateTime,
}

/// Every event of every need, read once for all periods.
pub fn events(conn: &mut DbConn) -> QueryResult<Vec<Event>> {
    let mut out = Vec::new();
    let published: Vec<(String, i32, Option<NaiveDateTime>)> = needs::table
        .filter(needs::published_at.is_not_null())
        .select((needs::kind, needs::buying_organisation_id, needs::published_at))
        .load(conn)?;
    for (kind, who, at) in published {
        out.extend(at.map(|at| Event { kind, measure: 0, who, value: 1, at }));
    }
    let alerted: Vec<(String, i32, Option<NaiveDateTime>)> = needs::table
        .inner_join(need_matches::table)
        .filter(need_matches::alerted_at.is_not_null())
        .select((needs::kind, need_matches::organisation_id, need_matches::alerted_at))
        .load(conn)?;
    for (kind, who, at) in alerted {
        out.extend(at.map(|at| Event { kind, measure: 1, who, value: 1, at }));
    }
    let interested: Vec<(String, i32, Option<NaiveDateTime>)> = needs::table
        .inner_join(need_matches::table)
        .filter(need_matches::responded_at.is_not_null())
        .filter(need_matches::response.eq_any(["interested", "joint"]))
        .select((needs::kind, need_matches::organisation_id, need_matches::responded_at))
        .load(conn)?;
    for (kind, who, at) in interested {
        out.extend(at.map(|at| Event { kind, measure: 2, who, value: 1, at }));
    }
    let deals: Vec<(String, i32, i64, NaiveDateTime)> = needs::table
        .inner_join(need_deals::table)
        .filter(need_deals::status.eq("confirmed"))
        .select((needs::kind, need_deals::organisation_id, need_deals::amount_eur, need_deals::reported_at))
        .load(conn)?;
    for (kind, who, amount, at) in deals {
        out.push(Event { kind: kind.clone(), measure: 3, who, value: 1, at });
        out.push(Event { kind, measure: 4, who, value: amount, at });
    }
    Ok(out)
}

/// The parts of every cell for the days `from..=to`.
pub fn rows(events: &[Event], from: NaiveDate, to: NaiveDate) -> KindRows {
    let (start, end) = span(from, to);
    // (kind, measure) → contributor → value
    let mut cells: BTreeMap<(&str, usize), BTreeMap<i32, i64>> = BTreeMap::new();
    for e in events.iter().filter(|e| e.at >= start && e.at < end) {
        *cells.entry((e.kind.as_str(), e.measure)).or_default().entry(e.who).or_default() += e.value;
    }
    crate::vocab::NEED_KINDS
        .iter()
        .map(|kind| {
            let row = (0..MEASURES.len())
                .map(|m| cells.get(&(*kind, m)).map(|c| c.iter().map(|(w, v)| (*w, *v)).collect()).unwrap_or_default())
                .collect();
            (kind.to_string(), row)
        })
        .collect()
}
