//! The database: one connection type over SQLite and PostgreSQL, its pool,
//! the embedded migrations and the vocabulary every fresh database is seeded with.

pub mod cpv;
pub mod schema;
pub mod versioned;

use std::time::Duration;

use anyhow::{bail, Context};
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// A connection to either backend. Portable queries run on it directly; where
/// the backends differ, match on the variant in one small helper.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Sqlite(diesel::SqliteConnection),
    Postgres(diesel::PgConnection),
}

pub type Pool = r2d2::Pool<DbManager>;
pub type PooledConn = r2d2::PooledConnection<DbManager>;

/// Which backend a database URL names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A file path (or `:memory:`).
    Sqlite(String),
    Postgres(String),
}

impl DatabaseUrl {
    /// `postgres://…` / `postgresql://…` is PostgreSQL; `sqlite://path` or a plain path is SQLite.
    pub fn parse(url: &str) -> anyhow::Result<Self> {
        let url = url.trim();
        if url.is_empty() {
            bail!("database URL is empty");
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Self::Postgres(url.to_string()));
        }
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                bail!("database URL {url:?} names no SQLite file");
            }
            return Ok(Self::Sqlite(path.to_string()));
        }
        if let Some(path) = url.strip_prefix("sqlite:") {
            return Ok(Self::Sqlite(path.to_string()));
        }
        if let Some((scheme, _)) = url.split_once("://") {
            bail!(
                "database URL {url:?} has unsupported scheme {scheme:?} (use postgres://…, sqlite://PATH or a file path)"
            );
        }
        Ok(Self::Sqlite(url.to_string()))
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "sqlite",
            Self::Postgres(_) => "postgres",
        }
    }
}

/// r2d2 manager that opens the right backend and prepares every SQLite connection.
#[derive(Debug, Clone)]
pub struct DbManager {
    url: DatabaseUrl,
    busy_timeout_ms: u64,
}

impl ManageConnection for DbManager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        match &self.url {
            DatabaseUrl::Sqlite(path) => {
                let mut conn = diesel::SqliteConnection::establish(path).map_err(r2d2::Error::ConnectionError)?;
                // Every connection: durable writes, enforced foreign keys, and waiting
                // (not failing) when another connection holds the write lock.
                // busy_timeout first: switching to WAL needs a lock another connection may hold.
                conn.batch_execute(&format!(
                    "PRAGMA busy_timeout = {}; PRAGMA journal_mode = WAL; \
                     {SQLITE_SYNCHRONOUS}; PRAGMA foreign_keys = ON;",
                    self.busy_timeout_ms
                ))
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConn::Sqlite(conn))
            }
            DatabaseUrl::Postgres(url) => {
                diesel::PgConnection::establish(url).map(DbConn::Postgres).map_err(r2d2::Error::ConnectionError)
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1").map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut DbConn) -> bool {
        false
    }
}

/// Opens a pool, checking that the database can be reached at all.
pub fn open_pool(url: &str, size: u32, busy_timeout_ms: u64) -> anyhow::Result<Pool> {
    let parsed = DatabaseUrl::parse(url)?;
    if let DatabaseUrl::Sqlite(path) = &parsed {
        if path != ":memory:" {
            if let Some(dir) = std::path::Path::new(path).parent() {
                if !dir.as_os_str().is_empty() {
                    std::fs::create_dir_all(dir).with_context(|| {
                        format!("cannot create the directory {} for the SQLite database", dir.display())
                    })?;
                }
            }
        }
    }
    let manager = DbManager { url: parsed.clone(), busy_timeout_ms };
    // Connect once by hand so a wrong URL yields the backend's own message.
    manager.connect().with_context(|| format!("cannot open the {} database", parsed.backend_name()))?;
    r2d2::Pool::builder()
        .max_size(size.max(1))
        .connection_timeout(Duration::from_secs(10))
        .build(manager)
        .context("cannot build the database pool")
}

/// Runs every pending migration of the connection's backend.
pub fn migrate(conn: &mut DbConn) -> anyhow::Result<usize> {
    let applied = match conn {
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
        DbConn::Postgres(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS).map(|v| v.len()),
    }
    .map_err(|e| anyhow::anyhow!("migration failed: {e}"))?;
    cpv::seed(conn).context("cannot load the CPV vocabulary")?;
    Ok(applied)
}

