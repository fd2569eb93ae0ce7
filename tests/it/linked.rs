//! Year reports made from quarters (no year period), and disclosure control over the
//! public reports as one linked set, proved by `audit disclosure`.

use wise_monitor::db::{self, DbConn};
use wise_monitor::figures::periods;
use wise_monitor::figures::submissions::{self, Source};
use wise_monitor::figures::values::Figures;
use wise_monitor::organisation::model::OrganisationInput;
use wise_monitor::organisation::store as org_store;
use wise_monitor::reports::disclosure::Thresholds;
use wise_monitor::reports::linked::{self, Finding};

use crate::backend_tests;
use crate::cli::wise_monitor;
use crate::support::{test_now, Backend, TestApp};

fn wise(conn: &mut DbConn, kvk: &str, sector: &str, status: &str) -> i32 {
    let input = OrganisationInput {
        kvk_number: kvk.into(),
        name: format!("WISE {kvk}"),
        municipality: "Zaandam".into(),
        sectors: vec![sector.into()],
        ..Default::default()
    };
    org_store::create_organisation(conn, &input, status, db::timestamp(test_now())).unwrap()
}

fn file(conn: &mut DbConn, org: i32, period: &str, stocks: [i64; 5], flows: [i64; 5]) {
    let period = periods::find(conn, period).unwrap().unwrap();
    let figures = Figures { stocks, flows, ..Figures::default() };
    submissions::save(conn, org, period.id, &figures, true, Source::Import, None, db::timestamp(test_now())).unwrap();
}

/// Quarters only (no year period): 2025-Q1..Q4 and 2026-Q1..Q2.
///
/// | WISE | sector | reported |
/// |---|---|---|
/// | A–D | catering | every quarter; in 2025-Q2 catering starts only 4 people (A–D: 1 each) |
/// | E | catering | 2025-Q1..Q3 (skipped Q4: year − Q4 is E alone) |
/// | F–H | cleaning_facility | every quarter; F's 2025-Q4 revised |
/// | S | catering, suspended | every quarter (never counted) |
fn fixture(app: &TestApp) {
    app.with_conn(|c| {
        let now = db::timestamp(test_now());
        periods::create_range(c, &periods::validate_range("2025-Q1", "2026-Q4", "30").unwrap(), now).unwrap();
        let catering: Vec<i32> = (1..=5).map(|i| wise(c, &format!("2000000{i}"), "catering", "approved")).collect();
        let cleaning: Vec<i32> =
            (6..=8).map(|i| wise(c, &format!("2000000{i}"), "cleaning_facility", "approved")).collect();
        let suspended = wise(c, "20000009", "catering", "suspended");
        let quarters = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"];
        for q in quarters {
            for (n, &org) in catering.iter().enumerate() {
                if n == 4 && q == "2025-Q4" {
                    continue;
                }
                let starts = if q == "2025-Q2" { 1 } else { 4 };
                file(c, org, q, [21, 14, 10, 4, 7], [starts, 1, 2, 1, 1]);
            }
            for &org in &cleaning {
                file(c, org, q, [12, 3, 2, 0, 1], [5, 0, 1, 0, 2]);
            }
            file(c, suspended, q, [90, 9, 9, 9, 9], [9, 9, 9, 9, 9]);
        }
        // A correction: only the newest revision counts.
        file(c, cleaning[0], "2025-Q4", [15, 3, 2, 0, 1], [6, 0, 1, 0, 2]);
    });
}

fn thresholds() -> Thresholds {
    Thresholds::from(&wise_monitor::config::Config::defaults().disclosure)
}

async fn api(app: &TestApp, query: &str, token: Option<&str>) -> (u16, serde_json::Value) {
    let mut request = actix_web::test::TestRequest::get().uri(&format!("/api/v1/reports/sector?{query}"));
    if let Some(token) = token {
        request = request.insert_header(("Authorization", format!("Bearer {token}")));
    }
    let res = app.send(request).await;
    (res.status.as_u16(), res.json())
}

fn city_token(app: &TestApp) -> String {
    let city = app.add_user("city", None);
    let now = db::timestamp(test_now());
    app.with_conn(|c| wise_monitor::accounts::create_token_audited(c, city.id, &city.email, "t", None, now)).unwrap()
}

