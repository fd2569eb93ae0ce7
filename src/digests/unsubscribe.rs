//! One-click unsubscribe (RFC 8058): every digest mail carries a link of its own that
//! stops that kind of digest for that address, without signing in. `GET` shows a
//! button; `POST` (the button, or the mail client's one-click request) unsubscribes.

use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::json;

use super::Kind;
use crate::db::schema::{digest_unsubscribes, unsubscribe_links};
use crate::db::{write_tx, DbConn};
use crate::secret;
use crate::web::context::Ctx;
use crate::web::{routes, AppError, AppState};

pub fn routes(cfg: &mut routes::RouteConfig) {
    routes::get(cfg, "/unsubscribe/{token}", confirm_page);
    routes::post(cfg, "/unsubscribe/{token}", unsubscribe);
}

/// A new unsubscribe link for `email` and `kind` (only the token's hash is stored).
pub fn link(conn: &mut DbConn, base_url: &str, email: &str, kind: Kind, now: NaiveDateTime) -> QueryResult<String> {
    let token = secret::generate();
    diesel::insert_into(unsubscribe_links::table)
        .values((
            unsubscribe_links::token_hash.eq(secret::digest(&token)),
            unsubscribe_links::email.eq(email),
            unsubscribe_links::kind.eq(kind.as_str()),
            unsubscribe_links::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(format!("{base_url}/unsubscribe/{token}"))
}

/// Whether `email` asked not to receive `kind`.
pub fn is_unsubscribed(conn: &mut DbConn, email: &str, kind: Kind) -> QueryResult<bool> {
    let n: i64 = digest_unsubscribes::table
        .filter(digest_unsubscribes::email.eq(email))
        .filter(digest_unsubscribes::kind.eq(kind.as_str()))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// The address and kind a token stands for.
fn resolve(conn: &mut DbConn, token: &str) -> QueryResult<Option<(String, String)>> {
    unsubscribe_links::table
        .find(secret::digest(token))
        .select((unsubscribe_links::email, unsubscribe_links::kind))
        .first(conn)
        .optional()
}

async fn lookup(state: &AppState, token: String) -> Result<(String, String), AppError> {
    state.db(move |c| Ok(resolve(c, &token)?)).await?.ok_or(AppError::NotFound)
}

/// `GET /unsubscribe/{token}`: what the link stops, and the button.
async fn confirm_page(ctx: Ctx, token: web::Path<String>) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let (email, kind) = lookup(&ctx.state, token.clone()).await?;
    ctx.render("digests/unsubscribe", json!({ "nav": "", "email": email, "kind": kind, "token": token, "done": false }))
}

/// `POST /unsubscribe/{token}`: unsubscribes (idempotent). Needs no session and no
/// form token: the link's own token is the authorisation (RFC 8058 one-click).
async fn unsubscribe(ctx: Ctx, token: web::Path<String>) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let (email, kind) = lookup(&ctx.state, token.clone()).await?;
    let (address, code, now) = (email.clone(), kind.clone(), ctx.state.now());
    ctx.state
        .db(move |c| {
            write_tx(c, |c| {
                crate::per_backend!(c, c => diesel::insert_into(digest_unsubscribes::table)
                    .values((
                        digest_unsubscribes::email.eq(&address),
                        digest_unsubscribes::kind.eq(&code),
                        digest_unsubscribes::created_at.eq(now),
                    ))
                    .on_conflict_do_nothing()
                    .execute(c))?;
                Ok::<_, AppError>(())
            })
        })
        .await?;
    ctx.render("digests/unsubscribe", json!({ "nav": "", "email": email, "kind": kind, "token": token, "done": true }))
}
