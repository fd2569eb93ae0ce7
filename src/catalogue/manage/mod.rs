//! "My WISE": the users of a WISE (and the operator) edit its profile and its
//! offerings. The CPV picker in the offering form works without JavaScript (a search
//! button re-renders the form with matching codes); `GET /api/v1/cpv` serves the same
//! lookup as JSON for the small script that improves it.

pub(crate) mod cpv_api;
mod offerings;
mod profile;

use cpv_api::*;
use offerings::*;
use profile::*;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::audit;
use crate::db::cpv;
use crate::db::{write_tx, DbConn};
use crate::organisation::model::{OfferingInput, Organisation, OrganisationInput, ServiceArea};
use crate::users::model::{CurrentUser, Role};
use crate::validation::{char_len, is_kvk_number, FieldError};
use crate::vocab;
use crate::vocab::cpv::{division_label, normalise, CpvCode, MAX_QUERY};
use crate::web::auth::policy::Action;
use crate::web::auth::session::{CsrfForm, Empty};
use crate::web::context::Ctx;
use crate::web::form::{error_summary, field_errors, see_other};
use crate::web::page::NoticeQuery;
use crate::web::{routes, AppError, AppState};

/// How many codes the picker shows at most.
pub const PICKER_LIMIT: i64 = 30;
/// How many empty certification rows the profile form offers for new entries.
const EMPTY_CERTIFICATION_ROWS: usize = 3;

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/manage", index);
    routes::get(cfg, "/manage/organisations/{kvk}", profile_page);
    routes::post(cfg, "/manage/organisations/{kvk}", save_profile);
    routes::get(cfg, "/manage/organisations/{kvk}/offerings", offerings_page);
    // `new` before `{id}`, so it is not read as an id.
    routes::get(cfg, "/manage/organisations/{kvk}/offerings/new", new_offering_page);
    routes::post(cfg, "/manage/organisations/{kvk}/offerings/new", create_offering);
    routes::get(cfg, "/manage/organisations/{kvk}/offerings/{id}", edit_offering_page);
    routes::post(cfg, "/manage/organisations/{kvk}/offerings/{id}", save_offering);
    routes::post(cfg, "/manage/organisations/{kvk}/offerings/{id}/deactivate", deactivate_offering);
    routes::post(cfg, "/manage/organisations/{kvk}/offerings/{id}/activate", activate_offering);
    routes::get(cfg, "/manage/organisations/{kvk}/offerings/{id}/delete", delete_offering_page);
    routes::post(cfg, "/manage/organisations/{kvk}/offerings/{id}/delete", delete_offering);
    routes::api(cfg, api_cpv);
}

// ---------------------------------------------------------------------------
// Shared pieces

fn base_path(kvk: &str) -> String {
    format!("/manage/organisations/{kvk}")
}

/// Notices a redirect may ask a page to show (anything else is ignored).
fn notice_key(notice: Option<&str>) -> Option<&'static str> {
    match notice? {
        "saved" => Some("manage-notice-saved"),
        "created" => Some("manage-notice-created"),
        "activated" => Some("manage-notice-activated"),
        "deactivated" => Some("manage-notice-deactivated"),
        "deleted" => Some("manage-notice-deleted"),
        _ => None,
    }
}

/// The WISE named by the path, when the requester may edit it: 401 when not signed
/// in, 404 when there is no such WISE, 403 (audited) when it is not theirs.
async fn editable(ctx: &Ctx, kvk: &str) -> Result<(CurrentUser, Organisation), AppError> {
    ctx.wise_for(kvk, Action::EditOrganisation).await
}

/// One audit entry, written in the caller's transaction.
fn record(
    c: &mut DbConn,
    now: chrono::NaiveDateTime,
    user: &CurrentUser,
    ip: &str,
    action: &str,
    target: &str,
    detail: &str,
) -> Result<(), AppError> {
    Ok(audit::Entry::by(user.id, &user.email, ip, action, target, detail).record(c, now)?)
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

/// A date as a date input sends it (`2027-03-31`); empty is `None`.
fn parse_date(raw: &str) -> Result<Option<NaiveDate>, ()> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").map(Some).map_err(|_| ())
}

/// A whole number; empty is `None`.
fn parse_number(raw: &str) -> Result<Option<i32>, ()> {
    let raw = raw.trim().trim_end_matches('%').trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse().map(Some).map_err(|_| ())
}

// ---------------------------------------------------------------------------
// My WISEs

/// A WISE's profile checklist as its pages show it: each item with its label in `lang`,
/// done or not, and where to add it.
fn checklist_view(c: &crate::organisation::completeness::Completeness, kvk: &str, lang: crate::i18n::Lang) -> Value {
    let base = base_path(kvk);
    let items: Vec<Value> = crate::organisation::completeness::ITEMS
        .iter()
        .map(|item| {
            let link = match *item {
                "offerings" | "service_areas" => format!("{base}/offerings"),
                "figures" => format!("{base}/figures"),
                "certificates" => format!("{base}/certificates"),
                _ => base.clone(),
            };
            json!({
                "item": item,
                "name": crate::organisation::completeness::item_name(item, lang),
                "done": c.done.contains(item),
                "link": link,
            })
        })
        .collect();
    json!({ "score": c.score, "kvk": kvk, "items": items })
}

#[derive(Deserialize)]
struct IndexQuery {
    kvk: Option<String>,
}

/// `GET /manage`: the WISEs the user works for; the operator picks any WISE by KvK number.
async fn index(ctx: Ctx, query: web::Query<IndexQuery>) -> Result<HttpResponse, AppError> {
    let user = ctx.user()?.clone();
    if !user.is(Role::Wise) {
        ctx.require(Action::EditOrganisation, None).await?;
    }
    let is_operator = user.is(Role::Admin);
    let kvk = query.kvk.as_deref().map(str::trim).unwrap_or("").to_string();
    let mut kvk_error = None;
    if is_operator && !kvk.is_empty() {
        if !is_kvk_number(&kvk) {
            kvk_error = Some("error-kvk-format");
        } else {
            let lookup = kvk.clone();
            if ctx.state.db(move |c| Ok(crate::organisation::store::organisation_by_kvk(c, &lookup)?)).await?.is_some()
            {
                return Ok(see_other(&base_path(&kvk)));
            }
            kvk_error = Some("manage-error-unknown-kvk");
        }
    }
    let (ids, today, lang) = (user.organisations.clone(), ctx.state.today(), ctx.lang());
    let (organisations, mut scores) = ctx
        .state
        .db(move |c| {
            let organisations = crate::organisation::store::organisations_by_id(c, &ids)?;
            Ok((organisations, crate::organisation::completeness::of_organisations(c, Some(&ids), today)?))
        })
        .await?;
    let organisations: Vec<Value> = organisations
        .into_iter()
        .map(|o| {
            let checklist = scores.remove(&o.id);
            let mut row = serde_json::to_value(&o).unwrap_or_default();
            row["completeness"] = checklist.map_or(Value::Null, |c| checklist_view(&c, &o.kvk_number, lang));
            row
        })
        .collect();
    let status = if kvk_error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    ctx.render_status(
        status,
        "manage/index",
        json!({
            "nav": "manage",
            "organisations": organisations,
            "is_operator": is_operator,
            "kvk": kvk,
            "kvk_error": kvk_error,
        }),
    )
}
