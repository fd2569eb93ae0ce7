//! Mail: rendering, the transactional outbox and its sender (on both backends), and
//! the SMTP transport against Postfix's smtp-sink on 127.0.0.1.

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::json;
use wise_monitor::config::{Config, MailConfig};
use wise_monitor::db::schema::outbox;
use wise_monitor::db::{self, write_tx, DbConn};
use wise_monitor::i18n::Lang;
use wise_monitor::mail::outbox::{deliver_due, enqueue, run_sender, DeliveryReport};
use wise_monitor::mail::{self, Email, Mailer};

use crate::backend_tests;
use crate::smtp::{free_port, SmtpSink};
use crate::support::{test_now, TestApp};

const FROM: &str = "wise-monitor <noreply@wise.example>";

fn now() -> NaiveDateTime {
    db::timestamp(test_now())
}

fn test_mail(app: &TestApp, to: &str, unsubscribe: bool) -> Email {
    let mut data = json!({"name": "Piet", "link": format!("https://wise.example/welcome/{to}")});
    if unsubscribe {
        data["unsubscribe_url"] = json!("https://wise.example/unsubscribe/t0k3n");
    }
    mail::render(&app.state.templates, "test", Lang::En, to, data).expect("render the test mail")
}

/// Queues a mail in its own write transaction, as a journey would alongside its change.
fn queue(conn: &mut DbConn, email: &Email, key: Option<&str>) -> bool {
    write_tx(conn, |c| enqueue(c, email, key, now())).expect("enqueue")
}

#[derive(Debug, Queryable)]
struct Row {
    status: String,
    attempts: i32,
    next_attempt_at: NaiveDateTime,
    last_error: Option<String>,
    sent_at: Option<NaiveDateTime>,
}

fn rows(conn: &mut DbConn) -> Vec<Row> {
    outbox::table
        .order(outbox::id)
        .select((outbox::status, outbox::attempts, outbox::next_attempt_at, outbox::last_error, outbox::sent_at))
        .load(conn)
        .expect("outbox rows")
}

pub(crate) fn smtp_config(port: u16) -> MailConfig {
    let mut config = Config::defaults().mail;
    config.from = FROM.into();
    config.transport = "smtp".into();
    config.smtp_host = "127.0.0.1".into();
    config.smtp_port = port;
    config.smtp_security = "none".into();
    config
}

