//! A buyer registers themselves (`/register/buyer`): their name, email address and
//! password, and their buying organisation by KvK number (a new one with its name, kind
//! and municipality). They confirm their address with a single-use link; then the
//! operator approves a new organisation (and its first buyers with it), and the
//! approved buyers of a known organisation or the operator approve a new colleague
//! (`super::organisations`). Each step is audited and mailed through the outbox.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use serde::Deserialize;
use serde_json::json;

use super::organisations::OrganisationForm;
use crate::audit;
use crate::buying::{store as buying, BuyingOrganisation};
use crate::db::{write_tx, DbConn};
use crate::i18n::Lang;
use crate::mail::{self, outbox};
use crate::users::model::Role;
use crate::users::store::{self as users, normalise_email, LinkPurpose, NewUser};
use crate::validation::FieldError;
use crate::web::auth::ratelimit::{attempt_keys, limit};
use crate::web::auth::session::CsrfForm;
use crate::web::context::Ctx;
use crate::web::form::{error_summary, field_errors};
use crate::web::{routes, AppError, AppState};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/register/buyer", form_page);
    routes::post(cfg, "/register/buyer", register);
    routes::get(cfg, "/register/buyer/confirm", confirm_page);
    routes::post(cfg, "/register/buyer/confirm", confirm);
}

const FIELDS: [&str; 8] = [
    "user_name",
    "user_email",
    "password",
    "password_confirm",
    "organisation_kvk",
    "organisation_name",
    "organisation_kind",
    "organisation_municipality",
];

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct RegisterForm {
    user_name: String,
    user_email: String,
    password: String,
    password_confirm: String,
    organisation_kvk: String,
    organisation_name: String,
    organisation_kind: String,
    organisation_municipality: String,
}

impl RegisterForm {
    fn organisation(&self) -> OrganisationForm {
        OrganisationForm {
            organisation_name: self.organisation_name.clone(),
            organisation_kvk: self.organisation_kvk.split_whitespace().collect(),
            organisation_kind: self.organisation_kind.clone(),
            organisation_municipality: self.organisation_municipality.clone(),
        }
    }

    fn user(&self, lang: Lang) -> NewUser {
        NewUser {
            email: self.user_email.clone(),
            name: self.user_name.clone(),
            role: Role::Buyer.as_str().to_string(),
            language: lang.code().to_string(),
            organisation_kvk: None,
        }
    }
}

fn form_view(
    ctx: &Ctx,
    form: &RegisterForm,
    status: StatusCode,
    errors: &[FieldError],
) -> Result<HttpResponse, AppError> {
    let data = json!({
        "nav": "register",
        // Everything typed in comes back, except the passwords.
        "form": {
            "user_name": form.user_name, "user_email": form.user_email,
            "organisation_kvk": form.organisation_kvk, "organisation_name": form.organisation_name,
            "organisation_kind": form.organisation_kind, "organisation_municipality": form.organisation_municipality,
        },
        "kinds": crate::vocab::BUYER_KINDS,
        "errors": field_errors(&FIELDS, errors),
        "error_summary": error_summary(errors, "buyers-field-", str::to_string),
    });
    ctx.render_status(status, "buyers/register", data)
}

async fn form_page(ctx: Ctx) -> Result<HttpResponse, AppError> {
    form_view(&ctx, &RegisterForm::default(), StatusCode::OK, &[])
}

/// Every problem with the form: the person, the password, and the organisation (only
/// its KvK number's form when it is a known one, which the buyer joins).
fn check(conn: &mut DbConn, form: &RegisterForm, lang: Lang) -> Result<Vec<FieldError>, AppError> {
    let user = form.user(lang);
    let mut errors: Vec<FieldError> = match users::validate_new_user(conn, &user)? {
        Ok(_) => Vec::new(),
        Err(found) => found
            .into_iter()
            .map(|e| match e.field.as_str() {
                "email" => FieldError { field: "user_email".into(), key: e.key },
                "name" => FieldError { field: "user_name".into(), key: e.key },
                _ => e,
            })
            .collect(),
    };
    if let Err(password) =
        crate::accounts::check_new_password(&form.password, &form.password_confirm, &user.email, &user.name)
    {
        errors.extend(password);
    }
    let organisation = form.organisation();
    if buying::by_kvk(conn, &organisation.organisation_kvk)?.is_none() {
        if let Err(found) = buying::validate(conn, &organisation.input(), None)? {
            errors.extend(found);
        }
    }
    Ok(errors)
}

