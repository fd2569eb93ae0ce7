//! Registration: a WISE applies, confirms its email address and is approved, asked for
//! changes, suspended or reinstated by the operator; bad applications store nothing.

use chrono::Duration;
use diesel::prelude::*;
use wise_monitor::db::schema::{audit_log, organisations, outbox, registrations, users};
use wise_monitor::db::{self, DbConn};
use wise_monitor::organisation::model::OrganisationInput;
use wise_monitor::organisation::store as org_store;

use crate::backend_tests;
use crate::support::{link_in, test_now, Browser, TestApp, PASSWORD};

const KVK: &str = "04567890";
const NAME: &str = "Werkplaats Noord";
const SLUG: &str = "werkplaats-noord";
const APPLICANT: &str = "fatima@werkplaatsnoord.nl";
const WISE_EMAIL: &str = "info@werkplaatsnoord.nl";

/// A complete, valid application.
fn application() -> Vec<(&'static str, String)> {
    [
        ("kvk_number", KVK),
        ("name", NAME),
        ("legal_form", "stichting"),
        ("founded_year", "2012"),
        ("website", "www.werkplaatsnoord.nl"),
        ("email", WISE_EMAIL),
        ("phone", "020 123 4567"),
        ("street", "Buiksloterweg 10"),
        ("postcode", "1031 cc"),
        ("municipality", "Amsterdam"),
        ("district", "Noord"),
        ("description", "Fietsenmakerij en kringloopwinkel waar mensen het vak leren."),
        ("primary_sector", "recycling_repair"),
        ("sectors", "retail_second_hand"),
        ("sectors", "catering"),
        ("target_groups", "mental_health"),
        ("target_groups", "long_term_unemployed"),
        ("market_income_pct", "45"),
        ("user_name", "Fatima de Vries"),
        ("user_email", APPLICANT),
        ("password", PASSWORD),
        ("password_confirm", PASSWORD),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_string()))
    .collect()
}

/// The application with `field` set to `value` (all its values replaced by one).
fn with(field: &'static str, value: &str) -> Vec<(&'static str, String)> {
    with_all(&[(field, value)])
}

fn with_all(changes: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    let mut fields: Vec<_> = application().into_iter().filter(|(k, _)| changes.iter().all(|(f, _)| f != k)).collect();
    fields.extend(changes.iter().map(|(k, v)| (*k, v.to_string())));
    fields
}

