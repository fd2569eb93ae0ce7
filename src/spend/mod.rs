//! The spend register of a buying organisation: what it paid its suppliers, imported
//! (`import`) or entered by hand, matched to WISEs by KvK number, and added up on a
//! dashboard (`summary`): the share spent with WISEs, by period, sector, category and
//! buying entity, with its CSV and `GET /api/v1/spend`. A buyer works on its own
//! organisation's register; the operator reads any (`?organisation=`). The bulk check
//! "which of these suppliers are WISEs?" is in `check`; rows and their checks in
//! `model`, queries in `store`.

pub mod check;
pub mod import;
pub mod model;
pub mod store;
pub mod summary;
mod view;

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::audit;
use crate::buying::BuyingOrganisation;
use crate::db::write_tx;
use crate::users::model::{CurrentUser, Role};
use crate::validation::FieldError;
use crate::web::auth::policy::Action;
use crate::web::auth::session::{CsrfForm, Empty};
use crate::web::context::Ctx;
use crate::web::download::{csv_response, FormatQuery};
use crate::web::form::{field_errors, see_other};
use crate::web::page::merge;
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/spend", dashboard);
    routes::get(cfg, "/spend.csv", export_csv);
    routes::post(cfg, "/spend/rows", add_row);
    routes::post(cfg, "/spend/rows/{id}/delete", delete_row);
    routes::post(cfg, "/spend/sharing", sharing);
    import::routes(cfg);
    check::routes(cfg);
    routes::api(cfg, api_spend);
}

