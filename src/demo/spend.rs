//! The demo's spend registers: the demo municipality's, a building company's and a
//! housing association's, each a line per supplier and quarter for 2025 and 2026 so
//! far, some suppliers sample WISEs; all three agreed to be counted in the sector
//! report, so its public "buying from WISEs" section has totals to show.

use chrono::NaiveDateTime;

use crate::buying::{store as buying, BuyingInput};
use crate::db::DbConn;
use crate::spend::model::{parse_period, SpendInput};
use crate::spend::store;

/// Suppliers that are no WISE (KvK numbers invented).
const REGULAR: [(&str, &str, &str); 3] = [
    ("20269001", "Facilitair Groep Nederland BV", "schoonmaak"),
    ("20269002", "Cateringbedrijf Stad BV", "catering"),
    ("20269003", "Kantoorartikelen Direct BV", "kantoor"),
];

/// The quarters the demo has spend for.
const QUARTERS: [&str; 7] = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"];

fn lines(wises: &[(String, String)], scale: i64, entities: &[&str]) -> Vec<SpendInput> {
    let mut out = Vec::new();
    for (q, quarter) in QUARTERS.iter().enumerate() {
        let (period, period_start) = parse_period(quarter).expect("a demo quarter");
        let q = q as i64;
        for (i, (kvk, name, category)) in REGULAR.iter().enumerate() {
            let i = i as i64;
            out.push(SpendInput {
                supplier_kvk: kvk.to_string(),
                supplier_name: name.to_string(),
                amount_cents: scale * (40_000 + 7_500 * i + 1_250 * q) * 100,
                period: period.clone(),
                period_start,
                category: Some(category.to_string()),
                cpv_code: None,
                entity: Some(entities[(i as usize) % entities.len()].to_string()),
            });
        }
        // The share with WISEs grows over the quarters.
        for (i, (kvk, name)) in wises.iter().enumerate() {
            let i = i as i64;
            out.push(SpendInput {
                supplier_kvk: kvk.clone(),
                supplier_name: name.clone(),
                amount_cents: scale * (2_500 + 900 * i + 700 * q) * 100,
                period: period.clone(),
                period_start,
                category: Some(if i % 2 == 0 { "schoonmaak" } else { "catering" }.to_string()),
                cpv_code: None,
                entity: Some(entities[(i as usize + 1) % entities.len()].to_string()),
            });
        }
    }
    out
}

/// Adds the registers; `municipality` is the demo buyer's organisation.
pub fn add_spend(conn: &mut DbConn, municipality: i32, now: NaiveDateTime) -> anyhow::Result<()> {
    // Five sample WISEs of five sectors.
    let mut sectors = Vec::new();
    let wises: Vec<(String, String)> = super::approved_sample()
        .into_iter()
        .filter(|o| {
            let first = o.sectors.first().cloned().unwrap_or_default();
            let new = !sectors.contains(&first);
            sectors.push(first);
            new
        })
        .take(5)
        .map(|o| (o.kvk_number, o.name))
        .collect();
    let rows = lines(&wises, 1, &["Stadsbeheer", "Sociaal Domein", "Bedrijfsvoering"]);
    store::insert(conn, municipality, &rows, "import", None, now)?;
    let buyer = crate::users::store::find_by_email(conn, "inkoper@demo.wise-monitor.nl")?.map(|u| u.id);
    store::set_shared(conn, municipality, true, buyer, now)?;
    let others = [
        ("Bouwbedrijf De Brug (demo)", "20260003", "company", "Amstelveen", 0..2, 3, &["Projecten", "Onderhoud"][..]),
        ("Woningcorporatie Thuis (demo)", "20260004", "public_body", "Amsterdam", 1..4, 2, &["Wijkbeheer"][..]),
    ];
    for (name, kvk, kind, place, wise_range, scale, entities) in others {
        let input =
            BuyingInput { name: name.into(), kvk_number: kvk.into(), kind: kind.into(), municipality: place.into() };
        let organisation = buying::create(conn, &input, "approved", now)?;
        let rows = lines(&wises[wise_range], scale, entities);
        store::insert(conn, organisation, &rows, "import", None, now)?;
        // They have no users in the demo: the agreement names nobody.
        store::set_shared(conn, organisation, true, None, now)?;
    }
    Ok(())
}
