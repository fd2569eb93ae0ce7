//! `import figures`: output figures of many WISEs and periods at once (SPEC §4), from a
//! CSV file — on the command line, on the operator's page `/admin/figures/import` — or
//! from a CSV or JSON body at `POST /api/v1/figures`.
//!
//! Columns: `kvk_number`, `period` and the ten counts, plus any of `fte_target_group`,
//! `turnover_eur` and `tg_<group>`. The file's form and its header are checked by
//! [`crate::csv_import`], as for every import; each row's figures by
//! [`Figures::from_fields`], as on the form. The import is all-or-nothing, in one
//! transaction; each row is stored as a submitted revision through
//! [`submissions::save`], so a row equal to the newest revision writes nothing and
//! importing the same file twice changes nothing the second time.

use actix_web::post;
use std::collections::{HashMap, HashSet};

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;
use serde_json::{json, Value};

use super::periods::{self, PeriodKey};
use super::submissions::{self, Source};
use super::values::{self, Figures};
#[cfg(test)]
use super::values::{FLOWS, STOCKS};
use crate::audit::{self, Actor};
use crate::csv_import::{self, ImportError, Schema};
use crate::db::schema::organisations;
use crate::db::{write_tx, DbConn};
use crate::i18n::{self, Lang};
use crate::users::model::Role;
use crate::validation::is_kvk_number;
use crate::vocab;
use crate::web::auth::policy::Action;
use crate::web::context::Ctx;
use crate::web::{routes, AppError};

/// The columns every file must have, in the order of SPEC §4.
pub const REQUIRED: [&str; 12] = [
    "kvk_number",
    "period",
    "paid_target_group",
    "paid_regular",
    "trainees",
    "daytime_activities",
    "volunteers",
    "new_participants",
    "moved_to_paid_internal",
    "moved_to_paid_external",
    "moved_to_education",
    "other_exits",
];

/// Whether a (lower-cased) name is a column of a figures file.
pub fn is_column(name: &str) -> bool {
    name == "kvk_number" || name == "period" || values::is_field(name)
}

const SCHEMA: Schema = Schema {
    is_column,
    required: &REQUIRED,
    unknown_column_key: "error-import-figures-unknown-column",
    no_rows_key: "error-import-figures-no-rows",
};

/// One row whose values are valid on their own.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The file's line (CSV) or the row's 1-based index (JSON).
    pub line: u64,
    pub kvk_number: String,
    /// The period's key as stored (`2025-Q1`, `2025`).
    pub period: String,
    pub figures: Figures,
}

/// The KvK number and period a row names, each when it is well-formed (also for rows
/// with other errors, so every unknown WISE or period can be reported).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowKey {
    pub line: u64,
    pub kvk_number: Option<String>,
    pub period: Option<String>,
}

/// A file read without the database.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub rows: Vec<Row>,
    pub keys: Vec<RowKey>,
    /// Sorted by line.
    pub errors: Vec<ImportError>,
}

/// The input's format; errors of a JSON body name rows, not lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

/// Reads a figures CSV file: header, rows, every value — every error at once.
pub fn parse_csv(bytes: &[u8]) -> Parsed {
    let mut parsed = Parsed::default();
    let mut seen = HashSet::new();
    let errors = csv_import::read_records(bytes, &SCHEMA, |line, columns, record, errors| {
        let cells = csv_import::cells(line, columns, record, errors);
        read_row(line, &cells, &mut seen, &mut parsed, errors);
    });
    parsed.errors = errors;
    parsed
}

/// Reads a JSON body: an array of objects whose keys are the CSV's column names
/// (`csv_import::read_json`). Errors name a row by its 1-based index. A body that is not
/// a JSON array is refused with the reason.
pub fn parse_json(bytes: &[u8]) -> Result<Parsed, String> {
    let mut parsed = Parsed::default();
    let mut seen = HashSet::new();
    let errors = csv_import::read_json(bytes, &SCHEMA, |row, cells, errors| {
        read_row(row, cells, &mut seen, &mut parsed, errors);
    })?;
    parsed.errors = errors;
    Ok(parsed)
}

