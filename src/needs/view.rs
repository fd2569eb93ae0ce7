//! The JSON the needs pages are rendered from.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::{json, Value};

use super::model::Need;
use super::{matching, store, Viewer};
use crate::buying::BuyingOrganisation;
use crate::config::Config;
use crate::db::DbConn;
use crate::web::AppError;

/// `data` with the fields of `extra` put over it.
pub fn with(data: Value, extra: Value) -> Value {
    crate::web::page::merge(data, extra)
}

/// The message of a `?notice=` code after a redirect.
pub fn notice_key(code: &str) -> Option<String> {
    const KNOWN: &[&str] = &[
        "saved",
        "submitted",
        "withdrawn",
        "published",
        "published-nobody",
        "returned",
        "match-added",
        "match-removed",
        "answered",
        "message-sent",
        "reminded",
        "reminded-nobody",
        "outcome",
        "deal-confirmed",
        "deal-disputed",
        "deal-decided",
        "attachment-added",
        "attachment-removed",
        "digest-on",
        "digest-off",
    ];
    KNOWN.contains(&code).then(|| format!("need-notice-{code}"))
}

/// A need in a list.
fn row(need: &Need, today: NaiveDate) -> Value {
    json!({
        "id": need.id,
        "title": need.title,
        "kind": need.kind,
        "status": need.status,
        "deadline": need.deadline,
        "open": need.is_open(today),
        "reserved": need.reserved,
    })
}

pub fn operator_list(
    conn: &mut DbConn,
    needs: &[Need],
    chosen: &str,
    counts: &[(String, i64)],
) -> Result<Value, AppError> {
    let mut items = Vec::new();
    for need in needs {
        let buyer = crate::buying::store::by_id(conn, need.buying_organisation_id)?.map(|b| b.name).unwrap_or_default();
        items.push(with(row(need, chrono::NaiveDate::MIN), json!({ "buyer": buyer })));
    }
    let tabs: Vec<Value> = crate::vocab::NEED_STATUSES
        .iter()
        .map(|s| {
            let count = counts.iter().find(|(k, _)| k == s).map_or(0, |(_, n)| *n);
            json!({ "status": s, "count": count, "current": *s == chosen })
        })
        .collect();
    Ok(json!({ "operator": true, "items": items, "tabs": tabs, "status": chosen }))
}

pub fn buyer_list(needs: &[Need], membership: Option<&(BuyingOrganisation, bool)>, today: NaiveDate) -> Value {
    let items: Vec<Value> = needs.iter().map(|n| row(n, today)).collect();
    let (organisation, may_post) = match membership {
        Some((o, approved)) => (Some(o.name.clone()), *approved && o.is_approved()),
        None => (None, false),
    };
    json!({ "buyer": true, "items": items, "organisation": organisation, "may_post": may_post })
}

pub fn wise_list(rows: &[(Need, super::model::NeedMatch)], digest: Option<&str>, today: NaiveDate) -> Value {
    let items: Vec<Value> = rows
        .iter()
        .map(|(n, m)| with(row(n, today), json!({ "response": m.response, "opened": m.opened_at.is_some() })))
        .collect();
    let frequencies: Vec<Value> = [""]
        .into_iter()
        .chain(super::digest::FREQUENCIES)
        .map(|f| json!({ "value": f, "selected": digest.unwrap_or("") == f }))
        .collect();
    json!({ "wise": true, "items": items, "digest": digest, "frequencies": frequencies })
}

