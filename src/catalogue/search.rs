//! Catalogue search: one query function behind the search page, its CSV export and
//! the JSON API.
//!
//! The text part runs in the database (FTS5 on SQLite, `tsvector` on PostgreSQL) and
//! only yields which WISEs match and how well. Filters, facet counts, sorting by name or
//! date and paging then run here, on the facts of every approved WISE, kept in memory
//! while the data version is unchanged (see [`versioned`]), so both
//! backends return the same result set and the same counts by construction (only the
//! order under relevance sorting may differ, as the backends rank differently).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Integer, Text};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::store::{summaries, Summary};
use crate::catalogue::eligibility::{self, ReservedContract};
use crate::db::schema::{
    offering_municipalities, offerings, organisation_sectors, organisation_target_groups, organisations,
};
use crate::db::{versioned, DbConn};
use crate::validation::{Errors, FieldError};
use crate::vocab;
use crate::vocab::cpv;

/// Longest search text accepted.
pub const MAX_QUERY_CHARS: usize = 200;
/// At most this many words of a search text are used.
pub const MAX_WORDS: usize = 8;
pub const MAX_PER_PAGE: u32 = 100;
pub use vocab::{CERTIFICATION_FILTERS as CERTIFICATIONS, SORTS};

/// A search as it arrives in the URL (page or API): every parameter as text, so a bad
/// value becomes a field error rather than a parse failure.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// Words to find in names, descriptions and offerings (prefix match, at most 200 characters).
    pub q: Option<String>,
    /// A sector code (SPEC §5).
    pub sector: Option<String>,
    /// A CPV code prefix of 2 to 8 digits, or a full code (`45200000-7`).
    pub cpv: Option<String>,
    /// `good`, `service` or `works`.
    pub kind: Option<String>,
    /// A municipality the WISE serves (case and accents ignored).
    pub municipality: Option<String>,
    /// A target-group code (SPEC §5).
    pub target_group: Option<String>,
    /// `pso` (valid PSO certificate), `cso` (registered) or `sena` (member).
    pub certification: Option<String>,
    /// `true`: only WISEs eligible for reserved contracts (Aanbestedingswet art. 2.82),
    /// judged on their latest accepted figures; `false` or empty: no filter.
    pub reserved: Option<String>,
    /// `relevance` (default with words), `name` (default without) or `updated`.
    pub sort: Option<String>,
    /// Page number, from 1.
    pub page: Option<String>,
    /// Results per page, 1 to 100.
    pub per_page: Option<String>,
}

