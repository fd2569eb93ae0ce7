//! The partnership self-assessment: the themes of the three phases, each answered on a
//! four-point scale with a note, by both partners. Answers come in rounds: a partner's
//! answers replace its own in the current round until the other partner has answered
//! too; then the next answers open a new round. The page shows, per round, where the
//! partners agree and where they differ, and each phase's average over the rounds.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::{json, Value};

use super::model::Side;
use super::{audited, readable, viewer};
use crate::db::schema::{partnership_answers, partnership_assessments};
use crate::db::{write_tx, DbConn};
use crate::validation::{checked_text, FieldError};
use crate::vocab::{PARTNERSHIP_PHASES, PARTNERSHIP_THEMES};
use crate::web::auth::session::CsrfForm;
use crate::web::context::Ctx;
use crate::web::form::see_other;
use crate::web::page::NoticeQuery;
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/partnerships/{id}/assessment", page);
    routes::post(cfg, "/partnerships/{id}/assessment", answer);
}

/// The phase a theme belongs to: three themes per phase, in the vocabulary's order.
pub fn phase_of(theme: &str) -> &'static str {
    let i = PARTNERSHIP_THEMES.iter().position(|t| *t == theme).unwrap_or(0);
    PARTNERSHIP_PHASES[i / 3]
}

/// One partner's answer to one theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub theme: String,
    pub score: i32,
    pub note: String,
}

