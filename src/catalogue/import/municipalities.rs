//! `GET /admin/municipalities` and `POST /admin/municipalities`: the operator reads the
//! municipalities table (which lack coordinates, and so serve radius offerings only as
//! the WISE's own municipality) and imports a CSV file of them, all or nothing with
//! every error by line and column.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde_json::{json, Value};

use crate::audit;
use crate::db::write_tx;
use crate::geography::store;
use crate::web::auth::policy::Action;
use crate::web::context::Ctx;
use crate::web::form::see_other;
use crate::web::{routes, AppError};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/admin/municipalities", list_page);
    routes::post(cfg, "/admin/municipalities", upload);
}

#[derive(serde::Deserialize)]
struct PageQuery {
    added: Option<usize>,
    updated: Option<usize>,
}

/// The page: the table's municipalities, with the page's defaults overridden by `extra`.
async fn view(ctx: &Ctx, status: StatusCode, extra: Value) -> Result<HttpResponse, AppError> {
    let gazetteer = ctx.state.db(|c| Ok::<_, AppError>(store::gazetteer(c)?)).await?;
    let rows: Vec<Value> = gazetteer
        .all()
        .iter()
        .map(|m| {
            json!({
                "code": m.code,
                "name": m.name,
                "latitude": m.centroid.map(|p| format!("{:.4}", p.latitude)),
                "longitude": m.centroid.map(|p| format!("{:.4}", p.longitude)),
            })
        })
        .collect();
    let without = gazetteer.all().iter().filter(|m| m.centroid.is_none()).count();
    let data = json!({
        "nav": "admin-municipalities",
        "municipalities": rows,
        "count": rows.len(),
        "without_coordinates": without,
        "done": null,
    });
    ctx.render_over(status, "admin/municipalities", crate::web::upload::page_data(data), extra)
}

async fn list_page(ctx: Ctx, query: web::Query<PageQuery>) -> Result<HttpResponse, AppError> {
    ctx.require(Action::Operate, None).await?;
    let done = query.added.map(|added| json!({ "added": added, "updated": query.updated.unwrap_or(0) }));
    view(&ctx, StatusCode::OK, json!({ "done": done })).await
}

/// Imports the file or the pasted text: back to the page with what changed, or the page
/// with every error (and nothing written).
async fn upload(ctx: Ctx, payload: web::Payload) -> Result<HttpResponse, AppError> {
    let crate::web::upload::Accepted { user: admin, bytes, source, pasted } =
        match crate::web::upload::receive_upload(&ctx, payload, Action::Operate).await? {
            Ok(accepted) => accepted,
            Err((status, problem)) => return view(&ctx, status, problem).await,
        };
    let (now, ip) = (ctx.state.now(), ctx.client_ip());
    let outcome = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let outcome = store::import(c, &bytes, now)?;
                if let Ok((added, updated)) = &outcome {
                    let detail = format!("{added} added, {updated} updated");
                    audit::Entry::by(admin.id, &admin.email, &ip, "municipalities_imported", &source, &detail)
                        .record(c, now)?;
                }
                Ok::<_, AppError>(outcome)
            })
        })
        .await?;
    match outcome {
        Ok((added, updated)) => Ok(see_other(&format!("/admin/municipalities?added={added}&updated={updated}"))),
        Err(errors) => {
            let mut extra = crate::web::upload::errors_view(&errors, ctx.lang());
            extra["csv"] = json!(pasted);
            view(&ctx, StatusCode::UNPROCESSABLE_ENTITY, extra).await
        }
    }
}
