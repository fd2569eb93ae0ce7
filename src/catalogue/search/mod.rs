//! Catalogue search: one query function behind the search page, its CSV export and
//! the JSON API.
//!
//! Everything runs here, on the facts of every approved WISE kept in memory and updated
//! per WISE from the change feed (see [`versioned`]): which WISEs the words match and
//! how well (`text`), filters, facet counts, sorting and paging. Both backends return
//! the same results in the same order by construction. (The offerings search and the
//! digests' changes match words in the database: FTS5 on SQLite, `tsvector` on
//! PostgreSQL.)

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{Double, Integer, Text};
use serde::{Deserialize, Serialize};

use super::store::{summaries, Summary};
use crate::catalogue::eligibility::{self, ReservedContract};
use crate::db::schema::{
    offering_municipalities, offerings, organisation_sectors, organisation_target_groups, organisations,
};
use crate::db::versioned::{self, Caches, Kind};
use crate::db::DbConn;
use crate::validation::{Errors, FieldError};
use crate::vocab;
use crate::vocab::cpv;

mod changes;
mod facts;
mod offering_search;
mod params;
mod text;

pub use changes::{changes, Change, ChangedOffering};
use facts::*;
use offering_search::*;
pub use offering_search::{search_offerings, OfferingHit, OfferingOwner, OfferingResult};
pub use params::*;
use text::*;

/// One value of a facet with how many WISEs the search would find with it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct FacetValue {
    pub value: String,
    /// For CPV groups and below: the English label of the code the prefix stands for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Its Dutch label, where the vocabulary has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_nl: Option<String>,
    pub count: usize,
    /// Whether the search currently filters on this value.
    pub selected: bool,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Facets {
    pub sector: Vec<FacetValue>,
    pub cpv: Vec<FacetValue>,
    pub kind: Vec<FacetValue>,
    pub municipality: Vec<FacetValue>,
    pub target_group: Vec<FacetValue>,
    pub certification: Vec<FacetValue>,
    /// One value, `true`: how many WISEs eligible for reserved contracts the search
    /// would find with `reserved=true` (present even when that is 0).
    pub reserved: Vec<FacetValue>,
}

/// A found WISE: its summary and how many of its offerings match the words.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct Hit {
    #[serde(flatten)]
    pub summary: Summary,
    pub matching_offerings: i64,
    /// Reserved-contract eligibility from the latest accepted figures; `null` when the
    /// WISE has no accepted figures.
    pub reserved_contract: Option<ReservedContract>,
}

#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct SearchResult {
    pub total: usize,
    pub page: u32,
    pub per_page: u32,
    pub pages: u32,
    pub items: Vec<Hit>,
    pub facets: Facets,
}

/// The search's caches, one set per application (`db::versioned::Caches`).
pub(super) struct SearchCaches {
    /// The facts of the approved WISEs, by day (certificates are valid or not on a day),
    /// updated per WISE from the change feed.
    pub(super) snapshots: versioned::Incremental<NaiveDate, Snapshot>,
    /// The text matches of recent words: the most common words match nearly every WISE
    /// and cost the most to rank.
    pub(super) text_matches: versioned::Cache<Vec<String>, TextMatches>,
    /// The results of recent searches (page and all): the searches people repeat most,
    /// for common words, are the dearest to compute (facets over nearly every WISE).
    results: versioned::Cache<(Search, NaiveDate), SearchResult>,
}

impl Default for SearchCaches {
    fn default() -> Self {
        Self {
            snapshots: versioned::Incremental::new("search facts", FACT_TABLES),
            text_matches: versioned::Cache::new("search text matches", &[Kind::Text], TEXT_TABLES, 16 << 20),
            results: versioned::Cache::new("search results", &[Kind::Text, Kind::Facts], RESULT_TABLES, 32 << 20),
        }
    }
}

/// What a result is made of: the facts, the text matches, and the CPV labels of the facets.
const RESULT_TABLES: &[&str] = &with_cpv_codes::<{ FACT_TABLES.len() + 1 }>(FACT_TABLES);

