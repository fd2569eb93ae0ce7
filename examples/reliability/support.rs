//! What every harness needs: the release binary and its database, a `serve` process
//! that can be killed with SIGKILL and started again, an HTTP client that keeps cookies,
//! and an SMTP sink that records each mail's Message-ID.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use diesel::{Connection, RunQueryDsl};

/// `target/<profile>/wise-monitor`, beside this example's own `examples/` folder.
pub fn binary() -> anyhow::Result<PathBuf> {
    let exe = std::env::current_exe()?;
    let bin = exe
        .parent()
        .and_then(Path::parent)
        .map(|dir| dir.join("wise-monitor"))
        .context("no folder above the example")?;
    if !bin.is_file() {
        bail!("{} is missing: build it first (cargo build --release --bin wise-monitor)", bin.display());
    }
    Ok(bin)
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").expect("a free port").local_addr().expect("its address").port()
}

/// A fresh database for one run: an SQLite file in the run's folder, or a PostgreSQL
/// database created on the server named by `admin_url` and dropped at the end.
pub enum Database {
    Sqlite(PathBuf),
    Postgres { admin_url: String, name: String },
}

impl Database {
    pub fn create(kind: &str, dir: &Path, postgres_url: &str, label: &str) -> anyhow::Result<Self> {
        match kind {
            "sqlite" => Ok(Self::Sqlite(dir.join("wise.db"))),
            "postgres" => {
                let name = format!("wise_{label}_{}", std::process::id());
                let mut admin = diesel::PgConnection::establish(postgres_url)
                    .with_context(|| format!("connect to {postgres_url}"))?;
                diesel::sql_query(format!("DROP DATABASE IF EXISTS {name}")).execute(&mut admin)?;
                diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut admin)?;
                Ok(Self::Postgres { admin_url: postgres_url.to_string(), name })
            }
            other => bail!("--database must be sqlite or postgres, not {other:?}"),
        }
    }

    pub fn url(&self) -> String {
        match self {
            Self::Sqlite(path) => format!("sqlite://{}", path.display()),
            Self::Postgres { admin_url, name } => {
                let base = admin_url.rsplit_once('/').map_or(admin_url.as_str(), |(base, _)| base);
                format!("{base}/{name}")
            }
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "SQLite",
            Self::Postgres { .. } => "PostgreSQL",
        }
    }

    pub fn connect(&self) -> anyhow::Result<wise_monitor::db::PooledConn> {
        Ok(wise_monitor::db::open_pool(&self.url(), 1, 5000)?.get()?)
    }

    /// The outbox: how many mails are not sent (pending or failed), and how many in all.
    pub fn outbox(&self) -> anyhow::Result<(i64, i64)> {
        let counts = wise_monitor::mail::outbox::counts(&mut *self.connect()?)?;
        let unsent =
            counts.iter().filter(|(status, _)| status != wise_monitor::mail::outbox::SENT).map(|(_, n)| n).sum();
        Ok((unsent, counts.iter().map(|(_, n)| n).sum()))
    }

    /// The database's own consistency check: SQLite's `integrity_check` and
    /// `foreign_key_check`; on PostgreSQL `amcheck` over every B-tree index.
    /// Returns what it found wrong (empty: clean).
    pub fn integrity_problems(&self) -> anyhow::Result<Vec<String>> {
        #[derive(diesel::QueryableByName)]
        struct Line {
            #[diesel(sql_type = diesel::sql_types::Text)]
            line: String,
        }
        let mut conn = self.connect()?;
        let lines: Vec<Line> = match &mut *conn {
            wise_monitor::db::DbConn::Sqlite(c) => {
                let mut found: Vec<Line> =
                    diesel::sql_query("SELECT integrity_check AS line FROM pragma_integrity_check")
                        .load(c)?
                        .into_iter()
                        .filter(|l: &Line| l.line != "ok")
                        .collect();
                found.extend(
                    diesel::sql_query(
                        "SELECT \"table\" || ' row ' || rowid || ' points to a missing ' || parent AS line \
                         FROM pragma_foreign_key_check",
                    )
                    .load::<Line>(c)?,
                );
                found
            }
            wise_monitor::db::DbConn::Postgres(c) => {
                diesel::sql_query("CREATE EXTENSION IF NOT EXISTS amcheck").execute(c)?;
                let indexes: Vec<Line> = diesel::sql_query(
                    "SELECT i.indexrelid::regclass::text AS line FROM pg_index i \
                     JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam \
                     JOIN pg_namespace n ON n.oid = c.relnamespace \
                     WHERE a.amname = 'btree' AND n.nspname = 'public'",
                )
                .load(c)?;
                let mut found = Vec::new();
                for index in indexes {
                    let checked = diesel::sql_query(format!(
                        "SELECT bt_index_check('{}'::regclass, true)::text AS line",
                        index.line
                    ))
                    .execute(c);
                    if let Err(e) = checked {
                        found.push(Line { line: format!("index {}: {e}", index.line) });
                    }
                }
                found
            }
        };
        Ok(lines.into_iter().map(|l| l.line).collect())
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        if let Self::Postgres { admin_url, name } = self {
            if let Ok(mut admin) = diesel::PgConnection::establish(admin_url) {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut admin);
            }
        }
    }
}

