//! Reserved-contract eligibility (SPEC §2): derived from the latest accepted figures,
//! shown on the profile and in the search, filterable with `reserved=true`.

use diesel::prelude::*;
use wise_monitor::catalogue::eligibility::{self, ReservedContract};
use wise_monitor::db::{self, schema::organisations};
use wise_monitor::figures::periods;
use wise_monitor::figures::submissions::{self, Source, Verdict};
use wise_monitor::figures::values::Figures;
use wise_monitor::organisation::model::OrganisationInput;
use wise_monitor::organisation::store as org_store;

use crate::backend_tests;
use crate::support::{test_now, Backend, TestApp};

const BADGE_NL: &str = "Komt in aanmerking voor voorbehouden opdrachten (Aanbestedingswet art. 2.82) — op basis van";
const BADGE_SHORT_NL: &str = "Voorbehouden opdrachten (art. 2.82)";
const BADGE_EN: &str = "Eligible for reserved contracts (Aanbestedingswet art. 2.82) — based on";

fn figures(paid_target_group: u32, paid_regular: u32) -> Figures {
    let (ptg, regular) = (paid_target_group.to_string(), paid_regular.to_string());
    Figures::from_fields([
        ("paid_target_group", ptg.as_str()),
        ("paid_regular", regular.as_str()),
        ("trainees", "2"),
        ("daytime_activities", "0"),
        ("volunteers", "1"),
        ("new_participants", "1"),
        ("moved_to_paid_internal", "0"),
        ("moved_to_paid_external", "0"),
        ("moved_to_education", "0"),
        ("other_exits", "0"),
    ])
    .unwrap()
}

/// An approved WISE; returns its id.
fn wise(app: &TestApp, kvk: &str, name: &str) -> i32 {
    let input = OrganisationInput {
        kvk_number: kvk.into(),
        name: name.into(),
        municipality: "Zaandam".into(),
        sectors: vec!["other".into()],
        ..Default::default()
    };
    app.with_conn(|c| org_store::create_organisation(c, &input, "approved", db::timestamp(test_now()))).unwrap()
}

/// What happens to a WISE's figures for a period.
#[derive(Clone, Copy)]
enum Fate {
    Draft,
    Submitted,
    Returned,
    Accepted,
}

/// Stores figures for the WISE and period (a new revision when a submission exists).
fn report(app: &TestApp, org: i32, period: &str, (ptg, regular): (u32, u32), fate: Fate) {
    let now = db::timestamp(test_now());
    let period = app.with_conn(|c| periods::find(c, period)).unwrap().expect("period").id;
    let submit = !matches!(fate, Fate::Draft);
    let saved = app
        .with_conn(|c| submissions::save(c, org, period, &figures(ptg, regular), submit, Source::Form, None, now))
        .unwrap();
    let verdict = match fate {
        Fate::Accepted => Verdict::Accept,
        Fate::Returned => Verdict::Return("Klopt het aantal?".into()),
        Fate::Draft | Fate::Submitted => return,
    };
    app.with_conn(|c| submissions::review(c, saved.submission_id, &verdict, None, now)).unwrap();
}

fn verdict(eligible: bool, period: &str, pct: Option<i32>) -> ReservedContract {
    ReservedContract { eligible, period: period.into(), target_group_share_pct: pct }
}

fn slugs(json: &serde_json::Value) -> Vec<String> {
    json["items"].as_array().unwrap().iter().map(|i| i["slug"].as_str().unwrap().to_string()).collect()
}

fn item<'a>(json: &'a serde_json::Value, slug: &str) -> &'a serde_json::Value {
    json["items"].as_array().unwrap().iter().find(|i| i["slug"] == slug).unwrap_or_else(|| panic!("{slug} not listed"))
}

struct Fixture {
    exactly_thirty: i32,
    twenty: i32,
    latest_wins: i32,
    newer_not_accepted: i32,
    corrected: i32,
    draft_only: i32,
    no_figures: i32,
    suspended: i32,
}