/// The buyer and the approved buying organisation they act for; anyone else may not
/// change a register (403).
pub(crate) async fn own_organisation(ctx: &Ctx) -> Result<(CurrentUser, BuyingOrganisation), AppError> {
    let user = ctx.require(Action::UseBuyerTools, None).await?;
    if !user.is(Role::Buyer) {
        return Err(AppError::Forbidden);
    }
    let id = user.id;
    let organisation = ctx.state.db(move |c| Ok(crate::buying::store::acting_for(c, id)?)).await?;
    Ok((user, organisation.ok_or(AppError::Forbidden)?))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Which {
    /// The operator's choice of organisation.
    organisation: Option<i32>,
    notice: Option<String>,
    format: Option<String>,
}

/// The register someone may read: a buyer's own, or the one the operator named (`None`:
/// the operator named none).
async fn readable(ctx: &Ctx, which: &Which) -> Result<Option<BuyingOrganisation>, AppError> {
    let user = ctx.require(Action::UseBuyerTools, None).await?;
    if user.is(Role::Admin) {
        let Some(id) = which.organisation else {
            return Ok(None);
        };
        let found = ctx.state.db(move |c| Ok(crate::buying::store::by_id(c, id)?)).await?;
        return found.map(Some).ok_or(AppError::NotFound);
    }
    own_organisation(ctx).await.map(|(_, o)| Some(o))
}

/// A register as its readers see it.
struct Loaded {
    rows: Vec<model::SpendRow>,
    /// The approved WISEs among its suppliers, by KvK number.
    wises: std::collections::HashMap<String, store::Wise>,
    summary: summary::Summary,
    /// Whether its organisation agreed to be counted in the sector report.
    shared: bool,
}

/// The register of `organisation` with its WISEs, added up.
fn load(conn: &mut crate::db::DbConn, organisation: i32) -> diesel::QueryResult<Loaded> {
    let rows = store::rows_of(conn, organisation)?;
    let mut kvks: Vec<String> = rows.iter().map(|r| r.supplier_kvk.clone()).collect();
    kvks.sort();
    kvks.dedup();
    let wises = store::wises_among(conn, &kvks)?;
    let summary = summary::summarise(&rows, &wises);
    let shared = store::is_shared(conn, organisation)?;
    Ok(Loaded { rows, wises, summary, shared })
}

/// `/spend`: the dashboard, with the form to add a row and the sharing choice.
async fn dashboard(ctx: Ctx, which: web::Query<Which>) -> Result<HttpResponse, AppError> {
    let Some(organisation) = readable(&ctx, &which).await? else {
        let list = ctx.state.db(|c| Ok(crate::buying::store::list(c)?)).await?;
        let organisations: Vec<_> = list.into_iter().map(|(o, _)| json!({ "id": o.id, "name": o.name })).collect();
        return ctx.render("spend/choose", json!({ "nav": "spend", "organisations": organisations }));
    };
    let notice = which.notice.as_deref().and_then(view::notice_key);
    render_dashboard(&ctx, organisation, StatusCode::OK, json!({ "notice": notice })).await
}

/// The dashboard of `organisation` (the buyer's own when they are a buyer), with `extra`.
async fn render_dashboard(
    ctx: &Ctx,
    organisation: BuyingOrganisation,
    status: StatusCode,
    extra: serde_json::Value,
) -> Result<HttpResponse, AppError> {
    let own = ctx.user()?.is(Role::Buyer);
    let id = organisation.id;
    let Loaded { rows, wises, summary, shared } = ctx.state.db(move |c| Ok(load(c, id)?)).await?;
    let data = view::dashboard(&organisation, &rows, &wises, &summary, shared, own, ctx.lang());
    let defaults = json!({
        "nav": "spend",
        "notice": null,
        "errors": field_errors(&model::FORM_FIELDS, &[]),
        "values": RowForm::default(),
    });
    ctx.render_status(status, "spend/dashboard", merge(merge(data, defaults), extra))
}

#[derive(Deserialize, Default, Clone, serde::Serialize)]
#[serde(default)]
struct RowForm {
    supplier_kvk: String,
    supplier_name: String,
    amount_eur: String,
    period: String,
    category: String,
    cpv: String,
    entity: String,
}

/// A buyer adds one row by hand.
async fn add_row(ctx: Ctx, CsrfForm(form): CsrfForm<RowForm>) -> Result<HttpResponse, AppError> {
    let (user, organisation) = own_organisation(&ctx).await?;
    let cells: Vec<(&str, String)> = vec![
        ("supplier_kvk", form.supplier_kvk.trim().to_string()),
        ("supplier_name", form.supplier_name.trim().to_string()),
        ("amount_eur", form.amount_eur.trim().to_string()),
        ("period", form.period.trim().to_string()),
        ("category", form.category.trim().to_string()),
        ("cpv", form.cpv.trim().to_string()),
        ("entity", form.entity.trim().to_string()),
    ];
    let borrowed: Vec<(&str, &str)> = cells.iter().map(|(c, v)| (*c, v.as_str())).collect();
    let again =
        |errors: Vec<FieldError>| json!({ "errors": field_errors(&model::FORM_FIELDS, &errors), "values": form });
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    let input = match model::check(&borrowed) {
        Ok(input) => input,
        Err(found) => return render_dashboard(&ctx, organisation, status, again(to_field_errors(found))).await,
    };
    let known = match &input.cpv_code {
        Some(code) => {
            let code = code.clone();
            ctx.state.db(move |c| Ok(crate::db::cpv::exists(c, &code)?)).await?
        }
        None => true,
    };
    if !known {
        let errors = to_field_errors(vec![("cpv", "error-cpv-unknown")]);
        return render_dashboard(&ctx, organisation, status, again(errors)).await;
    }
    let (now, ip) = (ctx.state.now(), ctx.client_ip());
    let id = organisation.id;
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                store::insert(c, id, std::slice::from_ref(&input), "form", Some(user.id), now)?;
                let detail = format!("{} {} {}", input.period, input.supplier_kvk, input.amount_cents);
                audit_entry(c, &user, &ip, "spend_row_added", id, &detail, now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other("/spend?notice=added"))
}

fn to_field_errors(found: Vec<(&'static str, &'static str)>) -> Vec<FieldError> {
    found.into_iter().map(|(field, key)| FieldError { field: field.into(), key }).collect()
}

/// A buyer removes one row of its register.
async fn delete_row(ctx: Ctx, path: web::Path<i32>, _: CsrfForm<Empty>) -> Result<HttpResponse, AppError> {
    let (user, organisation) = own_organisation(&ctx).await?;
    let id = path.into_inner();
    let (now, ip) = (ctx.state.now(), ctx.client_ip());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                if !store::delete_row(c, organisation.id, id)? {
                    return Err(AppError::NotFound);
                }
                audit_entry(c, &user, &ip, "spend_row_deleted", organisation.id, &format!("row {id}"), now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other("/spend?notice=deleted"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct SharingForm {
    /// `yes` to share, anything else to stop.
    share: String,
}

/// A buyer agrees (or no longer agrees) to have its spend counted in the sector report.
async fn sharing(ctx: Ctx, CsrfForm(form): CsrfForm<SharingForm>) -> Result<HttpResponse, AppError> {
    let (user, organisation) = own_organisation(&ctx).await?;
    let share = form.share == "yes";
    let (now, ip) = (ctx.state.now(), ctx.client_ip());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                store::set_shared(c, organisation.id, share, Some(user.id), now)?;
                let detail = if share { "shares its spend" } else { "stopped sharing its spend" };
                audit_entry(c, &user, &ip, "spend_sharing", organisation.id, detail, now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other(if share { "/spend?notice=shared" } else { "/spend?notice=not-shared" }))
}

pub(crate) fn audit_entry(
    conn: &mut crate::db::DbConn,
    user: &CurrentUser,
    ip: &str,
    action: &str,
    organisation: i32,
    detail: &str,
    now: chrono::NaiveDateTime,
) -> diesel::QueryResult<()> {
    let target = format!("buying organisation {organisation}");
    audit::Entry::by(user.id, &user.email, ip, action, &target, detail).record(conn, now)
}

/// `/spend.csv`: every row with whether its supplier is a WISE (and which).
async fn export_csv(ctx: Ctx, which: web::Query<Which>) -> Result<HttpResponse, AppError> {
    let organisation = readable(&ctx, &which).await?.ok_or(AppError::NotFound)?;
    let id = organisation.id;
    let Loaded { rows, wises, .. } = ctx.state.db(move |c| Ok(load(c, id)?)).await?;
    let text = view::rows_csv(&rows, &wises)?;
    let format = FormatQuery { format: which.format.clone() };
    csv_response(ctx.lang(), &format, &format!("spend-{}", organisation.kvk_number), text)
}

/// The register of a buying organisation as the API shows it.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct SpendRegister {
    pub organisation: BuyingOrganisation,
    /// Whether it agreed to have its spend counted in the sector report.
    pub shared: bool,
    pub summary: summary::Summary,
    pub rows: Vec<view::ApiRow>,
}

/// `GET /api/v1/spend`: the register of the token's buying organisation (the operator:
/// `?organisation=ID`), added up, with its rows.
#[utoipa::path(
    tag = "spend",
    security(("bearer" = [])),
    params(("organisation" = Option<i32>, Query, description = "The operator's choice of buying organisation")),
    responses(
        (status = 200, description = "The register, its totals and breakdowns, and its rows", body = SpendRegister),
        (status = 401, description = "No token, or an unknown or revoked one", body = crate::web::error::ErrorBody),
        (status = 403, description = "Not a buyer of an approved buying organisation, nor the operator", body = crate::web::error::ErrorBody),
        (status = 404, description = "The operator named no, or an unknown, organisation", body = crate::web::error::ErrorBody),
    )
)]
#[get("/api/v1/spend")]
pub(crate) async fn api_spend(ctx: Ctx, which: web::Query<Which>) -> Result<HttpResponse, AppError> {
    let organisation = readable(&ctx, &which).await?.ok_or(AppError::NotFound)?;
    let id = organisation.id;
    let Loaded { rows, wises, summary, shared } = ctx.state.db(move |c| Ok(load(c, id)?)).await?;
    let rows = rows.iter().map(|r| view::ApiRow::of(r, &wises)).collect();
    Ok(HttpResponse::Ok().json(SpendRegister { organisation, shared, summary, rows }))
}
