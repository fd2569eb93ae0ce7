//! "My WISE": a WISE's users edit its profile and offerings; the CPV picker finds
//! codes without JavaScript and as JSON. Another WISE's users cannot touch any of it.

use diesel::prelude::*;
use wise_monitor::db::schema::{audit_log, offerings, organisations};
use wise_monitor::db::{self, DbConn};
use wise_monitor::organisation::model::OrganisationInput;
use wise_monitor::organisation::store as org_store;

use crate::backend_tests;
use crate::support::{test_now, Browser, Response, TestApp, TestUser};

const OWN: &str = "/manage/organisations/11111111";
const OTHER: &str = "/manage/organisations/22222222";

/// Two approved WISEs ("11111111" and "22222222") with a `wise` user each.
fn two_wises(app: &TestApp) -> (TestUser, TestUser) {
    let now = db::timestamp(test_now());
    let wise = |kvk: &str, name: &str| OrganisationInput {
        kvk_number: kvk.into(),
        name: name.into(),
        municipality: "Amsterdam".into(),
        description: "Lunch en catering.".into(),
        sectors: vec!["catering".into()],
        ..Default::default()
    };
    let own = app
        .with_conn(|c| org_store::create_organisation(c, &wise("11111111", "Eigen Keuken"), "approved", now))
        .unwrap();
    let other = app
        .with_conn(|c| org_store::create_organisation(c, &wise("22222222", "Andere Keuken"), "approved", now))
        .unwrap();
    (app.add_user("wise", Some(own)), app.add_user("wise", Some(other)))
}

async fn post(app: &TestApp, browser: &mut Browser, path: &str, fields: &[(&str, String)]) -> Response {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post_form(browser, path, &fields).await
}

fn profile_fields() -> Vec<(&'static str, String)> {
    [
        ("name", "Eigen Keuken Oost"),
        ("legal_form", "Stichting"),
        ("founded_year", "2011"),
        ("website", "https://eigenkeuken.example.nl"),
        ("email", "info@eigenkeuken.example.nl"),
        ("phone", "020 123 45 67"),
        ("street", "Dapperstraat 1"),
        ("postcode", "1093 BS"),
        ("municipality", "Amsterdam"),
        ("district", "Oost"),
        ("description", "Schoonmaak, catering en groenonderhoud door mensen met een afstand tot de arbeidsmarkt."),
        ("market_income_pct", "65"),
        ("primary_sector", "cleaning_facility"),
        ("sectors", "catering"),
        ("sectors", "green_maintenance"),
        ("target_groups", "mental_health"),
        ("target_groups", "ex_offender"),
        ("pso_level", "trede_2"),
        ("pso_valid_until", "2027-06-30"),
        ("cso_status", "registered"),
        ("sena_member", "true"),
        ("cert_name", "ISO 9001"),
        ("cert_valid_until", "2025-01-31"),
        ("cert_name", "Keurmerk Schoon"),
        ("cert_valid_until", ""),
        ("cert_name", ""),
        ("cert_valid_until", ""),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_string()))
    .collect()
}

