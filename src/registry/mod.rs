//! Registration: a WISE applies through a public form (its details and its first user),
//! the applicant confirms their email address, and the operator approves the WISE, asks
//! for changes, suspends or reinstates it from a queue. Until approved a WISE stays
//! `pending` and invisible. Every step writes its mails to the outbox and an audit entry
//! in the transaction that makes the change.

pub mod store;
pub mod view;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Duration;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::audit::{self, Actor};
use crate::catalogue::store::MAX_DESCRIPTION;
use crate::db::write_tx;
use crate::i18n::Lang;
use crate::mail::{self, outbox};
use crate::organisation::model::OrganisationInput;
use crate::organisation::Status;
use crate::users::store::{normalise_email, NewUser};
use crate::validation::{char_len, Errors, FieldError};
use crate::vocab;
use crate::web::auth::policy::{self, Action};
use crate::web::auth::ratelimit::{attempt_keys, limit};
use crate::web::auth::session::{client_ip, CsrfForm, Identity};
use crate::web::form::Paging;
use crate::web::form::{field_errors, see_other};
use crate::web::{page, routes, AppError, AppState};
use store::{Application, Confirmation};

pub fn routes(cfg: &mut web::ServiceConfig) {
    routes::get(cfg, "/register", register_page);
    routes::post(cfg, "/register", register);
    routes::get(cfg, "/register/confirm", confirm_page);
    routes::post(cfg, "/register/confirm", confirm);
    routes::post(cfg, "/register/resend", resend);
    routes::get(cfg, "/admin/organisations", queue_page);
    routes::get(cfg, "/admin/organisations/{id}", review_page);
    routes::post(cfg, "/admin/organisations/{id}/approve", approve);
    routes::post(cfg, "/admin/organisations/{id}/request-changes", request_changes);
    routes::post(cfg, "/admin/organisations/{id}/suspend", suspend);
    routes::post(cfg, "/admin/organisations/{id}/reinstate", reinstate);
}

/// A confirmation link works as long as an invitation link (`auth.invite_link_days`).
fn confirmation_lifetime(state: &AppState) -> Duration {
    Duration::days(state.config.auth.invite_link_days)
}

/// Text from a textarea: Windows line ends folded, trimmed.
fn multiline(text: &str) -> String {
    text.replace("\r\n", "\n").trim().to_string()
}

// ---------------------------------------------------------------------------
// Applying

/// The fields of the registration form, as the template reads their errors.
const FIELDS: [&str; 19] = [
    "kvk_number",
    "name",
    "legal_form",
    "founded_year",
    "website",
    "email",
    "phone",
    "street",
    "postcode",
    "municipality",
    "district",
    "description",
    "sectors",
    "target_groups",
    "market_income_pct",
    "user_name",
    "user_email",
    "password",
    "password_confirm",
];

/// The registration form as sent; a missing field is empty (and then a field error).
#[derive(Deserialize, Default)]
#[serde(default)]
struct RegisterForm {
    kvk_number: String,
    name: String,
    legal_form: String,
    founded_year: String,
    website: String,
    email: String,
    phone: String,
    street: String,
    postcode: String,
    municipality: String,
    district: String,
    description: String,
    primary_sector: String,
    /// The other sectors, besides the primary one.
    sectors: Vec<String>,
    target_groups: Vec<String>,
    market_income_pct: String,
    user_name: String,
    user_email: String,
    password: String,
    password_confirm: String,
}

