//! The operator's side of the figures: the status overview per period (also for the
//! city), exportable as CSV, and the review of one submission — accept, or return
//! with a comment that is mailed to the WISE.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::form::history_json;
use super::periods::{self, Period, Status};
use super::submissions::{self, Verdict};
use super::PeriodView;
use crate::audit::{self, Actor};
use crate::db::schema::organisations;
use crate::db::{write_tx, DbConn};
use crate::i18n::Lang;
use crate::mail::{self, outbox};
use crate::registry;
use crate::users::model::Role;
use crate::validation::{char_len, FieldError};
use crate::web::auth::policy::Action;
use crate::web::auth::session::CsrfForm;
use crate::web::context::Ctx;
use crate::web::form::safe_cell;
use crate::web::form::{field_errors, see_other};
use crate::web::{routes, AppError, AppState};

/// The longest comment a returned submission may carry.
pub const MAX_COMMENT: usize = 2_000;

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/figures/status", status_page);
    routes::get(cfg, "/figures/status.csv", status_csv);
    routes::get(cfg, "/admin/submissions/{id}", review_page);
    routes::post(cfg, "/admin/submissions/{id}/accept", accept);
    routes::post(cfg, "/admin/submissions/{id}/return", return_submission);
}

// ---------------------------------------------------------------------------
// Status overview

/// One approved WISE's standing for a period.
#[derive(Debug, Clone, Serialize)]
pub struct StatusRow {
    pub submission_id: Option<i32>,
    pub kvk_number: String,
    pub name: String,
    /// `missing`, `draft`, `submitted`, `accepted` or `returned`.
    pub status: String,
    /// When the figures were first submitted.
    pub submitted_at: Option<NaiveDateTime>,
    /// Submitted after the due date, or still missing after it.
    pub late: bool,
    pub revisions: i32,
}

/// The overview of one period: every approved WISE and the totals.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub period: PeriodView,
    pub rows: Vec<StatusRow>,
    pub approved: usize,
    /// WISEs whose figures were submitted (whatever the review said since).
    pub reporting: usize,
    pub accepted: usize,
    pub returned: usize,
    pub awaiting_review: usize,
    pub missing: usize,
    pub late: usize,
    /// `reporting / approved`, in whole percent.
    pub response_rate_pct: u32,
}

/// Whether figures first submitted at `at` (or not at all by `today`) are late.
fn is_late(due_on: NaiveDate, submitted_at: Option<NaiveDateTime>, today: NaiveDate) -> bool {
    match submitted_at {
        Some(at) => at.date() > due_on,
        None => today > due_on,
    }
}

pub fn overview(conn: &mut DbConn, period: Period, today: NaiveDate, closes_after_days: i64) -> QueryResult<Overview> {
    let approved: Vec<(i32, String, String)> = organisations::table
        .filter(crate::organisation::public())
        .order(organisations::name)
        .select((organisations::id, organisations::kvk_number, organisations::name))
        .load(conn)?;
    let filed = submissions::filed_for_period(conn, period.id)?;
    let rows: Vec<StatusRow> = approved
        .into_iter()
        .map(|(id, kvk_number, name)| {
            let filed = filed.iter().find(|f| f.organisation_id == id);
            let submitted_at = filed.and_then(|f| f.first_submitted_at);
            let status = match filed {
                // A draft was never submitted: for the overview it is still missing.
                Some(f) if f.status == "draft" => "draft".to_string(),
                Some(f) => f.status.clone(),
                None => "missing".to_string(),
            };
            StatusRow {
                submission_id: filed.map(|f| f.submission_id),
                kvk_number,
                name,
                late: is_late(period.due_on, submitted_at, today),
                submitted_at,
                revisions: filed.map_or(0, |f| f.revisions),
                status,
            }
        })
        .collect();
    let count = |status: &str| rows.iter().filter(|r| r.status == status).count();
    let approved = rows.len();
    let reporting = rows.iter().filter(|r| r.submitted_at.is_some()).count();
    let response_rate_pct = super::response_rate_pct(reporting, approved);
    Ok(Overview {
        period: PeriodView::of(period, today, closes_after_days),
        approved,
        reporting,
        accepted: count("accepted"),
        returned: count("returned"),
        awaiting_review: count("submitted"),
        missing: approved - reporting,
        late: rows.iter().filter(|r| r.late).count(),
        response_rate_pct,
        rows,
    })
}

#[derive(Deserialize)]
struct StatusQuery {
    period: Option<String>,
}

