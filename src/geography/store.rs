//! The municipalities table: reading it as a [`Gazetteer`], and the import of a CSV
//! file (`code,name,latitude,longitude`; the coordinates may be left empty), all or
//! nothing with errors by line and column. A municipality already in the table (by CBS
//! code) is updated; the others in the table are kept.

use std::collections::HashSet;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{Gazetteer, Municipality, Point};
use crate::csv_import::{self, ImportError, Schema};
use crate::db::schema::municipalities;
use crate::db::{write_tx, DbConn};
use crate::validation::fold;

/// Every municipality, by name.
pub fn gazetteer(conn: &mut DbConn) -> QueryResult<Gazetteer> {
    let rows: Vec<(String, String, Option<f64>, Option<f64>)> = municipalities::table
        .order(municipalities::name)
        .select((municipalities::code, municipalities::name, municipalities::latitude, municipalities::longitude))
        .load(conn)?;
    Ok(Gazetteer::new(
        rows.into_iter()
            .map(|(code, name, lat, lon)| Municipality {
                code,
                name,
                centroid: lat.zip(lon).map(|(latitude, longitude)| Point { latitude, longitude }),
            })
            .collect(),
    ))
}

const COLUMNS: [&str; 4] = ["code", "name", "latitude", "longitude"];

fn is_column(name: &str) -> bool {
    COLUMNS.contains(&name)
}

const SCHEMA: Schema = Schema {
    is_column,
    required: &["code", "name"],
    unknown_column_key: "error-import-municipalities-unknown-column",
    no_rows_key: "error-import-municipalities-no-rows",
};

/// A CBS municipality code: `GM` and four digits.
fn is_code(code: &str) -> bool {
    code.len() == 6 && code.starts_with("GM") && code[2..].bytes().all(|b| b.is_ascii_digit())
}

/// A coordinate in degrees within `limit` (a decimal point or comma).
fn degrees(text: &str, limit: f64) -> Option<f64> {
    let value: f64 = text.replace(',', ".").parse().ok()?;
    (value.is_finite() && value.abs() <= limit).then_some(value)
}

/// The file's municipalities with their lines, or every error in it.
pub fn parse(bytes: &[u8]) -> Result<Vec<(u64, Municipality)>, Vec<ImportError>> {
    let mut out = Vec::new();
    let (mut codes, mut names) = (HashSet::new(), HashSet::new());
    let errors = csv_import::read_records(bytes, &SCHEMA, |line, columns, record, errors| {
        let cells = csv_import::cells(line, columns, record, errors);
        let cell = |name: &str| cells.iter().find(|(c, _)| *c == name).map_or("", |(_, v)| *v);
        let before = errors.len();
        let code = cell("code").to_uppercase();
        if !is_code(&code) {
            errors.push(ImportError::new(line, "code", "error-import-municipality-code"));
        } else if !codes.insert(code.clone()) {
            errors.push(ImportError::new(line, "code", "error-import-municipality-twice"));
        }
        let name = cell("name");
        if name.is_empty() {
            errors.push(ImportError::new(line, "name", "error-required"));
        } else if !names.insert(fold(name)) {
            errors.push(ImportError::new(line, "name", "error-import-municipality-twice"));
        }
        let (lat, lon) = (cell("latitude"), cell("longitude"));
        let latitude = degrees(lat, 90.0);
        let longitude = degrees(lon, 180.0);
        if !lat.is_empty() && latitude.is_none() {
            errors.push(ImportError::new(line, "latitude", "error-import-latitude"));
        }
        if !lon.is_empty() && longitude.is_none() {
            errors.push(ImportError::new(line, "longitude", "error-import-longitude"));
        }
        if lat.is_empty() != lon.is_empty() {
            let missing = if lat.is_empty() { "latitude" } else { "longitude" };
            errors.push(ImportError::new(line, missing, "error-import-coordinates-pair"));
        }
        if errors.len() == before {
            let centroid = latitude.zip(longitude).map(|(latitude, longitude)| Point { latitude, longitude });
            out.push((line, Municipality { code, name: name.to_string(), centroid }));
        }
    });
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Imports a file in one transaction: how many municipalities were added and updated,
/// or every error (then nothing is written). A name that another code has in the table
/// is an error of its line.
pub fn import(
    conn: &mut DbConn,
    bytes: &[u8],
    now: NaiveDateTime,
) -> QueryResult<Result<(usize, usize), Vec<ImportError>>> {
    let parsed = match parse(bytes) {
        Ok(parsed) => parsed,
        Err(errors) => return Ok(Err(errors)),
    };
    write_tx(conn, |conn| {
        let known = gazetteer(conn)?;
        let errors: Vec<ImportError> = parsed
            .iter()
            .filter(|(_, m)| known.find(&m.name).is_some_and(|other| other.code != m.code))
            .map(|(line, _)| ImportError::new(*line, "name", "error-import-municipality-name-taken"))
            .collect();
        if !errors.is_empty() {
            return Ok(Err(errors));
        }
        let codes: HashSet<&str> = known.all().iter().map(|m| m.code.as_str()).collect();
        let mut added = 0;
        for (_, m) in &parsed {
            let (lat, lon) = (m.centroid.map(|p| p.latitude), m.centroid.map(|p| p.longitude));
            if codes.contains(m.code.as_str()) {
                diesel::update(municipalities::table.filter(municipalities::code.eq(&m.code)))
                    .set((
                        municipalities::name.eq(&m.name),
                        municipalities::latitude.eq(lat),
                        municipalities::longitude.eq(lon),
                        municipalities::updated_at.eq(now),
                    ))
                    .execute(conn)?;
            } else {
                diesel::insert_into(municipalities::table)
                    .values((
                        municipalities::code.eq(&m.code),
                        municipalities::name.eq(&m.name),
                        municipalities::latitude.eq(lat),
                        municipalities::longitude.eq(lon),
                        municipalities::updated_at.eq(now),
                    ))
                    .execute(conn)?;
                added += 1;
            }
        }
        Ok(Ok((added, parsed.len() - added)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_whole_or_its_errors_named() {
        let good = "code,name,latitude,longitude\nGM0363,Amsterdam,52.3676,4.9041\ngm0392,Haarlem,,\n";
        let parsed = parse(good.as_bytes()).unwrap();
        assert_eq!((parsed[1].0, parsed[1].1.code.as_str()), (3, "GM0392"));
        assert!(parsed[1].1.centroid.is_none());
        let bad =
            "code,name,latitude,longitude\nGM363,Amsterdam,52.3,4.9\nGM0392,amsterdam,95,4.6\nGM0394,Hoofddorp,52.3,\n";
        let errors = parse(bad.as_bytes()).unwrap_err();
        let named: Vec<(u64, &str, &str)> = errors.iter().map(|e| (e.line, e.column.as_str(), e.message_key)).collect();
        assert_eq!(
            named,
            [
                (2, "code", "error-import-municipality-code"),
                (3, "name", "error-import-municipality-twice"),
                (3, "latitude", "error-import-latitude"),
                (4, "longitude", "error-import-coordinates-pair"),
            ]
        );
    }
}
