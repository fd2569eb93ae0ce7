//! Saved searches: saved from the catalogue page, listed, renamed, changed and deleted,
//! and mailed daily or weekly with what the search finds that is new or changed.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use diesel::prelude::*;
use wise_monitor::buyers::saved;
use wise_monitor::catalogue::search::SearchParams;
use wise_monitor::db::schema::saved_searches;
use wise_monitor::digests::{self, Kind};
use wise_monitor::organisation::model::{OfferingInput, OrganisationInput, ServiceArea};
use wise_monitor::organisation::offerings as offering_store;
use wise_monitor::organisation::store as org_store;

use crate::backend_tests;
use crate::support::TestApp;

fn at(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap().naive_utc()
}

/// 07:00 in Amsterdam on that day (the default daily and weekly moment).
fn seven(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Amsterdam.with_ymd_and_hms(y, m, d, 7, 0, 0).unwrap().with_timezone(&Utc)
}

fn wise(app: &TestApp, kvk: &str, name: &str, sector: &str, when: NaiveDateTime) -> i32 {
    let input = OrganisationInput {
        kvk_number: kvk.into(),
        name: name.into(),
        municipality: "Haarlem".into(),
        sectors: vec![sector.into()],
        description: "Sociale onderneming in Haarlem".into(),
        ..Default::default()
    };
    app.with_conn(|c| org_store::create_organisation(c, &input, "approved", when)).unwrap()
}

fn offering(title: &str) -> OfferingInput {
    OfferingInput {
        title: title.into(),
        description: format!("{title} voor bedrijven en gemeenten"),
        kind: "service".into(),
        cpv_code: "50000000".into(),
        service_area: ServiceArea::National,
        price_indication: None,
        lead_time: None,
        active: true,
    }
}

fn offer(app: &TestApp, organisation: i32, title: &str, when: NaiveDateTime) -> i32 {
    app.with_conn(|c| offering_store::create_offering(c, organisation, &offering(title), "50000000", when)).unwrap()
}

/// Runs what is due at `moment`; returns the mails queued per saved-search kind.
fn run(app: &TestApp, moment: DateTime<Utc>) -> Vec<(Kind, Option<usize>)> {
    let state = &app.state;
    let ran = app.with_conn(|c| digests::run_due(c, &state.config, &state.templates, &state.caches, moment)).unwrap();
    ran.into_iter()
        .filter(|r| matches!(r.kind, Kind::SavedSearchDaily | Kind::SavedSearchWeekly))
        .map(|r| (r.kind, r.mails))
        .collect()
}

fn save(app: &TestApp, user: i32, name: &str, frequency: &str, query: &str, when: NaiveDateTime) -> i32 {
    let params: SearchParams = serde_html_form::from_str(query).unwrap();
    app.with_conn(|c| saved::create(c, user, name, frequency, &params, when)).unwrap().unwrap()
}