/// Counts of the WISEs of a need, for its buyer and the operator.
fn tracking(rows: &[(super::model::NeedMatch, String, String, String)]) -> Value {
    let live: Vec<&super::model::NeedMatch> = rows.iter().map(|r| &r.0).filter(|m| m.removed_at.is_none()).collect();
    let alerted = live.iter().filter(|m| m.alerted_at.is_some()).count();
    let opened = live.iter().filter(|m| m.opened_at.is_some()).count();
    let interested = live.iter().filter(|m| m.is_interested()).count();
    let declined: Vec<&&super::model::NeedMatch> =
        live.iter().filter(|m| m.response.as_deref() == Some("declined")).collect();
    let reasons: Vec<Value> = crate::vocab::DECLINE_REASONS
        .iter()
        .map(|r| (r, declined.iter().filter(|m| m.decline_reason.as_deref() == Some(*r)).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(r, n)| json!({ "reason": r, "count": n }))
        .collect();
    json!({
        "matched": live.len(),
        "alerted": alerted,
        "opened": opened,
        "interested": interested,
        "declined": declined.len(),
        "silent": live.iter().filter(|m| m.alerted_at.is_some() && m.response.is_none()).count(),
        "reasons": reasons,
    })
}

/// The page of one need for `viewer`.
pub fn show(
    conn: &mut DbConn,
    config: &Config,
    need: &Need,
    viewer: &Viewer,
    now: NaiveDateTime,
) -> Result<Value, AppError> {
    let today = now.date();
    let buyer = crate::buying::store::by_id(conn, need.buying_organisation_id)?;
    let cpv: Vec<Value> = need
        .cpv_list()
        .iter()
        .map(|code| {
            let label = crate::db::cpv::by_code(conn, code).ok().flatten();
            json!({ "code": code, "label": label.as_ref().map(|l| l.label_en.clone()), "label_nl": label.and_then(|l| l.label_nl) })
        })
        .collect();
    let attachments = super::attachments::of_need(conn, need.id)?;
    let mut data = json!({
        "need": need,
        "open": need.is_open(today),
        "cpv": cpv,
        "questions": need.question_list(),
        "buyer": buyer.as_ref().map(|b| json!({ "name": b.name, "kind": b.kind })),
        "is_operator": matches!(viewer, Viewer::Operator),
        "is_buyer": matches!(viewer, Viewer::Buyer(_)),
        "is_wise": matches!(viewer, Viewer::Wise(_)),
        "editable": need.is_editable() && matches!(viewer, Viewer::Buyer(_)),
        "withdrawable": need.status != "withdrawn" && !matches!(viewer, Viewer::Wise(_)),
        "attachments": attachments.iter().map(|a| json!({
            "id": a.id, "need_id": a.need_id, "file_name": a.file_name, "kb": (a.size_bytes + 1023) / 1024,
        })).collect::<Vec<_>>(),
        "attachment_max_mb": config.needs.max_attachment_bytes.div_ceil(1_048_576),
        "attachments_full": attachments.len() as i64 >= super::attachments::MAX_ATTACHMENTS,
    });
    let rows = store::matches(conn, need.id)?;
    let deals = store::deals(conn, need.id)?;
    let eligibility =
        if need.reserved { crate::catalogue::eligibility::for_approved(conn)? } else { Default::default() };
    match viewer {
        Viewer::Operator | Viewer::Buyer(_) => {
            let interested: Vec<Value> = rows
                .iter()
                .filter(|(m, ..)| m.removed_at.is_none() && m.response.is_some())
                .map(|(m, name, slug, _)| {
                    json!({
                        "organisation_id": m.organisation_id,
                        "name": name,
                        "slug": slug,
                        "response": m.response,
                        "message": m.message,
                        "answers": m.answers,
                        "decline_reason": m.decline_reason,
                        "eligible": eligibility.get(&m.organisation_id).is_some_and(|r| r.eligible),
                    })
                })
                .collect();
            let alerted: Vec<Value> = rows
                .iter()
                .filter(|(m, ..)| m.removed_at.is_none() && m.alerted_at.is_some())
                .map(|(m, name, ..)| json!({ "organisation_id": m.organisation_id, "name": name }))
                .collect();
            let may_remind = matches!(viewer, Viewer::Buyer(_))
                && need.is_open(today)
                && need.reminders_sent < config.needs.max_manual_reminders;
            data = with(
                data,
                json!({
                    "tracking": tracking(&rows),
                    "responses": interested,
                    "alerted": alerted,
                    "may_remind": may_remind,
                    "reminders_left": (config.needs.max_manual_reminders - need.reminders_sent).max(0),
                    "found_without_options": crate::vocab::FOUND_WITHOUT,
                }),
            );
        }
        Viewer::Wise(m) => {
            let partners: Vec<Value> = if m.response.as_deref() == Some("joint") {
                rows.iter()
                    .filter(|(o, ..)| o.organisation_id != m.organisation_id && o.is_interested() && o.contact_ok && o.removed_at.is_none())
                    .map(|(o, name, slug, _)| json!({ "organisation_id": o.organisation_id, "name": name, "slug": slug }))
                    .collect()
            } else {
                Vec::new()
            };
            data = with(
                data,
                json!({
                    "answer": m,
                    "partners": partners,
                    "responses_list": crate::vocab::NEED_RESPONSES,
                    "decline_reasons": crate::vocab::DECLINE_REASONS,
                }),
            );
        }
    }
    let own_wise = match viewer {
        Viewer::Wise(m) => Some(m.organisation_id),
        _ => None,
    };
    let deal_rows: Vec<Value> = deals
        .iter()
        .filter(|(d, _)| own_wise.is_none_or(|o| o == d.organisation_id))
        .map(|(d, name)| {
            let mine_to_settle = match viewer {
                Viewer::Buyer(_) => d.reported_by == "wise",
                Viewer::Wise(_) => d.reported_by == "buyer",
                Viewer::Operator => false,
            } && d.status == "reported";
            json!({ "deal": d, "name": name, "may_settle": mine_to_settle })
        })
        .collect();
    data = with(
        data,
        json!({ "deals": deal_rows, "may_report": need.status == "published" && !matches!(viewer, Viewer::Operator) }),
    );
    if matches!(viewer, Viewer::Operator) {
        data = with(data, operator_panel(conn, config, need, &rows, today)?);
    }
    Ok(data)
}

/// The operator's list: before publishing, the rules' matches under the changes made;
/// after, the fixed list with each WISE's progress. Removed WISEs with their reasons.
fn operator_panel(
    conn: &mut DbConn,
    config: &Config,
    need: &Need,
    rows: &[(super::model::NeedMatch, String, String, String)],
    today: NaiveDate,
) -> Result<Value, AppError> {
    let mut list: Vec<Value> = Vec::new();
    let mut branch = None;
    if matches!(need.status.as_str(), "submitted" | "draft" | "returned") {
        let found = matching::candidates(conn, &config.needs, need, today)?;
        branch = Some(found.branch_digits);
        for c in &found.candidates {
            if rows.iter().any(|(m, ..)| m.organisation_id == c.organisation_id) {
                continue;
            }
            list.push(json!({
                "organisation_id": c.organisation_id, "name": c.name, "slug": c.slug, "kvk_number": c.kvk_number,
                "source": "matched", "completeness": c.completeness, "offerings": c.offerings, "removed": false,
            }));
        }
    }
    for (m, name, slug, kvk) in rows {
        list.push(json!({
            "organisation_id": m.organisation_id, "name": name, "slug": slug, "kvk_number": kvk,
            "source": m.source, "reason": m.reason, "removed": m.removed_at.is_some(),
            "alerted": m.alerted_at.is_some(), "batch": m.batch, "response": m.response,
        }));
    }
    let live = list.iter().filter(|v| v["removed"] == false).count();
    Ok(json!({
        "matches": list,
        "match_count": live,
        "branch_digits": branch,
        "may_publish": need.status == "submitted",
        "may_return": need.status == "submitted",
    }))
}
