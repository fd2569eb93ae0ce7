//! Sector reports: a hand-computed fixture, checked number by number, public and exact,
//! through the JSON API, the CSV and the command line.

use wise_monitor::db::{self, DbConn};
use wise_monitor::figures::periods;
use wise_monitor::figures::submissions::{self, Source};
use wise_monitor::figures::values::Figures;
use wise_monitor::organisation::model::OrganisationInput;
use wise_monitor::organisation::store as org_store;

use crate::backend_tests;
use crate::support::{test_now, TestApp};

fn wise(conn: &mut DbConn, kvk: &str, name: &str, sector: &str, municipality: &str, status: &str) -> i32 {
    let input = OrganisationInput {
        kvk_number: kvk.into(),
        name: name.into(),
        municipality: municipality.into(),
        sectors: vec![sector.into(), "other".into()],
        ..Default::default()
    };
    org_store::create_organisation(conn, &input, status, db::timestamp(test_now())).unwrap()
}

fn file(conn: &mut DbConn, org: i32, period: &str, stocks: [i64; 5], flows: [i64; 5], groups: &[(&str, i64)]) {
    let period = periods::find(conn, period).unwrap().unwrap();
    let mut figures = Figures { stocks, flows, ..Figures::default() };
    figures.target_groups = groups.iter().map(|(g, n)| (g.to_string(), *n)).collect();
    submissions::save(conn, org, period.id, &figures, true, Source::Import, None, db::timestamp(test_now())).unwrap();
}

/// Five approved WISEs and a suspended one; 2025 in quarters, and a bit of 2024.
///
/// | WISE | sector | municipality | reported |
/// |---|---|---|---|
/// | A | catering | Zaandam | 2025-Q1..Q4, 2024-Q4 |
/// | B | catering | Zaandam | 2025-Q1..Q3 (skipped Q4: its Q3 stocks count for the year) |
/// | C | catering | Purmerend | 2025-Q4, revised (only the newest counts) |
/// | D, E | cleaning_facility | Zaandam | 2025-Q4 (a sector with two WISEs) |
/// | F | catering, suspended | Zaandam | 2025-Q4 (not counted) |
fn fixture(app: &TestApp) {
    app.with_conn(|c| {
        let now = db::timestamp(test_now());
        for (from, to) in [("2024-Q1", "2025-Q4"), ("2024", "2025")] {
            periods::create_range(c, &periods::validate_range(from, to, "30").unwrap(), now).unwrap();
        }
        let a = wise(c, "10000001", "Aap", "catering", "Zaandam", "approved");
        let b = wise(c, "10000002", "Beer", "catering", "Zaandam", "approved");
        let cc = wise(c, "10000003", "Cavia", "catering", "Purmerend", "approved");
        let d = wise(c, "10000004", "Das", "cleaning_facility", "Zaandam", "approved");
        let e = wise(c, "10000005", "Egel", "cleaning_facility", "Zaandam", "approved");
        let f = wise(c, "10000006", "Fret", "catering", "Zaandam", "suspended");
        file(c, a, "2024-Q4", [8, 2, 3, 1, 1], [1, 1, 1, 0, 0], &[]);
        for q in ["2025-Q1", "2025-Q2", "2025-Q3"] {
            file(c, a, q, [10, 2, 3, 1, 1], [2, 1, 1, 0, 1], &[]);
            file(
                c,
                b,
                q,
                [if q == "2025-Q3" { 20 } else { 18 }, 4, 5, 0, 2],
                [3, 0, 2, 1, 0],
                &[("mental_health", 10), ("refugee_background", 4)],
            );
        }
        file(c, a, "2025-Q4", [10, 2, 3, 1, 1], [2, 1, 1, 0, 1], &[("mental_health", 5)]);
        file(c, cc, "2025-Q4", [5, 1, 1, 1, 1], [1, 1, 1, 1, 1], &[]);
        file(c, cc, "2025-Q4", [6, 1, 1, 1, 1], [1, 0, 1, 1, 1], &[]);
        file(c, d, "2025-Q4", [4, 1, 0, 0, 0], [1, 0, 0, 0, 0], &[]);
        file(c, e, "2025-Q4", [3, 1, 0, 0, 0], [0, 0, 0, 0, 0], &[]);
        file(c, f, "2025-Q4", [100, 9, 9, 9, 9], [9, 9, 9, 9, 9], &[]);
    });
}

