//! Certificates that are verified: a WISE claims a certificate on its profile and adds
//! the evidence, the operator hears of it and verifies or rejects it from the queue;
//! only a verified and current certificate gives the badge, the search filter, the
//! checklist item and the social-return rate; the expiry mails go once each.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use wise_monitor::db;
use wise_monitor::organisation::model::OrganisationInput;
use wise_monitor::organisation::store as org_store;
use wise_monitor::social_return::valuation::{self, Standing};

use crate::backend_tests;
use crate::support::{test_now, TestApp};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n";

/// The KvKs of the WISEs a search finds.
async fn found(app: &TestApp, query: &str) -> Vec<String> {
    let body = app.get(&format!("/api/v1/organisations?{query}&per_page=100")).await.json();
    body["items"].as_array().unwrap().iter().map(|o| o["kvk_number"].as_str().unwrap().to_string()).collect()
}

/// The certificates of the WISE's public record.
async fn public(app: &TestApp, kvk: &str) -> Vec<serde_json::Value> {
    app.get(&format!("/api/v1/organisations/{kvk}")).await.json()["certificates"].as_array().unwrap().clone()
}

fn certificate_ids(app: &TestApp, organisation: i32) -> Vec<(String, i32)> {
    app.with_conn(|c| wise_monitor::organisation::certificates::of_organisation(c, organisation))
        .unwrap()
        .into_iter()
        .map(|c| (c.kind, c.id))
        .collect()
}

fn run_expiry(app: &TestApp, now: NaiveDateTime) -> usize {
    let state = app.state.clone();
    app.with_conn(|c| wise_monitor::digests::certificates::run_due(c, &state.config, &state.templates, now)).unwrap()
}

