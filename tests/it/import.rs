//! `import organisations` and `import offerings`: the operator's upload page and the
//! command line (SPEC §4: all or nothing, every error by line and column).

use std::process::Command;

use diesel::prelude::*;
use wise_monitor::db::{self, schema::audit_log, schema::organisations};
use wise_monitor::organisation::model::OrganisationInput;
use wise_monitor::organisation::store as org_store;

use crate::backend_tests;
use crate::support::{test_now, Browser, Response, TestApp};

const HEADER: &str = "kvk_number,name,municipality,sectors,target_groups,website,email,description,market_income_pct";

fn good_file() -> String {
    format!(
        "{HEADER}\n\
         01234567,Werkplaats Oost,Amsterdam,catering|cleaning_facility,mental_health,https://oost.example.nl,info@oost.example.nl,\"Lunch, schoonmaak\",45\n\
         76543210,Kringloop Zuid,Utrecht,recycling_repair,,,,Tweedehands,\n"
    )
}

/// Line 3 has a bad KvK number and line 4 an unknown sector.
fn bad_file() -> String {
    format!(
        "{HEADER}\n\
         01234567,Werkplaats Oost,Amsterdam,catering,,,,,\n\
         7654321,Kringloop Zuid,Utrecht,recycling_repair,,,,,\n\
         11223344,Bakkerij West,Haarlem,bakery,,,,,\n"
    )
}

fn count_organisations(app: &TestApp) -> i64 {
    app.with_conn(|c| organisations::table.count().get_result(c)).unwrap()
}

/// The operator, signed in, with the import page open.
async fn operator(app: &TestApp) -> Browser {
    let admin = app.add_user("admin", None);
    let mut browser = app.sign_in_as(&admin).await;
    app.get_with(&mut browser, "/admin/import").await.assert_status(200);
    browser
}

/// Sends the page's own form: `multipart/form-data` with a file (and an empty text box).
async fn upload_file(app: &TestApp, browser: &mut Browser, csrf: &str, name: &str, content: &[u8]) -> Response {
    app.post_file(browser, "/admin/import", csrf, name, content).await
}

