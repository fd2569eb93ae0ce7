//! The demo's partnerships between WISEs and companies, a few in each phase: the demo
//! WISE's integration partnership with a metal works (reviewed from orientation on), a
//! proposal to the demo building company (whose buyer `aannemer@demo.wise-monitor.nl`
//! can confirm it), a transformation partnership of joint production, orientations (one
//! not named in public), and one that ended; with the moves to partners stated with
//! the demo figures. Recorded as by the demo operator; dates
//! follow `now`.

use chrono::{Duration, NaiveDateTime};

use crate::buying::{store as buying, BuyingInput};
use crate::db::DbConn;
use crate::organisation::store::organisation_by_kvk;
use crate::partnerships::assessment::{self, Answer};
use crate::partnerships::model::{Proposal, Review, Side};
use crate::partnerships::moves;
use crate::partnerships::store;
use crate::users::store::find_by_email;

/// The demo's companies beside the building company of the social-return demo.
const COMPANIES: &[(&str, &str, &str)] = &[
    ("Metaalbewerking Van Dijk (demo)", "20260011", "Zaandam"),
    ("Logistiek Centrum Oost (demo)", "20260012", "Amsterdam"),
    ("Drukkerij Het Anker (demo)", "20260013", "Haarlem"),
];

/// (WISE index in the sample, company KvK, exchanges, phase history with days ago,
/// kinds of value, named by both, how it stands).
type Demo = (
    usize,
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, i64)],
    &'static [&'static str],
    bool,
    &'static str,
);

const PARTNERSHIPS: &[Demo] = &[
    (
        0,
        "20260011",
        &["paid_training", "placement_route"],
        &[("orientation", 700), ("integration", 300)],
        &["transaction", "interaction"],
        true,
        "confirmed",
    ),
    (3, "20260003", &["supply"], &[("orientation", 20)], &["transaction"], true, "proposed"),
    (
        1,
        "20260012",
        &["joint_production", "secondment", "knowledge_exchange"],
        &[("orientation", 1200), ("integration", 800), ("transformation", 200)],
        &["interaction", "synergy"],
        true,
        "confirmed",
    ),
    (2, "20260013", &["knowledge_exchange"], &[("orientation", 90)], &["reputation"], true, "confirmed"),
    (3, "20260011", &["job_carving"], &[("orientation", 150)], &["interaction"], false, "confirmed"),
    (
        2,
        "20260012",
        &["placement_route"],
        &[("orientation", 900), ("integration", 600)],
        &["transaction"],
        true,
        "ended",
    ),
    (4, "20260013", &["supply", "placement_route"], &[("orientation", 400)], &["transaction"], true, "confirmed"),
    (
        5,
        "20260003",
        &["paid_training", "placement_route"],
        &[("orientation", 800), ("integration", 350)],
        &["transaction", "reputation"],
        true,
        "confirmed",
    ),
    (
        6,
        "20260012",
        &["placement_route", "supply"],
        &[("orientation", 650), ("integration", 250)],
        &["interaction"],
        true,
        "confirmed",
    ),
    (7, "20260011", &["placement_route"], &[("orientation", 500)], &["transaction"], false, "confirmed"),
];