fn optional_text(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// A whole number typed in a field; empty is `None`, anything else not a number an error.
fn number(text: &str, field: &str, key: &'static str, errors: &mut Errors) -> Option<i32> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    text.parse().map_err(|_| errors.add(field, key)).ok()
}

impl RegisterForm {
    /// The sectors in order: the primary sector first (reports count the WISE under it).
    fn sector_list(&self) -> Vec<String> {
        let mut sectors: Vec<String> = Vec::new();
        for sector in std::iter::once(&self.primary_sector).chain(&self.sectors) {
            let sector = sector.trim();
            if !sector.is_empty() && !sectors.iter().any(|s| s == sector) {
                sectors.push(sector.to_string());
            }
        }
        sectors
    }

    /// The application, and the errors found while reading the form itself.
    fn application(&self, lang: Lang) -> (Application, Vec<FieldError>) {
        let mut errors = Errors::default();
        let founded_year = number(&self.founded_year, "founded_year", "error-year", &mut errors);
        let market_income_pct = number(&self.market_income_pct, "market_income_pct", "error-percentage", &mut errors);
        if self.primary_sector.trim().is_empty() {
            errors.add("sectors", "error-sector-required");
        }
        // "www.example.nl" means https://www.example.nl.
        let website = optional_text(&self.website).map(|w| if w.contains("://") { w } else { format!("https://{w}") });
        let organisation = OrganisationInput {
            kvk_number: self.kvk_number.split_whitespace().collect(),
            name: self.name.trim().to_string(),
            legal_form: optional_text(&self.legal_form),
            founded_year,
            website,
            email: optional_text(&self.email),
            phone: optional_text(&self.phone),
            street: optional_text(&self.street),
            postcode: optional_text(&self.postcode).map(|p| p.to_uppercase()),
            municipality: self.municipality.trim().to_string(),
            district: optional_text(&self.district),
            description: multiline(&self.description),
            market_income_pct,
            sectors: self.sector_list(),
            target_groups: self.target_groups.iter().map(|t| t.trim().to_string()).collect(),
            ..Default::default()
        };
        let user = NewUser {
            email: self.user_email.clone(),
            name: self.user_name.clone(),
            role: "wise".to_string(),
            language: lang.code().to_string(),
            organisation_kvk: None,
        };
        let application = Application {
            organisation,
            user,
            password: self.password.clone(),
            password_confirm: self.password_confirm.clone(),
        };
        (application, errors.0)
    }
}

fn register_view(
    req: &HttpRequest,
    state: &AppState,
    form: &RegisterForm,
    status: StatusCode,
    errors: &[FieldError],
) -> Result<HttpResponse, AppError> {
    let (primary_sectors, sectors) = view::sector_choices(form.primary_sector.trim(), &form.sectors);
    let data = json!({
        "nav": "register",
        // Everything typed in comes back, except the passwords.
        "form": {
            "kvk_number": form.kvk_number, "name": form.name, "legal_form": form.legal_form,
            "founded_year": form.founded_year, "website": form.website, "email": form.email,
            "phone": form.phone, "street": form.street, "postcode": form.postcode,
            "municipality": form.municipality, "district": form.district, "description": form.description,
            "market_income_pct": form.market_income_pct, "user_name": form.user_name, "user_email": form.user_email,
        },
        "primary_sectors": primary_sectors,
        "sectors": sectors,
        "target_groups": view::choices(vocab::TARGET_GROUPS, &form.target_groups),
        "errors": field_errors(&FIELDS, errors),
        "has_errors": !errors.is_empty(),
    });
    page::render_status(state, req, status, "registry/register", data)
}

async fn register_page(req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    register_view(&req, &state, &RegisterForm::default(), StatusCode::OK, &[])
}

/// Stores an application and mails the applicant a confirmation link, in one
/// transaction; any field error stores nothing and shows the form again.
async fn register(
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<RegisterForm>,
) -> Result<HttpResponse, AppError> {
    let ip = client_ip(&req, &state.config);
    limit(&state, &attempt_keys(&state, "register", &ip, &normalise_email(&form.user_email)))?;
    let lang = Lang::of_request(&req, state.default_lang());
    let (application, mut errors) = form.application(lang);
    let checked = application.clone();
    errors.extend(state.db(move |c| Ok(store::check(c, &checked)?)).await?);
    if !errors.is_empty() {
        return register_view(&req, &state, &form, StatusCode::UNPROCESSABLE_ENTITY, &errors);
    }
    let hash = state.hasher.hash(application.password.clone()).await?;
    let (now, valid_for, worker) = (state.now(), confirmation_lifetime(&state), state.get_ref().clone());
    let email = normalise_email(&application.user.email);
    let recipient = email.clone();
    let outcome = state
        .db(move |c| {
            write_tx(c, |c| {
                // Another application may have taken the KvK number or address meanwhile.
                let taken = store::check_taken(c, &application)?;
                if !taken.is_empty() {
                    return Ok(Err(taken));
                }
                let created = store::create(c, &application, &hash, now, valid_for)?;
                let organisation = &application.organisation;
                let data = json!({
                    "name": application.user.name.trim(),
                    "organisation": organisation.name,
                    "link": worker.link("/register/confirm", &created.token),
                    "days": valid_for.num_days(),
                    "unsubscribe_url": null,
                });
                let mail = mail::render(&worker.templates, "registration-confirm", lang, &recipient, data)?;
                outbox::enqueue(c, &mail, None, now)?;
                let entry = audit::Entry {
                    actor: Actor::User { id: created.user_id, email: &recipient },
                    ip: Some(&ip),
                    action: "organisation_registered",
                    target: &format!("organisation {}", organisation.kvk_number),
                    detail: &organisation.name,
                };
                audit::record(c, now, entry)?;
                Ok::<_, AppError>(Ok(()))
            })
        })
        .await?;
    match outcome {
        Ok(()) => {
            page::render(&state, &req, "registry/sent", json!({ "nav": "register", "email": email, "resent": false }))
        }
        Err(errors) => register_view(&req, &state, &form, StatusCode::UNPROCESSABLE_ENTITY, &errors),
    }
}

// ---------------------------------------------------------------------------
// Confirming the email address

#[derive(Deserialize, Default)]
#[serde(default)]
struct TokenForm {
    token: String,
}

fn link_invalid(req: &HttpRequest, state: &AppState) -> Result<HttpResponse, AppError> {
    page::render_status(state, req, StatusCode::GONE, "registry/link-invalid", json!({ "nav": "register" }))
}

/// Shows what the link confirms and a button; following a link (mail scanners do)
/// changes nothing.
async fn confirm_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<TokenForm>,
) -> Result<HttpResponse, AppError> {
    let token = query.into_inner().token;
    let (lookup, now) = (token.clone(), state.now());
    let Some(found) = state.db(move |c| Ok(store::peek_confirmation(c, &lookup, now)?)).await? else {
        return link_invalid(&req, &state);
    };
    let data = json!({
        "nav": "register",
        "token": token,
        "organisation": found.organisation_name,
        "email": found.user.email,
    });
    page::render(&state, &req, "registry/confirm", data)
}

