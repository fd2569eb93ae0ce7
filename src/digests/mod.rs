//! Scheduled email digests (SPEC §3). Each kind has a cron expression in
//! `[schedules]`, evaluated in the configured time zone (summer and winter time
//! handled by `chrono-tz`); an empty expression switches the kind off.
//!
//! A run is due for the latest scheduled moment (slot) at or before now that has no
//! run yet. Running it claims `(kind, slot)` in `digest_runs` in the same transaction
//! that writes its mails to the outbox, and every mail carries the idempotency key
//! `kind:window:recipient`, so two processes, or a run repeated after a crash, never
//! send a digest twice and never skip one.

pub mod admin;
pub mod certificates;
pub mod completeness;
pub mod needs;
pub mod partnerships;
pub mod reminders;
pub mod saved_searches;
pub mod summary;
pub mod unsubscribe;

use std::str::FromStr;

use anyhow::Context as _;
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use chrono_tz::Tz;
use diesel::prelude::*;

use crate::config::{Config, SchedulesConfig};
use crate::db::schema::digest_runs;
use crate::db::versioned::Caches;
use crate::db::{write_tx, DbConn};
use crate::render::templates::Templates;

/// The kinds of digest, as config keys, run records and unsubscribe links name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    SavedSearchDaily,
    SavedSearchWeekly,
    ReportingReminders,
    SectorSummary,
    Needs,
    SocialReturn,
    Partnerships,
    Completeness,
    Certificates,
}

impl Kind {
    pub const ALL: [Kind; 9] = [
        Kind::SavedSearchDaily,
        Kind::SavedSearchWeekly,
        Kind::ReportingReminders,
        Kind::SectorSummary,
        Kind::Needs,
        Kind::SocialReturn,
        Kind::Partnerships,
        Kind::Completeness,
        Kind::Certificates,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::SavedSearchDaily => "saved_search_daily",
            Kind::SavedSearchWeekly => "saved_search_weekly",
            Kind::ReportingReminders => "reporting_reminders",
            Kind::SectorSummary => "sector_summary",
            Kind::Needs => "needs",
            Kind::SocialReturn => "social_return",
            Kind::Partnerships => "partnerships",
            Kind::Completeness => "completeness",
            Kind::Certificates => "certificates",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The kind's cron expression (empty: switched off).
    fn expression(self, schedules: &SchedulesConfig) -> &str {
        match self {
            Kind::SavedSearchDaily => &schedules.saved_search_daily,
            Kind::SavedSearchWeekly => &schedules.saved_search_weekly,
            Kind::ReportingReminders => &schedules.reporting_reminders,
            Kind::SectorSummary => &schedules.sector_summary,
            Kind::Needs => &schedules.needs,
            Kind::SocialReturn => &schedules.social_return,
            Kind::Partnerships => &schedules.partnerships,
            Kind::Completeness => &schedules.completeness,
            Kind::Certificates => &schedules.certificates,
        }
    }
}

/// A kind's parsed schedule.
pub struct Schedule {
    pub kind: Kind,
    cron: cron::Schedule,
    zone: Tz,
}

/// The schedules of every kind that is switched on, or an error naming the bad setting.
pub fn schedules(config: &SchedulesConfig) -> anyhow::Result<Vec<Schedule>> {
    let zone: Tz = config
        .time_zone
        .parse()
        .map_err(|e| anyhow::anyhow!("schedules.time_zone {:?} is not a time zone: {e}", config.time_zone))?;
    let mut list = Vec::new();
    for kind in Kind::ALL {
        let expression = kind.expression(config).trim();
        if expression.is_empty() {
            continue;
        }
        let cron = cron::Schedule::from_str(expression)
            .with_context(|| format!("schedules.{} {expression:?} is not a cron expression", kind.as_str()))?;
        list.push(Schedule { kind, cron, zone });
    }
    Ok(list)
}

impl Schedule {
    /// The latest scheduled moment at or before `at` (looking back at most 35 days).
    pub fn latest_slot(&self, at: DateTime<Utc>) -> Option<DateTime<Tz>> {
        let from = (at - Duration::days(35)).with_timezone(&self.zone);
        self.cron.after(&from).take_while(|slot| slot.with_timezone(&Utc) <= at).last()
    }
}

/// What one digest run needs besides the database.
pub struct Context<'a> {
    pub config: &'a Config,
    pub templates: &'a Templates,
    /// The caches the search and the reports keep (`db::versioned`).
    pub caches: &'a Caches,
    /// The moment the run is for (the slot, in the schedule's time zone).
    pub slot: DateTime<Tz>,
    /// When it actually runs.
    pub now: NaiveDateTime,
}

