//! Submissions and their revisions.

use wise_monitor::db;
use wise_monitor::figures::periods;
use wise_monitor::figures::submissions::{self, Source};
use wise_monitor::figures::values::Figures;
use wise_monitor::organisation::model::OrganisationInput;
use wise_monitor::organisation::store as org_store;

use crate::backend_tests;
use crate::support::{test_now, TestApp};

fn figures(paid_target_group: &str, external: &str, tg: &[(&'static str, &'static str)]) -> Figures {
    let mut fields = vec![
        ("paid_target_group", paid_target_group),
        ("paid_regular", "5"),
        ("trainees", "8"),
        ("daytime_activities", "4"),
        ("volunteers", "3"),
        ("new_participants", "6"),
        ("moved_to_paid_internal", "2"),
        ("moved_to_paid_external", external),
        ("moved_to_education", "1"),
        ("other_exits", "2"),
        ("fte_target_group", "14.25"),
        ("turnover_eur", "125000"),
    ];
    fields.extend_from_slice(tg);
    Figures::from_fields(fields).unwrap()
}

/// An approved WISE and the quarter 2026-Q3; returns their ids.
fn setup(app: &TestApp) -> (i32, i32) {
    let now = db::timestamp(test_now());
    let input = OrganisationInput {
        kvk_number: "55555555".into(),
        name: "Telwerk".into(),
        municipality: "Purmerend".into(),
        sectors: vec!["other".into()],
        ..Default::default()
    };
    let org = app.with_conn(|c| org_store::create_organisation(c, &input, "approved", now)).unwrap();
    let request = periods::validate_range("2026-Q3", "2026-Q3", "30").unwrap();
    app.with_conn(|c| periods::create_range(c, &request, now)).unwrap();
    let period = app.with_conn(|c| periods::find(c, "2026-Q3")).unwrap().unwrap();
    (org, period.id)
}

backend_tests! {
    async fn corrections_are_new_revisions_and_nothing_is_lost(app) {
        let (org, period) = setup(&app);
        let now = db::timestamp(test_now());
        let user = app.add_user("wise", Some(org));
        let first = figures("20", "3", &[("tg_mental_health", "12"), ("tg_refugee_background", "6")]);
        let saved = app
            .with_conn(|c| submissions::save(c, org, period, &first, false, Source::Form, Some(user.id), now))
            .unwrap();
        let id = saved.submission_id;
        assert_eq!((saved.revision, saved.new_revision, saved.status.as_str()), (1, true, "draft"));
        // Submitting the draft unchanged adds no revision, only the event.
        let submitted = app
            .with_conn(|c| submissions::save(c, org, period, &first, true, Source::Form, Some(user.id), now))
            .unwrap();
        assert_eq!((submitted.revision, submitted.new_revision, submitted.changed), (1, false, true));
        let second = figures("21", "4", &[("tg_mental_health", "13")]);
        let later = now + chrono::Duration::days(2);
        let saved = app
            .with_conn(|c| submissions::save(c, org, period, &second, true, Source::Import, None, later))
            .unwrap();
        assert_eq!((saved.submission_id, saved.revision), (id, 2));
        app.with_conn(|c| submissions::review(c, id, &submissions::Verdict::Accept, None, later)).unwrap();
        // The same figures again change nothing: no revision, still accepted.
        let again = app
            .with_conn(|c| submissions::save(c, org, period, &second, true, Source::Import, None, later))
            .unwrap();
        assert_eq!((again.revision, again.changed, again.status.as_str()), (2, false, "accepted"));

        let submission = app.with_conn(|c| submissions::find(c, org, period)).unwrap().unwrap();
        assert_eq!(submission.status, "accepted");
        let events: Vec<(String, i32)> = app
            .with_conn(|c| submissions::events(c, id))
            .unwrap()
            .into_iter()
            .map(|e| (e.event, e.revision_number))
            .collect();
        let expected = [("draft", 1), ("submitted", 1), ("submitted", 2), ("accepted", 2)];
        assert_eq!(events, expected.map(|(e, n)| (e.to_string(), n)));
        let history = app.with_conn(|c| submissions::history(c, id)).unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!(history[0].figures, first, "the first revision is kept as it was");
        assert_eq!(history[0].created_by, Some(user.id));
        assert_eq!(history[1].figures, second);
        assert_eq!(history[1].source, "import");
        assert_eq!(app.with_conn(|c| submissions::latest(c, id)).unwrap().unwrap().figures, second);

        let changed: Vec<String> = submissions::changes(&first, &second).into_iter().map(|(f, _, _)| f).collect();
        assert_eq!(changed, ["paid_target_group", "moved_to_paid_external", "tg_mental_health", "tg_refugee_background"]);
        assert_eq!(second.people_working(), 41);
        assert_eq!(second.moved_to_paid(), 6);
    }
}

