//! The demo's buying organisation and its needs, one in every state: a draft, one
//! waiting for the operator, one returned with a comment, one withdrawn, and a
//! published one that the matching WISEs answered and that led to a confirmed deal.
//! Written through the needs' own store and flow, so the demo exercises them.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use crate::buying::{store as buying, BuyingInput};
use crate::config::Config;
use crate::db::DbConn;
use crate::needs::flow::{self, Env};
use crate::needs::model::{validate, NeedInput};
use crate::needs::store;
use crate::render::templates::Templates;
use crate::users::model::Role;

/// The demo buyer's organisation (KvK number invented).
pub const DEMO_BUYER_KVK: &str = "20260001";

/// Adds the demo's buying organisation (before the demo users, who join it).
pub fn add_buying_organisation(conn: &mut DbConn, now: NaiveDateTime) -> anyhow::Result<i32> {
    let input = BuyingInput {
        name: "Gemeente Amsterdam (demo)".into(),
        kvk_number: DEMO_BUYER_KVK.into(),
        kind: "municipality".into(),
        municipality: "Amsterdam".into(),
    };
    Ok(buying::create(conn, &input, "approved", now)?)
}

/// Buyers who registered themselves and confirmed their address, awaiting approval: a
/// colleague at the demo buyer's organisation (its buyers or the operator approve them),
/// and the first buyer of a new organisation (the operator approves it).
pub fn add_waiting_buyers(conn: &mut DbConn, demo_organisation: i32, now: NaiveDateTime) -> anyhow::Result<()> {
    let input = BuyingInput {
        name: "Zorggroep Noord (demo)".into(),
        kvk_number: "20260002".into(),
        kind: "company".into(),
        municipality: "Amsterdam".into(),
    };
    let new_organisation = buying::create(conn, &input, "pending", now)?;
    let waiting = [
        ("nieuwe.collega@demo.wise-monitor.nl", "Sanne de Vries", demo_organisation),
        ("inkoop@zorggroep-noord.example.nl", "Ahmed Bakker", new_organisation),
    ];
    for (email, name, organisation) in waiting {
        let user = crate::users::store::NewUser {
            email: email.into(),
            name: name.into(),
            role: Role::Buyer.as_str().into(),
            language: "nl".into(),
            organisation_kvk: None,
        };
        let id = crate::users::store::create_user(conn, &user, Role::Buyer, None, None, now)?;
        buying::add_member(conn, id, organisation, None, now)?;
        buying::confirm_email(conn, id, now)?;
    }
    Ok(())
}

fn need(
    title: &str,
    description: &str,
    kind: &str,
    cpv: &[&str],
    deadline: NaiveDateTime,
    questions: &[&str],
) -> NeedInput {
    NeedInput {
        title: title.into(),
        description: description.into(),
        kind: kind.into(),
        offering_kind: "service".into(),
        cpv_codes: cpv.iter().map(|c| (*c).to_string()).collect(),
        location: "municipality".into(),
        municipality: "Amsterdam".into(),
        radius_km: None,
        amount_band: "25k_100k".into(),
        amount_eur: None,
        deadline: deadline.format("%Y-%m-%d").to_string(),
        starts_on: String::new(),
        reserved: false,
        respond_how: "platform".into(),
        respond_to: String::new(),
        questions: questions.iter().map(|q| (*q).to_string()).collect(),
    }
}

