//! `GET /reports/sector?period=P`: the sector report as a page (SPEC §2 "Sector
//! report"), for everyone. The public gets the disclosure-controlled report; `city`
//! and `admin` get the exact figures, marked "not for publication". Charts are SVG
//! drawn on the server ([`super::charts`]), each with its data table; the page prints
//! on A4 (the `@media print` block of `site.css`) and works without JavaScript.

use actix_web::{web, HttpResponse};
use fluent_templates::fluent_bundle::FluentValue;
use serde::Deserialize;
use serde_json::{json, Value};

use super::aggregate::{self, MEASURES, MOVED_TO_PAID, PEOPLE_WORKING, STOCK_COUNT};
use super::disclosure::Thresholds;
use super::report::{self, coverage, measure_key, Breakdown, BreakdownRow, Point, Report};
use crate::figures::periods::{self, Period, PeriodKey};
use crate::i18n::{self, format_change, format_count, Lang};
use crate::render::charts::{self, ChartText};
use crate::validation::FieldError;
use crate::web::auth::policy::Action;
use crate::web::context::Ctx;
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/reports/sector", sector_page);
}

#[derive(Deserialize)]
struct PageQuery {
    period: Option<String>,
    /// The time series per `quarter` or per `year` (default: the shown period's kind).
    series: Option<String>,
}

/// The period shown when none is asked for: the latest quarter with figures, else
/// the latest period with figures.
pub fn default_period(with_figures: &[Period]) -> Option<&Period> {
    let latest = |kind: Option<&str>| {
        with_figures.iter().filter(|p| kind.is_none_or(|k| p.kind == k)).max_by_key(|p| (p.ends_on, p.starts_on))
    };
    latest(Some("quarter")).or_else(|| latest(None))
}

/// What the page shows for one period.
struct Loaded {
    period: Period,
    report: Report,
    series: Vec<Point>,
    /// `quarter` or `year`.
    series_kind: String,
}

async fn sector_page(ctx: Ctx, query: web::Query<PageQuery>) -> Result<HttpResponse, AppError> {
    let exact = ctx.allows(Action::ViewExactReports, None);
    let lang = ctx.lang();
    let thresholds = Thresholds::from(&ctx.state.config.disclosure);
    let asked = query.period.as_deref().map(str::trim).filter(|k| !k.is_empty()).map(str::to_uppercase);
    let series_kind = match query.series.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(kind @ ("quarter" | "year")) => Some(kind.to_string()),
        Some(_) => {
            return Err(AppError::Validation(vec![FieldError { field: "series".into(), key: "error-series-kind" }]))
        }
    };
    let caches = ctx.state.caches.clone();
    let (with_figures, loaded) = ctx
        .state
        .db(move |c| {
            let with_figures = aggregate::periods_with_figures(c)?;
            let chosen = match asked {
                Some(key) => Some(periods::find_for_reports(c, &key)?.ok_or_else(|| AppError::UnknownPeriod {
                    period: key.clone(),
                    with_figures: with_figures.iter().map(|p| p.key.clone()).collect(),
                })?),
                None => default_period(&with_figures).cloned(),
            };
            let Some(period) = chosen else {
                return Ok((with_figures, None));
            };
            let report = report::build(c, &caches, &period, exact, &thresholds)?;
            let kind = series_kind.unwrap_or_else(|| period.kind.clone());
            let series = report::series(c, &caches, &kind, &period, exact, &thresholds)?;
            let needs = super::needs::section(c, &period, exact, &thresholds)?;
            let procurement = super::procurement::section(c, &period, exact, &thresholds)?;
            let partnerships = report::partnerships(c, &caches, &period, exact, &thresholds)?;
            let sections = (needs, procurement, partnerships);
            Ok((with_figures, Some((Loaded { period, report, series, series_kind: kind }, sections))))
        })
        .await?;
    let (loaded, (needs, procurement, partnerships)) = match loaded {
        Some((loaded, sections)) => (Some(loaded), sections),
        None => (None, (None, None, None)),
    };
    let separator = if lang == crate::i18n::Lang::Nl { ',' } else { '.' };
    let percent = |permille: i64| format!("{}{separator}{}", permille / 10, permille % 10);
    let partnerships = partnerships.map(|mut p| {
        if let Some(moves) = p["moves"].as_array_mut() {
            for point in moves {
                if let Some(permille) = point["share_permille"].as_i64() {
                    point["share_text"] = json!(percent(permille));
                }
            }
        }
        p
    });
    // The share with WISEs as a percentage with one decimal, as the reader writes it.
    let procurement = procurement.map(|mut p| {
        if let Some(permille) = p["wise_share_permille"].as_i64() {
            p["share_text"] = json!(percent(permille));
        }
        p
    });
    let chosen_key = loaded.as_ref().map(|l| l.period.key.clone());
    let report = match &loaded {
        Some(loaded) => Some(report_json(loaded, lang)?),
        None => None,
    };
    ctx.render(
        "reports/sector",
        json!({
            "nav": "reports",
            "exact": exact,
            "picker": picker(&with_figures, loaded.as_ref().map(|l| &l.period)),
            "period": chosen_key,
            "report": report,
            "needs": needs,
            "procurement": procurement,
            "partnerships": partnerships,
            "thresholds": {
                "min_organisations": thresholds.min_organisations,
                "max_share_pct": thresholds.max_share_pct,
                "min_people": thresholds.min_people,
            },
        }),
    )
}

