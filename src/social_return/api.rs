//! `/api/v1/social-return/…`: the contracts (the officer's all, a contractor's own) with
//! their progress and entries as JSON and CSV, a contractor's entry, the claims on a
//! WISE and its answer. The same rules as the pages (`claims::add_entry`, `claims::answer`).

use actix_web::{get, post, web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::model::{Contract, Entry, EntryForm};
use super::progress::Progress;
use super::{claims, contractor_asking, listed_now, readable, store, view, viewer, wise_asking};
use crate::web::context::Ctx;
use crate::web::download::{csv_response, FormatQuery};
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::api(cfg, api_contracts);
    routes::api(cfg, api_contracts_csv);
    routes::api(cfg, api_contract);
    routes::api(cfg, api_add_entry);
    routes::api(cfg, api_claims);
    routes::api(cfg, api_answer);
}

/// A contract with its contractor's name and its progress today.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ContractSummary {
    pub contract: Contract,
    pub contractor: String,
    pub progress: Progress,
}

/// A contract with everything recorded towards it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ContractDetail {
    pub contract: Contract,
    pub contractor: String,
    pub progress: Progress,
    pub entries: Vec<Entry>,
}

/// A claim on a WISE, with the contract it is claimed towards.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Claim {
    pub entry: Entry,
    pub reference: String,
    pub title: String,
    pub contractor: String,
}

/// A WISE's answer to a claim.
#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(default)]
pub struct Answer {
    /// `confirm` or `dispute`.
    pub decision: String,
    /// Why (required to dispute).
    pub comment: String,
}

async fn contracts_of(ctx: &Ctx) -> Result<Vec<(Contract, String, Progress)>, AppError> {
    listed_now(ctx, viewer(ctx).await?.contractor()?).await
}

/// `GET /api/v1/social-return/contracts`.
#[utoipa::path(
    tag = "social-return",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The contracts the token's user follows (the officer: all; a contractor's buyer: its own), by reference, with their progress", body = Vec<ContractSummary>),
        (status = 401, description = "No token, or an unknown or revoked one", body = crate::web::error::ErrorBody),
        (status = 403, description = "A WISE's user (see /api/v1/social-return/claims), or a buyer without an approved organisation", body = crate::web::error::ErrorBody),
    )
)]
#[get("/api/v1/social-return/contracts")]
pub(crate) async fn api_contracts(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let list = contracts_of(&ctx).await?;
    let out: Vec<ContractSummary> = list
        .into_iter()
        .map(|(contract, contractor, progress)| ContractSummary { contract, contractor, progress })
        .collect();
    Ok(HttpResponse::Ok().json(out))
}

/// `GET /api/v1/social-return/contracts.csv`.
#[utoipa::path(
    tag = "social-return",
    security(("bearer" = [])),
    params(("format" = Option<String>, Query, description = "`csv` (the default) or `excel`")),
    responses(
        (status = 200, description = "The same contracts as CSV: terms, realised, pending and disputed euros, shares of obligation and term, projection, state", content_type = "text/csv", body = String),
        (status = 401, description = "No token, or an unknown or revoked one", body = crate::web::error::ErrorBody),
        (status = 403, description = "A WISE's user, or a buyer without an approved organisation", body = crate::web::error::ErrorBody),
    )
)]
#[get("/api/v1/social-return/contracts.csv")]
pub(crate) async fn api_contracts_csv(ctx: Ctx, format: web::Query<FormatQuery>) -> Result<HttpResponse, AppError> {
    let list = contracts_of(&ctx).await?;
    csv_response(ctx.lang(), &format, "social-return", view::contracts_csv(&list)?)
}

/// `GET /api/v1/social-return/contracts/{id}`.
#[utoipa::path(
    tag = "social-return",
    security(("bearer" = [])),
    params(("id" = i32, Path, description = "The contract")),
    responses(
        (status = 200, description = "The contract, its progress and its entries", body = ContractDetail),
        (status = 401, description = "No token, or an unknown or revoked one", body = crate::web::error::ErrorBody),
        (status = 403, description = "A WISE's user, or a buyer without an approved organisation", body = crate::web::error::ErrorBody),
        (status = 404, description = "No such contract, or another contractor's", body = crate::web::error::ErrorBody),
    )
)]
#[get("/api/v1/social-return/contracts/{id}")]
pub(crate) async fn api_contract(ctx: Ctx, path: web::Path<i32>) -> Result<HttpResponse, AppError> {
    let contractor = viewer(&ctx).await?.contractor()?;
    let id = path.into_inner();
    let (contract, name, entries) = ctx.state.db(move |c| readable(c, contractor, id)).await?;
    let entries: Vec<Entry> = entries.into_iter().map(|(e, _)| e).collect();
    let progress = super::progress::of(&contract, &entries, ctx.state.now().date(), &ctx.state.config.social_return);
    Ok(HttpResponse::Ok().json(ContractDetail { contract, contractor: name, progress, entries }))
}

