//! Partnerships through the pages and the API: a WISE proposes one with a company on
//! the platform (every error named, one running partnership per pair) and one with a
//! company it invites; the company confirms and agrees to be named, after which the
//! public sees it on the WISE's profile and in the API; the WISE reviews the phase (the
//! history keeps each); the company ends it with a reason; the WISE withdraws the
//! invited company's proposal. Each change mails the other partner once. With its
//! figures the WISE states how many of its moves to other employers went to the partner;
//! both partners answer the self-assessment, compared round by round.

use actix_web::test::TestRequest;
use diesel::prelude::*;
use wise_monitor::db;
use wise_monitor::db::schema::outbox;
use wise_monitor::organisation::model::OrganisationInput;
use wise_monitor::organisation::store as org_store;
use wise_monitor::partnerships::store;

use crate::backend_tests;
use crate::support::{test_now, TestApp};

fn mails_to(app: &TestApp, email: &str) -> i64 {
    app.with_conn(|c| outbox::table.filter(outbox::recipient.eq(email)).count().get_result(c)).unwrap()
}

/// The approved WISE both tests work with: Groene Keuken (11111111) in Utrecht.
fn groene_keuken(app: &TestApp) -> i32 {
    let input = OrganisationInput {
        kvk_number: "11111111".into(),
        name: "Groene Keuken".into(),
        municipality: "Utrecht".into(),
        sectors: vec!["catering".into()],
        ..Default::default()
    };
    let now = db::timestamp(test_now());
    app.with_conn(|c| org_store::create_organisation(c, &input, "approved", now)).unwrap()
}

async fn public_api(app: &TestApp) -> Vec<serde_json::Value> {
    let res = app.send(TestRequest::get().uri("/api/v1/partnerships")).await;
    res.assert_status(200);
    res.json().as_array().unwrap().clone()
}

