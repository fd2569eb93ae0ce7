//! Buyer needs (the "dépôt de besoin" of Le marché de l'inclusion): a buyer describes
//! what it wants to buy, the operator checks and publishes it, the matching WISEs are
//! alerted in batches and answer, and the deal that followed is reported by the buyer
//! and confirmed by the WISE. Routes and who sees what here; the need's row and checks
//! in `model`, queries in `store`, the matching rule in `matching`, the scheduled steps
//! in `flow`, the mails in `mails`; the operator's steps in `moderation`, the WISEs'
//! answers in `respond`, deals in `outcome`, the API in `api`, the report's numbers in `stats`.

pub mod api;
pub mod attachments;
pub mod digest;
pub mod flow;
pub mod mails;
pub mod matching;
pub mod model;
pub mod moderation;
pub mod outcome;
pub mod respond;
pub mod stats;
pub mod store;
mod view;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::audit;
use crate::buying::BuyingOrganisation;
use crate::db::{write_tx, DbConn};
use crate::users::model::{CurrentUser, Role};
use crate::validation::FieldError;
use crate::web::auth::policy::Action;
use crate::web::auth::session::CsrfForm;
use crate::web::context::Ctx;
use crate::web::form::{error_summary, field_errors, see_other};
use crate::web::page::NoticeQuery;
use crate::web::{routes, AppError};
use model::{Need, NeedInput, NeedMatch};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/needs", list);
    routes::get(cfg, "/needs/new", new_form);
    routes::post(cfg, "/needs", create);
    routes::get(cfg, "/needs/fulfilled", outcome::fulfilled);
    digest::routes(cfg);
    routes::get(cfg, "/needs/{id}", show);
    routes::get(cfg, "/needs/{id}/edit", edit_form);
    routes::post(cfg, "/needs/{id}", update);
    attachments::routes(cfg);
    moderation::routes(cfg);
    respond::routes(cfg);
    outcome::routes(cfg);
    api::routes(cfg);
}

/// Who is looking at a need, and so what they see.
#[derive(Debug, Clone)]
pub enum Viewer {
    /// The operator: everything, and the moderation.
    Operator,
    /// A buyer of the need's organisation.
    Buyer(BuyingOrganisation),
    /// A WISE that was alerted to the need (its row).
    Wise(NeedMatch),
}

/// How `user` may see `need`; `None`: not at all (a 404, so nothing is revealed).
pub fn viewer_of(conn: &mut DbConn, user: &CurrentUser, need: &Need) -> diesel::QueryResult<Option<Viewer>> {
    Ok(match user.role {
        Role::Admin => Some(Viewer::Operator),
        Role::Buyer => crate::buying::store::acting_for(conn, user.id)?
            .filter(|o| o.id == need.buying_organisation_id)
            .map(Viewer::Buyer),
        Role::Wise if need.status == "published" => {
            let mut found = None;
            for organisation in &user.organisations {
                if let Some(m) = store::match_of(conn, need.id, *organisation)? {
                    if m.alerted_at.is_some() && m.removed_at.is_none() {
                        found = Some(Viewer::Wise(m));
                        break;
                    }
                }
            }
            found
        }
        _ => None,
    })
}

/// The need `id` and how the signed-in user sees it; 404 when they may not.
pub(crate) async fn load(ctx: &Ctx, id: i32) -> Result<(CurrentUser, Need, Viewer), AppError> {
    let user = ctx.require(Action::UseNeeds, None).await?;
    let asking = user.clone();
    let (need, viewer) = ctx
        .state
        .db(move |c| {
            let need = store::get(c, id)?.ok_or(AppError::NotFound)?;
            let viewer = viewer_of(c, &asking, &need)?.ok_or(AppError::NotFound)?;
            Ok((need, viewer))
        })
        .await?;
    Ok((user, need, viewer))
}

#[derive(Deserialize)]
struct ListQuery {
    status: Option<String>,
    notice: Option<String>,
}