/// The profile fields with `field` set to `value` (all of its occurrences replaced by one).
fn with(mut fields: Vec<(&'static str, String)>, field: &'static str, value: &str) -> Vec<(&'static str, String)> {
    let at = fields.iter().position(|(k, _)| *k == field);
    fields.retain(|(k, _)| *k != field);
    fields.insert(at.unwrap_or(fields.len()), (field, value.to_string()));
    fields
}

fn offering_fields(title: &str, cpv: &str) -> Vec<(&'static str, String)> {
    vec![
        ("title", title.to_string()),
        ("description", "Ramen wassen voor kantoren en scholen.".to_string()),
        ("kind", "service".to_string()),
        ("cpv_code", cpv.to_string()),
        ("cpv_query", String::new()),
        ("service_area", "national".to_string()),
        ("municipalities", String::new()),
        ("service_radius_km", String::new()),
        ("price_indication", "Op offerte".to_string()),
        ("lead_time", "Binnen twee weken".to_string()),
    ]
}

fn offering_ids(c: &mut DbConn) -> Vec<i32> {
    offerings::table.order(offerings::id).select(offerings::id).load(c).unwrap()
}

fn audit_actions(app: &TestApp) -> Vec<String> {
    app.with_conn(|c| audit_log::table.order(audit_log::id).select(audit_log::action).load(c).unwrap())
}

async fn public_record(app: &TestApp) -> serde_json::Value {
    let res = app.get("/api/v1/organisations/11111111").await;
    res.assert_status(200);
    res.json()
}

backend_tests! {
    async fn a_wise_user_edits_the_profile_and_the_public_sees_it(app) {
        let (user, _) = two_wises(&app);
        let mut browser = app.sign_in_as(&user).await;
        let home = app.get_with(&mut browser, "/").await;
        home.assert_contains("href=\"/manage\"");
        app.get_with(&mut browser, "/manage").await.assert_status(200).assert_contains("Eigen Keuken").assert_contains(OWN);
        let form = app.get_with(&mut browser, OWN).await;
        form.assert_status(200).assert_contains("value=\"Eigen Keuken\"").assert_contains("11111111");

        let res = post(&app, &mut browser, OWN, &profile_fields()).await;
        res.assert_status(303);
        // New certificates are claimed: the page to add their evidence comes next.
        assert_eq!(res.header("location"), Some("/manage/organisations/11111111/certificates?notice=claimed"));
        app.get_with(&mut browser, &format!("{OWN}?notice=saved"))
            .await
            .assert_status(200)
            .assert_contains("Uw wijzigingen zijn opgeslagen")
            .assert_contains("value=\"Eigen Keuken Oost\"")
            .assert_contains("value=\"ISO 9001\"")
            .assert_contains("value=\"2027-06-30\"");

        let record = public_record(&app).await;
        let o = &record["organisation"];
        assert_eq!(o["name"], "Eigen Keuken Oost");
        assert_eq!(o["slug"], "eigen-keuken", "the address of the public page stays the same");
        assert_eq!(o["website"], "https://eigenkeuken.example.nl");
        assert_eq!(o["district"], "Oost");
        assert_eq!(o["founded_year"], 2011);
        assert_eq!(o["market_income_pct"], 65);
        assert_eq!(o["updated_at"], "2026-11-23T12:00:00");
        assert_eq!(record["sectors"], serde_json::json!(["cleaning_facility", "catering", "green_maintenance"]));
        assert_eq!(record["target_groups"], serde_json::json!(["ex_offender", "mental_health"]));
        let certificates: Vec<(&str, &str, &str)> = record["certificates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["kind"].as_str().unwrap(), c["name"].as_str().unwrap(), c["state"].as_str().unwrap()))
            .collect();
        assert_eq!(
            certificates,
            [
                ("pso", "trede_2", "claimed"),
                ("cso", "registered", "claimed"),
                ("sena", "member", "claimed"),
                ("other", "ISO 9001", "expired"),
                ("other", "Keurmerk Schoon", "claimed")
            ]
        );

        let page = app.get("/organisations/eigen-keuken").await;
        page.assert_status(200).assert_contains("Eigen Keuken Oost").assert_contains("ISO 9001").assert_contains("verlopen");
        assert!(!page.body.contains(OWN), "the public gets no edit link");
        app.get_with(&mut browser, "/organisations/eigen-keuken").await.assert_contains(&format!("href=\"{OWN}\""));
        assert_eq!(audit_actions(&app).last().map(String::as_str), Some("organisation_updated"));

        // Emptying optional fields clears them; unchecking leaves only the primary sector.
        let mut fields = profile_fields();
        fields.retain(|(k, _)| !matches!(*k, "sectors" | "target_groups" | "cert_name" | "cert_valid_until" | "sena_member"));
        let fields = with(with(with(fields, "website", ""), "pso_level", ""), "pso_valid_until", "");
        post(&app, &mut browser, OWN, &fields).await.assert_status(303);
        let record = public_record(&app).await;
        assert_eq!(record["organisation"]["website"], serde_json::Value::Null);
        assert_eq!(record["sectors"], serde_json::json!(["cleaning_facility"]));
        assert_eq!(record["target_groups"], serde_json::json!([]));
        let left = &record["certificates"];
        assert_eq!((left[0]["kind"].as_str(), left.as_array().map(Vec::len)), (Some("cso"), Some(1)), "{left}");
    }

    async fn bad_profile_input_is_shown_again_with_field_errors_and_nothing_is_written(app) {
        let (user, _) = two_wises(&app);
        let mut browser = app.sign_in_as(&user).await;
        let long = "x".repeat(2001);
        let cases: [(&str, &str, &str); 6] = [
            ("primary_sector", "bakery", "sectors-error"),
            ("description", &long, "description-error"),
            ("website", "www.eigenkeuken.nl", "website-error"),
            ("pso_valid_until", "", "pso_valid_until-error"),
            ("founded_year", "twintig", "founded_year-error"),
            ("cert_valid_until", "31-01-2025", "certifications-error"),
        ];
        for (field, value, error) in cases {
            let res = post(&app, &mut browser, OWN, &with(profile_fields(), field, value)).await;
            res.assert_status(422).assert_contains(&format!("id=\"{error}\"")).assert_contains("href=\"#");
            if matches!(field, "website" | "founded_year" | "cert_valid_until") {
                res.assert_contains(&format!("value=\"{value}\""));
            }
        }
        // All at once, in English: every error is named, every value kept.
        let mut fields = with(profile_fields(), "primary_sector", "bakery");
        fields = with(fields, "website", "www.eigenkeuken.nl");
        fields = with(fields, "pso_valid_until", "");
        app.post_form(&mut browser, "/language", &[("lang", "en"), ("next", "/")]).await;
        let res = post(&app, &mut browser, OWN, &fields).await;
        res.assert_status(422)
            .assert_contains("This sector does not exist")
            .assert_contains("The web address must start with http:// or https://")
            .assert_contains("A PSO level needs a valid-until date")
            .assert_contains("value=\"Eigen Keuken Oost\"")
            .assert_contains("value=\"Dapperstraat 1\"");

        let record = public_record(&app).await;
        assert_eq!(record["organisation"]["name"], "Eigen Keuken");
        assert_eq!(record["sectors"], serde_json::json!(["catering"]));
        assert_eq!(record["organisation"]["updated_at"], "2026-11-23T12:00:00");
        assert!(!audit_actions(&app).contains(&"organisation_updated".to_string()));
    }

    async fn offerings_are_added_edited_hidden_and_deleted(app) {
        let (user, _) = two_wises(&app);
        let mut browser = app.sign_in_as(&user).await;
        app.get_with(&mut browser, &format!("{OWN}/offerings")).await.assert_status(200);
        app.get_with(&mut browser, &format!("{OWN}/offerings/new")).await.assert_status(200).assert_contains("cpv_query");

        // No kind chosen: the CPV code's division says it (45: works).
        let res = post(&app, &mut browser, &format!("{OWN}/offerings/new"), &with(offering_fields("Glazenwassen", "45000000-7"), "kind", "")).await;
        res.assert_status(303);
        let ids = app.with_conn(offering_ids);
        assert_eq!(ids.len(), 1);
        assert_eq!(app.with_conn(|c| offerings::table.select(offerings::kind).first::<String>(c)).unwrap(), "works");
        let id = ids[0];
        assert_eq!(res.header("location"), Some(format!("{OWN}/offerings?notice=created#offering-{id}").as_str()));
        let record = public_record(&app).await;
        assert_eq!(record["offerings"][0]["title"], "Glazenwassen");
        assert_eq!(record["offerings"][0]["cpv_code"], "45000000");
        app.get("/organisations/eigen-keuken").await.assert_contains("Glazenwassen");

        // Edit: another code, a list of municipalities.
        let edit = format!("{OWN}/offerings/{id}");
        app.get_with(&mut browser, &edit).await.assert_status(200).assert_contains("value=\"Glazenwassen\"").assert_contains("value=\"45000000\" checked");
        let mut fields = offering_fields("Glazenwassen en gevels", "90911300");
        fields.retain(|(k, _)| *k != "service_area" && *k != "municipalities");
        fields.push(("service_area", "municipalities".into()));
        fields.push(("municipalities", "Diemen\nAmsterdam, Zaanstad;Amsterdam".into()));
        post(&app, &mut browser, &edit, &fields).await.assert_status(303);
        let offering = &public_record(&app).await["offerings"][0];
        assert_eq!(offering["title"], "Glazenwassen en gevels");
        assert_eq!(offering["cpv_code"], "90911300");
        assert_eq!(offering["service_area"], "municipalities");
        assert_eq!(offering["municipalities"], serde_json::json!(["Amsterdam", "Diemen", "Zaanstad"]));

        // Radius.
        let mut fields = offering_fields("Glazenwassen en gevels", "90911300");
        fields.retain(|(k, _)| *k != "service_area" && *k != "service_radius_km");
        fields.push(("service_area", "radius".into()));
        fields.push(("service_radius_km", "25".into()));
        post(&app, &mut browser, &edit, &fields).await.assert_status(303);
        let offering = &public_record(&app).await["offerings"][0];
        assert_eq!((offering["service_area"].as_str(), offering["service_radius_km"].as_i64()), (Some("radius"), Some(25)));
        assert_eq!(offering["municipalities"], serde_json::json!([]));

        // Hidden: gone from the public profile, still in the WISE's own list.
        let res = app.post_form(&mut browser, &format!("{edit}/deactivate"), &[]).await;
        res.assert_status(303);
        assert_eq!(public_record(&app).await["offerings"], serde_json::json!([]));
        app.get("/organisations/eigen-keuken").await.assert_status(200);
        assert!(!app.get("/organisations/eigen-keuken").await.body.contains("Glazenwassen"));
        app.get_with(&mut browser, &format!("{OWN}/offerings?notice=deactivated"))
            .await
            .assert_contains("Glazenwassen en gevels")
            .assert_contains("Verborgen")
            .assert_contains(&format!("{edit}/activate"));
        app.post_form(&mut browser, &format!("{edit}/activate"), &[]).await.assert_status(303);
        assert_eq!(public_record(&app).await["offerings"][0]["title"], "Glazenwassen en gevels");

        // Deleted, after a confirmation page.
        app.get_with(&mut browser, &format!("{edit}/delete")).await.assert_status(200).assert_contains("Definitief verwijderen");
        let res = app.post_form(&mut browser, &format!("{edit}/delete"), &[]).await;
        res.assert_status(303);
        assert!(app.with_conn(offering_ids).is_empty());
        assert_eq!(public_record(&app).await["offerings"], serde_json::json!([]));
        app.get_with(&mut browser, &edit).await.assert_status(404);
        let actions = audit_actions(&app);
        for action in ["offering_created", "offering_updated", "offering_deactivated", "offering_activated", "offering_deleted"] {
            assert!(actions.iter().any(|a| a == action), "{action} is audited: {actions:?}");
        }
    }

    async fn bad_offerings_get_field_errors_and_nothing_is_written(app) {
        let (user, _) = two_wises(&app);
        let mut browser = app.sign_in_as(&user).await;
        let new = format!("{OWN}/offerings/new");
        let res = post(&app, &mut browser, &new, &offering_fields("Glazenwassen", "99999999")).await;
        res.assert_status(422)
            .assert_contains("id=\"cpv_code-error\"")
            .assert_contains("komt niet voor in de CPV-woordenlijst")
            .assert_contains("value=\"99999999\"")
            .assert_contains("value=\"Glazenwassen\"");
        let res = post(&app, &mut browser, &new, &offering_fields("Glazenwassen", "")).await;
        res.assert_status(422).assert_contains("id=\"cpv_code-error\"").assert_contains("Kies een CPV-code");
        let mut fields = offering_fields("Glazenwassen", "45000000-7");
        fields.retain(|(k, _)| *k != "service_area" && *k != "service_radius_km");
        fields.push(("service_area", "radius".into()));
        fields.push(("service_radius_km", "0".into()));
        post(&app, &mut browser, &new, &fields).await.assert_status(422).assert_contains("id=\"service_radius_km-error\"");
        let mut fields = offering_fields("Glazenwassen", "45000000-7");
        fields.retain(|(k, _)| *k != "service_area");
        fields.push(("service_area", "municipalities".into()));
        post(&app, &mut browser, &new, &fields).await.assert_status(422).assert_contains("id=\"municipalities-error\"");
        let fields = with(offering_fields("", "45000000-7"), "kind", "dienst");
        post(&app, &mut browser, &new, &fields)
            .await
            .assert_status(422)
            .assert_contains("id=\"title-error\"")
            .assert_contains("id=\"kind-error\"");
        assert!(app.with_conn(offering_ids).is_empty());

        // A typed code in the search field is taken when no code was picked.
        let mut fields = with(offering_fields("Glazenwassen", ""), "cpv_query", "90911300-8");
        fields.push(("step", "save".into()));
        post(&app, &mut browser, &new, &fields).await.assert_status(303);
        assert_eq!(app.with_conn(offering_ids).len(), 1);
    }

    async fn another_wise_cannot_touch_the_profile_or_its_offerings(app) {
        let (user, other) = two_wises(&app);
        let mut own = app.sign_in_as(&user).await;
        post(&app, &mut own, &format!("{OWN}/offerings/new"), &offering_fields("Glazenwassen", "45000000")).await.assert_status(303);
        let id = app.with_conn(offering_ids)[0];

        let mut intruder = app.sign_in_as(&other).await;
        app.get_with(&mut intruder, "/manage").await.assert_status(200).assert_contains("Andere Keuken");
        assert!(!app.get_with(&mut intruder, "/manage").await.body.contains("Eigen Keuken"));
        app.get_with(&mut intruder, OWN).await.assert_status(403);
        assert!(!app.get_with(&mut intruder, "/organisations/eigen-keuken").await.body.contains(OWN), "no edit link");
        post(&app, &mut intruder, OWN, &profile_fields()).await.assert_status(403);
        for path in [format!("{OWN}/offerings"), format!("{OWN}/offerings/new"), format!("{OWN}/offerings/{id}"), format!("{OWN}/offerings/{id}/delete")] {
            app.get_with(&mut intruder, &path).await.assert_status(403);
        }
        for action in ["", "/deactivate", "/activate", "/delete"] {
            let res = post(&app, &mut intruder, &format!("{OWN}/offerings/{id}{action}"), &offering_fields("Gekaapt", "45000000")).await;
            res.assert_status(403);
        }
        // Through their own WISE, the right id is not theirs: 404.
        app.get_with(&mut intruder, &format!("{OTHER}/offerings/{id}")).await.assert_status(404);
        app.get_with(&mut intruder, &format!("{OTHER}/offerings/{id}/delete")).await.assert_status(404);
        for action in ["", "/deactivate", "/activate", "/delete"] {
            let res = post(&app, &mut intruder, &format!("{OTHER}/offerings/{id}{action}"), &offering_fields("Gekaapt", "45000000")).await;
            res.assert_status(404);
        }
        let record = public_record(&app).await;
        assert_eq!(record["organisation"]["name"], "Eigen Keuken");
        assert_eq!(record["offerings"][0]["title"], "Glazenwassen");
        let owner: i32 = app.with_conn(|c| offerings::table.find(id).select(offerings::organisation_id).first(c).unwrap());
        let own_id: i32 = app.with_conn(|c| organisations::table.filter(organisations::kvk_number.eq("11111111")).select(organisations::id).first(c).unwrap());
        assert_eq!(owner, own_id);
        assert!(audit_actions(&app).contains(&"authorization_refused".to_string()));

        // The public is sent to sign in; buyers are refused.
        let mut public = app.visitor().await;
        let res = app.get_with(&mut public, OWN).await;
        res.assert_status(303);
        assert!(res.header("location").unwrap().starts_with("/sign-in?next="));
        app.post_form(&mut public, &format!("{OWN}/offerings/{id}/delete"), &[]).await.assert_status(401);
        let buyer = app.add_user("buyer", None);
        let mut buyer = app.sign_in_as(&buyer).await;
        app.get_with(&mut buyer, "/manage").await.assert_status(403);
        app.get_with(&mut buyer, OWN).await.assert_status(403);
        assert_eq!(app.with_conn(offering_ids), [id]);
    }

    async fn the_operator_opens_any_wise_by_kvk(app) {
        two_wises(&app);
        let admin = app.add_user("admin", None);
        let mut browser = app.sign_in_as(&admin).await;
        app.get_with(&mut browser, "/manage").await.assert_status(200).assert_contains("name=\"kvk\"");
        let res = app.get_with(&mut browser, "/manage?kvk=22222222").await;
        res.assert_status(303);
        assert_eq!(res.header("location"), Some(OTHER));
        app.get_with(&mut browser, "/manage?kvk=99999999").await.assert_status(422).assert_contains("id=\"kvk-error\"");
        app.get_with(&mut browser, "/manage?kvk=123").await.assert_status(422).assert_contains("id=\"kvk-error\"");
        app.get_with(&mut browser, OTHER).await.assert_status(200).assert_contains("value=\"Andere Keuken\"");
        post(&app, &mut browser, OTHER, &with(profile_fields(), "name", "Andere Keuken BV")).await.assert_status(303);
        app.get_with(&mut browser, "/manage/organisations/99999999").await.assert_status(404);
        app.get_with(&mut browser, "/manage/organisations/abc").await.assert_status(404);
    }

    async fn the_cpv_picker_finds_codes_by_prefix_and_by_words(app) {
        let res = app.get("/api/v1/cpv?q=4521").await;
        res.assert_status(200);
        let codes: Vec<String> =
            res.json()["codes"].as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap().to_string()).collect();
        assert_eq!(codes.first().map(String::as_str), Some("45210000"), "the class itself first");
        assert!(codes.len() > 5 && codes.len() <= 30);
        assert!(codes.iter().all(|c| c.starts_with("4521")));

        let res = app.get("/api/v1/cpv?q=Window%20CLEANING").await;
        let body = res.json();
        let codes: Vec<&str> = body["codes"].as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap()).collect();
        assert!(codes.contains(&"90911300"), "Window-cleaning services: {codes:?}");
        assert!(codes.contains(&"90911000"), "…building and window cleaning services: {codes:?}");
        assert_eq!(body["codes"][0]["division_label_nl"], "Diensten inzake afvalwater, afval, reiniging en milieu");

        // The check digit is ignored; Dutch division labels are found too; a mix narrows.
        let app_ref = &app;
        let first = |q: &str| {
            let q = q.to_string();
            async move { app_ref.get(&format!("/api/v1/cpv?q={q}")).await.json()["codes"][0]["code"].clone() }
        };
        assert_eq!(first("45000000-7").await, "45000000");
        assert_eq!(first("bouwwerkzaamheden").await, "45000000");
        assert_eq!(first("9091%20window").await, "90911000");

        // Dutch words find their branch through the shipped search words and Dutch labels:
        // cleaning for "schoonmaak" (not the furniture division's codes), meals for "maaltijd".
        let body = app.get("/api/v1/cpv?q=schoonmaak").await.json();
        let codes: Vec<&str> = body["codes"].as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap()).collect();
        assert!(codes.contains(&"90910000") && codes.contains(&"90911000"), "{codes:?}");
        assert!(!codes.iter().any(|c| c.starts_with("391")), "no furniture: {codes:?}");
        let cleaning = body["codes"].as_array().unwrap().iter().find(|c| c["code"] == "90910000").unwrap();
        assert_eq!((cleaning["label_en"].as_str(), cleaning["label_nl"].as_str()), (Some("Cleaning services"), Some("Reinigingsdiensten")));
        let meals = app.get("/api/v1/cpv?q=maaltijd").await.json().to_string();
        assert!(meals.contains("55520000") && meals.contains("55320000"), "{meals}");
        assert!(app.get("/api/v1/cpv?q=reinigingsdiensten").await.json().to_string().contains("90910000"), "Dutch labels are searched");
        assert_eq!(app.get("/api/v1/cpv?q=").await.json()["codes"], serde_json::json!([]));
        assert_eq!(app.get("/api/v1/cpv?q=%25%25%22*%3A%20_").await.json()["codes"], serde_json::json!([]));
        assert_eq!(app.get("/api/v1/cpv?q=zzzqqq").await.json()["codes"], serde_json::json!([]));
        let long = "a".repeat(201);
        app.get(&format!("/api/v1/cpv?q={long}")).await.assert_status(422);
        app.get("/api/v1/cpv?q=45&limit=0").await.assert_status(400);
        assert_eq!(app.get("/api/v1/cpv?q=45&limit=3").await.json()["codes"].as_array().unwrap().len(), 3);

        // Without JavaScript: the search button shows the matches as radio buttons and keeps the form.
        let (user, _) = two_wises(&app);
        let mut browser = app.sign_in_as(&user).await;
        let mut fields = with(offering_fields("Glazenwassen", ""), "cpv_query", "window cleaning");
        fields.push(("step", "find-cpv".into()));
        let res = post(&app, &mut browser, &format!("{OWN}/offerings/new"), &fields).await;
        res.assert_status(200)
            .assert_contains("type=\"radio\" name=\"cpv_code\" id=\"cpv-90911300\" value=\"90911300\"")
            .assert_contains("value=\"Glazenwassen\"")
            .assert_contains("value=\"window cleaning\"")
            .assert_contains("Op offerte")
            .assert_contains("js/cpv-picker.js");
        assert!(!res.body.contains("field-error"), "a search is not an error");
        let mut fields = with(offering_fields("Bouw", "90911300"), "cpv_query", "4521");
        fields.push(("step", "find-cpv".into()));
        let res = post(&app, &mut browser, &format!("{OWN}/offerings/new"), &fields).await;
        res.assert_status(200)
            .assert_contains("id=\"cpv-45210000\"")
            .assert_contains("value=\"90911300\" checked");
        let res = post(&app, &mut browser, &format!("{OWN}/offerings/new"), &with(fields, "cpv_query", "zzzqqq")).await;
        res.assert_status(200).assert_contains("Geen codes gevonden");
        assert!(app.with_conn(offering_ids).is_empty(), "searching saves nothing");
        app.get("/static/js/cpv-picker.js").await.assert_status(200);
    }

    async fn the_demo_wise_account_manages_its_demo_wise(app) {
        let app = TestApp::builder().demo().build(app.backend).await;
        let kvk = wise_monitor::demo::approved_sample()[0].kvk_number.clone();
        let mut browser = app.sign_in("onderneming@demo.wise-monitor.nl", wise_monitor::demo::DEMO_PASSWORD).await;
        app.get_with(&mut browser, "/manage").await.assert_status(200).assert_contains(&format!("/manage/organisations/{kvk}"));
        let base = format!("/manage/organisations/{kvk}");
        app.get_with(&mut browser, &base).await.assert_status(200);
        let list = app.get_with(&mut browser, &format!("{base}/offerings")).await;
        list.assert_status(200);
        let organisation_id: i32 = app.with_conn(|c| organisations::table.filter(organisations::kvk_number.eq(&kvk)).select(organisations::id).first(c).unwrap());
        let ids: Vec<i32> = app.with_conn(|c| offerings::table.filter(offerings::organisation_id.eq(organisation_id)).select(offerings::id).load(c).unwrap());
        assert!(!ids.is_empty());
        for id in ids {
            app.get_with(&mut browser, &format!("{base}/offerings/{id}")).await.assert_status(200);
        }
    }
}