/// Stores the buyer (and a new organisation, pending) and mails the confirmation link,
/// in one transaction; any field error stores nothing and shows the form again.
async fn register(ctx: Ctx, CsrfForm(form): CsrfForm<RegisterForm>) -> Result<HttpResponse, AppError> {
    let ip = ctx.client_ip();
    let email = normalise_email(&form.user_email);
    limit(&ctx.state, &attempt_keys(&ctx.state, "register-buyer", &ip, &email))?;
    let lang = ctx.lang();
    let checked = form.clone();
    let errors = ctx.state.db(move |c| check(c, &checked, lang)).await?;
    if !errors.is_empty() {
        return form_view(&ctx, &form, StatusCode::UNPROCESSABLE_ENTITY, &errors);
    }
    let hash = ctx.state.hasher.hash(form.password.clone()).await?;
    let (now, valid_for, worker) =
        (ctx.state.now(), crate::registry::confirmation_lifetime(&ctx.state), ctx.state.get_ref().clone());
    let (user, organisation) = (form.user(lang), form.organisation());
    let (checked_form, recipient) = (form.clone(), email.clone());
    let outcome = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                // Another registration may have taken the email address or the KvK number meanwhile.
                let errors = check(c, &checked_form, lang)?;
                if !errors.is_empty() {
                    return Ok(Err(errors));
                }
                let known = buying::by_kvk(c, &organisation.organisation_kvk)?;
                let (organisation_id, organisation_name) = match &known {
                    Some(o) => (o.id, o.name.clone()),
                    None => (
                        buying::create(c, &organisation.input(), "pending", now)?,
                        organisation.organisation_name.trim().to_string(),
                    ),
                };
                let user_id = users::create_user(c, &user, Role::Buyer, None, Some(&hash), now)?;
                buying::add_member(c, user_id, organisation_id, None, now)?;
                let token = users::create_link(c, LinkPurpose::BuyerConfirm, user_id, now, valid_for)?;
                let data = json!({
                    "subject_key": "mail-buyer-confirm-subject",
                    "intro_key": "mail-buyer-confirm-body",
                    "name": user.name.trim(),
                    "organisation": organisation_name,
                    "days": valid_for.num_days(),
                    "link": worker.link("/register/buyer/confirm", &token),
                    "unsubscribe_url": null,
                });
                let mail = mail::render(&worker.templates, "buyer-account", lang, &recipient, data)?;
                outbox::enqueue(c, &mail, None, now)?;
                audit::Entry::by(
                    user_id,
                    &recipient,
                    &ip,
                    if known.is_some() { "buyer_registered" } else { "buying_organisation_registered" },
                    &format!("buying organisation {}", organisation.organisation_kvk),
                    &organisation_name,
                )
                .record(c, now)?;
                Ok::<_, AppError>(Ok(()))
            })
        })
        .await?;
    match outcome {
        Ok(()) => step(&ctx, StatusCode::OK, "buyer-register-sent", json!({ "email": email }), None),
        Err(errors) => form_view(&ctx, &form, StatusCode::UNPROCESSABLE_ENTITY, &errors),
    }
}

