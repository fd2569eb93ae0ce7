//! `GET /api/v1/partnerships`: the partnerships the public may see (confirmed, both
//! partners named); with a token, a partner's own in any state too, and for the city
//! and the operator all of them.

use actix_web::{get, web, HttpResponse};
use serde::{Deserialize, Serialize};

use super::store::{self, Listed, Scope};
use super::{viewer, Viewer};
use crate::web::context::Ctx;
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::api(cfg, api_partnerships);
}

/// A partner: its KvK number and name.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Partner {
    pub kvk_number: String,
    pub name: String,
}

/// A partnership between a WISE and a company.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PartnershipJson {
    pub id: i32,
    pub wise: Partner,
    pub company: Partner,
    /// `orientation`, `integration` or `transformation`.
    pub phase: String,
    /// `proposed`, `confirmed`, `declined`, `withdrawn` or `ended`; only `confirmed`
    /// and `ended` ones count, and only those are public.
    pub state: String,
    /// What is exchanged: `supply`, `paid_training`, `secondment`, `placement_route`,
    /// `job_carving`, `knowledge_exchange`, `joint_production`.
    pub exchanges: Vec<String>,
    /// The kinds of value the partners see: `transaction`, `reputation`, `interaction`, `synergy`.
    pub values: Vec<String>,
    #[schema(value_type = String, format = Date)]
    pub started_on: chrono::NaiveDate,
    #[schema(value_type = Option<String>, format = Date)]
    pub ended_on: Option<chrono::NaiveDate>,
    /// For the partners, the city and the operator only: who is involved and the ambitions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wise_people: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company_people: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ambitions: Option<String>,
}

impl PartnershipJson {
    fn of(l: Listed, inside: bool) -> Self {
        let p = l.partnership;
        Self {
            id: p.id,
            wise: Partner { kvk_number: l.wise_kvk, name: l.wise_name },
            company: Partner { kvk_number: l.company_kvk, name: l.company_name },
            phase: p.phase,
            state: p.state,
            exchanges: l.exchanges,
            values: l.values,
            started_on: p.started_on,
            ended_on: p.ended_on,
            wise_people: inside.then_some(p.wise_people),
            company_people: inside.then_some(p.company_people),
            ambitions: inside.then_some(p.ambitions),
        }
    }
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[serde(default)]
pub struct PartnershipQuery {
    /// Only the partnerships of the WISE with this KvK number.
    pub wise: Option<String>,
    /// Only those of the company with this KvK number.
    pub company: Option<String>,
}

/// `GET /api/v1/partnerships`.
#[utoipa::path(
    tag = "partnerships",
    params(PartnershipQuery),
    responses(
        (status = 200, description = "Partnerships, newest start first: without a token the confirmed (or ended) ones whose partners both agreed to be named; with a partner's token its own in any state too, with the people involved and the ambitions; with a `city` or `admin` token all of them", body = Vec<PartnershipJson>),
    )
)]
#[get("/api/v1/partnerships")]
pub(crate) async fn api_partnerships(ctx: Ctx, query: web::Query<PartnershipQuery>) -> Result<HttpResponse, AppError> {
    // A signed-in user who is no partner (a buyer without an approved organisation)
    // sees what the public sees.
    let viewer = match ctx.identity.user {
        Some(_) => viewer(&ctx).await.ok(),
        None => None,
    };
    let own = viewer.as_ref().map(Viewer::scope);
    let mut listed = ctx
        .state
        .db(move |c| {
            let mut listed = store::list(c, Scope::Public { wise: None, company: None })?;
            if let Some(scope) = own {
                let public: Vec<i32> = listed.iter().map(|l| l.partnership.id).collect();
                listed.extend(store::list(c, scope)?.into_iter().filter(|l| !public.contains(&l.partnership.id)));
            }
            Ok(listed)
        })
        .await?;
    let wanted = |given: &Option<String>, kvk: &str| given.as_deref().map(str::trim).is_none_or(|k| k == kvk);
    listed.retain(|l| wanted(&query.wise, &l.wise_kvk) && wanted(&query.company, &l.company_kvk));
    listed.sort_by(|a, b| {
        (b.partnership.started_on, b.partnership.id).cmp(&(a.partnership.started_on, a.partnership.id))
    });
    let out: Vec<PartnershipJson> = listed
        .into_iter()
        .map(|l| {
            let inside = matches!(viewer, Some(Viewer::Overseer(_)))
                || viewer.as_ref().is_some_and(|v| v.side(&l.partnership).is_some());
            PartnershipJson::of(l, inside)
        })
        .collect();
    Ok(HttpResponse::Ok().json(out))
}
