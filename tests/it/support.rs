//! `TestApp`: a fresh database (an SQLite file in a temporary directory, or a new
//! PostgreSQL database that is dropped afterwards), migrated, with a client.
//!
//! What is dear is done once per test process and shared: the migrated schema (with and
//! without the demo) is a [`Snapshot`] every app's database is copied from, the shipped
//! templates are compiled once, and each app builds its service on its first request
//! and keeps it. A test that needs one world for many cases saves it as a snapshot
//! ([`TestApp::into_snapshot`]) and starts each case from a copy.

use std::cell::RefCell;
use std::io::Write as _;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use actix_web::cookie::Cookie;
use actix_web::http::header::HeaderMap;
use actix_web::http::StatusCode;
use actix_web::test::{self, TestRequest};
use chrono::{TimeZone, Utc};
use diesel::connection::SimpleConnection;
use diesel::Connection;
use wise_monitor::clock::{Clock, FixedClock};
use wise_monitor::config::Config;
use wise_monitor::db::{self, DbConn, PooledConn};
use wise_monitor::render::templates::Templates;
use wise_monitor::AppState;

/// The environment variable naming a PostgreSQL server for the PostgreSQL half of the tests.
pub const POSTGRES_ENV: &str = "WISE_TEST_POSTGRES_URL";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs every listed test once per backend: `mod <name> { fn sqlite(); fn postgres(); }`.
/// Without `WISE_TEST_POSTGRES_URL` the PostgreSQL half prints a visible "skipped" line.
#[macro_export]
macro_rules! backend_tests {
    ($(async fn $name:ident($app:ident) $body:block)*) => {
        $(
            mod $name {
                #[allow(unused_imports)]
                use super::*;

                #[actix_web::test]
                async fn sqlite() {
                    let $app = $crate::support::TestApp::builder().build($crate::support::Backend::Sqlite).await;
                    $body
                }

                #[actix_web::test]
                async fn postgres() {
                    if !$crate::support::postgres_available(concat!(module_path!(), "::postgres")) {
                        return;
                    }
                    let $app = $crate::support::TestApp::builder().build($crate::support::Backend::Postgres).await;
                    $body
                }
            }
        )*
    };
}

/// Whether the PostgreSQL half can run; prints "skipped: PostgreSQL" straight to the
/// terminal (past the test harness's capture) when it cannot.
pub fn postgres_available(test: &str) -> bool {
    if std::env::var(POSTGRES_ENV).is_ok_and(|v| !v.is_empty()) {
        return true;
    }
    let _ = writeln!(std::io::stderr(), "skipped: PostgreSQL ({test}: set {POSTGRES_ENV} to run it)");
    false
}

/// The moment every test app believes it is, unless a test moves its clock.
pub fn test_now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
}

/// A change to the configuration, applied before the app is built.
type ConfigChange = Box<dyn FnOnce(&mut Config)>;

#[derive(Default)]
pub struct TestAppBuilder<'a> {
    configure: Vec<ConfigChange>,
    demo: bool,
    from: Option<&'a Snapshot>,
}

impl<'a> TestAppBuilder<'a> {
    /// Changes the configuration before the app is built.
    pub fn config(mut self, f: impl FnOnce(&mut Config) + 'static) -> Self {
        self.configure.push(Box::new(f));
        self
    }

    /// Loads the demo data (the same fixture on every backend).
    pub fn demo(mut self) -> Self {
        self.demo = true;
        self
    }

    /// Starts from a copy of a world a test saved (see [`TestApp::into_snapshot`]).
    pub fn from(mut self, snapshot: &'a Snapshot) -> Self {
        self.from = Some(snapshot);
        self
    }

    pub async fn build(self, backend: Backend) -> TestApp {
        if std::env::var_os("RUST_LOG").is_some() {
            // Logs (an internal error's cause, say) into the failing test's output.
            let _ = tracing_subscriber::fmt()
                .with_test_writer()
                .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
                .try_init();
        }
        // Every app starts from a copy: of the migrated schema (with or without the
        // demo), made once per test process and backend, or of a saved world.
        let snapshot = match self.from {
            Some(snapshot) => {
                assert_eq!(snapshot.backend, backend, "a snapshot serves its own backend");
                snapshot
            }
            None => Snapshot::base(backend, self.demo),
        };
        let (mut config, database, files) = snapshot.copy();
        let shipped = (config.template_override_dir().is_none(), config.templates.reload);
        for f in self.configure {
            f(&mut config);
        }
        // The shipped templates are compiled once per process (it takes about a second);
        // an app whose configuration changes them compiles its own.
        let templates = if (config.template_override_dir().is_none(), config.templates.reload) == shipped {
            static SHIPPED: std::sync::OnceLock<Arc<Templates>> = std::sync::OnceLock::new();
            SHIPPED.get_or_init(|| Arc::new(compile(&config))).clone()
        } else {
            Arc::new(compile(&config))
        };
        let pool = db::open_pool(&config.database.url, config.database.pool_size, config.database.busy_timeout_ms)
            .expect("open test database");
        let clock = Arc::new(FixedClock::new(test_now()));
        let (mailer, mailbox) = wise_monitor::mail::Mailer::memory(&config.mail.from);
        let state = AppState::with_templates(config, pool, clock.clone(), mailer, templates);
        TestApp { state, clock, mailbox, backend, database, files, service: RefCell::new(None) }
    }
}