async fn submit(app: &TestApp, browser: &mut Browser, fields: &[(&'static str, String)]) -> crate::support::Response {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post_form(browser, "/register", &fields).await
}

/// Rows in the tables an application writes to.
fn counts(c: &mut DbConn) -> [i64; 5] {
    [
        organisations::table.count().get_result(c).unwrap(),
        users::table.count().get_result(c).unwrap(),
        registrations::table.count().get_result(c).unwrap(),
        outbox::table.count().get_result(c).unwrap(),
        audit_log::table.count().get_result(c).unwrap(),
    ]
}

fn organisation(app: &TestApp) -> (i32, String, Option<String>) {
    app.with_conn(|c| {
        organisations::table
            .filter(organisations::kvk_number.eq(KVK))
            .select((organisations::id, organisations::status, organisations::status_reason))
            .first(c)
            .unwrap()
    })
}

fn audit(app: &TestApp) -> Vec<(String, String, String)> {
    app.with_conn(|c| {
        audit_log::table
            .order(audit_log::id)
            .select((audit_log::action, audit_log::target, audit_log::detail))
            .load(c)
            .unwrap()
    })
}

/// The path (without the site) of the first link in `text` under `path`.
fn path_in(app: &TestApp, text: &str, path: &str) -> String {
    let base = app.state.config.base_url().to_string();
    link_in(text, &format!("{base}{path}")).trim_start_matches(&base).to_string()
}

/// The only mail to `to` since the last call, after delivering the outbox.
fn last_mail(app: &TestApp, to: &str) -> wise_monitor::mail::SentMail {
    app.deliver_mail();
    app.mailbox.messages_to(to).pop().unwrap_or_else(|| panic!("no mail to {to}"))
}

/// Applies and confirms through the pages; returns the WISE's id.
async fn apply_and_confirm(app: &TestApp) -> i32 {
    let mut visitor = app.visitor().await;
    submit(app, &mut visitor, &application()).await.assert_status(200);
    let mail = last_mail(app, APPLICANT);
    let link = path_in(app, &mail.text, "/register/confirm?token=");
    let page = app.get_with(&mut visitor, &link).await;
    page.assert_status(200);
    let token = link.split("token=").nth(1).unwrap().to_string();
    app.post_form(&mut visitor, "/register/confirm", &[("token", &token)]).await.assert_status(200);
    organisation(app).0
}

async fn decide(app: &TestApp, admin: &mut Browser, id: i32, decision: &str, fields: &[(&str, &str)]) -> u16 {
    let path = format!("/admin/organisations/{id}/{decision}");
    app.post_form(admin, &path, fields).await.status.as_u16()
}

backend_tests! {
    async fn a_wise_registers_confirms_its_email_and_is_approved(app) {
        let operator = app.add_user("admin", None);
        let mut visitor = app.visitor().await;
        let form = app.get_with(&mut visitor, "/register").await;
        form.assert_status(200).assert_contains("name=\"kvk_number\"").assert_contains("value=\"recycling_repair\"");

        let sent = submit(&app, &mut visitor, &application()).await;
        sent.assert_status(200).assert_contains(APPLICANT);
        let (id, status, _) = organisation(&app);
        assert_eq!(status, "pending");
        // Pending: nowhere in public.
        app.get(&format!("/organisations/{SLUG}")).await.assert_status(404);
        app.get(&format!("/api/v1/organisations/{KVK}")).await.assert_status(404);
        assert!(!app.get("/organisations").await.body.contains(NAME));

        // The applicant is a `wise` user of the new WISE and can sign in already.
        let (role, language): (String, String) = app.with_conn(|c| {
            users::table.filter(users::email.eq(APPLICANT)).select((users::role, users::language)).first(c).unwrap()
        });
        assert_eq!((role.as_str(), language.as_str()), ("wise", "nl"));
        let mut applicant = app.sign_in(APPLICANT, PASSWORD).await;
        let me = app.get_with(&mut applicant, "/account").await;
        me.assert_status(200).assert_contains(APPLICANT);

        // Not before the email address is confirmed.
        let mut admin = app.sign_in_as(&operator).await;
        app.get_with(&mut admin, &format!("/admin/organisations/{id}")).await.assert_status(200).assert_contains("Nog niet bevestigd");
        let refused = app.post_form(&mut admin, &format!("/admin/organisations/{id}/approve"), &[]).await;
        refused.assert_status(409).assert_contains("nog niet bevestigd");
        assert_eq!(organisation(&app).1, "pending");

        // The mail, in Dutch, with a link that shows a button and works once.
        let mail = last_mail(&app, APPLICANT);
        assert_eq!(mail.subject, "Bevestig uw e-mailadres voor wise-monitor");
        assert!(mail.text.contains("Beste Fatima de Vries,") && mail.text.contains(NAME), "{}", mail.text);
        let link = path_in(&app, &mail.text, "/register/confirm?token=");
        let page = app.get_with(&mut visitor, &link).await;
        page.assert_status(200).assert_contains(APPLICANT).assert_contains("action=\"/register/confirm\"");
        let token = link.split("token=").nth(1).unwrap().to_string();
        let confirmed = app.post_form(&mut visitor, "/register/confirm", &[("token", &token)]).await;
        confirmed.assert_status(200).assert_contains(NAME);
        app.post_form(&mut visitor, "/register/confirm", &[("token", &token)]).await.assert_status(410);
        app.get_with(&mut visitor, &link).await.assert_status(410);

        // The operators hear of it, and the queue shows it first, confirmed.
        let notice = last_mail(&app, &operator.email);
        assert!(notice.subject.contains(NAME), "{}", notice.subject);
        assert!(notice.text.contains(&format!("/admin/organisations/{id}")), "{}", notice.text);
        let queue = app.get_with(&mut admin, "/admin/organisations").await;
        queue.assert_status(200).assert_contains(NAME).assert_contains("Bevestigd");

        let approved = app.post_form(&mut admin, &format!("/admin/organisations/{id}/approve"), &[]).await;
        approved.assert_status(303);
        assert_eq!(approved.header("location"), Some("/admin/organisations?notice=approved"));
        assert_eq!(organisation(&app).1, "approved");
        let profile = app.get(&format!("/organisations/{SLUG}")).await;
        profile.assert_status(200).assert_contains(NAME).assert_contains("https://www.werkplaatsnoord.nl");
        app.get(&format!("/api/v1/organisations/{KVK}")).await.assert_status(200);
        assert!(app.get("/organisations").await.body.contains(NAME));

        // The applicant and the WISE's own address hear of it.
        for to in [APPLICANT, WISE_EMAIL] {
            let mail = last_mail(&app, to);
            assert!(mail.subject.contains("staat nu op wise-monitor"), "{}", mail.subject);
            assert!(mail.text.contains(&format!("/organisations/{SLUG}")), "{}", mail.text);
        }
        let actions: Vec<String> = audit(&app).into_iter().map(|(a, _, _)| a).collect();
        for action in ["organisation_registered", "registration_email_confirmed", "organisation_approved"] {
            assert!(actions.contains(&action.to_string()), "{action} in {actions:?}");
        }
        let sectors: Vec<String> = app.with_conn(|c| {
            use wise_monitor::db::schema::organisation_sectors as s;
            s::table.filter(s::organisation_id.eq(id)).order(s::position).select(s::sector).load(c).unwrap()
        });
        assert_eq!(sectors, ["recycling_repair", "retail_second_hand", "catering"], "the primary sector first");
    }

    async fn bad_applications_get_field_errors_and_store_nothing(app) {
        let now = db::timestamp(test_now());
        let taken = OrganisationInput {
            kvk_number: "11111111".into(),
            name: "Bestaand".into(),
            municipality: "Zaanstad".into(),
            sectors: vec!["catering".into()],
            ..Default::default()
        };
        app.with_conn(|c| org_store::create_organisation(c, &taken, "approved", now)).unwrap();
        let existing = app.add_user("buyer", None);
        let visitor = app.visitor().await;
        let before = app.with_conn(counts);
        let cases: Vec<(Vec<(&'static str, String)>, &str)> = vec![
            (with("kvk_number", "4567890"), "kvk_number"),
            (with("kvk_number", "0456789a"), "kvk_number"),
            (with("kvk_number", "11111111"), "kvk_number"),
            (with("primary_sector", "bakery"), "sectors"),
            (with("sectors", "bakery"), "sectors"),
            (with("primary_sector", ""), "sectors"),
            (with("target_groups", "pirates"), "target_groups"),
            (with("description", &"x".repeat(2001)), "description"),
            (with("name", ""), "name"),
            (with("municipality", " "), "municipality"),
            (with("founded_year", "1500"), "founded_year"),
            (with("founded_year", "lang geleden"), "founded_year"),
            (with("market_income_pct", "120"), "market_income_pct"),
            (with("website", "ftp://example.nl"), "website"),
            (with("email", "geen adres"), "email"),
            (with("user_email", &existing.email), "user_email"),
            (with("user_email", "fatima"), "user_email"),
            (with("user_name", ""), "user_name"),
            (with_all(&[("password", "aaaaaaaaaaaaaaaa"), ("password_confirm", "aaaaaaaaaaaaaaaa")]), "password"),
            (with_all(&[("password", "Fatima de Vries 1"), ("password_confirm", "Fatima de Vries 1")]), "password"),
            (with("password", "kort"), "password"),
            (with("password_confirm", "tulpen-fiets-grachtenpand-43"), "password_confirm"),
        ];
        for (n, (fields, field)) in cases.into_iter().enumerate() {
            let res = submit(&app, &mut visitor.clone().at_ip(&format!("10.1.0.{n}")), &fields).await;
            assert_eq!(res.status.as_u16(), 422, "{field}: {}", res.body);
            res.assert_contains(&format!("id=\"{field}-error\""));
            if field != "target_groups" {
                res.assert_contains("aria-invalid=\"true\"");
            }
            // What was typed comes back, the password never.
            res.assert_contains("Buiksloterweg 10");
            assert!(!res.body.contains(PASSWORD), "{field}: the password is not echoed");
        }
        // The taken KvK number says so, in the page's language.
        let mut english = app.visitor().await.at_ip("10.2.0.1");
        english.cookies.push(actix_web::cookie::Cookie::new("lang", "en"));
        let res = submit(&app, &mut english, &with("kvk_number", "11111111")).await;
        res.assert_status(422).assert_contains("An enterprise with this KvK number has already been registered");
        assert_eq!(app.with_conn(counts), before, "nothing was stored, mailed or logged");
        app.deliver_mail();
        assert!(app.mailbox.messages().is_empty());
    }

    async fn asking_for_changes_suspending_and_reinstating_mail_the_wise_and_are_audited(app) {
        let operator = app.add_user("admin", None);
        let id = apply_and_confirm(&app).await;
        let mut admin = app.sign_in_as(&operator).await;

        // A request for changes needs a message; the WISE stays pending and hears what to change.
        let empty = app.post_form(&mut admin, &format!("/admin/organisations/{id}/request-changes"), &[("message", "  ")]).await;
        empty.assert_status(422).assert_contains("id=\"message-error\"");
        let too_long = "x".repeat(2001);
        assert_eq!(decide(&app, &mut admin, id, "request-changes", &[("message", &too_long)]).await, 422);
        let message = "Vul ook uw adres en de doelgroepen in.";
        assert_eq!(decide(&app, &mut admin, id, "request-changes", &[("message", message)]).await, 303);
        assert_eq!(organisation(&app), (id, "pending".to_string(), Some(message.to_string())));
        app.get(&format!("/organisations/{SLUG}")).await.assert_status(404);
        for to in [APPLICANT, WISE_EMAIL] {
            let mail = last_mail(&app, to);
            assert!(mail.subject.contains("wijzigingen nodig"), "{}", mail.subject);
            assert!(mail.text.contains(message), "{}", mail.text);
        }
        app.get_with(&mut admin, &format!("/admin/organisations/{id}")).await.assert_contains(message);

        // Reinstating applies only to a suspended WISE.
        assert_eq!(decide(&app, &mut admin, id, "reinstate", &[]).await, 409);
        assert_eq!(decide(&app, &mut admin, id, "approve", &[]).await, 303);
        assert_eq!(organisation(&app), (id, "approved".to_string(), None));
        assert_eq!(decide(&app, &mut admin, id, "approve", &[]).await, 409);
        assert_eq!(decide(&app, &mut admin, id, "request-changes", &[("message", "Nog iets.")]).await, 409);

        // Suspending needs a reason, hides the WISE everywhere and tells it why.
        assert_eq!(decide(&app, &mut admin, id, "suspend", &[]).await, 422);
        let reason = "De KvK-inschrijving is beëindigd.";
        assert_eq!(decide(&app, &mut admin, id, "suspend", &[("reason", reason)]).await, 303);
        assert_eq!(organisation(&app).1, "suspended");
        app.get(&format!("/organisations/{SLUG}")).await.assert_status(404);
        app.get(&format!("/api/v1/organisations/{KVK}")).await.assert_status(404);
        assert!(!app.get("/organisations").await.body.contains(NAME));
        let mail = last_mail(&app, APPLICANT);
        assert!(mail.subject.contains("geschorst") && mail.text.contains(reason), "{}\n{}", mail.subject, mail.text);
        assert!(mail.html.contains("beëindigd"), "{}", mail.html);
        let queue = app.get_with(&mut admin, "/admin/organisations?status=suspended").await;
        queue.assert_status(200).assert_contains(NAME).assert_contains(reason);

        assert_eq!(decide(&app, &mut admin, id, "reinstate", &[]).await, 303);
        assert_eq!(organisation(&app), (id, "approved".to_string(), None));
        app.get(&format!("/organisations/{SLUG}")).await.assert_status(200);
        assert!(last_mail(&app, WISE_EMAIL).subject.contains("weer zichtbaar"));

        let decisions: Vec<(String, String, String)> =
            audit(&app).into_iter().filter(|(a, _, _)| a.starts_with("organisation_") && a != "organisation_registered").collect();
        let target = format!("organisation {KVK}");
        assert_eq!(
            decisions,
            [
                ("organisation_changes_requested".to_string(), target.clone(), message.to_string()),
                ("organisation_approved".to_string(), target.clone(), String::new()),
                ("organisation_suspended".to_string(), target.clone(), reason.to_string()),
                ("organisation_reinstated".to_string(), target, String::new()),
            ]
        );
    }

    async fn the_queue_lists_by_status_pending_first(app) {
        let now = db::timestamp(test_now());
        for (kvk, name, status) in [("20000001", "Aa Approved", "approved"), ("20000002", "Zz Suspended", "suspended")] {
            let input = OrganisationInput {
                kvk_number: kvk.into(),
                name: name.into(),
                municipality: "Utrecht".into(),
                sectors: vec!["textiles".into()],
                ..Default::default()
            };
            app.with_conn(|c| org_store::create_organisation(c, &input, status, now)).unwrap();
        }
        let mut visitor = app.visitor().await;
        submit(&app, &mut visitor, &application()).await.assert_status(200);
        let operator = app.add_user("admin", None);
        let mut admin = app.sign_in_as(&operator).await;

        let all = app.get_with(&mut admin, "/admin/organisations").await;
        all.assert_status(200).assert_contains("Nog niet bevestigd");
        let at = |name: &str| all.body.find(name).unwrap_or_else(|| panic!("{name} in the list"));
        assert!(at(NAME) < at("Zz Suspended") && at("Zz Suspended") < at("Aa Approved"), "pending, suspended, approved");
        let pending = app.get_with(&mut admin, "/admin/organisations?status=pending").await;
        pending.assert_status(200).assert_contains(NAME);
        assert!(!pending.body.contains("Aa Approved"));
        app.get_with(&mut admin, "/admin/organisations?status=approved").await.assert_contains("Aa Approved");
        app.get_with(&mut admin, "/admin/organisations?status=nonsense").await.assert_status(400);
        app.get_with(&mut admin, "/admin/organisations?page=0").await.assert_status(400);
        app.get_with(&mut admin, "/admin/organisations?page=9").await.assert_status(404);
        app.get_with(&mut admin, "/admin/organisations/999999").await.assert_status(404);
        assert_eq!(decide(&app, &mut admin, 999_999, "suspend", &[("reason", "x")]).await, 404);
        // Operators have a link to the queue; others do not.
        assert!(pending.body.contains("href=\"/admin/organisations\""));
        let buyer = app.add_user("buyer", None);
        let mut buyer = app.sign_in_as(&buyer).await;
        assert!(!app.get_with(&mut buyer, "/account").await.body.contains("href=\"/admin/organisations\""));
    }

    async fn confirmation_links_expire_and_a_new_one_can_be_asked_for(app) {
        let mut visitor = app.visitor().await;
        submit(&app, &mut visitor, &application()).await.assert_status(200);
        let first = path_in(&app, &last_mail(&app, APPLICANT).text, "/register/confirm?token=");
        app.clock.advance(Duration::days(8));
        let expired = app.get_with(&mut visitor, &first).await;
        expired.assert_status(410).assert_contains("action=\"/register/resend\"");

        // Asking for an unknown address or a confirmed one answers the same and sends nothing.
        let unknown = app.post_form(&mut visitor, "/register/resend", &[("email", "niemand@example.nl")]).await;
        unknown.assert_status(200);
        let resent = app.post_form(&mut visitor, "/register/resend", &[("email", " Fatima@WerkplaatsNoord.nl ")]).await;
        resent.assert_status(200);
        assert_eq!(unknown.body.replace("niemand@example.nl", "X"), resent.body.replace(APPLICANT, "X"));
        app.deliver_mail();
        assert_eq!(app.mailbox.messages_to(APPLICANT).len(), 2);
        assert!(app.mailbox.messages_to("niemand@example.nl").is_empty());
        let second = path_in(&app, &app.mailbox.messages_to(APPLICANT)[1].text, "/register/confirm?token=");
        assert_ne!(first, second);
        let token = second.split("token=").nth(1).unwrap().to_string();
        app.post_form(&mut visitor, "/register/confirm", &[("token", &token)]).await.assert_status(200);
        let confirmed: Option<chrono::NaiveDateTime> = app.with_conn(|c| {
            registrations::table.select(registrations::email_confirmed_at).first(c).unwrap()
        });
        assert!(confirmed.is_some());
        app.post_form(&mut visitor, "/register/resend", &[("email", APPLICANT)]).await.assert_status(200);
        app.deliver_mail();
        assert_eq!(app.mailbox.messages_to(APPLICANT).len(), 2, "no link once confirmed");
    }

    async fn the_registration_form_is_rate_limited(app) {
        let mut visitor = app.visitor().await.at_ip("10.9.9.9");
        let bad = with("kvk_number", "1");
        let limit = app.state.config.auth.rate_limit_per_account;
        for _ in 0..limit {
            submit(&app, &mut visitor, &bad).await.assert_status(422);
        }
        let res = submit(&app, &mut visitor, &bad).await;
        res.assert_status(429);
        assert!(res.header("retry-after").is_some());
        // Someone elsewhere is not affected.
        let mut other = app.visitor().await.at_ip("10.9.9.10");
        submit(&app, &mut other, &bad).await.assert_status(422);
    }
}

backend_tests! {
    // The whole way through: a WISE registers, is approved, adds an offering, and a
    // buyer finds it by text, by CPV prefix and by filters, and shortlists it.
    async fn a_registered_wise_is_found_by_a_buyer(app) {
        let id = apply_and_confirm(&app).await;
        let admin = app.add_user("admin", None);
        let mut operator = app.sign_in_as(&admin).await;
        assert_eq!(decide(&app, &mut operator, id, "approve", &[]).await, 303);

        let mut wise = app.sign_in(APPLICANT, PASSWORD).await;
        let offering = [
            ("title", "Glazenwassen voor kantoren"),
            ("description", "Ramen, kozijnen en zonwering, ook op hoogte."),
            ("kind", "service"),
            ("cpv_code", "90911300-9"),
            ("cpv_query", ""),
            ("service_area", "municipalities"),
            ("municipalities", "Amsterdam\nZaanstad"),
            ("service_radius_km", ""),
            ("price_indication", "vanaf € 45 per uur"),
            ("lead_time", "binnen een week"),
        ];
        app.post_form(&mut wise, &format!("/manage/organisations/{KVK}/offerings/new"), &offering)
            .await
            .assert_status(303);

        for query in [
            "q=glazenwas",
            "q=fietsenmakerij",
            "cpv=9091",
            "q=kozijnen&municipality=zaanstad&sector=recycling_repair",
            "target_group=mental_health&kind=service",
        ] {
            let found = app.get(&format!("/api/v1/organisations?{query}")).await.json();
            let slugs: Vec<&str> = found["items"].as_array().unwrap().iter().map(|i| i["slug"].as_str().unwrap()).collect();
            assert_eq!(slugs, [SLUG], "{query}");
            app.get(&format!("/organisations?{query}")).await.assert_contains(&format!("href=\"/organisations/{SLUG}?back&#x3D;"));
        }
        let offers = app.get("/api/v1/offerings?q=glazenwassen&municipality=Zaanstad").await.json();
        assert_eq!(offers["items"][0]["organisation"]["kvk_number"], KVK);

        let buyer = app.add_user("buyer", None);
        let mut procurement = app.sign_in_as(&buyer).await;
        app.post_form(&mut procurement, "/shortlist", &[("kvk", KVK)]).await.assert_status(303);
        app.get_with(&mut procurement, "/shortlist").await.assert_contains(NAME);
    }
}
