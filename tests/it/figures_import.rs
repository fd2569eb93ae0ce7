//! `import figures` (SPEC §4): the API (`POST /api/v1/figures`, CSV and JSON), the
//! operator's page `/admin/figures/import` and the command line. All or nothing, every
//! error by line (or row) and column; re-importing changes only what changed.

use std::process::Command;

use actix_web::test::TestRequest;
use diesel::prelude::*;
use serde_json::json;
use wise_monitor::db::schema::{audit_log, submission_events, submission_revisions, submissions as subs};
use wise_monitor::db::{self, DbConn};
use wise_monitor::figures::import::{self, Context, Rejected, Writer};
use wise_monitor::figures::periods;
use wise_monitor::figures::submissions::{self, Source};
use wise_monitor::organisation::model::OrganisationInput;
use wise_monitor::organisation::store as org_store;

use crate::backend_tests;
use crate::support::{test_now, Browser, Response, TestApp};

const HEADER: &str = "kvk_number,period,paid_target_group,paid_regular,trainees,daytime_activities,volunteers,\
                      new_participants,moved_to_paid_internal,moved_to_paid_external,moved_to_education,other_exits";

/// The own WISE's figures for 2026-Q3 (open), and the other WISE's for 2026-Q2 (closed).
const OWN_Q3: &str = "11111111,2026-Q3,20,5,8,4,3,6,2,3,1,2";
const OTHER_Q2: &str = "22222222,2026-Q2,7,2,1,0,0,1,0,1,0,0";

fn csv(rows: &[&str]) -> String {
    let mut text = format!("{HEADER}\n");
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text
}

/// Two approved WISEs (11111111 and 22222222) and the quarters of 2026: on the test's
/// day (2026-11-23) Q1 and Q2 are closed, Q3 is past its due date but still takes
/// figures, Q4 has not opened. Returns the WISEs' ids.
fn setup(app: &TestApp) -> (i32, i32) {
    app.with_conn(world)
}

fn world(c: &mut DbConn) -> (i32, i32) {
    let now = db::timestamp(test_now());
    let wise = |kvk: &str, name: &str| OrganisationInput {
        kvk_number: kvk.into(),
        name: name.into(),
        municipality: "Amsterdam".into(),
        sectors: vec!["catering".into()],
        ..Default::default()
    };
    let own = org_store::create_organisation(c, &wise("11111111", "Eigen Keuken"), "approved", now).unwrap();
    let other = org_store::create_organisation(c, &wise("22222222", "Andere Keuken"), "approved", now).unwrap();
    let quarters = periods::validate_range("2026-Q1", "2026-Q4", "30").unwrap();
    periods::create_range(c, &quarters, now).unwrap();
    (own, other)
}

/// A user of `role` (of the WISE `organisation`) and an API token of theirs.
fn token(app: &TestApp, role: &str, organisation: Option<i32>) -> (i32, String) {
    let user = app.add_user(role, organisation);
    let now = db::timestamp(test_now());
    let token = app
        .with_conn(|c| wise_monitor::accounts::create_token_audited(c, user.id, &user.email, "t", None, now))
        .unwrap();
    (user.id, token)
}

async fn post_api(app: &TestApp, token: Option<&str>, content_type: &str, body: impl Into<Vec<u8>>) -> Response {
    let mut request = TestRequest::post()
        .uri("/api/v1/figures")
        .insert_header(("Content-Type", content_type))
        .set_payload(body.into());
    if let Some(token) = token {
        request = request.insert_header(("Authorization", format!("Bearer {token}")));
    }
    app.send(request).await
}

/// Submissions, revisions, events and import audit entries: what an import may write.
fn counts(app: &TestApp) -> [i64; 4] {
    app.with_conn(|c| {
        [
            subs::table.count().get_result(c).unwrap(),
            submission_revisions::table.count().get_result(c).unwrap(),
            submission_events::table.count().get_result(c).unwrap(),
            audit_log::table.filter(audit_log::action.eq("figures_imported")).count().get_result(c).unwrap(),
        ]
    })
}

/// (line or row, column, message) of every error in a 422 answer.
fn details(res: &Response, key: &str) -> Vec<(u64, String, String)> {
    res.assert_status(422);
    let json = res.json();
    assert_eq!(json["error"], "invalid_figures", "{json}");
    assert!(json["message"].as_str().unwrap().contains("nothing was imported"), "{json}");
    json["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let n = d[key].as_u64().unwrap_or_else(|| panic!("no {key} in {d}"));
            (n, d["column"].as_str().unwrap().to_string(), d["message"].as_str().unwrap().to_string())
        })
        .collect()
}

fn result(res: &Response) -> (u64, u64, u64) {
    res.assert_status(200);
    let json = res.json();
    (json["created"].as_u64().unwrap(), json["revised"].as_u64().unwrap(), json["unchanged"].as_u64().unwrap())
}

