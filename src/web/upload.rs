//! Receiving a file: an upload page's form (a file or pasted text) or an API request's
//! body, within the size limit, as the operator; and the errors as an upload page lists
//! them. What the file means is each import's own; its form is `csv_import`.

use crate::web::context::Ctx;
use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::web::{self, Bytes};
use actix_web::{HttpMessage, HttpRequest};
use futures_util::StreamExt;
use serde_json::{json, Value};

use crate::csv_import::{ImportError, MAX_BYTES, SHOWN_ERRORS};
use crate::i18n::Lang;
use crate::secret;
use crate::users::model::CurrentUser;
use crate::web::auth::policy::Action;
use crate::web::auth::session::Identity;
use crate::web::AppError;

/// The largest request body of an upload form: the file plus the small fields; pasted
/// text sent urlencoded may take up to three bytes for each of its own.
const MAX_MULTIPART_BODY: usize = MAX_BYTES + 64 * 1024;
const MAX_URLENCODED_BODY: usize = 3 * MAX_BYTES + 64 * 1024;

/// Errors as an upload page lists them: `errors` (line, column, message in `lang`; at
/// most [`SHOWN_ERRORS`]), `error_count` and `more_errors`.
pub fn errors_view(errors: &[ImportError], lang: Lang) -> Value {
    let shown: Vec<Value> = errors
        .iter()
        .take(SHOWN_ERRORS)
        .map(|e| json!({ "line": e.line, "column": e.column, "message": e.message(lang) }))
        .collect();
    json!({
        "errors": shown,
        "error_count": errors.len(),
        "more_errors": errors.len().saturating_sub(SHOWN_ERRORS),
    })
}

/// An upload page's data: `own` (its values) with what every upload page shows, empty
/// until there is something to show — the size limit (`max_mb`), a `problem`, the file's
/// `errors` (see [`errors_view`]) and the pasted text (`csv`); `partials/import-errors`
/// shows them.
pub fn page_data(own: Value) -> Value {
    let mut data = json!({
        "max_mb": MAX_BYTES / (1024 * 1024),
        "problem": null,
        "errors": [],
        "error_count": 0,
        "more_errors": 0,
        "csv": "",
    });
    if let (Some(data), Value::Object(own)) = (data.as_object_mut(), own) {
        data.extend(own);
    }
    data
}

// ---------------------------------------------------------------------------
// Receiving a file: an upload page's form, or an API request's body

/// What an upload form sent: a file, or text pasted into the text box.
#[derive(Debug, Default)]
pub struct Upload {
    pub csrf_token: String,
    pub csv: String,
    pub file: Vec<u8>,
    pub file_name: Option<String>,
}

/// Why a request body could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// Over the limit (answer 413).
    TooLarge,
    /// Not a form (or body) that can be read; the sentence says why.
    Bad(String),
}

impl Upload {
    /// Whether the form carried the requester's CSRF token.
    pub fn csrf_ok(&self, identity: &Identity) -> bool {
        !identity.csrf_token.is_empty() && secret::equal(&self.csrf_token, &identity.csrf_token)
    }

    /// The bytes to import and how the audit log names them (the file's name, or
    /// "pasted text"), or why there is nothing to import: the translation key of the
    /// problem (`import-problem-…`, shown with `max_mb`).
    pub fn content(&self) -> Result<(Vec<u8>, String), &'static str> {
        let (has_file, has_text) = (!self.file.is_empty(), !self.csv.trim().is_empty());
        let (bytes, source) = match (has_file, has_text) {
            (true, false) => (self.file.clone(), self.file_name.clone().unwrap_or_else(|| "uploaded file".to_string())),
            (false, true) => (self.csv.clone().into_bytes(), "pasted text".to_string()),
            (true, true) => return Err("import-problem-both"),
            (false, false) => return Err("import-problem-nothing"),
        };
        if bytes.len() > MAX_BYTES {
            return Err("import-problem-too-large");
        }
        Ok((bytes, source))
    }
}