backend_tests! {
    async fn a_year_report_rolls_up_its_quarters_without_a_year_period(app) {
        fixture(&app);
        let token = city_token(&app);
        let (status, r) = api(&app, "period=2025", Some(&token)).await;
        assert_eq!(status, 200, "{r}");
        assert_eq!(r["period"], "2025");
        assert_eq!(r["quarters"], serde_json::json!(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]));
        assert_eq!(r["complete"], true);
        assert_eq!(r["organisations"]["reporting"], 8, "the suspended WISE is not counted");
        // Stocks: each WISE's latest quarter (E's Q3; F's revised Q4).
        assert_eq!(r["stocks"]["paid_target_group"], 5 * 21 + 15 + 12 + 12);
        assert_eq!(r["stocks"]["people_working"], 5 * 56 + 21 + 18 + 18);
        // Flows: the sum of the quarters (catering 2025-Q2 starts 1 each; E three quarters).
        assert_eq!(r["flows"]["new_participants"], 4 * (4 + 1 + 4 + 4) + (4 + 1 + 4) + 6 + 2 * 5 + 3 * 5 * 3);
        assert_eq!(r["flows"]["moved_to_paid"], (4 * 4 + 3) * 3 + 12);
        assert_eq!(r["change"]["previous"], serde_json::Value::Null, "no 2024");

        // A running year says which quarters it covers.
        let (_, running) = api(&app, "period=2026", Some(&token)).await;
        assert_eq!(running["quarters"], serde_json::json!(["2026-Q1", "2026-Q2"]));
        assert_eq!(running["complete"], false);
        assert_eq!(running["change"]["previous"]["period"], "2025");
        let page = app.get("/reports/sector?period=2026").await;
        page.assert_status(200);
        page.assert_contains("2026, Q1\u{2013}Q2").assert_contains("<option value=\"2026\" selected>2026</option>");
        let page = app.get("/reports/sector?period=2025-Q4&series=year").await;
        page.assert_status(200);
        page.assert_contains("per jaar");

        // CSV and the command line serve the same year.
        let csv = app.send(actix_web::test::TestRequest::get().uri("/reports/sector.csv?period=2025")).await;
        csv.assert_status(200);
        assert!(csv.body.lines().skip(1).all(|l| l.starts_with("2025,")), "{}", csv.body);
        let url = app.state.config.database.url.clone();
        let (code, stdout, stderr) =
            wise_monitor(&["export", "report", "--period", "2025", "--format", "json", "--exact", "--database-url", &url], &[]);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&stdout).unwrap(), r);

        // Unknown and empty periods say so and name the periods with figures.
        let (status, e) = api(&app, "period=2031", None).await;
        assert_eq!(status, 404);
        assert_eq!(e["error"], "unknown_period");
        assert!(e["message"].as_str().unwrap().contains("2025-Q1"), "{e}");
        let (status, e) = api(&app, "period=2026-Q4", None).await;
        assert_eq!((status, e["error"].as_str()), (404, Some("unknown_period")));
        app.get("/reports/sector?period=2031").await.assert_status(404);
        let (code, _, stderr) = wise_monitor(&["export", "report", "--period", "2024", "--database-url", &url], &[]);
        assert_ne!(code, 0);
        assert!(stderr.contains("there is no report for period 2024; periods with figures: 2025, 2025-Q1"), "{stderr}");
    }
}

backend_tests! {
    async fn the_linked_public_reports_give_nothing_away(app) {
        fixture(&app);
        let t = thresholds();
        let set = app.with_conn(|c| linked::public(c, &app.state.caches, &t)).unwrap();
        assert_eq!(set.audit(|_| true), [], "the linked set has findings");
        // Year − Q4 of people working would be E alone: both are never published.
        for query in ["period=2025", "period=2025-Q4"] {
            let (_, r) = api(&app, query, None).await;
            assert_eq!(r["exact"], false);
        }
        let (_, year) = api(&app, "period=2025", None).await;
        let (_, q4) = api(&app, "period=2025-Q4", None).await;
        for measure in ["paid_target_group", "paid_regular", "trainees", "people_working"] {
            let both = !year["stocks"][measure].is_null() && !q4["stocks"][measure].is_null();
            assert!(!both, "{measure}: year {} and Q4 {} give E away", year["stocks"][measure], q4["stocks"][measure]);
        }
        // The command line agrees, and exits 0.
        let url = app.state.config.database.url.clone();
        let (code, stdout, stderr) = wise_monitor(&["audit", "disclosure", "--database-url", &url], &[]);
        assert_eq!(code, 0, "{stdout}{stderr}");
        assert!(stdout.contains("no findings"), "{stdout}");
        let (code, stdout, _) =
            wise_monitor(&["audit", "disclosure", "--from", "2025", "--to", "2025", "--database-url", &url], &[]);
        assert_eq!(code, 0, "{stdout}");
        assert!(stdout.contains("audited 5 period(s) (2025, 2025-Q1, 2025-Q2, 2025-Q3, 2025-Q4)"), "{stdout}");

        // Each report on its own (linking off): the audit finds both attacks.
        let unlinked = Thresholds { linked: false, ..t };
        let set = app.with_conn(|c| linked::public(c, &app.state.caches, &unlinked)).unwrap();
        let findings = set.audit(|_| true);
        let flows_rebuilt = findings.iter().any(|f| {
            matches!(f, Finding::Narrow { cell, range, .. }
                if cell == "2025-Q2 breakdown.sector.catering.flows.new_participants" && range.high == Some(range.low))
        });
        assert!(flows_rebuilt, "the suppressed quarter is year minus the other quarters: {findings:?}");
        let one_wise = findings.iter().any(|f| {
            matches!(f, Finding::Difference { first, second, .. }
                if first.starts_with("2025 breakdown.sector.catering.stocks") && second.starts_with("2025-Q4 "))
        });
        assert!(one_wise, "year minus Q4 is one WISE's stocks: {findings:?}");
        let (code, stdout, _) = wise_monitor(
            &["audit", "disclosure", "--database-url", &url],
            &[("WISE_DISCLOSURE__LINKED", "false")],
        );
        assert_eq!(code, 1, "{stdout}");
        assert!(stdout.contains("finding(s)"), "{stdout}");
    }
}

/// The demo data, audited as an operator would before publishing.
#[actix_web::test]
async fn the_demo_data_passes_the_audit() {
    let app = TestApp::builder().demo().build(Backend::Sqlite).await;
    let url = app.state.config.database.url.clone();
    let (code, stdout, stderr) = wise_monitor(&["audit", "disclosure", "--database-url", &url], &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("no findings") && stdout.contains("2025-Q4"), "{stdout}");
    // The demo has year reports from its quarters.
    let (status, year) = api(&app, "period=2025", None).await;
    assert_eq!(status, 200, "{year}");
    assert_eq!(year["complete"], true);
}
