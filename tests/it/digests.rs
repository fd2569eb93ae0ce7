//! Scheduled digests: reporting reminders at the right local moments, each once,
//! one-click unsubscribe, concurrent runs, and the `digests run` command.

use chrono::{DateTime, TimeZone, Utc};
use wise_monitor::db;
use wise_monitor::digests::{self, Kind};
use wise_monitor::figures::periods;
use wise_monitor::figures::submissions::{self, Source};
use wise_monitor::figures::values::Figures;
use wise_monitor::organisation::model::OrganisationInput;
use wise_monitor::organisation::store as org_store;

use crate::backend_tests;
use crate::support::{test_now, TestApp};

/// Two approved WISEs with a user each, and 2026-Q2 (accepted last quarter's figures
/// for the first) and 2026-Q3 (opens 1 October, due 31 October).
fn setup(app: &TestApp) -> (i32, i32) {
    let now = db::timestamp(test_now());
    let create = |kvk: &str, name: &str| {
        let input = OrganisationInput {
            kvk_number: kvk.into(),
            name: name.into(),
            municipality: "Zaandam".into(),
            sectors: vec!["catering".into()],
            ..Default::default()
        };
        app.with_conn(|c| org_store::create_organisation(c, &input, "approved", now)).unwrap()
    };
    let (first, second) = (create("70000001", "Eerste Keuken"), create("70000002", "Tweede Keuken"));
    let request = periods::validate_range("2026-Q2", "2026-Q3", "30").unwrap();
    app.with_conn(|c| periods::create_range(c, &request, now)).unwrap();
    let q2 = app.with_conn(|c| periods::find(c, "2026-Q2")).unwrap().unwrap();
    let figures = Figures { stocks: [12, 3, 4, 0, 1], flows: [2, 1, 1, 0, 0], ..Figures::default() };
    app.with_conn(|c| submissions::save(c, first, q2.id, &figures, true, Source::Form, None, now)).unwrap();
    (first, second)
}

/// Runs what is due at `at`; returns the runs of the kinds these tests are about (the
/// saved-search kinds run too, with no saved searches: see `saved_searches.rs`).
fn run(app: &TestApp, at: DateTime<Utc>) -> Vec<digests::Ran> {
    let state = &app.state;
    let ran = app.with_conn(|c| digests::run_due(c, &state.config, &state.templates, &state.caches, at)).unwrap();
    ran.into_iter().filter(|r| matches!(r.kind, Kind::ReportingReminders | Kind::SectorSummary)).collect()
}

/// An app without the monthly profile nudge: it goes to the same WISE staff on the
/// first of the month, and these tests count the reminders' mails.
async fn without_nudge(backend: crate::support::Backend) -> TestApp {
    TestApp::builder().config(|c| c.schedules.completeness = String::new()).build(backend).await
}

fn amsterdam(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Amsterdam.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap().with_timezone(&Utc)
}