/// Checks one row's cells (column, trimmed text): its WISE, period and figures.
fn read_row(
    line: u64,
    cells: &[(&str, &str)],
    seen: &mut HashSet<(String, String)>,
    parsed: &mut Parsed,
    errors: &mut Vec<ImportError>,
) {
    let before = errors.len();
    let cell = |name: &str| cells.iter().find(|(c, _)| *c == name).map(|(_, v)| *v);
    let kvk_number = match cell("kvk_number").unwrap_or_default() {
        "" => {
            errors.push(ImportError::new(line, "kvk_number", "error-required"));
            None
        }
        kvk if !is_kvk_number(kvk) => {
            errors.push(ImportError::new(line, "kvk_number", "error-kvk-format"));
            None
        }
        kvk => Some(kvk.to_string()),
    };
    let period = match cell("period").unwrap_or_default() {
        "" => {
            errors.push(ImportError::new(line, "period", "error-required"));
            None
        }
        text => match PeriodKey::parse(text) {
            Ok(key) => Some(key.to_string()),
            Err(e) => {
                errors.push(ImportError::new(line, "period", e.message_key()));
                None
            }
        },
    };
    let fields = cells.iter().copied().filter(|(c, _)| *c != "kvk_number" && *c != "period");
    let figures = Figures::from_fields(fields).map_err(|field_errors| {
        // The figures' field names are the file's column names.
        errors.extend(field_errors.into_iter().map(|e| ImportError::new(line, e.field, e.key)));
    });
    if let (Some(kvk), Some(period)) = (&kvk_number, &period) {
        if !seen.insert((kvk.clone(), period.clone())) {
            errors.push(ImportError::new(line, "period", "error-import-figures-twice"));
        }
    }
    parsed.keys.push(RowKey { line, kvk_number: kvk_number.clone(), period: period.clone() });
    if let (Some(kvk_number), Some(period), Ok(figures)) = (kvk_number, period, figures) {
        if errors.len() == before {
            parsed.rows.push(Row { line, kvk_number, period, figures });
        }
    }
}

// ---------------------------------------------------------------------------
// Checking against the database and storing

/// Whose figures the importer may write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Writer {
    /// The operator (or the command line): every WISE, every existing period.
    Operator,
    /// A WISE's user: only these WISEs (by id), only periods that take figures.
    Wise(Vec<i32>),
}

/// Who imports, when, and how the revisions are marked.
#[derive(Debug, Clone)]
pub struct Context {
    pub writer: Writer,
    /// The user the revisions are recorded for (none for the command line).
    pub user: Option<i32>,
    pub source: Source,
    pub now: NaiveDateTime,
    pub today: NaiveDate,
    /// The `[figures] closes_after_days` setting.
    pub closes_after_days: i64,
}

/// A value that is possible but unlikely; it does not stop the import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub line: u64,
    pub kvk_number: String,
    pub period: String,
    pub column: String,
    /// A translation key (`warning-…`).
    pub message_key: &'static str,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Imported {
    /// Rows for a (WISE, period) without figures: a new submission.
    pub created: usize,
    /// Rows that differ from the newest revision: a new revision.
    pub revised: usize,
    /// Rows equal to the newest revision: nothing new.
    pub unchanged: usize,
    pub warnings: Vec<Warning>,
}

impl Imported {
    /// `2 created, 1 revised, 0 unchanged`, as the audit log and the command line say it.
    pub fn summary(&self) -> String {
        format!("{} created, {} revised, {} unchanged", self.created, self.revised, self.unchanged)
    }
}

/// Why nothing was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejected {
    /// Errors in the input, by line (or row) and column.
    Invalid(Vec<ImportError>),
    /// A WISE's user named a WISE that is not theirs (its id, when it exists): the
    /// whole request is refused.
    NotYours { organisation: Option<i32> },
}

