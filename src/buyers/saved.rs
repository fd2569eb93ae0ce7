//! Saved searches (buyers): a catalogue search kept under a name and mailed as a daily
//! or weekly digest of what is new or changed (see `digests::saved_searches`). Saved
//! from the catalogue page; listed, renamed, changed and deleted on `/saved-searches`.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::catalogue::search::SearchParams;
use crate::catalogue::view::{self, saved_query};
use crate::db::schema::saved_searches;
use crate::db::{write_tx, DbConn};
use crate::validation::{char_len, Errors, FieldError};
use crate::web::auth::policy::Action;
use crate::web::auth::session::{CsrfForm, Empty};
use crate::web::context::Ctx;
use crate::web::form::{error_summary, field_errors, see_other};
use crate::web::page::NoticeQuery;
use crate::web::{routes, AppError};

/// How often a saved search can be mailed.
use crate::vocab::SAVED_SEARCH_FREQUENCIES as FREQUENCIES;
/// Saved searches one user may keep.
pub const MAX_PER_USER: i64 = 50;
/// Longest name of a saved search.
pub const MAX_NAME_CHARS: usize = 100;

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/saved-searches", list_page);
    routes::post(cfg, "/saved-searches", save);
    routes::post(cfg, "/saved-searches/{id}", change);
    routes::post(cfg, "/saved-searches/{id}/delete", remove);
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Serialize)]
#[diesel(table_name = saved_searches)]
pub struct SavedSearch {
    pub id: i32,
    pub user_id: i32,
    pub name: String,
    pub query: String,
    pub frequency: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub last_digest_at: Option<NaiveDateTime>,
}

impl SavedSearch {
    /// The search as the catalogue reads it.
    pub fn params(&self) -> SearchParams {
        serde_html_form::from_str(&self.query).unwrap_or_default()
    }

    /// The catalogue page that runs it.
    pub fn url(&self) -> String {
        view::url("/organisations", self.query.clone())
    }
}

/// The words and filters of a saved search, for people: each with the key of its label,
/// its value, and the vocabulary that labels the value (if any).
pub fn criteria(params: &SearchParams) -> Vec<Value> {
    let given = |v: &Option<String>| v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_string);
    let rows: [(&str, &Option<String>, Option<&str>); 7] = [
        ("search-label", &params.q, None),
        ("filter-sector", &params.sector, Some("sector")),
        ("filter-cpv", &params.cpv, None),
        ("filter-kind", &params.kind, Some("kind")),
        ("filter-municipality", &params.municipality, None),
        ("filter-target-group", &params.target_group, Some("target-group")),
        ("filter-certification", &params.certification, Some("certification")),
    ];
    let mut list: Vec<Value> = rows
        .iter()
        .filter_map(|(key, value, vocabulary)| {
            let value = given(value)?;
            // A code the vocabulary does not know is shown as it is.
            let known = vocabulary.filter(|prefix| {
                crate::vocab::ALL.iter().any(|(p, codes)| p == prefix && codes.contains(&value.as_str()))
            });
            Some(json!({ "key": key, "value": value, "vocabulary": known }))
        })
        .collect();
    if given(&params.reserved).as_deref() == Some("true") {
        list.push(json!({ "key": "filter-reserved", "value": null, "vocabulary": null }));
    }
    list
}

/// A name and frequency as typed, checked.
fn check(name: &str, frequency: &str) -> Result<(String, String), Vec<FieldError>> {
    let mut e = Errors::default();
    let name = name.trim();
    e.check(!name.is_empty(), "name", "error-required");
    e.check(char_len(name) <= MAX_NAME_CHARS, "name", "error-too-long");
    e.check(FREQUENCIES.contains(&frequency.trim()), "frequency", "error-unknown-code");
    e.into_result()?;
    Ok((name.to_string(), frequency.trim().to_string()))
}

/// The user's saved searches, by name.
pub fn list(conn: &mut DbConn, user_id: i32) -> QueryResult<Vec<SavedSearch>> {
    saved_searches::table
        .filter(saved_searches::user_id.eq(user_id))
        .order((saved_searches::name, saved_searches::id))
        .select(SavedSearch::as_select())
        .load(conn)
}

fn name_taken(conn: &mut DbConn, user_id: i32, name: &str, except: Option<i32>) -> QueryResult<bool> {
    let mut q = saved_searches::table
        .filter(saved_searches::user_id.eq(user_id))
        .filter(saved_searches::name.eq(name))
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(saved_searches::id.ne(id));
    }
    Ok(q.count().get_result::<i64>(conn)? > 0)
}

