//! Page shapes of partnerships: the list, the proposal form with its choices, and a
//! partnership's page with what the viewer may do.

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::model::{PhaseChange, ProposalForm, ReviewForm, Side};
use super::store::Listed;
use super::Viewer;
use crate::vocab::{PARTNERSHIP_EXCHANGES, PARTNERSHIP_PHASES, PARTNERSHIP_VALUES};

/// The message of a `?notice=` code after a redirect.
pub fn notice_key(code: &str) -> Option<String> {
    const KNOWN: &[&str] = &["proposed", "confirmed", "reviewed", "ended", "withdrawn", "declined"];
    KNOWN.contains(&code).then(|| format!("pa-notice-{code}"))
}

/// A vocabulary's codes, each with whether it is among `chosen`.
fn choices(vocabulary: &[&str], chosen: &[String]) -> Value {
    vocabulary.iter().map(|code| json!({ "code": code, "checked": chosen.iter().any(|c| c == code) })).collect()
}

/// A partnership as lists and its page show it.
pub fn row(l: &Listed) -> Value {
    let p = &l.partnership;
    json!({
        "id": p.id,
        "wise": l.wise_name,
        "wise_slug": l.wise_slug,
        "company": l.company_name,
        "company_kvk": l.company_kvk,
        "phase": p.phase,
        "state": p.state,
        "started_on": p.started_on.to_string(),
        "ended_on": p.ended_on.map(|d| d.to_string()),
        "exchanges": l.exchanges,
        "values": l.values,
        "named": p.public(),
    })
}

pub fn list_page(viewer: &Viewer, listed: &[Listed], notice: Option<String>) -> Value {
    json!({
        "nav": "partnerships",
        "notice": notice,
        "may_propose": matches!(viewer, Viewer::Wise(..)),
        "overseer": matches!(viewer, Viewer::Overseer(_)),
        "partnerships": listed.iter().map(row).collect::<Vec<_>>(),
    })
}

pub fn proposal_page(form: &ProposalForm) -> Value {
    json!({
        "nav": "partnerships",
        "values": form,
        "exchanges": choices(PARTNERSHIP_EXCHANGES, &form.exchanges),
        "phases": choices(PARTNERSHIP_PHASES, std::slice::from_ref(&form.phase)),
        "value_kinds": choices(PARTNERSHIP_VALUES, &form.values),
        "named": form.named.is_some(),
    })
}

/// The review form as a partner finds it: the current phase and values, today, and
/// whether their side agrees to be named.
pub fn review_defaults(l: &Listed, side: Option<Side>, today: NaiveDate) -> ReviewForm {
    let p = &l.partnership;
    let named = match side {
        Some(Side::Wise) => p.wise_named,
        Some(Side::Company) => p.company_named,
        None => false,
    };
    ReviewForm {
        phase: p.phase.clone(),
        changed_on: today.to_string(),
        values: l.values.clone(),
        note: String::new(),
        named: named.then(|| "on".to_string()),
    }
}

/// A partnership's page: its partners, what they exchange, the history of its phases,
/// and the forms its partner may use in its state.
pub fn partnership_page(l: &Listed, history: &[PhaseChange], side: Option<Side>, review: &ReviewForm) -> Value {
    let p = &l.partnership;
    let partner = side.is_some();
    let end_action = match (p.state.as_str(), side) {
        ("confirmed", Some(_)) => Some("end"),
        ("proposed", Some(Side::Wise)) => Some("withdraw"),
        ("proposed", Some(Side::Company)) => Some("decline"),
        _ => None,
    };
    json!({
        "nav": "partnerships",
        "partnership": row(l),
        "side": side,
        "wise_people": p.wise_people,
        "company_people": p.company_people,
        "ambitions": p.ambitions,
        "wise_named": p.wise_named,
        "company_named": p.company_named,
        "end_reason": p.end_reason,
        "ended_by_side": p.ended_by_side,
        "history": history,
        "may_confirm": side == Some(Side::Company) && p.state == "proposed",
        "awaiting_company": side == Some(Side::Wise) && p.state == "proposed",
        "may_review": partner && p.state == "confirmed",
        "end_action": end_action,
        "end_heading": end_action.map(|a| format!("pa-{a}-heading")),
        "end_button": end_action.map(|a| format!("pa-{a}")),
        "end": { "ended_on": "", "reason": "" },
        "end_errors": { "ended_on": null, "reason": null },
        "review_errors": { "phase": null, "changed_on": null, "values": null, "note": null },
        "confirm_errors": { "company_people": null },
        "review": review,
        "review_phases": choices(PARTNERSHIP_PHASES, std::slice::from_ref(&review.phase)),
        "review_values": choices(PARTNERSHIP_VALUES, &review.values),
        "review_named": review.named.is_some(),
    })
}