backend_tests! {
    async fn queued_mail_is_delivered_once(app) {
        let (mailer, mailbox) = Mailer::memory(FROM);
        let email = test_mail(&app, "piet@example.nl", false);
        assert!(app.with_conn(|c| queue(c, &email, None)));

        let report = app.with_conn(|c| deliver_due(c, &mailer, now(), 60, 3)).unwrap();
        assert_eq!(report, DeliveryReport { sent: 1, retried: 0, failed: 0 });
        let sent = mailbox.messages_to("piet@example.nl");
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].subject, "Test message for Piet");
        assert!(sent[0].text.contains("https://wise.example/welcome/piet@example.nl"), "{}", sent[0].text);
        assert_eq!(sent[0].header("From"), Some("wise-monitor <noreply@wise.example>"));

        let row = app.with_conn(rows).remove(0);
        assert_eq!((row.status.as_str(), row.attempts, row.sent_at), ("sent", 1, Some(now())));
        assert_eq!(row.last_error, None);

        // Nothing is due any more, now or later.
        let later = now() + chrono::Duration::days(1);
        assert!(app.with_conn(|c| deliver_due(c, &mailer, later, 60, 3)).unwrap().is_empty());
        assert_eq!(mailbox.messages().len(), 1);
    }

    async fn mail_waits_until_it_is_due(app) {
        let (mailer, mailbox) = Mailer::memory(FROM);
        let email = test_mail(&app, "later@example.nl", false);
        let tomorrow = now() + chrono::Duration::days(1);
        app.with_conn(|c| write_tx(c, |c| enqueue(c, &email, None, tomorrow))).unwrap();
        assert!(app.with_conn(|c| deliver_due(c, &mailer, now(), 60, 3)).unwrap().is_empty());
        assert_eq!(app.with_conn(|c| deliver_due(c, &mailer, tomorrow, 60, 3)).unwrap().sent, 1);
        assert_eq!(mailbox.messages().len(), 1);
    }

    async fn an_idempotency_key_queues_a_mail_once(app) {
        let email = test_mail(&app, "buyer@example.nl", false);
        let key = "digest:saved-search:7:2026-11-23";
        assert!(app.with_conn(|c| queue(c, &email, Some(key))));
        assert!(!app.with_conn(|c| queue(c, &email, Some(key))), "the second enqueue inserts nothing");
        // Inside a larger transaction the duplicate neither fails nor aborts it.
        let other = test_mail(&app, "other@example.nl", false);
        let both = app.with_conn(|c| {
            write_tx(c, |c| Ok::<_, diesel::result::Error>((enqueue(c, &email, Some(key), now())?, enqueue(c, &other, None, now())?)))
        });
        assert_eq!(both.unwrap(), (false, true));
        // Mails without a key never collide.
        assert!(app.with_conn(|c| queue(c, &email, None)));
        assert_eq!(app.with_conn(rows).len(), 3);

        let (mailer, mailbox) = Mailer::memory(FROM);
        assert_eq!(app.with_conn(|c| deliver_due(c, &mailer, now(), 60, 3)).unwrap().sent, 3);
        assert_eq!(mailbox.messages_to("buyer@example.nl").len(), 2);
    }

    async fn a_rolled_back_change_queues_no_mail(app) {
        let email = test_mail(&app, "piet@example.nl", false);
        let result = app.with_conn(|c| {
            write_tx(c, |c| {
                enqueue(c, &email, Some("k"), now())?;
                Err::<(), _>(diesel::result::Error::RollbackTransaction)
            })
        });
        assert!(result.is_err());
        assert!(app.with_conn(rows).is_empty());
        // The key is free again.
        assert!(app.with_conn(|c| queue(c, &email, Some("k"))));
    }

    async fn a_failing_transport_retries_with_backoff_then_gives_up(app) {
        let mailer = Mailer::from_config(&smtp_config(free_port())).unwrap();
        let email = test_mail(&app, "piet@example.nl", false);
        app.with_conn(|c| queue(c, &email, None));
        let at = |seconds: i64| now() + chrono::Duration::seconds(seconds);

        let report = app.with_conn(|c| deliver_due(c, &mailer, at(0), 60, 3)).unwrap();
        assert_eq!(report, DeliveryReport { sent: 0, retried: 1, failed: 0 });
        let row = app.with_conn(rows).remove(0);
        assert_eq!((row.status.as_str(), row.attempts, row.next_attempt_at), ("pending", 1, at(60)));
        let error = row.last_error.expect("the error is kept");
        assert!(error.to_lowercase().contains("connect") || error.contains("refused"), "{error}");

        // Not due before its time; then the wait doubles.
        assert!(app.with_conn(|c| deliver_due(c, &mailer, at(59), 60, 3)).unwrap().is_empty());
        assert_eq!(app.with_conn(|c| deliver_due(c, &mailer, at(60), 60, 3)).unwrap().retried, 1);
        let row = app.with_conn(rows).remove(0);
        assert_eq!((row.attempts, row.next_attempt_at), (2, at(60 + 120)));

        // The third attempt is the last.
        let report = app.with_conn(|c| deliver_due(c, &mailer, at(180), 60, 3)).unwrap();
        assert_eq!(report, DeliveryReport { sent: 0, retried: 0, failed: 1 });
        let row = app.with_conn(rows).remove(0);
        assert_eq!((row.status.as_str(), row.attempts, row.sent_at), ("failed", 3, None));
        assert!(row.last_error.is_some());
        assert!(app.with_conn(|c| deliver_due(c, &mailer, at(86_400), 60, 3)).unwrap().is_empty());
    }

    async fn a_transport_that_recovers_delivers_on_the_retry(app) {
        let (mailer, mailbox) = Mailer::memory(FROM);
        app.with_conn(|c| queue(c, &test_mail(&app, "piet@example.nl", false), None));
        mailbox.fail_with(Some("451 try again later"));
        assert_eq!(app.with_conn(|c| deliver_due(c, &mailer, now(), 30, 5)).unwrap().retried, 1);
        assert_eq!(app.with_conn(rows)[0].last_error.as_deref(), Some("451 try again later"));
        mailbox.fail_with(None);
        let retry = now() + chrono::Duration::seconds(30);
        assert_eq!(app.with_conn(|c| deliver_due(c, &mailer, retry, 30, 5)).unwrap().sent, 1);
        let row = app.with_conn(rows).remove(0);
        assert_eq!((row.status.as_str(), row.attempts, row.last_error), ("sent", 2, None));
        assert_eq!(mailbox.messages().len(), 1);
    }

    async fn a_claimed_mail_is_not_sent_twice(app) {
        let (mailer, mailbox) = Mailer::memory(FROM);
        app.with_conn(|c| queue(c, &test_mail(&app, "claimed@example.nl", false), None));
        // Another sender has claimed the mail and is sending it right now.
        let claimed = app.with_conn(|c| {
            diesel::update(outbox::table.filter(outbox::attempts.eq(0)))
                .set((outbox::attempts.eq(1), outbox::next_attempt_at.eq(now() + chrono::Duration::minutes(1))))
                .execute(c)
        });
        assert_eq!(claimed.unwrap(), 1);
        assert!(app.with_conn(|c| deliver_due(c, &mailer, now(), 60, 3)).unwrap().is_empty());
        assert!(mailbox.messages().is_empty());
        assert!(app.with_conn(|c| deliver_due(c, &mailer, now() + chrono::Duration::seconds(59), 60, 3)).unwrap().is_empty());
        // That sender died: once its lease (a minute) has passed, the mail is sent after all.
        let later = now() + chrono::Duration::minutes(1);
        assert_eq!(app.with_conn(|c| deliver_due(c, &mailer, later, 60, 3)).unwrap().sent, 1);
        assert_eq!(app.with_conn(rows)[0].attempts, 2);
        assert_eq!(mailbox.messages().len(), 1);
    }

    async fn two_senders_at_once_send_every_mail_exactly_once(app) {
        let (mailer, mailbox) = Mailer::memory(FROM);
        let count = 30;
        for n in 0..count {
            let email = test_mail(&app, &format!("user{n}@example.nl"), false);
            app.with_conn(|c| queue(c, &email, None));
        }
        let reports: Vec<DeliveryReport> = std::thread::scope(|scope| {
            let senders: Vec<_> = (0..2)
                .map(|_| {
                    let (mut conn, mailer) = (app.conn(), &mailer);
                    scope.spawn(move || deliver_due(&mut conn, mailer, now(), 60, 3).expect("deliver"))
                })
                .collect();
            senders.into_iter().map(|s| s.join().unwrap()).collect()
        });
        assert_eq!(reports.iter().map(|r| r.sent).sum::<usize>(), count);
        let mut recipients: Vec<String> = mailbox.messages().into_iter().map(|m| m.to).collect();
        recipients.sort();
        recipients.dedup();
        assert_eq!(recipients.len(), count);
        assert_eq!(mailbox.messages().len(), count);
        assert!(app.with_conn(rows).iter().all(|r| r.status == "sent" && r.attempts == 1));
    }

    async fn unsubscribe_headers_survive_the_outbox(app) {
        let (mailer, mailbox) = Mailer::memory(FROM);
        app.with_conn(|c| queue(c, &test_mail(&app, "buyer@example.nl", true), None));
        app.with_conn(|c| queue(c, &test_mail(&app, "staff@example.nl", false), None));
        assert_eq!(app.with_conn(|c| deliver_due(c, &mailer, now(), 60, 3)).unwrap().sent, 2);
        let buyer = mailbox.messages_to("buyer@example.nl").remove(0);
        assert_eq!(buyer.header("List-Unsubscribe"), Some("<https://wise.example/unsubscribe/t0k3n>"));
        assert_eq!(buyer.header("List-Unsubscribe-Post"), Some("List-Unsubscribe=One-Click"));
        assert!(buyer.text.contains("https://wise.example/unsubscribe/t0k3n"));
        let staff = mailbox.messages_to("staff@example.nl").remove(0);
        assert_eq!(staff.header("List-Unsubscribe"), None);
        assert_eq!(staff.header("List-Unsubscribe-Post"), None);
    }

    async fn the_background_sender_delivers_what_is_due(app) {
        let (mailer, mailbox) = Mailer::memory(FROM);
        app.with_conn(|c| queue(c, &test_mail(&app, "piet@example.nl", false), None));
        let mut config = app.state.config.mail.clone();
        config.poll_seconds = 1;
        let sender = actix_web::rt::spawn(run_sender(
            app.state.pool.clone(),
            Arc::new(mailer),
            app.clock.clone(),
            config,
        ));
        // The first round runs at once; wait until it has recorded the mail as sent.
        for _ in 0..500 {
            if app.with_conn(rows)[0].status == "sent" {
                break;
            }
            actix_web::rt::time::sleep(Duration::from_millis(10)).await;
        }
        sender.abort();
        assert_eq!(mailbox.messages().len(), 1);
        assert_eq!(app.with_conn(rows)[0].status, "sent");
    }
}

