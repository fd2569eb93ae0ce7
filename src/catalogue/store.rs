//! Catalogue queries: creating WISEs and offerings, and reading what the public sees.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cpv;
use crate::db::schema::{
    cpv_codes, offering_municipalities, offerings, organisation_certifications, organisation_sectors,
    organisation_target_groups, organisations,
};
use crate::db::{write_tx, DbConn};
use crate::organisation::model::*;
use crate::validation::{char_len, is_email, is_kvk_number, is_web_url, optional, Errors, FieldError};
use crate::vocab;
use crate::vocab::cpv::normalise;

pub const MAX_DESCRIPTION: usize = 2000;
pub const MAX_NAME: usize = 200;
pub const MAX_TEXT: usize = 200;

/// Checks an organisation's fields against SPEC §2 (everything that needs no database).
pub fn validate_organisation(input: &OrganisationInput) -> Result<(), Vec<FieldError>> {
    let mut e = Errors::default();
    e.check(is_kvk_number(input.kvk_number.trim()), "kvk_number", "error-kvk-format");
    let name = input.name.trim();
    e.check(!name.is_empty(), "name", "error-required");
    e.check(char_len(name) <= MAX_NAME, "name", "error-too-long");
    e.check(!input.municipality.trim().is_empty(), "municipality", "error-required");
    e.check(char_len(&input.description) <= MAX_DESCRIPTION, "description", "error-too-long");
    for (field, value) in [
        ("legal_form", &input.legal_form),
        ("phone", &input.phone),
        ("street", &input.street),
        ("postcode", &input.postcode),
        ("district", &input.district),
        ("municipality", &Some(input.municipality.clone())),
    ] {
        if let Some(v) = optional(value) {
            e.check(char_len(v) <= MAX_TEXT, field, "error-too-long");
        }
    }
    if let Some(email) = optional(&input.email) {
        e.check(is_email(email), "email", "error-email");
    }
    if let Some(url) = optional(&input.website) {
        e.check(is_web_url(url), "website", "error-url");
    }
    if let Some(year) = input.founded_year {
        e.check((1800..=2100).contains(&year), "founded_year", "error-year");
    }
    if let Some(pct) = input.market_income_pct {
        e.check((0..=100).contains(&pct), "market_income_pct", "error-percentage");
    }
    if input.sectors.is_empty() {
        e.add("sectors", "error-sector-required");
    }
    for s in &input.sectors {
        e.check(vocab::is_sector(s), "sectors", "error-unknown-sector");
    }
    let mut seen = std::collections::HashSet::new();
    e.check(input.sectors.iter().all(|s| seen.insert(s)), "sectors", "error-duplicate");
    for t in &input.target_groups {
        e.check(vocab::is_target_group(t), "target_groups", "error-unknown-target-group");
    }
    if let Some(level) = optional(&input.pso_level) {
        e.check(vocab::PSO_LEVELS.contains(&level), "pso_level", "error-unknown-code");
    }
    e.check(
        optional(&input.pso_level).is_some() == input.pso_valid_until.is_some(),
        "pso_valid_until",
        "error-pso-date",
    );
    if let Some(status) = optional(&input.cso_status) {
        e.check(vocab::CSO_STATUSES.contains(&status), "cso_status", "error-unknown-code");
    }
    for (name, _) in &input.certifications {
        let name = name.trim();
        e.check(!name.is_empty() && char_len(name) <= MAX_TEXT, "certifications", "error-certification");
    }
    e.into_result()
}

/// A URL-safe slug from a name: lower case, accents dropped, words joined by `-`.
pub fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for ch in name.chars().flat_map(char::to_lowercase) {
        let ch = match ch {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'ÿ' | 'ý' => 'y',
            c => c,
        };
        if ch.is_ascii_alphanumeric() {
            slug.push(ch);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "wise".to_string()
    } else {
        slug.chars().take(80).collect::<String>().trim_end_matches('-').to_string()
    }
}

fn free_slug(conn: &mut DbConn, name: &str) -> QueryResult<String> {
    let base = slugify(name);
    let mut candidate = base.clone();
    for n in 2.. {
        let taken: bool =
            diesel::select(diesel::dsl::exists(organisations::table.filter(organisations::slug.eq(&candidate))))
                .get_result(conn)?;
        if !taken {
            break;
        }
        candidate = format!("{base}-{n}");
    }
    Ok(candidate)
}

