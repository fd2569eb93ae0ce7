//! The web base every journey builds on: application state, errors, middleware, page
//! rendering, form helpers, who is asking and what they may do (`auth`), and the few
//! routes that belong to no journey (health checks, language switch, static files).

pub mod assets;
pub mod auth;
pub mod context;
pub mod download;
pub mod error;
pub mod files;
pub mod form;
pub mod middleware;
pub mod page;
pub mod routes;
pub mod upload;

use std::sync::Arc;

use actix_web::{web, HttpRequest, HttpResponse};

use crate::clock::Clock;
use crate::config::Config;
use crate::db::{DbConn, Pool};
use crate::i18n::Lang;
use crate::mail::Mailer;
use crate::render::templates::Templates;
use crate::web::auth::password::Hasher;
use crate::web::auth::ratelimit::RateLimiter;
pub use error::AppError;

/// Everything a handler needs, shared by every worker.
#[derive(Clone)]
pub struct AppState {
    pub pool: Pool,
    pub templates: Arc<Templates>,
    pub config: Arc<Config>,
    pub clock: Arc<dyn Clock>,
    pub mailer: Arc<Mailer>,
    pub hasher: Hasher,
    pub limiter: Arc<RateLimiter>,
    /// What the catalogue search and the reports keep in memory (`db::versioned`).
    pub caches: Arc<crate::db::versioned::Caches>,
}

impl AppState {
    /// Builds the state; the templates are compiled here, so a broken override fails at
    /// start-up, and the mail transport comes from the configuration.
    pub fn new(config: Config, pool: Pool, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        let mailer = Mailer::from_config(&config.mail)?;
        Self::with_mailer(config, pool, clock, mailer)
    }

    /// As [`AppState::new`], with a given mailer (tests use the in-memory one).
    pub fn with_mailer(config: Config, pool: Pool, clock: Arc<dyn Clock>, mailer: Mailer) -> anyhow::Result<Self> {
        let templates = Templates::new(config.template_override_dir(), config.templates.reload)?;
        Ok(Self::with_templates(config, pool, clock, mailer, Arc::new(templates)))
    }

    /// As [`AppState::with_mailer`], with the templates compiled already (the tests
    /// compile the shipped ones once and share them).
    pub fn with_templates(
        config: Config,
        pool: Pool,
        clock: Arc<dyn Clock>,
        mailer: Mailer,
        templates: Arc<Templates>,
    ) -> Self {
        // Computed now, so the first sign-in for an unknown account takes no longer than others.
        crate::web::auth::password::decoy_hash();
        Self {
            pool,
            templates,
            hasher: Hasher::new(config.auth.max_concurrent_hashes),
            config: Arc::new(config),
            clock,
            mailer: Arc::new(mailer),
            limiter: Arc::new(RateLimiter::default()),
            caches: Arc::default(),
        }
    }

    /// Runs database work on the blocking thread pool with a pooled connection.
    pub async fn db<T, F>(&self, f: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get()?;
            f(&mut conn)
        })
        .await?
    }

    /// The language for visitors who have not chosen one.
    pub fn default_lang(&self) -> Lang {
        Lang::parse(&self.config.i18n.default_language).unwrap_or(Lang::Nl)
    }

    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.now().date_naive()
    }

    /// A link for a mail, absolute: `path?token=token` on the configured base URL.
    pub fn link(&self, path: &str, token: &str) -> String {
        format!("{}{path}?token={token}", self.config.base_url())
    }

    /// Now, as stored in the database.
    pub fn now(&self) -> chrono::NaiveDateTime {
        crate::db::timestamp(self.clock.now())
    }
}

/// The routes that belong to no journey: health checks, the language switch, static files.
pub fn base_routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/healthz", healthz);
    routes::get(cfg, "/readyz", readyz);
    routes::post(cfg, "/language", page::switch_language);
    routes::get(cfg, "/static/{path:.*}", assets::serve);
}

/// Alive: the process answers.
async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain; charset=utf-8").body("ok")
}

/// Ready: the database answers a query.
async fn readyz(state: web::Data<AppState>) -> HttpResponse {
    use diesel::connection::SimpleConnection;
    let result = state.db(|conn| conn.batch_execute("SELECT 1").map_err(AppError::from)).await;
    match result {
        Ok(()) => HttpResponse::Ok().content_type("text/plain; charset=utf-8").body("ready"),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            HttpResponse::ServiceUnavailable().content_type("text/plain; charset=utf-8").body("database unavailable")
        }
    }
}

/// No route answers: 405 with the methods the address takes, or 404 when it takes none.
pub async fn not_found(req: HttpRequest) -> Result<HttpResponse, AppError> {
    let allow = routes::methods_for(req.path());
    Err(if allow.is_empty() { AppError::NotFound } else { AppError::MethodNotAllowed { allow } })
}