/// The newest figures of a (WISE, period) and the number of revisions.
fn newest(app: &TestApp, organisation: i32, period: &str) -> Option<(submissions::Revision, usize)> {
    app.with_conn(|c| {
        let period = periods::find(c, period).unwrap().unwrap();
        let submission = submissions::find(c, organisation, period.id).unwrap()?;
        let history = submissions::history(c, submission.id).unwrap();
        let count = history.len();
        history.into_iter().last().map(|r| (r, count))
    })
}

/// The operator, signed in, with the import page open.
async fn operator(app: &TestApp) -> Browser {
    let admin = app.add_user("admin", None);
    let mut browser = app.sign_in_as(&admin).await;
    app.get_with(&mut browser, "/admin/figures/import").await.assert_status(200);
    browser
}

/// Sends the page's own form: `multipart/form-data` with a file (and an empty text box).
async fn upload_file(app: &TestApp, browser: &mut Browser, name: &str, content: &[u8]) -> Response {
    let csrf = browser.csrf.clone();
    app.post_file(browser, "/admin/figures/import", &csrf, name, content).await
}

/// Every kind of bad input of the issue, with the (line, column) it must be named by
/// and a piece of the English message.
fn bad_files() -> Vec<(&'static str, String, u64, &'static str, &'static str)> {
    let row_with = |column: usize, value: &str| {
        let mut cells: Vec<String> = OWN_Q3.split(',').map(str::to_string).collect();
        cells[column] = value.to_string();
        cells.join(",")
    };
    vec![
        ("negative count", csv(&[OTHER_Q2, &row_with(4, "-3")]), 3, "trainees", "whole number of 0 or more"),
        ("fractional count", csv(&[OTHER_Q2, &row_with(2, "2.5")]), 3, "paid_target_group", "whole number"),
        ("text in a number field", csv(&[&row_with(11, "twee")]), 2, "other_exits", "whole number"),
        ("unknown KvK number", csv(&[&row_with(0, "99999999")]), 2, "kvk_number", "no enterprise with this KvK"),
        ("malformed KvK number", csv(&[&row_with(0, "1111111")]), 2, "kvk_number", "exactly 8 digits"),
        ("unknown period", csv(&[&row_with(1, "2030-Q1")]), 2, "period", "period does not exist"),
        ("malformed period", csv(&[&row_with(1, "2026-Q7")]), 2, "period", "Q1 to Q4"),
        ("duplicated (KvK, period)", csv(&[OWN_Q3, OTHER_Q2, &row_with(2, "21")]), 4, "period", "earlier in the file"),
        ("unknown column", format!("{HEADER},colour\n{OWN_Q3},blue\n"), 1, "colour", "column is unknown"),
        (
            "missing column",
            format!("{}\n11111111,2026-Q3,20,5,8,4,3,6,2,3,1\n", HEADER.trim_end_matches(",other_exits")),
            1,
            "other_exits",
            "required column is missing",
        ),
        ("empty file", String::new(), 1, "", "The file is empty"),
        ("header only", csv(&[]), 2, "", "no figures"),
        ("another delimiter on one line", csv(&[OTHER_Q2, &OWN_Q3.replace(',', ";")]), 3, "period", "fewer fields"),
        ("too many fields", csv(&[&format!("{OWN_Q3},9")]), 2, "13", "more fields"),
        (
            "breakdown over its total",
            format!("{HEADER},tg_mental_health\n{OWN_Q3},33\n"),
            2,
            "tg_mental_health",
            "breakdown",
        ),
    ]
}