/// The period picker: quarters and years with figures, newest first (and the shown
/// period, should it have none).
fn picker(with_figures: &[Period], shown: Option<&Period>) -> Value {
    let mut all: Vec<&Period> = with_figures.iter().collect();
    if let Some(shown) = shown.filter(|s| !with_figures.iter().any(|p| p.id == s.id)) {
        all.push(shown);
    }
    all.sort_by_key(|p| std::cmp::Reverse((p.ends_on, p.starts_on)));
    let group = |kind: &str| -> Vec<Value> {
        all.iter()
            .filter(|p| p.kind == kind)
            .map(|p| json!({ "key": p.key, "selected": shown.is_some_and(|s| s.id == p.id) }))
            .collect()
    };
    json!({ "quarters": group("quarter"), "years": group("year") })
}

fn text(lang: Lang, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    i18n::lookup(lang, key, args).unwrap_or_else(|| key.to_string())
}

/// The label of a breakdown row as the chart shows it.
fn row_label(dimension: &str, key: &str, lang: Lang) -> String {
    let vocabulary = match dimension {
        "sector" => "sector",
        "target_group" => "target-group",
        _ if key.is_empty() => return text(lang, "report-municipality-unknown", &[]),
        _ => return key.to_string(),
    };
    i18n::lookup(lang, &crate::vocab::label_key(vocabulary, key), &[]).unwrap_or_else(|| key.to_string())
}

/// The measure a breakdown's chart shows: people working, or people per target group.
fn charted_measure(breakdown: &Breakdown) -> usize {
    breakdown.measures.iter().position(|m| *m == MEASURES[PEOPLE_WORKING]).unwrap_or(0)
}

