//! A partnership as stored, and the checks of what its partners type in: the WISE's
//! proposal, the company's confirmation, a review of the phase, an ending.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::schema::{partnership_phases, partnerships};
use crate::validation::{date_field, is_email, is_kvk_number, text_field, FieldError};
use crate::vocab::{PARTNERSHIP_EXCHANGES, PARTNERSHIP_PHASES, PARTNERSHIP_VALUES};

/// The fields of the WISE's proposal form, in the order of its error summary.
pub const PROPOSAL_FIELDS: [&str; 13] = [
    "company_kvk",
    "company_name",
    "company_contact",
    "company_email",
    "language",
    "exchanges",
    "phase",
    "values",
    "started_on",
    "wise_people",
    "company_people",
    "ambitions",
    "named",
];

/// The fields of a review and of an ending.
pub const REVIEW_FIELDS: [&str; 4] = ["phase", "changed_on", "values", "note"];
pub const END_FIELDS: [&str; 2] = ["ended_on", "reason"];

/// A partnership between a WISE and a company.
#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = partnerships)]
pub struct Partnership {
    pub id: i32,
    pub wise_id: i32,
    pub company_id: i32,
    pub phase: String,
    pub started_on: NaiveDate,
    pub wise_people: String,
    pub company_people: String,
    pub ambitions: String,
    pub state: String,
    pub wise_named: bool,
    pub company_named: bool,
    pub proposed_by: Option<i32>,
    pub created_at: NaiveDateTime,
    pub confirmed_by: Option<i32>,
    pub confirmed_at: Option<NaiveDateTime>,
    pub ended_on: Option<NaiveDate>,
    pub end_reason: Option<String>,
    pub ended_by_side: Option<String>,
    pub updated_at: NaiveDateTime,
}

impl Partnership {
    /// Whether it counts: the company confirmed it (and it may have ended since).
    pub fn counts(&self) -> bool {
        matches!(self.state.as_str(), "confirmed" | "ended")
    }

    /// Whether the public may see it: it counts and both partners agree to be named.
    pub fn public(&self) -> bool {
        self.counts() && self.wise_named && self.company_named
    }
}

/// One review of a partnership's phase (the first is its proposal).
#[derive(Debug, Clone, Queryable, Selectable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = partnership_phases)]
pub struct PhaseChange {
    #[serde(skip)]
    pub id: i32,
    #[serde(skip)]
    pub partnership_id: i32,
    pub phase: String,
    #[schema(value_type = String, format = Date)]
    pub changed_on: NaiveDate,
    pub note: String,
    #[serde(skip)]
    pub changed_by: Option<i32>,
    #[serde(skip)]
    pub created_at: NaiveDateTime,
}

/// Which partner someone acts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Wise,
    Company,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Wise => "wise",
            Side::Company => "company",
        }
    }
}

fn err(field: &str, key: &'static str) -> FieldError {
    FieldError { field: field.to_string(), key }
}

/// Codes of one vocabulary, each once and in its order; an unknown one is an error.
fn codes(e: &mut Vec<FieldError>, field: &str, given: &[String], vocabulary: &[&str], required: bool) -> Vec<String> {
    let given: Vec<&str> = given.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    if given.iter().any(|c| !vocabulary.contains(c)) {
        e.push(err(field, "error-unknown-code"));
    } else if required && given.is_empty() {
        e.push(err(field, "error-required"));
    }
    vocabulary.iter().filter(|v| given.contains(v)).map(|v| v.to_string()).collect()
}

fn phase(e: &mut Vec<FieldError>, value: &str) -> String {
    let value = value.trim();
    if value.is_empty() {
        e.push(err("phase", "error-required"));
    } else if !PARTNERSHIP_PHASES.contains(&value) {
        e.push(err("phase", "error-unknown-code"));
    }
    value.to_string()
}

/// A date no later than `today`.
fn past_date(e: &mut Vec<FieldError>, field: &str, value: &str, today: NaiveDate) -> Option<NaiveDate> {
    let date = date_field(e, field, value)?;
    if date > today {
        e.push(err(field, "error-partnership-future"));
        return None;
    }
    Some(date)
}

