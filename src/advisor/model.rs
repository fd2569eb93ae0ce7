//! A planned purchase as a buyer describes it — on the form, as a row of a procurement
//! calendar (CSV), or as an object of the API's JSON — and its checks. A calendar is
//! all or nothing: every error is named by its line and column, and no advice is given
//! for a file with one.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::csv_import::{self, ImportError, Schema};
use crate::validation::{checked_text, fold};
use crate::vocab::{self, cpv};

/// The columns of a calendar, in the order the CSV answer repeats them.
pub const COLUMNS: [&str; 6] = ["title", "cpv_codes", "kind", "municipality", "budget_eur", "duration_months"];

/// The most purchases one calendar may hold.
pub const MAX_PURCHASES: usize = 500;

/// The most CPV codes of one purchase.
pub const MAX_CODES: usize = 10;

/// A checked planned purchase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Purchase {
    /// Its line in the calendar (the header is line 1; the JSON row's 1-based index;
    /// 1 for a single purchase).
    pub line: u64,
    pub title: String,
    /// One to ten CPV codes, 8 digits each.
    pub cpv_codes: Vec<String>,
    /// `good`, `service` or `works`; `null`: any kind.
    pub kind: Option<String>,
    pub municipality: String,
    /// The whole budget in euros, excluding VAT.
    pub budget_eur: i64,
    /// The duration of the contract in months (1 to 120).
    pub duration_months: i64,
}

impl Purchase {
    /// The budget per year of the contract's duration (a six-month contract of €50,000
    /// asks €100,000 a year of its supplier).
    pub fn yearly_budget_eur(&self) -> i64 {
        self.budget_eur.saturating_mul(12) / self.duration_months.max(1)
    }
}

/// A purchase as the form and the query string send it: every field a string.
#[derive(Debug, Clone, Default, Deserialize, Serialize, utoipa::IntoParams)]
#[serde(default)]
pub struct PurchaseForm {
    /// What is bought (optional on the form).
    pub title: String,
    /// One to ten CPV codes (`90911200` or `90911200-8`), separated by spaces, commas,
    /// semicolons or `|`.
    pub cpv_codes: String,
    /// `good`, `service` or `works`; empty: any kind.
    pub kind: String,
    /// The municipality where the work is delivered.
    pub municipality: String,
    /// The whole budget in euros (`250000`, `250.000`, `€ 250.000`).
    pub budget_eur: String,
    /// The duration in months, 1 to 120.
    pub duration_months: String,
}

impl PurchaseForm {
    fn cells(&self) -> [(&'static str, &str); 6] {
        [
            ("title", &self.title),
            ("cpv_codes", &self.cpv_codes),
            ("kind", &self.kind),
            ("municipality", &self.municipality),
            ("budget_eur", &self.budget_eur),
            ("duration_months", &self.duration_months),
        ]
    }

    /// Whether anything was filled in (the advisor's page without a question).
    pub fn is_empty(&self) -> bool {
        self.cells().iter().all(|(_, v)| v.trim().is_empty())
    }
}

/// What a purchase's checks need to know of the database: which CPV codes exist and
/// which municipalities (none known: any name is taken).
pub struct Known {
    pub cpv_codes: HashSet<String>,
    /// Folded names of the municipalities table.
    pub municipalities: HashSet<String>,
}

/// The CPV codes a purchase names, normalised; `None` when one is not a code.
fn codes(text: &str) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for raw in text.split([' ', ',', ';', '|', '\n']).map(str::trim).filter(|s| !s.is_empty()) {
        let code = cpv::normalise(raw)?;
        if !out.contains(&code) {
            out.push(code);
        }
    }
    Some(out)
}