backend_tests! {
    async fn the_demo_has_eight_quarters_of_figures(app) {
        use diesel::prelude::*;
        use wise_monitor::db::schema::{reporting_periods, submission_revisions, submissions as subs};
        app.with_conn(|c| wise_monitor::demo::fill_if_empty(c, db::timestamp(test_now())).unwrap());
        let keys: Vec<String> = app.with_conn(|c| {
            reporting_periods::table.order(reporting_periods::starts_on).select(reporting_periods::key).load(c).unwrap()
        });
        assert_eq!(keys.first().map(String::as_str), Some("2024-Q4"));
        assert_eq!(keys.last().map(String::as_str), Some("2026-Q3"), "the last whole quarter before 2026-11-23");
        assert_eq!(keys.len(), 8);
        let count: i64 = app.with_conn(|c| subs::table.count().get_result(c).unwrap());
        assert_eq!(count, 60 * 8 - 1, "one WISE has not reported the newest quarter");
        let revisions: i64 = app.with_conn(|c| submission_revisions::table.count().get_result(c).unwrap());
        assert!(revisions > count, "some submissions were corrected");
        let ids: Vec<i32> = app.with_conn(|c| subs::table.select(subs::id).load(c).unwrap());
        for id in ids.into_iter().step_by(37) {
            let latest = app.with_conn(|c| submissions::latest(c, id)).unwrap().unwrap();
            assert!(latest.figures.errors().is_empty(), "demo figures obey the rules");
        }
    }
}

/// The form's fields with the values of `figures("20", external, [])` as text.
fn form_fields(paid_target_group: &'static str, external: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("paid_target_group", paid_target_group),
        ("paid_regular", "5"),
        ("trainees", "8"),
        ("daytime_activities", "4"),
        ("volunteers", "3"),
        ("new_participants", "6"),
        ("moved_to_paid_internal", "2"),
        ("moved_to_paid_external", external),
        ("moved_to_education", "1"),
        ("other_exits", "2"),
        ("fte_target_group", ""),
        ("turnover_eur", ""),
        ("tg_mental_health", "10"),
    ]
}

fn audit_actions(app: &TestApp) -> Vec<String> {
    use diesel::prelude::*;
    use wise_monitor::db::schema::audit_log;
    app.with_conn(|c| audit_log::table.order(audit_log::id).select(audit_log::action).load(c).unwrap())
}

