//! Reviewing submissions (issue 20): the previous period and the difference beside each
//! value with the warnings the WISE saw, "accept and next", status tabs on the
//! overview, accepting every submission without warnings at once, the provisional mark
//! on a report whose submissions are not all reviewed, and the return form's errors in
//! sight. One world per database serves every test of the module.

use wise_monitor::db;
use wise_monitor::figures::periods;
use wise_monitor::figures::submissions::{self, Source, Verdict};
use wise_monitor::figures::values::Figures;
use wise_monitor::organisation::model::OrganisationInput;
use wise_monitor::organisation::store as org_store;

use crate::backend_tests;
use crate::support::{test_now, Browser, TestApp};

/// The module's world: five approved WISEs, the quarters 2026-Q2 and 2026-Q3, and an
/// operator signed in.
struct World {
    /// The 2026-Q3 submissions: Anker (no warnings; 2026-Q2 accepted), Bakkerij (a
    /// warning; 2026-Q2 only submitted), Composteer (no warnings), Eetcafé (returned).
    /// Dakwerk has none.
    anker: i32,
    bakkerij: i32,
    composteer: i32,
    eetcafe: i32,
    admin: Browser,
}

fn figures(paid_target_group: i64, internal: i64, fte_hundredths: Option<i64>) -> Figures {
    Figures {
        stocks: [paid_target_group, 5, 8, 4, 3],
        flows: [6, internal, 3, 1, 2],
        fte_target_group_hundredths: fte_hundredths,
        ..Figures::default()
    }
}

async fn world(app: &TestApp) -> World {
    let now = db::timestamp(test_now());
    let request = periods::validate_range("2026-Q2", "2026-Q3", "30").unwrap();
    app.with_conn(|c| periods::create_range(c, &request, now)).unwrap();
    let q2 = app.with_conn(|c| periods::find(c, "2026-Q2")).unwrap().unwrap().id;
    let q3 = app.with_conn(|c| periods::find(c, "2026-Q3")).unwrap().unwrap().id;
    let wise = |kvk: &str, name: &str| {
        let input = OrganisationInput {
            kvk_number: kvk.into(),
            name: name.into(),
            municipality: "Zaandam".into(),
            sectors: vec!["other".into()],
            ..Default::default()
        };
        app.with_conn(|c| org_store::create_organisation(c, &input, "approved", now)).unwrap()
    };
    let (a, b, c, _d, e) = (
        wise("71111111", "Anker"),
        wise("72222222", "Bakkerij"),
        wise("73333333", "Composteer"),
        wise("74444444", "Dakwerk"),
        wise("75555555", "Eetcafé"),
    );
    let day = |m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(2026, m, d).unwrap().and_hms_opt(10, 0, 0).unwrap();
    let submit = |org: i32, period: i32, f: &Figures, at: chrono::NaiveDateTime| {
        app.with_conn(|conn| submissions::save(conn, org, period, f, true, Source::Form, None, at))
            .unwrap()
            .submission_id
    };
    let review =
        |id: i32, verdict: Verdict| app.with_conn(|c| submissions::review(c, id, &verdict, None, now)).unwrap();
    // 2026-Q2: Anker accepted; Bakkerij submitted but never accepted.
    let anker_q2 = submit(a, q2, &figures(17, 2, Some(1250)), day(7, 10));
    review(anker_q2, Verdict::Accept);
    submit(b, q2, &figures(9, 2, None), day(7, 10));
    // 2026-Q3 (due on 31 October): Composteer late, Dakwerk missing.
    let anker = submit(a, q3, &figures(20, 2, Some(1425)), day(10, 20));
    let bakkerij = submit(b, q3, &figures(12, 40, None), day(10, 21));
    let composteer = submit(c, q3, &figures(8, 1, None), day(11, 5));
    let eetcafe = submit(e, q3, &figures(6, 1, None), day(10, 22));
    review(eetcafe, Verdict::Return("Graag nakijken".into()));
    let admin = app.add_user("admin", None);
    let admin = app.sign_in_as(&admin).await;
    World { anker, bakkerij, composteer, eetcafe, admin }
}

fn status_of(app: &TestApp, id: i32) -> String {
    app.with_conn(|c| submissions::by_id(c, id)).unwrap().unwrap().status
}