/// Through a real SMTP conversation with Postfix's smtp-sink: one message with a text
/// and an HTML part, its envelope and its unsubscribe headers.
#[test]
fn smtp_delivers_a_multipart_message() {
    let Some(sink) = SmtpSink::start("it::mail::smtp_delivers_a_multipart_message") else {
        return;
    };
    let mailer = Mailer::from_config(&smtp_config(sink.port)).unwrap();
    let templates = wise_monitor::render::templates::Templates::new(None, false).unwrap();
    let data = json!({"name": "Anna", "link": "https://wise.example/x", "unsubscribe_url": "https://wise.example/u/1"});
    let email = mail::render(&templates, "test", Lang::Nl, "anna@example.nl", data).unwrap();
    mailer.send(&email).expect("the sink accepts the mail");

    let received = sink.received(1);
    assert_eq!(received.len(), 1);
    let message = &received[0];
    assert_eq!(message.from, "noreply@wise.example");
    assert_eq!(message.to, ["anna@example.nl"]);
    let data = &message.message;
    assert_eq!(message.header("Subject").as_deref(), Some("Testbericht voor Anna"), "{data}");
    assert!(data.contains("multipart/alternative"), "{data}");
    assert!(data.contains("Content-Type: text/plain; charset=utf-8"), "{data}");
    assert!(data.contains("Content-Type: text/html; charset=utf-8"), "{data}");
    assert_eq!(message.header("List-Unsubscribe").as_deref(), Some("<https://wise.example/u/1>"));
    assert_eq!(message.header("List-Unsubscribe-Post").as_deref(), Some("List-Unsubscribe=One-Click"));
    assert!(data.contains("Beste Anna,"), "{data}");
}

