//! `baocao-worker`: reports from RabbitMQ through the parser into the
//! store, nothing lost. `design.md` beside this crate gives the reasons.
//!
//! - [`worker`]: [`run`] / [`Worker`]: the store, the HTTP port, broker
//!   sessions with reconnects, bounded concurrency, the graceful stop.
//! - `broker`: one connection: topology, prefetch, consumer, and the
//!   confirmed publisher of dead letters and events.
//! - [`topology`]: the exchanges and queues of the message contract.
//! - `acks`: acknowledgements, several at once where safe.
//! - `handler`: one delivery: envelope, parse, commit (retrying transient
//!   store failures), dead-letter, event, ack.
//! - [`envelope`]: the contract's properties and headers, checked.
//! - [`verdict`]: parse, or reject with a reason.
//! - [`events`]: `report.parsed` / `report.rejected` / `report.duplicate`.
//! - [`metrics`]: Prometheus metrics and readiness; `http` serves them.
//! - `retry`: backoff with jitter. [`telemetry`]: logs, text or JSON.

mod acks;
mod broker;
pub mod envelope;
mod error;
pub mod events;
mod handler;
mod http;
pub mod metrics;
mod retry;
pub mod telemetry;
pub mod topology;
pub mod verdict;
pub mod worker;

pub use error::WorkerError;
pub use worker::{Worker, run};
