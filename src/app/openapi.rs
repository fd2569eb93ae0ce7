//! The OpenAPI document of the JSON API, served at `/api/v1/openapi.json`: its title,
//! tags and security scheme here; its paths collected from the API routes `app`
//! registers (`web::routes::api`), each described once by its handler's annotation.

use actix_web::{web, HttpResponse};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "wise-monitor API",
        description = "The catalogue of work-integration social enterprises (WISEs), their offerings, and \
                       (with a token) what signed-in users may do. Errors are JSON \
                       `{\"error\": code, \"message\": text, \"details\": [{field, message}]}`."
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "catalogue", description = "Public: WISEs and their goods and services"),
        (name = "figures", description = "The reporting periods WISEs report their figures for (public), and \
                                          storing figures (`POST /api/v1/figures`, needs a token)"),
        (name = "reports", description = "The sector report: public with disclosure control; exact with a \
                                          `city` or `admin` token"),
        (name = "accounts", description = "Needs `Authorization: Bearer <token>`"),
        (name = "needs", description = "Buyer needs, with a token: a buyer's needs (and posting one), the needs a \
                                        WISE was alerted to, all of them for the operator; each with its matched \
                                        WISEs, their answers and the deals that followed, as far as the token's \
                                        user may see them"),
        (name = "spend", description = "A buying organisation's spend register, with a buyer's token: import it \
                                        as CSV, read it added up (the share spent with WISEs, by period, sector, \
                                        category and buying entity) with its rows; the operator reads any"),
        (name = "social-return", description = "Social-return contracts, with a token: the officer's contracts (all), \
                                        a contractor's own, with progress and entries as JSON and CSV; a \
                                        contractor records purchases from WISEs and building blocks; a WISE \
                                        reads and answers the claims on it"),
        (name = "advisor", description = "The reserved-contract advisor, with a buyer's, `city` or `admin` token: \
                                        for a planned purchase or a procurement calendar, the WISEs that could take \
                                        a reserved contract (as the catalogue search finds them), their size and \
                                        a recommendation with its reasons; the city's answers add the totals"),
        (name = "partnerships", description = "Partnerships between WISEs and companies: public when confirmed \
                                        and both partners agreed to be named; a partner's token adds its own, \
                                        a `city` or `admin` token all"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The whole document, as built with the application.
pub struct Document(pub utoipa::openapi::OpenApi);

/// `GET /api/v1/openapi.json`
pub async fn document(document: web::Data<Document>) -> HttpResponse {
    HttpResponse::Ok().json(&document.0)
}
