//! A need's attachments: up to three documents (PDF, Office and OpenDocument files, each
//! at most `[needs] max_attachment_bytes`) that the buyer adds while the need is a draft
//! or returned. A file is kept in `[needs] attachments_dir` under its SHA-256 checksum,
//! which its row records; it is served only to signed-in users who may see the need.

use std::path::{Path, PathBuf};

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{load, record, Viewer};
use crate::db::schema::need_attachments;
use crate::db::{write_tx, DbConn};
use crate::validation::{char_len, FieldError};
use crate::web::auth::session::{CsrfForm, Empty};
use crate::web::context::Ctx;
use crate::web::form::see_other;
use crate::web::upload::{read_file_form, ReadError};
use crate::web::{routes, AppError};

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

/// The kinds of document a need may carry: extension, media type, and the bytes its
/// content starts with (Office Open XML and OpenDocument files are ZIP archives, the
/// older Office formats compound files).
const KINDS: &[(&str, &str, &[u8])] = &[
    ("pdf", "application/pdf", b"%PDF-"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04"),
    ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", b"PK\x03\x04"),
    ("odt", "application/vnd.oasis.opendocument.text", b"PK\x03\x04"),
    ("ods", "application/vnd.oasis.opendocument.spreadsheet", b"PK\x03\x04"),
    ("odp", "application/vnd.oasis.opendocument.presentation", b"PK\x03\x04"),
    ("doc", "application/msword", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
    ("xls", "application/vnd.ms-excel", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
    ("ppt", "application/vnd.ms-powerpoint", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
];

/// The media type of a document named `name` with content `bytes`, or the translation
/// key of why it is refused. The name's extension and the content must agree.
pub fn kind_of(name: &str, bytes: &[u8], max_bytes: u64) -> Result<&'static str, &'static str> {
    if bytes.is_empty() {
        return Err("error-attachment-empty");
    }
    if bytes.len() as u64 > max_bytes {
        return Err("error-attachment-too-large");
    }
    let extension = Path::new(name).extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let (_, media, magic) = KINDS.iter().find(|(ext, _, _)| *ext == extension).ok_or("error-attachment-kind")?;
    if !bytes.starts_with(magic) {
        return Err("error-attachment-content");
    }
    Ok(media)
}

/// A file name as it is kept and offered for download: the last path part, without
/// control characters or quotes, at most 200 characters.
fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base.chars().filter(|c| !c.is_control() && *c != '"').take(200).collect();
    cleaned.trim().to_string()
}

fn path_of(dir: &str, sha256: &str) -> PathBuf {
    Path::new(dir).join(sha256)
}

/// Keeps `bytes` under their checksum in `dir` (written aside, then renamed, so a file
/// is either whole or absent); returns the checksum.
pub fn store_file(dir: &str, bytes: &[u8]) -> std::io::Result<String> {
    let sha256 = hex::encode(Sha256::digest(bytes));
    let path = path_of(dir, &sha256);
    if !path.exists() {
        std::fs::create_dir_all(dir)?;
        let aside = path.with_extension("partial");
        std::fs::write(&aside, bytes)?;
        std::fs::rename(&aside, &path)?;
    }
    Ok(sha256)
}

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
    let name = clean_name(form.file_name.as_deref().unwrap_or(""));
    if name.is_empty() || char_len(&name) > 200 {
        return Err(refused("error-attachment-name"));
    }
    let content_type = kind_of(&name, &form.file, max).map_err(refused)?;
    let dir = ctx.state.config.needs.attachments_dir.clone();
    let bytes = form.file;
    let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    let sha256 = web::block(move || store_file(&dir, &bytes))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?
        .map_err(|e| AppError::Internal(anyhow::anyhow!("the attachment could not be kept: {e}")))?;
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
    let file = path_of(&ctx.state.config.needs.attachments_dir, &found.sha256);
    let bytes = web::block(move || std::fs::read(file))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?
        .map_err(|e| AppError::Internal(anyhow::anyhow!("attachment {} is missing from storage: {e}", found.id)))?;
    if hex::encode(Sha256::digest(&bytes)) != found.sha256 {
        return Err(AppError::Internal(anyhow::anyhow!("attachment {} does not match its checksum", found.id)));
    }
    Ok(HttpResponse::Ok()
        .content_type(found.content_type.as_str())
        .insert_header(header::ContentDisposition::attachment(found.file_name.clone()))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .body(bytes))
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
        let _ = std::fs::remove_file(path_of(&dir, &sha256));
    }
    Ok(see_other(&format!("/needs/{id}?notice=attachment-removed")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_known_by_its_name_and_its_content() {
        let max = 1_000;
        assert_eq!(kind_of("bestek.pdf", b"%PDF-1.7 ...", max), Ok("application/pdf"));
        assert_eq!(kind_of("Prijzen.XLSX", b"PK\x03\x04rest", max).map(|m| m.ends_with("sheet")), Ok(true));
        assert_eq!(kind_of("bestek.pdf", b"MZ\x90\x00", max), Err("error-attachment-content"));
        assert_eq!(kind_of("run.exe", b"MZ\x90\x00", max), Err("error-attachment-kind"));
        assert_eq!(kind_of("leeg.pdf", b"", max), Err("error-attachment-empty"));
        assert_eq!(kind_of("groot.pdf", &[b'%'; 1_001], max), Err("error-attachment-too-large"));
        assert_eq!(clean_name("C:\\Users\\a\\\"bestek\".pdf"), "bestek.pdf");
    }
}