fn report_json(loaded: &Loaded, lang: Lang) -> Result<Value, AppError> {
    let Loaded { period, report, series, series_kind } = loaded;
    let count = |v: Option<i64>| v.map(|n| format_count(n, lang));
    let change = |v: Option<i64>| v.map(|n| format_change(n, lang));
    let suppressed_word = text(lang, "report-suppressed", &[]);
    let headline = |m: usize| {
        let h = &report.headlines[m];
        json!({
            "measure": h.measure,
            "label_key": measure_key(h.measure),
            "stock": m < STOCK_COUNT,
            "value": count(h.value),
            "change_previous": change(h.change_previous),
            "change_year": change(h.change_year),
        })
    };
    let headlines: Vec<Value> = (0..MEASURES.len()).map(headline).collect();
    let highlights = vec![headline(PEOPLE_WORKING), headline(MOVED_TO_PAID)];

    // The time series: people working and onward moves into paid jobs.
    let line_names = [
        text(lang, &measure_key(MEASURES[PEOPLE_WORKING]), &[]),
        text(lang, &measure_key(MEASURES[MOVED_TO_PAID]), &[]),
    ];
    let or_suppressed = |v: Option<i64>| count(v).unwrap_or_else(|| suppressed_word.clone());
    let in_lang = |n: i64| format_count(n, lang);
    let periods: Vec<String> = series.iter().map(|p| p.period.clone()).collect();
    // One chart per measure, each on its own axis.
    let mut series_charts = Vec::new();
    if !series.is_empty() {
        let measures: [(&str, &str, Vec<Option<i64>>); 2] = [
            ("people", &line_names[0], series.iter().map(|p| p.people_working).collect()),
            ("moves", &line_names[1], series.iter().map(|p| p.moved_to_paid).collect()),
        ];
        for (id, name, values) in measures {
            let title = text(lang, &format!("report-chart-series-{id}"), &[("kind", series_kind.clone().into())]);
            let described: Vec<String> =
                periods.iter().zip(&values).map(|(p, v)| format!("{p}: {name} {}", or_suppressed(*v))).collect();
            let chart_text =
                ChartText { id: format!("chart-series-{id}"), title: title.clone(), description: described.join("; ") };
            series_charts.push(json!({
                "svg": charts::time_series(&chart_text, &periods, &values, &in_lang),
                "caption": title,
            }));
        }
    }
    let series_rows: Vec<Value> = series
        .iter()
        .map(|p| json!({ "period": p.period, "people_working": count(p.people_working), "moved_to_paid": count(p.moved_to_paid) }))
        .collect();

    let mut breakdowns = Vec::new();
    for b in &report.breakdowns {
        let m = charted_measure(b);
        let dimension_key = b.dimension.replace('_', "-");
        // Rows in the order of their labels ("other" last), the same in chart and table.
        let mut order: Vec<(&BreakdownRow, String)> =
            b.rows.iter().map(|r| (r, row_label(b.dimension, &r.key, lang))).collect();
        order.sort_by_cached_key(|(r, label)| (r.key == "other", label.to_lowercase()));
        let rows: Vec<(String, Option<i64>)> = order.iter().map(|(r, label)| (label.clone(), r.values[m])).collect();
        let chart = if rows.is_empty() {
            None
        } else {
            let description =
                rows.iter().map(|(label, v)| format!("{label}: {}", or_suppressed(*v))).collect::<Vec<_>>().join("; ");
            let chart_text = ChartText {
                id: format!("chart-{dimension_key}"),
                title: text(lang, &format!("report-chart-{dimension_key}-title"), &[]),
                description,
            };
            Some(charts::bars(&chart_text, &rows, &suppressed_word, &in_lang))
        };
        breakdowns.push(json!({
            "dimension": b.dimension,
            "id": format!("breakdown-{dimension_key}"),
            "title_key": format!("report-breakdown-{dimension_key}"),
            "key_label_key": format!("report-dimension-{dimension_key}"),
            "chart_title_key": format!("report-chart-{dimension_key}-title"),
            "chart": chart,
            "measures": b.measures.iter().map(|m| measure_key(m)).collect::<Vec<_>>(),
            "rows": order.iter().map(|(r, _)| json!({
                "key": r.key,
                "organisations": format_count(r.organisations as i64, lang),
                "cells": r.values.iter().map(|v| count(*v)).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        }));
    }

    Ok(json!({
        "period": report.period,
        "kind": period.kind,
        "coverage": coverage(report),
        "series_kind": series_kind,
        "series_other": if series_kind == "year" { "quarter" } else { "year" },
        "exact": report.exact,
        "registered": format_count(report.registered as i64, lang),
        "approved": format_count(report.approved as i64, lang),
        "moves_per_100": report.moves_per_100.map(|r| match lang {
            Lang::Nl => format!("{r:.1}").replace('.', ","),
            Lang::En => format!("{r:.1}"),
        }),
        "reporting": format_count(report.reporting as i64, lang),
        "none_reporting": report.reporting == 0,
        "response_rate_pct": report.response_rate_pct,
        "previous_period": report.previous_period,
        "year_earlier_period": report.year_earlier_period,
        // A year's previous period is the year before: one comparison, not the same twice.
        "compare_year_earlier": !PeriodKey::parse(&report.period).is_ok_and(|k| k.quarter.is_none()),
        "highlights": highlights,
        "headlines": headlines,
        "any_suppressed": !report.suppressed.is_empty(),
        "series_charts": series_charts,
        "series": series_rows,
        "breakdowns": breakdowns,
        // Submissions counted but not reviewed yet: the report is provisional.
        "provisional": report.provisional(),
        "not_reviewed": report.submissions_not_reviewed,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_measure_has_a_label_in_both_languages() {
        for lang in Lang::ALL {
            for measure in MEASURES.iter().chain(&[report::TARGET_GROUP_MEASURE]) {
                let key = measure_key(measure);
                assert!(i18n::lookup(lang, &key, &[]).is_some(), "{lang:?} lacks {key}");
            }
            for dimension in report::BREAKDOWNS {
                let dimension = dimension.replace('_', "-");
                for key in [
                    format!("report-breakdown-{dimension}"),
                    format!("report-chart-{dimension}-title"),
                    format!("report-dimension-{dimension}"),
                ] {
                    assert!(i18n::lookup(lang, &key, &[]).is_some(), "{lang:?} lacks {key}");
                }
            }
        }
    }
}