/// Creates a WISE with its sectors, target groups and certifications, in one transaction.
/// The caller has validated the input; a taken KvK number surfaces as a unique violation.
pub fn create_organisation(
    conn: &mut DbConn,
    input: &OrganisationInput,
    status: &str,
    now: NaiveDateTime,
) -> QueryResult<i32> {
    write_tx(conn, |conn| {
        let slug = free_slug(conn, &input.name)?;
        let kvk = input.kvk_number.trim();
        diesel::insert_into(organisations::table)
            .values(NewOrganisation {
                slug: &slug,
                kvk_number: kvk,
                name: input.name.trim(),
                legal_form: optional(&input.legal_form),
                founded_year: input.founded_year,
                website: optional(&input.website),
                email: optional(&input.email),
                phone: optional(&input.phone),
                street: optional(&input.street),
                postcode: optional(&input.postcode),
                municipality: input.municipality.trim(),
                district: optional(&input.district),
                description: input.description.trim(),
                market_income_pct: input.market_income_pct,
                pso_level: optional(&input.pso_level),
                pso_valid_until: input.pso_valid_until,
                cso_status: optional(&input.cso_status),
                sena_member: input.sena_member,
                status,
                created_at: now,
                updated_at: now,
            })
            .execute(conn)?;
        let id: i32 =
            organisations::table.filter(organisations::kvk_number.eq(kvk)).select(organisations::id).first(conn)?;
        replace_classification(conn, id, input)?;
        Ok(id)
    })
}

/// Replaces an organisation's sectors, target groups and other certifications.
pub(crate) fn replace_classification(conn: &mut DbConn, id: i32, input: &OrganisationInput) -> QueryResult<()> {
    diesel::delete(organisation_sectors::table.filter(organisation_sectors::organisation_id.eq(id))).execute(conn)?;
    diesel::delete(organisation_target_groups::table.filter(organisation_target_groups::organisation_id.eq(id)))
        .execute(conn)?;
    diesel::delete(organisation_certifications::table.filter(organisation_certifications::organisation_id.eq(id)))
        .execute(conn)?;
    let sectors: Vec<_> = input
        .sectors
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (
                organisation_sectors::organisation_id.eq(id),
                organisation_sectors::sector.eq(s),
                organisation_sectors::position.eq(i as i32),
            )
        })
        .collect();
    crate::per_backend!(conn, c => diesel::insert_into(organisation_sectors::table).values(&sectors).execute(c))?;
    let mut groups: Vec<&String> = input.target_groups.iter().collect();
    groups.sort();
    groups.dedup();
    let groups: Vec<_> = groups
        .into_iter()
        .map(|t| (organisation_target_groups::organisation_id.eq(id), organisation_target_groups::target_group.eq(t)))
        .collect();
    if !groups.is_empty() {
        crate::per_backend!(conn, c => diesel::insert_into(organisation_target_groups::table).values(&groups).execute(c))?;
    }
    let certs: Vec<_> = input
        .certifications
        .iter()
        .map(|(name, until)| {
            (
                organisation_certifications::organisation_id.eq(id),
                organisation_certifications::name.eq(name.trim()),
                organisation_certifications::valid_until.eq(*until),
            )
        })
        .collect();
    if !certs.is_empty() {
        crate::per_backend!(conn, c => diesel::insert_into(organisation_certifications::table).values(&certs).execute(c))?;
    }
    Ok(())
}