/// The audit log's (action, target, detail) of every review decision, oldest first.
fn decisions(app: &TestApp) -> Vec<(String, String, String)> {
    use diesel::prelude::*;
    use wise_monitor::db::schema::audit_log;
    app.with_conn(|c| {
        audit_log::table
            .filter(audit_log::action.like("submission_%"))
            .order(audit_log::id)
            .select((audit_log::action, audit_log::target, audit_log::detail))
            .load(c)
            .unwrap()
    })
}

backend_tests! {
    async fn the_review_shows_the_previous_period_the_difference_and_the_warnings(app) {
        let mut w = world(&app).await;
        let page = app.get_with(&mut w.admin, &format!("/admin/submissions/{}", w.anker)).await;
        page.assert_status(200).assert_contains("Vorige periode (2026-Q2)").assert_contains("2026-Q3 (nieuwste)");
        // Paid target group 17 → 20; FTE 12,5 → 14,25; paid regular unchanged.
        page.assert_contains("<td class=\"review-table__number\">20</td>\n      <td class=\"review-table__number\">17</td>\n      <td class=\"review-table__number\"><strong>+3</strong></td>");
        page.assert_contains("<td class=\"review-table__number\">14,25</td>\n      <td class=\"review-table__number\">12,5</td>\n      <td class=\"review-table__number\"><strong>+1,75</strong></td>");
        page.assert_contains("<td class=\"review-table__number\">5</td>\n      <td class=\"review-table__number\">5</td>\n      <td class=\"review-table__number\">0</td>");
        assert!(!page.body.contains("notice--warning"), "no warnings for Anker");

        // Bakkerij's 2026-Q2 was never accepted: nothing to compare; its warning as the WISE saw it.
        let page = app.get_with(&mut w.admin, &format!("/admin/submissions/{}", w.bakkerij)).await;
        page.assert_status(200).assert_contains("Er zijn geen geaccepteerde cijfers van deze onderneming over 2026-Q2");
        page.assert_contains("Er stroomden meer mensen intern door naar betaald werk");
        page.assert_contains("href=\"#figure-moved_to_paid_internal\"").assert_contains("id=\"figure-moved_to_paid_internal\" class=\"review-table__warned\"");
        page.assert_contains("<td class=\"review-table__number\">40</td>\n      <td class=\"review-table__number\">–</td>\n      <td class=\"review-table__number\">–</td>");
    }

    async fn accept_and_next_goes_through_the_awaiting_submissions_of_the_period(app) {
        let mut w = world(&app).await;
        let page = app.get_with(&mut w.admin, &format!("/admin/submissions/{}", w.anker)).await;
        page.assert_contains("name=\"then\" value=\"next\"").assert_contains("Accepteren en volgende");
        let accept_next = |id: i32| format!("/admin/submissions/{id}/accept");
        let res = app.post_form(&mut w.admin, &accept_next(w.anker), &[("then", "next")]).await;
        res.assert_status(303);
        assert_eq!(res.header("location"), Some(format!("/admin/submissions/{}", w.bakkerij).as_str()));
        let res = app.post_form(&mut w.admin, &accept_next(w.bakkerij), &[("then", "next")]).await;
        assert_eq!(res.header("location"), Some(format!("/admin/submissions/{}", w.composteer).as_str()));
        // The last one awaiting: back to the overview of the period, with a notice.
        let res = app.post_form(&mut w.admin, &accept_next(w.composteer), &[("then", "next")]).await;
        assert_eq!(res.header("location"), Some("/figures/status?period=2026-Q3&notice=all-reviewed"));
        app.get_with(&mut w.admin, "/figures/status?period=2026-Q3&notice=all-reviewed")
            .await
            .assert_status(200)
            .assert_contains("Er wachten geen inzendingen over 2026-Q3 meer op beoordeling");
        assert_eq!([w.anker, w.bakkerij, w.composteer].map(|id| status_of(&app, id)), ["accepted"; 3]);
        assert_eq!(status_of(&app, w.eetcafe), "returned", "a returned submission is not next");
        // A plain accept stays on the submission (nothing awaits now: 409 on a second go).
        app.post_form(&mut w.admin, &accept_next(w.anker), &[]).await.assert_status(409);
        let accepted = decisions(&app).into_iter().filter(|(a, _, _)| a == "submission_accepted").count();
        assert_eq!(accepted, 3);
    }

    async fn status_tabs_filter_the_overview_and_an_unknown_status_is_refused(app) {
        let mut w = world(&app).await;
        let page = app.get_with(&mut w.admin, "/figures/status?period=2026-Q3").await;
        page.assert_status(200)
            .assert_contains("href=\"/figures/status?period=2026-Q3&amp;status=all\" aria-current=\"page\">Alle (5)")
            .assert_contains("status=submitted\">Wacht op beoordeling (3)")
            .assert_contains("status=returned\">Teruggestuurd (1)")
            .assert_contains("status=accepted\">Geaccepteerd (0)")
            .assert_contains("status=missing\">Ontbreekt (1)")
            .assert_contains("status=late\">Te laat (2)");
        // The one missing WISE, alone under its tab; the period is kept.
        let page = app.get_with(&mut w.admin, "/figures/status?period=2026-Q3&status=missing").await;
        page.assert_status(200)
            .assert_contains("status=missing\" aria-current=\"page\">Ontbreekt (1)")
            .assert_contains("Dakwerk")
            .assert_contains("href=\"/figures/status.csv?period=2026-Q3&amp;status=missing\"")
            .assert_contains("<input type=\"hidden\" name=\"status\" value=\"missing\">");
        assert!(!page.body.contains("Anker") && !page.body.contains("Bakkerij"), "{}", page.body);
        let page = app.get_with(&mut w.admin, "/figures/status?period=2026-Q3&status=accepted").await;
        page.assert_contains("Er zijn geen inzendingen met deze status.");
        // The CSV takes the same parameter.
        let csv = app.get_with(&mut w.admin, "/figures/status.csv?period=2026-Q3&status=submitted").await;
        csv.assert_status(200);
        let names: Vec<&str> = csv.body.lines().skip(1).map(|l| l.split(',').nth(2).unwrap()).collect();
        assert_eq!(names, ["Anker", "Bakkerij", "Composteer"]);
        // An unknown status: 400, naming it and what it may be.
        let res = app.get_with(&mut w.admin, "/figures/status?period=2026-Q3&status=bogus").await;
        res.assert_status(400).assert_contains("bogus").assert_contains("all, submitted, returned, accepted, missing, late");
        app.get_with(&mut w.admin, "/figures/status.csv?period=2026-Q3&status=draft").await.assert_status(400);
    }

    async fn bulk_accept_takes_only_submissions_without_warnings_each_audited(app) {
        let mut w = world(&app).await;
        let page = app.get_with(&mut w.admin, "/figures/status?period=2026-Q3").await;
        page.assert_contains("action=\"/admin/submissions/accept-without-warnings\"")
            .assert_contains("Alle inzendingen zonder waarschuwingen accepteren");
        // The city sees the overview but may not accept.
        let city = app.add_user("city", None);
        let mut city = app.sign_in_as(&city).await;
        let page = app.get_with(&mut city, "/figures/status?period=2026-Q3").await;
        assert!(!page.body.contains("accept-without-warnings"));
        let res = app.post_form(&mut city, "/admin/submissions/accept-without-warnings", &[("period", "2026-Q3")]).await;
        res.assert_status(403);

        let res = app.post_form(&mut w.admin, "/admin/submissions/accept-without-warnings", &[("period", "2026-Q3")]).await;
        res.assert_status(303);
        let location = res.header("location").unwrap().to_string();
        assert_eq!(location, "/figures/status?period=2026-Q3&status=submitted&notice=bulk-accepted&accepted=2&left=1");
        assert_eq!(status_of(&app, w.anker), "accepted");
        assert_eq!(status_of(&app, w.composteer), "accepted");
        assert_eq!(status_of(&app, w.bakkerij), "submitted", "its warning leaves it for review");
        assert_eq!(status_of(&app, w.eetcafe), "returned", "only submitted ones are accepted");
        let accepted: Vec<String> = decisions(&app)
            .into_iter()
            .filter(|(action, _, _)| action == "submission_accepted")
            .map(|(_, target, _)| target)
            .collect();
        assert_eq!(accepted, ["figures 71111111 2026-Q3", "figures 73333333 2026-Q3"]);
        let page = app.get_with(&mut w.admin, &location).await;
        page.assert_status(200)
            .assert_contains("2 inzendingen geaccepteerd, één blijft over om te beoordelen vanwege waarschuwingen.")
            .assert_contains("Bakkerij");
        // Again: nothing left without warnings.
        let res = app.post_form(&mut w.admin, "/admin/submissions/accept-without-warnings", &[("period", "2026-Q3")]).await;
        assert_eq!(res.header("location"), Some("/figures/status?period=2026-Q3&status=submitted&notice=bulk-accepted&accepted=0&left=1"));
        app.post_form(&mut w.admin, "/admin/submissions/accept-without-warnings", &[("period", "2031-Q1")]).await.assert_status(404);
    }

    async fn a_report_is_provisional_while_submissions_await_review(app) {
        let mut w = world(&app).await;
        // Three await review and one is returned: four not reviewed, for everyone to see.
        let page = app.get("/reports/sector?period=2026-Q3").await;
        page.assert_status(200).assert_contains("Voorlopig").assert_contains("4 inzendingen over deze periode zijn nog niet beoordeeld");
        let json = app.get("/api/v1/reports/sector?period=2026-Q3").await.json();
        assert_eq!((json["provisional"].clone(), json["submissions_not_reviewed"].clone()), (serde_json::json!(true), serde_json::json!(4)));
        let csv = app.get("/reports/sector.csv?period=2026-Q3").await;
        assert!(csv.body.contains("\n2026-Q3,total,,submissions_not_reviewed,4,false\n"), "{}", csv.body);
        // The year rolls up its quarters: 2026-Q2's submission awaiting review counts too.
        let json = app.get("/api/v1/reports/sector?period=2026").await.json();
        assert_eq!(json["submissions_not_reviewed"], 5);

        // Everything reviewed: no longer provisional (the cached report does not keep the mark).
        app.post_form(&mut w.admin, &format!("/admin/submissions/{}/accept", w.anker), &[]).await.assert_status(303);
        app.post_form(&mut w.admin, &format!("/admin/submissions/{}/accept", w.bakkerij), &[]).await.assert_status(303);
        app.post_form(&mut w.admin, &format!("/admin/submissions/{}/accept", w.composteer), &[]).await.assert_status(303);
        let page = app.get("/reports/sector?period=2026-Q3").await;
        page.assert_contains("Eén inzending over deze periode is nog niet beoordeeld").assert_contains("Voorlopig");
        let now = db::timestamp(test_now());
        let eetcafe = app.with_conn(|c| submissions::by_id(c, w.eetcafe)).unwrap().unwrap();
        app.with_conn(|c| submissions::save(c, eetcafe.organisation_id, eetcafe.period_id, &figures(7, 1, None), true, Source::Form, None, now)).unwrap();
        app.post_form(&mut w.admin, &format!("/admin/submissions/{}/accept", w.eetcafe), &[]).await.assert_status(303);
        let page = app.get("/reports/sector?period=2026-Q3").await;
        page.assert_status(200);
        assert!(!page.body.contains("Voorlopig"), "all reviewed");
        let json = app.get("/api/v1/reports/sector?period=2026-Q3").await.json();
        assert_eq!((json["provisional"].clone(), json["submissions_not_reviewed"].clone()), (serde_json::json!(false), serde_json::json!(0)));
    }

    async fn returning_without_a_comment_shows_the_error_summary_where_the_form_is(app) {
        let mut w = world(&app).await;
        let review = format!("/admin/submissions/{}", w.anker);
        let page = app.get_with(&mut w.admin, &review).await;
        page.assert_contains(&format!("action=\"{review}/return#return\"")).assert_contains("<section id=\"return\"");
        assert!(!page.body.contains("class=\"error-summary\""));
        let res = app.post_form(&mut w.admin, &format!("{review}/return"), &[("comment", "  ")]).await;
        res.assert_status(422)
            .assert_contains("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-heading\" tabindex=\"-1\">")
            .assert_contains("<a href=\"#comment\">Wat moet worden gecorrigeerd: Geef aan wat er gecorrigeerd moet worden.</a>")
            .assert_contains("aria-invalid=\"true\"");
        // The summary sits in the return section, after its heading, above the form.
        let section = res.body.find("<section id=\"return\"").unwrap();
        let summary = res.body.find("class=\"error-summary\"").unwrap();
        let form = res.body.find(&format!("action=\"{review}/return#return\"")).unwrap();
        assert!(section < summary && summary < form);
        assert_eq!(status_of(&app, w.anker), "submitted", "nothing changed");
    }
}
