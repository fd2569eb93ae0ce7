//! Page shapes of the spend register: the dashboard's amounts in the reader's number
//! format, its charts, the rows' CSV and the API's rows.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{json, Value};

use super::model::SpendRow;
use super::store::Wise;
use super::summary::{Amounts, Group, Summary};
use crate::buying::BuyingOrganisation;
use crate::i18n::{euros, percent, text, Lang};
use crate::render::charts::{self, ChartText};
use crate::web::download::euro_cell;
use crate::web::form::safe_cell;
use crate::web::AppError;

/// The message of a `?notice=` code after a redirect.
pub fn notice_key(code: &str) -> Option<String> {
    const KNOWN: &[&str] = &["added", "deleted", "shared", "not-shared"];
    KNOWN.contains(&code).then(|| format!("spend-notice-{code}"))
}

fn amounts(a: &Amounts, lang: Lang) -> Value {
    json!({
        "total": euros(a.total_cents, lang),
        "wise": euros(a.wise_cents, lang),
        "share": percent(a.wise_share_permille, lang),
    })
}

fn groups(list: &[Group], lang: Lang) -> Vec<Value> {
    list.iter()
        .map(|g| {
            let mut v = amounts(&g.amounts, lang);
            v["key"] = json!(g.key);
            v
        })
        .collect()
}

/// The dashboard of `organisation`: totals, breakdowns, charts, WISEs and rows.
pub fn dashboard(
    organisation: &BuyingOrganisation,
    rows: &[SpendRow],
    wises: &HashMap<String, Wise>,
    summary: &Summary,
    shared: bool,
    own: bool,
    lang: Lang,
) -> Value {
    let in_euros = |n: i64| euros(n * 100, lang);
    let periods: Vec<String> = summary.by_period.iter().map(|g| g.key.clone()).collect();
    let wise_by_period: Vec<Option<i64>> = summary.by_period.iter().map(|g| Some(g.amounts.wise_cents / 100)).collect();
    let trend = (!periods.is_empty()).then(|| {
        let described: Vec<String> = summary
            .by_period
            .iter()
            .map(|g| {
                format!(
                    "{}: {} ({})",
                    g.key,
                    euros(g.amounts.wise_cents, lang),
                    percent(g.amounts.wise_share_permille, lang)
                )
            })
            .collect();
        let chart_text = ChartText {
            id: "chart-spend-trend".into(),
            title: text(lang, "spend-chart-trend"),
            description: described.join("; "),
        };
        charts::time_series(&chart_text, &periods, &wise_by_period, &in_euros)
    });
    let sectors = (!summary.by_sector.is_empty()).then(|| {
        let rows: Vec<(String, Option<i64>)> = summary
            .by_sector
            .iter()
            .map(|g| (text(lang, &crate::vocab::label_key("sector", &g.key)), Some(g.amounts.total_cents / 100)))
            .collect();
        let description =
            rows.iter().map(|(l, v)| format!("{l}: {}", in_euros(v.unwrap_or(0)))).collect::<Vec<_>>().join("; ");
        let chart_text =
            ChartText { id: "chart-spend-sector".into(), title: text(lang, "spend-chart-sector"), description };
        charts::bars(&chart_text, &rows, "–", &in_euros)
    });
    let listed: Vec<Value> = rows
        .iter()
        .rev()
        .take(200)
        .map(|r| {
            json!({
                "id": r.id,
                "period": r.period,
                "supplier_kvk": r.supplier_kvk,
                "supplier_name": r.supplier_name,
                "amount": euros(r.amount_cents, lang),
                "category": r.category,
                "entity": r.entity,
                "wise": wises.get(&r.supplier_kvk).map(|w| json!({ "name": w.name, "slug": w.slug })),
            })
        })
        .collect();
    json!({
        "organisation": organisation,
        "own": own,
        "shared": shared,
        "empty": rows.is_empty(),
        "totals": amounts(&summary.amounts, lang),
        "rows_count": summary.rows,
        "suppliers": summary.suppliers,
        "wise_suppliers": summary.wise_suppliers,
        "by_period": groups(&summary.by_period, lang),
        // A sector's part of the spend with WISEs.
        "by_sector": summary.by_sector.iter().map(|g| json!({
            "key": g.key,
            "wise": euros(g.amounts.total_cents, lang),
            "share": percent((summary.amounts.wise_cents > 0).then(|| g.amounts.total_cents * 1000 / summary.amounts.wise_cents), lang),
        })).collect::<Vec<_>>(),
        "by_category": groups(&summary.by_category, lang),
        "by_entity": groups(&summary.by_entity, lang),
        "wises": summary.wises.iter().map(|w| json!({
            "name": w.name, "slug": w.slug, "sector": w.sector, "amount": euros(w.cents, lang),
        })).collect::<Vec<_>>(),
        "trend_svg": trend,
        "sector_svg": sectors,
        "rows": listed,
        "more_rows": rows.len().saturating_sub(200),
    })
}

/// A row as the API shows it, with its WISE.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ApiRow {
    pub id: i32,
    pub supplier_kvk: String,
    pub supplier_name: String,
    pub amount_cents: i64,
    pub period: String,
    pub category: Option<String>,
    pub cpv_code: Option<String>,
    pub entity: Option<String>,
    /// The supplier is an approved WISE.
    pub wise: bool,
    /// That WISE's sector.
    pub wise_sector: Option<String>,
}

impl ApiRow {
    pub fn of(row: &SpendRow, wises: &HashMap<String, Wise>) -> Self {
        let wise = wises.get(&row.supplier_kvk);
        ApiRow {
            id: row.id,
            supplier_kvk: row.supplier_kvk.clone(),
            supplier_name: row.supplier_name.clone(),
            amount_cents: row.amount_cents,
            period: row.period.clone(),
            category: row.category.clone(),
            cpv_code: row.cpv_code.clone(),
            entity: row.entity.clone(),
            wise: wise.is_some(),
            wise_sector: wise.map(|w| w.sector.clone()),
        }
    }
}

/// The rows as CSV: the import's columns (amounts in euros with a decimal point), then
/// whether the supplier is a WISE and its sector; cells made safe for spreadsheets.
pub fn rows_csv(rows: &[SpendRow], wises: &HashMap<String, Wise>) -> Result<Vec<u8>, AppError> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| AppError::Internal(e.into());
    out.write_record([
        "supplier_kvk",
        "supplier_name",
        "amount_eur",
        "period",
        "category",
        "cpv",
        "entity",
        "wise",
        "wise_sector",
    ])
    .map_err(fail)?;
    for r in rows {
        let wise = wises.get(&r.supplier_kvk);
        out.write_record([
            safe_cell(&r.supplier_kvk),
            safe_cell(&r.supplier_name),
            euro_cell(r.amount_cents),
            safe_cell(&r.period),
            safe_cell(r.category.as_deref().unwrap_or("")),
            r.cpv_code.clone().unwrap_or_default(),
            safe_cell(r.entity.as_deref().unwrap_or("")),
            if wise.is_some() { "yes" } else { "no" }.to_string(),
            wise.map(|w| w.sector.clone()).unwrap_or_default(),
        ])
        .map_err(fail)?;
    }
    out.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))
}
