//! The browser tests' world: the real `wise-monitor` binary serving a fresh demo
//! database on 127.0.0.1, Debian's Chromium driven through chromedriver (WebDriver),
//! axe-core from the npm registry (`tests/browser/node_modules`, installed by
//! `npm ci --prefix tests/browser`), and screenshots written under the target folder.

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::wd::{PrintConfiguration, PrintSize};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Poppler's tools read the printed PDF (Debian package `poppler-utils`).
pub const PDFTOTEXT: &str = "/usr/bin/pdftotext";
pub const PDFINFO: &str = "/usr/bin/pdfinfo";
/// The password of the demo accounts (`src/demo/mod.rs`).
pub const DEMO_PASSWORD: &str = wise_monitor::demo::DEMO_PASSWORD;

pub fn axe_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/node_modules/axe-core/axe.min.js")
}

/// Whether Chromium, chromedriver and axe-core are there; prints a visible notice when not.
pub fn available(test: &str) -> bool {
    let missing: Vec<String> = [
        PathBuf::from(CHROMIUM),
        PathBuf::from(CHROMEDRIVER),
        PathBuf::from(PDFTOTEXT),
        PathBuf::from(PDFINFO),
        axe_path(),
    ]
    .into_iter()
    .filter(|p| !p.is_file())
    .map(|p| p.display().to_string())
    .collect();
    if missing.is_empty() {
        return true;
    }
    let _ = writeln!(
        std::io::stderr(),
        "skipped: browser ({test}: missing {}; install Debian's chromium, chromium-driver and poppler-utils and run npm ci --prefix tests/browser)",
        missing.join(", ")
    );
    false
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn wait_for_port(port: u16, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "{what} did not start listening on port {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A child process ended (by its pid) when dropped.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The platform as a user gets it: the release binary's `serve --demo` on a fresh database.
pub struct Server {
    _process: Process,
    pub base: String,
    dir: tempfile::TempDir,
}

impl Server {
    pub fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let base = format!("http://127.0.0.1:{port}");
        let mut command = Command::new(env!("CARGO_BIN_EXE_wise-monitor"));
        for (key, _) in std::env::vars() {
            if key.starts_with("WISE_") {
                command.env_remove(key);
            }
        }
        let child = command
            .args(["serve", "--demo", "--listen", &format!("127.0.0.1:{port}")])
            .env("WISE_DATABASE_URL", format!("sqlite://{}", dir.path().join("wise.db").display()))
            .env("WISE_SERVER__BASE_URL", &base)
            .env("WISE_MAIL__FILE_DIR", dir.path().join("mail"))
            // The outbox sender and the digests would only add noise here.
            .env("WISE_SCHEDULES__REPORTING_REMINDERS", "")
            .env("WISE_SCHEDULES__SECTOR_SUMMARY", "")
            .env("WISE_SCHEDULES__SAVED_SEARCH_DAILY", "")
            .env("WISE_SCHEDULES__SAVED_SEARCH_WEEKLY", "")
            .env("WISE_SCHEDULES__NEEDS", "")
            .env("WISE_NEEDS__ATTACHMENTS_DIR", dir.path().join("attachments"))
            .env("WISE_CERTIFICATES__EVIDENCE_DIR", dir.path().join("certificates"))
            .env("WISE_MAIL__POLL_SECONDS", "1")
            .env("WISE_AUTH__RATE_LIMIT_PER_IP", "10000")
            .env("WISE_AUTH__RATE_LIMIT_PER_ACCOUNT", "1000")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start wise-monitor serve");
        let process = Process(child);
        wait_for_port(port, "wise-monitor");
        Server { _process: process, base, dir }
    }

    /// The mails written so far (the file transport), oldest first, as raw text.
    fn mails(&self) -> Vec<String> {
        let Ok(entries) = std::fs::read_dir(self.dir.path().join("mail")) else {
            return Vec::new();
        };
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
            .filter_map(Result::ok)
            .map(|e| (e.metadata().and_then(|m| m.modified()).unwrap_or(std::time::UNIX_EPOCH), e.path()))
            .collect();
        files.sort();
        files.into_iter().filter_map(|(_, p)| std::fs::read_to_string(p).ok()).collect()
    }

    /// The first link to `path_prefix` on this server in the newest mail to `to`
    /// (waiting, at most 30 s, for the outbox sender to write it).
    pub fn link_in_mail(&self, to: &str, path_prefix: &str) -> String {
        let wanted = format!("{}{path_prefix}", self.base);
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            for raw in self.mails().iter().rev() {
                let Ok(mail) = mailparse::parse_mail(raw.as_bytes()) else { continue };
                let addressed = mail
                    .headers
                    .iter()
                    .any(|h| h.get_key_ref().eq_ignore_ascii_case("to") && h.get_value().contains(to));
                let text: String = mail.subparts.iter().chain([&mail]).filter_map(|p| p.get_body().ok()).collect();
                if !addressed {
                    continue;
                }
                if let Some(start) = text.find(&wanted) {
                    let link: String =
                        text[start..].chars().take_while(|c| !c.is_whitespace() && *c != '"' && *c != '<').collect();
                    return link;
                }
            }
            assert!(Instant::now() < deadline, "no mail to {to} with a link to {path_prefix}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Browser {
    /// Ends the WebDriver session with a plain request (a drop cannot wait on the async
    /// client), so chromedriver quits Chromium; then the driver itself is killed.
    fn drop(&mut self) {
        use std::io::Read;
        let Some(session) = &self.session else { return };
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.driver_port)) else { return };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
        let request = format!(
            "DELETE /session/{session} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
            self.driver_port
        );
        if stream.write_all(request.as_bytes()).is_ok() {
            let _ = stream.read_to_end(&mut Vec::new());
        }
    }
}

/// chromedriver and one headless Chromium session.
pub struct Browser {
    pub client: Client,
    pub base: String,
    /// chromedriver's port and the session's id: dropping the browser ends the session,
    /// so chromedriver closes Chromium before it is killed (else Chromium lives on).
    driver_port: u16,
    session: Option<String>,
    _driver: Process,
    /// Where screenshots go.
    pub shots: PathBuf,
    /// Clicks so far (a link, a button, a box ticked, a choice from a list): the
    /// journeys count what they ask of a user.
    clicks: std::sync::atomic::AtomicU32,
}

impl Browser {
    pub async fn start(base: &str) -> Self {
        let port = free_port();
        let driver = Process(
            Command::new(CHROMEDRIVER)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start chromedriver"),
        );
        wait_for_port(port, "chromedriver");
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": CHROMIUM,
                "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--window-size=1280,900", "--lang=nl-NL", "--hide-scrollbars"],
                "prefs": { "intl.accept_languages": "nl-NL,nl" },
            }),
        );
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("a Chromium session");
        let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
        std::fs::create_dir_all(&shots).unwrap();
        let session = client.session_id().await.ok().flatten();
        Browser {
            client,
            base: base.to_string(),
            driver_port: port,
            session,
            _driver: driver,
            shots,
            clicks: Default::default(),
        }
    }

    pub async fn goto(&self, path: &str) {
        self.client.goto(&format!("{}{path}", self.base)).await.unwrap_or_else(|e| panic!("open {path}: {e}"));
    }

    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.unwrap();
        let mut path = url.path().to_string();
        if let Some(q) = url.query() {
            path.push('?');
            path.push_str(q);
        }
        path
    }

    pub async fn find(&self, css: &str) -> Element {
        match self.client.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css(css)).await {
            Ok(element) => element,
            Err(e) => panic!("no {css} on {}: {e}\n{}", self.path_now().await, self.source().await),
        }
    }

    async fn source(&self) -> String {
        self.client.source().await.unwrap_or_default()
    }

    async fn path_now(&self) -> String {
        self.client.current_url().await.map(|u| u.to_string()).unwrap_or_default()
    }

    /// Clears a field and types `value` into it.
    pub async fn fill(&self, css: &str, value: &str) {
        let field = self.find(css).await;
        field.clear().await.unwrap();
        field.send_keys(value).await.unwrap_or_else(|e| panic!("type into {css}: {e}"));
    }

    /// The clicks counted so far.
    pub fn clicks(&self) -> u32 {
        self.clicks.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Counts a click the test made on an element itself.
    pub fn count_click(&self) {
        self.clicks.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }

    pub async fn select(&self, css: &str, value: &str) {
        self.count_click();
        let field = self.find(css).await;
        field.select_by_value(value).await.unwrap_or_else(|e| panic!("choose {value} in {css}: {e}"));
    }

    /// Clicks an element; when it is a link or a submit button, waits until the next
    /// page has loaded (so nothing afterwards reads the page that was left).
    pub async fn click(&self, css: &str) {
        self.count_click();
        let element = self.find(css).await;
        let tag = element.tag_name().await.unwrap().to_ascii_lowercase();
        let kind = element.prop("type").await.unwrap().unwrap_or_default();
        let navigates = tag == "a" || (matches!(tag.as_str(), "button" | "input") && kind == "submit");
        if navigates {
            self.mark_page().await;
        }
        element.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
        if navigates {
            self.wait_for_next_page(css).await;
        }
    }

    /// Marks the current page, so [`Self::wait_for_next_page`] can tell it from the next.
    pub async fn mark_page(&self) {
        self.script("window.__wiseLeaving = true; return null;").await;
    }

    /// Waits until a page without the mark has loaded completely.
    pub async fn wait_for_next_page(&self, after: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let state =
                self.client.execute("return window.__wiseLeaving ? 'old' : document.readyState;", Vec::new()).await;
            if matches!(state, Ok(Value::String(s)) if s == "complete") {
                return;
            }
            assert!(Instant::now() < deadline, "no new page loaded after {after}");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The page's visible text.
    pub async fn text(&self) -> String {
        for _ in 0..20 {
            match self.find("body").await.text().await {
                Ok(text) => return text,
                // The page changed under us: read the new one.
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
        panic!("cannot read the page at {}", self.path_now().await)
    }

    pub async fn assert_text(&self, needle: &str) {
        let text = self.text().await;
        assert!(text.contains(needle), "{needle:?} is not on {}:\n{text}", self.path_now().await);
    }

    pub async fn sign_in(&self, email: &str, password: &str) {
        self.client.delete_all_cookies().await.unwrap();
        self.goto("/sign-in").await;
        self.fill("input[name=email]", email).await;
        self.fill("input[name=password]", password).await;
        self.click("main form button[type=submit]").await;
        self.find("form.sign-out").await;
    }

    /// Chooses the interface language with the switch in the page header.
    pub async fn language(&self, code: &str) {
        self.click(&format!("form.language-switch button[value={code}]")).await;
        self.find(&format!("html[lang={code}]")).await;
    }

    /// Fetches a same-site URL inside the page (with the session), as a download would.
    pub async fn fetch_text(&self, path: &str) -> String {
        let text = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 fetch(arguments[0]).then(r => r.text()).then(done, e => done('fetch failed: ' + e));",
                vec![json!(path)],
            )
            .await
            .unwrap();
        text.as_str().unwrap_or_default().to_string()
    }

    pub async fn script(&self, source: &str) -> Value {
        self.client.execute(source, Vec::new()).await.unwrap_or_else(|e| panic!("script failed: {e}\n{source}"))
    }

    /// Runs axe-core on the page; fails on any serious or critical violation.
    pub async fn assert_accessible(&self, page: &str) {
        let has_axe = self.script("return typeof window.axe !== 'undefined';").await;
        if has_axe != Value::Bool(true) {
            let source = std::fs::read_to_string(axe_path()).unwrap();
            self.script(&source).await;
        }
        let found = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] }).then(r => done(
                   r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                  nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 120)) }))));",
                Vec::new(),
            )
            .await
            .unwrap();
        let list = found.as_array().cloned().unwrap_or_default();
        assert!(
            list.is_empty(),
            "axe: serious or critical violations on {page}:\n{}",
            serde_json::to_string_pretty(&list).unwrap()
        );
    }

    /// Fails when anything is wider than the window (horizontal scrolling).
    pub async fn assert_no_overflow(&self, page: &str) {
        let wide = self
            .script(
                "const width = document.documentElement.clientWidth;
                 const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) {
                   if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true; } return false; };
                 const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className.trim().replace(/ +/g, '.') : '') + '(' + Math.round(e.getBoundingClientRect().width) + ')';
                 const over = [...document.querySelectorAll('body *')]
                   .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 1 && !scrolls(e); })
                   .slice(0, 8).map(name);
                 const first = [...document.querySelectorAll('body *')].find(e => e.getBoundingClientRect().right > width + 1);
                 const chain = []; for (let p = first; p; p = p.parentElement) chain.push(name(p) + ':' + getComputedStyle(p).overflowX);
                 return { scroll: document.documentElement.scrollWidth, width, over, chain };",
            )
            .await;
        assert!(
            wide["scroll"].as_i64() <= wide["width"].as_i64() && wide["over"].as_array().is_some_and(|o| o.is_empty()),
            "{page} overflows at {} px: {wide}",
            wide["width"]
        );
    }

    /// Every visible field is styled: text of at least 16 px (phones do not zoom in) and
    /// at least 40 px tall (room to tap); check boxes and radio buttons excepted.
    pub async fn assert_fields_styled(&self, page: &str) {
        let bad = self
            .script(
                "return [...document.querySelectorAll('input, select, textarea')]
                   .filter(e => !['hidden', 'checkbox', 'radio', 'submit'].includes(e.type) && e.getClientRects().length > 0)
                   .map(e => ({ name: e.name || e.id, font: parseFloat(getComputedStyle(e).fontSize), height: e.getBoundingClientRect().height }))
                   .filter(f => f.font < 16 || f.height < 40);",
            )
            .await;
        assert!(bad.as_array().is_some_and(|b| b.is_empty()), "{page}: fields too small: {bad}");
    }

    /// Every text in the page's charts lies inside its chart: no label is cut off.
    pub async fn assert_chart_text_inside(&self, page: &str) {
        let clipped = self
            .script(
                "const out = [];
                 for (const svg of document.querySelectorAll('svg.chart__svg')) {
                   const box = svg.getBoundingClientRect();
                   for (const t of svg.querySelectorAll('text')) {
                     const r = t.getBoundingClientRect();
                     if (r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1))
                       out.push(t.textContent);
                   }
                 }
                 return out;",
            )
            .await;
        assert!(clipped.as_array().is_some_and(|c| c.is_empty()), "{page}: chart labels cut off: {clipped}");
    }

    /// Writes the whole page as `{name}-{lang}-{width}.png` at that width.
    pub async fn screenshot(&self, name: &str, lang: &str, width: u32) {
        self.client.set_window_size(width, 900).await.unwrap();
        let height = self.script("return document.documentElement.scrollHeight;").await.as_u64().unwrap_or(900);
        self.client.set_window_size(width, height.clamp(600, 6000) as u32).await.unwrap();
        let png = self.client.screenshot().await.unwrap();
        std::fs::write(self.shots.join(format!("{name}-{lang}-{width}.png")), png).unwrap();
        self.client.set_window_size(width, 900).await.unwrap();
    }

    /// Prints the page as the browser's "Print to PDF" does (the WebDriver print
    /// command), on A4; writes it as `{name}.pdf` beside the screenshots and returns its
    /// page count and its text (Poppler's `pdfinfo` and `pdftotext`).
    pub async fn print_pdf(&self, name: &str) -> (u32, String) {
        let config = PrintConfiguration::builder().size(PrintSize::A4).build().unwrap();
        let pdf = self.client.print(config).await.unwrap_or_else(|e| panic!("print {name}: {e}"));
        assert!(pdf.starts_with(b"%PDF-"), "{name} printed no PDF");
        let path = self.shots.join(format!("{name}.pdf"));
        std::fs::write(&path, pdf).unwrap();
        let run = |tool: &str, args: &[&str]| {
            let out = Command::new(tool).args(args).arg(&path).output().expect(tool);
            assert!(out.status.success(), "{tool}: {}", String::from_utf8_lossy(&out.stderr));
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        let info = run(PDFINFO, &[]);
        let pages = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("no page count in pdfinfo's output:\n{info}"));
        let size = info.lines().find(|l| l.starts_with("Page size:")).unwrap_or_default().to_string();
        // A4 is 595 × 842 points.
        assert!(size.contains("595") && (size.contains("841") || size.contains("842")), "{name} is not A4: {size}");
        // Writes `{name}.txt` beside the PDF.
        run(PDFTOTEXT, &["-layout", "-enc", "UTF-8"]);
        (pages, std::fs::read_to_string(path.with_extension("txt")).unwrap())
    }
}
