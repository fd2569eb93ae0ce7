//! Rendering pages: every page gets the visitor's language, the address it was
//! asked for (for the language switch) and the list of languages.

use actix_web::cookie::time;
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpMessage, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

use super::{AppError, AppState};
use crate::i18n::{self, Lang, LANG_COOKIE};
use crate::validation::FieldError;
use crate::web::auth::session::{CsrfForm, Identity};

/// Renders `template` with `data` (a JSON object) as a 200 page.
pub fn render(state: &AppState, req: &HttpRequest, template: &str, data: Value) -> Result<HttpResponse, AppError> {
    render_status(state, req, StatusCode::OK, template, data)
}

/// `defaults` (a JSON object) with the fields of `extra` (another object) put over it.
pub fn merge(mut defaults: Value, extra: Value) -> Value {
    if let (Value::Object(base), Value::Object(extra)) = (&mut defaults, extra) {
        base.extend(extra);
    }
    defaults
}

/// Renders a page from its defaults with `extra` put over them (see [`merge`]).
pub fn render_over(
    state: &AppState,
    req: &HttpRequest,
    status: StatusCode,
    template: &str,
    defaults: Value,
    extra: Value,
) -> Result<HttpResponse, AppError> {
    render_status(state, req, status, template, merge(defaults, extra))
}

pub fn render_status(
    state: &AppState,
    req: &HttpRequest,
    status: StatusCode,
    template: &str,
    data: Value,
) -> Result<HttpResponse, AppError> {
    let lang = Lang::of_request(req, state.default_lang());
    let html = render_html(state, req, lang, template, data)
        .map_err(|e| AppError::Internal(anyhow::anyhow!("template {template}: {e}")))?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_LANGUAGE, lang.code()))
        .insert_header((header::VARY, "Accept-Language, Cookie"))
        .body(html))
}

fn render_html(
    state: &AppState,
    req: &HttpRequest,
    lang: Lang,
    template: &str,
    mut data: Value,
) -> Result<String, handlebars::RenderError> {
    let here = match req.query_string() {
        "" => req.path().to_string(),
        query => format!("{}?{query}", req.path()),
    };
    let languages: Vec<Value> = Lang::ALL.iter().map(|l| json!({"code": l.code(), "current": *l == lang})).collect();
    let identity = req.extensions().get::<Identity>().cloned().unwrap_or_default();
    if let Value::Object(map) = &mut data {
        map.insert("lang".into(), json!(lang.code()));
        map.insert("user".into(), json!(identity.user));
        let can = crate::web::auth::policy::flags(identity.user.as_ref());
        // The administration pages share one item in the menu (and their own sub-menu);
        // the submissions overview is one of them for the operator.
        let nav = map.get("nav").and_then(Value::as_str).unwrap_or("");
        let in_admin =
            nav.starts_with("admin") || (matches!(nav, "figures-status" | "needs") && can["operate"] == true);
        map.insert("in_admin".into(), json!(in_admin));
        map.insert("can".into(), can);
        map.insert("csrf_token".into(), json!(identity.csrf_token));
        map.insert("here".into(), json!(here));
        map.insert("languages".into(), json!(languages));
        map.entry("nav").or_insert(Value::Null);
    }
    state.templates.render(template, &data)
}

/// Statuses with their own title and explanation; others fall back to 400 or 500.
const EXPLAINED: &[u16] = &[400, 401, 403, 404, 405, 409, 413, 422, 429, 500, 503];

/// The error page for a status, in the visitor's language, listing the fields at fault
/// (if any) each with its message.
pub fn error_html(state: &AppState, req: &HttpRequest, status: StatusCode, fields: &[FieldError]) -> String {
    let code = status.as_u16();
    let explained = if EXPLAINED.contains(&code) {
        code
    } else if status.is_server_error() {
        500
    } else {
        400
    };
    let lang = Lang::of_request(req, state.default_lang());
    let fields: Vec<Value> =
        fields.iter().map(|f| json!({ "field": f.field, "message": i18n::text(lang, f.key) })).collect();
    let data = json!({
        "status": code,
        "title_key": format!("error-{explained}-title"),
        "text_key": format!("error-{explained}-text"),
        "fields": fields,
    });
    render_html(state, req, lang, "errors/error", data).unwrap_or_else(|e| {
        tracing::error!(error = %e, "the error page does not render");
        format!("<!doctype html><title>{code}</title><h1>{code}</h1>")
    })
}

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    next: Option<String>,
}

/// Remembers the chosen language in a cookie and goes back to the page it was chosen on.
pub async fn switch_language(
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<LanguageForm>,
) -> Result<HttpResponse, AppError> {
    let lang = Lang::parse(&form.lang)
        .ok_or_else(|| AppError::BadRequest(format!("unknown language {:?} (use nl or en)", form.lang)))?;
    let cookie = crate::web::auth::session::cookie(
        &state.config,
        LANG_COOKIE,
        lang.code().to_string(),
        Some(time::Duration::days(365)),
    );
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, safe_local_path(form.next.as_deref())))
        .cookie(cookie)
        .finish())
}

/// The query of a page that may show a notice after a redirect (`?notice=saved`); each
/// page maps the codes it knows to message keys and ignores the rest.
#[derive(Deserialize)]
pub struct NoticeQuery {
    pub notice: Option<String>,
}

/// A redirect target on this site only: a path starting with one `/`, else `/`.
pub fn safe_local_path(next: Option<&str>) -> &str {
    match next {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.starts_with("/\\")
                && !p.chars().any(|c| c.is_control()) =>
        {
            p
        }
        _ => "/",
    }
}

#[cfg(test)]
mod tests {
    use super::safe_local_path;

    #[test]
    fn redirects_stay_on_the_site() {
        assert_eq!(safe_local_path(Some("/organisations?page=2")), "/organisations?page=2");
        assert_eq!(safe_local_path(Some("//evil.example")), "/");
        assert_eq!(safe_local_path(Some("/\\evil.example")), "/");
        assert_eq!(safe_local_path(Some("https://evil.example")), "/");
        assert_eq!(safe_local_path(Some("/a\r\nSet-Cookie: x")), "/");
        assert_eq!(safe_local_path(None), "/");
    }
}
