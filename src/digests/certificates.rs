//! Certificates running out (the `certificates` schedule, daily): the staff of a WISE
//! hear `certificates.expiry_notice_days` before one of its claimed or verified
//! certificates expires (only the nearest notice not yet passed, so a step that did not
//! run for a while sends one reminder, not several), and on the first run after its
//! date, when it is marked `expired`. The idempotency keys
//! (`certificate-expiry:<id>:<valid until>:<days>:<email>`, `certificate-expired:…`)
//! send each once however often the step runs; who unsubscribed gets none.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::json;

use super::{queue_once, Kind, OnceMail};
use crate::config::Config;
use crate::db::schema::certificates;
use crate::db::DbConn;
use crate::organisation::certificates::{Certificate, State};
use crate::render::templates::Templates;

/// Writes the reminders due at `now` and marks passed certificates expired; how many
/// mails were written.
pub fn run_due(conn: &mut DbConn, config: &Config, templates: &Templates, now: NaiveDateTime) -> anyhow::Result<usize> {
    let today = now.date();
    let mut notices = config.certificates.expiry_notice_days.clone();
    notices.sort_unstable();
    let dated: Vec<Certificate> = certificates::table
        .filter(certificates::state.eq_any([State::Claimed.as_str(), State::Verified.as_str()]))
        .filter(certificates::valid_until.is_not_null())
        .order(certificates::id)
        .select(Certificate::as_select())
        .load(conn)?;
    let mut written = 0;
    for certificate in dated {
        let Some(until) = certificate.valid_until else { continue };
        let left = (until - today).num_days();
        let notice = if left < 0 {
            diesel::update(certificates::table.find(certificate.id))
                .set(certificates::state.eq(State::Expired.as_str()))
                .execute(conn)?;
            None
        } else {
            match notices.iter().find(|days| left <= **days) {
                Some(days) => Some(*days),
                None => continue,
            }
        };
        written += tell(conn, config, templates, &certificate, notice, now)?;
    }
    Ok(written)
}

/// One reminder (`Some(days)` before) or the expiry (`None`) to the WISE's staff.
fn tell(
    conn: &mut DbConn,
    config: &Config,
    templates: &Templates,
    certificate: &Certificate,
    notice: Option<i64>,
    now: NaiveDateTime,
) -> anyhow::Result<usize> {
    let Some(wise) = crate::organisation::store::organisations_by_id(conn, &[certificate.organisation_id])?.pop()
    else {
        return Ok(0);
    };
    let (id, until) = (certificate.id, certificate.valid_until.map(|d| d.to_string()).unwrap_or_default());
    let base = config.base_url();
    let mut written = 0;
    for to in crate::users::store::wise_staff(conn, wise.id)? {
        let key = match notice {
            Some(days) => format!("certificate-expiry:{id}:{until}:{days}:{}", to.0),
            None => format!("certificate-expired:{id}:{until}:{}", to.0),
        };
        let mail = OnceMail { kind: Kind::Certificates, template: "certificate-expiry", to: &to, key };
        let data = |_| {
            json!({
                "wise": wise.name,
                "kind": certificate.kind,
                "name": certificate.name,
                "valid_until": certificate.valid_until,
                "days": notice,
                "expired": notice.is_none(),
                "link": format!("{base}/manage/organisations/{}", wise.kvk_number),
            })
        };
        if queue_once(conn, config, templates, mail, data, now)? {
            written += 1;
        }
    }
    Ok(written)
}
