//! Integration tests: the real app on SQLite and on PostgreSQL (see `support`).

mod support;

mod accounts;
mod architecture;
mod authz;
mod buyer_registration;
mod buyers;
mod caches;
mod cli;
mod digests;
mod figures;
mod figures_import;
mod foundation;
mod geography;
mod import;
mod linked;
mod locales;
mod mail;
mod manage;
mod needs;
mod partnerships;
mod periods;
mod registry;
mod report_page;
mod reports;
mod reserved;
mod review;
mod robustness;
mod saved_searches;
mod scale;
mod search;
mod smtp;
mod snapshots;
mod social_return;
mod spend;
mod start;
