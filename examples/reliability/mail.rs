//! `mail`: the outbox filled with mails, `mail deliver` sending them to an SMTP sink
//! that takes a few milliseconds a mail, killed with SIGKILL mid-batch again and again and
//! started again until the outbox is empty. Every mail must arrive; a mail that arrives
//! twice is the documented window (a kill between the server's "250" and the outbox's
//! "sent"), counted and shown.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use rand::{Rng, SeedableRng};
use wise_monitor::mail::{outbox, Email};

use crate::support::{binary, quiet_settings, Database, SmtpSink};

pub struct Options {
    pub database: String,
    pub postgres_url: String,
    pub kills: u32,
    pub mails: u32,
    pub seed: u64,
}

pub fn run(options: &Options) -> anyhow::Result<bool> {
    let dir = tempfile::Builder::new().prefix("wise-mail-").tempdir()?;
    let db = Database::create(&options.database, dir.path(), &options.postgres_url, "mail")?;
    {
        let mut conn = db.connect()?;
        wise_monitor::db::migrate(&mut conn)?;
        let now = wise_monitor::db::timestamp(chrono::Utc::now());
        for i in 0..options.mails {
            let key = format!("reliability-{i}");
            let email = Email {
                to: format!("reader{i}@example.nl"),
                subject: format!("Mail {i}"),
                text: format!("Mail number {i}.\n"),
                html: format!("<p>Mail number {i}.</p>\n"),
                unsubscribe_url: None,
                message_key: Some(key.clone()),
            };
            outbox::enqueue(&mut conn, &email, Some(&key), now)?;
        }
    }
    let sink = SmtpSink::start(Duration::from_millis(4))?;
    let mut env = quiet_settings(dir.path());
    env.extend(sink.settings());
    let mut rng = rand::rngs::StdRng::seed_from_u64(options.seed);
    let started = Instant::now();
    let (mut kills, mut runs) = (0, 0);
    loop {
        let (unsent, _) = db.outbox()?;
        if unsent == 0 {
            break;
        }
        if started.elapsed() > Duration::from_secs(900) {
            bail!("{unsent} mails still pending after 15 minutes");
        }
        runs += 1;
        let mut child = Command::new(binary()?)
            .args(["mail", "deliver"])
            .env("WISE_DATABASE_URL", db.url())
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .context("start mail deliver")?;
        if kills < options.kills {
            std::thread::sleep(Duration::from_millis(rng.random_range(50..=600)));
            if child.try_wait()?.is_none() {
                child.kill()?;
                kills += 1;
            }
            child.wait()?;
        } else {
            child.wait()?;
            // Mail claimed by a killed sender is due again when its one-minute lease ends.
            if db.outbox()?.0 > 0 {
                std::thread::sleep(Duration::from_secs(5));
            }
        }
    }
    let counts = sink.counts();
    let received: usize = counts.values().sum();
    let twice = counts.values().filter(|n| **n > 1).count();
    let lost = options.mails as usize - counts.len().min(options.mails as usize);
    println!(
        "mail deliver on {}: {} mails, {kills} kills in {runs} runs, {:.0} s; {} arrived, {lost} lost, \
         {twice} arrived twice",
        db.kind(),
        options.mails,
        started.elapsed().as_secs_f64(),
        received,
    );
    Ok(lost == 0)
}
