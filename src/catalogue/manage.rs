//! "My WISE": the users of a WISE (and the operator) edit its profile and its
//! offerings. The CPV picker in the offering form works without JavaScript (a search
//! button re-renders the form with matching codes); `GET /api/v1/cpv` serves the same
//! lookup as JSON for the small script that improves it.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::model::{OfferingInput, Organisation, OrganisationInput, ServiceArea};
use super::{cpv, manage_store, store};
use crate::audit::{self, Actor};
use crate::db::{write_tx, DbConn};
use crate::users::model::{CurrentUser, Role};
use crate::validation::{char_len, is_kvk_number, FieldError};
use crate::vocab;
use crate::vocab::cpv::{division_label, normalise, CpvCode, MAX_QUERY};
use crate::web::auth::policy::{self, Action};
use crate::web::auth::session::{client_ip, CsrfForm, Empty, Identity};
use crate::web::form::{error_summary, field_errors, see_other};
use crate::web::page::NoticeQuery;
use crate::web::{page, routes, AppError, AppState};

/// How many codes the picker shows at most.
pub const PICKER_LIMIT: i64 = 30;
/// How many empty certification rows the profile form offers for new entries.
const EMPTY_CERTIFICATION_ROWS: usize = 3;

pub fn routes(cfg: &mut web::ServiceConfig) {
    routes::get(cfg, "/manage", index);
    routes::get(cfg, "/manage/organisations/{kvk}", profile_page);
    routes::post(cfg, "/manage/organisations/{kvk}", save_profile);
    routes::get(cfg, "/manage/organisations/{kvk}/offerings", offerings_page);
    // `new` before `{id}`, so it is not read as an id.
    routes::get(cfg, "/manage/organisations/{kvk}/offerings/new", new_offering_page);
    routes::post(cfg, "/manage/organisations/{kvk}/offerings/new", create_offering);
    routes::get(cfg, "/manage/organisations/{kvk}/offerings/{id}", edit_offering_page);
    routes::post(cfg, "/manage/organisations/{kvk}/offerings/{id}", save_offering);
    routes::post(cfg, "/manage/organisations/{kvk}/offerings/{id}/deactivate", deactivate_offering);
    routes::post(cfg, "/manage/organisations/{kvk}/offerings/{id}/activate", activate_offering);
    routes::get(cfg, "/manage/organisations/{kvk}/offerings/{id}/delete", delete_offering_page);
    routes::post(cfg, "/manage/organisations/{kvk}/offerings/{id}/delete", delete_offering);
    routes::get(cfg, "/api/v1/cpv", api_cpv);
}

// ---------------------------------------------------------------------------
// Shared pieces

fn base_path(kvk: &str) -> String {
    format!("/manage/organisations/{kvk}")
}

/// Notices a redirect may ask a page to show (anything else is ignored).
fn notice_key(notice: Option<&str>) -> Option<&'static str> {
    match notice? {
        "saved" => Some("manage-notice-saved"),
        "created" => Some("manage-notice-created"),
        "activated" => Some("manage-notice-activated"),
        "deactivated" => Some("manage-notice-deactivated"),
        "deleted" => Some("manage-notice-deleted"),
        _ => None,
    }
}

/// The WISE of the page as the templates read it.
pub(crate) fn organisation_json(o: &Organisation) -> Value {
    json!({
        "kvk_number": o.kvk_number,
        "name": o.name,
        "slug": o.slug,
        "status": o.status,
        "public": o.status == "approved",
    })
}

/// The WISE named by the path, when the requester may edit it: 401 when not signed
/// in, 404 when there is no such WISE, 403 (audited) when it is not theirs.
async fn editable(
    state: &AppState,
    req: &HttpRequest,
    identity: &Identity,
    kvk: &str,
) -> Result<(CurrentUser, Organisation), AppError> {
    organisation_for(state, req, identity, kvk, Action::EditOrganisation).await
}

/// The WISE named by a path's KvK number, when the requester may do `action` on it:
/// 401 when not signed in, 404 when there is no such WISE, 403 (audited) otherwise.
pub(crate) async fn organisation_for(
    state: &AppState,
    req: &HttpRequest,
    identity: &Identity,
    kvk: &str,
    action: Action,
) -> Result<(CurrentUser, Organisation), AppError> {
    identity.user()?;
    if !is_kvk_number(kvk) {
        return Err(AppError::NotFound);
    }
    let lookup = kvk.to_string();
    let organisation =
        state.db(move |c| Ok(manage_store::organisation_by_kvk(c, &lookup)?)).await?.ok_or(AppError::NotFound)?;
    let user = policy::require(state, req, identity, action, Some(organisation.id)).await?;
    Ok((user, organisation))
}

