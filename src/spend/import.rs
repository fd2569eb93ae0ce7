//! Importing a spend register (SPEC §4's CSV rules): `supplier_kvk,supplier_name,
//! amount_eur,period` with the optional `category,cpv,entity`, all or nothing, every
//! error by line and column. An import replaces the organisation's rows of the periods
//! it holds, so a corrected file for a year is imported again as it is. From the
//! buyer's upload page (`/spend/import`) or `POST /api/v1/spend` (text/csv).

use std::collections::BTreeSet;

use actix_web::http::StatusCode;
use actix_web::{post, web, HttpResponse};
use serde::Serialize;
use serde_json::{json, Value};

use super::model::{self, SpendInput};
use super::{own_organisation, store};
use crate::csv_import::{self, ImportError, Schema};
use crate::db::{write_tx, DbConn};
use crate::web::auth::policy::Action;
use crate::web::context::Ctx;
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/spend/import", page);
    routes::post(cfg, "/spend/import", upload);
    routes::api(cfg, api_import);
}

fn is_column(name: &str) -> bool {
    model::COLUMNS.contains(&name)
}

const SCHEMA: Schema = Schema {
    is_column,
    required: &model::REQUIRED,
    unknown_column_key: "error-import-spend-unknown-column",
    no_rows_key: "error-import-no-rows",
};

/// Rows read without the database: each checked row with its line (CSV) or 1-based
/// index (JSON), and every error.
pub type Parsed = (Vec<(u64, SpendInput)>, Vec<ImportError>);

/// Checks one row's cells into `rows`, or its errors.
fn read_row(line: u64, cells: &[(&str, &str)], rows: &mut Vec<(u64, SpendInput)>, errors: &mut Vec<ImportError>) {
    match model::check(cells) {
        Ok(row) => rows.push((line, row)),
        Err(found) => errors.extend(found.into_iter().map(|(column, key)| ImportError::new(line, column, key))),
    }
}

/// Reads a spend CSV: every row checked, every error at once.
pub fn parse_csv(bytes: &[u8]) -> Parsed {
    let mut rows = Vec::new();
    let errors = csv_import::read_records(bytes, &SCHEMA, |line, columns, record, errors| {
        let cells = csv_import::cells(line, columns, record, errors);
        read_row(line, &cells, &mut rows, errors);
    });
    (rows, errors)
}

/// Reads a JSON array of row objects with the CSV's column names; errors name rows.
pub fn parse_json(bytes: &[u8]) -> Result<Parsed, String> {
    let mut rows = Vec::new();
    let errors = csv_import::read_json(bytes, &SCHEMA, |row, cells, errors| read_row(row, cells, &mut rows, errors))?;
    Ok((rows, errors))
}

/// What an import did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Imported {
    /// Rows stored.
    pub rows: usize,
    /// The periods the file held, whose earlier rows it replaced.
    pub periods: Vec<String>,
    /// Rows of those periods stored before and now replaced.
    pub replaced: usize,
}

