//! A row of a spend register, and the checks every way in shares (the CSV import, the
//! API, the form): one row's cells as (column, trimmed text) in, a checked row or its
//! errors by column out.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::spend_rows;
use crate::validation::{char_len, is_kvk_number};

/// The columns of the spend CSV: the required ones first.
pub const COLUMNS: [&str; 7] = ["supplier_kvk", "supplier_name", "amount_eur", "period", "category", "cpv", "entity"];
/// The fields of the form that adds a row: the same names.
pub const FORM_FIELDS: [&str; 7] = COLUMNS;
pub const REQUIRED: [&str; 4] = ["supplier_kvk", "supplier_name", "amount_eur", "period"];

/// The longest supplier name, category or entity.
const MAX_TEXT: usize = 200;

/// A stored row.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = spend_rows)]
pub struct SpendRow {
    pub id: i32,
    pub buying_organisation_id: i32,
    pub supplier_kvk: String,
    pub supplier_name: String,
    pub amount_cents: i64,
    pub period: String,
    pub period_start: NaiveDate,
    pub category: Option<String>,
    pub cpv_code: Option<String>,
    pub entity: Option<String>,
    pub source: String,
    pub created_by: Option<i32>,
    pub created_at: NaiveDateTime,
}

/// A checked row, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpendInput {
    pub supplier_kvk: String,
    pub supplier_name: String,
    pub amount_cents: i64,
    pub period: String,
    pub period_start: NaiveDate,
    pub category: Option<String>,
    /// Eight digits, without a check digit; whether it exists is checked against the database.
    pub cpv_code: Option<String>,
    pub entity: Option<String>,
}

/// An amount in euros as people write it: `1234`, `1234.50`, `1.234,50`, `1,234.50`,
/// `€ 1 234,50`, `-250` (a credit). A separator followed by exactly three digits and
/// another separator or the end is a thousands separator; otherwise the last `.` or `,`
/// is the decimal one (at most two decimals). In cents.
pub fn parse_amount(text: &str) -> Result<i64, &'static str> {
    let cleaned: String = text.chars().filter(|c| !matches!(c, '€' | ' ' | '\u{a0}' | '\'')).collect();
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.as_str()),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err("error-spend-amount");
    }
    let (whole, cents) = match digits.rfind(['.', ',']) {
        None => (digits, ""),
        Some(at) => {
            let (before, after) = (&digits[..at], &digits[at + 1..]);
            let separator = digits.as_bytes()[at];
            let others: Vec<u8> = before.bytes().filter(|b| *b == b'.' || *b == b',').collect();
            if after.len() == 3 && others.iter().all(|b| *b == separator) {
                // 1.234 or 1.234.567: thousands only.
                (digits, "")
            } else if (1..=2).contains(&after.len()) && others.iter().all(|b| *b != separator) {
                (before, after)
            } else {
                return Err("error-spend-amount");
            }
        }
    };
    let cents = format!("{cents:0<2}");
    let cents = if cents == "00" { "" } else { cents.as_str() };
    // Thousands separators sit between groups of three digits.
    if whole.split(['.', ',']).skip(1).any(|group| group.len() != 3) {
        return Err("error-spend-amount");
    }
    let whole: String = whole.chars().filter(char::is_ascii_digit).collect();
    if whole.is_empty() && cents.is_empty() {
        return Err("error-spend-amount");
    }
    let euros: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| "error-spend-amount")? };
    let cents: i64 = if cents.is_empty() { 0 } else { cents.parse().map_err(|_| "error-spend-amount")? };
    let total = euros.checked_mul(100).and_then(|e| e.checked_add(cents)).ok_or("error-spend-amount")?;
    // Up to a billion euros in one row.
    if total > 100_000_000_000 {
        return Err("error-spend-amount");
    }
    Ok(if negative { -total } else { total })
}

/// A period as written (`2026`, `2026-Q1`, `2026-03`) and its first day.
pub fn parse_period(text: &str) -> Result<(String, NaiveDate), &'static str> {
    let text = text.trim().to_ascii_uppercase();
    let year_of = |y: &str| -> Option<i32> {
        (y.len() == 4).then(|| y.parse().ok()).flatten().filter(|y| (1990..=2100).contains(y))
    };
    let parsed = match text.split_once('-') {
        None => year_of(&text).and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)),
        Some((y, rest)) => {
            let year = year_of(y);
            if let Some(q) = rest.strip_prefix('Q') {
                let q: Option<u32> = q.parse().ok().filter(|q| (1..=4).contains(q));
                year.zip(q).and_then(|(y, q)| NaiveDate::from_ymd_opt(y, (q - 1) * 3 + 1, 1))
            } else if rest.len() == 2 {
                let m: Option<u32> = rest.parse().ok().filter(|m| (1..=12).contains(m));
                year.zip(m).and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1))
            } else {
                None
            }
        }
    };
    parsed.map(|start| (text, start)).ok_or("error-spend-period")
}