/// `/needs`: a buyer's needs, a WISE's matched needs, the operator's queue by status.
async fn list(ctx: Ctx, query: web::Query<ListQuery>) -> Result<HttpResponse, AppError> {
    let user = ctx.require(Action::UseNeeds, None).await?;
    let status = query.status.clone().filter(|s| crate::vocab::NEED_STATUSES.contains(&s.as_str()));
    let today = ctx.state.now().date();
    let data = ctx
        .state
        .db(move |c| {
            Ok(match user.role {
                Role::Admin => {
                    let chosen = status.as_deref().unwrap_or("submitted");
                    let needs = store::all(c, Some(chosen))?;
                    let counts = store::status_counts(c)?;
                    view::operator_list(c, &needs, chosen, &counts)?
                }
                Role::Buyer => {
                    let membership = crate::buying::store::membership(c, user.id)?;
                    let needs = match &membership {
                        Some((o, true)) if o.is_approved() => store::of_buyer(c, o.id)?,
                        _ => Vec::new(),
                    };
                    view::buyer_list(&needs, membership.as_ref(), today)
                }
                _ => {
                    let mut rows = Vec::new();
                    for organisation in &user.organisations {
                        rows.extend(store::of_wise(c, *organisation)?);
                    }
                    let digest = digest::frequency_of(c, user.id)?;
                    view::wise_list(&rows, digest.as_deref(), today)
                }
            })
        })
        .await?;
    let notice = query.notice.as_deref().and_then(view::notice_key);
    ctx.render("needs/list", view::with(data, json!({ "nav": "needs", "notice": notice })))
}

/// The form's fields, as the template reads their errors (and in the order of the page).
const FIELDS: [&str; 16] = [
    "title",
    "description",
    "kind",
    "offering_kind",
    "cpv_codes",
    "location",
    "municipality",
    "radius_km",
    "amount_band",
    "amount_eur",
    "deadline",
    "starts_on",
    "reserved",
    "respond_how",
    "respond_to",
    "questions",
];

/// The need form as sent: every field a string, lists one per line or comma.
#[derive(Deserialize, Default, Clone, serde::Serialize)]
#[serde(default)]
pub(crate) struct NeedForm {
    title: String,
    description: String,
    kind: String,
    offering_kind: String,
    cpv_codes: String,
    location: String,
    municipality: String,
    radius_km: String,
    amount_band: String,
    amount_eur: String,
    deadline: String,
    starts_on: String,
    reserved: String,
    respond_how: String,
    respond_to: String,
    questions: String,
    /// `submit`: send it to the operator at once; otherwise it stays a draft.
    #[serde(skip_serializing)]
    then: String,
}

impl NeedForm {
    /// The input, and the errors of fields that are not even numbers.
    fn input(&self) -> (NeedInput, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut number = |text: &str, field: &str, key: &'static str| -> Option<i64> {
            let digits: String = text.chars().filter(|c| !matches!(c, '.' | ' ' | '€')).collect();
            if digits.is_empty() {
                return None;
            }
            digits.parse::<i64>().map_err(|_| errors.push(FieldError { field: field.into(), key })).ok()
        };
        let radius_km = number(&self.radius_km, "radius_km", "error-radius").and_then(|n| i32::try_from(n).ok());
        let amount_eur = number(&self.amount_eur, "amount_eur", "error-amount");
        let input = NeedInput {
            title: self.title.clone(),
            description: self.description.clone(),
            kind: self.kind.clone(),
            offering_kind: self.offering_kind.clone(),
            cpv_codes: self.cpv_codes.split([',', ';', '\n', ' ']).map(str::to_string).collect(),
            location: self.location.clone(),
            municipality: self.municipality.clone(),
            radius_km,
            amount_band: self.amount_band.clone(),
            amount_eur,
            deadline: self.deadline.clone(),
            starts_on: self.starts_on.clone(),
            reserved: matches!(self.reserved.as_str(), "on" | "true" | "1"),
            respond_how: self.respond_how.clone(),
            respond_to: self.respond_to.clone(),
            questions: self.questions.lines().map(str::to_string).collect(),
        };
        (input, errors)
    }

    pub(crate) fn of(need: &Need) -> Self {
        Self {
            title: need.title.clone(),
            description: need.description.clone(),
            kind: need.kind.clone(),
            offering_kind: need.offering_kind.clone(),
            cpv_codes: need.cpv_list().join(", "),
            location: need.location.clone(),
            municipality: need.municipality.clone().unwrap_or_default(),
            radius_km: need.radius_km.map(|k| k.to_string()).unwrap_or_default(),
            amount_band: need.amount_band.clone(),
            amount_eur: need.amount_eur.map(|a| a.to_string()).unwrap_or_default(),
            deadline: need.deadline.format("%Y-%m-%d").to_string(),
            starts_on: need.starts_on.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
            reserved: if need.reserved { "on".into() } else { String::new() },
            respond_how: need.respond_how.clone(),
            respond_to: need.respond_to.clone().unwrap_or_default(),
            questions: need.question_list().join("\n"),
            then: String::new(),
        }
    }
}