/// Checks one purchase given as (column, text) cells; `untitled` names a purchase
/// without a title. The errors are (column, translation key).
pub fn check(
    line: u64,
    cells: &[(&str, &str)],
    known: &Known,
    untitled: &str,
) -> Result<Purchase, Vec<(&'static str, &'static str)>> {
    let cell = |name: &str| cells.iter().find(|(c, _)| *c == name).map_or("", |(_, v)| v.trim());
    let mut errors = Vec::new();
    let title = match checked_text(cell("title"), false, 200) {
        Ok(t) if t.is_empty() => untitled.to_string(),
        Ok(t) => t,
        Err(key) => {
            errors.push(("title", key));
            String::new()
        }
    };
    let cpv_codes = match codes(cell("cpv_codes")) {
        None => {
            errors.push(("cpv_codes", "error-advisor-cpv"));
            Vec::new()
        }
        Some(list) if list.is_empty() => {
            errors.push(("cpv_codes", "error-required"));
            list
        }
        Some(list) if list.len() > MAX_CODES => {
            errors.push(("cpv_codes", "error-advisor-cpv-count"));
            list
        }
        Some(list) => {
            if list.iter().any(|c| !known.cpv_codes.contains(c)) {
                errors.push(("cpv_codes", "error-advisor-cpv-unknown"));
            }
            list
        }
    };
    let kind = match cell("kind") {
        "" => None,
        k if vocab::OFFERING_KINDS.contains(&k) => Some(k.to_string()),
        _ => {
            errors.push(("kind", "error-unknown-code"));
            None
        }
    };
    let municipality = match checked_text(cell("municipality"), true, 200) {
        Ok(m) => {
            if !known.municipalities.is_empty() && !known.municipalities.contains(&fold(&m)) {
                errors.push(("municipality", "error-advisor-municipality"));
            }
            m
        }
        Err(key) => {
            errors.push(("municipality", key));
            String::new()
        }
    };
    let budget_eur = match cell("budget_eur") {
        "" => {
            errors.push(("budget_eur", "error-required"));
            0
        }
        text => match crate::spend::model::parse_amount(text) {
            Ok(cents) if (cents + 50) / 100 > 0 => (cents + 50) / 100,
            _ => {
                errors.push(("budget_eur", "error-advisor-budget"));
                0
            }
        },
    };
    let duration_months = match cell("duration_months").parse::<i64>() {
        Ok(n) if (1..=120).contains(&n) => n,
        _ if cell("duration_months").is_empty() => {
            errors.push(("duration_months", "error-required"));
            0
        }
        _ => {
            errors.push(("duration_months", "error-advisor-duration"));
            0
        }
    };
    if errors.is_empty() {
        Ok(Purchase { line, title, cpv_codes, kind, municipality, budget_eur, duration_months })
    } else {
        Err(errors)
    }
}

/// One purchase from the form or the query string.
pub fn check_form(
    form: &PurchaseForm,
    known: &Known,
    untitled: &str,
) -> Result<Purchase, Vec<(&'static str, &'static str)>> {
    check(1, &form.cells(), known, untitled)
}

fn is_column(name: &str) -> bool {
    COLUMNS.contains(&name)
}

const SCHEMA: Schema = Schema {
    is_column,
    required: &["title", "cpv_codes", "municipality", "budget_eur", "duration_months"],
    unknown_column_key: "error-import-advisor-unknown-column",
    no_rows_key: "error-import-advisor-no-rows",
};

/// Every CPV code a calendar names, whatever else is wrong with it (to look them up).
pub fn named_codes(bytes: &[u8], json: bool) -> Vec<String> {
    let mut all = Vec::new();
    let mut add = |text: &str| all.extend(codes(text).unwrap_or_default());
    if json {
        let _ = csv_import::read_json(bytes, &SCHEMA, |_, cells, _| {
            cells.iter().filter(|(c, _)| *c == "cpv_codes").for_each(|(_, v)| add(v));
        });
    } else {
        csv_import::read_records(bytes, &SCHEMA, |line, columns, record, errors| {
            let cells = csv_import::cells(line, columns, record, errors);
            cells.iter().filter(|(c, _)| *c == "cpv_codes").for_each(|(_, v)| add(v));
        });
    }
    all.sort_unstable();
    all.dedup();
    all
}

