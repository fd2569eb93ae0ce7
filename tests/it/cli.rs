//! The command line: bad input stops the program with one clear line.

use std::process::Command;

pub(crate) fn wise_monitor(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_wise-monitor"));
    cmd.args(args).env("RUST_LOG", "error");
    for (key, _) in std::env::vars() {
        if key.starts_with("WISE_") {
            cmd.env_remove(key);
        }
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run wise-monitor");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[track_caller]
fn assert_one_line_error(result: (i32, String, String), needle: &str) {
    let (code, _, stderr) = result;
    assert_ne!(code, 0, "the command must fail");
    let lines: Vec<_> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line, got:\n{stderr}");
    assert!(lines[0].contains(needle), "{needle:?} not in {:?}", lines[0]);
}

#[test]
fn migrate_creates_an_sqlite_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nested/wise.db");
    let url = format!("sqlite://{}", db.display());
    let (code, stdout, stderr) = wise_monitor(&["migrate", "--database-url", &url], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("up to date"), "{stdout}");
    assert!(db.exists());
    let (code, stdout, _) = wise_monitor(&["migrate"], &[("WISE_DATABASE_URL", &url)]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("0 migration"), "{stdout}");
}

#[test]
fn migrate_runs_on_postgresql() {
    if !crate::support::postgres_available("cli::migrate_runs_on_postgresql") {
        return;
    }
    // A TestApp owns (and drops) a fresh database; migrate it again through the binary.
    let app = actix_web::rt::System::new()
        .block_on(crate::support::TestApp::builder().build(crate::support::Backend::Postgres));
    let url = app.state.config.database.url.clone();
    let (code, stdout, stderr) = wise_monitor(&["migrate", "--database-url", &url], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("0 migration"), "{stdout}");
}

#[test]
fn a_wrong_database_url_is_one_clear_line() {
    assert_one_line_error(wise_monitor(&["migrate", "--database-url", "mysql://localhost/x"], &[]), "mysql");
    assert_one_line_error(
        wise_monitor(&["migrate", "--database-url", "postgres://nobody@127.0.0.1:1/nowhere"], &[]),
        "cannot open the postgres database",
    );
}

#[test]
fn an_unreadable_config_file_is_one_clear_line() {
    assert_one_line_error(
        wise_monitor(&["migrate", "--config", "/nonexistent/wise.toml"], &[]),
        "/nonexistent/wise.toml",
    );
    assert_one_line_error(wise_monitor(&["migrate"], &[("WISE_CONFIG", "/nonexistent/other.toml")]), "other.toml");
}

#[test]
fn an_unknown_config_key_is_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wise.toml");
    std::fs::write(&file, "[server]\nlisten_port = 80\n").unwrap();
    assert_one_line_error(wise_monitor(&["migrate", "--config", file.to_str().unwrap()], &[]), "listen_port");
    assert_one_line_error(wise_monitor(&["migrate"], &[("WISE_SERVER__COLOUR", "red")]), "colour");
}

#[test]
fn users_add_and_tokens_create() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("wise.db").display());
    let db = ("WISE_DATABASE_URL", url.as_str());
    let strong = ("WISE_PASSWORD", "lantaarnpaal-dijkhuis-vogelkers-3");

    let (code, stdout, stderr) = wise_monitor(
        &["users", "add", "--email", "Ops@Example.nl", "--name", "Operator", "--role", "admin"],
        &[db, strong],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("ops@example.nl"), "{stdout}");

    assert_one_line_error(
        wise_monitor(
            &["users", "add", "--email", "ops@example.nl", "--name", "Again", "--role", "admin"],
            &[db, strong],
        ),
        "--email: A user with this email address already exists.",
    );
    assert_one_line_error(
        wise_monitor(&["users", "add", "--email", "w@example.nl", "--name", "W", "--role", "wise"], &[db, strong]),
        "--organisation",
    );
    assert_one_line_error(
        wise_monitor(&["users", "add", "--email", "b@example.nl", "--name", "B", "--role", "boss"], &[db, strong]),
        "--role",
    );
    assert_one_line_error(
        wise_monitor(
            &["users", "add", "--email", "c@example.nl", "--name", "C", "--role", "city"],
            &[db, ("WISE_PASSWORD", "password1234")],
        ),
        "--password: This password is too easy to guess.",
    );

    let (code, stdout, stderr) = wise_monitor(&["tokens", "create", "--email", "OPS@example.nl"], &[db]);
    assert_eq!(code, 0, "{stderr}");
    let token = stdout.trim();
    assert!(token.starts_with("wm_") && token.len() == 67, "{stdout}");
    assert_one_line_error(wise_monitor(&["tokens", "create", "--email", "nobody@example.nl"], &[db]), "no user");
}
