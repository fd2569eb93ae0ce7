//! The catalogue search: text, filters, facets, paging, export, API, bad input.

use wise_monitor::db;
use wise_monitor::organisation::model::{OfferingInput, OrganisationInput, ServiceArea};
use wise_monitor::organisation::offerings as offering_store;
use wise_monitor::organisation::store as org_store;

use crate::backend_tests;
use crate::support::{test_now, Backend, TestApp};

fn slugs(json: &serde_json::Value) -> Vec<String> {
    json["items"].as_array().unwrap().iter().map(|i| i["slug"].as_str().unwrap().to_string()).collect()
}

fn count_of(json: &serde_json::Value, facet: &str, value: &str) -> u64 {
    json["facets"][facet]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["value"] == value)
        .map_or(0, |v| v["count"].as_u64().unwrap())
}

/// A WISE with one offering, approved.
fn add_wise(
    app: &TestApp,
    kvk: &str,
    name: &str,
    description: &str,
    sector: &str,
    offering: (&str, &str, ServiceArea),
) {
    let now = db::timestamp(test_now());
    let input = OrganisationInput {
        kvk_number: kvk.into(),
        name: name.into(),
        description: description.into(),
        municipality: "Haarlem".into(),
        sectors: vec![sector.into()],
        ..Default::default()
    };
    let id = app.with_conn(|c| org_store::create_organisation(c, &input, "approved", now)).unwrap();
    let offer = OfferingInput {
        title: offering.0.into(),
        description: String::new(),
        kind: "service".into(),
        cpv_code: offering.1.into(),
        service_area: offering.2,
        price_indication: None,
        lead_time: None,
        active: true,
    };
    let code = app.with_conn(|c| offering_store::validate_offering(c, &offer)).unwrap().unwrap();
    app.with_conn(|c| offering_store::create_offering(c, id, &offer, &code, now)).unwrap();
}

