//! Social return, through the pages and the API: the officer records a contract (and
//! invites a contractor new to the platform), the contractor claims purchases from WISEs
//! and records a building block, each WISE confirms or disputes the claims on it, the
//! officer overrides a dispute with a reason, and the contract's realised amount moves
//! only with what counts; the reminders go once each as the injected clock moves.
//! One world for the whole journey.

use actix_web::test::TestRequest;
use chrono::Duration;
use diesel::prelude::*;
use wise_monitor::clock::Clock;
use wise_monitor::db;
use wise_monitor::db::schema::{audit_log, outbox};
use wise_monitor::organisation::model::OrganisationInput;
use wise_monitor::organisation::store as org_store;
use wise_monitor::social_return::{flow, store};

use crate::backend_tests;
use crate::support::{test_now, TestApp, TestUser};

fn wise(app: &TestApp, kvk: &str, name: &str, code_register: bool, sena: bool) -> (i32, TestUser) {
    let now = db::timestamp(test_now());
    let input = OrganisationInput {
        kvk_number: kvk.into(),
        name: name.into(),
        municipality: "Utrecht".into(),
        sectors: vec!["catering".into()],
        cso_status: code_register.then(|| "registered".to_string()),
        sena_member: sena,
        ..Default::default()
    };
    let id = app.with_conn(|c| org_store::create_organisation(c, &input, "approved", now)).unwrap();
    app.verify_certificates(id);
    (id, app.add_user("wise", Some(id)))
}

fn run_due(app: &TestApp) -> usize {
    let now = db::timestamp(app.clock.now());
    app.with_conn(|c| flow::run_due(c, &app.state.config, &app.state.templates, now)).unwrap()
}

/// The contract's progress as the API shows it.
async fn progress(app: &TestApp, token: &str, id: i32) -> serde_json::Value {
    let req = TestRequest::get()
        .uri(&format!("/api/v1/social-return/contracts/{id}"))
        .insert_header(("Authorization", format!("Bearer {token}")));
    let res = app.send(req).await;
    res.assert_status(200);
    res.json()["progress"].clone()
}

fn token(app: &TestApp, user: &TestUser) -> String {
    let now = db::timestamp(test_now());
    app.with_conn(|c| wise_monitor::accounts::create_token_audited(c, user.id, &user.email, "t", None, now)).unwrap()
}