backend_tests! {
    async fn the_whole_cycle_submit_return_correct_accept(app) {
        let (org, period) = setup(&app);
        let wise = app.add_user("wise", Some(org));
        let admin = app.add_user("admin", None);
        let mut w = app.sign_in_as(&wise).await;
        let form = "/manage/organisations/55555555/figures/2026-Q3";

        // The period is open (overdue but not closed) and the form is empty.
        app.get_with(&mut w, "/manage/organisations/55555555/figures").await.assert_status(200).assert_contains("2026-Q3");
        let page = app.get_with(&mut w, form).await;
        page.assert_status(200).assert_contains("Doelgroepmedewerkers in betaald werk");

        // Bad input: named errors, nothing stored.
        let mut bad = form_fields("-1", "3");
        bad[2].1 = "acht";
        let res = app.post_form(&mut w, form, &[bad, vec![("action", "submit")]].concat()).await;
        res.assert_status(422).assert_contains("href=\"#paid_target_group\"").assert_contains("href=\"#trainees\"");
        assert!(app.with_conn(|c| submissions::find(c, org, period)).unwrap().is_none(), "nothing written");

        // Submit.
        let res = app.post_form(&mut w, form, &[form_fields("20", "3"), vec![("action", "submit")]].concat()).await;
        res.assert_status(303);
        assert_eq!(res.header("location"), Some("/manage/organisations/55555555/figures?notice=submitted"));
        let submission = app.with_conn(|c| submissions::find(c, org, period)).unwrap().unwrap();
        assert_eq!(submission.status, "submitted");

        // The operator returns it with a comment; the WISE gets a mail.
        let mut a = app.sign_in_as(&admin).await;
        let review = format!("/admin/submissions/{}", submission.id);
        app.get_with(&mut a, &review).await.assert_status(200).assert_contains("Telwerk");
        let res = app.post_form(&mut a, &format!("{review}/return"), &[("comment", "")]).await;
        res.assert_status(422).assert_contains("Geef aan wat er gecorrigeerd moet worden");
        let res = app.post_form(&mut a, &format!("{review}/return"), &[("comment", "External moves look too high")]).await;
        res.assert_status(303);
        app.deliver_mail();
        let mails = app.mailbox.messages_to(&wise.email);
        assert_eq!(mails.len(), 1);
        assert!(mails[0].text.contains("External moves look too high"), "{}", mails[0].text);
        assert!(mails[0].text.contains("/manage/organisations/55555555/figures/2026-Q3"));
        // Accepting a returned submission is refused (409) until it is corrected.
        app.post_form(&mut a, &format!("{review}/accept"), &[]).await.assert_status(409);

        // The WISE sees the comment and corrects (a new revision).
        app.get_with(&mut w, form).await.assert_status(200).assert_contains("External moves look too high");
        let res = app.post_form(&mut w, form, &[form_fields("20", "1"), vec![("action", "submit")]].concat()).await;
        res.assert_status(303);
        let history = app.with_conn(|c| submissions::history(c, submission.id)).unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!(history[0].figures.flow("moved_to_paid_external"), 3, "the first revision is kept");
        assert_eq!(history[1].figures.flow("moved_to_paid_external"), 1);

        // The operator accepts.
        app.post_form(&mut a, &format!("{review}/accept"), &[]).await.assert_status(303);
        let submission = app.with_conn(|c| submissions::find(c, org, period)).unwrap().unwrap();
        assert_eq!(submission.status, "accepted");

        // The history shows both revisions, what changed, and every step.
        let page = app.get_with(&mut w, &format!("{form}/history")).await;
        page.assert_status(200).assert_contains("Versie 2").assert_contains("Versie 1");
        page.assert_contains("Doorgestroomd naar betaald werk elders");
        page.assert_contains("External moves look too high");
        page.assert_contains("Geaccepteerd").assert_contains("Teruggestuurd");
        assert_eq!(
            audit_actions(&app).into_iter().filter(|a| a.starts_with("figures_") || a.starts_with("submission_")).collect::<Vec<_>>(),
            ["figures_submitted", "submission_returned", "figures_corrected", "submission_accepted"]
        );
    }
}

