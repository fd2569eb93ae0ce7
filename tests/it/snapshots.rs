//! Snapshots (insta) of the JSON API's answers and of every kind of mail, on the demo data
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
    // summary, and a buyer's saved search that finds a new offering.
    let at = chrono_tz::Europe::Amsterdam.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap().with_timezone(&Utc);
    let state = &app.state;
    let day_before = (at - chrono::Duration::days(1)).naive_utc();
    let buyer_id: i32 = app
        .with_conn(|c| {
            use diesel::prelude::*;
            use wise_monitor::db::schema::users;
            users::table.filter(users::email.eq("inkoper@demo.wise-monitor.nl")).select(users::id).first(c)
        })
        .unwrap();
    let params: wise_monitor::catalogue::search::SearchParams = serde_html_form::from_str("q=catering").unwrap();
    app.with_conn(|c| wise_monitor::buyers::saved::create(c, buyer_id, "Catering", "daily", &params, day_before))
        .unwrap()
        .unwrap();
    let wise = wise_monitor::demo::approved_sample()[0].kvk_number.clone();
    let offering = "kvk_number,title,kind,cpv_code,description\n\
                    {wise},Catering voor de kerstborrel,service,55520000,Hapjes en drankjes voor 20 tot 200 gasten.\n"
        .replace("{wise}", &wise);
    let later = day_before + chrono::Duration::hours(2);
    app.with_conn(|c| wise_monitor::catalogue::import::import_offerings(c, offering.as_bytes(), later))
        .unwrap()
        .unwrap();
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
    let sent = app.mailbox.messages().len();

    // The registry's mail: an application's confirmation link, the notice to the operator,
    // and each of the operator's decisions; a submission returned with a comment.
    let application = [
        ("kvk_number", "04567890"),
        ("name", "Werkplaats Noord"),
        ("email", "info@werkplaatsnoord.example.nl"),
        ("municipality", "Amsterdam"),
        ("description", "Fietsenmakerij en kringloopwinkel waar mensen het vak leren."),
        ("primary_sector", "recycling_repair"),
        ("user_name", "Fatima de Vries"),
        ("user_email", "fatima@werkplaatsnoord.example.nl"),
        ("password", "een lang en sterk wachtwoord 2026"),
        ("password_confirm", "een lang en sterk wachtwoord 2026"),
    ];
    let mut applicant = app.visitor().await;
    app.post_form(&mut applicant, "/register", &application).await.assert_status(200);
    app.deliver_mail();
    let confirm = app.mailbox.messages_to("fatima@werkplaatsnoord.example.nl").pop().expect("a confirmation mail");
    let token = crate::support::link_in(&confirm.text, "token=").trim_start_matches("token=").to_string();
    app.post_form(&mut applicant, "/register/confirm", &[("token", &token)]).await.assert_status(200);
    let id: i32 = app
        .with_conn(|c| {
            use diesel::prelude::*;
            use wise_monitor::db::schema::organisations;
            organisations::table.filter(organisations::kvk_number.eq("04567890")).select(organisations::id).first(c)
        })
        .unwrap();
    let decisions: [(&str, &[(&str, &str)]); 4] = [
        ("request-changes", &[("message", "Vul ook uw doelgroepen in.")]),
        ("approve", &[]),
        ("suspend", &[("reason", "Het KvK-nummer is uitgeschreven.")]),
        ("reinstate", &[]),
    ];
    for (decision, fields) in decisions {
        let res = app.post_form(&mut admin, &format!("/admin/organisations/{id}/{decision}"), fields).await;
        assert_eq!(res.status.as_u16(), 303, "{decision}: {}", res.body);
    }
    let submission: i32 = app
        .with_conn(|c| {
            use diesel::prelude::*;
            use wise_monitor::db::schema::submissions;
            submissions::table
                .filter(submissions::status.eq("submitted"))
                .select(submissions::id)
                .order(submissions::id)
                .first(c)
        })
        .unwrap();
    let comment = [("comment", "De doorstroom naar extern werk lijkt te hoog; klopt 12?")];
    let returned = app.post_form(&mut admin, &format!("/admin/submissions/{submission}/return"), &comment).await;
    assert_eq!(returned.status.as_u16(), 303, "{}", returned.body);
    app.deliver_mail();
    insta::assert_json_snapshot!("mail_registry_and_review", mails_since(&app, sent));
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
