//! A buyer's need: its row, what a buyer enters (a form or the API), and its checks.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::schema::{need_deals, need_matches, needs};
use crate::db::{cpv, DbConn};
use crate::validation::{char_len, is_email, is_web_url, Errors, FieldError};
use crate::vocab;

/// Most CPV codes and questions a need may have.
pub const MAX_CPV_CODES: usize = 10;
pub const MAX_QUESTIONS: usize = 10;

#[derive(Debug, Clone, Queryable, Selectable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = needs)]
pub struct Need {
    pub id: i32,
    pub buying_organisation_id: i32,
    #[serde(skip)]
    pub created_by: i32,
    pub title: String,
    pub description: String,
    /// `tender`, `quote` or `sourcing`.
    pub kind: String,
    /// `good`, `service` or `works`.
    pub offering_kind: String,
    /// The CPV codes, `|`-separated.
    pub cpv_codes: String,
    /// `municipality`, `radius` or `national`.
    pub location: String,
    pub municipality: Option<String>,
    pub radius_km: Option<i32>,
    /// `unknown`, a band, or `exact` (then `amount_eur`).
    pub amount_band: String,
    pub amount_eur: Option<i64>,
    #[schema(value_type = String, format = Date)]
    pub deadline: NaiveDate,
    #[schema(value_type = Option<String>, format = Date)]
    pub starts_on: Option<NaiveDate>,
    /// Reserved for WISEs eligible under art. 2.82 Aanbestedingswet.
    pub reserved: bool,
    /// `platform`, `email` or `link`.
    pub respond_how: String,
    pub respond_to: Option<String>,
    /// The buyer's questions, one per line.
    pub questions: String,
    /// `draft`, `submitted`, `returned`, `published` or `withdrawn`.
    pub status: String,
    /// The operator's comment when returned, or why it was withdrawn.
    pub status_comment: Option<String>,
    #[schema(value_type = String)]
    pub status_changed_at: NaiveDateTime,
    #[schema(value_type = Option<String>)]
    pub published_at: Option<NaiveDateTime>,
    #[serde(skip)]
    pub operator_told_at: Option<NaiveDateTime>,
    pub reminders_sent: i32,
    #[serde(skip)]
    pub buyer_asked_at: Option<NaiveDateTime>,
    #[schema(value_type = Option<String>)]
    pub outcome_reported_at: Option<NaiveDateTime>,
    /// Would the buyer have found the WISE without the platform: `yes`, `no`, `unsure`.
    pub found_without_platform: Option<String>,
    /// The buyer agreed to show the fulfilled need as an example.
    pub share_as_example: bool,
    #[schema(value_type = String)]
    pub created_at: NaiveDateTime,
    #[schema(value_type = String)]
    pub updated_at: NaiveDateTime,
}

impl Need {
    pub fn cpv_list(&self) -> Vec<String> {
        self.cpv_codes.split('|').filter(|c| !c.is_empty()).map(str::to_string).collect()
    }

    pub fn question_list(&self) -> Vec<String> {
        self.questions.lines().map(str::trim).filter(|q| !q.is_empty()).map(str::to_string).collect()
    }

    /// Whether WISEs may still answer (published, deadline not passed).
    pub fn is_open(&self, today: NaiveDate) -> bool {
        self.status == "published" && today <= self.deadline
    }

    /// The buyer may change it (a draft, or returned by the operator).
    pub fn is_editable(&self) -> bool {
        matches!(self.status.as_str(), "draft" | "returned")
    }
}

/// One (need, WISE) row: matched or added, alerted, opened, answered.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = need_matches)]
pub struct NeedMatch {
    pub need_id: i32,
    pub organisation_id: i32,
    /// `matched` (by the rules) or `added` (by the operator).
    pub source: String,
    pub reason: Option<String>,
    #[schema(value_type = Option<String>)]
    pub removed_at: Option<NaiveDateTime>,
    pub rank: i32,
    pub batch: Option<i32>,
    #[schema(value_type = Option<String>)]
    pub alerted_at: Option<NaiveDateTime>,
    #[schema(value_type = Option<String>)]
    pub reminded_at: Option<NaiveDateTime>,
    #[schema(value_type = Option<String>)]
    pub opened_at: Option<NaiveDateTime>,
    /// `interested`, `declined` or `joint` (wants to bid together).
    pub response: Option<String>,
    pub message: Option<String>,
    /// Answers to the buyer's questions, one per line.
    pub answers: Option<String>,
    pub decline_reason: Option<String>,
    /// Other interested WISEs may contact this one about a joint bid.
    pub contact_ok: bool,
    #[schema(value_type = Option<String>)]
    pub responded_at: Option<NaiveDateTime>,
    #[serde(skip)]
    pub wise_asked_at: Option<NaiveDateTime>,
}

impl NeedMatch {
    /// Interested, alone or together with others.
    pub fn is_interested(&self) -> bool {
        matches!(self.response.as_deref(), Some("interested" | "joint"))
    }
}

/// A deal that followed a need: counted once `confirmed`.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = need_deals)]
pub struct Deal {
    pub id: i32,
    pub need_id: i32,
    pub organisation_id: i32,
    pub amount_eur: i64,
    /// Who reported it: `buyer` or `wise`.
    pub reported_by: String,
    #[schema(value_type = String)]
    pub reported_at: NaiveDateTime,
    /// `reported`, `confirmed` (by the other side, or decided by the operator) or `disputed`.
    pub status: String,
    #[serde(skip)]
    pub decided_by: Option<i32>,
    pub comment: Option<String>,
    #[schema(value_type = String)]
    pub updated_at: NaiveDateTime,
}

