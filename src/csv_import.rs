//! What every CSV import shares (SPEC §4): the file's form and its errors.
//! `import organisations` and `import figures` both read their files here; only their
//! columns and the meaning of a row differ. Receiving the file (an upload page's form or
//! an API body) is `web::upload`.
//!
//! A file is UTF-8 (a BOM is accepted), comma- or semicolon-separated (whichever the
//! header line holds more of), with a header row naming the columns in any order.
//! Every error names its line (the header is line 1) and its column; an import is
//! all-or-nothing, so one error rejects the whole file.

use crate::i18n::{self, Lang};

/// The largest file an upload page or the API accepts.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// The most errors an import collects: it stops reading there, and the list (of the
/// page, the API and the command line alike) ends with [`STOPPED_KEY`] at the line where
/// it stopped. Keeps every answer and the memory of every request small, whatever the
/// file.
pub const MAX_ERRORS: usize = 100;

/// The last error of a list cut at [`MAX_ERRORS`].
pub const STOPPED_KEY: &str = "error-import-stopped";

/// The most errors a page lists.
pub const SHOWN_ERRORS: usize = MAX_ERRORS + 1;

/// Cuts `errors` (sorted by line) at [`MAX_ERRORS`] and ends them with the note that
/// reading stopped at `line`, when `stopped`.
pub fn cut_errors(errors: &mut Vec<ImportError>, stopped: Option<u64>) {
    if let Some(line) = stopped {
        errors.truncate(MAX_ERRORS);
        errors.push(ImportError::new(line, "", STOPPED_KEY));
    }
}

/// Why (part of) a line cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportError {
    /// The line in the file (the header is line 1; a quoted field spanning lines
    /// counts from the line its row starts on). For JSON input: the row's 1-based index.
    pub line: u64,
    /// A column name, or a column number when a row has more fields than the header;
    /// empty for an error of the whole file.
    pub column: String,
    /// A translation key (`error-…`).
    pub message_key: &'static str,
}

impl ImportError {
    pub fn new(line: u64, column: impl Into<String>, message_key: &'static str) -> Self {
        Self { line, column: column.into(), message_key }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        i18n::text(lang, self.message_key)
    }

    /// `FILE:LINE: column COLUMN: message`, in English (the command line's form); an
    /// error of the whole file (empty, no rows) has no column.
    pub fn describe(&self, file: &str) -> String {
        if self.column.is_empty() {
            format!("{file}:{}: {}", self.line, self.message(Lang::En))
        } else {
            format!("{file}:{}: column {}: {}", self.line, self.column, self.message(Lang::En))
        }
    }
}

/// The columns of one kind of file.
pub struct Schema {
    /// Whether a header name (lower-cased) is a column of this kind of file.
    pub is_column: fn(&str) -> bool,
    /// Columns the header must have; the others may be left out.
    pub required: &'static [&'static str],
    /// The error of a header name that is no column (its message lists the columns).
    pub unknown_column_key: &'static str,
    /// The error of a file with a header row and nothing under it.
    pub no_rows_key: &'static str,
}

/// The file without its UTF-8 byte-order mark.
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// `;` when the header line holds more semicolons than commas, else `,`.
pub fn delimiter(bytes: &[u8]) -> u8 {
    let header = bytes.split(|b| *b == b'\n').next().unwrap_or(bytes);
    let count = |c: u8| header.iter().filter(|b| **b == c).count();
    if count(b';') > count(b',') {
        b';'
    } else {
        b','
    }
}

