//! Which WISEs a need is for: the one function the operator's page, the alerts and the
//! API use. A WISE matches when it is approved and has an active offering
//! - whose CPV code shares the need's branch: the first `branch_digits` digits of one of
//!   the need's codes (default 4, the class), or — when fewer than `min_matches` WISEs
//!   match that way — the first `fallback_digits` (default 3, the group);
//! - of the need's kind of offering (good, service, works);
//! - that delivers where the need is: everywhere for a national need only a national
//!   offering; otherwise `organisation::offerings::serves` at the need's municipality
//!   (an offering with a radius serves the municipalities within it; a need with a
//!   radius counts as its municipality);
//! - and, for a reserved need, the WISE is eligible under art. 2.82 (its latest accepted figures).
//!
//! The operator's additions and removals (rows of `need_matches`) are laid over it.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use super::model::Need;
use crate::catalogue::eligibility;
use crate::config::NeedsConfig;
use crate::db::schema::{offering_municipalities, offerings, organisations};
use crate::db::DbConn;
use crate::organisation::offerings::serves;

/// A WISE on a need's list.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Candidate {
    pub organisation_id: i32,
    pub name: String,
    pub slug: String,
    pub kvk_number: String,
    pub municipality: String,
    /// The offerings that match, by title.
    pub offerings: Vec<String>,
    /// How complete the WISE's profile is (0–100): who is alerted first.
    pub completeness: i32,
    /// Eligible for reserved contracts on its latest accepted figures.
    pub eligible: bool,
}

/// The branch length the rules settled on, and the WISEs, most complete profile first.
#[derive(Debug, Clone, Serialize)]
pub struct Matches {
    pub branch_digits: usize,
    pub candidates: Vec<Candidate>,
}

struct OfferingFacts {
    id: i32,
    organisation_id: i32,
    title: String,
    kind: String,
    cpv_code: String,
    area: String,
    radius_km: Option<i32>,
}

/// The WISEs that match `need` by the rules.
/// `today` dates the WISEs' profile completeness (whether their figures are up to date).
pub fn candidates(conn: &mut DbConn, config: &NeedsConfig, need: &Need, today: NaiveDate) -> QueryResult<Matches> {
    let codes = need.cpv_list();
    type OfferingRow = (i32, i32, String, String, String, String, Option<i32>);
    let rows: Vec<OfferingRow> = offerings::table
        .inner_join(organisations::table)
        .filter(crate::organisation::public())
        .filter(offerings::active.eq(true))
        .filter(offerings::kind.eq(&need.offering_kind))
        .select((
            offerings::id,
            offerings::organisation_id,
            offerings::title,
            offerings::kind,
            offerings::cpv_code,
            offerings::service_area,
            offerings::service_radius_km,
        ))
        .load(conn)?;
    let facts: Vec<OfferingFacts> = rows
        .into_iter()
        .map(|(id, organisation_id, title, kind, cpv_code, area, radius_km)| OfferingFacts {
            id,
            organisation_id,
            title,
            kind,
            cpv_code,
            area,
            radius_km,
        })
        .collect();
    let ids: Vec<i32> = facts.iter().map(|f| f.id).collect();
    let mut listed: HashMap<i32, Vec<String>> = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(i32, String)> = offering_municipalities::table
            .filter(offering_municipalities::offering_id.eq_any(chunk))
            .select((offering_municipalities::offering_id, offering_municipalities::municipality))
            .load(conn)?;
        for (id, m) in rows {
            listed.entry(id).or_default().push(m);
        }
    }
    let orgs: HashMap<i32, Profile> = profile_facts(conn, today)?;
    let places = crate::geography::store::gazetteer(conn)?;
    let eligible = if need.reserved { eligibility::for_approved(conn)? } else { HashMap::new() };
    let in_place = |f: &OfferingFacts| {
        let Some((_, _, _, wise_municipality, _)) = orgs.get(&f.organisation_id) else {
            return false;
        };
        match (need.location.as_str(), need.municipality.as_deref()) {
            ("national", _) | (_, None) => f.area == "national",
            (_, Some(asked)) => {
                let listed = listed.get(&f.id).map_or(&[][..], Vec::as_slice);
                serves(&f.area, f.radius_km, listed, wise_municipality, asked, &places)
            }
        }
    };
    let usable: Vec<&OfferingFacts> = facts
        .iter()
        .filter(|f| f.kind == need.offering_kind)
        .filter(|f| in_place(f))
        .filter(|f| !need.reserved || eligible.get(&f.organisation_id).is_some_and(|r| r.eligible))
        .collect();
    let by_branch = |digits: usize| -> BTreeMap<i32, Vec<String>> {
        let branches: Vec<&str> = codes.iter().filter_map(|c| c.get(..digits)).collect();
        let mut found: BTreeMap<i32, Vec<String>> = BTreeMap::new();
        for f in &usable {
            if f.cpv_code.get(..digits).is_some_and(|b| branches.contains(&b)) {
                found.entry(f.organisation_id).or_default().push(f.title.clone());
            }
        }
        found
    };
    let mut digits = config.branch_digits;
    let mut found = by_branch(digits);
    if found.len() < config.min_matches && config.fallback_digits < digits {
        digits = config.fallback_digits;
        found = by_branch(digits);
    }
    let mut candidates: Vec<Candidate> = found
        .into_iter()
        .filter_map(|(id, mut titles)| {
            let (name, slug, kvk_number, municipality, completeness) = orgs.get(&id)?.clone();
            titles.sort();
            titles.dedup();
            let eligible = need.reserved && eligible.get(&id).is_some_and(|r| r.eligible);
            Some(Candidate {
                organisation_id: id,
                name,
                slug,
                kvk_number,
                municipality,
                offerings: titles,
                completeness,
                eligible,
            })
        })
        .collect();
    candidates.sort_by(|a, b| b.completeness.cmp(&a.completeness).then_with(|| a.name.cmp(&b.name)));
    Ok(Matches { branch_digits: digits, candidates })
}

/// A WISE's name, slug, KvK number, municipality and profile completeness (0–100).
type Profile = (String, String, String, String, i32);

/// Per approved WISE: its [`Profile`], completeness by the one checklist
/// (`organisation::completeness`).
fn profile_facts(conn: &mut DbConn, today: NaiveDate) -> QueryResult<HashMap<i32, Profile>> {
    let scores = crate::organisation::completeness::of_organisations(conn, None, today)?;
    let rows: Vec<(i32, String, String, String, String)> = organisations::table
        .filter(crate::organisation::public())
        .select((
            organisations::id,
            organisations::name,
            organisations::slug,
            organisations::kvk_number,
            organisations::municipality,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, slug, kvk, municipality)| {
            let score = scores.get(&id).map_or(0, |c| c.score);
            (id, (name, slug, kvk, municipality, score))
        })
        .collect())
}