/// `tables` and `cpv_codes`.
const fn with_cpv_codes<const N: usize>(tables: &[&'static str]) -> [&'static str; N] {
    let mut out = ["cpv_codes"; N];
    let mut i = 0;
    while i < tables.len() {
        out[i] = tables[i];
        i += 1;
    }
    out
}

impl versioned::Weigh for SearchResult {
    fn weight(&self) -> usize {
        versioned::json_weight(self)
    }
}

/// The search's caches and the tables each depends on.
pub fn caches() -> [versioned::Declared; 3] {
    let c = SearchCaches::default();
    [c.snapshots.declared(), c.text_matches.declared(), c.results.declared()]
}

/// Runs a search (or finds its result in memory, when the catalogue has not changed
/// since it last ran). Only pages a visitor can ask for are kept: not exports (every
/// hit in one "page"), not pages past the first ten.
pub fn search(conn: &mut DbConn, caches: &Caches, search: &Search, today: NaiveDate) -> QueryResult<SearchResult> {
    let caches = caches.get::<SearchCaches>();
    if search.per_page > MAX_PER_PAGE || search.page > 10 {
        return run_search(conn, &caches, search, today);
    }
    let result =
        caches.results.get_or_load(conn, (search.clone(), today), |c| run_search(c, &caches, search, today))?;
    Ok(SearchResult::clone(&result))
}

fn run_search(
    conn: &mut DbConn,
    caches: &SearchCaches,
    search: &Search,
    today: NaiveDate,
) -> QueryResult<SearchResult> {
    let (matches, snapshot) = candidates(conn, caches, search, today)?;
    let facts = matching(&snapshot, &matches);
    let passing: Vec<(i32, &Facts)> = facts.iter().filter(|(_, f)| search.passes(f, None)).copied().collect();
    let mut facets = facets(search, &facts, &passing, &snapshot.names);
    label_cpv_facet(conn, &mut facets.cpv)?;

    let score = |id: i32| matches.as_ref().and_then(|m| m.get(&id)).map_or(0.0, |s| s.0);
    // Each with its relevance, looked up once rather than in every comparison.
    let mut found: Vec<(f64, i32, &Facts)> = passing.iter().map(|(id, f)| (score(*id), *id, *f)).collect();
    match search.sort.as_str() {
        "updated" => found.sort_by(|a, b| b.2.updated_at.cmp(&a.2.updated_at).then(a.2.name_key.cmp(&b.2.name_key))),
        "relevance" if matches.is_some() => {
            found.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.name_key.cmp(&b.2.name_key)).then(a.1.cmp(&b.1)))
        }
        _ => found.sort_by(|a, b| a.2.name_key.cmp(&b.2.name_key).then(a.1.cmp(&b.1))),
    }
    let total = found.len();
    let pages = u32::try_from(total.div_ceil(search.per_page as usize).max(1)).unwrap_or(u32::MAX);
    let start = (search.page as usize - 1) * search.per_page as usize;
    let page_ids: Vec<i32> = found.iter().skip(start).take(search.per_page as usize).map(|(_, id, _)| *id).collect();
    let mut by_id: HashMap<i32, Summary> = summaries(conn, &page_ids)?.into_iter().map(|s| (s.id, s)).collect();
    let items = page_ids
        .iter()
        .filter_map(|id| by_id.remove(id))
        .map(|summary| Hit {
            matching_offerings: matches.as_ref().and_then(|m| m.get(&summary.id)).map_or(0, |s| s.1),
            reserved_contract: snapshot.facts.get(&summary.id).and_then(|f| f.reserved_contract.clone()),
            summary,
        })
        .collect();
    Ok(SearchResult { total, page: search.page, per_page: search.per_page, pages, items, facets })
}

/// Labels CPV prefixes longer than a division with the vocabulary's label of the code
/// they stand for (`452` → `45200000`).
fn label_cpv_facet(conn: &mut DbConn, values: &mut [FacetValue]) -> QueryResult<()> {
    use crate::db::schema::cpv_codes;
    let codes: Vec<String> = values.iter().filter(|v| v.value.len() > 2).map(|v| format!("{:0<8}", v.value)).collect();
    if codes.is_empty() {
        return Ok(());
    }
    let labels: HashMap<String, (String, Option<String>)> = cpv_codes::table
        .filter(cpv_codes::code.eq_any(&codes))
        .select((cpv_codes::code, (cpv_codes::label_en, cpv_codes::label_nl)))
        .load::<(String, (String, Option<String>))>(conn)?
        .into_iter()
        .collect();
    for v in values.iter_mut().filter(|v| v.value.len() > 2) {
        if let Some((en, nl)) = labels.get(&format!("{:0<8}", v.value)) {
            (v.label, v.label_nl) = (Some(en.clone()), nl.clone());
        }
    }
    Ok(())
}

