//! `GET /admin/completeness`: the operator sees how complete every approved WISE's
//! profile is (`organisation::completeness`), the least complete first, with what each
//! lacks, and how many fall below the score under which the monthly nudge goes out.

use actix_web::HttpResponse;
use serde_json::json;

use crate::organisation::completeness;
use crate::web::auth::policy::Action;
use crate::web::context::Ctx;
use crate::web::AppError;

pub(super) async fn overview(ctx: Ctx) -> Result<HttpResponse, AppError> {
    ctx.require(Action::Operate, None).await?;
    let today = ctx.state.today();
    let (scores, organisations) = ctx
        .state
        .db(move |c| {
            let scores = completeness::of_organisations(c, None, today)?;
            let ids: Vec<i32> = scores.keys().copied().collect();
            Ok((scores, crate::organisation::store::organisations_by_id(c, &ids)?))
        })
        .await?;
    let (below, lang) = (ctx.state.config.profiles.nudge_below_score, ctx.lang());
    let mut rows: Vec<(i32, &crate::organisation::store::Managed)> =
        organisations.iter().map(|o| (scores.get(&o.id).map_or(0, |c| c.score), o)).collect();
    // The least complete first; by name within a score (the list comes by name).
    rows.sort_by_key(|(score, _)| *score);
    let list: Vec<serde_json::Value> = rows
        .iter()
        .map(|(score, o)| {
            json!({
                "name": o.name,
                "kvk_number": o.kvk_number,
                "slug": o.slug,
                "score": score,
                "below": *score < below,
                "missing": scores
                    .get(&o.id)
                    .map(|c| c.missing.iter().map(|item| completeness::item_name(item, lang)).collect::<Vec<_>>())
                    .unwrap_or_default(),
            })
        })
        .collect();
    let under = rows.iter().filter(|(score, _)| *score < below).count();
    let average =
        if rows.is_empty() { 0 } else { rows.iter().map(|(s, _)| i64::from(*s)).sum::<i64>() / rows.len() as i64 };
    ctx.render(
        "admin/completeness",
        json!({
            "nav": "admin-completeness",
            "organisations": list,
            "count": rows.len(),
            "below": below,
            "under": under,
            "average": average,
        }),
    )
}
