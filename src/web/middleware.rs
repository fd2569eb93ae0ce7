//! Middleware: security headers on every response, and error pages for everything
//! outside `/api` that ends in an error status.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::{DefaultHeaders, ErrorHandlerResponse};
use actix_web::{web, HttpResponse};

use super::{page, AppError, AppState};

/// No inline script or style anywhere, no framing, no plugins; forms post only to us.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'none'";

/// Headers added to every response (unless a handler set its own).
pub fn security_headers(https: bool) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add((header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "strict-origin-when-cross-origin"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        .add(("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
        // Pages can hold secrets (a new API token, a link's token, CSRF tokens): never
        // stored by browsers or proxies. Static files set their own caching.
        .add((header::CACHE_CONTROL, "no-store"));
    if https {
        headers.add((header::STRICT_TRANSPORT_SECURITY, "max-age=31536000; includeSubDomains"))
    } else {
        headers
    }
}

/// Whether an error response is left as it is: API answers keep their JSON, probes
/// their plain text, and pages a handler rendered itself (e.g. a form with errors).
fn keeps_own_body<B>(res: &ServiceResponse<B>) -> bool {
    let path = res.request().path();
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    html || path == "/api" || path.starts_with("/api/") || path == "/healthz" || path == "/readyz"
}

/// Replaces the body of an error response with the rendered error page in the visitor's language.
pub fn error_page<B: MessageBody + 'static>(res: ServiceResponse<B>) -> actix_web::Result<ErrorHandlerResponse<B>> {
    if keeps_own_body(&res) {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    // A page asked for with a bad bearer token answers 401 once: signing in would fail
    // the same way (the header comes with every request), so no redirect.
    let bearer = res.request().headers().contains_key(header::AUTHORIZATION);
    if res.status() == StatusCode::UNAUTHORIZED && res.request().method() == Method::GET && !bearer {
        return Ok(ErrorHandlerResponse::Response(to_sign_in(res)));
    }
    let Some(state) = res.request().app_data::<web::Data<AppState>>().cloned() else {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    };
    // A page's validation error lists the fields at fault.
    let fields = match res.response().error().and_then(|e| e.as_error::<AppError>()) {
        Some(AppError::Validation(fields)) => fields.clone(),
        _ => Vec::new(),
    };
    let html = page::error_html(&state, res.request(), res.status(), &fields);
    let (req, res) = res.into_parts();
    let mut res = res.set_body(html).map_into_boxed_body();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    Ok(ErrorHandlerResponse::Response(ServiceResponse::new(req, res).map_into_right_body()))
}

/// A page that needs a signed-in user sends the visitor to sign in, and back afterwards.
fn to_sign_in<B>(res: ServiceResponse<B>) -> ServiceResponse<EitherBody<B>> {
    let req = res.request();
    let here = match req.query_string() {
        "" => req.path().to_string(),
        query => format!("{}?{query}", req.path()),
    };
    let query = serde_html_form::to_string([("next", here)]).unwrap_or_default();
    let (req, _) = res.into_parts();
    let redirect = HttpResponse::SeeOther().insert_header((header::LOCATION, format!("/sign-in?{query}"))).finish();
    ServiceResponse::new(req, redirect).map_into_right_body()
}

/// Paths whose next segment is a secret (an unsubscribe link's token): logged as `…`.
/// Invitation, password-reset and confirmation links carry theirs in the query string,
/// which is never logged.
const SECRET_PATHS: &[&str] = &["/unsubscribe/"];

/// `path` as the request log shows it: every secret segment replaced by `…`.
pub fn loggable_path(path: &str) -> std::borrow::Cow<'_, str> {
    for prefix in SECRET_PATHS {
        if let Some(rest) = path.strip_prefix(prefix) {
            let after = rest.find('/').map_or("", |i| &rest[i..]);
            return format!("{prefix}\u{2026}{after}").into();
        }
    }
    path.into()
}

/// One log line per request (when its span closes, with its duration): method, path
/// without the query string (which can hold single-use tokens) and with secret
/// segments redacted ([`loggable_path`]), status. Never cookies.
pub struct RequestLog;

impl tracing_actix_web::RootSpanBuilder for RequestLog {
    fn on_request_start(request: &actix_web::dev::ServiceRequest) -> tracing::Span {
        tracing::info_span!(
            "request",
            method = %request.method(),
            path = %loggable_path(request.path()),
            status = tracing::field::Empty,
        )
    }

    fn on_request_end<B: MessageBody>(span: tracing::Span, outcome: &Result<ServiceResponse<B>, actix_web::Error>) {
        let status = match outcome {
            Ok(res) => res.status(),
            Err(e) => e.as_response_error().status_code(),
        };
        span.record("status", status.as_u16());
    }
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn secret_path_segments_never_reach_the_log() {
        assert_eq!(loggable_path("/unsubscribe/368c0a9d1e"), "/unsubscribe/\u{2026}");
        assert_eq!(loggable_path("/unsubscribe/368c0a9d1e/extra"), "/unsubscribe/\u{2026}/extra");
        assert_eq!(loggable_path("/organisations/12345678"), "/organisations/12345678");
        assert_eq!(loggable_path("/unsubscribe"), "/unsubscribe");
    }
}
