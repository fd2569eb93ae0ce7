//! Certificates that are verified: a WISE sees the state of each certificate its
//! profile claims and adds the evidence (a PDF or a picture, at most
//! `[certificates] max_evidence_bytes`, kept under its checksum in `evidence_dir` and
//! served only to the WISE and the operator); the operator verifies or rejects from a
//! queue (`queue.rs`); the mails — to the operator for each claim, to the WISE on a
//! decision and before and on expiry — are in `flow.rs`. The rows and the rule of what
//! counts are the entity's (`organisation::certificates`).

pub mod flow;
mod queue;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::db::schema::certificates;
use crate::db::write_tx;
use crate::organisation::certificates::{self as entity, Certificate, State};
use crate::organisation::model::Organisation;
use crate::users::model::CurrentUser;
use crate::web::auth::policy::Action;
use crate::web::context::Ctx;
use crate::web::files;
use crate::web::form::see_other;
use crate::web::upload::{read_file_form, ReadError};
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/manage/organisations/{kvk}/certificates", page);
    routes::post(cfg, "/manage/organisations/{kvk}/certificates/{certificate}/evidence", upload);
    routes::get(cfg, "/manage/organisations/{kvk}/certificates/{certificate}/evidence", download);
    routes::get(cfg, "/admin/certificates", queue::page);
    routes::post(cfg, "/admin/certificates/{certificate}", queue::decide);
}

/// The messages of the evidence field.
const REFUSALS: files::RefusalKeys = files::RefusalKeys {
    empty: "error-evidence-empty",
    too_large: "error-evidence-too-large",
    kind: "error-evidence-kind",
    content: "error-evidence-content",
    name: "error-evidence-name",
};

/// A certificate as the WISE's page and the operator's queue show it.
pub(crate) fn certificate_json(c: &Certificate, today: NaiveDate) -> Value {
    json!({
        "id": c.id,
        "kind": c.kind,
        "name": c.name,
        "valid_until": c.valid_until,
        "state": c.state_on(today).as_str(),
        "claimed_at": c.claimed_at,
        "evidence": c.evidence_name.as_ref().map(|name| json!({
            "name": name,
            "size_kb": (c.evidence_size.unwrap_or(0).max(0) as u64).div_ceil(1024),
            "at": c.evidence_at,
        })),
        "decided_at": c.decided_at,
        "decision_note": c.decision_note,
        "verified_at": c.verified_at,
        // Evidence can be added while it awaits the operator or after a rejection.
        "open": open_for_evidence(c, today).is_ok(),
    })
}

#[derive(Deserialize)]
struct PageQuery {
    notice: Option<String>,
}

/// `GET /manage/organisations/{kvk}/certificates`: the WISE's certificates with their
/// state, the evidence, and a form to add evidence to each one awaiting the operator.
async fn page(ctx: Ctx, kvk: web::Path<String>, query: web::Query<PageQuery>) -> Result<HttpResponse, AppError> {
    let (_, organisation) = ctx.wise_for(&kvk, Action::EditOrganisation).await?;
    let notice = match query.notice.as_deref() {
        Some("evidence-added") => Some("certificate-notice-evidence-added"),
        Some("claimed") => Some("certificate-notice-claimed"),
        _ => None,
    };
    render(&ctx, &organisation, StatusCode::OK, notice, None).await
}

/// The WISE's page; `error` puts a refusal at one certificate's evidence field.
async fn render(
    ctx: &Ctx,
    organisation: &Organisation,
    status: StatusCode,
    notice: Option<&str>,
    error: Option<(i32, &str)>,
) -> Result<HttpResponse, AppError> {
    let (id, today) = (organisation.id, ctx.state.today());
    let list = ctx.state.db(move |c| Ok(entity::of_organisation(c, id)?)).await?;
    let rows: Vec<Value> = list
        .iter()
        .map(|c| {
            let mut row = certificate_json(c, today);
            if let Some((_, key)) = error.filter(|(failed, _)| *failed == c.id) {
                row["error"] = json!(key);
            }
            row
        })
        .collect();
    let max_mb = ctx.state.config.certificates.max_evidence_bytes.div_ceil(1024 * 1024);
    ctx.render_status(
        status,
        "manage/certificates",
        json!({
            "nav": "manage",
            "section": "certificates",
            "organisation": organisation.page_heading(),
            "certificates": rows,
            "max_mb": max_mb,
            "notice": notice,
            "has_error": error.is_some(),
        }),
    )
}

/// The WISE's certificate `id`, or 404.
async fn certificate_of(ctx: &Ctx, organisation: &Organisation, id: i32) -> Result<Certificate, AppError> {
    let owner = organisation.id;
    ctx.state
        .db(move |c| Ok(entity::one(c, id)?))
        .await?
        .filter(|c| c.organisation_id == owner)
        .ok_or(AppError::NotFound)
}

