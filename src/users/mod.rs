//! Users, the entity: their rows and roles (`model`), and every query on users, their
//! sessions, API tokens and single-use links (`store`). The pages that change them are the
//! `accounts` journey; who may do what is `web::auth::policy`.

pub mod model;
pub mod store;
