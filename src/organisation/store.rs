//! The organisation (WISE) entity's queries and rules: checking a record (SPEC §2),
//! creating one with its sectors, target groups and certifications, reading and saving
//! it whatever its status (the editors' view), and moving its status.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use super::model::*;
use crate::db::schema::{organisation_certifications, organisation_sectors, organisation_target_groups, organisations};
use crate::db::{write_tx, DbConn};
use crate::validation::{char_len, is_email, is_kvk_number, is_web_url, optional, Errors, FieldError};
use crate::vocab;

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
        replace_classification(conn, id, input, now)?;
        Ok(id)
    })
}

/// Replaces an organisation's sectors, target groups and other certifications, and
/// brings its certificates in step (`certificates::sync`); the ids of new claims.
pub(crate) fn replace_classification(
    conn: &mut DbConn,
    id: i32,
    input: &OrganisationInput,
    now: NaiveDateTime,
) -> QueryResult<Vec<i32>> {
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
    super::certificates::sync(conn, id, input, now)
}

/// A WISE as its editors see it in a list.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Queryable)]
pub struct Managed {
    pub id: i32,
    pub kvk_number: String,
    pub name: String,
    pub slug: String,
    pub municipality: String,
    pub status: String,
}

/// The WISEs with these ids, by name.
pub fn organisations_by_id(conn: &mut DbConn, ids: &[i32]) -> QueryResult<Vec<Managed>> {
    organisations::table
        .filter(organisations::id.eq_any(ids))
        .order((organisations::name.asc(), organisations::id.asc()))
        .select((
            organisations::id,
            organisations::kvk_number,
            organisations::name,
            organisations::slug,
            organisations::municipality,
            organisations::status,
        ))
        .load(conn)
}

/// A WISE by KvK number, whatever its status.
/// Each WISE's primary (first-listed) sector, by id: of the WISEs `ids`, or of every WISE.
/// A WISE without a sector is missing; its readers count it as `other`.
pub fn primary_sectors(conn: &mut DbConn, ids: Option<&[i32]>) -> QueryResult<std::collections::HashMap<i32, String>> {
    let mut query = organisation_sectors::table
        .order((organisation_sectors::organisation_id, organisation_sectors::position.desc()))
        .select((organisation_sectors::organisation_id, organisation_sectors::sector))
        .into_boxed();
    if let Some(ids) = ids {
        query = query.filter(organisation_sectors::organisation_id.eq_any(ids));
    }
    let listed: Vec<(i32, String)> = query.load(conn)?;
    // Later (lower-position) entries overwrite earlier ones: the first-listed wins.
    Ok(listed.into_iter().collect())
}

pub fn organisation_by_kvk(conn: &mut DbConn, kvk: &str) -> QueryResult<Option<Organisation>> {
    organisations::table
        .filter(organisations::kvk_number.eq(kvk))
        .select(Organisation::as_select())
        .first(conn)
        .optional()
}

/// Everything the profile form shows: the row with its sectors (primary first),
/// target groups and other certifications.
pub fn organisation_input(conn: &mut DbConn, o: &Organisation) -> QueryResult<OrganisationInput> {
    let sectors = organisation_sectors::table
        .filter(organisation_sectors::organisation_id.eq(o.id))
        .order(organisation_sectors::position)
        .select(organisation_sectors::sector)
        .load(conn)?;
    let target_groups = organisation_target_groups::table
        .filter(organisation_target_groups::organisation_id.eq(o.id))
        .order(organisation_target_groups::target_group)
        .select(organisation_target_groups::target_group)
        .load(conn)?;
    let certifications: Vec<(String, Option<NaiveDate>)> = organisation_certifications::table
        .filter(organisation_certifications::organisation_id.eq(o.id))
        .order(organisation_certifications::id)
        .select((organisation_certifications::name, organisation_certifications::valid_until))
        .load(conn)?;
    Ok(OrganisationInput {
        kvk_number: o.kvk_number.clone(),
        name: o.name.clone(),
        legal_form: o.legal_form.clone(),
        founded_year: o.founded_year,
        website: o.website.clone(),
        email: o.email.clone(),
        phone: o.phone.clone(),
        street: o.street.clone(),
        postcode: o.postcode.clone(),
        municipality: o.municipality.clone(),
        district: o.district.clone(),
        description: o.description.clone(),
        market_income_pct: o.market_income_pct,
        pso_level: o.pso_level.clone(),
        pso_valid_until: o.pso_valid_until,
        cso_status: o.cso_status.clone(),
        sena_member: o.sena_member,
        sectors,
        target_groups,
        certifications,
    })
}

/// Saves a WISE's profile (validated input): the row, its sectors, target groups and
/// certifications. The KvK number, slug and status stay as they are. Run it inside
/// the caller's transaction, or it opens its own. Returns the ids of the certificates
/// newly claimed (the operator hears of them).
pub fn update_organisation(
    conn: &mut DbConn,
    id: i32,
    input: &OrganisationInput,
    now: NaiveDateTime,
) -> QueryResult<Vec<i32>> {
    write_tx(conn, |conn| {
        diesel::update(organisations::table.find(id))
            .set((
                organisations::name.eq(input.name.trim()),
                organisations::legal_form.eq(optional(&input.legal_form)),
                organisations::founded_year.eq(input.founded_year),
                organisations::website.eq(optional(&input.website)),
                organisations::email.eq(optional(&input.email)),
                organisations::phone.eq(optional(&input.phone)),
                organisations::street.eq(optional(&input.street)),
                organisations::postcode.eq(optional(&input.postcode)),
                organisations::municipality.eq(input.municipality.trim()),
                organisations::district.eq(optional(&input.district)),
                organisations::description.eq(input.description.trim()),
                organisations::market_income_pct.eq(input.market_income_pct),
                organisations::pso_level.eq(optional(&input.pso_level)),
                organisations::pso_valid_until.eq(input.pso_valid_until),
                organisations::cso_status.eq(optional(&input.cso_status)),
                organisations::sena_member.eq(input.sena_member),
                organisations::updated_at.eq(now),
            ))
            .execute(conn)?;
        replace_classification(conn, id, input, now)
    })
}

/// Whether the database holds any WISE at all (demo data never touches one that does).
pub fn has_organisations(conn: &mut DbConn) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(organisations::table.select(organisations::id))).get_result(conn)
}

/// Moves a WISE from status `from` to `to` with a reason (or none); `false` when its
/// status is no longer `from` (someone else changed it first).
pub fn set_status(
    conn: &mut DbConn,
    id: i32,
    from: &str,
    to: &str,
    reason: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let changed =
        diesel::update(organisations::table.filter(organisations::id.eq(id)).filter(organisations::status.eq(from)))
            .set((
                organisations::status.eq(to),
                organisations::status_reason.eq(reason),
                organisations::updated_at.eq(now),
            ))
            .execute(conn)?;
    Ok(changed == 1)
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