/// The facets of a search over the WISEs its words match (`facts`), of which `passing`
/// pass every filter.
fn facets(
    search: &Search,
    facts: &[(i32, &Facts)],
    passing: &[(i32, &Facts)],
    names: &BTreeMap<String, String>,
) -> Facets {
    let found: Vec<&Facts> = passing.iter().map(|(_, f)| *f).collect();
    // A facet counts the WISEs that pass every filter but its own: the found ones,
    // unless the search filters on it (one pass over every WISE per filter set).
    let without = |d: Dimension| -> std::vec::IntoIter<&Facts> {
        if search.filters(d) {
            facts.iter().map(|(_, f)| *f).filter(|f| search.passes(f, Some(d))).collect::<Vec<_>>().into_iter()
        } else {
            found.clone().into_iter()
        }
    };
    // The CPV facet shows the level below the chosen prefix (divisions when none).
    let depth = search.cpv.as_ref().map_or(2, |p| (p.len() + 1).min(8));
    let mut cpv = match &search.cpv {
        None => facet(without(Dimension::Cpv), |f| f.cpv_divisions.iter().map(String::as_str), None, None),
        Some(prefix) => facet(
            without(Dimension::Cpv),
            |f| {
                let mut below: Vec<&str> = f
                    .cpv_codes
                    .iter()
                    .filter(|c| c.starts_with(prefix.as_str()))
                    .map(|c| &c[..depth])
                    .filter(|p| !p.ends_with('0'))
                    .collect();
                below.sort_unstable();
                below.dedup();
                below.into_iter()
            },
            None,
            None,
        ),
    };
    if let Some(p) = &search.cpv {
        let count = found.len();
        cpv.insert(0, FacetValue { value: p.clone(), label: None, label_nl: None, count, selected: true });
    }
    // Municipalities: a WISE with a national offering serves them all.
    let national: usize = without(Dimension::Municipality).filter(|f| f.national).count();
    let local: HashMap<String, usize> = facet(
        without(Dimension::Municipality).filter(|f| !f.national),
        |f| f.municipalities.iter().map(String::as_str),
        None,
        None,
    )
    .into_iter()
    .map(|v| (v.value, v.count))
    .collect();
    let chosen = search.municipality.as_deref().map(|m| fold(m.trim()));
    let municipality: Vec<FacetValue> = names
        .iter()
        .map(|(folded, written)| FacetValue {
            value: written.clone(),
            label: None,
            label_nl: None,
            count: national + local.get(folded).copied().unwrap_or(0),
            selected: chosen.as_deref() == Some(folded.as_str()),
        })
        .filter(|v| v.count > 0 || v.selected)
        .collect();
    Facets {
        sector: facet(
            without(Dimension::Sector),
            |f| f.sectors.iter().map(String::as_str),
            Some(vocab::SECTORS),
            search.sector.as_deref(),
        ),
        cpv,
        kind: facet(
            without(Dimension::Kind),
            |f| f.kinds.iter().map(String::as_str),
            Some(vocab::OFFERING_KINDS),
            search.kind.as_deref(),
        ),
        municipality,
        target_group: facet(
            without(Dimension::TargetGroup),
            |f| f.target_groups.iter().map(String::as_str),
            Some(vocab::TARGET_GROUPS),
            search.target_group.as_deref(),
        ),
        certification: facet(
            without(Dimension::Certification),
            |f| f.certifications.iter().copied(),
            Some(CERTIFICATIONS),
            search.certification.as_deref(),
        ),
        reserved: vec![FacetValue {
            value: "true".into(),
            label: None,
            label_nl: None,
            count: without(Dimension::Reserved).filter(|f| f.eligible()).count(),
            selected: search.reserved,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_and_stripped_of_syntax() {
        assert_eq!(words("Café \"NEAR\" schoon*maak: (x) OR"), ["cafe", "near", "schoon", "maak", "x", "or"]);
        assert_eq!(words("  "), Vec::<String>::new());
        assert_eq!(words(&"a ".repeat(50)), ["a"]);
        assert_eq!(words("één coöperatie"), ["een", "cooperatie"]);
    }

    #[test]
    fn parameters_are_checked_by_name() {
        let ok = SearchParams { q: Some("fiets".into()), cpv: Some("45200000-7".into()), ..Default::default() };
        let s = ok.check(20).unwrap();
        assert_eq!(s.cpv.as_deref(), Some("452"));
        assert_eq!(s.sort, "relevance");
        let bad = SearchParams {
            q: Some("x".repeat(10_000)),
            sector: Some("bakery".into()),
            cpv: Some("4x".into()),
            page: Some("0".into()),
            per_page: Some("1000".into()),
            ..Default::default()
        };
        let fields: Vec<String> = bad.check(20).unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["q", "sector", "cpv", "page", "per_page"]);
    }

    #[test]
    fn reserved_is_true_false_or_absent() {
        let with = |v: &str| SearchParams { reserved: Some(v.into()), ..Default::default() }.check(20);
        assert!(with("true").unwrap().reserved);
        assert!(!with("false").unwrap().reserved);
        assert!(!with(" ").unwrap().reserved);
        assert!(!SearchParams::default().check(20).unwrap().reserved);
        let fields: Vec<String> = with("yes").unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["reserved"]);
    }
}
