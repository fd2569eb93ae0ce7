//! The public catalogue: the home page, the list of approved WISEs and their profiles,
//! as pages and as JSON.

pub mod eligibility;
pub mod import;
pub mod manage;
pub mod search;
pub mod store;
pub mod view;

use crate::web::download::{csv_response, FormatQuery};
use actix_web::get;
use actix_web::{web, HttpResponse};
use serde_json::json;

use actix_web::http::StatusCode;
use search::SearchParams;

use crate::validation::{is_kvk_number, FieldError};
use crate::web::context::Ctx;
use crate::web::{page, routes, AppError, AppState};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/", home);
    routes::get(cfg, "/organisations", list);
    routes::get(cfg, "/organisations.csv", export_organisations);
    routes::api(cfg, api_organisations);
    routes::api(cfg, api_offerings);
    routes::get(cfg, "/organisations/{slug}", profile);
    routes::api(cfg, api_organisation);
}

async fn home(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let counts = ctx.state.db(|c| Ok(store::counts(c)?)).await?;
    ctx.render("home", json!({ "nav": "home", "counts": counts }))
}

/// The search page: `/organisations?q=…&sector=…&cpv=…&kind=…&municipality=…&target_group=…&certification=…&reserved=true&sort=…&page=…`.
async fn list(ctx: Ctx, params: web::Query<SearchParams>) -> Result<HttpResponse, AppError> {
    let params = params.into_inner();
    match checked_search(&ctx.state, &params).await? {
        Ok(result) => {
            let data = view::search_page(&params, &result);
            ctx.render("catalogue/list", data)
        }
        Err(errors) => {
            let data = view::search_errors(&params, &errors);
            ctx.render_status(StatusCode::UNPROCESSABLE_ENTITY, "catalogue/list", data)
        }
    }
}

/// Checks and runs a search; a page past the last one is a field error too.
async fn checked_search(
    state: &AppState,
    params: &SearchParams,
) -> Result<Result<search::SearchResult, Vec<FieldError>>, AppError> {
    let checked = match params.check(state.config.catalogue.page_size) {
        Ok(checked) => checked,
        Err(errors) => return Ok(Err(errors)),
    };
    let (today, caches) = (state.today(), state.caches.clone());
    let result = state.db(move |c| Ok(search::search(c, &caches, &checked, today)?)).await?;
    if result.page > result.pages {
        return Ok(Err(vec![FieldError { field: "page".into(), key: "error-page-range" }]));
    }
    Ok(Ok(result))
}

/// `GET /api/v1/organisations`: the same search as the page, as JSON.
#[utoipa::path(
    tag = "catalogue",
    params(SearchParams),
    responses(
        (status = 200, description = "Approved WISEs found, a page of them (each with its reserved-contract eligibility), and facet counts", body = search::SearchResult),
        (status = 422, description = "A parameter is wrong; `details` names it", body = crate::web::error::ErrorBody),
    )
)]
#[get("/api/v1/organisations")]
pub(crate) async fn api_organisations(
    state: web::Data<AppState>,
    params: web::Query<SearchParams>,
) -> Result<HttpResponse, AppError> {
    let result = checked_search(&state, &params.into_inner()).await??;
    Ok(HttpResponse::Ok().json(result))
}

/// `GET /organisations.csv`: every WISE the search finds, as CSV.
async fn export_organisations(
    ctx: Ctx,
    params: web::Query<SearchParams>,
    format: web::Query<FormatQuery>,
) -> Result<HttpResponse, AppError> {
    let state = &ctx.state;
    let mut checked = params.into_inner().check(state.config.catalogue.page_size)?;
    checked.page = 1;
    checked.per_page = u32::MAX / 2;
    let (today, caches) = (state.today(), state.caches.clone());
    let result = state.db(move |c| Ok(search::search(c, &caches, &checked, today)?)).await?;
    let body = view::organisations_csv(&result.items, state.config.base_url())?;
    csv_response(ctx.lang(), &format, "wise-organisations", body)
}

/// `GET /api/v1/offerings`: active offerings of approved WISEs.
#[utoipa::path(
    tag = "catalogue",
    params(SearchParams),
    responses(
        (status = 200, description = "Offerings found (sector, target_group, certification and reserved are ignored)", body = search::OfferingResult),
        (status = 422, description = "A parameter is wrong; `details` names it", body = crate::web::error::ErrorBody),
    )
)]
#[get("/api/v1/offerings")]
pub(crate) async fn api_offerings(
    state: web::Data<AppState>,
    params: web::Query<SearchParams>,
) -> Result<HttpResponse, AppError> {
    let checked = params.into_inner().check(state.config.catalogue.page_size)?;
    let result = state.db(move |c| Ok(search::search_offerings(c, &checked)?)).await?;
    if result.page > result.pages {
        return Err(AppError::Validation(vec![FieldError { field: "page".into(), key: "error-page-range" }]));
    }
    Ok(HttpResponse::Ok().json(result))
}

