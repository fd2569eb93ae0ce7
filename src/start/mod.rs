//! `GET /start`: where a signed-in user lands, with what their role has to do next.
//! A buyer finds the catalogue's search and their saved searches; a WISE a task card
//! per period that takes figures, the state of its profile and the buyers' needs it was
//! alerted to that still take answers; the city the latest
//! report and how the newest period's figures stand; the operator the queues with
//! their counts. Each card is shown by what the policy allows, never by role name.

use actix_web::HttpResponse;
use diesel::prelude::*;
use serde_json::{json, Value};

use crate::buyers::saved;
use crate::db::schema::submissions;
use crate::db::DbConn;
use crate::figures::periods::{self, Period};
use crate::figures::{review, submissions as figures};
use crate::mail::outbox;
use crate::needs::store as needs;
use crate::organisation::{store as organisations, Status};
use crate::users::model::CurrentUser;
use crate::web::auth::policy::Action;
use crate::web::context::Ctx;
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/start", start_page);
}

async fn start_page(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::ManageOwnAccount, None).await?;
    let may = |action| ctx.allows(action, None);
    let (buyer, operator, city) = (may(Action::UseBuyerTools), may(Action::Operate), may(Action::ViewExactReports));
    let (today, closes) = (ctx.state.today(), ctx.state.config.figures.closes_after_days);
    let data = ctx
        .state
        .db(move |c| {
            let mut data = json!({ "nav": "start", "name": user.name, "wises": [], "saved_searches": [], "figures": null, "queues": null });
            if buyer && !operator {
                data["saved_searches"] = saved_searches(c, &user)?;
            }
            if !user.organisations.is_empty() {
                data["wises"] = wise_tasks(c, &user, today, closes)?;
            }
            if city || operator {
                data["figures"] = figures_state(c, today, closes)?;
            }
            if operator {
                data["queues"] = queues(c, today)?;
            }
            Ok(data)
        })
        .await?;
    ctx.render("start", data)
}

/// The buyer's saved searches with the link that runs each.
fn saved_searches(c: &mut DbConn, user: &CurrentUser) -> QueryResult<Value> {
    let searches = saved::list(c, user.id)?;
    Ok(json!(searches
        .iter()
        .map(|s| json!({ "name": s.name, "href": format!("/organisations?{}", s.query) }))
        .collect::<Vec<_>>()))
}

/// For each of the user's WISEs: its profile's state and a task per period that takes
/// figures (submitted or not, returned with a comment, accepted).
fn wise_tasks(c: &mut DbConn, user: &CurrentUser, today: chrono::NaiveDate, closes: i64) -> QueryResult<Value> {
    let open: Vec<Period> = periods::list(c)?.into_iter().filter(|p| p.status(today, closes).takes_figures()).collect();
    let mut wises = Vec::new();
    for wise in organisations::organisations_by_id(c, &user.organisations)? {
        let mut tasks = Vec::new();
        for period in &open {
            let state = figures::find(c, wise.id, period.id)?.map_or("missing".to_string(), |s| s.status);
            tasks.push(json!({
                "period": period.key,
                "due_on": period.due_on,
                "overdue": today > period.due_on,
                "state": state,
                "done": state == "accepted" || state == "submitted",
                "href": format!("/manage/organisations/{}/figures/{}", wise.kvk_number, period.key),
            }));
        }
        // Needs it was alerted to that still take answers, with its answer so far.
        let needs: Vec<Value> = needs::of_wise(c, wise.id)?
            .into_iter()
            .filter(|(need, _)| need.deadline >= today)
            .map(|(need, m)| {
                json!({ "title": need.title, "deadline": need.deadline, "response": m.response, "href": format!("/needs/{}", need.id) })
            })
            .collect();
        // Purchases claimed on it for social return that await its answer.
        let claims = crate::social_return::store::claims_on(c, &[wise.id])?;
        let claims_waiting = claims.iter().filter(|(e, _, _)| e.state == "pending").count();
        wises.push(json!({
            "needs": needs,
            "claims_waiting": claims_waiting,
            "name": wise.name,
            "kvk_number": wise.kvk_number,
            "status": wise.status,
            "public": Status::parse(&wise.status).is_some_and(Status::is_public),
            "slug": wise.slug,
            "tasks": tasks,
        }));
    }
    Ok(json!(wises))
}

/// The newest period past its opening: how many approved WISEs reported, how many
/// await review and how many are missing.
fn figures_state(c: &mut DbConn, today: chrono::NaiveDate, closes: i64) -> QueryResult<Value> {
    let newest = periods::list(c)?.into_iter().filter(|p| p.opens_on <= today).max_by_key(|p| p.opens_on);
    let Some(period) = newest else {
        return Ok(Value::Null);
    };
    let overview = review::overview(c, period, today, closes)?;
    Ok(json!({
        "period": overview.period.key,
        "due_on": overview.period.due_on,
        "approved": overview.approved,
        "reporting": overview.reporting,
        "awaiting_review": overview.awaiting_review,
        "missing": overview.missing,
        "response_rate_pct": overview.response_rate_pct,
    }))
}

/// The operator's queues: WISEs waiting for a decision, figures waiting for review,
/// certificates waiting for verification, mail that could not be delivered.
fn queues(c: &mut DbConn, today: chrono::NaiveDate) -> QueryResult<Value> {
    let statuses = crate::registry::store::status_counts(c)?;
    let pending = statuses.iter().find(|(s, _)| s == Status::Pending.as_str()).map_or(0, |(_, n)| *n);
    let to_review: i64 = submissions::table.filter(submissions::status.eq("submitted")).count().get_result(c)?;
    let mail = outbox::counts(c)?;
    let failed = mail.iter().find(|(s, _)| s == outbox::FAILED).map_or(0, |(_, n)| *n);
    let certificates = crate::organisation::certificates::claimed_count(c, today)?;
    Ok(json!({
        "pending_wises": pending,
        "submissions_to_review": to_review,
        "certificates_to_verify": certificates,
        "failed_mail": failed,
    }))
}