backend_tests! {
    async fn the_api_imports_csv_and_a_second_import_changes_nothing(app) {
        let (own, other) = setup(&app);
        let (admin, token) = token(&app, "admin", None);
        let file = csv(&[OWN_Q3, OTHER_Q2]);
        let res = post_api(&app, Some(&token), "text/csv; charset=utf-8", file.clone()).await;
        assert_eq!(result(&res), (2, 0, 0), "{}", res.body);
        assert_eq!(res.json()["warnings"], json!([]));
        let (revision, count) = newest(&app, own, "2026-Q3").unwrap();
        assert_eq!((revision.figures.stock("paid_target_group"), count), (20, 1));
        assert_eq!((revision.source.as_str(), revision.created_by), ("api", Some(admin)));
        let submission = app.with_conn(|c| {
            let period = periods::find(c, "2026-Q2").unwrap().unwrap();
            submissions::find(c, other, period.id).unwrap().unwrap()
        });
        assert_eq!(submission.status, "submitted", "the operator may write a closed period");
        let before = counts(&app);

        // The same file again: nothing new but the audit entry.
        let res = post_api(&app, Some(&token), "text/csv", file).await;
        assert_eq!(result(&res), (0, 0, 2));
        let after = counts(&app);
        assert_eq!(after[..3], before[..3], "no submission, revision or event");
        assert_eq!(after[3], before[3] + 1, "one audit entry per import");

        // One value changed: a new revision of that submission only.
        let changed = OWN_Q3.replacen(",20,", ",21,", 1);
        let res = post_api(&app, Some(&token), "text/csv", csv(&[OTHER_Q2, &changed])).await;
        assert_eq!(result(&res), (0, 1, 1));
        let (revision, count) = newest(&app, own, "2026-Q3").unwrap();
        assert_eq!((revision.figures.stock("paid_target_group"), count), (21, 2));
        assert_eq!(newest(&app, other, "2026-Q2").unwrap().1, 1);

        let details: Vec<String> = app.with_conn(|c| {
            audit_log::table
                .filter(audit_log::action.eq("figures_imported"))
                .order(audit_log::id)
                .select(audit_log::detail)
                .load(c)
        }).unwrap();
        assert_eq!(details, ["2 created, 0 revised, 0 unchanged", "0 created, 0 revised, 2 unchanged", "0 created, 1 revised, 1 unchanged"]);
    }

    async fn every_bad_input_is_named_by_line_and_column_and_nothing_is_written(app) {
        setup(&app);
        let (_, token) = token(&app, "admin", None);
        // Something to leave alone.
        assert_eq!(result(&post_api(&app, Some(&token), "text/csv", csv(&[OWN_Q3])).await), (1, 0, 0));
        let before = counts(&app);
        for (case, file, line, column, message) in bad_files() {
            let res = post_api(&app, Some(&token), "text/csv", file).await;
            let errors = details(&res, "line");
            assert!(
                errors.iter().any(|(l, c, m)| *l == line && c == column && m.contains(message)),
                "{case}: expected line {line}, column {column:?}, {message:?} in {errors:?}"
            );
            assert_eq!(counts(&app), before, "{case}: nothing is written");
        }
    }

    async fn oversized_uploads_are_refused_on_the_page_and_the_api(app) {
        setup(&app);
        let (_, token) = token(&app, "admin", None);
        let mut huge = csv(&[OWN_Q3]).into_bytes();
        huge.resize(5 * 1024 * 1024 + 1, b'\n');
        let res = post_api(&app, Some(&token), "text/csv", huge.clone()).await;
        res.assert_status(413);
        assert_eq!(res.json()["error"], "payload_too_large");
        let mut browser = operator(&app).await;
        upload_file(&app, &mut browser, "huge.csv", &huge).await.assert_status(413).assert_contains("hoogstens 5 MB");
        assert_eq!(counts(&app), [0; 4]);
        // Exactly at the limit is read (and here imported: the padding is blank lines).
        huge.truncate(5 * 1024 * 1024);
        assert_eq!(result(&post_api(&app, Some(&token), "text/csv", huge).await), (1, 0, 0));
    }

    async fn wise_tokens_write_only_their_own_wises_in_periods_that_take_figures(app) {
        let (own, other) = setup(&app);
        let (_, wise) = token(&app, "wise", Some(own));
        assert_eq!(result(&post_api(&app, Some(&wise), "text/csv", csv(&[OWN_Q3])).await), (1, 0, 0));
        let before = counts(&app);

        // One row for another WISE refuses the whole request, the own row included.
        let changed = OWN_Q3.replacen(",20,", ",25,", 1);
        let mixed = csv(&[&changed, "22222222,2026-Q3,7,2,1,0,0,1,0,1,0,0"]);
        let res = post_api(&app, Some(&wise), "text/csv", mixed).await;
        res.assert_status(403);
        assert_eq!(res.json()["error"], "forbidden");
        assert_eq!(counts(&app), before, "nothing written");
        assert_eq!(newest(&app, own, "2026-Q3").unwrap().0.figures.stock("paid_target_group"), 20);
        assert!(newest(&app, other, "2026-Q3").is_none());
        let refused: i64 = app.with_conn(|c| {
            audit_log::table.filter(audit_log::action.eq("authorization_refused")).count().get_result(c)
        }).unwrap();
        assert_eq!(refused, 1, "the refusal is audited");
        // An unknown WISE is not the user's either.
        post_api(&app, Some(&wise), "text/csv", csv(&["99999999,2026-Q3,1,0,0,0,0,0,0,0,0,0"])).await.assert_status(403);

        // Closed and not yet opened periods are errors for a WISE (not for the operator).
        let closed = csv(&[&OWN_Q3.replace("2026-Q3", "2026-Q2"), &OWN_Q3.replace("2026-Q3", "2026-Q4")]);
        let errors = details(&post_api(&app, Some(&wise), "text/csv", closed.clone()).await, "line");
        let named: Vec<(u64, &str)> = errors.iter().map(|(l, c, _)| (*l, c.as_str())).collect();
        assert_eq!(named, [(2, "period"), (3, "period")]);
        assert!(errors[0].2.contains("does not take figures"), "{errors:?}");
        assert_eq!(counts(&app), before);
        let (_, admin) = token(&app, "admin", None);
        assert_eq!(result(&post_api(&app, Some(&admin), "text/csv", closed).await), (2, 0, 0));

        // Other roles and no token.
        for role in ["buyer", "city"] {
            let (_, other_role) = token(&app, role, None);
            post_api(&app, Some(&other_role), "text/csv", csv(&[OWN_Q3])).await.assert_status(403);
        }
        let res = post_api(&app, None, "text/csv", csv(&[OWN_Q3])).await;
        res.assert_status(401);
        assert_eq!(res.json()["error"], "unauthorized");
        post_api(&app, Some("not-a-token"), "text/csv", csv(&[OWN_Q3])).await.assert_status(401);
    }

    async fn json_bodies_are_rows_and_errors_name_the_row(app) {
        let (own, _) = setup(&app);
        let (_, token) = token(&app, "admin", None);
        let body = json!([
            {"kvk_number": "11111111", "period": "2026-Q3", "paid_target_group": 20, "paid_regular": 5,
             "trainees": 8, "daytime_activities": 4, "volunteers": 3, "new_participants": 6,
             "moved_to_paid_internal": 2, "moved_to_paid_external": 3, "moved_to_education": 1, "other_exits": 2,
             "fte_target_group": 14.5, "turnover_eur": "125000", "tg_mental_health": 12},
            {"kvk_number": "22222222", "period": "2026", "paid_target_group": "7", "paid_regular": 2,
             "trainees": 1, "daytime_activities": 0, "volunteers": 0, "new_participants": 1,
             "moved_to_paid_internal": 0, "moved_to_paid_external": 1, "moved_to_education": 0, "other_exits": 0},
        ]);
        // The year 2026 does not exist (only its quarters): row 2.
        let errors = details(&post_api(&app, Some(&token), "application/json", body.to_string()).await, "row");
        assert_eq!(errors, [(2, "period".to_string(), "This reporting period does not exist. The operator creates periods on the periods page.".to_string())]);
        assert_eq!(counts(&app), [0; 4]);

        let mut body = body;
        body[1]["period"] = json!("2026-Q2");
        let res = post_api(&app, Some(&token), "application/json", body.to_string()).await;
        assert_eq!(result(&res), (2, 0, 0), "{}", res.body);
        let figures = newest(&app, own, "2026-Q3").unwrap().0.figures;
        assert_eq!((figures.fte_target_group_hundredths, figures.turnover_eur), (Some(1450), Some(125000)));
        assert_eq!(figures.target_groups.get("mental_health"), Some(&12));
        assert_eq!(result(&post_api(&app, Some(&token), "application/json", body.to_string()).await), (0, 0, 2));

        // Bad values name their row and column; nothing is written.
        let before = counts(&app);
        body[0]["trainees"] = json!(-1);
        body[1]["volunteers"] = json!(1.5);
        body[1]["colour"] = json!("blue");
        let errors = details(&post_api(&app, Some(&token), "application/json", body.to_string()).await, "row");
        let named: Vec<(u64, &str)> = errors.iter().map(|(r, c, _)| (*r, c.as_str())).collect();
        assert_eq!(named, [(1, "trainees"), (2, "colour"), (2, "volunteers")]);
        assert_eq!(counts(&app), before);

        // Not an array, another media type.
        let res = post_api(&app, Some(&token), "application/json", "{\"kvk_number\": \"11111111\"}").await;
        res.assert_status(400);
        assert_eq!(res.json()["error"], "bad_request");
        let res = post_api(&app, Some(&token), "application/xml", "<figures/>").await;
        res.assert_status(415);
        let json = res.json();
        assert_eq!(json["error"], "unsupported_media_type");
        assert!(json["message"].as_str().unwrap().contains("text/csv or application/json"), "{json}");
        assert_eq!(counts(&app), before);
    }

    async fn warnings_do_not_stop_an_import_and_are_listed(app) {
        setup(&app);
        let (_, token) = token(&app, "admin", None);
        // Forty people moved into paid work internally, with only fifteen unpaid and six new.
        let unlikely = OWN_Q3.replacen(",6,2,", ",6,40,", 1);
        let res = post_api(&app, Some(&token), "text/csv", csv(&[OTHER_Q2, &unlikely])).await;
        assert_eq!(result(&res), (2, 0, 0));
        let warnings = res.json()["warnings"].clone();
        assert_eq!(warnings.as_array().unwrap().len(), 1, "{warnings}");
        assert_eq!(warnings[0]["line"], 3);
        assert_eq!(warnings[0]["kvk_number"], "11111111");
        assert_eq!(warnings[0]["period"], "2026-Q3");
        assert_eq!(warnings[0]["column"], "moved_to_paid_internal");
        assert!(warnings[0]["message"].as_str().unwrap().contains("Is this right?"), "{warnings}");

        let mut browser = operator(&app).await;
        let changed = unlikely.replacen(",20,", ",21,", 1);
        app.post_form(&mut browser, "/admin/figures/import", &[("csv", &csv(&[&changed]))]).await
            .assert_status(200)
            .assert_contains("Cijfers geïmporteerd: 0 nieuw, 1 gecorrigeerd (nieuwe versie), 0 ongewijzigd.")
            .assert_contains("Controleer deze waarden")
            .assert_contains("<td><code>moved_to_paid_internal</code></td><td>Er stroomden meer mensen intern door");
    }

    async fn the_operator_page_imports_files_and_lists_every_error(app) {
        let (own, _) = setup(&app);
        let mut browser = operator(&app).await;
        let page = app.get_with(&mut browser, "/admin/figures/import").await;
        page.assert_status(200)
            .assert_contains("<h1>Cijfers importeren</h1>")
            .assert_contains("<code>moved_to_paid_external</code>")
            .assert_contains("<code>tg_mental_health</code>");
        app.get_with(&mut browser, "/admin/periods").await.assert_contains("href=\"/admin/figures/import\"");
        app.get_with(&mut browser, "/admin/organisations").await.assert_contains("href=\"/admin/figures/import\"");

        // A semicolon file with a BOM and CRLF, whose line 3 has a negative count and line 4 an unknown WISE.
        let bad = format!(
            "\u{feff}{}\r\n{}\r\n{}\r\n{}\r\n",
            HEADER.replace(',', ";"),
            OTHER_Q2.replace(',', ";"),
            OWN_Q3.replace(',', ";").replacen(";8;", ";-8;", 1),
            OWN_Q3.replace(',', ";").replace("11111111", "99999999"),
        );
        upload_file(&app, &mut browser, "cijfers.csv", bad.as_bytes()).await
            .assert_status(422)
            .assert_contains("2 fouten: er is niets geïmporteerd")
            .assert_contains("<tr><td>3</td><td><code>trainees</code></td><td>Vul een heel getal in van 0 of meer.</td></tr>")
            .assert_contains("<tr><td>4</td><td><code>kvk_number</code></td><td>Er is geen onderneming met dit KvK-nummer.</td></tr>");
        assert_eq!(counts(&app), [0; 4]);

        let good = bad.replacen(";-8;", ";8;", 1).replace("99999999", "11111111").replacen("2026-Q3", "2026-Q1", 1);
        upload_file(&app, &mut browser, "cijfers.csv", good.as_bytes()).await
            .assert_status(200)
            .assert_contains("Cijfers geïmporteerd: 3 nieuw, 0 gecorrigeerd (nieuwe versie), 0 ongewijzigd.");
        assert!(newest(&app, own, "2026-Q1").is_some() && newest(&app, own, "2026-Q3").is_some());
        let (actor, target, detail): (String, String, String) = app.with_conn(|c| {
            audit_log::table
                .filter(audit_log::action.eq("figures_imported"))
                .select((audit_log::actor, audit_log::target, audit_log::detail))
                .first(c)
        }).unwrap();
        assert!(actor.starts_with("admin"), "the operator is the actor: {actor}");
        assert_eq!((target.as_str(), detail.as_str()), ("cijfers.csv", "3 created, 0 revised, 0 unchanged"));

        // Nothing to import, a wrong CSRF token.
        app.post_form(&mut browser, "/admin/figures/import", &[("csv", " ")]).await
            .assert_status(422)
            .assert_contains("Kies een CSV-bestand of plak de CSV-tekst.");
        let mut wrong = browser.clone();
        wrong.csrf = "f".repeat(64);
        upload_file(&app, &mut wrong, "cijfers.csv", good.as_bytes()).await.assert_status(403);

        // In English too.
        let mut english = browser.clone();
        app.post_form(&mut english, "/language", &[("lang", "en"), ("next", "/admin/figures/import")]).await.assert_status(303);
        app.post_form(&mut english, "/admin/figures/import", &[("csv", &csv(&[&OWN_Q3.replace("2026-Q3", "2031-Q1")]))]).await
            .assert_status(422)
            .assert_contains("One error: nothing was imported")
            .assert_contains("<tr><td>2</td><td><code>period</code></td><td>This reporting period does not exist.");
    }

    async fn the_api_is_in_the_openapi_document(app) {
        let doc = app.get("/api/v1/openapi.json").await.json();
        let post = &doc["paths"]["/api/v1/figures"]["post"];
        assert!(post.is_object(), "POST /api/v1/figures is documented");
        let content = &post["requestBody"]["content"];
        assert!(content["text/csv"].is_object() && content["application/json"].is_object(), "{content}");
        for status in ["200", "401", "403", "413", "415", "422"] {
            assert!(post["responses"][status].is_object(), "{status} is documented");
        }
        assert_eq!(post["security"], json!([{"bearer": []}]));
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

#[test]
fn the_command_imports_figures_or_names_every_error_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("wise.db").display());
    let pool = db::open_pool(&url, 1, 5000).unwrap();
    {
        let mut conn = pool.get().unwrap();
        db::migrate(&mut conn).unwrap();
        world(&mut conn);
    }
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    let bad =
        write("bad.csv", &csv(&[OTHER_Q2, &OWN_Q3.replacen(",8,", ",8.5,", 1), &OWN_Q3.replace("2026-Q3", "2031-Q1")]));
    let (code, stdout, stderr) = wise_monitor(&["import", "figures", &bad, "--database-url", &url]);
    assert_ne!(code, 0, "a bad file fails the command");
    assert!(stdout.is_empty(), "{stdout}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines[0], format!("{bad}:3: column trainees: Enter a whole number of 0 or more."), "{stderr}");
    assert!(
        lines[1].starts_with(&format!("{bad}:4: column period: This reporting period does not exist.")),
        "{stderr}"
    );
    assert!(lines[2].contains("2 error(s); nothing was imported"), "{stderr}");
    assert_eq!(lines.len(), 3, "{stderr}");

    // The operator may write a closed period; an unlikely value is a warning, not an error.
    let good = write("good.csv", &csv(&[OTHER_Q2, &OWN_Q3.replacen(",6,2,", ",6,40,", 1)]));
    let (code, stdout, stderr) = wise_monitor(&["import", "figures", &good, "--database-url", &url]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.trim(), "figures imported: 2 created, 0 revised, 0 unchanged", "the bad file wrote nothing");
    assert!(stderr.starts_with(&format!("{good}:3: column moved_to_paid_internal: warning: ")), "{stderr}");
    let (code, stdout, _) = wise_monitor(&["import", "figures", &good, "--database-url", &url]);
    assert_eq!(code, 0);
    assert_eq!(stdout.trim(), "figures imported: 0 created, 0 revised, 2 unchanged");

    let mut conn = pool.get().unwrap();
    let sources: Vec<(String, Option<i32>)> = submission_revisions::table
        .select((submission_revisions::source, submission_revisions::created_by))
        .load(&mut conn)
        .unwrap();
    assert_eq!(sources, [("import".to_string(), None), ("import".to_string(), None)]);
    let actors: Vec<String> = audit_log::table
        .filter(audit_log::action.eq("figures_imported"))
        .select(audit_log::actor)
        .load(&mut conn)
        .unwrap();
    assert_eq!(actors, ["system", "system"]);

    let missing = dir.path().join("missing.csv");
    let (code, _, stderr) = wise_monitor(&["import", "figures", missing.to_str().unwrap(), "--database-url", &url]);
    assert_ne!(code, 0);
    assert!(stderr.contains("cannot read") && stderr.contains("missing.csv"), "{stderr}");
}

// ---------------------------------------------------------------------------
// Properties, on SQLite: re-importing is a no-op, and a bad file changes nothing.

mod properties {
    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use wise_monitor::figures::values::{Figures, FLOWS, STOCKS};

    use super::*;

    const KVKS: [&str; 3] = ["11111111", "22222222", "33333333"];
    const PERIODS: [&str; 4] = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];

    /// A fresh SQLite database with [`KVKS`] and [`PERIODS`].
    fn database() -> (tempfile::TempDir, db::Pool) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("p.db").display());
        let pool = db::open_pool(&url, 1, 5000).unwrap();
        let mut conn = pool.get().unwrap();
        db::migrate(&mut conn).unwrap();
        world(&mut conn);
        let input = OrganisationInput {
            kvk_number: KVKS[2].into(),
            name: "Derde Werkplaats".into(),
            municipality: "Zaandam".into(),
            sectors: vec!["other".into()],
            ..Default::default()
        };
        org_store::create_organisation(&mut conn, &input, "approved", db::timestamp(test_now())).unwrap();
        drop(conn);
        (dir, pool)
    }

    /// One generated row: which WISE and period, and its cells after the two keys.
    #[derive(Debug, Clone)]
    struct GenRow {
        kvk: usize,
        period: usize,
        counts: [u32; 10],
        fte: Option<u32>,
        turnover: Option<u32>,
        tg: Option<u32>,
    }

    impl GenRow {
        /// The cells in the order of [`columns`].
        fn cells(&self) -> Vec<String> {
            let mut cells = vec![KVKS[self.kvk].to_string(), PERIODS[self.period].to_string()];
            cells.extend(self.counts.iter().map(u32::to_string));
            cells.push(self.fte.map_or(String::new(), |h| format!("{}.{:02}", h / 100, h % 100)));
            cells.push(self.turnover.map_or(String::new(), |t| t.to_string()));
            // The breakdown stays within paid_target_group + trainees + daytime_activities.
            let ceiling = self.counts[0] + self.counts[2] + self.counts[3];
            cells.push(self.tg.map_or(String::new(), |t| (t % (ceiling + 1)).to_string()));
            cells
        }
    }

    fn columns() -> Vec<String> {
        let mut columns: Vec<String> = ["kvk_number", "period"].iter().map(|c| c.to_string()).collect();
        columns.extend(STOCKS.iter().chain(FLOWS.iter()).map(|c| c.to_string()));
        columns.extend(["fte_target_group", "turnover_eur", "tg_mental_health"].map(String::from));
        columns
    }

    /// How a file is written: delimiter, BOM, CRLF, and the order of the columns.
    #[derive(Debug, Clone)]
    struct Style {
        semicolon: bool,
        bom: bool,
        crlf: bool,
        order: Vec<usize>,
    }

    fn render(style: &Style, rows: &[Vec<String>]) -> String {
        let (sep, end) = (if style.semicolon { ";" } else { "," }, if style.crlf { "\r\n" } else { "\n" });
        let names = columns();
        let pick = |cells: &[String]| style.order.iter().map(|i| cells[*i].clone()).collect::<Vec<_>>().join(sep);
        let mut text = if style.bom { "\u{feff}".to_string() } else { String::new() };
        text.push_str(&pick(&names));
        text.push_str(end);
        for row in rows {
            text.push_str(&pick(row));
            text.push_str(end);
        }
        text
    }

    fn gen_row() -> impl Strategy<Value = GenRow> {
        (
            proptest::array::uniform10(0u32..60),
            proptest::option::of(0u32..10_000),
            proptest::option::of(0u32..2_000_000),
            proptest::option::of(0u32..200),
        )
            .prop_map(|(counts, fte, turnover, tg)| GenRow { kvk: 0, period: 0, counts, fte, turnover, tg })
    }

    /// 1 to 12 rows, each for another (WISE, period).
    fn gen_rows() -> impl Strategy<Value = Vec<GenRow>> {
        let pairs: Vec<(usize, usize)> =
            (0..KVKS.len()).flat_map(|k| (0..PERIODS.len()).map(move |p| (k, p))).collect();
        (proptest::sample::subsequence(pairs, 1..=12).prop_shuffle(), proptest::collection::vec(gen_row(), 12))
            .prop_map(|(pairs, rows)| {
                pairs.into_iter().zip(rows).map(|((kvk, period), row)| GenRow { kvk, period, ..row }).collect()
            })
    }

    fn gen_style() -> impl Strategy<Value = Style> {
        let order: Vec<usize> = (0..columns().len()).collect();
        (any::<bool>(), any::<bool>(), any::<bool>(), Just(order).prop_shuffle())
            .prop_map(|(semicolon, bom, crlf, order)| Style { semicolon, bom, crlf, order })
    }

    fn context() -> Context {
        let now = db::timestamp(test_now());
        Context {
            writer: Writer::Operator,
            user: None,
            source: Source::Import,
            now,
            today: now.date(),
            closes_after_days: 90,
        }
    }

    fn run(pool: &db::Pool, text: &str) -> Result<import::Imported, Rejected> {
        let mut conn = pool.get().unwrap();
        import::import(&mut conn, import::parse_csv(text.as_bytes()), &context()).unwrap()
    }

    /// Every submission with its status, every revision, every event and audit entry.
    type State = (Vec<(i32, i32, String, Vec<submissions::Revision>)>, i64, i64);

    fn state(pool: &db::Pool) -> State {
        let mut conn = pool.get().unwrap();
        let rows: Vec<(i32, i32, i32, String)> = subs::table
            .order(subs::id)
            .select((subs::id, subs::organisation_id, subs::period_id, subs::status))
            .load(&mut conn)
            .unwrap();
        let submissions = rows
            .into_iter()
            .map(|(id, org, period, status)| (org, period, status, submissions::history(&mut conn, id).unwrap()))
            .collect();
        let events = submission_events::table.count().get_result(&mut conn).unwrap();
        let audit = audit_log::table.count().get_result(&mut conn).unwrap();
        (submissions, events, audit)
    }

    /// The newest figures per (WISE, period).
    fn newest_figures(pool: &db::Pool) -> BTreeMap<(i32, i32), Figures> {
        state(pool)
            .0
            .into_iter()
            .map(|(org, period, _, history)| ((org, period), history.last().unwrap().figures.clone()))
            .collect()
    }

    /// A way to spoil one row.
    #[derive(Debug, Clone, Copy)]
    enum Fault {
        Negative,
        Fraction,
        Text,
        Empty,
        UnknownKvk,
        MalformedKvk,
        UnknownPeriod,
        Duplicate,
        OtherDelimiter,
        ExtraField,
        BreakdownOverTotal,
    }

    fn gen_fault() -> impl Strategy<Value = Fault> {
        use Fault::*;
        proptest::sample::select(vec![
            Negative,
            Fraction,
            Text,
            Empty,
            UnknownKvk,
            MalformedKvk,
            UnknownPeriod,
            Duplicate,
            OtherDelimiter,
            ExtraField,
            BreakdownOverTotal,
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 16, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn importing_a_valid_file_twice_changes_nothing_the_second_time(rows in gen_rows(), style in gen_style()) {
            let (_dir, pool) = database();
            let cells: Vec<Vec<String>> = rows.iter().map(GenRow::cells).collect();
            let text = render(&style, &cells);
            let first = run(&pool, &text).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
            prop_assert_eq!((first.created, first.revised, first.unchanged), (rows.len(), 0, 0));
            let after_first = newest_figures(&pool);
            prop_assert_eq!(after_first.len(), rows.len());
            let second = run(&pool, &text).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            prop_assert_eq!((second.created, second.revised, second.unchanged), (0, 0, rows.len()));
            prop_assert_eq!(newest_figures(&pool), after_first);
        }

        #[test]
        fn a_file_with_one_bad_row_changes_nothing(
            base in gen_rows(),
            rows in gen_rows(),
            style in gen_style(),
            victim in any::<proptest::sample::Index>(),
            column in 2usize..12,
            fault in gen_fault(),
        ) {
            let (_dir, pool) = database();
            let base_cells: Vec<Vec<String>> = base.iter().map(GenRow::cells).collect();
            run(&pool, &render(&style, &base_cells)).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
            let before = state(&pool);

            let mut cells: Vec<Vec<String>> = rows.iter().map(GenRow::cells).collect();
            let i = victim.index(cells.len());
            // The file line the fault is on: the header is line 1.
            let mut line = i as u64 + 2;
            let mut text = None;
            match fault {
                Fault::Negative => cells[i][column] = "-1".into(),
                Fault::Fraction => cells[i][column] = "2.5".into(),
                Fault::Text => cells[i][column] = "veel".into(),
                Fault::Empty => cells[i][column] = String::new(),
                Fault::UnknownKvk => cells[i][0] = "99999999".into(),
                Fault::MalformedKvk => cells[i][0] = "1234".into(),
                Fault::UnknownPeriod => cells[i][1] = "2031-Q2".into(),
                Fault::Duplicate => {
                    let copy = cells[i].clone();
                    cells.push(copy);
                    line = cells.len() as u64 + 1;
                }
                Fault::BreakdownOverTotal => {
                    let total: u32 = [2, 4, 5].iter().map(|c| cells[i][*c].parse::<u32>().unwrap()).sum();
                    let tg = columns().iter().position(|c| c == "tg_mental_health").unwrap();
                    cells[i][tg] = (total + 1).to_string();
                }
                Fault::OtherDelimiter | Fault::ExtraField => {
                    let mut rendered = render(&style, &cells);
                    let end = if style.crlf { "\r\n" } else { "\n" };
                    let mut lines: Vec<String> = rendered.split(end).map(str::to_string).collect();
                    let (sep, other) = if style.semicolon { (';', ',') } else { (',', ';') };
                    let target = &mut lines[i + 1];
                    *target = match fault {
                        Fault::OtherDelimiter => target.replace(sep, &other.to_string()),
                        _ => format!("{target}{sep}1"),
                    };
                    rendered = lines.join(end);
                    text = Some(rendered);
                }
            }
            let text = text.unwrap_or_else(|| render(&style, &cells));
            match run(&pool, &text) {
                Err(Rejected::Invalid(errors)) => {
                    prop_assert!(errors.iter().any(|e| e.line == line), "no error on line {}: {:?}\n{}", line, errors, text);
                }
                other => prop_assert!(false, "{:?} was not rejected: {:?}\n{}", fault, other, text),
            }
            prop_assert_eq!(state(&pool), before);
        }
    }
}

backend_tests! {
    async fn a_huge_file_of_errors_gets_a_short_answer(app) {
        let (own, _) = setup(&app);
        let (_, wise) = token(&app, "wise", Some(own));
        // About 5 MB of one-letter cells: every cell of every row is wrong.
        let row = ["a"; 12].join(",");
        let mut body = format!("{HEADER}\n");
        while body.len() < 5 * 1024 * 1024 - 100 {
            body.push_str(&row);
            body.push('\n');
        }
        let res = post_api(&app, Some(&wise), "text/csv", body).await;
        res.assert_status(422);
        assert!(res.body.len() < 64 * 1024, "a {} byte answer", res.body.len());
        let json = res.json();
        let details = json["details"].as_array().unwrap();
        assert_eq!(details.len(), wise_monitor::csv_import::MAX_ERRORS + 1);
        let last = details.last().unwrap();
        assert!(last["message"].as_str().unwrap().starts_with("Reading stopped here"), "{last}");
        assert!(json["message"].as_str().unwrap().starts_with("more than 100 errors"), "{json}");
        // The same as JSON rows.
        let rows: Vec<serde_json::Value> = (0..20_000).map(|_| json!({ "kvk_number": "a", "period": "a" })).collect();
        let res = post_api(&app, Some(&wise), "application/json", serde_json::to_vec(&rows).unwrap()).await;
        res.assert_status(422);
        assert!(res.body.len() < 64 * 1024, "a {} byte answer", res.body.len());
        assert_eq!(res.json()["details"].as_array().unwrap().len(), wise_monitor::csv_import::MAX_ERRORS + 1);
        assert_eq!(counts(&app), [0, 0, 0, 0], "nothing is written");
    }
}

#[test]
fn a_huge_header_or_object_of_errors_is_cut_too() {
    let max = wise_monitor::csv_import::MAX_ERRORS;
    // A header of a million unknown columns.
    let header = vec!["x"; 1_000_000].join(",");
    let parsed = import::parse_csv(format!("{header}\n1\n").as_bytes());
    assert_eq!(parsed.errors.len(), max + 1);
    assert_eq!(parsed.errors.last().unwrap().message_key, wise_monitor::csv_import::STOPPED_KEY);
    // One JSON row with 100,000 unknown keys.
    let row: serde_json::Map<String, serde_json::Value> =
        (0..100_000).map(|n| (format!("k{n}"), serde_json::Value::from(1))).collect();
    let parsed = import::parse_json(&serde_json::to_vec(&[row]).unwrap()).unwrap();
    assert_eq!(parsed.errors.len(), max + 1);
    assert_eq!(parsed.errors.last().unwrap().line, 1);
}
