//! The store's behaviour, written once over [`Backend`]: what is written
//! for an upload and in which order, and how each query is asked.
//!
//! - [`write`]: recording uploads (idempotency, supersession) and replacing
//!   parse results.
//! - [`read`]: reports, observations, tasks, ingestions, counts, reparse.
//! - [`series`]: grouping observations into points with revisions.
//! - [`find`]: full-text search.

mod fill;
mod find;
mod read;
mod series;
mod write;

use std::collections::BTreeMap;

use baocao_domain::{Ingestion, Report, Source};

use crate::backend::{Backend, Sql};
use crate::cursor::Tokens;
use crate::error::{Result, StoreError};
use crate::store::Store;
use crate::types::{
    ObservationFilter, Page, PageRequest, RawUpload, Recorded, ReportFilter, ReportObservation,
    ReportTask, ReportView, SearchHit, SearchQuery, Series, SeriesQuery, StaleReport, TaskFilter,
};

pub(crate) struct Engine<B> {
    pub(crate) b: B,
    tokens: Tokens,
}

impl<B: Backend> Engine<B> {
    /// Wraps a migrated backend.
    pub async fn new(b: B) -> Result<Self> {
        let mut c = b
            .reader()
            .acquire()
            .await
            .map_err(StoreError::db("reading the store's settings"))?;
        let key: Option<(String,)> = B::fetch_optional(
            &mut c,
            Sql::new("SELECT value FROM store_meta WHERE key = 'page_token_key'"),
        )
        .await
        .map_err(StoreError::db("reading the store's settings"))?;
        let Some((key,)) = key else {
            return Err(StoreError::corrupt(
                "reading the store's settings",
                "the page token key is missing from store_meta",
            ));
        };
        drop(c);
        let engine = Self {
            b,
            tokens: Tokens::new(key.into_bytes()),
        };
        engine.fill_pending().await?;
        Ok(engine)
    }
}

impl<B: Backend> Store for Engine<B> {
    async fn record_ingestion(
        &self,
        raw: &[u8],
        source: &Source,
        report: &Report,
    ) -> Result<Recorded> {
        self.record_parsed(raw, source, report).await
    }

    async fn record_rejection(
        &self,
        raw: &[u8],
        source: &Source,
        reason: &str,
    ) -> Result<Recorded> {
        self.record_rejected(raw, source, reason).await
    }

    async fn ingestion(&self, message_id: &str) -> Result<Ingestion> {
        self.ingestion_of(message_id).await
    }

    async fn get_report(&self, id: &str, view: ReportView) -> Result<Report> {
        self.report(id, view).await
    }

    async fn list_reports(
        &self,
        filter: &ReportFilter,
        view: ReportView,
        page: &PageRequest,
    ) -> Result<Page<Report>> {
        self.reports(filter, view, page).await
    }

    async fn list_observations(
        &self,
        filter: &ObservationFilter,
        page: &PageRequest,
    ) -> Result<Page<ReportObservation>> {
        self.observations(filter, page).await
    }

    async fn series(&self, query: &SeriesQuery) -> Result<Series> {
        self.series_of(query).await
    }

    async fn indicator_counts(&self, issuer: Option<&str>) -> Result<BTreeMap<String, u64>> {
        self.counts(issuer).await
    }

    async fn list_tasks(
        &self,
        filter: &TaskFilter,
        page: &PageRequest,
    ) -> Result<Page<ReportTask>> {
        self.tasks(filter, page).await
    }

    async fn get_task(&self, report_id: &str, ordinal: u32) -> Result<ReportTask> {
        self.task(report_id, ordinal).await
    }

    async fn search(&self, query: &SearchQuery, page: &PageRequest) -> Result<Page<SearchHit>> {
        self.find(query, page).await
    }

    async fn stale_reports(
        &self,
        parser_version: &str,
        after: Option<&str>,
        limit: u32,
    ) -> Result<Vec<StaleReport>> {
        self.stale(parser_version, after, limit).await
    }

    async fn raw_upload(&self, report_id: &str) -> Result<RawUpload> {
        self.raw(report_id).await
    }

    async fn upload(&self, message_id: &str) -> Result<RawUpload> {
        self.upload_of(message_id).await
    }

    async fn replace_report(&self, report_id: &str, report: &Report) -> Result<()> {
        self.replace(report_id, report).await
    }
}

/// `Some(trimmed)` for a filter that is set.
pub(crate) fn set(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}