/// Checks an offering against SPEC §2, including that its CPV code exists.
/// Returns the normalised CPV code.
pub fn validate_offering(conn: &mut DbConn, input: &OfferingInput) -> QueryResult<Result<String, Vec<FieldError>>> {
    let mut e = Errors::default();
    let title = input.title.trim();
    e.check(!title.is_empty(), "title", "error-required");
    e.check(char_len(title) <= MAX_NAME, "title", "error-too-long");
    e.check(char_len(&input.description) <= MAX_DESCRIPTION, "description", "error-too-long");
    e.check(vocab::OFFERING_KINDS.contains(&input.kind.as_str()), "kind", "error-unknown-code");
    for (field, value) in [("price_indication", &input.price_indication), ("lead_time", &input.lead_time)] {
        if let Some(v) = optional(value) {
            e.check(char_len(v) <= MAX_TEXT, field, "error-too-long");
        }
    }
    match &input.service_area {
        ServiceArea::National => {}
        ServiceArea::Municipalities(list) => {
            e.check(!list.is_empty(), "municipalities", "error-required");
            e.check(
                list.iter().all(|m| !m.trim().is_empty() && char_len(m) <= MAX_TEXT),
                "municipalities",
                "error-too-long",
            );
        }
        ServiceArea::RadiusKm(km) => e.check(*km > 0 && *km <= 1000, "service_radius_km", "error-radius"),
    }
    let code = match normalise(&input.cpv_code) {
        Some(code) if cpv::exists(conn, &code)? => code,
        Some(_) => {
            e.add("cpv_code", "error-cpv-unknown");
            String::new()
        }
        None => {
            e.add("cpv_code", "error-cpv-format");
            String::new()
        }
    };
    Ok(e.into_result().map(|()| code))
}

/// Creates an offering for a WISE (input already validated, `cpv_code` normalised).
pub fn create_offering(
    conn: &mut DbConn,
    organisation_id: i32,
    input: &OfferingInput,
    cpv_code: &str,
    now: NaiveDateTime,
) -> QueryResult<i32> {
    let (area, radius) = input.service_area.columns();
    write_tx(conn, |conn| {
        let new = NewOffering {
            organisation_id,
            title: input.title.trim(),
            description: input.description.trim(),
            kind: &input.kind,
            cpv_code,
            service_area: area,
            service_radius_km: radius,
            price_indication: optional(&input.price_indication),
            lead_time: optional(&input.lead_time),
            active: input.active,
            created_at: now,
            updated_at: now,
        };
        let id: i32 = crate::per_backend!(conn, c => diesel::insert_into(offerings::table)
            .values(&new)
            .returning(offerings::id)
            .get_result(c))?;
        super::manage_store::insert_municipalities(conn, id, &input.service_area)?;
        Ok(id)
    })
}

// ---------------------------------------------------------------------------
// Reading what the public sees

/// Headline counts for the home page.
#[derive(Debug, Clone, serde::Serialize, PartialEq, Eq)]
pub struct Counts {
    pub organisations: i64,
    pub offerings: i64,
    pub municipalities: i64,
    pub sectors: i64,
}

pub fn counts(conn: &mut DbConn) -> QueryResult<Counts> {
    let approved = organisations::table.filter(crate::organisation::public());
    let organisations: i64 = approved.count().get_result(conn)?;
    let offerings: i64 = offerings::table
        .inner_join(organisations::table)
        .filter(crate::organisation::public())
        .filter(offerings::active.eq(true))
        .count()
        .get_result(conn)?;
    let municipalities: i64 =
        approved.select(diesel::dsl::count(organisations::municipality).aggregate_distinct()).get_result(conn)?;
    let sectors: i64 = organisation_sectors::table
        .inner_join(organisations::table)
        .filter(crate::organisation::public())
        .select(diesel::dsl::count(organisation_sectors::sector).aggregate_distinct())
        .get_result(conn)?;
    Ok(Counts { organisations, offerings, municipalities, sectors })
}

/// Whether the database holds any WISE at all (demo data never touches one that does).
pub fn has_organisations(conn: &mut DbConn) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(organisations::table.select(organisations::id))).get_result(conn)
}

/// One approved WISE in a list.
#[derive(Debug, Clone, serde::Serialize, PartialEq, utoipa::ToSchema)]
pub struct Summary {
    #[serde(skip)]
    pub id: i32,
    pub slug: String,
    pub kvk_number: String,
    pub name: String,
    pub municipality: String,
    pub district: Option<String>,
    pub description: String,
    pub sectors: Vec<String>,
    pub offerings: i64,
}

/// A page of approved WISEs by name, and how many there are in all.
pub fn list_approved(conn: &mut DbConn, page: u32, per_page: u32) -> QueryResult<(Vec<Summary>, i64)> {
    let total: i64 = organisations::table.filter(crate::organisation::public()).count().get_result(conn)?;
    let ids: Vec<i32> = organisations::table
        .filter(crate::organisation::public())
        .order((organisations::name.asc(), organisations::id.asc()))
        .limit(i64::from(per_page))
        .offset(i64::from(page.saturating_sub(1)) * i64::from(per_page))
        .select(organisations::id)
        .load(conn)?;
    Ok((summaries(conn, &ids)?, total))
}

