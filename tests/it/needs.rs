//! Buyer needs, end to end through the pages: a buyer posts a need, the operator checks
//! the match list and publishes it, the matched WISEs are alerted once each, one
//! answers, the buyer reports the deal, the WISE confirms it, and the sector report
//! counts it. The scheduled step sends each reminder once, withdraws a returned need
//! left unchanged, and a need that no WISE can take reaches the operator instead.
//! One world for the whole journey: every step builds on the one before.

use chrono::Duration;
use diesel::prelude::*;
use wise_monitor::clock::Clock;
use wise_monitor::db::{self, schema::outbox};
use wise_monitor::needs::{flow, store};
use wise_monitor::organisation::model::{OfferingInput, OrganisationInput, ServiceArea};
use wise_monitor::organisation::{offerings as offering_store, store as org_store};
use wise_monitor::reports::disclosure::Thresholds;

use crate::backend_tests;
use crate::support::{test_now, TestApp, TestUser};

/// An approved (or suspended) WISE offering `cpv` nationally, with a user.
fn wise(app: &TestApp, kvk: &str, name: &str, status: &str, cpv: &str) -> (i32, TestUser) {
    let now = db::timestamp(test_now());
    let input = OrganisationInput {
        kvk_number: kvk.into(),
        name: name.into(),
        municipality: "Amsterdam".into(),
        sectors: vec!["catering".into()],
        ..Default::default()
    };
    let id = app.with_conn(|c| org_store::create_organisation(c, &input, status, now)).unwrap();
    let offering = OfferingInput {
        title: format!("{name}: dienst"),
        description: String::new(),
        kind: "service".into(),
        cpv_code: cpv.into(),
        service_area: ServiceArea::National,
        price_indication: None,
        lead_time: None,
        active: true,
    };
    app.with_conn(|c| offering_store::create_offering(c, id, &offering, cpv, now)).unwrap();
    (id, app.add_user("wise", Some(id)))
}

fn mails_to(app: &TestApp, prefix: &str, recipient: &str) -> usize {
    app.outbox_keys(prefix).iter().filter(|k| k.ends_with(recipient) || k.contains(&format!(":{recipient}:"))).count()
}

fn run_due(app: &TestApp) -> usize {
    let now = db::timestamp(app.clock.now());
    app.with_conn(|c| flow::run_due(c, &flow::Env::of(&app.state, now))).unwrap()
}

/// A (tiny) PDF document.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

fn need_form<'a>(title: &'a str, cpv: &'a str, then: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", title),
        ("description", "Voor onze medewerkers, twee keer per week."),
        ("kind", "quote"),
        ("offering_kind", "service"),
        ("cpv_codes", cpv),
        ("location", "municipality"),
        ("municipality", "Amsterdam"),
        ("amount_band", "25k_100k"),
        ("deadline", "2027-01-15"),
        ("respond_how", "platform"),
        ("questions", "Kunt u ook in het weekend leveren?"),
        ("then", then),
    ]
}