/// The answers of a form (`score_<theme>`, `note_<theme>`): every theme scored 1 to 4,
/// notes up to 1,000 characters; or every field's error.
pub fn check(fields: &[(String, String)]) -> Result<Vec<Answer>, Vec<FieldError>> {
    let value = |name: String| fields.iter().find(|(k, _)| *k == name).map_or("", |(_, v)| v.as_str());
    let mut errors = Vec::new();
    let mut answers = Vec::new();
    for theme in PARTNERSHIP_THEMES {
        let score_field = format!("score_{theme}");
        let score = match value(score_field.clone()).trim() {
            "" => Err("error-required"),
            s => s.parse::<i32>().ok().filter(|n| (1..=4).contains(n)).ok_or("error-unknown-code"),
        };
        let note_field = format!("note_{theme}");
        let note = checked_text(value(note_field.clone()), false, 1000);
        match (score, note) {
            (Ok(score), Ok(note)) => answers.push(Answer { theme: theme.to_string(), score, note }),
            (score, note) => {
                if let Err(key) = score {
                    errors.push(FieldError { field: score_field, key });
                }
                if let Err(key) = note {
                    errors.push(FieldError { field: note_field, key });
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(errors)
    }
}

/// One partner's answers in one round.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub round: i32,
    pub side: String,
    pub answered_at: NaiveDateTime,
    pub answers: Vec<Answer>,
}

/// Every round's answers of a partnership, oldest first.
pub fn of_partnership(conn: &mut DbConn, partnership: i32) -> QueryResult<Vec<Assessment>> {
    let heads: Vec<(i32, i32, String, NaiveDateTime)> = partnership_assessments::table
        .filter(partnership_assessments::partnership_id.eq(partnership))
        .order((partnership_assessments::round, partnership_assessments::side.desc()))
        .select((
            partnership_assessments::id,
            partnership_assessments::round,
            partnership_assessments::side,
            partnership_assessments::answered_at,
        ))
        .load(conn)?;
    let ids: Vec<i32> = heads.iter().map(|h| h.0).collect();
    let rows: Vec<(i32, String, i32, String)> = partnership_answers::table
        .filter(partnership_answers::assessment_id.eq_any(&ids))
        .select((
            partnership_answers::assessment_id,
            partnership_answers::theme,
            partnership_answers::score,
            partnership_answers::note,
        ))
        .load(conn)?;
    let mut by_id: HashMap<i32, Vec<Answer>> = HashMap::new();
    for (id, theme, score, note) in rows {
        by_id.entry(id).or_default().push(Answer { theme, score, note });
    }
    Ok(heads
        .into_iter()
        .map(|(id, round, side, answered_at)| {
            let mut answers = by_id.remove(&id).unwrap_or_default();
            answers.sort_by_key(|a| PARTNERSHIP_THEMES.iter().position(|t| *t == a.theme));
            Assessment { round, side, answered_at, answers }
        })
        .collect())
}

/// The round a partner's answers go to: the current one while the other partner has
/// not answered it, else a new one.
fn round_for(existing: &[Assessment]) -> i32 {
    let current = existing.iter().map(|a| a.round).max().unwrap_or(0);
    let answered = existing.iter().filter(|a| a.round == current).count();
    if current == 0 || answered == 2 {
        current + 1
    } else {
        current
    }
}

/// Stores `side`'s answers in the round [`round_for`] gives; the round. In a transaction.
pub fn save(
    conn: &mut DbConn,
    partnership: i32,
    side: Side,
    answers: &[Answer],
    by: i32,
    now: NaiveDateTime,
) -> QueryResult<i32> {
    let existing = of_partnership(conn, partnership)?;
    let round = match existing.iter().rev().find(|a| a.side == side.as_str()) {
        // Its own answers in a round the other partner has not answered yet: replaced.
        Some(own) if existing.iter().filter(|a| a.round == own.round).count() == 1 => own.round,
        _ => round_for(&existing),
    };
    let old = partnership_assessments::table
        .filter(partnership_assessments::partnership_id.eq(partnership))
        .filter(partnership_assessments::round.eq(round))
        .filter(partnership_assessments::side.eq(side.as_str()));
    diesel::delete(old).execute(conn)?;
    let id: i32 = diesel::insert_into(partnership_assessments::table)
        .values((
            partnership_assessments::partnership_id.eq(partnership),
            partnership_assessments::round.eq(round),
            partnership_assessments::side.eq(side.as_str()),
            partnership_assessments::answered_by.eq(by),
            partnership_assessments::answered_at.eq(now),
        ))
        .returning(partnership_assessments::id)
        .get_result(conn)?;
    for a in answers {
        diesel::insert_into(partnership_answers::table)
            .values((
                partnership_answers::assessment_id.eq(id),
                partnership_answers::theme.eq(&a.theme),
                partnership_answers::score.eq(a.score),
                partnership_answers::note.eq(&a.note),
            ))
            .execute(conn)?;
    }
    Ok(round)
}

/// How two scores of a theme compare: `agree` (the same), `close` (one apart),
/// `differ` (further), `waiting` (one partner has not answered).
fn agreement(wise: Option<i32>, company: Option<i32>) -> &'static str {
    match (wise, company) {
        (Some(a), Some(b)) if a == b => "agree",
        (Some(a), Some(b)) if (a - b).abs() == 1 => "close",
        (Some(_), Some(_)) => "differ",
        _ => "waiting",
    }
}

/// The rounds side by side, newest first, and each phase's average per round and partner.
pub fn comparison(assessments: &[Assessment]) -> Value {
    let rounds: Vec<i32> = {
        let mut r: Vec<i32> = assessments.iter().map(|a| a.round).collect();
        r.dedup();
        r.reverse();
        r
    };
    let of = |round: i32, side: &str| assessments.iter().find(|a| a.round == round && a.side == side);
    let answer =
        |a: Option<&Assessment>, theme: &str| a.and_then(|a| a.answers.iter().find(|x| x.theme == theme)).cloned();
    let average = |a: Option<&Assessment>, phase: &str| {
        let scores: Vec<i32> = a
            .map(|a| a.answers.iter().filter(|x| phase_of(&x.theme) == phase).map(|x| x.score).collect())
            .unwrap_or_default();
        match scores.len() {
            0 => "–".to_string(),
            n => format!("{:.1}", f64::from(scores.iter().sum::<i32>()) / n as f64),
        }
    };
    let shown: Vec<Value> = rounds
        .iter()
        .map(|&round| {
            let (wise, company) = (of(round, "wise"), of(round, "company"));
            let themes: Vec<Value> = PARTNERSHIP_THEMES
                .iter()
                .map(|theme| {
                    let (w, c) = (answer(wise, theme), answer(company, theme));
                    json!({
                        "theme": theme,
                        "phase": phase_of(theme),
                        "wise_score": w.as_ref().map(|a| a.score),
                        "wise_note": w.as_ref().map(|a| a.note.clone()),
                        "company_score": c.as_ref().map(|a| a.score),
                        "company_note": c.as_ref().map(|a| a.note.clone()),
                        "agreement": agreement(w.map(|a| a.score), c.map(|a| a.score)),
                    })
                })
                .collect();
            let phases: Vec<Value> = PARTNERSHIP_PHASES
                .iter()
                .map(|p| json!({ "phase": p, "wise": average(wise, p), "company": average(company, p) }))
                .collect();
            json!({
                "round": round,
                "wise_answered_at": wise.map(|a| a.answered_at.date().to_string()),
                "company_answered_at": company.map(|a| a.answered_at.date().to_string()),
                "themes": themes,
                "phases": phases,
            })
        })
        .collect();
    Value::Array(shown)
}

/// `/partnerships/{id}/assessment`: the rounds compared, and the viewer's form.
async fn page(ctx: Ctx, path: web::Path<i32>, query: web::Query<NoticeQuery>) -> Result<HttpResponse, AppError> {
    let notice = (query.notice.as_deref() == Some("assessed")).then_some("pa-notice-assessed");
    render(&ctx, path.into_inner(), StatusCode::OK, notice, &[], &[]).await
}

async fn render(
    ctx: &Ctx,
    id: i32,
    status: StatusCode,
    notice: Option<&str>,
    given: &[(String, String)],
    errors: &[FieldError],
) -> Result<HttpResponse, AppError> {
    let viewer = viewer(ctx).await?;
    let (listed, side) = readable(ctx, &viewer, id).await?;
    let assessments = ctx.state.db(move |c| Ok(of_partnership(c, id)?)).await?;
    // The form starts from the viewer's newest answers.
    let own = side.and_then(|s| assessments.iter().rev().find(|a| a.side == s.as_str()));
    let value = |name: String, fallback: String| {
        given.iter().find(|(k, _)| *k == name).map(|(_, v)| v.clone()).unwrap_or(fallback)
    };
    let form: Vec<Value> = PARTNERSHIP_THEMES
        .iter()
        .map(|theme| {
            let previous = own.and_then(|a| a.answers.iter().find(|x| x.theme == *theme));
            let score = value(format!("score_{theme}"), previous.map(|a| a.score.to_string()).unwrap_or_default());
            json!({
                "theme": theme,
                "phase": phase_of(theme),
                "scores": crate::vocab::PARTNERSHIP_SCORES
                    .iter()
                    .map(|n| json!({ "value": n, "checked": score == *n }))
                    .collect::<Vec<_>>(),
                "note": value(format!("note_{theme}"), previous.map(|a| a.note.clone()).unwrap_or_default()),
                "error": errors.iter().find(|e| e.field.ends_with(theme)).map(|e| e.key),
            })
        })
        .collect();
    let data = json!({
        "nav": "partnerships",
        "notice": notice,
        "partnership": super::view::row(&listed),
        "may_answer": side.is_some() && listed.partnership.state == "confirmed",
        "side": side,
        "rounds": comparison(&assessments),
        "form": form,
        "has_errors": !errors.is_empty(),
    });
    ctx.render_status(status, "partnerships/assessment", data)
}

/// A partner answers the self-assessment of a confirmed partnership.
async fn answer(
    ctx: Ctx,
    path: web::Path<i32>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let viewer = viewer(&ctx).await?;
    let (listed, side) = readable(&ctx, &viewer, id).await?;
    let side = side.ok_or(AppError::Forbidden)?;
    if listed.partnership.state != "confirmed" {
        return Err(AppError::Conflict(format!("the partnership is {}", listed.partnership.state)));
    }
    let answers = match check(&pairs) {
        Ok(answers) => answers,
        Err(errors) => return render(&ctx, id, StatusCode::UNPROCESSABLE_ENTITY, None, &pairs, &errors).await,
    };
    let (user, now, ip) = (viewer.user().clone(), ctx.state.now(), ctx.client_ip());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                let round = save(c, id, side, &answers, user.id, now)?;
                let detail = format!("round {round} as {}", side.as_str());
                audited(c, &user, &ip, "partnership_assessed", id, &detail, now)?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other(&format!("/partnerships/{id}/assessment?notice=assessed")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(scores: &[i32]) -> Vec<Answer> {
        PARTNERSHIP_THEMES
            .iter()
            .zip(scores)
            .map(|(t, s)| Answer { theme: t.to_string(), score: *s, note: String::new() })
            .collect()
    }

    #[test]
    fn every_theme_needs_a_score_from_one_to_four() {
        let mut fields: Vec<(String, String)> =
            PARTNERSHIP_THEMES.iter().map(|t| (format!("score_{t}"), "3".to_string())).collect();
        assert_eq!(check(&fields).unwrap().len(), PARTNERSHIP_THEMES.len());
        fields[0].1 = "5".into();
        fields.remove(1);
        let errors: Vec<(String, &str)> = check(&fields).unwrap_err().into_iter().map(|e| (e.field, e.key)).collect();
        assert_eq!(
            errors,
            [("score_shared_goals".into(), "error-unknown-code"), ("score_contributions".into(), "error-required")]
        );
    }

    #[test]
    fn rounds_show_where_the_partners_agree_and_differ() {
        let at = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let one = |side: &str, scores: &[i32]| Assessment {
            round: 1,
            side: side.into(),
            answered_at: at,
            answers: answers(scores),
        };
        let wise = one("wise", &[4, 3, 2, 1, 1, 1, 1, 1, 1]);
        assert_eq!(round_for(std::slice::from_ref(&wise)), 1, "the company has not answered round 1");
        let company = one("company", &[4, 2, 4, 1, 1, 1, 1, 1, 1]);
        let both = [wise, company];
        assert_eq!(round_for(&both), 2);
        let shown = comparison(&both);
        let themes = shown[0]["themes"].as_array().unwrap();
        let agreement: Vec<&str> = themes[..3].iter().map(|t| t["agreement"].as_str().unwrap()).collect();
        assert_eq!(agreement, ["agree", "close", "differ"]);
        assert_eq!(shown[0]["phases"][0]["wise"], "3.0");
        assert_eq!(shown[0]["phases"][0]["company"], "3.3");
    }
}