fn compile(config: &Config) -> Templates {
    Templates::new(config.template_override_dir(), config.templates.reload).expect("templates")
}

/// A database (and the files the app keeps) that apps start from as copies: an SQLite
/// file is copied, a PostgreSQL database is the template of a new one.
pub struct Snapshot {
    backend: Backend,
    database: TestDatabase,
    files: tempfile::TempDir,
}

impl Snapshot {
    /// The migrated schema, with or without the demo data: made once per test process.
    fn base(backend: Backend, demo: bool) -> &'static Snapshot {
        static BASES: [std::sync::OnceLock<Snapshot>; 4] = [const { std::sync::OnceLock::new() }; 4];
        let slot = match backend {
            Backend::Sqlite => 0,
            Backend::Postgres => 2,
        } + usize::from(demo);
        BASES[slot].get_or_init(|| {
            // The bases live as long as the process: remove those of test processes gone.
            remove_bases_of_ended_processes(backend);
            let (config, database, files) = TestDatabase::create(backend);
            let pool =
                db::open_pool(&config.database.url, 1, config.database.busy_timeout_ms).expect("open test database");
            let mut conn = pool.get().expect("connection");
            db::migrate(&mut conn).expect("migrations");
            if demo {
                // As `serve --demo`: the sample evidence in the files directory the copies take.
                wise_monitor::demo::certificates::keep_evidence(&config.certificates.evidence_dir).expect("evidence");
                wise_monitor::demo::fill_if_empty(&mut conn, db::timestamp(test_now())).expect("demo data");
            }
            checkpoint(&mut conn);
            drop(conn);
            drop(pool);
            Snapshot { backend, database, files }
        })
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A new database and files directory with this one's contents, and the
    /// configuration that uses them.
    fn copy(&self) -> (Config, TestDatabase, tempfile::TempDir) {
        let (config, database, files) = TestDatabase::create_from(self.backend, Some(&self.database));
        copy_dir(self.files.path(), files.path());
        (config, database, files)
    }
}

/// Drops the PostgreSQL databases of test processes that ended (a base snapshot is
/// never dropped: it lives in a static).
fn remove_bases_of_ended_processes(backend: Backend) {
    let Backend::Postgres = backend else { return };
    let admin_url = std::env::var(POSTGRES_ENV).expect("checked by postgres_available");
    use diesel::RunQueryDsl;
    let Ok(mut admin) = diesel::PgConnection::establish(&admin_url) else { return };
    #[derive(diesel::QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        datname: String,
    }
    let names: Vec<Name> = diesel::sql_query("SELECT datname FROM pg_database WHERE datname LIKE 'wise\\_test\\_%'")
        .load(&mut admin)
        .unwrap_or_default();
    for Name { datname } in names {
        let pid = datname.split('_').nth(2).unwrap_or_default();
        if !pid.is_empty() && !std::path::Path::new("/proc").join(pid).exists() {
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {datname} WITH (FORCE)"));
        }
    }
}

/// Moves what SQLite's write-ahead log holds into the database file, so a copy of the
/// file has it all.
fn checkpoint(conn: &mut DbConn) {
    if let DbConn::Sqlite(_) = conn {
        conn.batch_execute("PRAGMA wal_checkpoint(TRUNCATE)").expect("checkpoint");
    }
}

/// Copies the files of `from` (recursively) into `to`.
fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).expect("read the snapshot's files") {
        let entry = entry.expect("directory entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            std::fs::create_dir_all(&target).expect("create directory");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a kept file");
        }
    }
}

fn fresh_database_name() -> String {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    format!("wise_test_{}_{}_{}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed), rand::random::<u32>())
}

/// The admin URL with its database name replaced.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_part = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    format!("{host_part}/{name}{query}")
}

