//! The one authorization policy: role × action × ownership. Pages and the API both
//! ask it; a refusal by a signed-in user is written to the audit log.

use actix_web::HttpRequest;

use super::session::{client_ip, Identity};
use crate::audit::{self, Actor};
use crate::users::model::{CurrentUser, Role};
use crate::web::{AppError, AppState};

/// Everything that needs more than being the public.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// See and change one's own name, language, password and API tokens.
    ManageOwnAccount,
    /// List, invite, change and disable users; read the audit log.
    ManageUsers,
    /// Edit a WISE's profile and offerings (needs the WISE).
    EditOrganisation,
    /// Submit and correct a WISE's figures (needs the WISE).
    SubmitFigures,
    /// Review submissions, manage periods, approve WISEs, run imports.
    Operate,
    /// Exact (unsuppressed) reports and submission status.
    ViewExactReports,
    /// Shortlists, saved searches and enquiries.
    UseBuyerTools,
}

/// Whether `user` may do `action`, on the WISE `organisation` where it concerns one.
pub fn allows(user: Option<&CurrentUser>, action: Action, organisation: Option<i32>) -> bool {
    let Some(user) = user else {
        return false;
    };
    let member = organisation.is_some_and(|id| user.organisations.contains(&id));
    match action {
        Action::ManageOwnAccount => true,
        Action::ManageUsers | Action::Operate => user.is(Role::Admin),
        Action::EditOrganisation | Action::SubmitFigures => user.is(Role::Admin) || (user.is(Role::Wise) && member),
        Action::ViewExactReports => matches!(user.role, Role::Admin | Role::City),
        Action::UseBuyerTools => matches!(user.role, Role::Admin | Role::Buyer),
    }
}

/// The signed-in user, if they may do `action`; otherwise 401 (not signed in) or
/// 403 (signed in, not allowed — audited).
pub async fn require(
    state: &AppState,
    req: &HttpRequest,
    identity: &Identity,
    action: Action,
    organisation: Option<i32>,
) -> Result<CurrentUser, AppError> {
    let user = identity.user()?;
    if allows(Some(user), action, organisation) {
        return Ok(user.clone());
    }
    let (id, email) = (user.id, user.email.clone());
    let ip = client_ip(req, &state.config);
    let target = format!("{} {}", req.method(), req.path());
    let detail = format!("{action:?}");
    let now = crate::db::timestamp(state.clock.now());
    state
        .db(move |c| {
            let entry = audit::Entry {
                actor: Actor::User { id, email: &email },
                ip: Some(&ip),
                action: "authorization_refused",
                target: &target,
                detail: &detail,
            };
            Ok(audit::record(c, now, entry)?)
        })
        .await?;
    Err(AppError::Forbidden)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role, organisations: Vec<i32>) -> CurrentUser {
        CurrentUser { id: 1, email: "a@b.nl".into(), name: "A".into(), role, language: "nl".into(), organisations }
    }

    #[test]
    fn roles_and_ownership() {
        let wise = user(Role::Wise, vec![7]);
        assert!(allows(Some(&wise), Action::EditOrganisation, Some(7)));
        assert!(!allows(Some(&wise), Action::EditOrganisation, Some(8)));
        assert!(!allows(Some(&wise), Action::ManageUsers, None));
        assert!(allows(Some(&user(Role::Admin, vec![])), Action::EditOrganisation, Some(8)));
        assert!(allows(Some(&user(Role::City, vec![])), Action::ViewExactReports, None));
        assert!(!allows(Some(&user(Role::Buyer, vec![])), Action::ViewExactReports, None));
        assert!(allows(Some(&user(Role::Buyer, vec![])), Action::UseBuyerTools, None));
        assert!(!allows(None, Action::ManageOwnAccount, None));
    }
}
