//! The static files (stylesheet, images), embedded from `templates/static/`, and their
//! versioned URLs: a URL carries the file's content hash, so it can be cached for a year.
//! `web::assets` serves them.

use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "templates/static/"]
struct Static;

/// A static file: its bytes and its content hash (hex).
pub struct StaticFile {
    pub data: Vec<u8>,
    pub hash: String,
}

/// The embedded file at `path` (relative to `templates/static/`).
pub fn get(path: &str) -> Option<StaticFile> {
    let file = Static::get(path)?;
    let hash = file.metadata.sha256_hash().iter().map(|b| format!("{b:02x}")).collect();
    Some(StaticFile { data: file.data.into_owned(), hash })
}

/// The versioned URL of a static file, e.g. `/static/css/site.css?v=1a2b3c4d5e6f`.
pub fn url(path: &str) -> Option<String> {
    let file = get(path)?;
    Some(format!("/static/{path}?v={}", &file.hash[..12]))
}
