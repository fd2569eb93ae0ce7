//! CSV downloads, in two forms: the standard one (comma, the column names as documented,
//! numbers with a decimal point) that programs read, and, with `?format=excel`, one that
//! a spreadsheet opens as the reader expects: in Dutch, semicolons between columns,
//! column names in Dutch, decimal commas and a byte-order mark (Excel reads UTF-8 only
//! with it); in English, the same with commas and English names.

use actix_web::HttpResponse;
use serde::Deserialize;

use super::AppError;
use crate::i18n::{self, Lang};

/// `?format=csv` (the default) or `?format=excel`.
#[derive(Debug, Default, Deserialize)]
pub struct FormatQuery {
    pub format: Option<String>,
}

/// Euro cents as a CSV cell: `1234.56`, `-0.50` (a point, no grouping, in every language).
pub fn euro_cell(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", cents.abs() / 100, cents.abs() % 100)
}

/// A CSV file to send: its name (without `.csv`) and its standard text.
pub fn csv_response(
    lang: Lang,
    format: &FormatQuery,
    name: &str,
    standard: impl Into<Vec<u8>>,
) -> Result<HttpResponse, AppError> {
    let standard = standard.into();
    let (body, name) = match format.format.as_deref().map(str::trim) {
        None | Some("") | Some("csv") => (standard, name.to_string()),
        Some("excel") => (for_spreadsheet(&standard, lang)?.into_bytes(), format!("{name}-excel")),
        Some(other) => {
            return Err(AppError::BadRequest(format!(
                "format: {other:?} is not a download format; use csv (the default) or excel"
            )))
        }
    };
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", format!("attachment; filename=\"{name}.csv\"")))
        .body(body))
}

/// The standard CSV rewritten for a spreadsheet in `lang`: each column name replaced by
/// its `csv-column-<name>` message where there is one; in Dutch `;` between cells and a
/// decimal comma in plain decimal numbers.
pub fn for_spreadsheet(standard: &[u8], lang: Lang) -> Result<String, AppError> {
    let fail = |e: csv::Error| AppError::Internal(e.into());
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(standard);
    let delimiter = match lang {
        Lang::Nl => b';',
        Lang::En => b',',
    };
    let mut out = csv::WriterBuilder::new().delimiter(delimiter).flexible(true).from_writer(Vec::new());
    for (line, record) in reader.records().enumerate() {
        let record = record.map_err(fail)?;
        let cells: Vec<String> = record
            .iter()
            .map(|cell| {
                if line == 0 {
                    let key = format!("csv-column-{}", cell.replace('_', "-"));
                    i18n::lookup(lang, &key, &[]).unwrap_or_else(|| cell.to_string())
                } else {
                    i18n::localise_decimal(cell, lang)
                }
            })
            .collect();
        out.write_record(&cells).map_err(fail)?;
    }
    let bytes = out.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| AppError::Internal(e.into()))?;
    Ok(format!("\u{feff}{text}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_spreadsheets_get_semicolons_dutch_names_and_decimal_commas() {
        let standard = "kvk_number,name,unknown_column,value\n01234567,\"Werk, en zo\",12.5,2026-10-01\n";
        let nl = for_spreadsheet(standard.as_bytes(), Lang::Nl).unwrap();
        assert!(nl.starts_with('\u{feff}'));
        let mut lines = nl.trim_start_matches('\u{feff}').lines();
        assert_eq!(lines.next(), Some("KvK-nummer;Naam;unknown_column;Waarde"));
        assert_eq!(lines.next(), Some("01234567;Werk, en zo;12,5;2026-10-01"));
        let en = for_spreadsheet(standard.as_bytes(), Lang::En).unwrap();
        assert!(en.contains("KvK number,Name,unknown_column,Value\n01234567,\"Werk, en zo\",12.5,"), "{en}");
    }
}
