//! `durability`: three writers (a WISE's figures over the API as JSON, the operator's
//! figures imports over the API as CSV, a WISE user's profile edits through the web form)
//! against one `serve`, which is killed with SIGKILL at random moments and started again.
//! Afterwards every acknowledged write must be in the database, the newest revision of
//! each written submission must be the last acknowledged write or a later unanswered one,
//! revision numbers must run 1, 2, 3 … without gaps, and the database's own integrity
//! check must pass.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use diesel::RunQueryDsl;
use rand::{Rng, SeedableRng};
use wise_monitor::db::DbConn;
use wise_monitor::organisation::model::OrganisationInput;

use crate::support::{cli, profile_fields, quiet_settings, Answer, Database, Http, Server};

pub struct Options {
    pub database: String,
    pub postgres_url: String,
    pub kills: u32,
    pub seed: u64,
}

/// What the writers did: every acknowledged figures write as (kvk, period) → the
/// `volunteers` values, in order; unanswered attempts; answers that were neither.
#[derive(Default)]
struct Ledger {
    figures: BTreeMap<(String, String), Vec<i32>>,
    last_attempt: HashMap<(String, String), i32>,
    profile_acked: Option<u32>,
    profile_attempted: u32,
    acknowledged: u64,
    unanswered: u64,
    refused: Vec<String>,
}

/// The ten counts of a figures row (SPEC §4), after `kvk_number` and `period`.
const COUNTS: &[&str] = wise_monitor::figures::import::REQUIRED.split_at(2).1;

/// The ten counts of one row; `volunteers` carries the write's unique number.
fn counts(seq: i32) -> Vec<(&'static str, i32)> {
    COUNTS.iter().map(|c| (*c, if *c == "volunteers" { seq } else { 3 })).collect()
}

