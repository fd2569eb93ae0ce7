//! A social-return contract and what its contractor recorded towards it, as stored, and
//! the checks of what the officer and the contractor type in.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use crate::config::SocialReturnConfig;
use crate::db::schema::{sr_contracts, sr_entries};
use crate::spend::model::parse_amount;
pub use crate::validation::checked_text;
use crate::validation::{date_field as date, is_email, is_kvk_number, text_field as text, FieldError};

/// The fields of the officer's contract form, in the order of its error summary.
pub const CONTRACT_FIELDS: [&str; 11] = [
    "reference",
    "title",
    "contractor_kvk",
    "contractor_name",
    "contractor_email",
    "contractor_contact",
    "value_eur",
    "percent",
    "starts_on",
    "ends_on",
    "language",
];

/// The fields of the contractor's entry form.
pub const ENTRY_FIELDS: [&str; 7] =
    ["kind", "wise_kvk", "invoice_number", "entry_date", "amount_eur", "quantity", "description"];

/// A contract with a social-return clause.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = sr_contracts)]
pub struct Contract {
    pub id: i32,
    pub reference: String,
    pub title: String,
    /// The buying organisation that carries out the contract.
    pub contractor_id: i32,
    /// Contract value in euro cents, VAT excluded.
    pub value_cents: i64,
    /// The social-return percentage in hundredths (500 = 5 %).
    pub percent_bp: i32,
    /// What the contractor owes in social value, in euro cents.
    pub obligation_cents: i64,
    #[schema(value_type = String, format = Date)]
    pub starts_on: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub ends_on: NaiveDate,
    /// The social-return officer (a user).
    pub officer_id: i32,
    #[schema(value_type = String)]
    pub created_at: NaiveDateTime,
}

/// A purchase from a WISE or a building block, recorded by the contractor.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = sr_entries)]
pub struct Entry {
    pub id: i32,
    pub contract_id: i32,
    /// `purchase`, or the key of a building block of the valuation table.
    pub kind: String,
    pub wise_id: Option<i32>,
    pub invoice_number: Option<String>,
    /// The invoice date, or the date of the building block.
    #[schema(value_type = String, format = Date)]
    pub entry_date: NaiveDate,
    /// A purchase's amount in euro cents, VAT excluded.
    pub amount_cents: Option<i64>,
    pub quantity: i32,
    pub description: String,
    /// The share of the amount that counts (the city's rule for the WISE on the invoice date).
    pub rate_pct: i32,
    /// What the entry counts for, in euro cents, once it counts.
    pub value_cents: i64,
    /// `pending`, `confirmed`, `disputed`, `overridden` or `recorded`.
    pub state: String,
    /// The WISE's comment, or the officer's reason for an override.
    pub comment: Option<String>,
    pub decided_by: Option<i32>,
    #[schema(value_type = Option<String>)]
    pub decided_at: Option<NaiveDateTime>,
    pub created_by: Option<i32>,
    #[schema(value_type = String)]
    pub created_at: NaiveDateTime,
}

impl Entry {
    /// Whether it counts towards the obligation.
    pub fn counts(&self) -> bool {
        matches!(self.state.as_str(), "confirmed" | "overridden" | "recorded")
    }

    pub fn is_purchase(&self) -> bool {
        self.kind == "purchase"
    }
}

