//! Profile completeness: a WISE sees its checklist and score on its own pages, the
//! operator sees every approved WISE's score (the least complete first), and the
//! monthly nudge goes once a month to the staff of WISEs below the configured score.

use wise_monitor::db;
use wise_monitor::organisation::model::{OfferingInput, OrganisationInput, ServiceArea};
use wise_monitor::organisation::{offerings as offering_store, store as org_store};

use crate::backend_tests;
use crate::support::{test_now, TestApp};

/// A bare WISE and a complete one (figures for 2026-Q3, the latest period open), each
/// with a user: their ids and users.
fn two_wises(app: &TestApp) -> ((i32, crate::support::TestUser), (i32, crate::support::TestUser)) {
    let now = db::timestamp(test_now());
    let bare = OrganisationInput {
        kvk_number: "51000001".into(),
        name: "Kale Keuken".into(),
        municipality: "Amsterdam".into(),
        sectors: vec!["catering".into()],
        ..Default::default()
    };
    let full = OrganisationInput {
        kvk_number: "51000002".into(),
        name: "Volle Keuken".into(),
        municipality: "Amsterdam".into(),
        sectors: vec!["catering".into()],
        description: "Een bedrijfskeuken waar mensen met een afstand tot de arbeidsmarkt het koksvak leren en werken."
            .into(),
        website: Some("https://volle.example.nl".into()),
        email: Some("info@volle.example.nl".into()),
        phone: Some("020-1234567".into()),
        street: Some("Keukenstraat 1".into()),
        market_income_pct: Some(60),
        sena_member: true,
        ..Default::default()
    };
    let bare_id = app.with_conn(|c| org_store::create_organisation(c, &bare, "approved", now)).unwrap();
    let full_id = app.with_conn(|c| org_store::create_organisation(c, &full, "approved", now)).unwrap();
    app.verify_certificates(full_id);
    let offering = OfferingInput {
        title: "Lunch".into(),
        description: String::new(),
        kind: "service".into(),
        cpv_code: "55520000".into(),
        service_area: ServiceArea::National,
        price_indication: None,
        lead_time: None,
        active: true,
    };
    app.with_conn(|c| offering_store::create_offering(c, full_id, &offering, "55520000", now)).unwrap();
    use wise_monitor::figures::{periods, submissions, values::Figures};
    let request = periods::validate_range("2026-Q3", "2026-Q3", "30").unwrap();
    app.with_conn(|c| periods::create_range(c, &request, now)).unwrap();
    let period = app.with_conn(|c| periods::find(c, "2026-Q3")).unwrap().unwrap();
    let figures = Figures { stocks: [10, 4, 3, 0, 2], flows: [2, 1, 1, 0, 0], ..Figures::default() };
    app.with_conn(|c| submissions::save(c, full_id, period.id, &figures, true, submissions::Source::Form, None, now))
        .unwrap();
    ((bare_id, app.add_user("wise", Some(bare_id))), (full_id, app.add_user("wise", Some(full_id))))
}

backend_tests! {
    async fn a_wise_sees_what_its_profile_lacks_and_is_nudged_once_a_month(app) {
        let ((bare, bare_user), (full, full_user)) = two_wises(&app);
        let today = test_now().date_naive();
        let scores = app.with_conn(|c| wise_monitor::organisation::completeness::of_organisations(c, None, today)).unwrap();
        assert_eq!(scores[&full].score, 100, "{:?}", scores[&full]);
        assert_eq!(scores[&bare].score, 0, "{:?}", scores[&bare]);
        assert_eq!(scores[&bare].missing.len(), 8);

        // The WISE's own page: the score and each missing item linked to where it is added.
        let mut browser = app.sign_in_as(&bare_user).await;
        let page = app.get_with(&mut browser, "/manage").await;
        page.assert_status(200).assert_contains("data-testid=\"completeness\" data-score=\"0\"");
        page.assert_contains("href=\"/manage/organisations/51000001/offerings\"");
        let mut browser = app.sign_in_as(&full_user).await;
        app.get_with(&mut browser, "/manage").await.assert_contains("data-score=\"100\"");

        // The operator's overview: the least complete first.
        let admin = app.add_user("admin", None);
        let mut operator = app.sign_in_as(&admin).await;
        let page = app.get_with(&mut operator, "/admin/completeness").await;
        page.assert_status(200);
        let (at_bare, at_full) = (page.body.find("data-kvk=\"51000001\"").unwrap(), page.body.find("data-kvk=\"51000002\"").unwrap());
        assert!(at_bare < at_full, "the least complete first");

        // The nudge: on the first of the month, once, to the bare WISE's staff only.
        let state = app.state.clone();
        let at = |text: &str| chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap();
        let run = |now| {
            app.with_conn(|c| wise_monitor::digests::completeness::run_due(c, &state.config, &state.templates, now))
                .unwrap()
        };
        let ran = app
            .with_conn(|c| wise_monitor::digests::run_due(c, &state.config, &state.templates, &state.caches, at("2026-12-01 07:05").and_utc()))
            .unwrap();
        assert!(
            ran.iter().any(|r| r.kind == wise_monitor::digests::Kind::Completeness && r.mails == Some(1)),
            "{ran:?}"
        );
        assert_eq!(run(at("2026-12-01 09:00")), 0, "once a month");
        assert_eq!(run(at("2027-01-01 07:05")), 1, "and again the next month");
        let keys = app.outbox_keys("profile-nudge:");
        assert_eq!(keys.len(), 2, "{keys:?}");
        assert!(keys.iter().all(|k| k.starts_with(&format!("profile-nudge:{bare}:")) && k.ends_with(&bare_user.email)));
        app.clock.set(at("2027-01-01 08:00").and_utc());
        app.deliver_mail();
        let mail = app.mailbox.messages_to(&bare_user.email).remove(0);
        assert!(mail.text.contains("Kale Keuken") && mail.text.contains("/manage"), "{}", mail.text);
    }
}
