//! wise-monitor: make work-integration social enterprises (WISEs) visible,
//! bought from, and counted.
//!
//! The library holds the whole product; `main.rs` only parses the command line.
//! [`app`] builds the actix application used by the server and by every test.

pub mod accounts;
pub mod advisor;
pub mod app;
pub mod audit;
pub mod buyers;
pub mod buying;
pub mod catalogue;
pub mod certificates;
pub mod clock;
pub mod config;
pub mod csv_import;
pub mod db;
pub mod demo;
pub mod digests;
pub mod figures;
pub mod geography;
pub mod i18n;
pub mod mail;
pub mod needs;
pub mod organisation;
pub mod partnerships;
pub mod registry;
pub mod render;
pub mod reports;
pub mod secret;
pub mod social_return;
pub mod spend;
pub mod start;
pub mod users;
pub mod validation;
pub mod vocab;
pub mod web;

pub use app::app;
pub use web::AppState;
