//! `serve --demo`: realistic sample data for an empty database.
//!
//! The sample WISEs are a fictional but realistic picture of the social-enterprise scene
//! in and around Amsterdam. Every name, KvK number, address and phone number is
//! invented; websites and mail addresses use the `.example.nl` domain. They and their
//! offerings are CSV files in the import formats (`fixtures/`), loaded through the
//! import code, so the demo also exercises it.

pub mod certificates;
pub mod needs;
pub mod partnerships;
pub mod scale;
pub mod social_return;
pub mod spend;

use crate::catalogue::import::{import_offerings, import_organisations, parse_organisations};

use crate::config::Config;
use crate::db::{write_tx, DbConn};
use crate::organisation::model::OrganisationInput;
use crate::organisation::store as organisations;
use crate::organisation::Status;
use crate::render::templates::Templates;
use crate::users::{model::Role, store as accounts};
use crate::web::auth::password;

/// What [`fill_if_empty`] did.
#[derive(Debug, PartialEq, Eq)]
pub enum Filled {
    /// The database already held WISEs; nothing was written.
    AlreadyHadData,
    Loaded {
        organisations: usize,
        offerings: usize,
    },
}

/// The sample WISEs (`kvk_number,name,municipality,sectors,…`: the organisations import).
const ORGANISATIONS: &[u8] = include_bytes!("fixtures/organisations.csv");
/// Their goods and services (`kvk_number,title,kind,cpv_code,…`: the offerings import).
const OFFERINGS: &[u8] = include_bytes!("fixtures/offerings.csv");
/// The municipalities of the demo's region with the centroids of their town centres
/// (approximate), so that the demo's radius offerings serve their neighbours.
const MUNICIPALITIES: &[u8] = include_bytes!("fixtures/municipalities.csv");
/// The sample WISEs that are not approved: two wait for the operator, one is suspended.
const NOT_APPROVED: &[(&str, Status)] =
    &[("93015574", Status::Pending), ("77341908", Status::Suspended), ("95137702", Status::Pending)];

/// The approved sample WISEs, in the order of the file.
pub fn approved_sample() -> Vec<OrganisationInput> {
    parse_organisations(ORGANISATIONS)
        .expect("the demo organisations parse")
        .into_iter()
        .filter(|o| NOT_APPROVED.iter().all(|(kvk, _)| *kvk != o.kvk_number))
        .collect()
}

/// Loads the sample WISEs and their offerings into a database without any WISE,
/// all in one transaction. A database that has data is never touched.
pub fn fill_if_empty(conn: &mut DbConn, now: chrono::NaiveDateTime) -> anyhow::Result<Filled> {
    let failed = |what: &str, errors: Vec<crate::csv_import::ImportError>| {
        let lines: Vec<String> = errors.iter().map(|e| e.describe(what)).collect();
        anyhow::anyhow!("the demo {what} do not import:\n{}", lines.join("\n"))
    };
    write_tx(conn, |conn| {
        if organisations::has_organisations(conn)? {
            return Ok(Filled::AlreadyHadData);
        }
        let organisations = import_organisations(conn, ORGANISATIONS, now)?.map_err(|e| failed("organisations", e))?;
        let offerings = import_offerings(conn, OFFERINGS, now)?.map_err(|e| failed("offerings", e))?;
        crate::geography::store::import(conn, MUNICIPALITIES, now)?.map_err(|e| failed("municipalities", e))?;
        for (kvk, status) in NOT_APPROVED {
            let wise = organisations::organisation_by_kvk(conn, kvk)?.expect("a demo WISE");
            organisations::set_status(conn, wise.id, Status::Approved.as_str(), status.as_str(), None, now)?;
        }
        let mut reporting = Vec::new();
        for wise in approved_sample() {
            let id = organisations::organisation_by_kvk(conn, &wise.kvk_number)?.expect("a demo WISE").id;
            reporting.push((id, wise.target_groups));
        }
        let buyer_org = needs::add_buying_organisation(conn, now)?;
        let buyer = add_demo_users(conn, now)?;
        certificates::add_certificates(conn, now)?;
        needs::add_waiting_buyers(conn, buyer_org, now)?;
        add_demo_figures(conn, &reporting, now)?;
        let templates = Templates::new(None, false)?;
        needs::add_needs(conn, &Config::defaults(), &templates, buyer_org, buyer, now)?;
        spend::add_spend(conn, buyer_org, now)?;
        let sample: Vec<String> = approved_sample().into_iter().map(|o| o.kvk_number).collect();
        social_return::add_social_return(conn, &sample, now)?;
        partnerships::add_partnerships(conn, &sample, now)?;
        Ok(Filled::Loaded { organisations, offerings })
    })
}

/// The password of every demo account (demo databases only; see README).
pub const DEMO_PASSWORD: &str = "demo-wise-monitor-2026";