/// Runs the binary's command line against `db` and returns its standard output.
pub fn cli(db: &Database, args: &[&str], env: &[(&str, String)]) -> anyhow::Result<String> {
    let mut command = Command::new(binary()?);
    command.args(args).env("WISE_DATABASE_URL", db.url()).env("RUST_LOG", "warn");
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.stderr(Stdio::inherit()).output()?;
    if !out.status.success() {
        bail!("wise-monitor {} failed: {}", args.join(" "), out.status);
    }
    Ok(String::from_utf8(out.stdout)?)
}

/// The settings every harness process gets: no schedules unless asked, generous rate
/// limits (the writers sign in and post a lot), the outbox polled every second.
pub fn quiet_settings(dir: &Path) -> Vec<(&'static str, String)> {
    vec![
        ("WISE_MAIL__FILE_DIR", dir.join("mail").display().to_string()),
        ("WISE_SCHEDULES__REPORTING_REMINDERS", String::new()),
        ("WISE_SCHEDULES__SECTOR_SUMMARY", String::new()),
        ("WISE_SCHEDULES__SAVED_SEARCH_DAILY", String::new()),
        ("WISE_SCHEDULES__SAVED_SEARCH_WEEKLY", String::new()),
        ("WISE_MAIL__POLL_SECONDS", "1".into()),
        ("WISE_AUTH__RATE_LIMIT_PER_IP", "1000000".into()),
        ("WISE_AUTH__RATE_LIMIT_PER_ACCOUNT", "1000000".into()),
        ("RUST_LOG", "warn".into()),
    ]
}

/// One `serve` process; [`Server::kill9`] ends it with SIGKILL, [`Server::start`] again.
pub struct Server {
    child: Option<Child>,
    port: u16,
    url: String,
    env: Vec<(&'static str, String)>,
    demo: bool,
}

impl Server {
    pub fn new(db: &Database, env: Vec<(&'static str, String)>, demo: bool) -> Self {
        let port = free_port();
        Self { child: None, port, url: db.url(), env, demo }
    }

    pub fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Starts the process and waits (at most a minute) until it accepts connections.
    pub fn start(&mut self) -> anyhow::Result<()> {
        let mut command = Command::new(binary()?);
        command.arg("serve").args(["--listen", &format!("127.0.0.1:{}", self.port)]);
        if self.demo {
            command.arg("--demo");
        }
        command
            .env("WISE_DATABASE_URL", &self.url)
            .env("WISE_SERVER__BASE_URL", self.base())
            .envs(self.env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        self.child = Some(command.spawn().context("start wise-monitor serve")?);
        let deadline = Instant::now() + Duration::from_secs(60);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            if Instant::now() > deadline {
                bail!("wise-monitor serve did not listen on port {} within a minute", self.port);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(())
    }

    /// SIGKILL (what `kill -9` sends), then reaps the process.
    pub fn kill9(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// An answer to a request; a request without one (`None`) met a server that was killed
/// before or while it handled it.
pub struct Answer {
    pub status: u16,
    pub body: String,
    pub location: Option<String>,
}

pub type Outcome = Option<Answer>;

/// An HTTP client with its own cookie jar; redirects are not followed.
pub struct Http {
    agent: ureq::Agent,
    pub base: String,
}

impl Http {
    pub fn new(base: &str) -> Self {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        Self { agent, base: base.to_string() }
    }

    fn finish(result: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Outcome {
        let mut response = result.ok()?;
        let status = response.status().as_u16();
        let location = response.headers().get("location").and_then(|l| l.to_str().ok()).map(str::to_string);
        let body = response.body_mut().read_to_string().ok()?;
        Some(Answer { status, body, location })
    }

    pub fn get(&self, path: &str, token: Option<&str>) -> Outcome {
        let mut request = self.agent.get(format!("{}{path}", self.base));
        if let Some(token) = token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        Self::finish(request.call())
    }

    pub fn post(&self, path: &str, token: &str, content_type: &str, body: &str) -> Outcome {
        let request = self
            .agent
            .post(format!("{}{path}", self.base))
            .header("Authorization", format!("Bearer {token}"))
            .content_type(content_type);
        Self::finish(request.send(body))
    }

    pub fn post_form(&self, path: &str, fields: &[(String, String)]) -> Outcome {
        let request = self.agent.post(format!("{}{path}", self.base));
        Self::finish(request.send_form(fields.iter().map(|(k, v)| (k.as_str(), v.as_str()))))
    }

    /// The page's CSRF token (the hidden `csrf_token` field).
    pub fn csrf_token(&self, path: &str) -> anyhow::Result<String> {
        let body = match self.get(path, None) {
            Some(Answer { status: 200, body, .. }) => body,
            _ => bail!("GET {path} did not answer 200"),
        };
        let marker = "name=\"csrf_token\" value=\"";
        let start = body.find(marker).context("no csrf_token on the page")? + marker.len();
        let end = body[start..].find('"').context("unterminated csrf_token")? + start;
        Ok(body[start..end].to_string())
    }

    /// Signs in with the sign-in form; the session cookie stays in the jar.
    pub fn sign_in(&self, email: &str, password: &str) -> anyhow::Result<()> {
        let csrf = self.csrf_token("/sign-in")?;
        let fields = [("csrf_token", csrf), ("email", email.to_string()), ("password", password.to_string())]
            .map(|(k, v)| (k.to_string(), v));
        match self.post_form("/sign-in", &fields) {
            Some(Answer { status: 303, .. }) => Ok(()),
            Some(Answer { status, .. }) => bail!("signing in as {email} answered {status}"),
            None => bail!("signing in as {email}: no answer"),
        }
    }
}

/// An SMTP server on 127.0.0.1 that accepts every mail (waiting `delay` before each
/// message, so a batch takes a while) and records each one's Message-ID.
pub struct SmtpSink {
    pub port: u16,
    received: Arc<Mutex<Vec<String>>>,
}

impl SmtpSink {
    pub fn start(delay: Duration) -> anyhow::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&received);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let sink = Arc::clone(&sink);
                std::thread::spawn(move || {
                    let _ = Self::session(stream, &sink, delay);
                });
            }
        });
        Ok(Self { port, received })
    }

    fn session(stream: TcpStream, sink: &Mutex<Vec<String>>, delay: Duration) -> std::io::Result<()> {
        let mut out = stream.try_clone()?;
        let mut lines = BufReader::new(stream);
        out.write_all(b"220 sink ESMTP\r\n")?;
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line)? == 0 {
                return Ok(());
            }
            let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
            match verb.as_str() {
                "EHLO" => out.write_all(b"250-sink\r\n250 8BITMIME\r\n")?,
                "DATA" => {
                    // The delay comes before the message: a server that has the whole
                    // message answers at once, as a real one queues it at the final dot.
                    std::thread::sleep(delay);
                    out.write_all(b"354 go on\r\n")?;
                    let mut message_id = None;
                    loop {
                        line.clear();
                        if lines.read_line(&mut line)? == 0 {
                            return Ok(());
                        }
                        if line == ".\r\n" || line == ".\n" {
                            break;
                        }
                        if message_id.is_none() && line.to_ascii_lowercase().starts_with("message-id:") {
                            message_id = Some(line[11..].trim().to_string());
                        }
                    }
                    sink.lock().expect("sink lock").push(message_id.unwrap_or_default());
                    out.write_all(b"250 queued\r\n")?;
                }
                "QUIT" => {
                    out.write_all(b"221 bye\r\n")?;
                    return Ok(());
                }
                _ => out.write_all(b"250 ok\r\n")?,
            }
        }
    }