backend_tests! {
    async fn a_need_goes_from_the_buyer_to_the_wises_to_a_counted_deal(app) {
        let (kitchen, cook) = wise(&app, "11111111", "Keuken Eén", "approved", "55520000");
        let (bakery, baker) = wise(&app, "22222222", "Bakkerij Twee", "approved", "55521000");
        let (canteen, canteen_user) = wise(&app, "33333333", "Kantine Drie", "approved", "55520000");
        let (_, sleeper) = wise(&app, "44444444", "Schoonmaak Vier", "suspended", "90911200");
        let now = db::timestamp(test_now());
        let buying = app
            .with_conn(|c| {
                let input = wise_monitor::buying::BuyingInput {
                    name: "Gemeente Testdorp".into(),
                    kvk_number: "55555555".into(),
                    kind: "municipality".into(),
                    municipality: "Amsterdam".into(),
                };
                wise_monitor::buying::store::create(c, &input, "approved", now)
            })
            .unwrap();
        let buyer = app.add_user("buyer", Some(buying));
        let operator = app.add_user("admin", None);
        let mut b = app.sign_in_as(&buyer).await;
        let mut op = app.sign_in_as(&operator).await;

        // A need with a missing title is refused, field by field, and nothing is stored.
        let mut bad = need_form("", "55520000", "submit");
        bad.retain(|(k, _)| *k != "deadline");
        let res = app.post_form(&mut b, "/needs", &bad).await;
        res.assert_status(422);
        assert!(res.body.contains("id=\"title-error\"") || res.body.contains("title"), "the title is named");
        assert!(app.with_conn(|c| store::of_buyer(c, buying)).unwrap().is_empty());

        // The buyer drafts a need, adds a document (a program is refused by its name, a
        // PDF by its content), and sends it to the operator, who hears of it once.
        app.post_form(&mut b, "/needs", &need_form("Lunches voor het stadhuis", "55520000", "")).await.assert_status(303);
        let id = app.with_conn(|c| store::of_buyer(c, buying)).unwrap()[0].id;
        assert_eq!(app.with_conn(|c| store::get(c, id)).unwrap().unwrap().status, "draft");
        let csrf = b.csrf.clone();
        let files = format!("/needs/{id}/attachments");
        app.post_file(&mut b, &files, &csrf, "setup.exe", b"MZ\x90\x00").await.assert_status(422);
        app.post_file(&mut b, &files, &csrf, "bestek.pdf", b"<html>").await.assert_status(422);
        app.post_file(&mut b, &files, &csrf, "bestek.pdf", PDF).await.assert_status(303);
        app.get_with(&mut b, &format!("/needs/{id}")).await.assert_contains("bestek.pdf");
        app.post_form(&mut b, &format!("/needs/{id}/submit"), &[]).await.assert_status(303);
        assert_eq!(app.with_conn(|c| store::get(c, id)).unwrap().unwrap().status, "submitted");
        assert_eq!(mails_to(&app, &format!("need:{id}:submitted:"), &operator.email), 1);

        // The operator sees the match list (the 4-digit class 5552 holds all three
        // caterers; the suspended cleaner is not there), removes one with a reason, publishes.
        let page = app.get_with(&mut op, &format!("/needs/{id}")).await;
        page.assert_status(200).assert_contains("Keuken Eén").assert_contains("Bakkerij Twee").assert_contains("Kantine Drie");
        assert!(!page.body.contains("Schoonmaak Vier"));
        let remove = format!("/admin/needs/{id}/matches/{canteen}/remove");
        app.post_form(&mut op, &remove, &[("reason", "")]).await.assert_status(422);
        app.post_form(&mut op, &remove, &[("reason", "Levert niet in Amsterdam")]).await.assert_status(303);
        app.post_form(&mut op, &format!("/admin/needs/{id}/publish"), &[]).await.assert_status(303);
        assert_eq!(app.with_conn(|c| store::get(c, id)).unwrap().unwrap().status, "published");

        // Each matched WISE's user is alerted once; the removed one is not.
        let alert = format!("need:{id}:alert:");
        assert_eq!(mails_to(&app, &alert, &cook.email), 1);
        assert_eq!(mails_to(&app, &alert, &baker.email), 1);
        assert_eq!(app.outbox_keys(&alert).len(), 2, "{:?}", app.outbox_keys(&alert));
        assert_eq!(mails_to(&app, &format!("need:{id}:published:"), &buyer.email), 1);
        let _ = sleeper;

        // The kitchen opens the need and answers; the buyer hears of the first interested WISE.
        let mut k = app.sign_in_as(&cook).await;
        // The alerted WISE may open the document, the removed one may not, nor may the public.
        let attachment = app.with_conn(|c| wise_monitor::needs::attachments::of_need(c, id)).unwrap()[0].id;
        let document = format!("/needs/{id}/attachments/{attachment}");
        let got = app.get_with(&mut k, &document).await;
        got.assert_status(200);
        assert_eq!(got.body.as_bytes(), PDF);
        assert_eq!(got.header("content-type"), Some("application/pdf"));
        let mut outsider = app.sign_in_as(&canteen_user).await;
        app.get_with(&mut outsider, &document).await.assert_status(404);
        app.get(&document).await.assert_status(303);
        // Once submitted, the documents are fixed.
        app.post_file(&mut b, &files, &csrf, "extra.pdf", PDF).await.assert_status(409);
        app.get_with(&mut k, "/start").await.assert_contains("Lunches voor het stadhuis").assert_contains("Nog niet beantwoord");
        app.get_with(&mut k, "/needs").await.assert_status(200).assert_contains("Lunches voor het stadhuis");
        app.get_with(&mut k, &format!("/needs/{id}")).await.assert_status(200);
        let answer = [("response", "interested"), ("message", "Wij koken graag voor u."), ("answers", "Ja, ook op zaterdag.")];
        app.post_form(&mut k, &format!("/needs/{id}/respond"), &answer).await.assert_status(303);
        app.post_form(&mut k, &format!("/needs/{id}/respond"), &answer).await.assert_status(303);
        assert_eq!(mails_to(&app, &format!("need:{id}:interest:"), &buyer.email), 1, "told once, not per answer");
        let csv = app.get_with(&mut b, &format!("/needs/{id}/responses.csv")).await;
        csv.assert_status(200).assert_contains("Keuken Eén").assert_contains("Wij koken graag voor u.");
        assert!(!csv.body.contains("Bakkerij Twee,interested"), "the silent bakery is not interested");

        // The scheduled step, run again and again at the same moment, sends nothing twice.
        let before = app.outbox_keys(&format!("need:{id}:")).len();
        run_due(&app);
        run_due(&app);
        assert_eq!(app.outbox_keys(&format!("need:{id}:")).len(), before);
        // Two working days later (Monday → Wednesday), the bakery, which neither opened
        // nor answered, gets one reminder; the kitchen none.
        app.clock.advance(Duration::days(2) + Duration::hours(1));
        run_due(&app);
        run_due(&app);
        let reminder = format!("need:{id}:reminder:");
        assert_eq!(mails_to(&app, &reminder, &baker.email), 1);
        assert_eq!(mails_to(&app, &reminder, &cook.email), 0);
        // (Two days on, the sessions are signed in afresh.)
        let mut b = app.sign_in_as(&buyer).await;
        let mut k = app.sign_in_as(&cook).await;

        // The buyer reports the deal; it counts only when the kitchen confirms it.
        let kitchen_id = kitchen.to_string();
        let outcome = [("organisation", kitchen_id.as_str()), ("amount_eur", "12.500"), ("found_without", "no")];
        app.post_form(&mut b, &format!("/needs/{id}/outcome"), &outcome).await.assert_status(303);
        assert_eq!(mails_to(&app, &format!("need:{id}:deal-reported:"), &cook.email), 1);
        let deal = app.with_conn(|c| store::deal_of(c, id, kitchen)).unwrap().unwrap();
        assert_eq!((deal.amount_eur, deal.status.as_str()), (12_500, "reported"));
        let quarter = {
            use wise_monitor::figures::periods;
            let request = periods::validate_range("2026-Q4", "2026-Q4", "30").unwrap();
            app.with_conn(|c| periods::create_range(c, &request, now)).unwrap();
            app.with_conn(|c| periods::find_for_reports(c, "2026-Q4")).unwrap().unwrap()
        };
        let thresholds = Thresholds::from(&app.state.config.disclosure);
        let exact = |app: &TestApp| {
            app.with_conn(|c| wise_monitor::reports::needs::section(c, &quarter, true, &thresholds)).unwrap().unwrap()
        };
        assert_eq!(exact(&app)["tables"][0]["total"]["deals"], 0, "a deal counts once confirmed");
        app.post_form(&mut k, &format!("/needs/{id}/deals/{}/confirm", deal.id), &[]).await.assert_status(303);
        assert_eq!(app.with_conn(|c| store::deal_of(c, id, kitchen)).unwrap().unwrap().status, "confirmed");
        assert_eq!(mails_to(&app, &format!("need:{id}:deal-confirmed:"), &buyer.email), 1);

        // The report counts it exactly for the city; the public sees no cell of one buyer.
        let report = exact(&app);
        let by_kind = &report["tables"][0];
        assert_eq!(by_kind["total"]["needs_published"], 1);
        assert_eq!(by_kind["total"]["wises_alerted"], 2);
        assert_eq!(by_kind["total"]["wises_interested"], 1);
        assert_eq!(by_kind["total"]["deals"], 1);
        assert_eq!(by_kind["total"]["deal_eur"], 12_500);
        // By the WISEs' sector: the same totals, the kitchen's deal under catering, and
        // only sectors with a WISE in them.
        let by_sector = &report["tables"][1];
        assert_eq!(by_sector["breakdown"], "sector");
        assert_eq!(by_sector["total"]["deal_eur"], 12_500);
        assert_eq!(by_sector["rows"].as_array().unwrap().len(), 1, "{by_sector}");
        assert_eq!(by_sector["rows"][0]["key"], "catering");
        assert_eq!(by_sector["rows"][0]["deals"], 1);
        let public = app.with_conn(|c| wise_monitor::reports::needs::section(c, &quarter, false, &thresholds)).unwrap().unwrap();
        assert!(public["tables"][0]["total"]["deal_eur"].is_null(), "one buyer's euros are not published: {public}");
        assert!(public["tables"][0]["suppressed"].as_array().unwrap().iter().any(|s| s == "needs.total.deal_eur"));
        assert!(public["tables"][1]["total"]["deal_eur"].is_null(), "nor by sector: {public}");
        let mut city = app.sign_in_as(&app.add_user("city", None)).await;
        app.get_with(&mut city, "/reports/sector?period=2026-Q4").await.assert_status(200).assert_contains("12.500");

        // The API shows the buyer its need with the answer counts.
        let token = app
            .with_conn(|c| wise_monitor::accounts::create_token_audited(c, buyer.id, &buyer.email, "t", None, now))
            .unwrap();
        let api = app
            .send(actix_web::test::TestRequest::get().uri(&format!("/api/v1/needs/{id}")).insert_header(("Authorization", format!("Bearer {token}"))))
            .await;
        api.assert_status(200);
        let detail = api.json();
        assert_eq!(detail["need"]["title"], "Lunches voor het stadhuis");
        assert_eq!(detail["responses"].as_array().unwrap().len(), 2, "the alerted WISEs, not the removed one");
        assert_eq!(detail["deals"][0]["status"], "confirmed");
        assert_eq!(detail["attachments"][0]["file_name"], "bestek.pdf");
        let _ = bakery;
    }

    async fn unanswerable_and_forgotten_needs_are_handled_by_the_schedule(app) {
        wise(&app, "44444444", "Schoonmaak Vier", "suspended", "90911200");
        let now = db::timestamp(test_now());
        let buying = app
            .with_conn(|c| {
                let input = wise_monitor::buying::BuyingInput {
                    name: "Gemeente Testdorp".into(),
                    kvk_number: "55555555".into(),
                    kind: "municipality".into(),
                    municipality: "Amsterdam".into(),
                };
                wise_monitor::buying::store::create(c, &input, "approved", now)
            })
            .unwrap();
        let buyer = app.add_user("buyer", Some(buying));
        let operator = app.add_user("admin", None);
        let mut b = app.sign_in_as(&buyer).await;
        let mut op = app.sign_in_as(&operator).await;

        // Only a suspended WISE offers cleaning: publishing alerts nobody and tells the operator.
        app.post_form(&mut b, "/needs", &need_form("Schoonmaak kantoor", "90911200", "submit")).await.assert_status(303);
        let lonely = app.with_conn(|c| store::of_buyer(c, buying)).unwrap()[0].id;
        app.post_form(&mut op, &format!("/admin/needs/{lonely}/publish"), &[]).await.assert_status(303);
        assert!(app.outbox_keys(&format!("need:{lonely}:alert:")).is_empty());
        assert_eq!(mails_to(&app, &format!("need:{lonely}:nobody:"), &operator.email), 1);

        // A need returned with a comment and left unchanged for 10 days is withdrawn, with one mail.
        app.post_form(&mut b, "/needs", &need_form("Catering personeelsfeest", "55520000", "submit")).await.assert_status(303);
        let returned = app.with_conn(|c| store::of_buyer(c, buying)).unwrap().into_iter().map(|n| n.id).max().unwrap();
        app.post_form(&mut op, &format!("/admin/needs/{returned}/return"), &[("comment", "")]).await.assert_status(422);
        app.post_form(&mut op, &format!("/admin/needs/{returned}/return"), &[("comment", "Noem het aantal gasten.")]).await.assert_status(303);
        assert_eq!(mails_to(&app, &format!("need:{returned}:returned:"), &buyer.email), 1);
        app.clock.advance(Duration::days(9));
        run_due(&app);
        assert_eq!(app.with_conn(|c| store::get(c, returned)).unwrap().unwrap().status, "returned");
        app.clock.advance(Duration::days(2));
        run_due(&app);
        run_due(&app);
        assert_eq!(app.with_conn(|c| store::get(c, returned)).unwrap().unwrap().status, "withdrawn");
        assert_eq!(mails_to(&app, &format!("need:{returned}:withdrawn:"), &buyer.email), 1);

        // Needs digests. A WISE the batches reached and one the operator added to the list
        // after publishing both ask for a daily mail of new needs (a made-up frequency is refused).
        let (_, early) = wise(&app, "66666666", "Keuken Zes", "approved", "55520000");
        let (_, late) = wise(&app, "77777777", "Glazenwasserij Zeven", "approved", "90911300");
        let (mut e, mut l) = (app.sign_in_as(&early).await, app.sign_in_as(&late).await);
        // Eleven days on, the buyer and the operator sign in again.
        let (mut b, mut op) = (app.sign_in_as(&buyer).await, app.sign_in_as(&operator).await);
        app.post_form(&mut l, "/needs/digest", &[("frequency", "hourly")]).await.assert_status(422);
        for browser in [&mut e, &mut l] {
            app.post_form(browser, "/needs/digest", &[("frequency", "daily")]).await.assert_status(303);
        }
        app.get_with(&mut l, "/needs").await.assert_contains("value=\"daily\" selected");
        app.clock.advance(Duration::minutes(5));
        app.post_form(&mut b, "/needs", &need_form("Lunch raadsvergadering", "55520000", "submit")).await.assert_status(303);
        let lunch = app.with_conn(|c| store::of_buyer(c, buying)).unwrap().into_iter().map(|n| n.id).max().unwrap();
        app.post_form(&mut op, &format!("/admin/needs/{lunch}/publish"), &[]).await.assert_status(303);
        assert_eq!(mails_to(&app, &format!("need:{lunch}:alert:"), &early.email), 1);
        let add = [("kvk_number", "77777777"), ("reason", "Doet ook catering")];
        app.post_form(&mut op, &format!("/admin/needs/{lunch}/matches"), &add).await.assert_status(303);
        app.get_with(&mut l, &format!("/needs/{lunch}")).await.assert_status(404);

        // The next morning's digest tells the added WISE, which may now open the need; the
        // one already alerted gets no digest, and a second run mails nobody again.
        app.clock.advance(Duration::days(1));
        let digest_run = |app: &TestApp| {
            let (state, at) = (&app.state, app.clock.now());
            app.with_conn(|c| wise_monitor::digests::run_due(c, &state.config, &state.templates, &state.caches, at))
                .unwrap()
        };
        digest_run(&app);
        digest_run(&app);
        let digests = app.outbox_keys("needs-digest:");
        assert_eq!(digests.len(), 1, "{digests:?}");
        assert!(digests[0].contains(&format!(":{}:", late.id)), "{digests:?}");
        let body: String = app.with_conn(|c| {
            outbox::table.filter(outbox::idempotency_key.eq(&digests[0])).select(outbox::text_body).first(c).unwrap()
        });
        assert!(body.contains("Lunch raadsvergadering") && body.contains(&format!("/needs/{lunch}")), "{body}");
        let mut l = app.sign_in_as(&late).await;
        app.get_with(&mut l, &format!("/needs/{lunch}")).await.assert_status(200);
        // The batches leave it alone from now on.
        app.clock.advance(Duration::days(1));
        run_due(&app);
        assert_eq!(mails_to(&app, &format!("need:{lunch}:alert:"), &late.email), 0);
        // Switched off: no digest any more.
        let mut l = app.sign_in_as(&late).await;
        app.post_form(&mut l, "/needs/digest", &[("frequency", "")]).await.assert_status(303);
        app.get_with(&mut l, "/needs").await.assert_contains("value=\"\" selected");
    }
}