/// Uses the link up, marks the address confirmed and tells the operators that an
/// application awaits them, in one transaction.
async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> Result<HttpResponse, AppError> {
    let ip = client_ip(&req, &state.config);
    let (now, worker) = (state.now(), state.get_ref().clone());
    let confirmed = state
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
                let entry = audit::Entry {
                    actor: Actor::User { id: found.user.id, email: &found.user.email },
                    ip: Some(&ip),
                    action: "registration_email_confirmed",
                    target: &format!("organisation {}", found.kvk_number),
                    detail: "",
                };
                audit::record(c, now, entry)?;
                Ok::<_, AppError>(Some(found.organisation_name))
            })
        })
        .await?;
    match confirmed {
        Some(organisation) => {
            page::render(&state, &req, "registry/confirmed", json!({ "nav": "register", "organisation": organisation }))
        }
        None => link_invalid(&req, &state),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ResendForm {
    email: String,
}

/// Sends a new confirmation link when the address belongs to an application that
/// awaits one; the answer is the same either way.
async fn resend(
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<ResendForm>,
) -> Result<HttpResponse, AppError> {
    let ip = client_ip(&req, &state.config);
    let email = normalise_email(&form.email);
    limit(&state, &attempt_keys(&state, "register-resend", &ip, &email))?;
    let (now, valid_for, worker) = (state.now(), confirmation_lifetime(&state), state.get_ref().clone());
    let lookup = email.clone();
    state
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
                let entry = audit::Entry {
                    actor: Actor::User { id: user.id, email: &user.email },
                    ip: Some(&ip),
                    action: "registration_link_resent",
                    target: &format!("organisation {kvk_number}"),
                    detail: "",
                };
                audit::record(c, now, entry)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    page::render(&state, &req, "registry/sent", json!({ "nav": "register", "email": email, "resent": true }))
}

// ---------------------------------------------------------------------------
// The operator's queue

const PER_PAGE: u32 = 50;

#[derive(Deserialize)]
struct QueueQuery {
    status: Option<String>,
    page: Option<u32>,
    notice: Option<String>,
}

/// Notices a decision's redirect may ask the queue to show (anything else is ignored).
fn notice_key(notice: Option<&str>) -> Option<&'static str> {
    [Decision::Approve, Decision::RequestChanges, Decision::Suspend, Decision::Reinstate]
        .into_iter()
        .find(|d| Some(d.notice()) == notice)
        .map(Decision::notice_key)
}