    /// How often each Message-ID arrived.
    pub fn counts(&self) -> HashMap<String, usize> {
        let mut counts = HashMap::new();
        for id in self.received.lock().expect("sink lock").iter() {
            *counts.entry(id.clone()).or_insert(0) += 1;
        }
        counts
    }

    /// The settings that send the outbox to this sink.
    pub fn settings(&self) -> Vec<(&'static str, String)> {
        vec![
            ("WISE_MAIL__TRANSPORT", "smtp".into()),
            ("WISE_MAIL__SMTP_HOST", "127.0.0.1".into()),
            ("WISE_MAIL__SMTP_PORT", self.port.to_string()),
            ("WISE_MAIL__SMTP_SECURITY", "none".into()),
        ]
    }
}

/// The profile form's fields for `o`, as the edit page fills them in.
pub fn profile_fields(o: &wise_monitor::organisation::model::OrganisationInput) -> Vec<(String, String)> {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let mut fields = vec![
        ("name", o.name.clone()),
        ("legal_form", text(&o.legal_form)),
        ("founded_year", o.founded_year.map(|y| y.to_string()).unwrap_or_default()),
        ("website", text(&o.website)),
        ("email", text(&o.email)),
        ("phone", text(&o.phone)),
        ("street", text(&o.street)),
        ("postcode", text(&o.postcode)),
        ("municipality", o.municipality.clone()),
        ("district", text(&o.district)),
        ("description", o.description.clone()),
        ("market_income_pct", o.market_income_pct.map(|p| p.to_string()).unwrap_or_default()),
        ("primary_sector", o.sectors.first().cloned().unwrap_or_default()),
        ("pso_level", text(&o.pso_level)),
        ("pso_valid_until", o.pso_valid_until.map(|d| d.to_string()).unwrap_or_default()),
        ("cso_status", text(&o.cso_status)),
        ("sena_member", if o.sena_member { "true".into() } else { String::new() }),
    ];
    fields.extend(o.sectors.iter().skip(1).map(|s| ("sectors", s.clone())));
    fields.extend(o.target_groups.iter().map(|g| ("target_groups", g.clone())));
    for (name, until) in &o.certifications {
        fields.push(("cert_name", name.clone()));
        fields.push(("cert_valid_until", until.map(|d| d.to_string()).unwrap_or_default()));
    }
    fields.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}
