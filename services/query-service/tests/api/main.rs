//! The query service over a real socket: a tonic client against a server
//! bound to port 0, over fresh SQLite and PostgreSQL databases seeded by
//! storing parsed reports.
//!
//! - `read`: every read RPC, every filter, pagination, the client's errors
//!   (both backends).
//! - `access`: authentication, scopes, health, reflection, metrics, limits,
//!   TLS, shutdown.
//! - `amqp`: SubmitReport and WatchReports against the RabbitMQ at
//!   `BAOCAO_TEST_AMQP_URL` (default `amqp://127.0.0.1:5672/%2f`); an
//!   unreachable broker fails them unless `BAOCAO_SKIP_AMQP=1`.
//! - `python`: an independent grpcio client generated from `proto/` at test
//!   time (a venv under `target/`; `BAOCAO_SKIP_PYTHON=1` skips it).

mod access;
mod amqp;
mod fixtures;
mod harness;
mod python;
mod read;

use harness::Kind;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_api_sqlite() {
    read::suite(Kind::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn read_api_postgres() {
    read::suite(Kind::Postgres).await;
}
