//! `GET /api/v1/advisor` (one purchase in the query string) and `POST /api/v1/advisor`
//! (a procurement calendar as CSV or JSON rows): the advice as JSON, or as CSV with
//! `?format=csv`. The city's and the operator's answers carry the calendar's totals.

use actix_web::{get, post, web, HttpResponse};
use serde::Serialize;
use serde_json::json;

use super::advice::{Advice, Totals};
use super::model::PurchaseForm;
use crate::i18n::Lang;
use crate::web::auth::policy::Action;
use crate::web::context::Ctx;
use crate::web::download::FormatQuery;
use crate::web::form::safe_cell;
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::api(cfg, api_one);
    routes::api(cfg, api_calendar);
}

/// The advisor's answer.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Answer {
    /// One advice per purchase, in the calendar's order.
    pub purchases: Vec<Advice>,
    /// How many purchases and euros could be reserved (the `city` and `admin` roles only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totals: Option<Totals>,
}

/// The CSV answer's columns, one row per purchase.
const CSV_COLUMNS: [&str; 18] = [
    "line",
    "title",
    "cpv_codes",
    "kind",
    "municipality",
    "budget_eur",
    "duration_months",
    "eligible_wises",
    "certified_wises",
    "people_working",
    "people_working_band",
    "yearly_turnover_eur",
    "yearly_turnover_band",
    "budget_share_pct",
    "recommendation",
    "lot_eur",
    "kvk_numbers",
    "reasons",
];

/// The advice as a CSV file (`advice.csv`): numbers plain, reasons in the asker's language.
pub fn csv_answer(list: &[Advice]) -> Result<HttpResponse, AppError> {
    let fail = |e: csv::Error| AppError::Internal(e.into());
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(CSV_COLUMNS).map_err(fail)?;
    let opt = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
    for a in list {
        let p = &a.purchase;
        let kvks: Vec<&str> = a.eligible.iter().map(|w| w.kvk_number.as_str()).collect();
        let reasons: Vec<&str> = a.reasons.iter().map(|r| r.text.as_str()).collect();
        out.write_record([
            p.line.to_string(),
            safe_cell(&p.title),
            p.cpv_codes.join(" "),
            p.kind.clone().unwrap_or_default(),
            safe_cell(&p.municipality),
            p.budget_eur.to_string(),
            p.duration_months.to_string(),
            a.eligible_count.to_string(),
            a.certified_count.to_string(),
            opt(a.people_working.value),
            a.people_working.band.clone().unwrap_or_default(),
            opt(a.yearly_turnover_eur.value),
            a.yearly_turnover_eur.band.clone().unwrap_or_default(),
            opt(a.budget_share_pct),
            a.recommendation.code().to_string(),
            opt(a.lot_eur),
            kvks.join(" "),
            safe_cell(&reasons.join(" ")),
        ])
        .map_err(fail)?;
    }
    let body = out.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", "attachment; filename=\"advice.csv\""))
        .body(body))
}

/// Field errors as one sentence: `budget_eur: …; duration_months: …` (in English).
pub fn describe_fields(errors: &[(&str, &str)]) -> String {
    let parts: Vec<String> =
        errors.iter().map(|(field, key)| format!("{field}: {}", crate::i18n::text(Lang::En, key))).collect();
    parts.join("; ")
}

fn answer(csv: bool, list: Vec<Advice>, totals: Option<Totals>) -> Result<HttpResponse, AppError> {
    if csv {
        return csv_answer(&list);
    }
    Ok(HttpResponse::Ok().json(Answer { purchases: list, totals }))
}