/// One audit entry, written in the caller's transaction.
fn record(
    c: &mut DbConn,
    now: chrono::NaiveDateTime,
    user: &CurrentUser,
    ip: &str,
    action: &str,
    target: &str,
    detail: &str,
) -> Result<(), AppError> {
    let entry =
        audit::Entry { actor: Actor::User { id: user.id, email: &user.email }, ip: Some(ip), action, target, detail };
    Ok(audit::record(c, now, entry)?)
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

/// A date as a date input sends it (`2027-03-31`); empty is `None`.
fn parse_date(raw: &str) -> Result<Option<NaiveDate>, ()> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").map(Some).map_err(|_| ())
}

/// A whole number; empty is `None`.
fn parse_number(raw: &str) -> Result<Option<i32>, ()> {
    let raw = raw.trim().trim_end_matches('%').trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse().map(Some).map_err(|_| ())
}

// ---------------------------------------------------------------------------
// My WISEs

#[derive(Deserialize)]
struct IndexQuery {
    kvk: Option<String>,
}

/// `GET /manage`: the WISEs the user works for; the operator picks any WISE by KvK number.
async fn index(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    query: web::Query<IndexQuery>,
) -> Result<HttpResponse, AppError> {
    let user = identity.user()?.clone();
    if !user.is(Role::Wise) {
        policy::require(&state, &req, &identity, Action::EditOrganisation, None).await?;
    }
    let is_operator = user.is(Role::Admin);
    let kvk = query.kvk.as_deref().map(str::trim).unwrap_or("").to_string();
    let mut kvk_error = None;
    if is_operator && !kvk.is_empty() {
        if !is_kvk_number(&kvk) {
            kvk_error = Some("error-kvk-format");
        } else {
            let lookup = kvk.clone();
            if state.db(move |c| Ok(manage_store::organisation_by_kvk(c, &lookup)?)).await?.is_some() {
                return Ok(see_other(&base_path(&kvk)));
            }
            kvk_error = Some("manage-error-unknown-kvk");
        }
    }
    let ids = user.organisations.clone();
    let organisations = state.db(move |c| Ok(manage_store::organisations_by_id(c, &ids)?)).await?;
    let status = if kvk_error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    page::render_status(
        &state,
        &req,
        status,
        "manage/index",
        json!({
            "nav": "manage",
            "organisations": organisations,
            "is_operator": is_operator,
            "kvk": kvk,
            "kvk_error": kvk_error,
        }),
    )
}

// ---------------------------------------------------------------------------
// The profile

/// The profile form as sent (and as shown again): text as typed, lists as checked.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
struct ProfileForm {
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
    market_income_pct: String,
    /// The primary sector; `sectors` holds the others.
    primary_sector: String,
    sectors: Vec<String>,
    target_groups: Vec<String>,
    pso_level: String,
    pso_valid_until: String,
    cso_status: String,
    sena_member: String,
    /// Other certifications, row by row.
    cert_name: Vec<String>,
    cert_valid_until: Vec<String>,
}

const PROFILE_FIELDS: &[&str] = &[
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
    "market_income_pct",
    "sectors",
    "target_groups",
    "pso_level",
    "pso_valid_until",
    "cso_status",
    "certifications",
];

/// Where the error summary sends the visitor for a profile field.
fn profile_anchor(field: &str) -> String {
    match field {
        "sectors" => "primary_sector".to_string(),
        "certifications" => "cert_name-0".to_string(),
        other => other.to_string(),
    }
}

impl ProfileForm {
    fn from_input(input: &OrganisationInput) -> Self {
        let (cert_name, cert_valid_until) =
            input.certifications.iter().map(|(name, until)| (name.clone(), date_text(*until))).unzip();
        Self {
            name: input.name.clone(),
            legal_form: text(&input.legal_form),
            founded_year: input.founded_year.map(|y| y.to_string()).unwrap_or_default(),
            website: text(&input.website),
            email: text(&input.email),
            phone: text(&input.phone),
            street: text(&input.street),
            postcode: text(&input.postcode),
            municipality: input.municipality.clone(),
            district: text(&input.district),
            description: input.description.clone(),
            market_income_pct: input.market_income_pct.map(|p| p.to_string()).unwrap_or_default(),
            primary_sector: input.sectors.first().cloned().unwrap_or_default(),
            sectors: input.sectors.iter().skip(1).cloned().collect(),
            target_groups: input.target_groups.clone(),
            pso_level: text(&input.pso_level),
            pso_valid_until: date_text(input.pso_valid_until),
            cso_status: text(&input.cso_status),
            sena_member: if input.sena_member { "true".into() } else { String::new() },
            cert_name,
            cert_valid_until,
        }
    }