/// `POST …/certificates/{id}/evidence`: the WISE adds (or replaces) the evidence of a
/// certificate awaiting the operator or rejected; a rejected one is claimed again, and
/// the operator hears of it either way.
async fn upload(ctx: Ctx, path: web::Path<(String, i32)>, payload: web::Payload) -> Result<HttpResponse, AppError> {
    let (kvk, id) = path.into_inner();
    let max = ctx.state.config.certificates.max_evidence_bytes;
    let form = match read_file_form(&ctx.req, payload, usize::try_from(max).unwrap_or(usize::MAX)).await {
        Ok(form) => Some(form),
        Err(ReadError::TooLarge) => None,
        Err(ReadError::Bad(message)) => return Err(AppError::BadRequest(message)),
    };
    if form.as_ref().is_some_and(|f| !f.csrf_ok(&ctx.identity)) {
        return Err(AppError::CsrfRejected);
    }
    let (user, organisation) = ctx.wise_for(&kvk, Action::EditOrganisation).await?;
    let today = ctx.state.today();
    open_for_evidence(&certificate_of(&ctx, &organisation, id).await?, today)?;
    let checked = form.ok_or(files::Refusal::TooLarge).and_then(|form| {
        let name = files::clean_name(form.file_name.as_deref().unwrap_or(""))?;
        let content_type = files::kind_of(&name, &form.file, max, files::EVIDENCE)?;
        Ok((name, content_type, form.file))
    });
    let (name, content_type, bytes) = match checked {
        Ok(ok) => ok,
        Err(refusal) => {
            let error = (id, refusal.key(&REFUSALS));
            return render(&ctx, &organisation, StatusCode::UNPROCESSABLE_ENTITY, None, Some(error)).await;
        }
    };
    let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    let sha256 = files::store_async(ctx.state.config.certificates.evidence_dir.clone(), bytes).await?;
    let (now, ip, worker) = (ctx.state.now(), ctx.client_ip(), ctx.state.get_ref().clone());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                // Checked again in the transaction: the operator may have decided meanwhile.
                let certificate = entity::one(c, id)?.ok_or(AppError::NotFound)?;
                // New evidence for a rejected certificate makes it a new claim.
                let claimed_at = match open_for_evidence(&certificate, today)? {
                    State::Rejected => now,
                    _ => certificate.claimed_at,
                };
                diesel::update(certificates::table.find(id))
                    .set((
                        certificates::evidence_name.eq(&name),
                        certificates::evidence_type.eq(content_type),
                        certificates::evidence_size.eq(size),
                        certificates::evidence_sha256.eq(&sha256),
                        certificates::evidence_at.eq(now),
                        certificates::state.eq(State::Claimed.as_str()),
                        certificates::claimed_at.eq(claimed_at),
                    ))
                    .execute(c)?;
                let detail = format!("{name} ({size} bytes, sha256 {sha256})");
                record(c, &user, &ip, "certificate_evidence_added", id, &detail, now)?;
                flow::claimed(c, &worker.config, &worker.templates, &[id], now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other(&format!("/manage/organisations/{kvk}/certificates?notice=evidence-added#certificate-{id}")))
}

/// The certificate's state on `today` if evidence may be added to it (claimed or
/// rejected), else 409.
fn open_for_evidence(certificate: &Certificate, today: NaiveDate) -> Result<State, AppError> {
    match certificate.state_on(today) {
        state @ (State::Claimed | State::Rejected) => Ok(state),
        state => Err(AppError::Conflict(format!(
            "certificate {} is {}: evidence is added to a claimed or rejected certificate",
            certificate.id,
            state.as_str()
        ))),
    }
}

/// `GET …/certificates/{id}/evidence`: the evidence, to the WISE and the operator only,
/// checked against its checksum.
async fn download(ctx: Ctx, path: web::Path<(String, i32)>) -> Result<HttpResponse, AppError> {
    let (kvk, id) = path.into_inner();
    let (_, organisation) = ctx.wise_for(&kvk, Action::EditOrganisation).await?;
    let certificate = certificate_of(&ctx, &organisation, id).await?;
    let (Some(sha256), Some(name), Some(content_type)) =
        (&certificate.evidence_sha256, &certificate.evidence_name, &certificate.evidence_type)
    else {
        return Err(AppError::NotFound);
    };
    let dir = &ctx.state.config.certificates.evidence_dir;
    files::serve(dir, sha256, name, content_type, &format!("the evidence of certificate {id}")).await
}

/// One audit entry about certificate `id`, in the caller's transaction.
fn record(
    c: &mut crate::db::DbConn,
    user: &CurrentUser,
    ip: &str,
    action: &str,
    id: i32,
    detail: &str,
    now: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    let target = format!("certificate {id}");
    Ok(crate::audit::Entry::by(user.id, &user.email, ip, action, &target, detail).record(c, now)?)
}