/// A checked search.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Search {
    /// The words searched for: lower case, diacritics folded, nothing but letters and digits.
    pub words: Vec<String>,
    pub sector: Option<String>,
    /// A CPV code prefix (division, group, class, …).
    pub cpv: Option<String>,
    pub kind: Option<String>,
    pub municipality: Option<String>,
    pub target_group: Option<String>,
    pub certification: Option<String>,
    /// Only WISEs eligible for reserved contracts.
    pub reserved: bool,
    pub sort: String,
    pub page: u32,
    pub per_page: u32,
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// Lower case, diacritics removed (é → e, ï → i).
pub fn fold(text: &str) -> String {
    text.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// The words of a search text: runs of letters and digits, folded. Everything else,
/// including FTS syntax (`"`, `*`, `:`, `NEAR`, parentheses), only separates words.
pub fn words(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut words: Vec<String> = Vec::new();
    for word in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let word: String = word.chars().take(40).collect();
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words.truncate(MAX_WORDS);
    words
}

impl SearchParams {
    /// Checks every parameter; errors name the parameter.
    pub fn check(&self, default_per_page: u32) -> Result<Search, Vec<FieldError>> {
        let mut e = Errors::default();
        let q = given(&self.q).unwrap_or("");
        e.check(q.chars().count() <= MAX_QUERY_CHARS, "q", "error-search-too-long");
        let sector = given(&self.sector).map(str::to_string);
        if let Some(s) = &sector {
            e.check(vocab::is_sector(s), "sector", "error-unknown-sector");
        }
        let kind = given(&self.kind).map(str::to_string);
        if let Some(k) = &kind {
            e.check(vocab::OFFERING_KINDS.contains(&k.as_str()), "kind", "error-unknown-code");
        }
        let target_group = given(&self.target_group).map(str::to_string);
        if let Some(t) = &target_group {
            e.check(vocab::is_target_group(t), "target_group", "error-unknown-target-group");
        }
        let certification = given(&self.certification).map(str::to_string);
        if let Some(c) = &certification {
            e.check(CERTIFICATIONS.contains(&c.as_str()), "certification", "error-unknown-code");
        }
        let reserved = match given(&self.reserved) {
            None | Some("false") => false,
            Some("true") => true,
            Some(_) => {
                e.add("reserved", "error-unknown-code");
                false
            }
        };
        let cpv = match given(&self.cpv) {
            None => None,
            Some(raw) => match cpv_prefix(raw) {
                Some(prefix) => Some(prefix),
                None => {
                    e.add("cpv", "error-cpv-prefix");
                    None
                }
            },
        };
        let municipality = given(&self.municipality).map(str::to_string);
        if let Some(m) = &municipality {
            e.check(m.chars().count() <= 200, "municipality", "error-too-long");
        }
        let words = words(q);
        let sort = match given(&self.sort) {
            Some(s) if SORTS.contains(&s) => s.to_string(),
            Some(_) => {
                e.add("sort", "error-unknown-code");
                String::new()
            }
            None if words.is_empty() => "name".to_string(),
            None => "relevance".to_string(),
        };
        let page = match given(&self.page).map(str::parse::<u32>) {
            None => 1,
            Some(Ok(p)) if p >= 1 => p,
            Some(_) => {
                e.add("page", "error-page");
                1
            }
        };
        let per_page = match given(&self.per_page).map(str::parse::<u32>) {
            None => default_per_page,
            Some(Ok(n)) if (1..=MAX_PER_PAGE).contains(&n) => n,
            Some(_) => {
                e.add("per_page", "error-per-page");
                default_per_page
            }
        };
        e.into_result()?;
        Ok(Search {
            words,
            sector,
            cpv,
            kind,
            municipality,
            target_group,
            certification,
            reserved,
            sort,
            page,
            per_page,
        })
    }
}

/// A CPV prefix from what a user typed: digits (a full code `45200000` or
/// `45200000-7` means its own level, `452`); at least the 2 digits of a division.
pub fn cpv_prefix(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if let Some(code) = cpv::normalise(raw) {
        return Some(cpv::prefix(&code).to_string());
    }
    (raw.len() >= 2 && raw.len() <= 8 && raw.bytes().all(|b| b.is_ascii_digit())).then(|| raw.to_string())
}

/// One value of a facet with how many WISEs the search would find with it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct FacetValue {
    pub value: String,
    /// For CPV groups and below: the English label of the code the prefix stands for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
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

/// What filtering needs to know of one approved WISE.
#[derive(Debug, Default)]
struct Facts {
    name_key: String,
    updated_at: Option<NaiveDateTime>,
    sectors: Vec<String>,
    target_groups: Vec<String>,
    kinds: HashSet<String>,
    cpv_codes: HashSet<String>,
    /// The CPV divisions (two digits) of `cpv_codes`, once each: the CPV facet without
    /// a CPV filter.
    cpv_divisions: Vec<String>,
    /// Municipalities served (folded): its own, and those its offerings list.
    municipalities: HashSet<String>,
    national: bool,
    certifications: Vec<&'static str>,
    reserved_contract: Option<ReservedContract>,
}

impl Facts {
    fn eligible(&self) -> bool {
        self.reserved_contract.as_ref().is_some_and(|r| r.eligible)
    }
}

#[derive(QueryableByName)]
struct Scored {
    #[diesel(sql_type = Integer)]
    id: i32,
    #[diesel(sql_type = Double)]
    score: f64,
}

#[derive(QueryableByName)]
struct Counted {
    #[diesel(sql_type = Integer)]
    id: i32,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// WISEs whose own text matches every word (by prefix), and WISEs with active
/// offerings that do: id → (relevance, matching offerings).
fn text_matches(conn: &mut DbConn, words: &[String]) -> QueryResult<TextMatches> {
    let mut found = TextMatches::new();
    let (own, offers): (Vec<Scored>, Vec<Counted>) = match conn {
        DbConn::Sqlite(c) => {
            // Each word quoted (so nothing in it is FTS syntax) and matched by prefix.
            let query = words.iter().map(|w| format!("\"{w}\"*")).collect::<Vec<_>>().join(" ");
            let own = diesel::sql_query(
                "SELECT rowid AS id, -bm25(organisations_fts, 4.0, 1.0) AS score \
                 FROM organisations_fts WHERE organisations_fts MATCH ?",
            )
            .bind::<Text, _>(&query)
            .load(c)?;
            let offers = diesel::sql_query(
                "SELECT f.organisation_id AS id, COUNT(*) AS n FROM offerings_fts \
                 JOIN offerings f ON f.id = offerings_fts.rowid \
                 WHERE offerings_fts MATCH ? AND f.active GROUP BY f.organisation_id",
            )
            .bind::<Text, _>(&query)
            .load(c)?;
            (own, offers)
        }
        DbConn::Postgres(c) => {
            let query = words.iter().map(|w| format!("{w}:*")).collect::<Vec<_>>().join(" & ");
            let own = diesel::sql_query(
                "SELECT id, ts_rank(search, q)::float8 AS score \
                 FROM organisations, to_tsquery('simple', $1) q WHERE search @@ q",
            )
            .bind::<Text, _>(&query)
            .load(c)?;
            let offers = diesel::sql_query(
                "SELECT organisation_id AS id, COUNT(*) AS n FROM offerings \
                 WHERE active AND search @@ to_tsquery('simple', $1) GROUP BY organisation_id",
            )
            .bind::<Text, _>(&query)
            .load(c)?;
            (own, offers)
        }
    };
    for s in own {
        found.entry(s.id).or_default().0 += 1.0 + s.score;
    }
    for o in offers {
        let entry = found.entry(o.id).or_default();
        entry.0 += 0.5 * (1.0 + o.n as f64).ln();
        entry.1 = o.n;
    }
    Ok(found)
}

/// Loads the facts of every approved WISE, with, for each folded municipality name,
/// the name as written (the first in sort order, so both backends agree).
fn load_facts(conn: &mut DbConn, today: NaiveDate) -> QueryResult<Snapshot> {
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut remember = |name: &str| {
        let written = name.trim().to_string();
        let folded = fold(&written);
        let entry = names.entry(folded.clone()).or_insert_with(|| written.clone());
        if written < *entry {
            *entry = written;
        }
        folded
    };
    let mut facts: BTreeMap<i32, Facts> = BTreeMap::new();
    type OrgRow = (i32, String, String, NaiveDateTime, Option<String>, Option<NaiveDate>, Option<String>, bool);
    let q = organisations::table.filter(organisations::status.eq("approved")).select((
        organisations::id,
        organisations::name,
        organisations::municipality,
        organisations::updated_at,
        organisations::pso_level,
        organisations::pso_valid_until,
        organisations::cso_status,
        organisations::sena_member,
    ));
    for (id, name, municipality, updated, pso, pso_until, cso, sena) in q.load::<OrgRow>(conn)? {
        let mut certifications = Vec::new();
        if pso.is_some() && pso_until.is_some_and(|d| d >= today) {
            certifications.push("pso");
        }
        if cso.as_deref() == Some("registered") {
            certifications.push("cso");
        }
        if sena {
            certifications.push("sena");
        }
        facts.insert(
            id,
            Facts {
                name_key: fold(&name),
                updated_at: Some(updated),
                municipalities: HashSet::from([remember(&municipality)]),
                certifications,
                ..Default::default()
            },
        );
    }
    for (id, verdict) in eligibility::for_approved(conn)? {
        if let Some(f) = facts.get_mut(&id) {
            f.reserved_contract = Some(verdict);
        }
    }

    let sq = organisation_sectors::table
        .order((organisation_sectors::organisation_id, organisation_sectors::position))
        .select((organisation_sectors::organisation_id, organisation_sectors::sector));
    for (id, sector) in sq.load::<(i32, String)>(conn)? {
        if let Some(f) = facts.get_mut(&id) {
            f.sectors.push(sector);
        }
    }
    let tq = organisation_target_groups::table
        .select((organisation_target_groups::organisation_id, organisation_target_groups::target_group));
    for (id, group) in tq.load::<(i32, String)>(conn)? {
        if let Some(f) = facts.get_mut(&id) {
            f.target_groups.push(group);
        }
    }
    let oq = offerings::table.filter(offerings::active.eq(true)).select((
        offerings::organisation_id,
        offerings::kind,
        offerings::cpv_code,
        offerings::service_area,
        offerings::updated_at,
    ));
    for (id, kind, code, area, updated) in oq.load::<(i32, String, String, String, NaiveDateTime)>(conn)? {
        if let Some(f) = facts.get_mut(&id) {
            f.kinds.insert(kind);
            f.cpv_codes.insert(code);
            f.national |= area == "national";
            f.updated_at = f.updated_at.max(Some(updated));
        }
    }
    let mq = offering_municipalities::table
        .inner_join(offerings::table)
        .filter(offerings::active.eq(true))
        .select((offerings::organisation_id, offering_municipalities::municipality));
    for (id, municipality) in mq.load::<(i32, String)>(conn)? {
        if let Some(f) = facts.get_mut(&id) {
            f.municipalities.insert(remember(&municipality));
        }
    }
    for f in facts.values_mut() {
        f.cpv_divisions = f.cpv_codes.iter().map(|c| c[..2].to_string()).collect();
        f.cpv_divisions.sort_unstable();
        f.cpv_divisions.dedup();
    }
    Ok(Snapshot { facts, names })
}

/// The facts of every approved WISE as of one data version and day.
struct Snapshot {
    facts: BTreeMap<i32, Facts>,
    names: BTreeMap<String, String>,
}

/// Snapshots by day (certificates are valid or not on a day).
static SNAPSHOTS: versioned::Cache<NaiveDate, Snapshot> = versioned::Cache::new();

/// The facts of the approved WISEs, from memory while the catalogue is unchanged
/// (see [`versioned`]).
fn snapshot(conn: &mut DbConn, today: NaiveDate) -> QueryResult<Arc<Snapshot>> {
    SNAPSHOTS.get_or_load(conn, today, |c| load_facts(c, today))
}

/// The filters, each a test on a WISE's facts; facet counts leave their own one out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dimension {
    Sector,
    Cpv,
    Kind,
    Municipality,
    TargetGroup,
    Certification,
    Reserved,
}

impl Search {
    fn passes(&self, f: &Facts, except: Option<Dimension>) -> bool {
        let on = |d: Dimension| except != Some(d);
        (!on(Dimension::Sector) || self.sector.as_ref().is_none_or(|s| f.sectors.contains(s)))
            && (!on(Dimension::Cpv) || self.cpv.as_ref().is_none_or(|p| f.cpv_codes.iter().any(|c| c.starts_with(p))))
            && (!on(Dimension::Kind) || self.kind.as_ref().is_none_or(|k| f.kinds.contains(k)))
            && (!on(Dimension::Municipality)
                || self.municipality.as_ref().is_none_or(|m| f.national || f.municipalities.contains(&fold(m.trim()))))
            && (!on(Dimension::TargetGroup) || self.target_group.as_ref().is_none_or(|t| f.target_groups.contains(t)))
            && (!on(Dimension::Certification)
                || self.certification.as_ref().is_none_or(|c| f.certifications.contains(&c.as_str())))
            && (!on(Dimension::Reserved) || !self.reserved || f.eligible())
    }
}

/// Counts per value, in the given order of values (the rest by value), leaving out
/// values with no WISE unless selected. `values_of` gives each value of a WISE once.
/// Counting borrows the values from the facts: a search over every WISE allocates
/// nothing per WISE.
fn facet<'a, V: Iterator<Item = &'a str>>(
    facts: impl Iterator<Item = &'a Facts>,
    values_of: impl Fn(&'a Facts) -> V,
    order: Option<&[&str]>,
    selected: Option<&str>,
) -> Vec<FacetValue> {
    let mut counts: HashMap<&'a str, usize> = HashMap::new();
    for v in facts.flat_map(values_of) {
        *counts.entry(v).or_default() += 1;
    }
    let mut list: Vec<FacetValue> = counts
        .into_iter()
        .map(|(value, count)| FacetValue {
            selected: selected == Some(value),
            value: value.to_string(),
            label: None,
            count,
        })
        .collect();
    if let Some(s) = selected.filter(|s| !list.iter().any(|v| v.value == *s)) {
        list.push(FacetValue { selected: true, value: s.to_string(), label: None, count: 0 });
    }
    list.sort_unstable_by(|a, b| a.value.cmp(&b.value));
    if let Some(order) = order {
        list.sort_by_key(|v| order.iter().position(|o| *o == v.value).unwrap_or(usize::MAX));
    }
    list
}

/// The text matches of a search (`None` without words: every WISE is a candidate) and
/// the snapshot of facts it is filtered on.
type Candidates = (Option<Arc<TextMatches>>, Arc<Snapshot>);

/// WISE id → (relevance, matching offerings).
type TextMatches = HashMap<i32, (f64, i64)>;

/// The text matches of recent words, kept while the catalogue is unchanged: the most
/// common words match nearly every WISE and cost the most to rank.
static TEXT_MATCHES: versioned::Cache<Vec<String>, TextMatches> = versioned::Cache::with_limit(256);

fn candidates(conn: &mut DbConn, search: &Search, today: NaiveDate) -> QueryResult<Candidates> {
    let matches = if search.words.is_empty() {
        None
    } else {
        Some(TEXT_MATCHES.get_or_load(conn, search.words.clone(), |c| text_matches(c, &search.words))?)
    };
    Ok((matches, snapshot(conn, today)?))
}

/// The approved WISEs that match a search's text (all without words), in id order.
fn matching<'a>(snapshot: &'a Snapshot, matches: &Option<Arc<TextMatches>>) -> Vec<(i32, &'a Facts)> {
    snapshot
        .facts
        .iter()
        .filter(|(id, _)| matches.as_ref().is_none_or(|m| m.contains_key(id)))
        .map(|(id, f)| (*id, f))
        .collect()
}

/// The results of recent searches (page and all), kept while the catalogue is
/// unchanged: the searches people repeat most, for common words, are the dearest to
/// compute (facets over nearly every WISE).
static RESULTS: versioned::Cache<(Search, NaiveDate), SearchResult> = versioned::Cache::with_limit(256);

/// Runs a search (or finds its result in memory, when the catalogue has not changed
/// since it last ran). Only pages a visitor can ask for are kept: not exports (every
/// hit in one "page"), not pages past the first ten.
pub fn search(conn: &mut DbConn, search: &Search, today: NaiveDate) -> QueryResult<SearchResult> {
    if search.per_page > MAX_PER_PAGE || search.page > 10 {
        return run_search(conn, search, today);
    }
    let result = RESULTS.get_or_load(conn, (search.clone(), today), |c| run_search(c, search, today))?;
    Ok(SearchResult::clone(&result))
}

fn run_search(conn: &mut DbConn, search: &Search, today: NaiveDate) -> QueryResult<SearchResult> {
    let (matches, snapshot) = candidates(conn, search, today)?;
    let facts = matching(&snapshot, &matches);
    let mut facets = facets(search, &facts, &snapshot.names);
    label_cpv_facet(conn, &mut facets.cpv)?;

    let score = |id: i32| matches.as_ref().and_then(|m| m.get(&id)).map_or(0.0, |s| s.0);
    // Each with its relevance, looked up once rather than in every comparison.
    let mut found: Vec<(f64, i32, &Facts)> =
        facts.iter().filter(|(_, f)| search.passes(f, None)).map(|(id, f)| (score(*id), *id, *f)).collect();
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
    let labels: HashMap<String, String> = cpv_codes::table
        .filter(cpv_codes::code.eq_any(&codes))
        .select((cpv_codes::code, cpv_codes::label_en))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect();
    for v in values.iter_mut().filter(|v| v.value.len() > 2) {
        v.label = labels.get(&format!("{:0<8}", v.value)).cloned();
    }
    Ok(())
}

fn facets(search: &Search, facts: &[(i32, &Facts)], names: &BTreeMap<String, String>) -> Facets {
    let without = |d: Dimension| facts.iter().map(|(_, f)| *f).filter(move |f| search.passes(f, Some(d)));
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
        let count = without(Dimension::Cpv).filter(|f| search.passes(f, None)).count();
        cpv.insert(0, FacetValue { value: p.clone(), label: None, count, selected: true });
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
            count: without(Dimension::Reserved).filter(|f| f.eligible()).count(),
            selected: search.reserved,
        }],
    }
}

