//! `instances`: two `serve` processes on one PostgreSQL database, with two `digests run`
//! racing each other while both servers' outbox senders deliver to one SMTP sink. Every
//! digest must be queued once and arrive once; a change written through one instance
//! must show in the other's report and search at its next request.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use wise_monitor::organisation::store as org_store;

use anyhow::{bail, Context};

use crate::support::{binary, cli, profile_fields, quiet_settings, Answer, Database, Http, Server, SmtpSink};

pub fn run(postgres_url: &str) -> anyhow::Result<bool> {
    let dir = tempfile::Builder::new().prefix("wise-instances-").tempdir()?;
    let db = Database::create("postgres", dir.path(), postgres_url, "instances")?;
    cli(&db, &["demo-data", "--organisations", "300", "--offerings", "1500", "--periods", "4", "--buyers", "60"], &[])?;
    let admin = "operator@reliability.example.nl";
    let password = "reliability-harness-2026".to_string();
    cli(
        &db,
        &["users", "add", "--email", admin, "--name", "Operator", "--role", "admin"],
        &[("WISE_PASSWORD", password.clone())],
    )?;
    let token = cli(&db, &["tokens", "create", "--email", admin], &[])?.trim().to_string();
    let sink = SmtpSink::start(Duration::from_millis(2))?;
    let mut env = quiet_settings(dir.path());
    env.extend(sink.settings());
    let mut a = Server::new(&db, env.clone(), false);
    let mut b = Server::new(&db, env.clone(), false);
    a.start()?;
    b.start()?;
    let (http_a, http_b) = (Http::new(&a.base()), Http::new(&b.base()));
    let mut problems = Vec::new();

    // Two `digests run` at once, on the configured schedules; both servers deliver.
    let racers: Vec<_> = (0..2)
        .map(|_| {
            Command::new(binary()?)
                .args(["digests", "run"])
                .env("WISE_DATABASE_URL", db.url())
                .env("RUST_LOG", "warn")
                .envs(sink.settings())
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit())
                .spawn()
                .context("start digests run")
        })
        .collect::<anyhow::Result<_>>()?;
    for racer in racers {
        let out = racer.wait_with_output()?;
        print!("{}", String::from_utf8_lossy(&out.stdout));
        if !out.status.success() {
            problems.push(format!("digests run failed: {}", out.status));
        }
    }
    let queued = wait_for_outbox(&db)?;
    let counts = sink.counts();
    let twice = counts.values().filter(|n| **n > 1).count();
    if queued == 0 {
        problems.push("no digest was due: nothing was raced".into());
    }
    if counts.len() as i64 != queued || twice > 0 {
        problems.push(format!("{queued} mails queued, {} distinct arrived, {twice} twice", counts.len()));
    }

    // A third run for the same slots queues nothing.
    cli(&db, &["digests", "run"], &sink.settings())?;
    if wait_for_outbox(&db)? != queued {
        problems.push("a third digests run for the same slots queued mail again".into());
    }

    // A figures change through A shows in B's exact report at once.
    let period = {
        let mut conn = db.connect()?;
        let periods = wise_monitor::figures::periods::list(&mut conn)?;
        periods.iter().rev().find(|p| p.kind == "quarter").context("no quarter")?.key.clone()
    };
    let report = |http: &Http| match http.get(&format!("/api/v1/reports/sector?period={period}"), Some(&token)) {
        Some(Answer { status: 200, body, .. }) => Ok(body),
        _ => bail!("the report of {period} did not answer 200"),
    };
    let before = report(&http_b)?;
    let kvk = {
        let mut conn = db.connect()?;
        let (first, _) = wise_monitor::catalogue::store::list_approved(&mut conn, 1, 1)?;
        first.into_iter().next().context("no approved WISE")?.kvk_number
    };
    let header = wise_monitor::figures::import::REQUIRED.join(",");
    let csv = format!("{header}\n{kvk},{period},41,7,5,3,97,6,2,3,1,2\n");
    match http_a.post("/api/v1/figures", &token, "text/csv", &csv) {
        Some(Answer { status: 200, .. }) => {}
        _ => bail!("the figures write through A was not accepted"),
    }
    let (after_b, after_a) = (report(&http_b)?, report(&http_a)?);
    if after_b == before || after_b != after_a {
        problems.push(format!("B's report of {period} did not show A's figures write at its next request"));
    }

    // A profile edit through A is found by B's search at once.
    let word = format!("zwaluwstaart{}", std::process::id());
    let search = |http: &Http| match http.get(&format!("/api/v1/organisations?q={word}"), None) {
        Some(Answer { status: 200, body, .. }) => Ok(body.contains(&kvk)),
        _ => bail!("the search did not answer 200"),
    };
    if search(&http_b)? {
        bail!("the word {word} is found before it was written");
    }
    http_a.sign_in(admin, &password)?;
    let path = format!("/manage/organisations/{kvk}");
    let mut fields = {
        let mut conn = db.connect()?;
        let organisation = org_store::organisation_by_kvk(&mut conn, &kvk)?.context("the WISE is gone")?;
        profile_fields(&org_store::organisation_input(&mut conn, &organisation)?)
    };
    for (key, value) in &mut fields {
        if key == "description" {
            value.push_str(&format!(" {word}"));
        }
    }
    fields.push(("csrf_token".into(), http_a.csrf_token(&path)?));
    match http_a.post_form(&path, &fields) {
        Some(Answer { status: 303, location: Some(to), .. }) if to.contains("notice=saved") => {}
        Some(Answer { status, body, .. }) => bail!("the profile edit through A answered {status}: {body:.300}"),
        None => bail!("the profile edit through A got no answer"),
    }
    if !search(&http_b)? {
        problems.push("B's search did not find A's profile edit at its next request".into());
    }

    println!(
        "two instances on PostgreSQL: {queued} digest mails queued by two racing runs, {} arrived ({twice} twice); \
         report and search of each instance saw the other's writes: {} problems",
        counts.values().sum::<usize>(),
        problems.len()
    );
    for problem in &problems {
        println!("  problem: {problem}");
    }
    Ok(problems.is_empty())
}

/// Waits (at most two minutes) until the outbox holds nothing unsent; returns how many
/// mails it holds.
fn wait_for_outbox(db: &Database) -> anyhow::Result<i64> {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let (unsent, total) = db.outbox()?;
        if unsent == 0 {
            return Ok(total);
        }
        if Instant::now() > deadline {
            bail!("{unsent} mails still unsent after two minutes");
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}
