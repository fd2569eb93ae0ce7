//! Rendering: the Handlebars templates of pages and mail, and the static files they link to.
//! Below `web` and `mail`, above the core; it knows no journey.

pub mod assets;
pub mod charts;
pub mod templates;
