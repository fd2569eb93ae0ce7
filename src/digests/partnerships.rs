//! The partners' yearly reminder (the `partnerships` schedule): once a year after the
//! company confirmed a partnership, the WISE's staff and the company's contacts are
//! asked to review its phase and answer the self-assessment. The mail's idempotency key
//! (`partnership-review:<id>:<year>:<email>`) makes it go once per partnership, year and
//! person however often the step runs; a partner who unsubscribed from these mails gets
//! none. Ended partnerships get no reminder.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde_json::json;

use super::{queue_once, Kind, OnceMail};
use crate::config::Config;
use crate::db::DbConn;
use crate::partnerships::{assessment, store};
use crate::render::templates::Templates;

/// Whole years from `since` to `today` (a partnership confirmed on 29 February has its
/// anniversary on 1 March).
pub fn years_between(since: NaiveDate, today: NaiveDate) -> i32 {
    let mut years = today.year() - since.year();
    if (today.month(), today.day()) < (since.month(), since.day()) {
        years -= 1;
    }
    years.max(0)
}

/// Writes the reminders due at `now`; how many were written.
pub fn run_due(conn: &mut DbConn, config: &Config, templates: &Templates, now: NaiveDateTime) -> anyhow::Result<usize> {
    let today = now.date();
    let base = config.base_url();
    let mut written = 0;
    for listed in store::list(conn, store::Scope::All)? {
        let p = &listed.partnership;
        let Some(confirmed) = p.confirmed_at.filter(|_| p.state == "confirmed") else {
            continue;
        };
        let year = years_between(confirmed.date(), today);
        if year < 1 {
            continue;
        }
        let mut recipients = crate::users::store::wise_staff(conn, p.wise_id)?;
        recipients.extend(crate::buying::store::contacts(conn, p.company_id)?);
        recipients.dedup_by(|a, b| a.0 == b.0);
        let reviewed = store::phases(conn, p.id)?.last().map(|c| c.changed_on.to_string()).unwrap_or_default();
        let answered = assessment::of_partnership(conn, p.id)?.last().map(|a| a.answered_at.date().to_string());
        for to in &recipients {
            let key = format!("partnership-review:{}:{year}:{}", p.id, to.0);
            let mail = OnceMail { kind: Kind::Partnerships, template: "partnership-review", to, key };
            let data = |_| {
                json!({
                    "wise": listed.wise_name,
                    "company": listed.company_name,
                    "years": year,
                    "phase": p.phase,
                    "reviewed_on": reviewed,
                    "answered_on": answered,
                    "link": format!("{base}/partnerships/{}", p.id),
                    "assessment_link": format!("{base}/partnerships/{}/assessment", p.id),
                })
            };
            if queue_once(conn, config, templates, mail, data, now)? {
                written += 1;
            }
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_has_passed_on_the_anniversary() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(years_between(d(2025, 3, 10), d(2026, 3, 9)), 0);
        assert_eq!(years_between(d(2025, 3, 10), d(2026, 3, 10)), 1);
        assert_eq!(years_between(d(2024, 2, 29), d(2025, 2, 28)), 0);
        assert_eq!(years_between(d(2024, 2, 29), d(2025, 3, 1)), 1);
        assert_eq!(years_between(d(2023, 6, 1), d(2026, 12, 1)), 3);
    }
}