/// Checks `parsed` against the database and stores every row, in one transaction:
/// what was done, or why nothing was (and then nothing is written). Unknown WISEs and
/// periods are errors; for a WISE's user so are periods that no longer (or do not
/// yet) take figures, and a WISE of someone else refuses the whole import.
pub fn import(conn: &mut DbConn, parsed: Parsed, context: &Context) -> QueryResult<Result<Imported, Rejected>> {
    let Parsed { rows, keys, mut errors } = parsed;
    write_tx(conn, |conn| {
        let mut kvks: Vec<&str> = keys.iter().filter_map(|k| k.kvk_number.as_deref()).collect();
        kvks.sort_unstable();
        kvks.dedup();
        let mut ids: HashMap<String, i32> = HashMap::new();
        // Bounded batches keep every query under the backends' parameter limits.
        for chunk in kvks.chunks(500) {
            let found: Vec<(String, i32)> = organisations::table
                .filter(organisations::kvk_number.eq_any(chunk))
                .select((organisations::kvk_number, organisations::id))
                .load(conn)?;
            ids.extend(found);
        }
        if let Writer::Wise(own) = &context.writer {
            for kvk in &kvks {
                let id = ids.get(*kvk).copied();
                if !id.is_some_and(|id| own.contains(&id)) {
                    return Ok(Err(Rejected::NotYours { organisation: id }));
                }
            }
        }
        let periods: HashMap<String, periods::Period> =
            periods::list(conn)?.into_iter().map(|p| (p.key.clone(), p)).collect();
        for key in &keys {
            if key.kvk_number.as_ref().is_some_and(|kvk| !ids.contains_key(kvk)) {
                errors.push(ImportError::new(key.line, "kvk_number", "error-unknown-organisation"));
            }
            match key.period.as_ref().map(|p| periods.get(p)) {
                Some(None) => errors.push(ImportError::new(key.line, "period", "error-import-period-unknown")),
                Some(Some(period))
                    if matches!(context.writer, Writer::Wise(_))
                        && !period.status(context.today, context.closes_after_days).takes_figures() =>
                {
                    errors.push(ImportError::new(key.line, "period", "error-import-period-closed"))
                }
                _ => {}
            }
        }
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.line);
            return Ok(Err(Rejected::Invalid(errors)));
        }
        let items: Vec<(i32, i32, &Figures)> =
            rows.iter().map(|row| (ids[&row.kvk_number], periods[&row.period].id, &row.figures)).collect();
        let saved = submissions::submit_many(conn, &items, context.source, context.user, context.now)?;
        let mut imported = Imported::default();
        for (row, saved) in rows.iter().zip(saved) {
            match (saved.new_revision, saved.revision) {
                (true, 1) => imported.created += 1,
                (true, _) => imported.revised += 1,
                (false, _) => imported.unchanged += 1,
            }
            imported.warnings.extend(row.figures.warnings().into_iter().map(|w| Warning {
                line: row.line,
                kvk_number: row.kvk_number.clone(),
                period: row.period.clone(),
                column: w.field,
                message_key: w.key,
            }));
        }
        Ok(Ok(imported))
    })
}

/// The one audit entry of an import: `figures_imported`, what was read, the counts.
pub fn record(
    conn: &mut DbConn,
    now: NaiveDateTime,
    actor: Actor<'_>,
    ip: Option<&str>,
    target: &str,
    imported: &Imported,
) -> QueryResult<()> {
    let entry = audit::Entry { actor, ip, action: "figures_imported", target, detail: &imported.summary() };
    audit::record(conn, now, entry)
}

/// `import figures FILE` on the command line: reads the file as the operator (any WISE,
/// any existing period), stores it and writes the audit entry, all in one transaction.
pub fn import_file(
    conn: &mut DbConn,
    bytes: &[u8],
    name: &str,
    now: NaiveDateTime,
) -> QueryResult<Result<Imported, Vec<ImportError>>> {
    let context = Context {
        writer: Writer::Operator,
        user: None,
        source: Source::Import,
        now,
        today: now.date(),
        closes_after_days: 0,
    };
    let parsed = parse_csv(bytes);
    write_tx(conn, |c| match import(c, parsed, &context)? {
        Ok(imported) => {
            record(c, now, Actor::System, None, name, &imported)?;
            Ok(Ok(imported))
        }
        Err(Rejected::Invalid(errors)) => Ok(Err(errors)),
        Err(Rejected::NotYours { .. }) => unreachable!("the operator may write every WISE"),
    })
}