/// The report JSON through the API, with a `city` token (exact) or none (public).
async fn api(app: &TestApp, query: &str, exact: bool) -> serde_json::Value {
    let mut request = actix_web::test::TestRequest::get().uri(&format!("/api/v1/reports/sector?{query}"));
    if exact {
        let city = app.add_user("city", None);
        let now = db::timestamp(test_now());
        let token = app
            .with_conn(|c| wise_monitor::accounts::create_token_audited(c, city.id, &city.email, "t", None, now))
            .unwrap();
        request = request.insert_header(("Authorization", format!("Bearer {token}")));
    }
    let res = app.send(request).await;
    res.assert_status(200);
    res.json()
}

fn numbers(value: &serde_json::Value, names: &[&str]) -> Vec<Option<i64>> {
    names.iter().map(|n| value[*n].as_i64()).collect()
}

const STOCKS: [&str; 7] = [
    "paid_target_group",
    "paid_regular",
    "trainees",
    "daytime_activities",
    "volunteers",
    "people_working",
    "target_group_people",
];
const FLOWS: [&str; 6] = [
    "new_participants",
    "moved_to_paid_internal",
    "moved_to_paid_external",
    "moved_to_paid",
    "moved_to_education",
    "other_exits",
];

fn all(values: &[i64]) -> Vec<Option<i64>> {
    values.iter().map(|v| Some(*v)).collect()
}

backend_tests! {
    async fn the_exact_year_report_matches_the_hand_computed_fixture(app) {
        fixture(&app);
        let r = api(&app, "period=2025", true).await;
        assert_eq!(r["period"], "2025");
        assert_eq!(r["exact"], true);
        // Registered: the six WISEs (one suspended); approved and reporting: five.
        assert_eq!(r["organisations"], serde_json::json!({ "registered": 6, "approved": 5, "reporting": 5 }));
        // 15 onward moves into paid jobs per 54 target-group people: 27.7 per 100.
        assert_eq!(r["moved_to_paid_per_100_target_group_people"], 27.7);
        assert_eq!(r["response_rate_pct"], 100);
        // Stocks: A Q4 + B Q3 (skipped Q4) + C's newest revision + D + E; F is suspended.
        assert_eq!(numbers(&r["stocks"], &STOCKS), all(&[43, 9, 9, 2, 4, 67, 54]));
        // Flows: A four quarters, B three, C's newest, D, E.
        assert_eq!(numbers(&r["flows"], &FLOWS), all(&[19, 4, 11, 15, 4, 5]));
        assert_eq!(r["suppressed"], serde_json::json!([]));
        // Against 2024 (only A's 2024-Q4): the previous period and the year earlier are both 2024.
        assert_eq!(r["change"]["previous"]["period"], "2024");
        assert_eq!(numbers(&r["change"]["previous"]["stocks"], &STOCKS), all(&[35, 7, 6, 1, 3, 52, 42]));
        assert_eq!(numbers(&r["change"]["year_earlier"]["flows"], &FLOWS), all(&[18, 3, 10, 13, 4, 5]));

        let rows = r["breakdown"].as_array().unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["key"], "catering");
        assert_eq!(rows[0]["organisations"], 3);
        assert_eq!(numbers(&rows[0]["stocks"], &STOCKS), all(&[36, 7, 9, 2, 4, 58, 47]));
        assert_eq!(numbers(&rows[0]["flows"], &FLOWS), all(&[18, 4, 11, 15, 4, 5]));
        assert_eq!(rows[1]["key"], "cleaning_facility");
        assert_eq!(rows[1]["organisations"], 2);
        assert_eq!(numbers(&rows[1]["stocks"], &STOCKS), all(&[7, 2, 0, 0, 0, 9, 7]));
        assert_eq!(numbers(&rows[1]["flows"], &FLOWS), all(&[1, 0, 0, 0, 0, 0]));

        let r = api(&app, "period=2025&breakdown=municipality", true).await;
        let rows = r["breakdown"].as_array().unwrap();
        assert_eq!((rows[0]["key"].as_str(), rows[1]["key"].as_str()), (Some("Purmerend"), Some("Zaandam")));
        assert_eq!(numbers(&rows[0]["stocks"], &STOCKS), all(&[6, 1, 1, 1, 1, 10, 8]));
        assert_eq!(numbers(&rows[0]["flows"], &FLOWS), all(&[1, 0, 1, 1, 1, 1]));
        assert_eq!(numbers(&rows[1]["stocks"], &STOCKS), all(&[37, 8, 8, 1, 3, 57, 46]));
        assert_eq!(numbers(&rows[1]["flows"], &FLOWS), all(&[18, 4, 10, 14, 3, 4]));

        let r = api(&app, "period=2025&breakdown=target_group", true).await;
        let rows = r["breakdown"].as_array().unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0]["key"].as_str(), rows[0]["organisations"].as_i64(), rows[0]["stocks"]["people"].as_i64()), (Some("mental_health"), Some(2), Some(15)));
        assert_eq!((rows[1]["key"].as_str(), rows[1]["organisations"].as_i64(), rows[1]["stocks"]["people"].as_i64()), (Some("refugee_background"), Some(1), Some(4)));

        // A quarter: 2025-Q4 without B; against 2025-Q3 (A, B) and 2024-Q4 (A).
        let r = api(&app, "period=2025-Q4", true).await;
        assert_eq!(r["organisations"], serde_json::json!({ "registered": 6, "approved": 5, "reporting": 4 }));
        assert_eq!(r["response_rate_pct"], 80);
        assert_eq!(numbers(&r["stocks"], &STOCKS), all(&[23, 5, 4, 2, 2, 36, 29]));
        assert_eq!(r["change"]["previous"]["period"], "2025-Q3");
        assert_eq!(r["change"]["previous"]["stocks"]["paid_target_group"], -7);
        assert_eq!(r["change"]["year_earlier"]["period"], "2024-Q4");
        assert_eq!(r["change"]["year_earlier"]["stocks"]["paid_target_group"], 15);
    }
}

