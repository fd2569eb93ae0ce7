//! The reserved-contract advisor (`/advisor`): a buyer or the city describes a planned
//! purchase, or uploads the procurement calendar, and sees per purchase the WISEs that
//! could take a reserved contract, their size, and a recommendation with its reasons
//! (`advice.rs`, thresholds in `[advisor]`). The city and the operator also see the
//! calendar's totals. Nothing is stored: the advice is computed from the catalogue
//! search's facts and the latest accepted figures each time.

pub mod advice;
pub mod api;
pub mod model;

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use diesel::prelude::*;
use serde_json::{json, Value};

use advice::{Advice, Totals};
use model::{Known, Purchase, PurchaseForm};

use crate::csv_import::ImportError;
use crate::db::DbConn;
use crate::i18n::{self, Lang};
use crate::web::auth::policy::Action;
use crate::web::context::Ctx;
use crate::web::download::FormatQuery;
use crate::web::{routes, AppError};

/// The demo's procurement calendar of ten purchases, also the page's example file.
pub const EXAMPLE_CALENDAR: &str = include_str!("../demo/fixtures/procurement-calendar.csv");

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/advisor", page);
    routes::get(cfg, "/advisor.csv", page_csv);
    routes::get(cfg, "/advisor/example.csv", example);
    routes::post(cfg, "/advisor/calendar", calendar);
    routes::post(cfg, "/advisor/calendar.csv", calendar_csv);
    api::routes(cfg);
}

/// The CPV codes and municipalities the checks know, for the codes `named`.
pub fn known(conn: &mut DbConn, named: &[String]) -> QueryResult<Known> {
    use crate::db::schema::cpv_codes;
    let cpv_codes = cpv_codes::table.filter(cpv_codes::code.eq_any(named)).select(cpv_codes::code).load(conn)?;
    let municipalities =
        crate::geography::store::gazetteer(conn)?.all().iter().map(|m| crate::validation::fold(&m.name)).collect();
    Ok(Known { cpv_codes: cpv_codes.into_iter().collect(), municipalities })
}

/// A purchase without a title, in `lang`.
fn untitled(lang: Lang) -> String {
    i18n::text(lang, "advisor-untitled")
}