// ---------------------------------------------------------------------------
// The operator's upload page: `GET /admin/figures/import` and `POST /admin/figures/import`

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/admin/figures/import", import_page);
    routes::post(cfg, "/admin/figures/import", upload);
    routes::api(cfg, api_import);
}

/// The page with its defaults, overridden by `extra`.
fn view(ctx: &Ctx, status: StatusCode, extra: Value) -> Result<HttpResponse, AppError> {
    let data = json!({
        "nav": "admin-periods",
        "target_groups": vocab::TARGET_GROUPS,
        "result": null,
        "warnings": [],
    });
    ctx.render_over(status, "admin/figures-import", crate::web::upload::page_data(data), extra)
}

async fn import_page(ctx: Ctx) -> Result<HttpResponse, AppError> {
    ctx.require(Action::Operate, None).await?;
    view(&ctx, StatusCode::OK, json!({}))
}

/// Imports the file or the pasted text as the operator, then shows what was done (the
/// counts and every warning) or every error (line, column, message in the page's language).
async fn upload(ctx: Ctx, payload: web::Payload) -> Result<HttpResponse, AppError> {
    let crate::web::upload::Accepted { user: admin, bytes, source, pasted } =
        match crate::web::upload::receive_upload(&ctx, payload, Action::Operate).await? {
            Ok(accepted) => accepted,
            Err((status, problem)) => return view(&ctx, status, problem),
        };
    let context = Context {
        writer: Writer::Operator,
        user: Some(admin.id),
        source: Source::Import,
        now: ctx.state.now(),
        today: ctx.state.today(),
        closes_after_days: ctx.state.config.figures.closes_after_days,
    };
    let ip = ctx.client_ip();
    let outcome = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let outcome = import(c, parse_csv(&bytes), &context)?;
                if let Ok(imported) = &outcome {
                    let actor = Actor::User { id: admin.id, email: &admin.email };
                    record(c, context.now, actor, Some(&ip), &source, imported)?;
                }
                Ok::<_, AppError>(outcome)
            })
        })
        .await?;
    let lang = ctx.lang();
    match outcome {
        Ok(imported) => {
            let warnings: Vec<Value> = imported
                .warnings
                .iter()
                .map(|w| {
                    json!({
                        "line": w.line,
                        "kvk_number": w.kvk_number,
                        "period": w.period,
                        "column": w.column,
                        "message": i18n::text(lang, w.message_key),
                    })
                })
                .collect();
            let result = json!({
                "created": imported.created,
                "revised": imported.revised,
                "unchanged": imported.unchanged,
            });
            view(&ctx, StatusCode::OK, json!({ "result": result, "warnings": warnings }))
        }
        Err(Rejected::Invalid(errors)) => {
            let mut extra = crate::web::upload::errors_view(&errors, lang);
            extra["csv"] = json!(pasted);
            view(&ctx, StatusCode::UNPROCESSABLE_ENTITY, extra)
        }
        Err(Rejected::NotYours { .. }) => Err(AppError::Forbidden),
    }
}

// ---------------------------------------------------------------------------
// `POST /api/v1/figures`

