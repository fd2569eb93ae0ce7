//! A WISE's own figures pages: the periods with where each submission stands, the
//! submission form (pre-filled, draft or submit, warnings to confirm) and the history
//! of every revision with what changed field by field.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use diesel::prelude::*;
use serde_json::{json, Value};

use super::periods::{self, Period, Status};
use super::submissions::{self, Source, Submission};
use super::values::{Figures, FLOWS, OPTIONAL, STOCKS, TG_CEILING};
use super::PeriodView;
use crate::audit;
use crate::db::schema::users;
use crate::db::{write_tx, DbConn};
use crate::organisation::model::Organisation;
use crate::partnerships::moves;
use crate::users::model::{CurrentUser, Role};
use crate::validation::FieldError;
use crate::vocab;
use crate::web::auth::policy::Action;
use crate::web::auth::session::CsrfForm;
use crate::web::context::Ctx;
use crate::web::form::see_other;
use crate::web::page::NoticeQuery;
use crate::web::{routes, AppError, AppState};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/manage/organisations/{kvk}/figures", list_page);
    routes::get(cfg, "/manage/organisations/{kvk}/figures/{period}", form_page);
    routes::post(cfg, "/manage/organisations/{kvk}/figures/{period}", save);
    routes::get(cfg, "/manage/organisations/{kvk}/figures/{period}/history", history_page);
}

fn base_path(kvk: &str) -> String {
    format!("/manage/organisations/{kvk}/figures")
}

/// The error of a target-group breakdown that counts more people than there are.
const TG_SUM: &str = "error-tg-sum";