backend_tests! {
    async fn reporting_reminders_go_out_once_at_each_step(app) {
        let app = without_nudge(app.backend).await;
        let (first, second) = setup(&app);
        let one = app.add_user("wise", Some(first));
        let two = app.add_user("wise", Some(second));
        // Before 08:00 on 1 October nothing is due for 2026-Q3 (2026-Q2 is long overdue: one
        // overdue reminder for the WISE that did not report it).
        let ran = run(&app, amsterdam(2026, 10, 1, 8));
        let kinds: Vec<Kind> = ran.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [Kind::ReportingReminders, Kind::SectorSummary], "1 October 08:00 is both kinds' moment");
        app.deliver_mail();
        let to_one = app.mailbox.messages_to(&one.email);
        assert_eq!(to_one.len(), 1, "{:?}", to_one.iter().map(|m| &m.subject).collect::<Vec<_>>());
        assert!(to_one[0].subject.contains("2026-Q3"), "{}", to_one[0].subject);
        assert!(to_one[0].text.contains("/manage/organisations/70000001/figures/2026-Q3"));
        assert!(to_one[0].text.contains("2026-Q2"), "last period's figures are shown");
        assert!(to_one[0].text.contains(": 12"), "{}", to_one[0].text);
        let to_two: Vec<String> = app.mailbox.messages_to(&two.email).into_iter().map(|m| m.subject).collect();
        assert_eq!(to_two.len(), 2, "opened 2026-Q3 and overdue 2026-Q2: {to_two:?}");

        // The same moment again, and the next morning: nothing new.
        assert_eq!(run(&app, amsterdam(2026, 10, 1, 8)), []);
        let next = run(&app, amsterdam(2026, 10, 2, 9));
        assert_eq!(next.len(), 1, "the monthly summary is not due again");
        assert_eq!(next[0].mails, Some(0));
        app.deliver_mail();
        assert_eq!(app.mailbox.messages_to(&one.email).len(), 1);

        // Seven days before the due date: the second reminder; the first WISE submits.
        let q3 = app.with_conn(|c| periods::find(c, "2026-Q3")).unwrap().unwrap();
        let figures = Figures { stocks: [12, 3, 4, 0, 1], flows: [2, 1, 1, 0, 0], ..Figures::default() };
        let now = db::timestamp(test_now());
        app.with_conn(|c| submissions::save(c, first, q3.id, &figures, true, Source::Form, None, now)).unwrap();
        run(&app, amsterdam(2026, 10, 24, 8));
        app.deliver_mail();
        assert_eq!(app.mailbox.messages_to(&one.email).len(), 1, "submitted: no reminder");
        let to_two = app.mailbox.messages_to(&two.email);
        assert_eq!(to_two.len(), 3);
        assert!(to_two[2].subject.contains("binnenkort"), "{}", to_two[2].subject);

        // The day after the due date: still missing for the second WISE only.
        run(&app, amsterdam(2026, 11, 1, 8));
        app.deliver_mail();
        assert_eq!(app.mailbox.messages_to(&one.email).len(), 1);
        assert_eq!(app.mailbox.messages_to(&two.email).len(), 4);
        assert!(app.mailbox.messages_to(&two.email)[3].subject.contains("ontbreken"));
    }
}

backend_tests! {
    async fn one_click_unsubscribe_stops_that_kind_only(app) {
        let app = without_nudge(app.backend).await;
        let (first, _) = setup(&app);
        let one = app.add_user("wise", Some(first));
        run(&app, amsterdam(2026, 10, 1, 8));
        app.deliver_mail();
        let mail = app.mailbox.messages_to(&one.email).remove(0);
        let link = mail.header("List-Unsubscribe").unwrap().trim_matches(|c| c == '<' || c == '>').to_string();
        assert_eq!(mail.header("List-Unsubscribe-Post"), Some("List-Unsubscribe=One-Click"));
        let path = link.split_once("://").unwrap().1.split_once('/').unwrap().1;
        let path = format!("/{path}");
        // The page offers the button; the mail client's one-click POST needs no session
        // and no form token, even from another site.
        app.get(&path).await.assert_status(200).assert_contains("Afmelden");
        let request = actix_web::test::TestRequest::post()
            .uri(&path)
            .insert_header(("Content-Type", "application/x-www-form-urlencoded"))
            .insert_header(("Origin", "https://mail.example.com"))
            .set_payload("List-Unsubscribe=One-Click");
        app.send(request).await.assert_status(200);
        assert!(app.with_conn(|c| digests::unsubscribe::is_unsubscribed(c, &one.email, Kind::ReportingReminders)).unwrap());
        app.get("/unsubscribe/not-a-token").await.assert_status(404);
        // The due-soon reminder does not reach the address any more.
        run(&app, amsterdam(2026, 10, 24, 8));
        app.deliver_mail();
        assert_eq!(app.mailbox.messages_to(&one.email).len(), 1);
    }
}

backend_tests! {
    async fn concurrent_runs_send_each_digest_once(app) {
        let app = without_nudge(app.backend).await;
        let (first, second) = setup(&app);
        let one = app.add_user("wise", Some(first));
        let two = app.add_user("wise", Some(second));
        let at = amsterdam(2026, 10, 1, 8);
        let state = app.state.clone();
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let state = state.clone();
                std::thread::spawn(move || {
                    let mut conn = state.pool.get().unwrap();
                    digests::run_due(&mut conn, &state.config, &state.templates, &state.caches, at)
                })
            })
            .collect();
        let outcomes: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        let ran: usize = outcomes
            .iter()
            .map(|o| match o {
                Ok(ran) => ran.iter().filter(|r| r.mails.is_some()).count(),
                Err(_) => 0, // lost the race on the claim: rolled back, nothing sent
            })
            .sum();
        // Every kind but the nudge, switched off here.
        assert_eq!(ran, Kind::ALL.len() - 1, "each kind ran once: {outcomes:?}");
        app.deliver_mail();
        assert_eq!(app.mailbox.messages_to(&one.email).len(), 1);
        assert_eq!(app.mailbox.messages_to(&two.email).len(), 2);
    }
}

