//! The offerings of a WISE: checking one (SPEC §2, its CPV code must exist), creating,
//! reading, saving, hiding and deleting, with the municipalities of its service area.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use super::model::*;
use super::store::{MAX_DESCRIPTION, MAX_NAME, MAX_TEXT};
use crate::db::cpv;
use crate::db::schema::{cpv_codes, offering_municipalities, offerings};
use crate::db::{write_tx, DbConn};
use crate::geography::{distance_km, Gazetteer};
use crate::validation::{char_len, optional, Errors, FieldError};
use crate::vocab;
use crate::vocab::cpv::normalise;

/// Whether an offering delivers in the municipality `asked`: a national offering
/// everywhere; one with listed municipalities in those and its WISE's own; one with a
/// radius in its WISE's own municipality and in every municipality whose centroid lies
/// within the radius of the centroid of the WISE's (`places`; without the coordinates
/// of either, only in its own). The one rule of service areas for the search, its
/// facets, the API, need matching and the digests (names compared without case and
/// accents).
pub fn serves(
    area: &str,
    radius_km: Option<i32>,
    listed: &[String],
    wise_municipality: &str,
    asked: &str,
    places: &Gazetteer,
) -> bool {
    let asked_key = crate::validation::fold(asked.trim());
    let same = |m: &str| crate::validation::fold(m.trim()) == asked_key;
    match area {
        "national" => true,
        "municipalities" => listed.iter().any(|m| same(m)) || same(wise_municipality),
        _ => {
            same(wise_municipality)
                || match (radius_km, places.centroid(wise_municipality), places.centroid(asked)) {
                    (Some(km), Some(from), Some(to)) => distance_km(from, to) <= f64::from(km),
                    _ => false,
                }
        }
    }
}

/// Checks an offering against SPEC §2, including that its CPV code exists.
/// Returns the normalised CPV code.
pub fn validate_offering(conn: &mut DbConn, input: &OfferingInput) -> QueryResult<Result<String, Vec<FieldError>>> {
    let mut e = Errors::default();
    let title = input.title.trim();
    e.check(!title.is_empty(), "title", "error-required");
    e.check(char_len(title) <= MAX_NAME, "title", "error-too-long");
    e.check(char_len(&input.description) <= MAX_DESCRIPTION, "description", "error-too-long");
    // No kind given: the CPV code says it (see `kind`).
    e.check(
        input.kind.is_empty() || vocab::OFFERING_KINDS.contains(&input.kind.as_str()),
        "kind",
        "error-unknown-code",
    );
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

/// The offering's kind: as given, or else what its CPV code's division says (works for
/// 45, goods for 03–44 and 48, services for the rest).
fn kind<'a>(input: &'a OfferingInput, cpv_code: &str) -> &'a str {
    match input.kind.trim() {
        "" => crate::vocab::cpv::kind_of(cpv_code),
        given => given,
    }
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
            kind: kind(input, cpv_code),
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
        insert_municipalities(conn, id, &input.service_area)?;
        Ok(id)
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
    /// The Dutch label, where the vocabulary has one.
    pub cpv_label_nl: Option<String>,
    pub active: bool,
    pub updated_at: NaiveDateTime,
}

/// Every offering of a WISE, active ones first, then by title.
pub fn offerings_of(conn: &mut DbConn, organisation_id: i32) -> QueryResult<Vec<OfferingRow>> {
    let rows: Vec<(Offering, String, Option<String>)> = offerings::table
        .inner_join(cpv_codes::table)
        .filter(offerings::organisation_id.eq(organisation_id))
        .order((offerings::active.desc(), offerings::title.asc(), offerings::id.asc()))
        .select((Offering::as_select(), cpv_codes::label_en, cpv_codes::label_nl))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(o, label, label_nl)| OfferingRow {
            id: o.id,
            title: o.title,
            kind: o.kind,
            cpv_code: o.cpv_code,
            cpv_label_en: label,
            cpv_label_nl: label_nl,
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
            offerings::kind.eq(kind(input, cpv_code)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geography::{Municipality, Point};

    #[test]
    fn a_radius_serves_what_lies_within_it_and_only_home_without_coordinates() {
        let place = |code: &str, name: &str, at: Option<(f64, f64)>| Municipality {
            code: code.into(),
            name: name.into(),
            centroid: at.map(|(latitude, longitude)| Point { latitude, longitude }),
        };
        let places = Gazetteer::new(vec![
            place("GM0479", "Zaanstad", Some((52.4559, 4.8286))),
            place("GM0363", "Amsterdam", Some((52.3676, 4.9041))),
            place("GM0392", "Haarlem", Some((52.3874, 4.6462))),
            place("GM0361", "Alkmaar", None),
        ]);
        let serves_at = |km: i32, home: &str, asked: &str| serves("radius", Some(km), &[], home, asked, &places);
        assert!(serves_at(12, "Zaanstad", "Amsterdam"), "11 km");
        assert!(!serves_at(12, "Zaanstad", "Haarlem"), "14.5 km");
        assert!(serves_at(15, "Zaanstad", "haarlem"));
        assert!(!serves_at(500, "Zaanstad", "Alkmaar"), "no coordinates");
        assert!(serves_at(1, "Alkmaar", "alkmaar"), "its own, always");
        assert!(!serves_at(500, "Alkmaar", "Zaanstad"));
        let listed = ["Diemen".to_string()];
        assert!(serves("municipalities", None, &listed, "Zaanstad", "Diemen", &places));
        assert!(!serves("municipalities", None, &listed, "Zaanstad", "Amsterdam", &places));
        assert!(serves("national", None, &[], "Zaanstad", "Maastricht", &places));
    }
}