pub fn add_partnerships(conn: &mut DbConn, wises: &[String], now: NaiveDateTime) -> anyhow::Result<()> {
    let operator = find_by_email(conn, "beheer@demo.wise-monitor.nl")?.expect("the demo operator").id;
    for (name, kvk, place) in COMPANIES {
        let input = BuyingInput {
            name: (*name).into(),
            kvk_number: (*kvk).into(),
            kind: "company".into(),
            municipality: (*place).into(),
        };
        buying::create(conn, &input, "approved", now)?;
    }
    let today = now.date();
    for (wise, company, exchanges, phases, values, named, state) in PARTNERSHIPS {
        let wise = organisation_by_kvk(conn, &wises[*wise])?.expect("a demo WISE").id;
        let company = buying::by_kvk(conn, company)?.expect("a demo company").id;
        let (first, days) = phases[0];
        let proposal = Proposal {
            company_kvk: String::new(),
            company_name: String::new(),
            company_contact: String::new(),
            company_email: String::new(),
            language: "nl".into(),
            exchanges: exchanges.iter().map(|x| x.to_string()).collect(),
            phase: first.into(),
            values: values.iter().map(|v| v.to_string()).collect(),
            started_on: today - Duration::days(days),
            wise_people: "Jobcoach, teamleider productie".into(),
            company_people: "HR-adviseur, ploegleider".into(),
            ambitions: "Elk jaar vier medewerkers doorstromen naar een vaste baan bij de partner.".into(),
            named: *named,
        };
        let id = store::propose(conn, wise, company, &proposal, operator, now)?;
        if *state == "proposed" {
            continue;
        }
        store::confirm(conn, id, *named, "", operator, now)?;
        for (phase, days) in &phases[1..] {
            let review = Review {
                phase: (*phase).into(),
                changed_on: today - Duration::days(*days),
                values: proposal.values.clone(),
                note: "Jaarlijkse herziening samen met de partner.".into(),
                named: *named,
            };
            store::review(conn, id, Side::Wise, &review, operator, now)?;
        }
        if *state == "confirmed" && phases.len() > 1 {
            add_assessments(conn, id, operator, now)?;
        }
        if *state == "ended" {
            let reason = "De afdeling van de partner is verhuisd naar een andere regio.";
            store::end(conn, id, "confirmed", "ended", Side::Company, today - Duration::days(60), reason, now)?;
        }
    }
    add_partner_moves(conn)
}

/// The moves to partners stated with the demo figures: of each counted submission's
/// moves to other employers, half (rounded up) went to the WISE's first partner of
/// that period.
fn add_partner_moves(conn: &mut DbConn) -> anyhow::Result<()> {
    use crate::db::schema::{current_figures as cf, partnerships, reporting_periods as rp};
    use diesel::prelude::*;
    let wises: Vec<i32> = partnerships::table.select(partnerships::wise_id).distinct().load(conn)?;
    let rows: Vec<(i32, i32, chrono::NaiveDate, chrono::NaiveDate, i32)> = cf::table
        .inner_join(rp::table)
        .filter(cf::counted.eq(true))
        .filter(cf::organisation_id.eq_any(&wises))
        .select((cf::submission_id, cf::organisation_id, rp::starts_on, rp::ends_on, cf::moved_to_paid_external))
        .load(conn)?;
    for (submission, wise, starts_on, ends_on, external) in rows {
        let partners = moves::partners_in(conn, wise, starts_on, ends_on)?;
        if let (Some(first), true) = (partners.first(), external > 0) {
            moves::save(conn, submission, &[(first.partnership_id, i64::from(external + 1) / 2)])?;
        }
    }
    Ok(())
}

/// Two rounds of the self-assessment: both partners a year ago (agreeing on most
/// themes, not on who pays), and the WISE again since.
fn add_assessments(conn: &mut DbConn, id: i32, by: i32, now: NaiveDateTime) -> anyhow::Result<()> {
    let answers = |scores: [i32; 9], note: &str| -> Vec<Answer> {
        crate::vocab::PARTNERSHIP_THEMES
            .iter()
            .zip(scores)
            .map(|(theme, score)| Answer { theme: theme.to_string(), score, note: note.to_string() })
            .collect()
    };
    let year_ago = now - Duration::days(365);
    assessment::save(conn, id, Side::Wise, &answers([4, 3, 3, 3, 3, 1, 2, 1, 1], ""), by, year_ago)?;
    assessment::save(conn, id, Side::Company, &answers([4, 3, 4, 3, 2, 3, 2, 1, 1], ""), by, year_ago)?;
    let since = answers([4, 4, 4, 3, 3, 2, 3, 2, 1], "Afspraken over kosten vastgelegd.");
    assessment::save(conn, id, Side::Wise, &since, by, now)?;
    Ok(())
}
