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

/// Every (method, path pattern) registered so far by [`get`] and [`post`].
pub fn registered() -> Vec<(&'static str, &'static str)> {
    REGISTERED.lock().expect("route registry").iter().copied().collect()
}