backend_tests! {
    async fn a_wise_proposes_the_company_confirms_and_either_ends_it(app) {
        let now = db::timestamp(test_now());
        let wise = groene_keuken(&app);
        let wise_user = app.add_user("wise", Some(wise));
        let (_company, buyer) = app.buying_organisation("Metaal Utrecht BV", "55555555");
        let (_other_company, other_buyer) = app.buying_organisation("Andere BV", "66666666");
        let today = test_now().date_naive();
        let start = (today - chrono::Duration::days(200)).to_string();
        let mut w = app.sign_in_as(&wise_user).await;

        // The form names every error; nothing is stored.
        app.get_with(&mut w, "/partnerships/new").await.assert_status(200).assert_contains("name=\"exchanges\"");
        let future = (today + chrono::Duration::days(3)).to_string();
        let bad = [("company_kvk", "5555"), ("exchanges", "friendship"), ("phase", "integration"), ("started_on", future.as_str())];
        let res = app.post_form(&mut w, "/partnerships", &bad).await;
        res.assert_status(422)
            .assert_contains("id=\"pa-company_kvk-error\"")
            .assert_contains("id=\"pa-exchanges-error\"")
            .assert_contains("id=\"pa-started_on-error\"");
        assert!(app.with_conn(|c| store::list(c, store::Scope::All)).unwrap().is_empty());

        let proposal = [
            ("company_kvk", "55555555"),
            ("exchanges", "paid_training"),
            ("exchanges", "placement_route"),
            ("phase", "orientation"),
            ("values", "transaction"),
            ("started_on", start.as_str()),
            ("wise_people", "Jobcoach Anna"),
            ("ambitions", "Vier mensen per jaar naar een baan."),
            ("named", "on"),
        ];
        let res = app.post_form(&mut w, "/partnerships", &proposal).await;
        res.assert_status(303);
        let id = app.with_conn(|c| store::list(c, store::Scope::All)).unwrap()[0].partnership.id;
        let page = format!("/partnerships/{id}");
        assert_eq!(mails_to(&app, &buyer.email), 1, "the company is asked to confirm");
        // One running partnership per pair.
        app.post_form(&mut w, "/partnerships", &proposal).await.assert_status(422).assert_contains("pa-company_kvk-error");
        // Proposed: not public, not the other company's.
        assert!(public_api(&app).await.is_empty());
        let mut other = app.sign_in_as(&other_buyer).await;
        app.get_with(&mut other, &page).await.assert_status(404);
        app.post_form(&mut other, &format!("{page}/confirm"), &[("named", "on")]).await.assert_status(404);
        // The WISE cannot confirm its own proposal.
        app.post_form(&mut w, &format!("{page}/confirm"), &[("named", "on")]).await.assert_status(403);

        // The company confirms and agrees to be named: the public sees it.
        let mut b = app.sign_in_as(&buyer).await;
        app.get_with(&mut b, &page).await.assert_status(200).assert_contains(&format!("action=\"{page}/confirm\""));
        app.post_form(&mut b, &format!("{page}/confirm"), &[("named", "on"), ("company_people", "HR Bas")]).await.assert_status(303);
        assert_eq!(mails_to(&app, &wise_user.email), 1, "the WISE hears of the confirmation");
        let public = public_api(&app).await;
        assert_eq!(public.len(), 1);
        assert_eq!(public[0]["company"]["kvk_number"], "55555555");
        assert_eq!(public[0]["exchanges"], serde_json::json!(["paid_training", "placement_route"]));
        assert!(public[0].get("ambitions").is_none(), "the people and ambitions are the partners' own");
        let profile = app.send(TestRequest::get().uri(&format!("/organisations/{}", input_slug(&app, wise)))).await;
        profile.assert_status(200).assert_contains("id=\"partners\"").assert_contains("Metaal Utrecht BV");
        app.post_form(&mut b, &format!("{page}/confirm"), &[("named", "on")]).await.assert_status(409);
        // The company's public page lists its WISE partner; a company without one has none.
        let company = app.send(TestRequest::get().uri("/companies/55555555")).await;
        company.assert_status(200).assert_contains("id=\"company-partners\"").assert_contains("Groene Keuken");
        app.send(TestRequest::get().uri("/companies/66666666")).await.assert_status(404);

        // The WISE reviews: integration now; the history keeps both phases.
        let review = [("phase", "integration"), ("changed_on", "1999-01-01"), ("values", "synergy")];
        app.post_form(&mut w, &format!("{page}/review"), &review).await.assert_status(422).assert_contains("pa-changed_on-error");
        let day = today.to_string();
        let review = [("phase", "integration"), ("changed_on", day.as_str()), ("values", "synergy"), ("note", "Loopt goed"), ("named", "on")];
        app.post_form(&mut w, &format!("{page}/review"), &review).await.assert_status(303);
        let phases = app.with_conn(|c| store::phases(c, id)).unwrap();
        assert_eq!(phases.iter().map(|p| p.phase.as_str()).collect::<Vec<_>>(), ["orientation", "integration"]);
        app.get_with(&mut b, &page).await.assert_status(200).assert_contains("Loopt goed");

        // With its figures the WISE states the moves to its partner: no more than its
        // moves to other employers.
        {
            use wise_monitor::figures::periods;
            let request = periods::validate_range("2026-Q3", "2026-Q3", "30").unwrap();
            app.with_conn(|c| periods::create_range(c, &request, now)).unwrap();
        }
        let form = "/manage/organisations/11111111/figures/2026-Q3";
        let field = format!("partner_{id}");
        app.get_with(&mut w, form).await.assert_status(200).assert_contains(&format!("name=\"{field}\" type=\"text\" inputmode=\"numeric\" class=\"input--short\" value=\"0\""));
        let mut figures = vec![
            ("paid_target_group", "12"), ("paid_regular", "4"), ("trainees", "3"), ("daytime_activities", "0"),
            ("volunteers", "2"), ("new_participants", "2"), ("moved_to_paid_internal", "1"),
            ("moved_to_paid_external", "1"), ("moved_to_education", "0"), ("other_exits", "0"),
            ("action", "submit"), (field.as_str(), "2"),
        ];
        app.post_form(&mut w, form, &figures).await.assert_status(422).assert_contains("id=\"partner-moves-error\"");
        figures.last_mut().unwrap().1 = "1";
        app.post_form(&mut w, form, &figures).await.assert_status(303);
        let moved: Vec<(i32, i32)> = app.with_conn(|c| {
            use wise_monitor::db::schema::partner_moves;
            partner_moves::table.select((partner_moves::partnership_id, partner_moves::moved)).load(c)
        }).unwrap();
        assert_eq!(moved, [(id, 1)]);
        app.get_with(&mut w, form).await.assert_status(200).assert_contains(&format!("name=\"{field}\" type=\"text\" inputmode=\"numeric\" class=\"input--short\" value=\"1\""));

        // The self-assessment: every theme scored; both partners' rounds compared; the
        // WISE's next answers open a second round.
        let assessment = format!("{page}/assessment");
        let themes = wise_monitor::vocab::PARTNERSHIP_THEMES;
        let scores = |score: &'static str| -> Vec<(String, String)> {
            themes.iter().map(|t| (format!("score_{t}"), score.to_string())).collect()
        };
        let as_pairs = |v: &[(String, String)]| v.iter().map(|(k, v)| (k.clone(), v.clone())).collect::<Vec<_>>();
        let mut wise_answers = scores("3");
        wise_answers.pop();
        let pairs: Vec<(&str, &str)> = wise_answers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        app.post_form(&mut w, &assessment, &pairs).await.assert_status(422).assert_contains("id=\"score_schools-error\"");
        let wise_answers = scores("3");
        let pairs: Vec<(&str, &str)> = wise_answers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        app.post_form(&mut w, &assessment, &pairs).await.assert_status(303);
        let mut company_answers = as_pairs(&scores("3"));
        company_answers[0].1 = "1".into();
        company_answers[1].1 = "4".into();
        let pairs: Vec<(&str, &str)> = company_answers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        app.post_form(&mut b, &assessment, &pairs).await.assert_status(303);
        let compared = app.get_with(&mut w, &assessment).await;
        compared.assert_status(200).assert_contains("agreement-differ").assert_contains("agreement-close").assert_contains("agreement-agree");
        let pairs: Vec<(&str, &str)> = wise_answers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        app.post_form(&mut w, &assessment, &pairs).await.assert_status(303);
        let rounds = app.with_conn(|c| wise_monitor::partnerships::assessment::of_partnership(c, id)).unwrap();
        assert_eq!(rounds.iter().map(|a| (a.round, a.side.as_str())).collect::<Vec<_>>(), [(1, "wise"), (1, "company"), (2, "wise")]);
        app.get_with(&mut b, &assessment).await.assert_status(200).assert_contains("id=\"round-2\"").assert_contains("id=\"round-1\"");

        // A company new to the platform is created pending and its contact invited.
        let new = [
            ("company_kvk", "77777777"),
            ("company_name", "Nieuw Logistiek BV"),
            ("company_contact", "Piet"),
            ("company_email", "piet@logistiek.example.nl"),
            ("exchanges", "supply"),
            ("phase", "orientation"),
            ("started_on", day.as_str()),
        ];
        app.post_form(&mut w, "/partnerships", &new[..1]).await.assert_status(422).assert_contains("pa-company_email-error");
        app.post_form(&mut w, "/partnerships", &new).await.assert_status(303);
        let invited = app.with_conn(|c| wise_monitor::buying::store::by_kvk(c, "77777777")).unwrap().unwrap();
        assert_eq!(invited.status, "pending");
        assert_eq!(mails_to(&app, "piet@logistiek.example.nl"), 2, "the invitation and the proposal");

        // The company ends the first; a reason is required; the WISE is mailed.
        app.post_form(&mut b, &format!("{page}/end"), &[("reason", "")]).await.assert_status(422).assert_contains("pa-reason-error");
        app.post_form(&mut b, &format!("{page}/end"), &[("reason", "Afdeling verhuisd")]).await.assert_status(303);
        assert_eq!(mails_to(&app, &wise_user.email), 2);
        let ended = public_api(&app).await;
        assert_eq!(ended[0]["state"], "ended");
        assert_eq!(ended[0]["ended_on"], day.as_str());
        let profile = app.send(TestRequest::get().uri(&format!("/organisations/{}", input_slug(&app, wise)))).await;
        assert!(!profile.body.contains("id=\"partners\""), "an ended partnership leaves the profile");
        app.post_form(&mut w, &format!("{page}/review"), &review).await.assert_status(409);

        // The WISE withdraws the proposal to the invited company; its list shows both.
        let second = app.with_conn(|c| store::list(c, store::Scope::Wise(wise))).unwrap();
        let second = second.iter().find(|l| l.company_kvk == "77777777").unwrap().partnership.id;
        app.post_form(&mut w, &format!("/partnerships/{second}/end"), &[("reason", "Toch niet")]).await.assert_status(303);
        let list = app.get_with(&mut w, "/partnerships").await;
        list.assert_status(200).assert_contains("Nieuw Logistiek BV").assert_contains("Metaal Utrecht BV");
        let states: Vec<String> = app.with_conn(|c| store::list(c, store::Scope::Wise(wise))).unwrap().into_iter().map(|l| l.partnership.state).collect();
        assert_eq!(states.iter().filter(|s| *s == "withdrawn").count(), 1);

        // The city reads every partnership, with the people involved, but is no partner.
        let city = app.add_user("city", None);
        let mut c = app.sign_in_as(&city).await;
        app.get_with(&mut c, &page).await.assert_status(200).assert_contains("Jobcoach Anna");
        app.post_form(&mut c, &format!("{page}/end"), &[("reason", "x")]).await.assert_status(403);

        // The sector report's partnerships section. The city sees it exact for the
        // quarter: the partnership in its phase at the quarter's end (the review came
        // later), the move to the partner out of the moves to other employers.
        app.get_with(&mut c, "/reports/sector?period=2026-Q3").await.assert_status(200).assert_contains("id=\"partner-moves\"");
        let t = wise_monitor::reports::disclosure::Thresholds::from(&app.state.config.disclosure);
        let section = |key: &'static str, exact: bool| {
            app.with_conn(move |conn| {
                let period = wise_monitor::figures::periods::find_for_reports(conn, key)?.unwrap();
                wise_monitor::reports::partnerships::section(conn, &Default::default(), &period, exact, &t)
            }).unwrap().unwrap()
        };
        let exact = section("2026-Q3", true);
        assert_eq!(exact["partnerships"], 1);
        assert_eq!(exact["by_phase"][0], serde_json::json!({ "phase": "orientation", "partnerships": 1 }));
        assert_eq!(exact["moves"][0]["to_partners"], 1);
        assert_eq!(exact["moves"][0]["share_permille"], 1000);
        // The public sees years only, and nothing of one WISE; the audit finds nothing to learn.
        assert_eq!(section("2026-Q3", false), serde_json::json!({ "yearly_only": true }));
        let public = section("2026", false);
        assert!(public["partnerships"].is_null() && public["moves"][0]["to_partners"].is_null(), "{public}");
        let public_page = app.send(TestRequest::get().uri("/reports/sector?period=2026")).await;
        public_page.assert_status(200).assert_contains("id=\"partnerships\"");
        let (findings, _, hidden) = app.with_conn(|conn| {
            let set = wise_monitor::reports::linked::public(conn, &Default::default(), &t)?;
            wise_monitor::reports::partnerships::audit(conn, &set, &set.periods, &t)
        }).unwrap();
        assert!(findings.is_empty() && hidden >= 2, "{findings:?}");
    }
}