/// Summaries of the given WISEs, in the order of `ids`.
pub fn summaries(conn: &mut DbConn, ids: &[i32]) -> QueryResult<Vec<Summary>> {
    let rows: Vec<Organisation> =
        organisations::table.filter(organisations::id.eq_any(ids)).select(Organisation::as_select()).load(conn)?;
    let sectors = sectors_of(conn, ids)?;
    let offering_counts: Vec<(i32, i64)> = offerings::table
        .filter(offerings::organisation_id.eq_any(ids))
        .filter(offerings::active.eq(true))
        .group_by(offerings::organisation_id)
        .select((offerings::organisation_id, diesel::dsl::count_star()))
        .load(conn)?;
    let mut by_id: std::collections::HashMap<i32, Organisation> = rows.into_iter().map(|o| (o.id, o)).collect();
    Ok(ids
        .iter()
        .filter_map(|id| by_id.remove(id))
        .map(|o| Summary {
            id: o.id,
            sectors: sectors.iter().filter(|(id, _)| *id == o.id).map(|(_, s)| s.clone()).collect(),
            offerings: offering_counts.iter().find(|(id, _)| *id == o.id).map_or(0, |(_, n)| *n),
            slug: o.slug,
            kvk_number: o.kvk_number,
            name: o.name,
            municipality: o.municipality,
            district: o.district,
            description: o.description,
        })
        .collect())
}

/// (organisation id, sector) pairs in primary-first order.
fn sectors_of(conn: &mut DbConn, ids: &[i32]) -> QueryResult<Vec<(i32, String)>> {
    organisation_sectors::table
        .filter(organisation_sectors::organisation_id.eq_any(ids))
        .order((organisation_sectors::organisation_id, organisation_sectors::position))
        .select((organisation_sectors::organisation_id, organisation_sectors::sector))
        .load(conn)
}

/// An offering with its CPV labels and service area, as a buyer reads it.
#[derive(Debug, Clone, serde::Serialize, PartialEq, utoipa::ToSchema)]
pub struct OfferingDetail {
    pub id: i32,
    pub title: String,
    pub description: String,
    pub kind: String,
    pub cpv_code: String,
    pub cpv_label_en: String,
    pub cpv_division: String,
    pub service_area: String,
    pub service_radius_km: Option<i32>,
    pub municipalities: Vec<String>,
    pub price_indication: Option<String>,
    pub lead_time: Option<String>,
    pub updated_at: NaiveDateTime,
}

/// A WISE's full public record.
#[derive(Debug, Clone, serde::Serialize, PartialEq, utoipa::ToSchema)]
pub struct Profile {
    pub organisation: OrganisationPublic,
    pub sectors: Vec<String>,
    pub target_groups: Vec<String>,
    pub certifications: Vec<CertificationPublic>,
    pub offerings: Vec<OfferingDetail>,
    /// Reserved-contract eligibility from the latest accepted figures; `null` when the
    /// WISE has no accepted figures.
    pub reserved_contract: Option<crate::catalogue::eligibility::ReservedContract>,
}

/// The columns of a WISE the public sees, read straight from its row.
#[derive(Debug, Clone, serde::Serialize, PartialEq, utoipa::ToSchema, Queryable, Selectable)]
#[diesel(table_name = organisations)]
pub struct OrganisationPublic {
    #[serde(skip)]
    pub id: i32,
    pub slug: String,
    pub kvk_number: String,
    pub name: String,
    pub legal_form: Option<String>,
    pub founded_year: Option<i32>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub street: Option<String>,
    pub postcode: Option<String>,
    pub municipality: String,
    pub district: Option<String>,
    pub description: String,
    pub market_income_pct: Option<i32>,
    pub pso_level: Option<String>,
    pub pso_valid_until: Option<chrono::NaiveDate>,
    pub cso_status: Option<String>,
    pub sena_member: bool,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, serde::Serialize, PartialEq, utoipa::ToSchema)]
pub struct CertificationPublic {
    pub name: String,
    pub valid_until: Option<chrono::NaiveDate>,
}

