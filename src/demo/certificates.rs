//! The demo's certificates in every state: the imported profiles claimed them; here the
//! operator has verified most against a sample PDF (`fixtures/evidence.pdf`), some wait
//! in the queue (one without evidence yet), one was rejected, and those whose date has
//! passed are expired. `serve --demo` keeps the sample file in the evidence directory
//! ([`keep_evidence`]).

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::db::schema::{certificates, users};
use crate::db::DbConn;
use crate::organisation::certificates::{Certificate, State};

/// The sample evidence: a one-page PDF that says it is one.
pub const EVIDENCE: &[u8] = include_bytes!("fixtures/evidence.pdf");

/// Certificates left for the operator: (KvK number, certificate name, with evidence).
const WAITING: &[(&str, &str, bool)] =
    &[("70412385", "Erkend Leerbedrijf", true), ("81736420", "HACCP", false), ("52840613", "VCA", true)];

/// The rejected one, with the operator's reason.
const REJECTED: (&str, &str, &str) =
    ("76543019", "ISO 27001", "The certificate names another company; add the certificate issued to Laptop Lab.");

/// Keeps the sample evidence in `dir` (the configured `certificates.evidence_dir`).
pub fn keep_evidence(dir: &str) -> std::io::Result<String> {
    crate::web::files::store(dir, EVIDENCE)
}

/// Sets the state of every certificate the demo profiles claim.
pub fn add_certificates(conn: &mut DbConn, now: NaiveDateTime) -> anyhow::Result<()> {
    let operator: i32 =
        users::table.filter(users::role.eq(crate::users::model::Role::Admin.as_str())).select(users::id).first(conn)?;
    let sha256 = hex::encode(Sha256::digest(EVIDENCE));
    let today = now.date();
    let rows: Vec<(Certificate, String)> = certificates::table
        .inner_join(crate::db::schema::organisations::table)
        .select((Certificate::as_select(), crate::db::schema::organisations::kvk_number))
        .order(certificates::id)
        .load(conn)?;
    for (i, (certificate, kvk)) in rows.into_iter().enumerate() {
        let days = i64::try_from(i % 40).unwrap_or(0);
        let expired = certificate.state_on(today) == State::Expired;
        // Checked some days ago, or (one expired since) while it was still valid.
        let mut decided = now - Duration::days(10 + days);
        if let Some(until) = certificate.valid_until.filter(|_| expired) {
            decided = decided.min(until.and_hms_opt(12, 0, 0).unwrap_or(decided) - Duration::days(60 + days));
        }
        let evidence_at = decided - Duration::days(3);
        let named = |k: &str, n: &str| k == kvk && n == certificate.name;
        let waiting = WAITING.iter().find(|(k, n, _)| named(k, n));
        let file_name = format!("{}-{}.pdf", certificate.kind, kvk);
        let with_evidence = waiting.is_none_or(|(_, _, evidence)| *evidence);
        let (state, verified, note) = if waiting.is_some() {
            (State::Claimed, false, None)
        } else if named(REJECTED.0, REJECTED.1) {
            (State::Rejected, false, Some(REJECTED.2))
        } else if expired {
            (State::Expired, true, None)
        } else {
            (State::Verified, true, None)
        };
        let decided_now = state != State::Claimed;
        diesel::update(certificates::table.find(certificate.id))
            .set((
                certificates::state.eq(state.as_str()),
                certificates::claimed_at.eq(evidence_at - Duration::days(1)),
                certificates::evidence_name.eq(with_evidence.then_some(file_name)),
                certificates::evidence_type.eq(with_evidence.then_some("application/pdf")),
                certificates::evidence_size.eq(with_evidence.then_some(EVIDENCE.len() as i64)),
                certificates::evidence_sha256.eq(with_evidence.then_some(&sha256)),
                certificates::evidence_at.eq(with_evidence.then_some(evidence_at)),
                certificates::decided_by.eq(decided_now.then_some(operator)),
                certificates::decided_at.eq(decided_now.then_some(decided)),
                certificates::decision_note.eq(note),
                certificates::verified_at.eq(verified.then_some(decided)),
            ))
            .execute(conn)?;
    }
    Ok(())
}