fn input_slug(app: &TestApp, _wise: i32) -> String {
    app.with_conn(|c| org_store::organisation_by_kvk(c, "11111111")).unwrap().unwrap().slug
}

backend_tests! {
    async fn the_partners_are_reminded_once_a_year_and_the_summary_names_new_ones(app) {
        use chrono::TimeZone;
        use wise_monitor::digests::{self, Kind};
        use wise_monitor::partnerships::model::Proposal;
        let amsterdam = |y: i32, m: u32, d: u32, h: u32| {
            chrono_tz::Europe::Amsterdam.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap().with_timezone(&chrono::Utc)
        };
        let run = |at| {
            app.clock.set(at);
            let state = &app.state;
            let ran = app.with_conn(|c| digests::run_due(c, &state.config, &state.templates, &state.caches, at)).unwrap();
            ran.into_iter().filter(|r| matches!(r.kind, Kind::Partnerships | Kind::SectorSummary)).collect::<Vec<_>>()
        };
        let now = db::timestamp(test_now());
        let wise = groene_keuken(&app);
        let wise_user = app.add_user("wise", Some(wise));
        let (company, buyer) = app.buying_organisation("Metaal Utrecht BV", "55555555");
        let city = app.add_user("city", None);
        {
            use wise_monitor::figures::periods;
            let request = periods::validate_range("2026-Q2", "2026-Q3", "30").unwrap();
            app.with_conn(|c| periods::create_range(c, &request, now)).unwrap();
        }
        let confirmed_at = amsterdam(2026, 9, 15, 10).naive_utc();
        let proposal = Proposal {
            company_kvk: String::new(),
            company_name: String::new(),
            company_contact: String::new(),
            company_email: String::new(),
            language: "nl".into(),
            exchanges: vec!["placement_route".into()],
            phase: "orientation".into(),
            values: vec!["transaction".into()],
            started_on: confirmed_at.date(),
            wise_people: String::new(),
            company_people: String::new(),
            ambitions: String::new(),
            named: true,
        };
        app.with_conn(|c| {
            let id = store::propose(c, wise, company, &proposal, wise_user.id, confirmed_at)?;
            store::confirm(c, id, true, "", buyer.id, confirmed_at)
        }).unwrap();

        // 1 October: the city's summary names the partnership confirmed in September; no reminder yet.
        run(amsterdam(2026, 10, 1, 8));
        app.deliver_mail();
        let summary = app.mailbox.messages_to(&city.email).remove(0);
        assert!(summary.text.contains("Eén nieuwe samenwerking"), "{}", summary.text);
        assert!(summary.text.contains("Groene Keuken – Metaal Utrecht BV (Oriëntatie)"), "{}", summary.text);
        // (The WISE gets its reporting reminders too: only the partnership's mails count here.)
        let reminders = |email: &str| {
            app.mailbox.messages_to(email).into_iter().filter(|m| m.text.contains("/assessment")).collect::<Vec<_>>()
        };
        assert!(reminders(&wise_user.email).is_empty());
        // A month later nothing is new.
        run(amsterdam(2026, 11, 1, 8));
        app.deliver_mail();
        assert!(!app.mailbox.messages_to(&city.email)[1].text.contains("samenwerking"));

        // A year after the confirmation both partners are reminded, once.
        let before = run(amsterdam(2027, 9, 14, 9));
        assert!(before.iter().any(|r| r.kind == Kind::Partnerships && r.mails == Some(0)), "{before:?}");
        let ran = run(amsterdam(2027, 9, 15, 9));
        assert!(ran.iter().any(|r| r.kind == Kind::Partnerships && r.mails == Some(2)), "{ran:?}");
        run(amsterdam(2027, 9, 16, 9));
        app.deliver_mail();
        for partner in [&wise_user.email, &buyer.email] {
            let mails = reminders(partner);
            assert_eq!(mails.len(), 1, "{partner}");
            assert!(mails[0].subject.contains("Groene Keuken") && mails[0].subject.contains("Metaal Utrecht BV"), "{}", mails[0].subject);
            assert!(mails[0].header("List-Unsubscribe").is_some());
        }
        // And again the next year.
        run(amsterdam(2028, 9, 15, 9));
        app.deliver_mail();
        assert_eq!(reminders(&buyer.email).len(), 2);
        assert_eq!(reminders(&wise_user.email).len(), 2);
    }
}