backend_tests! {
    async fn only_verified_and_current_certificates_count_and_expiry_is_told_once(app) {
        let now = db::timestamp(test_now());
        let today = now.date();
        let valid_until = today + Duration::days(90);
        let input = OrganisationInput {
            kvk_number: "61000001".into(),
            name: "Keurmerk Keuken".into(),
            municipality: "Amsterdam".into(),
            sectors: vec!["catering".into()],
            ..Default::default()
        };
        let id = app.with_conn(|c| org_store::create_organisation(c, &input, "approved", now)).unwrap();
        let wise = app.add_user("wise", Some(id));
        let admin = app.add_user("admin", None);
        let mut staff = app.sign_in_as(&wise).await;
        let mut operator = app.sign_in_as(&admin).await;

        // The WISE claims a PSO level and another certificate on its profile.
        let until = valid_until.format("%Y-%m-%d").to_string();
        let fields = [
            ("name", "Keurmerk Keuken"),
            ("municipality", "Amsterdam"),
            ("description", "Een bedrijfskeuken."),
            ("primary_sector", "catering"),
            ("pso_level", "trede_2"),
            ("pso_valid_until", until.as_str()),
            ("cso_status", ""),
            ("cert_name", "VCA"),
            ("cert_valid_until", ""),
        ];
        let res = app.post_form(&mut staff, "/manage/organisations/61000001", &fields).await;
        res.assert_status(303);
        assert_eq!(res.header("location"), Some("/manage/organisations/61000001/certificates?notice=claimed"));
        let ids = certificate_ids(&app, id);
        assert_eq!(ids.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ["pso", "other"]);
        let (pso, vca) = (ids[0].1, ids[1].1);
        assert_eq!(app.outbox_keys("certificate-claim:").len(), 2, "the operator hears of each claim");

        // Claimed: shown as not verified, no badge, no filter, no rate.
        let listed = public(&app, "61000001").await;
        assert_eq!(listed.iter().map(|c| c["state"].as_str().unwrap()).collect::<Vec<_>>(), ["claimed", "claimed"]);
        assert!(!found(&app, "certification=pso").await.contains(&"61000001".to_string()));
        let page = app.get("/organisations/keurmerk-keuken").await;
        page.assert_status(200).assert_contains("data-state=\"claimed\"");
        let standing = app.with_conn(|c| Standing::of(c, id)).unwrap();
        let config = &app.state.config.social_return;
        assert_eq!(valuation::rate_pct(config, &standing, today), config.other_pct as i32);

        // Evidence: a file of the wrong kind is refused at the field; a PDF is kept.
        let upload = format!("/manage/organisations/61000001/certificates/{pso}/evidence");
        let csrf = app.get_with(&mut staff, "/manage/organisations/61000001/certificates").await.csrf_token();
        let res = app.post_file(&mut staff, &upload, &csrf, "pso.exe", b"MZ\x90\x00").await;
        res.assert_status(422).assert_contains("Alleen pdf-, png- en jpeg-bestanden");
        let res = app.post_file(&mut staff, &upload, &csrf, "pso.png", PDF).await;
        res.assert_status(422);
        app.post_file(&mut staff, &upload, &csrf, "pso-certificaat.pdf", PDF).await.assert_status(303);
        assert_eq!(app.outbox_keys("certificate-claim:").len(), 3, "and again when its evidence arrives");
        let file = app.get_with(&mut staff, &upload).await;
        file.assert_status(200);
        assert_eq!(file.body.as_bytes(), PDF);
        let other = app.add_user("wise", None);
        let mut stranger = app.sign_in_as(&other).await;
        app.get_with(&mut stranger, &upload).await.assert_status(403);
        app.get(&upload).await.assert_status(303);

        // The queue: verifying needs evidence; rejecting needs a reason.
        let queue = app.get_with(&mut operator, "/admin/certificates").await;
        queue.assert_status(200).assert_contains(&format!("id=\"certificate-{pso}\""));
        let decide = |id: i32| format!("/admin/certificates/{id}");
        app.post_form(&mut operator, &decide(vca), &[("decision", "verify")]).await.assert_status(422);
        let refused = app.post_form(&mut operator, &decide(vca), &[("decision", "reject")]).await;
        refused.assert_status(422).assert_contains("Geef aan waarom").assert_contains(&format!("id=\"note-{vca}-error\""));
        app.post_form(&mut operator, &decide(vca), &[("decision", "reject"), ("note", "Geen certificaat bijgevoegd.")])
            .await
            .assert_status(303);
        app.post_form(&mut operator, &decide(pso), &[("decision", "verify")]).await.assert_status(303);
        app.post_form(&mut operator, &decide(pso), &[("decision", "reject"), ("note", "x")]).await.assert_status(409);
        assert_eq!(app.outbox_keys("certificate-decision:").len(), 2, "the WISE hears of each decision");

        // Verified: the badge, the filter, the checklist item, the rate; rejected is not shown.
        let listed = public(&app, "61000001").await;
        assert_eq!(listed.len(), 1, "{listed:?}");
        assert_eq!((listed[0]["kind"].as_str(), listed[0]["state"].as_str()), (Some("pso"), Some("verified")));
        assert!(found(&app, "certification=pso").await.contains(&"61000001".to_string()));
        app.get("/organisations/keurmerk-keuken").await.assert_contains("data-state=\"verified\"");
        let scores = app.with_conn(|c| wise_monitor::organisation::completeness::of_organisations(c, Some(&[id]), today)).unwrap();
        assert!(scores[&id].done.contains(&"certificates"), "{:?}", scores[&id]);
        let standing = app.with_conn(|c| Standing::of(c, id)).unwrap();
        assert_eq!(valuation::rate_pct(config, &standing, today), config.pso_pct as i32);

        // Expiry: 60 and 14 days before, and on expiry, each once (injected clock).
        let at = |day: NaiveDate| day.and_hms_opt(6, 15, 0).unwrap();
        assert_eq!(run_expiry(&app, at(valid_until - Duration::days(61))), 0, "not yet");
        assert_eq!(run_expiry(&app, at(valid_until - Duration::days(60))), 1);
        assert_eq!(run_expiry(&app, at(valid_until - Duration::days(59))), 0, "once");
        assert_eq!(run_expiry(&app, at(valid_until - Duration::days(14))), 1);
        assert_eq!(run_expiry(&app, at(valid_until - Duration::days(3))), 0, "once");
        assert_eq!(run_expiry(&app, at(valid_until)), 0, "valid through its last day");
        let after = valid_until + Duration::days(1);
        assert_eq!(run_expiry(&app, at(after)), 1, "on expiry");
        assert_eq!(run_expiry(&app, at(after + Duration::days(1))), 0, "once");
        let keys = app.outbox_keys("certificate-expir");
        assert_eq!(keys.len(), 3, "{keys:?}");
        assert!(keys[0].contains(":60:") && keys[1].contains(":14:") && keys[2].starts_with("certificate-expired:"));
        app.clock.set(at(after).and_utc());
        app.deliver_mail();
        let mails = app.mailbox.messages_to(&wise.email);
        assert!(mails.iter().any(|m| m.subject.contains("verlopen") && m.text.contains("Keurmerk Keuken")), "{mails:?}");
        assert!(mails.iter().all(|m| m.text.contains("/manage/organisations/61000001")));

        // Expired: no badge and no filter any more; the rate still counts for an earlier invoice.
        let listed = public(&app, "61000001").await;
        assert_eq!(listed[0]["state"], "expired");
        assert!(!found(&app, "certification=pso").await.contains(&"61000001".to_string()));
        let standing = app.with_conn(|c| Standing::of(c, id)).unwrap();
        assert_eq!(valuation::rate_pct(config, &standing, after), config.other_pct as i32);
        assert_eq!(valuation::rate_pct(config, &standing, today), config.pso_pct as i32);
    }

    async fn the_demo_has_certificates_in_every_state(app) {
        let app = TestApp::builder().demo().build(app.backend).await;
        let today = test_now().date_naive();
        let rows = app
            .with_conn(|c| {
                use diesel::prelude::*;
                wise_monitor::db::schema::certificates::table
                    .select(wise_monitor::organisation::certificates::Certificate::as_select())
                    .load::<wise_monitor::organisation::certificates::Certificate>(c)
            })
            .unwrap();
        for state in ["claimed", "verified", "rejected", "expired"] {
            assert!(rows.iter().any(|c| c.state_on(today).as_str() == state), "no demo certificate {state}");
        }
        // The sample evidence is kept where the queue serves it from.
        let admin = app.add_user("admin", None);
        let mut operator = app.sign_in_as(&admin).await;
        let queue = app.get_with(&mut operator, "/admin/certificates?state=verified").await;
        queue.assert_status(200);
        let verified = rows.iter().find(|c| c.state == "verified").unwrap();
        let kvk = app
            .with_conn(|c| org_store::organisations_by_id(c, &[verified.organisation_id]))
            .unwrap()
            .remove(0)
            .kvk_number;
        let file = app.get_with(&mut operator, &format!("/manage/organisations/{kvk}/certificates/{}/evidence", verified.id)).await;
        file.assert_status(200);
        assert!(file.body.starts_with("%PDF-"));
    }
}
