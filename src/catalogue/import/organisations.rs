//! `import organisations`: WISEs from a CSV file (SPEC §4), for the command line and
//! the operator's upload page.
//!
//! The file's form (UTF-8 with an optional BOM, `,` or `;`, a header row naming the
//! columns in any order) and its errors are those of every import: see
//! [`crate::csv_import`]. The import is all-or-nothing: every error names its line
//! (the header is line 1) and its column, and one error rejects the whole file.

use std::collections::HashSet;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::cells::{date, list, percentage, whole, yes_no};

use crate::csv_import::{self, ImportError, Schema};
use crate::db::schema::organisations;
use crate::db::{write_tx, DbConn};
use crate::organisation::model::OrganisationInput;

/// Every column the file may have: those of SPEC §4, then the rest of a WISE's profile.
pub const COLUMNS: [&str; 20] = [
    "kvk_number",
    "name",
    "municipality",
    "sectors",
    "target_groups",
    "website",
    "email",
    "description",
    "market_income_pct",
    "legal_form",
    "founded_year",
    "phone",
    "street",
    "postcode",
    "district",
    "pso_level",
    "pso_valid_until",
    "cso_status",
    "sena_member",
    "certifications",
];

/// Columns the header must have; the others may be left out.
pub const REQUIRED: [&str; 4] = ["kvk_number", "name", "municipality", "sectors"];

/// Separates a certification's name from the date it runs out (`VCA=2027-06-30`).
const VALID_UNTIL: char = '=';

/// One data row that passed every check that needs no database.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: u64,
    pub input: OrganisationInput,
}

/// Reads and checks a file without the database: the WISEs it holds, or every error.
pub fn parse_organisations(bytes: &[u8]) -> Result<Vec<OrganisationInput>, Vec<ImportError>> {
    let (rows, errors) = parse_rows(bytes);
    if errors.is_empty() {
        Ok(rows.into_iter().map(|r| r.input).collect())
    } else {
        Err(errors)
    }
}

/// The columns of an organisations file.
const SCHEMA: Schema = Schema {
    is_column,
    required: &REQUIRED,
    unknown_column_key: "error-import-unknown-column",
    no_rows_key: "error-import-no-rows",
};

fn is_column(name: &str) -> bool {
    COLUMNS.contains(&name)
}

/// Reads a file: the rows that are valid on their own, and the errors of the others
/// (sorted by line). A broken header yields only the header's errors.
pub fn parse_rows(bytes: &[u8]) -> (Vec<Row>, Vec<ImportError>) {
    let mut rows = Vec::new();
    let mut kvks_seen: HashSet<String> = HashSet::new();
    let errors = csv_import::read_records(bytes, &SCHEMA, |line, columns, record, errors| {
        match read_row(line, columns, record) {
            Ok(input) => {
                let kvk = input.kvk_number.trim().to_string();
                if kvks_seen.insert(kvk) {
                    rows.push(Row { line, input });
                } else {
                    errors.push(ImportError::new(line, "kvk_number", "error-import-kvk-twice"));
                }
            }
            Err(mut row_errors) => {
                // A KvK number that is valid still counts for spotting it twice.
                if let Some(kvk) = kvk_of(columns, record) {
                    kvks_seen.insert(kvk);
                }
                errors.append(&mut row_errors);
            }
        }
    });
    (rows, errors)
}

/// Checks a file against the database too, then creates every WISE in it as `approved`,
/// all in one transaction: the number created, or every error and nothing written.
pub fn import_organisations(conn: &mut DbConn, bytes: &[u8], now: NaiveDateTime) -> QueryResult<super::Outcome> {
    let (rows, mut errors) = parse_rows(bytes);
    write_tx(conn, |conn| {
        let mut taken = HashSet::new();
        // Bounded batches keep every query under the backends' parameter limits.
        for chunk in rows.chunks(500) {
            let kvks: Vec<&str> = chunk.iter().map(|r| r.input.kvk_number.trim()).collect();
            let found: Vec<String> = organisations::table
                .filter(organisations::kvk_number.eq_any(&kvks))
                .select(organisations::kvk_number)
                .load(conn)?;
            taken.extend(found);
        }
        for row in &rows {
            if taken.contains(row.input.kvk_number.trim()) {
                errors.push(ImportError::new(row.line, "kvk_number", "error-import-kvk-exists"));
            }
        }
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.line);
            return Ok(Err(errors));
        }
        for row in &rows {
            crate::organisation::store::create_organisation(
                conn,
                &row.input,
                crate::organisation::Status::Approved.as_str(),
                now,
            )?;
        }
        Ok(Ok(rows.len()))
    })
}

