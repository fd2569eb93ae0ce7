//! The sector report as data: `GET /api/v1/reports/sector` (SPEC §4 JSON) and
//! `GET /reports/sector.csv` (tidy CSV), both with the page's suppression: exact for
//! `city` and `admin`, disclosure-controlled for everyone else.

use crate::web::download::{csv_response, FormatQuery};
use actix_web::get;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::aggregate;
use super::disclosure::Thresholds;
use super::report::{self, Report, BREAKDOWNS};
use crate::db::DbConn;
use crate::figures::periods::PeriodKey;
use crate::validation::FieldError;
use crate::web::auth::policy::Action;
use crate::web::context::Ctx;
use crate::web::form::safe_cell;
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/reports/sector.csv", csv_export);
    routes::api(cfg, api_report);
}

/// The header of the tidy CSV.
pub const CSV_HEADER: [&str; 6] = ["period", "dimension", "key", "measure", "value", "suppressed"];

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ReportQuery {
    /// `2025-Q3`, or a year `2025` (from its quarters when no year period exists).
    pub period: Option<String>,
    /// `sector` (default), `target_group` or `municipality`.
    pub breakdown: Option<String>,
}

/// Why a report cannot be made.
#[derive(Debug, PartialEq, Eq)]
pub enum ReportError {
    /// The period key is malformed, or the breakdown unknown: (field, key).
    Invalid(&'static str, &'static str),
    /// No such period, or none with figures: the key asked for and the periods that
    /// have figures.
    UnknownPeriod(String, Vec<String>),
}

/// The report for a period key, exact or public; one function for the API, the CSV
/// and the command line.
pub fn load(
    conn: &mut DbConn,
    caches: &crate::db::versioned::Caches,
    period: &str,
    exact: bool,
    thresholds: &Thresholds,
) -> diesel::QueryResult<Result<Report, ReportError>> {
    let Ok(key) = PeriodKey::parse(period).map(|k| k.to_string()) else {
        return Ok(Err(ReportError::Invalid("period", "error-period-malformed")));
    };
    let with_figures = aggregate::periods_with_figures(conn)?;
    let Some(period) = with_figures.iter().find(|p| p.key == key) else {
        let keys = with_figures.iter().map(|p| p.key.clone()).collect();
        return Ok(Err(ReportError::UnknownPeriod(key, keys)));
    };
    Ok(Ok(report::build(conn, caches, period, exact, thresholds)?))
}

/// Checks a breakdown name: `sector` when none is given.
pub fn breakdown(name: Option<&str>) -> Result<&'static str, ReportError> {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        None => Ok("sector"),
        Some(name) => {
            BREAKDOWNS.iter().find(|b| **b == name).copied().ok_or(ReportError::Invalid("breakdown", "error-breakdown"))
        }
    }
}

/// The report as CSV text (formula-looking cells neutralised).
pub fn to_csv(report: &Report) -> anyhow::Result<Vec<u8>> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(CSV_HEADER)?;
    for row in report.to_csv() {
        out.write_record(row.iter().map(|cell| safe_cell(cell)))?;
    }
    Ok(out.into_inner()?)
}

fn to_app_error(e: ReportError) -> AppError {
    match e {
        ReportError::Invalid(field, key) => AppError::Validation(vec![FieldError { field: field.into(), key }]),
        ReportError::UnknownPeriod(period, with_figures) => AppError::UnknownPeriod { period, with_figures },
    }
}

async fn report_for(ctx: &Ctx, period: Option<String>) -> Result<Report, AppError> {
    let period =
        period.ok_or(AppError::Validation(vec![FieldError { field: "period".into(), key: "error-required" }]))?;
    let exact = ctx.allows(Action::ViewExactReports, None);
    let thresholds = Thresholds::from(&ctx.state.config.disclosure);
    let caches = ctx.state.caches.clone();
    ctx.state.db(move |c| Ok(load(c, &caches, &period, exact, &thresholds)?)).await?.map_err(to_app_error)
}

/// `GET /api/v1/reports/sector?period=P[&breakdown=…]`.
#[utoipa::path(
    tag = "reports",
    params(ReportQuery),
    security((), ("bearer" = [])),
    responses(
        (status = 200, description = "The sector report (SPEC §4 shape): public with suppressed numbers `null` and listed in `suppressed`; exact (`\"exact\": true`) with a `city` or `admin` token. For a year (made from its quarters when there is no year period), `quarters` lists the quarters with figures it rolls up and `complete` is false while the year runs. `provisional` is true while `submissions_not_reviewed` (a count of submissions, not of people) of the submissions it counts await review or were returned", body = Object),
        (status = 404, description = "No such period, or none with figures (`unknown_period`; `details` names the periods that have figures)", body = crate::web::error::ErrorBody),
        (status = 422, description = "`period` missing or malformed, or an unknown `breakdown`", body = crate::web::error::ErrorBody),
    )
)]
#[get("/api/v1/reports/sector")]
pub(crate) async fn api_report(ctx: Ctx, query: web::Query<ReportQuery>) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let dimension = breakdown(query.breakdown.as_deref()).map_err(to_app_error)?;
    let report = report_for(&ctx, query.period).await?;
    Ok(HttpResponse::Ok().json(report.to_json(dimension)))
}

/// `GET /reports/sector.csv?period=P`: every number of the report, one per line (the
/// `total` row `submissions_not_reviewed` tells whether the report is provisional).
async fn csv_export(
    ctx: Ctx,
    query: web::Query<ReportQuery>,
    format: web::Query<FormatQuery>,
) -> Result<HttpResponse, AppError> {
    let report = report_for(&ctx, query.into_inner().period).await?;
    csv_response(ctx.lang(), &format, &format!("wise-sector-report-{}", report.period), to_csv(&report)?)
}
