//! Accounts: signing in and out, forgotten passwords, invitations, the account page
//! with API tokens, and the operator's user management. Security rules (sessions,
//! CSRF, policy, rate limits, audit) live in the submodules.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Duration;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::audit::{self, Actor};
use crate::secret;
use crate::users::model::{CurrentUser, Role};
use crate::users::store::{self, LinkPurpose};
use crate::web::auth::password;
use crate::web::auth::policy::{self, Action};
use crate::web::auth::ratelimit::{attempt_keys, limit};
use crate::web::auth::session::{self, client_ip, CsrfForm, Empty, Identity};
use crate::web::form::{field_errors, see_other};

use crate::db::write_tx;
use crate::i18n::Lang;
use crate::mail::{self, outbox};
use crate::validation::FieldError;
use crate::web::page::{self, safe_local_path};
use crate::web::{routes, AppError, AppState};

pub fn routes(cfg: &mut web::ServiceConfig) {
    routes::get(cfg, "/sign-in", sign_in_page);
    routes::post(cfg, "/sign-in", sign_in);
    routes::post(cfg, "/sign-out", sign_out);
    routes::get(cfg, "/password/forgot", forgot_page);
    routes::post(cfg, "/password/forgot", forgot);
    routes::get(cfg, "/password/reset", reset_page);
    routes::post(cfg, "/password/reset", reset);
    routes::get(cfg, "/invitation", invitation_page);
    routes::post(cfg, "/invitation", accept_invitation);
    routes::get(cfg, "/account", account_page);
    routes::post(cfg, "/account", update_account);
    routes::post(cfg, "/account/password", change_password);
    routes::post(cfg, "/account/tokens", create_token);
    routes::post(cfg, "/account/tokens/{id}/revoke", revoke_token);
    routes::get(cfg, "/admin/users", users_page);
    routes::post(cfg, "/admin/users", invite_user);
    routes::post(cfg, "/admin/users/{id}/role", change_role);
    routes::post(cfg, "/admin/users/{id}/disable", disable_user);
    routes::post(cfg, "/admin/users/{id}/enable", enable_user);
    routes::get(cfg, "/admin/audit", audit_page);
    routes::get(cfg, "/api/v1/me", api_me);
}

/// `GET /api/v1/me`: who a token acts for.
#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The user the token acts for", body = crate::users::model::CurrentUser),
        (status = 401, description = "No token, or an unknown or revoked one", body = crate::web::error::ErrorBody),
    )
)]
pub(crate) async fn api_me(identity: Identity) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok().json(identity.user()?))
}

fn one_error(field: &str, key: &'static str) -> Vec<FieldError> {
    vec![FieldError { field: field.to_string(), key }]
}

/// Writes one audit entry in its own transaction.
async fn audit_event(
    state: &AppState,
    actor: Option<&CurrentUser>,
    claimed: Option<&str>,
    ip: &str,
    action: &'static str,
    target: String,
) -> Result<(), AppError> {
    let user = actor.map(|u| (u.id, u.email.clone()));
    let claimed = claimed.map(str::to_string);
    let ip = ip.to_string();
    let now = state.now();
    state
        .db(move |c| {
            let actor = match &user {
                Some((id, email)) => Actor::User { id: *id, email },
                None => Actor::Anonymous { claimed: claimed.as_deref() },
            };
            let entry = audit::Entry { actor, ip: Some(&ip), action, target: &target, detail: "" };
            Ok(audit::record(c, now, entry)?)
        })
        .await
}

// ---------------------------------------------------------------------------
// Signing in and out

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
    notice: Option<String>,
}

/// Notices a redirect may ask a page to show (anything else is ignored).
fn notice_key(notice: Option<&str>) -> Option<&'static str> {
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

async fn sign_in_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, AppError> {
    let next = safe_local_path(query.next.as_deref()).to_string();
    if identity.user.is_some() {
        return Ok(see_other(&next));
    }
    page::render(
        &state,
        &req,
        "accounts/sign-in",
        json!({ "nav": "sign-in", "next": next, "email": "", "failed": false, "notice": notice_key(query.notice.as_deref()) }),
    )
}