/// The period asked for, else the newest that has opened; with every opened period
/// for the picker. `None` when no period has opened yet.
async fn chosen_period(state: &AppState, asked: Option<&str>) -> Result<(Option<Period>, Vec<PeriodView>), AppError> {
    let (today, closes) = (state.today(), state.config.figures.closes_after_days);
    let all = state.db(|c| Ok(periods::list(c)?)).await?;
    let opened: Vec<Period> = all.into_iter().filter(|p| p.status(today, closes) != Status::Upcoming).collect();
    let chosen = match asked.map(str::trim).filter(|k| !k.is_empty()) {
        Some(key) => Some(opened.iter().find(|p| p.key == key).cloned().ok_or(AppError::NotFound)?),
        // The newest quarter that has opened (a year opens with its fourth quarter).
        None => opened.iter().filter(|p| p.kind == "quarter").max_by_key(|p| p.opens_on).or(opened.last()).cloned(),
    };
    let mut views: Vec<PeriodView> = opened.into_iter().map(|p| PeriodView::of(p, today, closes)).collect();
    views.reverse();
    Ok((chosen, views))
}

async fn load_overview(state: &AppState, asked: Option<&str>) -> Result<(Option<Overview>, Vec<PeriodView>), AppError> {
    let (chosen, views) = chosen_period(state, asked).await?;
    let (today, closes) = (state.today(), state.config.figures.closes_after_days);
    let overview = match chosen {
        Some(period) => Some(state.db(move |c| Ok(overview(c, period, today, closes)?)).await?),
        None => None,
    };
    Ok((overview, views))
}

/// `GET /figures/status?period=P`: per period, which WISEs submitted, are late or
/// missing, and the response rate (operator and city).
async fn status_page(ctx: Ctx, query: web::Query<StatusQuery>) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::ViewExactReports, None).await?;
    let (overview, periods) = load_overview(&ctx.state, query.period.as_deref()).await?;
    ctx.render(
        "figures/status",
        json!({
            "nav": "figures-status",
            "overview": overview,
            "periods": periods,
            "can_review": user.is(Role::Admin),
        }),
    )
}

/// `GET /figures/status.csv?period=P`: the same overview as a CSV file.
async fn status_csv(ctx: Ctx, query: web::Query<StatusQuery>) -> Result<HttpResponse, AppError> {
    ctx.require(Action::ViewExactReports, None).await?;
    let (overview, _) = load_overview(&ctx.state, query.period.as_deref()).await?;
    let overview = overview.ok_or(AppError::NotFound)?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let write = |out: &mut csv::Writer<Vec<u8>>, row: &[String]| {
        out.write_record(row).map_err(|e| AppError::Internal(anyhow::anyhow!("status CSV: {e}")))
    };
    write(
        &mut out,
        &["period", "kvk_number", "name", "status", "submitted_at", "late", "revisions"].map(String::from),
    )?;
    for row in &overview.rows {
        write(
            &mut out,
            &[
                overview.period.key.clone(),
                row.kvk_number.clone(),
                safe_cell(&row.name),
                row.status.clone(),
                row.submitted_at.map(|t| t.and_utc().to_rfc3339()).unwrap_or_default(),
                row.late.to_string(),
                row.revisions.to_string(),
            ],
        )?;
    }
    let body = out.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("status CSV: {e}")))?;
    let file = format!("attachment; filename=\"wise-submissions-{}.csv\"", overview.period.key);
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", file))
        .body(body))
}

// ---------------------------------------------------------------------------
// Review

/// A submission with its WISE and period, as the review needs them.
struct Reviewed {
    submission: submissions::Submission,
    organisation: crate::organisation::model::Organisation,
    period: Period,
}

fn load_reviewed(conn: &mut DbConn, id: i32) -> Result<Reviewed, AppError> {
    use crate::db::schema::reporting_periods;
    let submission = submissions::by_id(conn, id)?.ok_or(AppError::NotFound)?;
    let organisation = registry::store::organisation(conn, submission.organisation_id)?.ok_or(AppError::NotFound)?;
    let period = reporting_periods::table.find(submission.period_id).select(Period::as_select()).first(conn)?;
    Ok(Reviewed { submission, organisation, period })
}

const REVIEW_FIELDS: [&str; 1] = ["comment"];

async fn review_view(ctx: &Ctx, id: i32, status: StatusCode, extra: Value) -> Result<HttpResponse, AppError> {
    let (reviewed, history, warnings) = ctx
        .state
        .db(move |c| {
            let reviewed = load_reviewed(c, id)?;
            let history = history_json(c, id)?;
            let newest = submissions::latest(c, id)?;
            let warnings: Vec<Value> = newest
                .map(|r| r.figures.warnings())
                .unwrap_or_default()
                .into_iter()
                .map(|w| {
                    let mut item = super::form::field_label(&w.field);
                    item["message"] = json!(w.key);
                    item
                })
                .collect();
            Ok((reviewed, history, warnings))
        })
        .await?;
    let s = &reviewed.submission;
    let data = json!({
        "nav": "figures-status",
        "submission": { "id": s.id, "status": s.status, "comment": s.review_comment },
        "organisation": { "name": reviewed.organisation.name, "kvk_number": reviewed.organisation.kvk_number },
        "period": PeriodView::of(reviewed.period.clone(), ctx.state.today(), ctx.state.config.figures.closes_after_days),
        "history": history,
        "warnings": warnings,
        "can_accept": s.status == "submitted",
        "can_return": matches!(s.status.as_str(), "submitted" | "accepted"),
        "comment": "",
        "errors": field_errors(&REVIEW_FIELDS, &[]),
        "refusal": null,
    });
    ctx.render_over(status, "figures/review", data, extra)
}

