//! The transactional outbox: mail is written to the `outbox` table in the same
//! transaction as the change that causes it, and a sender delivers it later,
//! retrying with exponential backoff.
//!
//! A row moves `pending` → `sent`, or `pending` → `failed` after `max_attempts`.
//! Before sending, a sender *claims* a batch of rows with one conditional update
//! (counting the attempt and moving `next_attempt_at` a lease ahead), so a second
//! sender instance never sends the same mail twice. The lease is short (a minute) and
//! renewed while the batch is being sent, so the mails of a sender that died go out
//! within about a minute after it: another sender (or the restarted one) claims them
//! once the lease has passed.
//!
//! The one window in which a mail can go out twice: the server accepted it and the
//! sender died before its transaction recording "sent" committed (a few milliseconds
//! after the server's answer). SMTP gives no way to close it; a mail is never sent twice
//! for any other reason.

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use anyhow::Context as _;
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use super::{Email, Mailer};
use crate::clock::Clock;
use crate::config::MailConfig;
use crate::db::schema::outbox;
use crate::db::{self, write_tx, DbConn, Pool};

/// How many due mails one round of the sender handles at most.
const BATCH: i64 = 100;
/// How long a claimed mail is left alone by other senders. The sender renews it for
/// the rest of its batch every [`RENEW_AFTER_SECONDS`], before a send; a send ends within
/// the SMTP timeout (30 s), so the lease never runs out while a mail of it is sent.
const CLAIM_LEASE_SECONDS: i64 = 60;
/// How often a sender renews the lease of the mails it still has to send.
const RENEW_AFTER_SECONDS: u64 = 20;
/// The longest wait between two attempts.
const MAX_RETRY_DELAY_SECONDS: u64 = 6 * 60 * 60;

pub const PENDING: &str = "pending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";

#[derive(Insertable)]
#[diesel(table_name = outbox)]
struct NewOutboxMail<'a> {
    idempotency_key: Option<&'a str>,
    recipient: &'a str,
    subject: &'a str,
    text_body: &'a str,
    html_body: &'a str,
    unsubscribe_url: Option<&'a str>,
    status: &'a str,
    attempts: i32,
    next_attempt_at: NaiveDateTime,
    created_at: NaiveDateTime,
}

/// A due mail, as the sender reads it.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = outbox)]
struct DueMail {
    id: i32,
    recipient: String,
    subject: String,
    text_body: String,
    html_body: String,
    unsubscribe_url: Option<String>,
    idempotency_key: Option<String>,
}

impl DueMail {
    fn email(self) -> Email {
        Email {
            to: self.recipient,
            subject: self.subject,
            text: self.text_body,
            html: self.html_body,
            unsubscribe_url: self.unsubscribe_url,
            message_key: self.idempotency_key,
        }
    }
}

/// What one round of the sender did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: usize,
    /// Attempts that failed and were scheduled again.
    pub retried: usize,
    /// Mails given up on (their last attempt failed).
    pub failed: usize,
}

