//! The profile form of a WISE: `GET` and `POST /manage/organisations/{kvk}`.

use super::*;
use crate::web::context::Ctx;

/// The profile form as sent (and as shown again): text as typed, lists as checked.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub(super) struct ProfileForm {
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

pub(super) const PROFILE_FIELDS: &[&str] = &[
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
pub(super) fn profile_anchor(field: &str) -> String {
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
    /// read or breaks a rule (the rules are `crate::organisation::store::validate_organisation`'s).
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
        if let Err(more) = crate::organisation::store::validate_organisation(&input) {
            errors.extend(more);
        }
        (input, errors)
    }
}

/// Names of the profile fields that differ (for the audit log).
pub(super) fn changed_fields(old: &OrganisationInput, new: &OrganisationInput) -> String {
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

pub(super) fn render_profile(
    ctx: &Ctx,
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
    ctx.render_status(
        status,
        "manage/profile",
        json!({
            "nav": "manage",
            "section": "profile",
            "organisation": organisation.page_heading(),
            "form": form,
            "errors": field_errors(PROFILE_FIELDS, errors),
            "error_summary": error_summary(errors, "manage-field-", profile_anchor),
            "sector_options": sector_options,
            "target_group_options": target_group_options,
            "pso_options": pso_options,
            "cso_options": cso_options,
            "certification_rows": certification_rows,
            "max_description": crate::organisation::store::MAX_DESCRIPTION,
            "notice": notice,
        }),
    )
}

/// `GET /manage/organisations/{kvk}`: the profile form.
pub(super) async fn profile_page(
    ctx: Ctx,
    kvk: web::Path<String>,
    query: web::Query<NoticeQuery>,
) -> Result<HttpResponse, AppError> {
    let (_, organisation) = editable(&ctx, &kvk).await?;
    let row = organisation.clone();
    let input = ctx.state.db(move |c| Ok(crate::organisation::store::organisation_input(c, &row)?)).await?;
    let form = ProfileForm::from_input(&input);
    let notice = notice_key(query.notice.as_deref());
    render_profile(&ctx, &organisation, &form, &[], StatusCode::OK, notice)
}

/// `POST /manage/organisations/{kvk}`: saves the profile (row, sectors, target groups
/// and certifications in one transaction, audited), or shows the form again with 422.
pub(super) async fn save_profile(
    ctx: Ctx,
    kvk: web::Path<String>,
    CsrfForm(form): CsrfForm<ProfileForm>,
) -> Result<HttpResponse, AppError> {
    let (user, organisation) = editable(&ctx, &kvk).await?;
    let (input, errors) = form.to_input(&organisation.kvk_number);
    if !errors.is_empty() {
        return render_profile(&ctx, &organisation, &form, &errors, StatusCode::UNPROCESSABLE_ENTITY, None);
    }
    let now = ctx.state.now();
    let ip = ctx.client_ip();
    let kvk = organisation.kvk_number.clone();
    let worker = ctx.state.get_ref().clone();
    let base = base_path(&kvk);
    let claimed = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let old = crate::organisation::store::organisation_input(c, &organisation)?;
                let claimed = crate::organisation::store::update_organisation(c, organisation.id, &input, now)?;
                crate::certificates::flow::claimed(c, &worker.config, &worker.templates, &claimed, now)?;
                let detail = changed_fields(&old, &input);
                record(c, now, &user, &ip, "organisation_updated", &format!("organisation {kvk}"), &detail)?;
                Ok::<_, AppError>(!claimed.is_empty())
            })
        })
        .await?;
    // A new claim waits for its evidence: the certificates page asks for it.
    let redirect = match claimed {
        true => format!("{base}/certificates?notice=claimed"),
        false => format!("{base}?notice=saved"),
    };
    Ok(see_other(&redirect))
}