/// The buying organisation a buyer posts needs for; 403 with an explanation otherwise.
async fn posting_for(ctx: &Ctx) -> Result<(CurrentUser, BuyingOrganisation), AppError> {
    let user = ctx.require(Action::UseBuyerTools, None).await?;
    let id = user.id;
    let organisation = ctx.state.db(move |c| Ok(crate::buying::store::acting_for(c, id)?)).await?;
    organisation.map(|o| (user, o)).ok_or(AppError::Forbidden)
}

/// `GET /needs/new`: the empty form, or filled in by the query string (the advisor's
/// "post a need for this purchase" link); the defaults fill what it leaves out.
async fn new_form(ctx: Ctx, given: web::Query<NeedForm>) -> Result<HttpResponse, AppError> {
    let (_, organisation) = posting_for(&ctx).await?;
    let given = given.into_inner();
    let or = |value: String, default: &str| if value.trim().is_empty() { default.to_string() } else { value };
    let form = NeedForm {
        kind: or(given.kind, "quote"),
        offering_kind: or(given.offering_kind, "service"),
        location: or(given.location, "municipality"),
        municipality: or(given.municipality, organisation.municipality.as_deref().unwrap_or_default()),
        amount_band: or(given.amount_band, "unknown"),
        respond_how: or(given.respond_how, "platform"),
        ..given
    };
    render_form(&ctx, StatusCode::OK, None, &form, &[])
}

fn render_form(
    ctx: &Ctx,
    status: StatusCode,
    need: Option<&Need>,
    form: &NeedForm,
    errors: &[FieldError],
) -> Result<HttpResponse, AppError> {
    let action = need.map_or("/needs".to_string(), |n| format!("/needs/{}", n.id));
    let data = json!({
        "nav": "needs",
        "need": need.map(|n| json!({ "id": n.id, "title": n.title, "status": n.status, "status_comment": n.status_comment })),
        "action": action,
        "form": form,
        "errors": field_errors(&FIELDS, errors),
        "error_summary": error_summary(errors, "need-field-", |f| format!("need-{}", f.replace('_', "-"))),
        "kinds": crate::vocab::NEED_KINDS,
        "offering_kinds": crate::vocab::OFFERING_KINDS,
        "locations": crate::vocab::NEED_LOCATIONS,
        "amount_bands": crate::vocab::AMOUNT_BANDS,
        "respond_hows": crate::vocab::RESPOND_HOW,
    });
    ctx.render_status(status, "needs/form", data)
}

/// Checks a sent form: the valid need, or the form again with its errors.
async fn checked(ctx: &Ctx, form: &NeedForm) -> Result<Result<model::ValidNeed, Vec<FieldError>>, AppError> {
    let (input, mut number_errors) = form.input();
    let today = ctx.state.now().date();
    let result = ctx.state.db(move |c| Ok(model::validate(c, input, today)?)).await?;
    Ok(match result {
        Ok(valid) if number_errors.is_empty() => Ok(valid),
        Ok(_) => Err(number_errors),
        Err(mut errors) => {
            errors.retain(|e| !number_errors.iter().any(|n| n.field == e.field));
            number_errors.extend(errors);
            number_errors.sort_by_key(|e| FIELDS.iter().position(|f| *f == e.field).unwrap_or(FIELDS.len()));
            Err(number_errors)
        }
    })
}

