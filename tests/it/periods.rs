//! Reporting periods: the operator's page, the public API and `periods create`.

use std::process::Command;

use chrono::Duration;
use wise_monitor::audit;
use wise_monitor::figures::periods;

use crate::backend_tests;
use crate::support::TestApp;

fn keys(app: &TestApp) -> Vec<String> {
    app.with_conn(periods::list).unwrap().into_iter().map(|p| p.key).collect()
}

/// The API's (key, status) pairs.
async fn statuses(app: &TestApp) -> Vec<(String, String)> {
    let res = app.get("/api/v1/periods").await;
    res.assert_status(200);
    res.json()
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["key"].as_str().unwrap().to_string(), p["status"].as_str().unwrap().to_string()))
        .collect()
}

backend_tests! {
    async fn the_operator_creates_a_range_and_existing_periods_are_kept(app) {
        let admin = app.add_user("admin", None);
        let mut browser = app.sign_in_as(&admin).await;
        let res = app
            .post_form(&mut browser, "/admin/periods", &[("from", "2025-Q1"), ("to", "2026-Q4"), ("due_days", "30")])
            .await;
        res.assert_status(303);
        assert_eq!(res.header("location"), Some("/admin/periods?created=8&kept=0"));
        assert_eq!(keys(&app).len(), 8);

        // Change one period's due date by hand: an overlapping range keeps it as it is.
        let q1 = app.with_conn(|c| periods::find(c, "2026-Q1")).unwrap().unwrap();
        let res = app
            .post_form(&mut browser, "/admin/periods", &[("from", "2026-q1"), ("to", "2027-Q2"), ("due_days", "10")])
            .await;
        assert_eq!(res.header("location"), Some("/admin/periods?created=2&kept=4"));
        assert_eq!(app.with_conn(|c| periods::find(c, "2026-Q1")).unwrap().unwrap(), q1);
        let new = app.with_conn(|c| periods::find(c, "2027-Q2")).unwrap().unwrap();
        assert_eq!((new.opens_on.to_string(), new.due_on.to_string()), ("2027-07-01".into(), "2027-07-11".into()));
        let all = keys(&app);
        assert_eq!(all.len(), 10);
        assert_eq!(all.first().map(String::as_str), Some("2025-Q1"));
        assert_eq!(all.last().map(String::as_str), Some("2027-Q2"));

        // Years live next to quarters, the year before its first quarter.
        let res = app.post_form(&mut browser, "/admin/periods", &[("from", "2025"), ("to", "2026"), ("due_days", "")]).await;
        assert_eq!(res.header("location"), Some("/admin/periods?created=2&kept=0"));
        assert_eq!(keys(&app)[..2], ["2025".to_string(), "2025-Q1".to_string()]);

        let page = app.get_with(&mut browser, "/admin/periods?created=2&kept=0").await;
        page.assert_status(200).assert_contains("2027-Q2").assert_contains("1 juli 2027").assert_contains("2 aangemaakt");
        let page = app.get_with(&mut browser, "/admin/periods").await;
        assert!(!page.body.contains("aangemaakt,"), "no notice without a creation");

        let log = app.with_conn(|c| audit::recent(c, 20)).unwrap();
        let created: Vec<_> = log.iter().filter(|e| e.action == "periods_created").collect();
        assert_eq!(created.len(), 3);
        assert_eq!(created[2].target, "2025-Q1..2026-Q4");
        assert_eq!(created[2].actor, admin.email);
        assert!(created[1].detail.starts_with("2 created, 4 kept"), "{}", created[1].detail);
    }

    async fn statuses_follow_the_calendar(app) {
        // Now is 23 November 2026: Q3 was due on 31 October, Q4 opens on 1 January.
        let admin = app.add_user("admin", None);
        let mut browser = app.sign_in_as(&admin).await;
        app.post_form(&mut browser, "/admin/periods", &[("from", "2026-Q3"), ("to", "2026-Q4"), ("due_days", "30")])
            .await
            .assert_status(303);
        let expect = |q3: &str, q4: &str| vec![("2026-Q3".to_string(), q3.to_string()), ("2026-Q4".to_string(), q4.to_string())];
        assert_eq!(statuses(&app).await, expect("overdue", "upcoming"));
        app.clock.advance(Duration::days(39)); // 1 January 2027
        assert_eq!(statuses(&app).await, expect("overdue", "open"));
        app.clock.advance(Duration::days(28)); // 29 January: Q3's last day for late figures (90 days)
        assert_eq!(statuses(&app).await, expect("overdue", "open"));
        app.clock.advance(Duration::days(2)); // 31 January: Q4's due date itself; Q3 closed
        assert_eq!(statuses(&app).await, expect("closed", "open"));
        app.clock.advance(Duration::days(1));
        assert_eq!(statuses(&app).await, expect("closed", "overdue"));

        let body = app.get("/api/v1/periods").await.json();
        let q4 = &body[1];
        assert_eq!(q4["kind"], "quarter");
        assert_eq!(q4["starts_on"], "2026-10-01");
        assert_eq!(q4["ends_on"], "2026-12-31");
        assert_eq!(q4["opens_on"], "2027-01-01");
        assert_eq!(q4["due_on"], "2027-01-31");

        // Seventy days on, the session has expired: sign in again.
        let mut browser = app.sign_in_as(&admin).await;
        let page = app.get_with(&mut browser, "/admin/periods").await;
        page.assert_status(200).assert_contains("Termijn verstreken").assert_contains("31 januari 2027");
    }

    async fn bad_input_is_refused_and_nothing_is_written(app) {
        let admin = app.add_user("admin", None);
        let mut browser = app.sign_in_as(&admin).await;
        let cases: &[(&str, &str, &str, &str)] = &[
            ("2025-Q5", "2025-Q4", "30", "Een kwartaal is Q1 tot en met Q4"),
            ("25", "2025-Q4", "30", "Schrijf een kwartaal als 2025-Q1"),
            ("2025", "2026-Q1", "30", "allebei kwartalen of allebei jaren"),
            ("2026-Q1", "2025-Q4", "30", "niet vóór de eerste liggen"),
            ("2025-Q1", "2025-Q4", "-3", "Vul een heel aantal dagen in"),
            ("2025-Q1", "2025-Q4", "veel", "Vul een heel aantal dagen in"),
            ("", "2025-Q4", "30", "Dit veld is verplicht"),
        ];
        for (from, to, due_days, message) in cases {
            let res =
                app.post_form(&mut browser, "/admin/periods", &[("from", from), ("to", to), ("due_days", due_days)]).await;
            res.assert_status(422).assert_contains(message).assert_contains("aria-invalid=\"true\"");
            assert!(res.body.contains(&format!("value=\"{due_days}\"")), "the form keeps what was typed");
        }
        assert!(keys(&app).is_empty());
        let log = app.with_conn(|c| audit::recent(c, 50)).unwrap();
        assert!(log.iter().all(|e| e.action != "periods_created"));
        assert_eq!(app.get("/api/v1/periods").await.json(), serde_json::json!([]));
    }
}