/// One scheduled mail to one person: the kind it belongs to (whose unsubscribe link it
/// carries), its template, the recipient as (email, language), and its idempotency key.
pub(crate) struct OnceMail<'a> {
    pub kind: Kind,
    pub template: &'static str,
    pub to: &'a (String, String),
    pub key: String,
}

/// Queues `mail` with `data` in the recipient's language and its unsubscribe link,
/// unless its key is queued already or the recipient unsubscribed from its kind;
/// whether it was queued.
pub(crate) fn queue_once(
    conn: &mut DbConn,
    config: &Config,
    templates: &Templates,
    mail: OnceMail<'_>,
    data: impl FnOnce(crate::i18n::Lang) -> serde_json::Value,
    now: NaiveDateTime,
) -> anyhow::Result<bool> {
    let (email, language) = mail.to;
    if crate::mail::outbox::has_key(conn, &mail.key)? || unsubscribe::is_unsubscribed(conn, email, mail.kind)? {
        return Ok(false);
    }
    let lang = crate::i18n::Lang::parse(language).unwrap_or(crate::i18n::Lang::Nl);
    let mut data = data(lang);
    data["unsubscribe_url"] = unsubscribe::link(conn, config.base_url(), email, mail.kind, now)?.into();
    let rendered = crate::mail::render(templates, mail.template, lang, email, data)?;
    Ok(crate::mail::outbox::enqueue(conn, &rendered, Some(&mail.key), now)?)
}

/// What a call of [`run_due`] did, per kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ran {
    pub kind: Kind,
    pub slot: NaiveDateTime,
    /// Mails written to the outbox (`None`: another process ran this slot).
    pub mails: Option<usize>,
}

/// Runs every digest kind whose latest slot at or before `at` has not run yet.
pub fn run_due(
    conn: &mut DbConn,
    config: &Config,
    templates: &Templates,
    caches: &Caches,
    at: DateTime<Utc>,
) -> anyhow::Result<Vec<Ran>> {
    let mut ran = Vec::new();
    for schedule in schedules(&config.schedules)? {
        let Some(slot) = schedule.latest_slot(at) else {
            continue;
        };
        let slot_utc = slot.with_timezone(&Utc).naive_utc();
        let done: i64 = digest_runs::table
            .filter(digest_runs::kind.eq(schedule.kind.as_str()))
            .filter(digest_runs::slot.eq(slot_utc))
            .count()
            .get_result(conn)?;
        if done > 0 {
            continue;
        }
        let now = at.naive_utc();
        let context = Context { config, templates, caches, slot, now };
        let outcome = write_tx(conn, |c| {
            // The claim: a second process inserting the same (kind, slot) fails here
            // (or waits for the first and then fails), and its mails roll back with it.
            let claimed = crate::per_backend!(c, c => diesel::insert_into(digest_runs::table)
                .values((
                    digest_runs::kind.eq(schedule.kind.as_str()),
                    digest_runs::slot.eq(slot_utc),
                    digest_runs::mails.eq(0),
                    digest_runs::finished_at.eq(now),
                ))
                .on_conflict_do_nothing()
                .execute(c))?;
            if claimed == 0 {
                return Ok::<_, anyhow::Error>(None);
            }
            let mails = match schedule.kind {
                Kind::SavedSearchDaily => {
                    saved_searches::run(c, &context, "daily")? + needs::run(c, &context, "daily")?
                }
                Kind::SavedSearchWeekly => {
                    saved_searches::run(c, &context, "weekly")? + needs::run(c, &context, "weekly")?
                }
                Kind::ReportingReminders => reminders::run(c, &context)?,
                Kind::SectorSummary => summary::run(c, &context)?,
                Kind::Needs => {
                    let env = crate::needs::flow::Env { config, templates, now };
                    crate::needs::flow::run_due(c, &env)?
                }
                Kind::SocialReturn => crate::social_return::flow::run_due(c, config, templates, now)?,
                Kind::Partnerships => partnerships::run_due(c, config, templates, now)?,
                Kind::Completeness => completeness::run_due(c, config, templates, now)?,
                Kind::Certificates => certificates::run_due(c, config, templates, now)?,
            };
            diesel::update(digest_runs::table)
                .filter(digest_runs::kind.eq(schedule.kind.as_str()))
                .filter(digest_runs::slot.eq(slot_utc))
                .set(digest_runs::mails.eq(i32::try_from(mails).unwrap_or(i32::MAX)))
                .execute(c)?;
            Ok(Some(mails))
        })?;
        ran.push(Ran { kind: schedule.kind, slot: slot_utc, mails: outcome });
    }
    Ok(ran)
}