/// The last day of a period written as `parse_period` gives it (a year, a quarter or a
/// month) that starts on `start`.
pub fn period_end(period: &str, start: NaiveDate) -> NaiveDate {
    let months = match period.len() {
        4 => 12,
        7 if period.contains('Q') => 3,
        _ => 1,
    };
    start.checked_add_months(chrono::Months::new(months)).and_then(|d| d.pred_opt()).unwrap_or(start)
}

/// Checks one row's cells; its errors as (column, key). The CPV code is checked for its
/// form here and for its existence by the caller.
pub fn check(cells: &[(&str, &str)]) -> Result<SpendInput, Vec<(&'static str, &'static str)>> {
    let cell = |name: &str| cells.iter().find(|(c, _)| *c == name).map_or("", |(_, v)| *v);
    let mut errors = Vec::new();
    let kvk = cell("supplier_kvk");
    if kvk.is_empty() {
        errors.push(("supplier_kvk", "error-required"));
    } else if !is_kvk_number(kvk) {
        errors.push(("supplier_kvk", "error-kvk-format"));
    }
    let name = cell("supplier_name");
    if name.is_empty() {
        errors.push(("supplier_name", "error-required"));
    } else if char_len(name) > MAX_TEXT {
        errors.push(("supplier_name", "error-too-long"));
    }
    let amount = match cell("amount_eur") {
        "" => {
            errors.push(("amount_eur", "error-required"));
            None
        }
        text => parse_amount(text).map_err(|key| errors.push(("amount_eur", key))).ok(),
    };
    let period = match cell("period") {
        "" => {
            errors.push(("period", "error-required"));
            None
        }
        text => parse_period(text).map_err(|key| errors.push(("period", key))).ok(),
    };
    let mut text = |column: &'static str| -> Option<String> {
        let value = cell(column);
        if char_len(value) > MAX_TEXT {
            errors.push((column, "error-too-long"));
        }
        (!value.is_empty()).then(|| value.to_string())
    };
    let category = text("category");
    let entity = text("entity");
    let cpv = cell("cpv");
    let cpv_code = if cpv.is_empty() {
        None
    } else {
        let digits = cpv.split('-').next().unwrap_or("");
        if digits.len() == 8 && digits.chars().all(|c| c.is_ascii_digit()) {
            Some(digits.to_string())
        } else {
            errors.push(("cpv", "error-cpv-format"));
            None
        }
    };
    match (amount, period) {
        (Some(amount_cents), Some((period, period_start))) if errors.is_empty() => Ok(SpendInput {
            supplier_kvk: kvk.to_string(),
            supplier_name: name.to_string(),
            amount_cents,
            period,
            period_start,
            category,
            cpv_code,
            entity,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_as_people_write_them() {
        for (text, cents) in [
            ("1234", 123_400),
            ("1234.5", 123_450),
            ("1234,50", 123_450),
            ("1.234,50", 123_450),
            ("1,234.50", 123_450),
            ("€ 1 234,50", 123_450),
            ("1.234", 123_400),
            ("1.234.567", 123_456_700),
            ("-250", -25_000),
            ("0,99", 99),
        ] {
            assert_eq!(parse_amount(text), Ok(cents), "{text}");
        }
        for text in ["", "abc", "12,3456", "1.2.3", "1,234,5", "€", "12-3"] {
            assert_eq!(parse_amount(text), Err("error-spend-amount"), "{text}");
        }
    }

    #[test]
    fn periods_are_years_quarters_or_months() {
        let day = |y, m| NaiveDate::from_ymd_opt(y, m, 1).unwrap();
        assert_eq!(parse_period("2026"), Ok(("2026".into(), day(2026, 1))));
        assert_eq!(parse_period("2026-q3"), Ok(("2026-Q3".into(), day(2026, 7))));
        assert_eq!(parse_period("2026-03"), Ok(("2026-03".into(), day(2026, 3))));
        assert_eq!(period_end("2026", day(2026, 1)), NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
        assert_eq!(period_end("2026-Q3", day(2026, 7)), NaiveDate::from_ymd_opt(2026, 9, 30).unwrap());
        assert_eq!(period_end("2026-02", day(2026, 2)), NaiveDate::from_ymd_opt(2026, 2, 28).unwrap());
        for text in ["26", "2026-Q5", "2026-13", "2026-3", "march"] {
            assert_eq!(parse_period(text), Err("error-spend-period"), "{text}");
        }
    }

    #[test]
    fn a_row_names_each_bad_column() {
        let row = [
            ("supplier_kvk", "123"),
            ("supplier_name", ""),
            ("amount_eur", "veel"),
            ("period", "2026"),
            ("cpv", "9091"),
        ];
        let errors = check(&row).unwrap_err();
        assert_eq!(
            errors,
            [
                ("supplier_kvk", "error-kvk-format"),
                ("supplier_name", "error-required"),
                ("amount_eur", "error-spend-amount"),
                ("cpv", "error-cpv-format")
            ]
        );
        let good = [
            ("supplier_kvk", "12345678"),
            ("supplier_name", "Schoon BV"),
            ("amount_eur", "1.000"),
            ("period", "2026-Q1"),
            ("cpv", "90911200-8"),
        ];
        let input = check(&good).unwrap();
        assert_eq!((input.amount_cents, input.cpv_code.as_deref()), (100_000, Some("90911200")));
    }
}
