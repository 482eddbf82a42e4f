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
//! - Ingestion writes many rows a transaction: multi-row `INSERT`s with
//!   positional `?` placeholders (with `$N`, binding costs SQLite a linear
//!   search per parameter), in chunks of a power of two rows, so that a few
//!   statement shapes are prepared once and reused; statement journals in
//!   memory (`temp_store`); a larger page cache and a longer interval
//!   between checkpoints on the writer.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::{MigrateError, Migrator};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePool, SqlitePoolOptions,
    SqliteSynchronous,
};
use sqlx::{AssertSqlSafe, Sqlite, Transaction};

use super::{Backend, Batch, Col, Rows, Sql, bind_value, bind_values};
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
            .foreign_keys(true)
            // Statement journals (each multi-row INSERT keeps one, to undo
            // a failed statement) and sorts stay in memory instead of
            // temporary files.
            .pragma("temp_store", "MEMORY");
        let file = base.get_filename();
        if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty())
            && !Path::new(dir).exists()
        {
            std::fs::create_dir_all(dir).map_err(|e| connect_err(sqlx::Error::Io(e)))?;
        }
        // The writer keeps the indexes it updates in its own cache (64 MiB,
        // instead of 2 MiB read back from the OS), and checkpoints every
        // ~40 MiB of WAL instead of every 4 MiB: pages written again and
        // again (index pages) are copied to the database file less often.
        let writer_options = base
            .clone()
            .pragma("cache_size", "-65536")
            .pragma("wal_autocheckpoint", "10000");
        // A SQLite connection is a handle on a file in this process: no
        // need to test it each time it is taken from the pool.
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(opts.acquire_timeout)
            .test_before_acquire(false)
            .connect_with(writer_options)
            .await
            .map_err(connect_err)?;
        let reader = SqlitePoolOptions::new()
            .max_connections(opts.max_connections.max(1))
            .acquire_timeout(opts.acquire_timeout)
            .test_before_acquire(false)
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

/// At most this many rows an `INSERT` (and at most [`MAX_PARAMS`] values).
const MAX_ROWS: usize = 128;
/// SQLite allows 32766 host parameters a statement.
const MAX_PARAMS: usize = 32_766;

/// How many rows each statement of a batch of `rows` rows of `cols` columns
/// inserts: the largest power of two that fits, again and again, so that a
/// table is written by at most `log2(MAX_ROWS) + 1` statement shapes, each
/// prepared once a connection.
fn chunks(rows: usize, cols: usize) -> Vec<usize> {
    let fit = (MAX_PARAMS / cols.max(1)).clamp(1, MAX_ROWS);
    let max = 1 << fit.ilog2();
    let mut out = Vec::new();
    let mut left = rows;
    while left > 0 {
        let n = if left >= max { max } else { 1 << left.ilog2() };
        out.push(n);
        left -= n;
    }
    out
}

/// `INSERT INTO table (columns) VALUES (?, ...), ...` for `rows` rows.
fn insert_text(batch: &Batch, rows: usize) -> String {
    let cols = batch.columns.len();
    let mut text = String::with_capacity(64 + rows * (cols * 3 + 4));
    text.push_str("INSERT INTO ");
    text.push_str(batch.table);
    text.push_str(" (");
    text.push_str(&batch.columns.join(", "));
    text.push_str(") VALUES ");
    for r in 0..rows {
        if r > 0 {
            text.push_str(", ");
        }
        text.push('(');
        for c in 0..cols {
            text.push_str(if c == 0 { "?" } else { ", ?" });
        }
        text.push(')');
    }
    text
}

async fn insert_batch(c: &mut SqliteConnection, parent: i64, mut batch: Batch) -> sqlx::Result<()> {
    let mut row = 0;
    for n in chunks(batch.len, batch.columns.len()) {
        let mut q = sqlx::query::<Sqlite>(AssertSqlSafe(insert_text(&batch, n)));
        for r in row..row + n {
            for col in &mut batch.cols {
                q = match col {
                    Col::Parent => q.bind(parent),
                    Col::Same(v) => bind_value!(q, v.clone()),
                    Col::I64(v) => q.bind(v[r]),
                    Col::Text(v) => q.bind(std::mem::take(&mut v[r])),
                    // SQLite names no vector column (FTS5 indexes `words`).
                    Col::Vector { .. } => q.bind(None::<String>),
                    Col::OptText(v) => q.bind(v[r].take()),
                    Col::OptDate(v) => q.bind(v[r]),
                };
            }
        }
        q.execute(&mut *c).await?;
        row += n;
    }
    Ok(())
}

impl Backend for SqliteBackend {
    type Db = Sqlite;

    const NAME: &'static str = "sqlite";
    const SEARCH_VECTOR: Option<&'static str> = None;

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

    async fn insert_tree(
        c: &mut SqliteConnection,
        parent: Sql,
        children: Vec<Batch>,
    ) -> sqlx::Result<i64> {
        let (id,): (i64,) = Self::fetch_optional(c, parent)
            .await?
            .ok_or(sqlx::Error::RowNotFound)?;
        for batch in children {
            insert_batch(c, id, batch).await?;
        }
        Ok(id)
    }

    /// Nothing to do: `BEGIN IMMEDIATE` already makes this the only writer.
    async fn lock_key(_c: &mut SqliteConnection, _key: &str) -> sqlx::Result<()> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_go_in_power_of_two_chunks() {
        assert_eq!(chunks(0, 12), Vec::<usize>::new());
        assert_eq!(chunks(1, 12), vec![1]);
        assert_eq!(chunks(169, 12), vec![128, 32, 8, 1]);
        assert_eq!(chunks(300, 3), vec![128, 128, 32, 8, 4]);
        // Never more parameters than SQLite takes.
        assert!(chunks(5000, 1000).iter().all(|n| n * 1000 <= MAX_PARAMS));
        assert_eq!(chunks(5000, 1000).iter().sum::<usize>(), 5000);
    }

    #[test]
    fn inserts_use_positional_placeholders() {
        let b = Batch::new("t", 2)
            .col("a", Col::Parent)
            .col("b", Col::I64(vec![1, 2]));
        assert_eq!(
            insert_text(&b, 2),
            "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)"
        );
    }
}
