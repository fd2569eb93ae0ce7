//! What an attacker found (issue 18), each kept found by a test on both databases.

use actix_web::test::TestRequest;

use crate::backend_tests;

backend_tests! {
    async fn a_page_asked_for_with_a_bad_bearer_token_answers_once(app) {
        // Signing in would fail the same way, so the page does not send there.
        for path in ["/organisations", "/account", "/sign-in?next=%2Faccount"] {
            let res = app.send(TestRequest::get().uri(path).insert_header(("Authorization", "Bearer junk"))).await;
            res.assert_status(401);
            assert_eq!(res.header("Location"), None, "{path} redirects");
            assert_eq!(res.header("WWW-Authenticate"), Some("Bearer error=\"invalid_token\""), "{path}");
            assert!(res.header("Content-Type").is_some_and(|t| t.starts_with("text/html")), "{path}: an error page");
        }
        // Without the header, a page that needs a user still sends the visitor to sign in.
        let res = app.get("/account").await;
        res.assert_status(303);
        assert_eq!(res.header("Location"), Some("/sign-in?next=%2Faccount"));
    }
}

backend_tests! {
    async fn an_unknown_method_on_a_known_address_is_405_with_allow(app) {
        let res = app.send(TestRequest::put().uri("/organisations")).await;
        res.assert_status(405);
        assert_eq!(res.header("Allow"), Some("GET"));
        let res = app.send(TestRequest::delete().uri("/sign-in")).await;
        res.assert_status(405);
        assert_eq!(res.header("Allow"), Some("GET, POST"));
        // The API says so in JSON.
        let res = app.send(TestRequest::delete().uri("/api/v1/organisations")).await;
        res.assert_status(405);
        assert_eq!(res.header("Allow"), Some("GET"));
        assert_eq!(res.json()["error"], "method_not_allowed");
        // An address nobody serves is still 404.
        app.send(TestRequest::put().uri("/no-such-page")).await.assert_status(404);
        app.get("/no-such-page").await.assert_status(404);
    }
}

backend_tests! {
    async fn permission_comes_before_the_form_is_read(app) {
        // The public, and a buyer, sending a form with fields missing: refused as who
        // they are, not told what the form lacks.
        let mut visitor = app.visitor().await;
        let res = app.post_form(&mut visitor, "/admin/users", &[]).await;
        assert!(matches!(res.status.as_u16(), 303 | 401), "the public: {}", res.status);
        let buyer = app.add_user("buyer", None);
        let mut b = app.sign_in_as(&buyer).await;
        app.post_form(&mut b, "/admin/users", &[("email", "x@example.org")]).await.assert_status(403);
        // The operator is told which fields are missing.
        let admin = app.add_user("admin", None);
        let mut a = app.sign_in_as(&admin).await;
        let res = app.post_form(&mut a, "/admin/users", &[]).await;
        res.assert_status(422);
    }
}

backend_tests! {
    async fn control_characters_are_refused_where_input_enters(app) {
        // Forms, signed in or not: 422 naming the field, never a 500 (PostgreSQL
        // refuses NUL in text) and never stored.
        let mut visitor = app.visitor().await;
        for (path, fields) in [
            ("/sign-in", vec![("email", "a\u{0}@example.org"), ("password", "whatever")]),
            ("/password/forgot", vec![("email", "a\u{0}@example.org")]),
            ("/sign-in", vec![("email", "a@example.org"), ("password", "esc\u{1b}[31m")]),
        ] {
            let res = app.post_form(&mut visitor, path, &fields).await;
            res.assert_status(422);
            let field = fields.iter().find(|(_, v)| v.chars().any(char::is_control)).unwrap().0;
            assert!(res.body.contains(field) || res.json()["details"][0]["field"] == field, "{path}: {}", res.body);
        }
        // A name that reads backwards.
        let admin = app.add_user("admin", None);
        let mut a = app.sign_in_as(&admin).await;
        let res = app.post_form(&mut a, "/admin/users", &[("email", "x@example.org"), ("name", "Jan \u{202e}nnA"), ("role", "city"), ("language", "nl")]).await;
        res.assert_status(422);
        // Tab and newline stay allowed where text allows lines.
        assert!(!wise_monitor::validation::has_forbidden_character("een\tregel\r\nen nog een"));
        // CSV cells and JSON values name their line and column.
        let csv = "kvk_number,name,municipality,sectors\n12345678,Bad\u{0}Name,Zwolle,catering\n";
        let errors = wise_monitor::catalogue::import::parse_organisations(csv.as_bytes()).unwrap_err();
        assert!(errors.iter().any(|e| e.line == 2 && e.column == "name" && e.message_key == "error-forbidden-character"), "{errors:?}");
        let json = br#"[{"kvk_number": "1234\u00005678", "period": "2026-Q1"}]"#;
        let parsed = wise_monitor::figures::import::parse_json(json).unwrap();
        assert!(parsed.errors.iter().any(|e| e.line == 1 && e.column == "kvk_number" && e.message_key == "error-forbidden-character"), "{:?}", parsed.errors);
        // A search for a NUL finds nothing instead of failing.
        let res = app.get("/organisations?q=%00").await;
        assert!(res.status.as_u16() < 500, "{}", res.status);
        let res = app.get("/api/v1/organisations?q=%00").await;
        assert!(res.status.as_u16() < 500, "{}", res.status);
    }
}

