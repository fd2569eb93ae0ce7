//! The certificate mails written in the transaction of the change: to the operators for
//! each claim (when it is claimed, and again when its evidence arrives), to the WISE's
//! staff when the operator decides. The reminders before and on expiry are a scheduled
//! step (`digests::certificates`).

use chrono::NaiveDateTime;
use serde_json::json;

use crate::config::Config;
use crate::db::DbConn;
use crate::mail::outbox;
use crate::organisation::certificates;
use crate::render::templates::Templates;

/// Tells the operators of the claims `ids`; the key (certificate, claim time, evidence)
/// sends it once per claim and once more when evidence is added. How many were new.
pub fn claimed(
    conn: &mut DbConn,
    config: &Config,
    templates: &Templates,
    ids: &[i32],
    now: NaiveDateTime,
) -> anyhow::Result<usize> {
    let operators = crate::users::store::operators(conn)?;
    let mut written = 0;
    for id in ids {
        let Some(certificate) = certificates::one(conn, *id)? else { continue };
        let Some(wise) = crate::organisation::store::organisations_by_id(conn, &[certificate.organisation_id])?.pop()
        else {
            continue;
        };
        let evidence = certificate.evidence_sha256.clone().unwrap_or_else(|| "none".into());
        let claim = certificate.claimed_at.format("%Y%m%d%H%M%S");
        let data = |_| {
            json!({
                "wise": wise.name,
                "kind": certificate.kind,
                "name": certificate.name,
                "valid_until": certificate.valid_until,
                "evidence": certificate.evidence_name,
                "link": format!("{}/admin/certificates", config.base_url()),
            })
        };
        let key = |email: &str| format!("certificate-claim:{id}:{claim}:{evidence}:{email}");
        written += outbox::enqueue_each(conn, templates, "certificate-claimed", &operators, data, key, now)?;
    }
    Ok(written)
}

/// Tells the WISE's staff that the operator verified or rejected certificate `id`.
pub fn decided(
    conn: &mut DbConn,
    config: &Config,
    templates: &Templates,
    id: i32,
    now: NaiveDateTime,
) -> anyhow::Result<usize> {
    let Some(certificate) = certificates::one(conn, id)? else { return Ok(0) };
    let Some(wise) = crate::organisation::store::organisations_by_id(conn, &[certificate.organisation_id])?.pop()
    else {
        return Ok(0);
    };
    let staff = crate::users::store::wise_staff(conn, wise.id)?;
    let decided = certificate.decided_at.unwrap_or(now).format("%Y%m%d%H%M%S");
    let data = |_| {
        json!({
            "wise": wise.name,
            "kind": certificate.kind,
            "name": certificate.name,
            "state": certificate.state,
            "note": certificate.decision_note,
            "link": format!("{}/manage/organisations/{}/certificates", config.base_url(), wise.kvk_number),
        })
    };
    let key = |email: &str| format!("certificate-decision:{id}:{decided}:{email}");
    outbox::enqueue_each(conn, templates, "certificate-decided", &staff, data, key, now)
}
