//! `demo-data`: generated data at scale, through the binary, then used by the search,
//! the reports, the digests and `mail deliver`.

use crate::backend_tests;
use crate::cli::wise_monitor;

backend_tests! {
    async fn demo_data_fills_an_empty_database_at_scale(app) {
        let url = app.state.config.database.url.clone();
        let args = ["demo-data", "--organisations", "40", "--offerings", "300", "--periods", "8", "--reporting", "20", "--buyers", "6", "--database-url", &url];
        let (code, stdout, stderr) = wise_monitor(&args, &[]);
        assert_eq!(code, 0, "{stderr}");
        assert!(stdout.starts_with("40 WISEs, 300 offerings, "), "{stdout}");
        assert!(stdout.contains(" and 6 buyers written"), "{stdout}");

        // The catalogue: every WISE approved and found; words are skewed, so the most
        // common word is found far more often than a rare one.
        let all = app.send(actix_web::test::TestRequest::get().uri("/api/v1/organisations")).await;
        all.assert_status(200);
        assert_eq!(all.json()["total"], 40);
        let common = app.send(actix_web::test::TestRequest::get().uri("/api/v1/offerings?q=werk")).await.json();
        let rare = app.send(actix_web::test::TestRequest::get().uri("/api/v1/offerings?q=strijken")).await.json();
        let (common, rare) = (common["total"].as_i64().unwrap(), rare["total"].as_i64().unwrap());
        assert!(common > 3 * rare.max(1), "werk {common}, strijken {rare}");

        // Eight quarters always hold a whole year; its report counts the 20 reporting WISEs.
        let periods = app.send(actix_web::test::TestRequest::get().uri("/api/v1/periods")).await.json();
        let periods = periods.as_array().expect("a list of periods");
        assert_eq!(periods.iter().filter(|p| p["kind"] == "quarter").count(), 8, "{periods:?}");
        let year = periods.iter().find(|p| p["kind"] == "year").expect("a whole year")["key"].as_str().unwrap().to_string();
        let report = app.send(actix_web::test::TestRequest::get().uri(&format!("/api/v1/reports/sector?period={year}"))).await;
        report.assert_status(200);
        let report = report.json();
        assert_eq!((report["organisations"]["approved"].as_i64(), report["organisations"]["reporting"].as_i64()), (Some(40), Some(20)), "{report}");
        assert!(report["stocks"]["paid_target_group"].as_i64().unwrap_or_default() > 0 || report["suppressed"].as_array().is_some_and(|s| !s.is_empty()));

        // A filled database is never touched again.
        let (code, _, stderr) = wise_monitor(&args, &[]);
        assert_ne!(code, 0);
        assert!(stderr.contains("already holds WISEs"), "{stderr}");

        // The buyers' weekly saved searches mail, and `mail deliver` sends it all.
        let (code, stdout, stderr) = wise_monitor(&["digests", "run", "--database-url", &url], &[]);
        assert_eq!(code, 0, "{stderr}");
        let queued: usize = stdout
            .lines()
            .filter(|l| l.starts_with("saved_search_weekly"))
            .find_map(|l| l.split("): ").nth(1)?.split(' ').next()?.parse().ok())
            .unwrap_or_else(|| panic!("no weekly saved-search run in {stdout:?}"));
        assert!((1..=6).contains(&queued), "{stdout}");
        let dir = tempfile::tempdir().unwrap();
        let mail_dir = dir.path().to_str().unwrap();
        let env = [("WISE_MAIL__TRANSPORT", "file"), ("WISE_MAIL__FILE_DIR", mail_dir)];
        let (code, stdout, stderr) = wise_monitor(&["mail", "deliver", "--database-url", &url], &env);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(stdout.trim(), format!("{queued} sent, 0 to try again later, 0 failed for good"));
        let files = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(files, queued);
        let (_, stdout, _) = wise_monitor(&["mail", "deliver", "--database-url", &url], &env);
        assert_eq!(stdout.trim(), "0 sent, 0 to try again later, 0 failed for good");
    }
}

#[test]
fn demo_data_refuses_impossible_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("wise.db").display());
    let (code, _, stderr) =
        wise_monitor(&["demo-data", "--organisations", "5", "--reporting", "6", "--database-url", &url], &[]);
    assert_ne!(code, 0);
    assert!(stderr.contains("--reporting (6) cannot exceed --organisations (5)"), "{stderr}");
    let (code, _, stderr) =
        wise_monitor(&["demo-data", "--organisations", "0", "--offerings", "3", "--database-url", &url], &[]);
    assert_ne!(code, 0);
    assert!(stderr.contains("--offerings needs at least one organisation"), "{stderr}");
}
