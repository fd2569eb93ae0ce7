//! Integration tests: the real app on SQLite and on PostgreSQL (see `support`).

mod support;

mod accounts;
mod authz;
mod cli;
mod foundation;
mod locales;
mod mail;