/// WISEs in every situation the rule knows, over 2026-Q1..2026-Q3.
fn fixture(app: &TestApp) -> Fixture {
    let now = db::timestamp(test_now());
    let request = periods::validate_range("2026-Q1", "2026-Q3", "30").unwrap();
    app.with_conn(|c| periods::create_range(c, &request, now)).unwrap();
    let f = Fixture {
        exactly_thirty: wise(app, "70000001", "Aa Drie van Tien"),
        twenty: wise(app, "70000002", "Bb Twee van Tien"),
        latest_wins: wise(app, "70000003", "Cc Gezakt"),
        newer_not_accepted: wise(app, "70000004", "Dd Nog in Behandeling"),
        corrected: wise(app, "70000005", "Ee Gecorrigeerd"),
        draft_only: wise(app, "70000006", "Ff Alleen Concept"),
        no_figures: wise(app, "70000007", "Gg Zonder Cijfers"),
        suspended: wise(app, "70000008", "Hh Geschorst"),
    };
    report(app, f.exactly_thirty, "2026-Q2", (3, 7), Fate::Accepted);
    report(app, f.twenty, "2026-Q2", (2, 8), Fate::Accepted);
    // An eligible older quarter, then a newer accepted one that is not.
    report(app, f.latest_wins, "2026-Q2", (1, 9), Fate::Accepted);
    report(app, f.latest_wins, "2026-Q1", (5, 5), Fate::Accepted);
    // Accepted in Q1; Q2 only submitted, Q3 returned: Q1 still counts.
    report(app, f.newer_not_accepted, "2026-Q1", (4, 6), Fate::Accepted);
    report(app, f.newer_not_accepted, "2026-Q2", (0, 10), Fate::Submitted);
    report(app, f.newer_not_accepted, "2026-Q3", (0, 10), Fate::Returned);
    // Corrected before acceptance: the newest revision counts.
    report(app, f.corrected, "2026-Q3", (1, 9), Fate::Submitted);
    report(app, f.corrected, "2026-Q3", (42, 58), Fate::Accepted);
    report(app, f.draft_only, "2026-Q3", (10, 0), Fate::Draft);
    report(app, f.suspended, "2026-Q3", (9, 1), Fate::Accepted);
    app.with_conn(|c| {
        diesel::update(organisations::table.find(f.suspended)).set(organisations::status.eq("suspended")).execute(c)
    })
    .unwrap();
    f
}

