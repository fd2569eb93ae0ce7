//! A WISE's offerings: the list, the form with its CPV picker (works without JavaScript),
//! deactivating, activating and deleting.

use super::*;
use crate::web::context::Ctx;

/// `GET /manage/organisations/{kvk}/offerings`: every offering, active or not.
pub(super) async fn offerings_page(
    ctx: Ctx,
    kvk: web::Path<String>,
    query: web::Query<NoticeQuery>,
) -> Result<HttpResponse, AppError> {
    let (_, organisation) = editable(&ctx, &kvk).await?;
    let id = organisation.id;
    let offerings = ctx.state.db(move |c| Ok(crate::organisation::offerings::offerings_of(c, id)?)).await?;
    ctx.render(
        "manage/offerings",
        json!({
            "nav": "manage",
            "section": "offerings",
            "organisation": organisation.page_heading(),
            "offerings": offerings,
            "notice": notice_key(query.notice.as_deref()),
        }),
    )
}

/// The offering form as sent (and as shown again). `step=find-cpv` asks for the
/// CPV picker's matches instead of saving.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub(super) struct OfferingForm {
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

pub(super) const OFFERING_FIELDS: &[&str] = &[
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

pub(super) fn offering_anchor(field: &str) -> String {
    match field {
        "cpv_code" => "cpv_query".to_string(),
        "service_area" => "service_area-national".to_string(),
        "kind" => "kind".to_string(),
        other => other.to_string(),
    }
}

impl OfferingForm {
    fn from_offering(offering: &crate::organisation::model::Offering, municipalities: &[String]) -> Self {
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
    /// rules themselves are checked by `crate::organisation::offerings::validate_offering`.
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
pub(super) enum Editing {
    New,
    Existing { id: i32, active: bool },
}

/// The CPV part of the form: the chosen code (with its label, when it exists), the
/// picker's matches for the search, and whether a search was made.
pub(super) struct Picker {
    current: Option<CpvCode>,
    results: Vec<CpvCode>,
    searched: bool,
}

pub(super) fn load_picker(c: &mut DbConn, form: &OfferingForm, search: bool) -> Result<Picker, AppError> {
    let current = match normalise(&form.chosen_code()) {
        Some(code) => cpv::by_code(c, &code)?,
        None => None,
    };
    let query = form.cpv_query.trim();
    let searched = search && !query.is_empty() && char_len(query) <= MAX_QUERY;
    let results = if searched { cpv::find(c, query, PICKER_LIMIT)? } else { Vec::new() };
    Ok(Picker { current, results, searched })
}

pub(super) fn code_json(code: &CpvCode, checked: bool) -> Value {
    json!({ "code": code.code, "label_en": code.label_en, "label_nl": code.label_nl, "division": code.division, "checked": checked })
}

pub(super) async fn render_offering(
    ctx: &Ctx,
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
    let (form, picker) = ctx
        .state
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
    ctx.render_status(
        status,
        "manage/offering",
        json!({
            "nav": "manage",
            "section": "offerings",
            "organisation": organisation.page_heading(),
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
            "max_description": crate::organisation::store::MAX_DESCRIPTION,
        }),
    )
}

/// `GET …/offerings/new`: an empty offering form (a service, delivered nationwide).
pub(super) async fn new_offering_page(ctx: Ctx, kvk: web::Path<String>) -> Result<HttpResponse, AppError> {
    let (_, organisation) = editable(&ctx, &kvk).await?;
    let form = OfferingForm { kind: "service".into(), service_area: "national".into(), ..Default::default() };
    render_offering(&ctx, &organisation, form, Editing::New, Vec::new(), StatusCode::OK).await
}

/// The outcome of saving an offering form.
pub(super) enum Saved {
    Done(i32),
    Invalid(Vec<FieldError>),
    Gone,
}

/// Validates and saves (creates, or updates `existing`) an offering with its audit entry.
pub(super) async fn save(
    ctx: &Ctx,
    user: CurrentUser,
    organisation: &Organisation,
    form: &OfferingForm,
    existing: Option<i32>,
) -> Result<Saved, AppError> {
    let (input, mut errors) = form.to_input();
    let now = ctx.state.now();
    let ip = ctx.client_ip();
    let (organisation_id, kvk) = (organisation.id, organisation.kvk_number.clone());
    ctx.state
        .db(move |c| {
            let code = match crate::organisation::offerings::validate_offering(c, &input)? {
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
                    None => (
                        crate::organisation::offerings::create_offering(c, organisation_id, &input, &code, now)?,
                        "offering_created",
                    ),
                    Some(id) => {
                        if !crate::organisation::offerings::update_offering(c, organisation_id, id, &input, &code, now)?
                        {
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
pub(super) async fn create_offering(
    ctx: Ctx,
    kvk: web::Path<String>,
    CsrfForm(form): CsrfForm<OfferingForm>,
) -> Result<HttpResponse, AppError> {
    let (user, organisation) = editable(&ctx, &kvk).await?;
    if form.finding_cpv() {
        return render_offering(&ctx, &organisation, form, Editing::New, Vec::new(), StatusCode::OK).await;
    }
    match save(&ctx, user, &organisation, &form, None).await? {
        Saved::Done(id) => {
            Ok(see_other(&format!("{}/offerings?notice=created#offering-{id}", base_path(&organisation.kvk_number))))
        }
        Saved::Invalid(errors) => {
            render_offering(&ctx, &organisation, form, Editing::New, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Saved::Gone => Err(AppError::NotFound),
    }
}

/// The WISE and one of its offerings (with municipalities), or 404 when the offering is
/// not this WISE's.
pub(super) async fn editable_offering(
    ctx: &Ctx,
    kvk: &str,
    offering_id: i32,
) -> Result<(CurrentUser, Organisation, crate::organisation::model::Offering, Vec<String>), AppError> {
    let (user, organisation) = editable(ctx, kvk).await?;
    let organisation_id = organisation.id;
    let (offering, municipalities) = ctx
        .state
        .db(move |c| Ok(crate::organisation::offerings::offering_of(c, organisation_id, offering_id)?))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((user, organisation, offering, municipalities))
}

/// `GET …/offerings/{id}`: the form of an existing offering.
pub(super) async fn edit_offering_page(ctx: Ctx, path: web::Path<(String, i32)>) -> Result<HttpResponse, AppError> {
    let (kvk, id) = path.into_inner();
    let (_, organisation, offering, municipalities) = editable_offering(&ctx, &kvk, id).await?;
    let form = OfferingForm::from_offering(&offering, &municipalities);
    let editing = Editing::Existing { id, active: offering.active };
    render_offering(&ctx, &organisation, form, editing, Vec::new(), StatusCode::OK).await
}

/// `POST …/offerings/{id}`: saves an existing offering (or runs the picker's search).
pub(super) async fn save_offering(
    ctx: Ctx,
    path: web::Path<(String, i32)>,
    CsrfForm(form): CsrfForm<OfferingForm>,
) -> Result<HttpResponse, AppError> {
    let (kvk, id) = path.into_inner();
    let (user, organisation, offering, _) = editable_offering(&ctx, &kvk, id).await?;
    let editing = Editing::Existing { id, active: offering.active };
    if form.finding_cpv() {
        return render_offering(&ctx, &organisation, form, editing, Vec::new(), StatusCode::OK).await;
    }
    match save(&ctx, user, &organisation, &form, Some(id)).await? {
        Saved::Done(_) => Ok(see_other(&format!("{}/offerings?notice=saved", base_path(&organisation.kvk_number)))),
        Saved::Invalid(errors) => {
            render_offering(&ctx, &organisation, form, editing, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Saved::Gone => Err(AppError::NotFound),
    }
}

/// Shows or hides an offering in the public catalogue.
pub(super) async fn set_active(
    ctx: Ctx,
    path: web::Path<(String, i32)>,
    active: bool,
) -> Result<HttpResponse, AppError> {
    let (kvk, id) = path.into_inner();
    let (user, organisation) = editable(&ctx, &kvk).await?;
    let now = ctx.state.now();
    let ip = ctx.client_ip();
    let (organisation_id, kvk) = (organisation.id, organisation.kvk_number.clone());
    let (action, notice) =
        if active { ("offering_activated", "activated") } else { ("offering_deactivated", "deactivated") };
    let target = format!("organisation {kvk} offering {id}");
    let found = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                if !crate::organisation::offerings::set_offering_active(c, organisation_id, id, active, now)? {
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
pub(super) async fn deactivate_offering(
    ctx: Ctx,
    path: web::Path<(String, i32)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, AppError> {
    set_active(ctx, path, false).await
}

/// `POST …/offerings/{id}/activate`: shows the offering in the public catalogue again.
pub(super) async fn activate_offering(
    ctx: Ctx,
    path: web::Path<(String, i32)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, AppError> {
    set_active(ctx, path, true).await
}

/// `GET …/offerings/{id}/delete`: asks whether to delete the offering for good.
pub(super) async fn delete_offering_page(ctx: Ctx, path: web::Path<(String, i32)>) -> Result<HttpResponse, AppError> {
    let (kvk, id) = path.into_inner();
    let (_, organisation, offering, _) = editable_offering(&ctx, &kvk, id).await?;
    ctx.render(
        "manage/offering-delete",
        json!({
            "nav": "manage",
            "section": "offerings",
            "organisation": organisation.page_heading(),
            "offering": { "id": offering.id, "title": offering.title, "active": offering.active },
        }),
    )
}

/// `POST …/offerings/{id}/delete`: deletes the offering.
pub(super) async fn delete_offering(
    ctx: Ctx,
    path: web::Path<(String, i32)>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<HttpResponse, AppError> {
    let (kvk, id) = path.into_inner();
    let (user, organisation) = editable(&ctx, &kvk).await?;
    let now = ctx.state.now();
    let ip = ctx.client_ip();
    let (organisation_id, kvk) = (organisation.id, organisation.kvk_number.clone());
    let target = format!("organisation {kvk} offering {id}");
    let found = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let Some((offering, _)) = crate::organisation::offerings::offering_of(c, organisation_id, id)? else {
                    return Ok(false);
                };
                crate::organisation::offerings::delete_offering(c, organisation_id, id)?;
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