async fn queue_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    policy::require(&state, &req, &identity, Action::Operate, None).await?;
    let query = query.into_inner();
    let status = query.status.unwrap_or_else(|| "all".to_string());
    if !store::FILTERS.contains(&status.as_str()) {
        return Err(AppError::BadRequest(format!("status: {status:?} is not one of {}", store::FILTERS.join(", "))));
    }
    let page = query.page.unwrap_or(1);
    if page == 0 {
        return Err(AppError::BadRequest("page: pages are numbered from 1".into()));
    }
    let filter = status.clone();
    let (counts, (organisations, total)) =
        state.db(move |c| Ok((store::status_counts(c)?, store::queue(c, &filter, page, PER_PAGE)?))).await?;
    let paging = Paging::new(page, PER_PAGE, total);
    if page > paging.pages {
        return Err(AppError::NotFound);
    }
    let data = json!({
        "nav": "admin-organisations",
        "status": status,
        "tabs": view::filter_tabs(&counts, &status),
        "organisations": organisations,
        "total": total,
        "paging": paging,
        "notice": notice_key(query.notice.as_deref()),
    });
    page::render(&state, &req, "admin/organisations", data)
}

/// The fields of the decision forms.
const DECISION_FIELDS: [&str; 2] = ["message", "reason"];

/// The review page of one WISE, with `extra` data (errors, a refusal) on top.
async fn review_view(
    req: &HttpRequest,
    state: &AppState,
    id: i32,
    status: StatusCode,
    extra: Value,
) -> Result<HttpResponse, AppError> {
    let review = state.db(move |c| Ok(store::review(c, id)?)).await?.ok_or(AppError::NotFound)?;
    let data = view::review_page(&review);
    let defaults = json!({
        "refusal": null,
        "errors": field_errors(&DECISION_FIELDS, &[]),
        "message": "",
        "reason": "",
    });
    page::render_over(state, req, status, "admin/organisation", page::merge(data, defaults), extra)
}

async fn review_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    path: web::Path<i32>,
) -> Result<HttpResponse, AppError> {
    policy::require(&state, &req, &identity, Action::Operate, None).await?;
    review_view(&req, &state, path.into_inner(), StatusCode::OK, json!({})).await
}

/// What the operator decides about a WISE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decision {
    Approve,
    RequestChanges,
    Suspend,
    Reinstate,
}

