//! The buying organisation, the entity: municipalities, other public bodies and
//! companies whose users are buyers (SPEC §2). One home for its rows and queries; the
//! buyer journeys (registration, needs) read and write buying organisations through it.

pub mod store;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::buying_organisations;

/// A buying organisation as stored.
#[derive(Debug, Clone, Queryable, Selectable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = buying_organisations)]
pub struct BuyingOrganisation {
    pub id: i32,
    pub name: String,
    pub kvk_number: String,
    /// `municipality`, `public_body` or `company`.
    pub kind: String,
    pub municipality: Option<String>,
    /// `pending` (waiting for the operator), `approved` or `suspended`.
    pub status: String,
    #[schema(value_type = String)]
    pub created_at: NaiveDateTime,
    #[schema(value_type = String)]
    pub updated_at: NaiveDateTime,
}

impl BuyingOrganisation {
    pub fn is_approved(&self) -> bool {
        self.status == "approved"
    }
}

/// What a buying organisation is made from (the operator's form, a buyer's registration, the demo).
#[derive(Debug, Clone, Default)]
pub struct BuyingInput {
    pub name: String,
    pub kvk_number: String,
    pub kind: String,
    pub municipality: String,
}

/// A buyer of a buying organisation, as its page lists them.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub user_id: i32,
    pub name: String,
    pub email: String,
    pub language: String,
    pub email_confirmed: bool,
    pub approved: bool,
}
