//! [`Ctx`], the one extractor a handler takes for what every request carries: the
//! application state, who is asking ([`Identity`]), their language, and what the policy
//! lets them do. Handlers ask it to check a permission or render a page instead of
//! passing the request, the state and the identity around separately.

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest, HttpResponse};
use serde_json::Value;

use super::auth::policy::{self, Action};
use super::auth::session::{client_ip, Identity};
use super::{page, AppError, AppState};
use crate::i18n::Lang;
use crate::users::model::CurrentUser;

/// The request a handler answers, with the state and the requester.
pub struct Ctx {
    pub req: HttpRequest,
    pub state: web::Data<AppState>,
    pub identity: Identity,
}

impl FromRequest for Ctx {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ctx::of(req))
    }
}

impl Ctx {
    /// The context of `req` (its state must have been registered by `app`).
    pub fn of(req: &HttpRequest) -> Result<Self, actix_web::Error> {
        let state = req
            .app_data::<web::Data<AppState>>()
            .cloned()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("no application state")))?;
        let identity = req.extensions().get::<Identity>().cloned().unwrap_or_default();
        Ok(Ctx { req: req.clone(), state, identity })
    }

    /// The visitor's language: their choice (cookie), else their browser's, else the default.
    pub fn lang(&self) -> Lang {
        Lang::of_request(&self.req, self.state.default_lang())
    }

    /// The signed-in user, or 401.
    pub fn user(&self) -> Result<&CurrentUser, AppError> {
        self.identity.user()
    }

    /// Whether the requester may do `action` (on the WISE `organisation` where it concerns one).
    pub fn allows(&self, action: Action, organisation: Option<i32>) -> bool {
        policy::allows(self.identity.user.as_ref(), action, organisation)
    }

    /// The signed-in user if they may do `action`; otherwise 401, or 403 (audited).
    pub async fn require(&self, action: Action, organisation: Option<i32>) -> Result<CurrentUser, AppError> {
        policy::require(&self.state, &self.req, &self.identity, action, organisation).await
    }

    /// The WISE named by a path's KvK number, when the requester may do `action` on it:
    /// 401 when not signed in, 404 when there is no such WISE, 403 (audited) otherwise.
    pub async fn wise_for(
        &self,
        kvk: &str,
        action: Action,
    ) -> Result<(CurrentUser, crate::organisation::model::Organisation), AppError> {
        self.user()?;
        if !crate::validation::is_kvk_number(kvk) {
            return Err(AppError::NotFound);
        }
        let lookup = kvk.to_string();
        let organisation = self
            .state
            .db(move |c| Ok(crate::organisation::store::organisation_by_kvk(c, &lookup)?))
            .await?
            .ok_or(AppError::NotFound)?;
        let user = self.require(action, Some(organisation.id)).await?;
        Ok((user, organisation))
    }

    /// The address the request came from (see [`client_ip`]).
    pub fn client_ip(&self) -> String {
        client_ip(&self.req, &self.state.config)
    }

    /// Renders `template` with `data` as a 200 page.
    pub fn render(&self, template: &str, data: Value) -> Result<HttpResponse, AppError> {
        page::render(&self.state, &self.req, template, data)
    }

    /// Renders `template` with `data` as a page with `status`.
    pub fn render_status(&self, status: StatusCode, template: &str, data: Value) -> Result<HttpResponse, AppError> {
        page::render_status(&self.state, &self.req, status, template, data)
    }

    /// Renders a page from its defaults with `extra` put over them (see [`page::merge`]).
    pub fn render_over(
        &self,
        status: StatusCode,
        template: &str,
        defaults: Value,
        extra: Value,
    ) -> Result<HttpResponse, AppError> {
        page::render_over(&self.state, &self.req, status, template, defaults, extra)
    }
}
