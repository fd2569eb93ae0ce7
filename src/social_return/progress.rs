//! Where a contract stands: realised against its obligation, confirmed against pending,
//! and where it ends at the current pace.

use chrono::NaiveDate;
use serde::Serialize;

use super::model::{Contract, Entry};
use crate::config::SocialReturnConfig;

/// A contract's progress on `today`.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Progress {
    pub obligation_cents: i64,
    /// What counts: confirmed and overridden purchases, and building blocks.
    pub realised_cents: i64,
    /// Of that, purchases from WISEs.
    pub realised_purchases_cents: i64,
    /// Purchases awaiting their WISE, and disputed ones (neither counts).
    pub pending_cents: i64,
    pub disputed_cents: i64,
    /// Realised as a share of the obligation, and the term passed, in per mille.
    pub realised_permille: i64,
    pub term_permille: i64,
    /// Realised at the end of the term at the pace so far (`None` before the start).
    pub projected_cents: Option<i64>,
    /// `upcoming`, `running`, `behind` (late in its term, well below its obligation),
    /// `met`, or `ended` (over, obligation not met).
    pub state: &'static str,
}

fn permille(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        return 0;
    }
    (i128::from(part) * 1000 / i128::from(whole)) as i64
}

/// `contract`'s progress from its `entries` on `today`.
pub fn of<'a>(
    contract: &Contract,
    entries: impl IntoIterator<Item = &'a Entry>,
    today: NaiveDate,
    config: &SocialReturnConfig,
) -> Progress {
    let (mut realised, mut realised_purchases, mut pending, mut disputed) = (0, 0, 0, 0);
    for e in entries {
        if e.counts() {
            realised += e.value_cents;
            if e.is_purchase() {
                realised_purchases += e.value_cents;
            }
        }
        match e.state.as_str() {
            "pending" => pending += e.value_cents,
            "disputed" => disputed += e.value_cents,
            _ => {}
        }
    }
    let term = (contract.ends_on - contract.starts_on).num_days().max(1);
    let elapsed = (today - contract.starts_on).num_days().clamp(0, term);
    let term_permille = permille(elapsed, term);
    let projected = if today < contract.starts_on {
        None
    } else if elapsed >= term {
        Some(realised)
    } else {
        Some((i128::from(realised) * i128::from(term) / i128::from(elapsed.max(1))) as i64)
    };
    let realised_permille = permille(realised, contract.obligation_cents);
    let state = if realised >= contract.obligation_cents {
        "met"
    } else if today < contract.starts_on {
        "upcoming"
    } else if today > contract.ends_on {
        "ended"
    } else if is_behind(term_permille, realised_permille, config) {
        "behind"
    } else {
        "running"
    };
    Progress {
        obligation_cents: contract.obligation_cents,
        realised_cents: realised,
        realised_purchases_cents: realised_purchases,
        pending_cents: pending,
        disputed_cents: disputed,
        realised_permille,
        term_permille,
        projected_cents: projected,
        state,
    }
}

/// Past `warn_term_pct` of the term and below `warn_obligation_pct` of the obligation.
pub fn is_behind(term_permille: i64, realised_permille: i64, config: &SocialReturnConfig) -> bool {
    term_permille >= i64::from(config.warn_term_pct) * 10
        && realised_permille < i64::from(config.warn_obligation_pct) * 10
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn contract() -> Contract {
        Contract {
            id: 1,
            reference: "SR-1".into(),
            title: "t".into(),
            contractor_id: 1,
            value_cents: 10_000_000,
            percent_bp: 500,
            obligation_cents: 500_000,
            starts_on: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            ends_on: NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
            officer_id: 1,
            created_at: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap(),
        }
    }

    fn entry(state: &str, value: i64) -> Entry {
        Entry {
            id: 1,
            contract_id: 1,
            kind: "purchase".into(),
            wise_id: Some(1),
            invoice_number: Some("F1".into()),
            entry_date: NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
            amount_cents: Some(value),
            quantity: 1,
            description: String::new(),
            rate_pct: 100,
            value_cents: value,
            state: state.into(),
            comment: None,
            decided_by: None,
            decided_at: None,
            created_by: None,
            created_at: NaiveDate::from_ymd_opt(2026, 2, 1).unwrap().and_hms_opt(0, 0, 0).unwrap(),
        }
    }

    #[test]
    fn only_confirmed_purchases_count_and_the_pace_projects_the_end() {
        let config = Config::defaults().social_return;
        let (a, b, c) = (entry("confirmed", 100_000), entry("pending", 70_000), entry("disputed", 30_000));
        let list = [a, b, c];
        let mid = NaiveDate::from_ymd_opt(2026, 7, 2).unwrap();
        let p = of(&contract(), &list, mid, &config);
        assert_eq!((p.realised_cents, p.pending_cents, p.disputed_cents), (100_000, 70_000, 30_000));
        assert_eq!(p.realised_permille, 200);
        assert_eq!(p.state, "running");
        // Half the term gone: twice what is realised.
        assert_eq!(p.projected_cents, Some(200_000));
        let late = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        assert_eq!(of(&contract(), &list, late, &config).state, "behind");
        let after = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        assert_eq!(of(&contract(), &list, after, &config).state, "ended");
        let before = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
        assert_eq!(of(&contract(), &list, before, &config).projected_cents, None);
        let big = entry("overridden", 500_000);
        assert_eq!(of(&contract(), [&big], mid, &config).state, "met");
    }
}
