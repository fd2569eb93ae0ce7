//! Shapes the catalogue's records for pages.

use serde_json::{json, Value};

use super::search::{FacetValue, Facets, Hit, SearchParams, SearchResult};
use super::store::Profile;
use crate::validation::FieldError;
use crate::web::form::{field_errors, safe_cell, Paging};
use crate::web::AppError;

/// The profile page's data: the public record, its certificates with their state today.
pub fn profile_page(profile: &Profile) -> Value {
    json!({
        "nav": "organisations",
        "organisation": profile.organisation,
        "sectors": profile.sectors,
        "target_groups": profile.target_groups,
        "certificates": profile.certificates,
        "offerings": profile.offerings,
        "reserved_contract": profile.reserved_contract,
    })
}

/// The search parameters back as a query string (empty ones left out), on `page`.
pub fn query_string(params: &SearchParams, page: Option<u32>) -> String {
    let mut pairs = pairs(params);
    if let Some(page) = page.filter(|p| *p > 1) {
        pairs.push(("page", page.to_string()));
    }
    serde_html_form::to_string(&pairs).unwrap_or_default()
}

/// The parameters given (page left out), trimmed, in the URL's order.
fn pairs(params: &SearchParams) -> Vec<(&'static str, String)> {
    let fields = [
        ("q", &params.q),
        ("sector", &params.sector),
        ("cpv", &params.cpv),
        ("kind", &params.kind),
        ("municipality", &params.municipality),
        ("target_group", &params.target_group),
        ("certification", &params.certification),
        ("reserved", &params.reserved),
        ("sort", &params.sort),
        ("per_page", &params.per_page),
    ];
    fields
        .iter()
        .filter_map(|(k, v)| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(|v| (*k, v.to_string())))
        .collect()
}

fn echo(params: &SearchParams) -> Value {
    let text = |v: &Option<String>| v.as_deref().unwrap_or("").trim().to_string();
    json!({
        "q": text(&params.q),
        "sector": text(&params.sector),
        "cpv": text(&params.cpv),
        "kind": text(&params.kind),
        "municipality": text(&params.municipality),
        "target_group": text(&params.target_group),
        "certification": text(&params.certification),
        "reserved": text(&params.reserved) == "true",
        "sort": text(&params.sort),
    })
}

const SEARCH_FIELDS: [&str; 11] = [
    "q",
    "sector",
    "cpv",
    "kind",
    "municipality",
    "target_group",
    "certification",
    "reserved",
    "sort",
    "page",
    "per_page",
];

/// `path?query`, or `path` when the query is empty.
pub fn url(path: &str, query: String) -> String {
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    }
}

/// The search page's data.
pub fn search_page(params: &SearchParams, result: &SearchResult) -> Value {
    let paging = Paging::new(result.page, result.per_page, result.total as i64);
    let filtered = !query_string(params, None).is_empty();
    let chips = chips(params, &result.facets);
    json!({
        "nav": "organisations",
        "params": echo(params),
        "errors": field_errors(&SEARCH_FIELDS, &[]),
        "has_errors": false,
        // The facets once: the page's data is copied for each partial it uses.
        "result": {
            "total": result.total,
            "page": result.page,
            "per_page": result.per_page,
            "pages": result.pages,
            "items": result.items,
        },
        "facets": facet_links(params, &result.facets),
        "chips": chips,
        "chip_count": chips.len(),
        "reserved": result.facets.reserved.first().map(|v| json!({
            "count": v.count,
            "selected": v.selected,
            "href": search_with(params, "reserved", (!v.selected).then_some("true")),
        })),
        "filtered": filtered,
        "kept": kept_filters(params),
        "paging": paging,
        "previous_url": paging.previous.map(|p| url("/organisations", query_string(params, Some(p)))),
        "next_url": paging.next.map(|p| url("/organisations", query_string(params, Some(p)))),
        "export_url": url("/organisations.csv", query_string(params, None)),
        "export_excel_url": url("/organisations.csv", query_string(params, None) + if filtered { "&format=excel" } else { "format=excel" }),
        "clear_url": url("/organisations", query_string(&SearchParams { q: params.q.clone(), ..Default::default() }, None)),
        "back_query": back_query(params, result.page),
        "sorts": crate::catalogue::search::SORTS,
        "save_query": saved_query(params),
        "frequencies": crate::vocab::SAVED_SEARCH_FREQUENCIES,
    })
}