/// Reads a file: checks its header against `schema`, then calls `each` with every data
/// row that has as many fields as the header (its line, the header's columns, the row),
/// and `each` adds the row's own errors. Returns every error, sorted by line; a broken
/// header yields only the header's errors.
pub fn read_records<F>(bytes: &[u8], schema: &Schema, mut each: F) -> Vec<ImportError>
where
    F: FnMut(u64, &[String], &csv::ByteRecord, &mut Vec<ImportError>),
{
    let bytes = strip_bom(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return vec![ImportError::new(1, "", "error-import-empty")];
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(bytes))
        .has_headers(true)
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let mut lines = Lines::new(bytes);
    let header = match reader.byte_headers() {
        Ok(header) => header.clone(),
        Err(e) => return vec![csv_error(&e, &[], &mut lines)],
    };
    let columns = match read_header(&header, schema) {
        Ok(columns) => columns,
        Err(errors) => return errors,
    };
    let mut errors = Vec::new();
    let mut records = 0;
    let mut record = csv::ByteRecord::new();
    let mut stopped = None;
    loop {
        if errors.len() >= MAX_ERRORS {
            // Not one line more: the next one is where reading stopped.
            stopped = Some(lines.at(reader.position()));
            break;
        }
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                records += 1;
                errors.push(csv_error(&e, &columns, &mut lines));
                continue;
            }
        }
        records += 1;
        let line = record.position().map_or(0, |p| lines.at(p));
        each(line, &columns, &record, &mut errors);
    }
    if records == 0 {
        errors.push(ImportError::new(2, "", schema.no_rows_key));
    }
    errors.sort_by_key(|e| e.line);
    cut_errors(&mut errors, stopped);
    errors
}

/// Reads a JSON body the way [`read_records`] reads a file: an array of objects whose
/// keys are the schema's column names and whose values are numbers or strings (`null`
/// counts as empty); `each` gets every object's (1-based index, cells as (column,
/// trimmed text)) and adds the row's own errors. Errors name a row by its index; unknown
/// and repeated keys are errors, required values are each row's to check. Returns every
/// error, sorted by row; a body that is not a JSON array is refused with the reason.
pub fn read_json<F>(bytes: &[u8], schema: &Schema, mut each: F) -> Result<Vec<ImportError>, String>
where
    F: FnMut(u64, &[(&str, &str)], &mut Vec<ImportError>),
{
    use serde_json::Value;
    let items: Vec<Value> = serde_json::from_slice(strip_bom(bytes))
        .map_err(|e| format!("the body is not a JSON array of row objects: {e}"))?;
    let mut errors = Vec::new();
    if items.is_empty() {
        errors.push(ImportError::new(1, "", schema.no_rows_key));
    }
    let mut stopped = None;
    for (n, item) in items.iter().enumerate() {
        let row = n as u64 + 1;
        if errors.len() >= MAX_ERRORS {
            stopped = Some(row);
            break;
        }
        let Value::Object(object) = item else {
            errors.push(ImportError::new(row, "", "error-import-json-not-object"));
            continue;
        };
        let mut texts: Vec<(String, String)> = Vec::new();
        for (key, value) in object {
            if errors.len() >= MAX_ERRORS {
                break;
            }
            let column = key.trim().to_ascii_lowercase();
            if !(schema.is_column)(&column) {
                errors.push(ImportError::new(row, key.as_str(), schema.unknown_column_key));
                continue;
            }
            if texts.iter().any(|(c, _)| *c == column) {
                errors.push(ImportError::new(row, column, "error-import-duplicate-column"));
                continue;
            }
            let text = match value {
                Value::String(s) if crate::validation::has_forbidden_character(s) => {
                    errors.push(ImportError::new(row, column, "error-forbidden-character"));
                    continue;
                }
                Value::String(s) => s.trim().to_string(),
                Value::Number(n) => n.to_string(),
                Value::Null => String::new(),
                _ => {
                    errors.push(ImportError::new(row, column, "error-import-json-value"));
                    continue;
                }
            };
            texts.push((column, text));
        }
        if errors.len() >= MAX_ERRORS {
            // Within this row's keys: reading stopped here.
            stopped = Some(row);
            break;
        }
        let cells: Vec<(&str, &str)> = texts.iter().map(|(c, v)| (c.as_str(), v.as_str())).collect();
        each(row, &cells, &mut errors);
    }
    errors.sort_by_key(|e| e.line);
    cut_errors(&mut errors, stopped);
    Ok(errors)
}

