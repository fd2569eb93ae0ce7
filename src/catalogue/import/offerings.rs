//! `import offerings`: the goods and services of WISEs already on the platform, from a
//! CSV file, one offering a row (the demo data is loaded this way too).
//!
//! Columns: `kvk_number,title,kind,cpv_code` (required) and `description,service_area,
//! price_indication,lead_time,active`. `service_area` is `national`, a radius such as
//! `25 km` around the WISE, or municipalities separated by `|`; empty means the WISE's
//! own municipality. `active` is yes/no (empty: yes). Every offering is checked by
//! the rules of the offering form; an offering whose title the WISE already uses is
//! an error, so importing a file twice adds nothing.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cells::{list, yes_no};

use crate::csv_import::{self, ImportError, Schema};
use crate::db::schema::offerings;
use crate::db::{write_tx, DbConn};
use crate::organisation::model::{OfferingInput, ServiceArea};
use crate::validation::FieldError;

/// Every column the file may have.
pub const COLUMNS: [&str; 9] = [
    "kvk_number",
    "title",
    "kind",
    "cpv_code",
    "description",
    "service_area",
    "price_indication",
    "lead_time",
    "active",
];

/// Columns the header must have.
pub const REQUIRED: [&str; 4] = ["kvk_number", "title", "kind", "cpv_code"];

const SCHEMA: Schema = Schema {
    is_column,
    required: &REQUIRED,
    unknown_column_key: "error-import-offerings-unknown-column",
    no_rows_key: "error-import-offerings-no-rows",
};

fn is_column(name: &str) -> bool {
    COLUMNS.contains(&name)
}

/// One data row: whose offering, and the offering with its service area still to be
/// completed (`None`: the WISE's own municipality).
struct Row {
    line: u64,
    kvk: String,
    input: OfferingInput,
    own_municipality: bool,
}

/// Checks a file against the database too, then creates every offering in it, all in
/// one transaction: the number created, or every error and nothing written.
pub fn import_offerings(conn: &mut DbConn, bytes: &[u8], now: NaiveDateTime) -> QueryResult<super::Outcome> {
    let mut rows = Vec::new();
    let mut errors = csv_import::read_records(bytes, &SCHEMA, |line, columns, record, errors| {
        if let Some(row) = read_row(line, columns, record, errors) {
            rows.push(row);
        }
    });
    write_tx(conn, |conn| {
        let mut wises = HashMap::new();
        let mut titles: HashSet<(i32, String)> = HashSet::new();
        let mut ready = Vec::with_capacity(rows.len());
        for mut row in rows {
            if !wises.contains_key(&row.kvk) {
                let found = crate::organisation::store::organisation_by_kvk(conn, &row.kvk)?;
                if let Some(wise) = &found {
                    let used: Vec<String> = offerings::table
                        .filter(offerings::organisation_id.eq(wise.id))
                        .select(offerings::title)
                        .load(conn)?;
                    titles.extend(used.into_iter().map(|t| (wise.id, t)));
                }
                wises.insert(row.kvk.clone(), found);
            }
            let Some(wise) = &wises[&row.kvk] else {
                errors.push(ImportError::new(row.line, "kvk_number", "error-import-unknown-wise"));
                continue;
            };
            if row.own_municipality {
                row.input.service_area = ServiceArea::Municipalities(vec![wise.municipality.clone()]);
            }
            if !titles.insert((wise.id, row.input.title.trim().to_string())) {
                errors.push(ImportError::new(row.line, "title", "error-import-offering-title-taken"));
            }
            match crate::organisation::offerings::validate_offering(conn, &row.input)? {
                Ok(code) => ready.push((wise.id, row.input, code)),
                Err(field_errors) => errors.extend(field_errors.iter().map(|e| cell_error(row.line, e))),
            }
        }
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.line);
            csv_import::cut_errors(&mut errors, None);
            return Ok(Err(errors));
        }
        for (wise, input, code) in &ready {
            crate::organisation::offerings::create_offering(conn, *wise, input, code, now)?;
        }
        Ok(Ok(ready.len()))
    })
}

/// A rule of the offering form broken by a row, named by the file's column.
fn cell_error(line: u64, e: &FieldError) -> ImportError {
    let column = match e.field.as_str() {
        "municipalities" | "service_radius_km" => "service_area",
        field => COLUMNS.iter().find(|c| **c == field).copied().unwrap_or(field),
    };
    ImportError::new(line, column, e.key)
}

fn read_row(line: u64, columns: &[String], record: &csv::ByteRecord, errors: &mut Vec<ImportError>) -> Option<Row> {
    let before = errors.len();
    let mut row = Row {
        line,
        kvk: String::new(),
        input: OfferingInput {
            title: String::new(),
            description: String::new(),
            kind: String::new(),
            cpv_code: String::new(),
            service_area: ServiceArea::National,
            price_indication: None,
            lead_time: None,
            active: true,
        },
        own_municipality: true,
    };
    for (column, value) in csv_import::cells(line, columns, record, errors) {
        let text = || (!value.is_empty()).then(|| value.to_string());
        let input = &mut row.input;
        match column {
            "kvk_number" => row.kvk = value.trim().to_string(),
            "title" => input.title = value.to_string(),
            "kind" => input.kind = value.trim().to_string(),
            "cpv_code" => input.cpv_code = value.trim().to_string(),
            "description" => input.description = value.to_string(),
            "price_indication" => input.price_indication = text(),
            "lead_time" => input.lead_time = text(),
            "service_area" => match service_area(value) {
                Ok(Some(area)) => (input.service_area, row.own_municipality) = (area, false),
                Ok(None) => {}
                Err(()) => errors.push(ImportError::new(line, column, "error-import-service-area")),
            },
            "active" => match yes_no(value) {
                Ok(active) => input.active = active.unwrap_or(true),
                Err(()) => errors.push(ImportError::new(line, column, "error-import-yes-no")),
            },
            other => unreachable!("column {other} is not in COLUMNS"),
        }
    }
    if !crate::validation::is_kvk_number(&row.kvk) {
        errors.push(ImportError::new(line, "kvk_number", "error-kvk-format"));
    }
    (errors.len() == before).then_some(row)
}

/// `national`, `25 km` (or `25km`), or `Amsterdam|Diemen`; empty is `None`.
fn service_area(value: &str) -> Result<Option<ServiceArea>, ()> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value.eq_ignore_ascii_case("national") || value.eq_ignore_ascii_case("landelijk") {
        return Ok(Some(ServiceArea::National));
    }
    if let Some(km) = value.strip_suffix("km").map(str::trim) {
        if let Ok(km) = km.parse::<i32>() {
            return Ok(Some(ServiceArea::RadiusKm(km)));
        }
    }
    match list(value) {
        places if places.is_empty() => Err(()),
        places => Ok(Some(ServiceArea::Municipalities(places))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_areas_are_read() {
        assert_eq!(service_area(""), Ok(None));
        assert_eq!(service_area("National"), Ok(Some(ServiceArea::National)));
        assert_eq!(service_area("25 km"), Ok(Some(ServiceArea::RadiusKm(25))));
        assert_eq!(service_area("40km"), Ok(Some(ServiceArea::RadiusKm(40))));
        assert_eq!(
            service_area("Amsterdam| Diemen"),
            Ok(Some(ServiceArea::Municipalities(vec!["Amsterdam".into(), "Diemen".into()])))
        );
        assert_eq!(service_area("|"), Err(()));
    }
}
