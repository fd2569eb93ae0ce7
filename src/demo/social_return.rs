//! The demo's social-return contracts, recorded by the demo city's officer: one
//! running with purchases confirmed, awaiting the demo WISE and disputed, and a building
//! block; one late in its term and behind; one ended with its obligation met; one not
//! yet started. The contractor is the demo building company, whose buyer
//! `aannemer@demo.wise-monitor.nl` has the demo password. Dates follow `now`.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::config::Config;
use crate::db::schema::users;
use crate::db::DbConn;
use crate::organisation::store::organisation_by_kvk;
use crate::social_return::model::{ContractInput, EntryInput};
use crate::social_return::store::{self, Valued};
use crate::social_return::valuation::{self, Standing};
use crate::users::model::Role;
use crate::users::store::{create_user, find_by_email, NewUser};

/// The demo contractor's buyer.
pub const CONTRACTOR_EMAIL: &str = "aannemer@demo.wise-monitor.nl";

fn contract(
    reference: &str,
    title: &str,
    kvk: &str,
    value_eur: i64,
    percent_bp: i32,
    from: NaiveDate,
    to: NaiveDate,
) -> ContractInput {
    ContractInput {
        reference: reference.into(),
        title: title.into(),
        contractor_kvk: kvk.into(),
        contractor_name: String::new(),
        contractor_email: String::new(),
        contractor_contact: String::new(),
        language: "nl".into(),
        value_cents: value_eur * 100,
        percent_bp,
        starts_on: from,
        ends_on: to,
    }
}

/// Who records the demo's entries, when, under which valuation.
struct Recorder {
    config: Config,
    user: i32,
    now: NaiveDateTime,
}

/// A purchase from the WISE `kvk` (invoice number, date, euros), valued by the city's rule, in `state`.
fn purchase(
    conn: &mut DbConn,
    by: &Recorder,
    contract: i32,
    kvk: &str,
    (invoice, on, euros): (&str, NaiveDate, i64),
    state: (&str, Option<&str>),
) -> anyhow::Result<()> {
    let (config, user, now) = (&by.config, by.user, by.now);
    let wise = organisation_by_kvk(conn, kvk)?.expect("a demo WISE");
    let rate = valuation::rate_pct(&config.social_return, &Standing::of(conn, wise.id)?, on);
    let input = EntryInput {
        kind: "purchase".into(),
        wise_kvk: Some(kvk.into()),
        invoice_number: Some(invoice.into()),
        entry_date: on,
        amount_cents: Some(euros * 100),
        quantity: 1,
        description: String::new(),
    };
    let valued = Valued {
        wise_id: Some(wise.id),
        rate_pct: rate,
        value_cents: valuation::purchase_value(euros * 100, rate),
        state: "pending",
    };
    let id = store::insert_entry(conn, contract, &input, &valued, user, now)?;
    if let (to @ ("confirmed" | "disputed"), comment) = state {
        store::decide(conn, id, &["pending"], to, comment, user, now)?;
    }
    Ok(())
}

fn block(conn: &mut DbConn, by: &Recorder, contract: i32, key: &str, on: NaiveDate, what: &str) -> anyhow::Result<()> {
    let (config, user, now) = (&by.config, by.user, by.now);
    let input = EntryInput {
        kind: key.into(),
        wise_kvk: None,
        invoice_number: None,
        entry_date: on,
        amount_cents: None,
        quantity: 1,
        description: what.into(),
    };
    let value_cents = valuation::block_value(&config.social_return, key, 1).expect("a configured block");
    let valued = Valued { wise_id: None, rate_pct: 100, value_cents, state: "recorded" };
    store::insert_entry(conn, contract, &input, &valued, user, now)?;
    Ok(())
}

/// Adds the contracts; `wises` are sample WISEs' KvK numbers, the demo WISE first.
pub fn add_social_return(conn: &mut DbConn, wises: &[String], now: NaiveDateTime) -> anyhow::Result<()> {
    let config = Config::defaults();
    let officer = find_by_email(conn, "gemeente@demo.wise-monitor.nl")?.expect("the demo city user").id;
    let company = crate::buying::store::by_kvk(conn, "20260003")?.expect("the demo building company");
    let housing = crate::buying::store::by_kvk(conn, "20260004")?.expect("the demo housing association");
    // The contractor's buyer signs in with the demo password: the same hash as the demo buyer's.
    let hash: Option<String> = users::table
        .filter(users::email.eq("inkoper@demo.wise-monitor.nl"))
        .select(users::password_hash)
        .first(conn)?;
    let input = NewUser {
        email: CONTRACTOR_EMAIL.into(),
        name: "Demo Aannemer".into(),
        role: Role::Buyer.as_str().into(),
        language: "nl".into(),
        organisation_kvk: Some(company.kvk_number.clone()),
    };
    let buyer = create_user(conn, &input, Role::Buyer, Some(company.id), hash.as_deref(), now)?;
    let by = Recorder { config: Config::defaults(), user: buyer, now };
    let today = now.date();
    let day = |offset: i64| today + Duration::days(offset);
    // Confirmed purchases from WISEs the city's rule values (the demo WISE's claim awaits it).
    let mut valued = Vec::new();
    for kvk in &wises[1..] {
        let wise = organisation_by_kvk(conn, kvk)?.expect("a demo WISE");
        if valuation::rate_pct(&config.social_return, &Standing::of(conn, wise.id)?, today) > 0 {
            valued.push(kvk.clone());
        }
    }
    let wises = [wises[0].clone(), valued[0].clone(), valued[1].clone(), valued[2].clone()];

    let running = contract(
        "SR-2025-014",
        "Onderhoud openbare ruimte Noord",
        &company.kvk_number,
        2_400_000,
        500,
        day(-400),
        day(330),
    );
    let id = store::insert_contract(conn, &running, company.id, officer, now)?;
    purchase(conn, &by, id, &wises[1], ("2025-0112", day(-340), 18_000), ("confirmed", None))?;
    purchase(conn, &by, id, &wises[2], ("F-88213", day(-250), 24_500), ("confirmed", None))?;
    purchase(conn, &by, id, &wises[1], ("2025-0398", day(-150), 9_800), ("confirmed", None))?;
    let dispute = Some("Deze factuur is aan een andere opdrachtgever gericht.");
    purchase(conn, &by, id, &wises[3], ("INV-4471", day(-60), 7_250), ("disputed", dispute))?;
    purchase(conn, &by, id, &wises[0], ("2026-117", day(-3), 12_400), ("pending", None))?;
    block(conn, &by, id, "placement_year", day(-200), "Hovenier in dienst via het Werkgeversservicepunt")?;

    let behind = contract("SR-2025-009", "Renovatie gymzalen", &company.kvk_number, 800_000, 400, day(-600), day(60));
    let id = store::insert_contract(conn, &behind, company.id, officer, now)?;
    purchase(conn, &by, id, &wises[2], ("F-87020", day(-420), 6_000), ("confirmed", None))?;

    let ended =
        contract("SR-2024-031", "Groenonderhoud sportparken", &company.kvk_number, 300_000, 300, day(-800), day(-100));
    let id = store::insert_contract(conn, &ended, company.id, officer, now)?;
    block(conn, &by, id, "apprenticeship", day(-500), "BBL-traject hovenier")?;

    let upcoming =
        contract("SR-2027-002", "Schilderwerk woningen Oost", &housing.kvk_number, 1_100_000, 200, day(25), day(755));
    store::insert_contract(conn, &upcoming, housing.id, officer, now)?;
    Ok(())
}