/// Saves a search; field errors for a bad or taken name, a bad frequency or search,
/// a search the user already keeps, or when they keep [`MAX_PER_USER`].
pub fn create(
    conn: &mut DbConn,
    user_id: i32,
    name: &str,
    frequency: &str,
    params: &SearchParams,
    now: NaiveDateTime,
) -> anyhow::Result<Result<i32, Vec<FieldError>>> {
    let (name, frequency) = match check(name, frequency) {
        Ok(checked) => checked,
        Err(errors) => return Ok(Err(errors)),
    };
    if params.check(1).is_err() {
        return Ok(Err(vec![FieldError { field: "query".into(), key: "error-saved-search-query" }]));
    }
    let query = saved_query(params);
    write_tx(conn, |c| {
        if name_taken(c, user_id, &name, None)? {
            return Ok(Err(vec![FieldError { field: "name".into(), key: "error-saved-search-name-taken" }]));
        }
        let same: i64 = saved_searches::table
            .filter(saved_searches::user_id.eq(user_id))
            .filter(saved_searches::query.eq(&query))
            .count()
            .get_result(c)?;
        if same > 0 {
            return Ok(Err(vec![FieldError { field: "query".into(), key: "error-saved-search-duplicate" }]));
        }
        let count: i64 = saved_searches::table.filter(saved_searches::user_id.eq(user_id)).count().get_result(c)?;
        if count >= MAX_PER_USER {
            return Ok(Err(vec![FieldError { field: "name".into(), key: "error-saved-search-limit" }]));
        }
        let id = crate::per_backend!(c, c => diesel::insert_into(saved_searches::table)
            .values((
                saved_searches::user_id.eq(user_id),
                saved_searches::name.eq(&name),
                saved_searches::query.eq(&query),
                saved_searches::frequency.eq(&frequency),
                saved_searches::created_at.eq(now),
                saved_searches::updated_at.eq(now),
            ))
            .returning(saved_searches::id)
            .get_result::<i32>(c))?;
        Ok(Ok(id))
    })
}

/// Renames a saved search or changes its frequency. `None`: the user has no such search.
pub fn update(
    conn: &mut DbConn,
    user_id: i32,
    id: i32,
    name: &str,
    frequency: &str,
    now: NaiveDateTime,
) -> anyhow::Result<Option<Result<(), Vec<FieldError>>>> {
    let (name, frequency) = match check(name, frequency) {
        Ok(checked) => checked,
        Err(errors) => return Ok(Some(Err(errors))),
    };
    write_tx(conn, |c| {
        if name_taken(c, user_id, &name, Some(id))? {
            return Ok(Some(Err(vec![FieldError { field: "name".into(), key: "error-saved-search-name-taken" }])));
        }
        let changed = diesel::update(
            saved_searches::table.filter(saved_searches::id.eq(id)).filter(saved_searches::user_id.eq(user_id)),
        )
        .set((
            saved_searches::name.eq(&name),
            saved_searches::frequency.eq(&frequency),
            saved_searches::updated_at.eq(now),
        ))
        .execute(c)?;
        Ok((changed == 1).then_some(Ok(())))
    })
}

/// Deletes a saved search; `false` when the user has no such search.
pub fn delete(conn: &mut DbConn, user_id: i32, id: i32) -> QueryResult<bool> {
    let n = diesel::delete(
        saved_searches::table.filter(saved_searches::id.eq(id)).filter(saved_searches::user_id.eq(user_id)),
    )
    .execute(conn)?;
    Ok(n == 1)
}

/// A form's field errors for one saved search (`None`: that form is fine).
struct Failed<'a> {
    /// The search the errors belong to (`None`: the form saving a new one).
    id: Option<i32>,
    name: &'a str,
    frequency: &'a str,
    query: &'a str,
    errors: &'a [FieldError],
}

fn page_data(items: &[SavedSearch], failed: Option<&Failed<'_>>, notice: Option<&str>) -> Value {
    let none = field_errors(&["name", "frequency"], &[]);
    let rows: Vec<Value> = items
        .iter()
        .map(|s| {
            let mine = failed.filter(|f| f.id == Some(s.id));
            json!({
                "id": s.id,
                "name_id": format!("saved-{}-name", s.id),
                "frequency_id": format!("saved-{}-frequency", s.id),
                "name": mine.map_or(s.name.as_str(), |f| f.name),
                "saved_name": s.name,
                "frequency": mine.map_or(s.frequency.as_str(), |f| f.frequency),
                "url": s.url(),
                "criteria": criteria(&s.params()),
                "last_digest_at": s.last_digest_at,
                "errors": mine.map_or(none.clone(), |f| field_errors(&["name", "frequency"], f.errors)),
                "error_summary": mine.map(|f| error_summary(f.errors, "saved-field-", |field| format!("saved-{}-{field}", s.id))),
            })
        })
        .collect();
    let new = failed.filter(|f| f.id.is_none()).map(|f| {
        let params: SearchParams = serde_html_form::from_str(f.query).unwrap_or_default();
        json!({
            "name": f.name,
            "frequency": f.frequency,
            "query": f.query,
            "criteria": criteria(&params),
            "errors": field_errors(&["name", "frequency", "query"], f.errors),
            "error_summary": error_summary(f.errors, "saved-field-", |field| format!("saved-new-{field}")),
        })
    });
    json!({
        "nav": "saved-searches",
        "items": rows,
        "new": new,
        "frequencies": FREQUENCIES,
        "notice": notice,
    })
}

