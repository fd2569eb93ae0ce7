//! Forgotten passwords and invitations: single-use links, and the rule for a new password.

use super::*;
use crate::web::context::Ctx;

pub(super) async fn forgot_page(ctx: Ctx) -> Result<HttpResponse, AppError> {
    ctx.render("accounts/forgot", json!({ "nav": "sign-in", "sent": false }))
}

#[derive(Deserialize)]
pub(super) struct ForgotForm {
    email: String,
}

/// Reset mails one account receives per hour at most.
pub const RESET_MAILS_PER_HOUR: u32 = 3;

/// Sends a reset link when the address belongs to an active user; the answer is the
/// same either way, so the form does not reveal who has an account.
pub(super) async fn forgot(ctx: Ctx, CsrfForm(form): CsrfForm<ForgotForm>) -> Result<HttpResponse, AppError> {
    let ip = ctx.client_ip();
    let email = store::normalise_email(&form.email);
    limit(&ctx.state, &attempt_keys(&ctx.state, "reset", &ip, &email))?;
    let now = ctx.state.now();
    let valid_for = Duration::minutes(ctx.state.config.auth.reset_link_minutes);
    let worker = ctx.state.clone();
    let audit_ip = ip.clone();
    // However many addresses ask, one account gets at most this many reset mails an
    // hour; past that the answer stays the same and nothing is sent.
    let flood = ctx
        .state
        .limiter
        .hit(
            &format!("reset-mail:{}", secret::digest(&email)),
            RESET_MAILS_PER_HOUR,
            Duration::hours(1),
            ctx.state.clock.now(),
        )
        .is_err();
    ctx.state
        .db(move |c| {
            let Some(user) = store::find_by_email(c, &email)?.filter(|_| !flood) else {
                let entry = audit::Entry {
                    actor: Actor::Anonymous { claimed: Some(&email) },
                    ip: Some(&audit_ip),
                    action: "password_reset_requested",
                    target: "",
                    detail: if flood { "hourly limit reached; nothing sent" } else { "unknown account" },
                };
                return Ok(audit::record(c, now, entry)?);
            };
            if user.disabled {
                return Ok(());
            }
            write_tx(c, |c| {
                let token = store::create_link(c, LinkPurpose::Reset, user.id, now, valid_for)?;
                let lang = Lang::parse(&user.language).unwrap_or(Lang::Nl);
                let data = json!({
                    "name": user.name,
                    "link": worker.link("/password/reset", &token),
                    "minutes": worker.config.auth.reset_link_minutes,
                    "unsubscribe_url": null,
                });
                let email = mail::render(&worker.templates, "password-reset", lang, &user.email, data)?;
                outbox::enqueue(c, &email, None, now)?;
                audit::Entry::by(user.id, &user.email, &audit_ip, "password_reset_requested", "", "").record(c, now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    ctx.render("accounts/forgot", json!({ "nav": "sign-in", "sent": true }))
}

#[derive(Deserialize)]
pub(super) struct TokenQuery {
    token: Option<String>,
}

/// The set-a-password form behind a link, or the page saying the link no longer works.
pub(super) async fn link_page(
    ctx: &Ctx,
    purpose: LinkPurpose,
    token: Option<String>,
) -> Result<HttpResponse, AppError> {
    let now = ctx.state.now();
    let token = token.unwrap_or_default();
    let lookup = token.clone();
    let user = ctx.state.db(move |c| Ok(store::peek_link(c, purpose, &lookup, now)?)).await?;
    let Some(user) = user else {
        return link_invalid(ctx);
    };
    set_password_form(ctx, purpose, &token, &user.email, StatusCode::OK, &[])
}

pub(super) fn link_invalid(ctx: &Ctx) -> Result<HttpResponse, AppError> {
    ctx.render_status(StatusCode::GONE, "accounts/link-invalid", json!({ "nav": "sign-in" }))
}

pub(super) fn set_password_form(
    ctx: &Ctx,
    purpose: LinkPurpose,
    token: &str,
    email: &str,
    status: StatusCode,
    errors: &[FieldError],
) -> Result<HttpResponse, AppError> {
    let (action, invitation) = match purpose {
        LinkPurpose::Reset => ("/password/reset", false),
        LinkPurpose::Invite => ("/invitation", true),
        LinkPurpose::BuyerConfirm => unreachable!("a buyer's confirmation link sets no password"),
    };
    ctx.render_status(
        status,
        "accounts/set-password",
        json!({
            "nav": "sign-in",
            "action": action,
            "invitation": invitation,
            "token": token,
            "email": email,
            "errors": field_errors(&["password", "password_confirm"], errors),
        }),
    )
}

pub(super) async fn reset_page(ctx: Ctx, query: web::Query<TokenQuery>) -> Result<HttpResponse, AppError> {
    link_page(&ctx, LinkPurpose::Reset, query.into_inner().token).await
}

pub(super) async fn invitation_page(ctx: Ctx, query: web::Query<TokenQuery>) -> Result<HttpResponse, AppError> {
    link_page(&ctx, LinkPurpose::Invite, query.into_inner().token).await
}

#[derive(Deserialize)]
pub(super) struct SetPasswordForm {
    token: String,
    password: String,
    password_confirm: String,
}

pub(super) async fn reset(ctx: Ctx, CsrfForm(form): CsrfForm<SetPasswordForm>) -> Result<HttpResponse, AppError> {
    use_link(&ctx, LinkPurpose::Reset, form).await
}

pub(super) async fn accept_invitation(
    ctx: Ctx,
    CsrfForm(form): CsrfForm<SetPasswordForm>,
) -> Result<HttpResponse, AppError> {
    use_link(&ctx, LinkPurpose::Invite, form).await
}

/// Sets a new password through a link: the link is used up, and every session of
/// the user ends, in one transaction.
pub(super) async fn use_link(ctx: &Ctx, purpose: LinkPurpose, form: SetPasswordForm) -> Result<HttpResponse, AppError> {
    let ip = ctx.client_ip();
    let now = ctx.state.now();
    let token = form.token.clone();
    let Some(user) = ctx.state.db(move |c| Ok(store::peek_link(c, purpose, &token, now)?)).await? else {
        return link_invalid(ctx);
    };
    if let Err(errors) = check_new_password(&form.password, &form.password_confirm, &user.email, &user.name) {
        return set_password_form(ctx, purpose, &form.token, &user.email, StatusCode::UNPROCESSABLE_ENTITY, &errors);
    }
    let hash = ctx.state.hasher.hash(form.password).await?;
    let token = form.token;
    let action = match purpose {
        LinkPurpose::Reset => "password_reset",
        LinkPurpose::Invite => "invitation_accepted",
        LinkPurpose::BuyerConfirm => unreachable!("a buyer's confirmation link sets no password"),
    };
    let done = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let Some(user) = store::consume_link(c, purpose, &token, now)? else {
                    return Ok(false);
                };
                store::set_password(c, user.id, &hash, now)?;
                store::end_sessions(c, user.id, None)?;
                if purpose == LinkPurpose::Reset {
                    store::revoke_all_tokens(c, user.id, now)?;
                }
                audit::Entry::by(user.id, &user.email, &ip, action, "", "").record(c, now)?;
                Ok::<_, AppError>(true)
            })
        })
        .await?;
    if !done {
        return link_invalid(ctx);
    }
    Ok(see_other("/sign-in?notice=password-set"))
}

/// The rules for a new password, as field errors.
pub(crate) fn check_new_password(
    password: &str,
    confirm: &str,
    email: &str,
    name: &str,
) -> Result<(), Vec<FieldError>> {
    let local = email.split('@').next().unwrap_or("");
    if let Err(key) = password::check_strength(password, &[email, local, name, "wise-monitor", "wise", "monitor"]) {
        return Err(one_error("password", key));
    }
    if password != confirm {
        return Err(one_error("password_confirm", "error-password-mismatch"));
    }
    Ok(())
}
