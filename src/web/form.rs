//! Helpers of every form and list page: the redirect after a post, form errors as the
//! templates read them, paging, and cells that are safe in a spreadsheet.

use actix_web::http::header;
use actix_web::HttpResponse;
use serde::Serialize;
use serde_json::{json, Value};

use crate::validation::FieldError;

/// A 303 to a page on this site.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, location.to_string())).finish()
}

/// Form errors as the templates read them: every field present, `null` or a message key.
pub fn field_errors(fields: &[&str], errors: &[FieldError]) -> Value {
    let mut map = serde_json::Map::new();
    for field in fields {
        let key = errors.iter().find(|e| e.field == *field).map(|e| e.key);
        map.insert((*field).to_string(), json!(key));
    }
    Value::Object(map)
}

/// The errors listed above a form: each field once, with its label (`label_prefix`
/// and the field name, dashed) and the element to jump to.
pub fn error_summary(errors: &[FieldError], label_prefix: &str, anchor: impl Fn(&str) -> String) -> Value {
    let mut seen = Vec::new();
    let mut list = Vec::new();
    for e in errors {
        if seen.contains(&e.field) {
            continue;
        }
        seen.push(e.field.clone());
        list.push(json!({
            "label": format!("{label_prefix}{}", e.field.replace('_', "-")),
            "error": e.key,
            "anchor": anchor(&e.field),
        }));
    }
    Value::Array(list)
}

/// Where a page sits in a paged list.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Paging {
    pub page: u32,
    pub pages: u32,
    pub previous: Option<u32>,
    pub next: Option<u32>,
}

impl Paging {
    /// An empty list still has one (empty) page.
    pub fn new(page: u32, per_page: u32, total: i64) -> Self {
        let per_page = i64::from(per_page.max(1));
        let pages = u32::try_from(((total + per_page - 1) / per_page).max(1)).unwrap_or(u32::MAX);
        Self { page, pages, previous: (page > 1).then(|| page - 1), next: (page < pages).then(|| page + 1) }
    }
}

/// A cell as exported: text that a spreadsheet would read as a formula gets a `'` in front.
pub fn safe_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}