/// A checked contract, before it has an id.
#[derive(Debug, Clone)]
pub struct ContractInput {
    pub reference: String,
    pub title: String,
    pub contractor_kvk: String,
    /// For a contractor not yet on the platform: its name, and whom to invite.
    pub contractor_name: String,
    pub contractor_email: String,
    pub contractor_contact: String,
    pub language: String,
    pub value_cents: i64,
    pub percent_bp: i32,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

impl ContractInput {
    /// Value × percentage, rounded to the cent.
    pub fn obligation_cents(&self) -> i64 {
        ((i128::from(self.value_cents) * i128::from(self.percent_bp) + 5_000) / 10_000) as i64
    }
}

/// What the contractor claims or records, checked.
#[derive(Debug, Clone)]
pub struct EntryInput {
    pub kind: String,
    pub wise_kvk: Option<String>,
    pub invoice_number: Option<String>,
    pub entry_date: NaiveDate,
    pub amount_cents: Option<i64>,
    pub quantity: i32,
    pub description: String,
}

fn err(field: &str, key: &'static str) -> FieldError {
    FieldError { field: field.to_string(), key }
}

fn euros(errors: &mut Vec<FieldError>, field: &str, value: &str) -> Option<i64> {
    if value.trim().is_empty() {
        errors.push(err(field, "error-required"));
        return None;
    }
    match parse_amount(value.trim()) {
        Ok(cents) if cents > 0 => Some(cents),
        Ok(_) => {
            errors.push(err(field, "error-sr-positive"));
            None
        }
        Err(key) => {
            errors.push(err(field, key));
            None
        }
    }
}

/// A percentage as people write it (`5`, `2,5`, `2.5 %`) in hundredths: 0.01 to 100.
pub fn parse_percent(text: &str) -> Result<i32, &'static str> {
    let cleaned = text.trim().trim_end_matches('%').trim().replace(',', ".");
    let (whole, fraction) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole) || !(fraction.is_empty() || (digits(fraction) && fraction.len() <= 2)) || whole.len() > 3 {
        return Err("error-sr-percent");
    }
    let bp = whole.parse::<i32>().unwrap_or(0) * 100 + format!("{fraction:0<2}").parse::<i32>().unwrap_or(0);
    if !(1..=10_000).contains(&bp) {
        return Err("error-sr-percent");
    }
    Ok(bp)
}

/// The officer's form, as typed.
#[derive(Debug, Clone, Default, serde::Deserialize, Serialize)]
#[serde(default)]
pub struct ContractForm {
    pub reference: String,
    pub title: String,
    pub contractor_kvk: String,
    pub contractor_name: String,
    pub contractor_email: String,
    pub contractor_contact: String,
    pub value_eur: String,
    pub percent: String,
    pub starts_on: String,
    pub ends_on: String,
    pub language: String,
}

impl ContractForm {
    /// The contract, or every field's error. Whether the contractor is known (and so
    /// whether its name and contact are needed) is the caller's question.
    pub fn check(&self, contractor_known: bool) -> Result<ContractInput, Vec<FieldError>> {
        let mut e = Vec::new();
        let reference = text(&mut e, "reference", &self.reference, true, 60);
        let title = text(&mut e, "title", &self.title, true, 200);
        let contractor_kvk = self.contractor_kvk.trim().to_string();
        if contractor_kvk.is_empty() {
            e.push(err("contractor_kvk", "error-required"));
        } else if !is_kvk_number(&contractor_kvk) {
            e.push(err("contractor_kvk", "error-kvk-format"));
        }
        let new = !contractor_kvk.is_empty() && !contractor_known;
        let contractor_name = text(&mut e, "contractor_name", &self.contractor_name, new, 200);
        let contractor_email = self.contractor_email.trim().to_lowercase();
        if new && contractor_email.is_empty() {
            e.push(err("contractor_email", "error-required"));
        } else if !contractor_email.is_empty() && !is_email(&contractor_email) {
            e.push(err("contractor_email", "error-email"));
        }
        let contractor_contact = text(&mut e, "contractor_contact", &self.contractor_contact, new, 200);
        let language =
            if self.language.trim().is_empty() { "nl".to_string() } else { self.language.trim().to_string() };
        if !matches!(language.as_str(), "nl" | "en") {
            e.push(err("language", "error-unknown-code"));
        }
        let value_cents = euros(&mut e, "value_eur", &self.value_eur);
        let percent_bp = match self.percent.trim() {
            "" => {
                e.push(err("percent", "error-required"));
                None
            }
            p => parse_percent(p).map_err(|key| e.push(err("percent", key))).ok(),
        };
        let starts_on = date(&mut e, "starts_on", &self.starts_on);
        let ends_on = date(&mut e, "ends_on", &self.ends_on);
        if let (Some(s), Some(end)) = (starts_on, ends_on) {
            if end <= s {
                e.push(err("ends_on", "error-sr-end-before-start"));
            }
        }
        if !e.is_empty() {
            return Err(e);
        }
        Ok(ContractInput {
            reference,
            title,
            contractor_kvk,
            contractor_name,
            contractor_email,
            contractor_contact,
            language,
            value_cents: value_cents.expect("checked"),
            percent_bp: percent_bp.expect("checked"),
            starts_on: starts_on.expect("checked"),
            ends_on: ends_on.expect("checked"),
        })
    }
}