/// A calendar's purchases, or every error in it. `json`: an array of row objects with
/// the same column names (errors then name the row by its index); a body that is not
/// such an array is the outer error.
pub fn parse(
    bytes: &[u8],
    json: bool,
    known: &Known,
    untitled: &str,
) -> Result<Result<Vec<Purchase>, Vec<ImportError>>, String> {
    let mut purchases = Vec::new();
    let mut rows = 0;
    let mut take = |line: u64, cells: &[(&str, &str)], errors: &mut Vec<ImportError>| {
        rows += 1;
        if rows > MAX_PURCHASES {
            if rows == MAX_PURCHASES + 1 {
                errors.push(ImportError::new(line, "", "error-import-advisor-too-many"));
            }
            return;
        }
        match check(line, cells, known, untitled) {
            Ok(p) => purchases.push(p),
            Err(found) => errors.extend(found.into_iter().map(|(column, key)| ImportError::new(line, column, key))),
        }
    };
    let errors = if json {
        csv_import::read_json(bytes, &SCHEMA, |line, cells, errors| take(line, cells, errors))?
    } else {
        csv_import::read_records(bytes, &SCHEMA, |line, columns, record, errors| {
            let cells = csv_import::cells(line, columns, record, errors);
            take(line, &cells, errors);
        })
    };
    Ok(if errors.is_empty() { Ok(purchases) } else { Err(errors) })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Known {
        Known {
            cpv_codes: ["90911200", "55520000"].into_iter().map(String::from).collect(),
            municipalities: ["amsterdam", "zaanstad"].into_iter().map(String::from).collect(),
        }
    }

    #[test]
    fn a_calendar_is_checked_by_line_and_column() {
        let text = "title;cpv_codes;kind;municipality;budget_eur;duration_months\n\
                    Schoonmaak;90911200-8;service;Amsterdam;€ 250.000;24\n\
                    Lunch;55520000 12345678;goods;Haarlem;-5;0\n";
        let errors = parse(text.as_bytes(), false, &known(), "x").unwrap().unwrap_err();
        let found: Vec<(u64, &str, &str)> = errors.iter().map(|e| (e.line, e.column.as_str(), e.message_key)).collect();
        assert_eq!(
            found,
            [
                (3, "cpv_codes", "error-advisor-cpv-unknown"),
                (3, "kind", "error-unknown-code"),
                (3, "municipality", "error-advisor-municipality"),
                (3, "budget_eur", "error-advisor-budget"),
                (3, "duration_months", "error-advisor-duration"),
            ]
        );
        let good =
            "title,cpv_codes,municipality,budget_eur,duration_months\nSchoonmaak,90911200-8,amsterdam,250.000,6\n";
        let purchases = parse(good.as_bytes(), false, &known(), "x").unwrap().unwrap();
        assert_eq!(purchases[0].cpv_codes, ["90911200"]);
        assert_eq!((purchases[0].budget_eur, purchases[0].yearly_budget_eur()), (250_000, 500_000));
        assert_eq!(purchases[0].line, 2);
    }

    #[test]
    fn json_rows_and_a_missing_column_are_errors_too() {
        let body =
            br#"[{"title":"A","cpv_codes":"90911200","municipality":"Zaanstad","budget_eur":1000,"duration_months":12},
                        {"title":"B","cpv_codes":"","municipality":"Zaanstad","budget_eur":"x","duration_months":12}]"#;
        let errors = parse(body, true, &known(), "x").unwrap().unwrap_err();
        let found: Vec<(u64, &str)> = errors.iter().map(|e| (e.line, e.column.as_str())).collect();
        assert_eq!(found, [(2, "cpv_codes"), (2, "budget_eur")]);
        let text = "title,cpv_codes,municipality,budget_eur\nA,90911200,Amsterdam,5\n";
        let errors = parse(text.as_bytes(), false, &known(), "x").unwrap().unwrap_err();
        assert_eq!((errors[0].line, errors[0].column.as_str()), (1, "duration_months"));
        assert!(parse(b"{}", true, &known(), "x").is_err());
    }
}
