//! The monthly nudge (the `completeness` schedule): the staff of every approved WISE
//! whose profile scores below `profiles.nudge_below_score` get a mail with what their
//! profile lacks (`organisation::completeness`) and where to add it. The idempotency key
//! (`profile-nudge:<organisation>:<YYYY-MM>:<email>`) makes it go once per WISE, month
//! and person however often the step runs; who unsubscribed gets none.

use chrono::NaiveDateTime;
use serde_json::json;

use super::{queue_once, Kind, OnceMail};
use crate::config::Config;
use crate::db::DbConn;
use crate::organisation::completeness;
use crate::render::templates::Templates;

/// Writes the nudges due at `now`; how many were written.
pub fn run_due(conn: &mut DbConn, config: &Config, templates: &Templates, now: NaiveDateTime) -> anyhow::Result<usize> {
    let base = config.base_url();
    let month = now.format("%Y-%m").to_string();
    let scores = completeness::of_organisations(conn, None, now.date())?;
    let mut below: Vec<(i32, completeness::Completeness)> =
        scores.into_iter().filter(|(_, c)| c.score < config.profiles.nudge_below_score).collect();
    below.sort_by_key(|(id, _)| *id);
    let mut written = 0;
    for (id, checklist) in below {
        let Some(organisation) = crate::organisation::store::organisations_by_id(conn, &[id])?.pop() else {
            continue;
        };
        for to in crate::users::store::wise_staff(conn, id)? {
            let key = format!("profile-nudge:{id}:{month}:{}", to.0);
            let mail = OnceMail { kind: Kind::Completeness, template: "profile-nudge", to: &to, key };
            let data = |lang| {
                let missing: Vec<String> =
                    checklist.missing.iter().map(|item| completeness::item_name(item, lang)).collect();
                json!({
                    "wise": organisation.name,
                    "score": checklist.score,
                    "missing": missing,
                    "link": format!("{base}/manage"),
                })
            };
            if queue_once(conn, config, templates, mail, data, now)? {
                written += 1;
            }
        }
    }
    Ok(written)
}