    /// The certification rows as sent, without the empty ones.
    fn certification_rows(&self) -> Vec<(String, String)> {
        let rows = self.cert_name.len().max(self.cert_valid_until.len());
        (0..rows)
            .map(|i| {
                (
                    self.cert_name.get(i).cloned().unwrap_or_default(),
                    self.cert_valid_until.get(i).cloned().unwrap_or_default(),
                )
            })
            .filter(|(name, until)| !name.trim().is_empty() || !until.trim().is_empty())
            .collect()
    }

    /// The input the form describes, and the errors of everything that could not be
    /// read or breaks a rule (the rules are `store::validate_organisation`'s).
    fn to_input(&self, kvk: &str) -> (OrganisationInput, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut error = |field: &str, key: &'static str| errors.push(FieldError { field: field.into(), key });
        let founded_year = parse_number(&self.founded_year).unwrap_or_else(|()| {
            error("founded_year", "error-year");
            None
        });
        let market_income_pct = parse_number(&self.market_income_pct).unwrap_or_else(|()| {
            error("market_income_pct", "error-percentage");
            None
        });
        let pso_valid_until = parse_date(&self.pso_valid_until).unwrap_or_else(|()| {
            error("pso_valid_until", "manage-error-date");
            None
        });
        let primary = self.primary_sector.trim();
        if primary.is_empty() && self.sectors.iter().any(|s| !s.trim().is_empty()) {
            error("sectors", "manage-error-primary-sector");
        }
        let mut sectors: Vec<String> = Vec::new();
        for sector in std::iter::once(primary).chain(self.sectors.iter().map(|s| s.trim())) {
            if !sector.is_empty() && !sectors.iter().any(|s| s == sector) {
                sectors.push(sector.to_string());
            }
        }
        let mut certifications = Vec::new();
        for (name, until) in self.certification_rows() {
            let until = parse_date(&until).unwrap_or_else(|()| {
                error("certifications", "manage-error-date");
                None
            });
            certifications.push((name.trim().to_string(), until));
        }
        let input = OrganisationInput {
            kvk_number: kvk.to_string(),
            name: self.name.clone(),
            legal_form: Some(self.legal_form.clone()),
            founded_year,
            website: Some(self.website.trim().to_string()),
            email: Some(self.email.trim().to_string()),
            phone: Some(self.phone.clone()),
            street: Some(self.street.clone()),
            postcode: Some(self.postcode.clone()),
            municipality: self.municipality.trim().to_string(),
            district: Some(self.district.clone()),
            description: self.description.clone(),
            market_income_pct,
            pso_level: Some(self.pso_level.clone()),
            pso_valid_until,
            cso_status: Some(self.cso_status.clone()),
            sena_member: !self.sena_member.is_empty(),
            sectors,
            target_groups: self.target_groups.iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect(),
            certifications,
        };
        if let Err(more) = store::validate_organisation(&input) {
            errors.extend(more);
        }
        (input, errors)
    }
}

/// Names of the profile fields that differ (for the audit log).
fn changed_fields(old: &OrganisationInput, new: &OrganisationInput) -> String {
    let norm = |v: &Option<String>| v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    let mut changed = Vec::new();
    let mut check = |field: &'static str, differs: bool| {
        if differs {
            changed.push(field);
        }
    };
    check("name", old.name.trim() != new.name.trim());
    check("legal_form", norm(&old.legal_form) != norm(&new.legal_form));
    check("founded_year", old.founded_year != new.founded_year);
    check("website", norm(&old.website) != norm(&new.website));
    check("email", norm(&old.email) != norm(&new.email));
    check("phone", norm(&old.phone) != norm(&new.phone));
    check("street", norm(&old.street) != norm(&new.street));
    check("postcode", norm(&old.postcode) != norm(&new.postcode));
    check("municipality", old.municipality.trim() != new.municipality.trim());
    check("district", norm(&old.district) != norm(&new.district));
    check("description", old.description.trim() != new.description.trim());
    check("market_income_pct", old.market_income_pct != new.market_income_pct);
    check("sectors", old.sectors != new.sectors);
    let sorted = |v: &[String]| {
        let mut v = v.to_vec();
        v.sort();
        v.dedup();
        v
    };
    check("target_groups", sorted(&old.target_groups) != sorted(&new.target_groups));
    check("pso", norm(&old.pso_level) != norm(&new.pso_level) || old.pso_valid_until != new.pso_valid_until);
    check("cso_status", norm(&old.cso_status) != norm(&new.cso_status));
    check("sena_member", old.sena_member != new.sena_member);
    check("certifications", old.certifications != new.certifications);
    if changed.is_empty() {
        "no changes".to_string()
    } else {
        changed.join(", ")
    }
}