pub fn run(options: &Options) -> anyhow::Result<bool> {
    let dir = tempfile::Builder::new().prefix("wise-durability-").tempdir()?;
    let db = Database::create(&options.database, dir.path(), &options.postgres_url, "durability")?;
    let mut server = Server::new(&db, quiet_settings(dir.path()), true);
    server.start()?;
    let wise_email = "onderneming@demo.wise-monitor.nl";
    let wise_token =
        cli(&db, &["tokens", "create", "--email", wise_email, "--name", "durability"], &[])?.trim().to_string();
    let admin_token =
        cli(&db, &["tokens", "create", "--email", "beheer@demo.wise-monitor.nl", "--name", "durability"], &[])?
            .trim()
            .to_string();
    let approved: Vec<OrganisationInput> = wise_monitor::demo::approved_sample();
    let own = approved[0].clone();
    let others: Vec<String> = approved[1..6].iter().map(|o| o.kvk_number.clone()).collect();
    let periods: Vec<String> = {
        let mut conn = db.connect()?;
        wise_monitor::figures::periods::list(&mut conn)?.into_iter().map(|p| p.key).collect()
    };

    let ledger = Arc::new(Mutex::new(Ledger::default()));
    let seq = Arc::new(AtomicU32::new(1000));
    let stop = Arc::new(AtomicBool::new(false));
    let base = server.base();
    // Which periods the WISE may still write (the others answer 422 "closed").
    let open: Vec<String> = periods
        .iter()
        .filter(|p| {
            let n = seq.fetch_add(1, Ordering::SeqCst) as i32;
            let body = json_row(&own.kvk_number, p, n);
            let answer = Http::new(&base).post("/api/v1/figures", &wise_token, "application/json", &body);
            let taken = matches!(answer, Some(Answer { status: 200, .. }));
            if taken {
                ledger.lock().expect("ledger").record((own.kvk_number.clone(), (*p).clone()), n, true);
            }
            taken
        })
        .cloned()
        .collect();
    if open.is_empty() {
        bail!("the demo WISE may write no period; nothing to test");
    }

    let started = Instant::now();
    let mut writers = Vec::new();
    {
        let (ledger, seq, stop, base, own, token) =
            (ledger.clone(), seq.clone(), stop.clone(), base.clone(), own.kvk_number.clone(), wise_token.clone());
        writers.push(std::thread::spawn(move || {
            let http = Http::new(&base);
            let mut i = 0;
            while !stop.load(Ordering::SeqCst) {
                let period = &open[i % open.len()];
                i += 1;
                let n = seq.fetch_add(1, Ordering::SeqCst) as i32;
                let answer = http.post("/api/v1/figures", &token, "application/json", &json_row(&own, period, n));
                settle(&ledger, vec![(own.clone(), period.clone())], n, answer, 200);
            }
        }));
    }
    {
        let (ledger, seq, stop, base, token, periods) =
            (ledger.clone(), seq.clone(), stop.clone(), base.clone(), admin_token.clone(), periods.clone());
        writers.push(std::thread::spawn(move || {
            let http = Http::new(&base);
            let mut i = 0;
            while !stop.load(Ordering::SeqCst) {
                let period = &periods[i % periods.len()];
                i += 1;
                let n = seq.fetch_add(1, Ordering::SeqCst) as i32;
                let mut csv = format!("kvk_number,period,{}\n", COUNTS.join(","));
                for kvk in &others {
                    let values: Vec<String> = counts(n).iter().map(|(_, v)| v.to_string()).collect();
                    csv.push_str(&format!("{kvk},{period},{}\n", values.join(",")));
                }
                let keys = others.iter().map(|k| (k.clone(), period.clone())).collect();
                settle(&ledger, keys, n, http.post("/api/v1/figures", &token, "text/csv", &csv), 200);
            }
        }));
    }
    {
        let (ledger, stop, base, own) = (ledger.clone(), stop.clone(), base.clone(), own.clone());
        writers.push(std::thread::spawn(move || {
            let http = Http::new(&base);
            let path = format!("/manage/organisations/{}", own.kvk_number);
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) {
                n += 1;
                ledger.lock().expect("ledger").profile_attempted = n;
                let Ok(csrf) = http.csrf_token(&path) else {
                    // Not signed in (the first time, or the session was never stored) or no server.
                    if http.sign_in(wise_email, wise_monitor::demo::DEMO_PASSWORD).is_err() {
                        std::thread::sleep(Duration::from_millis(50));
                    }
                    continue;
                };
                let mut fields = profile_fields(&own);
                fields.push(("csrf_token".into(), csrf));
                for (key, value) in &mut fields {
                    if key == "description" {
                        value.push_str(&format!(" [durability edit {n}]"));
                    }
                }
                let answer = http.post_form(&path, &fields);
                let mut ledger = ledger.lock().expect("ledger");
                match answer {
                    Some(Answer { status: 303, location: Some(to), .. }) if to.contains("notice=saved") => {
                        ledger.profile_acked = Some(n);
                        ledger.acknowledged += 1;
                    }
                    Some(Answer { status, body, .. }) => {
                        ledger.refused.push(format!("profile edit {n}: {status} {}", excerpt(&body)))
                    }
                    None => ledger.unanswered += 1,
                }
            }
        }));
    }

    let mut rng = rand::rngs::StdRng::seed_from_u64(options.seed);
    for kill in 1..=options.kills {
        std::thread::sleep(Duration::from_millis(rng.random_range(200..=1500)));
        server.kill9();
        std::thread::sleep(Duration::from_millis(rng.random_range(0..=300)));
        server.start().with_context(|| format!("restart after kill {kill}"))?;
    }
    std::thread::sleep(Duration::from_millis(500));
    server.kill9();
    stop.store(true, Ordering::SeqCst);
    for writer in writers {
        writer.join().expect("a writer panicked");
    }
    let seconds = started.elapsed().as_secs_f64();
    // The server starts on what the last kill left.
    server.start().context("start after the last kill")?;
    server.kill9();

    let ledger = ledger.lock().expect("ledger");
    let mut problems = ledger.refused.clone();
    let mut conn = db.connect()?;
    problems.extend(check_figures(&mut conn, &ledger)?);
    problems.extend(check_profile(&mut conn, &own.kvk_number, &ledger)?);
    problems.extend(db.integrity_problems()?);
    println!(
        "durability on {}: {} kills in {seconds:.0} s, {} acknowledged writes ({} figures rows), {} requests \
         without an answer, {} problems",
        db.kind(),
        options.kills,
        ledger.acknowledged,
        ledger.figures.values().map(Vec::len).sum::<usize>(),
        ledger.unanswered,
        problems.len(),
    );
    for problem in problems.iter().take(20) {
        println!("  problem: {problem}");
    }
    Ok(problems.is_empty())
}

impl Ledger {
    fn record(&mut self, key: (String, String), n: i32, acknowledged: bool) {
        self.last_attempt.insert(key.clone(), n);
        if acknowledged {
            self.figures.entry(key).or_default().push(n);
        }
    }
}

