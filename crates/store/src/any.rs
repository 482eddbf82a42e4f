//! [`AnyStore`]: the backend the database URL names, behind one type.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use baocao_domain::{Ingestion, Report, Source};

use crate::backend::postgres::PgBackend;
use crate::backend::sqlite::SqliteBackend;
use crate::engine::Engine;
use crate::error::{Result, StoreError};
use crate::store::Store;
use crate::types::{
    ObservationFilter, Page, PageRequest, RawUpload, Recorded, ReportFilter, ReportObservation,
    ReportTask, ReportView, SearchHit, SearchQuery, Series, SeriesQuery, StaleReport, TaskFilter,
};

/// Pool and locking settings; the defaults suit the worker and the query
/// service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectOptions {
    /// Connections per process (SQLite: readers; writes use one more).
    pub max_connections: u32,
    /// How long to wait for a free connection before a transient error.
    pub acquire_timeout: Duration,
    /// SQLite: how long to wait for another process's write lock before a
    /// transient "database is locked".
    pub busy_timeout: Duration,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        Self {
            max_connections: 10,
            acquire_timeout: Duration::from_secs(30),
            busy_timeout: Duration::from_secs(10),
        }
    }
}

/// Which database a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendKind {
    Sqlite,
    Postgres,
}

/// A store on the backend its URL named. Cheap to clone: clones share the
/// connection pools.
#[derive(Clone)]
pub struct AnyStore {
    inner: Inner,
}

#[derive(Clone)]
enum Inner {
    Sqlite(Arc<Engine<SqliteBackend>>),
    Postgres(Arc<Engine<PgBackend>>),
}

impl std::fmt::Debug for AnyStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnyStore")
            .field("backend", &self.backend())
            .finish_non_exhaustive()
    }
}

/// Opens the store at `url`, creating and migrating the database as
/// needed: `sqlite://PATH` (or `sqlite:PATH`; the file and its directory are
/// created) or `postgres://...` (`postgresql://` too).
pub async fn connect(url: &str) -> Result<AnyStore> {
    connect_with(url, &ConnectOptions::default()).await
}

/// [`connect`] with pool and locking settings.
pub async fn connect_with(url: &str, options: &ConnectOptions) -> Result<AnyStore> {
    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    let inner = match scheme.as_deref() {
        Some("sqlite") => Inner::Sqlite(Arc::new(
            Engine::new(SqliteBackend::open(url, options).await?).await?,
        )),
        Some("postgres" | "postgresql") => Inner::Postgres(Arc::new(
            Engine::new(PgBackend::open(url, options).await?).await?,
        )),
        _ => {
            return Err(StoreError::UnsupportedUrl {
                url: baocao_config::redact_url(url),
            });
        }
    };
    Ok(AnyStore { inner })
}

impl AnyStore {
    pub fn backend(&self) -> BackendKind {
        match &self.inner {
            Inner::Sqlite(_) => BackendKind::Sqlite,
            Inner::Postgres(_) => BackendKind::Postgres,
        }
    }

    /// Closes the pools, waiting for connections in use to come back.
    pub async fn close(&self) {
        match &self.inner {
            Inner::Sqlite(e) => e.b.close().await,
            Inner::Postgres(e) => e.b.close().await,
        }
    }
}

/// Runs `$body` with `$e` bound to the backend's engine.
macro_rules! each {
    ($self:ident, $e:ident => $body:expr) => {
        match &$self.inner {
            Inner::Sqlite($e) => $body,
            Inner::Postgres($e) => $body,
        }
    };
}

impl Store for AnyStore {
    async fn record_ingestion(
        &self,
        raw: &[u8],
        source: &Source,
        report: &Report,
    ) -> Result<Recorded> {
        each!(self, e => e.record_ingestion(raw, source, report).await)
    }

    async fn record_rejection(
        &self,
        raw: &[u8],
        source: &Source,
        reason: &str,
    ) -> Result<Recorded> {
        each!(self, e => e.record_rejection(raw, source, reason).await)
    }

    async fn ingestion(&self, message_id: &str) -> Result<Ingestion> {
        each!(self, e => e.ingestion(message_id).await)
    }

    async fn get_report(&self, id: &str, view: ReportView) -> Result<Report> {
        each!(self, e => e.get_report(id, view).await)
    }

    async fn list_reports(
        &self,
        filter: &ReportFilter,
        view: ReportView,
        page: &PageRequest,
    ) -> Result<Page<Report>> {
        each!(self, e => e.list_reports(filter, view, page).await)
    }

    async fn list_observations(
        &self,
        filter: &ObservationFilter,
        page: &PageRequest,
    ) -> Result<Page<ReportObservation>> {
        each!(self, e => e.list_observations(filter, page).await)
    }

    async fn series(&self, query: &SeriesQuery) -> Result<Series> {
        each!(self, e => e.series(query).await)
    }

    async fn indicator_counts(&self, issuer: Option<&str>) -> Result<BTreeMap<String, u64>> {
        each!(self, e => e.indicator_counts(issuer).await)
    }

    async fn list_tasks(
        &self,
        filter: &TaskFilter,
        page: &PageRequest,
    ) -> Result<Page<ReportTask>> {
        each!(self, e => e.list_tasks(filter, page).await)
    }

    async fn get_task(&self, report_id: &str, ordinal: u32) -> Result<ReportTask> {
        each!(self, e => e.get_task(report_id, ordinal).await)
    }

    async fn search(&self, query: &SearchQuery, page: &PageRequest) -> Result<Page<SearchHit>> {
        each!(self, e => e.search(query, page).await)
    }

    async fn stale_reports(
        &self,
        parser_version: &str,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<StaleReport>> {
        each!(self, e => e.stale_reports(parser_version, after, limit).await)
    }

    async fn raw_upload(&self, report_id: &str) -> Result<RawUpload> {
        each!(self, e => e.raw_upload(report_id).await)
    }

    async fn upload(&self, message_id: &str) -> Result<RawUpload> {
        each!(self, e => e.upload(message_id).await)
    }

    async fn replace_report(&self, report_id: &str, report: &Report) -> Result<()> {
        each!(self, e => e.replace_report(report_id, report).await)
    }
}
