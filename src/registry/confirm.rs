//! Confirming the email address of a registration (`/register/confirm`), and sending the link again.

use super::*;
use crate::web::context::Ctx;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct TokenForm {
    pub(super) token: String,
}

pub(super) fn link_invalid(ctx: &Ctx) -> Result<HttpResponse, AppError> {
    ctx.render_status(StatusCode::GONE, "registry/link-invalid", json!({ "nav": "register" }))
}

/// Shows what the link confirms and a button; following a link (mail scanners do)
/// changes nothing.
pub(super) async fn confirm_page(ctx: Ctx, query: web::Query<TokenForm>) -> Result<HttpResponse, AppError> {
    let token = query.into_inner().token;
    let (lookup, now) = (token.clone(), ctx.state.now());
    let Some(found) = ctx.state.db(move |c| Ok(store::peek_confirmation(c, &lookup, now)?)).await? else {
        return link_invalid(&ctx);
    };
    let data = json!({
        "nav": "register",
        "token": token,
        "organisation": found.organisation_name,
        "email": found.user.email,
    });
    ctx.render("registry/confirm", data)
}

/// Uses the link up, marks the address confirmed and tells the operators that an
/// application awaits them, in one transaction.
pub(super) async fn confirm(ctx: Ctx, CsrfForm(form): CsrfForm<TokenForm>) -> Result<HttpResponse, AppError> {
    let ip = ctx.client_ip();
    let (now, worker) = (ctx.state.now(), ctx.state.get_ref().clone());
    let confirmed = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let Some(found) = store::consume_confirmation(c, &form.token, now)? else {
                    return Ok(None);
                };
                for operator in store::operators(c)? {
                    let lang = Lang::parse(&operator.language).unwrap_or(Lang::Nl);
                    let data = json!({
                        "name": operator.name,
                        "organisation": found.organisation_name,
                        "kvk": found.kvk_number,
                        "link": format!("{}/admin/organisations/{}", worker.config.base_url(), found.organisation_id),
                        "unsubscribe_url": null,
                    });
                    let mail = mail::render(&worker.templates, "registration-received", lang, &operator.email, data)?;
                    outbox::enqueue(c, &mail, None, now)?;
                }
                audit::Entry::by(
                    found.user.id,
                    &found.user.email,
                    &ip,
                    "registration_email_confirmed",
                    &format!("organisation {}", found.kvk_number),
                    "",
                )
                .record(c, now)?;
                Ok::<_, AppError>(Some(found.organisation_name))
            })
        })
        .await?;
    match confirmed {
        Some(organisation) => {
            ctx.render("registry/confirmed", json!({ "nav": "register", "organisation": organisation }))
        }
        None => link_invalid(&ctx),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct ResendForm {
    pub(super) email: String,
}

/// Sends a new confirmation link when the address belongs to an application that
/// awaits one; the answer is the same either way.
pub(super) async fn resend(ctx: Ctx, CsrfForm(form): CsrfForm<ResendForm>) -> Result<HttpResponse, AppError> {
    let ip = ctx.client_ip();
    let email = normalise_email(&form.email);
    limit(&ctx.state, &attempt_keys(&ctx.state, "register-resend", &ip, &email))?;
    let (now, valid_for, worker) = (ctx.state.now(), confirmation_lifetime(&ctx.state), ctx.state.get_ref().clone());
    let lookup = email.clone();
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                let Some(Confirmation { organisation_id, organisation_name, kvk_number, user }) =
                    store::awaiting_confirmation(c, &lookup)?
                else {
                    return Ok(());
                };
                let token = store::create_confirmation(c, organisation_id, now, valid_for)?;
                let data = json!({
                    "name": user.name,
                    "organisation": organisation_name,
                    "link": worker.link("/register/confirm", &token),
                    "days": valid_for.num_days(),
                    "unsubscribe_url": null,
                });
                let lang = Lang::parse(&user.language).unwrap_or(Lang::Nl);
                let mail = mail::render(&worker.templates, "registration-confirm", lang, &user.email, data)?;
                outbox::enqueue(c, &mail, None, now)?;
                audit::Entry::by(
                    user.id,
                    &user.email,
                    &ip,
                    "registration_link_resent",
                    &format!("organisation {kvk_number}"),
                    "",
                )
                .record(c, now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    ctx.render("registry/sent", json!({ "nav": "register", "email": email, "resent": true }))
}