/// The contractor's entry form (and the API's entry), as typed.
#[derive(Debug, Clone, Default, serde::Deserialize, Serialize, utoipa::ToSchema)]
#[serde(default)]
pub struct EntryForm {
    /// `purchase`, or the key of a building block.
    pub kind: String,
    /// A purchase: the WISE's KvK number, the invoice number and the amount excluding VAT.
    pub wise_kvk: String,
    pub invoice_number: String,
    /// `YYYY-MM-DD`: the invoice date, or the date of the building block.
    pub entry_date: String,
    pub amount_eur: String,
    /// A building block: how many.
    pub quantity: String,
    pub description: String,
}

impl EntryForm {
    /// The entry, or every field's error.
    pub fn check(&self, config: &SocialReturnConfig) -> Result<EntryInput, Vec<FieldError>> {
        let mut e = Vec::new();
        let kind = self.kind.trim().to_string();
        let purchase = kind == "purchase";
        if kind.is_empty() {
            e.push(err("kind", "error-required"));
        } else if !purchase && config.block(&kind).is_none() {
            e.push(err("kind", "error-unknown-code"));
        }
        let entry_date = date(&mut e, "entry_date", &self.entry_date);
        let description = text(&mut e, "description", &self.description, false, 500);
        let (mut wise_kvk, mut invoice_number, mut amount_cents, mut quantity) = (None, None, None, 1);
        if purchase {
            let kvk = self.wise_kvk.trim().to_string();
            if kvk.is_empty() {
                e.push(err("wise_kvk", "error-required"));
            } else if !is_kvk_number(&kvk) {
                e.push(err("wise_kvk", "error-kvk-format"));
            }
            wise_kvk = Some(kvk);
            invoice_number = Some(text(&mut e, "invoice_number", &self.invoice_number, true, 60));
            amount_cents = euros(&mut e, "amount_eur", &self.amount_eur);
        } else if !kind.is_empty() {
            let q = self.quantity.trim();
            match q.parse::<i32>() {
                Ok(n) if (1..=1000).contains(&n) => quantity = n,
                _ if q.is_empty() => {}
                _ => e.push(err("quantity", "error-sr-quantity")),
            }
        }
        if !e.is_empty() {
            return Err(e);
        }
        Ok(EntryInput {
            kind,
            wise_kvk,
            invoice_number,
            entry_date: entry_date.expect("checked"),
            amount_cents,
            quantity,
            description,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_as_people_write_them() {
        assert_eq!(parse_percent("5"), Ok(500));
        assert_eq!(parse_percent("2,5 %"), Ok(250));
        assert_eq!(parse_percent("2.75%"), Ok(275));
        assert_eq!(parse_percent("100"), Ok(10_000));
        for bad in ["0", "101", "2,555", "vijf", "-3", ""] {
            assert_eq!(parse_percent(bad), Err("error-sr-percent"), "{bad}");
        }
    }

    #[test]
    fn the_obligation_is_value_times_percentage() {
        let form = ContractForm {
            reference: "SR-1".into(),
            title: "Onderhoud".into(),
            contractor_kvk: "12345678".into(),
            value_eur: "1.000.000".into(),
            percent: "2,5".into(),
            starts_on: "2026-01-01".into(),
            ends_on: "2027-12-31".into(),
            ..Default::default()
        };
        let input = form.check(true).unwrap();
        assert_eq!(input.obligation_cents(), 2_500_000);
        let errors = ContractForm { ends_on: "2025-12-31".into(), ..form.clone() }.check(false).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["contractor_name", "contractor_email", "contractor_contact", "ends_on"]);
    }
}
