//! The operator's side of the figures: the status overview per period (also for the
//! city), filtered by status tabs and exportable as CSV, and the review of one
//! submission beside the period before — accept (and go on to the next), or return with
//! a comment that is mailed to the WISE; and accepting every submission without
//! warnings at once. [`unreviewed`] tells a report how many it counts unreviewed.

use crate::web::download::{csv_response, FormatQuery};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::compare;
use super::form::history_json;
use super::periods::{self, Period, Status};
use super::submissions::{self, Verdict};
use super::PeriodView;
use crate::audit;
use crate::db::schema::{organisations, reporting_periods, submissions as filed};
use crate::db::{write_tx, DbConn};
use crate::i18n::{self, Lang};
use crate::mail::{self, outbox};
use crate::registry;
use crate::users::model::CurrentUser;
use crate::validation::{char_len, FieldError};
use crate::web::auth::policy::Action;
use crate::web::auth::session::CsrfForm;
use crate::web::context::Ctx;
use crate::web::form::safe_cell;
use crate::web::form::{error_summary, field_errors, see_other};
use crate::web::{routes, AppError, AppState};

/// The longest comment a returned submission may carry.
pub const MAX_COMMENT: usize = 2_000;

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/figures/status", status_page);
    routes::get(cfg, "/figures/status.csv", status_csv);
    routes::get(cfg, "/admin/submissions/{id}", review_page);
    routes::post(cfg, "/admin/submissions/{id}/accept", accept);
    routes::post(cfg, "/admin/submissions/{id}/return", return_submission);
    routes::post(cfg, "/admin/submissions/accept-without-warnings", accept_without_warnings);
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

/// The tabs of the overview, in order: what `status=` may ask for. `submitted` awaits
/// review; `missing` has no submitted figures (none, or a draft); `late` is
/// [`StatusRow::late`].
pub const FILTERS: [&str; 6] = ["all", "submitted", "returned", "accepted", "missing", "late"];

impl StatusRow {
    /// Whether the row belongs under the tab `filter` (one of [`FILTERS`]).
    pub fn is_in(&self, filter: &str) -> bool {
        match filter {
            "all" => true,
            "missing" => self.submitted_at.is_none(),
            "late" => self.late,
            status => self.status == status,
        }
    }
}

/// The tabs with their counts and labels, `filter` the current one.
fn tabs(overview: &Overview, filter: &str) -> Vec<Value> {
    FILTERS
        .iter()
        .map(|code| {
            let label_key = match *code {
                "all" => "figures-review-tab-all",
                "submitted" => "figures-overview-awaiting",
                "returned" => "figures-overview-returned",
                "accepted" => "figures-overview-accepted",
                "missing" => "figures-overview-missing",
                _ => "figures-overview-late",
            };
            let count = overview.rows.iter().filter(|r| r.is_in(code)).count();
            json!({ "code": code, "label_key": label_key, "count": count, "current": *code == filter })
        })
        .collect()
}

#[derive(Deserialize)]
struct StatusQuery {
    period: Option<String>,
    /// One of [`FILTERS`]; `all` when absent.
    status: Option<String>,
    /// What a redirect after a decision reports: `all-reviewed` or `bulk-accepted`.
    notice: Option<String>,
    accepted: Option<usize>,
    left: Option<usize>,
}

/// The tab asked for (`all` when none), or the unknown value.
fn filter_of(asked: Option<&str>) -> Result<&'static str, String> {
    match asked.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok("all"),
        Some(asked) => FILTERS.iter().find(|f| **f == asked).copied().ok_or_else(|| asked.to_string()),
    }
}