/// The demo needs of `buyer_org`, posted by `buyer` (a user id).
pub fn add_needs(
    conn: &mut DbConn,
    config: &Config,
    templates: &Templates,
    buyer_org: i32,
    buyer: i32,
    now: NaiveDateTime,
) -> anyhow::Result<()> {
    let soon = now + Duration::days(21);
    let post = |conn: &mut DbConn, input: NeedInput, at: NaiveDateTime| -> anyhow::Result<i32> {
        let valid = validate(conn, input, at.date())?.map_err(|e| anyhow::anyhow!("a demo need is invalid: {e:?}"))?;
        Ok(store::create(conn, buyer_org, buyer, &valid, at)?)
    };
    post(
        conn,
        need(
            "Schoonmaak van drie buurthuizen",
            "Dagelijkse schoonmaak van de buurthuizen in Noord, Oost en West, vijf dagen per week.",
            "quote",
            &["90911200"],
            soon,
            &["Kunt u ook in de avond schoonmaken?"],
        ),
        now,
    )?;
    let submitted = post(
        conn,
        need(
            "Catering voor raadsvergaderingen",
            "Broodjes, soep en fruit voor ongeveer 60 personen, elke tweede donderdag van de maand.",
            "quote",
            &["55520000"],
            soon,
            &[],
        ),
        now,
    )?;
    store::set_status(conn, submitted, &["draft"], "submitted", None, now)?;
    let returned = post(
        conn,
        need(
            "Groenonderhoud speelplaatsen",
            "Onderhoud van het groen rond twaalf speelplaatsen.",
            "sourcing",
            &["77310000"],
            soon,
            &[],
        ),
        now,
    )?;
    store::set_status(conn, returned, &["draft"], "submitted", None, now)?;
    store::set_status(
        conn,
        returned,
        &["submitted"],
        "returned",
        Some("Vermeld om hoeveel vierkante meter het gaat en wanneer het werk moet beginnen."),
        now,
    )?;
    let withdrawn = post(
        conn,
        need("Fietsreparatie voor het wagenpark", "Onderhoud van 40 dienstfietsen.", "quote", &["50000000"], soon, &[]),
        now,
    )?;
    store::set_status(conn, withdrawn, &["draft"], "withdrawn", Some("Intern opgelost."), now)?;

    // Published in the middle of the last whole quarter (the newest the demo's report
    // shows): answered, and a deal the WISE confirmed, all within that quarter.
    let quarter_start = NaiveDate::from_ymd_opt(now.year(), (now.month() - 1) / 3 * 3 + 1, 1).expect("a date");
    let then = (quarter_start - Duration::days(45)).and_hms_opt(10, 0, 0).expect("a time");
    let published = post(
        conn,
        need(
            "Lunches voor de jaarlijkse vrijwilligersdag",
            "Lunch voor 250 vrijwilligers op het stadhuisplein, met vegetarische en halal keuzes.",
            "quote",
            &["55520000"],
            then + Duration::days(14),
            &["Kunt u ook voor bediening zorgen?"],
        ),
        then,
    )?;
    store::set_status(conn, published, &["draft"], "submitted", None, then)?;
    let row = store::get(conn, published)?.expect("just stored");
    let env = Env { config, templates, now: then };
    flow::publish(conn, &env, &row)?;
    let matched = store::matches(conn, published)?;
    for (answered, (m, _, _, _)) in matched.iter().enumerate() {
        let answer = match answered {
            0 => store::Response {
                response: "interested",
                message: Some("Wij verzorgen dit graag, met koks uit ons leerwerktraject."),
                answers: Some("Ja, met vier medewerkers in de bediening."),
                decline_reason: None,
                contact_ok: true,
            },
            1 => store::Response {
                response: "joint",
                message: Some("Voor 250 personen werken we graag samen met een andere keuken."),
                answers: None,
                decline_reason: None,
                contact_ok: true,
            },
            2 => store::Response {
                response: "declined",
                message: None,
                answers: None,
                decline_reason: Some("no_capacity"),
                contact_ok: false,
            },
            _ => break,
        };
        store::respond(conn, published, m.organisation_id, &answer, then + Duration::days(2))?;
    }
    if let Some((first, _, _, _)) = matched.first() {
        let reported = then + Duration::days(21);
        store::report_deal(conn, published, first.organisation_id, 6_250, "buyer", reported)?;
        let deal = store::deal_of(conn, published, first.organisation_id)?.expect("just reported");
        store::settle_deal(conn, deal.id, "confirmed", None, None, reported + Duration::days(1))?;
        store::record_outcome(conn, published, Some("no"), true, reported)?;
    }
    Ok(())
}