/// The column of every field of the header (lower-cased), or the header's errors:
/// unknown, repeated, unnamed and missing required columns, all on line 1.
pub fn read_header(header: &csv::ByteRecord, schema: &Schema) -> Result<Vec<String>, Vec<ImportError>> {
    let mut errors = Vec::new();
    let mut columns: Vec<String> = Vec::new();
    let mut stopped = None;
    for (n, field) in header.iter().enumerate() {
        if errors.len() >= MAX_ERRORS {
            stopped = Some(1);
            break;
        }
        let Ok(name) = std::str::from_utf8(field) else {
            errors.push(ImportError::new(1, (n + 1).to_string(), "error-import-not-utf8"));
            continue;
        };
        let name = name.trim().to_ascii_lowercase();
        if name.is_empty() {
            errors.push(ImportError::new(1, (n + 1).to_string(), "error-import-unnamed-column"));
        } else if !(schema.is_column)(&name) {
            errors.push(ImportError::new(1, name, schema.unknown_column_key));
        } else if columns.contains(&name) {
            errors.push(ImportError::new(1, name, "error-import-duplicate-column"));
        } else {
            columns.push(name);
        }
    }
    for column in schema.required {
        if stopped.is_none() && !columns.iter().any(|c| c == column) {
            errors.push(ImportError::new(1, *column, "error-import-missing-column"));
        }
    }
    cut_errors(&mut errors, stopped);
    if errors.is_empty() {
        Ok(columns)
    } else {
        Err(errors)
    }
}

/// The line a row starts on. The reader's own line numbers run one behind after a
/// `\r\n` line end, so lines are counted here from the row's byte offset: the first
/// byte after any line ends there is the row's first.
struct Lines<'a> {
    bytes: &'a [u8],
    /// How far the newlines have been counted, and the line there.
    offset: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self { bytes, offset: 0, line: 1 }
    }

    fn at(&mut self, position: &csv::Position) -> u64 {
        let mut start = usize::try_from(position.byte()).unwrap_or(usize::MAX).min(self.bytes.len());
        while start < self.bytes.len() && matches!(self.bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start < self.offset {
            (self.offset, self.line) = (0, 1);
        }
        let newlines = self.bytes[self.offset..start].iter().filter(|b| **b == b'\n').count();
        self.line += newlines as u64;
        self.offset = start;
        self.line
    }
}

/// A row the CSV reader refused: mostly one with another number of fields than the
/// header (as when one line uses the other delimiter).
fn csv_error(e: &csv::Error, columns: &[String], lines: &mut Lines<'_>) -> ImportError {
    match e.kind() {
        csv::ErrorKind::UnequalLengths { pos, expected_len, len } => {
            let line = pos.as_ref().map_or(0, |p| lines.at(p));
            if len < expected_len {
                // Name the first column the row lacks.
                let column = columns.get(*len as usize).cloned().unwrap_or_default();
                ImportError::new(line, column, "error-import-too-few-fields")
            } else {
                ImportError::new(line, (expected_len + 1).to_string(), "error-import-too-many-fields")
            }
        }
        _ => {
            let line = e.position().map_or(1, |p| lines.at(p));
            ImportError::new(line, "", "error-import-unreadable")
        }
    }
}