/// A test's database: an SQLite file in a temporary directory, or a PostgreSQL
/// database that is dropped with it.
enum TestDatabase {
    Sqlite(tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl TestDatabase {
    fn create(backend: Backend) -> (Config, TestDatabase, tempfile::TempDir) {
        Self::create_from(backend, None)
    }

    /// An empty database, or a copy of `source`; the configuration names it, and a
    /// new directory for the files the app keeps (a need's attachments).
    fn create_from(backend: Backend, source: Option<&TestDatabase>) -> (Config, TestDatabase, tempfile::TempDir) {
        let mut config = Config::defaults();
        let database = match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary directory");
                let path = dir.path().join("test.db");
                if let Some(TestDatabase::Sqlite(source)) = source {
                    std::fs::copy(source.path().join("test.db"), &path).expect("copy the SQLite snapshot");
                }
                config.database.url = format!("sqlite://{}", path.display());
                TestDatabase::Sqlite(dir)
            }
            Backend::Postgres => {
                let admin_url = std::env::var(POSTGRES_ENV).expect("checked by postgres_available");
                let name = fresh_database_name();
                let mut admin = diesel::PgConnection::establish(&admin_url)
                    .unwrap_or_else(|e| panic!("cannot connect to {POSTGRES_ENV}={admin_url}: {e}"));
                let template = match source {
                    Some(TestDatabase::Postgres { name, .. }) => format!(" TEMPLATE {name}"),
                    _ => String::new(),
                };
                admin.batch_execute(&format!("CREATE DATABASE {name}{template}")).expect("create test database");
                config.database.url = with_database(&admin_url, &name);
                TestDatabase::Postgres { admin_url, name }
            }
        };
        config.database.pool_size = 4;
        let files = tempfile::tempdir().expect("temporary directory");
        config.needs.attachments_dir = files.path().display().to_string();
        config.certificates.evidence_dir = files.path().join("certificates").display().to_string();
        (config, database, files)
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let TestDatabase::Postgres { admin_url, name } = self {
            if let Ok(mut admin) = diesel::PgConnection::establish(admin_url) {
                let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

#[allow(dead_code)] // `clock` and `backend` serve the journeys that move time or differ per backend
pub struct TestApp {
    /// First, so its connections close before the database is dropped.
    pub state: AppState,
    pub clock: Arc<FixedClock>,
    /// Mail the outbox sender delivered (see [`TestApp::deliver_mail`]).
    pub mailbox: wise_monitor::mail::Mailbox,
    pub backend: Backend,
    database: TestDatabase,
    files: tempfile::TempDir,
    /// The app as a service, built on the first request.
    service: RefCell<Option<Service>>,
}

/// The app as a service: a request in, the response read in full.
type Service = Rc<dyn Fn(TestRequest) -> std::pin::Pin<Box<dyn std::future::Future<Output = Response>>>>;

impl TestApp {
    /// Closes the app and keeps its database and files, for other apps to start from
    /// a copy ([`TestAppBuilder::from`]): a world built once, used fresh many times.
    pub fn into_snapshot(self) -> Snapshot {
        let TestApp { state, backend, database, files, .. } = self;
        checkpoint(&mut state.pool.get().expect("connection"));
        drop(state);
        Snapshot { backend, database, files }
    }
}

/// A response, read in full.
pub struct Response {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The `Set-Cookie` headers, parsed.
    pub fn cookies(&self) -> Vec<Cookie<'static>> {
        self.headers
            .get_all(actix_web::http::header::SET_COOKIE)
            .filter_map(|v| v.to_str().ok())
            .filter_map(|v| Cookie::parse(v.to_string()).ok())
            .collect()
    }

    /// The CSRF token of the first form on the page.
    pub fn csrf_token(&self) -> String {
        let marker = "name=\"csrf_token\" value=\"";
        let start = self.body.find(marker).unwrap_or_else(|| panic!("no CSRF token in:\n{}", self.body)) + marker.len();
        self.body[start..].chars().take_while(|c| *c != '"').collect()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    #[track_caller]
    pub fn assert_status(&self, status: u16) -> &Self {
        assert_eq!(self.status.as_u16(), status, "unexpected status; body:\n{}", self.body);
        self
    }

    #[track_caller]
    pub fn assert_contains(&self, text: &str) -> &Self {
        assert!(self.body.contains(text), "{text:?} not found in:\n{}", self.body);
        self
    }
}

impl TestApp {
    pub fn builder<'a>() -> TestAppBuilder<'a> {
        TestAppBuilder::default()
    }

    pub fn conn(&self) -> PooledConn {
        self.state.pool.get().expect("connection")
    }

    /// Runs `f` with a connection (for arranging data).
    pub fn with_conn<T>(&self, f: impl FnOnce(&mut DbConn) -> T) -> T {
        f(&mut self.conn())
    }

    pub async fn send(&self, request: TestRequest) -> Response {
        let existing = self.service.borrow().clone();
        let service = match existing {
            Some(service) => service,
            None => {
                // Built on the first request and kept: building the app (every route,
                // the OpenAPI document) costs far more than answering a request.
                let app = Rc::new(test::init_service(wise_monitor::app(self.state.clone())).await);
                let service: Service = Rc::new(move |request: TestRequest| {
                    let app = app.clone();
                    Box::pin(async move {
                        let res = test::call_service(&*app, request.to_request()).await;
                        let status = res.status();
                        let headers = res.headers().clone();
                        let body = test::read_body(res).await;
                        Response { status, headers, body: String::from_utf8(body.to_vec()).expect("UTF-8 body") }
                    })
                });
                *self.service.borrow_mut() = Some(service.clone());
                service
            }
        };
        service(request).await
    }

    pub async fn get(&self, path: &str) -> Response {
        self.send(TestRequest::get().uri(path)).await
    }

    /// A GET from a visitor whose browser prefers `lang`.
    pub async fn get_in(&self, lang: &str, path: &str) -> Response {
        self.send(TestRequest::get().uri(path).insert_header(("Accept-Language", lang))).await
    }
}

/// A browser: the cookies it holds and the CSRF token its forms carry.
#[derive(Clone, Default)]
pub struct Browser {
    pub cookies: Vec<Cookie<'static>>,
    pub csrf: String,
    /// The client IP the requests come from.
    pub ip: Option<std::net::SocketAddr>,
}

impl Browser {
    /// Keeps the cookies a response sets (an expired one is dropped).
    pub fn absorb(&mut self, res: &Response) {
        for cookie in res.cookies() {
            self.cookies.retain(|c| c.name() != cookie.name());
            let expired = cookie.max_age().is_some_and(|a| a.is_zero()) || cookie.value().is_empty();
            if !expired {
                self.cookies.push(cookie);
            }
        }
    }

    pub fn cookie(&self, name: &str) -> Option<&Cookie<'static>> {
        self.cookies.iter().find(|c| c.name() == name)
    }

    pub fn at_ip(mut self, ip: &str) -> Self {
        self.ip = Some(format!("{ip}:40000").parse().expect("ip"));
        self
    }
}

/// A user made for a test; every one has the same strong password.
#[derive(Clone)]
pub struct TestUser {
    pub id: i32,
    pub email: String,
}

pub const PASSWORD: &str = "tulpen-fiets-grachtenpand-42";

impl TestApp {
    /// Creates a user with [`PASSWORD`] (a `wise` user works for `organisation`).
    pub fn add_user(&self, role: &str, organisation: Option<i32>) -> TestUser {
        use wise_monitor::users::{model::Role, store};
        use wise_monitor::web::auth::password;
        static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        let hash = HASH.get_or_init(|| password::hash_blocking(PASSWORD));
        static N: AtomicUsize = AtomicUsize::new(0);
        let email = format!("{role}{}@example.nl", N.fetch_add(1, Ordering::Relaxed));
        let input = store::NewUser {
            email: email.clone(),
            name: format!("Test {role}"),
            role: role.into(),
            language: "nl".into(),
            organisation_kvk: None,
        };
        let role = Role::parse(role).expect("role");
        let id = self
            .with_conn(|c| store::create_user(c, &input, role, organisation, Some(hash), db::timestamp(test_now())))
            .expect("create user");
        TestUser { id, email }
    }

    /// A visitor who opened the home page (and so holds a CSRF cookie and token).
    pub async fn visitor(&self) -> Browser {
        let mut browser = Browser::default();
        self.refresh(&mut browser).await;
        browser
    }

    /// Reloads a page to pick up the browser's current CSRF token.
    pub async fn refresh(&self, browser: &mut Browser) {
        let res = self.get_with(browser, "/").await;
        browser.csrf = res.csrf_token();
    }

    /// Signs in through the sign-in form.
    pub async fn sign_in(&self, email: &str, password: &str) -> Browser {
        let mut browser = self.visitor().await;
        let res = self.post_form(&mut browser, "/sign-in", &[("email", email), ("password", password)]).await;
        assert_eq!(res.status.as_u16(), 303, "sign-in failed: {}", res.body);
        self.refresh(&mut browser).await;
        browser
    }

    pub async fn sign_in_as(&self, user: &TestUser) -> Browser {
        self.sign_in(&user.email, PASSWORD).await
    }

    fn with_browser(browser: &Browser, mut request: TestRequest) -> TestRequest {
        for cookie in &browser.cookies {
            request = request.cookie(cookie.clone());
        }
        if let Some(ip) = browser.ip {
            request = request.peer_addr(ip);
        }
        request
    }

    pub async fn get_with(&self, browser: &mut Browser, path: &str) -> Response {
        let res = self.send(Self::with_browser(browser, TestRequest::get().uri(path))).await;
        browser.absorb(&res);
        res
    }

    /// Submits a form with the browser's CSRF token.
    pub async fn post_form(&self, browser: &mut Browser, path: &str, fields: &[(&str, &str)]) -> Response {
        let mut form: Vec<(&str, &str)> = vec![("csrf_token", browser.csrf.as_str())];
        form.extend_from_slice(fields);
        let body = serde_html_form::to_string(&form).expect("form");
        let request = TestRequest::post()
            .uri(path)
            .insert_header(("Content-Type", "application/x-www-form-urlencoded"))
            .set_payload(body);
        let res = self.send(Self::with_browser(browser, request)).await;
        browser.absorb(&res);
        res
    }

    /// Sends a page's file form as `multipart/form-data`: `csrf_token` (as given, so a
    /// test can send a wrong one), an empty text box `csv`, and the file `file`.
    pub async fn post_file(
        &self,
        browser: &mut Browser,
        path: &str,
        csrf: &str,
        name: &str,
        content: &[u8],
    ) -> Response {
        let boundary = "----wise-monitor-test-boundary";
        let mut body = Vec::new();
        for (field, value) in [("csrf_token", csrf), ("csv", "")] {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let request = TestRequest::post()
            .uri(path)
            .insert_header(("Content-Type", format!("multipart/form-data; boundary={boundary}")))
            .set_payload(body);
        let res = self.send(Self::with_browser(browser, request)).await;
        browser.absorb(&res);
        res
    }

    /// Runs the outbox sender once, into [`TestApp::mailbox`].
    pub fn deliver_mail(&self) -> wise_monitor::mail::outbox::DeliveryReport {
        let now = db::timestamp(self.clock.now());
        self.with_conn(|c| wise_monitor::mail::outbox::deliver_due(c, &self.state.mailer, now, 60, 8)).expect("deliver")
    }

    /// Keys of the mails in the outbox that start with `prefix`, in the order they were queued.
    pub fn outbox_keys(&self, prefix: &str) -> Vec<String> {
        use diesel::prelude::*;
        use wise_monitor::db::schema::outbox;
        self.with_conn(|c| {
            outbox::table
                .filter(outbox::idempotency_key.like(format!("{prefix}%")))
                .select(outbox::idempotency_key.assume_not_null())
                .order(outbox::id)
                .load(c)
                .unwrap()
        })
    }

    /// Marks every claimed certificate of WISE `organisation` verified by the operator
    /// (as the queue would, without the evidence and the mail).
    pub fn verify_certificates(&self, organisation: i32) {
        use diesel::prelude::*;
        use wise_monitor::db::schema::certificates;
        let now = db::timestamp(test_now());
        self.with_conn(|c| {
            diesel::update(certificates::table.filter(certificates::organisation_id.eq(organisation)))
                .set((
                    certificates::state.eq("verified"),
                    certificates::decided_at.eq(now),
                    certificates::verified_at.eq(now),
                ))
                .execute(c)
                .unwrap()
        });
    }

    /// An approved buying organisation (a company in Utrecht) and a buyer of it.
    pub fn buying_organisation(&self, name: &str, kvk: &str) -> (i32, TestUser) {
        let input = wise_monitor::buying::BuyingInput {
            name: name.into(),
            kvk_number: kvk.into(),
            kind: "company".into(),
            municipality: "Utrecht".into(),
        };
        let now = db::timestamp(test_now());
        let id = self.with_conn(|c| wise_monitor::buying::store::create(c, &input, "approved", now)).unwrap();
        (id, self.add_user("buyer", Some(id)))
    }
}

/// The first link in a text that starts with `prefix`.
pub fn link_in(text: &str, prefix: &str) -> String {
    let start = text.find(prefix).unwrap_or_else(|| panic!("no {prefix} link in:\n{text}"));
    text[start..].split_whitespace().next().unwrap().to_string()
}

/// Every file under `folder` of the repository (e.g. `src`) whose name ends in `.ext`,
/// in a stable order.
pub fn repository_files(folder: &str, ext: &str) -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, ext: &str, files: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, ext, files);
            } else if path.extension().is_some_and(|e| e == ext) {
                files.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder), ext, &mut files);
    files.sort();
    files
}