impl DeliveryReport {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// A mail as the operator's outbox page lists it (no bodies).
#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = outbox)]
pub struct Listed {
    pub id: i32,
    pub recipient: String,
    pub subject: String,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub last_error: Option<String>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
}

/// The newest mails, optionally of one status, at most `limit`.
pub fn list(conn: &mut DbConn, status: Option<&str>, limit: i64) -> QueryResult<Vec<Listed>> {
    let mut query = outbox::table.order(outbox::id.desc()).limit(limit).select(Listed::as_select()).into_boxed();
    if let Some(status) = status {
        query = query.filter(outbox::status.eq(status.to_string()));
    }
    query.load(conn)
}

/// How many mails there are of each status.
pub fn counts(conn: &mut DbConn) -> QueryResult<Vec<(String, i64)>> {
    outbox::table.group_by(outbox::status).select((outbox::status, diesel::dsl::count_star())).load(conn)
}

/// Queues a failed mail again, due at once with a fresh count of attempts. Returns
/// whether it was failed (anything else is left alone).
pub fn retry(conn: &mut DbConn, id: i32, now: NaiveDateTime) -> QueryResult<bool> {
    let changed = diesel::update(outbox::table.filter(outbox::id.eq(id)).filter(outbox::status.eq(FAILED)))
        .set((outbox::status.eq(PENDING), outbox::attempts.eq(0), outbox::next_attempt_at.eq(now)))
        .execute(conn)?;
    Ok(changed == 1)
}

/// Whether a mail with this idempotency key is in the outbox (queued, sent or failed).
pub fn has_key(conn: &mut DbConn, idempotency_key: &str) -> QueryResult<bool> {
    let n: i64 = outbox::table.filter(outbox::idempotency_key.eq(idempotency_key)).count().get_result(conn)?;
    Ok(n > 0)
}

/// Queues a mail, due at once. Call it inside the transaction of the change that causes
/// the mail, so both are stored or neither. With an `idempotency_key` that is already
/// queued nothing is inserted and the result is `false`.
pub fn enqueue(
    conn: &mut DbConn,
    email: &Email,
    idempotency_key: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let row = NewOutboxMail {
        idempotency_key,
        recipient: &email.to,
        subject: &email.subject,
        text_body: &email.text,
        html_body: &email.html,
        unsubscribe_url: email.unsubscribe_url.as_deref(),
        status: PENDING,
        attempts: 0,
        next_attempt_at: now,
        created_at: now,
    };
    let inserted = write_tx(conn, |conn| {
        crate::per_backend!(conn, c => diesel::insert_into(outbox::table)
            .values(&row)
            .on_conflict_do_nothing()
            .execute(c))
    })?;
    Ok(inserted == 1)
}

/// When the first mail whose idempotency key starts with `prefix` was queued, if one was.
pub fn first_queued(conn: &mut DbConn, prefix: &str) -> QueryResult<Option<NaiveDateTime>> {
    outbox::table
        .filter(outbox::idempotency_key.like(format!("{prefix}%")))
        .select(diesel::dsl::min(outbox::created_at))
        .first(conn)
}

/// Renders the mail `name` for each distinct address of `recipients` (email, language)
/// with `data(language)` and queues it under `key(email)`; how many were new.
pub fn enqueue_each(
    conn: &mut DbConn,
    templates: &crate::render::templates::Templates,
    name: &str,
    recipients: &[(String, String)],
    data: impl Fn(crate::i18n::Lang) -> serde_json::Value,
    key: impl Fn(&str) -> String,
    now: NaiveDateTime,
) -> anyhow::Result<usize> {
    let mut written = 0;
    let mut seen: Vec<&str> = Vec::new();
    for (email, language) in recipients {
        if seen.contains(&email.as_str()) {
            continue;
        }
        seen.push(email);
        let lang = crate::i18n::Lang::parse(language).unwrap_or(crate::i18n::Lang::Nl);
        let mail = super::render(templates, name, lang, email, data(lang))?;
        if enqueue(conn, &mail, Some(&key(email)), now)? {
            written += 1;
        }
    }
    Ok(written)
}

/// The wait after the `attempts`-th failed attempt: `base`, then twice as long each
/// time, at most six hours.
pub fn retry_delay(retry_base_seconds: u64, attempts: i32) -> Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1)).unwrap_or(0).min(63);
    let seconds = retry_base_seconds.saturating_mul(1u64 << doublings).min(MAX_RETRY_DELAY_SECONDS);
    Duration::seconds(seconds as i64)
}