/// 400: the error page naming the unknown `status` and the values it may take.
fn unknown_filter(ctx: &Ctx, asked: &str) -> Result<HttpResponse, AppError> {
    let args = [("status", asked.to_string().into()), ("known", FILTERS.join(", ").into())];
    let message = i18n::lookup(ctx.lang(), "figures-review-filter-unknown", &args).unwrap_or_default();
    ctx.render_status(
        StatusCode::BAD_REQUEST,
        "errors/error",
        json!({
            "status": 400,
            "title_key": "error-400-title",
            "text_key": "error-400-text",
            "fields": [{ "field": "status", "message": message }],
        }),
    )
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

/// The notice a redirect asked for, with its arguments (anything else is ignored).
fn notice(query: &StatusQuery, period: Option<&str>) -> Value {
    let key = match query.notice.as_deref() {
        Some("all-reviewed") => "figures-review-notice-all-reviewed",
        Some("bulk-accepted") => "figures-review-notice-bulk",
        _ => return Value::Null,
    };
    json!({ "key": key, "period": period, "accepted": query.accepted.unwrap_or(0), "left": query.left.unwrap_or(0) })
}

/// `GET /figures/status?period=P&status=S`: per period, which WISEs submitted, are late
/// or missing, and the response rate (operator and city), under tabs by status.
async fn status_page(ctx: Ctx, query: web::Query<StatusQuery>) -> Result<HttpResponse, AppError> {
    ctx.require(Action::ViewExactReports, None).await?;
    let filter = match filter_of(query.status.as_deref()) {
        Ok(filter) => filter,
        Err(asked) => return unknown_filter(&ctx, &asked),
    };
    let (overview, periods) = load_overview(&ctx.state, query.period.as_deref()).await?;
    let tabs = overview.as_ref().map(|o| tabs(o, filter));
    let notice = notice(&query, overview.as_ref().map(|o| o.period.key.as_str()));
    let overview = overview.map(|mut o| {
        o.rows.retain(|r| r.is_in(filter));
        o
    });
    ctx.render(
        "figures/status",
        json!({
            "nav": "figures-status",
            "overview": overview,
            "periods": periods,
            "filter": filter,
            "filtered": filter != "all",
            "tabs": tabs,
            "notice": notice,
            "can_review": ctx.allows(Action::Operate, None),
        }),
    )
}

/// `GET /figures/status.csv?period=P&status=S`: the same overview (the rows under the
/// tab) as a CSV file.
async fn status_csv(
    ctx: Ctx,
    query: web::Query<StatusQuery>,
    format: web::Query<FormatQuery>,
) -> Result<HttpResponse, AppError> {
    ctx.require(Action::ViewExactReports, None).await?;
    let filter = match filter_of(query.status.as_deref()) {
        Ok(filter) => filter,
        Err(asked) => return unknown_filter(&ctx, &asked),
    };
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
    for row in overview.rows.iter().filter(|r| r.is_in(filter)) {
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
    let name = match filter {
        "all" => overview.period.key.clone(),
        filter => format!("{}-{filter}", overview.period.key),
    };
    csv_response(ctx.lang(), &format, &format!("wise-submissions-{name}"), body)
}

/// How many submissions a report for `period` counts that are not accepted yet: those
/// awaiting review and those returned, of approved WISEs, for the period itself or a
/// period inside it (a year's quarters). A count of submissions about their review,
/// not a statistic of the WISEs.
pub fn unreviewed(conn: &mut DbConn, period: &Period) -> QueryResult<usize> {
    let count: i64 = filed::table
        .inner_join(reporting_periods::table)
        .inner_join(organisations::table)
        .filter(crate::organisation::public())
        .filter(filed::status.eq_any(["submitted", "returned"]))
        .filter(reporting_periods::starts_on.ge(period.starts_on))
        .filter(reporting_periods::ends_on.le(period.ends_on))
        .count()
        .get_result(conn)?;
    Ok(usize::try_from(count).unwrap_or(0))
}

/// The submissions of a period's approved WISEs as the overview lists them (by name):
/// (submission id, status).
fn listed(conn: &mut DbConn, period_id: i32) -> QueryResult<Vec<(i32, String)>> {
    filed::table
        .inner_join(organisations::table)
        .filter(crate::organisation::public())
        .filter(filed::period_id.eq(period_id))
        .order((organisations::name, filed::id))
        .select((filed::id, filed::status))
        .load(conn)
}

/// The submission that awaits review after `current` in the overview's order, going
/// round to the top; `None` when no other awaits review.
fn next_awaiting(listed: &[(i32, String)], current: i32) -> Option<i32> {
    let at = listed.iter().position(|(id, _)| *id == current).map_or(0, |i| i + 1);
    listed[at..]
        .iter()
        .chain(&listed[..at])
        .find(|(id, status)| *id != current && status == "submitted")
        .map(|(id, _)| *id)
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
    let submission = submissions::by_id(conn, id)?.ok_or(AppError::NotFound)?;
    let organisation = registry::store::organisation(conn, submission.organisation_id)?.ok_or(AppError::NotFound)?;
    let period = reporting_periods::table.find(submission.period_id).select(Period::as_select()).first(conn)?;
    Ok(Reviewed { submission, organisation, period })
}

const REVIEW_FIELDS: [&str; 1] = ["comment"];

async fn review_view(ctx: &Ctx, id: i32, status: StatusCode, extra: Value) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang();
    let (reviewed, history, comparison, warnings) = ctx
        .state
        .db(move |c| {
            let reviewed = load_reviewed(c, id)?;
            let history = history_json(c, id)?;
            let newest = submissions::latest(c, id)?.map(|r| r.figures).unwrap_or_default();
            let (previous_key, previous) = compare::accepted_before(c, reviewed.organisation.id, &reviewed.period)?;
            let comparison = json!({
                "previous_period": previous_key,
                "previous_missing": previous.is_none(),
                "rows": compare::rows(&newest, previous.as_ref(), lang),
            });
            Ok((reviewed, history, comparison, compare::warnings(&newest)))
        })
        .await?;
    let s = &reviewed.submission;
    let data = json!({
        "nav": "figures-status",
        "submission": { "id": s.id, "status": s.status, "comment": s.review_comment },
        "organisation": { "name": reviewed.organisation.name, "kvk_number": reviewed.organisation.kvk_number },
        "period": PeriodView::of(reviewed.period.clone(), ctx.state.today(), ctx.state.config.figures.closes_after_days),
        "history": history,
        "comparison": comparison,
        "warnings": warnings,
        "can_accept": s.status == "submitted",
        "can_return": matches!(s.status.as_str(), "submitted" | "accepted"),
        "comment": "",
        "errors": field_errors(&REVIEW_FIELDS, &[]),
        "error_summary": [],
        "refusal": null,
    });
    ctx.render_over(status, "figures/review", data, extra)
}

/// `GET /admin/submissions/{id}`: the newest figures beside the previous period's with
/// the difference, their warnings, every revision and event, and the accept and return
/// buttons.
async fn review_page(ctx: Ctx, id: web::Path<i32>) -> Result<HttpResponse, AppError> {
    ctx.require(Action::Operate, None).await?;
    review_view(&ctx, id.into_inner(), StatusCode::OK, json!({})).await
}

#[derive(Deserialize)]
struct ReviewForm {
    #[serde(default)]
    comment: String,
}

#[derive(Deserialize)]
struct AcceptForm {
    /// `next`: go on to the next submission of the period that awaits review.
    #[serde(default)]
    then: String,
}

/// `POST /admin/submissions/{id}/accept`: accepts; with `then=next`, goes on to the next
/// submission of the period that awaits review, or back to the overview when none is left.
async fn accept(ctx: Ctx, id: web::Path<i32>, CsrfForm(form): CsrfForm<AcceptForm>) -> Result<HttpResponse, AppError> {
    decide(&ctx, id.into_inner(), Verdict::Accept, form.then == "next").await
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
        let extra = json!({
            "comment": form.comment,
            "errors": field_errors(&REVIEW_FIELDS, &errors),
            "error_summary": error_summary(&errors, "figures-review-", str::to_string),
        });
        return review_view(&ctx, id.into_inner(), StatusCode::UNPROCESSABLE_ENTITY, extra).await;
    }
    decide(&ctx, id.into_inner(), Verdict::Return(comment), false).await
}

