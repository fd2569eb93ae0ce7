//! Spend registers, through the pages and the API: a buyer imports a year of spend (a
//! bad file is refused whole, line by line), sees the share spent with WISEs, imports a
//! corrected quarter over it, adds a line by hand, downloads the lines, checks which
//! suppliers are WISEs and agrees to be counted; another buyer sees none of it.
//! One world for the whole journey.

use actix_web::test::TestRequest;
use wise_monitor::db;
use wise_monitor::organisation::model::OrganisationInput;
use wise_monitor::organisation::store as org_store;
use wise_monitor::spend::store;

use crate::backend_tests;
use crate::support::{test_now, TestApp};

fn wise(app: &TestApp, kvk: &str, name: &str, sector: &str) -> i32 {
    let now = db::timestamp(test_now());
    let input = OrganisationInput {
        kvk_number: kvk.into(),
        name: name.into(),
        municipality: "Utrecht".into(),
        sectors: vec![sector.into()],
        ..Default::default()
    };
    app.with_conn(|c| org_store::create_organisation(c, &input, "approved", now)).unwrap()
}

const YEAR: &str = "supplier_kvk;supplier_name;amount_eur;period;category;entity\n\
11111111;Keuken Eén;10.000,00;2026-Q1;catering;Stadhuis\n\
22222222;Schoon & Co;5.000;2026-Q1;schoonmaak;Stadhuis\n\
33333333;Gewone BV;25.000,00;2026-Q1;schoonmaak;Wijken\n\
33333333;Gewone BV;60.000,00;2026-Q2;schoonmaak;Wijken\n";