impl Decision {
    /// The statuses a WISE may have for this decision.
    fn applies_to(self) -> &'static [Status] {
        match self {
            Decision::Approve | Decision::RequestChanges => &[Status::Pending],
            Decision::Suspend => &[Status::Pending, Status::Approved],
            Decision::Reinstate => &[Status::Suspended],
        }
    }

    /// The status it leads to (asking for changes leaves the WISE pending).
    fn leads_to(self) -> Status {
        match self {
            Decision::Approve | Decision::Reinstate => Status::Approved,
            Decision::RequestChanges => Status::Pending,
            Decision::Suspend => Status::Suspended,
        }
    }

    /// The form field holding the message this decision requires, if any.
    fn message_field(self) -> Option<&'static str> {
        match self {
            Decision::RequestChanges => Some("message"),
            Decision::Suspend => Some("reason"),
            Decision::Approve | Decision::Reinstate => None,
        }
    }

    fn audit_action(self) -> &'static str {
        match self {
            Decision::Approve => "organisation_approved",
            Decision::RequestChanges => "organisation_changes_requested",
            Decision::Suspend => "organisation_suspended",
            Decision::Reinstate => "organisation_reinstated",
        }
    }

    /// The mail to the WISE, and the notice in the queue afterwards.
    fn notice(self) -> &'static str {
        match self {
            Decision::Approve => "approved",
            Decision::RequestChanges => "changes-requested",
            Decision::Suspend => "suspended",
            Decision::Reinstate => "reinstated",
        }
    }

    fn mail(self) -> String {
        format!("organisation-{}", self.notice())
    }

    fn notice_key(self) -> &'static str {
        match self {
            Decision::Approve => "registry-notice-approved",
            Decision::RequestChanges => "registry-notice-changes-requested",
            Decision::Suspend => "registry-notice-suspended",
            Decision::Reinstate => "registry-notice-reinstated",
        }
    }
}

/// The message fields of a decision form (the one that is not needed stays empty).
#[derive(Deserialize, Default)]
#[serde(default)]
struct DecisionForm {
    message: String,
    reason: String,
}

/// Why a decision cannot be made now.
enum Refusal {
    /// The WISE's status does not allow it (or changed meanwhile).
    Status,
    /// The applicant has not confirmed their email address.
    Unconfirmed,
}

/// Changes a WISE's status, mails its users and its own address, and writes the audit
/// log, in one transaction.
async fn decide(
    req: &HttpRequest,
    state: &AppState,
    identity: &Identity,
    id: i32,
    decision: Decision,
    form: DecisionForm,
) -> Result<HttpResponse, AppError> {
    let admin = policy::require(state, req, identity, Action::Operate, None).await?;
    let message = match decision.message_field() {
        None => None,
        Some(field) => {
            let text = multiline(if field == "message" { &form.message } else { &form.reason });
            let key = if text.is_empty() {
                Some("error-required")
            } else if char_len(&text) > MAX_DESCRIPTION {
                Some("error-too-long")
            } else {
                None
            };
            if let Some(key) = key {
                let errors = [FieldError { field: field.to_string(), key }];
                let extra = json!({
                    "errors": field_errors(&DECISION_FIELDS, &errors),
                    "message": form.message,
                    "reason": form.reason,
                });
                return review_view(req, state, id, StatusCode::UNPROCESSABLE_ENTITY, extra).await;
            }
            Some(text)
        }
    };
    let (now, ip, worker) = (state.now(), client_ip(req, &state.config), state.clone());
    let (admin_id, admin_email) = (admin.id, admin.email.clone());
    let outcome = state
        .db(move |c| {
            write_tx(c, |c| {
                let organisation = store::organisation(c, id)?.ok_or(AppError::NotFound)?;
                if !decision.applies_to().contains(&organisation.status()) {
                    return Ok(Err(Refusal::Status));
                }
                if decision.leads_to().is_public() && store::awaits_confirmation(c, id)? {
                    return Ok(Err(Refusal::Unconfirmed));
                }
                let to = decision.leads_to();
                if !store::set_status(c, id, &organisation.status, to.as_str(), message.as_deref(), now)? {
                    return Ok(Err(Refusal::Status));
                }
                let base = worker.config.base_url();
                let page_link = match to {
                    Status::Approved => format!("{base}/organisations/{}", organisation.slug),
                    _ => format!("{base}/sign-in"),
                };
                let default_language = worker.default_lang().code();
                for recipient in store::recipients(c, &organisation, default_language)? {
                    let lang = Lang::parse(&recipient.language).unwrap_or(Lang::Nl);
                    let data = json!({
                        "name": recipient.name,
                        "organisation": organisation.name,
                        "message": message,
                        "link": page_link,
                        "unsubscribe_url": null,
                    });
                    let mail = mail::render(&worker.templates, &decision.mail(), lang, &recipient.email, data)?;
                    outbox::enqueue(c, &mail, None, now)?;
                }
                let entry = audit::Entry {
                    actor: Actor::User { id: admin_id, email: &admin_email },
                    ip: Some(&ip),
                    action: decision.audit_action(),
                    target: &format!("organisation {}", organisation.kvk_number),
                    detail: message.as_deref().unwrap_or(""),
                };
                audit::record(c, now, entry)?;
                Ok::<_, AppError>(Ok(()))
            })
        })
        .await?;
    let refusal = match outcome {
        Ok(()) => return Ok(see_other(&format!("/admin/organisations?notice={}", decision.notice()))),
        Err(Refusal::Status) => "error-registry-status",
        Err(Refusal::Unconfirmed) => "error-registry-unconfirmed",
    };
    review_view(req, state, id, StatusCode::CONFLICT, json!({ "refusal": refusal })).await
}