backend_tests! {
    async fn the_command_runs_what_is_due_at_a_moment(app) {
        let (first, _) = setup(&app);
        app.add_user("wise", Some(first));
        let url = app.state.config.database.url.clone();
        let (code, stdout, stderr) = crate::cli::wise_monitor(
            &["digests", "run", "--at", "2026-10-01T08:00:00+02:00", "--database-url", &url],
            &[],
        );
        assert_eq!(code, 0, "{stderr}");
        assert!(stdout.contains("reporting_reminders (2026-10-01 06:00:00 UTC): 1 mail(s) queued"), "{stdout}");
        let (code, stdout, _) = crate::cli::wise_monitor(
            &["digests", "run", "--at", "2026-10-01T08:00:00+02:00", "--database-url", &url],
            &[],
        );
        assert_eq!(code, 0);
        assert!(stdout.contains("no digest due"), "{stdout}");
        let (code, _, stderr) =
            crate::cli::wise_monitor(&["digests", "run", "--at", "tomorrow", "--database-url", &url], &[]);
        assert_ne!(code, 0);
        assert!(stderr.contains("--at \"tomorrow\" is not an RFC 3339 moment"), "{stderr}");
    }
}

backend_tests! {
    async fn the_monthly_sector_summary_reaches_city_and_admin(app) {
        let (first, _) = setup(&app);
        let city = app.add_user("city", None);
        let admin = app.add_user("admin", None);
        let buyer = app.add_user("buyer", None);
        let _ = first;
        // 1 October 08:00: 2026-Q3 is open (1 of 2 submitted? none yet), 2026-Q2 is past due.
        run(&app, amsterdam(2026, 10, 1, 8));
        app.deliver_mail();
        assert!(app.mailbox.messages_to(&buyer.email).is_empty());
        let mail = app.mailbox.messages_to(&city.email).remove(0);
        assert_eq!(mail.subject, "Sectoroverzicht 2026-10");
        assert!(mail.text.contains("Inzendingen over 2026-Q3: 0 van 2 ondernemingen (0%), 2 ontbreken."), "{}", mail.text);
        assert!(mail.text.contains("Cijfers over 2026-Q2"), "{}", mail.text);
        assert!(mail.text.contains("Mensen aan het werk: 20"), "{}", mail.text);
        assert!(mail.text.contains("/reports/sector?period=2026-Q2"));
        // The year so far, rolled up from its quarters (no year period exists).
        let year = mail.text.split("Het jaar tot nu toe, 2026, Q2 (verandering ten opzichte van –):").nth(1);
        let year = year.unwrap_or_else(|| panic!("no year so far in {}", mail.text));
        assert!(year.contains("Mensen aan het werk: 20"), "{}", mail.text);
        assert!(year.contains("/reports/sector?period=2026\n"), "{}", mail.text);
        assert!(mail.html.contains("Het jaar tot nu toe, 2026, Q2"), "{}", mail.html);
        assert!(mail.header("List-Unsubscribe").is_some());
        assert_eq!(app.mailbox.messages_to(&admin.email).len(), 1);
        // Not again this month; again on 1 November.
        run(&app, amsterdam(2026, 10, 15, 8));
        run(&app, amsterdam(2026, 11, 1, 8));
        app.deliver_mail();
        let subjects: Vec<String> = app.mailbox.messages_to(&city.email).into_iter().map(|m| m.subject).collect();
        assert_eq!(subjects, ["Sectoroverzicht 2026-10", "Sectoroverzicht 2026-11"]);
    }
}

