//! Every mail about a need: one template (`templates/email/need`) whose subject and
//! first paragraph depend on the event, written to the outbox with the idempotency key
//! `need:<id>:<event>:<recipient>[:<extra>]`, so each is sent once however often the
//! step that writes it runs.

use serde_json::json;

use super::flow::Env;
use super::model::Need;
use crate::db::DbConn;
use crate::mail::outbox;

/// What a mail about a need says, besides its event.
#[derive(Default)]
pub struct Details<'a> {
    pub wise: Option<&'a str>,
    pub comment: Option<&'a str>,
    pub count: Option<i64>,
    /// Makes the key unique when one event happens more than once (the nth interested WISE).
    pub extra: Option<String>,
}

/// Writes the mail of `event` about `need` to each (email, language); how many were new.
pub fn send(
    conn: &mut DbConn,
    env: &Env<'_>,
    need: &Need,
    buyer_name: &str,
    event: &str,
    recipients: &[(String, String)],
    details: Details<'_>,
) -> anyhow::Result<usize> {
    let Env { config, templates, now } = *env;
    let base = config.base_url();
    let data = json!({
        "subject_key": format!("mail-need-{event}-subject"),
        "intro_key": format!("mail-need-{event}-intro"),
        "title": need.title,
        "buyer": buyer_name,
        "wise": details.wise.unwrap_or(""),
        "comment": details.comment,
        "count": details.count.unwrap_or(0),
        "deadline": need.deadline.format("%Y-%m-%d").to_string(),
        "link": format!("{base}/needs/{}", need.id),
    });
    let key = |email: &str| {
        let mut key = format!("need:{}:{event}:{email}", need.id);
        if let Some(extra) = &details.extra {
            key.push(':');
            key.push_str(extra);
        }
        key
    };
    outbox::enqueue_each(conn, templates, "need", recipients, |_| data.clone(), key, now)
}

/// The operators, as (email, language).
pub use crate::users::store::operators;

/// Whoever works for the WISE, as (email, language).
pub fn wise_contacts(conn: &mut DbConn, organisation: i32) -> diesel::QueryResult<Vec<(String, String)>> {
    crate::buyers::store::contacts(conn, organisation)
}

/// The approved buyers of the need's organisation, as (email, language).
pub fn buyer_contacts(conn: &mut DbConn, need: &Need) -> diesel::QueryResult<Vec<(String, String)>> {
    crate::buying::store::contacts(conn, need.buying_organisation_id)
}
