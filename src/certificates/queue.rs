//! The operator's queue: `GET /admin/certificates?state=…` lists the certificates in a
//! state (claimed first: what waits for a decision, oldest claim first) with their WISE
//! and evidence; `POST /admin/certificates/{id}` verifies one (it needs evidence and a
//! date not passed) or rejects it (with a reason the WISE reads), audited, and the WISE
//! is told (`flow::decided`).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use diesel::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};

use super::{certificate_json, flow, record};
use crate::db::schema::{certificates, organisations};
use crate::db::write_tx;
use crate::organisation::certificates::{Certificate, State};
use crate::validation::{char_len, FieldError};
use crate::web::auth::policy::Action;
use crate::web::auth::session::CsrfForm;
use crate::web::context::Ctx;
use crate::web::form::see_other;
use crate::web::AppError;

#[derive(Deserialize)]
pub(super) struct QueueQuery {
    state: Option<String>,
    notice: Option<String>,
}

pub(super) async fn page(ctx: Ctx, query: web::Query<QueueQuery>) -> Result<HttpResponse, AppError> {
    ctx.require(Action::Operate, None).await?;
    let state = match query.state.as_deref() {
        None | Some("") => State::Claimed,
        Some(text) => State::parse(text).ok_or_else(|| {
            AppError::BadRequest(format!("state: {text:?} is not one of claimed, verified, rejected, expired"))
        })?,
    };
    let notice = match query.notice.as_deref() {
        Some("verified") => Some("certificate-notice-verified"),
        Some("rejected") => Some("certificate-notice-rejected"),
        _ => None,
    };
    render(&ctx, state, notice, None).await
}

/// The queue in `state`; `error` puts a refused decision at one certificate's form (422).
async fn render(
    ctx: &Ctx,
    state: State,
    notice: Option<&str>,
    error: Option<(i32, &str, &str)>,
) -> Result<HttpResponse, AppError> {
    let today = ctx.state.today();
    let (rows, counts) = ctx
        .state
        .db(move |c| {
            let rows: Vec<(Certificate, String, String)> = certificates::table
                .inner_join(organisations::table)
                .select((Certificate::as_select(), organisations::name, organisations::kvk_number))
                .order((certificates::claimed_at, certificates::id))
                .load(c)?;
            Ok(rows)
        })
        .await
        .map(|rows| {
            let mut counts = [0usize; 4];
            let mut shown = Vec::new();
            for (certificate, name, kvk) in rows {
                let now = certificate.state_on(today);
                counts[State::ALL.iter().position(|s| *s == now).unwrap_or(0)] += 1;
                if now == state {
                    shown.push((certificate, name, kvk));
                }
            }
            (shown, counts)
        })?;
    let list: Vec<Value> = rows
        .iter()
        .map(|(certificate, name, kvk)| {
            let mut row = certificate_json(certificate, today);
            row["wise"] = json!({ "name": name, "kvk_number": kvk });
            if let Some((_, key, note)) = error.filter(|(id, _, _)| *id == certificate.id) {
                row["error"] = json!(key);
                row["note"] = json!(note);
            }
            row
        })
        .collect();
    let tabs: Vec<Value> = State::ALL
        .iter()
        .zip(counts)
        .map(|(s, count)| json!({ "state": s.as_str(), "count": count, "current": *s == state }))
        .collect();
    let status = if error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    ctx.render_status(
        status,
        "admin/certificates",
        json!({
            "nav": "admin-certificates",
            "state": state.as_str(),
            "tabs": tabs,
            "certificates": list,
            "notice": notice,
            "has_error": error.is_some(),
        }),
    )
}

#[derive(Deserialize)]
pub(super) struct DecisionForm {
    decision: String,
    #[serde(default)]
    note: String,
}

/// Verifies or rejects a claimed certificate.
pub(super) async fn decide(
    ctx: Ctx,
    id: web::Path<i32>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::Operate, None).await?;
    let id = id.into_inner();
    let verify = match form.decision.as_str() {
        "verify" => true,
        "reject" => false,
        other => return Err(AppError::BadRequest(format!("decision: {other:?} is not verify or reject"))),
    };
    let note = form.note.trim().to_string();
    let refused = if !verify && note.is_empty() {
        Some("error-certificate-reason")
    } else if char_len(&note) > 1000 {
        Some("error-certificate-note-long")
    } else {
        None
    };
    if let Some(key) = refused {
        return render(&ctx, State::Claimed, None, Some((id, key, &note))).await;
    }
    let (now, today, ip, worker) = (ctx.state.now(), ctx.state.today(), ctx.client_ip(), ctx.state.get_ref().clone());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                let certificate = crate::organisation::certificates::one(c, id)?.ok_or(AppError::NotFound)?;
                let current = certificate.state_on(today);
                if current != State::Claimed {
                    return Err(AppError::Conflict(format!(
                        "certificate {id} is {}: only a claimed certificate is decided",
                        current.as_str()
                    )));
                }
                if verify && certificate.evidence_sha256.is_none() {
                    let key = "error-certificate-no-evidence";
                    return Err(AppError::Validation(vec![FieldError { field: "decision".into(), key }]));
                }
                let state = if verify { State::Verified } else { State::Rejected };
                diesel::update(certificates::table.find(id))
                    .set((
                        certificates::state.eq(state.as_str()),
                        certificates::decided_by.eq(user.id),
                        certificates::decided_at.eq(now),
                        certificates::decision_note.eq((!note.is_empty()).then_some(&note)),
                        certificates::verified_at.eq(verify.then_some(now)),
                    ))
                    .execute(c)?;
                let action = if verify { "certificate_verified" } else { "certificate_rejected" };
                let detail = format!(
                    "{} {} of organisation {}: {note}",
                    certificate.kind, certificate.name, certificate.organisation_id
                );
                record(c, &user, &ip, action, id, detail.trim_end_matches([':', ' ']), now)?;
                flow::decided(c, &worker.config, &worker.templates, id, now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    let notice = if verify { "verified" } else { "rejected" };
    Ok(see_other(&format!("/admin/certificates?notice={notice}")))
}
