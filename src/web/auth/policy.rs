//! The one authorization policy: role × action × ownership. Pages and the API both
//! ask it; a refusal by a signed-in user is written to the audit log.

use actix_web::HttpRequest;

use super::session::{client_ip, Identity};
use crate::audit;
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
    /// Buyer needs: post them (a buyer), answer them (a WISE), moderate them (the operator).
    UseNeeds,
    /// Social return: follow contracts (the officer, the contractor's buyers) and answer
    /// claims on one's WISE.
    UseSocialReturn,
    /// Record social-return contracts and override a WISE's answer (the city's officer).
    OverseeSocialReturn,
    /// Partnerships between WISEs and companies: a WISE's user proposes and reviews its
    /// own, a company's buyer confirms and reviews its own (checked per partnership).
    UsePartnerships,
    /// Read every partnership (the city, the operator).
    OverseePartnerships,
    /// Ask the reserved-contract advisor about planned purchases (buyers, the city, the operator).
    PlanPurchases,
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
        Action::UseNeeds => matches!(user.role, Role::Admin | Role::Buyer | Role::Wise),
        Action::UseSocialReturn => true,
        Action::OverseeSocialReturn => matches!(user.role, Role::Admin | Role::City),
        Action::UsePartnerships => true,
        Action::OverseePartnerships => matches!(user.role, Role::Admin | Role::City),
        Action::PlanPurchases => matches!(user.role, Role::Admin | Role::City | Role::Buyer),
    }
}

/// What the signed-in user may do, for the templates (`can.operate`, …): pages show a
/// link or a form by asking the policy, never by comparing role names.
pub fn flags(user: Option<&CurrentUser>) -> serde_json::Value {
    let may = |action| allows(user, action, None);
    let own_wise = user.and_then(|u| u.organisations.first().copied());
    serde_json::json!({
        "manage_users": may(Action::ManageUsers),
        "operate": may(Action::Operate),
        "view_exact_reports": may(Action::ViewExactReports),
        "use_buyer_tools": may(Action::UseBuyerTools),
        // The operator reaches the needs through the administration's sub-menu.
        "use_needs": may(Action::UseNeeds) && !may(Action::Operate),
        "use_social_return": may(Action::UseSocialReturn),
        "oversee_social_return": may(Action::OverseeSocialReturn),
        "use_partnerships": may(Action::UsePartnerships),
        "plan_purchases": may(Action::PlanPurchases),
        "edit_own_wise": own_wise.is_some_and(|id| allows(user, Action::EditOrganisation, Some(id))),
    })
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
        .db(move |c| Ok(audit::Entry::by(id, &email, &ip, "authorization_refused", &target, &detail).record(c, now)?))
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

    #[test]
    fn template_flags_follow_the_policy() {
        let admin = flags(Some(&user(Role::Admin, vec![])));
        assert_eq!(admin["operate"], true);
        assert_eq!(admin["use_buyer_tools"], true);
        assert_eq!(admin["edit_own_wise"], false, "the operator has no WISE of its own");
        let wise = flags(Some(&user(Role::Wise, vec![7])));
        assert_eq!(wise["edit_own_wise"], true);
        assert_eq!(wise["view_exact_reports"], false);
        let city = flags(Some(&user(Role::City, vec![])));
        assert_eq!(city["view_exact_reports"], true);
        assert_eq!(city["use_buyer_tools"], false);
        assert!(flags(None).as_object().unwrap().values().all(|v| v == false));
    }
}