#[derive(Deserialize)]
struct SignInForm {
    email: String,
    password: String,
    next: Option<String>,
}

async fn sign_in(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    CsrfForm(form): CsrfForm<SignInForm>,
) -> Result<HttpResponse, AppError> {
    let ip = client_ip(&req, &state.config);
    let email = store::normalise_email(&form.email);
    let next = safe_local_path(form.next.as_deref()).to_string();
    limit(&state, &attempt_keys(&state, "sign-in", &ip, &email))?;
    let lookup = email.clone();
    let user = state.db(move |c| Ok(store::find_by_email(c, &lookup)?)).await?;
    let usable = user.as_ref().filter(|u| !u.disabled);
    let verified = state.hasher.verify(form.password, usable.and_then(|u| u.password_hash.clone())).await?;
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
            audit_event(&state, actor.as_ref(), Some(&email), &ip, "sign_in_failed", reason.to_string()).await?;
            return page::render_status(
                &state,
                &req,
                StatusCode::UNAUTHORIZED,
                "accounts/sign-in",
                json!({ "nav": "sign-in", "next": next, "email": form.email, "failed": true, "notice": null }),
            );
        }
    };
    // A new session id at every sign-in; the session the visitor came with ends.
    let old_session = identity.session.clone();
    let lifetime = Duration::hours(state.config.auth.session_absolute_hours);
    let now = state.now();
    let (user_id, user_email, audit_ip) = (user.id, user.email.clone(), ip.clone());
    let (cookie_value, _csrf) = state
        .db(move |c| {
            write_tx(c, |c| {
                if let Some(old) = &old_session {
                    store::delete_session(c, old)?;
                }
                let created = store::create_session(c, user_id, now, lifetime)?;
                let entry = audit::Entry {
                    actor: Actor::User { id: user_id, email: &user_email },
                    ip: Some(&audit_ip),
                    action: "sign_in",
                    target: "",
                    detail: "",
                };
                audit::record(c, now, entry)?;
                Ok::<_, AppError>(created)
            })
        })
        .await?;
    state.limiter.clear(&format!("sign-in:account:{}:ip:{ip}", secret::digest(&email)));
    let config = &state.config;
    let cookie = session::cookie(config, session::session_cookie_name(config), cookie_value, None);
    let lang = session::cookie(
        config,
        crate::i18n::LANG_COOKIE,
        user.language.clone(),
        Some(actix_web::cookie::time::Duration::days(365)),
    );
    let target = if next == "/" { "/account".to_string() } else { next };
    Ok(HttpResponse::SeeOther().insert_header((header::LOCATION, target)).cookie(cookie).cookie(lang).finish())
}

