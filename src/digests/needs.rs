//! The needs digests of WISE users (`needs::digest`): with the saved-search digests of
//! the same frequency, each subscriber gets the needs published since their last digest
//! that fit one of their WISEs. Listing a need alerts the WISE to it, so it can open and
//! answer it; nothing new: no mail. The window moves on in the transaction that queues
//! the mail, so each need is mailed once.

use serde_json::json;

use super::{unsubscribe, Context, Kind};
use crate::db::DbConn;
use crate::i18n::Lang;
use crate::mail::{self, outbox};
use crate::needs::digest;
use crate::render::templates::format_datetime;

/// Writes the needs digests at `frequency` (`daily`, `weekly`) due at the context's slot
/// to the outbox; returns how many.
pub fn run(conn: &mut DbConn, context: &Context<'_>, frequency: &str) -> anyhow::Result<usize> {
    let kind = if frequency == "daily" { Kind::SavedSearchDaily } else { Kind::SavedSearchWeekly };
    let until = context.slot.with_timezone(&chrono::Utc).naive_utc();
    let base = context.config.base_url();
    let default_language = Lang::parse(&context.config.i18n.default_language).unwrap_or(Lang::Nl);
    let mut sent = 0;
    // Buying organisations' names, read once per run however many digests list their needs.
    let mut buyers: std::collections::HashMap<i32, String> = std::collections::HashMap::new();
    for (user, email, name, language, since) in digest::subscribers(conn, frequency)? {
        if since >= until || unsubscribe::is_unsubscribed(conn, &email, kind)? {
            continue;
        }
        let key = format!("needs-digest:{}:{user}:{}", kind.as_str(), until.format("%Y-%m-%dT%H:%M"));
        if outbox::has_key(conn, &key)? {
            continue;
        }
        let organisations = crate::users::store::organisations_of(conn, user)?;
        let found = digest::new_for(conn, &organisations, since, until)?;
        digest::covered(conn, user, until)?;
        let mut needs = Vec::new();
        let mut listed: Vec<i32> = Vec::new();
        for (need, organisation) in &found {
            digest::alert(conn, need.id, *organisation, context.now)?;
            if listed.contains(&need.id) {
                continue;
            }
            listed.push(need.id);
            let buyer = match buyers.get(&need.buying_organisation_id) {
                Some(name) => name.clone(),
                None => {
                    let name = crate::buying::store::by_id(conn, need.buying_organisation_id)?
                        .map(|b| b.name)
                        .unwrap_or_default();
                    buyers.insert(need.buying_organisation_id, name.clone());
                    name
                }
            };
            needs.push(json!({
                "title": need.title,
                "buyer": buyer,
                "kind": need.kind,
                "deadline": need.deadline.format("%Y-%m-%d").to_string(),
                "url": format!("{base}/needs/{}", need.id),
            }));
        }
        if needs.is_empty() {
            continue;
        }
        let lang = Lang::parse(&language).unwrap_or(default_language);
        let data = json!({
            "name": name,
            "since": format_datetime(since, lang),
            "count": needs.len(),
            "needs": needs,
            "list_url": format!("{base}/needs"),
            "unsubscribe_url": unsubscribe::link(conn, base, &email, kind, context.now)?,
        });
        let mail = mail::render(context.templates, "needs-digest", lang, &email, data)?;
        if outbox::enqueue(conn, &mail, Some(&key), context.now)? {
            sent += 1;
        }
    }
    Ok(sent)
}
