//! A buyer registers themselves: a new organisation waits for the operator, who
//! approves it with its first buyer; a colleague of a known organisation is approved by
//! that buyer. Bad input names each field; a confirmation link works once. One world
//! for the whole journey: every step builds on the one before.

use diesel::prelude::*;
use wise_monitor::buying::store as buying;
use wise_monitor::db::schema::audit_log;

use crate::backend_tests;
use crate::support::{link_in, Browser, TestApp, PASSWORD};

const FIRST: &str = "inkoop@stadsdeel.example.nl";
const SECOND: &str = "collega@stadsdeel.example.nl";
const KVK: &str = "81234567";

fn form<'a>(name: &'a str, email: &'a str, organisation: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("user_name", name),
        ("user_email", email),
        ("password", PASSWORD),
        ("password_confirm", PASSWORD),
        ("organisation_kvk", KVK),
        ("organisation_name", organisation),
        ("organisation_kind", "public_body"),
        ("organisation_municipality", "Amsterdam"),
    ]
}

/// The only mail to `to` since the last call, after delivering the outbox.
fn last_mail(app: &TestApp, to: &str) -> wise_monitor::mail::SentMail {
    app.deliver_mail();
    app.mailbox.messages_to(to).pop().unwrap_or_else(|| panic!("no mail to {to}"))
}

/// Registers through the form and confirms through the mailed link; the mail's subject.
async fn register_and_confirm(app: &TestApp, fields: &[(&str, &str)], email: &str) -> String {
    let mut visitor = app.visitor().await;
    app.post_form(&mut visitor, "/register/buyer", fields).await.assert_status(200).assert_contains(email);
    let mail = last_mail(app, email);
    let base = app.state.config.base_url().to_string();
    let link = link_in(&mail.text, &format!("{base}/register/buyer/confirm?token="));
    let path = link.trim_start_matches(&base).to_string();
    app.get_with(&mut visitor, &path).await.assert_status(200).assert_contains(email);
    let token = path.split("token=").nth(1).unwrap().to_string();
    app.post_form(&mut visitor, "/register/buyer/confirm", &[("token", &token)]).await.assert_status(200);
    // A link works once.
    app.post_form(&mut visitor, "/register/buyer/confirm", &[("token", &token)]).await.assert_status(410);
    mail.subject
}

fn audited(app: &TestApp, action: &str) -> i64 {
    app.with_conn(|c| audit_log::table.filter(audit_log::action.eq(action)).count().get_result(c).unwrap())
}

async fn operator(app: &TestApp) -> (Browser, String) {
    let admin = app.add_user("admin", None);
    (app.sign_in_as(&admin).await, admin.email)
}

backend_tests! {
    async fn a_buyer_registers_confirms_and_is_approved_and_a_colleague_joins(app) {
        let (mut admin, admin_email) = operator(&app).await;
        let mut visitor = app.visitor().await;
        app.get_with(&mut visitor, "/register/buyer").await.assert_status(200).assert_contains("name=\"organisation_kvk\"");

        // Bad input: each field named, nothing stored.
        let mut bad = form("", "not-an-address", "");
        bad[2] = ("password", "kort");
        let res = app.post_form(&mut visitor, "/register/buyer", &bad).await;
        res.assert_status(422);
        for field in ["user_name-error", "user_email-error", "password-error", "organisation_name-error"] {
            res.assert_contains(&format!("id=\"{field}\""));
        }
        assert!(app.with_conn(|c| buying::by_kvk(c, KVK)).unwrap().is_none());

        // A new organisation: pending until the operator approves it.
        let subject = register_and_confirm(&app, &form("Fatima Inkoop", FIRST, "Stadsdeel Oost"), FIRST).await;
        assert!(subject.contains("wise-monitor"), "{subject}");
        let organisation = app.with_conn(|c| buying::by_kvk(c, KVK)).unwrap().expect("stored");
        assert_eq!(organisation.status, "pending");
        let waiting = last_mail(&app, &admin_email);
        assert!(waiting.subject.contains("Fatima Inkoop") && waiting.subject.contains("Stadsdeel Oost"), "{}", waiting.subject);
        assert_eq!(audited(&app, "buying_organisation_registered"), 1);
        assert_eq!(audited(&app, "buyer_email_confirmed"), 1);
        let mut first = app.sign_in(FIRST, PASSWORD).await;
        app.get_with(&mut first, "/needs/new").await.assert_status(403);

        app.post_form(&mut admin, &format!("/admin/buyers/{}/approve", organisation.id), &[]).await.assert_status(303);
        assert!(last_mail(&app, FIRST).subject.contains("Stadsdeel Oost"));
        app.get_with(&mut first, "/needs/new").await.assert_status(200);

        // The same email again is refused, by name.
        app.post_form(&mut visitor, "/register/buyer", &form("Fatima", FIRST, "")).await
            .assert_status(422)
            .assert_contains("id=\"user_email-error\"");

        // A colleague: the KvK number is enough; the first buyer hears of them and approves.
        let colleague = [
            ("user_name", "Kees Collega"),
            ("user_email", SECOND),
            ("password", PASSWORD),
            ("password_confirm", PASSWORD),
            ("organisation_kvk", KVK),
        ];
        register_and_confirm(&app, &colleague, SECOND).await;
        assert_eq!(audited(&app, "buyer_registered"), 1);
        assert!(last_mail(&app, FIRST).subject.contains("Kees Collega"));
        let member = app
            .with_conn(|c| buying::members(c, organisation.id))
            .unwrap()
            .into_iter()
            .find(|m| m.email == SECOND)
            .expect("a member");
        assert!(member.email_confirmed && !member.approved);
        let approve = format!("/buying-organisations/{}/members/{}/approve", organisation.id, member.user_id);
        app.post_form(&mut first, &approve, &[]).await.assert_status(303);
        assert!(last_mail(&app, SECOND).subject.contains("Stadsdeel Oost"));
        let mut second = app.sign_in(SECOND, PASSWORD).await;
        app.get_with(&mut second, "/needs/new").await.assert_status(200);
    }
}
