//! Static files (stylesheet, images), embedded from `templates/static/` and served
//! with an ETag; URLs carry a content hash so they can be cached for a year.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use rust_embed::RustEmbed;

use super::AppError;

#[derive(RustEmbed)]
#[folder = "templates/static/"]
struct Static;

fn hash_of(file: &rust_embed::EmbeddedFile) -> String {
    file.metadata.sha256_hash().iter().map(|b| format!("{b:02x}")).collect()
}

/// The versioned URL of a static file, e.g. `/static/css/site.css?v=1a2b3c4d5e6f`.
pub fn url(path: &str) -> Option<String> {
    let file = Static::get(path)?;
    Some(format!("/static/{path}?v={}", &hash_of(&file)[..12]))
}

pub async fn serve(req: HttpRequest, path: web::Path<String>) -> Result<HttpResponse, AppError> {
    let path = path.into_inner();
    let file = Static::get(&path).ok_or(AppError::NotFound)?;
    let etag = format!("\"{}\"", &hash_of(&file)[..16]);
    let versioned = req.query_string().split('&').any(|p| p.starts_with("v="));
    let cache = if versioned { "public, max-age=31536000, immutable" } else { "public, max-age=300" };
    let fresh = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|tag| tag.trim() == etag || tag.trim() == "*"));
    if fresh {
        return Ok(HttpResponse::NotModified()
            .insert_header((header::ETAG, etag))
            .insert_header((header::CACHE_CONTROL, cache))
            .finish());
    }
    let mime = mime_guess::from_path(&path).first_or_octet_stream();
    Ok(HttpResponse::Ok()
        .content_type(mime.as_ref())
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, cache))
        .body(file.data.into_owned()))
}
