//! The WISEs' side: answering a need (interested, not interested with a reason, or
//! wanting to bid together), messages between WISEs that want to bid together; and the
//! buyer's view of the answers: a manual reminder to the silent WISEs and the CSV.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::flow::Env;
use super::mails::{self, Details};
use super::{load, record, store, Viewer};
use crate::db::write_tx;
use crate::validation::{char_len, FieldError};
use crate::vocab;
use crate::web::auth::session::{CsrfForm, Empty};
use crate::web::context::Ctx;
use crate::web::download::{csv_response, FormatQuery};
use crate::web::form::{safe_cell, see_other};
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::post(cfg, "/needs/{id}/respond", respond);
    routes::post(cfg, "/needs/{id}/messages", message);
    routes::post(cfg, "/needs/{id}/remind", remind);
    routes::get(cfg, "/needs/{id}/responses.csv", responses_csv);
}

/// Whether the nth interested WISE is worth a mail to the buyer: the 1st, the 3rd, every 5th.
pub fn tells_buyer(count: i64) -> bool {
    count == 1 || count == 3 || (count > 0 && count % 5 == 0)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RespondForm {
    response: String,
    message: String,
    answers: String,
    decline_reason: String,
    contact_ok: String,
}

async fn respond(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<RespondForm>,
) -> Result<HttpResponse, AppError> {
    let (user, need, viewer) = load(&ctx, path.into_inner()).await?;
    let Viewer::Wise(row) = viewer else {
        return Err(AppError::NotFound);
    };
    if !need.is_open(ctx.state.now().date()) {
        return Err(AppError::Conflict("the deadline of this need has passed".into()));
    }
    let mut errors = Vec::new();
    let response = form.response.trim();
    if !vocab::NEED_RESPONSES.contains(&response) {
        errors.push(FieldError { field: "response".into(), key: "error-required" });
    }
    let reason = form.decline_reason.trim();
    if response == "declined" && !vocab::DECLINE_REASONS.contains(&reason) {
        errors.push(FieldError { field: "decline_reason".into(), key: "error-required" });
    }
    for (field, text) in [("message", &form.message), ("answers", &form.answers)] {
        if char_len(text.trim()) > 5000 {
            errors.push(FieldError { field: field.into(), key: "error-too-long" });
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let optional = |t: &str| Some(t.trim().to_string()).filter(|t| !t.is_empty());
    let (message, answers) = (optional(&form.message), optional(&form.answers));
    let decline = (response == "declined").then(|| reason.to_string());
    let contact_ok = response == "joint" || matches!(form.contact_ok.as_str(), "on" | "true");
    let response = response.to_string();
    let (now, ip, worker, id, organisation) =
        (ctx.state.now(), ctx.client_ip(), ctx.state.get_ref().clone(), need.id, row.organisation_id);
    let was_interested = row.is_interested();
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                let answer = store::Response {
                    response: &response,
                    message: message.as_deref(),
                    answers: answers.as_deref(),
                    decline_reason: decline.as_deref(),
                    contact_ok,
                };
                if !store::respond(c, id, organisation, &answer, now)? {
                    return Err(AppError::NotFound);
                }
                let wise = crate::organisation::store::organisations_by_id(c, &[organisation])?
                    .into_iter()
                    .next()
                    .map(|m| m.name)
                    .unwrap_or_default();
                let buyer =
                    crate::buying::store::by_id(c, need.buying_organisation_id)?.map(|b| b.name).unwrap_or_default();
                let interested = matches!(response.as_str(), "interested" | "joint");
                if interested && !was_interested {
                    let count = store::interested_count(c, id)?;
                    if tells_buyer(count) {
                        let contacts = mails::buyer_contacts(c, &need)?;
                        let details = Details {
                            wise: Some(&wise),
                            count: Some(count),
                            extra: Some(count.to_string()),
                            ..Details::default()
                        };
                        mails::send(c, &Env::of(&worker, now), &need, &buyer, "interest", &contacts, details)?;
                    }
                }
                if response == "joint" {
                    let operators = mails::operators(c)?;
                    let details =
                        Details { wise: Some(&wise), extra: Some(organisation.to_string()), ..Details::default() };
                    mails::send(c, &Env::of(&worker, now), &need, &buyer, "joint", &operators, details)?;
                }
                record(c, &user, &ip, "need_answered", id, &format!("organisation {organisation}: {response}"), now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other(&format!("/needs/{id}?notice=answered")))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MessageForm {
    to: String,
    body: String,
}

/// A WISE that wants to bid together writes to another interested WISE that agreed to be contacted.
async fn message(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<MessageForm>,
) -> Result<HttpResponse, AppError> {
    let (user, need, viewer) = load(&ctx, path.into_inner()).await?;
    let Viewer::Wise(row) = viewer else {
        return Err(AppError::NotFound);
    };
    let body = form.body.trim().to_string();
    if body.is_empty() || char_len(&body) > 5000 {
        let key = if body.is_empty() { "error-required" } else { "error-too-long" };
        return Err(AppError::Validation(vec![FieldError { field: "body".into(), key }]));
    }
    let to: i32 = form
        .to
        .trim()
        .parse()
        .map_err(|_| AppError::Validation(vec![FieldError { field: "to".into(), key: "error-required" }]))?;
    if row.response.as_deref() != Some("joint") {
        return Err(AppError::Conflict("answer 'want to bid together' first".into()));
    }
    let (now, ip, worker, id, from) =
        (ctx.state.now(), ctx.client_ip(), ctx.state.get_ref().clone(), need.id, row.organisation_id);
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                let partner = store::match_of(c, id, to)?
                    .filter(|m| m.is_interested() && m.contact_ok && m.removed_at.is_none() && to != from)
                    .ok_or(AppError::NotFound)?;
                use crate::db::schema::need_messages;
                use diesel::prelude::*;
                diesel::insert_into(need_messages::table)
                    .values((
                        need_messages::need_id.eq(id),
                        need_messages::from_organisation_id.eq(from),
                        need_messages::to_organisation_id.eq(partner.organisation_id),
                        need_messages::body.eq(&body),
                        need_messages::created_at.eq(now),
                    ))
                    .execute(c)?;
                let sender = crate::organisation::store::organisations_by_id(c, &[from])?
                    .into_iter()
                    .next()
                    .map(|m| m.name)
                    .unwrap_or_default();
                let buyer =
                    crate::buying::store::by_id(c, need.buying_organisation_id)?.map(|b| b.name).unwrap_or_default();
                let contacts = mails::wise_contacts(c, partner.organisation_id)?;
                let details = Details {
                    wise: Some(&sender),
                    comment: Some(&body),
                    extra: Some(format!("{from}:{}", now.and_utc().timestamp_micros())),
                    ..Details::default()
                };
                mails::send(c, &Env::of(&worker, now), &need, &buyer, "message", &contacts, details)?;
                record(c, &user, &ip, "need_message_sent", id, &format!("{from} to {to}"), now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other(&format!("/needs/{id}?notice=message-sent")))
}

/// The buyer reminds the WISEs that were alerted and did not answer: at most
/// `max_manual_reminders` times, never after the deadline.
async fn remind(ctx: Ctx, path: web::Path<i32>, _: CsrfForm<Empty>) -> Result<HttpResponse, AppError> {
    let (user, need, viewer) = load(&ctx, path.into_inner()).await?;
    let Viewer::Buyer(buyer) = viewer else {
        return Err(AppError::NotFound);
    };
    let now = ctx.state.now();
    if !need.is_open(now.date()) {
        return Err(AppError::Conflict("reminders can be sent only while the need is open".into()));
    }
    if need.reminders_sent >= ctx.state.config.needs.max_manual_reminders {
        return Err(AppError::Conflict("the reminders of this need have all been sent".into()));
    }
    let (ip, worker, id) = (ctx.client_ip(), ctx.state.get_ref().clone(), need.id);
    let sent = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                use crate::db::schema::needs;
                use diesel::prelude::*;
                let changed = diesel::update(needs::table.find(id))
                    .filter(needs::reminders_sent.eq(need.reminders_sent))
                    .set(needs::reminders_sent.eq(need.reminders_sent + 1))
                    .execute(c)?;
                if changed != 1 {
                    return Err(AppError::Conflict("a reminder was sent at the same moment".into()));
                }
                let round = (need.reminders_sent + 1).to_string();
                let mut sent = 0;
                for (m, wise, _, _) in store::matches(c, id)? {
                    if m.alerted_at.is_none() || m.removed_at.is_some() || m.response.is_some() {
                        continue;
                    }
                    let contacts = mails::wise_contacts(c, m.organisation_id)?;
                    let details = Details { wise: Some(&wise), extra: Some(round.clone()), ..Details::default() };
                    sent += mails::send(
                        c,
                        &Env::of(&worker, now),
                        &need,
                        &buyer.name,
                        "manual-reminder",
                        &contacts,
                        details,
                    )?;
                }
                record(c, &user, &ip, "need_reminder_sent", id, &format!("{sent} mails"), now)?;
                Ok::<_, AppError>(sent)
            })
        })
        .await?;
    let notice = if sent == 0 { "reminded-nobody" } else { "reminded" };
    Ok(see_other(&format!("/needs/{id}?notice={notice}")))
}