backend_tests! {
    async fn a_buyer_saves_renames_changes_and_deletes_a_search(app) {
        let buyer = app.add_user("buyer", None);
        let mut browser = app.sign_in_as(&buyer).await;
        let page = app.get_with(&mut browser, "/organisations?q=fiets&sector=catering&sort=name&page=1").await;
        page.assert_status(200).assert_contains("Deze zoekopdracht bewaren");
        assert!(page.body.contains(r#"name="query" value="q&#x3D;fiets&amp;sector&#x3D;catering""#), "sort and page are not kept");
        let query = "q=fiets&sector=catering";
        let saved = app.post_form(&mut browser, "/saved-searches", &[("name", "Fietsen"), ("frequency", "daily"), ("query", query)]).await;
        saved.assert_status(303);
        assert_eq!(saved.header("location"), Some("/saved-searches?notice=saved"));
        let list = app.get_with(&mut browser, "/saved-searches?notice=saved").await;
        list.assert_status(200)
            .assert_contains("Uw zoekopdracht is bewaard.")
            .assert_contains("Fietsen")
            .assert_contains("dagelijks")
            .assert_contains("nog geen e-mail")
            .assert_contains(r#"href="/organisations?q&#x3D;fiets&amp;sector&#x3D;catering""#);

        // The same name again, an empty name, an unknown frequency: the form comes back
        // with the errors named, and nothing is saved.
        let taken = app.post_form(&mut browser, "/saved-searches", &[("name", " Fietsen "), ("frequency", "weekly"), ("query", "")]).await;
        taken.assert_status(422).assert_contains("U hebt al een bewaarde zoekopdracht met deze naam.");
        let bad = app.post_form(&mut browser, "/saved-searches", &[("name", ""), ("frequency", "hourly"), ("query", "")]).await;
        bad.assert_status(422).assert_contains(r##"href="#saved-new-name""##).assert_contains(r##"href="#saved-new-frequency""##);
        let wrong = app.post_form(&mut browser, "/saved-searches", &[("name", "Bakkers"), ("frequency", "daily"), ("query", "sector=bakery")]).await;
        wrong.assert_status(422).assert_contains("Deze zoekopdracht bevat een fout");
        // The same search under another name (issue 20): refused, it is already kept.
        let twice = app.post_form(&mut browser, "/saved-searches", &[("name", "Fietsen 2"), ("frequency", "daily"), ("query", query)]).await;
        twice.assert_status(422).assert_contains("U bewaart deze zoekopdracht al");
        let ids: Vec<i32> = app.with_conn(|c| saved_searches::table.select(saved_searches::id).load(c)).unwrap();
        assert_eq!(ids.len(), 1);
        let id = ids[0];

        // Rename and make it weekly.
        let path = format!("/saved-searches/{id}");
        app.post_form(&mut browser, &path, &[("name", "Fietsen in de catering"), ("frequency", "weekly")]).await.assert_status(303);
        let list = app.get_with(&mut browser, "/saved-searches").await;
        list.assert_contains("Fietsen in de catering").assert_contains("wekelijks");
        app.post_form(&mut browser, &path, &[("name", ""), ("frequency", "weekly")]).await.assert_status(422)
            .assert_contains(&format!(r##"href="#saved-{id}-name""##));

        // Another buyer can neither see, change nor delete it.
        let other = app.add_user("buyer", None);
        let mut theirs = app.sign_in_as(&other).await;
        app.get_with(&mut theirs, "/saved-searches").await.assert_status(200).assert_contains("nog geen zoekopdracht bewaard");
        app.post_form(&mut theirs, &path, &[("name", "Van mij"), ("frequency", "daily")]).await.assert_status(404);
        app.post_form(&mut theirs, &format!("{path}/delete"), &[]).await.assert_status(404);

        // A WISE user has no saved searches.
        let staff = app.add_user("wise", None);
        let mut wise_browser = app.sign_in_as(&staff).await;
        app.get_with(&mut wise_browser, "/saved-searches").await.assert_status(403);
        let catalogue = app.get_with(&mut wise_browser, "/organisations").await;
        assert!(!catalogue.body.contains("Deze zoekopdracht bewaren"));

        let deleted = app.post_form(&mut browser, &format!("{path}/delete"), &[]).await;
        assert_eq!(deleted.header("location"), Some("/saved-searches?notice=deleted"));
        app.get_with(&mut browser, "/saved-searches").await.assert_contains("nog geen zoekopdracht bewaard");
    }

    async fn digests_list_what_the_search_finds_new_or_changed_once(app) {
        let buyer = app.add_user("buyer", None);
        let early = at(2026, 11, 1, 9);
        let keuken = wise(&app, "80000001", "Keuken aan de Spaarne", "catering", early);
        let wielen = wise(&app, "80000002", "Wielen Werkplaats", "catering", early);
        let schoon = wise(&app, "80000003", "Schoon en Fiets", "cleaning", early);
        offer(&app, keuken, "Fietskoeriers voor lunch", early);
        let search = save(&app, buyer.id, "Fietsen in de catering", "daily", "q=fiets&sector=catering", at(2026, 11, 10, 12));
        save(&app, buyer.id, "Alles, wekelijks", "weekly", "", at(2026, 11, 10, 12));

        // After the search was saved: a new matching offering at one WISE, a matching
        // offering at a WISE outside the sector, and an offering that does not match the words.
        offer(&app, wielen, "Fietsreparatie op locatie", at(2026, 11, 14, 10));
        offer(&app, schoon, "Fietsenstalling schoonmaken", at(2026, 11, 14, 10));
        offer(&app, keuken, "Lunchbuffet", at(2026, 11, 14, 11));

        // Sunday 15 November 07:00: the daily digest, not the weekly one (Mondays).
        let ran = run(&app, seven(2026, 11, 15));
        assert!(ran.contains(&(Kind::SavedSearchDaily, Some(1))), "{ran:?}");
        assert!(ran.contains(&(Kind::SavedSearchWeekly, Some(0))), "the Monday before: nothing was saved yet: {ran:?}");
        app.deliver_mail();
        let mails = app.mailbox.messages_to(&buyer.email);
        assert_eq!(mails.len(), 1);
        let mail = &mails[0];
        assert!(mail.subject.starts_with("Fietsen in de catering: 1 sociale onderneming nieuw of gewijzigd"), "{}", mail.subject);
        assert!(mail.text.contains("Wielen Werkplaats"), "{}", mail.text);
        assert!(mail.text.contains("Nieuw: Fietsreparatie op locatie"), "{}", mail.text);
        assert!(mail.text.contains("/organisations/wielen-werkplaats"), "{}", mail.text);
        assert!(!mail.text.contains("Schoon en Fiets"), "outside the sector filter");
        assert!(!mail.text.contains("Keuken aan de Spaarne"), "its change does not match the words");
        assert!(mail.text.contains("/organisations?q=fiets&sector=catering"), "{}", mail.text);
        assert!(mail.html.contains("Fietsreparatie op locatie"));
        assert!(mail.header("List-Unsubscribe").is_some());
        let covered: Option<NaiveDateTime> = app.with_conn(|c| saved_searches::table.find(search).select(saved_searches::last_digest_at).first(c)).unwrap();
        assert_eq!(covered, Some(seven(2026, 11, 15).naive_utc()));

        // The same moment again: nothing. The next morning with nothing new: no mail.
        assert_eq!(run(&app, seven(2026, 11, 15)), []);
        let ran = run(&app, seven(2026, 11, 16));
        assert!(ran.contains(&(Kind::SavedSearchDaily, Some(0))), "{ran:?}");

        // Monday 16 November was also the weekly moment: everything since the search was saved.
        assert!(ran.contains(&(Kind::SavedSearchWeekly, Some(1))), "{ran:?}");
        app.deliver_mail();
        let weekly = app.mailbox.messages_to(&buyer.email).pop().unwrap();
        assert!(weekly.subject.starts_with("Alles, wekelijks: 3 sociale ondernemingen"), "{}", weekly.subject);

        // A profile change of a WISE the search finds, and an offering changed after the
        // slot of its run: the profile is in the next digest, the offering in the one after.
        let mut input = app.with_conn(|c| {
            let o = org_store::organisation_by_kvk(c, "80000001").unwrap().unwrap();
            org_store::organisation_input(c, &o)
        }).unwrap();
        input.description = "Nu ook fietskoeriers".into();
        app.with_conn(|c| org_store::update_organisation(c, keuken, &input, at(2026, 11, 16, 12))).unwrap();
        assert_eq!(run(&app, seven(2026, 11, 17)), [(Kind::SavedSearchDaily, Some(1))]);
        app.deliver_mail();
        let third = app.mailbox.messages_to(&buyer.email).pop().unwrap();
        assert!(third.text.contains("Keuken aan de Spaarne (Haarlem) – profiel bijgewerkt"), "{}", third.text);
        assert!(!third.text.contains("Wielen Werkplaats"), "mailed before");
        assert_eq!(app.mailbox.messages_to(&buyer.email).len(), 3);

        // Unsubscribed from daily digests: none any more; the weekly one still comes.
        app.with_conn(|c| {
            diesel::insert_into(wise_monitor::db::schema::digest_unsubscribes::table)
                .values((
                    wise_monitor::db::schema::digest_unsubscribes::email.eq(&buyer.email),
                    wise_monitor::db::schema::digest_unsubscribes::kind.eq("saved_search_daily"),
                    wise_monitor::db::schema::digest_unsubscribes::created_at.eq(at(2026, 11, 17, 8)),
                ))
                .execute(c)
        }).unwrap();
        offer(&app, wielen, "Fietsverhuur", at(2026, 11, 17, 9));
        assert_eq!(run(&app, seven(2026, 11, 18)), [(Kind::SavedSearchDaily, Some(0))]);
    }
}