/// Accepts or returns a submission in one transaction with its audit entry and, for
/// a return, the mails to the WISE; 409 when its status does not allow it. An
/// acceptance with `then_next` goes on to the next submission awaiting review.
async fn decide(ctx: &Ctx, id: i32, verdict: Verdict, then_next: bool) -> Result<HttpResponse, AppError> {
    let admin = ctx.require(Action::Operate, None).await?;
    let (now, ip, worker) = (ctx.state.now(), ctx.client_ip(), ctx.state.clone());
    let outcome = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let Some(period) = decide_in(c, &worker, &admin, &ip, now, id, &verdict, "")? else {
                    return Ok(None);
                };
                let next = if then_next { next_awaiting(&listed(c, period.id)?, id) } else { None };
                Ok::<_, AppError>(Some((period.key, next)))
            })
        })
        .await?;
    match outcome {
        None => review_view(ctx, id, StatusCode::CONFLICT, json!({ "refusal": "error-figures-review-status" })).await,
        Some(_) if !then_next => Ok(see_other(&format!("/admin/submissions/{id}"))),
        Some((_, Some(next))) => Ok(see_other(&format!("/admin/submissions/{next}"))),
        Some((key, None)) => Ok(see_other(&format!("/figures/status?period={key}&notice=all-reviewed"))),
    }
}