/// One account per role, so a visitor can try every part of the platform. The `wise`
/// account works for the first sample WISE.
pub const DEMO_USERS: &[(&str, &str, Role)] = &[
    ("beheer@demo.wise-monitor.nl", "Demo Beheerder", Role::Admin),
    ("gemeente@demo.wise-monitor.nl", "Demo Gemeente", Role::City),
    ("inkoper@demo.wise-monitor.nl", "Demo Inkoper", Role::Buyer),
    ("onderneming@demo.wise-monitor.nl", "Demo Onderneming", Role::Wise),
];

/// Adds the demo accounts; returns the buyer's user id.
fn add_demo_users(conn: &mut DbConn, now: chrono::NaiveDateTime) -> anyhow::Result<i32> {
    let hash = password::hash_blocking(DEMO_PASSWORD);
    let first_wise = approved_sample().swap_remove(0).kvk_number;
    let mut buyer = None;
    for (email, name, role) in DEMO_USERS {
        let input = accounts::NewUser {
            email: (*email).to_string(),
            name: (*name).to_string(),
            role: role.as_str().to_string(),
            language: "nl".to_string(),
            organisation_kvk: match role {
                Role::Wise => Some(first_wise.clone()),
                Role::Buyer => Some(needs::DEMO_BUYER_KVK.to_string()),
                _ => None,
            },
        };
        let (role, organisation) = accounts::validate_new_user(conn, &input)?
            .map_err(|e| anyhow::anyhow!("demo user {email} is invalid: {e:?}"))?;
        let id = accounts::create_user(conn, &input, role, organisation, Some(&hash), now)?;
        match role {
            Role::Buyer => buyer = Some(id),
            // The demo WISE gets a weekly mail of new needs that fit it.
            Role::Wise => crate::needs::digest::save(conn, id, Some("weekly"), now)?,
            _ => {}
        }
    }
    Ok(buyer.expect("the demo has a buyer"))
}

/// Quarters of demo figures.
pub const DEMO_QUARTERS: u32 = 8;

/// The last `DEMO_QUARTERS` whole quarters before `now`, with plausible figures for
/// each approved WISE: most accepted, the newest quarter submitted, a few filed late,
/// every seventh WISE corrected once (two revisions), and one WISE missing the newest
/// quarter.
fn add_demo_figures(conn: &mut DbConn, wises: &[(i32, Vec<String>)], now: chrono::NaiveDateTime) -> anyhow::Result<()> {
    use chrono::Datelike;

    use crate::figures::periods;
    use crate::figures::submissions::Verdict;
    use crate::figures::submissions::{self, Source};
    use crate::figures::values::Figures;

    let current = now.date().year() * 4 + (now.date().month0() / 3) as i32;
    let key = |n: i32| format!("{}-Q{}", n.div_euclid(4), n.rem_euclid(4) + 1);
    let (first, last) = (current - DEMO_QUARTERS as i32, current - 1);
    let request = periods::validate_range(&key(first), &key(last), "30")
        .map_err(|e| anyhow::anyhow!("demo periods are invalid: {e:?}"))?;
    periods::create_range(conn, &request, now)?;
    for quarter in first..=last {
        let period = periods::find(conn, &key(quarter))?.expect("just created");
        let newest = quarter == last;
        for (i, (id, groups)) in wises.iter().enumerate() {
            if newest && i == 5 {
                continue; // one WISE has not reported yet
            }
            let (i, q) = (i as i64, i64::from(quarter - first));
            let paid_target_group = 4 + (i * 7) % 37 + q / 2;
            // Every tenth WISE employs mostly regular staff: not eligible for reserved contracts.
            let paid_regular = if i % 10 == 4 { paid_target_group * 3 } else { 2 + i % 6 };
            let stocks = [paid_target_group, paid_regular, (i * 3) % 15 + q % 3, (i % 4) * 3, (i % 5) * 2];
            let flows = [1 + (i + q) % 6, (i + q) % 3, (i * (q + 1)) % 4, q % 2, (i + 2 * q) % 3];
            let mut figures = Figures { stocks, flows, ..Figures::default() };
            if !groups.is_empty() {
                let share = paid_target_group / groups.len() as i64;
                figures.target_groups = groups.iter().map(|g| (g.clone(), share)).collect();
            }
            if i % 3 == 0 {
                figures.turnover_eur = Some(40_000 + i * 1_500 + q * 900);
            }
            let late = i % 11 == 3;
            let filed =
                chrono::NaiveDateTime::from(period.opens_on) + chrono::Duration::days(if late { 40 } else { 12 });
            if i % 7 == 0 {
                let mut first_try = figures.clone();
                first_try.stocks[0] += 2;
                submissions::save(conn, *id, period.id, &first_try, true, Source::Demo, None, filed)?;
            }
            let corrected = filed + chrono::Duration::days(1);
            let saved = submissions::save(conn, *id, period.id, &figures, true, Source::Demo, None, corrected)?;
            if !newest {
                let reviewed = corrected + chrono::Duration::days(3);
                submissions::review(conn, saved.submission_id, &Verdict::Accept, None, reviewed)?;
            }
        }
    }
    Ok(())
}