async fn list_page(ctx: Ctx, query: web::Query<NoticeQuery>) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::UseBuyerTools, None).await?;
    let items = ctx.state.db(move |c| Ok(list(c, user.id)?)).await?;
    let notice = match query.notice.as_deref() {
        Some("saved") => Some("saved-notice-saved"),
        Some("changed") => Some("saved-notice-changed"),
        Some("deleted") => Some("saved-notice-deleted"),
        _ => None,
    };
    ctx.render("buyers/saved-searches", page_data(&items, None, notice))
}

#[derive(Deserialize)]
struct SaveForm {
    name: String,
    frequency: String,
    /// The search, as the catalogue page's query string.
    #[serde(default)]
    query: String,
}

async fn save(ctx: Ctx, CsrfForm(form): CsrfForm<SaveForm>) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::UseBuyerTools, None).await?;
    let now = ctx.state.now();
    let (name, frequency, query) = (form.name.clone(), form.frequency.clone(), form.query.clone());
    let outcome = ctx
        .state
        .db(move |c| {
            let params: SearchParams = serde_html_form::from_str(query.trim_start_matches('?'))
                .map_err(|_| AppError::BadRequest("query: not a catalogue search".into()))?;
            let outcome = create(c, user.id, &name, &frequency, &params, now)?;
            Ok((outcome, list(c, user.id)?))
        })
        .await?;
    match outcome {
        (Ok(_), _) => Ok(see_other("/saved-searches?notice=saved")),
        (Err(errors), items) => {
            let failed =
                Failed { id: None, name: &form.name, frequency: &form.frequency, query: &form.query, errors: &errors };
            let data = page_data(&items, Some(&failed), None);
            ctx.render_status(StatusCode::UNPROCESSABLE_ENTITY, "buyers/saved-searches", data)
        }
    }
}

#[derive(Deserialize)]
struct ChangeForm {
    name: String,
    frequency: String,
}

async fn change(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<ChangeForm>,
) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::UseBuyerTools, None).await?;
    let (id, now) = (path.into_inner(), ctx.state.now());
    let (name, frequency) = (form.name.clone(), form.frequency.clone());
    let (outcome, items) = ctx
        .state
        .db(move |c| {
            let outcome = update(c, user.id, id, &name, &frequency, now)?;
            Ok((outcome, list(c, user.id)?))
        })
        .await?;
    match outcome {
        None => Err(AppError::NotFound),
        Some(Ok(())) => Ok(see_other("/saved-searches?notice=changed")),
        Some(Err(errors)) => {
            let failed =
                Failed { id: Some(id), name: &form.name, frequency: &form.frequency, query: "", errors: &errors };
            let data = page_data(&items, Some(&failed), None);
            ctx.render_status(StatusCode::UNPROCESSABLE_ENTITY, "buyers/saved-searches", data)
        }
    }
}

async fn remove(ctx: Ctx, path: web::Path<i32>, CsrfForm(_): CsrfForm<Empty>) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::UseBuyerTools, None).await?;
    let id = path.into_inner();
    if !ctx.state.db(move |c| Ok(delete(c, user.id, id)?)).await? {
        return Err(AppError::NotFound);
    }
    Ok(see_other("/saved-searches?notice=deleted"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_query_keeps_words_and_filters_only() {
        let params = SearchParams {
            q: Some(" fiets ".into()),
            sector: Some("catering".into()),
            reserved: Some("true".into()),
            sort: Some("name".into()),
            page: Some("3".into()),
            per_page: Some("50".into()),
            ..Default::default()
        };
        let query = saved_query(&params);
        assert_eq!(query, "q=fiets&sector=catering&reserved=true");
        let back: SearchParams = serde_html_form::from_str(&query).unwrap();
        assert_eq!(back.q.as_deref(), Some("fiets"));
        assert_eq!(back.page, None);
        let keys: Vec<String> = criteria(&back).iter().map(|c| c["key"].as_str().unwrap().to_string()).collect();
        assert_eq!(keys, ["search-label", "filter-sector", "filter-reserved"]);
    }

    #[test]
    fn names_and_frequencies_are_checked() {
        assert_eq!(check(" Fietsen ", "weekly").unwrap(), ("Fietsen".to_string(), "weekly".to_string()));
        let fields = |r: Result<(String, String), Vec<FieldError>>| {
            r.unwrap_err().into_iter().map(|e| (e.field, e.key)).collect::<Vec<_>>()
        };
        assert_eq!(
            fields(check("  ", "hourly")),
            [("name".to_string(), "error-required"), ("frequency".to_string(), "error-unknown-code")]
        );
        assert_eq!(fields(check(&"x".repeat(101), "daily")), [("name".to_string(), "error-too-long")]);
    }
}
