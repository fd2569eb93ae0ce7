//! Buyer tools (role `buyer`, and the operator): a shortlist of WISEs with a CSV
//! export, and enquiries to a WISE, mailed through the outbox with a copy to the buyer.

pub mod organisations;
pub mod register;
pub mod saved;
pub mod store;

use crate::web::download::{csv_response, FormatQuery};
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::Duration;
use serde::Deserialize;
use serde_json::json;

use crate::audit;
use crate::db::write_tx;
use crate::i18n::Lang;
use crate::mail::{self, outbox};
use crate::validation::{Errors, FieldError};
use crate::web::auth::policy::Action;
use crate::web::auth::session::CsrfForm;
use crate::web::context::Ctx;
use crate::web::form::field_errors;
use crate::web::form::safe_cell;
use crate::web::page::safe_local_path;
use crate::web::{routes, AppError};

/// Enquiries one buyer may send per hour.
pub const ENQUIRIES_PER_HOUR: u32 = 10;

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/shortlist", shortlist_page);
    routes::get(cfg, "/shortlist.csv", shortlist_csv);
    routes::post(cfg, "/shortlist", add);
    routes::post(cfg, "/shortlist/{kvk}/remove", remove);
    routes::post(cfg, "/organisations/{slug}/enquiry", enquire);
    saved::routes(cfg);
    organisations::routes(cfg);
    register::routes(cfg);
}

async fn shortlist_page(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::UseBuyerTools, None).await?;
    let items = ctx.state.db(move |c| Ok(store::list(c, user.id)?)).await?;
    ctx.render("buyers/shortlist", json!({ "nav": "shortlist", "items": items }))
}

async fn shortlist_csv(ctx: Ctx, format: web::Query<FormatQuery>) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::UseBuyerTools, None).await?;
    let items = ctx.state.db(move |c| Ok(store::list(c, user.id)?)).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| AppError::Internal(e.into());
    out.write_record(["kvk_number", "name", "municipality", "district", "sectors", "email", "profile_url"])
        .map_err(fail)?;
    let base = ctx.state.config.base_url();
    let ids: Vec<i32> = items.iter().map(|s| s.id).collect();
    let emails = ctx.state.db(move |c| Ok(contact_emails(c, &ids)?)).await?;
    for s in &items {
        out.write_record([
            safe_cell(&s.kvk_number),
            safe_cell(&s.name),
            safe_cell(&s.municipality),
            safe_cell(s.district.as_deref().unwrap_or("")),
            s.sectors.join("|"),
            safe_cell(emails.get(&s.id).map_or("", String::as_str)),
            format!("{base}/organisations/{}", s.slug),
        ])
        .map_err(fail)?;
    }
    let body = out.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    csv_response(ctx.lang(), &format, "shortlist", body)
}

fn contact_emails(
    conn: &mut crate::db::DbConn,
    ids: &[i32],
) -> diesel::QueryResult<std::collections::HashMap<i32, String>> {
    use crate::db::schema::organisations;
    use diesel::prelude::*;
    let rows: Vec<(i32, Option<String>)> = organisations::table
        .filter(organisations::id.eq_any(ids))
        .select((organisations::id, organisations::email))
        .load(conn)?;
    Ok(rows.into_iter().filter_map(|(id, email)| email.map(|e| (id, e))).collect())
}

#[derive(Deserialize)]
struct ShortlistForm {
    kvk: String,
    next: Option<String>,
}

async fn add(ctx: Ctx, CsrfForm(form): CsrfForm<ShortlistForm>) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::UseBuyerTools, None).await?;
    let (kvk, now) = (form.kvk.trim().to_string(), ctx.state.now());
    if !ctx.state.db(move |c| Ok(store::add(c, user.id, &kvk, now)?)).await? {
        return Err(AppError::NotFound);
    }
    Ok(crate::web::form::see_other(&with_notice(safe_local_path(form.next.as_deref()), "shortlisted")))
}