backend_tests! {
    async fn a_purchase_counts_once_its_wise_confirms_it(app) {
        let (_w1, w1_user) = wise(&app, "11111111", "Keuken Eén", true, false);
        let (_w2, w2_user) = wise(&app, "22222222", "Schoon & Co", false, true);
        let (_company, buyer) = app.buying_organisation("Bouwbedrijf Test", "55555555");
        let officer = app.add_user("city", None);
        let mut o = app.sign_in_as(&officer).await;
        let today = test_now().date_naive();
        let (start, end) = (today - Duration::days(100), today + Duration::days(265));
        let (start, end) = (start.to_string(), end.to_string());

        // The officer's form: every error named, nothing stored.
        app.get_with(&mut o, "/social-return/contracts/new").await.assert_status(200);
        let mut form = vec![
            ("reference", "SR-2026-001"),
            ("title", "Onderhoud gemeentehuis"),
            ("contractor_kvk", "55555555"),
            ("value_eur", "1.000.000"),
            ("percent", "5"),
            ("starts_on", start.as_str()),
            ("ends_on", "2020-01-01"),
        ];
        let res = app.post_form(&mut o, "/social-return/contracts", &form).await;
        res.assert_status(422).assert_contains("id=\"sr-ends_on-error\"");
        form[6] = ("ends_on", end.as_str());
        let res = app.post_form(&mut o, "/social-return/contracts", &form).await;
        res.assert_status(303);
        let contract = app.with_conn(|c| store::contracts(c, None)).unwrap()[0].0.clone();
        assert_eq!(contract.obligation_cents, 5_000_000);
        // The reference is unique.
        app.post_form(&mut o, "/social-return/contracts", &form).await.assert_status(422).assert_contains("sr-reference-error");

        // A contractor new to the platform is created and its contact invited.
        let new = [
            ("reference", "SR-2026-002"),
            ("title", "Schilderwerk"),
            ("contractor_kvk", "77777777"),
            ("contractor_name", "Schilders Nieuw BV"),
            ("contractor_contact", "Piet de Schilder"),
            ("contractor_email", "piet@schilders.example.nl"),
            ("value_eur", "200000"),
            ("percent", "2,5"),
            ("starts_on", start.as_str()),
            ("ends_on", end.as_str()),
            ("language", "en"),
        ];
        app.post_form(&mut o, "/social-return/contracts", &new[..4]).await.assert_status(422).assert_contains("sr-contractor_email-error");
        app.post_form(&mut o, "/social-return/contracts", &new).await.assert_status(303);
        assert!(app.with_conn(|c| wise_monitor::buying::store::by_kvk(c, "77777777")).unwrap().is_some());
        let invited: i64 = app.with_conn(|c| outbox::table.filter(outbox::recipient.eq("piet@schilders.example.nl")).count().get_result(c)).unwrap();
        assert_eq!(invited, 1);

        // The contractor claims two purchases and records a building block.
        let mut b = app.sign_in_as(&buyer).await;
        let page = format!("/social-return/contracts/{}", contract.id);
        app.get_with(&mut b, &page).await.assert_status(200).assert_contains("SR-2026-001");
        let entries = format!("{page}/entries");
        let day = (today - Duration::days(10)).to_string();
        let claim = |kvk: &'static str, invoice: &'static str, amount: &'static str| {
            vec![("kind", "purchase"), ("wise_kvk", kvk), ("invoice_number", invoice), ("entry_date", ""), ("amount_eur", amount)]
        };
        let mut first = claim("11111111", "F-1", "20.000");
        first[3] = ("entry_date", day.as_str());
        app.post_form(&mut b, &entries, &first).await.assert_status(303);
        // The same invoice counts towards one contract only; an unknown WISE is named.
        app.post_form(&mut b, &entries, &first).await.assert_status(422).assert_contains("sr-invoice_number-error");
        let mut unknown = claim("99999999", "X-1", "100");
        unknown[3] = ("entry_date", day.as_str());
        app.post_form(&mut b, &entries, &unknown).await.assert_status(422).assert_contains("sr-wise_kvk-error");
        let mut second = claim("22222222", "F-2", "10000");
        second[3] = ("entry_date", day.as_str());
        app.post_form(&mut b, &entries, &second).await.assert_status(303);
        let block = [("kind", "apprenticeship"), ("entry_date", day.as_str()), ("quantity", "1")];
        app.post_form(&mut b, &entries, &block).await.assert_status(303);
        // Each WISE was asked, once.
        assert_eq!(app.outbox_keys("sr-claim:").len(), 2);

        let officer_token = token(&app, &officer);
        let p = progress(&app, &officer_token, contract.id).await;
        assert_eq!((p["realised_cents"].as_i64(), p["pending_cents"].as_i64()), (Some(1_000_000), Some(2_500_000)), "{p}");

        // The first WISE confirms: the Code register counts 100 %.
        let mut w1 = app.sign_in_as(&w1_user).await;
        let res = app.get_with(&mut w1, "/social-return").await;
        assert_eq!(res.header("location"), Some("/social-return/claims"));
        app.get_with(&mut w1, "/social-return/claims").await.assert_status(200).assert_contains("F-1").assert_contains("Bouwbedrijf Test");
        let entry_of = |invoice: &str| {
            let invoice = invoice.to_string();
            app.with_conn(move |c| store::entries_of(c, contract.id)).unwrap().into_iter().find(|(e, _)| e.invoice_number.as_deref() == Some(&invoice)).unwrap().0
        };
        let (e1, e2) = (entry_of("F-1"), entry_of("F-2"));
        // The other WISE cannot answer it; a WISE cannot open the contract.
        let mut w2 = app.sign_in_as(&w2_user).await;
        app.post_form(&mut w2, &format!("/social-return/entries/{}/answer", e1.id), &[("decision", "confirm")]).await.assert_status(404);
        app.get_with(&mut w2, &page).await.assert_status(403);
        app.post_form(&mut w1, &format!("/social-return/entries/{}/answer", e1.id), &[("decision", "confirm")]).await.assert_status(303);
        let p = progress(&app, &officer_token, contract.id).await;
        assert_eq!(p["realised_cents"], 3_000_000, "{p}");

        // The second WISE disputes (a comment is needed): it does not count.
        let answer = format!("/social-return/entries/{}/answer", e2.id);
        app.post_form(&mut w2, &answer, &[("decision", "dispute")]).await.assert_status(422).assert_contains("answer-");
        app.post_form(&mut w2, &answer, &[("decision", "dispute"), ("comment", "Niet van ons.")]).await.assert_status(303);
        let p = progress(&app, &officer_token, contract.id).await;
        assert_eq!((p["realised_cents"].as_i64(), p["disputed_cents"].as_i64()), (Some(3_000_000), Some(500_000)), "SE NL counts 50 %: {p}");

        // The officer counts it anyway, with a reason that is audited.
        let over = format!("/social-return/entries/{}/override", e2.id);
        app.post_form(&mut b, &over, &[("reason", "Factuur gezien")]).await.assert_status(403);
        app.post_form(&mut o, &over, &[("reason", " ")]).await.assert_status(422);
        app.post_form(&mut o, &over, &[("reason", "Factuur en betaling gezien.")]).await.assert_status(303);
        let audited: Vec<String> = app.with_conn(|c| audit_log::table.filter(audit_log::action.eq("sr_claim_overridden")).select(audit_log::detail).load(c)).unwrap();
        assert_eq!(audited, ["Factuur en betaling gezien."]);
        assert_eq!(progress(&app, &officer_token, contract.id).await["realised_cents"], 3_500_000);

        // Another contractor sees none of it.
        let (_, other) = app.buying_organisation("Ander Bedrijf", "66666666");
        let mut x = app.sign_in_as(&other).await;
        app.get_with(&mut x, &page).await.assert_status(404);
        app.get_with(&mut x, "/social-return").await.assert_status(200);

        // The API: the contractor claims, the WISE reads and confirms, CSV for the officer.
        let buyer_token = token(&app, &buyer);
        let post = |uri: String, token: &str, body: &str| {
            TestRequest::post()
                .uri(&uri)
                .insert_header(("Authorization", format!("Bearer {token}")))
                .insert_header(("Content-Type", "application/json"))
                .set_payload(body.to_string())
        };
        let body = format!(r#"{{"kind":"purchase","wise_kvk":"11111111","invoice_number":"F-3","entry_date":"{day}","amount_eur":"1.500"}}"#);
        let res = app.send(post(format!("/api/v1/social-return/contracts/{}/entries", contract.id), &buyer_token, &body)).await;
        res.assert_status(201);
        let e3 = res.json()["id"].as_i64().unwrap();
        assert_eq!(res.json()["state"], "pending");
        let w1_token = token(&app, &w1_user);
        let claims = app.send(TestRequest::get().uri("/api/v1/social-return/claims").insert_header(("Authorization", format!("Bearer {w1_token}")))).await;
        claims.assert_status(200);
        assert_eq!(claims.json().as_array().unwrap().len(), 2);
        let csv = app.send(TestRequest::get().uri("/api/v1/social-return/contracts.csv").insert_header(("Authorization", format!("Bearer {officer_token}")))).await;
        csv.assert_status(200).assert_contains("SR-2026-001,Onderhoud gemeentehuis,Bouwbedrijf Test,1000000.00,5.00,50000.00");
        app.get_with(&mut o, "/social-return").await.assert_status(200).assert_contains("SR-2026-002");

        // Reminders, once each: the start to the contractor (the contract was recorded in
        // its second quarter: no quarterly mail beside it), the claim reminder after seven
        // days, the next quarter's mail, the officer's warning late in the term and the end.
        assert!(run_due(&app) > 0);
        assert_eq!(run_due(&app), 0, "nothing twice");
        let contractor_mails = app.outbox_keys(&format!("sr:{}:", contract.id));
        assert!(contractor_mails.iter().any(|k| k.contains(":start:") && k.ends_with(&buyer.email)), "{contractor_mails:?}");
        assert!(!contractor_mails.iter().any(|k| k.contains(":quarter:")), "{contractor_mails:?}");
        app.clock.advance(Duration::days(8));
        assert_eq!(run_due(&app), 1, "the pending claim's reminder");
        assert_eq!(app.outbox_keys(&format!("sr-claim:{e3}:claim-reminder:")).len(), 1);
        app.clock.advance(Duration::days(200));
        run_due(&app);
        assert_eq!(app.outbox_keys(&format!("sr:{}:quarter:3:{}", contract.id, buyer.email)).len(), 1);
        assert_eq!(app.outbox_keys(&format!("sr:{}:behind:", contract.id)).len(), 1, "below 80 % after 80 % of the term");
        app.clock.advance(Duration::days(100));
        run_due(&app);
        run_due(&app);
        assert_eq!(app.outbox_keys(&format!("sr:{}:end:{}", contract.id, officer.email)).len(), 1);
        // Confirming through the API still works after the term, and moves the amount.
        let res = app.send(post(format!("/api/v1/social-return/entries/{e3}/answer"), &w1_token, r#"{"decision":"confirm"}"#)).await;
        res.assert_status(200);
        assert_eq!(res.json()["state"], "confirmed");
        assert_eq!(progress(&app, &officer_token, contract.id).await["realised_cents"], 3_650_000);

        // The sector report: the purchases that count, exactly for the city; hidden from
        // the public while fewer than three contractors made them.
        use wise_monitor::figures::periods;
        use wise_monitor::reports::{disclosure::Thresholds, procurement};
        let now = db::timestamp(test_now());
        let request = periods::validate_range("2026", "2026", "30").unwrap();
        app.with_conn(|c| periods::create_range(c, &request, now)).unwrap();
        let year = app.with_conn(|c| periods::find_for_reports(c, "2026")).unwrap().unwrap();
        let t = Thresholds::from(&app.state.config.disclosure);
        let exact = app.with_conn(|c| procurement::section(c, &year, true, &t)).unwrap().unwrap();
        assert_eq!((exact["social_return_eur"].as_i64(), exact["buyers_of_wises"].as_i64()), (Some(26_500), Some(1)), "{exact}");
        let public = app.with_conn(|c| procurement::section(c, &year, false, &t)).unwrap().unwrap();
        assert!(public["social_return_eur"].is_null(), "{public}");
        let (findings, _, hidden) = app.with_conn(|c| procurement::audit(c, std::slice::from_ref(&year), &t)).unwrap();
        assert!(findings.is_empty() && hidden >= 1, "{findings:?}");
        // (The clock moved on: a new session.)
        let mut city = app.sign_in_as(&officer).await;
        app.get_with(&mut city, "/reports/sector?period=2026").await.assert_status(200).assert_contains("26.500");
    }
}
