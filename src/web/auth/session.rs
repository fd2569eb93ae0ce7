//! Who is asking: the `identify` middleware reads the session cookie (pages) or the
//! bearer token (API), and every request carries an [`Identity`] with the CSRF token
//! its forms must send back. [`CsrfForm`] checks that token on every state change.

use std::future::Future;
use std::pin::Pin;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::cookie::{time, Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use serde::de::DeserializeOwned;

use crate::config::Config;
use crate::secret;
use crate::users::model::CurrentUser;
use crate::users::store;
use crate::validation::{self, FieldError};
use crate::web::{AppError, AppState};

/// The requester, as every handler and page sees them.
#[derive(Debug, Clone, Default)]
pub struct Identity {
    pub user: Option<CurrentUser>,
    /// The token forms must carry: the session's, or for visitors not signed in, the
    /// value of their CSRF cookie.
    pub csrf_token: String,
    /// The digest of the current session's id (signed-in page visitors only).
    pub session: Option<String>,
    /// Authenticated by an API token (no cookies, no CSRF).
    pub via_token: bool,
}

impl Identity {
    pub fn user(&self) -> Result<&CurrentUser, AppError> {
        self.user.as_ref().ok_or(AppError::Unauthorized)
    }
}

impl FromRequest for Identity {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(Ok(req.extensions().get::<Identity>().cloned().unwrap_or_default()))
    }
}

/// Cookies are `Secure` (and so may carry the `__Host-` prefix) when the platform is
/// reached over https, or on this machine, which browsers treat as a secure context.
pub fn secure_cookies(config: &Config) -> bool {
    let base = config.base_url();
    if config.is_https() {
        return true;
    }
    let host = base.trim_start_matches("http://").split(['/', ':']).next().unwrap_or("");
    matches!(host, "127.0.0.1" | "localhost") || base.starts_with("http://[::1]")
}

pub fn session_cookie_name(config: &Config) -> &'static str {
    if secure_cookies(config) {
        "__Host-wise_session"
    } else {
        "wise_session"
    }
}

pub fn csrf_cookie_name(config: &Config) -> &'static str {
    if secure_cookies(config) {
        "__Host-wise_csrf"
    } else {
        "wise_csrf"
    }
}

/// A cookie for the whole site: HttpOnly, SameSite=Lax, Secure where possible;
/// `max_age` None makes a browser-session cookie.
pub fn cookie(config: &Config, name: &'static str, value: String, max_age: Option<time::Duration>) -> Cookie<'static> {
    let mut c = Cookie::build(name, value)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure_cookies(config))
        .finish();
    if let Some(age) = max_age {
        c.set_max_age(age);
    }
    c
}

/// The client's IP: the socket's peer, or, when the peer is the trusted proxy, the
/// last address that proxy added to `X-Forwarded-For`.
pub fn client_ip(req: &HttpRequest, config: &Config) -> String {
    let peer = req.peer_addr().map(|a| a.ip().to_canonical());
    let proxy = config.auth.trusted_proxy.parse::<std::net::IpAddr>().ok().map(|ip| ip.to_canonical());
    if let (Some(peer), Some(proxy)) = (peer, proxy) {
        if peer == proxy {
            // The proxy appends the address it saw: the last entry of the last header.
            if let Some(forwarded) = req
                .headers()
                .get_all("x-forwarded-for")
                .filter_map(|v| v.to_str().ok())
                .last()
                .and_then(|v| v.rsplit(',').next())
                .and_then(|ip| ip.trim().parse::<std::net::IpAddr>().ok())
            {
                return forwarded.to_canonical().to_string();
            }
        }
    }
    peer.map_or_else(|| "unknown".to_string(), |ip| ip.to_string())
}

