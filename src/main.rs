//! The `wise-monitor` command: parse the command line, load the configuration,
//! open the database and run the command. Any failure ends in one line on stderr.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Parser, Subcommand};
use wise_monitor::clock::{Clock, SystemClock};
use wise_monitor::config::Config;
use wise_monitor::{db, demo, AppState};

#[derive(Parser)]
#[command(
    name = "wise-monitor",
    version,
    about = "Make work-integration social enterprises visible, bought from, and counted."
)]
struct Cli {
    /// Configuration file (TOML) overriding config/default.toml.
    #[arg(long, global = true, env = "WISE_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,
    /// Database: `sqlite://PATH`, a file path (SQLite) or `postgres://…`.
    #[arg(long, global = true, env = "WISE_DATABASE_URL", value_name = "URL")]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP server (migrates the database first).
    Serve {
        /// Fill an empty database with sample WISEs and offerings.
        #[arg(long)]
        demo: bool,
        /// Address to listen on, e.g. 127.0.0.1:8080.
        #[arg(long, env = "WISE_LISTEN", value_name = "ADDR")]
        listen: Option<String>,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage users.
    #[command(subcommand)]
    Users(UsersCommand),
    /// Manage API tokens.
    #[command(subcommand)]
    Tokens(TokensCommand),
    /// Import data from CSV files (all or nothing).
    #[command(subcommand)]
    Import(ImportCommand),
    /// Manage reporting periods.
    #[command(subcommand)]
    Periods(PeriodsCommand),
    /// Check what the public can learn from the published numbers.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Export data.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Scheduled email digests.
    #[command(subcommand)]
    Digests(DigestsCommand),
    /// The outbox of mail.
    #[command(subcommand)]
    Mail(MailCommand),
    /// Fill an empty database with generated data at scale (for benchmarks and load tests).
    DemoData {
        /// Approved WISEs.
        #[arg(long, default_value_t = 10_000)]
        organisations: usize,
        /// Offerings, spread over the WISEs.
        #[arg(long, default_value_t = 100_000)]
        offerings: usize,
        /// Quarters of figures, up to the last whole quarter (with the years they cover).
        #[arg(long, default_value_t = 40)]
        periods: u32,
        /// How many WISEs report figures (default: half of them).
        #[arg(long)]
        reporting: Option<usize>,
        /// Buyer accounts, each with a weekly saved search.
        #[arg(long, default_value_t = 0)]
        buyers: usize,
    },
}

#[derive(Subcommand)]
enum MailCommand {
    /// Send every mail that is due now, then exit (`serve` does this by itself).
    Deliver,
}

#[derive(Subcommand)]
enum DigestsCommand {
    /// Run the digests that are due at that moment (default: now), then exit.
    Run {
        /// The moment, e.g. 2026-01-05T08:00:00+01:00.
        #[arg(long, value_name = "RFC3339")]
        at: Option<String>,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Give an attacker every public table of the range (every quarter and year, their
    /// breakdowns, totals, changes and series) and list each suppressed cell they could
    /// narrow to less than the protection level and each published difference that
    /// reveals too few WISEs; exit status 1 when anything is found.
    Disclosure {
        /// The first period to include (a quarter or a year, e.g. 2025-Q1); default: the earliest.
        #[arg(long, value_name = "PERIOD")]
        from: Option<String>,
        /// The last period to include; default: the latest.
        #[arg(long, value_name = "PERIOD")]
        to: Option<String>,
    },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// Print the sector report of a period (public, with disclosure control, unless --exact).
    Report {
        /// The period, e.g. 2025-Q3 or 2025.
        #[arg(long, value_name = "PERIOD")]
        period: String,
        /// csv (every number, one per line) or json (SPEC §4 shape).
        #[arg(long, value_parser = ["csv", "json"], default_value = "csv")]
        format: String,
        /// The breakdown in the JSON: sector, target_group or municipality.
        #[arg(long, default_value = "sector")]
        breakdown: String,
        /// Exact figures, not for publication (no disclosure control).
        #[arg(long)]
        exact: bool,
    },
}

#[derive(Subcommand)]
enum PeriodsCommand {
    /// Create the quarters (2025-Q1) or years (2025) from --from to --to; existing ones are kept.
    Create {
        /// The first period, e.g. 2025-Q1 or 2025.
        #[arg(long, value_name = "PERIOD")]
        from: String,
        /// The last period, of the same kind as --from.
        #[arg(long, value_name = "PERIOD")]
        to: String,
        /// Days from the opening (the day after the period ends) to the due date.
        #[arg(long, value_name = "N", default_value = "30")]
        due_days: String,
    },
}

#[derive(Subcommand)]
enum UsersCommand {
    /// Create a user; the password comes from WISE_PASSWORD, else it is asked for.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// admin, city, buyer or wise.
        #[arg(long)]
        role: String,
        /// KvK number of the WISE a `wise` user works for.
        #[arg(long, value_name = "KVK")]
        organisation: Option<String>,
        /// Language of the user's pages and mail: nl or en.
        #[arg(long, default_value = "nl")]
        language: String,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Create approved WISEs from a CSV file (columns: see the README); one bad line imports nothing.
    Organisations {
        /// The CSV file (UTF-8, comma- or semicolon-separated, with a header row).
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Add offerings of registered WISEs from a CSV file (kvk_number, title, kind, cpv_code, …); one bad line imports nothing.
    Offerings {
        /// The CSV file (UTF-8, comma- or semicolon-separated, with a header row).
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Load the EU's CPV 2008 labels in a language from its published table saved as CSV (columns CODE and NL or EN).
    CpvLabels {
        /// The CSV file (UTF-8, comma- or semicolon-separated, with a header row).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The language of the labels to load: nl or en.
        #[arg(long, default_value = "nl")]
        language: String,
    },
    /// Add or update municipalities with their centroids from a CSV file (code, name, latitude, longitude); one bad line imports nothing.
    Municipalities {
        /// The CSV file (UTF-8, comma- or semicolon-separated, with a header row).
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Store output figures from a CSV file (kvk_number, period and the ten counts); one bad line imports nothing.
    Figures {
        /// The CSV file (UTF-8, comma- or semicolon-separated, with a header row).
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum TokensCommand {
    /// Print a new API token for a user (shown once).
    Create {
        #[arg(long)]
        email: String,
        /// A name that tells the token apart on the account page.
        #[arg(long, default_value = "command line")]
        name: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .init();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line, even when a library's message spans several.
            let message = format!("{e:#}");
            let message: Vec<&str> = message.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            eprintln!("wise-monitor: error: {}", message.join(" "));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let mut config = Config::load(cli.config.as_deref())?;
    if let Some(url) = cli.database_url {
        config.database.url = url;
    }
    match cli.command {
        Command::Migrate => {
            let pool = open(&config)?;
            let applied = db::migrate(&mut *pool.get()?)?;
            println!("{applied} migration(s) applied; the database is up to date");
            Ok(())
        }
        Command::Users(UsersCommand::Add { email, name, role, organisation, language }) => {
            let password = match std::env::var("WISE_PASSWORD") {
                Ok(password) => password,
                Err(_) => rpassword::prompt_password(format!("Password for {email}: "))
                    .context("no password: set WISE_PASSWORD or run the command in a terminal")?,
            };
            let pool = open(&config)?;
            let mut conn = pool.get()?;
            db::migrate(&mut conn)?;
            let input =
                wise_monitor::users::store::NewUser { email, name, role, language, organisation_kvk: organisation };
            let id = wise_monitor::accounts::add_user_command(
                &mut conn,
                &input,
                &password,
                db::timestamp(SystemClock.now()),
            )?;
            println!("user {id} created: {}", wise_monitor::users::store::normalise_email(&input.email));
            Ok(())
        }
        Command::Tokens(TokensCommand::Create { email, name }) => {
            let pool = open(&config)?;
            let mut conn = pool.get()?;
            db::migrate(&mut conn)?;
            let token = wise_monitor::accounts::create_token_command(
                &mut conn,
                &email,
                &name,
                db::timestamp(SystemClock.now()),
            )?;
            println!("{token}");
            Ok(())
        }
        Command::Import(ImportCommand::Organisations { file }) => {
            import_catalogue(&config, &file, "organisations", wise_monitor::catalogue::import::import_organisations)
        }
        Command::Import(ImportCommand::Offerings { file }) => {
            import_catalogue(&config, &file, "offerings", wise_monitor::catalogue::import::import_offerings)
        }
        Command::Import(ImportCommand::CpvLabels { file, language }) => {
            let lang = wise_monitor::i18n::Lang::parse(&language)
                .ok_or_else(|| anyhow::anyhow!("--language: {language:?} is not one of nl, en"))?;
            let import = move |c: &mut db::DbConn, bytes: &[u8], _| {
                wise_monitor::catalogue::import::import_cpv_labels(c, bytes, lang)
            };
            import_catalogue(&config, &file, "CPV labels", import)
        }
        Command::Import(ImportCommand::Municipalities { file }) => {
            let import = |c: &mut db::DbConn, bytes: &[u8], now| {
                let outcome = wise_monitor::geography::store::import(c, bytes, now)?;
                Ok(outcome.map(|(added, updated)| added + updated))
            };
            import_catalogue(&config, &file, "municipalities", import)
        }
        Command::Import(ImportCommand::Figures { file }) => import_figures(&config, &file),
        Command::Periods(PeriodsCommand::Create { from, to, due_days }) => {
            create_periods(&config, &from, &to, &due_days)
        }
        Command::Audit(AuditCommand::Disclosure { from, to }) => {
            audit_disclosure(&config, from.as_deref(), to.as_deref())
        }
        Command::Export(ExportCommand::Report { period, format, breakdown, exact }) => {
            export_report(&config, &period, &format, &breakdown, exact)
        }
        Command::Digests(DigestsCommand::Run { at }) => run_digests(&config, at.as_deref()),
        Command::Mail(MailCommand::Deliver) => deliver_mail(&config),
        Command::DemoData { organisations, offerings, periods, reporting, buyers } => {
            let reporting = reporting.unwrap_or(organisations / 2);
            let scale = demo::scale::Scale { organisations, offerings, periods, reporting, buyers };
            let pool = open(&config)?;
            let mut conn = pool.get()?;
            db::migrate(&mut conn)?;
            let started = std::time::Instant::now();
            let made = demo::scale::generate(&mut conn, &scale, db::timestamp(SystemClock.now()))?;
            println!(
                "{} WISEs, {} offerings, {} submissions of figures and {} buyers written in {:.1} s",
                made.organisations,
                made.offerings,
                made.submissions,
                made.buyers,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Serve { demo, listen } => {
            if let Some(listen) = listen {
                config.server.listen = listen;
            }
            serve(config, demo)
        }
    }
}

/// `import organisations FILE` and `import offerings FILE`: every error as
/// `FILE:LINE: column COLUMN: message` on stderr and nothing written, or everything in
/// the file created (WISEs approved) with an audit entry.
fn import_catalogue(
    config: &Config,
    file: &std::path::Path,
    what: &str,
    import: impl FnOnce(
        &mut db::DbConn,
        &[u8],
        chrono::NaiveDateTime,
    ) -> diesel::QueryResult<wise_monitor::catalogue::import::Outcome>,
) -> anyhow::Result<()> {
    use wise_monitor::audit;
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let pool = open(config)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    let now = db::timestamp(SystemClock.now());
    let name = file.display().to_string();
    let outcome = db::write_tx(&mut conn, |c| {
        let outcome = import(c, &bytes, now)?;
        if let Ok(count) = &outcome {
            let entry = audit::Entry {
                actor: audit::Actor::System,
                ip: None,
                action: &format!("{}_imported", what.to_lowercase().replace(' ', "_")),
                target: &name,
                detail: &format!("{count} {what}"),
            };
            audit::record(c, now, entry)?;
        }
        Ok::<_, anyhow::Error>(outcome)
    })?;
    match outcome {
        Ok(count) => {
            println!("{count} {what} imported");
            Ok(())
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{}", e.describe(&name));
            }
            anyhow::bail!("{name}: {} error(s); nothing was imported", errors.len())
        }
    }
}

/// `import figures FILE`: as the operator (every WISE, every existing period); every
/// error as `FILE:LINE: column COLUMN: message` on stderr and nothing written, or every
/// row stored as a submitted revision (unchanged rows add nothing) with an audit entry.
fn import_figures(config: &Config, file: &std::path::Path) -> anyhow::Result<()> {
    use wise_monitor::figures::import;
    use wise_monitor::i18n::{self, Lang};
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let pool = open(config)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    let name = file.display().to_string();
    match import::import_file(&mut conn, &bytes, &name, db::timestamp(SystemClock.now()))? {
        Ok(imported) => {
            for w in &imported.warnings {
                let message = i18n::text(Lang::En, w.message_key);
                eprintln!("{name}:{}: column {}: warning: {message}", w.line, w.column);
            }
            println!("figures imported: {}", imported.summary());
            Ok(())
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{}", e.describe(&name));
            }
            anyhow::bail!("{name}: {} error(s); nothing was imported", errors.len())
        }
    }
}

/// `export report`: the sector report of a period on stdout, as CSV or JSON.
fn export_report(config: &Config, period: &str, format: &str, breakdown: &str, exact: bool) -> anyhow::Result<()> {
    use wise_monitor::i18n::{self, Lang};
    use wise_monitor::reports::disclosure::Thresholds;
    use wise_monitor::reports::export::{self, ReportError};
    let dimension = export::breakdown(Some(breakdown))
        .map_err(|_| anyhow::anyhow!("--breakdown: {}", i18n::text(Lang::En, "error-breakdown")))?;
    let pool = open(config)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    let report =
        match export::load(&mut conn, &Default::default(), period, exact, &Thresholds::from(&config.disclosure))? {
            Ok(report) => report,
            Err(ReportError::Invalid(field, key)) => anyhow::bail!("--{field}: {}", i18n::text(Lang::En, key)),
            Err(ReportError::UnknownPeriod(period, with_figures)) => {
                anyhow::bail!("--period: {}", wise_monitor::web::error::unknown_period_message(&period, &with_figures))
            }
        };
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if format == "json" {
        serde_json::to_writer_pretty(&mut out, &report.to_json(dimension))?;
        writeln!(out)?;
    } else {
        out.write_all(&export::to_csv(&report)?)?;
    }
    Ok(())
}

/// `audit disclosure`: every finding on stdout; exit status 1 when there is any.
fn audit_disclosure(config: &Config, from: Option<&str>, to: Option<&str>) -> anyhow::Result<()> {
    use wise_monitor::figures::periods::PeriodKey;
    use wise_monitor::reports::disclosure::Thresholds;
    use wise_monitor::reports::linked::{self, Finding};
    let bound = |flag: &str, text: Option<&str>, end: bool| -> anyhow::Result<Option<chrono::NaiveDate>> {
        let Some(text) = text else { return Ok(None) };
        let key = PeriodKey::parse(text).map_err(|e| anyhow::anyhow!("--{flag} {text:?}: {e}"))?;
        Ok(Some(if end { key.ends_on() } else { key.starts_on() }))
    };
    let (starts, ends) = (bound("from", from, false)?, bound("to", to, true)?);
    let thresholds = Thresholds::from(&config.disclosure);
    let pool = open(config)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    let set = linked::public(&mut conn, &Default::default(), &thresholds)?;
    let wanted = |p: &wise_monitor::figures::periods::Period| {
        starts.is_none_or(|s| p.starts_on >= s) && ends.is_none_or(|e| p.ends_on <= e)
    };
    let periods: Vec<&str> = set.periods.iter().filter(|p| wanted(p)).map(|p| p.key.as_str()).collect();
    let needs = wise_monitor::reports::needs::public(&mut conn, &thresholds)?;
    let mut findings = set.audit(wanted);
    findings.extend(needs.audit(wanted));
    let years: Vec<_> = set.periods.iter().filter(|p| wanted(p)).cloned().collect();
    let (procurement, procurement_cells, procurement_hidden) =
        wise_monitor::reports::procurement::audit(&mut conn, &years, &thresholds)?;
    findings.extend(procurement);
    let (partnerships, partnership_cells, partnerships_hidden) =
        wise_monitor::reports::partnerships::audit(&mut conn, &set, &years, &thresholds)?;
    findings.extend(partnerships);
    let (cells, hidden) = {
        let (system, _) = set.system(wanted);
        let (needs_cells, needs_hidden) = needs.counted(wanted);
        (
            system.values.len() + needs_cells + procurement_cells + partnership_cells,
            system.hidden.iter().filter(|h| **h).count() + needs_hidden + procurement_hidden + partnerships_hidden,
        )
    };
    println!(
        "audited {} period(s) ({}), {cells} cells, {hidden} suppressed (in {} round(s)); protection level {} people, at least {} WISEs",
        periods.len(),
        periods.join(", "),
        set.rounds,
        thresholds.protection_level,
        thresholds.min_organisations
    );
    for finding in &findings {
        match finding {
            Finding::Narrow { cell, value, range } => {
                let high = range.high.map_or("no upper bound".to_string(), |h| h.to_string());
                println!("narrow: {cell} = {value} is known to lie in {}..{high}", range.low);
            }
            Finding::Difference { first, second, difference } => {
                println!("difference: {first} minus {second} = {difference} reveals too few WISEs or people");
            }
        }
    }
    if findings.is_empty() {
        println!("no findings");
        Ok(())
    } else {
        println!("{} finding(s)", findings.len());
        std::process::exit(1)
    }
}

/// `mail deliver`: sends what the outbox has due, batch after batch, until nothing
/// due is left; mail that fails waits for its next attempt as with `serve`.
fn deliver_mail(config: &Config) -> anyhow::Result<()> {
    let mailer = wise_monitor::mail::Mailer::from_config(&config.mail)?;
    let pool = open(config)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    let mut total = wise_monitor::mail::outbox::DeliveryReport::default();
    loop {
        let now = db::timestamp(SystemClock.now());
        let report = wise_monitor::mail::outbox::deliver_due(
            &mut conn,
            &mailer,
            now,
            config.mail.retry_base_seconds,
            config.mail.max_attempts,
        )?;
        if report.is_empty() {
            break;
        }
        total.sent += report.sent;
        total.retried += report.retried;
        total.failed += report.failed;
    }
    println!("{} sent, {} to try again later, {} failed for good", total.sent, total.retried, total.failed);
    Ok(())
}

/// `digests run`: writes the digests due at `at` (default: now) to the outbox; the
/// running server (or the next `serve`) sends them.
fn run_digests(config: &Config, at: Option<&str>) -> anyhow::Result<()> {
    let at = match at {
        Some(text) => chrono::DateTime::parse_from_rfc3339(text)
            .map_err(|e| {
                anyhow::anyhow!("--at {text:?} is not an RFC 3339 moment such as 2026-01-05T08:00:00+01:00: {e}")
            })?
            .with_timezone(&chrono::Utc),
        None => SystemClock.now(),
    };
    let templates = wise_monitor::render::templates::Templates::new(config.template_override_dir(), false)?;
    let pool = open(config)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    let ran = wise_monitor::digests::run_due(&mut conn, config, &templates, &Default::default(), at)?;
    if ran.is_empty() {
        println!("no digest due at {}", at.to_rfc3339());
    }
    for r in ran {
        match r.mails {
            Some(n) => println!("{} ({} UTC): {n} mail(s) queued", r.kind.as_str(), r.slot),
            None => println!("{} ({} UTC): already run by another process", r.kind.as_str(), r.slot),
        }
    }
    Ok(())
}

/// `periods create`: the periods of the range, in one transaction with its audit entry.
fn create_periods(config: &Config, from: &str, to: &str, due_days: &str) -> anyhow::Result<()> {
    use wise_monitor::audit;
    use wise_monitor::figures::{self, periods};
    use wise_monitor::i18n::{self, Lang};
    let request = periods::validate_range(from, to, due_days).map_err(|errors| {
        let problems: Vec<String> = errors
            .iter()
            .map(|e| format!("--{}: {}", e.field.replace('_', "-"), i18n::text(Lang::En, e.key)))
            .collect();
        anyhow::anyhow!("{}", problems.join("; "))
    })?;
    let pool = open(config)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    let now = db::timestamp(SystemClock.now());
    let (created, kept) = db::write_tx(&mut conn, |c| {
        let (created, kept) = periods::create_range(c, &request, now)?;
        let entry = audit::Entry {
            actor: audit::Actor::System,
            ip: None,
            action: "periods_created",
            target: &figures::range_name(&request),
            detail: &format!("{created} created, {kept} kept, due after {} days", request.due_days),
        };
        audit::record(c, now, entry)?;
        Ok::<_, anyhow::Error>((created, kept))
    })?;
    println!("{created} created, {kept} kept");
    Ok(())
}

fn open(config: &Config) -> anyhow::Result<db::Pool> {
    db::open_pool(&config.database.url, config.database.pool_size, config.database.busy_timeout_ms)
}

fn serve(config: Config, demo: bool) -> anyhow::Result<()> {
    let pool = open(&config)?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    {
        let mut conn = pool.get()?;
        db::migrate(&mut conn)?;
        if demo {
            demo::certificates::keep_evidence(&config.certificates.evidence_dir)?;
            match demo::fill_if_empty(&mut conn, db::timestamp(clock.now()))? {
                demo::Filled::AlreadyHadData => {
                    tracing::info!("--demo: the database already holds WISEs; left as it is")
                }
                demo::Filled::Loaded { organisations, offerings } => {
                    tracing::info!(organisations, offerings, "--demo: sample data loaded");
                    println!("demo accounts (password {}):", demo::DEMO_PASSWORD);
                    for (email, _, role) in demo::DEMO_USERS {
                        println!("  {email} ({})", role.as_str());
                    }
                }
            }
        }
    }
    let listen = config.server.listen.clone();
    let workers = config.server.workers;
    // A bad schedule stops the start with one line naming the setting.
    wise_monitor::digests::schedules(&config.schedules)?;
    let state = AppState::new(config, pool, clock)?;
    actix_web::rt::System::new().block_on(async move {
        actix_web::rt::spawn(wise_monitor::digests::run_scheduler(state.clone(), 60));
        actix_web::rt::spawn(wise_monitor::mail::outbox::run_sender(
            state.pool.clone(),
            state.mailer.clone(),
            state.clock.clone(),
            state.config.mail.clone(),
        ));
        let mut server = actix_web::HttpServer::new(move || wise_monitor::app(state.clone()))
            .bind(&listen)
            .with_context(|| format!("cannot listen on {listen}"))?;
        if workers > 0 {
            server = server.workers(workers);
        }
        for addr in server.addrs() {
            println!("wise-monitor is running: open http://{addr}/");
        }
        server.run().await.context("the HTTP server stopped")
    })
}
