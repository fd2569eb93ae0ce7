//! The foundation: pages in both languages, errors, headers, assets, health, demo data,
//! and identical output from both backends.

use actix_web::test::TestRequest;
use wise_monitor::catalogue::store;
use wise_monitor::demo::{self, Filled};

use crate::backend_tests;
use crate::support::{postgres_available, test_now, Backend, TestApp};

backend_tests! {
    async fn migrations_load_the_cpv_vocabulary_once(app) {
        use diesel::prelude::*;
        use wise_monitor::db::schema::cpv_codes;
        let count = |app: &TestApp| app.with_conn(|c| cpv_codes::table.count().get_result::<i64>(c).unwrap());
        assert_eq!(count(&app), 9454);
        let again = app.with_conn(|c| wise_monitor::db::migrate(c).unwrap());
        assert_eq!(again, 0, "no migration is pending after the first run");
        assert_eq!(count(&app), 9454);
        let divisions: Vec<(String, Option<String>)> = app.with_conn(|c| {
            cpv_codes::table
                .filter(cpv_codes::level.eq(2))
                .select((cpv_codes::code, cpv_codes::label_nl))
                .load(c)
                .unwrap()
        });
        assert_eq!(divisions.len(), 45);
        assert!(divisions.iter().all(|(_, nl)| nl.is_some()));
    }

    async fn home_speaks_dutch_by_default_and_english_on_request(app) {
        let nl = app.get("/").await;
        nl.assert_status(200).assert_contains("<html lang=\"nl\">").assert_contains("Sociale ondernemingen");
        assert_eq!(nl.header("content-language"), Some("nl"));
        let en = app.get_in("en-GB,en;q=0.9", "/").await;
        en.assert_status(200).assert_contains("<html lang=\"en\">").assert_contains("Social enterprises");
        // The cookie wins over the browser's preference.
        let cookie = app
            .send(TestRequest::get().uri("/").insert_header(("Accept-Language", "en")).cookie(lang_cookie("nl")))
            .await;
        cookie.assert_contains("<html lang=\"nl\">");
    }

    async fn empty_catalogue_says_so(app) {
        app.get("/organisations").await.assert_status(200).assert_contains("nog geen sociale ondernemingen");
        app.get_in("en", "/organisations").await.assert_contains("No social enterprises have been published yet.");
    }

    async fn every_response_carries_the_security_headers(app) {
        let asset = "/static/css/site.css";
        for path in ["/", "/organisations", "/nope", "/api/v1/organisations/00000000", "/api/v1/me", "/healthz", asset] {
            let res = app.get(path).await;
            let csp = res.header("content-security-policy").unwrap_or_else(|| panic!("CSP on {path}"));
            assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), "{csp}");
            assert_eq!(res.header("x-content-type-options"), Some("nosniff"), "{path}");
            assert!(res.header("referrer-policy").is_some(), "{path}");
            assert_eq!(res.header("strict-transport-security"), None, "no HSTS over http ({path})");
        }
    }

    async fn probes_answer(app) {
        app.get("/healthz").await.assert_status(200);
        app.get("/readyz").await.assert_status(200).assert_contains("ready");
    }

    async fn unknown_pages_get_a_rendered_404_and_the_api_gets_json(app) {
        let page = app.get_in("en", "/does-not-exist").await;
        page.assert_status(404).assert_contains("Page not found").assert_contains("<main");
        assert!(page.header("content-type").unwrap().starts_with("text/html"));
        let api = app.get("/api/v1/nothing-here").await;
        api.assert_status(404);
        assert_eq!(api.json()["error"], "not_found");
        let bad = app.get("/api/v1/organisations/12ab").await;
        bad.assert_status(400);
        assert!(bad.json()["message"].as_str().unwrap().contains("8 digits"));
    }

    async fn bad_query_parameters_get_a_422_page(app) {
        app.get("/organisations?page=0").await.assert_status(422).assert_contains("<h1");
        app.get("/organisations?page=abc").await.assert_status(422).assert_contains("<h1");
    }

    async fn demo_data_fills_the_catalogue_and_lists_are_paged(app) {
        let loaded = app.with_conn(|c| demo::fill_if_empty(c, wise_monitor::db::timestamp(test_now())).unwrap());
        let Filled::Loaded { organisations, offerings } = loaded else { panic!("an empty database is filled") };
        assert!(organisations >= 60 && offerings >= 180, "{organisations} WISEs, {offerings} offerings");
        let counts = app.with_conn(|c| store::counts(c).unwrap());
        assert_eq!(counts.organisations, 60, "only approved WISEs count");
        assert_eq!(counts.sectors, 15, "every sector is represented");

        let home = app.get("/").await;
        home.assert_contains("<dd>60</dd>");
        let first = app.get("/organisations").await;
        first.assert_status(200).assert_contains("60 sociale ondernemingen").assert_contains("Pagina 1 van 3");
        first.assert_contains("rel=\"next\" href=\"/organisations?page&#x3D;2\"");
        app.get("/organisations?page=3").await.assert_status(200).assert_contains("rel=\"prev\"");
        app.get("/organisations?page=4").await.assert_status(422);

        // Every role has a demo account.
        let mut admin = app.sign_in("beheer@demo.wise-monitor.nl", demo::DEMO_PASSWORD).await;
        app.get_with(&mut admin, "/admin/users").await.assert_status(200).assert_contains("onderneming@demo.wise-monitor.nl");

        // Never touches a database that has data.
        let again = app.with_conn(|c| demo::fill_if_empty(c, wise_monitor::db::timestamp(test_now())).unwrap());
        assert_eq!(again, Filled::AlreadyHadData);
        assert_eq!(app.with_conn(|c| store::counts(c).unwrap()), counts);
    }

    async fn a_profile_shows_offerings_in_both_languages(app) {
        app.with_conn(|c| demo::fill_if_empty(c, wise_monitor::db::timestamp(test_now())).unwrap());
        let (list, _) = app.with_conn(|c| store::list_approved(c, 1, 1).unwrap());
        let wise = &list[0];
        let profile = app.with_conn(|c| store::public_profile(c, store::Key::Slug(&wise.slug), test_now().date_naive()).unwrap().unwrap());
        let offering = &profile.offerings[0];
        let nl = app.get(&format!("/organisations/{}", wise.slug)).await;
        nl.assert_status(200)
            .assert_contains(&html_escape(&wise.name))
            .assert_contains(&offering.cpv_code)
            .assert_contains("Producten en diensten");
        let en = app.get_in("en", &format!("/organisations/{}", wise.slug)).await;
        en.assert_status(200).assert_contains("Goods and services").assert_contains("KvK number");

        let api = app.get(&format!("/api/v1/organisations/{}", wise.kvk_number)).await;
        api.assert_status(200);
        let json = api.json();
        assert_eq!(json["organisation"]["name"], wise.name.as_str());
        assert_eq!(json["offerings"].as_array().unwrap().len(), profile.offerings.len());
    }

    async fn only_approved_wises_are_public(app) {
        use diesel::prelude::*;
        use wise_monitor::db::schema::organisations;
        app.with_conn(|c| demo::fill_if_empty(c, wise_monitor::db::timestamp(test_now())).unwrap());
        let hidden: Vec<(String, String, String)> = app.with_conn(|c| {
            organisations::table
                .filter(organisations::status.ne("approved"))
                .select((organisations::slug, organisations::kvk_number, organisations::status))
                .load(c)
                .unwrap()
        });
        assert!(hidden.iter().any(|(_, _, s)| s == "pending") && hidden.iter().any(|(_, _, s)| s == "suspended"));
        for (slug, kvk, _) in &hidden {
            app.get(&format!("/organisations/{slug}")).await.assert_status(404);
            app.get(&format!("/api/v1/organisations/{kvk}")).await.assert_status(404);
        }
    }

    async fn the_language_switch_remembers_the_choice(app) {
        let mut visitor = app.visitor().await;
        let res = app.post_form(&mut visitor, "/language", &[("lang", "en"), ("next", "/organisations?page=1")]).await;
        res.assert_status(303);
        assert_eq!(res.header("location"), Some("/organisations?page=1"));
        let cookie = res.cookies().into_iter().find(|c| c.name() == "lang").expect("language cookie");
        assert_eq!(cookie.value(), "en");
        assert_eq!(cookie.same_site(), Some(actix_web::cookie::SameSite::Lax));
        app.get_with(&mut visitor, "/").await.assert_contains("<html lang=\"en\">");

        let offsite = app.post_form(&mut visitor, "/language", &[("lang", "nl"), ("next", "//evil.example/")]).await;
        assert_eq!(offsite.header("location"), Some("/"));
        app.post_form(&mut visitor, "/language", &[("lang", "fr")]).await.assert_status(400);
        // Without the form's token nothing changes.
        app.send(TestRequest::post().uri("/language").set_form([("lang", "en")])).await.assert_status(403);
    }

    async fn static_files_are_cached_by_version_and_etag(app) {
        let home = app.get("/").await;
        let start = home.body.find("/static/css/site.css").expect("stylesheet link");
        let href: String = home.body[start..].chars().take_while(|c| *c != '"').collect();
        let href = href.replace("&#x3D;", "=");
        let css = app.get(&href).await;
        css.assert_status(200);
        assert!(css.header("content-type").unwrap().starts_with("text/css"));
        assert!(css.header("cache-control").unwrap().contains("immutable"));
        let etag = css.header("etag").unwrap().to_string();
        let again = app.send(TestRequest::get().uri(&href).insert_header(("If-None-Match", etag.as_str()))).await;
        again.assert_status(304);
        app.get("/static/css/missing.css").await.assert_status(404);
    }
}