/// `POST /api/v1/social-return/contracts/{id}/entries`.
#[utoipa::path(
    tag = "social-return",
    security(("bearer" = [])),
    params(("id" = i32, Path, description = "The contract")),
    request_body(content = EntryForm, content_type = "application/json"),
    responses(
        (status = 201, description = "The entry as stored: a purchase is pending until its WISE confirms it (the WISE is mailed); a building block counts at once", body = Entry),
        (status = 401, description = "No token, or an unknown or revoked one", body = crate::web::error::ErrorBody),
        (status = 403, description = "Not a buyer of the contractor", body = crate::web::error::ErrorBody),
        (status = 404, description = "No such contract, or another contractor's", body = crate::web::error::ErrorBody),
        (status = 422, description = "Field errors: unknown WISE, an invoice already claimed towards a contract, a date outside the term, …", body = crate::web::error::ErrorBody),
    )
)]
#[post("/api/v1/social-return/contracts/{id}/entries")]
pub(crate) async fn api_add_entry(
    ctx: Ctx,
    path: web::Path<i32>,
    body: web::Json<EntryForm>,
) -> Result<HttpResponse, AppError> {
    let (user, organisation) = contractor_asking(&ctx).await?;
    let (id, ip, worker, form) = (path.into_inner(), ctx.client_ip(), ctx.state.get_ref().clone(), body.into_inner());
    let entry = ctx
        .state
        .db(move |c| {
            let entry_id = claims::add_entry(c, &worker, &user, &ip, &organisation, id, &form)?;
            Ok(store::entry(c, entry_id)?.expect("just stored"))
        })
        .await?;
    Ok(HttpResponse::Created().json(entry))
}

/// `GET /api/v1/social-return/claims`.
#[utoipa::path(
    tag = "social-return",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every claim on the token's user's WISE, newest first", body = Vec<Claim>),
        (status = 401, description = "No token, or an unknown or revoked one", body = crate::web::error::ErrorBody),
        (status = 403, description = "Not a WISE's user", body = crate::web::error::ErrorBody),
    )
)]
#[get("/api/v1/social-return/claims")]
pub(crate) async fn api_claims(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let user = wise_asking(&ctx).await?;
    let claims = ctx.state.db(move |c| Ok(store::claims_on(c, &user.organisations)?)).await?;
    let out: Vec<Claim> = claims
        .into_iter()
        .map(|(entry, contract, contractor)| Claim {
            entry,
            reference: contract.reference,
            title: contract.title,
            contractor,
        })
        .collect();
    Ok(HttpResponse::Ok().json(out))
}

/// `POST /api/v1/social-return/entries/{id}/answer`.
#[utoipa::path(
    tag = "social-return",
    security(("bearer" = [])),
    params(("id" = i32, Path, description = "The claim (an entry)")),
    request_body(content = Answer, content_type = "application/json"),
    responses(
        (status = 200, description = "The claim as it is now", body = Entry),
        (status = 401, description = "No token, or an unknown or revoked one", body = crate::web::error::ErrorBody),
        (status = 403, description = "Not a WISE's user", body = crate::web::error::ErrorBody),
        (status = 404, description = "No such claim on the user's WISE", body = crate::web::error::ErrorBody),
        (status = 409, description = "The claim was answered already (a confirmed one stays confirmed)", body = crate::web::error::ErrorBody),
        (status = 422, description = "An unknown decision, or a dispute without a comment", body = crate::web::error::ErrorBody),
    )
)]
#[post("/api/v1/social-return/entries/{id}/answer")]
pub(crate) async fn api_answer(
    ctx: Ctx,
    path: web::Path<i32>,
    body: web::Json<Answer>,
) -> Result<HttpResponse, AppError> {
    let user = wise_asking(&ctx).await?;
    let (id, now, ip, answer) = (path.into_inner(), ctx.state.now(), ctx.client_ip(), body.into_inner());
    let entry = ctx
        .state
        .db(move |c| {
            claims::answer(c, now, &user, &ip, id, &answer.decision, &answer.comment)?;
            Ok(store::entry(c, id)?.expect("answered"))
        })
        .await?;
    Ok(HttpResponse::Ok().json(entry))
}