fn render_profile(
    req: &HttpRequest,
    state: &AppState,
    organisation: &Organisation,
    form: &ProfileForm,
    errors: &[FieldError],
    status: StatusCode,
    notice: Option<&'static str>,
) -> Result<HttpResponse, AppError> {
    let sector_options: Vec<Value> = vocab::SECTORS
        .iter()
        .map(|code| {
            json!({
                "code": code,
                "primary": form.primary_sector == *code,
                "checked": form.sectors.iter().any(|s| s == code) && form.primary_sector != *code,
            })
        })
        .collect();
    let target_group_options: Vec<Value> = vocab::TARGET_GROUPS
        .iter()
        .map(|code| json!({ "code": code, "checked": form.target_groups.iter().any(|t| t == code) }))
        .collect();
    let pso_options: Vec<Value> =
        vocab::PSO_LEVELS.iter().map(|code| json!({ "code": code, "selected": form.pso_level == *code })).collect();
    let cso_options: Vec<Value> =
        vocab::CSO_STATUSES.iter().map(|code| json!({ "code": code, "selected": form.cso_status == *code })).collect();
    let mut rows = form.certification_rows();
    rows.extend(std::iter::repeat_n((String::new(), String::new()), EMPTY_CERTIFICATION_ROWS));
    let certification_rows: Vec<Value> = rows
        .into_iter()
        .enumerate()
        .map(|(i, (name, until))| json!({ "index": i, "number": i + 1, "name": name, "valid_until": until }))
        .collect();
    page::render_status(
        state,
        req,
        status,
        "manage/profile",
        json!({
            "nav": "manage",
            "section": "profile",
            "organisation": organisation_json(organisation),
            "form": form,
            "errors": field_errors(PROFILE_FIELDS, errors),
            "error_summary": error_summary(errors, "manage-field-", profile_anchor),
            "sector_options": sector_options,
            "target_group_options": target_group_options,
            "pso_options": pso_options,
            "cso_options": cso_options,
            "certification_rows": certification_rows,
            "max_description": store::MAX_DESCRIPTION,
            "notice": notice,
        }),
    )
}

/// `GET /manage/organisations/{kvk}`: the profile form.
async fn profile_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    kvk: web::Path<String>,
    query: web::Query<NoticeQuery>,
) -> Result<HttpResponse, AppError> {
    let (_, organisation) = editable(&state, &req, &identity, &kvk).await?;
    let row = organisation.clone();
    let input = state.db(move |c| Ok(manage_store::organisation_input(c, &row)?)).await?;
    let form = ProfileForm::from_input(&input);
    let notice = notice_key(query.notice.as_deref());
    render_profile(&req, &state, &organisation, &form, &[], StatusCode::OK, notice)
}

/// `POST /manage/organisations/{kvk}`: saves the profile (row, sectors, target groups
/// and certifications in one transaction, audited), or shows the form again with 422.
async fn save_profile(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    kvk: web::Path<String>,
    CsrfForm(form): CsrfForm<ProfileForm>,
) -> Result<HttpResponse, AppError> {
    let (user, organisation) = editable(&state, &req, &identity, &kvk).await?;
    let (input, errors) = form.to_input(&organisation.kvk_number);
    if !errors.is_empty() {
        return render_profile(&req, &state, &organisation, &form, &errors, StatusCode::UNPROCESSABLE_ENTITY, None);
    }
    let now = state.now();
    let ip = client_ip(&req, &state.config);
    let kvk = organisation.kvk_number.clone();
    let redirect = format!("{}?notice=saved", base_path(&kvk));
    state
        .db(move |c| {
            write_tx(c, |c| {
                let old = manage_store::organisation_input(c, &organisation)?;
                manage_store::update_organisation(c, organisation.id, &input, now)?;
                let detail = changed_fields(&old, &input);
                record(c, now, &user, &ip, "organisation_updated", &format!("organisation {kvk}"), &detail)
            })
        })
        .await?;
    Ok(see_other(&redirect))
}

// ---------------------------------------------------------------------------
// Offerings

/// `GET /manage/organisations/{kvk}/offerings`: every offering, active or not.
async fn offerings_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    kvk: web::Path<String>,
    query: web::Query<NoticeQuery>,
) -> Result<HttpResponse, AppError> {
    let (_, organisation) = editable(&state, &req, &identity, &kvk).await?;
    let id = organisation.id;
    let offerings = state.db(move |c| Ok(manage_store::offerings_of(c, id)?)).await?;
    page::render(
        &state,
        &req,
        "manage/offerings",
        json!({
            "nav": "manage",
            "section": "offerings",
            "organisation": organisation_json(&organisation),
            "offerings": offerings,
            "notice": notice_key(query.notice.as_deref()),
        }),
    )
}

