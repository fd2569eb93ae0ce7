//! Registration: a WISE applies through a public form (its details and its first user),
//! the applicant confirms their email address, and the operator approves the WISE, asks
//! for changes, suspends or reinstates it from a queue. Until approved a WISE stays
//! `pending` and invisible. Every step writes its mails to the outbox and an audit entry
//! in the transaction that makes the change.

mod apply;
mod completeness;
mod confirm;
mod queue;

use apply::*;
use confirm::*;
use queue::*;

pub mod store;
pub mod view;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::Duration;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::audit;
use crate::db::write_tx;
use crate::i18n::Lang;
use crate::mail::{self, outbox};
use crate::organisation::model::OrganisationInput;
use crate::organisation::store::MAX_DESCRIPTION;
use crate::organisation::Status;
use crate::users::store::{normalise_email, NewUser};
use crate::validation::{char_len, Errors, FieldError};
use crate::vocab;
use crate::web::auth::policy::Action;
use crate::web::auth::ratelimit::{attempt_keys, limit};
use crate::web::auth::session::CsrfForm;
use crate::web::form::Paging;
use crate::web::form::{field_errors, see_other};
use crate::web::{page, routes, AppError, AppState};
use store::{Application, Confirmation};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/register", register_page);
    routes::post(cfg, "/register", register);
    routes::get(cfg, "/register/confirm", confirm_page);
    routes::post(cfg, "/register/confirm", confirm);
    routes::post(cfg, "/register/resend", resend);
    routes::get(cfg, "/admin/organisations", queue_page);
    routes::get(cfg, "/admin/organisations/{id}", review_page);
    routes::post(cfg, "/admin/organisations/{id}/approve", approve);
    routes::post(cfg, "/admin/organisations/{id}/request-changes", request_changes);
    routes::post(cfg, "/admin/organisations/{id}/suspend", suspend);
    routes::post(cfg, "/admin/organisations/{id}/reinstate", reinstate);
    routes::get(cfg, "/admin/completeness", completeness::overview);
}

/// A confirmation link works as long as an invitation link (`auth.invite_link_days`).
pub(crate) fn confirmation_lifetime(state: &AppState) -> Duration {
    Duration::days(state.config.auth.invite_link_days)
}

/// Text from a textarea: Windows line ends folded, trimmed.
fn multiline(text: &str) -> String {
    text.replace("\r\n", "\n").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_primary_sector_comes_first_and_once() {
        let form = RegisterForm {
            primary_sector: "textiles".into(),
            sectors: vec!["catering".into(), "textiles".into(), "catering".into()],
            ..Default::default()
        };
        assert_eq!(form.sector_list(), ["textiles", "catering"]);
    }

    #[test]
    fn numbers_and_websites_are_read_leniently_but_checked() {
        let form = RegisterForm {
            kvk_number: " 0123 4567 ".into(),
            founded_year: "twee".into(),
            market_income_pct: " 40 ".into(),
            website: "www.example.nl".into(),
            ..Default::default()
        };
        let (application, errors) = form.application(Lang::En);
        assert_eq!(application.organisation.kvk_number, "01234567");
        assert_eq!(application.organisation.market_income_pct, Some(40));
        assert_eq!(application.organisation.website.as_deref(), Some("https://www.example.nl"));
        assert_eq!(application.user.language, "en");
        let fields: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.key)).collect();
        assert_eq!(fields, [("founded_year", "error-year"), ("sectors", "error-sector-required")]);
    }

    #[test]
    fn decisions_move_between_the_right_statuses() {
        assert_eq!(Decision::Approve.leads_to(), Status::Approved);
        assert_eq!(Decision::RequestChanges.leads_to(), Status::Pending);
        assert!(Decision::Suspend.applies_to().contains(&Status::Approved));
        assert!(!Decision::Reinstate.applies_to().contains(&Status::Pending));
        assert_eq!(Decision::RequestChanges.mail(), "organisation-changes-requested");
        assert_eq!(notice_key(Some("suspended")), Some("registry-notice-suspended"));
        assert_eq!(notice_key(Some("other")), None);
    }
}
