//! What a buying organisation's spend register adds up to: the total, the part spent
//! with WISEs and its share, by period, by the WISEs' sector, by category and by buying
//! entity, and the WISEs it bought from. The dashboard, its CSV and the API show this.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::model::SpendRow;
use super::store::Wise;

/// Spend in one group: all of it and the part with WISEs, in cents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Amounts {
    pub total_cents: i64,
    pub wise_cents: i64,
    /// The WISEs' part of the total in per mille (0–1000), when the total is positive.
    pub wise_share_permille: Option<i64>,
}

impl Amounts {
    fn add(&mut self, cents: i64, wise: bool) {
        self.total_cents += cents;
        if wise {
            self.wise_cents += cents;
        }
    }

    fn finish(mut self) -> Self {
        self.wise_share_permille = (self.total_cents > 0).then(|| self.wise_cents * 1000 / self.total_cents);
        self
    }
}

/// One group of a breakdown.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Group {
    /// The period, category or entity as written (empty: not given), or the sector's code.
    pub key: String,
    #[serde(flatten)]
    pub amounts: Amounts,
}

/// A WISE the organisation bought from.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct WiseSupplier {
    pub kvk_number: String,
    pub name: String,
    pub slug: String,
    pub sector: String,
    pub cents: i64,
}

/// The register added up.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Summary {
    #[serde(flatten)]
    pub amounts: Amounts,
    pub rows: usize,
    pub suppliers: usize,
    pub wise_suppliers: usize,
    /// By period, oldest first.
    pub by_period: Vec<Group>,
    /// The spend with WISEs by the WISE's sector (`total_cents` is that spend; largest first).
    pub by_sector: Vec<Group>,
    pub by_category: Vec<Group>,
    pub by_entity: Vec<Group>,
    /// Largest first.
    pub wises: Vec<WiseSupplier>,
}

/// Adds up `rows`, `wises` being the approved WISEs among their suppliers by KvK number.
pub fn summarise(rows: &[SpendRow], wises: &HashMap<String, Wise>) -> Summary {
    let mut all = Amounts::default();
    let mut by_period: BTreeMap<(chrono::NaiveDate, &str), Amounts> = BTreeMap::new();
    let mut by_sector: BTreeMap<&str, Amounts> = BTreeMap::new();
    let mut by_category: BTreeMap<&str, Amounts> = BTreeMap::new();
    let mut by_entity: BTreeMap<&str, Amounts> = BTreeMap::new();
    let mut suppliers: BTreeMap<&str, i64> = BTreeMap::new();
    for row in rows {
        let wise = wises.get(&row.supplier_kvk);
        let is_wise = wise.is_some();
        all.add(row.amount_cents, is_wise);
        by_period.entry((row.period_start, &row.period)).or_default().add(row.amount_cents, is_wise);
        by_category.entry(row.category.as_deref().unwrap_or("")).or_default().add(row.amount_cents, is_wise);
        by_entity.entry(row.entity.as_deref().unwrap_or("")).or_default().add(row.amount_cents, is_wise);
        if let Some(w) = wise {
            by_sector.entry(&w.sector).or_default().add(row.amount_cents, true);
        }
        *suppliers.entry(&row.supplier_kvk).or_default() += row.amount_cents;
    }
    let groups = |map: BTreeMap<&str, Amounts>| -> Vec<Group> {
        let mut out: Vec<Group> =
            map.into_iter().map(|(key, amounts)| Group { key: key.to_string(), amounts: amounts.finish() }).collect();
        out.sort_by(|a, b| b.amounts.total_cents.cmp(&a.amounts.total_cents).then_with(|| a.key.cmp(&b.key)));
        out
    };
    let mut wise_suppliers: Vec<WiseSupplier> = suppliers
        .iter()
        .filter_map(|(kvk, cents)| {
            wises.get(*kvk).map(|w| WiseSupplier {
                kvk_number: kvk.to_string(),
                name: w.name.clone(),
                slug: w.slug.clone(),
                sector: w.sector.clone(),
                cents: *cents,
            })
        })
        .collect();
    wise_suppliers.sort_by(|a, b| b.cents.cmp(&a.cents).then_with(|| a.name.cmp(&b.name)));
    Summary {
        amounts: all.finish(),
        rows: rows.len(),
        suppliers: suppliers.len(),
        wise_suppliers: wise_suppliers.len(),
        by_period: by_period
            .into_iter()
            .map(|((_, period), amounts)| Group { key: period.to_string(), amounts: amounts.finish() })
            .collect(),
        by_sector: groups(by_sector),
        by_category: groups(by_category),
        by_entity: groups(by_entity),
        wises: wise_suppliers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn row(kvk: &str, cents: i64, period: &str, category: Option<&str>) -> SpendRow {
        let (period, period_start) = super::super::model::parse_period(period).unwrap();
        SpendRow {
            id: 0,
            buying_organisation_id: 1,
            supplier_kvk: kvk.into(),
            supplier_name: format!("Leverancier {kvk}"),
            amount_cents: cents,
            period,
            period_start,
            category: category.map(str::to_string),
            cpv_code: None,
            entity: None,
            source: "import".into(),
            created_by: None,
            created_at: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap(),
        }
    }

    #[test]
    fn the_share_with_wises_is_counted_per_group() {
        let rows = [
            row("11111111", 75_000, "2026-Q1", Some("schoonmaak")),
            row("22222222", 25_000, "2026-Q1", Some("schoonmaak")),
            row("11111111", 50_000, "2025-Q4", None),
        ];
        let wises = HashMap::from([(
            "11111111".to_string(),
            Wise { name: "Schoon".into(), slug: "schoon".into(), sector: "cleaning_facility".into() },
        )]);
        let s = summarise(&rows, &wises);
        assert_eq!(
            (s.amounts.total_cents, s.amounts.wise_cents, s.amounts.wise_share_permille),
            (150_000, 125_000, Some(833))
        );
        assert_eq!(s.by_period.iter().map(|g| g.key.as_str()).collect::<Vec<_>>(), ["2025-Q4", "2026-Q1"]);
        assert_eq!(s.by_period[1].amounts.wise_share_permille, Some(750));
        assert_eq!(s.by_sector[0].key, "cleaning_facility");
        assert_eq!(s.by_sector[0].amounts.total_cents, 125_000);
        assert_eq!((s.suppliers, s.wise_suppliers), (2, 1));
        assert_eq!(s.wises[0].cents, 125_000);
    }
}
