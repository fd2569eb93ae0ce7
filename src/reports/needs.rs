//! The "buyer needs" section of the sector report: needs published, WISEs alerted and
//! interested, confirmed deals and their euros, per kind of need, for the report's
//! period. Exact for the operator and the city; for the public every cell passes
//! disclosure control like the figures' tables (fewer than `min_organisations`
//! contributing buyers or WISEs, too small, or one dominant: suppressed, with enough
//! others that the total does not give it away).

use chrono::NaiveDate;
use serde_json::{json, Value};

use super::disclosure::{self, Cell, Row, Table, Thresholds};
use crate::db::DbConn;
use crate::needs::stats;

/// The section as the page, the JSON and the CSV show it; `None` when no need was published in the period.
pub fn section(
    conn: &mut DbConn,
    from: NaiveDate,
    to: NaiveDate,
    exact: bool,
    thresholds: &Thresholds,
) -> diesel::QueryResult<Option<Value>> {
    let rows = stats::collect(conn, from, to)?;
    if rows.iter().all(|(_, cells)| cells.iter().all(Vec::is_empty)) {
        return Ok(None);
    }
    Ok(Some(protect(&rows, exact, thresholds)))
}

/// The table with its total row, suppressed for the public.
pub fn protect(rows: &stats::KindRows, exact: bool, thresholds: &Thresholds) -> Value {
    let measures = stats::MEASURES.len();
    let table = Table {
        measures: stats::MEASURES.iter().map(|m| m.to_string()).collect(),
        derived: Vec::new(),
        rows: rows
            .iter()
            .map(|(kind, cells)| (kind.clone(), cells.iter().map(|c| Cell::from_contributions(c.clone())).collect()))
            .collect(),
        total: Some(
            (0..measures)
                .map(|m| {
                    Cell::from_contributions(rows.iter().flat_map(|(_, cells)| cells[m].iter().copied()).collect())
                })
                .collect(),
        ),
        rows_add_up_to_total: true,
    };
    let suppression = if exact { Default::default() } else { disclosure::suppress(&table, thresholds) };
    let show = |row: Row, cells: &[Cell]| -> Value {
        let mut out = serde_json::Map::new();
        for (m, name) in stats::MEASURES.iter().enumerate() {
            let value = if suppression.is_suppressed(row, m) { Value::Null } else { json!(cells[m].value) };
            out.insert((*name).to_string(), value);
        }
        Value::Object(out)
    };
    let mut suppressed: Vec<String> = Vec::new();
    for (row, m) in &suppression.cells {
        let key = match row {
            Row::Total => "total".to_string(),
            Row::Key(i) => table.rows[*i].0.clone(),
        };
        suppressed.push(format!("needs.{key}.{}", stats::MEASURES[*m]));
    }
    let total = table.total.as_ref().expect("built with a total");
    json!({
        "measures": stats::MEASURES,
        "total": show(Row::Total, total),
        "rows": table.rows.iter().enumerate().map(|(i, (kind, cells))| {
            let mut v = show(Row::Key(i), cells);
            v["kind"] = json!(kind);
            v
        }).collect::<Vec<_>>(),
        "suppressed": suppressed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thresholds() -> Thresholds {
        Thresholds { min_organisations: 3, max_share_pct: 70, min_people: 10, protection_level: 10, linked: true }
    }

    #[test]
    fn a_deal_of_one_wise_is_not_published_but_exact_reports_show_it() {
        let one_wise = vec![vec![1, 1, 1], vec![4, 4, 4], vec![1], vec![1], vec![250_000]];
        let many = vec![vec![1; 12], vec![3; 12], vec![2; 12], vec![1; 12], vec![20_000; 12]];
        // (Only two kinds: an empty third row would be suppressed too, and then the
        // total alone would not give the tender away.)
        let rows = vec![("tender".to_string(), one_wise), ("quote".to_string(), many)];
        let public = protect(&rows, false, &thresholds());
        assert_eq!(public["rows"][0]["deal_eur"], Value::Null, "one WISE's amount");
        assert!(
            public["rows"][1]["deal_eur"].is_null() || public["total"]["deal_eur"].is_null(),
            "else the total less the quotes gives the tender amount away: {public}"
        );
        assert!(public["suppressed"].as_array().unwrap().iter().any(|s| s == "needs.tender.deal_eur"));
        let exact = protect(&rows, true, &thresholds());
        assert_eq!(exact["rows"][0]["deal_eur"], json!(250_000));
        assert_eq!(exact["suppressed"], json!([]));
    }
}
