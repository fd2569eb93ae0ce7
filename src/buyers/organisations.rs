//! Buying organisations: the operator's list, where they are added and approved, and
//! each organisation's page with its buyers, where the operator or an approved buyer of
//! the same organisation approves a colleague who registered.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::audit;
use crate::buying::{store, BuyingInput};
use crate::db::write_tx;
use crate::users::model::Role;
use crate::validation::FieldError;
use crate::web::auth::policy::Action;
use crate::web::auth::session::{CsrfForm, Empty};
use crate::web::context::Ctx;
use crate::web::form::{error_summary, field_errors, see_other};
use crate::web::page::NoticeQuery;
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/admin/buyers", list);
    routes::post(cfg, "/admin/buyers", create);
    routes::get(cfg, "/buying-organisations/{id}", show);
    routes::post(cfg, "/admin/buyers/{id}/approve", approve);
    routes::post(cfg, "/buying-organisations/{id}/members/{user}/approve", approve_member);
}

const FIELDS: [&str; 4] = ["organisation_name", "organisation_kvk", "organisation_kind", "organisation_municipality"];

#[derive(Deserialize, Default, serde::Serialize, Clone)]
#[serde(default)]
pub(crate) struct OrganisationForm {
    pub organisation_name: String,
    pub organisation_kvk: String,
    pub organisation_kind: String,
    pub organisation_municipality: String,
}

impl OrganisationForm {
    pub(crate) fn input(&self) -> BuyingInput {
        BuyingInput {
            name: self.organisation_name.clone(),
            kvk_number: self.organisation_kvk.clone(),
            kind: self.organisation_kind.clone(),
            municipality: self.organisation_municipality.clone(),
        }
    }
}

async fn list(ctx: Ctx, query: web::Query<NoticeQuery>) -> Result<HttpResponse, AppError> {
    ctx.require(Action::Operate, None).await?;
    let notice =
        query.notice.as_deref().filter(|n| matches!(*n, "created" | "approved")).map(|n| format!("buyers-notice-{n}"));
    render_list(
        &ctx,
        StatusCode::OK,
        &OrganisationForm { organisation_kind: "municipality".into(), ..Default::default() },
        &[],
        notice,
    )
    .await
}

async fn render_list(
    ctx: &Ctx,
    status: StatusCode,
    form: &OrganisationForm,
    errors: &[FieldError],
    notice: Option<String>,
) -> Result<HttpResponse, AppError> {
    let rows = ctx.state.db(|c| Ok(store::list(c)?)).await?;
    let items: Vec<serde_json::Value> =
        rows.into_iter().map(|(o, members)| json!({ "organisation": o, "members": members })).collect();
    ctx.render_status(
        status,
        "admin/buyers",
        json!({
            "nav": "admin-buyers",
            "items": items,
            "form": form,
            "kinds": crate::vocab::BUYER_KINDS,
            "errors": field_errors(&FIELDS, errors),
            "error_summary": error_summary(errors, "buyers-field-", |f| f.replace('_', "-")),
            "notice": notice,
        }),
    )
}

/// The operator adds a buying organisation (approved at once).
async fn create(ctx: Ctx, CsrfForm(form): CsrfForm<OrganisationForm>) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::Operate, None).await?;
    let (now, ip, input) = (ctx.state.now(), ctx.client_ip(), form.input());
    let outcome = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                if let Err(errors) = store::validate(c, &input, None)? {
                    return Ok::<_, AppError>(Err(errors));
                }
                let id = store::create(c, &input, "approved", now)?;
                audit::Entry::by(
                    user.id,
                    &user.email,
                    &ip,
                    "buying_organisation_created",
                    &input.kvk_number,
                    &input.name,
                )
                .record(c, now)?;
                Ok(Ok(id))
            })
        })
        .await?;
    match outcome {
        Ok(id) => Ok(see_other(&format!("/buying-organisations/{id}?notice=created"))),
        Err(errors) => render_list(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &form, &errors, None).await,
    }
}

/// Whether the signed-in user may manage buying organisation `id`: the operator, or
/// an approved buyer of it.
async fn may_manage(ctx: &Ctx, id: i32) -> Result<crate::users::model::CurrentUser, AppError> {
    let user = ctx.require(Action::UseBuyerTools, None).await?;
    if user.is(Role::Admin) {
        return Ok(user);
    }
    let uid = user.id;
    let own = ctx.state.db(move |c| Ok(store::membership(c, uid)?)).await?;
    match own {
        Some((o, true)) if o.id == id => Ok(user),
        _ => Err(AppError::NotFound),
    }
}

async fn show(ctx: Ctx, path: web::Path<i32>, query: web::Query<NoticeQuery>) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let user = may_manage(&ctx, id).await?;
    let (organisation, members) =
        ctx.state.db(move |c| Ok((store::by_id(c, id)?.ok_or(AppError::NotFound)?, store::members(c, id)?))).await?;
    let notice = query
        .notice
        .as_deref()
        .filter(|n| matches!(*n, "created" | "approved" | "member-approved"))
        .map(|n| format!("buyers-notice-{n}"));
    ctx.render(
        "admin/buyer",
        json!({
            "nav": if user.is(Role::Admin) { "admin-buyers" } else { "needs" },
            "organisation": organisation,
            "members": members,
            "notice": notice,
        }),
    )
}

/// The operator approves a new buying organisation, with the buyers who registered it.
async fn approve(ctx: Ctx, path: web::Path<i32>, _: CsrfForm<Empty>) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::Operate, None).await?;
    let id = path.into_inner();
    let (now, ip, worker) = (ctx.state.now(), ctx.client_ip(), ctx.state.get_ref().clone());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                let organisation = store::by_id(c, id)?.ok_or(AppError::NotFound)?;
                if organisation.status != "pending" {
                    return Err(AppError::Conflict("only a pending buying organisation can be approved".into()));
                }
                store::set_status(c, id, "approved", now)?;
                for member in store::members(c, id)? {
                    if member.email_confirmed && !member.approved {
                        store::approve_member(c, id, member.user_id, now)?;
                        super::register::tell_approved(c, &worker, &organisation.name, &member, now)?;
                    }
                }
                audit::Entry::by(
                    user.id,
                    &user.email,
                    &ip,
                    "buying_organisation_approved",
                    &organisation.kvk_number,
                    "",
                )
                .record(c, now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other(&format!("/buying-organisations/{id}?notice=approved")))
}

/// The operator or an approved colleague approves a buyer who confirmed their email.
async fn approve_member(ctx: Ctx, path: web::Path<(i32, i32)>, _: CsrfForm<Empty>) -> Result<HttpResponse, AppError> {
    let (id, member) = path.into_inner();
    let user = may_manage(&ctx, id).await?;
    let (now, ip, worker) = (ctx.state.now(), ctx.client_ip(), ctx.state.get_ref().clone());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                if !store::approve_member(c, id, member, now)? {
                    return Err(AppError::Conflict("there is no confirmed buyer waiting for approval".into()));
                }
                let organisation = store::by_id(c, id)?.ok_or(AppError::NotFound)?;
                if let Some(approved) = store::members(c, id)?.into_iter().find(|m| m.user_id == member) {
                    super::register::tell_approved(c, &worker, &organisation.name, &approved, now)?;
                }
                let target = format!("user {member}");
                audit::Entry::by(
                    user.id,
                    &user.email,
                    &ip,
                    "buyer_approved",
                    &target,
                    &format!("buying organisation {id}"),
                )
                .record(c, now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other(&format!("/buying-organisations/{id}?notice=member-approved")))
}
