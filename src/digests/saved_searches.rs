//! Saved-search digests (SPEC §3): for every saved search of the run's frequency, the
//! WISEs and offerings the search finds that are new or changed since its last digest
//! (the catalogue's own query, `catalogue::search::changes`). Nothing new: no mail.
//!
//! Each search keeps the end of the window its last digest covered; a run covers
//! what changed after it up to the run's slot and moves it on, in the transaction that
//! queues the mail, so every change is mailed once and none is skipped.
//!
//! Buyers often save the same search (one sector, say) and their windows mostly start
//! together: a run finds the changes of each distinct search and window once.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::json;

use super::{unsubscribe, Context, Kind};
use crate::buyers::saved::{criteria, SavedSearch};
use crate::catalogue::search;
use crate::db::schema::{saved_searches, users};
use crate::db::DbConn;
use crate::i18n::Lang;
use crate::mail::{self, outbox};
use crate::render::templates::format_datetime;

/// WISEs listed in one mail at most; the mail links to the search for the rest.
pub const MAX_LISTED: usize = 50;

/// Writes the digests of the saved searches mailed at `frequency` (`daily`, `weekly`)
/// that are due at the context's slot to the outbox; returns how many.
pub fn run(conn: &mut DbConn, context: &Context<'_>, frequency: &str) -> anyhow::Result<usize> {
    let kind = if frequency == "daily" { Kind::SavedSearchDaily } else { Kind::SavedSearchWeekly };
    let until = context.slot.with_timezone(&chrono::Utc).naive_utc();
    let today = context.slot.date_naive();
    let rows: Vec<(SavedSearch, (String, String, String))> = saved_searches::table
        .inner_join(users::table)
        .filter(saved_searches::frequency.eq(frequency))
        .filter(users::disabled.eq(false))
        .filter(users::role.eq_any(["buyer", "admin"]))
        .order(saved_searches::id)
        .select((SavedSearch::as_select(), (users::email, users::name, users::language)))
        .load(conn)?;
    let base = context.config.base_url();
    let default_language = Lang::parse(&context.config.i18n.default_language).unwrap_or(Lang::Nl);
    let mut sent = 0;
    // The changes of each distinct search and window, found once in this run.
    let mut found: HashMap<(search::Search, NaiveDateTime), Arc<Vec<search::Change>>> = HashMap::new();
    for (saved, (email, name, language)) in rows {
        let since: NaiveDateTime = saved.last_digest_at.unwrap_or(saved.created_at);
        if since >= until || unsubscribe::is_unsubscribed(conn, &email, kind)? {
            continue;
        }
        let key = format!("{}:{}:{}:{email}", kind.as_str(), saved.id, until.format("%Y-%m-%dT%H:%M"));
        if outbox::has_key(conn, &key)? {
            continue;
        }
        let params = saved.params();
        let search = match params.check(1) {
            Ok(search) => search,
            Err(errors) => {
                // Only possible when a vocabulary lost a code the search uses.
                tracing::warn!(saved_search = saved.id, ?errors, "saved search no longer valid; skipped");
                continue;
            }
        };
        let changes = match found.get(&(search.clone(), since)) {
            Some(changes) => Arc::clone(changes),
            None => {
                let changes = Arc::new(search::changes(conn, context.caches, &search, since, until, today)?);
                found.insert((search, since), Arc::clone(&changes));
                changes
            }
        };
        diesel::update(saved_searches::table.find(saved.id))
            .set(saved_searches::last_digest_at.eq(until))
            .execute(conn)?;
        if changes.is_empty() {
            continue;
        }
        let lang = Lang::parse(&language).unwrap_or(default_language);
        let more = changes.len().saturating_sub(MAX_LISTED);
        let data = json!({
            "name": name,
            "search": saved.name,
            "since": format_datetime(since, lang),
            "count": changes.len(),
            "changes": changes.iter().take(MAX_LISTED).map(|c| json!({
                "name": c.name,
                "municipality": c.municipality,
                "new": c.new,
                "profile_changed": c.profile_changed,
                "url": format!("{base}/organisations/{}", c.slug),
                "offerings": c.offerings,
            })).collect::<Vec<_>>(),
            "more": more,
            "criteria": criteria(&params),
            "search_url": format!("{base}{}", saved.url()),
            "manage_url": format!("{base}/saved-searches"),
            "unsubscribe_url": unsubscribe::link(conn, base, &email, kind, context.now)?,
        });
        let mail = mail::render(context.templates, "saved-search", lang, &email, data)?;
        if outbox::enqueue(conn, &mail, Some(&key), context.now)? {
            sent += 1;
        }
    }
    Ok(sent)
}
