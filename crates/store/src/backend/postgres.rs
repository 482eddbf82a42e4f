//! PostgreSQL: a pool of connections per process, for several workers and
//! query replicas at once.
//!
//! Writes run at READ COMMITTED; the unique keys on message id and content
//! hash decide races between writers (`ON CONFLICT DO NOTHING` waits for
//! the other transaction and then sees its row), and a transaction-scoped
//! advisory lock per supersession group serializes the choice of the
//! current report. Migrations take sqlx's advisory lock, so replicas may
//! start together.

use std::str::FromStr;

use sqlx::migrate::Migrator;
use sqlx::postgres::{PgConnectOptions, PgConnection, PgPool, PgPoolOptions};
use sqlx::{AssertSqlSafe, Postgres, Transaction};

use super::{Backend, Rows, Sql, bind_values};
use crate::ConnectOptions;
use crate::error::{Result, StoreError};

static MIGRATOR: Migrator = sqlx::migrate!("migrations/postgres");

pub(crate) struct PgBackend {
    pool: PgPool,
}

/// The URL without its password, for messages.
pub(crate) fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((userinfo, host)) if userinfo.contains(':') => {
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:***@{host}")
        }
        _ => url.to_owned(),
    }
}

impl PgBackend {
    /// Connects to and migrates the database at `url` (`postgres://...`).
    pub async fn open(url: &str, opts: &ConnectOptions) -> Result<Self> {
        let connect_err = |source| StoreError::Connect {
            backend: "postgres",
            target: redact(url),
            source,
        };
        let options = PgConnectOptions::from_str(url).map_err(connect_err)?;
        let pool = PgPoolOptions::new()
            .max_connections(opts.max_connections.max(1))
            .acquire_timeout(opts.acquire_timeout)
            .connect_with(options)
            .await
            .map_err(connect_err)?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|source| StoreError::Migrate {
                backend: "postgres",
                source,
            })?;
        Ok(Self { pool })
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

impl Backend for PgBackend {
    type Db = Postgres;

    const NAME: &'static str = "postgres";
    // The protocol allows 65535 parameters.
    const MAX_PARAMS: usize = 60_000;

    fn reader(&self) -> &PgPool {
        &self.pool
    }

    async fn begin_write(&self) -> sqlx::Result<Transaction<'static, Postgres>> {
        self.pool.begin().await
    }

    async fn execute(c: &mut PgConnection, q: Sql) -> sqlx::Result<u64> {
        let query = bind_values!(sqlx::query::<Postgres>(AssertSqlSafe(q.text)), q.args);
        Ok(query.execute(c).await?.rows_affected())
    }

    async fn fetch_all<R: Rows>(c: &mut PgConnection, q: Sql) -> sqlx::Result<Vec<R>> {
        let query = bind_values!(sqlx::query_as::<Postgres, R>(AssertSqlSafe(q.text)), q.args);
        query.fetch_all(c).await
    }

    async fn fetch_optional<R: Rows>(c: &mut PgConnection, q: Sql) -> sqlx::Result<Option<R>> {
        let query = bind_values!(sqlx::query_as::<Postgres, R>(AssertSqlSafe(q.text)), q.args);
        query.fetch_optional(c).await
    }

    async fn lock_head(c: &mut PgConnection, head_key: &str) -> sqlx::Result<()> {
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind(head_key)
            .execute(c)
            .await?;
        Ok(())
    }

    const SEARCH_FROM: &'static str = "search_docs d JOIN reports r ON r.id = d.report_id";
    const SEARCH_MATCH: &'static str = "d.tsv @@ plainto_tsquery('simple', $1)";
    const SEARCH_SCORE: &'static str = "ts_rank(d.tsv, plainto_tsquery('simple', $1))::float8";
    const SEARCH_ORDER: &'static str = "score DESC, d.id";

    /// The words, which `plainto_tsquery` ANDs together.
    fn search_param(tokens: &[String]) -> String {
        tokens.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_passwords() {
        assert_eq!(
            redact("postgres://app:s3cret@db:5432/baocao"),
            "postgres://app:***@db:5432/baocao"
        );
        assert_eq!(
            redact("postgres://postgres@127.0.0.1/x"),
            "postgres://postgres@127.0.0.1/x"
        );
    }
}
