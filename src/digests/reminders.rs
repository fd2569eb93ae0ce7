//! Reporting reminders (SPEC §3) to the contacts of every approved WISE: when a
//! period opens; 7 days before it is due if nothing is submitted; the day after it
//! is due if still missing. Each names the period, links to the pre-filled form and
//! shows last period's figures. Each (reminder, period, WISE, recipient) is mailed once.

use std::collections::HashSet;

use chrono::Duration;
use diesel::prelude::*;
use serde_json::{json, Value};

use super::{unsubscribe, Context, Kind};
use crate::db::schema::{organisations, submissions};
use crate::db::DbConn;
use crate::figures::form::figures_table;
use crate::figures::periods::{self, Period};
use crate::figures::submissions as store;
use crate::i18n::Lang;
use crate::mail::{self, outbox};
use crate::organisation::model::Organisation;
use crate::registry;
use crate::render::templates::format_date;

/// Days before the due date the second reminder goes out.
pub const DAYS_BEFORE_DUE: i64 = 7;

/// Which reminder a period calls for on `today`, if any.
pub fn reminder_for(period: &Period, today: chrono::NaiveDate, closes_after_days: i64) -> Option<&'static str> {
    if today < period.opens_on || today > period.due_on + Duration::days(closes_after_days) {
        None
    } else if today > period.due_on {
        Some("overdue")
    } else if today >= period.due_on - Duration::days(DAYS_BEFORE_DUE) {
        Some("due-soon")
    } else {
        Some("opened")
    }
}

/// Writes the reminders due at the context's slot to the outbox; returns how many.
pub fn run(conn: &mut DbConn, context: &Context<'_>) -> anyhow::Result<usize> {
    let today = context.slot.date_naive();
    let config = context.config;
    let due: Vec<(Period, &'static str)> = periods::list(conn)?
        .into_iter()
        .filter_map(|p| reminder_for(&p, today, config.figures.closes_after_days).map(|r| (p, r)))
        .collect();
    if due.is_empty() {
        return Ok(0);
    }
    let wises: Vec<Organisation> = organisations::table
        .filter(crate::organisation::public())
        .order(organisations::id)
        .select(Organisation::as_select())
        .load(conn)?;
    let period_ids: Vec<i32> = due.iter().map(|(p, _)| p.id).collect();
    // Submitted (or since reviewed): a draft does not count.
    let submitted: HashSet<(i32, i32)> = submissions::table
        .filter(submissions::period_id.eq_any(&period_ids))
        .filter(submissions::status.ne("draft"))
        .select((submissions::organisation_id, submissions::period_id))
        .load::<(i32, i32)>(conn)?
        .into_iter()
        .collect();
    let base = config.base_url();
    let default_language = Lang::parse(&config.i18n.default_language).unwrap_or(Lang::Nl);
    let mut sent = 0;
    for (period, reminder) in &due {
        for wise in &wises {
            if submitted.contains(&(wise.id, period.id)) {
                continue;
            }
            // Read once per WISE and period, and only when a mail is written.
            let mut previous: Option<Value> = None;
            let link = format!("{base}/manage/organisations/{}/figures/{}", wise.kvk_number, period.key);
            for recipient in registry::store::recipients(conn, wise, default_language.code())? {
                if unsubscribe::is_unsubscribed(conn, &recipient.email, Kind::ReportingReminders)? {
                    continue;
                }
                let key = format!(
                    "{}:{reminder}:{}:{}:{}",
                    Kind::ReportingReminders.as_str(),
                    period.key,
                    wise.kvk_number,
                    recipient.email
                );
                if outbox::has_key(conn, &key)? {
                    continue; // sent in an earlier run
                }
                let lang = Lang::parse(&recipient.language).unwrap_or(default_language);
                let unsubscribe_url =
                    unsubscribe::link(conn, base, &recipient.email, Kind::ReportingReminders, context.now)?;
                let previous_json = match &previous {
                    Some(json) => json.clone(),
                    None => {
                        let json = match store::previous_figures(conn, wise.id, period)? {
                            Some((key, figures)) => {
                                // The figures given: an optional one left empty is no line.
                                let rows: Vec<_> =
                                    figures_table(&figures).into_iter().filter(|r| r["value"] != "").collect();
                                json!({ "period": key, "rows": rows })
                            }
                            None => Value::Null,
                        };
                        previous.insert(json).clone()
                    }
                };
                let data = json!({
                    "name": recipient.name,
                    "organisation": wise.name,
                    "period": period.key,
                    "reminder": reminder,
                    "due": format_date(period.due_on, lang),
                    "link": link,
                    "previous": previous_json,
                    "unsubscribe_url": unsubscribe_url,
                });
                let email = mail::render(context.templates, "reporting-reminder", lang, &recipient.email, data)?;
                if outbox::enqueue(conn, &email, Some(&key), context.now)? {
                    sent += 1;
                }
            }
        }
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, NaiveDateTime};

    #[test]
    fn each_reminder_has_its_days() {
        let (opens_on, due_on) = periods::new_dates(periods::PeriodKey::parse("2026-Q3").unwrap(), 30);
        let p = Period {
            id: 1,
            key: "2026-Q3".into(),
            kind: "quarter".into(),
            starts_on: NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
            ends_on: NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
            opens_on,
            due_on,
            created_at: NaiveDateTime::default(),
        };
        let day = |m: u32, d: u32| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert_eq!(reminder_for(&p, day(9, 30), 90), None);
        assert_eq!(reminder_for(&p, day(10, 1), 90), Some("opened"));
        assert_eq!(reminder_for(&p, day(10, 23), 90), Some("opened"));
        assert_eq!(reminder_for(&p, day(10, 24), 90), Some("due-soon"), "7 days before 31 October");
        assert_eq!(reminder_for(&p, day(10, 31), 90), Some("due-soon"));
        assert_eq!(reminder_for(&p, day(11, 1), 90), Some("overdue"));
        assert_eq!(reminder_for(&p, NaiveDate::from_ymd_opt(2027, 1, 30).unwrap(), 90), None, "closed");
    }
}
