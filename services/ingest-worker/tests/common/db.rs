//! A fresh database per test: a SQLite file in a new directory, or a new
//! PostgreSQL database (the store's own test pattern).

use std::path::PathBuf;

use sqlx::{AssertSqlSafe, Connection, PgConnection};

use super::unique_name;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
}

pub const DEFAULT_PG_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

pub fn pg_admin_url() -> String {
    std::env::var("BAOCAO_TEST_PG_URL").unwrap_or_else(|_| DEFAULT_PG_URL.to_owned())
}

fn skip_pg() -> bool {
    std::env::var("BAOCAO_SKIP_PG").is_ok_and(|v| v == "1")
}

/// `url` with its database name replaced.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, rest) = url.rsplit_once('/').expect("a postgres url has a path");
    let query = rest
        .split_once('?')
        .map(|(_, q)| format!("?{q}"))
        .unwrap_or_default();
    format!("{base}/{name}{query}")
}

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
    /// `None` when PostgreSQL is unreachable and `BAOCAO_SKIP_PG=1`.
    pub async fn create(kind: Kind) -> Option<TestDb> {
        match kind {
            Kind::Sqlite => {
                let dir = std::env::temp_dir().join(unique_name("baocao-worker-test"));
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
                         BAOCAO_SKIP_PG=1 to skip the PostgreSQL half"
                    ),
                };
                let name = unique_name("baocao_wtest");
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

    pub fn url(&self) -> &str {
        match self {
            TestDb::Sqlite { url, .. } | TestDb::Postgres { url, .. } => url,
        }
    }

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