/// Sends the mails that are due at `now` (oldest due first, at most one batch): the
/// batch is claimed in one transaction so no other sender sends it too, then each
/// mail is sent over the transport's pooled connection and its outcome recorded at
/// once. A failed attempt is retried after [`retry_delay`]; after `max_attempts` the
/// mail is marked failed. The claim's lease is renewed for the mails still to send
/// every [`RENEW_AFTER_SECONDS`]; a mail whose lease another sender took over meanwhile
/// (this one stalled) is left to it.
pub fn deliver_due(
    conn: &mut DbConn,
    mailer: &Mailer,
    now: NaiveDateTime,
    retry_base_seconds: u64,
    max_attempts: i32,
) -> anyhow::Result<DeliveryReport> {
    let started = std::time::Instant::now();
    let mut renewed = std::time::Instant::now();
    let mut claimed: Claimed = claim_due(conn, now)?.into();
    let mut report = DeliveryReport::default();
    while !claimed.is_empty() {
        if renewed.elapsed().as_secs() >= RENEW_AFTER_SECONDS {
            let at = now + Duration::from_std(started.elapsed()).unwrap_or_default();
            claimed = renew(conn, claimed, at)?;
            renewed = std::time::Instant::now();
            continue;
        }
        let Some((attempt, mail)) = claimed.pop_front() else { break };
        let id = mail.id;
        let outcome = mailer.send(&mail.email());
        // Committed without waiting for the disk: the time between the server accepting
        // the mail and the outbox knowing is the one window in which a killed sender sends
        // a mail twice, and the disk was most of it. Only a power cut can undo this commit,
        // and then the mail goes out again (same Message-ID), never not at all.
        db::write_tx_without_flush(conn, |conn| {
            // Only the attempt this sender owns.
            let row = outbox::table.filter(outbox::id.eq(id)).filter(outbox::attempts.eq(attempt));
            match &outcome {
                // Once a mail is done with, its bodies go: they can hold single-use links
                // (password reset, invitation) and people's messages (enquiries).
                Ok(()) => diesel::update(row)
                    .set((
                        outbox::status.eq(SENT),
                        outbox::sent_at.eq(now),
                        outbox::last_error.eq(None::<String>),
                        outbox::text_body.eq(""),
                        outbox::html_body.eq(""),
                    ))
                    .execute(conn),
                // A failed mail keeps its bodies, so the operator can send it again.
                Err(error) if attempt >= max_attempts => {
                    diesel::update(row).set((outbox::status.eq(FAILED), outbox::last_error.eq(error))).execute(conn)
                }
                Err(error) => diesel::update(row)
                    .set((
                        outbox::next_attempt_at.eq(now + retry_delay(retry_base_seconds, attempt)),
                        outbox::last_error.eq(error),
                    ))
                    .execute(conn),
            }
        })
        .with_context(|| format!("cannot record the delivery of outbox mail {id}"))?;
        match outcome {
            Ok(()) => report.sent += 1,
            Err(error) if attempt >= max_attempts => {
                tracing::warn!(outbox_id = id, attempt, %error, "mail failed for good");
                report.failed += 1;
            }
            Err(error) => {
                tracing::info!(outbox_id = id, attempt, %error, "mail failed, will retry");
                report.retried += 1;
            }
        }
    }
    Ok(report)
}

/// The mails a sender still has to send, each with the attempt it owns.
type Claimed = VecDeque<(i32, DueMail)>;

/// Moves the lease of the mails still to send a lease ahead of `at`; keeps only those
/// this sender still owns (the same attempt, still pending).
fn renew(conn: &mut DbConn, claimed: Claimed, at: NaiveDateTime) -> anyhow::Result<Claimed> {
    write_tx(conn, |conn| -> QueryResult<_> {
        let mut kept = Claimed::with_capacity(claimed.len());
        for (attempt, mail) in claimed {
            let renewed = diesel::update(
                outbox::table
                    .filter(outbox::id.eq(mail.id))
                    .filter(outbox::attempts.eq(attempt))
                    .filter(outbox::status.eq(PENDING)),
            )
            .set(outbox::next_attempt_at.eq(at + Duration::seconds(CLAIM_LEASE_SECONDS)))
            .execute(conn)?;
            if renewed == 1 {
                kept.push_back((attempt, mail));
            }
        }
        Ok(kept)
    })
    .context("cannot renew the lease of the claimed outbox mails")
}

