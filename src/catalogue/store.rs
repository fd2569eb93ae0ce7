//! Catalogue queries: reading what the public sees (counts, lists, a WISE's public
//! profile). Creating and changing WISEs and offerings is `organisation::store` and
//! `organisation::offerings`.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{
    cpv_codes, offering_municipalities, offerings, organisation_sectors, organisation_target_groups, organisations,
};
use crate::db::DbConn;
use crate::organisation::model::*;

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
    /// The Dutch label, where the vocabulary has one.
    pub cpv_label_nl: Option<String>,
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
    /// Every certificate but the rejected ones, with its state today; only `verified`
    /// ones count for badges and filters.
    pub certificates: Vec<crate::organisation::certificates::CertificatePublic>,
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
    pub updated_at: NaiveDateTime,
}

/// Which key identifies the WISE to look up.
pub enum Key<'a> {
    Slug(&'a str),
    Kvk(&'a str),
}

/// The public profile of an approved WISE on `today`, or `None` (unknown or not approved).
pub fn public_profile(conn: &mut DbConn, key: Key<'_>, today: chrono::NaiveDate) -> QueryResult<Option<Profile>> {
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
    let certificates = crate::organisation::certificates::public_of(conn, o.id, today)?;
    let offers: Vec<(Offering, String, Option<String>)> = offerings::table
        .inner_join(cpv_codes::table)
        .filter(offerings::organisation_id.eq(o.id))
        .filter(offerings::active.eq(true))
        .order((offerings::title, offerings::id))
        .select((Offering::as_select(), cpv_codes::label_en, cpv_codes::label_nl))
        .load(conn)?;
    let offer_ids: Vec<i32> = offers.iter().map(|(o, _, _)| o.id).collect();
    let areas: Vec<(i32, String)> = offering_municipalities::table
        .filter(offering_municipalities::offering_id.eq_any(&offer_ids))
        .order((offering_municipalities::offering_id, offering_municipalities::municipality))
        .load(conn)?;
    let offerings = offers
        .into_iter()
        .map(|(f, label, label_nl)| OfferingDetail {
            municipalities: areas.iter().filter(|(id, _)| *id == f.id).map(|(_, m)| m.clone()).collect(),
            cpv_division: f.cpv_code[..2].to_string(),
            id: f.id,
            title: f.title,
            description: f.description,
            kind: f.kind,
            cpv_code: f.cpv_code,
            cpv_label_en: label,
            cpv_label_nl: label_nl,
            service_area: f.service_area,
            service_radius_km: f.service_radius_km,
            price_indication: f.price_indication,
            lead_time: f.lead_time,
            updated_at: f.updated_at,
        })
        .collect();
    let reserved_contract = crate::catalogue::eligibility::for_organisation(conn, o.id)?;
    Ok(Some(Profile { organisation: o, sectors, target_groups, certificates, offerings, reserved_contract }))
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
