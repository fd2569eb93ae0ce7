//! The top of the application: the only module that names every journey. It builds the
//! actix `App` (middleware, then each journey's routes) and, from the API routes it
//! registers, the OpenAPI document.

pub mod openapi;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::ErrorHandlers;
use actix_web::{web, App};

use utoipa::OpenApi;
use utoipa_actix_web::AppExt;

use crate::web::{self as web_base, routes, AppError, AppState};

/// The whole application: middleware, then every journey's routes.
pub fn app(
    state: AppState,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let headers = web_base::middleware::security_headers(state.config.is_https());
    let (app, document) = App::new()
        .into_utoipa_app()
        .openapi(openapi::ApiDoc::openapi())
        .app_data(web::Data::new(state))
        .app_data(web::QueryConfig::default().error_handler(|e, _| AppError::BadRequest(e.to_string()).into()))
        .app_data(web::FormConfig::default().error_handler(|e, _| AppError::BadRequest(e.to_string()).into()))
        .app_data(web::PathConfig::default().error_handler(|_, _| AppError::NotFound.into()))
        .app_data(web::JsonConfig::default().error_handler(|e, _| AppError::BadRequest(e.to_string()).into()))
        .configure(web_base::base_routes)
        .configure(crate::catalogue::routes)
        .configure(crate::catalogue::manage::routes)
        .configure(crate::catalogue::import::routes)
        .configure(crate::accounts::routes)
        .configure(crate::buyers::routes)
        .configure(crate::needs::routes)
        .configure(crate::spend::routes)
        .configure(crate::social_return::routes)
        .configure(crate::partnerships::routes)
        .configure(crate::advisor::routes)
        .configure(crate::certificates::routes)
        .configure(crate::registry::routes)
        .configure(crate::figures::routes)
        .configure(crate::reports::export::routes)
        .configure(crate::digests::unsubscribe::routes)
        .configure(crate::digests::admin::routes)
        .configure(crate::reports::page::routes)
        .configure(crate::start::routes)
        .configure(|cfg| routes::get(cfg, "/api/v1/openapi.json", openapi::document))
        .split_for_parts();
    app.app_data(web::Data::new(openapi::Document(document)))
        .wrap(actix_web::middleware::from_fn(crate::web::auth::session::identify))
        .wrap(ErrorHandlers::new().default_handler(web_base::middleware::error_page))
        .wrap(tracing_actix_web::TracingLogger::<web_base::middleware::RequestLog>::new())
        .wrap(headers)
        .default_service(web::to(web_base::not_found))
}
