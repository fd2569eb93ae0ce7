//! How a need ended: the buyer reports the deal (which WISE, how much) and whether they
//! would have found the WISE without the platform; the WISE confirms or disputes it (a
//! WISE may report first, then the buyer confirms); the operator may decide, with a
//! reason. Only a confirmed deal counts. Fulfilled needs the buyer agreed to show are a
//! public list of examples.

use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use super::flow::Env;
use super::mails::{self, Details};
use super::{load, record, store, Viewer};
use crate::db::write_tx;
use crate::validation::FieldError;
use crate::vocab;
use crate::web::auth::policy::Action;
use crate::web::auth::session::CsrfForm;
use crate::web::context::Ctx;
use crate::web::form::see_other;
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::post(cfg, "/needs/{id}/outcome", report);
    routes::post(cfg, "/needs/{id}/deals/{deal}/confirm", confirm);
    routes::post(cfg, "/needs/{id}/deals/{deal}/dispute", dispute);
    routes::post(cfg, "/admin/needs/{id}/deals/{deal}/decide", decide);
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OutcomeForm {
    /// The WISE (its id) the deal was made with; empty: no deal (only the answers below).
    organisation: String,
    amount_eur: String,
    found_without: String,
    share: String,
}

fn amount(text: &str) -> Result<i64, AppError> {
    let digits: String = text.chars().filter(|c| !matches!(c, '.' | ' ' | '€')).collect();
    digits
        .parse::<i64>()
        .ok()
        .filter(|a| *a >= 0)
        .ok_or_else(|| AppError::Validation(vec![FieldError { field: "amount_eur".into(), key: "error-amount" }]))
}

