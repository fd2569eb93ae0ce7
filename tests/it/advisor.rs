//! The reserved-contract advisor on the demo: the demo calendar's advice per line
//! counts exactly the WISEs the catalogue search finds with the same filters; the city
//! sees the totals, a buyer does not; a calendar with errors gets them by line and
//! column and no advice; the page, the CSV and the pre-filled need form.

use actix_web::test::TestRequest;
use wise_monitor::advisor::EXAMPLE_CALENDAR;
use wise_monitor::db;

use crate::backend_tests;
use crate::support::{test_now, TestApp, TestUser};

fn token(app: &TestApp, user: &TestUser) -> String {
    let now = db::timestamp(test_now());
    app.with_conn(|c| wise_monitor::accounts::create_token_audited(c, user.id, &user.email, "t", None, now)).unwrap()
}

async fn post_calendar(
    app: &TestApp,
    token: &str,
    content_type: &str,
    body: &str,
    query: &str,
) -> crate::support::Response {
    let request = TestRequest::post()
        .uri(&format!("/api/v1/advisor{query}"))
        .insert_header(("Authorization", format!("Bearer {token}")))
        .insert_header(("Content-Type", content_type))
        .set_payload(body.to_string());
    app.send(request).await
}

backend_tests! {
    async fn the_demo_calendar_gets_advice_that_agrees_with_the_search(app) {
        let app = TestApp::builder().demo().build(app.backend).await;
        let buyer = app.add_user("buyer", None);
        let city = app.add_user("city", None);
        let (buyer_token, city_token) = (token(&app, &buyer), token(&app, &city));

        let res = post_calendar(&app, &buyer_token, "text/csv", EXAMPLE_CALENDAR, "").await;
        res.assert_status(200);
        let answer = res.json();
        let purchases = answer["purchases"].as_array().unwrap();
        assert_eq!(purchases.len(), 10, "the demo calendar has ten purchases");
        assert!(answer.get("totals").is_none(), "a buyer sees no totals");
        let mut recommendations = std::collections::BTreeSet::new();
        let mut total_certified = 0;
        for advice in purchases {
            recommendations.insert(advice["recommendation"].as_str().unwrap().to_string());
            // The same WISEs as the catalogue search, branch by branch.
            let mut found = std::collections::BTreeSet::new();
            // And those of them the certification filter finds: verified, current certificates.
            let mut certified = std::collections::BTreeSet::new();
            for branch in advice["branches"].as_array().unwrap() {
                let p = &advice["purchase"];
                let mut query = vec![("cpv", branch.as_str().unwrap()), ("municipality", p["municipality"].as_str().unwrap()), ("reserved", "true"), ("per_page", "100")];
                if let Some(kind) = p["kind"].as_str() {
                    query.push(("kind", kind));
                }
                let url = format!("/api/v1/organisations?{}", serde_html_form::to_string(&query).unwrap());
                let result = app.get(&url).await.json();
                for item in result["items"].as_array().unwrap() {
                    found.insert(item["kvk_number"].as_str().unwrap().to_string());
                }
                for certification in ["pso", "cso", "sena"] {
                    let mut query = query.clone();
                    query.push(("certification", certification));
                    let url = format!("/api/v1/organisations?{}", serde_html_form::to_string(&query).unwrap());
                    for item in app.get(&url).await.json()["items"].as_array().unwrap() {
                        certified.insert(item["kvk_number"].as_str().unwrap().to_string());
                    }
                }
            }
            assert_eq!(advice["certified_count"].as_u64().unwrap() as usize, certified.len(), "line {}", advice["purchase"]["line"]);
            total_certified += certified.len();
            let advised: std::collections::BTreeSet<String> = advice["eligible"]
                .as_array()
                .unwrap()
                .iter()
                .map(|w| w["kvk_number"].as_str().unwrap().to_string())
                .collect();
            assert_eq!(advised, found, "line {}", advice["purchase"]["line"]);
            assert_eq!(advice["eligible_count"].as_u64().unwrap() as usize, found.len());
            // Fewer than three WISEs: their size only as bands.
            if found.len() < 3 {
                assert!(advice["people_working"]["value"].is_null() && advice["yearly_turnover_eur"]["value"].is_null());
            }
            assert!(!advice["reasons"].as_array().unwrap().is_empty());
        }
        assert!(recommendations.len() >= 3, "the demo calendar shows several recommendations: {recommendations:?}");
        assert!(total_certified > 0, "the demo's eligible WISEs include certified ones");

        // The city sees what could be reserved.
        let answer = post_calendar(&app, &city_token, "text/csv", EXAMPLE_CALENDAR, "").await.json();
        let totals = &answer["totals"];
        assert_eq!(totals["purchases"], 10);
        let reservable = purchases
            .iter()
            .filter(|a| matches!(a["recommendation"].as_str(), Some("reserve_whole" | "reserve_lot")))
            .count();
        assert_eq!(totals["reservable_purchases"].as_u64().unwrap() as usize, reservable);
        assert!(reservable >= 1);

        // CSV out, and the same answer for JSON rows in.
        let res = post_calendar(&app, &buyer_token, "text/csv", EXAMPLE_CALENDAR, "?format=csv").await;
        res.assert_status(200);
        assert!(res.body.starts_with("line,title,cpv_codes,kind,municipality,budget_eur,duration_months,eligible_wises"));
        assert_eq!(res.body.lines().count(), 11);
        let rows = r#"[{"title":"Schoonmaak","cpv_codes":"90911200","kind":"service","municipality":"Amsterdam","budget_eur":"180.000","duration_months":24}]"#;
        let one = post_calendar(&app, &buyer_token, "application/json", rows, "").await.json();
        let single = app
            .send(
                TestRequest::get()
                    .uri("/api/v1/advisor?title=Schoonmaak&cpv_codes=90911200&kind=service&municipality=Amsterdam&budget_eur=180000&duration_months=24")
                    .insert_header(("Authorization", format!("Bearer {buyer_token}"))),
            )
            .await
            .json();
        assert_eq!(one["purchases"][0]["eligible"], single["purchases"][0]["eligible"]);
        assert_eq!(one["purchases"][0]["recommendation"], single["purchases"][0]["recommendation"]);

        // All or nothing, errors by line and column.
        let bad = "title,cpv_codes,kind,municipality,budget_eur,duration_months\n\
                   Goed,90911200,service,Amsterdam,1000,12\n\
                   Fout,9091,spullen,Nergenshuizen,nul,500\n";
        let res = post_calendar(&app, &buyer_token, "text/csv", bad, "").await;
        res.assert_status(422);
        let details: Vec<(u64, String)> = res.json()["details"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["line"].as_u64().unwrap(), d["column"].as_str().unwrap().to_string()))
            .collect();
        let columns = ["cpv_codes", "kind", "municipality", "budget_eur", "duration_months"];
        assert_eq!(details, columns.iter().map(|c| (3, c.to_string())).collect::<Vec<_>>());

        // The page: a buyer pastes the calendar, sees ten advices, no totals; the city sees them.
        let mut browser = app.sign_in_as(&buyer).await;
        let page = app.post_form(&mut browser, "/advisor/calendar", &[("csv", EXAMPLE_CALENDAR)]).await;
        page.assert_status(200);
        assert_eq!(page.body.matches("data-testid=\"advice\"").count(), 10);
        assert!(!page.body.contains("data-testid=\"advisor-totals\""));
        let page = app.post_form(&mut browser, "/advisor/calendar", &[("csv", bad)]).await;
        page.assert_status(422).assert_contains("calendar-errors");
        let mut officer = app.sign_in_as(&city).await;
        let page = app.post_form(&mut officer, "/advisor/calendar", &[("csv", EXAMPLE_CALENDAR)]).await;
        page.assert_contains("data-testid=\"advisor-totals\"");
        let csv = app.post_form(&mut officer, "/advisor/calendar.csv", &[("csv", EXAMPLE_CALENDAR)]).await;
        assert_eq!(csv.body.lines().count(), 11);

        // One purchase on the page, a field error, and the need form it fills in.
        let page = app.get_with(&mut browser, "/advisor?cpv_codes=90911200&kind=service&municipality=Amsterdam&budget_eur=180000&duration_months=24").await;
        page.assert_status(200);
        assert_eq!(page.body.matches("data-testid=\"advice\"").count(), 1);
        let page = app.get_with(&mut browser, "/advisor?cpv_codes=90911200&municipality=Amsterdam&budget_eur=veel&duration_months=24").await;
        page.assert_status(422).assert_contains("advisor-budget-error");
        let need_url = single["purchases"][0]["need_url"].as_str().unwrap().to_string();
        assert!(need_url.starts_with("/needs/new?title=Schoonmaak"));
        let mut demo_buyer = app.sign_in("inkoper@demo.wise-monitor.nl", wise_monitor::demo::DEMO_PASSWORD).await;
        let form = app.get_with(&mut demo_buyer, &need_url).await;
        form.assert_status(200).assert_contains("value=\"Schoonmaak\"").assert_contains("90911200");
    }
}
