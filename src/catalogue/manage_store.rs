//! Queries behind "My WISE": reading a WISE's whole record (any status) for its
//! editors, saving the profile, and changing its offerings.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use super::store::replace_classification;
use crate::db::schema::{
    cpv_codes, offering_municipalities, offerings, organisation_certifications, organisation_sectors,
    organisation_target_groups, organisations,
};
use crate::db::{write_tx, DbConn};
use crate::organisation::model::*;
use crate::validation::optional;

/// A WISE as its editors see it in a list.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Queryable)]
pub struct Managed {
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
            organisations::kvk_number,
            organisations::name,
            organisations::slug,
            organisations::municipality,
            organisations::status,
        ))
        .load(conn)
}

/// A WISE by KvK number, whatever its status.
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
/// the caller's transaction, or it opens its own.
pub fn update_organisation(
    conn: &mut DbConn,
    id: i32,
    input: &OrganisationInput,
    now: NaiveDateTime,
) -> QueryResult<()> {
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
        replace_classification(conn, id, input)
    })
}

/// One offering in the editors' list, active or not.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct OfferingRow {
    pub id: i32,
    pub title: String,
    pub kind: String,
    pub cpv_code: String,
    pub cpv_label_en: String,
    pub active: bool,
    pub updated_at: NaiveDateTime,
}

/// Every offering of a WISE, active ones first, then by title.
pub fn offerings_of(conn: &mut DbConn, organisation_id: i32) -> QueryResult<Vec<OfferingRow>> {
    let rows: Vec<(Offering, String)> = offerings::table
        .inner_join(cpv_codes::table)
        .filter(offerings::organisation_id.eq(organisation_id))
        .order((offerings::active.desc(), offerings::title.asc(), offerings::id.asc()))
        .select((Offering::as_select(), cpv_codes::label_en))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(o, label)| OfferingRow {
            id: o.id,
            title: o.title,
            kind: o.kind,
            cpv_code: o.cpv_code,
            cpv_label_en: label,
            active: o.active,
            updated_at: o.updated_at,
        })
        .collect())
}

/// An offering of this WISE with its municipalities, or `None` (unknown, or another WISE's).
pub fn offering_of(
    conn: &mut DbConn,
    organisation_id: i32,
    offering_id: i32,
) -> QueryResult<Option<(Offering, Vec<String>)>> {
    let Some(offering) = offerings::table
        .filter(offerings::id.eq(offering_id))
        .filter(offerings::organisation_id.eq(organisation_id))
        .select(Offering::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let municipalities = offering_municipalities::table
        .filter(offering_municipalities::offering_id.eq(offering_id))
        .order(offering_municipalities::municipality)
        .select(offering_municipalities::municipality)
        .load(conn)?;
    Ok(Some((offering, municipalities)))
}

/// Replaces an offering's municipalities with those of its service area.
fn replace_municipalities(conn: &mut DbConn, offering_id: i32, area: &ServiceArea) -> QueryResult<()> {
    diesel::delete(offering_municipalities::table.filter(offering_municipalities::offering_id.eq(offering_id)))
        .execute(conn)?;
    insert_municipalities(conn, offering_id, area)
}

/// Stores a new offering's municipalities (none unless its service area is a list of
/// municipalities); names are trimmed and listed once.
pub(crate) fn insert_municipalities(conn: &mut DbConn, offering_id: i32, area: &ServiceArea) -> QueryResult<()> {
    let ServiceArea::Municipalities(list) = area else {
        return Ok(());
    };
    let mut list: Vec<&str> = list.iter().map(|m| m.trim()).filter(|m| !m.is_empty()).collect();
    list.sort_unstable();
    list.dedup();
    if list.is_empty() {
        return Ok(());
    }
    let rows: Vec<_> = list
        .into_iter()
        .map(|m| (offering_municipalities::offering_id.eq(offering_id), offering_municipalities::municipality.eq(m)))
        .collect();
    crate::per_backend!(conn, c => diesel::insert_into(offering_municipalities::table).values(&rows).execute(c))?;
    Ok(())
}

/// Saves an edited offering (input validated, `cpv_code` normalised). Whether it is
/// active is changed by [`set_offering_active`] only. Returns false when the offering
/// is not this WISE's.
pub fn update_offering(
    conn: &mut DbConn,
    organisation_id: i32,
    offering_id: i32,
    input: &OfferingInput,
    cpv_code: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let (area, radius) = input.service_area.columns();
    write_tx(conn, |conn| {
        let changed = diesel::update(
            offerings::table
                .filter(offerings::id.eq(offering_id))
                .filter(offerings::organisation_id.eq(organisation_id)),
        )
        .set((
            offerings::title.eq(input.title.trim()),
            offerings::description.eq(input.description.trim()),
            offerings::kind.eq(&input.kind),
            offerings::cpv_code.eq(cpv_code),
            offerings::service_area.eq(area),
            offerings::service_radius_km.eq(radius),
            offerings::price_indication.eq(optional(&input.price_indication)),
            offerings::lead_time.eq(optional(&input.lead_time)),
            offerings::updated_at.eq(now),
        ))
        .execute(conn)?;
        if changed == 0 {
            return Ok(false);
        }
        replace_municipalities(conn, offering_id, &input.service_area)?;
        Ok(true)
    })
}

/// Shows (active) or hides an offering of this WISE; false when it is not this WISE's.
pub fn set_offering_active(
    conn: &mut DbConn,
    organisation_id: i32,
    offering_id: i32,
    active: bool,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let changed = diesel::update(
        offerings::table.filter(offerings::id.eq(offering_id)).filter(offerings::organisation_id.eq(organisation_id)),
    )
    .set((offerings::active.eq(active), offerings::updated_at.eq(now)))
    .execute(conn)?;
    Ok(changed > 0)
}

/// Deletes an offering of this WISE (its municipalities go with it, `ON DELETE
/// CASCADE`); false when it is not this WISE's.
pub fn delete_offering(conn: &mut DbConn, organisation_id: i32, offering_id: i32) -> QueryResult<bool> {
    let deleted = diesel::delete(
        offerings::table.filter(offerings::id.eq(offering_id)).filter(offerings::organisation_id.eq(organisation_id)),
    )
    .execute(conn)?;
    Ok(deleted > 0)
}
