//! Service areas with geography (issue 25): an offering with a radius serves the
//! municipalities whose centroid lies within it of its WISE's municipality, in the
//! search, its facets and the API alike; until the operator imports the municipalities
//! with their coordinates it serves only its own, and the profile says so. The import
//! names every error by line and column and writes nothing then.

use actix_web::test::TestRequest;
use wise_monitor::db;
use wise_monitor::organisation::model::{OfferingInput, OrganisationInput, ServiceArea};
use wise_monitor::organisation::offerings::create_offering;
use wise_monitor::organisation::store as org_store;

use crate::backend_tests;
use crate::support::{test_now, TestApp};

async fn found(app: &TestApp, municipality: &str) -> Vec<String> {
    let res = app.send(TestRequest::get().uri(&format!("/api/v1/organisations?municipality={municipality}"))).await;
    res.assert_status(200);
    let body = res.json();
    body["items"].as_array().unwrap().iter().map(|o| o["name"].as_str().unwrap().to_string()).collect()
}

backend_tests! {
    async fn a_radius_serves_the_municipalities_within_it(app) {
        let now = db::timestamp(test_now());
        let input = OrganisationInput {
            kvk_number: "12121212".into(),
            name: "Zaanse Schoonmaak".into(),
            municipality: "Zaanstad".into(),
            sectors: vec!["cleaning_facility".into()],
            ..Default::default()
        };
        let wise = app.with_conn(|c| org_store::create_organisation(c, &input, "approved", now)).unwrap();
        let offering = OfferingInput {
            title: "Kantoorschoonmaak".into(),
            description: String::new(),
            kind: "service".into(),
            cpv_code: "90919200".into(),
            service_area: ServiceArea::RadiusKm(12),
            price_indication: None,
            lead_time: None,
            active: true,
        };
        app.with_conn(|c| create_offering(c, wise, &offering, "90919200", now)).unwrap();
        let name = "Zaanse Schoonmaak";

        // No coordinates yet: the radius serves Zaanstad only, and the profile says so.
        assert_eq!(found(&app, "Zaanstad").await, [name]);
        assert!(found(&app, "Amsterdam").await.is_empty());
        let slug = app.with_conn(|c| org_store::organisation_by_kvk(c, "12121212")).unwrap().unwrap().slug;
        let profile = app.send(TestRequest::get().uri(&format!("/organisations/{slug}"))).await;
        profile.assert_status(200).assert_contains("data-testid=\"no-coordinates\"");

        // The operator's import: one bad line rejects the file, every error named.
        let admin = app.add_user("admin", None);
        let mut a = app.sign_in_as(&admin).await;
        let bad = "code,name,latitude,longitude\nGM0479,Zaanstad,52.4559,4.8286\nGM363,Amsterdam,52.3676,\n";
        let res = app.post_form(&mut a, "/admin/municipalities", &[("csv", bad)]).await;
        res.assert_status(422).assert_contains("GM0363").assert_contains("<code>longitude</code>");
        assert!(found(&app, "Amsterdam").await.is_empty(), "nothing was written");
        let good = "code,name,latitude,longitude\n\
                    GM0479,Zaanstad,52.4559,4.8286\n\
                    GM0363,Amsterdam,52.3676,4.9041\n\
                    GM0392,Haarlem,52.3874,4.6462\n\
                    GM0361,Alkmaar,,\n";
        app.post_form(&mut a, "/admin/municipalities", &[("csv", good)]).await.assert_status(303);
        let page = app.get_with(&mut a, "/admin/municipalities").await;
        page.assert_status(200).assert_contains("GM0392").assert_contains("Alkmaar");

        // Amsterdam (11 km away) is within 12 km of Zaanstad; Haarlem (14.5 km) is not;
        // Alkmaar has no coordinates.
        assert_eq!(found(&app, "Amsterdam").await, [name]);
        assert!(found(&app, "Haarlem").await.is_empty());
        assert!(found(&app, "Alkmaar").await.is_empty());
        assert_eq!(found(&app, "zaanstad").await, [name]);
        // The municipality facet of the search page offers Amsterdam for it.
        let search = app.send(TestRequest::get().uri("/organisations?q=schoonmaak")).await;
        search.assert_status(200).assert_contains("Amsterdam");
        let profile = app.send(TestRequest::get().uri(&format!("/organisations/{slug}"))).await;
        assert!(!profile.body.contains("data-testid=\"no-coordinates\""));
    }
}