/// A write transaction. On SQLite it starts with `BEGIN IMMEDIATE`, so it takes the
/// write lock up front and waits for it instead of failing half-way; on PostgreSQL
/// it is an ordinary transaction. Nested calls become savepoints.
pub fn write_tx<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    let sqlite_outermost = match conn {
        DbConn::Sqlite(c) => {
            let status = AnsiTransactionManager::transaction_manager_status_mut(c);
            status.transaction_depth()?.is_none()
        }
        DbConn::Postgres(_) => false,
    };
    if !sqlite_outermost {
        return conn.transaction(f);
    }
    if let DbConn::Sqlite(c) = conn {
        AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?;
    }
    let result = f(conn);
    let DbConn::Sqlite(c) = conn else { unreachable!("checked above") };
    match result {
        Ok(value) => {
            AnsiTransactionManager::commit_transaction(c)?;
            Ok(value)
        }
        Err(e) => {
            AnsiTransactionManager::rollback_transaction(c)?;
            Err(e)
        }
    }
}

/// Every SQLite connection's flush setting: a commit waits until the WAL is on disk.
const SQLITE_SYNCHRONOUS: &str = "PRAGMA synchronous = FULL";

/// A [`write_tx`] whose commit does not wait for the disk (SQLite `synchronous = NORMAL`
/// for it, PostgreSQL `synchronous_commit = off`): it survives the process being killed,
/// but a power cut can undo it. Only for records whose loss repeats work (a mail sent
/// again), never for what a user was told is saved.
pub fn write_tx_without_flush<T, E, F>(conn: &mut DbConn, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConn) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    match conn {
        DbConn::Sqlite(_) => {
            conn.batch_execute("PRAGMA synchronous = NORMAL")?;
            let result = write_tx(conn, f);
            conn.batch_execute(SQLITE_SYNCHRONOUS)?;
            result
        }
        DbConn::Postgres(_) => write_tx(conn, |conn| {
            conn.batch_execute("SET LOCAL synchronous_commit = off")?;
            f(conn)
        }),
    }
}

/// Now, as stored: UTC without offset.
pub fn timestamp(now: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDateTime {
    now.naive_utc()
}

/// Runs the same expression on the backend's own connection, for the few
/// queries `MultiConnection` cannot express (e.g. `RETURNING`).
#[macro_export]
macro_rules! per_backend {
    ($conn:expr, $c:ident => $body:expr) => {
        match $conn {
            $crate::db::DbConn::Sqlite($c) => $body,
            $crate::db::DbConn::Postgres($c) => $body,
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commit_without_flush_leaves_the_connection_flushing() {
        #[derive(diesel::QueryableByName)]
        struct Synchronous {
            #[diesel(sql_type = diesel::sql_types::Integer)]
            synchronous: i32,
        }
        let dir = tempfile::tempdir().unwrap();
        let pool = open_pool(&format!("sqlite://{}", dir.path().join("t.db").display()), 1, 1000).unwrap();
        let mut conn = pool.get().unwrap();
        conn.batch_execute("CREATE TABLE t (n INTEGER)").unwrap();
        let written: diesel::QueryResult<usize> =
            write_tx_without_flush(&mut conn, |c| diesel::sql_query("INSERT INTO t VALUES (1)").execute(c));
        assert_eq!(written.unwrap(), 1);
        let mode: Synchronous = diesel::sql_query("PRAGMA synchronous").get_result(&mut *conn).unwrap();
        assert_eq!(mode.synchronous, 2, "FULL again after the commit");
    }

    #[test]
    fn urls_pick_the_backend() {
        assert_eq!(DatabaseUrl::parse("postgres://u@h/db").unwrap(), DatabaseUrl::Postgres("postgres://u@h/db".into()));
        assert_eq!(DatabaseUrl::parse("sqlite://data/x.db").unwrap(), DatabaseUrl::Sqlite("data/x.db".into()));
        assert_eq!(DatabaseUrl::parse("data/x.db").unwrap(), DatabaseUrl::Sqlite("data/x.db".into()));
        let err = DatabaseUrl::parse("mysql://h/db").unwrap_err().to_string();
        assert!(err.contains("unsupported scheme \"mysql\""), "{err}");
        assert!(DatabaseUrl::parse("  ").is_err());
    }
}
