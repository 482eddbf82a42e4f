//! What the worker's integration tests share: a fresh database and a
//! uniquely named topology per test, a broker client, a worker running
//! in-process or as the real binary, and waiting on conditions (never a
//! guessed sleep).
//!
//! - RabbitMQ at `BAOCAO_TEST_AMQP_URL` (default `amqp://127.0.0.1:5672/%2f`,
//!   see `.ci/start-rabbitmq.sh`).
//! - PostgreSQL at `BAOCAO_TEST_PG_URL` (default
//!   `postgres://postgres@127.0.0.1:5432/postgres`, see
//!   `.ci/start-postgres.sh`); `BAOCAO_SKIP_PG=1` skips the PostgreSQL half.
//! - `TEST_LOG=1` shows the worker's logs.

#![allow(dead_code)]

pub mod amqp;
pub mod db;
pub mod env;
pub mod http;
pub mod reports;

use std::future::Future;
use std::time::{Duration, Instant};

pub use baocao_test_support::unique_name;

/// Polls `check` every 50 ms until it returns `Some`, or panics after
/// `timeout` saying what was awaited.
pub async fn wait_for<T, F, Fut>(what: &str, timeout: Duration, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(v) = check().await {
            return v;
        }
        if Instant::now() > deadline {
            panic!("timed out after {timeout:?} waiting for {what}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Worker logs on standard error when `TEST_LOG=1`.
pub fn init_logs() {
    if std::env::var("TEST_LOG").is_ok_and(|v| v == "1") {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(
                std::env::var("RUST_LOG").unwrap_or_else(|_| "baocao_worker=debug,info".into()),
            )
            .with_test_writer()
            .try_init();
    }
}

pub fn workspace_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}