fn is_unsafe(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Refuses a state-changing request that a browser says comes from another site:
/// `Sec-Fetch-Site` other than same-origin, or an `Origin` other than the base URL's.
fn cross_site(req: &ServiceRequest, config: &Config) -> bool {
    // One-click unsubscribe (RFC 8058) comes from mail clients; its token authorises it.
    if req.path().starts_with("/unsubscribe/") {
        return false;
    }
    if let Some(site) = req.headers().get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    req.headers().get(header::ORIGIN).and_then(|v| v.to_str().ok()).is_some_and(|origin| origin != config.base_url())
}

/// Middleware: establishes the [`Identity`] of every request (except static files
/// and probes), refuses cross-site state changes, and keeps the cookies in order.
/// Refusals become responses here, so the outer middleware (headers, error pages) sees them.
pub async fn identify<B: MessageBody + 'static>(
    req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    let path = req.path();
    if path.starts_with("/static/") || path == "/healthz" || path == "/readyz" {
        return next.call(req).await.map(ServiceResponse::map_into_left_body);
    }
    let state = req.app_data::<web::Data<AppState>>().cloned().expect("app state is registered");
    let cookies = match establish(&req, &state).await {
        Ok(cookies) => cookies,
        Err(e) => return Ok(req.error_response(e).map_into_right_body()),
    };
    let mut res = next.call(req).await?;
    let config = &state.config;
    if cookies.clear_session && !res.headers().contains_key(header::SET_COOKIE) {
        let gone = cookie(config, session_cookie_name(config), String::new(), Some(time::Duration::ZERO));
        res.response_mut().add_cookie(&gone)?;
    }
    if let Some(token) = cookies.new_csrf {
        res.response_mut().add_cookie(&cookie(config, csrf_cookie_name(config), token, None))?;
    }
    Ok(res.map_into_left_body())
}

/// Cookie changes the response must carry.
#[derive(Default)]
struct CookieChanges {
    clear_session: bool,
    new_csrf: Option<String>,
}

async fn establish(req: &ServiceRequest, state: &AppState) -> Result<CookieChanges, AppError> {
    let config = &state.config;
    let now = crate::db::timestamp(state.clock.now());
    let bearer = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| t.trim().to_string());
    if let Some(token) = bearer {
        let user = state.db(move |c| Ok(store::user_for_token(c, &token, now)?)).await?;
        let user = user.ok_or(AppError::InvalidToken)?;
        req.extensions_mut().insert(Identity { user: Some(user), via_token: true, ..Default::default() });
        return Ok(CookieChanges::default());
    }
    if is_unsafe(req.method()) && cross_site(req, config) {
        return Err(AppError::CrossSite);
    }
    let path = req.path();
    if path == "/api" || path.starts_with("/api/") {
        // The API authenticates by token only; cookies are ignored there.
        req.extensions_mut().insert(Identity::default());
        return Ok(CookieChanges::default());
    }
    let mut identity = Identity::default();
    let mut changes = CookieChanges::default();
    if let Some(cookie) = req.cookie(session_cookie_name(config)).map(|c| c.value().to_string()) {
        let idle = chrono::Duration::minutes(config.auth.session_idle_minutes);
        match state.db(move |c| Ok(store::load_session(c, &cookie, now, idle)?)).await? {
            Some(live) => {
                identity = Identity {
                    user: Some(live.user),
                    csrf_token: live.csrf_token,
                    session: Some(live.id_hash),
                    via_token: false,
                };
            }
            None => changes.clear_session = true,
        }
    }
    if identity.user.is_none() {
        match req.cookie(csrf_cookie_name(config)) {
            Some(c) if c.value().len() == 64 => identity.csrf_token = c.value().to_string(),
            _ => {
                identity.csrf_token = secret::generate();
                changes.new_csrf = Some(identity.csrf_token.clone());
            }
        }
    }
    req.extensions_mut().insert(identity);
    Ok(changes)
}

/// A form whose CSRF token (field `csrf_token`) matched the requester's; then the
/// fields are read into `T` (repeated fields into `Vec`s).
pub struct CsrfForm<T>(pub T);

/// The fields of a form that sends nothing but its CSRF token (a button).
#[derive(serde::Deserialize)]
pub struct Empty {}

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = web::Bytes::from_request(req, payload);
        let expected = req.extensions().get::<Identity>().map(|i| i.csrf_token.clone()).unwrap_or_default();
        Box::pin(async move {
            let body = body.await?;
            let pairs: Vec<(String, String)> =
                serde_html_form::from_bytes(&body).map_err(|e| AppError::BadRequest(format!("form: {e}")))?;
            let sent = pairs.iter().find(|(k, _)| k == "csrf_token").map_or("", |(_, v)| v.as_str());
            if expected.is_empty() || !secret::equal(sent, &expected) {
                return Err(AppError::CsrfRejected.into());
            }
            let forbidden: Vec<FieldError> = pairs
                .iter()
                .filter(|(_, v)| validation::has_forbidden_character(v))
                .map(|(k, _)| FieldError { field: k.clone(), key: "error-forbidden-character" })
                .collect();
            if !forbidden.is_empty() {
                // A page's error page names the fields (`middleware::error_page`).
                return Err(AppError::Validation(forbidden).into());
            }
            let value =
                serde_html_form::from_bytes::<T>(&body).map_err(|e| AppError::BadRequest(format!("form: {e}")))?;
            Ok(CsrfForm(value))
        })
    }
}