/// A WISE a search finds that is new or changed in a window, with its offerings that
/// are new or changed in that window and match the search (saved-search digests).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Change {
    pub kvk_number: String,
    pub name: String,
    pub slug: String,
    pub municipality: String,
    /// Registered within the window.
    pub new: bool,
    /// Its profile (or status) changed within the window.
    pub profile_changed: bool,
    pub offerings: Vec<ChangedOffering>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ChangedOffering {
    pub title: String,
    pub kind: String,
    pub cpv_code: String,
    /// Created within the window (otherwise changed).
    pub new: bool,
}

/// What changed in `(since, until]` among what `search` finds, in name order: every
/// WISE the search finds (on any page) whose profile changed in the window or that has
/// an active offering changed in the window which matches the search itself (its words,
/// kind and CPV prefix). The same filtering as [`search`], so a digest lists only what
/// the catalogue page would show.
pub fn changes(
    conn: &mut DbConn,
    search: &Search,
    since: NaiveDateTime,
    until: NaiveDateTime,
    today: NaiveDate,
) -> QueryResult<Vec<Change>> {
    let (matches, snapshot) = candidates(conn, search, today)?;
    let found: HashSet<i32> =
        matching(&snapshot, &matches).into_iter().filter(|(_, f)| search.passes(f, None)).map(|(id, _)| id).collect();
    if found.is_empty() {
        return Ok(Vec::new());
    }
    let in_window = |at: NaiveDateTime| at > since && at <= until;
    let wording = if search.words.is_empty() { None } else { Some(offering_matches(conn, &search.words)?) };
    let mut oq = offerings::table
        .filter(offerings::active.eq(true))
        .filter(offerings::updated_at.gt(since))
        .filter(offerings::updated_at.le(until))
        .order((offerings::organisation_id, offerings::title, offerings::id))
        .select((
            offerings::id,
            offerings::organisation_id,
            offerings::title,
            offerings::kind,
            offerings::cpv_code,
            offerings::created_at,
        ))
        .into_boxed();
    if let Some(kind) = &search.kind {
        oq = oq.filter(offerings::kind.eq(kind));
    }
    if let Some(prefix) = &search.cpv {
        oq = oq.filter(offerings::cpv_code.like(format!("{prefix}%")));
    }
    let mut changed_offerings: BTreeMap<i32, Vec<ChangedOffering>> = BTreeMap::new();
    type OfferingRow = (i32, i32, String, String, String, NaiveDateTime);
    for (id, organisation, title, kind, cpv_code, created) in oq.load::<OfferingRow>(conn)? {
        if found.contains(&organisation) && wording.as_ref().is_none_or(|w| w.contains_key(&id)) {
            changed_offerings.entry(organisation).or_default().push(ChangedOffering {
                title,
                kind,
                cpv_code,
                new: in_window(created),
            });
        }
    }
    let changed_profiles: HashSet<i32> = organisations::table
        .filter(organisations::updated_at.gt(since))
        .filter(organisations::updated_at.le(until))
        .select(organisations::id)
        .load::<i32>(conn)?
        .into_iter()
        .filter(|id| found.contains(id))
        .collect();
    let ids: Vec<i32> = changed_profiles.iter().chain(changed_offerings.keys()).copied().collect();
    type OrgRow = (i32, String, String, String, String, NaiveDateTime);
    let mut list: Vec<(String, Change)> = organisations::table
        .filter(organisations::id.eq_any(&ids))
        .select((
            organisations::id,
            organisations::kvk_number,
            organisations::name,
            organisations::slug,
            organisations::municipality,
            organisations::created_at,
        ))
        .load::<OrgRow>(conn)?
        .into_iter()
        .map(|(id, kvk_number, name, slug, municipality, created)| {
            let change = Change {
                kvk_number,
                slug,
                municipality,
                new: in_window(created),
                profile_changed: changed_profiles.contains(&id),
                offerings: changed_offerings.remove(&id).unwrap_or_default(),
                name,
            };
            (fold(&change.name), change)
        })
        .collect();
    list.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.kvk_number.cmp(&b.1.kvk_number)));
    Ok(list.into_iter().map(|(_, c)| c).collect())
}