/// A reason in `lang`: euro amounts (`lot`, `min_eur`) written as euros.
fn reason_text(lang: Lang) -> impl Fn(&'static str, &BTreeMap<&'static str, i64>) -> String {
    move |key, values| {
        let args: Vec<(&str, fluent_templates::fluent_bundle::FluentValue<'static>)> = values
            .iter()
            .map(|(k, v)| match *k {
                "lot" | "min_eur" => (*k, i18n::euros(v.saturating_mul(100), lang).into()),
                _ => (*k, (*v).into()),
            })
            .collect();
        i18n::lookup(lang, key, &args).unwrap_or_else(|| key.to_string())
    }
}

/// The advice for `purchases` (checked already), and the totals when the asker may see them.
pub async fn advise(ctx: &Ctx, purchases: Vec<Purchase>) -> Result<(Vec<Advice>, Option<Totals>), AppError> {
    let (caches, today, lang) = (ctx.state.caches.clone(), ctx.state.today(), ctx.lang());
    let config = ctx.state.config.clone();
    let list = ctx
        .state
        .db(move |c| {
            let text = reason_text(lang);
            Ok(advice::advise(c, &caches, today, (&config.advisor, &config.disclosure), purchases, &text)?)
        })
        .await?;
    let totals = ctx.allows(Action::ViewExactReports, None).then(|| advice::totals(&list));
    Ok((list, totals))
}

/// The advice, and the totals when the asker may see them.
type Answered = (Vec<Advice>, Option<Totals>);

/// One purchase from the query string: its advice, or its errors by field.
async fn single(
    ctx: &Ctx,
    form: PurchaseForm,
) -> Result<Result<Answered, Vec<(&'static str, &'static str)>>, AppError> {
    let lang = ctx.lang();
    let named: Vec<String> =
        form.cpv_codes.split([' ', ',', ';', '|', '\n']).filter_map(crate::vocab::cpv::normalise).collect();
    let known = ctx.state.db(move |c| Ok(known(c, &named)?)).await?;
    match model::check_form(&form, &known, &untitled(lang)) {
        Ok(purchase) => Ok(Ok(advise(ctx, vec![purchase]).await?)),
        Err(errors) => Ok(Err(errors)),
    }
}

/// A calendar file (CSV, or JSON rows): the advice per purchase, or every error.
pub async fn calendar_advice(
    ctx: &Ctx,
    bytes: Vec<u8>,
    json: bool,
) -> Result<Result<(Vec<Advice>, Option<Totals>), Vec<ImportError>>, AppError> {
    let lang = ctx.lang();
    let named = model::named_codes(&bytes, json);
    let known = ctx.state.db(move |c| Ok(known(c, &named)?)).await?;
    match model::parse(&bytes, json, &known, &untitled(lang)).map_err(AppError::BadRequest)? {
        Ok(purchases) => Ok(Ok(advise(ctx, purchases).await?)),
        Err(errors) => Ok(Err(errors)),
    }
}

/// The page: the form, the calendar upload, and the advice (if any), over `extra`.
fn view(ctx: &Ctx, status: StatusCode, form: &PurchaseForm, extra: Value) -> Result<HttpResponse, AppError> {
    let config = &ctx.state.config.advisor;
    let data = json!({
        "nav": "advisor",
        "form": form,
        "field_errors": {},
        "kinds": crate::vocab::OFFERING_KINDS,
        "thresholds": {
            "whole_min_wises": config.whole_min_wises,
            "whole_max_share_pct": config.whole_max_share_pct,
            "lot_min_wises": config.lot_min_wises,
            "social_return_min_budget": i18n::euros(config.social_return_min_budget_eur * 100, ctx.lang()),
            "branch_digits": config.branch_digits,
        },
        "advice": [],
        "totals": null,
        "csv_link": null,
        "calendar": null,
    });
    ctx.render_over(status, "advisor/index", crate::web::upload::page_data(data), extra)
}

/// `GET /advisor`: the page; with a purchase in the query string, its advice.
async fn page(ctx: Ctx, form: web::Query<PurchaseForm>) -> Result<HttpResponse, AppError> {
    ctx.require(Action::PlanPurchases, None).await?;
    let form = form.into_inner();
    if form.is_empty() {
        return view(&ctx, StatusCode::OK, &form, json!({}));
    }
    match single(&ctx, form.clone()).await? {
        Ok((list, _)) => {
            let query = serde_html_form::to_string(&form).unwrap_or_default();
            let extra = json!({ "advice": shown(&list, ctx.lang()), "csv_link": format!("/advisor.csv?{query}") });
            view(&ctx, StatusCode::OK, &form, extra)
        }
        Err(errors) => {
            let by_field: serde_json::Map<String, Value> =
                errors.iter().map(|(field, key)| (field.to_string(), json!(key))).collect();
            view(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &form, json!({ "field_errors": by_field }))
        }
    }
}

/// `GET /advisor.csv`: the advice for the purchase in the query string, as CSV.
async fn page_csv(ctx: Ctx, form: web::Query<PurchaseForm>) -> Result<HttpResponse, AppError> {
    ctx.require(Action::PlanPurchases, None).await?;
    match single(&ctx, form.into_inner()).await? {
        Ok((list, _)) => api::csv_answer(&list),
        Err(errors) => Err(AppError::BadRequest(api::describe_fields(&errors))),
    }
}

/// `GET /advisor/example.csv`: the demo's calendar, to start from.
async fn example(ctx: Ctx) -> Result<HttpResponse, AppError> {
    ctx.require(Action::PlanPurchases, None).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", "attachment; filename=\"procurement-calendar.csv\""))
        .body(EXAMPLE_CALENDAR))
}

/// `POST /advisor/calendar`: the advice per purchase of an uploaded (or pasted) calendar.
async fn calendar(ctx: Ctx, payload: web::Payload) -> Result<HttpResponse, AppError> {
    let empty = PurchaseForm::default();
    let accepted = match crate::web::upload::receive_upload(&ctx, payload, Action::PlanPurchases).await? {
        Ok(accepted) => accepted,
        Err((status, problem)) => return view(&ctx, status, &empty, problem),
    };
    let text = String::from_utf8_lossy(&accepted.bytes).into_owned();
    match calendar_advice(&ctx, accepted.bytes, false).await? {
        Ok((list, totals)) => {
            let extra = json!({
                "advice": shown(&list, ctx.lang()),
                "totals": totals.map(|t| shown_totals(&t, ctx.lang())),
                "calendar": { "text": text, "source": accepted.source, "purchases": list.len() },
            });
            view(&ctx, StatusCode::OK, &empty, extra)
        }
        Err(errors) => {
            let mut extra = crate::web::upload::errors_view(&errors, ctx.lang());
            extra["csv"] = json!(accepted.pasted);
            view(&ctx, StatusCode::UNPROCESSABLE_ENTITY, &empty, extra)
        }
    }
}

