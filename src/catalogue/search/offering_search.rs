//! The offerings search of the API (`GET /api/v1/offerings`).

use super::*;

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
pub(super) fn offering_matches(conn: &mut DbConn, words: &[String]) -> QueryResult<HashMap<i32, f64>> {
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
        .filter(crate::organisation::public())
        .filter(offerings::active.eq(true))
        .select((
            offerings::id,
            offerings::title,
            offerings::service_area,
            organisations::municipality,
            offerings::service_radius_km,
        ))
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
    let mut rows: Vec<(i32, String, String, String, Option<i32>)> = q.load(conn)?;
    if let Some(m) = &matches {
        rows.retain(|r| m.contains_key(&r.0));
    }
    if let Some(asked) = search.municipality.as_deref() {
        let mut listed: HashMap<i32, Vec<String>> = HashMap::new();
        let all: Vec<(i32, String)> = offering_municipalities::table
            .select((offering_municipalities::offering_id, offering_municipalities::municipality))
            .load(conn)?;
        for (id, m) in all {
            listed.entry(id).or_default().push(m);
        }
        let places = crate::geography::store::gazetteer(conn)?;
        rows.retain(|r| {
            let listed = listed.get(&r.0).map_or(&[][..], Vec::as_slice);
            crate::organisation::offerings::serves(&r.2, r.4, listed, &r.3, asked, &places)
        });
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