/// FTE hundredths as the form writes them: `12.5`, `3`, `0.25`.
pub fn fte_text(hundredths: i64) -> String {
    let (whole, fraction) = (hundredths / 100, hundredths % 100);
    match fraction {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

/// Every field name of the form, in order: stocks, flows, the optional fields and
/// one `tg_<group>` per target group.
fn field_names() -> Vec<String> {
    STOCKS
        .iter()
        .chain(FLOWS.iter())
        .chain(OPTIONAL.iter())
        .map(|f| f.to_string())
        .chain(vocab::TARGET_GROUPS.iter().map(|g| format!("tg_{g}")))
        .collect()
}

/// A field's value as text, as the form shows it.
fn value_of(figures: &Figures, name: &str) -> String {
    figures.value(name).map(|n| value_text(name, n)).unwrap_or_default()
}

/// A value of the field `name` as the form writes it (FTE with a decimal point).
fn value_text(name: &str, n: i64) -> String {
    if name == "fte_target_group" {
        fte_text(n)
    } else {
        n.to_string()
    }
}

/// How the templates name a field: a translation key, or a target group's code for
/// the vocabulary label.
pub fn field_label(name: &str) -> Value {
    match name.strip_prefix("tg_") {
        Some(group) => json!({ "label_key": null, "group": group }),
        None => json!({ "label_key": format!("figures-field-{}", name.replace('_', "-")), "group": null }),
    }
}

/// A change (field, before, after) as the history shows it.
fn change_json(field: &str, before: Option<i64>, after: Option<i64>) -> Value {
    let show = |n: Option<i64>| n.map(|n| value_text(field, n)).unwrap_or_default();
    let mut label = field_label(field);
    label["before"] = json!(show(before));
    label["after"] = json!(show(after));
    label
}

/// Whether `user` may write figures for `period` now: the operator always, a
/// WISE's own users while the period takes figures.
pub fn may_write(user: &CurrentUser, status: Status) -> bool {
    user.is(Role::Admin) || status.takes_figures()
}

/// Why a period's form is read-only, as a translation key.
fn read_only_reason(status: Status) -> &'static str {
    match status {
        Status::Upcoming => "figures-upcoming-note",
        _ => "figures-closed-note",
    }
}

/// The names of users by id (for "who").
fn user_names(conn: &mut DbConn, ids: Vec<i32>) -> QueryResult<HashMap<i32, String>> {
    Ok(users::table.filter(users::id.eq_any(ids)).select((users::id, users::name)).load(conn)?.into_iter().collect())
}

async fn period_by_key(state: &AppState, key: &str) -> Result<Period, AppError> {
    if periods::PeriodKey::parse(key).is_err() {
        return Err(AppError::NotFound);
    }
    let key = key.to_string();
    state.db(move |c| Ok(periods::find(c, &key)?)).await?.ok_or(AppError::NotFound)
}

// ---------------------------------------------------------------------------
// The list of periods

/// `GET /manage/organisations/{kvk}/figures`: every period that has opened, the
/// newest first, with the submission's status and what can be done.
async fn list_page(ctx: Ctx, kvk: web::Path<String>, query: web::Query<NoticeQuery>) -> Result<HttpResponse, AppError> {
    let (user, organisation) = ctx.wise_for(&kvk, Action::SubmitFigures).await?;
    let id = organisation.id;
    let (all, filed) = ctx.state.db(move |c| Ok((periods::list(c)?, submissions::of_organisation(c, id)?))).await?;
    let (today, closes) = (ctx.state.today(), ctx.state.config.figures.closes_after_days);
    let by_period: HashMap<i32, &Submission> = filed.iter().map(|s| (s.period_id, s)).collect();
    let mut rows: Vec<Value> = all
        .into_iter()
        .filter(|p| p.status(today, closes) != Status::Upcoming)
        .map(|p| {
            let submission = by_period.get(&p.id);
            let view = PeriodView::of(p.clone(), today, closes);
            let writable = may_write(&user, view.status);
            json!({
                "period": view,
                "submission": submission.map(|s| json!({ "status": s.status, "comment": s.review_comment })),
                "writable": writable,
                "late": submission.is_none() && view.status != Status::Open,
            })
        })
        .collect();
    rows.reverse();
    let notice = match query.notice.as_deref() {
        Some("submitted") => Some("figures-notice-submitted"),
        Some("draft") => Some("figures-notice-draft"),
        Some("unchanged") => Some("figures-notice-unchanged"),
        _ => None,
    };
    ctx.render(
        "figures/list",
        json!({
            "nav": "manage",
            "section": "figures",
            "organisation": organisation.page_heading(),
            "rows": rows,
            "notice": notice,
        }),
    )
}

// ---------------------------------------------------------------------------
// The form

/// What the form page needs besides the values.
struct FormContext {
    organisation: Organisation,
    period: Period,
    status: Status,
    writable: bool,
    submission: Option<Submission>,
    /// The newest revision's figures, when there is a submission.
    current: Option<Figures>,
    /// The previous period's key and figures (what a new form starts from).
    previous: Option<(String, Figures)>,
    /// The WISE's partners during the period, and the moves to each stated so far.
    partners: Vec<moves::Partner>,
    moves: HashMap<i32, i64>,
}

async fn load_context(ctx: &Ctx, kvk: &str, key: &str) -> Result<(CurrentUser, FormContext), AppError> {
    let (user, organisation) = ctx.wise_for(kvk, Action::SubmitFigures).await?;
    let period = period_by_key(&ctx.state, key).await?;
    let status = period.status(ctx.state.today(), ctx.state.config.figures.closes_after_days);
    let (org_id, lookup) = (organisation.id, period.clone());
    let (submission, current, previous, partners, moves) = ctx
        .state
        .db(move |c| {
            let submission = submissions::find(c, org_id, lookup.id)?;
            let (current, moves) = match &submission {
                Some(s) => (submissions::latest(c, s.id)?.map(|r| r.figures), moves::of_submission(c, s.id)?),
                None => (None, HashMap::new()),
            };
            let previous = submissions::previous_figures(c, org_id, &lookup)?;
            let partners = moves::partners_in(c, org_id, lookup.starts_on, lookup.ends_on)?;
            Ok((submission, current, previous, partners, moves))
        })
        .await?;
    let writable = may_write(&user, status);
    let context =
        FormContext { organisation, period, status, writable, submission, current, previous, partners, moves };
    Ok((user, context))
}

/// The values and messages of one render.
#[derive(Default)]
struct Shown<'a> {
    values: HashMap<String, String>,
    errors: &'a [FieldError],
    warnings: &'a [FieldError],
}