async fn sign_out(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, AppError> {
    let ip = client_ip(&req, &state.config);
    if let (Some(user), Some(session)) = (&identity.user, identity.session.clone()) {
        state.db(move |c| Ok(store::delete_session(c, &session)?)).await?;
        audit_event(&state, Some(user), None, &ip, "sign_out", String::new()).await?;
    }
    let config = &state.config;
    let gone = session::cookie(
        config,
        session::session_cookie_name(config),
        String::new(),
        Some(actix_web::cookie::time::Duration::ZERO),
    );
    Ok(HttpResponse::SeeOther().insert_header((header::LOCATION, "/sign-in?notice=signed-out")).cookie(gone).finish())
}

// ---------------------------------------------------------------------------
// Forgotten passwords and invitations: single-use links

async fn forgot_page(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    page::render(&state, &req, "accounts/forgot", json!({ "nav": "sign-in", "sent": false }))
}

#[derive(Deserialize)]
struct ForgotForm {
    email: String,
}

/// Reset mails one account receives per hour at most.
pub const RESET_MAILS_PER_HOUR: u32 = 3;

/// Sends a reset link when the address belongs to an active user; the answer is the
/// same either way, so the form does not reveal who has an account.
async fn forgot(
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<ForgotForm>,
) -> Result<HttpResponse, AppError> {
    let ip = client_ip(&req, &state.config);
    let email = store::normalise_email(&form.email);
    limit(&state, &attempt_keys(&state, "reset", &ip, &email))?;
    let now = state.now();
    let valid_for = Duration::minutes(state.config.auth.reset_link_minutes);
    let worker = state.clone();
    let audit_ip = ip.clone();
    // However many addresses ask, one account gets at most this many reset mails an
    // hour; past that the answer stays the same and nothing is sent.
    let flood = state
        .limiter
        .hit(
            &format!("reset-mail:{}", secret::digest(&email)),
            RESET_MAILS_PER_HOUR,
            Duration::hours(1),
            state.clock.now(),
        )
        .is_err();
    state
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
                let entry = audit::Entry {
                    actor: Actor::User { id: user.id, email: &user.email },
                    ip: Some(&audit_ip),
                    action: "password_reset_requested",
                    target: "",
                    detail: "",
                };
                audit::record(c, now, entry)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    page::render(&state, &req, "accounts/forgot", json!({ "nav": "sign-in", "sent": true }))
}

#[derive(Deserialize)]
struct TokenQuery {
    token: Option<String>,
}

/// The set-a-password form behind a link, or the page saying the link no longer works.
async fn link_page(
    req: &HttpRequest,
    state: &AppState,
    purpose: LinkPurpose,
    token: Option<String>,
) -> Result<HttpResponse, AppError> {
    let now = state.now();
    let token = token.unwrap_or_default();
    let lookup = token.clone();
    let user = state.db(move |c| Ok(store::peek_link(c, purpose, &lookup, now)?)).await?;
    let Some(user) = user else {
        return link_invalid(req, state);
    };
    set_password_form(req, state, purpose, &token, &user.email, StatusCode::OK, &[])
}

fn link_invalid(req: &HttpRequest, state: &AppState) -> Result<HttpResponse, AppError> {
    page::render_status(state, req, StatusCode::GONE, "accounts/link-invalid", json!({ "nav": "sign-in" }))
}

fn set_password_form(
    req: &HttpRequest,
    state: &AppState,
    purpose: LinkPurpose,
    token: &str,
    email: &str,
    status: StatusCode,
    errors: &[FieldError],
) -> Result<HttpResponse, AppError> {
    let (action, invitation) = match purpose {
        LinkPurpose::Reset => ("/password/reset", false),
        LinkPurpose::Invite => ("/invitation", true),
    };
    page::render_status(
        state,
        req,
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

async fn reset_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    link_page(&req, &state, LinkPurpose::Reset, query.into_inner().token).await
}

async fn invitation_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    link_page(&req, &state, LinkPurpose::Invite, query.into_inner().token).await
}

#[derive(Deserialize)]
struct SetPasswordForm {
    token: String,
    password: String,
    password_confirm: String,
}

async fn reset(
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<SetPasswordForm>,
) -> Result<HttpResponse, AppError> {
    use_link(&req, &state, LinkPurpose::Reset, form).await
}

async fn accept_invitation(
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<SetPasswordForm>,
) -> Result<HttpResponse, AppError> {
    use_link(&req, &state, LinkPurpose::Invite, form).await
}

/// Sets a new password through a link: the link is used up, and every session of
/// the user ends, in one transaction.
async fn use_link(
    req: &HttpRequest,
    state: &AppState,
    purpose: LinkPurpose,
    form: SetPasswordForm,
) -> Result<HttpResponse, AppError> {
    let ip = client_ip(req, &state.config);
    let now = state.now();
    let token = form.token.clone();
    let Some(user) = state.db(move |c| Ok(store::peek_link(c, purpose, &token, now)?)).await? else {
        return link_invalid(req, state);
    };
    if let Err(errors) = check_new_password(&form.password, &form.password_confirm, &user.email, &user.name) {
        return set_password_form(
            req,
            state,
            purpose,
            &form.token,
            &user.email,
            StatusCode::UNPROCESSABLE_ENTITY,
            &errors,
        );
    }
    let hash = state.hasher.hash(form.password).await?;
    let token = form.token;
    let action = match purpose {
        LinkPurpose::Reset => "password_reset",
        LinkPurpose::Invite => "invitation_accepted",
    };
    let done = state
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
                let entry = audit::Entry {
                    actor: Actor::User { id: user.id, email: &user.email },
                    ip: Some(&ip),
                    action,
                    target: "",
                    detail: "",
                };
                audit::record(c, now, entry)?;
                Ok::<_, AppError>(true)
            })
        })
        .await?;
    if !done {
        return link_invalid(req, state);
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

// ---------------------------------------------------------------------------
// My account

async fn account_view(
    req: &HttpRequest,
    state: &AppState,
    user: &CurrentUser,
    status: StatusCode,
    extra: Value,
) -> Result<HttpResponse, AppError> {
    let user_id = user.id;
    let tokens = state.db(move |c| Ok(store::tokens_of(c, user_id)?)).await?;
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
    page::render_over(state, req, status, "accounts/account", data, extra)
}

async fn account_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, AppError> {
    let user = policy::require(&state, &req, &identity, Action::ManageOwnAccount, None).await?;
    let notice = notice_key(query.notice.as_deref());
    account_view(&req, &state, &user, StatusCode::OK, json!({ "notice": notice })).await
}

#[derive(Deserialize)]
struct AccountForm {
    name: String,
    language: String,
}

async fn update_account(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    CsrfForm(form): CsrfForm<AccountForm>,
) -> Result<HttpResponse, AppError> {
    let user = policy::require(&state, &req, &identity, Action::ManageOwnAccount, None).await?;
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
            &req,
            &state,
            &user,
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({ "profile_errors": field_errors(&["name", "language"], &errors) }),
        )
        .await;
    };
    if !errors.is_empty() {
        return account_view(
            &req,
            &state,
            &user,
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({ "profile_errors": field_errors(&["name", "language"], &errors) }),
        )
        .await;
    }
    let now = state.now();
    let id = user.id;
    state.db(move |c| Ok(store::update_profile(c, id, &name, lang.code(), now)?)).await?;
    let cookie = session::cookie(
        &state.config,
        crate::i18n::LANG_COOKIE,
        lang.code().to_string(),
        Some(actix_web::cookie::time::Duration::days(365)),
    );
    Ok(HttpResponse::SeeOther().insert_header((header::LOCATION, "/account?notice=saved")).cookie(cookie).finish())
}

