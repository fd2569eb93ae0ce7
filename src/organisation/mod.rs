//! The organisation (a WISE), the entity: its rows (`model`), its status and the rule of
//! who may see it. The catalogue, the registry, the figures and the reports all read
//! organisations; what the public sees is written once here ([`public`]).

pub mod certificates;
pub mod completeness;
pub mod model;
pub mod offerings;
pub mod store;

use crate::db::schema::organisations;

/// Where an organisation stands: only `Approved` ones are public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Registered (or imported) and waiting for the operator.
    Pending,
    /// Checked by the operator: in the catalogue, the reports and the digests.
    Approved,
    /// Taken out of public view by the operator, with a reason.
    Suspended,
    /// Gone for good; kept for the figures it reported.
    Archived,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Pending, Status::Approved, Status::Suspended, Status::Archived];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Approved => "approved",
            Status::Suspended => "suspended",
            Status::Archived => "archived",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Whether the public (and buyers, and the reports) see an organisation of this status.
    pub fn is_public(self) -> bool {
        self == Status::Approved
    }
}

/// The filter of every query that shows organisations to the public: approved ones only.
pub fn public() -> diesel::dsl::Eq<organisations::status, &'static str> {
    use diesel::ExpressionMethods;
    organisations::status.eq(Status::Approved.as_str())
}

impl model::Organisation {
    /// The stored status; an unknown one (the database's CHECK rules it out) counts as pending.
    pub fn status(&self) -> Status {
        Status::parse(&self.status).unwrap_or(Status::Pending)
    }

    /// The WISE as the heading of its own pages shows it (`manage/nav`: breadcrumbs,
    /// status, the link to the public page).
    pub fn page_heading(&self) -> serde_json::Value {
        serde_json::json!({
            "kvk_number": self.kvk_number,
            "name": self.name,
            "slug": self.slug,
            "status": self.status,
            "public": self.status().is_public(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_the_vocabulary_and_only_approved_is_public() {
        let texts: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(texts, crate::vocab::ORGANISATION_STATUSES);
        assert!(Status::ALL.iter().all(|s| Status::parse(s.as_str()) == Some(*s)));
        assert_eq!(Status::ALL.iter().filter(|s| s.is_public()).count(), 1);
        assert_eq!(Status::parse("deleted"), None);
    }
}