backend_tests! {
    async fn a_buyer_imports_spend_and_sees_the_share_with_wises(app) {
        wise(&app, "11111111", "Keuken Eén", "catering");
        wise(&app, "22222222", "Schoon & Co", "cleaning_facility");
        let (company, buyer) = app.buying_organisation("Bouwbedrijf Test", "55555555");
        let mut b = app.sign_in_as(&buyer).await;

        // A file with a bad line is refused whole, each error by line and column.
        let bad = format!("{YEAR}4444444;Kort;veel;2026-Q7;;\n");
        let res = app.post_form(&mut b, "/spend/import", &[("csv", &bad)]).await;
        res.assert_status(422).assert_contains("supplier_kvk").assert_contains("amount_eur");
        assert!(res.body.contains("<td>6</td>"), "the line is named");
        assert!(app.with_conn(|c| store::rows_of(c, company)).unwrap().is_empty(), "nothing stored");

        // The year: 100,000 euros, 15,000 of them with two WISEs.
        app.post_form(&mut b, "/spend/import", &[("csv", YEAR)]).await.assert_status(200).assert_contains("2026-Q1, 2026-Q2");
        let page = app.get_with(&mut b, "/spend").await;
        page.assert_status(200).assert_contains("15,0").assert_contains("Keuken Eén").assert_contains("chart-spend-trend");

        // A corrected first quarter replaces only that quarter.
        let q1 = "supplier_kvk,supplier_name,amount_eur,period\n11111111,Keuken Eén,20000,2026-Q1\n33333333,Gewone BV,20000,2026-Q1\n";
        app.post_form(&mut b, "/spend/import", &[("csv", q1)]).await.assert_status(200);
        assert_eq!(app.with_conn(|c| store::rows_of(c, company)).unwrap().len(), 3);

        // A line by hand: a bad amount is named on the page; a good one is added.
        let mut line = vec![("supplier_kvk", "22222222"), ("supplier_name", "Schoon & Co"), ("amount_eur", "1,5,0"), ("period", "2026-Q2")];
        app.post_form(&mut b, "/spend/rows", &line).await.assert_status(422).assert_contains("id=\"spend-amount_eur-error\"");
        line[2] = ("amount_eur", "10.000");
        app.post_form(&mut b, "/spend/rows", &line).await.assert_status(303);

        // The API adds it up: 110,000 euros, 30,000 with WISEs (27.2 %), by the WISEs' sector.
        let now = db::timestamp(test_now());
        let token = app
            .with_conn(|c| wise_monitor::accounts::create_token_audited(c, buyer.id, &buyer.email, "t", None, now))
            .unwrap();
        let bearer = ("Authorization", format!("Bearer {token}"));
        let api = app.send(TestRequest::get().uri("/api/v1/spend").insert_header(bearer.clone())).await;
        api.assert_status(200);
        let register = api.json();
        let summary = &register["summary"];
        assert_eq!(summary["total_cents"], 11_000_000);
        assert_eq!(summary["wise_cents"], 3_000_000);
        assert_eq!(summary["wise_share_permille"], 272);
        assert_eq!(summary["wise_suppliers"], 2);
        let sectors: Vec<&str> = summary["by_sector"].as_array().unwrap().iter().map(|g| g["key"].as_str().unwrap()).collect();
        assert_eq!(sectors, ["catering", "cleaning_facility"]);
        assert_eq!(register["rows"].as_array().unwrap().iter().filter(|r| r["wise"] == true).count(), 2);

        // The API import: errors by line and column, nothing stored; text/csv only.
        let wrong = TestRequest::post()
            .uri("/api/v1/spend")
            .insert_header(bearer.clone())
            .insert_header(("Content-Type", "text/csv"))
            .set_payload("supplier_kvk,supplier_name,amount_eur,period\n11111111,Keuken,12,2026-Q9\n");
        let res = app.send(wrong).await;
        res.assert_status(422);
        assert_eq!(res.json()["details"][0]["line"], 2);
        assert_eq!(res.json()["details"][0]["column"], "period");
        let json = |body: &str| {
            TestRequest::post()
                .uri("/api/v1/spend")
                .insert_header(bearer.clone())
                .insert_header(("Content-Type", "application/json"))
                .set_payload(body.to_string())
        };
        let res = app.send(json(r#"[{"supplier_kvk":"11111111","supplier_name":"Keuken","amount_eur":"veel","period":"2026-Q3"}]"#)).await;
        res.assert_status(422);
        assert_eq!((res.json()["details"][0]["line"].clone(), res.json()["details"][0]["column"].clone()), (1.into(), "amount_eur".into()));
        app.send(json("{}")).await.assert_status(400);
        let xml = TestRequest::post().uri("/api/v1/spend").insert_header(bearer.clone()).insert_header(("Content-Type", "application/xml")).set_payload("<a/>");
        app.send(xml).await.assert_status(415);
        assert_eq!(app.with_conn(|c| store::rows_of(c, company)).unwrap().len(), 4);

        // The lines as CSV, each with whether its supplier is a WISE.
        let csv = app.get_with(&mut b, "/spend.csv").await;
        csv.assert_status(200).assert_contains("11111111,Keuken Eén,20000.00,2026-Q1,,,,yes,catering");
        csv.assert_contains("33333333,Gewone BV,60000.00,2026-Q2,schoonmaak,,Wijken,no,");

        // Which of these suppliers are WISEs?
        let check = app.post_form(&mut b, "/spend/check", &[("csv", "11111111\n33333333; 123")]).await;
        check.assert_status(200).assert_contains("Keuken Eén").assert_contains("123");
        app.post_form(&mut b, "/spend/check", &[("csv", "geen nummers")]).await.assert_status(422);

        // Agreeing to be counted in the sector report.
        assert!(!app.with_conn(|c| store::is_shared(c, company)).unwrap());
        app.post_form(&mut b, "/spend/sharing", &[("share", "yes")]).await.assert_status(303);
        assert!(app.with_conn(|c| store::is_shared(c, company)).unwrap());

        // Another buyer sees an empty register of its own, and cannot remove these lines.
        let (_, other) = app.buying_organisation("Ander Bedrijf", "66666666");
        let mut o = app.sign_in_as(&other).await;
        app.get_with(&mut o, "/spend").await.assert_status(200).assert_contains("Ander Bedrijf");
        let row = app.with_conn(|c| store::rows_of(c, company)).unwrap()[0].id;
        app.post_form(&mut o, &format!("/spend/rows/{row}/delete"), &[]).await.assert_status(404);
        app.post_form(&mut b, &format!("/spend/rows/{row}/delete"), &[]).await.assert_status(303);
        assert_eq!(app.with_conn(|c| store::rows_of(c, company)).unwrap().len(), 3);

        // The sector report counts the shared register: exactly for the city, per year
        // and without the cells of one buyer for the public.
        use wise_monitor::figures::periods;
        use wise_monitor::reports::{disclosure::Thresholds, procurement};
        let request = periods::validate_range("2026", "2026", "30").unwrap();
        app.with_conn(|c| periods::create_range(c, &request, now)).unwrap();
        let request = periods::validate_range("2026-Q1", "2026-Q2", "30").unwrap();
        app.with_conn(|c| periods::create_range(c, &request, now)).unwrap();
        let year = app.with_conn(|c| periods::find_for_reports(c, "2026")).unwrap().unwrap();
        let q2 = app.with_conn(|c| periods::find_for_reports(c, "2026-Q2")).unwrap().unwrap();
        let t = Thresholds::from(&app.state.config.disclosure);
        let exact = app.with_conn(|c| procurement::section(c, &year, true, &t)).unwrap().unwrap();
        assert_eq!(exact["total_eur"], 90_000, "{exact}");
        assert_eq!(exact["wise_eur"], 30_000);
        assert_eq!(exact["wise_share_permille"], 333);
        assert_eq!(exact["rows"][0]["sector"], "catering");
        assert_eq!(exact["rows"][0]["wise_eur"], 20_000);
        let quarter = app.with_conn(|c| procurement::section(c, &q2, true, &t)).unwrap().unwrap();
        assert_eq!(quarter["total_eur"], 70_000, "only the second quarter's lines: {quarter}");
        let public = app.with_conn(|c| procurement::section(c, &year, false, &t)).unwrap().unwrap();
        assert!(public["total_eur"].is_null() && public["wise_eur"].is_null(), "one buyer: {public}");
        assert!(public["rows"].as_array().unwrap().iter().all(|r| r["wise_eur"].is_null()));
        let public_quarter = app.with_conn(|c| procurement::section(c, &q2, false, &t)).unwrap().unwrap();
        assert_eq!(public_quarter["yearly_only"], true);
        let (findings, _, _) = app.with_conn(|c| procurement::audit(c, std::slice::from_ref(&year), &t)).unwrap();
        assert!(findings.is_empty(), "{findings:?}");
        // A register that is not shared does not count.
        app.post_form(&mut b, "/spend/sharing", &[("share", "no")]).await.assert_status(303);
        assert!(app.with_conn(|c| procurement::section(c, &year, true, &t)).unwrap().is_none());
    }
}
