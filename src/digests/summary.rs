//! The monthly sector summary (SPEC §3) for `city` and `admin` users: submissions
//! received and missing for the period that is open, the headline numbers of the
//! latest period past its due date with their change, the same numbers for its year so
//! far (rolled up from its quarters), the partnerships confirmed in the past month, and
//! links to the reports.
//! Exact figures (the recipients may see them), marked not for publication.

use diesel::prelude::*;
use serde_json::{json, Value};

use super::{unsubscribe, Context, Kind};
use crate::db::schema::users;
use crate::db::DbConn;
use crate::figures::periods::{self, Status};
use crate::figures::review;
use crate::i18n::Lang;
use crate::mail::{self, outbox};
use crate::reports::disclosure::Thresholds;
use crate::reports::report;

/// The headline measures the summary shows.
const SHOWN: [&str; 4] = ["people_working", "target_group_people", "new_participants", "moved_to_paid"];

/// Writes the summaries due at the context's slot to the outbox; returns how many.
pub fn run(conn: &mut DbConn, context: &Context<'_>) -> anyhow::Result<usize> {
    let today = context.slot.date_naive();
    let config = context.config;
    let closes = config.figures.closes_after_days;
    let quarters: Vec<periods::Period> = periods::list(conn)?.into_iter().filter(|p| p.kind == "quarter").collect();
    let open = quarters.iter().rev().find(|p| matches!(p.status(today, closes), Status::Open)).cloned();
    let past_due = quarters.iter().rev().find(|p| p.due_on < today).cloned();
    if open.is_none() && past_due.is_none() {
        return Ok(0);
    }
    let overview = match open {
        Some(p) => Some(review::overview(conn, p, today, closes)?),
        None => None,
    };
    let thresholds = Thresholds::from(&config.disclosure);
    let headline = match &past_due {
        Some(p) => Some(report::build(conn, context.caches, p, true, &thresholds)?),
        None => None,
    };
    // The year of that quarter, as far as it has figures.
    let year = match &past_due {
        Some(p) => match periods::find_for_reports(conn, &p.period_key().year.to_string())? {
            Some(y) => Some(report::build(conn, context.caches, &y, true, &thresholds)?),
            None => None,
        },
        None => None,
    };
    let recipients: Vec<(String, String, String)> = users::table
        .filter(users::role.eq_any(["city", "admin"]))
        .filter(users::disabled.eq(false))
        .order(users::id)
        .select((users::email, users::name, users::language))
        .load(conn)?;
    let base = config.base_url();
    let month = today.format("%Y-%m").to_string();
    let partnerships = new_partnerships(conn, context, base)?;
    let mut sent = 0;
    for (email, name, language) in recipients {
        if unsubscribe::is_unsubscribed(conn, &email, Kind::SectorSummary)? {
            continue;
        }
        let key = format!("{}:{month}:{email}", Kind::SectorSummary.as_str());
        if outbox::has_key(conn, &key)? {
            continue;
        }
        let lang = Lang::parse(&language).unwrap_or(Lang::Nl);
        let data = json!({
            "name": name,
            "month": month,
            "open": overview.as_ref().map(|o| json!({
                "period": o.period.key,
                "reporting": o.reporting,
                "approved": o.approved,
                "missing": o.missing,
                "response_rate_pct": o.response_rate_pct,
            })),
            "report": headline.as_ref().map(|r| numbers(r, base, lang)),
            "year": year.as_ref().map(|r| {
                let mut year = numbers(r, base, lang);
                year["coverage"] = json!(report::coverage(r).unwrap_or_else(|| r.period.clone()));
                year
            }),
            "partnerships": partnerships,
            "status_link": overview.as_ref().map(|o| format!("{base}/figures/status?period={}", o.period.key)),
            "unsubscribe_url": unsubscribe::link(conn, base, &email, Kind::SectorSummary, context.now)?,
        });
        let mail = mail::render(context.templates, "sector-summary", lang, &email, data)?;
        if outbox::enqueue(conn, &mail, Some(&key), context.now)? {
            sent += 1;
        }
    }
    Ok(sent)
}

/// The partnerships the companies confirmed in the month before the slot (WISE and
/// company, at most ten named), and how many run; `None` when none is new.
fn new_partnerships(conn: &mut DbConn, context: &Context<'_>, base: &str) -> anyhow::Result<Option<Value>> {
    let until = context.slot.with_timezone(&chrono::Utc).naive_utc();
    let since = until.checked_sub_months(chrono::Months::new(1)).unwrap_or(until);
    let all = crate::partnerships::store::list(conn, crate::partnerships::store::Scope::All)?;
    let new: Vec<Value> = all
        .iter()
        .filter(|l| l.partnership.confirmed_at.is_some_and(|at| at >= since && at < until))
        .map(|l| json!({ "wise": l.wise_name, "company": l.company_name, "phase": l.partnership.phase }))
        .collect();
    if new.is_empty() {
        return Ok(None);
    }
    let running = all.iter().filter(|l| l.partnership.state == "confirmed").count();
    Ok(Some(json!({
        "count": new.len(),
        "running": running,
        "new": new.into_iter().take(10).collect::<Vec<_>>(),
        "link": format!("{base}/partnerships"),
    })))
}

/// A report's headline numbers for the mail, with the change against its previous
/// period and a link to it.
fn numbers(report: &report::Report, base: &str, lang: Lang) -> Value {
    let numbers: Vec<Value> = report
        .headlines
        .iter()
        .filter(|h| SHOWN.contains(&h.measure))
        .map(|h| {
            json!({
                "label_key": report::measure_key(h.measure),
                "value": h.value.map(|v| crate::i18n::format_count(v, lang)),
                "change": h.change_previous.map(|c| crate::i18n::format_change(c, lang)),
            })
        })
        .collect();
    json!({
        "period": report.period,
        "previous": report.previous_period,
        "numbers": numbers,
        "link": format!("{base}/reports/sector?period={}", report.period),
    })
}