fn render_form(
    ctx: &Ctx,
    context: &FormContext,
    shown: Shown<'_>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let field = |name: &str| {
        let mut field = field_label(name);
        let dashed = name.replace('_', "-");
        field["name"] = json!(name);
        field["hint_key"] = if name.starts_with("tg_") { Value::Null } else { json!(format!("figures-hint-{dashed}")) };
        field["value"] = json!(shown.values.get(name).cloned().unwrap_or_default());
        field["error"] = json!(shown.errors.iter().find(|e| e.field == name && e.key != TG_SUM).map(|e| e.key));
        field["warning"] = json!(shown.warnings.iter().find(|e| e.field == name).map(|e| e.key));
        field["required"] = json!(STOCKS.contains(&name) || FLOWS.contains(&name));
        field["decimal"] = json!(name == "fte_target_group");
        field
    };
    let fields = |names: &[&str]| names.iter().map(|n| field(n)).collect::<Vec<Value>>();
    let partners: Vec<Value> = context
        .partners
        .iter()
        .map(|p| {
            let name = format!("{}{}", moves::FIELD_PREFIX, p.partnership_id);
            json!({
                "company": p.company,
                "value": shown.values.get(&name).cloned().unwrap_or_default(),
                "error": shown.errors.iter().find(|e| e.field == name).map(|e| e.key),
                "name": name,
            })
        })
        .collect();
    let partner_moves_error = shown.errors.iter().any(|e| e.key == moves::SUM_ERROR);
    let groups: Vec<String> = vocab::TARGET_GROUPS.iter().map(|g| format!("tg_{g}")).collect();
    let group_names: Vec<&str> = groups.iter().map(String::as_str).collect();
    // The breakdown that counts too many is the fieldset's error, with both numbers.
    let tg_sum = shown.errors.iter().any(|e| e.key == TG_SUM).then(|| {
        let number = |name: &str| shown.values.get(name).and_then(|v| v.trim().parse::<i64>().ok()).unwrap_or(0);
        let given: i64 = groups.iter().map(|g| number(g)).sum();
        let ceiling: i64 = TG_CEILING.iter().map(|f| number(f)).sum();
        crate::i18n::lookup(
            ctx.lang(),
            "figures-tg-sum-numbers",
            &[("given", given.into()), ("ceiling", ceiling.into())],
        )
        .unwrap_or_default()
    });
    let summary = |list: &[FieldError]| {
        let mut seen = Vec::new();
        list.iter()
            .filter(|e| {
                let new = !seen.contains(&e.field);
                seen.push(e.field.clone());
                new
            })
            .map(|e| {
                let mut item = field_label(&e.field);
                if e.field.starts_with(moves::FIELD_PREFIX) || e.key == moves::SUM_ERROR {
                    item["label_key"] = json!("figures-partner-moves");
                }
                item["anchor"] = json!(e.field);
                item["message"] = json!(e.key);
                if e.key == TG_SUM {
                    item = json!({ "label_key": "figures-target-groups", "anchor": "target-groups", "message_text": tg_sum });
                }
                item
            })
            .collect::<Vec<Value>>()
    };
    let submission = context.submission.as_ref();
    let prefilled_from = match (&context.current, &context.previous) {
        (None, Some((key, _))) => Some(key.clone()),
        _ => None,
    };
    let kvk = &context.organisation.kvk_number;
    ctx.render_status(status,
        "figures/form",
        json!({
            "nav": "manage",
            "section": "figures",
            "organisation": context.organisation.page_heading(),
            "period": PeriodView::of(context.period.clone(), ctx.state.today(), ctx.state.config.figures.closes_after_days),
            "action": format!("{}/{}", base_path(kvk), context.period.key),
            "history": submission.map(|_| format!("{}/{}/history", base_path(kvk), context.period.key)),
            "submission": submission.map(|s| json!({ "status": s.status, "comment": s.review_comment })),
            "writable": context.writable,
            "read_only_reason": (!context.writable).then(|| read_only_reason(context.status)),
            "can_draft": submission.is_none_or(|s| s.status == "draft"),
            "prefilled_from": prefilled_from,
            "stocks": fields(&STOCKS),
            "flows": fields(&FLOWS),
            "optional": fields(&OPTIONAL),
            "target_groups": fields(&group_names),
            "error_summary": summary(shown.errors),
            "tg_sum": tg_sum,
            "partners": partners,
            "partner_moves_error": partner_moves_error,
            "warning_summary": summary(shown.warnings),
        }),
    )
}