/// The trimmed KvK number of a row, when it is a valid one.
fn kvk_of(columns: &[String], record: &csv::ByteRecord) -> Option<String> {
    let n = columns.iter().position(|c| c == "kvk_number")?;
    let kvk = std::str::from_utf8(record.get(n)?).ok()?.trim();
    crate::validation::is_kvk_number(kvk).then(|| kvk.to_string())
}

/// One data row as an organisation, checked with the same rules as every other form.
fn read_row(line: u64, columns: &[String], record: &csv::ByteRecord) -> Result<OrganisationInput, Vec<ImportError>> {
    let mut errors = Vec::new();
    let mut input = OrganisationInput::default();
    for (column, value) in csv_import::cells(line, columns, record, &mut errors) {
        let text = || (!value.is_empty()).then(|| value.to_string());
        match column {
            "kvk_number" => input.kvk_number = value.to_string(),
            "name" => input.name = value.to_string(),
            "municipality" => input.municipality = value.to_string(),
            "sectors" => input.sectors = list(value),
            "target_groups" => input.target_groups = list(value),
            "website" => input.website = text(),
            "email" => input.email = text(),
            "description" => input.description = value.to_string(),
            "market_income_pct" => match percentage(value) {
                Ok(pct) => input.market_income_pct = pct,
                Err(()) => errors.push(ImportError::new(line, column, "error-percentage")),
            },
            "legal_form" => input.legal_form = text(),
            "founded_year" => match whole(value) {
                Ok(year) => input.founded_year = year,
                Err(()) => errors.push(ImportError::new(line, column, "error-year")),
            },
            "phone" => input.phone = text(),
            "street" => input.street = text(),
            "postcode" => input.postcode = text(),
            "district" => input.district = text(),
            "pso_level" => input.pso_level = text(),
            "pso_valid_until" => match date(value) {
                Ok(until) => input.pso_valid_until = until,
                Err(()) => errors.push(ImportError::new(line, column, "error-import-date")),
            },
            "cso_status" => input.cso_status = text(),
            "sena_member" => match yes_no(value) {
                Ok(member) => input.sena_member = member.unwrap_or(false),
                Err(()) => errors.push(ImportError::new(line, column, "error-import-yes-no")),
            },
            "certifications" => match certifications(value) {
                Ok(list) => input.certifications = list,
                Err(()) => errors.push(ImportError::new(line, column, "error-import-date")),
            },
            other => unreachable!("column {other} is not in COLUMNS"),
        }
    }
    if let Err(field_errors) = crate::organisation::store::validate_organisation(&input) {
        for e in field_errors {
            // The input's field names are the CSV's column names.
            let column = COLUMNS.iter().find(|c| **c == e.field).copied().unwrap_or(e.field.as_str());
            // One error per cell: a cell that could not be read is not also "required".
            if !errors.iter().any(|known| known.column == column) {
                errors.push(ImportError::new(line, column, e.key));
            }
        }
    }
    if errors.is_empty() {
        Ok(input)
    } else {
        Err(errors)
    }
}

