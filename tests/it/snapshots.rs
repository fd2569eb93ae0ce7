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
    insta::assert_json_snapshot!("mail_digests", mails_since(&app, 0));
    let sent = app.mailbox.messages().len();

    // The mail people cause: a forgotten password, an invitation (in English), an
    // enquiry to a WISE with its copy to the buyer.
    let demo = wise_monitor::demo::DEMO_PASSWORD;
    let mut visitor = app.visitor().await;
    app.post_form(&mut visitor, "/password/forgot", &[("email", "gemeente@demo.wise-monitor.nl")]).await;
    let mut admin = app.sign_in("beheer@demo.wise-monitor.nl", demo).await;
    let invite =
        [("email", "new.colleague@example.nl"), ("name", "New Colleague"), ("role", "city"), ("language", "en")];
    app.post_form(&mut admin, "/admin/users", &invite).await;
    let mut buyer = app.sign_in("inkoper@demo.wise-monitor.nl", demo).await;
    let slug = app.get("/api/v1/organisations?per_page=1&sort=name").await.json()["items"][0]["slug"]
        .as_str()
        .expect("a WISE")
        .to_string();
    let enquiry = [("subject", "Lunch for 40 people"), ("message", "Could you cater a lunch on 12 January?")];
    app.post_form(&mut buyer, &format!("/organisations/{slug}/enquiry"), &enquiry).await;
    app.deliver_mail();
    insta::assert_json_snapshot!("mail_accounts_and_enquiries", mails_since(&app, sent));
}

/// The mails delivered after the first `skip`, as (to, subject, text), in a fixed order,
/// with the single-use tokens of their links redacted.
fn mails_since(app: &TestApp, skip: usize) -> Vec<Value> {
    let redact = |text: &str| -> String {
        text.lines()
            .map(|l| {
                for marker in ["/unsubscribe/", "?token="] {
                    if let Some(at) = l.find(marker) {
                        return format!("{}{marker}[token]", &l[..at]);
                    }
                }
                l.to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut mails: Vec<Value> = app
        .mailbox
        .messages()
        .into_iter()
        .skip(skip)
        .map(|m| serde_json::json!({ "to": m.to, "subject": m.subject, "text": redact(&m.text) }))
        .collect();
    assert!(!mails.is_empty(), "mail was sent");
    mails.sort_by_key(Value::to_string);
    mails
}

#[actix_web::test]
async fn api_and_mail_sqlite() {
    check(Backend::Sqlite).await;
}

#[actix_web::test]
async fn api_and_mail_postgres() {
    check(Backend::Postgres).await;
}
