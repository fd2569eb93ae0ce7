//! `serve --demo`: realistic sample data for an empty database.

pub mod data;

use anyhow::Context;

use crate::accounts::{model::Role, password, store as accounts};
use crate::catalogue::store;
use crate::db::{write_tx, DbConn};

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

/// Loads the sample WISEs and their offerings into a database without any WISE,
/// all in one transaction. A database that has data is never touched.
pub fn fill_if_empty(conn: &mut DbConn, now: chrono::NaiveDateTime) -> anyhow::Result<Filled> {
    write_tx(conn, |conn| {
        if store::has_organisations(conn)? {
            return Ok(Filled::AlreadyHadData);
        }
        let sample = data::sample();
        let mut offerings = 0;
        for wise in &sample {
            let name = &wise.organisation.name;
            store::validate_organisation(&wise.organisation)
                .map_err(|e| anyhow::anyhow!("demo WISE {name:?} is invalid: {e:?}"))?;
            let id = store::create_organisation(conn, &wise.organisation, wise.status, now)
                .with_context(|| format!("cannot store demo WISE {name:?}"))?;
            for offering in &wise.offerings {
                let code = store::validate_offering(conn, offering)?
                    .map_err(|e| anyhow::anyhow!("demo offering {:?} is invalid: {e:?}", offering.title))?;
                store::create_offering(conn, id, offering, &code, now)?;
                offerings += 1;
            }
        }
        add_demo_users(conn, now)?;
        Ok(Filled::Loaded { organisations: sample.len(), offerings })
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

fn add_demo_users(conn: &mut DbConn, now: chrono::NaiveDateTime) -> anyhow::Result<()> {
    let hash = password::hash_blocking(DEMO_PASSWORD);
    let first_wise = data::sample()
        .into_iter()
        .find(|w| w.status == "approved")
        .map(|w| w.organisation.kvk_number)
        .expect("the sample has approved WISEs");
    for (email, name, role) in DEMO_USERS {
        let input = accounts::NewUser {
            email: (*email).to_string(),
            name: (*name).to_string(),
            role: role.as_str().to_string(),
            language: "nl".to_string(),
            organisation_kvk: (*role == Role::Wise).then(|| first_wise.clone()),
        };
        let (role, organisation) = accounts::validate_new_user(conn, &input)?
            .map_err(|e| anyhow::anyhow!("demo user {email} is invalid: {e:?}"))?;
        accounts::create_user(conn, &input, role, organisation, Some(&hash), now)?;
    }
    Ok(())
}