/// A need as a buyer enters it, through the form or `POST /api/v1/needs`.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct NeedInput {
    pub title: String,
    pub description: String,
    /// `tender`, `quote` or `sourcing`.
    pub kind: String,
    /// `good`, `service` or `works`.
    pub offering_kind: String,
    /// 1 to 10 CPV codes (`45000000` or `45000000-7`).
    pub cpv_codes: Vec<String>,
    /// `municipality`, `radius` or `national`.
    pub location: String,
    pub municipality: String,
    pub radius_km: Option<i32>,
    /// `unknown`, `under_25k`, `25k_100k`, `100k_250k`, `250k_1m`, `over_1m` or `exact`.
    pub amount_band: String,
    /// Euros, with `amount_band` `exact`.
    pub amount_eur: Option<i64>,
    /// `YYYY-MM-DD`: the last day to respond.
    pub deadline: String,
    /// `YYYY-MM-DD`, optional.
    pub starts_on: String,
    pub reserved: bool,
    /// `platform`, `email` or `link`.
    pub respond_how: String,
    /// The address (email) or the tender portal's URL (link).
    pub respond_to: String,
    /// Up to 10 questions for the WISEs.
    pub questions: Vec<String>,
}

/// A checked need, ready to store.
#[derive(Debug, Clone)]
pub struct ValidNeed {
    pub input: NeedInput,
    pub cpv_codes: String,
    pub deadline: NaiveDate,
    pub starts_on: Option<NaiveDate>,
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Checks a need; `today` bounds the deadline. Every error names its field.
pub fn validate(
    conn: &mut DbConn,
    input: NeedInput,
    today: NaiveDate,
) -> QueryResult<Result<ValidNeed, Vec<FieldError>>> {
    let mut e = Errors::default();
    let title = input.title.trim();
    e.check(!title.is_empty(), "title", "error-required");
    e.check(char_len(title) <= 200, "title", "error-too-long");
    let description = input.description.trim();
    e.check(!description.is_empty(), "description", "error-required");
    e.check(char_len(description) <= 5000, "description", "error-too-long");
    e.check(vocab::NEED_KINDS.contains(&input.kind.as_str()), "kind", "error-unknown-code");
    e.check(vocab::OFFERING_KINDS.contains(&input.offering_kind.as_str()), "offering_kind", "error-unknown-code");
    let mut codes: Vec<String> = Vec::new();
    let given: Vec<&str> = input.cpv_codes.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    e.check(!given.is_empty(), "cpv_codes", "error-required");
    e.check(given.len() <= MAX_CPV_CODES, "cpv_codes", "error-too-many");
    for code in given {
        match vocab::cpv::normalise(code) {
            Some(code) if cpv::exists(conn, &code)? => {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
            Some(_) => e.add("cpv_codes", "error-cpv-unknown"),
            None => e.add("cpv_codes", "error-cpv-format"),
        }
    }
    e.check(vocab::NEED_LOCATIONS.contains(&input.location.as_str()), "location", "error-unknown-code");
    let municipality = input.municipality.trim();
    if input.location != "national" {
        e.check(!municipality.is_empty(), "municipality", "error-required");
    }
    e.check(char_len(municipality) <= 100, "municipality", "error-too-long");
    if input.location == "radius" {
        e.check(input.radius_km.is_some_and(|km| (1..=1000).contains(&km)), "radius_km", "error-radius");
    }
    e.check(vocab::AMOUNT_BANDS.contains(&input.amount_band.as_str()), "amount_band", "error-unknown-code");
    if input.amount_band == "exact" {
        e.check(input.amount_eur.is_some_and(|a| a > 0), "amount_eur", "error-amount");
    }
    let deadline = date(&input.deadline);
    match deadline {
        None => e.add("deadline", "error-date"),
        Some(d) => e.check(d >= today, "deadline", "error-date-past"),
    }
    let starts_on = if input.starts_on.trim().is_empty() { None } else { date(&input.starts_on) };
    e.check(input.starts_on.trim().is_empty() || starts_on.is_some(), "starts_on", "error-date");
    e.check(vocab::RESPOND_HOW.contains(&input.respond_how.as_str()), "respond_how", "error-unknown-code");
    let respond_to = input.respond_to.trim();
    match input.respond_how.as_str() {
        "email" => e.check(is_email(respond_to), "respond_to", "error-email"),
        "link" => e.check(is_web_url(respond_to), "respond_to", "error-url"),
        _ => {}
    }
    let questions: Vec<&String> = input.questions.iter().filter(|q| !q.trim().is_empty()).collect();
    e.check(questions.len() <= MAX_QUESTIONS, "questions", "error-too-many");
    e.check(questions.iter().all(|q| char_len(q.trim()) <= 300), "questions", "error-too-long");
    e.into_result().map_or_else(
        |errors| Ok(Err(errors)),
        |()| Ok(Ok(ValidNeed { cpv_codes: codes.join("|"), deadline: deadline.expect("checked"), starts_on, input })),
    )
}