/// Checks the rows' CPV codes and stores them for `organisation` in one transaction,
/// replacing its rows of the same periods; or every error.
pub fn import(
    conn: &mut DbConn,
    organisation: i32,
    parsed: Parsed,
    user: i32,
    now: chrono::NaiveDateTime,
) -> diesel::QueryResult<Result<Imported, Vec<ImportError>>> {
    let (rows, mut errors) = parsed;
    if errors.is_empty() {
        let codes: BTreeSet<&str> = rows.iter().filter_map(|(_, r)| r.cpv_code.as_deref()).collect();
        let mut unknown = BTreeSet::new();
        for code in codes {
            if !crate::db::cpv::exists(conn, code)? {
                unknown.insert(code.to_string());
            }
        }
        for (line, row) in &rows {
            if row.cpv_code.as_ref().is_some_and(|c| unknown.contains(c)) {
                errors.push(ImportError::new(*line, "cpv", "error-cpv-unknown"));
            }
        }
        // Bounded like every import's list: the first MAX_ERRORS, then where it stopped.
        if let Some(next) = errors.get(csv_import::MAX_ERRORS).map(|e| e.line) {
            csv_import::cut_errors(&mut errors, Some(next));
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let periods: Vec<String> =
        rows.iter().map(|(_, r)| r.period.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    let replaced = store::delete_periods(conn, organisation, &periods)?;
    let inputs: Vec<SpendInput> = rows.into_iter().map(|(_, r)| r).collect();
    let stored = store::insert(conn, organisation, &inputs, "import", Some(user), now)?;
    Ok(Ok(Imported { rows: stored, periods, replaced }))
}

/// The audit entry of an import: what came in, for which periods, what it replaced.
fn record(
    conn: &mut DbConn,
    ctx: (&crate::users::model::CurrentUser, &str, chrono::NaiveDateTime),
    organisation: i32,
    source: &str,
    imported: &Imported,
) -> diesel::QueryResult<()> {
    let (user, ip, now) = ctx;
    let detail = format!(
        "{source}: {} rows for {} ({} replaced)",
        imported.rows,
        imported.periods.join(", "),
        imported.replaced
    );
    super::audit_entry(conn, user, ip, "spend_imported", organisation, &detail, now)
}

fn view(ctx: &Ctx, status: StatusCode, extra: Value) -> Result<HttpResponse, AppError> {
    let data = json!({
        "nav": "spend",
        "result": null,
        "periods_text": "",
    });
    ctx.render_over(status, "spend/import", crate::web::upload::page_data(data), extra)
}

async fn page(ctx: Ctx) -> Result<HttpResponse, AppError> {
    own_organisation(&ctx).await?;
    view(&ctx, StatusCode::OK, json!({}))
}

/// Imports the file or the pasted text for the buyer's organisation; then the counts, or
/// every error (line, column, message in the page's language).
async fn upload(ctx: Ctx, payload: web::Payload) -> Result<HttpResponse, AppError> {
    let accepted = match crate::web::upload::receive_upload(&ctx, payload, Action::UseBuyerTools).await? {
        Ok(accepted) => accepted,
        Err((status, problem)) => return view(&ctx, status, problem),
    };
    let (user, organisation) = own_organisation(&ctx).await?;
    let (now, ip) = (ctx.state.now(), ctx.client_ip());
    let (bytes, source) = (accepted.bytes, accepted.source);
    let outcome = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let outcome = import(c, organisation.id, parse_csv(&bytes), user.id, now)?;
                if let Ok(imported) = &outcome {
                    record(c, (&user, &ip, now), organisation.id, &source, imported)?;
                }
                Ok::<_, AppError>(outcome)
            })
        })
        .await?;
    match outcome {
        Ok(imported) => {
            let periods_text = imported.periods.join(", ");
            view(&ctx, StatusCode::OK, json!({ "result": imported, "periods_text": periods_text }))
        }
        Err(errors) => {
            let mut extra = crate::web::upload::errors_view(&errors, ctx.lang());
            extra["csv"] = json!(accepted.pasted);
            view(&ctx, StatusCode::UNPROCESSABLE_ENTITY, extra)
        }
    }
}

/// A row of a JSON import: the CSV's columns; amounts as a number or as people write them.
#[derive(Debug, utoipa::ToSchema)]
#[allow(dead_code)] // documents the request body only
pub struct SpendRowDoc {
    #[schema(example = "12345678")]
    supplier_kvk: String,
    #[schema(example = "Schoon BV")]
    supplier_name: String,
    #[schema(value_type = String, example = "1250.00")]
    amount_eur: String,
    #[schema(example = "2026-Q1")]
    period: String,
    category: Option<String>,
    cpv: Option<String>,
    entity: Option<String>,
}

/// A row's error in the API's answer.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RowError {
    /// The line of the CSV (the header is line 1), or the 1-based index of the JSON array's row.
    pub line: u64,
    pub column: String,
    pub message: String,
}