/// Several mails over the one kept connection, each whole: a line that starts with a
/// dot arrives as written (doubled on the wire, undoubled by the server), and a mail
/// after the server went away and came back goes out on a fresh connection.
#[test]
fn smtp_keeps_one_connection_and_sends_dotted_lines_intact() {
    let port = free_port();
    let Some(sink) = SmtpSink::start_on(port, "it::mail::smtp_keeps_one_connection_and_sends_dotted_lines_intact")
    else {
        return;
    };
    let mailer = Mailer::from_config(&smtp_config(sink.port)).unwrap();
    let email = |n: usize| Email {
        to: format!("buyer{n}@example.nl"),
        subject: format!("Mail {n}"),
        text: format!(".first line of mail {n}\n..second\nlast.\n"),
        html: format!("<p>mail {n}</p>"),
        unsubscribe_url: None,
        message_key: None,
    };
    for n in 0..3 {
        mailer.send(&email(n)).expect("the sink accepts each mail");
    }
    let mut received = sink.received(3);
    assert_eq!(received.len(), 3);
    received.sort_by(|a, b| a.to.cmp(&b.to));
    for (n, message) in received.iter().enumerate() {
        assert_eq!(message.to, [format!("buyer{n}@example.nl")]);
        let data = &message.message;
        assert!(data.contains(&format!("\n.first line of mail {n}\n..second\nlast.")), "{data}");
    }
    drop(sink);
    let sink = SmtpSink::start_on(port, "it::mail::smtp_keeps_one_connection_and_sends_dotted_lines_intact")
        .expect("smtp-sink ran a moment ago");
    // The kept connection is gone: this attempt may fail, and the one after it goes out.
    if mailer.send(&email(3)).is_err() {
        mailer.send(&email(3)).expect("a fresh connection after a failed one");
    }
    assert_eq!(sink.received(1).len(), 1);
}
