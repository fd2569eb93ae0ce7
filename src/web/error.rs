//! One error type for every handler: JSON under `/api`, a rendered page elsewhere
//! (the page is drawn by the `render_error_page` middleware from the JSON body's status).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;

use crate::i18n::{self, Lang};
use crate::validation::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    BadRequest(String),
    #[error("the input has errors")]
    Validation(Vec<FieldError>),
    #[error("sign in first")]
    Unauthorized,
    #[error("the API token is unknown or has been revoked")]
    InvalidToken,
    #[error("this form has expired or was not sent from this site; reload the page and try again")]
    CsrfRejected,
    #[error("a request from another site may not change anything here")]
    CrossSite,
    #[error("you may not do this")]
    Forbidden,
    #[error("{0}")]
    Conflict(String),
    #[error("{}", unknown_period_message(period, with_figures))]
    UnknownPeriod { period: String, with_figures: Vec<String> },
    #[error("this address does not take this method; it takes {}", allow.join(", "))]
    MethodNotAllowed { allow: Vec<&'static str> },
    #[error("the request body is too large")]
    PayloadTooLarge,
    #[error("too many requests; try again in {retry_after} seconds")]
    TooManyRequests { retry_after: u64 },
    #[error("service unavailable: {0}")]
    Unavailable(String),
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

/// Every API error: a code, a sentence, and for bad input the fields at fault.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: &'static str,
    pub message: String,
    pub details: Vec<ErrorDetail>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    pub field: String,
    pub message: String,
}

impl AppError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::BadRequest(_) => "bad_request",
            Self::Validation(_) => "validation_failed",
            Self::Unauthorized => "unauthorized",
            Self::InvalidToken => "invalid_token",
            Self::CsrfRejected => "csrf_failed",
            Self::CrossSite => "cross_site",
            Self::Forbidden => "forbidden",
            Self::Conflict(_) => "conflict",
            Self::UnknownPeriod { .. } => "unknown_period",
            Self::MethodNotAllowed { .. } => "method_not_allowed",
            Self::PayloadTooLarge => "payload_too_large",
            Self::TooManyRequests { .. } => "too_many_requests",
            Self::Unavailable(_) => "unavailable",
            Self::Internal(_) => "internal_error",
        }
    }

    pub fn body(&self) -> ErrorBody {
        let details = match self {
            Self::Validation(errors) => errors
                .iter()
                .map(|e| ErrorDetail { field: e.field.clone(), message: i18n::text(Lang::En, e.key) })
                .collect(),
            Self::UnknownPeriod { with_figures, .. } => with_figures
                .iter()
                .map(|p| ErrorDetail { field: "period".into(), message: format!("{p} has figures") })
                .collect(),
            _ => Vec::new(),
        };
        ErrorBody { error: self.code(), message: self.to_string(), details }
    }
}

/// "There is no report for 2031; periods with figures: 2025, 2025-Q1."
pub fn unknown_period_message(period: &str, with_figures: &[String]) -> String {
    if with_figures.is_empty() {
        format!("there is no report for period {period}: no period has figures yet")
    } else {
        format!("there is no report for period {period}; periods with figures: {}", with_figures.join(", "))
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::BadRequest(_) => StatusCode::BAD_REQUEST,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Unauthorized | Self::InvalidToken => StatusCode::UNAUTHORIZED,
            Self::CsrfRejected | Self::CrossSite => StatusCode::FORBIDDEN,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::UnknownPeriod { .. } => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(e) = self {
            tracing::error!(error = format!("{e:#}"), "internal error");
        }
        let mut res = HttpResponse::build(self.status_code());
        if let Self::TooManyRequests { retry_after } = self {
            res.insert_header(("Retry-After", retry_after.to_string()));
        }
        if let Self::MethodNotAllowed { allow } = self {
            res.insert_header(("Allow", allow.join(", ")));
        }
        if let Self::InvalidToken = self {
            res.insert_header(("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        }
        res.json(self.body())
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match e {
            Error::NotFound => Self::NotFound,
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                tracing::info!(detail = info.message(), "unique violation");
                Self::Conflict("this already exists".into())
            }
            e => Self::Internal(e.into()),
        }
    }
}

impl From<r2d2::Error> for AppError {
    fn from(e: r2d2::Error) -> Self {
        tracing::error!(error = %e, "no database connection");
        Self::Unavailable("the database is not available".into())
    }
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        Self::Internal(anyhow::anyhow!("blocking task failed: {e}"))
    }
}

impl From<Vec<FieldError>> for AppError {
    fn from(errors: Vec<FieldError>) -> Self {
        Self::Validation(errors)
    }
}
