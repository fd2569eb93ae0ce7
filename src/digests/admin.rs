//! The operator's outbox page: queued, sent and failed mails with their error, a
//! retry button for failed ones, and the last run of each digest kind.

use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::audit;
use crate::db::write_tx;
use crate::mail::outbox;
use crate::web::auth::policy::Action;
use crate::web::auth::session::{CsrfForm, Empty};
use crate::web::context::Ctx;
use crate::web::form::see_other;
use crate::web::{routes, AppError};

/// The most mails the page lists.
const SHOWN: i64 = 200;

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/admin/outbox", outbox_page);
    routes::post(cfg, "/admin/outbox/{id}/retry", retry);
}

#[derive(Deserialize)]
struct PageQuery {
    status: Option<String>,
    retried: Option<i32>,
}

/// `GET /admin/outbox[?status=pending|sent|failed]`.
async fn outbox_page(ctx: Ctx, query: web::Query<PageQuery>) -> Result<HttpResponse, AppError> {
    ctx.require(Action::Operate, None).await?;
    let status = query.status.clone().filter(|s| [outbox::PENDING, outbox::SENT, outbox::FAILED].contains(&s.as_str()));
    let filter = status.clone();
    let (mails, counts, runs) = ctx
        .state
        .db(move |c| Ok((outbox::list(c, filter.as_deref(), SHOWN)?, outbox::counts(c)?, super::last_runs(c)?)))
        .await?;
    let count = |s: &str| counts.iter().find(|(k, _)| k == s).map_or(0, |(_, n)| *n);
    let runs: Vec<_> = runs
        .into_iter()
        .map(|(kind, slot, mails, finished_at)| json!({ "kind": kind, "slot": slot, "mails": mails, "finished_at": finished_at }))
        .collect();
    ctx.render("digests/outbox",
        json!({
            "nav": "admin-outbox",
            "status": status,
            "mails": mails,
            "counts": { "pending": count(outbox::PENDING), "sent": count(outbox::SENT), "failed": count(outbox::FAILED) },
            "runs": runs,
            "retried": query.retried,
        }),
    )
}

/// `POST /admin/outbox/{id}/retry`: a failed mail goes back in the queue (audited).
async fn retry(ctx: Ctx, id: web::Path<i32>, CsrfForm(_): CsrfForm<Empty>) -> Result<HttpResponse, AppError> {
    let admin = ctx.require(Action::Operate, None).await?;
    let (id, now, ip) = (id.into_inner(), ctx.state.now(), ctx.client_ip());
    let retried = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                if !outbox::retry(c, id, now)? {
                    return Ok(false);
                }
                audit::Entry::by(admin.id, &admin.email, &ip, "mail_retried", &format!("outbox {id}"), "")
                    .record(c, now)?;
                Ok::<_, AppError>(true)
            })
        })
        .await?;
    if !retried {
        return Err(AppError::Conflict("only a failed mail can be sent again".into()));
    }
    Ok(see_other(&format!("/admin/outbox?retried={id}")))
}
