//! My account: name and language, password, API tokens.

use super::*;
use crate::web::context::Ctx;

pub(super) async fn account_view(
    ctx: &Ctx,
    user: &CurrentUser,
    status: StatusCode,
    extra: Value,
) -> Result<HttpResponse, AppError> {
    let user_id = user.id;
    let tokens = ctx.state.db(move |c| Ok(store::tokens_of(c, user_id)?)).await?;
    let data = json!({
        "nav": "account",
        "account": user,
        "tokens": tokens,
        "new_token": null,
        "notice": null,
        "profile_errors": field_errors(&["name", "language"], &[]),
        "password_errors": field_errors(&["current_password", "password", "password_confirm"], &[]),
        "token_errors": field_errors(&["token_name", "token_password"], &[]),
    });
    ctx.render_over(status, "accounts/account", data, extra)
}

pub(super) async fn account_page(ctx: Ctx, query: web::Query<NextQuery>) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::ManageOwnAccount, None).await?;
    let notice = notice_key(query.notice.as_deref());
    account_view(&ctx, &user, StatusCode::OK, json!({ "notice": notice })).await
}

#[derive(Deserialize)]
pub(super) struct AccountForm {
    name: String,
    language: String,
}

pub(super) async fn update_account(ctx: Ctx, CsrfForm(form): CsrfForm<AccountForm>) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::ManageOwnAccount, None).await?;
    let name = form.name.trim().to_string();
    let mut errors = Vec::new();
    if name.is_empty() || name.chars().count() > 200 {
        errors.push(FieldError {
            field: "name".into(),
            key: if name.is_empty() { "error-required" } else { "error-too-long" },
        });
    }
    let Some(lang) = Lang::parse(&form.language) else {
        errors.push(FieldError { field: "language".into(), key: "error-unknown-language" });
        return account_view(
            &ctx,
            &user,
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({ "profile_errors": field_errors(&["name", "language"], &errors) }),
        )
        .await;
    };
    if !errors.is_empty() {
        return account_view(
            &ctx,
            &user,
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({ "profile_errors": field_errors(&["name", "language"], &errors) }),
        )
        .await;
    }
    let now = ctx.state.now();
    let id = user.id;
    ctx.state.db(move |c| Ok(store::update_profile(c, id, &name, lang.code(), now)?)).await?;
    let cookie = session::cookie(
        &ctx.state.config,
        crate::i18n::LANG_COOKIE,
        lang.code().to_string(),
        Some(actix_web::cookie::time::Duration::days(365)),
    );
    Ok(HttpResponse::SeeOther().insert_header((header::LOCATION, "/account?notice=saved")).cookie(cookie).finish())
}

#[derive(Deserialize)]
pub(super) struct PasswordForm {
    current_password: String,
    password: String,
    password_confirm: String,
}

/// Changes the password; the user's other sessions end.
pub(super) async fn change_password(
    ctx: Ctx,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::ManageOwnAccount, None).await?;
    let ip = ctx.client_ip();
    limit(&ctx.state, &attempt_keys(&ctx.state, "sign-in", &ip, &user.email))?;
    let id = user.id;
    let stored = ctx.state.db(move |c| Ok(store::find(c, id)?.and_then(|u| u.password_hash))).await?;
    let fields = ["current_password", "password", "password_confirm"];
    let reject = |errors: Vec<FieldError>| json!({ "password_errors": field_errors(&fields, &errors) });
    if !ctx.state.hasher.verify(form.current_password, stored).await? {
        audit_event(&ctx.state, Some(&user), None, &ip, "password_change_failed", String::new()).await?;
        let extra = reject(one_error("current_password", "error-password-wrong"));
        return account_view(&ctx, &user, StatusCode::UNPROCESSABLE_ENTITY, extra).await;
    }
    if let Err(errors) = check_new_password(&form.password, &form.password_confirm, &user.email, &user.name) {
        return account_view(&ctx, &user, StatusCode::UNPROCESSABLE_ENTITY, reject(errors)).await;
    }
    let hash = ctx.state.hasher.hash(form.password).await?;
    let now = ctx.state.now();
    let keep = ctx.identity.session.clone();
    let email = user.email.clone();
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                store::set_password(c, id, &hash, now)?;
                store::end_sessions(c, id, keep.as_deref())?;
                audit::Entry::by(id, &email, &ip, "password_changed", "", "").record(c, now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other("/account?notice=saved"))
}

