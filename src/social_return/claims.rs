//! The contractor records what it did (a purchase from a WISE, claimed on the WISE; a
//! building block) or withdraws an entry that does not count; the WISE sees every claim
//! on it and confirms or disputes each. The page handlers and the API share
//! [`add_entry`] and [`answer`].

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use super::flow::{self, Env};
use super::model::{EntryForm, ENTRY_FIELDS};
use super::valuation::{self, Standing};
use super::{contractor_asking, record, store, view, wise_asking};
use crate::buying::BuyingOrganisation;
use crate::db::{write_tx, DbConn};
use crate::users::model::CurrentUser;
use crate::validation::FieldError;
use crate::web::auth::session::{CsrfForm, Empty};
use crate::web::context::Ctx;
use crate::web::form::{error_summary, field_errors, see_other};
use crate::web::{routes, AppError, AppState};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::post(cfg, "/social-return/contracts/{id}/entries", add);
    routes::post(cfg, "/social-return/entries/{id}/withdraw", withdraw);
    routes::get(cfg, "/social-return/claims", claims_page);
    routes::post(cfg, "/social-return/entries/{id}/answer", answer_form);
}

fn invalid(field: &str, key: &'static str) -> AppError {
    AppError::Validation(vec![FieldError { field: field.into(), key }])
}

/// Records `form` on the contract `id` of `organisation` by `user` (a purchase is
/// claimed on its WISE, which is told); the entry's id, or its field errors as
/// `AppError::Validation`. Runs its own transaction.
pub(crate) fn add_entry(
    c: &mut DbConn,
    state: &AppState,
    user: &CurrentUser,
    ip: &str,
    organisation: &BuyingOrganisation,
    id: i32,
    form: &EntryForm,
) -> Result<i32, AppError> {
    let now = state.now();
    let config = &state.config.social_return;
    let contract = store::contract(c, id)?.filter(|k| k.contractor_id == organisation.id).ok_or(AppError::NotFound)?;
    let input = form.check(config).map_err(AppError::Validation)?;
    if input.entry_date < contract.starts_on || input.entry_date > contract.ends_on {
        return Err(invalid("entry_date", "error-sr-outside-term"));
    }
    if input.entry_date > now.date() {
        return Err(invalid("entry_date", "error-sr-future"));
    }
    let valued = match (&input.wise_kvk, input.amount_cents) {
        (Some(kvk), Some(amount)) => {
            let wise = crate::organisation::store::organisation_by_kvk(c, kvk)?
                .filter(|o| o.status == "approved")
                .ok_or_else(|| invalid("wise_kvk", "error-sr-unknown-wise"))?;
            let invoice = input.invoice_number.as_deref().unwrap_or_default();
            if store::invoice_claimed_by(c, wise.id, invoice)?.is_some() {
                return Err(invalid("invoice_number", "error-sr-invoice-claimed"));
            }
            let rate = valuation::rate_pct(config, &Standing::of(c, wise.id)?, input.entry_date);
            let value_cents = valuation::purchase_value(amount, rate);
            store::Valued { wise_id: Some(wise.id), rate_pct: rate, value_cents, state: "pending" }
        }
        _ => {
            let value_cents = valuation::block_value(config, &input.kind, input.quantity)
                .ok_or_else(|| invalid("kind", "error-unknown-code"))?;
            store::Valued { wise_id: None, rate_pct: 100, value_cents, state: "recorded" }
        }
    };
    let contractor = organisation.name.clone();
    write_tx(c, |c| {
        let entry_id = store::insert_entry(c, contract.id, &input, &valued, user.id, now)?;
        let entry = store::entry(c, entry_id)?.expect("just stored");
        let env = Env { config: &state.config, templates: &state.templates, now };
        flow::notify_claim(c, &env, &contract, &contractor, &entry, "claim")?;
        let detail = format!("{} {} {}", contract.reference, input.kind, valued.value_cents);
        record(c, user, ip, "sr_entry_added", &format!("sr entry {entry_id}"), &detail, now)?;
        Ok(entry_id)
    })
}

/// The contractor records an entry on its contract.
async fn add(ctx: Ctx, path: web::Path<i32>, CsrfForm(form): CsrfForm<EntryForm>) -> Result<HttpResponse, AppError> {
    let (user, organisation) = contractor_asking(&ctx).await?;
    let id = path.into_inner();
    let (ip, worker, typed) = (ctx.client_ip(), ctx.state.get_ref().clone(), form.clone());
    let outcome = ctx.state.db(move |c| add_entry(c, &worker, &user, &ip, &organisation, id, &typed)).await;
    match outcome {
        Ok(_) => {
            let notice = if form.kind == "purchase" { "claimed" } else { "recorded" };
            Ok(see_other(&format!("/social-return/contracts/{id}?notice={notice}")))
        }
        Err(AppError::Validation(errors)) => {
            let extra = json!({
                "entry_errors": field_errors(&ENTRY_FIELDS, &errors),
                "error_summary": error_summary(&errors, "sr-field-", |f| format!("sr-{f}")),
                "entry_values": form,
            });
            super::contracts::render_contract(&ctx, id, StatusCode::UNPROCESSABLE_ENTITY, extra).await
        }
        Err(e) => Err(e),
    }
}

