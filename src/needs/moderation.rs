//! The steps of a need before and around publishing: the buyer submits (or withdraws),
//! the operator publishes or returns it with a comment, and adjusts the list of WISEs
//! with a reason. Every step is audited and mailed, in one transaction.

use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use serde::Deserialize;

use super::flow::{self, Env};
use super::mails::{self, Details};
use super::{load, record, store, Viewer};
use crate::db::{write_tx, DbConn};
use crate::users::model::CurrentUser;
use crate::validation::{char_len, FieldError};
use crate::web::auth::session::{CsrfForm, Empty};
use crate::web::context::Ctx;
use crate::web::form::see_other;
use crate::web::{routes, AppError, AppState};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::post(cfg, "/needs/{id}/submit", submit_page);
    routes::post(cfg, "/needs/{id}/withdraw", withdraw);
    routes::post(cfg, "/admin/needs/{id}/publish", publish);
    routes::post(cfg, "/admin/needs/{id}/return", return_need);
    routes::post(cfg, "/admin/needs/{id}/matches", add_match);
    routes::post(cfg, "/admin/needs/{id}/matches/{organisation}/remove", remove_match);
}

fn buyer_name(conn: &mut DbConn, need: &super::model::Need) -> diesel::QueryResult<String> {
    Ok(crate::buying::store::by_id(conn, need.buying_organisation_id)?.map(|b| b.name).unwrap_or_default())
}

/// Sends a draft or returned need to the operator (mail to the operators, audited).
pub fn submit(
    conn: &mut DbConn,
    state: &AppState,
    user: &CurrentUser,
    ip: &str,
    id: i32,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    if !store::set_status(conn, id, &["draft", "returned"], "submitted", None, now)? {
        return Err(AppError::Conflict("only a draft or a returned need can be submitted".into()));
    }
    let need = store::get(conn, id)?.ok_or(AppError::NotFound)?;
    let buyer = buyer_name(conn, &need)?;
    let operators = mails::operators(conn)?;
    let details = Details { extra: Some(now.and_utc().timestamp().to_string()), ..Details::default() };
    mails::send(conn, &Env::of(state, now), &need, &buyer, "submitted", &operators, details)?;
    record(conn, user, ip, "need_submitted", id, "", now)?;
    Ok(())
}

