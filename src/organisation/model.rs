//! Rows of the catalogue tables and the input shapes that create them.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::{offerings, organisation_certifications, organisations};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, Serialize)]
#[diesel(table_name = organisations)]
pub struct Organisation {
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
    pub pso_valid_until: Option<NaiveDate>,
    pub cso_status: Option<String>,
    pub sena_member: bool,
    pub status: String,
    pub status_reason: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = organisations)]
pub struct NewOrganisation<'a> {
    pub slug: &'a str,
    pub kvk_number: &'a str,
    pub name: &'a str,
    pub legal_form: Option<&'a str>,
    pub founded_year: Option<i32>,
    pub website: Option<&'a str>,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub street: Option<&'a str>,
    pub postcode: Option<&'a str>,
    pub municipality: &'a str,
    pub district: Option<&'a str>,
    pub description: &'a str,
    pub market_income_pct: Option<i32>,
    pub pso_level: Option<&'a str>,
    pub pso_valid_until: Option<NaiveDate>,
    pub cso_status: Option<&'a str>,
    pub sena_member: bool,
    pub status: &'a str,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = organisation_certifications)]
pub struct Certification {
    #[serde(skip)]
    pub id: i32,
    #[serde(skip)]
    pub organisation_id: i32,
    pub name: String,
    pub valid_until: Option<NaiveDate>,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, Serialize)]
#[diesel(table_name = offerings)]
pub struct Offering {
    pub id: i32,
    pub organisation_id: i32,
    pub title: String,
    pub description: String,
    pub kind: String,
    pub cpv_code: String,
    pub service_area: String,
    pub service_radius_km: Option<i32>,
    pub price_indication: Option<String>,
    pub lead_time: Option<String>,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = offerings)]
pub struct NewOffering<'a> {
    pub organisation_id: i32,
    pub title: &'a str,
    pub description: &'a str,
    pub kind: &'a str,
    pub cpv_code: &'a str,
    pub service_area: &'a str,
    pub service_radius_km: Option<i32>,
    pub price_indication: Option<&'a str>,
    pub lead_time: Option<&'a str>,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Everything a WISE's record holds, as entered (registration, import, demo data, profile editing).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrganisationInput {
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
    pub pso_valid_until: Option<NaiveDate>,
    pub cso_status: Option<String>,
    pub sena_member: bool,
    /// Sector codes; the first is the primary sector.
    pub sectors: Vec<String>,
    pub target_groups: Vec<String>,
    /// Other certifications: name and optional valid-until date.
    pub certifications: Vec<(String, Option<NaiveDate>)>,
}

/// Where an offering is delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServiceArea {
    National,
    Municipalities(Vec<String>),
    RadiusKm(i32),
}

impl ServiceArea {
    /// The offering's columns for it: `service_area` and `service_radius_km` (the
    /// municipalities have a table of their own).
    pub fn columns(&self) -> (&'static str, Option<i32>) {
        match self {
            ServiceArea::National => ("national", None),
            ServiceArea::Municipalities(_) => ("municipalities", None),
            ServiceArea::RadiusKm(km) => ("radius", Some(*km)),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OfferingInput {
    pub title: String,
    pub description: String,
    pub kind: String,
    /// As entered; `45000000-7` is accepted (the check digit is ignored).
    pub cpv_code: String,
    pub service_area: ServiceArea,
    pub price_indication: Option<String>,
    pub lead_time: Option<String>,
    pub active: bool,
}
