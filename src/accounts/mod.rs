//! Accounts: signing in and out (`sign_in`), forgotten passwords and invitations
//! (`links`), the account page with API tokens (`account`), the operator's user
//! management (`users`), and the command line (`cli`). Who may do what is
//! `web::auth`; the user rows and queries are the `users` entity.

mod account;
mod cli;
mod links;
mod sign_in;
mod users;

use account::*;
use actix_web::get;
use links::*;
use sign_in::*;
use users::*;

pub use account::{create_token_audited, issue_token};
pub use cli::{add_user_command, create_token_command};
pub(crate) use links::check_new_password;
pub use links::RESET_MAILS_PER_HOUR;
pub(crate) use users::{invite_company, NewCompany};

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use chrono::Duration;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::audit::{self, Actor};
use crate::secret;
use crate::users::model::{CurrentUser, Role};
use crate::users::store::{self, LinkPurpose};
use crate::web::auth::password;
use crate::web::auth::policy::Action;
use crate::web::auth::ratelimit::{attempt_keys, limit};
use crate::web::auth::session::{self, CsrfForm, Empty, Identity};
use crate::web::form::{field_errors, see_other};

use crate::db::write_tx;
use crate::i18n::Lang;
use crate::mail::{self, outbox};
use crate::validation::FieldError;
use crate::web::page::safe_local_path;
use crate::web::{routes, AppError, AppState};

pub fn routes(cfg: &mut routes::RouteConfig) {
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
    routes::api(cfg, api_me);
}

/// `GET /api/v1/me`: who a token acts for.
#[utoipa::path(
    tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The user the token acts for", body = crate::users::model::CurrentUser),
        (status = 401, description = "No token, or an unknown or revoked one", body = crate::web::error::ErrorBody),
    )
)]
#[get("/api/v1/me")]
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