/// Takes the due mails (at most one batch) for this sender, in one transaction: counts
/// an attempt on each and moves it a lease ahead, skipping any that another sender
/// claimed meanwhile. The mails this sender now owns, each with its attempt number.
fn claim_due(conn: &mut DbConn, now: NaiveDateTime) -> anyhow::Result<Vec<(i32, DueMail)>> {
    write_tx(conn, |conn| -> QueryResult<_> {
        let due: Vec<DueMail> = outbox::table
            .filter(outbox::status.eq(PENDING))
            .filter(outbox::next_attempt_at.le(now))
            .order((outbox::next_attempt_at.asc(), outbox::id.asc()))
            .limit(BATCH)
            .select(DueMail::as_select())
            .load(conn)?;
        if due.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i32> = due.iter().map(|m| m.id).collect();
        // The condition is checked again under the row locks (PostgreSQL) or the write
        // lock (SQLite): what another sender took in between is left out.
        let claim = diesel::update(
            outbox::table
                .filter(outbox::id.eq_any(&ids))
                .filter(outbox::status.eq(PENDING))
                .filter(outbox::next_attempt_at.le(now)),
        )
        .set((
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::next_attempt_at.eq(now + Duration::seconds(CLAIM_LEASE_SECONDS)),
        ));
        let owned: HashMap<i32, i32> = crate::per_backend!(conn, c => claim
            .returning((outbox::id, outbox::attempts))
            .get_results::<(i32, i32)>(c))?
        .into_iter()
        .collect();
        Ok(due.into_iter().filter_map(|mail| owned.get(&mail.id).map(|attempt| (*attempt, mail))).collect())
    })
    .context("cannot claim the due outbox mails")
}

/// The sender for `serve`: every `poll_seconds` delivers what is due, on the blocking
/// thread pool. Errors are logged and the loop goes on; it never returns.
pub async fn run_sender(pool: Pool, mailer: Arc<Mailer>, clock: Arc<dyn Clock>, config: MailConfig) {
    let pause = std::time::Duration::from_secs(config.poll_seconds.max(1));
    loop {
        let (pool, mailer, clock) = (pool.clone(), mailer.clone(), clock.clone());
        let (base, max_attempts) = (config.retry_base_seconds, config.max_attempts);
        let result = actix_web::web::block(move || -> anyhow::Result<DeliveryReport> {
            let mut conn = pool.get().context("no database connection for the mail sender")?;
            deliver_due(&mut conn, &mailer, db::timestamp(clock.now()), base, max_attempts)
        })
        .await;
        match result {
            Ok(Ok(report)) if report.is_empty() => {}
            Ok(Ok(report)) => {
                tracing::info!(sent = report.sent, retried = report.retried, failed = report.failed, "outbox delivered")
            }
            Ok(Err(error)) => tracing::error!(error = format!("{error:#}"), "outbox delivery failed"),
            Err(error) => tracing::error!(%error, "outbox sender stopped unexpectedly; trying again"),
        }
        actix_web::rt::time::sleep(pause).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_delay_doubles_up_to_six_hours() {
        let delays: Vec<i64> = (1..=10).map(|n| retry_delay(60, n).num_seconds()).collect();
        assert_eq!(delays, [60, 120, 240, 480, 960, 1920, 3840, 7680, 15360, 21600]);
        assert_eq!(retry_delay(60, 0).num_seconds(), 60);
        assert_eq!(retry_delay(60, 500).num_seconds(), 6 * 3600);
        assert_eq!(retry_delay(u64::MAX, 3).num_seconds(), 6 * 3600);
        assert_eq!(retry_delay(0, 4).num_seconds(), 0);
    }

    #[test]
    fn an_empty_report_says_so() {
        assert!(DeliveryReport::default().is_empty());
        assert!(!DeliveryReport { sent: 1, ..Default::default() }.is_empty());
    }
}