backend_tests! {
    async fn a_good_file_imports_approved_wises_that_the_api_lists(app) {
        let mut browser = operator(&app).await;
        let csrf = browser.csrf.clone();
        let res = upload_file(&app, &mut browser, &csrf, "wises.csv", good_file().as_bytes()).await;
        res.assert_status(303);
        assert_eq!(res.header("location"), Some("/admin/import?imported=2"));
        app.get_with(&mut browser, "/admin/import?imported=2").await.assert_status(200).assert_contains("2 ondernemingen geïmporteerd");

        let api = app.get("/api/v1/organisations").await;
        api.assert_status(200);
        let json = api.json();
        assert_eq!(json["total"], 2, "{json}");
        let kvks: Vec<&str> = json["items"].as_array().unwrap().iter().map(|i| i["kvk_number"].as_str().unwrap()).collect();
        assert!(kvks.contains(&"01234567") && kvks.contains(&"76543210"), "{kvks:?}");
        let oost = app.get("/api/v1/organisations/01234567").await.json();
        assert_eq!(oost["sectors"], serde_json::json!(["catering", "cleaning_facility"]), "the first sector is primary");
        assert_eq!(oost["target_groups"], serde_json::json!(["mental_health"]));
        assert_eq!(oost["organisation"]["market_income_pct"], 45);
        assert_eq!(oost["organisation"]["description"], "Lunch, schoonmaak");

        let (actor, target, detail): (String, String, String) = app.with_conn(|c| {
            audit_log::table
                .filter(audit_log::action.eq("organisations_imported"))
                .select((audit_log::actor, audit_log::target, audit_log::detail))
                .first(c)
        }).unwrap();
        assert!(actor.starts_with("admin"), "the operator is the actor: {actor}");
        assert_eq!((target.as_str(), detail.as_str()), ("wises.csv", "2 organisations"));
    }

    async fn pasted_semicolon_text_with_a_bom_imports_too(app) {
        let mut browser = operator(&app).await;
        let text = "\u{feff}kvk_number;name;municipality;sectors\r\n12345678;Fietsenmakerij De Spaak;Zwolle;recycling_repair\r\n";
        let res = app.post_form(&mut browser, "/admin/import", &[("csv", text)]).await;
        res.assert_status(303);
        assert_eq!(res.header("location"), Some("/admin/import?imported=1"));
        app.get("/api/v1/organisations/12345678").await.assert_status(200);
    }

    async fn one_bad_row_imports_nothing_and_every_error_is_listed(app) {
        let mut browser = operator(&app).await;
        let csrf = browser.csrf.clone();
        let res = upload_file(&app, &mut browser, &csrf, "wises.csv", bad_file().as_bytes()).await;
        res.assert_status(422)
            .assert_contains("2 fouten: er is niets geïmporteerd")
            .assert_contains("<tr><td>3</td><td><code>kvk_number</code></td><td>Het KvK-nummer moet uit precies 8 cijfers bestaan.</td></tr>")
            .assert_contains("<tr><td>4</td><td><code>sectors</code></td>");
        assert_eq!(count_organisations(&app), 0, "nothing is written");

        // The same errors in English for a visitor who reads English.
        let mut english = browser.clone();
        app.post_form(&mut english, "/language", &[("lang", "en"), ("next", "/admin/import")]).await.assert_status(303);
        let res = app.post_form(&mut english, "/admin/import", &[("csv", &bad_file())]).await;
        res.assert_status(422)
            .assert_contains("2 errors: nothing was imported")
            .assert_contains("The KvK number must be exactly 8 digits.")
            .assert_contains("This sector does not exist");
        assert!(res.body.contains("11223344,Bakkerij West"), "the pasted text stays in the box");
        assert_eq!(count_organisations(&app), 0);
    }

    async fn a_kvk_number_already_in_the_database_is_rejected(app) {
        let existing = OrganisationInput {
            kvk_number: "76543210".into(),
            name: "Al Bekend".into(),
            municipality: "Utrecht".into(),
            sectors: vec!["other".into()],
            ..Default::default()
        };
        app.with_conn(|c| org_store::create_organisation(c, &existing, "pending", db::timestamp(test_now()))).unwrap();
        let mut browser = operator(&app).await;
        let res = app.post_form(&mut browser, "/admin/import", &[("csv", &good_file())]).await;
        res.assert_status(422)
            .assert_contains("<tr><td>3</td><td><code>kvk_number</code></td><td>Er is al een onderneming met dit KvK-nummer geregistreerd.</td></tr>");
        assert_eq!(count_organisations(&app), 1, "the other row is not imported either");
    }

    async fn an_empty_form_a_wrong_token_and_a_too_large_file_are_refused(app) {
        let mut browser = operator(&app).await;
        app.post_form(&mut browser, "/admin/import", &[("csv", "  ")]).await
            .assert_status(422)
            .assert_contains("Kies een CSV-bestand of plak de CSV-tekst.");
        let res = upload_file(&app, &mut browser, &"f".repeat(64), "wises.csv", good_file().as_bytes()).await;
        res.assert_status(403);
        let mut huge = good_file().into_bytes();
        huge.resize(5 * 1024 * 1024 + 1, b'\n');
        let csrf = browser.csrf.clone();
        upload_file(&app, &mut browser, &csrf, "huge.csv", &huge).await
            .assert_status(413)
            .assert_contains("hoogstens 5 MB");
        assert_eq!(count_organisations(&app), 0);
    }

    async fn offerings_are_imported_with_their_service_areas_or_not_at_all(app) {
        let now = test_now().naive_utc();
        let imported = app.with_conn(|c| wise_monitor::catalogue::import::import_organisations(c, good_file().as_bytes(), now)).unwrap();
        assert_eq!(imported, Ok(2));
        let bad = "kvk_number,title,kind,cpv_code,service_area,active\n\
                   99999999,A,service,55520000,,\n\
                   01234567,B,service,12345678,,\n\
                   01234567,C,tool,55520000,overal,misschien\n\
                   01234567,D,service,55520000,0 km,\n";
        let errors: Vec<(u64, String, &str)> = app
            .with_conn(|c| wise_monitor::catalogue::import::import_offerings(c, bad.as_bytes(), now))
            .unwrap()
            .unwrap_err()
            .into_iter()
            .map(|e| (e.line, e.column, e.message_key))
            .collect();
        assert_eq!(
            errors,
            [
                (2, "kvk_number".to_string(), "error-import-unknown-wise"),
                (3, "cpv_code".to_string(), "error-cpv-unknown"),
                (4, "active".to_string(), "error-import-yes-no"),
                (5, "service_area".to_string(), "error-radius"),
            ]
        );
        let count = || app.with_conn(|c| wise_monitor::db::schema::offerings::table.count().get_result::<i64>(c)).unwrap();
        assert_eq!(count(), 0, "nothing written");
        let outcome = app.with_conn(|c| wise_monitor::catalogue::import::import_offerings(c, OFFERINGS.as_bytes(), now)).unwrap();
        assert_eq!(outcome, Ok(4));
        let oost = app.get("/api/v1/organisations/01234567").await.assert_status(200).json();
        let titles: Vec<&str> = oost["offerings"].as_array().unwrap().iter().map(|o| o["title"].as_str().unwrap()).collect();
        assert_eq!(titles.len(), 2, "{oost}");
        let text = oost.to_string();
        assert!(text.contains("\"radius\"") && text.contains("25"), "{text}");
        assert!(text.contains("90910000"), "the check digit is dropped: {text}");
        // The CPV label in the reader's language (issue 20).
        assert!(text.contains("\"cpv_label_nl\":\"Cateringdiensten\""), "{text}");
        let slug = oost["organisation"]["slug"].as_str().unwrap().to_string();
        app.get(&format!("/organisations/{slug}")).await.assert_status(200).assert_contains("Cateringdiensten");
        let mut english = app.visitor().await;
        app.post_form(&mut english, "/language", &[("lang", "en"), ("next", "/")]).await;
        let page = app.get_with(&mut english, &format!("/organisations/{slug}")).await;
        page.assert_status(200).assert_contains("Catering services");
        assert!(!page.body.contains("Cateringdiensten"));
        let zuid = app.get("/api/v1/organisations/76543210").await.assert_status(200).json().to_string();
        assert!(zuid.contains("Nieuwegein"), "{zuid}");
        assert!(!zuid.contains("Verhuizingen"), "an inactive offering is not public: {zuid}");
        let again = app.with_conn(|c| wise_monitor::catalogue::import::import_offerings(c, OFFERINGS.as_bytes(), now)).unwrap();
        assert_eq!(again.unwrap_err()[0].message_key, "error-import-offering-title-taken", "a file imported twice adds nothing");
        assert_eq!(count(), 4);
    }
}

