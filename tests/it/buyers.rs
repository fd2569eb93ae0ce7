//! Buyer tools: the shortlist and enquiries.

use diesel::prelude::*;
use wise_monitor::db::{self, schema::audit_log};
use wise_monitor::organisation::model::OrganisationInput;
use wise_monitor::organisation::store as org_store;

use crate::backend_tests;
use crate::support::{test_now, TestApp};

/// An approved WISE with a public address and one staff member; returns (id, slug, staff email).
fn wise(app: &TestApp) -> (i32, String, String) {
    let input = OrganisationInput {
        kvk_number: "31313131".into(),
        name: "Groene Handen".into(),
        email: Some("info@groene-handen.example.nl".into()),
        municipality: "Diemen".into(),
        sectors: vec!["green_maintenance".into()],
        ..Default::default()
    };
    let id =
        app.with_conn(|c| org_store::create_organisation(c, &input, "approved", db::timestamp(test_now()))).unwrap();
    let staff = app.add_user("wise", Some(id));
    (id, "groene-handen".into(), staff.email)
}

backend_tests! {
    async fn a_buyer_keeps_a_shortlist_and_exports_it(app) {
        let (_, slug, _) = wise(&app);
        let buyer = app.add_user("buyer", None);
        let mut browser = app.sign_in_as(&buyer).await;
        let profile = app.get_with(&mut browser, &format!("/organisations/{slug}")).await;
        profile.assert_contains("Op mijn shortlist zetten");
        let added = app.post_form(&mut browser, "/shortlist", &[("kvk", "31313131"), ("next", &format!("/organisations/{slug}"))]).await;
        added.assert_status(303);
        assert_eq!(added.header("location"), Some(format!("/organisations/{slug}?notice=shortlisted").as_str()));
        app.post_form(&mut browser, "/shortlist", &[("kvk", "31313131")]).await.assert_status(303);
        app.get_with(&mut browser, "/shortlist").await.assert_status(200).assert_contains("Groene Handen");
        let csv = app.get_with(&mut browser, "/shortlist.csv").await;
        csv.assert_status(200);
        assert_eq!(csv.body.lines().count(), 2, "added twice, listed once:\n{}", csv.body);
        assert!(csv.body.contains("31313131,Groene Handen,Diemen,,green_maintenance,info@groene-handen.example.nl,"));
        app.post_form(&mut browser, "/shortlist", &[("kvk", "99999999")]).await.assert_status(404);
        app.post_form(&mut browser, "/shortlist/31313131/remove", &[]).await.assert_status(303);
        app.get_with(&mut browser, "/shortlist").await.assert_contains("nog leeg");
        app.post_form(&mut browser, "/shortlist/31313131/remove", &[]).await.assert_status(404);
    }

    async fn an_enquiry_mails_the_wise_and_copies_the_buyer(app) {
        let (_, slug, staff) = wise(&app);
        let buyer = app.add_user("buyer", None);
        let mut browser = app.sign_in_as(&buyer).await;
        let path = format!("/organisations/{slug}/enquiry");
        let empty = app.post_form(&mut browser, &path, &[("subject", ""), ("message", "")]).await;
        empty.assert_status(422).assert_contains("field-error");
        // The errors are summarised where the form is, linked to their fields, and the
        // form posts back to its own place on the page (issue 20).
        empty
            .assert_contains("class=\"error-summary\" role=\"alert\" aria-labelledby=\"enquiry-errors-heading\" tabindex=\"-1\"")
            .assert_contains("href=\"#enquiry-subject\"")
            .assert_contains(&format!("action=\"/organisations/{slug}/enquiry#enquiry\""));
        let profile = app.get_with(&mut browser, &format!("/organisations/{slug}")).await;
        profile.assert_contains("href=\"#enquiry\"").assert_contains("Stel een vraag");
        assert_eq!(app.deliver_mail().sent, 0, "nothing sent for a bad form");
        let sent = app.post_form(&mut browser, &path, &[("subject", "Groenonderhoud kantoorpark"), ("message", "Kunt u <b>offreren</b> voor 2 hectare?")]).await;
        sent.assert_status(303);
        assert_eq!(app.deliver_mail().sent, 3);
        let to_wise = app.mailbox.messages_to("info@groene-handen.example.nl").pop().expect("the public address");
        assert!(to_wise.subject.contains("Groenonderhoud kantoorpark"));
        assert!(to_wise.text.contains(&buyer.email) && to_wise.text.contains("<b>offreren</b>"));
        assert!(to_wise.html.contains("&lt;b&gt;offreren&lt;/b&gt;"), "escaped in HTML");
        assert_eq!(app.mailbox.messages_to(&staff).len(), 1);
        assert_eq!(app.mailbox.messages_to(&buyer.email).len(), 1, "a copy for the buyer");
        let actions: Vec<String> = app.with_conn(|c| audit_log::table.select(audit_log::action).load(c).unwrap());
        assert!(actions.contains(&"enquiry_sent".to_string()));
        // Rate-limited.
        for _ in 1..wise_monitor::buyers::ENQUIRIES_PER_HOUR {
            app.post_form(&mut browser, &path, &[("subject", "Nog een vraag"), ("message", "Vraag")]).await.assert_status(303);
        }
        let limited = app.post_form(&mut browser, &path, &[("subject", "Nog een vraag"), ("message", "Vraag")]).await;
        limited.assert_status(429);
    }

    async fn only_buyers_use_buyer_tools(app) {
        let (_, slug, _) = wise(&app);
        let city = app.add_user("city", None);
        let mut browser = app.sign_in_as(&city).await;
        let profile = app.get_with(&mut browser, &format!("/organisations/{slug}")).await;
        assert!(!profile.body.contains("enquiry-subject"), "no enquiry form for the city");
        app.get_with(&mut browser, "/shortlist").await.assert_status(403);
        app.post_form(&mut browser, &format!("/organisations/{slug}/enquiry"), &[("subject", "x"), ("message", "y")]).await.assert_status(403);
    }
}