/// `VCA=2027-06-30|HACCP`: names, each with the date it runs out if it has one.
fn certifications(value: &str) -> Result<Vec<(String, Option<chrono::NaiveDate>)>, ()> {
    list(value)
        .into_iter()
        .map(|entry| match entry.split_once(VALID_UNTIL) {
            Some((name, until)) => Ok((name.trim().to_string(), date(until)?)),
            None => Ok((entry, None)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "kvk_number,name,municipality,sectors,target_groups,website,email,description,market_income_pct";

    fn errors(text: &str) -> Vec<(u64, String, &'static str)> {
        parse_organisations(text.as_bytes())
            .expect_err("the file must be rejected")
            .into_iter()
            .map(|e| (e.line, e.column, e.message_key))
            .collect()
    }

    fn one(line: u64, column: &str, key: &'static str) -> Vec<(u64, String, &'static str)> {
        vec![(line, column.to_string(), key)]
    }

    #[test]
    fn a_good_file_gives_every_field() {
        let text = format!(
            "{HEADER}\n\
             01234567,Werkplaats Oost,Amsterdam,catering|cleaning_facility,mental_health,https://oost.nl,info@oost.nl,\"Koken, schoonmaken\",45\n\
             76543210, Kringloop Zuid ,Utrecht,recycling_repair,,,,,\n"
        );
        let rows = parse_organisations(text.as_bytes()).unwrap();
        assert_eq!(rows.len(), 2);
        let first = &rows[0];
        assert_eq!(first.kvk_number, "01234567", "leading zeros kept");
        assert_eq!(first.sectors, ["catering", "cleaning_facility"], "the first sector is primary");
        assert_eq!(first.target_groups, ["mental_health"]);
        assert_eq!(first.website.as_deref(), Some("https://oost.nl"));
        assert_eq!(first.email.as_deref(), Some("info@oost.nl"));
        assert_eq!(first.description, "Koken, schoonmaken");
        assert_eq!(first.market_income_pct, Some(45));
        let second = &rows[1];
        assert_eq!(second.name, "Kringloop Zuid");
        assert_eq!((second.website.clone(), second.email.clone(), second.market_income_pct), (None, None, None));
        assert!(second.target_groups.is_empty());
    }

    #[test]
    fn a_bom_semicolons_other_column_order_and_crlf_are_accepted() {
        let text =
            "\u{feff}name;sectors;kvk_number;municipality\r\n\"Bakkerij; De Zon\";food_production;12345678;Zaandam\r\n";
        let rows = parse_organisations(text.as_bytes()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].name, "Bakkerij; De Zon");
        assert_eq!(rows[0].kvk_number, "12345678");
        assert_eq!(rows[0].municipality, "Zaandam");
    }

    #[test]
    fn unknown_missing_and_repeated_columns_are_named_on_line_1() {
        assert_eq!(
            errors("kvk_number,name,municipality,sectors,fax\n12345678,A,B,catering,0201234567\n"),
            one(1, "fax", "error-import-unknown-column")
        );
        assert_eq!(
            errors("kvk_number,name,sectors\n12345678,A,catering\n"),
            one(1, "municipality", "error-import-missing-column")
        );
        assert_eq!(
            errors("kvk_number,name,name,municipality,sectors\n"),
            one(1, "name", "error-import-duplicate-column")
        );
    }

    #[test]
    fn a_bad_kvk_number_on_line_3_is_named_with_line_and_column() {
        let text = format!("{HEADER}\n12345678,A,Amsterdam,catering,,,,,\n1234567,B,Amsterdam,catering,,,,,\n");
        assert_eq!(errors(&text), one(3, "kvk_number", "error-kvk-format"));
    }

    #[test]
    fn a_kvk_number_twice_in_the_file_is_an_error_on_its_second_line() {
        let text = format!(
            "{HEADER}\n12345678,A,Amsterdam,catering,,,,,\n87654321,B,Amsterdam,catering,,,,,\n12345678,C,Amsterdam,catering,,,,,\n"
        );
        assert_eq!(errors(&text), one(4, "kvk_number", "error-import-kvk-twice"));
    }

    #[test]
    fn bad_codes_and_values_name_their_columns() {
        let text = format!(
            "{HEADER}\n\
             12345678,A,Amsterdam,catering|bakery,,,,,\n\
             12345679,B,Amsterdam,catering,elderly,,,,\n\
             12345670,C,Amsterdam,,,,,,\n\
             12345671,D,Amsterdam,catering,,www.d.nl,d-at-d.nl,,veel\n"
        );
        assert_eq!(
            errors(&text),
            vec![
                (2, "sectors".to_string(), "error-unknown-sector"),
                (3, "target_groups".to_string(), "error-unknown-target-group"),
                (4, "sectors".to_string(), "error-sector-required"),
                (5, "market_income_pct".to_string(), "error-percentage"),
                (5, "email".to_string(), "error-email"),
                (5, "website".to_string(), "error-url"),
            ]
        );
    }

    #[test]
    fn the_whole_profile_may_be_imported() {
        let text = "kvk_number,name,municipality,sectors,legal_form,founded_year,street,postcode,district,phone,pso_level,pso_valid_until,cso_status,sena_member,certifications\n\
                    12345678,A,Amsterdam,catering,Stichting,2016,Dorpsstraat 1,1011 AA,Oost,020-1234567,trede_2,2027-06-30,registered,ja,VCA=2027-12-31|HACCP\n";
        let row = &parse_organisations(text.as_bytes()).unwrap()[0];
        assert_eq!((row.legal_form.as_deref(), row.founded_year), (Some("Stichting"), Some(2016)));
        assert_eq!(row.district.as_deref(), Some("Oost"));
        assert_eq!(row.pso_valid_until, chrono::NaiveDate::from_ymd_opt(2027, 6, 30));
        assert!(row.sena_member);
        assert_eq!(
            row.certifications,
            [("VCA".to_string(), chrono::NaiveDate::from_ymd_opt(2027, 12, 31)), ("HACCP".to_string(), None)]
        );
        let bad =
            "kvk_number,name,municipality,sectors,founded_year,pso_level,pso_valid_until,sena_member,certifications\n\
                   12345678,A,Amsterdam,catering,2016a,trede_2,30-06-2027,misschien,VCA=morgen\n";
        assert_eq!(
            errors(bad),
            vec![
                (2, "founded_year".to_string(), "error-year"),
                (2, "pso_valid_until".to_string(), "error-import-date"),
                (2, "sena_member".to_string(), "error-import-yes-no"),
                (2, "certifications".to_string(), "error-import-date"),
            ]
        );
    }

    #[test]
    fn rows_with_too_few_or_too_many_fields_are_named() {
        let text = "kvk_number,name,municipality,sectors\n12345678,A,Amsterdam\n12345679,B,Amsterdam,catering,extra\n12345670,C,Amsterdam,catering\n";
        assert_eq!(
            errors(text),
            vec![
                (2, "sectors".to_string(), "error-import-too-few-fields"),
                (3, "5".to_string(), "error-import-too-many-fields"),
            ]
        );
    }

    #[test]
    fn a_quoted_field_over_several_lines_keeps_the_line_numbers() {
        let text = "kvk_number,name,municipality,sectors,description\n12345678,A,Amsterdam,catering,\"een\ntwee\"\n1234,B,Amsterdam,catering,\n";
        assert_eq!(errors(text), one(4, "kvk_number", "error-kvk-format"));
    }

    #[test]
    fn text_that_is_not_utf8_is_named() {
        let mut bytes = b"kvk_number,name,municipality,sectors\n12345678,Caf".to_vec();
        bytes.extend_from_slice(b"\xe9 Oost,Amsterdam,catering\n"); // Windows-1252 é
        let errors: Vec<_> =
            parse_organisations(&bytes).unwrap_err().into_iter().map(|e| (e.line, e.column, e.message_key)).collect();
        assert_eq!(errors, one(2, "name", "error-import-not-utf8"));
    }

    #[test]
    fn an_empty_file_or_one_without_rows_is_refused() {
        assert_eq!(errors(""), one(1, "", "error-import-empty"));
        assert_eq!(errors("\u{feff}\r\n"), one(1, "", "error-import-empty"));
        assert_eq!(errors(&format!("{HEADER}\n")), one(2, "", "error-import-no-rows"));
    }
}