async fn remove(
    ctx: Ctx,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<NextForm>,
) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::UseBuyerTools, None).await?;
    let kvk = path.into_inner();
    if !ctx.state.db(move |c| Ok(store::remove(c, user.id, &kvk)?)).await? {
        return Err(AppError::NotFound);
    }
    let next = form.next.as_deref().filter(|n| !n.is_empty()).unwrap_or("/shortlist");
    Ok(crate::web::form::see_other(&with_notice(safe_local_path(Some(next)), "unlisted")))
}

#[derive(Deserialize)]
struct NextForm {
    next: Option<String>,
}

/// A local path with `notice=…` added to its query.
fn with_notice(path: &str, notice: &str) -> String {
    let separator = if path.contains('?') { '&' } else { '?' };
    format!("{path}{separator}notice={notice}")
}

#[derive(Deserialize)]
struct EnquiryForm {
    subject: String,
    message: String,
}

/// Sends an enquiry: recorded, mailed to the WISE's contacts with a copy to the
/// buyer, and audited, in one transaction; at most [`ENQUIRIES_PER_HOUR`] per buyer.
async fn enquire(
    ctx: Ctx,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<EnquiryForm>,
) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::UseBuyerTools, None).await?;
    let slug = path.into_inner();
    let subject = form.subject.trim().to_string();
    let message = form.message.trim().to_string();
    let mut e = Errors::default();
    e.check(!subject.is_empty(), "subject", "error-required");
    e.check(subject.chars().count() <= 200, "subject", "error-too-long");
    e.check(!message.is_empty(), "message", "error-required");
    e.check(message.chars().count() <= 5000, "message", "error-too-long");
    if let Err(errors) = e.into_result() {
        return enquiry_form_again(&ctx, slug, &form, &errors).await;
    }
    ctx.state
        .limiter
        .hit(&format!("enquiry:user:{}", user.id), ENQUIRIES_PER_HOUR, Duration::hours(1), ctx.state.clock.now())
        .map_err(|retry_after| AppError::TooManyRequests { retry_after })?;
    let (now, ip, worker) = (ctx.state.now(), ctx.client_ip(), ctx.state.get_ref().clone());
    let today = ctx.state.today();
    let target_slug = slug.clone();
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                let profile = crate::catalogue::store::public_profile(
                    c,
                    crate::catalogue::store::Key::Slug(&target_slug),
                    today,
                )?
                .ok_or(AppError::NotFound)?;
                let wise = &profile.organisation;
                store::record_enquiry(c, user.id, wise.id, &subject, &message, now)?;
                let data = json!({
                    "buyer_name": user.name,
                    "buyer_email": user.email,
                    "wise_name": wise.name,
                    "subject": subject,
                    "message": message,
                    "link": format!("{}/organisations/{}", worker.config.base_url(), wise.slug),
                    "unsubscribe_url": null,
                });
                for (email, language) in store::contacts(c, wise.id)? {
                    let lang = Lang::parse(&language).unwrap_or(Lang::Nl);
                    let mail = mail::render(&worker.templates, "enquiry", lang, &email, data.clone())?;
                    outbox::enqueue(c, &mail, None, now)?;
                }
                let lang = Lang::parse(&user.language).unwrap_or(Lang::Nl);
                let copy = mail::render(&worker.templates, "enquiry-copy", lang, &user.email, data)?;
                outbox::enqueue(c, &copy, None, now)?;
                audit::Entry::by(user.id, &user.email, &ip, "enquiry_sent", &wise.kvk_number, "").record(c, now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(crate::web::form::see_other(&format!("/organisations/{slug}?notice=enquiry-sent")))
}

async fn enquiry_form_again(
    ctx: &Ctx,
    slug: String,
    form: &EnquiryForm,
    errors: &[FieldError],
) -> Result<HttpResponse, AppError> {
    let extra = json!({
        "enquiry": { "subject": form.subject, "message": form.message },
        "enquiry_errors": field_errors(&["subject", "message"], errors),
    });
    crate::catalogue::render_profile(ctx, slug, StatusCode::UNPROCESSABLE_ENTITY, extra).await
}
