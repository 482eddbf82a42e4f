//! SQLite: one database file, safe for several processes on one host (the
//! worker and the query service).
//!
//! - WAL journal, so readers never block the writer nor the writer readers;
//!   `synchronous=FULL`, so a transaction the worker acked survives a power
//!   loss.
//! - Writes start with `BEGIN IMMEDIATE`: the write lock is taken up front,
//!   so two writers never deadlock upgrading a read lock, and a writer in
//!   another process is waited for up to the busy timeout (then the error
//!   is "database is locked", transient).
//! - In one process, writes go through a pool of one connection, so they
//!   queue fairly in the pool instead of polling the file lock.
//! - Foreign keys on.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::{MigrateError, Migrator};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePool, SqlitePoolOptions,
    SqliteSynchronous,
};
use sqlx::{AssertSqlSafe, Sqlite, Transaction};

use super::{Backend, Rows, Sql, bind_values};
use crate::ConnectOptions;
use crate::error::{Result, StoreError};

static MIGRATOR: Migrator = sqlx::migrate!("migrations/sqlite");

pub(crate) struct SqliteBackend {
    reader: SqlitePool,
    writer: SqlitePool,
}

impl SqliteBackend {
    /// Opens (creating the file and its directory when missing) and
    /// migrates the database at `url` (`sqlite://PATH`, `sqlite:PATH`).
    pub async fn open(url: &str, opts: &ConnectOptions) -> Result<Self> {
        let connect_err = |source| StoreError::Connect {
            backend: "sqlite",
            target: url.to_owned(),
            source,
        };
        let base = SqliteConnectOptions::from_str(url)
            .map_err(connect_err)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(opts.busy_timeout)
            .foreign_keys(true);
        let file = base.get_filename();
        if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty())
            && !Path::new(dir).exists()
        {
            std::fs::create_dir_all(dir).map_err(|e| connect_err(sqlx::Error::Io(e)))?;
        }
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(opts.acquire_timeout)
            .connect_with(base.clone())
            .await
            .map_err(connect_err)?;
        let reader = SqlitePoolOptions::new()
            .max_connections(opts.max_connections.max(1))
            .acquire_timeout(opts.acquire_timeout)
            .connect_with(base)
            .await
            .map_err(connect_err)?;
        migrate(&writer).await?;
        Ok(Self { reader, writer })
    }

    pub async fn close(&self) {
        self.writer.close().await;
        self.reader.close().await;
    }
}

/// Applies the migrations. SQLite's migrator takes no lock, so two
/// processes starting at once may both try the same migration; the loser
/// fails on "already exists" and, trying again, finds it applied.
async fn migrate(pool: &SqlitePool) -> Result<()> {
    let mut attempt = 0;
    loop {
        match MIGRATOR.run(pool).await {
            Ok(()) => return Ok(()),
            Err(MigrateError::Execute(_) | MigrateError::ExecuteMigration(..)) if attempt < 3 => {
                attempt += 1;
                tokio::time::sleep(Duration::from_millis(50 * attempt)).await;
            }
            Err(source) => {
                return Err(StoreError::Migrate {
                    backend: "sqlite",
                    source,
                });
            }
        }
    }
}

impl Backend for SqliteBackend {
    type Db = Sqlite;

    const NAME: &'static str = "sqlite";
    // SQLite allows 32766 host parameters.
    const MAX_PARAMS: usize = 30_000;

    fn reader(&self) -> &SqlitePool {
        &self.reader
    }

    async fn begin_write(&self) -> sqlx::Result<Transaction<'static, Sqlite>> {
        self.writer.begin_with("BEGIN IMMEDIATE").await
    }

    async fn execute(c: &mut SqliteConnection, q: Sql) -> sqlx::Result<u64> {
        let query = bind_values!(sqlx::query::<Sqlite>(AssertSqlSafe(q.text)), q.args);
        Ok(query.execute(c).await?.rows_affected())
    }

    async fn fetch_all<R: Rows>(c: &mut SqliteConnection, q: Sql) -> sqlx::Result<Vec<R>> {
        let query = bind_values!(sqlx::query_as::<Sqlite, R>(AssertSqlSafe(q.text)), q.args);
        query.fetch_all(c).await
    }

    async fn fetch_optional<R: Rows>(c: &mut SqliteConnection, q: Sql) -> sqlx::Result<Option<R>> {
        let query = bind_values!(sqlx::query_as::<Sqlite, R>(AssertSqlSafe(q.text)), q.args);
        query.fetch_optional(c).await
    }

    /// Nothing to do: `BEGIN IMMEDIATE` already makes this the only writer.
    async fn lock_head(_c: &mut SqliteConnection, _head_key: &str) -> sqlx::Result<()> {
        Ok(())
    }

    // CROSS JOIN fixes the join order: SQLite's planner would otherwise
    // start from a filtered `reports` index and run the full-text query once
    // per passage.
    const SEARCH_FROM: &'static str = "search_fts CROSS JOIN search_docs d ON d.id = search_fts.rowid \
         CROSS JOIN reports r ON r.id = d.report_id";
    const SEARCH_MATCH: &'static str = "search_fts MATCH $1";
    const SEARCH_SCORE: &'static str = "-bm25(search_fts)";
    const SEARCH_ORDER: &'static str = "bm25(search_fts), d.id";

    /// Each word as an FTS5 string; words side by side must all match.
    fn search_param(tokens: &[String]) -> String {
        tokens
            .iter()
            .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(" ")
    }
}