/// The offering form as sent (and as shown again). `step=find-cpv` asks for the
/// CPV picker's matches instead of saving.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
struct OfferingForm {
    title: String,
    description: String,
    kind: String,
    /// The chosen code (a radio button of the picker, or typed: `45000000-7`).
    cpv_code: String,
    /// The picker's search: a code prefix or words.
    cpv_query: String,
    step: String,
    service_area: String,
    /// One per line, or separated by commas.
    municipalities: String,
    service_radius_km: String,
    price_indication: String,
    lead_time: String,
}

const OFFERING_FIELDS: &[&str] = &[
    "title",
    "description",
    "kind",
    "cpv_code",
    "cpv_query",
    "service_area",
    "municipalities",
    "service_radius_km",
    "price_indication",
    "lead_time",
];

fn offering_anchor(field: &str) -> String {
    match field {
        "cpv_code" => "cpv_query".to_string(),
        "service_area" => "service_area-national".to_string(),
        "kind" => "kind".to_string(),
        other => other.to_string(),
    }
}

impl OfferingForm {
    fn from_offering(offering: &super::model::Offering, municipalities: &[String]) -> Self {
        Self {
            title: offering.title.clone(),
            description: offering.description.clone(),
            kind: offering.kind.clone(),
            cpv_code: offering.cpv_code.clone(),
            cpv_query: String::new(),
            step: String::new(),
            service_area: offering.service_area.clone(),
            municipalities: municipalities.join("\n"),
            service_radius_km: offering.service_radius_km.map(|km| km.to_string()).unwrap_or_default(),
            price_indication: text(&offering.price_indication),
            lead_time: text(&offering.lead_time),
        }
    }

    fn finding_cpv(&self) -> bool {
        self.step == "find-cpv"
    }

    /// The code the form chose: a picked code, else a code typed into the search field.
    fn chosen_code(&self) -> String {
        let picked = self.cpv_code.trim();
        if !picked.is_empty() {
            return picked.to_string();
        }
        match normalise(&self.cpv_query) {
            Some(_) => self.cpv_query.trim().to_string(),
            None => String::new(),
        }
    }

    /// The input the form describes, and the errors of what could not be read; the
    /// rules themselves are checked by `store::validate_offering`.
    fn to_input(&self) -> (OfferingInput, Vec<FieldError>) {
        let mut errors = Vec::new();
        let service_area = match self.service_area.as_str() {
            "national" => ServiceArea::National,
            "municipalities" => ServiceArea::Municipalities(
                self.municipalities
                    .split(['\n', ',', ';'])
                    .map(str::trim)
                    .filter(|m| !m.is_empty())
                    .map(str::to_string)
                    .collect(),
            ),
            "radius" => ServiceArea::RadiusKm(parse_number(&self.service_radius_km).ok().flatten().unwrap_or(0)),
            "" => {
                errors.push(FieldError { field: "service_area".into(), key: "error-required" });
                ServiceArea::National
            }
            _ => {
                errors.push(FieldError { field: "service_area".into(), key: "error-unknown-code" });
                ServiceArea::National
            }
        };
        let cpv_code = self.chosen_code();
        if cpv_code.is_empty() {
            errors.push(FieldError { field: "cpv_code".into(), key: "manage-error-cpv-required" });
        }
        let input = OfferingInput {
            title: self.title.clone(),
            description: self.description.clone(),
            kind: self.kind.trim().to_string(),
            cpv_code,
            service_area,
            price_indication: Some(self.price_indication.clone()),
            lead_time: Some(self.lead_time.clone()),
            active: true,
        };
        (input, errors)
    }
}

/// Which offering form: a new one, or an existing offering (id, shown publicly).
#[derive(Clone, Copy)]
enum Editing {
    New,
    Existing { id: i32, active: bool },
}

/// The CPV part of the form: the chosen code (with its label, when it exists), the
/// picker's matches for the search, and whether a search was made.
struct Picker {
    current: Option<CpvCode>,
    results: Vec<CpvCode>,
    searched: bool,
}

fn load_picker(c: &mut DbConn, form: &OfferingForm, search: bool) -> Result<Picker, AppError> {
    let current = match normalise(&form.chosen_code()) {
        Some(code) => cpv::by_code(c, &code)?,
        None => None,
    };
    let query = form.cpv_query.trim();
    let searched = search && !query.is_empty() && char_len(query) <= MAX_QUERY;
    let results = if searched { cpv::find(c, query, PICKER_LIMIT)? } else { Vec::new() };
    Ok(Picker { current, results, searched })
}