/// A checkbox: present (with any value but "false") means yes.
fn ticked(value: &Option<String>) -> bool {
    value.as_deref().is_some_and(|v| v != "false")
}

/// The WISE's proposal, as typed.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ProposalForm {
    pub company_kvk: String,
    /// For a company not yet on the platform: its name, and whom to invite.
    pub company_name: String,
    pub company_contact: String,
    pub company_email: String,
    pub language: String,
    pub exchanges: Vec<String>,
    pub phase: String,
    pub values: Vec<String>,
    pub started_on: String,
    pub wise_people: String,
    pub company_people: String,
    pub ambitions: String,
    pub named: Option<String>,
}

/// A checked proposal.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub company_kvk: String,
    pub company_name: String,
    pub company_contact: String,
    pub company_email: String,
    pub language: String,
    pub exchanges: Vec<String>,
    pub phase: String,
    pub values: Vec<String>,
    pub started_on: NaiveDate,
    pub wise_people: String,
    pub company_people: String,
    pub ambitions: String,
    pub named: bool,
}

impl ProposalForm {
    /// The proposal, or every field's error. Whether the company is on the platform (and
    /// so whether its name and contact are needed) is the caller's question.
    pub fn check(&self, company_known: bool, today: NaiveDate) -> Result<Proposal, Vec<FieldError>> {
        let mut e = Vec::new();
        let company_kvk = self.company_kvk.trim().to_string();
        if company_kvk.is_empty() {
            e.push(err("company_kvk", "error-required"));
        } else if !is_kvk_number(&company_kvk) {
            e.push(err("company_kvk", "error-kvk-format"));
        }
        let new = !company_kvk.is_empty() && !company_known;
        let company_name = text_field(&mut e, "company_name", &self.company_name, new, 200);
        let company_contact = text_field(&mut e, "company_contact", &self.company_contact, new, 200);
        let company_email = self.company_email.trim().to_lowercase();
        if new && company_email.is_empty() {
            e.push(err("company_email", "error-required"));
        } else if !company_email.is_empty() && !is_email(&company_email) {
            e.push(err("company_email", "error-email"));
        }
        let language = match self.language.trim() {
            "" => "nl".to_string(),
            l => l.to_string(),
        };
        if !matches!(language.as_str(), "nl" | "en") {
            e.push(err("language", "error-unknown-code"));
        }
        let exchanges = codes(&mut e, "exchanges", &self.exchanges, PARTNERSHIP_EXCHANGES, true);
        let phase = phase(&mut e, &self.phase);
        let values = codes(&mut e, "values", &self.values, PARTNERSHIP_VALUES, false);
        let started_on = past_date(&mut e, "started_on", &self.started_on, today);
        let wise_people = text_field(&mut e, "wise_people", &self.wise_people, false, 500);
        let company_people = text_field(&mut e, "company_people", &self.company_people, false, 500);
        let ambitions = text_field(&mut e, "ambitions", &self.ambitions, false, 2000);
        match started_on {
            Some(started_on) if e.is_empty() => Ok(Proposal {
                company_kvk,
                company_name,
                company_contact,
                company_email,
                language,
                exchanges,
                phase,
                values,
                started_on,
                wise_people,
                company_people,
                ambitions,
                named: ticked(&self.named),
            }),
            _ => Err(e),
        }
    }
}

/// The company's confirmation, as typed: whether it agrees to be named, and who of it
/// is involved.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ConfirmForm {
    pub named: Option<String>,
    pub company_people: String,
}

impl ConfirmForm {
    pub fn check(&self) -> Result<(bool, String), Vec<FieldError>> {
        let mut e = Vec::new();
        let people = text_field(&mut e, "company_people", &self.company_people, false, 500);
        if e.is_empty() {
            Ok((ticked(&self.named), people))
        } else {
            Err(e)
        }
    }
}