/// The search page when the search itself is wrong: the form with field errors.
/// Each error links to its field: the search text to its box, any other parameter (there
/// is no box for it on the page, it came with the URL) to the search without it.
pub fn search_errors(params: &SearchParams, errors: &[FieldError]) -> Value {
    let mut kept = params.clone();
    let error_list: Vec<Value> = errors
        .iter()
        .map(|e| {
            let href = match e.field.as_str() {
                "q" => "#search-q".to_string(),
                field => search_with(params, field, None),
            };
            kept = with(&kept, &e.field, None);
            json!({ "field": e.field, "key": e.key, "href": href })
        })
        .collect();
    json!({
        "nav": "organisations",
        "params": echo(params),
        "errors": field_errors(&SEARCH_FIELDS, errors),
        "error_list": error_list,
        "has_errors": true,
        "result": null,
        "facets": facet_links(params, &Facets::default()),
        "chips": [],
        "reserved": null,
        "kept": kept_filters(&kept),
        "filtered": true,
        "paging": null,
        "previous_url": null,
        "next_url": null,
        "export_url": null,
        "sorts": crate::catalogue::search::SORTS,
    })
}

/// `?back=…` for the links to profiles: the search (and page) to return to.
fn back_query(params: &SearchParams, page: u32) -> String {
    let query = query_string(params, Some(page));
    if query.is_empty() {
        String::new()
    } else {
        format!("?{}", serde_html_form::to_string([("back", query)]).unwrap_or_default())
    }
}

/// Facet values shown before "show all".
const FACET_SHOWN: usize = 8;

/// `params` with one parameter set to `value` (or removed), back on the first page.
fn with(params: &SearchParams, field: &str, value: Option<&str>) -> SearchParams {
    let mut changed = SearchParams { page: None, ..params.clone() };
    let slot = match field {
        "q" => &mut changed.q,
        "sort" => &mut changed.sort,
        "page" => &mut changed.page,
        "per_page" => &mut changed.per_page,
        "sector" => &mut changed.sector,
        "cpv" => &mut changed.cpv,
        "kind" => &mut changed.kind,
        "municipality" => &mut changed.municipality,
        "target_group" => &mut changed.target_group,
        "certification" => &mut changed.certification,
        "reserved" => &mut changed.reserved,
        _ => return changed,
    };
    *slot = value.map(str::to_string);
    changed
}

/// The search page's URL for `params` with one parameter set (or removed).
fn search_with(params: &SearchParams, field: &str, value: Option<&str>) -> String {
    url("/organisations", query_string(&with(params, field, value), None))
}

/// The facets of a dimension in the order of the page.
fn dimensions(facets: &Facets) -> [(&'static str, &[FacetValue]); 6] {
    [
        ("sector", &facets.sector),
        ("cpv", &facets.cpv),
        ("kind", &facets.kind),
        ("municipality", &facets.municipality),
        ("target_group", &facets.target_group),
        ("certification", &facets.certification),
    ]
}

/// The message key naming a filter.
fn filter_title(field: &str) -> &'static str {
    match field {
        "sector" => "filter-sector",
        "cpv" => "filter-cpv",
        "kind" => "filter-kind",
        "municipality" => "filter-municipality",
        "target_group" => "filter-target-group",
        "certification" => "filter-certification",
        _ => "filter-reserved-title",
    }
}