/// The values a form starts with: the newest revision, else the previous period's
/// figures, else empty.
fn starting_values(context: &FormContext) -> HashMap<String, String> {
    let figures = context.current.as_ref().or(context.previous.as_ref().map(|(_, f)| f));
    let partner = |p: &moves::Partner| {
        let moved = context.moves.get(&p.partnership_id).copied().unwrap_or(0);
        (format!("{}{}", moves::FIELD_PREFIX, p.partnership_id), moved.to_string())
    };
    field_names()
        .into_iter()
        .map(|name| (name.clone(), figures.map(|f| value_of(f, &name)).unwrap_or_default()))
        .chain(context.partners.iter().map(partner))
        .collect()
}

/// `GET /manage/organisations/{kvk}/figures/{period}`: the form, pre-filled.
async fn form_page(ctx: Ctx, path: web::Path<(String, String)>) -> Result<HttpResponse, AppError> {
    let (kvk, key) = path.into_inner();
    let (_, context) = load_context(&ctx, &kvk, &key).await?;
    let shown = Shown { values: starting_values(&context), ..Shown::default() };
    render_form(&ctx, &context, shown, StatusCode::OK)
}

/// `POST /manage/organisations/{kvk}/figures/{period}`: saves a draft or submits.
/// Errors show the form again (422); warnings too, until the submitter confirms them.
async fn save(
    ctx: Ctx,
    path: web::Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let (kvk, key) = path.into_inner();
    let (user, context) = load_context(&ctx, &kvk, &key).await?;
    if !context.writable {
        return Err(AppError::Forbidden);
    }
    let control = |name: &str| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let submit = control("action") != Some("draft");
    if !submit && context.submission.as_ref().is_some_and(|s| s.status != "draft") {
        return Err(AppError::BadRequest("a submitted form can only be corrected, not saved as a draft".into()));
    }
    let confirmed = control("confirm") == Some("yes");
    type Fields<'a> = Vec<(&'a str, &'a str)>;
    let (partner_fields, values): (Fields, Fields) = pairs
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "csrf_token" | "action" | "confirm"))
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .partition(|(k, _)| k.starts_with(moves::FIELD_PREFIX));
    let shown_values = || values.iter().chain(&partner_fields).map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let checked = Figures::from_fields(values.iter().copied()).and_then(|figures| {
        let external = figures.value("moved_to_paid_external").unwrap_or(0);
        moves::check(&partner_fields, &context.partners, external).map(|moves| (figures, moves))
    });
    let (figures, partner_moves) = match checked {
        Ok(checked) => checked,
        Err(errors) => {
            let shown = Shown { values: shown_values(), errors: &errors, warnings: &[] };
            return render_form(&ctx, &context, shown, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let warnings = figures.warnings();
    if submit && !warnings.is_empty() && !confirmed {
        let shown = Shown { values: shown_values(), errors: &[], warnings: &warnings };
        return render_form(&ctx, &context, shown, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let (now, ip) = (ctx.state.now(), ctx.client_ip());
    let (org_id, period_id, period_key) = (context.organisation.id, context.period.id, context.period.key.clone());
    let before = context.submission.as_ref().map(|s| s.status.clone());
    let previous_figures = context.current.clone();
    let kvk_number = context.organisation.kvk_number.clone();
    let changed = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let saved =
                    submissions::save(c, org_id, period_id, &figures, submit, Source::Form, Some(user.id), now)?;
                let moves_changed = moves::save(c, saved.submission_id, &partner_moves)?;
                let target = format!("figures {kvk_number} {period_key}");
                if moves_changed {
                    let detail = format!("partner moves {partner_moves:?}");
                    audit::Entry::by(user.id, &user.email, &ip, "partner_moves_saved", &target, &detail)
                        .record(c, now)?;
                }
                if saved.changed {
                    let action = match (submit, before.as_deref()) {
                        (false, _) => "figures_draft_saved",
                        (true, None | Some("draft")) => "figures_submitted",
                        (true, _) => "figures_corrected",
                    };
                    let changed: Vec<String> = match &previous_figures {
                        Some(old) => submissions::changes(old, &figures).into_iter().map(|(f, _, _)| f).collect(),
                        None => Vec::new(),
                    };
                    let mut detail = format!("revision {}", saved.revision);
                    if !changed.is_empty() {
                        detail.push_str(&format!("; changed: {}", changed.join(", ")));
                    }
                    audit::Entry::by(user.id, &user.email, &ip, action, &target, &detail).record(c, now)?;
                }
                Ok::<_, AppError>(saved.changed || moves_changed)
            })
        })
        .await?;
    let notice = match (changed, submit) {
        (false, _) => "unchanged",
        (true, true) => "submitted",
        (true, false) => "draft",
    };
    Ok(see_other(&format!("{}?notice={notice}", base_path(&kvk))))
}

