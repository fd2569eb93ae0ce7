//! Accounts: sessions, CSRF, rate limits, links, tokens, audit.

use actix_web::test::TestRequest;
use chrono::Duration;
use diesel::prelude::*;
use wise_monitor::db::schema::audit_log;

use crate::backend_tests;
use crate::support::{link_in, Browser, TestApp, PASSWORD};

const SESSION: &str = "__Host-wise_session";

fn audit_actions(app: &TestApp) -> Vec<String> {
    app.with_conn(|c| audit_log::table.order(audit_log::id).select(audit_log::action).load(c).unwrap())
}

backend_tests! {
    async fn signing_in_rotates_the_session_and_sets_a_safe_cookie(app) {
        let user = app.add_user("buyer", None);
        let mut visitor = app.visitor().await;
        let csrf_before = visitor.csrf.clone();
        let res = app.post_form(&mut visitor, "/sign-in", &[("email", &user.email.to_uppercase()), ("password", PASSWORD)]).await;
        res.assert_status(303);
        let cookie = res.cookies().into_iter().find(|c| c.name() == SESSION).expect("session cookie");
        assert_eq!(cookie.http_only(), Some(true));
        assert_eq!(cookie.secure(), Some(true));
        assert_eq!(cookie.same_site(), Some(actix_web::cookie::SameSite::Lax));
        assert_eq!(cookie.path(), Some("/"));
        assert!(cookie.value().len() >= 32, "at least 128 random bits");
        app.get_with(&mut visitor, "/account").await.assert_status(200).assert_contains(&user.email);
        app.refresh(&mut visitor).await;
        assert_ne!(visitor.csrf, csrf_before, "the CSRF token changes at sign-in");

        // Signing in again (same browser) gives a new session id and ends the old one.
        let old = visitor.cookie(SESSION).unwrap().clone();
        app.post_form(&mut visitor, "/sign-in", &[("email", &user.email), ("password", PASSWORD)]).await.assert_status(303);
        let new = visitor.cookie(SESSION).unwrap().clone();
        assert_ne!(old.value(), new.value());
        let mut replay = Browser { cookies: vec![old], ..Default::default() };
        app.get_with(&mut replay, "/account").await.assert_status(303);
        assert!(audit_actions(&app).iter().filter(|a| *a == "sign_in").count() == 2);
    }

    async fn wrong_passwords_and_unknown_users_get_the_same_answer(app) {
        let user = app.add_user("city", None);
        let mut visitor = app.visitor().await;
        let wrong = app.post_form(&mut visitor, "/sign-in", &[("email", &user.email), ("password", "not the password")]).await;
        wrong.assert_status(401).assert_contains("klopt niet");
        let unknown = app.post_form(&mut visitor, "/sign-in", &[("email", "nobody@example.nl"), ("password", "whatever")]).await;
        unknown.assert_status(401);
        assert_eq!(audit_actions(&app), ["sign_in_failed", "sign_in_failed"]);
        let log: Vec<String> = app.with_conn(|c| audit_log::table.select(audit_log::detail).load(c).unwrap());
        assert!(log.iter().all(|d| !d.contains("not the password")), "no password in the audit log");
        // Nothing else changed: no session was made.
        assert!(visitor.cookie(SESSION).is_none());
    }

    async fn signing_out_ends_the_session_for_good(app) {
        let user = app.add_user("buyer", None);
        let mut browser = app.sign_in_as(&user).await;
        let cookie = browser.cookie(SESSION).unwrap().clone();
        let res = app.post_form(&mut browser, "/sign-out", &[]).await;
        res.assert_status(303);
        assert!(browser.cookie(SESSION).is_none(), "the cookie is cleared");
        let mut replay = Browser { cookies: vec![cookie], ..Default::default() };
        let res = app.get_with(&mut replay, "/account").await;
        res.assert_status(303);
        assert!(res.header("location").unwrap().starts_with("/sign-in"));
    }

    async fn disabling_a_user_ends_their_sessions(app) {
        let admin = app.add_user("admin", None);
        let user = app.add_user("buyer", None);
        let mut theirs = app.sign_in_as(&user).await;
        let mut mine = app.sign_in_as(&admin).await;
        app.post_form(&mut mine, &format!("/admin/users/{}/disable", user.id), &[]).await.assert_status(303);
        app.get_with(&mut theirs, "/account").await.assert_status(303);
        let mut again = app.visitor().await;
        app.post_form(&mut again, "/sign-in", &[("email", &user.email), ("password", PASSWORD)]).await.assert_status(401);
        assert!(audit_actions(&app).contains(&"user_disabled".to_string()));
    }

    async fn sessions_time_out_when_idle_and_after_their_lifetime(app) {
        let user = app.add_user("buyer", None);
        let mut idle = app.sign_in_as(&user).await;
        app.clock.advance(Duration::minutes(29));
        app.get_with(&mut idle, "/account").await.assert_status(200);
        app.clock.advance(Duration::minutes(31));
        app.get_with(&mut idle, "/account").await.assert_status(303);

        let mut busy = app.sign_in_as(&user).await;
        for _ in 0..(12 * 3 - 1) {
            app.clock.advance(Duration::minutes(20));
            app.get_with(&mut busy, "/account").await.assert_status(200);
        }
        app.clock.advance(Duration::minutes(20));
        app.get_with(&mut busy, "/account").await.assert_status(303);
    }

    async fn forms_without_the_right_csrf_token_change_nothing(app) {
        let user = app.add_user("buyer", None);
        let mut browser = app.sign_in_as(&user).await;
        let good = browser.csrf.clone();
        browser.csrf = String::new();
        app.post_form(&mut browser, "/account", &[("name", "Changed"), ("language", "en")]).await.assert_status(403);
        browser.csrf = "0".repeat(64);
        app.post_form(&mut browser, "/account", &[("name", "Changed"), ("language", "en")]).await.assert_status(403);
        browser.csrf = good;
        // A cross-site request is refused even with the token.
        let mut cross = TestRequest::post()
            .uri("/account")
            .insert_header(("Origin", "https://evil.example"))
            .insert_header(("Content-Type", "application/x-www-form-urlencoded"))
            .set_payload(format!("csrf_token={}&name=Changed&language=en", browser.csrf));
        for cookie in &browser.cookies {
            cross = cross.cookie(cookie.clone());
        }
        app.send(cross).await.assert_status(403);
        let site = TestRequest::post().uri("/sign-out").insert_header(("Sec-Fetch-Site", "cross-site"));
        app.send(site).await.assert_status(403);
        app.get_with(&mut browser, "/account").await.assert_contains("value=\"Test buyer\"");
        // The right token works.
        app.post_form(&mut browser, "/account", &[("name", "Changed"), ("language", "en")]).await.assert_status(303);
        app.get_with(&mut browser, "/account").await.assert_contains("value=\"Changed\"");
    }

    async fn an_attacker_cannot_lock_the_real_user_out(app) {
        let user = app.add_user("buyer", None);
        let mut attacker = app.visitor().await.at_ip("203.0.113.9");
        for _ in 0..5 {
            app.post_form(&mut attacker, "/sign-in", &[("email", &user.email), ("password", "guess")]).await.assert_status(401);
        }
        let blocked = app.post_form(&mut attacker, "/sign-in", &[("email", &user.email), ("password", PASSWORD)]).await;
        blocked.assert_status(429);
        assert!(blocked.header("retry-after").unwrap().parse::<u64>().unwrap() > 0);
        // The real user, elsewhere, signs in.
        let mut real = app.visitor().await.at_ip("198.51.100.7");
        app.post_form(&mut real, "/sign-in", &[("email", &user.email), ("password", PASSWORD)]).await.assert_status(303);
        // And the attacker's window passes.
        app.clock.advance(Duration::minutes(16));
        app.post_form(&mut attacker, "/sign-in", &[("email", &user.email), ("password", PASSWORD)]).await.assert_status(303);
    }

    async fn a_reset_link_works_once_and_within_the_hour(app) {
        let user = app.add_user("wise", None);
        let api_token = app
            .with_conn(|c| wise_monitor::accounts::create_token_audited(c, user.id, &user.email, "old", None, app.state.now()))
            .unwrap();
        let bearer = || {
            TestRequest::get().uri("/api/v1/me").insert_header(("Authorization", format!("Bearer {api_token}")))
        };
        app.send(bearer()).await.assert_status(200);
        let mut visitor = app.visitor().await;
        let known = app.post_form(&mut visitor, "/password/forgot", &[("email", &user.email)]).await;
        let unknown = app.post_form(&mut visitor, "/password/forgot", &[("email", "nobody@example.nl")]).await;
        known.assert_status(200);
        assert_eq!(known.body, unknown.body, "the same answer whether or not the address exists");
        assert_eq!(app.deliver_mail().sent, 1);
        let kept: Vec<String> = app.with_conn(|c| {
            use wise_monitor::db::schema::outbox;
            outbox::table.select(outbox::text_body).load(c).unwrap()
        });
        assert!(kept.iter().all(|body| !body.contains("token=")), "a sent mail's link is not kept in the outbox");
        let mail = app.mailbox.messages_to(&user.email).pop().expect("a reset mail");
        assert!(mail.html.contains("/password/reset?token"), "the HTML part has the link too");
        let link = link_in(&mail.text, "http://127.0.0.1:8080/password/reset?token=");
        let path = link.trim_start_matches("http://127.0.0.1:8080");
        let form = app.get_with(&mut visitor, path).await;
        form.assert_status(200);
        let token = path.split("token=").nth(1).unwrap();
        let weak = app.post_form(&mut visitor, "/password/reset", &[("token", token), ("password", "password1234"), ("password_confirm", "password1234")]).await;
        weak.assert_status(422).assert_contains("te makkelijk");
        let new_password = "zeilboot-regenjas-lantaarn-17";
        let done = app.post_form(&mut visitor, "/password/reset", &[("token", token), ("password", new_password), ("password_confirm", new_password)]).await;
        done.assert_status(303);
        app.sign_in(&user.email, new_password).await;
        app.send(bearer()).await.assert_status(401);
        // Used up.
        app.get_with(&mut visitor, path).await.assert_status(410);
        app.post_form(&mut visitor, "/password/reset", &[("token", token), ("password", new_password), ("password_confirm", new_password)]).await.assert_status(410);

        // A second link expires after an hour.
        app.post_form(&mut visitor, "/password/forgot", &[("email", &user.email)]).await.assert_status(200);
        app.deliver_mail();
        let mail = app.mailbox.messages_to(&user.email).pop().unwrap();
        let link = link_in(&mail.text, "http://127.0.0.1:8080/password/reset?token=");
        app.clock.advance(Duration::minutes(61));
        app.get_with(&mut visitor, link.trim_start_matches("http://127.0.0.1:8080")).await.assert_status(410);
    }

    async fn an_inbox_cannot_be_flooded_with_reset_mails(app) {
        let user = app.add_user("buyer", None);
        for n in 0..5 {
            let mut visitor = app.visitor().await.at_ip(&format!("192.0.2.{n}"));
            app.post_form(&mut visitor, "/password/forgot", &[("email", &user.email)]).await.assert_status(200);
        }
        app.deliver_mail();
        assert_eq!(app.mailbox.messages_to(&user.email).len(), wise_monitor::accounts::RESET_MAILS_PER_HOUR as usize);
        app.clock.advance(Duration::minutes(61));
        let mut later = app.visitor().await;
        app.post_form(&mut later, "/password/forgot", &[("email", &user.email)]).await.assert_status(200);
        app.deliver_mail();
        assert_eq!(app.mailbox.messages_to(&user.email).len(), 4, "a new hour, a new mail");
    }

    async fn an_invited_user_sets_a_password_and_signs_in(app) {
        let admin = app.add_user("admin", None);
        let mut browser = app.sign_in_as(&admin).await;
        let bad = app.post_form(&mut browser, "/admin/users", &[("email", "not-an-email"), ("name", ""), ("role", "wise"), ("language", "nl"), ("organisation", "")]).await;
        bad.assert_status(422).assert_contains("field-error");
        let res = app.post_form(&mut browser, "/admin/users", &[("email", "Nieuw@Example.nl"), ("name", "Nieuwe Inkoper"), ("role", "buyer"), ("language", "en"), ("organisation", "")]).await;
        res.assert_status(303);
        app.get_with(&mut browser, "/admin/users?q=nieuw").await.assert_contains("nieuw@example.nl");
        app.deliver_mail();
        let mail = app.mailbox.messages_to("nieuw@example.nl").pop().expect("invitation");
        assert!(mail.subject.contains("invited"), "in the invitee's language: {}", mail.subject);
        let link = link_in(&mail.text, "http://127.0.0.1:8080/invitation?token=");
        let token = link.split("token=").nth(1).unwrap();
        let mut invitee = app.visitor().await;
        app.get_with(&mut invitee, &format!("/invitation?token={token}")).await.assert_status(200);
        let password = "koffie-molen-sterrenhemel-8";
        app.post_form(&mut invitee, "/invitation", &[("token", token), ("password", password), ("password_confirm", password)]).await.assert_status(303);
        let mut signed_in = app.sign_in("nieuw@example.nl", password).await;
        app.get_with(&mut signed_in, "/account").await.assert_contains("Nieuwe Inkoper");
        // The same address cannot be invited twice.
        app.post_form(&mut browser, "/admin/users", &[("email", "nieuw@example.nl"), ("name", "X"), ("role", "buyer"), ("language", "nl"), ("organisation", "")]).await.assert_status(422);
    }

    async fn changing_the_password_ends_other_sessions(app) {
        let user = app.add_user("city", None);
        let mut here = app.sign_in_as(&user).await;
        let mut elsewhere = app.sign_in_as(&user).await;
        let new_password = "appelboom-fietsbel-zonnedak-5";
        let wrong = app.post_form(&mut here, "/account/password", &[("current_password", "nope"), ("password", new_password), ("password_confirm", new_password)]).await;
        wrong.assert_status(422);
        app.post_form(&mut here, "/account/password", &[("current_password", PASSWORD), ("password", new_password), ("password_confirm", new_password)]).await.assert_status(303);
        app.get_with(&mut here, "/account").await.assert_status(200);
        app.get_with(&mut elsewhere, "/account").await.assert_status(303);
        assert!(audit_actions(&app).contains(&"password_changed".to_string()));
    }

    async fn api_tokens_are_shown_once_act_as_their_user_and_can_be_revoked(app) {
        let user = app.add_user("city", None);
        let mut browser = app.sign_in_as(&user).await;
        let wrong = app.post_form(&mut browser, "/account/tokens", &[("token_name", "x"), ("current_password", "nope")]).await;
        wrong.assert_status(422);
        assert!(!wrong.body.contains("wm_"), "no token without the password");
        let page = app
            .post_form(&mut browser, "/account/tokens", &[("token_name", "rapportage-script"), ("current_password", PASSWORD)])
            .await;
        page.assert_status(200);
        let start = page.body.find("wm_").expect("the token is shown");
        let token: String = page.body[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        assert_eq!(token.len(), 67);
        let again = app.get_with(&mut browser, "/account").await;
        assert!(!again.body.contains(&token), "shown only once");
        again.assert_contains("rapportage-script");

        let me = app.send(TestRequest::get().uri("/api/v1/me").insert_header(("Authorization", format!("Bearer {token}")))).await;
        me.assert_status(200);
        assert_eq!(me.json()["role"], "city");
        assert_eq!(me.json()["email"], user.email.as_str());
        app.send(TestRequest::get().uri("/api/v1/me")).await.assert_status(401);

        let id: i32 = app.with_conn(|c| {
            use wise_monitor::db::schema::api_tokens;
            api_tokens::table.select(api_tokens::id).first(c).unwrap()
        });
        app.post_form(&mut browser, &format!("/account/tokens/{id}/revoke"), &[]).await.assert_status(303);
        let revoked = app.send(TestRequest::get().uri("/api/v1/me").insert_header(("Authorization", format!("Bearer {token}")))).await;
        revoked.assert_status(401);
        assert_eq!(revoked.json()["error"], "invalid_token");
        let actions = audit_actions(&app);
        assert!(actions.contains(&"token_created".to_string()) && actions.contains(&"token_revoked".to_string()));
    }

    async fn the_audit_log_is_append_only(app) {
        let user = app.add_user("buyer", None);
        app.sign_in_as(&user).await;
        let update = app.with_conn(|c| diesel::update(audit_log::table).set(audit_log::action.eq("nothing")).execute(c));
        assert!(update.is_err(), "updates are refused");
        let delete = app.with_conn(|c| diesel::delete(audit_log::table).execute(c));
        assert!(delete.is_err(), "deletes are refused");
    }

    async fn refused_authorizations_are_audited(app) {
        let user = app.add_user("buyer", None);
        let mut browser = app.sign_in_as(&user).await;
        app.get_with(&mut browser, "/admin/users").await.assert_status(403);
        assert!(audit_actions(&app).contains(&"authorization_refused".to_string()));
        // The public is sent to the sign-in page.
        let mut public = app.visitor().await;
        let res = app.get_with(&mut public, "/admin/users").await;
        res.assert_status(303);
        assert_eq!(res.header("location"), Some("/sign-in?next=%2Fadmin%2Fusers"));
    }
}

/// The reset flow through the real file transport: the `.eml` file holds a working link.
#[actix_web::test]
async fn a_reset_mail_written_by_the_file_transport_has_a_working_link() {
    let dir = tempfile::tempdir().unwrap();
    let mail_dir = dir.path().to_string_lossy().to_string();
    let app = TestApp::builder()
        .config(move |c| {
            c.mail.transport = "file".into();
            c.mail.file_dir = mail_dir;
        })
        .build(crate::support::Backend::Sqlite)
        .await;
    let user = app.add_user("buyer", None);
    let mut visitor = app.visitor().await;
    app.post_form(&mut visitor, "/password/forgot", &[("email", &user.email)]).await.assert_status(200);
    let mailer = wise_monitor::mail::Mailer::from_config(&app.state.config.mail).unwrap();
    let now = app.state.now();
    let report = app.with_conn(|c| wise_monitor::mail::outbox::deliver_due(c, &mailer, now, 60, 8)).unwrap();
    assert_eq!(report.sent, 1);
    let file = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "eml"))
        .expect("an .eml file");
    let raw = std::fs::read_to_string(file).unwrap();
    // Undo quoted-printable soft line breaks and escapes.
    let text = raw.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
    let link = link_in(&text, "http://127.0.0.1:8080/password/reset?token=");
    let path = link.trim_start_matches("http://127.0.0.1:8080");
    app.get_with(&mut visitor, path).await.assert_status(200).assert_contains("name=\"token\"");
}

#[actix_web::test]
async fn the_client_ip_comes_from_a_trusted_proxy_only() {
    use wise_monitor::web::auth::session::client_ip;
    let mut config = wise_monitor::config::Config::defaults();
    let req = TestRequest::default()
        .peer_addr("10.1.1.1:5000".parse().unwrap())
        .insert_header(("X-Forwarded-For", "203.0.113.5, 198.51.100.20"))
        .to_http_request();
    assert_eq!(client_ip(&req, &config), "10.1.1.1", "no trusted proxy: the socket's peer");
    config.auth.trusted_proxy = "10.1.1.1".into();
    assert_eq!(client_ip(&req, &config), "198.51.100.20", "the address the proxy added");
    config.auth.trusted_proxy = "10.9.9.9".into();
    assert_eq!(client_ip(&req, &config), "10.1.1.1", "another proxy is not trusted");
}
