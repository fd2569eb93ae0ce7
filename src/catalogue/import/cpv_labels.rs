//! `import cpv-labels FILE --language nl`: the EU's official CPV 2008 labels in a language,
//! from its published table saved as CSV (a `CODE` column, codes with or without their
//! check digit, and one column per language: `NL`, `EN`, …; other columns are ignored).
//! Every code must be in the vocabulary and every label filled in; all or nothing.

use std::collections::HashSet;

use diesel::QueryResult;

use crate::csv_import::{self, ImportError, Schema};
use crate::db::{cpv, DbConn};
use crate::i18n::Lang;
use crate::validation::char_len;
use crate::vocab::cpv::normalise;

/// The longest label kept (the official ones are far shorter).
const MAX_LABEL: usize = 400;

fn any_column(_: &str) -> bool {
    true
}

const fn schema(required: &'static [&'static str]) -> Schema {
    Schema {
        is_column: any_column,
        required,
        unknown_column_key: "error-import-unknown-column",
        no_rows_key: "error-import-cpv-no-rows",
    }
}

const DUTCH: Schema = schema(&["code", "nl"]);
const ENGLISH: Schema = schema(&["code", "en"]);

/// Reads the file and, when every row is right, sets the labels in `lang`: the number
/// of codes labelled, or every error and nothing written.
pub fn import_cpv_labels(conn: &mut DbConn, bytes: &[u8], lang: Lang) -> QueryResult<super::Outcome> {
    let known: HashSet<String> = cpv::codes(conn)?.into_iter().collect();
    let (schema, column) = match lang {
        Lang::Nl => (&DUTCH, "nl"),
        Lang::En => (&ENGLISH, "en"),
    };
    let mut labels = Vec::new();
    let errors = csv_import::read_records(bytes, schema, |line, columns, record, errors| {
        let (mut code, mut label) = (None, None);
        for (name, value) in csv_import::cells(line, columns, record, errors) {
            match name {
                "code" => code = Some(value.trim()),
                name if name == column => label = Some(value.trim()),
                _ => {}
            }
        }
        let (Some(code), Some(label)) = (code, label) else {
            return; // a cell that could not be read, already named
        };
        match normalise(code) {
            Some(code) if known.contains(&code) => {
                if label.is_empty() {
                    errors.push(ImportError::new(line, column, "error-required"));
                } else if char_len(label) > MAX_LABEL {
                    errors.push(ImportError::new(line, column, "error-too-long"));
                } else {
                    labels.push((code, label.to_string()));
                }
            }
            Some(_) => errors.push(ImportError::new(line, "code", "error-cpv-unknown")),
            None => errors.push(ImportError::new(line, "code", "error-cpv-format")),
        }
    });
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    Ok(Ok(cpv::set_labels(conn, lang, &labels)?))
}