// ---------------------------------------------------------------------------
// History

/// Every revision of a submission and every event, as the history shows them.
pub fn history_json(conn: &mut DbConn, submission_id: i32) -> QueryResult<Value> {
    let revisions = submissions::history(conn, submission_id)?;
    let events = submissions::events(conn, submission_id)?;
    let ids = revisions.iter().filter_map(|r| r.created_by).chain(events.iter().filter_map(|e| e.user_id)).collect();
    let names = user_names(conn, ids)?;
    let name = |id: Option<i32>| id.and_then(|id| names.get(&id).cloned());
    let mut previous: Option<&Figures> = None;
    let mut rows = Vec::new();
    for revision in &revisions {
        let changes: Vec<Value> = match previous {
            Some(before) => submissions::changes(before, &revision.figures)
                .into_iter()
                .map(|(field, b, a)| change_json(&field, b, a))
                .collect(),
            None => Vec::new(),
        };
        rows.push(json!({
            "number": revision.number,
            "created_at": revision.created_at,
            "author": name(revision.created_by),
            "source": revision.source,
            "first": previous.is_none(),
            "changes": changes,
        }));
        previous = Some(&revision.figures);
    }
    rows.reverse();
    let events: Vec<Value> = events
        .iter()
        .rev()
        .map(|e| {
            json!({
                "event": e.event,
                "revision": e.revision_number,
                "comment": e.comment,
                "author": name(e.user_id),
                "at": e.created_at,
            })
        })
        .collect();
    let newest = revisions.last().map(|r| figures_table(&r.figures));
    Ok(json!({ "revisions": rows, "events": events, "newest": newest }))
}

/// Every field of a set of figures with its value, for a read-only table.
pub fn figures_table(figures: &Figures) -> Vec<Value> {
    field_names()
        .into_iter()
        .filter(|name| !name.starts_with("tg_") || figures.target_groups.contains_key(&name[3..]))
        .map(|name| {
            let mut row = field_label(&name);
            row["value"] = json!(value_of(figures, &name));
            row
        })
        .collect()
}

/// `GET /manage/organisations/{kvk}/figures/{period}/history`: every revision, who
/// made it and when, what changed; and every submission, return and acceptance.
async fn history_page(ctx: Ctx, path: web::Path<(String, String)>) -> Result<HttpResponse, AppError> {
    let (kvk, key) = path.into_inner();
    let (_, organisation) = ctx.wise_for(&kvk, Action::SubmitFigures).await?;
    let period = period_by_key(&ctx.state, &key).await?;
    let (org_id, period_id) = (organisation.id, period.id);
    let history = ctx
        .state
        .db(move |c| {
            let submission = submissions::find(c, org_id, period_id)?.ok_or(AppError::NotFound)?;
            Ok(history_json(c, submission.id)?)
        })
        .await?;
    ctx.render(
        "figures/history",
        json!({
            "nav": "manage",
            "section": "figures",
            "organisation": organisation.page_heading(),
            "period": PeriodView::of(period.clone(), ctx.state.today(), ctx.state.config.figures.closes_after_days),
            "form": format!("{}/{}", base_path(&kvk), period.key),
            "history": history,
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fte_is_written_as_the_form_reads_it() {
        assert_eq!(fte_text(1250), "12.5");
        assert_eq!(fte_text(300), "3");
        assert_eq!(fte_text(25), "0.25");
        assert_eq!(fte_text(1405), "14.05");
    }

    #[test]
    fn values_round_trip_through_the_form() {
        let mut figures = Figures { stocks: [20, 5, 8, 4, 3], flows: [6, 2, 3, 1, 2], ..Figures::default() };
        figures.fte_target_group_hundredths = Some(1425);
        figures.target_groups.insert("mental_health".into(), 12);
        let names = field_names();
        let values: Vec<(String, String)> = names.iter().map(|n| (n.clone(), value_of(&figures, n))).collect();
        let read = Figures::from_fields(values.iter().map(|(k, v)| (k.as_str(), v.as_str()))).unwrap();
        assert_eq!(read, figures);
    }
}