backend_tests! {
    async fn the_form_is_prefilled_warns_and_keeps_drafts(app) {
        let (org, q3) = setup(&app);
        let now = db::timestamp(test_now());
        let request = periods::validate_range("2026-Q1", "2026-Q2", "30").unwrap();
        app.with_conn(|c| periods::create_range(c, &request, now)).unwrap();
        let q2 = app.with_conn(|c| periods::find(c, "2026-Q2")).unwrap().unwrap().id;
        let last = figures("17", "3", &[("tg_mental_health", "9")]);
        app.with_conn(|c| submissions::save(c, org, q2, &last, true, Source::Form, None, now)).unwrap();
        let wise = app.add_user("wise", Some(org));
        let mut w = app.sign_in_as(&wise).await;
        let form = "/manage/organisations/55555555/figures/2026-Q3";

        // Pre-filled from 2026-Q2: a WISE whose figures did not change opens and submits.
        let page = app.get_with(&mut w, form).await;
        page.assert_status(200).assert_contains("ingevuld met uw cijfers over 2026-Q2");
        page.assert_contains("id=\"paid_target_group\" name=\"paid_target_group\" type=\"text\" inputmode=\"numeric\" class=\"input--short\" value=\"17\"");
        page.assert_contains("value=\"14,25\"").assert_contains("value=\"9\"");

        // A breakdown over more people than there are: the fieldset says both numbers,
        // and no field the user did not touch is marked.
        let too_many = [form_fields("20", "3"), vec![("tg_refugee_background", "25"), ("action", "submit")]].concat();
        let res = app.post_form(&mut w, form, &too_many).await;
        res.assert_status(422)
            .assert_contains("<fieldset id=\"target-groups\" tabindex=\"-1\" class=\"fieldset--error\" aria-describedby=\"target-groups-error\">")
            .assert_contains("U verdeelt 35 mensen over doelgroepen; er zijn er 32")
            .assert_contains("href=\"#target-groups\"")
            .assert_contains("class=\"tg-total\"");
        assert!(!res.body.contains("aria-invalid=\"true\""), "no single field is wrong");

        // A draft, then an implausible value needs confirming.
        let res = app.post_form(&mut w, form, &[form_fields("20", "3"), vec![("action", "draft")]].concat()).await;
        assert_eq!(res.header("location"), Some("/manage/organisations/55555555/figures?notice=draft"));
        assert_eq!(app.with_conn(|c| submissions::find(c, org, q3)).unwrap().unwrap().status, "draft");
        let mut odd = form_fields("20", "3");
        odd[6].1 = "40"; // moved_to_paid_internal
        let res = app.post_form(&mut w, form, &[odd.clone(), vec![("action", "submit")]].concat()).await;
        res.assert_status(422).assert_contains("Controleer deze waarden").assert_contains("name=\"confirm\"");
        assert_eq!(app.with_conn(|c| submissions::find(c, org, q3)).unwrap().unwrap().status, "draft", "not submitted");
        let res = app.post_form(&mut w, form, &[odd, vec![("action", "submit"), ("confirm", "yes")]].concat()).await;
        res.assert_status(303);
        let submission = app.with_conn(|c| submissions::find(c, org, q3)).unwrap().unwrap();
        assert_eq!(submission.status, "submitted");
        // Once submitted, there is no draft any more.
        let res = app.post_form(&mut w, form, &[form_fields("20", "3"), vec![("action", "draft")]].concat()).await;
        res.assert_status(400);

        // 2026-Q1 is closed for the WISE (read-only, refused) but not for the operator.
        let closed = "/manage/organisations/55555555/figures/2026-Q1";
        app.get_with(&mut w, closed).await.assert_status(200).assert_contains("Deze periode is gesloten");
        let res = app.post_form(&mut w, closed, &[form_fields("20", "3"), vec![("action", "submit")]].concat()).await;
        res.assert_status(403);
        let admin = app.add_user("admin", None);
        let mut a = app.sign_in_as(&admin).await;
        let res = app.post_form(&mut a, closed, &[form_fields("20", "3"), vec![("action", "submit")]].concat()).await;
        res.assert_status(303);
        app.get_with(&mut w, "/manage/organisations/55555555/figures/2025-Q9").await.assert_status(404);
        app.get_with(&mut w, "/manage/organisations/55555555/figures/2025-Q4").await.assert_status(404);
    }
}

backend_tests! {
    async fn the_status_overview_counts_and_exports(app) {
        let (org, q3) = setup(&app);
        let now = db::timestamp(test_now());
        let other = app
            .with_conn(|c| {
                let input = OrganisationInput {
                    kvk_number: "66666666".into(),
                    name: "=Stilstand".into(),
                    municipality: "Edam".into(),
                    sectors: vec!["other".into()],
                    ..Default::default()
                };
                org_store::create_organisation(c, &input, "approved", now)
            })
            .unwrap();
        let _ = other;
        // Telwerk submitted on 2026-10-20 (on time); the other WISE nothing (late by now).
        let on_time = chrono::NaiveDate::from_ymd_opt(2026, 10, 20).unwrap().and_hms_opt(9, 0, 0).unwrap();
        app.with_conn(|c| submissions::save(c, org, q3, &figures("20", "3", &[]), true, Source::Form, None, on_time)).unwrap();
        let city = app.add_user("city", None);
        let mut b = app.sign_in_as(&city).await;
        let page = app.get_with(&mut b, "/figures/status?period=2026-Q3").await;
        page.assert_status(200).assert_contains("50%").assert_contains("Telwerk").assert_contains("Ontbreekt");
        assert!(!page.body.contains("/admin/submissions/"), "the city does not review");
        let csv = app.get_with(&mut b, "/figures/status.csv?period=2026-Q3").await;
        csv.assert_status(200);
        assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
        let lines: Vec<&str> = csv.body.lines().collect();
        assert_eq!(lines[0], "period,kvk_number,name,status,submitted_at,late,revisions");
        assert_eq!(lines[1], "2026-Q3,66666666,'=Stilstand,missing,,true,0");
        assert_eq!(lines[2], "2026-Q3,55555555,Telwerk,submitted,2026-10-20T09:00:00+00:00,false,1");
        app.get_with(&mut b, "/figures/status?period=2031-Q1").await.assert_status(404);
        let wise = app.add_user("wise", Some(org));
        let mut w = app.sign_in_as(&wise).await;
        app.get_with(&mut w, "/figures/status").await.assert_status(403);
    }
}
