//! The numbers of needs for the sector report, per period: needs published, WISEs
//! alerted, WISEs interested, confirmed deals and their euros, by kind of need, and the
//! WISEs' measures also by the WISE's (primary) sector. Each cell comes with its
//! contributions (per buying organisation for needs, per WISE for the rest), so
//! `reports` can put it through disclosure control.

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

/// How a table of the section is broken down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Breakdown {
    /// By kind of need, every measure.
    Kind,
    /// By the WISE's primary sector, the WISEs' measures (a need has no sector).
    Sector,
}

impl Breakdown {
    pub const ALL: [Breakdown; 2] = [Breakdown::Kind, Breakdown::Sector];

    pub fn as_str(self) -> &'static str {
        match self {
            Breakdown::Kind => "kind",
            Breakdown::Sector => "sector",
        }
    }

    /// The rows' keys, in order.
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            Breakdown::Kind => crate::vocab::NEED_KINDS,
            Breakdown::Sector => crate::vocab::SECTORS,
        }
    }

    /// The table's measures, as positions in [`MEASURES`].
    pub fn measures(self) -> &'static [usize] {
        match self {
            Breakdown::Kind => &[0, 1, 2, 3, 4],
            Breakdown::Sector => &[1, 2, 3, 4],
        }
    }

    fn key(self, event: &Event) -> &str {
        match self {
            Breakdown::Kind => &event.kind,
            Breakdown::Sector => &event.sector,
        }
    }
}

/// Per row (in [`Breakdown::keys`] order), per measure of the breakdown, each
/// contributor's part (contributor id ascending).
pub type KindRows = Vec<(String, Vec<Parts>)>;

/// (contributor id, value), by id ascending.
pub type Parts = Vec<(i32, i64)>;

/// One thing that counts: a measure of a kind of need, by a contributor, at a moment.
#[derive(Debug, Clone)]
pub struct Event {
    pub kind: String,
    /// The WISE's primary sector (`other` when it has none); empty for a need published.
    pub sector: String,
    /// Position in [`MEASURES`].
    pub measure: usize,
    /// The buying organisation (needs published) or the WISE (the rest).
    pub who: i32,
    pub value: i64,
    pub at: NaiveDateTime,
}

/// Every event of every need, read once for all periods.
pub fn events(conn: &mut DbConn) -> QueryResult<Vec<Event>> {
    let sectors = crate::organisation::store::primary_sectors(conn, None)?;
    let sector = |who: i32| sectors.get(&who).cloned().unwrap_or_else(|| "other".to_string());
    let mut out = Vec::new();
    let published: Vec<(String, i32, Option<NaiveDateTime>)> = needs::table
        .filter(needs::published_at.is_not_null())
        .select((needs::kind, needs::buying_organisation_id, needs::published_at))
        .load(conn)?;
    for (kind, who, at) in published {
        out.extend(at.map(|at| Event { kind, sector: String::new(), measure: 0, who, value: 1, at }));
    }
    let alerted: Vec<(String, i32, Option<NaiveDateTime>)> = needs::table
        .inner_join(need_matches::table)
        .filter(need_matches::alerted_at.is_not_null())
        .select((needs::kind, need_matches::organisation_id, need_matches::alerted_at))
        .load(conn)?;
    for (kind, who, at) in alerted {
        out.extend(at.map(|at| Event { kind, sector: sector(who), measure: 1, who, value: 1, at }));
    }
    let interested: Vec<(String, i32, Option<NaiveDateTime>)> = needs::table
        .inner_join(need_matches::table)
        .filter(need_matches::responded_at.is_not_null())
        .filter(need_matches::response.eq_any(["interested", "joint"]))
        .select((needs::kind, need_matches::organisation_id, need_matches::responded_at))
        .load(conn)?;
    for (kind, who, at) in interested {
        out.extend(at.map(|at| Event { kind, sector: sector(who), measure: 2, who, value: 1, at }));
    }
    let deals: Vec<(String, i32, i64, NaiveDateTime)> = needs::table
        .inner_join(need_deals::table)
        .filter(need_deals::status.eq("confirmed"))
        .select((needs::kind, need_deals::organisation_id, need_deals::amount_eur, need_deals::reported_at))
        .load(conn)?;
    for (kind, who, amount, at) in deals {
        out.push(Event { kind: kind.clone(), sector: sector(who), measure: 3, who, value: 1, at });
        out.push(Event { kind, sector: sector(who), measure: 4, who, value: amount, at });
    }
    Ok(out)
}

/// The parts of every cell of the table `by` for the days `from..=to`.
pub fn rows(events: &[Event], from: NaiveDate, to: NaiveDate, by: Breakdown) -> KindRows {
    let (start, end) = span(from, to);
    // (row key, measure) → contributor → value
    let mut cells: BTreeMap<(&str, usize), BTreeMap<i32, i64>> = BTreeMap::new();
    for e in events.iter().filter(|e| e.at >= start && e.at < end && by.measures().contains(&e.measure)) {
        *cells.entry((by.key(e), e.measure)).or_default().entry(e.who).or_default() += e.value;
    }
    by.keys()
        .iter()
        .map(|key| {
            let row = by
                .measures()
                .iter()
                .map(|m| cells.get(&(*key, *m)).map(|c| c.iter().map(|(w, v)| (*w, *v)).collect()).unwrap_or_default())
                .collect();
            (key.to_string(), row)
        })
        .collect()
}
