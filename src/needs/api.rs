//! `GET/POST /api/v1/needs` and `GET /api/v1/needs/{id}`: the needs a token's user may
//! see (as on the pages), with the matches, the answers and the deals they may see.

use actix_web::{get, post, web, HttpResponse};
use serde::Serialize;

use super::matching::Candidate;
use super::model::{Deal, Need, NeedInput, NeedMatch};
use super::{load, moderation, record, store, Viewer};
use crate::db::write_tx;
use crate::users::model::Role;
use crate::web::auth::policy::Action;
use crate::web::context::Ctx;
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::api(cfg, api_needs);
    routes::api(cfg, api_create);
    routes::api(cfg, api_need);
}

/// One need with what the asker may see of it.
#[derive(Serialize, utoipa::ToSchema)]
pub struct NeedDetail {
    pub need: Need,
    /// The WISEs on its list with their answers (the buyer and the operator; a WISE sees its own row).
    pub responses: Vec<NeedMatch>,
    /// Before publishing, for the operator: the WISEs the rules match now.
    pub candidates: Vec<Candidate>,
    pub deals: Vec<Deal>,
    /// Its documents; each is downloaded, signed in, at `/needs/{need_id}/attachments/{id}`.
    pub attachments: Vec<super::attachments::Attachment>,
}

/// `GET /api/v1/needs`: a buyer's needs, the needs a WISE was alerted to, or every need (the operator).
#[utoipa::path(
    tag = "needs",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The needs the token's user may see, newest first", body = Vec<Need>),
        (status = 401, description = "No token, or an unknown or revoked one", body = crate::web::error::ErrorBody),
        (status = 403, description = "The `city` role has no needs", body = crate::web::error::ErrorBody),
    )
)]
#[get("/api/v1/needs")]
pub(crate) async fn api_needs(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::UseNeeds, None).await?;
    let list = ctx
        .state
        .db(move |c| {
            Ok(match user.role {
                Role::Admin => {
                    let mut all = store::all(c, None)?;
                    all.reverse();
                    all
                }
                Role::Buyer => match crate::buying::store::acting_for(c, user.id)? {
                    Some(o) => store::of_buyer(c, o.id)?,
                    None => Vec::new(),
                },
                _ => {
                    let mut needs = Vec::new();
                    for organisation in &user.organisations {
                        needs.extend(store::of_wise(c, *organisation)?.into_iter().map(|(n, _)| n));
                    }
                    needs
                }
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(list))
}

/// `POST /api/v1/needs`: a buyer posts a need; `?submit=true` sends it to the operator at once.
#[utoipa::path(
    tag = "needs",
    security(("bearer" = [])),
    params(("submit" = Option<bool>, Query, description = "Send it to the operator at once (default: keep it a draft)")),
    request_body(content = NeedInput, content_type = "application/json"),
    responses(
        (status = 201, description = "The need as stored", body = Need),
        (status = 401, description = "No token, or an unknown or revoked one", body = crate::web::error::ErrorBody),
        (status = 403, description = "Not a buyer of an approved buying organisation", body = crate::web::error::ErrorBody),
        (status = 422, description = "Field errors", body = crate::web::error::ErrorBody),
    )
)]
#[post("/api/v1/needs")]
pub(crate) async fn api_create(
    ctx: Ctx,
    body: web::Json<NeedInput>,
    query: web::Query<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::UseBuyerTools, None).await?;
    let id = user.id;
    let organisation =
        ctx.state.db(move |c| Ok(crate::buying::store::acting_for(c, id)?)).await?.ok_or(AppError::Forbidden)?;
    let submit = query.get("submit").is_some_and(|v| v == "true");
    let today = ctx.state.now().date();
    let input = body.into_inner();
    let (now, ip, worker) = (ctx.state.now(), ctx.client_ip(), ctx.state.get_ref().clone());
    let need = ctx
        .state
        .db(move |c| {
            let valid = super::model::validate(c, input, today)?.map_err(AppError::Validation)?;
            write_tx(c, |c| {
                let id = store::create(c, organisation.id, user.id, &valid, now)?;
                record(c, &user, &ip, "need_created", id, "api", now)?;
                if submit {
                    moderation::submit(c, &worker, &user, &ip, id, now)?;
                }
                store::get(c, id)?.ok_or(AppError::NotFound)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(need))
}

/// `GET /api/v1/needs/{id}`: one need with its matches, answers and deals, as far as the user may see them.
#[utoipa::path(
    tag = "needs",
    security(("bearer" = [])),
    params(("id" = i32, Path, description = "The need's id")),
    responses(
        (status = 200, description = "The need", body = NeedDetail),
        (status = 401, description = "No token, or an unknown or revoked one", body = crate::web::error::ErrorBody),
        (status = 404, description = "No such need, or not one the user may see", body = crate::web::error::ErrorBody),
    )
)]
#[get("/api/v1/needs/{id}")]
pub(crate) async fn api_need(ctx: Ctx, path: web::Path<i32>) -> Result<HttpResponse, AppError> {
    let (_, need, viewer) = load(&ctx, path.into_inner()).await?;
    let (config, today) = (ctx.state.config.clone(), ctx.state.today());
    let detail = ctx
        .state
        .db(move |c| {
            let rows = store::matches(c, need.id)?;
            let deals: Vec<Deal> = store::deals(c, need.id)?.into_iter().map(|(d, _)| d).collect();
            let (responses, deals, candidates) = match &viewer {
                Viewer::Wise(own) => (
                    vec![own.clone()],
                    deals.into_iter().filter(|d| d.organisation_id == own.organisation_id).collect(),
                    Vec::new(),
                ),
                Viewer::Buyer(_) => (
                    rows.into_iter()
                        .map(|r| r.0)
                        .filter(|m| m.removed_at.is_none() && m.alerted_at.is_some())
                        .collect(),
                    deals,
                    Vec::new(),
                ),
                Viewer::Operator => {
                    let candidates = if need.status == "submitted" {
                        super::matching::candidates(c, &config.needs, &need, today)?.candidates
                    } else {
                        Vec::new()
                    };
                    (rows.into_iter().map(|r| r.0).collect(), deals, candidates)
                }
            };
            let attachments = super::attachments::of_need(c, need.id)?;
            Ok(NeedDetail { need, responses, candidates, deals, attachments })
        })
        .await?;
    Ok(HttpResponse::Ok().json(detail))
}