/// A row's cells as (column, trimmed text); a cell that is not UTF-8 is an error and left out.
pub fn cells<'r>(
    line: u64,
    columns: &'r [String],
    record: &'r csv::ByteRecord,
    errors: &mut Vec<ImportError>,
) -> Vec<(&'r str, &'r str)> {
    let mut out = Vec::with_capacity(columns.len());
    for (column, field) in columns.iter().zip(record.iter()) {
        match std::str::from_utf8(field) {
            Ok(value) if crate::validation::has_forbidden_character(value) => {
                errors.push(ImportError::new(line, column.as_str(), "error-forbidden-character"))
            }
            Ok(value) => out.push((column.as_str(), value.trim())),
            Err(_) => errors.push(ImportError::new(line, column.as_str(), "error-import-not-utf8")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_abc(name: &str) -> bool {
        ["a", "b", "c"].contains(&name)
    }

    const SCHEMA: Schema = Schema {
        is_column: is_abc,
        required: &["a", "b"],
        unknown_column_key: "error-import-unknown-column",
        no_rows_key: "error-import-no-rows",
    };

    /// Every row as (line, [(column, value)]), and the errors as (line, column, key).
    #[allow(clippy::type_complexity)]
    fn read(text: &str) -> (Vec<(u64, Vec<(String, String)>)>, Vec<(u64, String, &'static str)>) {
        let mut rows = Vec::new();
        let errors = read_records(text.as_bytes(), &SCHEMA, |line, columns, record, errors| {
            let row =
                cells(line, columns, record, errors).into_iter().map(|(c, v)| (c.to_string(), v.to_string())).collect();
            rows.push((line, row));
        });
        (rows, errors.into_iter().map(|e| (e.line, e.column, e.message_key)).collect())
    }

    fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
        items.iter().map(|(c, v)| (c.to_string(), v.to_string())).collect()
    }

    #[test]
    fn delimiters_are_detected_from_the_header_line() {
        assert_eq!(delimiter(b"a;b;c\n1,2;3"), b';');
        assert_eq!(delimiter(b"a,b;c\n1;2;3"), b',');
        assert_eq!(delimiter(b"a"), b',');
    }

    #[test]
    fn a_bom_crlf_and_any_column_order_are_read() {
        let (rows, errors) = read("\u{feff}B;A\r\n 2 ;1\r\n4;3\r\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(rows, vec![(2, pairs(&[("b", "2"), ("a", "1")])), (3, pairs(&[("b", "4"), ("a", "3")]))]);
    }

    #[test]
    fn the_header_is_checked_against_the_schema() {
        let (_, errors) = read("a,x,a,,c\n1,2,3,4,5\n");
        assert_eq!(
            errors,
            vec![
                (1, "x".to_string(), "error-import-unknown-column"),
                (1, "a".to_string(), "error-import-duplicate-column"),
                (1, "4".to_string(), "error-import-unnamed-column"),
                (1, "b".to_string(), "error-import-missing-column"),
            ]
        );
    }

    #[test]
    fn a_line_with_the_other_delimiter_is_named() {
        let (rows, errors) = read("a,b,c\n1,2,3\n4;5;6\n7,8\n9,10,11,12\n");
        assert_eq!(rows.len(), 1);
        assert_eq!(
            errors,
            vec![
                (3, "b".to_string(), "error-import-too-few-fields"),
                (4, "c".to_string(), "error-import-too-few-fields"),
                (5, "4".to_string(), "error-import-too-many-fields"),
            ]
        );
    }

    #[test]
    fn line_numbers_hold_with_crlf_blank_lines_and_quoted_line_breaks() {
        let (rows, errors) = read("a,b\r\n1,2\r\n\r\n3,\"x\r\ny\"\r\n4\r\n5,6\r\n");
        let lines: Vec<u64> = rows.iter().map(|(line, _)| *line).collect();
        assert_eq!(lines, [2, 4, 7]);
        assert_eq!(errors, vec![(6, "b".to_string(), "error-import-too-few-fields")]);
    }

    #[test]
    fn empty_files_and_files_without_rows() {
        assert_eq!(read(" \r\n").1, vec![(1, String::new(), "error-import-empty")]);
        assert_eq!(read("a,b\n").1, vec![(2, String::new(), "error-import-no-rows")]);
    }

    #[test]
    fn cells_that_are_not_utf8_are_named() {
        let bytes = b"a,b\n1,caf\xe9\n";
        let mut seen = Vec::new();
        let errors = read_records(bytes, &SCHEMA, |line, columns, record, errors| {
            seen.extend(cells(line, columns, record, errors).into_iter().map(|(c, v)| (c.to_string(), v.to_string())));
        });
        assert_eq!(seen, pairs(&[("a", "1")]));
        assert_eq!(errors, vec![ImportError::new(2, "b", "error-import-not-utf8")]);
    }

    #[test]
    fn errors_read_as_file_line_column_message() {
        let e = ImportError::new(3, "kvk_number", "error-kvk-format");
        assert_eq!(e.describe("wises.csv"), "wises.csv:3: column kvk_number: The KvK number must be exactly 8 digits.");
        let e = ImportError::new(1, "", "error-import-empty");
        assert!(e.describe("f.csv").starts_with("f.csv:1: The file is empty"), "{}", e.describe("f.csv"));
    }
}
