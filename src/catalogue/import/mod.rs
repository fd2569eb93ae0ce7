//! Imports from CSV files (SPEC §4): WISEs (`organisations`) and their goods and
//! services (`offerings`), for the command line, the operator's upload page and the
//! demo data (`demo`), which is loaded through the same code; and the EU's CPV labels
//! in a language (`cpv_labels`).
//!
//! The file's form (UTF-8 with an optional BOM, `,` or `;`, a header row naming the
//! columns in any order) and its errors are those of every import: see
//! [`crate::csv_import`]. An import is all-or-nothing: every error names its line
//! (the header is line 1) and its column, and one error rejects the whole file.

mod cells;
pub mod cpv_labels;
mod municipalities;
pub mod offerings;
pub mod organisations;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

use crate::audit;
use crate::db::write_tx;
use crate::vocab;
use crate::web::auth::policy::Action;
use crate::web::context::Ctx;
use crate::web::form::see_other;
use crate::web::{routes, AppError};

pub use crate::csv_import::{ImportError, MAX_BYTES};

/// What an import did: how many rows it created, or every error (and nothing written).
pub type Outcome = Result<usize, Vec<ImportError>>;

pub use cpv_labels::import_cpv_labels;
pub use offerings::import_offerings;
pub use organisations::{import_organisations, parse_organisations};

// ---------------------------------------------------------------------------
// The operator's upload page: `GET /admin/import` and `POST /admin/import`

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/admin/import", import_page);
    routes::post(cfg, "/admin/import", upload);
    municipalities::routes(cfg);
}

#[derive(serde::Deserialize)]
struct PageQuery {
    imported: Option<usize>,
}

/// The page with its defaults, overridden by `extra`.
fn view(ctx: &Ctx, status: StatusCode, extra: Value) -> Result<HttpResponse, AppError> {
    let data = json!({
        "nav": "admin-import",
        "sectors": vocab::SECTORS,
        "target_groups": vocab::TARGET_GROUPS,
        "imported": null,
    });
    ctx.render_over(status, "admin/import", crate::web::upload::page_data(data), extra)
}

async fn import_page(ctx: Ctx, query: web::Query<PageQuery>) -> Result<HttpResponse, AppError> {
    ctx.require(Action::Operate, None).await?;
    view(&ctx, StatusCode::OK, json!({ "imported": query.imported }))
}

/// Imports the file or the pasted text: on success back to the page with the count,
/// otherwise the page with every error (line, column, message in the page's language).
async fn upload(ctx: Ctx, payload: web::Payload) -> Result<HttpResponse, AppError> {
    let crate::web::upload::Accepted { user: admin, bytes, source, pasted } =
        match crate::web::upload::receive_upload(&ctx, payload, Action::Operate).await? {
            Ok(accepted) => accepted,
            Err((status, problem)) => return view(&ctx, status, problem),
        };
    let (now, ip) = (ctx.state.now(), ctx.client_ip());
    let outcome = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let outcome = import_organisations(c, &bytes, now)?;
                if let Ok(count) = &outcome {
                    audit::Entry::by(
                        admin.id,
                        &admin.email,
                        &ip,
                        "organisations_imported",
                        &source,
                        &format!("{count} organisations"),
                    )
                    .record(c, now)?;
                }
                Ok::<_, AppError>(outcome)
            })
        })
        .await?;
    match outcome {
        Ok(count) => Ok(see_other(&format!("/admin/import?imported={count}"))),
        Err(errors) => {
            let lang = ctx.lang();
            let mut extra = crate::web::upload::errors_view(&errors, lang);
            extra["csv"] = json!(pasted);
            view(&ctx, StatusCode::UNPROCESSABLE_ENTITY, extra)
        }
    }
}
