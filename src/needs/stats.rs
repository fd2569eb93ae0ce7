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

/// Per kind of need (in `vocab::NEED_KINDS` order), per measure, the contributions.
pub type KindRows = Vec<(String, Vec<Vec<i64>>)>;

fn span(from: NaiveDate, to: NaiveDate) -> (NaiveDateTime, NaiveDateTime) {
    (
        from.and_hms_opt(0, 0, 0).expect("midnight"),
        (to + chrono::Duration::days(1)).and_hms_opt(0, 0, 0).expect("midnight"),
    )
}

/// The contributions of every cell for the days `from..=to`.
pub fn collect(conn: &mut DbConn, from: NaiveDate, to: NaiveDate) -> QueryResult<KindRows> {
    let (start, end) = span(from, to);
    // (kind, measure) → contributor → value
    let mut cells: BTreeMap<(String, usize), BTreeMap<i32, i64>> = BTreeMap::new();
    let mut add = |kind: &str, measure: usize, who: i32, value: i64| {
        *cells.entry((kind.to_string(), measure)).or_default().entry(who).or_default() += value;
    };
    let published: Vec<(String, i32)> = needs::table
        .filter(needs::published_at.ge(start))
        .filter(needs::published_at.lt(end))
        .select((needs::kind, needs::buying_organisation_id))
        .load(conn)?;
    for (kind, buyer) in published {
        add(&kind, 0, buyer, 1);
    }
    let alerted: Vec<(String, i32)> = needs::table
        .inner_join(need_matches::table)
        .filter(need_matches::alerted_at.ge(start))
        .filter(need_matches::alerted_at.lt(end))
        .select((needs::kind, need_matches::organisation_id))
        .load(conn)?;
    for (kind, wise) in alerted {
        add(&kind, 1, wise, 1);
    }
    let interested: Vec<(String, i32)> = needs::table
        .inner_join(need_matches::table)
        .filter(need_matches::responded_at.ge(start))
        .filter(need_matches::responded_at.lt(end))
        .filter(need_matches::response.eq_any(["interested", "joint"]))
        .select((needs::kind, need_matches::organisation_id))
        .load(conn)?;
    for (kind, wise) in interested {
        add(&kind, 2, wise, 1);
    }
    let deals: Vec<(String, i32, i64)> = needs::table
        .inner_join(need_deals::table)
        .filter(need_deals::status.eq("confirmed"))
        .filter(need_deals::reported_at.ge(start))
        .filter(need_deals::reported_at.lt(end))
        .select((needs::kind, need_deals::organisation_id, need_deals::amount_eur))
        .load(conn)?;
    for (kind, wise, amount) in deals {
        add(&kind, 3, wise, 1);
        add(&kind, 4, wise, amount);
    }
    Ok(crate::vocab::NEED_KINDS
        .iter()
        .map(|kind| {
            let row = (0..MEASURES.len())
                .map(|m| cells.get(&(kind.to_string(), m)).map(|c| c.values().copied().collect()).unwrap_or_default())
                .collect();
            (kind.to_string(), row)
        })
        .collect())
}
