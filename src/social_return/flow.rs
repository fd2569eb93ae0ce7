//! Social return's mail, through the outbox in each recipient's language: the claim
//! to its WISE when it is made (`notify_claim`), and the scheduled step ([`run_due`]):
//! the contractor at the start of the term and each new quarter after, the officer when a
//! contract passes `warn_term_pct` of its term below `warn_obligation_pct` of its
//! obligation and when its term ends, a WISE once more when a claim waited
//! `claim_reminder_days`. Each mail's idempotency key (`sr:<contract>:<event>:…`,
//! `sr-claim:<entry>:<event>:…`) makes it go once however often the step runs.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde_json::{json, Value};

use super::model::{Contract, Entry};
use super::{progress, store};
use crate::config::Config;
use crate::db::schema::sr_entries;
use crate::db::DbConn;
use crate::i18n::Lang;
use crate::i18n::{euros, percent};
use crate::mail::outbox;
use crate::render::templates::Templates;

/// What a mail needs besides the database.
pub struct Env<'a> {
    pub config: &'a Config,
    pub templates: &'a Templates,
    pub now: NaiveDateTime,
}

/// Writes the mail of `event` to each (email, language) under `key:<email>`, with
/// `data` (euro amounts in cents under `*_cents`, shown in the reader's format); how many were new.
fn send(
    conn: &mut DbConn,
    env: &Env<'_>,
    event: &str,
    key: &str,
    recipients: &[(String, String)],
    data: &Value,
) -> anyhow::Result<usize> {
    let shown = |lang: Lang| {
        let mut shown = data.clone();
        let fields = shown.as_object_mut().expect("an object");
        let amounts: Vec<(String, i64)> =
            fields.iter().filter_map(|(k, v)| Some((k.strip_suffix("_cents")?.to_string(), v.as_i64()?))).collect();
        for (name, cents) in amounts {
            fields.insert(name, json!(euros(cents, lang)));
        }
        if let Some(p) = fields.get("realised_permille").and_then(Value::as_i64) {
            fields.insert("realised_pct".into(), json!(percent(Some(p), lang)));
        }
        fields.insert("subject_key".into(), json!(format!("mail-sr-{event}-subject")));
        fields.insert("intro_key".into(), json!(format!("mail-sr-{event}-intro")));
        shown
    };
    outbox::enqueue_each(
        conn,
        env.templates,
        "social-return",
        recipients,
        shown,
        |email| format!("{key}:{email}"),
        env.now,
    )
}

/// Every mail's data about `contract` (its progress where the mail reports it); a claim's
/// mail sets the WISE, the invoice and its amount.
fn about(env: &Env<'_>, contract: &Contract, contractor: &str, progress: Option<&progress::Progress>) -> Value {
    json!({
        "reference": contract.reference,
        "title": contract.title,
        "contractor": contractor,
        "wise": "",
        "invoice": "",
        "ends_on": contract.ends_on.format("%Y-%m-%d").to_string(),
        "obligation_cents": contract.obligation_cents,
        "realised_cents": progress.map_or(0, |p| p.realised_cents),
        "pending_cents": progress.map_or(0, |p| p.pending_cents),
        "amount_cents": 0,
        "realised_permille": progress.map_or(0, |p| p.realised_permille),
        "link": format!("{}/social-return/contracts/{}", env.config.base_url(), contract.id),
    })
}

fn officer(conn: &mut DbConn, contract: &Contract) -> QueryResult<Vec<(String, String)>> {
    Ok(crate::users::store::find(conn, contract.officer_id)?
        .filter(|u| !u.disabled)
        .map(|u| vec![(u.email, u.language)])
        .unwrap_or_default())
}