fn wise_monitor(args: &[&str]) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wise-monitor"));
    cmd.args(args).env("RUST_LOG", "error");
    for (key, _) in std::env::vars() {
        if key.starts_with("WISE_") {
            cmd.env_remove(key);
        }
    }
    let out = cmd.output().expect("run wise-monitor");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

fn cli_round(url: &str) {
    let run = |args: &[&str]| {
        let mut all = vec!["periods", "create", "--database-url", url];
        all.extend_from_slice(args);
        wise_monitor(&all)
    };
    let (code, stdout, stderr) = run(&["--from", "2025-Q1", "--to", "2026-Q4"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.trim(), "8 created, 0 kept");
    let (code, stdout, stderr) = run(&["--from", "2026-Q1", "--to", "2027-Q2", "--due-days", "45"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.trim(), "2 created, 4 kept");
    let (code, stdout, _) = run(&["--from", "2025", "--to", "2026"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.trim(), "2 created, 0 kept");

    for (args, needle) in [
        (&["--from", "2025-Q5", "--to", "2025-Q4"][..], "--from: A quarter is Q1 to Q4"),
        (&["--from", "2025", "--to", "2026-Q1"][..], "--to: The first and last period must both be quarters"),
        (&["--from", "2026", "--to", "2025"][..], "--to: The last period may not come before the first"),
        (&["--from", "2025", "--to", "2025", "--due-days", "x"][..], "--due-days: Enter a whole number"),
    ] {
        let (code, stdout, stderr) = run(args);
        assert_ne!(code, 0, "{args:?} must fail");
        assert!(stdout.is_empty(), "{stdout}");
        let lines: Vec<_> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 1, "one line, got:\n{stderr}");
        assert!(lines[0].contains(needle), "{needle:?} not in {:?}", lines[0]);
    }
}

#[test]
fn the_command_creates_periods_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("wise.db").display());
    cli_round(&url);
    let pool = wise_monitor::db::open_pool(&url, 1, 1000).unwrap();
    let mut conn = pool.get().unwrap();
    let all = periods::list(&mut conn).unwrap();
    assert_eq!(all.len(), 12);
    let q2 = all.iter().find(|p| p.key == "2027-Q2").unwrap();
    assert_eq!(q2.due_on.to_string(), "2027-08-15");
    let log = audit::recent(&mut conn, 10).unwrap();
    assert_eq!(log.iter().filter(|e| e.action == "periods_created" && e.actor == "system").count(), 3);
}

#[test]
fn the_command_creates_periods_on_postgresql() {
    if !crate::support::postgres_available("periods::the_command_creates_periods_on_postgresql") {
        return;
    }
    let app = actix_web::rt::System::new()
        .block_on(crate::support::TestApp::builder().build(crate::support::Backend::Postgres));
    let url = app.state.config.database.url.clone();
    cli_round(&url);
    assert_eq!(keys(&app).len(), 12);
}
