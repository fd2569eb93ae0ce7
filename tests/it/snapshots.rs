//! Snapshots (insta) of the JSON API's answers and of the scheduled mail, on the demo data
//! with the tests' fixed clock; times of day and tokens redacted. Both databases are checked
//! against the same snapshot, so they must answer alike. A change that alters an answer
//! fails here until its snapshot is reviewed: run with `INSTA_UPDATE=always` (or
//! `cargo insta review`), read the diff of `tests/it/snapshots/`, commit it.

use chrono::{TimeZone, Utc};
use serde_json::Value;

use crate::support::{Backend, TestApp};

/// The API answers, in order, by name.
const API: &[(&str, &str)] = &[
    ("api_organisations", "/api/v1/organisations?per_page=5"),
    ("api_organisations_search", "/api/v1/organisations?q=catering&sort=name"),
    ("api_organisations_invalid", "/api/v1/organisations?sector=nonsense&page=0"),
    ("api_offerings", "/api/v1/offerings?per_page=5"),
    ("api_periods", "/api/v1/periods"),
    ("api_report_year", "/api/v1/reports/sector?period=2025"),
    ("api_report_quarter_by_municipality", "/api/v1/reports/sector?period=2026-Q2&breakdown=municipality"),
    ("api_cpv", "/api/v1/cpv?q=schoonmaak"),
    ("api_unknown", "/api/v1/organisations/00000000"),
];

async fn check(backend: Backend) {
    if backend == Backend::Postgres && !crate::support::postgres_available(concat!(module_path!(), "::postgres")) {
        return;
    }
    let app = TestApp::builder().demo().build(backend).await;
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_path("snapshots");
    let _bound = settings.bind_to_scope();

    for (name, path) in API {
        let res = app.get(path).await;
        let body: Value = serde_json::from_str(&res.body).unwrap_or(Value::String(res.body.clone()));
        insta::assert_json_snapshot!(*name, serde_json::json!({ "status": res.status.as_u16(), "body": body }));
    }
    let profile = app.get("/api/v1/organisations?per_page=1&sort=name").await.json();
    let kvk = profile["items"][0]["kvk_number"].as_str().expect("a WISE").to_string();
    let res = app.get(&format!("/api/v1/organisations/{kvk}")).await;
    insta::assert_json_snapshot!("api_organisation", res.json());

    // The scheduled mail of a morning when everything is due: reminders, the monthly
    // summary, saved searches (none in the demo).
    let at = chrono_tz::Europe::Amsterdam.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap().with_timezone(&Utc);
    let state = &app.state;
    app.with_conn(|c| wise_monitor::digests::run_due(c, &state.config, &state.templates, &state.caches, at)).unwrap();
    app.clock.set(at);
    app.deliver_mail();
    let mut mails: Vec<Value> = app
        .mailbox
        .messages()
        .into_iter()
        .map(|m| serde_json::json!({ "to": m.to, "subject": m.subject, "text": m.text }))
        .collect();
    assert!(!mails.is_empty(), "a morning when everything is due sends mail");
    mails.sort_by_key(Value::to_string);
    insta::assert_json_snapshot!("mail_digests", mails, {
        "[].text" => insta::dynamic_redaction(|value, _| {
            // Unsubscribe links carry a random token.
            let text = value.as_str().unwrap_or_default();
            let redacted: Vec<String> = text
                .lines()
                .map(|l| match l.find("/unsubscribe/") {
                    Some(at) => format!("{}/unsubscribe/[token]", &l[..at]),
                    None => l.to_string(),
                })
                .collect();
            insta::internals::Content::from(redacted.join("\n"))
        })
    });
}

#[actix_web::test]
async fn api_and_mail_sqlite() {
    check(Backend::Sqlite).await;
}

#[actix_web::test]
async fn api_and_mail_postgres() {
    check(Backend::Postgres).await;
}
