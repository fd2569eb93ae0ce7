//! Signing in and out.

use super::*;
use crate::web::context::Ctx;

#[derive(Deserialize)]
pub(super) struct NextQuery {
    pub(super) next: Option<String>,
    pub(super) notice: Option<String>,
}

/// Notices a redirect may ask a page to show (anything else is ignored).
pub(super) fn notice_key(notice: Option<&str>) -> Option<&'static str> {
    match notice? {
        "password-set" => Some("notice-password-set"),
        "signed-out" => Some("notice-signed-out"),
        "invited" => Some("notice-invited"),
        "saved" => Some("notice-saved"),
        "token-revoked" => Some("notice-token-revoked"),
        "user-changed" => Some("notice-user-changed"),
        _ => None,
    }
}

pub(super) async fn sign_in_page(ctx: Ctx, query: web::Query<NextQuery>) -> Result<HttpResponse, AppError> {
    let next = safe_local_path(query.next.as_deref()).to_string();
    if ctx.identity.user.is_some() {
        return Ok(see_other(&next));
    }
    ctx.render("accounts/sign-in",
        json!({ "nav": "sign-in", "next": next, "email": "", "failed": false, "notice": notice_key(query.notice.as_deref()) }),
    )
}

#[derive(Deserialize)]
pub(super) struct SignInForm {
    email: String,
    password: String,
    next: Option<String>,
}

pub(super) async fn sign_in(ctx: Ctx, CsrfForm(form): CsrfForm<SignInForm>) -> Result<HttpResponse, AppError> {
    let ip = ctx.client_ip();
    let email = store::normalise_email(&form.email);
    let next = safe_local_path(form.next.as_deref()).to_string();
    limit(&ctx.state, &attempt_keys(&ctx.state, "sign-in", &ip, &email))?;
    let lookup = email.clone();
    let user = ctx.state.db(move |c| Ok(store::find_by_email(c, &lookup)?)).await?;
    let usable = user.as_ref().filter(|u| !u.disabled);
    let verified = ctx.state.hasher.verify(form.password, usable.and_then(|u| u.password_hash.clone())).await?;
    let user = match (verified, usable) {
        (true, Some(user)) => user.clone(),
        _ => {
            let reason = match &user {
                None => "unknown account",
                Some(u) if u.disabled => "account disabled",
                Some(_) => "wrong password",
            };
            let actor = user.as_ref().map(|u| CurrentUser {
                id: u.id,
                email: u.email.clone(),
                name: String::new(),
                role: Role::Buyer,
                language: String::new(),
                organisations: vec![],
            });
            audit_event(&ctx.state, actor.as_ref(), Some(&email), &ip, "sign_in_failed", reason.to_string()).await?;
            return ctx.render_status(
                StatusCode::UNAUTHORIZED,
                "accounts/sign-in",
                json!({ "nav": "sign-in", "next": next, "email": form.email, "failed": true, "notice": null }),
            );
        }
    };
    // A new session id at every sign-in; the session the visitor came with ends.
    let old_session = ctx.identity.session.clone();
    let lifetime = Duration::hours(ctx.state.config.auth.session_absolute_hours);
    let now = ctx.state.now();
    let (user_id, user_email, audit_ip) = (user.id, user.email.clone(), ip.clone());
    let (cookie_value, _csrf) = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                if let Some(old) = &old_session {
                    store::delete_session(c, old)?;
                }
                let created = store::create_session(c, user_id, now, lifetime)?;
                audit::Entry::by(user_id, &user_email, &audit_ip, "sign_in", "", "").record(c, now)?;
                Ok::<_, AppError>(created)
            })
        })
        .await?;
    ctx.state.limiter.clear(&format!("sign-in:account:{}:ip:{ip}", secret::digest(&email)));
    let config = &ctx.state.config;
    let cookie = session::cookie(config, session::session_cookie_name(config), cookie_value, None);
    let lang = session::cookie(
        config,
        crate::i18n::LANG_COOKIE,
        user.language.clone(),
        Some(actix_web::cookie::time::Duration::days(365)),
    );
    let target = if next == "/" { "/start".to_string() } else { next };
    Ok(HttpResponse::SeeOther().insert_header((header::LOCATION, target)).cookie(cookie).cookie(lang).finish())
}

pub(super) async fn sign_out(ctx: Ctx, CsrfForm(_): CsrfForm<Empty>) -> Result<HttpResponse, AppError> {
    let ip = ctx.client_ip();
    if let (Some(user), Some(session)) = (&ctx.identity.user, ctx.identity.session.clone()) {
        ctx.state.db(move |c| Ok(store::delete_session(c, &session)?)).await?;
        audit_event(&ctx.state, Some(user), None, &ip, "sign_out", String::new()).await?;
    }
    let config = &ctx.state.config;
    let gone = session::cookie(
        config,
        session::session_cookie_name(config),
        String::new(),
        Some(actix_web::cookie::time::Duration::ZERO),
    );
    Ok(HttpResponse::SeeOther().insert_header((header::LOCATION, "/sign-in?notice=signed-out")).cookie(gone).finish())
}