#[derive(Deserialize)]
struct PasswordForm {
    current_password: String,
    password: String,
    password_confirm: String,
}

/// Changes the password; the user's other sessions end.
async fn change_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let user = policy::require(&state, &req, &identity, Action::ManageOwnAccount, None).await?;
    let ip = client_ip(&req, &state.config);
    limit(&state, &attempt_keys(&state, "sign-in", &ip, &user.email))?;
    let id = user.id;
    let stored = state.db(move |c| Ok(store::find(c, id)?.and_then(|u| u.password_hash))).await?;
    let fields = ["current_password", "password", "password_confirm"];
    let reject = |errors: Vec<FieldError>| json!({ "password_errors": field_errors(&fields, &errors) });
    if !state.hasher.verify(form.current_password, stored).await? {
        audit_event(&state, Some(&user), None, &ip, "password_change_failed", String::new()).await?;
        let extra = reject(one_error("current_password", "error-password-wrong"));
        return account_view(&req, &state, &user, StatusCode::UNPROCESSABLE_ENTITY, extra).await;
    }
    if let Err(errors) = check_new_password(&form.password, &form.password_confirm, &user.email, &user.name) {
        return account_view(&req, &state, &user, StatusCode::UNPROCESSABLE_ENTITY, reject(errors)).await;
    }
    let hash = state.hasher.hash(form.password).await?;
    let now = state.now();
    let keep = identity.session.clone();
    let email = user.email.clone();
    state
        .db(move |c| {
            write_tx(c, |c| {
                store::set_password(c, id, &hash, now)?;
                store::end_sessions(c, id, keep.as_deref())?;
                let entry = audit::Entry {
                    actor: Actor::User { id, email: &email },
                    ip: Some(&ip),
                    action: "password_changed",
                    target: "",
                    detail: "",
                };
                audit::record(c, now, entry)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other("/account?notice=saved"))
}

#[derive(Deserialize)]
struct TokenForm {
    token_name: String,
    current_password: String,
}

/// Creates an API token and shows it, once.
async fn create_token(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> Result<HttpResponse, AppError> {
    let user = policy::require(&state, &req, &identity, Action::ManageOwnAccount, None).await?;
    let name = form.token_name.trim().to_string();
    let fields = ["token_name", "token_password"];
    if name.is_empty() || name.chars().count() > 100 {
        let key = if name.is_empty() { "error-required" } else { "error-too-long" };
        let extra = json!({ "token_errors": field_errors(&fields, &one_error("token_name", key)) });
        return account_view(&req, &state, &user, StatusCode::UNPROCESSABLE_ENTITY, extra).await;
    }
    // A token outlives the session: whoever makes one proves they know the password.
    let ip = client_ip(&req, &state.config);
    limit(&state, &attempt_keys(&state, "sign-in", &ip, &user.email))?;
    let id = user.id;
    let stored = state.db(move |c| Ok(store::find(c, id)?.and_then(|u| u.password_hash))).await?;
    if !state.hasher.verify(form.current_password, stored).await? {
        audit_event(&state, Some(&user), None, &ip, "token_refused", "wrong password".into()).await?;
        let extra =
            json!({ "token_errors": field_errors(&fields, &one_error("token_password", "error-password-wrong")) });
        return account_view(&req, &state, &user, StatusCode::UNPROCESSABLE_ENTITY, extra).await;
    }
    let token = issue_token(&state, &user, &name, Some(&ip)).await?;
    account_view(&req, &state, &user, StatusCode::OK, json!({ "new_token": token })).await
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

async fn revoke_token(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    path: web::Path<i32>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, AppError> {
    let user = policy::require(&state, &req, &identity, Action::ManageOwnAccount, None).await?;
    let token_id = path.into_inner();
    let (id, email, now, ip) = (user.id, user.email.clone(), state.now(), client_ip(&req, &state.config));
    let revoked = state
        .db(move |c| {
            write_tx(c, |c| {
                if !store::revoke_token(c, id, token_id, now)? {
                    return Ok(false);
                }
                let target = format!("token {token_id}");
                let entry = audit::Entry {
                    actor: Actor::User { id, email: &email },
                    ip: Some(&ip),
                    action: "token_revoked",
                    target: &target,
                    detail: "",
                };
                audit::record(c, now, entry)?;
                Ok::<_, AppError>(true)
            })
        })
        .await?;
    if !revoked {
        return Err(AppError::NotFound);
    }
    Ok(see_other("/account?notice=token-revoked"))
}

// ---------------------------------------------------------------------------
// The operator's user management

#[derive(Deserialize)]
struct UsersQuery {
    q: Option<String>,
    notice: Option<String>,
}

const INVITE_FIELDS: [&str; 5] = ["email", "name", "role", "language", "organisation"];

async fn users_view(
    req: &HttpRequest,
    state: &AppState,
    query: String,
    status: StatusCode,
    extra: Value,
) -> Result<HttpResponse, AppError> {
    let search = query.clone();
    let users = state.db(move |c| Ok(store::search(c, &search, 500)?)).await?;
    let data = json!({
        "nav": "admin",
        "q": query,
        "users": users,
        "roles": Role::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        "notice": null,
        "invite": { "email": "", "name": "", "role": "buyer", "language": "nl", "organisation": "" },
        "errors": field_errors(&INVITE_FIELDS, &[]),
    });
    page::render_over(state, req, status, "admin/users", data, extra)
}

async fn users_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    query: web::Query<UsersQuery>,
) -> Result<HttpResponse, AppError> {
    policy::require(&state, &req, &identity, Action::ManageUsers, None).await?;
    let query = query.into_inner();
    let notice = notice_key(query.notice.as_deref());
    users_view(&req, &state, query.q.unwrap_or_default(), StatusCode::OK, json!({ "notice": notice })).await
}

/// Missing fields are empty ones: the permission check comes first, and validation then
/// names each (a missing field is no reason for a 400 before either).
#[derive(Deserialize, Default)]
#[serde(default)]
struct InviteForm {
    email: String,
    name: String,
    role: String,
    language: String,
    organisation: Option<String>,
}

/// Creates a user without a password and mails them a single-use invitation link.
async fn invite_user(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    CsrfForm(form): CsrfForm<InviteForm>,
) -> Result<HttpResponse, AppError> {
    let admin = policy::require(&state, &req, &identity, Action::ManageUsers, None).await?;
    let ip = client_ip(&req, &state.config);
    let email = store::normalise_email(&form.email);
    limit(&state, &attempt_keys(&state, "invite", &ip, &email))?;
    let input = store::NewUser {
        email: form.email.clone(),
        name: form.name.clone(),
        role: form.role.clone(),
        language: form.language.clone(),
        organisation_kvk: form.organisation.clone(),
    };
    let now = state.now();
    let valid_for = Duration::days(state.config.auth.invite_link_days);
    let worker = state.get_ref().clone();
    let (admin_id, admin_email) = (admin.id, admin.email.clone());
    let outcome = state
        .db(move |c| {
            write_tx(c, |c| {
                let (role, organisation) = match store::validate_new_user(c, &input)? {
                    Ok(valid) => valid,
                    Err(errors) => return Ok(Err(errors)),
                };
                let user_id = store::create_user(c, &input, role, organisation, None, now)?;
                let token = store::create_link(c, LinkPurpose::Invite, user_id, now, valid_for)?;
                let lang = Lang::parse(&input.language).unwrap_or(Lang::Nl);
                let data = json!({
                    "name": input.name.trim(),
                    "inviter": admin_email,
                    "role": role.as_str(),
                    "link": worker.link("/invitation", &token),
                    "days": worker.config.auth.invite_link_days,
                    "unsubscribe_url": null,
                });
                let email = store::normalise_email(&input.email);
                let mail = mail::render(&worker.templates, "invitation", lang, &email, data)?;
                outbox::enqueue(c, &mail, None, now)?;
                let entry = audit::Entry {
                    actor: Actor::User { id: admin_id, email: &admin_email },
                    ip: Some(&ip),
                    action: "user_invited",
                    target: &email,
                    detail: role.as_str(),
                };
                audit::record(c, now, entry)?;
                Ok::<_, AppError>(Ok(()))
            })
        })
        .await?;
    match outcome {
        Ok(()) => Ok(see_other("/admin/users?notice=invited")),
        Err(errors) => {
            let invite = json!({
                "email": form.email, "name": form.name, "role": form.role,
                "language": form.language, "organisation": form.organisation.unwrap_or_default(),
            });
            let extra = json!({ "invite": invite, "errors": field_errors(&INVITE_FIELDS, &errors) });
            users_view(&req, &state, String::new(), StatusCode::UNPROCESSABLE_ENTITY, extra).await
        }
    }
}

#[derive(Deserialize)]
struct RoleForm {
    role: String,
}

/// Which change an operator makes to a user.
enum UserChange {
    Role(Role),
    Disable,
    Enable,
}

async fn change_user(
    req: &HttpRequest,
    state: &AppState,
    identity: &Identity,
    user_id: i32,
    change: UserChange,
) -> Result<HttpResponse, AppError> {
    let admin = policy::require(state, req, identity, Action::ManageUsers, None).await?;
    if admin.id == user_id {
        return Err(AppError::Conflict("you cannot change your own role or disable yourself".into()));
    }
    let (admin_id, admin_email, ip, now) = (admin.id, admin.email.clone(), client_ip(req, &state.config), state.now());
    state
        .db(move |c| {
            write_tx(c, |c| {
                let target = store::find(c, user_id)?.ok_or(AppError::NotFound)?;
                let (action, detail) = match change {
                    UserChange::Role(role) => {
                        store::set_role(c, user_id, role, now)?;
                        ("role_changed", format!("{} -> {}", target.role, role.as_str()))
                    }
                    UserChange::Disable => {
                        store::set_disabled(c, user_id, true, now)?;
                        ("user_disabled", String::new())
                    }
                    UserChange::Enable => {
                        store::set_disabled(c, user_id, false, now)?;
                        ("user_enabled", String::new())
                    }
                };
                let entry = audit::Entry {
                    actor: Actor::User { id: admin_id, email: &admin_email },
                    ip: Some(&ip),
                    action,
                    target: &target.email,
                    detail: &detail,
                };
                audit::record(c, now, entry)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other("/admin/users?notice=user-changed"))
}

async fn change_role(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<RoleForm>,
) -> Result<HttpResponse, AppError> {
    let role = Role::parse(&form.role).ok_or_else(|| AppError::Validation(one_error("role", "error-unknown-role")))?;
    change_user(&req, &state, &identity, path.into_inner(), UserChange::Role(role)).await
}

async fn disable_user(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    path: web::Path<i32>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, AppError> {
    change_user(&req, &state, &identity, path.into_inner(), UserChange::Disable).await
}

async fn enable_user(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    path: web::Path<i32>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, AppError> {
    change_user(&req, &state, &identity, path.into_inner(), UserChange::Enable).await
}

async fn audit_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
) -> Result<HttpResponse, AppError> {
    policy::require(&state, &req, &identity, Action::ManageUsers, None).await?;
    let entries = state.db(|c| Ok(audit::recent(c, 500)?)).await?;
    page::render(&state, &req, "admin/audit", json!({ "nav": "admin", "entries": entries }))
}

// ---------------------------------------------------------------------------
// The command line: `users add` and `tokens create`

/// `wise-monitor users add`: checks the user and the password, then creates the user
/// (and an audit entry) in one transaction. Errors name the field that is wrong.
pub fn add_user_command(
    conn: &mut crate::db::DbConn,
    input: &store::NewUser,
    password: &str,
    now: chrono::NaiveDateTime,
) -> anyhow::Result<i32> {
    let (role, organisation) = store::validate_new_user(conn, input)?.map_err(describe_errors)?;
    check_new_password(password, password, &input.email, &input.name).map_err(describe_errors)?;
    let hash = password::hash_blocking(password);
    let id = write_tx(conn, |c| {
        let id = store::create_user(c, input, role, organisation, Some(&hash), now)?;
        let email = store::normalise_email(&input.email);
        let entry = audit::Entry {
            actor: Actor::System,
            ip: None,
            action: "user_created",
            target: &email,
            detail: role.as_str(),
        };
        audit::record(c, now, entry)?;
        Ok::<_, diesel::result::Error>(id)
    })?;
    Ok(id)
}

/// `wise-monitor tokens create`: a new API token for an active user.
pub fn create_token_command(
    conn: &mut crate::db::DbConn,
    email: &str,
    name: &str,
    now: chrono::NaiveDateTime,
) -> anyhow::Result<String> {
    let user = store::find_by_email(conn, email)?.ok_or_else(|| {
        anyhow::anyhow!("--email: there is no user with the address {:?}", store::normalise_email(email))
    })?;
    if user.disabled {
        anyhow::bail!("--email: the user {} is disabled", user.email);
    }
    create_token_audited(conn, user.id, &user.email, name, None, now).map_err(|e| anyhow::anyhow!("{e}"))
}

/// Field errors as one line for the command line, in English.
fn describe_errors(errors: Vec<FieldError>) -> anyhow::Error {
    let parts: Vec<String> = errors
        .iter()
        .map(|e| format!("--{}: {}", e.field.replace('_', "-"), crate::i18n::text(Lang::En, e.key)))
        .collect();
    anyhow::anyhow!("{}", parts.join("; "))
}
