//! The audit log: append-only (the database refuses updates and deletes), UTC,
//! who, from where, what and on what. Never a password, token or session id.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::audit_log;
use crate::db::DbConn;

/// Who did it: a user, or someone not (yet) known, named by what they typed.
pub enum Actor<'a> {
    User { id: i32, email: &'a str },
    Anonymous { claimed: Option<&'a str> },
    System,
}

pub struct Entry<'a> {
    pub actor: Actor<'a>,
    pub ip: Option<&'a str>,
    pub action: &'a str,
    pub target: &'a str,
    pub detail: &'a str,
}

impl<'a> Entry<'a> {
    /// What a signed-in user (`id`, `email`) did from `ip`.
    pub fn by(id: i32, email: &'a str, ip: &'a str, action: &'a str, target: &'a str, detail: &'a str) -> Self {
        Entry { actor: Actor::User { id, email }, ip: Some(ip), action, target, detail }
    }

    /// Appends it to the log, at `at`.
    pub fn record(self, conn: &mut DbConn, at: NaiveDateTime) -> QueryResult<()> {
        record(conn, at, self)
    }
}

pub fn record(conn: &mut DbConn, at: NaiveDateTime, entry: Entry<'_>) -> QueryResult<()> {
    let (user_id, actor) = match entry.actor {
        Actor::User { id, email } => (Some(id), email.to_string()),
        // Only what looks like an address: a password typed into the wrong field stays out.
        Actor::Anonymous { claimed: Some(email) } if crate::validation::is_email(email) => {
            (None, format!("anonymous ({})", truncate(email)))
        }
        Actor::Anonymous { .. } => (None, "anonymous".to_string()),
        Actor::System => (None, "system".to_string()),
    };
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(at),
            audit_log::user_id.eq(user_id),
            audit_log::actor.eq(actor),
            audit_log::ip.eq(entry.ip),
            audit_log::action.eq(entry.action),
            audit_log::target.eq(truncate(entry.target)),
            audit_log::detail.eq(truncate(entry.detail)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Typed-in text is kept short in the log.
fn truncate(text: &str) -> String {
    text.chars().take(200).collect()
}

/// One row as the operator reads it.
#[derive(Debug, Clone, Queryable, serde::Serialize)]
pub struct LoggedEntry {
    pub at: NaiveDateTime,
    pub actor: String,
    pub ip: Option<String>,
    pub action: String,
    pub target: String,
    pub detail: String,
}

/// The newest entries first.
pub fn recent(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<LoggedEntry>> {
    audit_log::table
        .order(audit_log::id.desc())
        .limit(limit)
        .select((
            audit_log::at,
            audit_log::actor,
            audit_log::ip,
            audit_log::action,
            audit_log::target,
            audit_log::detail,
        ))
        .load(conn)
}