async fn submit_page(ctx: Ctx, path: web::Path<i32>, _: CsrfForm<Empty>) -> Result<HttpResponse, AppError> {
    let (user, need, viewer) = load(&ctx, path.into_inner()).await?;
    if !matches!(viewer, Viewer::Buyer(_)) {
        return Err(AppError::NotFound);
    }
    let (now, ip, worker, id) = (ctx.state.now(), ctx.client_ip(), ctx.state.get_ref().clone(), need.id);
    ctx.state.db(move |c| write_tx(c, |c| submit(c, &worker, &user, &ip, id, now))).await?;
    Ok(see_other(&format!("/needs/{id}?notice=submitted")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ReasonForm {
    reason: String,
}

/// The buyer (or the operator) withdraws a need that is not withdrawn yet.
async fn withdraw(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<ReasonForm>,
) -> Result<HttpResponse, AppError> {
    let (user, need, viewer) = load(&ctx, path.into_inner()).await?;
    if matches!(viewer, Viewer::Wise(_)) {
        return Err(AppError::NotFound);
    }
    let reason = form.reason.trim().to_string();
    if char_len(&reason) > 2000 {
        return Err(AppError::Validation(vec![FieldError { field: "reason".into(), key: "error-too-long" }]));
    }
    let (now, ip, worker, id) = (ctx.state.now(), ctx.client_ip(), ctx.state.get_ref().clone(), need.id);
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                let comment = Some(reason.as_str()).filter(|r| !r.is_empty());
                let from = ["draft", "submitted", "returned", "published"];
                if !store::set_status(c, id, &from, "withdrawn", comment, now)? {
                    return Err(AppError::Conflict("this need is withdrawn already".into()));
                }
                let need = store::get(c, id)?.ok_or(AppError::NotFound)?;
                let buyer = buyer_name(c, &need)?;
                // The WISEs that answered hear of it, so nobody keeps working on a bid.
                let mut recipients = Vec::new();
                for (m, _, _, _) in store::matches(c, id)? {
                    if m.response.is_some() {
                        recipients.extend(mails::wise_contacts(c, m.organisation_id)?);
                    }
                }
                mails::send(c, &Env::of(&worker, now), &need, &buyer, "withdrawn", &recipients, Details::default())?;
                record(c, &user, &ip, "need_withdrawn", id, &reason, now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other(&format!("/needs/{id}?notice=withdrawn")))
}

/// The operator publishes a submitted need: the list is fixed and the first batch alerted.
async fn publish(ctx: Ctx, path: web::Path<i32>, _: CsrfForm<Empty>) -> Result<HttpResponse, AppError> {
    let user = ctx.require(crate::web::auth::policy::Action::Operate, None).await?;
    let id = path.into_inner();
    let (now, ip, worker) = (ctx.state.now(), ctx.client_ip(), ctx.state.get_ref().clone());
    let alerted = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let need = store::get(c, id)?.ok_or(AppError::NotFound)?;
                let env = Env { config: &worker.config, templates: &worker.templates, now };
                let alerted = flow::publish(c, &env, &need)?
                    .ok_or_else(|| AppError::Conflict("only a submitted need can be published".into()))?;
                record(c, &user, &ip, "need_published", id, &format!("{alerted} WISEs alerted"), now)?;
                Ok::<_, AppError>(alerted)
            })
        })
        .await?;
    let notice = if alerted == 0 { "published-nobody" } else { "published" };
    Ok(see_other(&format!("/needs/{id}?notice={notice}")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CommentForm {
    comment: String,
}

/// The operator returns a submitted need to its buyer with a comment.
async fn return_need(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<CommentForm>,
) -> Result<HttpResponse, AppError> {
    let user = ctx.require(crate::web::auth::policy::Action::Operate, None).await?;
    let id = path.into_inner();
    let comment = form.comment.trim().to_string();
    if comment.is_empty() || char_len(&comment) > 2000 {
        let key = if comment.is_empty() { "error-required" } else { "error-too-long" };
        return Err(AppError::Validation(vec![FieldError { field: "comment".into(), key }]));
    }
    let (now, ip, worker) = (ctx.state.now(), ctx.client_ip(), ctx.state.get_ref().clone());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                if !store::set_status(c, id, &["submitted"], "returned", Some(&comment), now)? {
                    return Err(AppError::Conflict("only a submitted need can be returned".into()));
                }
                let need = store::get(c, id)?.ok_or(AppError::NotFound)?;
                let buyer = buyer_name(c, &need)?;
                let contacts = mails::buyer_contacts(c, &need)?;
                let details = Details {
                    comment: Some(&comment),
                    extra: Some(now.and_utc().timestamp().to_string()),
                    ..Details::default()
                };
                mails::send(c, &Env::of(&worker, now), &need, &buyer, "returned", &contacts, details)?;
                record(c, &user, &ip, "need_returned", id, &comment, now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other(&format!("/needs/{id}?notice=returned")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MatchForm {
    kvk_number: String,
    reason: String,
}

/// A reason for changing the list: required, at most 500 characters.
fn reason_of(text: &str) -> Result<String, AppError> {
    let reason = text.trim();
    if reason.is_empty() || char_len(reason) > 500 {
        let key = if reason.is_empty() { "error-required" } else { "error-too-long" };
        return Err(AppError::Validation(vec![FieldError { field: "reason".into(), key }]));
    }
    Ok(reason.to_string())
}

/// The operator adds an approved WISE to a need's list (or puts a removed one back).
async fn add_match(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<MatchForm>,
) -> Result<HttpResponse, AppError> {
    let user = ctx.require(crate::web::auth::policy::Action::Operate, None).await?;
    let id = path.into_inner();
    let reason = reason_of(&form.reason)?;
    let kvk = form.kvk_number.trim().to_string();
    let (now, ip) = (ctx.state.now(), ctx.client_ip());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                let need = store::get(c, id)?.ok_or(AppError::NotFound)?;
                if need.status == "withdrawn" {
                    return Err(AppError::Conflict("this need is withdrawn".into()));
                }
                let wise = crate::organisation::store::organisation_by_kvk(c, &kvk)?
                    .filter(|o| o.status().is_public())
                    .ok_or_else(|| {
                        AppError::Validation(vec![FieldError {
                            field: "kvk_number".into(),
                            key: "error-unknown-organisation",
                        }])
                    })?;
                if !store::insert_match(c, id, wise.id, "added", -1, Some(&reason), None)? {
                    store::set_removed(c, id, wise.id, None, &reason)?;
                }
                record(c, &user, &ip, "need_match_added", id, &format!("{kvk}: {reason}"), now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other(&format!("/needs/{id}?notice=match-added#matches")))
}

/// The operator takes a WISE off a need's list, with a reason; it is not alerted (again).
async fn remove_match(
    ctx: Ctx,
    path: web::Path<(i32, i32)>,
    CsrfForm(form): CsrfForm<ReasonForm>,
) -> Result<HttpResponse, AppError> {
    let user = ctx.require(crate::web::auth::policy::Action::Operate, None).await?;
    let (id, organisation) = path.into_inner();
    let reason = reason_of(&form.reason)?;
    let (now, ip, config) = (ctx.state.now(), ctx.client_ip(), ctx.state.config.clone());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                let need = store::get(c, id)?.ok_or(AppError::NotFound)?;
                // A WISE the rules match but not yet on the fixed list gets its row now.
                let matched = super::matching::candidates(c, &config.needs, &need, now.date())?;
                let known = matched.candidates.iter().any(|m| m.organisation_id == organisation)
                    || store::match_of(c, id, organisation)?.is_some();
                if !known {
                    return Err(AppError::NotFound);
                }
                if !store::insert_match(c, id, organisation, "matched", 0, Some(&reason), Some(now))? {
                    store::set_removed(c, id, organisation, Some(now), &reason)?;
                }
                record(
                    c,
                    &user,
                    &ip,
                    "need_match_removed",
                    id,
                    &format!("organisation {organisation}: {reason}"),
                    now,
                )?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other(&format!("/needs/{id}?notice=match-removed#matches")))
}