backend_tests! {
    async fn words_match_by_prefix_without_diacritics_in_names_descriptions_and_offerings(app) {
        add_wise(&app, "10000001", "Café De Ketel", "Lunch en vergaderzalen.", "catering", ("Broodjeslunch", "55520000", ServiceArea::National));
        add_wise(&app, "10000002", "Glans Schoonmaak", "Kantoren schoon.", "cleaning_facility", ("Glazenwassen", "90911300", ServiceArea::Municipalities(vec!["Zaanstad".into()])));
        add_wise(&app, "10000003", "Fietsdokter", "Reparatie van fietsen.", "recycling_repair", ("Fietsreparatie op locatie", "50000000", ServiceArea::RadiusKm(10)));
        let api = |q: &str| format!("/api/v1/organisations?q={q}&sort=name");
        assert_eq!(slugs(&app.get(&api("cafe")).await.json()), ["cafe-de-ketel"], "diacritics folded");
        assert_eq!(slugs(&app.get(&api("schoonm")).await.json()), ["glans-schoonmaak"], "prefix");
        assert_eq!(slugs(&app.get(&api("glazenwas")).await.json()), ["glans-schoonmaak"], "via an offering");
        assert_eq!(slugs(&app.get(&api("fiets%20reparatie")).await.json()), ["fietsdokter"], "every word must match");
        assert!(slugs(&app.get(&api("fiets%20glazen")).await.json()).is_empty());
        // Municipality served: own location, a listed municipality, or national.
        let zaanstad = app.get("/api/v1/organisations?municipality=zaanstad&sort=name").await.json();
        assert_eq!(slugs(&zaanstad), ["cafe-de-ketel", "glans-schoonmaak"]);
        // FTS syntax is just text.
        for q in ["%22", "*", "NEAR(a%20b)", "title:x", "a%20OR%20b", "-x", "(", "%27"] {
            app.get(&api(q)).await.assert_status(200);
            app.get(&format!("/organisations?q={q}")).await.assert_status(200);
        }
        // Offerings search.
        let offers = app.get("/api/v1/offerings?q=fiets").await.json();
        assert_eq!(offers["total"], 1);
        assert_eq!(offers["items"][0]["organisation"]["kvk_number"], "10000003");
        let cleaning = app.get("/api/v1/offerings?cpv=9091").await.json();
        assert_eq!(cleaning["items"][0]["title"], "Glazenwassen");
    }

    async fn filters_and_facets_agree_and_the_page_matches_the_api(app) {
        app.with_conn(|c| wise_monitor::demo::fill_if_empty(c, db::timestamp(test_now())).unwrap());
        let all = app.get("/api/v1/organisations?per_page=100").await.json();
        assert_eq!(all["total"], 60);
        // Each sector facet count is what filtering on that sector gives.
        for sector in ["catering", "cleaning_facility", "green_maintenance"] {
            let filtered = app.get(&format!("/api/v1/organisations?sector={sector}&per_page=100")).await.json();
            assert_eq!(filtered["total"].as_u64().unwrap(), count_of(&all, "sector", sector), "{sector}");
            assert!(filtered["total"].as_u64().unwrap() >= 2);
        }
        // CPV prefix: a division, then the groups inside it.
        let division = app.get("/api/v1/organisations?cpv=90&per_page=100").await.json();
        assert_eq!(division["total"].as_u64().unwrap(), count_of(&all, "cpv", "90"));
        assert!(division["facets"]["cpv"].as_array().unwrap().iter().any(|v| v["value"].as_str().unwrap().starts_with("90") && v["value"].as_str().unwrap().len() == 3));
        let full_code = app.get("/api/v1/organisations?cpv=90000000-7&per_page=100").await.json();
        assert_eq!(full_code["total"], division["total"], "a full code with check digit means its division");

        // The page shows the same WISEs as the API for the same query.
        let query = "q=schoonmaak&sort=name&municipality=Amsterdam";
        let api = app.get(&format!("/api/v1/organisations?{query}")).await.json();
        let page = app.get(&format!("/organisations?{query}")).await;
        page.assert_status(200);
        assert!(api["total"].as_u64().unwrap() > 0);
        for slug in slugs(&api) {
            page.assert_contains(&format!("href=\"/organisations/{slug}?back&#x3D;q%3Dschoonmaak%26municipality%3DAmsterdam%26sort%3Dname\""));
        }
        page.assert_contains(&format!("{} sociale ondernemingen", api["total"]));
        // The filters: each value a link with its count, the chosen one removes itself and
        // is a chip too; a new search text keeps the filters.
        page.assert_contains("href=\"/organisations?q&#x3D;schoonmaak&amp;sort&#x3D;name\" data-facet=\"municipality\" data-value=\"Amsterdam\" aria-current=\"true\">Amsterdam")
            .assert_contains("<span class=\"chip__field\">Levert in gemeente:</span> Amsterdam")
            .assert_contains("<input type=\"hidden\" name=\"municipality\" value=\"Amsterdam\">");
        let service = api["facets"]["kind"].as_array().unwrap().iter().find(|v| v["value"] == "service").unwrap();
        page.assert_contains(&format!(
            "href=\"/organisations?q&#x3D;schoonmaak&amp;kind&#x3D;service&amp;municipality&#x3D;Amsterdam&amp;sort&#x3D;name\" data-facet=\"kind\" data-value=\"service\">Dienst <span class=\"facet__count\">({})</span>",
            service["count"]
        ));
        // Nothing found: said once, and the chosen filter stays with its zero count.
        let none = app.get("/organisations?q=zzyzx&sector=catering").await;
        none.assert_status(200)
            .assert_contains("Niets gevonden")
            .assert_contains("data-value=\"catering\" aria-current=\"true\">Horeca en catering <span class=\"facet__count\">(0)</span>");
        assert!(!none.body.contains("nog geen sociale ondernemingen"), "an empty search is not an empty catalogue");

        // Paging keeps the whole search in the URL.
        let first = app.get("/organisations?sector=catering&per_page=2").await;
        first.assert_status(200);
        let second = app.get("/api/v1/organisations?per_page=20&page=2").await.json();
        assert_eq!(second["page"], 2);
        let paged = app.get("/organisations?page=2").await;
        paged.assert_contains("rel=\"prev\" href=\"/organisations\"");
    }

    async fn bad_searches_get_field_errors_never_a_500(app) {
        let long = "x".repeat(10_000);
        let res = app.get(&format!("/api/v1/organisations?q={long}")).await;
        res.assert_status(422);
        assert_eq!(res.json()["details"][0]["field"], "q");
        app.get(&format!("/organisations?q={long}")).await.assert_status(422).assert_contains("200 tekens");
        for (query, field) in [
            ("sector=bakery", "sector"),
            ("cpv=4x", "cpv"),
            ("kind=gift", "kind"),
            ("target_group=aliens", "target_group"),
            ("certification=iso", "certification"),
            ("sort=random", "sort"),
            ("page=0", "page"),
            ("page=abc", "page"),
            ("page=99", "page"),
            ("per_page=1000", "per_page"),
        ] {
            let res = app.get(&format!("/api/v1/organisations?{query}")).await;
            res.assert_status(422);
            assert_eq!(res.json()["details"][0]["field"], field, "{query}");
            app.get(&format!("/organisations?{query}")).await.assert_status(422);
            app.get(&format!("/api/v1/offerings?{query}")).await.assert_status(422);
        }
    }

    async fn results_export_as_csv_without_formulas(app) {
        add_wise(&app, "10000004", "=HYPERLINK(\"x\") Werkplaats", "Test.", "other", ("Montage", "42000000", ServiceArea::National));
        add_wise(&app, "10000005", "Groen Werk", "Tuinen.", "green_maintenance", ("Tuinonderhoud", "77310000", ServiceArea::National));
        let res = app.get("/organisations.csv?sort=name").await;
        res.assert_status(200);
        assert!(res.header("content-type").unwrap().starts_with("text/csv"));
        let mut lines = res.body.lines();
        assert_eq!(
            lines.next(),
            Some("kvk_number,name,municipality,district,sectors,offerings,profile_url,reserved_contract,reserved_contract_period")
        );
        assert!(res.body.contains("\"'=HYPERLINK(\"\"x\"\") Werkplaats\""), "{}", res.body);
        assert!(res.body.contains("10000005,Groen Werk,Haarlem,,green_maintenance,1,http://127.0.0.1:8080/organisations/groen-werk"));
        let only = app.get("/organisations.csv?sector=green_maintenance").await;
        assert_eq!(only.body.lines().count(), 2);
        // For a spreadsheet: Dutch column names, semicolons, a byte-order mark; formulas
        // still defused. In English: commas and English names. The page links both.
        let sheet = app.get("/organisations.csv?sort=name&format=excel").await;
        sheet.assert_status(200);
        assert_eq!(sheet.header("content-disposition"), Some("attachment; filename=\"wise-organisations-excel.csv\""));
        let mut lines = sheet.body.strip_prefix('\u{feff}').expect("a byte-order mark").lines();
        assert_eq!(
            lines.next(),
            Some("KvK-nummer;Naam;Gemeente;Stadsdeel;Sectoren;Producten en diensten;Profiel;Voorbehouden opdrachten;Op basis van periode")
        );
        assert!(sheet.body.contains("10000005;Groen Werk;Haarlem;;green_maintenance;1;"), "{}", sheet.body);
        assert!(sheet.body.contains("'=HYPERLINK"), "{}", sheet.body);
        let english = app.get_in("en", "/organisations.csv?format=excel").await;
        assert!(english.body.contains("KvK number,Name,Municipality"), "{}", english.body);
        app.get("/organisations.csv?format=xlsx").await.assert_status(400).assert_contains("format");
        app.get("/organisations?sort=name")
            .await
            .assert_contains("href=\"/organisations.csv?sort&#x3D;name&amp;format&#x3D;excel\"")
            .assert_contains("href=\"/organisations.csv?sort&#x3D;name\"");
    }
}

