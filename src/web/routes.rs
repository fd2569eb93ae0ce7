//! Route registration that remembers every route, so tests can check each one
//! (the authorization matrix and the CSRF test fail on a route they do not know).

use std::collections::BTreeSet;
use std::sync::Mutex;

use actix_web::dev::ResourceDef;
use actix_web::{web, FromRequest, Handler, Responder};

static REGISTERED: Mutex<BTreeSet<(&'static str, &'static str)>> = Mutex::new(BTreeSet::new());
/// Each registered route's method with its pattern compiled once, for [`methods_for`].
static MATCHERS: Mutex<Vec<(&'static str, ResourceDef)>> = Mutex::new(Vec::new());

fn remember(method: &'static str, path: &'static str) {
    if REGISTERED.lock().expect("route registry").insert((method, path)) {
        MATCHERS.lock().expect("route registry").push((method, ResourceDef::new(path)));
    }
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
