//! Route registration that remembers every route, so tests can check each one
//! (the authorization matrix and the CSRF test fail on a route they do not know).
//! An API route is declared once, by its handler's `#[utoipa::path]` and actix
//! `#[get]`/`#[post]` attributes: [`api`] registers it and puts it in the OpenAPI
//! document, so it cannot be served without being described.

use std::collections::BTreeSet;
use std::sync::Mutex;

use actix_web::dev::{HttpServiceFactory, ResourceDef};
use actix_web::{web, FromRequest, Handler, Responder};
use utoipa_actix_web::OpenApiFactory;

/// What every journey's `routes` function fills: actix's service config, collecting the
/// OpenAPI paths of the API routes as well.
pub type RouteConfig<'a> = utoipa_actix_web::service_config::ServiceConfig<'a>;

static REGISTERED: Mutex<BTreeSet<(&'static str, &'static str)>> = Mutex::new(BTreeSet::new());
/// Each registered route's method with its pattern compiled once, for [`methods_for`].
static MATCHERS: Mutex<Vec<(&'static str, ResourceDef)>> = Mutex::new(Vec::new());

fn remember(method: &'static str, path: &'static str) {
    if REGISTERED.lock().expect("route registry").insert((method, path)) {
        MATCHERS.lock().expect("route registry").push((method, ResourceDef::new(path)));
    }
}

pub fn get<F, Args>(cfg: &mut RouteConfig, path: &'static str, handler: F)
where
    F: Handler<Args>,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    remember("GET", path);
    cfg.route(path, web::get().to(handler));
}

pub fn post<F, Args>(cfg: &mut RouteConfig, path: &'static str, handler: F)
where
    F: Handler<Args>,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    remember("POST", path);
    cfg.route(path, web::post().to(handler));
}

/// An API route: its path and method come from the handler's attributes, and its
/// description goes into the OpenAPI document.
pub fn api<F>(cfg: &mut RouteConfig, handler: F)
where
    F: HttpServiceFactory + OpenApiFactory + 'static,
{
    for (path, item) in handler.paths().paths {
        for method in [
            ("GET", item.get.is_some()),
            ("POST", item.post.is_some()),
            ("PUT", item.put.is_some()),
            ("DELETE", item.delete.is_some()),
            ("PATCH", item.patch.is_some()),
        ]
        .into_iter()
        .filter_map(|(method, present)| present.then_some(method))
        {
            let known = REGISTERED.lock().expect("route registry").iter().any(|r| *r == (method, path.as_str()));
            if !known {
                // Once per route for the life of the process.
                remember(method, Box::leak(path.clone().into_boxed_str()));
            }
        }
    }
    cfg.service(handler);
}

/// The methods registered for the routes whose pattern matches `path` (none: no such
/// address), for a 405 with `Allow` instead of a 404.
pub fn methods_for(path: &str) -> Vec<&'static str> {
    let matchers = MATCHERS.lock().expect("route registry");
    let mut methods: Vec<&'static str> =
        matchers.iter().filter(|(_, pattern)| pattern.is_match(path)).map(|(method, _)| *method).collect();
    methods.sort_unstable();
    methods.dedup();
    methods
}

/// Every (method, path pattern) registered so far by [`get`] and [`post`].
pub fn registered() -> Vec<(&'static str, &'static str)> {
    REGISTERED.lock().expect("route registry").iter().copied().collect()
}
