//! baocao's storage: uploads, their outcomes and parsed reports, and every
//! query the worker, the query service and the CLI ask of them.
//!
//! - [`store`]: the [`Store`] trait, the one interface to storage.
//! - [`any`]: [`connect`] picks the backend from the URL (`sqlite://PATH`,
//!   `postgres://...`), migrates, and returns an [`AnyStore`].
//! - [`types`]: filters, pages and results the trait speaks in.
//! - [`error`]: [`StoreError`], with [`StoreError::is_transient`] for the
//!   worker's retry decision.
//! - `engine`: the behaviour, written once over a narrow backend seam:
//!   `write` (idempotent recording, supersession, reparse), `read`
//!   (listings with keyset pages), `series`, `find` (search).
//! - `backend`: the seam and its two sides, `sqlite` (WAL, one writer,
//!   FTS5) and `postgres` (pooled, advisory locks, `tsvector`); each has
//!   its migrations under `migrations/<backend>`, embedded and applied at
//!   connect.
//! - `rows`: a report taken apart into rows and put back together.
//! - `search`: folding, passages, snippets and highlights.
//! - `cursor`: signed page tokens.
//!
//! `design.md` beside this crate explains the schema: idempotency keys,
//! supersession, revisions, search.

pub mod any;
mod backend;
mod cursor;
mod engine;
pub mod error;
mod rows;
mod search;
pub mod store;
pub mod types;

pub use any::{AnyStore, BackendKind, ConnectOptions, connect, connect_with};
pub use error::{Result, StoreError};
pub use store::Store;
pub use types::{
    DEFAULT_PAGE_SIZE, DateRange, HitKind, MAX_PAGE_SIZE, ObservationFilter, Page, PageRequest,
    RawUpload, Recorded, ReportFilter, ReportObservation, ReportTask, ReportView, SearchHit,
    SearchQuery, Series, SeriesPoint, SeriesQuery, StaleReport, TaskFilter,
};
