//! Submissions and their revisions.

use wise_monitor::catalogue::model::OrganisationInput;
use wise_monitor::catalogue::store;
use wise_monitor::db;
use wise_monitor::figures::periods;
use wise_monitor::figures::submissions::{self, Source};
use wise_monitor::figures::values::Figures;

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
    let org = app.with_conn(|c| store::create_organisation(c, &input, "approved", now)).unwrap();
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