/// Which key identifies the WISE to look up.
pub enum Key<'a> {
    Slug(&'a str),
    Kvk(&'a str),
}

/// The public profile of an approved WISE, or `None` (unknown or not approved).
pub fn public_profile(conn: &mut DbConn, key: Key<'_>) -> QueryResult<Option<Profile>> {
    let query =
        organisations::table.filter(crate::organisation::public()).select(OrganisationPublic::as_select()).into_boxed();
    let query = match key {
        Key::Slug(slug) => query.filter(organisations::slug.eq(slug)),
        Key::Kvk(kvk) => query.filter(organisations::kvk_number.eq(kvk)),
    };
    let Some(o) = query.first(conn).optional()? else {
        return Ok(None);
    };
    let sectors = sectors_of(conn, &[o.id])?.into_iter().map(|(_, s)| s).collect();
    let target_groups = organisation_target_groups::table
        .filter(organisation_target_groups::organisation_id.eq(o.id))
        .order(organisation_target_groups::target_group)
        .select(organisation_target_groups::target_group)
        .load(conn)?;
    let certifications = organisation_certifications::table
        .filter(organisation_certifications::organisation_id.eq(o.id))
        .order((organisation_certifications::name, organisation_certifications::id))
        .select(Certification::as_select())
        .load(conn)?
        .into_iter()
        .map(|c| CertificationPublic { name: c.name, valid_until: c.valid_until })
        .collect();
    let offers: Vec<(Offering, String)> = offerings::table
        .inner_join(cpv_codes::table)
        .filter(offerings::organisation_id.eq(o.id))
        .filter(offerings::active.eq(true))
        .order((offerings::title, offerings::id))
        .select((Offering::as_select(), cpv_codes::label_en))
        .load(conn)?;
    let offer_ids: Vec<i32> = offers.iter().map(|(o, _)| o.id).collect();
    let areas: Vec<(i32, String)> = offering_municipalities::table
        .filter(offering_municipalities::offering_id.eq_any(&offer_ids))
        .order((offering_municipalities::offering_id, offering_municipalities::municipality))
        .load(conn)?;
    let offerings = offers
        .into_iter()
        .map(|(f, label)| OfferingDetail {
            municipalities: areas.iter().filter(|(id, _)| *id == f.id).map(|(_, m)| m.clone()).collect(),
            cpv_division: f.cpv_code[..2].to_string(),
            id: f.id,
            title: f.title,
            description: f.description,
            kind: f.kind,
            cpv_code: f.cpv_code,
            cpv_label_en: label,
            service_area: f.service_area,
            service_radius_km: f.service_radius_km,
            price_indication: f.price_indication,
            lead_time: f.lead_time,
            updated_at: f.updated_at,
        })
        .collect();
    let reserved_contract = crate::catalogue::eligibility::for_organisation(conn, o.id)?;
    Ok(Some(Profile { organisation: o, sectors, target_groups, certifications, offerings, reserved_contract }))
}

/// Whether the user keeps the WISE on their shortlist (the profile shows it).
pub fn on_shortlist(conn: &mut DbConn, user_id: i32, organisation_id: i32) -> QueryResult<bool> {
    use crate::db::schema::shortlist_items;
    diesel::select(diesel::dsl::exists(
        shortlist_items::table
            .filter(shortlist_items::user_id.eq(user_id))
            .filter(shortlist_items::organisation_id.eq(organisation_id)),
    ))
    .get_result(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("Kringloop De Würm & Zn."), "kringloop-de-wurm-zn");
        assert_eq!(slugify("  Café 't Hoekje  "), "cafe-t-hoekje");
        assert_eq!(slugify("!!!"), "wise");
    }

    fn valid() -> OrganisationInput {
        OrganisationInput {
            kvk_number: "01234567".into(),
            name: "Werkplaats Oost".into(),
            municipality: "Amsterdam".into(),
            sectors: vec!["catering".into()],
            ..Default::default()
        }
    }

    #[test]
    fn organisation_validation_names_fields() {
        assert_eq!(validate_organisation(&valid()), Ok(()));
        let mut bad = valid();
        bad.kvk_number = "1234".into();
        bad.sectors = vec!["bakery".into()];
        bad.description = "x".repeat(2001);
        bad.market_income_pct = Some(101);
        let errors = validate_organisation(&bad).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["kvk_number", "description", "market_income_pct", "sectors"]);
    }
}