/// A page of one step: its title and text (`{key}-title`, `{key}-text` with `args`),
/// and the confirmation button when there is a token to confirm.
fn step(
    ctx: &Ctx,
    status: StatusCode,
    key: &str,
    args: serde_json::Value,
    token: Option<String>,
) -> Result<HttpResponse, AppError> {
    let data = json!({
        "nav": "register",
        "title_key": format!("{key}-title"),
        "text_key": format!("{key}-text"),
        "email": args.get("email"),
        "organisation": args.get("organisation"),
        "token": token,
    });
    ctx.render_status(status, "buyers/register-step", data)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TokenForm {
    token: String,
}

/// Shows whose address the link confirms and a button; following a link (mail scanners
/// do) changes nothing.
async fn confirm_page(ctx: Ctx, query: web::Query<TokenForm>) -> Result<HttpResponse, AppError> {
    let token = query.into_inner().token;
    let (lookup, now) = (token.clone(), ctx.state.now());
    let found = ctx.state.db(move |c| Ok(users::peek_link(c, LinkPurpose::BuyerConfirm, &lookup, now)?)).await?;
    match found {
        Some(user) => step(&ctx, StatusCode::OK, "buyer-confirm", json!({ "email": user.email }), Some(token)),
        None => step(&ctx, StatusCode::GONE, "buyer-link-invalid", json!({}), None),
    }
}

/// Uses the link up, marks the address confirmed and tells whoever approves the buyer:
/// the approved buyers of a known organisation and the operators, in one transaction.
async fn confirm(ctx: Ctx, CsrfForm(form): CsrfForm<TokenForm>) -> Result<HttpResponse, AppError> {
    let ip = ctx.client_ip();
    let (now, worker) = (ctx.state.now(), ctx.state.get_ref().clone());
    let confirmed = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let Some(user) = users::consume_link(c, LinkPurpose::BuyerConfirm, &form.token, now)? else {
                    return Ok(None);
                };
                let Some((organisation, _)) = buying::membership(c, user.id)? else { return Ok(None) };
                buying::confirm_email(c, user.id, now)?;
                tell_approvers(c, &worker, &organisation, &user.name, now)?;
                audit::Entry::by(
                    user.id,
                    &user.email,
                    &ip,
                    "buyer_email_confirmed",
                    &format!("buying organisation {}", organisation.kvk_number),
                    "",
                )
                .record(c, now)?;
                Ok::<_, AppError>(Some(organisation))
            })
        })
        .await?;
    match confirmed {
        Some(organisation) => {
            let key = if organisation.is_approved() { "buyer-confirmed-member" } else { "buyer-confirmed-new" };
            step(&ctx, StatusCode::OK, key, json!({ "organisation": organisation.name }), None)
        }
        None => step(&ctx, StatusCode::GONE, "buyer-link-invalid", json!({}), None),
    }
}

/// Mails the operators, and for an approved organisation its approved buyers, that a
/// buyer awaits approval.
fn tell_approvers(
    c: &mut DbConn,
    worker: &AppState,
    organisation: &BuyingOrganisation,
    buyer: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let mut recipients = crate::users::store::operators(c)?;
    if organisation.is_approved() {
        recipients.extend(buying::contacts(c, organisation.id)?);
    }
    for (email, language) in recipients {
        let data = json!({
            "subject_key": "mail-buyer-waiting-subject",
            "intro_key": if organisation.is_approved() { "mail-buyer-waiting-member" } else { "mail-buyer-waiting-new" },
            "name": null,
            "buyer": buyer,
            "organisation": organisation.name,
            "link": format!("{}/buying-organisations/{}", worker.config.base_url(), organisation.id),
            "unsubscribe_url": null,
        });
        let lang = Lang::parse(&language).unwrap_or(Lang::Nl);
        let mail = mail::render(&worker.templates, "buyer-account", lang, &email, data)?;
        outbox::enqueue(c, &mail, None, now)?;
    }
    Ok(())
}

/// Mails a buyer that they may now act for their organisation.
pub(super) fn tell_approved(
    c: &mut DbConn,
    worker: &AppState,
    organisation: &str,
    member: &crate::buying::Member,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let data = json!({
        "subject_key": "mail-buyer-approved-subject",
        "intro_key": "mail-buyer-approved-body",
        "name": member.name,
        "organisation": organisation,
        "link": format!("{}/needs", worker.config.base_url()),
        "unsubscribe_url": null,
    });
    let lang = Lang::parse(&member.language).unwrap_or(Lang::Nl);
    let mail = mail::render(&worker.templates, "buyer-account", lang, &member.email, data)?;
    outbox::enqueue(c, &mail, None, now)?;
    Ok(())
}