/// The contractor removes an entry that does not count (yet): a pending or disputed
/// purchase, or a building block.
async fn withdraw(ctx: Ctx, path: web::Path<i32>, _: CsrfForm<Empty>) -> Result<HttpResponse, AppError> {
    let (user, organisation) = contractor_asking(&ctx).await?;
    let id = path.into_inner();
    let (now, ip) = (ctx.state.now(), ctx.client_ip());
    let contract = ctx
        .state
        .db(move |c| {
            let entry = store::entry(c, id)?.ok_or(AppError::NotFound)?;
            let contract = store::contract(c, entry.contract_id)?
                .filter(|k| k.contractor_id == organisation.id)
                .ok_or(AppError::NotFound)?;
            write_tx(c, |c| {
                if !store::withdraw(c, contract.id, id)? {
                    return Err(AppError::Conflict("a confirmed or overridden purchase cannot be withdrawn".into()));
                }
                record(c, &user, &ip, "sr_entry_withdrawn", &format!("sr entry {id}"), &contract.reference, now)?;
                Ok(contract.id)
            })
        })
        .await?;
    Ok(see_other(&format!("/social-return/contracts/{contract}?notice=withdrawn")))
}

/// The WISE's user answers a claim on its WISE: `confirm` (from pending or disputed) or
/// `dispute` (from pending, with a comment). Runs its own transaction.
pub(crate) fn answer(
    c: &mut DbConn,
    now: chrono::NaiveDateTime,
    user: &CurrentUser,
    ip: &str,
    id: i32,
    decision: &str,
    comment: &str,
) -> Result<(), AppError> {
    let entry = store::entry(c, id)?
        .filter(|e| e.wise_id.is_some_and(|w| user.organisations.contains(&w)))
        .ok_or(AppError::NotFound)?;
    let comment = super::model::checked_text(comment, false, 1000).map_err(|key| invalid("comment", key))?;
    let (from, to): (&[&str], &str) = match decision {
        "confirm" => (&["pending", "disputed"], "confirmed"),
        "dispute" if comment.is_empty() => return Err(invalid("comment", "error-sr-dispute-comment")),
        "dispute" => (&["pending"], "disputed"),
        _ => return Err(invalid("decision", "error-unknown-code")),
    };
    let comment = Some(comment.as_str()).filter(|c| !c.is_empty());
    write_tx(c, |c| {
        if !store::decide(c, id, from, to, comment, user.id, now)? {
            return Err(AppError::Conflict(format!(
                "this claim is {} and can no longer be answered that way",
                entry.state
            )));
        }
        let action = if to == "confirmed" { "sr_claim_confirmed" } else { "sr_claim_disputed" };
        record(c, user, ip, action, &format!("sr entry {id}"), comment.unwrap_or(""), now)?;
        Ok(())
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ClaimsQuery {
    notice: Option<String>,
}

/// `/social-return/claims`: every claim on the WISE's user's WISEs.
async fn claims_page(ctx: Ctx, query: web::Query<ClaimsQuery>) -> Result<HttpResponse, AppError> {
    let notice = query.notice.as_deref().and_then(view::notice_key);
    render_claims(&ctx, StatusCode::OK, json!({ "notice": notice })).await
}

async fn render_claims(ctx: &Ctx, status: StatusCode, extra: serde_json::Value) -> Result<HttpResponse, AppError> {
    let user = wise_asking(ctx).await?;
    let wises = user.organisations.clone();
    let claims = ctx.state.db(move |c| Ok(store::claims_on(c, &wises)?)).await?;
    let data = view::claims_page(&claims, ctx.lang());
    ctx.render_status(status, "social_return/claims", crate::web::page::merge(data, extra))
}

#[derive(Deserialize, Default, serde::Serialize)]
#[serde(default)]
struct AnswerForm {
    decision: String,
    comment: String,
}

async fn answer_form(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<AnswerForm>,
) -> Result<HttpResponse, AppError> {
    let user = wise_asking(&ctx).await?;
    let id = path.into_inner();
    let (now, ip) = (ctx.state.now(), ctx.client_ip());
    let (decision, comment) = (form.decision.clone(), form.comment.clone());
    match ctx.state.db(move |c| answer(c, now, &user, &ip, id, &decision, &comment)).await {
        Ok(()) => {
            let notice = if form.decision == "confirm" { "confirmed" } else { "disputed" };
            Ok(see_other(&format!("/social-return/claims?notice={notice}")))
        }
        Err(AppError::Validation(errors)) => {
            let extra = json!({ "answer_entry": id, "answer_error": errors[0].key, "answer_comment": form.comment });
            render_claims(&ctx, StatusCode::UNPROCESSABLE_ENTITY, extra).await
        }
        Err(e) => Err(e),
    }
}
