//! Shapes the catalogue's records for pages.

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{json, Value};

use super::store::Profile;

/// Where a page sits in a paged list.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Paging {
    pub page: u32,
    pub pages: u32,
    pub previous: Option<u32>,
    pub next: Option<u32>,
}

impl Paging {
    /// An empty list still has one (empty) page.
    pub fn new(page: u32, per_page: u32, total: i64) -> Self {
        let per_page = i64::from(per_page.max(1));
        let pages = u32::try_from(((total + per_page - 1) / per_page).max(1)).unwrap_or(u32::MAX);
        Self { page, pages, previous: (page > 1).then(|| page - 1), next: (page < pages).then(|| page + 1) }
    }
}

/// The profile page's data: the public record, with certificates marked expired by `today`.
pub fn profile_page(profile: &Profile, today: NaiveDate) -> Value {
    let expired = |until: Option<NaiveDate>| until.is_some_and(|d| d < today);
    let certifications: Vec<Value> = profile
        .certifications
        .iter()
        .map(|c| json!({ "name": c.name, "valid_until": c.valid_until, "expired": expired(c.valid_until) }))
        .collect();
    json!({
        "nav": "organisations",
        "organisation": profile.organisation,
        "pso_expired": expired(profile.organisation.pso_valid_until),
        "sectors": profile.sectors,
        "target_groups": profile.target_groups,
        "certifications": certifications,
        "offerings": profile.offerings,
    })
}

#[cfg(test)]
mod tests {
    use super::Paging;

    #[test]
    fn paging_counts_pages() {
        assert_eq!(Paging::new(1, 20, 0), Paging { page: 1, pages: 1, previous: None, next: None });
        assert_eq!(Paging::new(2, 20, 41), Paging { page: 2, pages: 3, previous: Some(1), next: Some(3) });
        assert_eq!(Paging::new(3, 20, 60).next, None);
    }
}
