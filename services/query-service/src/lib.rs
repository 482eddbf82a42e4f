//! `baocao-query`: the typed gRPC API department systems call, over the
//! store. Services are wiring: a handler validates its request, asks the
//! store, converts the answer.
//!
//! - [`server`]: [`run`] / [`serve`]: the tonic server with its services,
//!   `grpc.health.v1`, reflection, limits, TLS and shutdown.
//! - `api`: ReportService, IndicatorService, TaskService over the store.
//! - [`upload`]: UploadService, publishing to `baocao.uploads` with
//!   publisher confirms.
//! - [`events`]: the `baocao.events` consumer behind WatchReports.
//! - [`cache`]: read responses kept briefly, forgotten when a report is
//!   stored.
//! - [`request`]: request fields read into the store's types, with the
//!   offending field named; [`convert`]: store results as messages.
//! - [`error`]: [`ApiError`] and its one mapping to `tonic::Status`.
//! - [`auth`]: bearer tokens, scopes; [`observe`]: a span, the deadline and
//!   metrics per RPC; [`metrics`]: the Prometheus registry and port;
//!   [`health`]: the store probe.
//! - [`telemetry`]: logging set-up for the binary.
//!
//! `design.md` beside this crate says why it is shaped this way.

mod api;
pub mod auth;
pub mod cache;
pub mod convert;
pub mod error;
pub mod events;
pub mod health;
pub mod metrics;
pub mod observe;
pub mod request;
pub mod server;
pub mod telemetry;
pub mod upload;

pub use error::{ApiError, ApiResult};
pub use metrics::Metrics;
pub use server::{Listeners, ServeError, run, serve};