backend_tests! {
    async fn the_public_report_suppresses_small_cells_and_their_neighbours(app) {
        fixture(&app);
        let r = api(&app, "period=2025", false).await;
        assert_eq!(r["exact"], false);
        let suppressed: Vec<String> =
            r["suppressed"].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect();
        // The sector with two WISEs: every number suppressed…
        let rows = r["breakdown"].as_array().unwrap();
        assert_eq!(rows[1]["key"], "cleaning_facility");
        assert!(numbers(&rows[1]["stocks"], &STOCKS).iter().all(Option::is_none));
        assert!(numbers(&rows[1]["flows"], &FLOWS).iter().all(Option::is_none));
        assert!(suppressed.contains(&"breakdown.cleaning_facility.stocks.paid_target_group".to_string()));
        // …and a second cell beside it, so it cannot be recovered from the total.
        for measure in STOCKS {
            let others = rows[0]["stocks"][measure].is_null() as usize + r["stocks"][measure].is_null() as usize;
            assert!(others >= 1, "{measure}: cleaning could be computed from the total and catering");
        }
        // Headline cells under 10 people are suppressed.
        assert!(r["stocks"]["daytime_activities"].is_null());
        assert!(suppressed.contains(&"stocks.daytime_activities".to_string()));
        // No published number is null-free nonsense: every null is listed.
        let listed_nulls = ["stocks", "flows"]
            .iter()
            .flat_map(|g| r[*g].as_object().unwrap().iter().filter(|(_, v)| v.is_null()).map(move |(k, _)| format!("{g}.{k}")))
            .count();
        assert_eq!(listed_nulls, suppressed.iter().filter(|s| !s.starts_with("breakdown.")).count());
        // A change is only published when both numbers are.
        for (measure, change) in r["change"]["previous"]["stocks"].as_object().unwrap() {
            if r["stocks"][measure].is_null() {
                assert!(change.is_null(), "{measure}");
            }
        }
    }
}