/// `POST /advisor/calendar.csv`: the same advice as a CSV file.
async fn calendar_csv(ctx: Ctx, payload: web::Payload) -> Result<HttpResponse, AppError> {
    let accepted = match crate::web::upload::receive_upload(&ctx, payload, Action::PlanPurchases).await? {
        Ok(accepted) => accepted,
        Err((status, problem)) => {
            let key = problem["problem"].as_str().unwrap_or("import-problem-nothing");
            return Ok(HttpResponse::build(status).body(i18n::text(ctx.lang(), key)));
        }
    };
    match calendar_advice(&ctx, accepted.bytes, false).await? {
        Ok((list, _)) => api::csv_answer(&list),
        Err(errors) => {
            let lines: Vec<String> = errors.iter().map(|e| e.describe("calendar")).collect();
            Err(AppError::BadRequest(lines.join("\n")))
        }
    }
}

/// The advice as the page shows it, in `lang`.
fn shown(list: &[Advice], lang: Lang) -> Vec<Value> {
    let t = |key: &str| i18n::text(lang, key);
    let sum = |s: &advice::Sum, euros: bool| match (&s.value, &s.band) {
        (Some(v), _) if euros => i18n::euros(v.saturating_mul(100), lang),
        (Some(v), _) => i18n::format_count(*v, lang),
        (None, Some(band)) => t(&format!("advisor-band-{band}")),
        (None, None) => "–".to_string(),
    };
    list.iter()
        .map(|a| {
            let p = &a.purchase;
            json!({
                "line": p.line,
                "title": p.title,
                "cpv_codes": p.cpv_codes.join(", "),
                "kind": p.kind,
                "municipality": p.municipality,
                "budget": i18n::euros(p.budget_eur.saturating_mul(100), lang),
                "duration_months": p.duration_months,
                "yearly_budget": i18n::euros(a.yearly_budget_eur.saturating_mul(100), lang),
                "eligible_count": a.eligible_count,
                "certified_count": a.certified_count,
                "eligible": a.eligible,
                "people_working": sum(&a.people_working, false),
                "yearly_turnover": sum(&a.yearly_turnover_eur, true),
                "budget_share": a.budget_share_pct.map(|s| format!("{} %", i18n::format_count(s, lang))),
                "recommendation": a.recommendation.code(),
                "recommendation_label": t(&format!("advisor-rec-{}", a.recommendation.code())),
                "lot": a.lot_eur.map(|l| i18n::euros(l.saturating_mul(100), lang)),
                "reasons": a.reasons.iter().map(|r| r.text.clone()).collect::<Vec<_>>(),
                "search_url": a.search_url,
                "need_url": a.need_url,
            })
        })
        .collect()
}

fn shown_totals(t: &Totals, lang: Lang) -> Value {
    json!({
        "purchases": t.purchases,
        "budget": i18n::euros(t.budget_eur.saturating_mul(100), lang),
        "reservable_purchases": t.reservable_purchases,
        "reservable": i18n::euros(t.reservable_eur.saturating_mul(100), lang),
        "by_recommendation": t.by_recommendation.iter().map(|r| json!({
            "name": i18n::text(lang, &format!("advisor-rec-{}", r.recommendation.code())),
            "purchases": r.purchases,
            "budget": i18n::euros(r.budget_eur.saturating_mul(100), lang),
        })).collect::<Vec<_>>(),
    })
}

/// `?format=` of the API's answers: `json` (the default) or `csv`.
pub fn wants_csv(format: &FormatQuery) -> Result<bool, AppError> {
    match format.format.as_deref().map(str::trim) {
        None | Some("") | Some("json") => Ok(false),
        Some("csv") => Ok(true),
        Some(other) => Err(AppError::BadRequest(format!("format: {other:?} is not an answer format; use json or csv"))),
    }
}
