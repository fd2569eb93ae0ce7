//! A real SMTP server for the mail tests: Postfix's `smtp-sink` (Debian package
//! `postfix`, installed by `.ci/run`) on 127.0.0.1, dumping every message it accepts
//! into a folder that the tests read back. Where it is not installed the tests that
//! need it print a visible "skipped: smtp-sink" line instead of passing silently.

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A message as smtp-sink received it.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    /// The envelope sender (`MAIL FROM`).
    pub from: String,
    /// The envelope recipients (`RCPT TO`).
    pub to: Vec<String>,
    /// Headers and body as sent (line ends as `\n`).
    pub message: String,
}

impl Received {
    /// The first header of that name (case-insensitive), unfolded.
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.message.split("\n\n").next().unwrap_or("");
        let mut value: Option<String> = None;
        for line in head.lines() {
            if let Some(v) = value.as_mut() {
                if line.starts_with([' ', '\t']) {
                    v.push(' ');
                    v.push_str(line.trim());
                    continue;
                }
                break;
            }
            if let Some((n, v)) = line.split_once(':') {
                if n.eq_ignore_ascii_case(name) {
                    value = Some(v.trim().to_string());
                }
            }
        }
        value
    }
}

/// A running smtp-sink; stopped (by its pid) when dropped.
pub(crate) struct SmtpSink {
    child: Child,
    pub port: u16,
    dir: tempfile::TempDir,
}

/// smtp-sink's path, if installed.
fn program() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).map(|p| p.join("smtp-sink")).collect::<Vec<_>>())
        .unwrap_or_default();
    on_path.into_iter().chain([PathBuf::from("/usr/sbin/smtp-sink")]).find(|p| p.is_file())
}

fn running_as_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// A port on 127.0.0.1 where nothing listens (yet).
pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl SmtpSink {
    /// Starts smtp-sink on `port`; `None` (after a visible notice) where it is not installed.
    pub fn start_on(port: u16, test: &str) -> Option<Self> {
        let Some(program) = program() else {
            let _ = writeln!(std::io::stderr(), "skipped: smtp-sink ({test}: install Debian's postfix to run it)");
            return None;
        };
        let dir = tempfile::tempdir().unwrap();
        let mut command = Command::new(program);
        if running_as_root() {
            // smtp-sink drops root for this user, who must be able to write the dumps.
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
            command.args(["-u", "nobody"]);
        }
        let child = command
            .arg("-d")
            .arg(format!("{}/%M.", dir.path().display()))
            .arg(format!("127.0.0.1:{port}"))
            .arg("10")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start smtp-sink");
        let sink = SmtpSink { child, port, dir };
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "smtp-sink did not start listening on port {port}");
            std::thread::sleep(Duration::from_millis(20));
        }
        Some(sink)
    }

    pub fn start(test: &str) -> Option<Self> {
        Self::start_on(free_port(), test)
    }

    /// The messages received so far, waiting (at most 10 s) until there are `n`.
    pub fn received(&self, n: usize) -> Vec<Received> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let found = self.read();
            if found.len() >= n || Instant::now() >= deadline {
                return found;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Every complete dump (a dump ends with an empty line).
    fn read(&self) -> Vec<Received> {
        let mut list = Vec::new();
        for entry in std::fs::read_dir(self.dir.path()).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
            if !text.ends_with("\n\n") {
                continue;
            }
            let (mut from, mut to, mut message) = (String::new(), Vec::new(), String::new());
            let mut lines = text.lines();
            for line in lines.by_ref() {
                if let Some(v) = line.strip_prefix("X-Mail-Args: ") {
                    from = v.split_whitespace().next().unwrap_or("").trim_matches(['<', '>']).to_string();
                } else if let Some(v) = line.strip_prefix("X-Rcpt-Args: ") {
                    to.push(v.split_whitespace().next().unwrap_or("").trim_matches(['<', '>']).to_string());
                } else if !line.starts_with("X-") {
                    message.push_str(line);
                    message.push('\n');
                    break;
                }
            }
            for line in lines {
                message.push_str(line);
                message.push('\n');
            }
            list.push(Received { from, to, message });
        }
        list
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