backend_tests! {
    async fn csv_json_and_the_command_line_agree(app) {
        fixture(&app);
        let json = api(&app, "period=2025", false).await;
        let csv = app.send(actix_web::test::TestRequest::get().uri("/reports/sector.csv?period=2025")).await;
        csv.assert_status(200);
        let mut lines = csv.body.lines();
        assert_eq!(lines.next(), Some("period,dimension,key,measure,value,suppressed"));
        let rows: Vec<Vec<String>> = lines.map(|l| l.split(',').map(str::to_string).collect()).collect();
        for (group, names) in [("stocks", &STOCKS[..]), ("flows", &FLOWS[..])] {
            for &name in names {
                let row = rows.iter().find(|r| r[1] == "total" && r[3] == name).unwrap();
                let value = json[group][name].as_i64().map(|v| v.to_string()).unwrap_or_default();
                assert_eq!((row[4].clone(), row[5].as_str()), (value, if json[group][name].is_null() { "true" } else { "false" }));
            }
        }
        let catering = rows.iter().find(|r| r[1] == "sector" && r[2] == "catering" && r[3] == "people_working").unwrap();
        assert_eq!(catering[4], json["breakdown"][0]["stocks"]["people_working"].as_i64().map(|v| v.to_string()).unwrap_or_default());

        // The command line prints the same CSV, and with --exact the exact JSON.
        let url = app.state.config.database.url.clone();
        let (code, stdout, stderr) =
            crate::cli::wise_monitor(&["export", "report", "--period", "2025", "--database-url", &url], &[]);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(stdout, csv.body);
        let (code, stdout, stderr) = crate::cli::wise_monitor(
            &["export", "report", "--period", "2025", "--format", "json", "--exact", "--database-url", &url],
            &[],
        );
        assert_eq!(code, 0, "{stderr}");
        let printed: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(printed, api(&app, "period=2025", true).await);
        let (code, _, stderr) =
            crate::cli::wise_monitor(&["export", "report", "--period", "2031", "--database-url", &url], &[]);
        assert_ne!(code, 0);
        assert!(stderr.contains("--period: there is no report for period 2031; periods with figures: 2024"), "{stderr}");

        // The API refuses bad parameters clearly.
        let bad = app.send(actix_web::test::TestRequest::get().uri("/api/v1/reports/sector?period=2025&breakdown=colour")).await;
        bad.assert_status(422).assert_contains("breakdown");
        app.send(actix_web::test::TestRequest::get().uri("/api/v1/reports/sector?period=2031")).await.assert_status(404);
        app.send(actix_web::test::TestRequest::get().uri("/api/v1/reports/sector?period=20x5")).await.assert_status(422);
        app.send(actix_web::test::TestRequest::get().uri("/api/v1/reports/sector")).await.assert_status(422);
    }
}

backend_tests! {
    async fn a_report_shows_every_committed_change_at_once(app) {
        // Reports are kept in memory between requests; a new revision, a suspended WISE
        // or a write by another process (plain SQL here) must show at the next request.
        fixture(&app);
        let before = api(&app, "period=2025-Q4", true).await;
        let working = before["stocks"]["people_working"].as_i64().unwrap();
        let d = app.with_conn(|c| org_store::organisation_by_kvk(c, "10000004")).unwrap().unwrap().id;
        app.with_conn(|c| file(c, d, "2025-Q4", [14, 1, 0, 0, 0], [1, 0, 0, 0, 0], &[]));
        let revised = api(&app, "period=2025-Q4", true).await;
        assert_eq!(revised["stocks"]["people_working"].as_i64().unwrap(), working + 10, "D's new revision counts");
        app.with_conn(|c| {
            use diesel::RunQueryDsl;
            diesel::sql_query("UPDATE organisations SET status = 'suspended' WHERE kvk_number = '10000004'").execute(c)
        })
        .unwrap();
        let suspended = api(&app, "period=2025-Q4", true).await;
        assert_eq!(suspended["stocks"]["people_working"].as_i64().unwrap(), working - 5, "D no longer counts");
    }
}