/// The answers as CSV (for a spreadsheet with `?format=excel`): the buyer and the operator.
async fn responses_csv(
    ctx: Ctx,
    path: web::Path<i32>,
    format: web::Query<FormatQuery>,
) -> Result<HttpResponse, AppError> {
    let (_, need, viewer) = load(&ctx, path.into_inner()).await?;
    if matches!(viewer, Viewer::Wise(_)) {
        return Err(AppError::NotFound);
    }
    let base = ctx.state.config.base_url().to_string();
    let name = format!("need-{}-responses", need.id);
    let body = ctx
        .state
        .db(move |c| {
            let eligibility = crate::catalogue::eligibility::for_approved(c)?;
            let mut out = csv::Writer::from_writer(Vec::new());
            let fail = |e: csv::Error| AppError::Internal(e.into());
            out.write_record([
                "kvk_number",
                "name",
                "alerted_at",
                "opened_at",
                "response",
                "decline_reason",
                "message",
                "answers",
                "reserved_eligible",
                "profile_url",
            ])
            .map_err(fail)?;
            let stamp = |t: Option<chrono::NaiveDateTime>| {
                t.map(|t| t.format("%Y-%m-%d %H:%M").to_string()).unwrap_or_default()
            };
            for (m, name, slug, kvk) in store::matches(c, need.id)? {
                if m.alerted_at.is_none() || m.removed_at.is_some() {
                    continue;
                }
                let eligible = eligibility.get(&m.organisation_id).is_some_and(|r| r.eligible);
                out.write_record([
                    safe_cell(&kvk),
                    safe_cell(&name),
                    stamp(m.alerted_at),
                    stamp(m.opened_at),
                    m.response.clone().unwrap_or_default(),
                    m.decline_reason.clone().unwrap_or_default(),
                    safe_cell(m.message.as_deref().unwrap_or("")),
                    safe_cell(m.answers.as_deref().unwrap_or("")),
                    eligible.to_string(),
                    format!("{base}/organisations/{slug}"),
                ])
                .map_err(fail)?;
            }
            out.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))
        })
        .await?;
    csv_response(ctx.lang(), &format, &name, body)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_buyer_hears_of_the_first_third_and_every_fifth() {
        let told: Vec<i64> = (1..=16).filter(|n| super::tells_buyer(*n)).collect();
        assert_eq!(told, vec![1, 3, 5, 10, 15]);
    }
}