/// An upload ready to import.
pub struct Accepted {
    /// Who sent it (allowed to do the page's action).
    pub user: CurrentUser,
    pub bytes: Vec<u8>,
    /// How the audit log names it: the file's name, or "pasted text".
    pub source: String,
    /// The text box as sent, to show again with errors.
    pub pasted: String,
}

/// What an upload page received: an upload to import, or the page to show
/// instead (its status and the fields that name the problem).
pub type Received = Result<Accepted, (StatusCode, Value)>;

/// An API request's body that is a CSV file (`text/csv`) or rows as JSON
/// (`application/json`), within [`MAX_BYTES`]: the bytes and whether they are JSON; or
/// the 415 answer that says to send `what` as one of the two.
pub async fn read_rows_body(
    ctx: &Ctx,
    payload: web::Payload,
    what: &str,
) -> Result<Result<(Bytes, bool), actix_web::HttpResponse>, AppError> {
    let json = match ctx.req.content_type().trim().to_ascii_lowercase().as_str() {
        "text/csv" => false,
        "application/json" => true,
        other => {
            let message = format!("send {what} as text/csv or application/json, not {other:?}");
            let body = json!({ "error": "unsupported_media_type", "message": message, "details": [] });
            return Ok(Err(actix_web::HttpResponse::UnsupportedMediaType().json(body)));
        }
    };
    match read_body(&ctx.req, payload, MAX_BYTES).await {
        Ok(body) => Ok(Ok((body, json))),
        Err(ReadError::TooLarge) => Err(AppError::PayloadTooLarge),
        Err(ReadError::Bad(message)) => Err(AppError::BadRequest(message)),
    }
}

/// Reads an upload form with everything the upload pages check in common: the size
/// limits (413 — only who may do `action` learns more than the status), the form's CSRF
/// token, that the requester may do `action` (the operator's imports: `Operate`), and
/// that there is exactly one thing to import. A form that cannot be read at all is a 400.
pub async fn receive_upload(ctx: &Ctx, payload: web::Payload, action: Action) -> Result<Received, AppError> {
    let form = match read_upload(&ctx.req, payload).await {
        Ok(form) => form,
        Err(ReadError::Bad(message)) => return Err(AppError::BadRequest(message)),
        Err(ReadError::TooLarge) => {
            ctx.require(action, None).await?;
            return Ok(Err((StatusCode::PAYLOAD_TOO_LARGE, json!({ "problem": "import-problem-too-large" }))));
        }
    };
    if !form.csrf_ok(&ctx.identity) {
        return Err(AppError::CsrfRejected);
    }
    let user = ctx.require(action, None).await?;
    Ok(match form.content() {
        Ok((bytes, source)) => Ok(Accepted { user, bytes, source, pasted: form.csv }),
        Err(problem) => {
            let status = if problem == "import-problem-too-large" {
                StatusCode::PAYLOAD_TOO_LARGE
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            Err((status, json!({ "problem": problem, "csv": form.csv })))
        }
    })
}

/// The body's declared length, when the request names one.
fn declared_length(req: &HttpRequest) -> Option<usize> {
    req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse().ok())
}

/// Reads a whole request body of at most `limit` bytes: a declared `Content-Length`
/// over the limit is refused before anything is read, and so is a body that grows
/// past it while being read.
pub async fn read_body(req: &HttpRequest, payload: web::Payload, limit: usize) -> Result<Bytes, ReadError> {
    if declared_length(req).is_some_and(|n| n > limit) {
        return Err(ReadError::TooLarge);
    }
    payload
        .to_bytes_limited(limit)
        .await
        .map_err(|_| ReadError::TooLarge)?
        .map_err(|e| ReadError::Bad(format!("the request body could not be read: {e}")))
}