/// An offering found by the offerings search, with the WISE that offers it.
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct OfferingHit {
    pub id: i32,
    pub title: String,
    pub description: String,
    pub kind: String,
    pub cpv_code: String,
    pub service_area: String,
    pub service_radius_km: Option<i32>,
    pub price_indication: Option<String>,
    pub lead_time: Option<String>,
    pub organisation: OfferingOwner,
}

#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct OfferingOwner {
    pub kvk_number: String,
    pub name: String,
    pub slug: String,
    pub municipality: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct OfferingResult {
    pub total: usize,
    pub page: u32,
    pub per_page: u32,
    pub pages: u32,
    pub items: Vec<OfferingHit>,
}

/// Offering ids whose title or description match every word, with their relevance.
fn offering_matches(conn: &mut DbConn, words: &[String]) -> QueryResult<HashMap<i32, f64>> {
    let rows: Vec<Scored> = match conn {
        DbConn::Sqlite(c) => {
            let query = words.iter().map(|w| format!("\"{w}\"*")).collect::<Vec<_>>().join(" ");
            diesel::sql_query(
                "SELECT rowid AS id, -bm25(offerings_fts, 4.0, 1.0) AS score FROM offerings_fts \
                 WHERE offerings_fts MATCH ?",
            )
            .bind::<Text, _>(&query)
            .load(c)?
        }
        DbConn::Postgres(c) => {
            let query = words.iter().map(|w| format!("{w}:*")).collect::<Vec<_>>().join(" & ");
            diesel::sql_query(
                "SELECT id, ts_rank(search, q)::float8 AS score FROM offerings, to_tsquery('simple', $1) q \
                 WHERE search @@ q",
            )
            .bind::<Text, _>(&query)
            .load(c)?
        }
    };
    Ok(rows.into_iter().map(|r| (r.id, r.score)).collect())
}

