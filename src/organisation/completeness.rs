//! How complete a WISE's profile is: the one checklist and score that the WISE's own
//! pages, the operator's overview, the monthly nudge and the order in which need alerts
//! go out all use. Eight things a buyer looks for, each worth the same:
//!
//! - `description`: a description of at least 80 characters;
//! - `contact`: a website, an email address and a phone number;
//! - `address`: a street address;
//! - `market_income`: the share of income earned in the market;
//! - `offerings`: at least one active offering, each with a CPV code;
//! - `service_areas`: every active offering says where it delivers — nationally, in the
//!   municipalities it lists (at least one), or within a radius of a municipality the
//!   platform has coordinates for;
//! - `certificates`: a certificate that counts — verified by the operator and current
//!   (`certificates::Certificate::counts_on`): a PSO level, the Code Sociale
//!   Ondernemingen registration, Social Enterprise NL membership or another;
//! - `figures`: figures submitted (or accepted) for the latest reporting period that
//!   has opened (done when none has opened yet).
//!
//! The score is the share of them done, 0 to 100, rounded down.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::{offering_municipalities, offerings, organisations, reporting_periods, submissions};
use crate::db::DbConn;
use crate::geography::Gazetteer;

/// The checklist's items, in the order they are shown.
pub const ITEMS: [&str; 8] =
    ["description", "contact", "address", "market_income", "offerings", "service_areas", "certificates", "figures"];

/// A WISE's checklist: each item of [`ITEMS`] done or not, and the score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Completeness {
    /// The items done, in the order of [`ITEMS`].
    pub done: Vec<&'static str>,
    /// The items still missing, in the order of [`ITEMS`].
    pub missing: Vec<&'static str>,
    /// The share of the items done, 0 to 100.
    pub score: i32,
}

impl Completeness {
    fn of(done: [bool; 8]) -> Self {
        let (mut yes, mut no) = (Vec::new(), Vec::new());
        for (item, ok) in ITEMS.iter().zip(done) {
            if ok {
                yes.push(*item);
            } else {
                no.push(*item);
            }
        }
        let score = i32::try_from(yes.len() * 100 / ITEMS.len()).unwrap_or(0);
        Completeness { done: yes, missing: no, score }
    }
}

type OrgRow = (i32, String, Option<String>, Option<String>, Option<String>, Option<String>, Option<i32>, String);

/// The checklist of every organisation in `ids` (all approved ones with `None`) on `today`.
pub fn of_organisations(
    conn: &mut DbConn,
    ids: Option<&[i32]>,
    today: NaiveDate,
) -> QueryResult<HashMap<i32, Completeness>> {
    let mut q = organisations::table
        .select((
            organisations::id,
            organisations::description,
            organisations::website,
            organisations::email,
            organisations::phone,
            organisations::street,
            organisations::market_income_pct,
            organisations::municipality,
        ))
        .into_boxed();
    q = match ids {
        Some(ids) => q.filter(organisations::id.eq_any(ids.to_vec())),
        None => q.filter(crate::organisation::public()),
    };
    let rows: Vec<OrgRow> = q.load(conn)?;
    let ids: Vec<i32> = rows.iter().map(|r| r.0).collect();

    let certified = super::certificates::counting_on(conn, Some(&ids), today, &super::certificates::KINDS)?;
    // Per organisation: (active offerings, all with a CPV code, all with a usable area).
    let listed: HashSet<i32> = offering_municipalities::table
        .inner_join(offerings::table)
        .filter(offerings::organisation_id.eq_any(&ids))
        .select(offering_municipalities::offering_id)
        .load::<i32>(conn)?
        .into_iter()
        .collect();
    let gazetteer = crate::geography::store::gazetteer(conn)?;
    let placed = |municipality: &str, g: &Gazetteer| g.find(municipality).is_some_and(|m| m.centroid.is_some());
    let mut offering_facts: HashMap<i32, (usize, bool, bool)> = HashMap::new();
    let municipality_of: HashMap<i32, &str> = rows.iter().map(|r| (r.0, r.7.as_str())).collect();
    type OfferingRow = (i32, i32, String, String, Option<i32>);
    let offering_rows: Vec<OfferingRow> = offerings::table
        .filter(offerings::organisation_id.eq_any(&ids))
        .filter(offerings::active.eq(true))
        .select((
            offerings::id,
            offerings::organisation_id,
            offerings::cpv_code,
            offerings::service_area,
            offerings::service_radius_km,
        ))
        .load(conn)?;
    for (id, organisation, cpv, area, radius) in offering_rows {
        let entry = offering_facts.entry(organisation).or_insert((0, true, true));
        entry.0 += 1;
        entry.1 &= !cpv.trim().is_empty();
        let home = municipality_of.get(&organisation).copied().unwrap_or("");
        entry.2 &= match area.as_str() {
            "national" => true,
            "municipalities" => listed.contains(&id),
            "radius" => radius.is_some_and(|r| r > 0) && placed(home, &gazetteer),
            _ => false,
        };
    }

    let reported = reported_latest(conn, &ids, today)?;
    Ok(rows
        .into_iter()
        .map(|(id, description, website, email, phone, street, market, _)| {
            let (count, coded, areas) = offering_facts.get(&id).copied().unwrap_or((0, false, false));
            let certificates = certified.contains_key(&id);
            let done = [
                description.trim().chars().count() >= 80,
                website.is_some() && email.is_some() && phone.is_some(),
                street.is_some(),
                market.is_some(),
                count > 0 && coded,
                count > 0 && areas,
                certificates,
                reported.as_ref().is_none_or(|r| r.contains(&id)),
            ];
            (id, Completeness::of(done))
        })
        .collect())
}

/// An item's name in `lang` (`completeness-item-…`).
pub fn item_name(item: &str, lang: crate::i18n::Lang) -> String {
    crate::i18n::text(lang, &format!("completeness-item-{item}"))
}

/// The organisations among `ids` that submitted figures for the latest period opened by
/// `today` (the quarter before a year that ends the same day); `None` when no period
/// has opened.
fn reported_latest(conn: &mut DbConn, ids: &[i32], today: NaiveDate) -> QueryResult<Option<HashSet<i32>>> {
    let periods: Vec<(i32, NaiveDate, NaiveDate)> = reporting_periods::table
        .filter(reporting_periods::opens_on.le(today))
        .select((reporting_periods::id, reporting_periods::ends_on, reporting_periods::starts_on))
        .load(conn)?;
    let Some((latest, _, _)) = periods.into_iter().max_by_key(|(id, ends, starts)| (*ends, *starts, *id)) else {
        return Ok(None);
    };
    let done: Vec<i32> = submissions::table
        .filter(submissions::period_id.eq(latest))
        .filter(submissions::organisation_id.eq_any(ids))
        .filter(submissions::status.eq_any(["submitted", "accepted"]))
        .select(submissions::organisation_id)
        .load(conn)?;
    Ok(Some(done.into_iter().collect()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_score_is_the_share_of_items_done() {
        let c = Completeness::of([true, true, false, true, true, true, false, true]);
        assert_eq!(c.score, 75);
        assert_eq!(c.missing, ["address", "certificates"]);
        assert_eq!(Completeness::of([true; 8]).score, 100);
        assert_eq!(Completeness::of([false; 8]).done.len(), 0);
    }
}