fn code_json(code: &CpvCode, checked: bool) -> Value {
    json!({ "code": code.code, "label_en": code.label_en, "division": code.division, "checked": checked })
}

async fn render_offering(
    req: &HttpRequest,
    state: &AppState,
    organisation: &Organisation,
    mut form: OfferingForm,
    editing: Editing,
    mut errors: Vec<FieldError>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    // A typed code that does not exist stays visible in the search field.
    if errors.iter().any(|e| e.field == "cpv_code") && !form.cpv_code.trim().is_empty() && form.cpv_query.is_empty() {
        form.cpv_query = std::mem::take(&mut form.cpv_code);
    }
    if char_len(form.cpv_query.trim()) > MAX_QUERY {
        errors.push(FieldError { field: "cpv_query".into(), key: "error-too-long" });
    }
    let search = form.finding_cpv() || !errors.is_empty();
    let (form, picker) = state
        .db(move |c| {
            let picker = load_picker(c, &form, search)?;
            Ok((form, picker))
        })
        .await?;
    let status = if errors.is_empty() { status } else { StatusCode::UNPROCESSABLE_ENTITY };
    let current_code = picker.current.as_ref().map(|c| c.code.clone());
    let results: Vec<Value> =
        picker.results.iter().filter(|c| Some(&c.code) != current_code.as_ref()).map(|c| code_json(c, false)).collect();
    let kind_options: Vec<Value> =
        vocab::OFFERING_KINDS.iter().map(|code| json!({ "code": code, "selected": form.kind == *code })).collect();
    let area_options: Vec<Value> = vocab::SERVICE_AREAS
        .iter()
        .map(|code| json!({ "code": code, "checked": form.service_area == *code }))
        .collect();
    let base = base_path(&organisation.kvk_number);
    let (action, offering) = match editing {
        Editing::New => (format!("{base}/offerings/new"), Value::Null),
        Editing::Existing { id, active } => (format!("{base}/offerings/{id}"), json!({ "id": id, "active": active })),
    };
    page::render_status(
        state,
        req,
        status,
        "manage/offering",
        json!({
            "nav": "manage",
            "section": "offerings",
            "organisation": organisation_json(organisation),
            "offering": offering,
            "action": action,
            "form": form,
            "errors": field_errors(OFFERING_FIELDS, &errors),
            "error_summary": error_summary(&errors, "manage-field-", offering_anchor),
            "kind_options": kind_options,
            "area_options": area_options,
            "cpv_current": picker.current.as_ref().map(|c| code_json(c, true)),
            "cpv_results": results,
            "cpv_searched": picker.searched,
            "cpv_more": picker.results.len() as i64 >= PICKER_LIMIT,
            "cpv_limit": PICKER_LIMIT,
            "max_description": store::MAX_DESCRIPTION,
        }),
    )
}

/// `GET …/offerings/new`: an empty offering form (a service, delivered nationwide).
async fn new_offering_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    kvk: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (_, organisation) = editable(&state, &req, &identity, &kvk).await?;
    let form = OfferingForm { kind: "service".into(), service_area: "national".into(), ..Default::default() };
    render_offering(&req, &state, &organisation, form, Editing::New, Vec::new(), StatusCode::OK).await
}

/// The outcome of saving an offering form.
enum Saved {
    Done(i32),
    Invalid(Vec<FieldError>),
    Gone,
}

/// Validates and saves (creates, or updates `existing`) an offering with its audit entry.
async fn save(
    state: &AppState,
    req: &HttpRequest,
    user: CurrentUser,
    organisation: &Organisation,
    form: &OfferingForm,
    existing: Option<i32>,
) -> Result<Saved, AppError> {
    let (input, mut errors) = form.to_input();
    let now = state.now();
    let ip = client_ip(req, &state.config);
    let (organisation_id, kvk) = (organisation.id, organisation.kvk_number.clone());
    state
        .db(move |c| {
            let code = match store::validate_offering(c, &input)? {
                Ok(code) if errors.is_empty() => code,
                Ok(_) => return Ok(Saved::Invalid(errors)),
                Err(more) => {
                    // The form's own errors (e.g. "choose a code") come first and win.
                    errors.extend(more);
                    return Ok(Saved::Invalid(errors));
                }
            };
            write_tx(c, |c| {
                let (id, action) = match existing {
                    None => (store::create_offering(c, organisation_id, &input, &code, now)?, "offering_created"),
                    Some(id) => {
                        if !manage_store::update_offering(c, organisation_id, id, &input, &code, now)? {
                            return Ok(Saved::Gone);
                        }
                        (id, "offering_updated")
                    }
                };
                let target = format!("organisation {kvk} offering {id}");
                record(c, now, &user, &ip, action, &target, input.title.trim())?;
                Ok(Saved::Done(id))
            })
        })
        .await
}