/// The same fixture gives the same result sets and facet counts on both backends.
#[actix_web::test]
async fn both_backends_find_the_same() {
    if !crate::support::postgres_available("search::both_backends_find_the_same") {
        return;
    }
    let sqlite = TestApp::builder().demo().build(Backend::Sqlite).await;
    let postgres = TestApp::builder().demo().build(Backend::Postgres).await;
    for query in [
        "q=schoon",
        "q=fiets&sector=recycling_repair",
        "cpv=45",
        "kind=good&municipality=Amsterdam",
        "q=catering&target_group=refugee_background",
        "certification=pso&sort=updated",
        "q=a",
    ] {
        let a = sqlite.get(&format!("/api/v1/organisations?{query}&per_page=100")).await.json();
        let b = postgres.get(&format!("/api/v1/organisations?{query}&per_page=100")).await.json();
        let mut sa = slugs(&a);
        let mut sb = slugs(&b);
        sa.sort();
        sb.sort();
        assert_eq!(sa, sb, "{query}: result sets differ");
        assert_eq!(a["facets"], b["facets"], "{query}: facet counts differ");
        let a = sqlite.get(&format!("/api/v1/offerings?{query}&per_page=100")).await.json();
        let b = postgres.get(&format!("/api/v1/offerings?{query}&per_page=100")).await.json();
        assert_eq!(a["total"], b["total"], "{query}: offerings differ");
    }
}

backend_tests! {
    async fn a_search_sees_every_committed_change_at_once(app) {
        // The facts of the catalogue are kept in memory between searches; any write to
        // the tables they come from, by this process or another, must show at the next search.
        add_wise(&app, "51000001", "Fietsenmakerij Noord", "Reparatie", "recycling_repair", ("Fietsreparatie", "50000000", ServiceArea::National));
        let first = app.get("/api/v1/organisations?q=fiets").await.json();
        assert_eq!(slugs(&first), ["fietsenmakerij-noord"]);
        add_wise(&app, "51000002", "Fietsdepot Zuid", "Opslag", "logistics_mail", ("Fietsenstalling", "63120000", ServiceArea::National));
        let second = app.get("/api/v1/organisations?q=fiets").await.json();
        assert_eq!(slugs(&second), ["fietsdepot-zuid", "fietsenmakerij-noord"]);
        assert_eq!(count_of(&second, "sector", "logistics_mail"), 1);
        // Plain SQL, as another process or an operator's console would write.
        app.with_conn(|c| {
            use diesel::RunQueryDsl;
            diesel::sql_query("UPDATE organisations SET status = 'suspended' WHERE kvk_number = '51000002'").execute(c)?;
            diesel::sql_query("UPDATE offerings SET cpv_code = '50100000' WHERE title = 'Fietsreparatie'").execute(c)
        })
        .unwrap();
        let third = app.get("/api/v1/organisations?q=fiets&cpv=501").await.json();
        assert_eq!(slugs(&third), ["fietsenmakerij-noord"]);
        assert_eq!(count_of(&third, "sector", "logistics_mail"), 0, "the suspended WISE is gone from the facets too");
    }
}
