//! Output figures (SPEC §2): the reporting periods WISEs report for. The operator
//! creates them on `/admin/periods` or with `wise-monitor periods create`; anyone
//! reads them at `GET /api/v1/periods`.

pub mod compare;
pub mod form;
pub mod import;
pub mod periods;
pub mod review;
pub mod submissions;
pub mod values;

use actix_web::get;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::audit;
use crate::db::write_tx;
use crate::web::auth::policy::Action;
use crate::web::auth::session::CsrfForm;
use crate::web::context::Ctx;
use crate::web::form::{field_errors, see_other};
use crate::web::{routes, AppError, AppState};
use periods::{Kind, Period, Status};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/admin/periods", periods_page);
    routes::post(cfg, "/admin/periods", create_periods);
    routes::api(cfg, api_periods);
    form::routes(cfg);
    review::routes(cfg);
    import::routes(cfg);
}

/// The fields of the form, in the order they appear.
const FIELDS: [&str; 3] = ["from", "to", "due_days"];

#[derive(Deserialize)]
struct PageQuery {
    created: Option<usize>,
    kept: Option<usize>,
}

#[derive(Deserialize)]
struct CreateForm {
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    due_days: String,
}

/// The share of approved WISEs that reported, in whole percent (0 when there are none).
pub fn response_rate_pct(reporting: usize, approved: usize) -> u32 {
    (reporting * 100).checked_div(approved).map_or(0, |pct| pct as u32)
}

/// A period as the page and the API show it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct PeriodView {
    /// `2025-Q1` (a quarter) or `2025` (a year).
    #[schema(example = "2025-Q1")]
    pub key: String,
    pub kind: Kind,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// The first day figures can be submitted.
    pub opens_on: NaiveDate,
    /// The last day figures are on time.
    pub due_on: NaiveDate,
    /// Where the period stands today.
    pub status: Status,
}

impl PeriodView {
    pub fn of(period: Period, today: NaiveDate, closes_after_days: i64) -> Self {
        let status = period.status(today, closes_after_days);
        let kind = if period.kind == "year" { Kind::Year } else { Kind::Quarter };
        Self {
            key: period.key,
            kind,
            starts_on: period.starts_on,
            ends_on: period.ends_on,
            opens_on: period.opens_on,
            due_on: period.due_on,
            status,
        }
    }
}

async fn load_views(state: &AppState) -> Result<Vec<PeriodView>, AppError> {
    let today = state.today();
    let rows = state.db(|c| Ok(periods::list(c)?)).await?;
    let closes = state.config.figures.closes_after_days;
    Ok(rows.into_iter().map(|p| PeriodView::of(p, today, closes)).collect())
}

/// The page with its defaults, overridden by `extra`.
async fn view(ctx: &Ctx, status: StatusCode, extra: Value) -> Result<HttpResponse, AppError> {
    let periods = load_views(&ctx.state).await?;
    let data = json!({
        "nav": "admin-periods",
        "periods": periods,
        "created": null,
        "kept": null,
        "form": { "from": "", "to": "", "due_days": periods::DEFAULT_DUE_DAYS.to_string() },
        "errors": field_errors(&FIELDS, &[]),
    });
    ctx.render_over(status, "admin/periods", data, extra)
}

/// `GET /admin/periods`: every period with its dates and status, and the form to add more.
async fn periods_page(ctx: Ctx, query: web::Query<PageQuery>) -> Result<HttpResponse, AppError> {
    ctx.require(Action::Operate, None).await?;
    let extra = json!({ "created": query.created, "kept": query.kept });
    view(&ctx, StatusCode::OK, extra).await
}

/// `POST /admin/periods`: creates the periods of a range; existing ones are kept.
async fn create_periods(ctx: Ctx, CsrfForm(form): CsrfForm<CreateForm>) -> Result<HttpResponse, AppError> {
    let admin = ctx.require(Action::Operate, None).await?;
    let request = match periods::validate_range(&form.from, &form.to, &form.due_days) {
        Ok(request) => request,
        Err(errors) => {
            let extra = json!({
                "form": { "from": form.from, "to": form.to, "due_days": form.due_days },
                "errors": field_errors(&FIELDS, &errors),
            });
            return view(&ctx, StatusCode::UNPROCESSABLE_ENTITY, extra).await;
        }
    };
    let ip = ctx.client_ip();
    let now = ctx.state.now();
    let (created, kept) = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let (created, kept) = periods::create_range(c, &request, now)?;
                let target = range_name(&request);
                audit::Entry::by(
                    admin.id,
                    &admin.email,
                    &ip,
                    "periods_created",
                    &target,
                    &format!("{created} created, {kept} kept, due after {} days", request.due_days),
                )
                .record(c, now)?;
                Ok::<_, AppError>((created, kept))
            })
        })
        .await?;
    Ok(see_other(&format!("/admin/periods?created={created}&kept={kept}")))
}

/// `2025-Q1..2026-Q4`, as the audit log names a range.
pub fn range_name(request: &periods::RangeRequest) -> String {
    match (request.keys.first(), request.keys.last()) {
        (Some(first), Some(last)) => format!("{first}..{last}"),
        _ => String::new(),
    }
}

/// `GET /api/v1/periods`: every reporting period, the earliest first.
#[utoipa::path(
    tag = "figures",
    responses(
        (status = 200, description = "Every reporting period, the earliest first, with its status today", body = [PeriodView]),
    )
)]
#[get("/api/v1/periods")]
pub(crate) async fn api_periods(state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(load_views(&state).await?))
}
