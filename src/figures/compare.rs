//! What the operator's review shows beside each figure: the value the same WISE had in
//! the period before (its accepted submission of that period), the difference, and the
//! plausibility warnings the WISE saw when submitting ([`Figures::warnings`], the one
//! function the form uses).

use diesel::QueryResult;
use serde_json::{json, Value};

use super::form::field_label;
use super::periods::{self, Period};
use super::submissions;
use super::values::{Figures, FLOWS, OPTIONAL, STOCKS};
use crate::db::DbConn;
use crate::i18n::{format_count, Lang};
use crate::vocab;

/// The figures of the WISE's submission for the period before `period` as they were
/// last accepted (a later correction awaiting review does not count; a return after the
/// acceptance takes it back). The previous period's key comes with it, figures or not.
pub fn accepted_before(
    conn: &mut DbConn,
    organisation_id: i32,
    period: &Period,
) -> QueryResult<(String, Option<Figures>)> {
    let key = period.period_key().previous().to_string();
    let Some(previous) = periods::find(conn, &key)? else {
        return Ok((key, None));
    };
    let Some(submission) = submissions::find(conn, organisation_id, previous.id)? else {
        return Ok((key, None));
    };
    let verdict = submissions::events(conn, submission.id)?
        .into_iter()
        .rev()
        .find(|e| e.event == "accepted" || e.event == "returned")
        .filter(|e| e.event == "accepted");
    let Some(accepted) = verdict else {
        return Ok((key, None));
    };
    let figures = submissions::history(conn, submission.id)?
        .into_iter()
        .find(|r| r.number == accepted.revision_number)
        .map(|r| r.figures);
    Ok((key, figures))
}

/// Hundredths as a decimal in the reader's language, decimals kept as far as they
/// matter: `12,5`, `3`, `−0,25` (Dutch) or `12.5`, `3`, `−0.25` (English).
pub fn decimal(hundredths: i64, lang: Lang) -> String {
    let point = match lang {
        Lang::Nl => ',',
        Lang::En => '.',
    };
    let abs = hundredths.unsigned_abs();
    let whole = format_count((abs / 100) as i64, lang);
    let fraction = match abs % 100 {
        0 => String::new(),
        f if f % 10 == 0 => format!("{point}{}", f / 10),
        f => format!("{point}{f:02}"),
    };
    let sign = if hundredths < 0 { "\u{2212}" } else { "" };
    format!("{sign}{whole}{fraction}")
}

/// A value of the field `name` as the reader writes it.
fn shown(name: &str, n: i64, lang: Lang) -> String {
    if name == "fte_target_group" {
        decimal(n, lang)
    } else {
        format_count(n, lang)
    }
}

/// A difference with its sign: `+3`, `−2`, `0`, `+1,75`.
fn difference(name: &str, n: i64, lang: Lang) -> String {
    let plus = if n > 0 { "+" } else { "" };
    format!("{plus}{}", shown(name, n, lang))
}

/// Every field the review shows: the stocks, the flows, the optional fields, and the
/// target groups either set of figures gives.
fn field_names(newest: &Figures, previous: Option<&Figures>) -> Vec<String> {
    let groups = vocab::TARGET_GROUPS.iter().filter(|g| {
        newest.target_groups.contains_key(**g) || previous.is_some_and(|p| p.target_groups.contains_key(**g))
    });
    STOCKS
        .iter()
        .chain(FLOWS.iter())
        .chain(OPTIONAL.iter())
        .map(|f| f.to_string())
        .chain(groups.map(|g| format!("tg_{g}")))
        .collect()
}

/// The rows of the review's table: each field with its label, the newest value, the
/// previous period's, the difference (when both are there) and its warning (if any).
pub fn rows(newest: &Figures, previous: Option<&Figures>, lang: Lang) -> Vec<Value> {
    let warnings = newest.warnings();
    field_names(newest, previous)
        .into_iter()
        .map(|name| {
            let now = newest.value(&name);
            let before = previous.and_then(|p| p.value(&name));
            let mut row = field_label(&name);
            row["name"] = json!(name);
            row["value"] = json!(now.map(|n| shown(&name, n, lang)));
            row["previous"] = json!(before.map(|n| shown(&name, n, lang)));
            row["difference"] = json!(now.zip(before).map(|(a, b)| difference(&name, a - b, lang)));
            row["changed"] = json!(now.zip(before).is_some_and(|(a, b)| a != b));
            row["warning"] = json!(warnings.iter().find(|w| w.field == name).map(|w| w.key));
            row
        })
        .collect()
}

/// The warnings of a set of figures as the review lists them: the field's label and the
/// message, as the WISE's form showed them.
pub fn warnings(figures: &Figures) -> Vec<Value> {
    figures
        .warnings()
        .into_iter()
        .map(|w| {
            let mut item = field_label(&w.field);
            item["anchor"] = json!(format!("figure-{}", w.field));
            item["message"] = json!(w.key);
            item
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_keep_their_places_in_each_language() {
        assert_eq!(decimal(1250, Lang::Nl), "12,5");
        assert_eq!(decimal(1425, Lang::En), "14.25");
        assert_eq!(decimal(300, Lang::Nl), "3");
        assert_eq!(decimal(-25, Lang::Nl), "\u{2212}0,25");
        assert_eq!(decimal(123_405, Lang::Nl), "1.234,05");
    }

    #[test]
    fn rows_put_the_previous_value_and_the_signed_difference_beside_the_newest() {
        let mut newest = Figures { stocks: [20, 5, 8, 4, 3], flows: [6, 2, 3, 1, 2], ..Figures::default() };
        newest.fte_target_group_hundredths = Some(1425);
        newest.target_groups.insert("mental_health".into(), 12);
        let mut previous = Figures { stocks: [17, 7, 8, 4, 3], flows: [6, 2, 3, 1, 2], ..Figures::default() };
        previous.fte_target_group_hundredths = Some(1250);
        let rows = rows(&newest, Some(&previous), Lang::Nl);
        let row = |name: &str| rows.iter().find(|r| r["name"] == name).unwrap().clone();
        assert_eq!(
            (row("paid_target_group")["previous"].clone(), row("paid_target_group")["difference"].clone()),
            (json!("17"), json!("+3"))
        );
        assert_eq!(row("paid_regular")["difference"], json!("\u{2212}2"));
        assert_eq!(row("trainees")["difference"], json!("0"));
        assert_eq!(row("fte_target_group")["difference"], json!("+1,75"));
        assert_eq!(row("tg_mental_health")["previous"], json!(null), "the group was not given before");
        assert_eq!(row("turnover_eur")["value"], json!(null));
        let alone = super::rows(&newest, None, Lang::En);
        assert!(alone.iter().all(|r| r["previous"].is_null() && r["difference"].is_null()));
    }
}
