//! The public catalogue: the home page, the list of approved WISEs and their profiles,
//! as pages and as JSON.

pub mod cpv;
pub mod model;
pub mod store;
pub mod view;

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::validation::is_kvk_number;
use crate::web::{page, routes, AppError, AppState};

pub fn routes(cfg: &mut web::ServiceConfig) {
    routes::get(cfg, "/", home);
    routes::get(cfg, "/organisations", list);
    routes::get(cfg, "/organisations/{slug}", profile);
    routes::get(cfg, "/api/v1/organisations/{kvk}", api_organisation);
}

async fn home(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let counts = state.db(|c| Ok(store::counts(c)?)).await?;
    page::render(&state, &req, "home", json!({ "nav": "home", "counts": counts }))
}

#[derive(Deserialize)]
struct ListQuery {
    page: Option<u32>,
}

async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let page = query.page.unwrap_or(1);
    if page == 0 {
        return Err(AppError::BadRequest("page: pages are numbered from 1".into()));
    }
    let per_page = state.config.catalogue.page_size;
    let (organisations, total) = state.db(move |c| Ok(store::list_approved(c, page, per_page)?)).await?;
    let paging = view::Paging::new(page, per_page, total);
    if page > paging.pages {
        return Err(AppError::NotFound);
    }
    page::render(
        &state,
        &req,
        "catalogue/list",
        json!({ "nav": "organisations", "organisations": organisations, "total": total, "paging": paging }),
    )
}

async fn profile(
    req: HttpRequest,
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let slug = slug.into_inner();
    let profile =
        state.db(move |c| Ok(store::public_profile(c, store::Key::Slug(&slug))?)).await?.ok_or(AppError::NotFound)?;
    let data = view::profile_page(&profile, state.today());
    page::render(&state, &req, "catalogue/profile", data)
}

/// `GET /api/v1/organisations/{kvk}`: an approved WISE's public record.
async fn api_organisation(state: web::Data<AppState>, kvk: web::Path<String>) -> Result<HttpResponse, AppError> {
    let kvk = kvk.into_inner();
    if !is_kvk_number(&kvk) {
        return Err(AppError::BadRequest(format!("kvk: {kvk:?} is not a KvK number (exactly 8 digits)")));
    }
    let profile =
        state.db(move |c| Ok(store::public_profile(c, store::Key::Kvk(&kvk))?)).await?.ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok().json(profile))
}
