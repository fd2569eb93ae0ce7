//! "Which of my suppliers are WISEs?": a buyer pastes or uploads a list of KvK numbers
//! (one a line, or separated by commas, semicolons or spaces; a CSV file works too) and
//! sees for each whether it is an approved WISE, with its profile.

use std::collections::BTreeSet;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

use super::store;
use crate::web::auth::policy::Action;
use crate::web::context::Ctx;
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/spend/check", page);
    routes::post(cfg, "/spend/check", check);
}

/// The most numbers one check takes.
pub const MAX_NUMBERS: usize = 5000;

/// The KvK numbers in `text` in their first order (each once), and the tokens of digits
/// that are no KvK number (not 8 digits).
pub fn numbers(text: &str) -> (Vec<String>, Vec<String>) {
    let mut seen = BTreeSet::new();
    let (mut found, mut bad) = (Vec::new(), Vec::new());
    for token in text.split(|c: char| !c.is_ascii_digit()).filter(|t| !t.is_empty()) {
        if token.len() == 8 {
            if seen.insert(token.to_string()) {
                found.push(token.to_string());
            }
        } else if bad.len() < 100 {
            bad.push(token.to_string());
        }
    }
    (found, bad)
}

fn view(ctx: &Ctx, status: StatusCode, extra: Value) -> Result<HttpResponse, AppError> {
    let data = json!({
        "nav": "spend",
        "max_mb": crate::csv_import::MAX_BYTES / (1024 * 1024),
        "max_numbers": MAX_NUMBERS,
        "problem": null,
        "result": null,
        "csv": "",
    });
    ctx.render_over(status, "spend/check", data, extra)
}

async fn page(ctx: Ctx) -> Result<HttpResponse, AppError> {
    ctx.require(Action::UseBuyerTools, None).await?;
    view(&ctx, StatusCode::OK, json!({}))
}

async fn check(ctx: Ctx, payload: web::Payload) -> Result<HttpResponse, AppError> {
    let accepted = match crate::web::upload::receive_upload(&ctx, payload, Action::UseBuyerTools).await? {
        Ok(accepted) => accepted,
        Err((status, problem)) => return view(&ctx, status, problem),
    };
    let text = String::from_utf8_lossy(&accepted.bytes).into_owned();
    let (found, bad) = numbers(&text);
    if found.is_empty() {
        let extra = json!({ "problem": "spend-check-none", "csv": accepted.pasted });
        return view(&ctx, StatusCode::UNPROCESSABLE_ENTITY, extra);
    }
    if found.len() > MAX_NUMBERS {
        let extra = json!({ "problem": "spend-check-too-many", "csv": accepted.pasted });
        return view(&ctx, StatusCode::UNPROCESSABLE_ENTITY, extra);
    }
    let asked = found.clone();
    let wises = ctx.state.db(move |c| Ok(store::wises_among(c, &asked)?)).await?;
    let rows: Vec<Value> = found
        .iter()
        .map(|kvk| {
            let wise = wises.get(kvk);
            json!({
                "kvk_number": kvk,
                "wise": wise.map(|w| json!({ "name": w.name, "slug": w.slug, "sector": w.sector })),
            })
        })
        .collect();
    let result = json!({ "asked": found.len(), "wises": wises.len(), "rows": rows, "bad": !bad.is_empty(), "bad_text": bad.join(", ") });
    view(&ctx, StatusCode::OK, json!({ "result": result, "csv": accepted.pasted }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_found_in_any_list_once_each() {
        let (found, bad) = numbers("12345678\n87654321; 12345678, kvk 1234\r\nsupplier_kvk\n11112222");
        assert_eq!(found, ["12345678", "87654321", "11112222"]);
        assert_eq!(bad, ["1234"]);
    }
}