/// Searches active offerings of approved WISEs by words, CPV prefix, kind and
/// municipality served; sorted by relevance (with words) or title. Candidates are
/// filtered and sorted on a few narrow columns; only the page's rows are loaded whole.
pub fn search_offerings(conn: &mut DbConn, search: &Search) -> QueryResult<OfferingResult> {
    let matches = if search.words.is_empty() { None } else { Some(offering_matches(conn, &search.words)?) };
    let mut q = offerings::table
        .inner_join(organisations::table)
        .filter(organisations::status.eq("approved"))
        .filter(offerings::active.eq(true))
        .select((offerings::id, offerings::title, offerings::service_area, organisations::municipality))
        .into_boxed();
    if let Some(kind) = &search.kind {
        q = q.filter(offerings::kind.eq(kind));
    }
    if let Some(prefix) = &search.cpv {
        q = q.filter(offerings::cpv_code.like(format!("{prefix}%")));
    }
    if let Some(m) = &matches {
        if m.len() <= 5_000 {
            q = q.filter(offerings::id.eq_any(m.keys().copied().collect::<Vec<_>>()));
        }
    }
    let mut rows: Vec<(i32, String, String, String)> = q.load(conn)?;
    if let Some(m) = &matches {
        rows.retain(|r| m.contains_key(&r.0));
    }
    if let Some(wanted) = search.municipality.as_deref().map(|m| fold(m.trim())) {
        let listed: HashSet<i32> = offering_municipalities::table
            .select((offering_municipalities::offering_id, offering_municipalities::municipality))
            .load::<(i32, String)>(conn)?
            .into_iter()
            .filter(|(_, m)| fold(m.trim()) == wanted)
            .map(|(id, _)| id)
            .collect();
        rows.retain(|r| r.2 == "national" || listed.contains(&r.0) || fold(r.3.trim()) == wanted);
    }
    let mut keyed: Vec<(i32, String)> = rows.into_iter().map(|r| (r.0, fold(&r.1))).collect();
    let score = |id: i32| matches.as_ref().and_then(|m| m.get(&id)).copied().unwrap_or(0.0);
    if matches.is_some() && search.sort == "relevance" {
        keyed.sort_by(|a, b| score(b.0).total_cmp(&score(a.0)).then(a.1.cmp(&b.1)).then(a.0.cmp(&b.0)));
    } else {
        keyed.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
    }
    let total = keyed.len();
    let pages = u32::try_from(total.div_ceil(search.per_page as usize).max(1)).unwrap_or(u32::MAX);
    let start = (search.page as usize - 1) * search.per_page as usize;
    let page_ids: Vec<i32> = keyed.iter().skip(start).take(search.per_page as usize).map(|(id, _)| *id).collect();
    type Row = (
        i32,
        String,
        String,
        String,
        String,
        String,
        Option<i32>,
        Option<String>,
        Option<String>,
        (String, String, String, String),
    );
    let full: Vec<Row> = offerings::table
        .inner_join(organisations::table)
        .filter(offerings::id.eq_any(&page_ids))
        .select((
            offerings::id,
            offerings::title,
            offerings::description,
            offerings::kind,
            offerings::cpv_code,
            offerings::service_area,
            offerings::service_radius_km,
            offerings::price_indication,
            offerings::lead_time,
            (organisations::kvk_number, organisations::name, organisations::slug, organisations::municipality),
        ))
        .load(conn)?;
    let mut by_id: HashMap<i32, Row> = full.into_iter().map(|r| (r.0, r)).collect();
    let items = page_ids
        .iter()
        .filter_map(|id| by_id.remove(id))
        .map(|r| OfferingHit {
            id: r.0,
            title: r.1,
            description: r.2,
            kind: r.3,
            cpv_code: r.4,
            service_area: r.5,
            service_radius_km: r.6,
            price_indication: r.7,
            lead_time: r.8,
            organisation: OfferingOwner { kvk_number: r.9 .0, name: r.9 .1, slug: r.9 .2, municipality: r.9 .3 },
        })
        .collect();
    Ok(OfferingResult { total, page: search.page, per_page: search.per_page, pages, items })
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