/// The last run of each kind: (kind, slot, mails, finished at).
pub fn last_runs(conn: &mut DbConn) -> QueryResult<Vec<(String, NaiveDateTime, i32, NaiveDateTime)>> {
    let mut out = Vec::new();
    for kind in Kind::ALL {
        let last: Option<(String, NaiveDateTime, i32, NaiveDateTime)> = digest_runs::table
            .filter(digest_runs::kind.eq(kind.as_str()))
            .order(digest_runs::slot.desc())
            .select((digest_runs::kind, digest_runs::slot, digest_runs::mails, digest_runs::finished_at))
            .first(conn)
            .optional()?;
        out.extend(last);
    }
    Ok(out)
}

/// The scheduler inside `serve`: every `poll_seconds`, runs what is due by the clock.
pub async fn run_scheduler(state: crate::web::AppState, poll_seconds: u64) {
    let mut interval = tokio::time::interval(std::time::Duration::from_secs(poll_seconds.max(1)));
    loop {
        interval.tick().await;
        let worker = state.clone();
        let outcome = actix_web::web::block(move || -> anyhow::Result<Vec<Ran>> {
            let mut conn = worker.pool.get()?;
            run_due(&mut conn, &worker.config, &worker.templates, &worker.caches, worker.clock.now())
        })
        .await;
        match outcome {
            Ok(Ok(ran)) => {
                for r in ran {
                    tracing::info!(kind = r.kind.as_str(), slot = %r.slot, mails = ?r.mails, "digest run");
                }
            }
            Ok(Err(e)) => tracing::error!("digest run failed: {e:#}"),
            Err(e) => tracing::error!("digest run failed: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// The reporting reminders on `expression`; the other kinds off.
    fn config(expression: &str) -> SchedulesConfig {
        let mut config = Config::defaults().schedules;
        config.reporting_reminders = expression.to_string();
        config.sector_summary = String::new();
        config.saved_search_daily = String::new();
        config.saved_search_weekly = String::new();
        config.needs = String::new();
        config.social_return = String::new();
        config.partnerships = String::new();
        config.completeness = String::new();
        config.certificates = String::new();
        config
    }

    #[test]
    fn slots_are_local_time_across_summer_time() {
        let list = schedules(&config("0 0 8 * * *")).unwrap();
        let schedule = &list[0];
        // 08:00 in Amsterdam is 07:00 UTC in winter, 06:00 UTC in summer.
        let winter = Utc.with_ymd_and_hms(2026, 1, 5, 7, 30, 0).unwrap();
        assert_eq!(
            schedule.latest_slot(winter).unwrap().with_timezone(&Utc),
            Utc.with_ymd_and_hms(2026, 1, 5, 7, 0, 0).unwrap()
        );
        // The night summer time starts (29 March 2026): the slot of that morning is 06:00 UTC.
        let after_switch = Utc.with_ymd_and_hms(2026, 3, 29, 6, 0, 0).unwrap();
        assert_eq!(schedule.latest_slot(after_switch).unwrap().with_timezone(&Utc), after_switch);
        let before = Utc.with_ymd_and_hms(2026, 3, 29, 5, 59, 59).unwrap();
        assert_eq!(
            schedule.latest_slot(before).unwrap().with_timezone(&Utc),
            Utc.with_ymd_and_hms(2026, 3, 28, 7, 0, 0).unwrap(),
            "the day before, still winter time"
        );
    }

    #[test]
    fn every_kind_is_in_the_vocabulary_that_labels_it() {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(names, crate::vocab::DIGEST_KINDS);
        assert!(Kind::ALL.iter().all(|k| Kind::parse(k.as_str()) == Some(*k)));
    }

    #[test]
    fn empty_switches_off_and_bad_expressions_are_named() {
        assert!(schedules(&config("")).unwrap().is_empty());
        let error = schedules(&config("every morning")).err().unwrap().to_string();
        assert!(error.contains("schedules.reporting_reminders"), "{error}");
        let mut bad_zone = config("0 0 8 * * *");
        bad_zone.time_zone = "Mars/Olympus".into();
        assert!(schedules(&bad_zone).err().unwrap().to_string().contains("schedules.time_zone"));
    }
}
