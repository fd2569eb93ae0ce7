//! A need's attachments: up to three documents (PDF, Office and OpenDocument files, each
//! at most `[needs] max_attachment_bytes`) that the buyer adds while the need is a draft
//! or returned. A file is kept in `[needs] attachments_dir` under its SHA-256 checksum,
//! which its row records; it is served only to signed-in users who may see the need.

use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;

use super::{load, record, Viewer};
use crate::db::schema::need_attachments;
use crate::db::{write_tx, DbConn};
use crate::validation::FieldError;
use crate::web::auth::session::{CsrfForm, Empty};
use crate::web::context::Ctx;
use crate::web::form::see_other;
use crate::web::upload::{read_file_form, ReadError};
use crate::web::{files, routes, AppError};

/// At most this many attachments per need.
pub const MAX_ATTACHMENTS: i64 = 3;

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::post(cfg, "/needs/{id}/attachments", add);
    routes::get(cfg, "/needs/{id}/attachments/{attachment}", download);
    routes::post(cfg, "/needs/{id}/attachments/{attachment}/delete", delete);
}

#[derive(Debug, Clone, Queryable, Selectable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = need_attachments)]
pub struct Attachment {
    pub id: i32,
    pub need_id: i32,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub created_at: NaiveDateTime,
}

/// The messages of the attachment field.
pub const REFUSALS: files::RefusalKeys = files::RefusalKeys {
    empty: "error-attachment-empty",
    too_large: "error-attachment-too-large",
    kind: "error-attachment-kind",
    content: "error-attachment-content",
    name: "error-attachment-name",
};

pub fn of_need(conn: &mut DbConn, need: i32) -> QueryResult<Vec<Attachment>> {
    need_attachments::table
        .filter(need_attachments::need_id.eq(need))
        .order(need_attachments::id)
        .select(Attachment::as_select())
        .load(conn)
}

fn one(conn: &mut DbConn, need: i32, id: i32) -> QueryResult<Option<Attachment>> {
    need_attachments::table
        .filter(need_attachments::need_id.eq(need))
        .filter(need_attachments::id.eq(id))
        .select(Attachment::as_select())
        .first(conn)
        .optional()
}

/// A file kept by [`store_file`], as a need's row names it.
pub struct Kept<'a> {
    pub name: &'a str,
    pub content_type: &'a str,
    pub size: i64,
    pub sha256: &'a str,
}

/// Adds the row of a kept file to need `need`; false when the need has its
/// [`MAX_ATTACHMENTS`] already.
pub fn attach(conn: &mut DbConn, need: i32, file: &Kept<'_>, now: NaiveDateTime) -> QueryResult<bool> {
    write_tx(conn, |conn| {
        if of_need(conn, need)?.len() as i64 >= MAX_ATTACHMENTS {
            return Ok(false);
        }
        diesel::insert_into(need_attachments::table)
            .values((
                need_attachments::need_id.eq(need),
                need_attachments::file_name.eq(file.name),
                need_attachments::content_type.eq(file.content_type),
                need_attachments::size_bytes.eq(file.size),
                need_attachments::sha256.eq(file.sha256),
                need_attachments::created_at.eq(now),
            ))
            .execute(conn)?;
        Ok(true)
    })
}

fn refused(key: &'static str) -> AppError {
    AppError::Validation(vec![FieldError { field: "file".into(), key }])
}

/// The buyer adds a document to a draft or returned need.
async fn add(ctx: Ctx, path: web::Path<i32>, payload: web::Payload) -> Result<HttpResponse, AppError> {
    let max = ctx.state.config.needs.max_attachment_bytes;
    let form = match read_file_form(&ctx.req, payload, usize::try_from(max).unwrap_or(usize::MAX)).await {
        Ok(form) => form,
        Err(ReadError::TooLarge) => return Err(refused("error-attachment-too-large")),
        Err(ReadError::Bad(message)) => return Err(AppError::BadRequest(message)),
    };
    if !form.csrf_ok(&ctx.identity) {
        return Err(AppError::CsrfRejected);
    }
    let (user, need, viewer) = load(&ctx, path.into_inner()).await?;
    if !matches!(viewer, Viewer::Buyer(_)) || !need.is_editable() {
        return Err(AppError::Conflict("documents are added to a draft or a returned need".into()));
    }
    let refused_for = |r: files::Refusal| refused(r.key(&REFUSALS));
    let name = files::clean_name(form.file_name.as_deref().unwrap_or("")).map_err(refused_for)?;
    let content_type = files::kind_of(&name, &form.file, max, files::DOCUMENTS).map_err(refused_for)?;
    let size = i64::try_from(form.file.len()).unwrap_or(i64::MAX);
    let sha256 = files::store_async(ctx.state.config.needs.attachments_dir.clone(), form.file).await?;
    let (now, ip, id) = (ctx.state.now(), ctx.client_ip(), need.id);
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                let kept = Kept { name: &name, content_type, size, sha256: &sha256 };
                if !attach(c, id, &kept, now)? {
                    return Err(refused("error-attachment-too-many"));
                }
                record(
                    c,
                    &user,
                    &ip,
                    "need_attachment_added",
                    id,
                    &format!("{name} ({size} bytes, sha256 {sha256})"),
                    now,
                )?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    Ok(see_other(&format!("/needs/{id}?notice=attachment-added")))
}

/// The document, to whoever may see the need, checked against its checksum.
async fn download(ctx: Ctx, path: web::Path<(i32, i32)>) -> Result<HttpResponse, AppError> {
    let (id, attachment) = path.into_inner();
    let (_, need, _) = load(&ctx, id).await?;
    let found = ctx.state.db(move |c| Ok(one(c, need.id, attachment)?)).await?.ok_or(AppError::NotFound)?;
    let dir = &ctx.state.config.needs.attachments_dir;
    let what = format!("attachment {}", found.id);
    files::serve(dir, &found.sha256, &found.file_name, &found.content_type, &what).await
}

/// The buyer removes a document from a draft or returned need (the file stays while
/// another row names it).
async fn delete(ctx: Ctx, path: web::Path<(i32, i32)>, _: CsrfForm<Empty>) -> Result<HttpResponse, AppError> {
    let (id, attachment) = path.into_inner();
    let (user, need, viewer) = load(&ctx, id).await?;
    if !matches!(viewer, Viewer::Buyer(_)) || !need.is_editable() {
        return Err(AppError::Conflict("documents are removed from a draft or a returned need".into()));
    }
    let (now, ip, dir) = (ctx.state.now(), ctx.client_ip(), ctx.state.config.needs.attachments_dir.clone());
    let orphan = ctx
        .state
        .db(move |c| {
            write_tx(c, |c| {
                let found = one(c, id, attachment)?.ok_or(AppError::NotFound)?;
                diesel::delete(need_attachments::table.find(found.id)).execute(c)?;
                record(c, &user, &ip, "need_attachment_removed", id, &found.file_name, now)?;
                let still_used: i64 =
                    need_attachments::table.filter(need_attachments::sha256.eq(&found.sha256)).count().get_result(c)?;
                Ok::<_, AppError>((still_used == 0).then_some(found.sha256))
            })
        })
        .await?;
    if let Some(sha256) = orphan {
        // Best effort: a file left behind is harmless, its row is gone.
        let _ = std::fs::remove_file(files::path_of(&dir, &sha256));
    }
    Ok(see_other(&format!("/needs/{id}?notice=attachment-removed")))
}