/// Books one figures write: acknowledged (`ok`), unanswered, or refused.
fn settle(ledger: &Mutex<Ledger>, keys: Vec<(String, String)>, n: i32, answer: Option<Answer>, ok: u16) {
    let mut ledger = ledger.lock().expect("ledger");
    let acknowledged = matches!(&answer, Some(a) if a.status == ok);
    for key in keys {
        ledger.record(key, n, acknowledged);
    }
    match answer {
        Some(a) if a.status == ok => ledger.acknowledged += 1,
        Some(a) => ledger.refused.push(format!("figures write {n}: {} {}", a.status, excerpt(&a.body))),
        None => {
            ledger.unanswered += 1;
            drop(ledger);
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn excerpt(body: &str) -> String {
    body.chars().take(300).collect()
}

fn json_row(kvk: &str, period: &str, n: i32) -> String {
    let mut row = serde_json::Map::new();
    row.insert("kvk_number".into(), kvk.into());
    row.insert("period".into(), period.into());
    for (name, value) in counts(n) {
        row.insert(name.into(), value.into());
    }
    serde_json::Value::Array(vec![row.into()]).to_string()
}

#[derive(diesel::QueryableByName)]
struct Revision {
    #[diesel(sql_type = diesel::sql_types::Text)]
    kvk: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    period: String,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    number: i32,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    volunteers: i32,
}

fn check_figures(conn: &mut DbConn, ledger: &Ledger) -> anyhow::Result<Vec<String>> {
    let rows: Vec<Revision> = diesel::sql_query(
        "SELECT o.kvk_number AS kvk, p.\"key\" AS period, r.number AS number, r.volunteers AS volunteers \
         FROM submission_revisions r JOIN submissions s ON s.id = r.submission_id \
         JOIN organisations o ON o.id = s.organisation_id JOIN reporting_periods p ON p.id = s.period_id \
         ORDER BY o.kvk_number, p.\"key\", r.number",
    )
    .load(conn)?;
    let mut stored: BTreeMap<(String, String), Vec<(i32, i32)>> = BTreeMap::new();
    for r in rows {
        stored.entry((r.kvk, r.period)).or_default().push((r.number, r.volunteers));
    }
    let mut problems = Vec::new();
    for (key, revisions) in &stored {
        let numbers: Vec<i32> = revisions.iter().map(|(n, _)| *n).collect();
        if numbers.iter().enumerate().any(|(i, n)| *n != i as i32 + 1) {
            problems.push(format!("{key:?}: revision numbers {numbers:?} have a gap"));
        }
    }
    for (key, acked) in &ledger.figures {
        let Some(revisions) = stored.get(key) else {
            problems.push(format!("{key:?}: acknowledged writes {acked:?} but no submission"));
            continue;
        };
        for n in acked {
            if !revisions.iter().any(|(_, v)| v == n) {
                problems.push(format!("{key:?}: acknowledged write {n} is lost"));
            }
        }
        let newest = revisions.last().map(|(_, v)| *v).unwrap_or_default();
        let (last_acked, last_attempt) = (acked.last().copied().unwrap_or_default(), ledger.last_attempt[key]);
        if newest < last_acked || newest > last_attempt {
            problems.push(format!("{key:?}: newest revision holds write {newest}, acknowledged up to {last_acked}"));
        }
    }
    Ok(problems)
}

#[derive(diesel::QueryableByName)]
struct Description {
    #[diesel(sql_type = diesel::sql_types::Text)]
    description: String,
}

fn check_profile(conn: &mut DbConn, kvk: &str, ledger: &Ledger) -> anyhow::Result<Vec<String>> {
    let row: Description =
        diesel::sql_query(format!("SELECT description FROM organisations WHERE kvk_number = '{kvk}'"))
            .get_result(conn)?;
    let edit: Option<u32> =
        row.description.rsplit_once("[durability edit ").and_then(|(_, rest)| rest.trim_end_matches(']').parse().ok());
    Ok(match (ledger.profile_acked, edit) {
        (Some(acked), Some(stored)) if stored >= acked && stored <= ledger.profile_attempted => vec![],
        (None, _) => vec!["no profile edit was acknowledged".into()],
        (acked, stored) => vec![format!("profile: edit {acked:?} acknowledged, the database holds {stored:?}")],
    })
}
