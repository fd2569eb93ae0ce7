//! The start page (issue 20): after signing in each role lands on `/start`, with what
//! it has to do next. One demo world per database serves every role.

use crate::backend_tests;
use crate::support::TestApp;

backend_tests! {
    async fn each_role_lands_on_its_own_start_page(app) {
        let app = TestApp::builder().demo().build(app.backend).await;
        let password = wise_monitor::demo::DEMO_PASSWORD;
        let mut visitor = app.visitor().await;
        let res = app.post_form(&mut visitor, "/sign-in", &[("email", "inkoper@demo.wise-monitor.nl"), ("password", password)]).await;
        assert_eq!(res.header("location"), Some("/start"), "signing in without a destination lands on the start page");

        // A buyer: the catalogue's search and the saved searches; no operator's queues.
        let mut buyer = app.sign_in("inkoper@demo.wise-monitor.nl", password).await;
        let page = app.get_with(&mut buyer, "/start").await;
        page.assert_status(200).assert_contains("Welkom, Demo Inkoper").assert_contains("action=\"/organisations\"").assert_contains("nog geen zoekopdrachten bewaard");
        assert!(!page.body.contains("Wat op u wacht"));
        app.post_form(&mut buyer, "/saved-searches", &[("name", "Catering"), ("frequency", "weekly"), ("query", "q=catering")]).await.assert_status(303);
        app.get_with(&mut buyer, "/start").await.assert_contains("href=\"/organisations?q&#x3D;catering\"");

        // A WISE: its profile's state and a task per period that takes figures.
        let kvk = wise_monitor::demo::approved_sample()[0].kvk_number.clone();
        let mut wise = app.sign_in("onderneming@demo.wise-monitor.nl", password).await;
        let page = app.get_with(&mut wise, "/start").await;
        page.assert_status(200)
            .assert_contains("Goedgekeurd")
            .assert_contains(&format!("/manage/organisations/{kvk}/figures/2026-Q3"))
            .assert_contains("Cijfers 2026-Q3");
        assert!(!page.body.contains("action=\"/organisations\""), "no buyer tools for a WISE");

        // The city: how the newest period's figures stand, and the report.
        let mut city = app.sign_in("gemeente@demo.wise-monitor.nl", password).await;
        let page = app.get_with(&mut city, "/start").await;
        page.assert_status(200).assert_contains("ondernemingen hebben cijfers ingediend").assert_contains("href=\"/reports/sector\"");
        assert!(!page.body.contains("Wat op u wacht"), "the queues are the operator's");

        // The operator: the queues with their counts (two demo WISEs await a decision).
        let mut admin = app.sign_in("beheer@demo.wise-monitor.nl", password).await;
        let page = app.get_with(&mut admin, "/start").await;
        page.assert_status(200).assert_contains("Wat op u wacht").assert_contains("2 aanmeldingen wachten op een besluit").assert_contains("wachten op beoordeling");
        app.post_form(&mut admin, "/language", &[("lang", "en"), ("next", "/start")]).await;
        app.get_with(&mut admin, "/start").await.assert_contains("Waiting for you").assert_contains("2 registrations await a decision");

        app.get("/start").await.assert_status(303);
    }
}