async fn create(ctx: Ctx, CsrfForm(form): CsrfForm<NeedForm>) -> Result<HttpResponse, AppError> {
    let (user, organisation) = posting_for(&ctx).await?;
    let valid = match checked(&ctx, &form).await? {
        Ok(valid) => valid,
        Err(errors) => return render_form(&ctx, StatusCode::UNPROCESSABLE_ENTITY, None, &form, &errors),
    };
    let (now, ip, submit) = (ctx.state.now(), ctx.client_ip(), form.then == "submit");
    let worker = ctx.state.get_ref().clone();
    let id = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let id = store::create(c, organisation.id, user.id, &valid, now)?;
                record(c, &user, &ip, "need_created", id, "", now)?;
                if submit {
                    moderation::submit(c, &worker, &user, &ip, id, now)?;
                }
                Ok::<_, AppError>(id)
            })
        })
        .await?;
    let notice = if submit { "submitted" } else { "saved" };
    Ok(see_other(&format!("/needs/{id}?notice={notice}")))
}

async fn edit_form(ctx: Ctx, path: web::Path<i32>) -> Result<HttpResponse, AppError> {
    let (_, need, viewer) = load(&ctx, path.into_inner()).await?;
    if !matches!(viewer, Viewer::Buyer(_)) || !need.is_editable() {
        return Err(AppError::Conflict("only a draft or a returned need can be changed".into()));
    }
    render_form(&ctx, StatusCode::OK, Some(&need), &NeedForm::of(&need), &[])
}

async fn update(ctx: Ctx, path: web::Path<i32>, CsrfForm(form): CsrfForm<NeedForm>) -> Result<HttpResponse, AppError> {
    let (user, need, viewer) = load(&ctx, path.into_inner()).await?;
    if !matches!(viewer, Viewer::Buyer(_)) || !need.is_editable() {
        return Err(AppError::Conflict("only a draft or a returned need can be changed".into()));
    }
    let valid = match checked(&ctx, &form).await? {
        Ok(valid) => valid,
        Err(errors) => return render_form(&ctx, StatusCode::UNPROCESSABLE_ENTITY, Some(&need), &form, &errors),
    };
    let (now, ip, submit, id) = (ctx.state.now(), ctx.client_ip(), form.then == "submit", need.id);
    let worker = ctx.state.get_ref().clone();
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                store::update(c, id, &valid, now)?;
                record(c, &user, &ip, "need_changed", id, "", now)?;
                if submit {
                    moderation::submit(c, &worker, &user, &ip, id, now)?;
                }
                Ok::<_, AppError>(())
            })
        })
        .await?;
    let notice = if submit { "submitted" } else { "saved" };
    Ok(see_other(&format!("/needs/{id}?notice={notice}")))
}

/// `/needs/{id}`: the need, and by who is looking: the buyer's tracking, the operator's
/// moderation with the match list, a WISE's answer form. A WISE's first look counts as opened.
async fn show(ctx: Ctx, path: web::Path<i32>, query: web::Query<NoticeQuery>) -> Result<HttpResponse, AppError> {
    let (_, need, viewer) = load(&ctx, path.into_inner()).await?;
    let (now, config) = (ctx.state.now(), ctx.state.config.clone());
    let data = ctx
        .state
        .db(move |c| {
            if let Viewer::Wise(m) = &viewer {
                if m.opened_at.is_none() {
                    write_tx(c, |c| store::mark_opened(c, need.id, m.organisation_id, now))?;
                }
            }
            view::show(c, &config, &need, &viewer, now)
        })
        .await?;
    let notice = query.notice.as_deref().and_then(view::notice_key);
    ctx.render("needs/show", view::with(data, json!({ "nav": "needs", "notice": notice })))
}

/// Writes an audit entry on need `id`.
pub(crate) fn record(
    conn: &mut DbConn,
    user: &CurrentUser,
    ip: &str,
    action: &str,
    id: i32,
    detail: &str,
    now: chrono::NaiveDateTime,
) -> diesel::QueryResult<()> {
    let target = format!("need {id}");
    audit::Entry::by(user.id, &user.email, ip, action, &target, detail).record(conn, now)
}