backend_tests! {
    async fn reserved_eligibility_rests_on_the_latest_accepted_figures(app) {
        let f = fixture(&app);
        let one = |id: i32| app.with_conn(|c| eligibility::for_organisation(c, id)).unwrap();
        assert_eq!(one(f.exactly_thirty), Some(verdict(true, "2026-Q2", Some(30))), "exactly 30 % is enough");
        assert_eq!(one(f.twenty), Some(verdict(false, "2026-Q2", Some(20))));
        assert_eq!(one(f.latest_wins), Some(verdict(false, "2026-Q2", Some(10))), "the latest period by end date");
        assert_eq!(one(f.newer_not_accepted), Some(verdict(true, "2026-Q1", Some(40))), "submitted or returned do not count");
        assert_eq!(one(f.corrected), Some(verdict(true, "2026-Q3", Some(42))), "the newest revision");
        assert_eq!(one(f.draft_only), None);
        assert_eq!(one(f.no_figures), None);
        assert_eq!(one(f.suspended), None, "only approved WISEs");

        // The bulk function agrees with the single one, WISE by WISE.
        let all = app.with_conn(eligibility::for_approved).unwrap();
        assert_eq!(all.len(), 5);
        for id in [f.exactly_thirty, f.twenty, f.latest_wins, f.newer_not_accepted, f.corrected, f.draft_only, f.no_figures, f.suspended] {
            assert_eq!(all.get(&id).cloned(), one(id), "organisation {id}");
        }

        // A newer submission that gets accepted later does change it.
        report(&app, f.newer_not_accepted, "2026-Q2", (0, 10), Fate::Accepted);
        assert_eq!(one(f.newer_not_accepted), Some(verdict(false, "2026-Q2", Some(0))));
        // A correction after acceptance is submitted again: until it is accepted, the
        // previous accepted period counts.
        report(&app, f.exactly_thirty, "2026-Q1", (6, 4), Fate::Accepted);
        report(&app, f.exactly_thirty, "2026-Q2", (0, 10), Fate::Submitted);
        assert_eq!(one(f.exactly_thirty), Some(verdict(true, "2026-Q1", Some(60))));
    }

    async fn reserved_filter_and_field_in_the_api(app) {
        fixture(&app);
        let all = app.get("/api/v1/organisations?sort=name").await.json();
        assert_eq!(all["total"], 7, "the suspended WISE never appears");
        assert_eq!(
            item(&all, "aa-drie-van-tien")["reserved_contract"],
            serde_json::json!({"eligible": true, "period": "2026-Q2", "target_group_share_pct": 30})
        );
        assert_eq!(item(&all, "bb-twee-van-tien")["reserved_contract"]["eligible"], false);
        assert!(item(&all, "gg-zonder-cijfers")["reserved_contract"].is_null());
        assert!(item(&all, "ff-alleen-concept")["reserved_contract"].is_null());
        assert_eq!(
            all["facets"]["reserved"],
            serde_json::json!([{"value": "true", "count": 3, "selected": false}])
        );

        let only = app.get("/api/v1/organisations?reserved=true&sort=name").await.json();
        assert_eq!(slugs(&only), ["aa-drie-van-tien", "dd-nog-in-behandeling", "ee-gecorrigeerd"]);
        assert_eq!(only["facets"]["reserved"][0]["selected"], true);
        assert_eq!(item(&only, "dd-nog-in-behandeling")["reserved_contract"]["period"], "2026-Q1");
        // The other facets count within the eligible WISEs.
        let other = only["facets"]["sector"].as_array().unwrap().iter().find(|v| v["value"] == "other").unwrap();
        assert_eq!(other["count"], 3);
        // Combined with words, and `false` is no filter.
        let combined = app.get("/api/v1/organisations?reserved=true&q=gecorrigeerd").await.json();
        assert_eq!(slugs(&combined), ["ee-gecorrigeerd"]);
        let off = app.get("/api/v1/organisations?reserved=false").await.json();
        assert_eq!(off["total"], 7);
        let bad = app.get("/api/v1/organisations?reserved=yes").await;
        bad.assert_status(422);
        assert_eq!(bad.json()["details"][0]["field"], "reserved");
        app.get("/organisations?reserved=yes").await.assert_status(422);

        // One WISE's record.
        let record = app.get("/api/v1/organisations/70000005").await.json();
        assert_eq!(
            record["reserved_contract"],
            serde_json::json!({"eligible": true, "period": "2026-Q3", "target_group_share_pct": 42})
        );
        assert!(app.get("/api/v1/organisations/70000007").await.json()["reserved_contract"].is_null());
        app.get("/api/v1/organisations/70000008").await.assert_status(404);

        // The OpenAPI document describes the parameter and the field.
        let doc = app.get("/api/v1/openapi.json").await.json();
        let params = doc["paths"]["/api/v1/organisations"]["get"]["parameters"].as_array().unwrap();
        assert!(params.iter().any(|p| p["name"] == "reserved"), "{params:?}");
        let schema = &doc["components"]["schemas"]["ReservedContract"];
        for field in ["eligible", "period", "target_group_share_pct"] {
            assert!(schema["properties"][field].is_object(), "{field}: {schema}");
        }
    }

    async fn reserved_badge_on_the_pages_and_in_the_export(app) {
        fixture(&app);
        // The search page with the filter: chosen (a link that removes it), with its
        // count, as a chip; the short badge on each card (the explanation is on the profile).
        let page = app.get("/organisations?reserved=true&sort=name").await;
        page.assert_status(200)
            .assert_contains("href=\"/organisations?sort&#x3D;name\" data-facet=\"reserved\" data-value=\"true\" aria-current=\"true\">Alleen sociale ondernemingen die in aanmerking komen voor voorbehouden opdrachten <span class=\"facet__count\">(3)</span>")
            .assert_contains("<span class=\"chip__field\">Voorbehouden opdrachten:</span>")
            .assert_contains("href=\"/organisations/aa-drie-van-tien?back&#x3D;reserved%3Dtrue%26sort%3Dname\"")
            .assert_contains("3 sociale ondernemingen");
        assert_eq!(page.body.matches(BADGE_SHORT_NL).count(), 4, "three cards and the chip");
        assert!(!page.body.contains(BADGE_NL), "the long badge is on the profile only");
        assert!(!page.body.contains("/organisations/bb-twee-van-tien\""));
        assert!(!page.body.contains("/organisations/gg-zonder-cijfers\""));
        assert!(!page.body.contains("/organisations/hh-geschorst\""));
        // Without the filter: every approved WISE, a badge only on the eligible ones.
        let page = app.get("/organisations?sort=name").await;
        page.assert_status(200).assert_contains("href=\"/organisations/bb-twee-van-tien?back&#x3D;sort%3Dname\"");
        assert!(!page.body.contains("aria-current=\"true\">Alleen"));
        assert_eq!(page.body.matches(BADGE_SHORT_NL).count(), 3);
        assert!(!page.body.contains("/organisations/hh-geschorst\""), "suspended WISEs never appear");
        // Paging keeps the filter in the URL.
        let paged = app.get("/organisations?reserved=true&sort=name&per_page=1").await;
        paged.assert_contains(
            "rel=\"next\" href=\"/organisations?reserved&#x3D;true&amp;sort&#x3D;name&amp;per_page&#x3D;1&amp;page&#x3D;2\"",
        );
        let second = app.get("/organisations?reserved=true&sort=name&per_page=1&page=2").await;
        second.assert_status(200).assert_contains("href=\"/organisations/dd-nog-in-behandeling?back&#x3D;");
        // From a profile the breadcrumb leads back to the search it was found by.
        app.get("/organisations/dd-nog-in-behandeling?back=reserved%3Dtrue%26sort%3Dname%26page%3D2%26evil%3D1")
            .await
            .assert_contains("href=\"/organisations?reserved&#x3D;true&amp;sort&#x3D;name&amp;page&#x3D;2\"");

        // The profile: the badge with its period and the share, in both languages.
        let profile = app.get("/organisations/aa-drie-van-tien").await;
        profile.assert_status(200)
            .assert_contains(&format!("{BADGE_NL} 2026-Q2"))
            .assert_contains("30% van het betaalde personeel hoort bij de doelgroep");
        app.get_in("en", "/organisations/ee-gecorrigeerd")
            .await
            .assert_contains(&format!("{BADGE_EN} 2026-Q3"))
            .assert_contains("42% of the paid staff belong to the target group");
        for slug in ["bb-twee-van-tien", "cc-gezakt", "ff-alleen-concept", "gg-zonder-cijfers"] {
            let res = app.get(&format!("/organisations/{slug}")).await;
            res.assert_status(200);
            assert!(!res.body.contains(BADGE_NL), "{slug} shows a badge");
        }
        app.get("/organisations/hh-geschorst").await.assert_status(404);

        // The CSV export: eligibility and its period; empty without accepted figures.
        let csv = app.get("/organisations.csv?sort=name").await;
        csv.assert_status(200);
        let lines: Vec<&str> = csv.body.lines().collect();
        assert!(lines[0].ends_with(",profile_url,reserved_contract,reserved_contract_period"), "{}", lines[0]);
        let line = |kvk: &str| *lines.iter().find(|l| l.starts_with(kvk)).unwrap_or_else(|| panic!("{kvk} missing"));
        assert!(line("70000001").ends_with("/organisations/aa-drie-van-tien,true,2026-Q2"));
        assert!(line("70000002").ends_with(",false,2026-Q2"));
        assert!(line("70000007").ends_with("/organisations/gg-zonder-cijfers,,"));
        let only = app.get("/organisations.csv?reserved=true").await;
        assert_eq!(only.body.lines().count(), 4, "{}", only.body);
    }
}