/// The buyer, or a WISE that was alerted, reports the outcome.
async fn report(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<OutcomeForm>,
) -> Result<HttpResponse, AppError> {
    let (user, need, viewer) = load(&ctx, path.into_inner()).await?;
    if need.status != "published" {
        return Err(AppError::Conflict("only a published need has an outcome".into()));
    }
    let found = form.found_without.trim().to_string();
    if !found.is_empty() && !vocab::FOUND_WITHOUT.contains(&found.as_str()) {
        return Err(AppError::Validation(vec![FieldError {
            field: "found_without".into(),
            key: "error-unknown-code",
        }]));
    }
    let (organisation, by) = match &viewer {
        Viewer::Buyer(_) => match form.organisation.trim() {
            "" => (None, "buyer"),
            id => (Some(id.parse::<i32>().map_err(|_| AppError::NotFound)?), "buyer"),
        },
        Viewer::Wise(m) => (Some(m.organisation_id), "wise"),
        Viewer::Operator => return Err(AppError::Forbidden),
    };
    let amount = match organisation {
        Some(_) => Some(amount(&form.amount_eur)?),
        None => None,
    };
    let share = matches!(form.share.as_str(), "on" | "true");
    let (now, ip, worker, id) = (ctx.state.now(), ctx.client_ip(), ctx.state.get_ref().clone(), need.id);
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                let buyer =
                    crate::buying::store::by_id(c, need.buying_organisation_id)?.map(|b| b.name).unwrap_or_default();
                if by == "buyer" {
                    store::record_outcome(c, id, Some(found.as_str()).filter(|f| !f.is_empty()), share, now)?;
                }
                if let (Some(organisation), Some(amount)) = (organisation, amount) {
                    let row = store::match_of(c, id, organisation)?
                        .filter(|m| m.alerted_at.is_some() && m.removed_at.is_none())
                        .ok_or(AppError::NotFound)?;
                    if store::deal_of(c, id, organisation)?.is_some_and(|d| d.status == "confirmed") {
                        return Err(AppError::Conflict("this deal is confirmed already".into()));
                    }
                    store::report_deal(c, id, row.organisation_id, amount, by, now)?;
                    let wise = crate::organisation::store::organisations_by_id(c, &[organisation])?
                        .into_iter()
                        .next()
                        .map(|m| m.name)
                        .unwrap_or_default();
                    // The other side is asked to confirm.
                    let recipients = if by == "buyer" {
                        mails::wise_contacts(c, organisation)?
                    } else {
                        mails::buyer_contacts(c, &need)?
                    };
                    let details = Details {
                        wise: Some(&wise),
                        count: Some(amount),
                        extra: Some(format!("{organisation}:{amount}:{}", now.and_utc().timestamp())),
                        ..Details::default()
                    };
                    mails::send(c, &Env::of(&worker, now), &need, &buyer, "deal-reported", &recipients, details)?;
                    record(
                        c,
                        &user,
                        &ip,
                        "need_deal_reported",
                        id,
                        &format!("organisation {organisation}: {amount} EUR by {by}"),
                        now,
                    )?;
                } else {
                    record(c, &user, &ip, "need_outcome_reported", id, &found, now)?;
                }
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other(&format!("/needs/{id}?notice=outcome#outcome")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CommentForm {
    comment: String,
}

/// The side that did not report a deal confirms (`confirmed`) or disputes it.
async fn settle(ctx: Ctx, id: i32, deal: i32, status: &'static str, comment: String) -> Result<HttpResponse, AppError> {
    let (user, need, viewer) = load(&ctx, id).await?;
    let side = match viewer {
        Viewer::Buyer(_) => ("wise", None),
        Viewer::Wise(m) => ("buyer", Some(m.organisation_id)),
        Viewer::Operator => return Err(AppError::NotFound),
    };
    if status == "disputed" && comment.trim().is_empty() {
        return Err(AppError::Validation(vec![FieldError { field: "comment".into(), key: "error-required" }]));
    }
    let (now, ip, worker) = (ctx.state.now(), ctx.client_ip(), ctx.state.get_ref().clone());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                let (found, wise) =
                    store::deals(c, id)?.into_iter().find(|(d, _)| d.id == deal).ok_or(AppError::NotFound)?;
                if found.reported_by != side.0 || side.1.is_some_and(|o| o != found.organisation_id) {
                    return Err(AppError::NotFound);
                }
                if found.status != "reported" {
                    return Err(AppError::Conflict("this deal is settled already".into()));
                }
                let comment = Some(comment.trim()).filter(|t| !t.is_empty());
                store::settle_deal(c, deal, status, comment, None, now)?;
                let buyer =
                    crate::buying::store::by_id(c, need.buying_organisation_id)?.map(|b| b.name).unwrap_or_default();
                let mut recipients = if side.0 == "buyer" {
                    mails::buyer_contacts(c, &need)?
                } else {
                    mails::wise_contacts(c, found.organisation_id)?
                };
                if status == "disputed" {
                    recipients.extend(mails::operators(c)?);
                }
                let event = if status == "confirmed" { "deal-confirmed" } else { "deal-disputed" };
                let details = Details {
                    wise: Some(&wise),
                    comment,
                    count: Some(found.amount_eur),
                    extra: Some(deal.to_string()),
                };
                mails::send(c, &Env::of(&worker, now), &need, &buyer, event, &recipients, details)?;
                record(c, &user, &ip, &format!("need_deal_{status}"), id, &format!("deal {deal}"), now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other(&format!("/needs/{id}?notice=deal-{status}#outcome")))
}

async fn confirm(
    ctx: Ctx,
    path: web::Path<(i32, i32)>,
    CsrfForm(form): CsrfForm<CommentForm>,
) -> Result<HttpResponse, AppError> {
    let (id, deal) = path.into_inner();
    settle(ctx, id, deal, "confirmed", form.comment).await
}

async fn dispute(
    ctx: Ctx,
    path: web::Path<(i32, i32)>,
    CsrfForm(form): CsrfForm<CommentForm>,
) -> Result<HttpResponse, AppError> {
    let (id, deal) = path.into_inner();
    settle(ctx, id, deal, "disputed", form.comment).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct DecideForm {
    status: String,
    comment: String,
}

/// The operator decides a deal (`confirmed` or `disputed`), with a reason; audited.
async fn decide(
    ctx: Ctx,
    path: web::Path<(i32, i32)>,
    CsrfForm(form): CsrfForm<DecideForm>,
) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::Operate, None).await?;
    let (id, deal) = path.into_inner();
    let status = form.status.trim().to_string();
    let comment = form.comment.trim().to_string();
    let mut errors = Vec::new();
    if !matches!(status.as_str(), "confirmed" | "disputed") {
        errors.push(FieldError { field: "status".into(), key: "error-unknown-code" });
    }
    if comment.is_empty() {
        errors.push(FieldError { field: "comment".into(), key: "error-required" });
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let (now, ip) = (ctx.state.now(), ctx.client_ip());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                if !store::deals(c, id)?.iter().any(|(d, _)| d.id == deal) {
                    return Err(AppError::NotFound);
                }
                store::settle_deal(c, deal, &status, Some(&comment), Some(user.id), now)?;
                record(c, &user, &ip, "need_deal_decided", id, &format!("deal {deal}: {status}: {comment}"), now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other(&format!("/needs/{id}?notice=deal-decided#outcome")))
}

/// `/needs/fulfilled`: needs that led to a confirmed deal, shown with the buyer's consent.
pub async fn fulfilled(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let rows = ctx.state.db(|c| Ok(store::fulfilled_examples(c)?)).await?;
    let items: Vec<serde_json::Value> = rows
        .into_iter()
        .map(|(need, buyer, wises)| {
            json!({
                "title": need.title,
                "description": need.description,
                "kind": need.kind,
                "offering_kind": need.offering_kind,
                "buyer": buyer,
                "reserved": need.reserved,
                "deadline": need.deadline,
                "wises": wises.into_iter().map(|(name, slug)| json!({ "name": name, "slug": slug })).collect::<Vec<_>>(),
            })
        })
        .collect();
    ctx.render("needs/fulfilled", json!({ "nav": "fulfilled", "items": items }))
}