/// Reads an upload form, as `multipart/form-data` (a page's form, with a file field
/// `file`) or as `application/x-www-form-urlencoded` (the text box `csv` only), within
/// the size limits. The fields are `csrf_token`, `csv` and `file`; others are ignored.
pub async fn read_upload(req: &HttpRequest, payload: web::Payload) -> Result<Upload, ReadError> {
    read_form(req, payload, MAX_MULTIPART_BODY, MAX_URLENCODED_BODY).await
}

/// Reads a form that sends one file (`multipart/form-data`, fields `csrf_token` and
/// `file`) of at most `limit` bytes, the small fields besides. A urlencoded form
/// carries no file, only its token (so a missing token is told apart from a missing file).
pub async fn read_file_form(req: &HttpRequest, payload: web::Payload, limit: usize) -> Result<Upload, ReadError> {
    read_form(req, payload, limit + 64 * 1024, 64 * 1024).await
}

/// [`read_upload`] with the largest multipart and urlencoded bodies it reads.
async fn read_form(
    req: &HttpRequest,
    payload: web::Payload,
    multipart_limit: usize,
    urlencoded_limit: usize,
) -> Result<Upload, ReadError> {
    let content_type = req.content_type().to_ascii_lowercase();
    match content_type.as_str() {
        "multipart/form-data" => {
            if declared_length(req).is_some_and(|n| n > multipart_limit) {
                return Err(ReadError::TooLarge);
            }
            read_multipart(req, payload, multipart_limit).await
        }
        "application/x-www-form-urlencoded" => {
            let body = read_body(req, payload, urlencoded_limit).await?;
            let pairs: Vec<(String, String)> = serde_html_form::from_bytes(&body)
                .map_err(|e| ReadError::Bad(format!("the form could not be read: {e}")))?;
            let mut upload = Upload::default();
            for (key, value) in pairs {
                match key.as_str() {
                    "csrf_token" => upload.csrf_token = value,
                    "csv" => upload.csv = value,
                    _ => {}
                }
            }
            Ok(upload)
        }
        other => Err(ReadError::Bad(format!(
            "send the form as multipart/form-data or application/x-www-form-urlencoded, not {other:?}"
        ))),
    }
}

async fn read_multipart(req: &HttpRequest, payload: web::Payload, limit: usize) -> Result<Upload, ReadError> {
    let bad = |e: actix_multipart::MultipartError| ReadError::Bad(format!("the form could not be read: {e}"));
    let mut parts = actix_multipart::Multipart::new(req.headers(), payload);
    let mut upload = Upload::default();
    let mut total = 0;
    while let Some(field) = parts.next().await {
        let mut field = field.map_err(bad)?;
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.content_disposition().and_then(|d| d.get_filename()).map(str::to_string);
        let mut data = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(bad)?;
            total += chunk.len();
            if total > limit {
                return Err(ReadError::TooLarge);
            }
            data.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "csrf_token" => upload.csrf_token = String::from_utf8_lossy(&data).into_owned(),
            "csv" => upload.csv = String::from_utf8_lossy(&data).into_owned(),
            "file" => {
                upload.file = data;
                upload.file_name = file_name.filter(|n| !n.trim().is_empty());
            }
            _ => {}
        }
    }
    Ok(upload)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_upload_holds_a_file_or_text() {
        let file = Upload { file: b"a,b".to_vec(), file_name: Some("x.csv".into()), ..Default::default() };
        assert_eq!(file.content(), Ok((b"a,b".to_vec(), "x.csv".to_string())));
        let text = Upload { csv: "a,b".into(), ..Default::default() };
        assert_eq!(text.content(), Ok((b"a,b".to_vec(), "pasted text".to_string())));
        assert_eq!(Upload::default().content(), Err("import-problem-nothing"));
        let both = Upload { csv: "a".into(), file: b"a".to_vec(), ..Default::default() };
        assert_eq!(both.content(), Err("import-problem-both"));
        let huge = Upload { csv: "a".repeat(MAX_BYTES + 1), ..Default::default() };
        assert_eq!(huge.content(), Err("import-problem-too-large"));
    }
}