/// `GET /api/v1/advisor`: the advice for one planned purchase.
#[utoipa::path(
    tag = "advisor",
    security(("bearer" = [])),
    params(
        PurchaseForm,
        ("format" = Option<String>, Query, description = "`json` (the default) or `csv`"),
    ),
    responses(
        (status = 200, description = "The advice: eligible WISEs (the same as the catalogue search with `cpv`, `kind`, `municipality` and `reserved=true`), their size, the recommendation and its reasons", body = Answer),
        (status = 400, description = "A field is missing or wrong (the message names each)", body = crate::web::error::ErrorBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = crate::web::error::ErrorBody),
        (status = 403, description = "Only buyers, the city and the operator plan purchases", body = crate::web::error::ErrorBody),
    )
)]
#[get("/api/v1/advisor")]
pub(crate) async fn api_one(
    ctx: Ctx,
    form: web::Query<PurchaseForm>,
    format: web::Query<FormatQuery>,
) -> Result<HttpResponse, AppError> {
    ctx.require(Action::PlanPurchases, None).await?;
    let csv = super::wants_csv(&format)?;
    match super::single(&ctx, form.into_inner()).await? {
        Ok((list, totals)) => answer(csv, list, totals),
        Err(errors) => Err(AppError::BadRequest(describe_fields(&errors))),
    }
}

/// `POST /api/v1/advisor`: the advice for every purchase of a procurement calendar.
#[utoipa::path(
    tag = "advisor",
    security(("bearer" = [])),
    params(("format" = Option<String>, Query, description = "`json` (the default) or `csv`")),
    request_body(
        description = "The procurement calendar: `title,cpv_codes,municipality,budget_eur,duration_months` and \
                       optionally `kind`, one planned purchase a row (at most 500); comma- or semicolon-separated, \
                       header row first; `cpv_codes` holds 1 to 10 codes separated by spaces or `|`. Or a JSON \
                       array of row objects with those names (errors then name the row by its 1-based index). \
                       At most 5 MB. All or nothing: one error, and no advice is given.",
        content(
            (String = "text/csv", example = "title,cpv_codes,kind,municipality,budget_eur,duration_months\nSchoonmaak stadskantoor,90911200,service,Amsterdam,180000,24\n"),
            (Vec<PurchaseRow> = "application/json"),
        ),
    ),
    responses(
        (status = 200, description = "One advice per purchase; `totals` for the city and the operator", body = Answer),
        (status = 400, description = "A JSON body that is not an array of objects", body = crate::web::error::ErrorBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = crate::web::error::ErrorBody),
        (status = 403, description = "Only buyers, the city and the operator plan purchases", body = crate::web::error::ErrorBody),
        (status = 413, description = "The body is larger than 5 MB", body = crate::web::error::ErrorBody),
        (status = 415, description = "A body that is neither text/csv nor application/json", body = crate::web::error::ErrorBody),
        (status = 422, description = "Errors by line and column; no advice", body = crate::web::error::ErrorBody),
    )
)]
#[post("/api/v1/advisor")]
pub(crate) async fn api_calendar(
    ctx: Ctx,
    format: web::Query<FormatQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    ctx.require(Action::PlanPurchases, None).await?;
    let csv = super::wants_csv(&format)?;
    let (body, json) = match crate::web::upload::read_rows_body(&ctx, payload, "the calendar").await? {
        Ok(read) => read,
        Err(refused) => return Ok(refused),
    };
    match super::calendar_advice(&ctx, body.to_vec(), json).await? {
        Ok((list, totals)) => answer(csv, list, totals),
        Err(errors) => {
            let details: Vec<serde_json::Value> = errors
                .iter()
                .map(|e| json!({ "line": e.line, "column": e.column, "message": e.message(Lang::En) }))
                .collect();
            let body = json!({
                "error": "invalid_calendar",
                "message": format!("{} error(s): no advice was given", errors.len()),
                "details": details,
            });
            Ok(HttpResponse::UnprocessableEntity().json(body))
        }
    }
}

/// A planned purchase as a JSON row of `POST /api/v1/advisor`.
#[derive(Debug, utoipa::ToSchema)]
#[allow(dead_code)] // documents the request body only
pub struct PurchaseRow {
    #[schema(example = "Schoonmaak stadskantoor")]
    title: String,
    /// 1 to 10 codes separated by spaces or `|`.
    #[schema(example = "90911200 90919200")]
    cpv_codes: String,
    /// `good`, `service` or `works`; empty: any kind.
    #[schema(example = "service")]
    kind: Option<String>,
    #[schema(example = "Amsterdam")]
    municipality: String,
    #[schema(example = 180000)]
    budget_eur: i64,
    #[schema(example = 24)]
    duration_months: i64,
}