#[derive(Deserialize)]
pub(super) struct TokenForm {
    token_name: String,
    current_password: String,
}

/// Creates an API token and shows it, once.
pub(super) async fn create_token(ctx: Ctx, CsrfForm(form): CsrfForm<TokenForm>) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::ManageOwnAccount, None).await?;
    let name = form.token_name.trim().to_string();
    let fields = ["token_name", "token_password"];
    if name.is_empty() || name.chars().count() > 100 {
        let key = if name.is_empty() { "error-required" } else { "error-too-long" };
        let extra = json!({ "token_errors": field_errors(&fields, &one_error("token_name", key)) });
        return account_view(&ctx, &user, StatusCode::UNPROCESSABLE_ENTITY, extra).await;
    }
    // A token outlives the session: whoever makes one proves they know the password.
    let ip = ctx.client_ip();
    limit(&ctx.state, &attempt_keys(&ctx.state, "sign-in", &ip, &user.email))?;
    let id = user.id;
    let stored = ctx.state.db(move |c| Ok(store::find(c, id)?.and_then(|u| u.password_hash))).await?;
    if !ctx.state.hasher.verify(form.current_password, stored).await? {
        audit_event(&ctx.state, Some(&user), None, &ip, "token_refused", "wrong password".into()).await?;
        let extra =
            json!({ "token_errors": field_errors(&fields, &one_error("token_password", "error-password-wrong")) });
        return account_view(&ctx, &user, StatusCode::UNPROCESSABLE_ENTITY, extra).await;
    }
    let token = issue_token(&ctx.state, &user, &name, Some(&ip)).await?;
    account_view(&ctx, &user, StatusCode::OK, json!({ "new_token": token })).await
}

/// Creates a token for a user and audits it (account page and command line).
pub async fn issue_token(
    state: &AppState,
    user: &CurrentUser,
    name: &str,
    ip: Option<&str>,
) -> Result<String, AppError> {
    let (id, email, name, ip, now) =
        (user.id, user.email.clone(), name.to_string(), ip.map(str::to_string), state.now());
    state.db(move |c| create_token_audited(c, id, &email, &name, ip.as_deref(), now)).await
}

/// Creates a token and its audit entry in one transaction.
pub fn create_token_audited(
    conn: &mut crate::db::DbConn,
    user_id: i32,
    email: &str,
    name: &str,
    ip: Option<&str>,
    now: chrono::NaiveDateTime,
) -> Result<String, AppError> {
    write_tx(conn, |c| {
        let (token, token_id) = store::create_token(c, user_id, name, now)?;
        let entry = audit::Entry {
            actor: Actor::User { id: user_id, email },
            ip,
            action: "token_created",
            target: &format!("token {token_id}"),
            detail: name,
        };
        audit::record(c, now, entry)?;
        Ok(token)
    })
}

pub(super) async fn revoke_token(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::ManageOwnAccount, None).await?;
    let token_id = path.into_inner();
    let (id, email, now, ip) = (user.id, user.email.clone(), ctx.state.now(), ctx.client_ip());
    let revoked = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                if !store::revoke_token(c, id, token_id, now)? {
                    return Ok(false);
                }
                let target = format!("token {token_id}");
                audit::Entry::by(id, &email, &ip, "token_revoked", &target, "").record(c, now)?;
                Ok::<_, AppError>(true)
            })
        })
        .await?;
    if !revoked {
        return Err(AppError::NotFound);
    }
    Ok(see_other("/account?notice=token-revoked"))
}