/// The facets as lists of links, each value with its count and the URL that applies it
/// (or, when it is the chosen one, removes it); the first few shown, the rest behind "all".
fn facet_links(params: &SearchParams, facets: &Facets) -> Value {
    let mut groups = serde_json::Map::new();
    for (field, values) in dimensions(facets) {
        let links: Vec<Value> = values
            .iter()
            .map(|v| {
                json!({
                    "value": v.value, "label": v.label, "label_nl": v.label_nl, "count": v.count,
                    "selected": v.selected, "href": search_with(params, field, (!v.selected).then_some(v.value.as_str())),
                })
            })
            .collect();
        let (shown, more) = links.split_at(links.len().min(FACET_SHOWN));
        groups.insert(field.to_string(), json!({ "shown": shown, "more": more, "total": links.len() }));
    }
    Value::Object(groups)
}

/// The filters in force, each with the URL that removes it.
fn chips(params: &SearchParams, facets: &Facets) -> Vec<Value> {
    let mut chips: Vec<Value> = dimensions(facets)
        .into_iter()
        .flat_map(|(field, values)| values.iter().filter(|v| v.selected).map(move |v| (field, v)))
        .map(|(field, v)| {
            json!({
                "field": field, "title": filter_title(field), "value": v.value, "label": v.label, "label_nl": v.label_nl,
                "href": search_with(params, field, None),
            })
        })
        .collect();
    if facets.reserved.first().is_some_and(|r| r.selected) {
        chips.push(json!({
            "field": "reserved", "title": filter_title("reserved"), "value": "true",
            "href": search_with(params, "reserved", None),
        }));
    }
    chips
}

/// The filters in force as hidden fields, so a new search text or order keeps them.
fn kept_filters(params: &SearchParams) -> Vec<Value> {
    pairs(params)
        .into_iter()
        .filter(|(name, _)| !matches!(*name, "q" | "sort" | "per_page"))
        .map(|(name, value)| json!({ "name": name, "value": value }))
        .collect()
}

/// What a saved search keeps of a search: its words and filters, not its order or page.
pub fn saved_query(params: &SearchParams) -> String {
    let kept = SearchParams { sort: None, page: None, per_page: None, ..params.clone() };
    query_string(&kept, None)
}

/// Found WISEs as CSV. `reserved_contract` is `true` or `false` on the figures of
/// `reserved_contract_period`, both empty when the WISE has no accepted figures.
pub fn organisations_csv(items: &[Hit], base_url: &str) -> Result<String, AppError> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let internal = |e: csv::Error| AppError::Internal(e.into());
    out.write_record([
        "kvk_number",
        "name",
        "municipality",
        "district",
        "sectors",
        "offerings",
        "profile_url",
        "reserved_contract",
        "reserved_contract_period",
    ])
    .map_err(internal)?;
    for hit in items {
        let s = &hit.summary;
        let reserved = hit.reserved_contract.as_ref();
        out.write_record([
            safe_cell(&s.kvk_number),
            safe_cell(&s.name),
            safe_cell(&s.municipality),
            safe_cell(s.district.as_deref().unwrap_or("")),
            s.sectors.join("|"),
            s.offerings.to_string(),
            format!("{base_url}/organisations/{}", s.slug),
            reserved.map_or(String::new(), |r| r.eligible.to_string()),
            safe_cell(reserved.map_or("", |r| r.period.as_str())),
        ])
        .map_err(internal)?;
    }
    let bytes = out.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    String::from_utf8(bytes).map_err(|e| AppError::Internal(e.into()))
}

#[cfg(test)]
mod tests {
    use crate::web::form::Paging;

    #[test]
    fn paging_counts_pages() {
        assert_eq!(Paging::new(1, 20, 0), Paging { page: 1, pages: 1, previous: None, next: None });
        assert_eq!(Paging::new(2, 20, 41), Paging { page: 2, pages: 3, previous: Some(1), next: Some(3) });
        assert_eq!(Paging::new(3, 20, 60).next, None);
    }
}
