//! Route registration that remembers every route, so tests can check each one
//! (the authorization matrix and the CSRF test fail on a route they do not know).

use std::collections::BTreeSet;
use std::sync::Mutex;

use actix_web::{web, FromRequest, Handler, Responder};

static REGISTERED: Mutex<BTreeSet<(&'static str, &'static str)>> = Mutex::new(BTreeSet::new());

fn remember(method: &'static str, path: &'static str) {
    REGISTERED.lock().expect("route registry").insert((method, path));
}

pub fn get<F, Args>(cfg: &mut web::ServiceConfig, path: &'static str, handler: F)
where
    F: Handler<Args>,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    remember("GET", path);
    cfg.route(path, web::get().to(handler));
}

pub fn post<F, Args>(cfg: &mut web::ServiceConfig, path: &'static str, handler: F)
where
    F: Handler<Args>,
    Args: FromRequest + 'static,
    F::Output: Responder + 'static,
{
    remember("POST", path);
    cfg.route(path, web::post().to(handler));
}

/// The methods registered for the routes whose pattern matches `path` (none: no such
/// address), for a 405 with `Allow` instead of a 404.
pub fn methods_for(path: &str) -> Vec<&'static str> {
    let registered = REGISTERED.lock().expect("route registry");
    let mut methods: Vec<&'static str> = registered
        .iter()
        .filter(|(_, pattern)| actix_web::dev::ResourceDef::new(*pattern).is_match(path))
        .map(|(method, _)| *method)
        .collect();
    methods.dedup();
    methods
}

/// Every (method, path pattern) registered so far by [`get`] and [`post`].
pub fn registered() -> Vec<(&'static str, &'static str)> {
    REGISTERED.lock().expect("route registry").iter().copied().collect()
}