/// Tells the WISE of a new claim (call in the claim's transaction).
pub fn notify_claim(
    conn: &mut DbConn,
    env: &Env<'_>,
    contract: &Contract,
    contractor: &str,
    entry: &Entry,
    event: &str,
) -> anyhow::Result<usize> {
    let Some(wise) = entry.wise_id else {
        return Ok(0);
    };
    let contacts = crate::buyers::store::contacts(conn, wise)?;
    let name = crate::organisation::store::organisations_by_id(conn, &[wise])?
        .into_iter()
        .next()
        .map(|m| m.name)
        .unwrap_or_default();
    let mut data = about(env, contract, contractor, None);
    data["wise"] = json!(name);
    data["invoice"] = json!(entry.invoice_number.clone().unwrap_or_default());
    data["amount_cents"] = json!(entry.amount_cents.unwrap_or(0));
    data["link"] = json!(format!("{}/social-return/claims", env.config.base_url()));
    send(conn, env, event, &format!("sr-claim:{}:{event}", entry.id), &contacts, &data)
}

/// The quarter of the term `today` is in (0: the first), counted from the start.
fn quarter_of_term(starts_on: NaiveDate, today: NaiveDate) -> i32 {
    let months = (today.year() - starts_on.year()) * 12 + today.month() as i32
        - starts_on.month() as i32
        - i32::from(today.day() < starts_on.day());
    months.max(0) / 3
}

/// Every mail that is due at `now`; how many were written.
pub fn run_due(conn: &mut DbConn, config: &Config, templates: &Templates, now: NaiveDateTime) -> anyhow::Result<usize> {
    let env = Env { config, templates, now };
    let sr = &config.social_return;
    let today = now.date();
    let mut written = 0;
    // Contracts over for more than a quarter have had their last mail.
    for (contract, contractor) in store::ending_since(conn, today - Duration::days(92))? {
        if today < contract.starts_on {
            continue;
        }
        let entries: Vec<Entry> = store::entries_of(conn, contract.id)?.into_iter().map(|(e, _)| e).collect();
        let progress = progress::of(&contract, &entries, today, sr);
        let data = about(&env, &contract, &contractor, Some(&progress));
        let contacts = crate::buying::store::contacts(conn, contract.contractor_id)?;
        let key = |event: &str| format!("sr:{}:{event}", contract.id);
        // The quarterly mails follow the start mail: none in the quarter it went out in
        // (a contract recorded after its start gets the one mail, not two).
        let started = outbox::first_queued(conn, &format!("{}:", key("start")))?;
        written += send(conn, &env, "start", &key("start"), &contacts, &data)?;
        if today <= contract.ends_on {
            let quarter = quarter_of_term(contract.starts_on, today);
            let started_in = started.map_or(quarter, |at| quarter_of_term(contract.starts_on, at.date()));
            if quarter > started_in {
                written += send(conn, &env, "quarter", &key(&format!("quarter:{quarter}")), &contacts, &data)?;
            }
            if progress::is_behind(progress.term_permille, progress.realised_permille, sr) {
                let officer = officer(conn, &contract)?;
                written += send(conn, &env, "behind", &key("behind"), &officer, &data)?;
            }
        } else {
            let officer = officer(conn, &contract)?;
            written += send(conn, &env, "end", &key("end"), &officer, &data)?;
        }
    }
    // Claims that waited long enough for their WISE.
    let before = now - Duration::days(sr.claim_reminder_days);
    let waiting: Vec<Entry> = sr_entries::table
        .filter(sr_entries::state.eq("pending"))
        .filter(sr_entries::created_at.le(before))
        .select(Entry::as_select())
        .order(sr_entries::id)
        .load(conn)?;
    for entry in waiting {
        let Some(contract) = store::contract(conn, entry.contract_id)? else {
            continue;
        };
        let contractor = crate::buying::store::by_id(conn, contract.contractor_id)?.map(|b| b.name).unwrap_or_default();
        written += notify_claim(conn, &env, &contract, &contractor, &entry, "claim-reminder")?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_count_from_the_start_of_the_term() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert_eq!(quarter_of_term(d(1, 15), d(4, 14)), 0);
        assert_eq!(quarter_of_term(d(1, 15), d(4, 15)), 1);
        assert_eq!(quarter_of_term(d(1, 15), d(7, 15)), 2);
        assert_eq!(quarter_of_term(d(3, 1), d(1, 1)), 0);
    }
}