backend_tests! {
    async fn the_operator_sees_the_outbox_and_sends_a_failed_mail_again(app) {
        use diesel::prelude::*;
        use wise_monitor::db::schema::outbox;
        let (first, _) = setup(&app);
        let wise = app.add_user("wise", Some(first));
        run(&app, amsterdam(2026, 10, 1, 8));
        // The mail server refuses it for good.
        app.with_conn(|c| {
            diesel::update(outbox::table)
                .set((outbox::status.eq("failed"), outbox::attempts.eq(8), outbox::last_error.eq("550 mailbox unavailable")))
                .execute(c)
                .unwrap()
        });
        let admin = app.add_user("admin", None);
        let mut a = app.sign_in_as(&admin).await;
        let page = app.get_with(&mut a, "/admin/outbox?status=failed").await;
        page.assert_status(200).assert_contains("550 mailbox unavailable").assert_contains(&wise.email);
        page.assert_contains("herinneringen om cijfers in te sturen"); // the last run of the kind
        let id: i32 = app.with_conn(|c| outbox::table.filter(outbox::recipient.eq(&wise.email)).select(outbox::id).first(c).unwrap());
        let res = app.post_form(&mut a, &format!("/admin/outbox/{id}/retry"), &[]).await;
        res.assert_status(303);
        app.post_form(&mut a, &format!("/admin/outbox/{id}/retry"), &[]).await.assert_status(409);
        app.deliver_mail();
        let mails = app.mailbox.messages_to(&wise.email);
        assert_eq!(mails.len(), 1);
        assert!(mails[0].text.contains("2026-Q3"), "the failed mail kept its content");
        let status: String = app.with_conn(|c| outbox::table.find(id).select(outbox::status).first(c).unwrap());
        assert_eq!(status, "sent");
    }
}

backend_tests! {
    async fn digests_go_through_smtp_and_wait_while_the_server_is_down(app) {
        let app = without_nudge(app.backend).await;
        use wise_monitor::mail::{outbox, Mailer};
        let (first, _) = setup(&app);
        let wise = app.add_user("wise", Some(first));
        let city = app.add_user("city", None);
        run(&app, amsterdam(2026, 10, 1, 8));

        // The mail server is down: both mails stay queued.
        let port = crate::smtp::free_port();
        let mailer = Mailer::from_config(&crate::mail::smtp_config(port)).unwrap();
        let now = db::timestamp(amsterdam(2026, 10, 1, 8));
        let report = app.with_conn(|c| outbox::deliver_due(c, &mailer, now, 60, 8)).unwrap();
        assert_eq!((report.sent, report.retried), (0, 2));

        // It is back (Postfix's smtp-sink on that port): each mail arrives once, over SMTP.
        let Some(sink) = crate::smtp::SmtpSink::start_on(port, module_path!()) else {
            return;
        };
        let later = now + chrono::Duration::hours(1);
        let report = app.with_conn(|c| outbox::deliver_due(c, &mailer, later, 60, 8)).unwrap();
        assert_eq!(report.sent, 2);
        let report = app.with_conn(|c| outbox::deliver_due(c, &mailer, later + chrono::Duration::hours(1), 60, 8)).unwrap();
        assert_eq!(report.sent, 0, "nothing is sent twice");
        let received = sink.received(2);
        assert_eq!(received.len(), 2, "{received:?}");
        for (who, words) in [(&wise.email, "2026-Q3"), (&city.email, "Sectoroverzicht 2026-10")] {
            let mail = received.iter().find(|m| m.to == [who.clone()]).unwrap_or_else(|| panic!("no mail for {who}"));
            let data = &mail.message;
            assert!(mail.header("Subject").is_some_and(|s| s.contains(words)), "{data}");
            assert!(data.contains("Content-Type: text/plain; charset=utf-8"), "{data}");
            assert!(data.contains("Content-Type: text/html; charset=utf-8"), "{data}");
            assert!(mail.header("List-Unsubscribe").is_some_and(|l| l.starts_with("<http")), "{data}");
            assert_eq!(mail.header("List-Unsubscribe-Post").as_deref(), Some("List-Unsubscribe=One-Click"));
        }
        // A deterministic Message-ID per (kind, window, recipient).
        let key = format!("reporting_reminders:opened:2026-Q3:70000001:{}", wise.email);
        let expected = wise_monitor::mail::message_id(&key, "wise.example");
        let to_wise = received.iter().find(|m| m.to == [wise.email.clone()]).unwrap();
        assert_eq!(to_wise.header("Message-ID"), Some(expected));
    }
}