/// `GET /admin/submissions/{id}`: the newest figures, their warnings, every revision
/// and event, and the accept and return buttons.
async fn review_page(ctx: Ctx, id: web::Path<i32>) -> Result<HttpResponse, AppError> {
    ctx.require(Action::Operate, None).await?;
    review_view(&ctx, id.into_inner(), StatusCode::OK, json!({})).await
}

#[derive(Deserialize)]
struct ReviewForm {
    #[serde(default)]
    comment: String,
}

async fn accept(ctx: Ctx, id: web::Path<i32>, CsrfForm(_): CsrfForm<ReviewForm>) -> Result<HttpResponse, AppError> {
    decide(&ctx, id.into_inner(), Verdict::Accept).await
}

async fn return_submission(
    ctx: Ctx,
    id: web::Path<i32>,
    CsrfForm(form): CsrfForm<ReviewForm>,
) -> Result<HttpResponse, AppError> {
    ctx.require(Action::Operate, None).await?;
    let comment = form.comment.trim().to_string();
    let key = if comment.is_empty() {
        Some("error-figures-return-comment")
    } else if char_len(&comment) > MAX_COMMENT {
        Some("error-too-long")
    } else {
        None
    };
    if let Some(key) = key {
        let errors = [FieldError { field: "comment".into(), key }];
        let extra = json!({ "comment": form.comment, "errors": field_errors(&REVIEW_FIELDS, &errors) });
        return review_view(&ctx, id.into_inner(), StatusCode::UNPROCESSABLE_ENTITY, extra).await;
    }
    decide(&ctx, id.into_inner(), Verdict::Return(comment)).await
}

/// Accepts or returns a submission in one transaction with its audit entry and, for
/// a return, the mails to the WISE; 409 when its status does not allow it.
async fn decide(ctx: &Ctx, id: i32, verdict: Verdict) -> Result<HttpResponse, AppError> {
    let admin = ctx.require(Action::Operate, None).await?;
    let (now, ip, worker) = (ctx.state.now(), ctx.client_ip(), ctx.state.clone());
    let outcome = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let reviewed = load_reviewed(c, id)?;
                let allowed = match verdict {
                    Verdict::Accept => reviewed.submission.status == "submitted",
                    Verdict::Return(_) => matches!(reviewed.submission.status.as_str(), "submitted" | "accepted"),
                };
                if !allowed {
                    return Ok(false);
                }
                submissions::review(c, id, &verdict, Some(admin.id), now)?;
                let (organisation, period) = (&reviewed.organisation, &reviewed.period);
                let (action, detail) = match &verdict {
                    Verdict::Accept => ("submission_accepted", String::new()),
                    Verdict::Return(comment) => ("submission_returned", comment.clone()),
                };
                if let Verdict::Return(comment) = &verdict {
                    let link = format!(
                        "{}/manage/organisations/{}/figures/{}",
                        worker.config.base_url(),
                        organisation.kvk_number,
                        period.key
                    );
                    let default_language = worker.default_lang().code();
                    for recipient in registry::store::recipients(c, organisation, default_language)? {
                        let lang = Lang::parse(&recipient.language).unwrap_or(Lang::Nl);
                        let data = json!({
                            "name": recipient.name,
                            "organisation": organisation.name,
                            "period": period.key,
                            "comment": comment,
                            "link": link,
                            "unsubscribe_url": null,
                        });
                        let mail = mail::render(&worker.templates, "figures-returned", lang, &recipient.email, data)?;
                        outbox::enqueue(c, &mail, None, now)?;
                    }
                }
                let entry = audit::Entry {
                    actor: Actor::User { id: admin.id, email: &admin.email },
                    ip: Some(&ip),
                    action,
                    target: &format!("figures {} {}", organisation.kvk_number, period.key),
                    detail: &detail,
                };
                audit::record(c, now, entry)?;
                Ok::<_, AppError>(true)
            })
        })
        .await?;
    if outcome {
        return Ok(see_other(&format!("/admin/submissions/{id}")));
    }
    review_view(ctx, id, StatusCode::CONFLICT, json!({ "refusal": "error-figures-review-status" })).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lateness_counts_from_the_due_date() {
        let due = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
        let at = |d: u32, m: u32| NaiveDate::from_ymd_opt(2026, m, d).unwrap().and_hms_opt(12, 0, 0);
        assert!(!is_late(due, at(31, 10), at(5, 11).unwrap().date()));
        assert!(is_late(due, at(1, 11), at(5, 11).unwrap().date()));
        assert!(!is_late(due, None, due), "missing on the due date is not late yet");
        assert!(is_late(due, None, at(1, 11).unwrap().date()));
    }
}
