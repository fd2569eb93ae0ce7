//! The officer's side: recording a contract (inviting a contractor new to the
//! platform), the contract's page as the officer and the contractor see it, and the
//! officer's override of a claim with a reason.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use super::model::{ContractForm, CONTRACT_FIELDS};
use super::{record, store, view, viewer};
use crate::accounts::NewCompany;
use crate::db::write_tx;
use crate::validation::FieldError;
use crate::web::auth::policy::Action;
use crate::web::auth::session::CsrfForm;
use crate::web::context::Ctx;
use crate::web::form::{error_summary, field_errors, see_other};
use crate::web::page::NoticeQuery;
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/social-return/contracts/new", new_page);
    routes::post(cfg, "/social-return/contracts", create);
    routes::get(cfg, "/social-return/contracts/{id}", show);
    routes::post(cfg, "/social-return/entries/{id}/override", override_claim);
}

fn form_page(
    ctx: &Ctx,
    status: StatusCode,
    form: &ContractForm,
    errors: &[FieldError],
) -> Result<HttpResponse, AppError> {
    let data = json!({
        "nav": "social-return",
        "values": form,
        "errors": field_errors(&CONTRACT_FIELDS, errors),
        "error_summary": error_summary(errors, "sr-field-", |f| format!("sr-{f}")),
    });
    ctx.render_status(status, "social_return/new", data)
}

/// `/social-return/contracts/new`: the officer's form.
async fn new_page(ctx: Ctx) -> Result<HttpResponse, AppError> {
    ctx.require(Action::OverseeSocialReturn, None).await?;
    form_page(&ctx, StatusCode::OK, &ContractForm { language: "nl".into(), ..ContractForm::default() }, &[])
}

/// The officer records a contract; a contractor new to the platform is created as an
/// approved company and its contact invited by mail.
async fn create(ctx: Ctx, CsrfForm(form): CsrfForm<ContractForm>) -> Result<HttpResponse, AppError> {
    let officer = ctx.require(Action::OverseeSocialReturn, None).await?;
    let (now, ip, worker) = (ctx.state.now(), ctx.client_ip(), ctx.state.get_ref().clone());
    let typed = form.clone();
    let outcome = ctx
        .state
        .db(move |c| {
            let known = crate::buying::store::by_kvk(c, typed.contractor_kvk.trim())?;
            let input = typed.check(known.is_some()).map_err(AppError::Validation)?;
            if store::reference_taken(c, &input.reference)? {
                let taken = FieldError { field: "reference".into(), key: "error-sr-reference-taken" };
                return Err(AppError::Validation(vec![taken]));
            }
            write_tx(c, |c| {
                let contractor = match &known {
                    Some(o) => o.id,
                    None => {
                        let new = NewCompany {
                            name: &input.contractor_name,
                            kvk_number: &input.contractor_kvk,
                            contact: &input.contractor_contact,
                            email: &input.contractor_email,
                            language: &input.language,
                            field_prefix: "contractor_",
                        };
                        let id = crate::accounts::invite_company(c, &worker, &new, "approved", &officer.email, now)?
                            .map_err(AppError::Validation)?;
                        record(
                            c,
                            &officer,
                            &ip,
                            "buying_organisation_invited",
                            &input.contractor_kvk,
                            &input.contractor_email,
                            now,
                        )?;
                        id
                    }
                };
                let id = store::insert_contract(c, &input, contractor, officer.id, now)?;
                let detail =
                    format!("{} {} obligation {}", input.reference, input.contractor_kvk, input.obligation_cents());
                record(c, &officer, &ip, "sr_contract_created", &format!("sr contract {id}"), &detail, now)?;
                Ok::<_, AppError>(id)
            })
        })
        .await;
    match outcome {
        Ok(id) => Ok(see_other(&format!("/social-return/contracts/{id}?notice=created"))),
        Err(AppError::Validation(errors)) => form_page(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &form, &errors),
        Err(e) => Err(e),
    }
}

/// `/social-return/contracts/{id}`: progress, entries, and what the viewer may do.
async fn show(ctx: Ctx, path: web::Path<i32>, query: web::Query<NoticeQuery>) -> Result<HttpResponse, AppError> {
    let notice = query.notice.as_deref().and_then(view::notice_key);
    render_contract(&ctx, path.into_inner(), StatusCode::OK, json!({ "notice": notice })).await
}

/// The contract page with `extra` (a form's errors and values).
pub(super) async fn render_contract(
    ctx: &Ctx,
    id: i32,
    status: StatusCode,
    extra: Value,
) -> Result<HttpResponse, AppError> {
    let viewer = viewer(ctx).await?;
    let contractor = viewer.contractor()?;
    let (contract, name, entries) = ctx.state.db(move |c| super::readable(c, contractor, id)).await?;
    let config = &ctx.state.config.social_return;
    let progress = super::progress::of(&contract, entries.iter().map(|(e, _)| e), ctx.state.now().date(), config);
    let data = view::contract_page(&contract, &name, &entries, &progress, &viewer, config, ctx.lang());
    ctx.render_status(status, "social_return/contract", crate::web::page::merge(data, extra))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OverrideForm {
    reason: String,
}

/// The officer counts a pending or disputed purchase without (or against) its WISE's
/// confirmation, with a reason; audited.
async fn override_claim(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<OverrideForm>,
) -> Result<HttpResponse, AppError> {
    let officer = ctx.require(Action::OverseeSocialReturn, None).await?;
    let id = path.into_inner();
    let entry = ctx.state.db(move |c| Ok(store::entry(c, id)?)).await?.ok_or(AppError::NotFound)?;
    let reason = match super::model::checked_text(&form.reason, true, 1000) {
        Ok(reason) => reason,
        Err(key) => {
            let extra = json!({ "override_entry": id, "override_error": key, "override_reason": form.reason });
            return render_contract(&ctx, entry.contract_id, StatusCode::UNPROCESSABLE_ENTITY, extra).await;
        }
    };
    let (now, ip) = (ctx.state.now(), ctx.client_ip());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                if !store::decide(c, id, &["pending", "disputed"], "overridden", Some(&reason), officer.id, now)? {
                    return Err(AppError::Conflict("only a pending or disputed claim can be overridden".into()));
                }
                record(c, &officer, &ip, "sr_claim_overridden", &format!("sr entry {id}"), &reason, now)?;
                Ok(())
            })
        })
        .await?;
    Ok(see_other(&format!("/social-return/contracts/{}?notice=overridden", entry.contract_id)))
}