backend_tests! {
    async fn random_forms_and_queries_get_an_answer_not_an_error(app) {
        // Forms signed in and not, with fields the form knows and others, values of every
        // kind (control characters, huge numbers, other scripts, repeated keys): a page
        // or a 4xx, never a 5xx. Fixed seed, so CI repeats the same cases.
        use rand::{Rng, SeedableRng};
        let mut rng = rand::rngs::StdRng::seed_from_u64(18);
        let names = ["email", "password", "name", "next", "q", "page", "sector", "role", "language", "kvk_number", "description", "x"];
        let values = ["", "a@example.org", "\u{0}", "\u{1b}[2J", "99999999999999999999", "-1", "ÄÖ ü 漢字 \u{202e}", "%", "&amp;", "<script>", "2026-Q5", "nl"];
        let admin = app.add_user("admin", None);
        let mut signed_in = app.sign_in_as(&admin).await;
        let mut visitor = app.visitor().await;
        for case in 0..48 {
            let fields: Vec<(&str, &str)> = (0..rng.random_range(0..6))
                .map(|_| (names[rng.random_range(0..names.len())], values[rng.random_range(0..values.len())]))
                .collect();
            let path = ["/sign-in", "/password/forgot", "/register", "/admin/users", "/account"][case % 5];
            let browser = if case % 2 == 0 { &mut visitor } else { &mut signed_in };
            let res = app.post_form(browser, path, &fields).await;
            assert!(res.status.as_u16() < 500, "POST {path} {fields:?}: {}", res.status);
            let query = serde_html_form::to_string(&fields).unwrap();
            for page in ["/organisations", "/api/v1/organisations", "/api/v1/offerings", "/reports/sector"] {
                let res = app.get(&format!("{page}?{query}")).await;
                assert!(res.status.as_u16() < 500, "GET {page}?{query}: {}", res.status);
            }
        }
    }
}

/// Bounded fuzzing of every parser that takes outside input: whatever the bytes, no
/// panic, and every refusal is an error value (the pages and the API answer it as a 4xx).
/// A fixed seed keeps CI repeatable; `WISE_FUZZ_CASES` (see `config`) explores more.
mod fuzz {
    use proptest::prelude::*;
    use wise_monitor::catalogue::import::parse_organisations;
    use wise_monitor::catalogue::search::SearchParams;
    use wise_monitor::figures::import::{parse_csv, parse_json};
    use wise_monitor::figures::periods::PeriodKey;

    /// Text that looks like CSV: header-ish words, separators, quotes, line breaks,
    /// numbers, control characters and other Unicode.
    fn csvish() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("kvk_number".to_string()),
            Just("name".to_string()),
            Just("period".to_string()),
            Just("municipality".to_string()),
            Just("sectors".to_string()),
            Just("paid_target_group".to_string()),
            Just("12345678".to_string()),
            Just("2026-Q1".to_string()),
            Just(",".to_string()),
            Just(";".to_string()),
            Just("\"".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\u{feff}".to_string()),
            "[0-9]{1,12}",
            "\\PC{0,8}",
            any::<char>().prop_map(String::from),
        ];
        proptest::collection::vec(piece, 0..60).prop_map(|p| p.concat())
    }

    /// 256 cases from a fixed seed in the test suite; `WISE_FUZZ_CASES=N` (the longer run of
    /// `scripts/reliability`) runs N cases from a random seed, printed when a case fails.
    fn config() -> ProptestConfig {
        let cases: Option<u32> = std::env::var("WISE_FUZZ_CASES").ok().and_then(|n| n.parse().ok());
        ProptestConfig {
            cases: cases.unwrap_or(256),
            failure_persistence: None,
            rng_seed: match cases {
                Some(_) => proptest::test_runner::RngSeed::Random,
                None => proptest::test_runner::RngSeed::Fixed(18),
            },
            ..ProptestConfig::default()
        }
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn prop_organisation_csv_never_panics(text in csvish(), bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = parse_organisations(text.as_bytes());
            let _ = parse_organisations(&bytes);
        }

        #[test]
        fn prop_figures_csv_and_json_never_panic(text in csvish(), bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let parsed = parse_csv(text.as_bytes());
            prop_assert!(parsed.errors.len() <= wise_monitor::csv_import::MAX_ERRORS + 1);
            let _ = parse_csv(&bytes);
            let _ = parse_json(text.as_bytes());
            let _ = parse_json(&bytes);
        }

        #[test]
        fn prop_figures_json_rows_never_panic(rows in proptest::collection::vec(
            proptest::collection::btree_map("[a-z_]{1,20}", prop_oneof![
                any::<i64>().prop_map(serde_json::Value::from),
                any::<f64>().prop_map(serde_json::Value::from),
                "\\PC{0,12}".prop_map(serde_json::Value::from),
                Just(serde_json::Value::Null),
                Just(serde_json::json!([1, 2])),
            ], 0..14), 0..8)) {
            let body = serde_json::to_vec(&rows).unwrap();
            let _ = parse_json(&body);
        }

        #[test]
        fn prop_period_keys_and_search_parameters_never_panic(text in "\\PC{0,40}", query in csvish()) {
            let _ = PeriodKey::parse(&text);
            if let Ok(params) = serde_html_form::from_str::<SearchParams>(&query) {
                let _ = params.check(20);
            }
            if let Ok(params) = serde_html_form::from_str::<SearchParams>(&format!("q={}&page={text}", query.replace('&', ""))) {
                let _ = params.check(20);
            }
        }
    }
}