/// The demo data gives some eligible WISEs, and both backends agree on them.
#[actix_web::test]
async fn reserved_demo_agrees_on_both_backends() {
    let sqlite = TestApp::builder().demo().build(Backend::Sqlite).await;
    let a = sqlite.get("/api/v1/organisations?reserved=true&per_page=100").await.json();
    let total = a["total"].as_u64().unwrap();
    let everyone = sqlite.get("/api/v1/organisations?per_page=100").await.json();
    let eligible =
        everyone["items"].as_array().unwrap().iter().filter(|i| i["reserved_contract"]["eligible"] == true).count();
    assert!(total > 0);
    assert_eq!(total, eligible as u64);
    assert_eq!(everyone["facets"]["reserved"][0]["count"], total);
    // Each rests on the newest accepted quarter (the newest one is only submitted).
    for item in a["items"].as_array().unwrap() {
        assert_eq!(item["reserved_contract"]["period"], "2026-Q2", "{item}");
        assert!(item["reserved_contract"]["target_group_share_pct"].as_i64().unwrap() >= 30);
    }
    if !crate::support::postgres_available("reserved::reserved_demo_agrees_on_both_backends") {
        return;
    }
    let postgres = TestApp::builder().demo().build(Backend::Postgres).await;
    let b = postgres.get("/api/v1/organisations?reserved=true&per_page=100").await.json();
    let (mut sa, mut sb) = (slugs(&a), slugs(&b));
    sa.sort();
    sb.sort();
    assert_eq!(sa, sb);
    assert_eq!(a["facets"], b["facets"]);
    let all_a = everyone;
    let all_b = postgres.get("/api/v1/organisations?per_page=100").await.json();
    let verdicts = |j: &serde_json::Value| {
        let mut v: Vec<(String, String)> = j["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| (i["slug"].as_str().unwrap().to_string(), i["reserved_contract"].to_string()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(verdicts(&all_a), verdicts(&all_b));
}