/// One row of a JSON body: the CSV's columns as keys; counts as numbers or strings.
#[derive(Debug, utoipa::ToSchema)]
#[allow(dead_code)] // documents the request body only
pub struct FiguresRowDoc {
    #[schema(example = "01234567")]
    kvk_number: String,
    /// `2025-Q1` (a quarter) or `2025` (a year); the period must exist.
    #[schema(example = "2025-Q1")]
    period: String,
    paid_target_group: u32,
    paid_regular: u32,
    trainees: u32,
    daytime_activities: u32,
    volunteers: u32,
    new_participants: u32,
    moved_to_paid_internal: u32,
    moved_to_paid_external: u32,
    moved_to_education: u32,
    other_exits: u32,
    /// FTE of `paid_target_group`, at most two decimals.
    #[schema(value_type = Option<f64>, example = 12.5)]
    fte_target_group: Option<String>,
    turnover_eur: Option<u64>,
    /// `tg_<group>`: target-group people by target group (any of the target-group codes).
    #[schema(rename = "tg_<group>")]
    target_groups: Option<u32>,
}

/// An import's result.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ImportResult {
    /// Rows for a (WISE, period) without figures: a new submission.
    pub created: usize,
    /// Rows that differ from the newest revision: a new revision.
    pub revised: usize,
    /// Rows equal to the newest revision: nothing written.
    pub unchanged: usize,
    /// Unlikely values; they did not stop the import.
    pub warnings: Vec<RowMessage>,
}

/// An error or warning of one row: `line` (CSV, the header is line 1) or `row` (JSON,
/// the 1-based index in the array), the column and an English message.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RowMessage {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// Set on warnings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kvk_number: Option<String>,
    /// Set on warnings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The column; empty for an error of the whole input.
    pub column: String,
    pub message: String,
}

impl RowMessage {
    fn new(format: Format, line: u64, column: &str, key: &str) -> Self {
        let (line, row) = match format {
            Format::Csv => (Some(line), None),
            Format::Json => (None, Some(line)),
        };
        Self {
            line,
            row,
            kvk_number: None,
            period: None,
            column: column.to_string(),
            message: i18n::text(Lang::En, key),
        }
    }
}

/// The 422 body: `invalid_figures` with every error.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct InvalidFiguresBody {
    #[schema(example = "invalid_figures")]
    pub error: &'static str,
    pub message: String,
    pub details: Vec<RowMessage>,
}

