//! Social return (SROI): the city's officer records a contract with a social-return
//! obligation (`contracts`); its contractor's buyers record what they did towards it —
//! purchases from WISEs, which count once the WISE confirms them, and the building
//! blocks of the city's valuation table (`claims`); the WISE confirms or disputes each
//! claim on it, and the officer may override with a reason. Progress (`progress`), the
//! city's valuation (`valuation`), the scheduled mails (`flow`), the API (`api`).

pub mod api;
mod claims;
mod contracts;
pub mod flow;
pub mod model;
pub mod progress;
pub mod store;
pub mod valuation;
mod view;

use actix_web::{web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

use crate::audit;
use crate::buying::BuyingOrganisation;
use crate::users::model::{CurrentUser, Role};
use crate::web::auth::policy::Action;
use crate::web::context::Ctx;
use crate::web::download::{csv_response, FormatQuery};
use crate::web::form::see_other;
use crate::web::{routes, AppError};
use model::Contract;

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/social-return", overview);
    routes::get(cfg, "/social-return.csv", overview_csv);
    contracts::routes(cfg);
    claims::routes(cfg);
    api::routes(cfg);
}

/// Who is asking, as social return sees them.
pub(crate) enum Viewer {
    /// The city's social-return officer (or the operator): every contract.
    Officer,
    /// A buyer of the contractor: its own contracts.
    Contractor(CurrentUser, BuyingOrganisation),
    /// A WISE's user: the claims on its WISE.
    Wise(CurrentUser),
}

impl Viewer {
    /// The contracts it may follow: all (`None`), or its organisation's; a WISE none (403).
    pub(crate) fn contractor(&self) -> Result<Option<i32>, AppError> {
        match self {
            Viewer::Officer => Ok(None),
            Viewer::Contractor(_, o) => Ok(Some(o.id)),
            Viewer::Wise(_) => Err(AppError::Forbidden),
        }
    }
}

/// The signed-in user as social return sees them; a buyer without an approved
/// organisation may not (403).
pub(crate) async fn viewer(ctx: &Ctx) -> Result<Viewer, AppError> {
    let user = ctx.require(Action::UseSocialReturn, None).await?;
    if crate::web::auth::policy::allows(Some(&user), Action::OverseeSocialReturn, None) {
        return Ok(Viewer::Officer);
    }
    match user.role {
        Role::Buyer => {
            let id = user.id;
            let organisation = ctx.state.db(move |c| Ok(crate::buying::store::acting_for(c, id)?)).await?;
            Ok(Viewer::Contractor(user, organisation.ok_or(AppError::Forbidden)?))
        }
        _ => Ok(Viewer::Wise(user)),
    }
}

/// A contract the viewer may follow, with its contractor's name and entries; 404 for
/// one of another contractor, 403 for a WISE.
pub(crate) fn readable(
    conn: &mut crate::db::DbConn,
    viewer_contractor: Option<i32>,
    id: i32,
) -> Result<(Contract, String, Vec<store::Named>), AppError> {
    let contract = store::contract(conn, id)?.ok_or(AppError::NotFound)?;
    if viewer_contractor.is_some_and(|own| own != contract.contractor_id) {
        return Err(AppError::NotFound);
    }
    let contractor = crate::buying::store::by_id(conn, contract.contractor_id)?.map(|b| b.name).unwrap_or_default();
    let entries = store::entries_of(conn, contract.id)?;
    Ok((contract, contractor, entries))
}

/// The contracts `contractor` may see (all: `None`), each with its name and progress on `today`.
pub(crate) fn listed(
    conn: &mut crate::db::DbConn,
    contractor: Option<i32>,
    today: chrono::NaiveDate,
    config: &crate::config::SocialReturnConfig,
) -> diesel::QueryResult<Vec<(Contract, String, progress::Progress)>> {
    let list = store::contracts(conn, contractor)?;
    let ids: Vec<i32> = list.iter().map(|(c, _)| c.id).collect();
    let entries = store::entries_of_all(conn, &ids)?;
    Ok(list
        .into_iter()
        .map(|(contract, name)| {
            let own = entries.iter().filter(|e| e.contract_id == contract.id);
            let p = progress::of(&contract, own, today, config);
            (contract, name, p)
        })
        .collect())
}

/// [`listed`] for a request: today's progress of the contracts `contractor` may see.
pub(crate) async fn listed_now(
    ctx: &Ctx,
    contractor: Option<i32>,
) -> Result<Vec<(Contract, String, progress::Progress)>, AppError> {
    let (today, worker) = (ctx.state.now().date(), ctx.state.get_ref().clone());
    ctx.state.db(move |c| Ok(listed(c, contractor, today, &worker.config.social_return)?)).await
}

/// The contractor's user and organisation asking, or 403.
pub(crate) async fn contractor_asking(ctx: &Ctx) -> Result<(CurrentUser, BuyingOrganisation), AppError> {
    match viewer(ctx).await? {
        Viewer::Contractor(user, organisation) => Ok((user, organisation)),
        _ => Err(AppError::Forbidden),
    }
}

/// The WISE's user asking, or 403.
pub(crate) async fn wise_asking(ctx: &Ctx) -> Result<CurrentUser, AppError> {
    match viewer(ctx).await? {
        Viewer::Wise(user) => Ok(user),
        _ => Err(AppError::Forbidden),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NoticeQuery {
    notice: Option<String>,
}

/// `/social-return`: the officer's overview of every contract, a contractor's own
/// contracts; a WISE's user goes to the claims on its WISE.
async fn overview(ctx: Ctx, query: web::Query<NoticeQuery>) -> Result<HttpResponse, AppError> {
    let viewer = viewer(&ctx).await?;
    if let Viewer::Wise(_) = viewer {
        return Ok(see_other("/social-return/claims"));
    }
    let list = listed_now(&ctx, viewer.contractor()?).await?;
    let rows: Vec<_> = list.iter().map(|(c, name, p)| view::contract_row(c, name, p, ctx.lang())).collect();
    let data = json!({
        "nav": "social-return",
        "officer": matches!(viewer, Viewer::Officer),
        "contracts": rows,
        "notice": query.notice.as_deref().and_then(view::notice_key),
    });
    ctx.render("social_return/overview", data)
}

/// `/social-return.csv`: the overview as CSV.
async fn overview_csv(ctx: Ctx, format: web::Query<FormatQuery>) -> Result<HttpResponse, AppError> {
    let list = listed_now(&ctx, viewer(&ctx).await?.contractor()?).await?;
    csv_response(ctx.lang(), &format, "social-return", view::contracts_csv(&list)?)
}

/// Records `action` on `target` by `user` in the audit log.
pub(crate) fn record(
    conn: &mut crate::db::DbConn,
    user: &CurrentUser,
    ip: &str,
    action: &str,
    target: &str,
    detail: &str,
    now: chrono::NaiveDateTime,
) -> diesel::QueryResult<()> {
    audit::Entry::by(user.id, &user.email, ip, action, target, detail).record(conn, now)
}
