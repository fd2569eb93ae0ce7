//! A WISE's certificates, one row each with its state: what the profile claims (a PSO
//! level with its date, registration with the Code Sociale Ondernemingen, Social
//! Enterprise NL membership, other certificates by name) becomes a `claimed` row; the
//! operator verifies or rejects it against its evidence; its date passing makes it
//! `expired`. Only verified and current certificates count ([`Certificate::counts_on`]):
//! for the search's badges and filters, the profile checklist, the social-return
//! valuation and, through the search, the advisor.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;

use super::model::OrganisationInput;
use crate::db::schema::certificates;
use crate::db::DbConn;

/// Where a certificate stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Claimed by the WISE, not (yet) checked: shown as "not verified".
    Claimed,
    /// Checked by the operator against its evidence.
    Verified,
    /// Not accepted by the operator; not shown to the public.
    Rejected,
    /// Its valid-until date has passed.
    Expired,
}

impl State {
    pub const ALL: [State; 4] = [State::Claimed, State::Verified, State::Rejected, State::Expired];

    pub fn as_str(self) -> &'static str {
        match self {
            State::Claimed => "claimed",
            State::Verified => "verified",
            State::Rejected => "rejected",
            State::Expired => "expired",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// The kinds of certificate; the first three are the search's `certification` values.
pub const KINDS: [&str; 4] = ["pso", "cso", "sena", "other"];

#[derive(Debug, Clone, Queryable, Selectable, Serialize)]
#[diesel(table_name = certificates)]
pub struct Certificate {
    pub id: i32,
    pub organisation_id: i32,
    pub kind: String,
    pub name: String,
    pub valid_until: Option<NaiveDate>,
    pub state: String,
    pub claimed_at: NaiveDateTime,
    pub evidence_name: Option<String>,
    pub evidence_type: Option<String>,
    pub evidence_size: Option<i64>,
    pub evidence_sha256: Option<String>,
    pub evidence_at: Option<NaiveDateTime>,
    pub decided_by: Option<i32>,
    pub decided_at: Option<NaiveDateTime>,
    pub decision_note: Option<String>,
    pub verified_at: Option<NaiveDateTime>,
}

impl Certificate {
    /// The stored state (the database's CHECK allows no other; anything else reads as claimed).
    fn stored(&self) -> State {
        State::parse(&self.state).unwrap_or(State::Claimed)
    }

    /// The state on `day`: a claimed or verified certificate whose date has passed is
    /// expired, whether or not the daily step has marked it yet.
    pub fn state_on(&self, day: NaiveDate) -> State {
        match self.stored() {
            State::Claimed | State::Verified if self.valid_until.is_some_and(|until| until < day) => State::Expired,
            other => other,
        }
    }

    /// Whether it counts on `day`: verified by the operator and valid that day. A
    /// certificate verified and since expired still counts for a day it was valid on
    /// (the social-return valuation asks about the invoice date).
    pub fn counts_on(&self, day: NaiveDate) -> bool {
        self.verified_at.is_some()
            && matches!(self.stored(), State::Verified | State::Expired)
            && self.valid_until.is_none_or(|until| until >= day)
    }
}

/// A certificate as the public sees it (rejected ones are not shown).
#[derive(Debug, Clone, Serialize, PartialEq, utoipa::ToSchema)]
pub struct CertificatePublic {
    /// `pso`, `cso`, `sena` or `other`.
    pub kind: String,
    /// The PSO level, `registered`, `member`, or the other certificate's name.
    pub name: String,
    pub valid_until: Option<NaiveDate>,
    /// The state today: `claimed` (shown as not verified), `verified` or `expired`.
    pub state: State,
    /// When the operator verified it.
    pub verified_at: Option<NaiveDateTime>,
}

/// What a profile claims: (kind, name, valid until), once each.
pub fn claims_of(input: &OrganisationInput) -> Vec<(&'static str, String, Option<NaiveDate>)> {
    let mut claims = Vec::new();
    if let Some(level) = input.pso_level.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        claims.push(("pso", level.to_string(), input.pso_valid_until));
    }
    if input.cso_status.as_deref().map(str::trim) == Some("registered") {
        claims.push(("cso", "registered".to_string(), None));
    }
    if input.sena_member {
        claims.push(("sena", "member".to_string(), None));
    }
    for (name, until) in &input.certifications {
        let name = name.trim();
        if !name.is_empty() && !claims.iter().any(|(kind, n, _)| *kind == "other" && n == name) {
            claims.push(("other", name.to_string(), *until));
        }
    }
    claims
}

/// Brings an organisation's certificates in step with what its profile claims, in the
/// caller's transaction: a certificate no longer claimed goes, a new one is `claimed`,
/// one whose PSO level or date changed is claimed again (its evidence and decision
/// cleared); the others are untouched. Returns the ids of the new claims.
pub fn sync(
    conn: &mut DbConn,
    organisation: i32,
    input: &OrganisationInput,
    now: NaiveDateTime,
) -> QueryResult<Vec<i32>> {
    let claims = claims_of(input);
    let existing = of_organisation(conn, organisation)?;
    let same = |c: &Certificate, kind: &str, name: &str| c.kind == kind && (kind == "pso" || c.name == name);
    for old in &existing {
        if !claims.iter().any(|(kind, name, _)| same(old, kind, name)) {
            diesel::delete(certificates::table.find(old.id)).execute(conn)?;
        }
    }
    let mut claimed = Vec::new();
    for (kind, name, until) in claims {
        match existing.iter().find(|c| same(c, kind, &name)) {
            Some(old) if old.name == name && old.valid_until == until => {}
            Some(old) => {
                diesel::update(certificates::table.find(old.id))
                    .set((
                        certificates::name.eq(&name),
                        certificates::valid_until.eq(until),
                        certificates::state.eq(State::Claimed.as_str()),
                        certificates::claimed_at.eq(now),
                        certificates::evidence_name.eq(None::<String>),
                        certificates::evidence_type.eq(None::<String>),
                        certificates::evidence_size.eq(None::<i64>),
                        certificates::evidence_sha256.eq(None::<String>),
                        certificates::evidence_at.eq(None::<NaiveDateTime>),
                        certificates::decided_by.eq(None::<i32>),
                        certificates::decided_at.eq(None::<NaiveDateTime>),
                        certificates::decision_note.eq(None::<String>),
                        certificates::verified_at.eq(None::<NaiveDateTime>),
                    ))
                    .execute(conn)?;
                claimed.push(old.id);
            }
            None => {
                diesel::insert_into(certificates::table)
                    .values((
                        certificates::organisation_id.eq(organisation),
                        certificates::kind.eq(kind),
                        certificates::name.eq(&name),
                        certificates::valid_until.eq(until),
                        certificates::state.eq(State::Claimed.as_str()),
                        certificates::claimed_at.eq(now),
                    ))
                    .execute(conn)?;
                let id = certificates::table
                    .filter(certificates::organisation_id.eq(organisation))
                    .filter(certificates::kind.eq(kind))
                    .filter(certificates::name.eq(&name))
                    .select(certificates::id)
                    .first(conn)?;
                claimed.push(id);
            }
        }
    }
    Ok(claimed)
}

/// An organisation's certificates, in the order the profile lists them.
pub fn of_organisation(conn: &mut DbConn, organisation: i32) -> QueryResult<Vec<Certificate>> {
    certificates::table
        .filter(certificates::organisation_id.eq(organisation))
        .order(certificates::id)
        .select(Certificate::as_select())
        .load(conn)
}

/// One certificate by id.
pub fn one(conn: &mut DbConn, id: i32) -> QueryResult<Option<Certificate>> {
    certificates::table.find(id).select(Certificate::as_select()).first(conn).optional()
}

/// How many certificates wait for the operator on `day`: claimed, and not expired
/// ([`Certificate::state_on`], as the queue counts them).
pub fn claimed_count(conn: &mut DbConn, day: NaiveDate) -> QueryResult<i64> {
    certificates::table
        .filter(certificates::state.eq(State::Claimed.as_str()))
        .filter(certificates::valid_until.is_null().or(certificates::valid_until.ge(day)))
        .count()
        .get_result(conn)
}

/// Which of `kinds` count on `day` ([`Certificate::counts_on`]), per WISE among `only`
/// (every WISE with `None`), each kind once, in the order of `kinds`: [`KINDS`], or the
/// search's labels (`vocab::CERTIFICATION_FILTERS`: PSO, CSO, SE NL).
pub fn counting_on(
    conn: &mut DbConn,
    only: Option<&[i32]>,
    day: NaiveDate,
    kinds: &[&'static str],
) -> QueryResult<HashMap<i32, Vec<&'static str>>> {
    let mut query = certificates::table
        .filter(certificates::verified_at.is_not_null())
        .select(Certificate::as_select())
        .into_boxed();
    if let Some(ids) = only {
        query = query.filter(certificates::organisation_id.eq_any(ids));
    }
    let mut held: HashMap<i32, Vec<&'static str>> = HashMap::new();
    for certificate in query.load(conn)? {
        if !certificate.counts_on(day) {
            continue;
        }
        if let Some(kind) = kinds.iter().copied().find(|k| *k == certificate.kind) {
            let found = held.entry(certificate.organisation_id).or_default();
            if !found.contains(&kind) {
                found.push(kind);
            }
        }
    }
    for found in held.values_mut() {
        found.sort_by_key(|k| kinds.iter().position(|x| x == k));
    }
    Ok(held)
}

/// The certificates the public sees on `day`: every one but the rejected, with its state
/// that day; PSO, CSO and SE NL first, then the others by name.
pub fn public_of(conn: &mut DbConn, organisation: i32, day: NaiveDate) -> QueryResult<Vec<CertificatePublic>> {
    let mut list: Vec<CertificatePublic> = of_organisation(conn, organisation)?
        .into_iter()
        .filter(|c| c.state_on(day) != State::Rejected)
        .map(|c| CertificatePublic {
            state: c.state_on(day),
            verified_at: c.verified_at,
            kind: c.kind,
            name: c.name,
            valid_until: c.valid_until,
        })
        .collect();
    list.sort_by(|a, b| {
        let rank = |kind: &str| KINDS.iter().position(|k| *k == kind).unwrap_or(KINDS.len());
        (rank(&a.kind), &a.name).cmp(&(rank(&b.kind), &b.name))
    });
    Ok(list)
}

/// A certificate for unit tests: `kind`, valid until `until`, verified or only claimed.
#[cfg(test)]
pub(crate) fn sample(kind: &str, until: Option<NaiveDate>, verified: bool) -> Certificate {
    let at = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(9, 0, 0).unwrap();
    Certificate {
        id: 1,
        organisation_id: 1,
        kind: kind.into(),
        name: kind.into(),
        valid_until: until,
        state: if verified { "verified" } else { "claimed" }.into(),
        claimed_at: at,
        evidence_name: None,
        evidence_type: None,
        evidence_size: None,
        evidence_sha256: None,
        evidence_at: None,
        decided_by: None,
        decided_at: None,
        decision_note: None,
        verified_at: verified.then_some(at),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn certificate(state: &str, until: Option<NaiveDate>, verified: bool) -> Certificate {
        Certificate { state: state.into(), ..sample("pso", until, verified) }
    }

    #[test]
    fn only_verified_and_current_certificates_count() {
        let day = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let until = NaiveDate::from_ymd_opt(2026, 6, 1);
        assert!(certificate("verified", until, true).counts_on(day), "valid through its last day");
        assert!(!certificate("verified", until, true).counts_on(day.succ_opt().unwrap()));
        assert_eq!(certificate("verified", until, true).state_on(day.succ_opt().unwrap()), State::Expired);
        assert!(!certificate("claimed", until, false).counts_on(day), "claimed: not verified");
        assert!(!certificate("rejected", until, false).counts_on(day));
        assert!(certificate("expired", until, true).counts_on(day), "was verified and valid that day");
        assert!(!certificate("expired", until, false).counts_on(day), "expired while only claimed");
        assert!(certificate("verified", None, true).counts_on(day), "no date: valid until withdrawn");
    }

    #[test]
    fn a_profile_claims_each_certificate_once() {
        let input = OrganisationInput {
            pso_level: Some("trede_2".into()),
            pso_valid_until: NaiveDate::from_ymd_opt(2027, 1, 31),
            cso_status: Some("applied".into()),
            sena_member: true,
            certifications: vec![("VCA".into(), None), (" VCA ".into(), None), ("ISO 9001".into(), None)],
            ..OrganisationInput::default()
        };
        let kinds: Vec<(&str, String)> = claims_of(&input).into_iter().map(|(k, n, _)| (k, n)).collect();
        assert_eq!(
            kinds,
            vec![
                ("pso", "trede_2".to_string()),
                ("sena", "member".to_string()),
                ("other", "VCA".to_string()),
                ("other", "ISO 9001".to_string())
            ]
        );
    }
}