/// A page with its (random, per-visitor) CSRF tokens blanked out.
fn without_csrf(body: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let mut out = String::new();
    let mut rest = body;
    while let Some(i) = rest.find(marker) {
        out.push_str(&rest[..i + marker.len()]);
        rest = rest[i + marker.len()..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

fn lang_cookie(lang: &str) -> actix_web::cookie::Cookie<'static> {
    actix_web::cookie::Cookie::new("lang", lang.to_string())
}

fn html_escape(text: &str) -> String {
    handlebars::html_escape(text)
}

#[actix_web::test]
async fn https_base_url_turns_on_hsts() {
    let app = TestApp::builder()
        .config(|c| c.server.base_url = "https://wise.example.nl".into())
        .build(Backend::Sqlite)
        .await;
    let res = app.get("/").await;
    assert!(res.header("strict-transport-security").unwrap().contains("max-age="));
}

#[actix_web::test]
async fn a_failing_page_renders_the_500_page_and_overrides_reload() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home.html.hbs");
    std::fs::write(
        &home,
        "{{#*inline \"title\"}}x{{/inline}}{{#*inline \"main\"}}<p>override one</p>{{/inline}}{{> layouts/base}}",
    )
    .unwrap();
    let override_dir = dir.path().to_string_lossy().to_string();
    let app = TestApp::builder()
        .config(move |c| {
            c.templates.override_dir = override_dir;
            c.templates.reload = true;
        })
        .build(Backend::Sqlite)
        .await;
    app.get("/").await.assert_status(200).assert_contains("override one");
    // With reload on, a change shows at once; a template naming a missing field fails (strict mode).
    std::fs::write(
        &home,
        "{{#*inline \"title\"}}x{{/inline}}{{#*inline \"main\"}}{{no_such_field}}{{/inline}}{{> layouts/base}}",
    )
    .unwrap();
    let res = app.get_in("en", "/").await;
    res.assert_status(500).assert_contains("Something went wrong");
    assert!(res.header("content-security-policy").is_some(), "the 500 page carries the security headers");
    assert!(!res.body.contains("no_such_field"), "internal details stay in the log");
}

/// The same fixture in both backends gives byte-identical pages and JSON.
#[actix_web::test]
async fn both_backends_serve_identical_pages_and_json() {
    if !postgres_available("foundation::both_backends_serve_identical_pages_and_json") {
        return;
    }
    let sqlite = TestApp::builder().demo().build(Backend::Sqlite).await;
    let postgres = TestApp::builder().demo().build(Backend::Postgres).await;
    let (all, _) = sqlite.with_conn(|c| store::list_approved(c, 1, 100).unwrap());
    let mut paths =
        vec!["/".to_string(), "/organisations".into(), "/organisations?page=2".into(), "/organisations?page=3".into()];
    for wise in all.iter().step_by(7) {
        paths.push(format!("/organisations/{}", wise.slug));
        paths.push(format!("/api/v1/organisations/{}", wise.kvk_number));
    }
    for path in &paths {
        for lang in ["nl", "en"] {
            let a = sqlite.get_in(lang, path).await;
            let b = postgres.get_in(lang, path).await;
            a.assert_status(200);
            assert_eq!(a.status, b.status, "{path}");
            assert_eq!(
                without_csrf(&a.body),
                without_csrf(&b.body),
                "{path} ({lang}) differs between SQLite and PostgreSQL"
            );
        }
    }
}

#[actix_web::test]
async fn the_openapi_document_describes_the_api() {
    let app = TestApp::builder().build(Backend::Sqlite).await;
    let res = app.get("/api/v1/openapi.json").await;
    res.assert_status(200);
    let doc = res.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in ["/api/v1/organisations", "/api/v1/organisations/{kvk}", "/api/v1/offerings", "/api/v1/me"] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} is documented");
    }
    // Every API route the app registers is in the document.
    for (method, path) in wise_monitor::web::routes::registered() {
        if path.starts_with("/api/v1/") && path != "/api/v1/openapi.json" {
            let method = method.to_lowercase();
            assert!(doc["paths"][path][&method].is_object(), "{method} {path} is missing from the OpenAPI document");
        }
    }
    let params: Vec<&str> = doc["paths"]["/api/v1/organisations"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert!(params.contains(&"q") && params.contains(&"cpv") && params.contains(&"per_page"), "{params:?}");
}