/// `POST /api/v1/figures`: stores the figures of a CSV or JSON body, all or nothing.
#[utoipa::path(
    tag = "figures",
    security(("bearer" = [])),
    request_body(
        description = "The figures CSV (SPEC §4: `kvk_number,period,paid_target_group,…`, comma- or \
                       semicolon-separated, header row first), or a JSON array of row objects with the \
                       CSV's column names. At most 5 MB.",
        content(
            (String = "text/csv", example = "kvk_number,period,paid_target_group,paid_regular,trainees,daytime_activities,volunteers,new_participants,moved_to_paid_internal,moved_to_paid_external,moved_to_education,other_exits,tg_mental_health\n01234567,2025-Q1,20,5,8,4,3,6,2,3,1,2,12\n"),
            (Vec<FiguresRowDoc> = "application/json"),
        )
    ),
    responses(
        (status = 200, description = "Every row stored (or found unchanged)", body = ImportResult),
        (status = 400, description = "A JSON body that is not an array of objects", body = crate::web::error::ErrorBody),
        (status = 401, description = "No token, or an unknown or revoked one", body = crate::web::error::ErrorBody),
        (status = 403, description = "Not an operator or a WISE's user, or a row for a WISE that is not the user's; nothing stored", body = crate::web::error::ErrorBody),
        (status = 413, description = "The body is larger than 5 MB", body = crate::web::error::ErrorBody),
        (status = 415, description = "A body that is neither text/csv nor application/json", body = crate::web::error::ErrorBody),
        (status = 422, description = "Errors by line (CSV) or row (JSON) and column; nothing stored", body = InvalidFiguresBody),
    )
)]
#[post("/api/v1/figures")]
pub(crate) async fn api_import(ctx: Ctx, payload: web::Payload) -> Result<HttpResponse, AppError> {
    let user = ctx.user()?.clone();
    let writer = match user.role {
        Role::Admin => Writer::Operator,
        Role::Wise => Writer::Wise(user.organisations.clone()),
        _ => {
            // Refused (and audited) by the policy.
            ctx.require(Action::SubmitFigures, None).await?;
            return Err(AppError::Forbidden);
        }
    };
    let (body, json) = match crate::web::upload::read_rows_body(&ctx, payload, "the figures").await? {
        Ok(read) => read,
        Err(refused) => return Ok(refused),
    };
    let parsed = if json { parse_json(&body).map_err(AppError::BadRequest)? } else { parse_csv(&body) };
    let context = Context {
        writer,
        user: Some(user.id),
        source: Source::Api,
        now: ctx.state.now(),
        today: ctx.state.today(),
        closes_after_days: ctx.state.config.figures.closes_after_days,
    };
    let ip = ctx.client_ip();
    let format = if json { Format::Json } else { Format::Csv };
    let target = if json { "API (application/json)" } else { "API (text/csv)" };
    let (id, email) = (user.id, user.email.clone());
    let outcome = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let outcome = import(c, parsed, &context)?;
                if let Ok(imported) = &outcome {
                    record(c, context.now, Actor::User { id, email: &email }, Some(&ip), target, imported)?;
                }
                Ok::<_, AppError>(outcome)
            })
        })
        .await?;
    match outcome {
        Ok(imported) => {
            let warnings = imported
                .warnings
                .iter()
                .map(|w| RowMessage {
                    kvk_number: Some(w.kvk_number.clone()),
                    period: Some(w.period.clone()),
                    ..RowMessage::new(format, w.line, &w.column, w.message_key)
                })
                .collect();
            let result = ImportResult {
                created: imported.created,
                revised: imported.revised,
                unchanged: imported.unchanged,
                warnings,
            };
            Ok(HttpResponse::Ok().json(result))
        }
        Err(Rejected::NotYours { organisation }) => {
            // Refused (and audited) by the policy: the WISE is not the user's.
            ctx.require(Action::SubmitFigures, organisation).await?;
            Err(AppError::Forbidden)
        }
        Err(Rejected::Invalid(errors)) => {
            let details: Vec<RowMessage> =
                errors.iter().map(|e| RowMessage::new(format, e.line, &e.column, e.message_key)).collect();
            let body = InvalidFiguresBody {
                error: "invalid_figures",
                message: if errors.last().is_some_and(|e| e.message_key == csv_import::STOPPED_KEY) {
                    format!(
                        "more than {0} errors: nothing was imported; the first {0} are listed, then where reading stopped",
                        csv_import::MAX_ERRORS
                    )
                } else {
                    format!("{} error(s): nothing was imported", errors.len())
                },
                details,
            };
            Ok(HttpResponse::UnprocessableEntity().json(body))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "kvk_number,period,paid_target_group,paid_regular,trainees,daytime_activities,volunteers,\
                          new_participants,moved_to_paid_internal,moved_to_paid_external,moved_to_education,other_exits";

    fn errors(parsed: &Parsed) -> Vec<(u64, &str, &'static str)> {
        parsed.errors.iter().map(|e| (e.line, e.column.as_str(), e.message_key)).collect()
    }

    #[test]
    fn required_columns_are_the_keys_and_the_ten_counts() {
        let expected: Vec<&str> =
            ["kvk_number", "period"].iter().chain(STOCKS.iter()).chain(FLOWS.iter()).copied().collect();
        assert_eq!(REQUIRED.to_vec(), expected);
        assert!(is_column("tg_mental_health") && is_column("fte_target_group"));
        assert!(!is_column("tg_aliens") && !is_column("name"));
    }

    #[test]
    fn a_good_file_gives_rows_with_their_figures() {
        let text = format!(
            "{HEADER},fte_target_group,tg_mental_health\n\
             01234567,2025-q1,20,5,8,4,3,6,2,3,1,2,\"14,5\",12\n\
             76543210,2025,1,0,0,0,0,0,0,0,0,0,,\n"
        );
        let parsed = parse_csv(text.as_bytes());
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        assert_eq!(parsed.rows.len(), 2);
        let first = &parsed.rows[0];
        assert_eq!((first.line, first.kvk_number.as_str(), first.period.as_str()), (2, "01234567", "2025-Q1"));
        assert_eq!(first.figures.stock("paid_target_group"), 20);
        assert_eq!(first.figures.fte_target_group_hundredths, Some(1450));
        assert_eq!(first.figures.target_groups.get("mental_health"), Some(&12));
        assert_eq!(parsed.rows[1].period, "2025");
    }

    #[test]
    fn bad_values_are_named_by_line_and_column() {
        let text = format!(
            "{HEADER}\n\
             1234567,2025-Q1,20,5,8,4,3,6,2,3,1,2\n\
             01234567,2025-Q5,-1,2.5,acht,4,3,6,2,3,1,2\n\
             01234567,2025-Q1,20,5,8,4,3,6,2,3,1,2\n\
             01234567,2025-Q1,20,5,8,4,3,6,2,3,1,2\n\
             ,,1,1,1,1,1,1,1,1,1,\n"
        );
        let parsed = parse_csv(text.as_bytes());
        assert_eq!(
            errors(&parsed),
            [
                (2, "kvk_number", "error-kvk-format"),
                (3, "period", "error-period-quarter"),
                (3, "paid_target_group", "error-count"),
                (3, "paid_regular", "error-count"),
                (3, "trainees", "error-count"),
                (5, "period", "error-import-figures-twice"),
                (6, "kvk_number", "error-required"),
                (6, "period", "error-required"),
                (6, "other_exits", "error-required"),
            ]
        );
        assert_eq!(parsed.rows.len(), 1, "only line 4 is good on its own");
        assert_eq!(parsed.keys.len(), 5, "every row's keys, for the database checks");
    }

    #[test]
    fn the_header_names_unknown_and_missing_columns() {
        let parsed = parse_csv(b"kvk_number,period,paid_target_group,colour,tg_aliens\n");
        let found = errors(&parsed);
        assert_eq!(found[0], (1, "colour", "error-import-figures-unknown-column"));
        assert_eq!(found[1], (1, "tg_aliens", "error-import-figures-unknown-column"));
        assert_eq!(found[2], (1, "paid_regular", "error-import-missing-column"));
        assert_eq!(found.len(), 2 + 9);
        assert_eq!(errors(&parse_csv(b"")), [(1, "", "error-import-empty")]);
        assert_eq!(errors(&parse_csv(format!("{HEADER}\n").as_bytes())), [(2, "", "error-import-figures-no-rows")]);
    }

    #[test]
    fn json_rows_take_numbers_and_strings_and_name_rows() {
        let body = br#"[
            {"kvk_number": "01234567", "period": "2025-Q1", "paid_target_group": 20, "paid_regular": "5",
             "trainees": 8, "daytime_activities": 4, "volunteers": 3, "new_participants": 6,
             "moved_to_paid_internal": 2, "moved_to_paid_external": 3, "moved_to_education": 1, "other_exits": 2,
             "fte_target_group": 12.5, "turnover_eur": null},
            {"kvk_number": "01234567", "period": "2025-Q2", "paid_target_group": 1.5, "paid_regular": true,
             "colour": "red"},
            7
        ]"#;
        let parsed = parse_json(body).unwrap();
        assert_eq!(parsed.rows.len(), 1);
        assert_eq!(parsed.rows[0].figures.fte_target_group_hundredths, Some(1250));
        let found = errors(&parsed);
        assert!(found.contains(&(2, "paid_target_group", "error-count")), "{found:?}");
        assert!(found.contains(&(2, "paid_regular", "error-import-json-value")), "{found:?}");
        assert!(found.contains(&(2, "colour", "error-import-figures-unknown-column")), "{found:?}");
        assert!(found.contains(&(2, "trainees", "error-required")), "{found:?}");
        assert_eq!(found.last(), Some(&(3, "", "error-import-json-not-object")));
        assert!(parse_json(b"{\"a\": 1}").is_err());
        assert!(parse_json(b"nope").is_err());
        assert_eq!(errors(&parse_json(b"[]").unwrap()), [(1, "", "error-import-figures-no-rows")]);
    }
}
