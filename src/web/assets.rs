//! `GET /static/{path}`: the embedded static files (`render::assets`), with an ETag;
//! a versioned URL (`?v=`) is cached for a year.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};

use super::AppError;
use crate::render::assets;

pub async fn serve(req: HttpRequest, path: web::Path<String>) -> Result<HttpResponse, AppError> {
    let path = path.into_inner();
    let file = assets::get(&path).ok_or(AppError::NotFound)?;
    let etag = format!("\"{}\"", &file.hash[..16]);
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
        .body(file.data))
}
