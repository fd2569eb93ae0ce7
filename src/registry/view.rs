//! Shapes registration and queue data for pages.

use serde_json::{json, Value};

use super::store::{filters, Review};
use crate::organisation::Status;
use crate::vocab;

/// The choices of a vocabulary with the chosen ones marked: `[{code, checked}]`.
pub fn choices(codes: &[&str], chosen: &[String]) -> Vec<Value> {
    codes.iter().map(|code| json!({ "code": code, "checked": chosen.iter().any(|c| c == code) })).collect()
}

/// The sector choices of the registration form: the primary sector (a select) and the
/// other sectors (checkboxes, without the primary one checked twice).
pub fn sector_choices(primary: &str, others: &[String]) -> (Vec<Value>, Vec<Value>) {
    let primary_choices =
        vocab::SECTORS.iter().map(|code| json!({ "code": code, "selected": *code == primary })).collect();
    let others: Vec<String> = others.iter().filter(|s| s.as_str() != primary).cloned().collect();
    (primary_choices, choices(vocab::SECTORS, &others))
}

/// The status tabs of the queue: `[{code, count, current}]`; `all` counts every WISE.
pub fn filter_tabs(counts: &[(String, i64)], current: &str) -> Vec<Value> {
    filters()
        .map(|code| {
            let count: i64 = counts.iter().filter(|(status, _)| code == "all" || status == code).map(|(_, n)| n).sum();
            json!({ "code": code, "count": count, "current": code == current })
        })
        .collect()
}

/// What the operator may do with a WISE in its current state.
pub fn review_page(review: &Review) -> Value {
    let status = review.organisation.status();
    let awaiting = review.registration.as_ref().is_some_and(|r| r.email_confirmed_at.is_none());
    json!({
        "nav": "admin-organisations",
        "review": review,
        "awaiting_confirmation": awaiting,
        "can_approve": status == Status::Pending && !awaiting,
        "can_request_changes": status == Status::Pending,
        "can_suspend": matches!(status, Status::Pending | Status::Approved),
        "can_reinstate": status == Status::Suspended && !awaiting,
        "public": status.is_public(),
    })
}