/// A profile's query: a notice after an action, and `back`, the search it was found by
/// (its query string), for the breadcrumb back to those results.
#[derive(serde::Deserialize)]
struct ProfileQuery {
    notice: Option<String>,
    back: Option<String>,
}

async fn profile(ctx: Ctx, slug: web::Path<String>, query: web::Query<ProfileQuery>) -> Result<HttpResponse, AppError> {
    // Read back as a search and written again: only search parameters get through.
    let back = query.back.as_deref().and_then(|q| serde_html_form::from_str::<SearchParams>(q).ok());
    let back_url = view::url(
        "/organisations",
        back.map(|b| view::query_string(&b, b.page.as_deref().and_then(|p| p.parse().ok()))).unwrap_or_default(),
    );
    let notice = match query.notice.as_deref() {
        Some("shortlisted") => Some("notice-shortlisted"),
        Some("unlisted") => Some("notice-unlisted"),
        Some("enquiry-sent") => Some("notice-enquiry-sent"),
        _ => None,
    };
    render_profile(&ctx, slug.into_inner(), StatusCode::OK, json!({ "notice": notice, "back_url": back_url })).await
}

/// A WISE's public page; buyers also get the shortlist button and the enquiry form.
/// `extra` overrides fields (a notice, or the enquiry form with its errors).
pub(crate) async fn render_profile(
    ctx: &Ctx,
    slug: String,
    status: StatusCode,
    extra: serde_json::Value,
) -> Result<HttpResponse, AppError> {
    use crate::web::auth::policy::Action;
    let buyer = ctx.identity.user.as_ref().filter(|_| ctx.allows(Action::UseBuyerTools, None)).map(|u| u.id);
    let today = ctx.state.today();
    let (profile, listed, partners, unplaced) = ctx
        .state
        .db(move |c| {
            let profile = store::public_profile(c, store::Key::Slug(&slug), today)?.ok_or(AppError::NotFound)?;
            let listed = match buyer {
                Some(user) => store::on_shortlist(c, user, profile.organisation.id)?,
                None => false,
            };
            let partners = crate::partnerships::store::current_public_of_wise(c, profile.organisation.id)?;
            // A radius offering serves only its own municipality while that has no coordinates.
            let radius = profile.offerings.iter().any(|o| o.service_area == "radius");
            let place = &profile.organisation.municipality;
            let unplaced = radius && crate::geography::store::gazetteer(c)?.centroid(place).is_none();
            Ok((profile, listed, partners, unplaced))
        })
        .await?;
    let editor = ctx.allows(Action::EditOrganisation, Some(profile.organisation.id));
    let defaults = json!({
        "listed": listed,
        "can_edit": editor,
        "notice": null,
        "back_url": "/organisations",
        "enquiry": { "subject": "", "message": "" },
        "enquiry_errors": crate::web::form::field_errors(&["subject", "message"], &[]),
        "partners": partners.iter().map(crate::partnerships::public_row).collect::<Vec<_>>(),
        "no_coordinates": unplaced.then(|| profile.organisation.municipality.clone()),
    });
    let data = page::merge(view::profile_page(&profile), defaults);
    ctx.render_over(status, "catalogue/profile", data, extra)
}

/// `GET /api/v1/organisations/{kvk}`: an approved WISE's public record.
#[utoipa::path(
    tag = "catalogue",
    params(("kvk" = String, Path, description = "KvK number, 8 digits")),
    responses(
        (status = 200, description = "The WISE's public record with its active offerings, its certificates with their state (claimed, verified, expired) and its reserved-contract eligibility", body = store::Profile),
        (status = 400, description = "Not a KvK number", body = crate::web::error::ErrorBody),
        (status = 404, description = "No approved WISE with this number", body = crate::web::error::ErrorBody),
    )
)]
#[get("/api/v1/organisations/{kvk}")]
pub(crate) async fn api_organisation(
    state: web::Data<AppState>,
    kvk: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let kvk = kvk.into_inner();
    if !is_kvk_number(&kvk) {
        return Err(AppError::BadRequest(format!("kvk: {kvk:?} is not a KvK number (exactly 8 digits)")));
    }
    let today = state.today();
    let profile = state
        .db(move |c| Ok(store::public_profile(c, store::Key::Kvk(&kvk), today)?))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok().json(profile))
}
