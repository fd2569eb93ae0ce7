//! `serve --demo`: realistic sample data for an empty database.

pub mod data;

use anyhow::Context;

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
        Ok(Filled::Loaded { organisations: sample.len(), offerings })
    })
}