/// A review by either partner, as typed: the phase it is in now (the same or another),
/// the kinds of value they see, a note, and whether the reviewing side agrees to be named.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ReviewForm {
    pub phase: String,
    pub changed_on: String,
    pub values: Vec<String>,
    pub note: String,
    pub named: Option<String>,
}

/// A checked review.
#[derive(Debug, Clone)]
pub struct Review {
    pub phase: String,
    pub changed_on: NaiveDate,
    pub values: Vec<String>,
    pub note: String,
    pub named: bool,
}

impl ReviewForm {
    pub fn check(&self, since: NaiveDate, today: NaiveDate) -> Result<Review, Vec<FieldError>> {
        let mut e = Vec::new();
        let phase = phase(&mut e, &self.phase);
        let changed_on = past_date(&mut e, "changed_on", &self.changed_on, today);
        if changed_on.is_some_and(|d| d < since) {
            e.push(err("changed_on", "error-partnership-before-start"));
        }
        let values = codes(&mut e, "values", &self.values, PARTNERSHIP_VALUES, false);
        let note = text_field(&mut e, "note", &self.note, false, 2000);
        match changed_on {
            Some(changed_on) if e.is_empty() => {
                Ok(Review { phase, changed_on, values, note, named: ticked(&self.named) })
            }
            _ => Err(e),
        }
    }
}

/// An ending (or, before confirmation, a withdrawal or a refusal), as typed.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct EndForm {
    pub ended_on: String,
    pub reason: String,
}

impl EndForm {
    /// The date and the reason (required to end a confirmed partnership).
    pub fn check(&self, since: NaiveDate, today: NaiveDate) -> Result<(NaiveDate, String), Vec<FieldError>> {
        let mut e = Vec::new();
        let ended_on = if self.ended_on.trim().is_empty() {
            Some(today)
        } else {
            past_date(&mut e, "ended_on", &self.ended_on, today)
        };
        if ended_on.is_some_and(|d| d < since) {
            e.push(err("ended_on", "error-partnership-before-start"));
        }
        let reason = text_field(&mut e, "reason", &self.reason, true, 1000);
        match ended_on {
            Some(ended_on) if e.is_empty() => Ok((ended_on, reason)),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    fn proposal() -> ProposalForm {
        ProposalForm {
            company_kvk: "12345678".into(),
            exchanges: vec!["placement_route".into(), "paid_training".into()],
            phase: "integration".into(),
            values: vec!["synergy".into(), "transaction".into()],
            started_on: "2025-03-01".into(),
            named: Some("on".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_proposal_keeps_the_vocabularies_order_and_names_what_is_wrong() {
        let p = proposal().check(true, today()).unwrap();
        assert_eq!(p.exchanges, ["paid_training", "placement_route"]);
        assert_eq!(p.values, ["transaction", "synergy"]);
        assert!(p.named);
        let bad = ProposalForm {
            exchanges: vec!["friendship".into()],
            phase: "marriage".into(),
            started_on: "2027-01-01".into(),
            ..proposal()
        };
        let fields: Vec<String> = bad.check(false, today()).unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["company_name", "company_contact", "company_email", "exchanges", "phase", "started_on"]);
        let none = ProposalForm { exchanges: vec![], ..proposal() }.check(true, today()).unwrap_err();
        assert_eq!(none[0].key, "error-required");
    }

    #[test]
    fn reviews_and_endings_fall_between_the_start_and_today() {
        let start = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        let review =
            ReviewForm { phase: "transformation".into(), changed_on: "2025-01-01".into(), ..Default::default() };
        assert_eq!(review.check(start, today()).unwrap_err()[0].key, "error-partnership-before-start");
        let ok = ReviewForm { changed_on: "2026-06-01".into(), ..review };
        assert!(!ok.check(start, today()).unwrap().named);
        let end = EndForm { ended_on: String::new(), reason: "Project afgerond".into() };
        assert_eq!(end.check(start, today()).unwrap(), (today(), "Project afgerond".to_string()));
        assert_eq!(EndForm::default().check(start, today()).unwrap_err()[0].field, "reason");
    }
}