/// `POST /api/v1/spend`: a buyer imports its organisation's spend register as CSV.
#[utoipa::path(
    tag = "spend",
    security(("bearer" = [])),
    request_body(
        description = "The spend CSV: `supplier_kvk,supplier_name,amount_eur,period` and optionally \
                       `category,cpv,entity`; comma- or semicolon-separated, header row first; or a JSON array \
                       of row objects with those column names (errors then name the row by its 1-based index). \
                       At most 5 MB. \
                       `period` is a year (2026), a quarter (2026-Q1) or a month (2026-03); the rows of the \
                       periods the file holds replace the organisation's earlier rows of those periods.",
        content(
            (String = "text/csv", example = "supplier_kvk,supplier_name,amount_eur,period,category\n12345678,Schoon BV,1250.00,2026-Q1,schoonmaak\n"),
            (Vec<SpendRowDoc> = "application/json"),
        ),
    ),
    responses(
        (status = 200, description = "Every row stored", body = Imported),
        (status = 401, description = "No token, or an unknown or revoked one", body = crate::web::error::ErrorBody),
        (status = 403, description = "Not a buyer of an approved buying organisation", body = crate::web::error::ErrorBody),
        (status = 413, description = "The body is larger than 5 MB", body = crate::web::error::ErrorBody),
        (status = 400, description = "A JSON body that is not an array of objects", body = crate::web::error::ErrorBody),
        (status = 415, description = "A body that is neither text/csv nor application/json", body = crate::web::error::ErrorBody),
        (status = 422, description = "Errors by line and column; nothing stored", body = crate::web::error::ErrorBody),
    )
)]
#[post("/api/v1/spend")]
pub(crate) async fn api_import(ctx: Ctx, payload: web::Payload) -> Result<HttpResponse, AppError> {
    let (user, organisation) = own_organisation(&ctx).await?;
    let (body, json) = match crate::web::upload::read_rows_body(&ctx, payload, "the spend register").await? {
        Ok(read) => read,
        Err(refused) => return Ok(refused),
    };
    let parsed = if json { parse_json(&body).map_err(AppError::BadRequest)? } else { parse_csv(&body) };
    let target = if json { "API (application/json)" } else { "API (text/csv)" };
    let (now, ip) = (ctx.state.now(), ctx.client_ip());
    let outcome = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let outcome = import(c, organisation.id, parsed, user.id, now)?;
                if let Ok(imported) = &outcome {
                    record(c, (&user, &ip, now), organisation.id, target, imported)?;
                }
                Ok::<_, AppError>(outcome)
            })
        })
        .await?;
    match outcome {
        Ok(imported) => Ok(HttpResponse::Ok().json(imported)),
        Err(errors) => {
            let details: Vec<RowError> = errors
                .iter()
                .map(|e| RowError { line: e.line, column: e.column.clone(), message: e.message(crate::i18n::Lang::En) })
                .collect();
            let body = json!({
                "error": "invalid_spend",
                "message": format!("{} error(s): nothing was imported", errors.len()),
                "details": details,
            });
            Ok(HttpResponse::UnprocessableEntity().json(body))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_their_line_and_column_and_nothing_is_kept() {
        let text = "supplier_kvk;supplier_name;amount_eur;period;entity\n\
                    12345678;Schoon BV;1.250,00;2026-Q1;Stadsbeheer\n\
                    1234;Groen;veel;2026-Q5;\n";
        let (rows, errors) = parse_csv(text.as_bytes());
        assert_eq!(rows.len(), 1);
        let found: Vec<(u64, &str, &str)> = errors.iter().map(|e| (e.line, e.column.as_str(), e.message_key)).collect();
        assert_eq!(
            found,
            [
                (3, "supplier_kvk", "error-kvk-format"),
                (3, "amount_eur", "error-spend-amount"),
                (3, "period", "error-spend-period")
            ]
        );
        let (_, errors) = parse_csv(b"supplier_kvk,amount_eur,period,colour\n");
        let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.column.as_str(), e.message_key)).collect();
        assert_eq!(
            found,
            [("colour", "error-import-spend-unknown-column"), ("supplier_name", "error-import-missing-column")]
        );
    }

    #[test]
    fn json_rows_take_numbers_and_strings_and_name_rows() {
        let body = br#"[{"supplier_kvk":"12345678","supplier_name":"Schoon BV","amount_eur":1250.5,"period":"2026"},
                        {"supplier_kvk":"12345678","supplier_name":"Schoon BV","amount_eur":"1.000","period":"2026","colour":"red"}]"#;
        let (rows, errors) = parse_json(body).unwrap();
        // The second row's known cells are fine; its unknown key alone rejects the import.
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].1.amount_cents, 125_050);
        let found: Vec<(u64, &str, &str)> = errors.iter().map(|e| (e.line, e.column.as_str(), e.message_key)).collect();
        assert_eq!(found, [(2, "colour", "error-import-spend-unknown-column")]);
        assert!(parse_json(b"{}").is_err());
    }
}
