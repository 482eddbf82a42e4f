//! What baocao's test suites and benches share: a fresh database per test
//! on either backend, removed afterwards, names no other test uses, and
//! the helpers benches build their reports with ([`fixtures`]).
//!
//! PostgreSQL is the server at `BAOCAO_TEST_PG_URL` (default
//! [`DEFAULT_PG_URL`], what `.ci/start-postgres.sh` starts). An unreachable
//! server fails the test, with what to do, unless `BAOCAO_SKIP_PG=1`.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use sqlx::{AssertSqlSafe, Connection, PgConnection};

pub mod cpu;
pub mod fixtures;
pub mod proxy;

/// The two store backends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
}

pub const DEFAULT_PG_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// The server tests make their databases on.
pub fn pg_admin_url() -> String {
    std::env::var("BAOCAO_TEST_PG_URL").unwrap_or_else(|_| DEFAULT_PG_URL.to_owned())
}

/// `BAOCAO_SKIP_PG=1`: leave PostgreSQL out where it is unreachable.
pub fn skip_pg() -> bool {
    std::env::var("BAOCAO_SKIP_PG").is_ok_and(|v| v == "1")
}

/// A name no other test of any process uses: `prefix`, the process id, a
/// sequence number and the clock's nanoseconds.
pub fn unique_name(prefix: &str) -> String {
    static SEQ: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .subsec_nanos();
    format!(
        "{prefix}_{}_{}_{nanos}",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    )
}

/// `url` with its database name replaced (query parameters kept).
pub fn with_database(url: &str, name: &str) -> String {
    let (base, rest) = url.rsplit_once('/').expect("a postgres url has a path");
    let query = rest
        .split_once('?')
        .map(|(_, q)| format!("?{q}"))
        .unwrap_or_default();
    format!("{base}/{name}{query}")
}

/// A database made for one test: a SQLite file in a new directory (the
/// store creates it), or a new PostgreSQL database.
pub enum TestDb {
    Sqlite {
        dir: PathBuf,
        url: String,
    },
    Postgres {
        admin: String,
        name: String,
        url: String,
    },
}

impl TestDb {
    /// A fresh database whose name starts with `baocao_<suite>_test`
    /// (`suite`: lowercase letters, digits and `_`, it names a PostgreSQL
    /// database). `None` when PostgreSQL is unreachable and
    /// `BAOCAO_SKIP_PG=1`.
    pub async fn create(kind: Kind, suite: &str) -> Option<TestDb> {
        assert!(
            suite
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "suite name {suite:?}: lowercase letters, digits and _ only"
        );
        let name = unique_name(&format!("baocao_{suite}_test"));
        match kind {
            Kind::Sqlite => {
                let dir = std::env::temp_dir().join(&name);
                let url = format!("sqlite://{}", dir.join("baocao.db").display());
                Some(TestDb::Sqlite { dir, url })
            }
            Kind::Postgres => {
                let admin = pg_admin_url();
                let mut conn = match PgConnection::connect(&admin).await {
                    Ok(c) => c,
                    Err(e) if skip_pg() => {
                        eprintln!(
                            "skipping: PostgreSQL at {admin} unreachable ({e}), BAOCAO_SKIP_PG=1"
                        );
                        return None;
                    }
                    Err(e) => panic!(
                        "PostgreSQL at {admin} is unreachable: {e}; start one with \
                         .ci/start-postgres.sh, point BAOCAO_TEST_PG_URL at one, or set \
                         BAOCAO_SKIP_PG=1 to skip the PostgreSQL tests"
                    ),
                };
                sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut conn)
                    .await
                    .expect("CREATE DATABASE");
                conn.close().await.ok();
                let url = with_database(&admin, &name);
                Some(TestDb::Postgres { admin, name, url })
            }
        }
    }

    pub fn kind(&self) -> Kind {
        match self {
            TestDb::Sqlite { .. } => Kind::Sqlite,
            TestDb::Postgres { .. } => Kind::Postgres,
        }
    }

    /// The URL the store connects to.
    pub fn url(&self) -> &str {
        match self {
            TestDb::Sqlite { url, .. } | TestDb::Postgres { url, .. } => url,
        }
    }

    /// Removes the database (PostgreSQL: `WITH (FORCE)`, so connections a
    /// failed test left open do not keep it). Errors are ignored: this is
    /// cleanup, and the test's own outcome is what matters.
    pub async fn drop_database(&self) {
        match self {
            TestDb::Sqlite { dir, .. } => {
                let _ = std::fs::remove_dir_all(dir);
            }
            TestDb::Postgres { admin, name, .. } => {
                if let Ok(mut conn) = PgConnection::connect(admin).await {
                    let _ = sqlx::query(AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                    )))
                    .execute(&mut conn)
                    .await;
                    conn.close().await.ok();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_differ_and_urls_keep_their_query() {
        assert_ne!(unique_name("a"), unique_name("a"));
        assert_eq!(
            with_database("postgres://u@h:5432/postgres?sslmode=disable", "x"),
            "postgres://u@h:5432/x?sslmode=disable"
        );
        assert_eq!(
            with_database("postgres://u@h/postgres", "x"),
            "postgres://u@h/x"
        );
    }
}