/// `POST …/offerings/new`: creates the offering, or shows the form again (with the
/// picker's matches for `step=find-cpv`, with errors and 422 otherwise).
async fn create_offering(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    kvk: web::Path<String>,
    CsrfForm(form): CsrfForm<OfferingForm>,
) -> Result<HttpResponse, AppError> {
    let (user, organisation) = editable(&state, &req, &identity, &kvk).await?;
    if form.finding_cpv() {
        return render_offering(&req, &state, &organisation, form, Editing::New, Vec::new(), StatusCode::OK).await;
    }
    match save(&state, &req, user, &organisation, &form, None).await? {
        Saved::Done(id) => {
            Ok(see_other(&format!("{}/offerings?notice=created#offering-{id}", base_path(&organisation.kvk_number))))
        }
        Saved::Invalid(errors) => {
            render_offering(&req, &state, &organisation, form, Editing::New, errors, StatusCode::UNPROCESSABLE_ENTITY)
                .await
        }
        Saved::Gone => Err(AppError::NotFound),
    }
}

/// The WISE and one of its offerings (with municipalities), or 404 when the offering is
/// not this WISE's.
async fn editable_offering(
    state: &AppState,
    req: &HttpRequest,
    identity: &Identity,
    kvk: &str,
    offering_id: i32,
) -> Result<(CurrentUser, Organisation, super::model::Offering, Vec<String>), AppError> {
    let (user, organisation) = editable(state, req, identity, kvk).await?;
    let organisation_id = organisation.id;
    let (offering, municipalities) = state
        .db(move |c| Ok(manage_store::offering_of(c, organisation_id, offering_id)?))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((user, organisation, offering, municipalities))
}

/// `GET …/offerings/{id}`: the form of an existing offering.
async fn edit_offering_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    path: web::Path<(String, i32)>,
) -> Result<HttpResponse, AppError> {
    let (kvk, id) = path.into_inner();
    let (_, organisation, offering, municipalities) = editable_offering(&state, &req, &identity, &kvk, id).await?;
    let form = OfferingForm::from_offering(&offering, &municipalities);
    let editing = Editing::Existing { id, active: offering.active };
    render_offering(&req, &state, &organisation, form, editing, Vec::new(), StatusCode::OK).await
}

/// `POST …/offerings/{id}`: saves an existing offering (or runs the picker's search).
async fn save_offering(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    path: web::Path<(String, i32)>,
    CsrfForm(form): CsrfForm<OfferingForm>,
) -> Result<HttpResponse, AppError> {
    let (kvk, id) = path.into_inner();
    let (user, organisation, offering, _) = editable_offering(&state, &req, &identity, &kvk, id).await?;
    let editing = Editing::Existing { id, active: offering.active };
    if form.finding_cpv() {
        return render_offering(&req, &state, &organisation, form, editing, Vec::new(), StatusCode::OK).await;
    }
    match save(&state, &req, user, &organisation, &form, Some(id)).await? {
        Saved::Done(_) => Ok(see_other(&format!("{}/offerings?notice=saved", base_path(&organisation.kvk_number)))),
        Saved::Invalid(errors) => {
            render_offering(&req, &state, &organisation, form, editing, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Saved::Gone => Err(AppError::NotFound),
    }
}

/// Shows or hides an offering in the public catalogue.
async fn set_active(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    path: web::Path<(String, i32)>,
    active: bool,
) -> Result<HttpResponse, AppError> {
    let (kvk, id) = path.into_inner();
    let (user, organisation) = editable(&state, &req, &identity, &kvk).await?;
    let now = state.now();
    let ip = client_ip(&req, &state.config);
    let (organisation_id, kvk) = (organisation.id, organisation.kvk_number.clone());
    let (action, notice) =
        if active { ("offering_activated", "activated") } else { ("offering_deactivated", "deactivated") };
    let target = format!("organisation {kvk} offering {id}");
    let found = state
        .db(move |c| {
            write_tx(c, |c| {
                if !manage_store::set_offering_active(c, organisation_id, id, active, now)? {
                    return Ok(false);
                }
                record(c, now, &user, &ip, action, &target, "")?;
                Ok(true)
            })
        })
        .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!("{}/offerings?notice={notice}", base_path(&kvk))))
}