/// Offerings of the two WISEs of [`good_file`]: a radius, the WISE's own municipality
/// (empty area), a list of municipalities, and an inactive one.
const OFFERINGS: &str = "kvk_number,title,kind,cpv_code,description,service_area,price_indication,lead_time,active\n\
    01234567,Lunch op locatie,service,55520000,Broodjes en soep,25 km,vanaf € 9,2 dagen,\n\
    01234567,Kantoorschoonmaak,service,90910000-9,,,,,ja\n\
    76543210,Tweedehands meubels,good,39100000,,Utrecht|Nieuwegein,,,\n\
    76543210,Verhuizingen,service,60000000,,national,,,nee\n";

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
fn the_command_imports_a_file_or_names_every_error_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("wise.db").display());
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, bad_file()).unwrap();
    let bad = bad.to_str().unwrap();

    let (code, stdout, stderr) = wise_monitor(&["import", "organisations", bad, "--database-url", &url]);
    assert_ne!(code, 0, "a bad file fails the command");
    assert!(stdout.is_empty(), "{stdout}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines[0], format!("{bad}:3: column kvk_number: The KvK number must be exactly 8 digits."), "{stderr}");
    assert!(lines[1].starts_with(&format!("{bad}:4: column sectors: ")), "{stderr}");
    assert!(lines[2].contains("nothing was imported"), "{stderr}");
    assert_eq!(lines.len(), 3, "{stderr}");

    let good = dir.path().join("good.csv");
    std::fs::write(&good, good_file()).unwrap();
    let good = good.to_str().unwrap();
    let (code, stdout, stderr) = wise_monitor(&["import", "organisations", good, "--database-url", &url]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.trim(), "2 organisations imported", "the bad file wrote nothing");

    // Again: now every KvK number is taken.
    let (code, _, stderr) = wise_monitor(&["import", "organisations", good, "--database-url", &url]);
    assert_ne!(code, 0);
    assert!(
        stderr.starts_with(&format!(
            "{good}:2: column kvk_number: An enterprise with this KvK number is already registered."
        )),
        "{stderr}"
    );

    let pool = db::open_pool(&url, 1, 5000).unwrap();
    let mut conn = pool.get().unwrap();
    let statuses: Vec<String> = organisations::table.select(organisations::status).load(&mut conn).unwrap();
    assert_eq!(statuses, ["approved", "approved"]);
    let actor: String = audit_log::table
        .filter(audit_log::action.eq("organisations_imported"))
        .select(audit_log::actor)
        .first(&mut conn)
        .unwrap();
    assert_eq!(actor, "system");

    let offerings = dir.path().join("offerings.csv");
    std::fs::write(&offerings, OFFERINGS).unwrap();
    let offerings = offerings.to_str().unwrap();
    let (code, stdout, stderr) = wise_monitor(&["import", "offerings", offerings, "--database-url", &url]);
    assert_eq!((code, stdout.trim()), (0, "4 offerings imported"), "{stderr}");
    let (code, _, stderr) = wise_monitor(&["import", "offerings", offerings, "--database-url", &url]);
    assert_ne!(code, 0);
    assert!(
        stderr.starts_with(&format!("{offerings}:2: column title: This enterprise already has an offering")),
        "{stderr}"
    );

    // The EU's CPV table in a language: other languages' columns are ignored, codes may
    // carry their check digit; an unknown code or an empty label imports nothing.
    let labels = dir.path().join("cpv.csv");
    std::fs::write(&labels, "CODE;EN;NL;DE\n90910000-9;Cleaning services;Schoonmaakdiensten;Reinigung\n12345678;X;Y;Z\n55520000-1;Catering;;Verpflegung\n").unwrap();
    let labels = labels.to_str().unwrap();
    let (code, _, stderr) = wise_monitor(&["import", "cpv-labels", labels, "--language", "nl", "--database-url", &url]);
    assert_ne!(code, 0);
    assert!(
        stderr.contains(&format!("{labels}:3: column code: ")) && stderr.contains(&format!("{labels}:4: column nl: ")),
        "{stderr}"
    );
    std::fs::write(labels, "CODE;EN;NL;DE\n90910000-9;Cleaning services;Schoonmaakdiensten;Reinigung\n").unwrap();
    let (code, stdout, stderr) =
        wise_monitor(&["import", "cpv-labels", labels, "--language", "nl", "--database-url", &url]);
    assert_eq!((code, stdout.trim()), (0, "1 CPV labels imported"), "{stderr}");
    let pool = db::open_pool(&url, 1, 5000).unwrap();
    let dutch: Option<String> = wise_monitor::db::schema::cpv_codes::table
        .find("90910000")
        .select(wise_monitor::db::schema::cpv_codes::label_nl)
        .first(&mut pool.get().unwrap())
        .unwrap();
    assert_eq!(dutch.as_deref(), Some("Schoonmaakdiensten"));

    let missing = dir.path().join("missing.csv");
    let (code, _, stderr) =
        wise_monitor(&["import", "organisations", missing.to_str().unwrap(), "--database-url", &url]);
    assert_ne!(code, 0);
    let lines: Vec<_> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].contains("cannot read") && lines[0].contains("missing.csv"), "{stderr}");
}
