//! Applying: a WISE registers itself with its first user (`GET` and `POST /register`).

use super::*;
use crate::web::context::Ctx;

/// The fields of the registration form, as the template reads their errors.
pub(super) const FIELDS: [&str; 19] = [
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
pub(super) struct RegisterForm {
    pub(super) kvk_number: String,
    pub(super) name: String,
    pub(super) legal_form: String,
    pub(super) founded_year: String,
    pub(super) website: String,
    pub(super) email: String,
    pub(super) phone: String,
    pub(super) street: String,
    pub(super) postcode: String,
    pub(super) municipality: String,
    pub(super) district: String,
    pub(super) description: String,
    pub(super) primary_sector: String,
    /// The other sectors, besides the primary one.
    pub(super) sectors: Vec<String>,
    pub(super) target_groups: Vec<String>,
    pub(super) market_income_pct: String,
    pub(super) user_name: String,
    pub(super) user_email: String,
    pub(super) password: String,
    pub(super) password_confirm: String,
}

pub(super) fn optional_text(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// A whole number typed in a field; empty is `None`, anything else not a number an error.
pub(super) fn number(text: &str, field: &str, key: &'static str, errors: &mut Errors) -> Option<i32> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    text.parse().map_err(|_| errors.add(field, key)).ok()
}

impl RegisterForm {
    /// The sectors in order: the primary sector first (reports count the WISE under it).
    pub(super) fn sector_list(&self) -> Vec<String> {
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
    pub(super) fn application(&self, lang: Lang) -> (Application, Vec<FieldError>) {
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

pub(super) fn register_view(
    ctx: &Ctx,
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
    ctx.render_status(status, "registry/register", data)
}

pub(super) async fn register_page(ctx: Ctx) -> Result<HttpResponse, AppError> {
    register_view(&ctx, &RegisterForm::default(), StatusCode::OK, &[])
}

/// Stores an application and mails the applicant a confirmation link, in one
/// transaction; any field error stores nothing and shows the form again.
pub(super) async fn register(ctx: Ctx, CsrfForm(form): CsrfForm<RegisterForm>) -> Result<HttpResponse, AppError> {
    let ip = ctx.client_ip();
    limit(&ctx.state, &attempt_keys(&ctx.state, "register", &ip, &normalise_email(&form.user_email)))?;
    let lang = ctx.lang();
    let (application, mut errors) = form.application(lang);
    let checked = application.clone();
    errors.extend(ctx.state.db(move |c| Ok(store::check(c, &checked)?)).await?);
    if !errors.is_empty() {
        return register_view(&ctx, &form, StatusCode::UNPROCESSABLE_ENTITY, &errors);
    }
    let hash = ctx.state.hasher.hash(application.password.clone()).await?;
    let (now, valid_for, worker) = (ctx.state.now(), confirmation_lifetime(&ctx.state), ctx.state.get_ref().clone());
    let email = normalise_email(&application.user.email);
    let recipient = email.clone();
    let outcome = ctx
        .state
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
                audit::Entry::by(
                    created.user_id,
                    &recipient,
                    &ip,
                    "organisation_registered",
                    &format!("organisation {}", organisation.kvk_number),
                    &organisation.name,
                )
                .record(c, now)?;
                Ok::<_, AppError>(Ok(()))
            })
        })
        .await?;
    match outcome {
        Ok(()) => ctx.render("registry/sent", json!({ "nav": "register", "email": email, "resent": false })),
        Err(errors) => register_view(&ctx, &form, StatusCode::UNPROCESSABLE_ENTITY, &errors),
    }
}