/// `POST …/offerings/{id}/deactivate`: hides the offering from the public catalogue.
async fn deactivate_offering(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    path: web::Path<(String, i32)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, AppError> {
    set_active(req, state, identity, path, false).await
}

/// `POST …/offerings/{id}/activate`: shows the offering in the public catalogue again.
async fn activate_offering(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    path: web::Path<(String, i32)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, AppError> {
    set_active(req, state, identity, path, true).await
}

/// `GET …/offerings/{id}/delete`: asks whether to delete the offering for good.
async fn delete_offering_page(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    path: web::Path<(String, i32)>,
) -> Result<HttpResponse, AppError> {
    let (kvk, id) = path.into_inner();
    let (_, organisation, offering, _) = editable_offering(&state, &req, &identity, &kvk, id).await?;
    page::render(
        &state,
        &req,
        "manage/offering-delete",
        json!({
            "nav": "manage",
            "section": "offerings",
            "organisation": organisation_json(&organisation),
            "offering": { "id": offering.id, "title": offering.title, "active": offering.active },
        }),
    )
}

/// `POST …/offerings/{id}/delete`: deletes the offering.
async fn delete_offering(
    req: HttpRequest,
    state: web::Data<AppState>,
    identity: Identity,
    path: web::Path<(String, i32)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, AppError> {
    let (kvk, id) = path.into_inner();
    let (user, organisation) = editable(&state, &req, &identity, &kvk).await?;
    let now = state.now();
    let ip = client_ip(&req, &state.config);
    let (organisation_id, kvk) = (organisation.id, organisation.kvk_number.clone());
    let target = format!("organisation {kvk} offering {id}");
    let found = state
        .db(move |c| {
            write_tx(c, |c| {
                let Some((offering, _)) = manage_store::offering_of(c, organisation_id, id)? else {
                    return Ok(false);
                };
                manage_store::delete_offering(c, organisation_id, id)?;
                record(c, now, &user, &ip, "offering_deleted", &target, &offering.title)?;
                Ok(true)
            })
        })
        .await?;
    if !found {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!("{}/offerings?notice=deleted", base_path(&kvk))))
}

// ---------------------------------------------------------------------------
// The CPV lookup as JSON

/// The CPV lookup's parameters.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct CpvQuery {
    /// A code prefix (`4521`, `45000000-7`) and/or words (`window cleaning`), all of
    /// which must match; at most 200 characters. Empty finds nothing.
    #[serde(default)]
    q: String,
    /// How many codes at most: 1 to 100 (default 30).
    limit: Option<i64>,
}

/// One CPV code the lookup found.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct CpvMatch {
    /// The 8-digit code, without check digit.
    code: String,
    /// 2 (division), 3 (group), 4 (class), 5 (category) … 8.
    level: i32,
    /// The two digits of its division.
    division: String,
    label_en: String,
    division_label_en: Option<&'static str>,
    division_label_nl: Option<&'static str>,
}

/// The answer of the CPV lookup: the most general codes first, then by code.
#[derive(Serialize, utoipa::ToSchema)]
pub(crate) struct CpvMatches {
    query: String,
    codes: Vec<CpvMatch>,
}

/// `GET /api/v1/cpv?q=…&limit=…`: CPV codes by code prefix or by words (public).
#[utoipa::path(
    get,
    path = "/api/v1/cpv",
    tag = "catalogue",
    params(CpvQuery),
    responses(
        (status = 200, description = "Matching CPV 2008 codes (English labels; division labels in English and Dutch)", body = CpvMatches),
        (status = 400, description = "`limit` is not a number from 1 to 100", body = crate::web::error::ErrorBody),
        (status = 422, description = "`q` is longer than 200 characters", body = crate::web::error::ErrorBody),
    )
)]
pub(crate) async fn api_cpv(state: web::Data<AppState>, query: web::Query<CpvQuery>) -> Result<HttpResponse, AppError> {
    use crate::i18n::Lang;
    let CpvQuery { q, limit } = query.into_inner();
    if char_len(&q) > MAX_QUERY {
        return Err(AppError::Validation(vec![FieldError { field: "q".into(), key: "error-too-long" }]));
    }
    let limit = limit.unwrap_or(PICKER_LIMIT);
    if !(1..=100).contains(&limit) {
        return Err(AppError::BadRequest("limit: a number from 1 to 100".into()));
    }
    let lookup = q.clone();
    let codes = state.db(move |c| Ok(cpv::find(c, &lookup, limit)?)).await?;
    let codes = codes
        .into_iter()
        .map(|c| CpvMatch {
            division_label_en: division_label(&c.division, Lang::En),
            division_label_nl: division_label(&c.division, Lang::Nl),
            code: c.code,
            level: c.level,
            division: c.division,
            label_en: c.label_en,
        })
        .collect();
    Ok(HttpResponse::Ok().json(CpvMatches { query: q, codes }))
}