async fn approve(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    decide(&req, &state, &identity, path.into_inner(), Decision::Approve, form).await
}

async fn request_changes(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    decide(&req, &state, &identity, path.into_inner(), Decision::RequestChanges, form).await
}

async fn suspend(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    decide(&req, &state, &identity, path.into_inner(), Decision::Suspend, form).await
}

async fn reinstate(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    path: web::Path<i32>,
    CsrfForm(form): CsrfForm<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    decide(&req, &state, &identity, path.into_inner(), Decision::Reinstate, form).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_primary_sector_comes_first_and_once() {
        let form = RegisterForm {
            primary_sector: "textiles".into(),
            sectors: vec!["catering".into(), "textiles".into(), "catering".into()],
            ..Default::default()
        };
        assert_eq!(form.sector_list(), ["textiles", "catering"]);
    }

    #[test]
    fn numbers_and_websites_are_read_leniently_but_checked() {
        let form = RegisterForm {
            kvk_number: " 0123 4567 ".into(),
            founded_year: "twee".into(),
            market_income_pct: " 40 ".into(),
            website: "www.example.nl".into(),
            ..Default::default()
        };
        let (application, errors) = form.application(Lang::En);
        assert_eq!(application.organisation.kvk_number, "01234567");
        assert_eq!(application.organisation.market_income_pct, Some(40));
        assert_eq!(application.organisation.website.as_deref(), Some("https://www.example.nl"));
        assert_eq!(application.user.language, "en");
        let fields: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.key)).collect();
        assert_eq!(fields, [("founded_year", "error-year"), ("sectors", "error-sector-required")]);
    }

    #[test]
    fn decisions_move_between_the_right_statuses() {
        assert_eq!(Decision::Approve.leads_to(), Status::Approved);
        assert_eq!(Decision::RequestChanges.leads_to(), Status::Pending);
        assert!(Decision::Suspend.applies_to().contains(&Status::Approved));
        assert!(!Decision::Reinstate.applies_to().contains(&Status::Pending));
        assert_eq!(Decision::RequestChanges.mail(), "organisation-changes-requested");
        assert_eq!(notice_key(Some("suspended")), Some("registry-notice-suspended"));
        assert_eq!(notice_key(Some("other")), None);
    }
}
