//! Partnerships between WISEs and companies (issue 24): a WISE's user proposes one with a
//! company on the platform or invites a company new to it, the company's buyers confirm
//! or decline it, either partner reviews its phase or ends it (`pages`); the list of
//! one's partnerships (here); the rows and checks (`model`), every query (`store`),
//! page shapes (`view`), the API (`api`), the moves into paid
//! work through partners stated with a WISE's figures (`moves`), the partners'
//! self-assessment compared (`assessment`). Only confirmed partnerships count;
//! the public sees those whose partners both agreed to be named.

pub mod api;
pub mod assessment;
pub mod model;
pub mod moves;
mod pages;
pub mod store;
mod view;

use actix_web::HttpResponse;

use crate::buying::BuyingOrganisation;
use crate::users::model::{CurrentUser, Role};
use crate::web::auth::policy::{self, Action};
use crate::web::context::Ctx;
use crate::web::{routes, AppError};
use model::Side;
use store::{Listed, Scope};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/partnerships", list);
    routes::get(cfg, "/companies/{kvk}", company_page);
    pages::routes(cfg);
    assessment::routes(cfg);
    api::routes(cfg);
}

/// Who is asking, as partnerships see them.
pub(crate) enum Viewer {
    /// The city or the operator: every partnership, to read.
    Overseer(CurrentUser),
    /// A WISE's user: the partnerships of its WISE.
    Wise(CurrentUser, i32),
    /// A buyer of an approved organisation: the partnerships it is the company of.
    Company(CurrentUser, BuyingOrganisation),
}

impl Viewer {
    pub(crate) fn user(&self) -> &CurrentUser {
        match self {
            Viewer::Overseer(u) | Viewer::Wise(u, _) | Viewer::Company(u, _) => u,
        }
    }

    /// The partner the viewer acts for in `p`, if any.
    pub(crate) fn side(&self, p: &model::Partnership) -> Option<Side> {
        match self {
            Viewer::Wise(_, id) if *id == p.wise_id => Some(Side::Wise),
            Viewer::Company(_, o) if o.id == p.company_id => Some(Side::Company),
            _ => None,
        }
    }

    fn scope(&self) -> Scope {
        match self {
            Viewer::Overseer(_) => Scope::All,
            Viewer::Wise(_, id) => Scope::Wise(*id),
            Viewer::Company(_, o) => Scope::Company(o.id),
        }
    }
}

/// The signed-in user as partnerships see them: 403 for a buyer without an approved
/// organisation or a WISE user without a WISE.
pub(crate) async fn viewer(ctx: &Ctx) -> Result<Viewer, AppError> {
    let user = ctx.require(Action::UsePartnerships, None).await?;
    if policy::allows(Some(&user), Action::OverseePartnerships, None) {
        return Ok(Viewer::Overseer(user));
    }
    match user.role {
        Role::Buyer => {
            let id = user.id;
            let organisation = ctx.state.db(move |c| Ok(crate::buying::store::acting_for(c, id)?)).await?;
            Ok(Viewer::Company(user, organisation.ok_or(AppError::Forbidden)?))
        }
        _ => match user.organisations.first().copied() {
            Some(wise) => Ok(Viewer::Wise(user, wise)),
            None => Err(AppError::Forbidden),
        },
    }
}

/// A partnership the viewer may read, with the side they are on: 404 for one of others.
pub(crate) async fn readable(ctx: &Ctx, viewer: &Viewer, id: i32) -> Result<(Listed, Option<Side>), AppError> {
    let listed = ctx.state.db(move |c| Ok(store::get(c, id)?)).await?.ok_or(AppError::NotFound)?;
    let side = viewer.side(&listed.partnership);
    if side.is_none() && !matches!(viewer, Viewer::Overseer(_)) {
        return Err(AppError::NotFound);
    }
    Ok((listed, side))
}

/// Writes an audit entry on partnership `id` by `user`.
pub(crate) fn audited(
    c: &mut crate::db::DbConn,
    user: &CurrentUser,
    ip: &str,
    action: &str,
    id: i32,
    detail: &str,
    now: chrono::NaiveDateTime,
) -> diesel::QueryResult<()> {
    crate::audit::Entry::by(user.id, &user.email, ip, action, &format!("partnership {id}"), detail).record(c, now)
}

/// A partnership as public pages show it (a WISE's profile, a company's page): the
/// partners, the phase and what is exchanged.
pub fn public_row(l: &Listed) -> serde_json::Value {
    view::row(l)
}

/// `/companies/{kvk}`: a company's WISE partners, for everyone: its partnerships that
/// count and whose partners both agreed to be named (current ones first). A company
/// without such a partnership has no public page (404).
async fn company_page(ctx: Ctx, kvk: actix_web::web::Path<String>) -> Result<HttpResponse, AppError> {
    let kvk = kvk.into_inner();
    let (company, mut listed) = ctx
        .state
        .db(move |c| {
            let company = crate::buying::store::by_kvk(c, kvk.trim())?.filter(|o| o.is_approved());
            let listed = match &company {
                Some(o) => store::list(c, Scope::Public { wise: None, company: Some(o.id) })?,
                None => Vec::new(),
            };
            Ok((company, listed))
        })
        .await?;
    let company = company.filter(|_| !listed.is_empty()).ok_or(AppError::NotFound)?;
    listed.sort_by_key(|l| l.partnership.state != "confirmed");
    let (current, past): (Vec<&Listed>, Vec<&Listed>) = listed.iter().partition(|l| l.partnership.state == "confirmed");
    ctx.render(
        "partnerships/company",
        serde_json::json!({
            "nav": "partnerships",
            "company": { "name": company.name, "kvk_number": company.kvk_number, "municipality": company.municipality },
            "current": current.into_iter().map(view::row).collect::<Vec<_>>(),
            "past": past.into_iter().map(view::row).collect::<Vec<_>>(),
        }),
    )
}

/// `/partnerships`: the viewer's partnerships (the city's and the operator's: all).
async fn list(ctx: Ctx, query: actix_web::web::Query<crate::web::page::NoticeQuery>) -> Result<HttpResponse, AppError> {
    let viewer = viewer(&ctx).await?;
    let scope = viewer.scope();
    let listed = ctx.state.db(move |c| Ok(store::list(c, scope)?)).await?;
    let notice = query.notice.as_deref().and_then(view::notice_key);
    ctx.render("partnerships/list", view::list_page(&viewer, &listed, notice))
}