/// One decision inside the caller's transaction: the status change, for a return the
/// mails to the WISE, and the audit entry (with `detail` for an acceptance). The
/// submission's period when done; `None` when its status does not allow the verdict.
#[allow(clippy::too_many_arguments)]
fn decide_in(
    c: &mut DbConn,
    state: &AppState,
    admin: &CurrentUser,
    ip: &str,
    now: chrono::NaiveDateTime,
    id: i32,
    verdict: &Verdict,
    detail: &str,
) -> Result<Option<Period>, AppError> {
    let reviewed = load_reviewed(c, id)?;
    let allowed = match verdict {
        Verdict::Accept => reviewed.submission.status == "submitted",
        Verdict::Return(_) => matches!(reviewed.submission.status.as_str(), "submitted" | "accepted"),
    };
    if !allowed {
        return Ok(None);
    }
    submissions::review(c, id, verdict, Some(admin.id), now)?;
    let (organisation, period) = (&reviewed.organisation, &reviewed.period);
    let (action, detail) = match verdict {
        Verdict::Accept => ("submission_accepted", detail),
        Verdict::Return(comment) => ("submission_returned", comment.as_str()),
    };
    if let Verdict::Return(comment) = verdict {
        let link = format!(
            "{}/manage/organisations/{}/figures/{}",
            state.config.base_url(),
            organisation.kvk_number,
            period.key
        );
        let default_language = state.default_lang().code();
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
            let mail = mail::render(&state.templates, "figures-returned", lang, &recipient.email, data)?;
            outbox::enqueue(c, &mail, None, now)?;
        }
    }
    audit::Entry::by(
        admin.id,
        &admin.email,
        ip,
        action,
        &format!("figures {} {}", organisation.kvk_number, period.key),
        detail,
    )
    .record(c, now)?;
    Ok(Some(reviewed.period))
}

#[derive(Deserialize)]
struct BulkForm {
    #[serde(default)]
    period: String,
}

/// `POST /admin/submissions/accept-without-warnings`: accepts, in one transaction,
/// every submission of the period that awaits review and whose newest figures raise no
/// warning, each audited as a single acceptance; back to the overview with how many
/// were accepted and how many are left for review because of their warnings.
async fn accept_without_warnings(ctx: Ctx, CsrfForm(form): CsrfForm<BulkForm>) -> Result<HttpResponse, AppError> {
    let admin = ctx.require(Action::Operate, None).await?;
    let key = form.period.trim();
    if key.is_empty() {
        return Err(AppError::BadRequest("period: which period's submissions to accept".into()));
    }
    let (period, _) = chosen_period(&ctx.state, Some(key)).await?;
    let period = period.ok_or(AppError::NotFound)?;
    let (now, ip, worker) = (ctx.state.now(), ctx.client_ip(), ctx.state.clone());
    let period_id = period.id;
    let (accepted, left) = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let (mut accepted, mut left) = (0usize, 0usize);
                for (id, status) in listed(c, period_id)? {
                    if status != "submitted" {
                        continue;
                    }
                    let newest = submissions::latest(c, id)?.map(|r| r.figures).unwrap_or_default();
                    if !newest.warnings().is_empty() {
                        left += 1;
                        continue;
                    }
                    let detail = "accepted with all submissions without warnings";
                    if decide_in(c, &worker, &admin, &ip, now, id, &Verdict::Accept, detail)?.is_some() {
                        accepted += 1;
                    }
                }
                Ok::<_, AppError>((accepted, left))
            })
        })
        .await?;
    let tab = if left > 0 { "&status=submitted" } else { "" };
    Ok(see_other(&format!(
        "/figures/status?period={}{tab}&notice=bulk-accepted&accepted={accepted}&left={left}",
        period.key
    )))
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

    #[test]
    fn the_next_submission_is_the_following_one_awaiting_review_going_round() {
        let listed: Vec<(i32, String)> =
            [(4, "accepted"), (9, "submitted"), (2, "submitted"), (7, "returned"), (5, "submitted")]
                .map(|(id, s)| (id, s.to_string()))
                .to_vec();
        assert_eq!(next_awaiting(&listed, 2), Some(5));
        assert_eq!(next_awaiting(&listed, 5), Some(9), "round to the top");
        assert_eq!(next_awaiting(&listed, 4), Some(9));
        let alone = vec![(3, "accepted".to_string()), (8, "returned".to_string())];
        assert_eq!(next_awaiting(&alone, 3), None);
    }

    #[test]
    fn status_tabs_are_checked() {
        assert_eq!(filter_of(None), Ok("all"));
        assert_eq!(filter_of(Some(" late ")), Ok("late"));
        assert_eq!(filter_of(Some("draft")), Err("draft".to_string()));
    }
}
