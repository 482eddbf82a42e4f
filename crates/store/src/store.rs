//! The [`Store`] trait: everything the worker, the query service and the
//! CLI persist or ask.

use std::collections::BTreeMap;
use std::future::Future;

use baocao_domain::{Ingestion, Report, Source};

use crate::error::Result;
use crate::types::{
    ObservationFilter, Page, PageRequest, RawUpload, Recorded, ReportFilter, ReportObservation,
    ReportTask, ReportView, SearchHit, SearchQuery, Series, SeriesQuery, StaleReport, TaskFilter,
};

/// Persistence of uploads and parsed reports. Both backends implement it
/// and pass the same behaviour suite (`tests/behaviour`).
///
/// Report ids are opaque strings. "Current" reports are those no later
/// report of the same issuer for the same reporting period replaced; lists,
/// observations, tasks, search and indicator counts see only current
/// reports, while [`Store::get_report`] and [`Store::get_task`] find any.
pub trait Store: Send + Sync {
    /// Records an upload and its parse result in one transaction: the raw
    /// bytes (once per distinct content), the ingestion record keyed by
    /// `source.message_id`, and the report with its observations, tasks and
    /// search index. The same message id or the same content again returns
    /// [`Recorded::Duplicate`] with the first outcome and stores no second
    /// copy. `report.id` and `report.source` are ignored: the store assigns
    /// the id and keeps `source`.
    ///
    /// `source.content_sha256` may be empty; when set it must match `raw`.
    /// An empty `message_id` becomes `sha256:<content hash>`.
    fn record_ingestion(
        &self,
        raw: &[u8],
        source: &Source,
        report: &Report,
    ) -> impl Future<Output = Result<Recorded>> + Send;

    /// Records an upload that can never be parsed as sent, with a reason a
    /// person can act on; the raw bytes are kept. Idempotent like
    /// [`Store::record_ingestion`].
    fn record_rejection(
        &self,
        raw: &[u8],
        source: &Source,
        reason: &str,
    ) -> impl Future<Output = Result<Recorded>> + Send;

    /// What became of an upload, by its message id.
    fn ingestion(&self, message_id: &str) -> impl Future<Output = Result<Ingestion>> + Send;

    fn get_report(&self, id: &str, view: ReportView)
    -> impl Future<Output = Result<Report>> + Send;

    /// Current reports, newest reporting period first.
    fn list_reports(
        &self,
        filter: &ReportFilter,
        view: ReportView,
        page: &PageRequest,
    ) -> impl Future<Output = Result<Page<Report>>> + Send;

    /// Observations of current reports, newest reporting period first, then
    /// in report order.
    fn list_observations(
        &self,
        filter: &ObservationFilter,
        page: &PageRequest,
    ) -> impl Future<Output = Result<Page<ReportObservation>>> + Send;

    /// One indicator of one issuer as a series; see [`Series`].
    fn series(&self, query: &SeriesQuery) -> impl Future<Output = Result<Series>> + Send;

    /// The number of observations of current reports per indicator code,
    /// of one issuer or of all; indicators without any are absent.
    fn indicator_counts(
        &self,
        issuer: Option<&str>,
    ) -> impl Future<Output = Result<BTreeMap<String, u64>>> + Send;

    /// Tasks of current reports, newest planning period first, then in
    /// report order.
    fn list_tasks(
        &self,
        filter: &TaskFilter,
        page: &PageRequest,
    ) -> impl Future<Output = Result<Page<ReportTask>>> + Send;

    /// The first task numbered `ordinal` in a report.
    fn get_task(
        &self,
        report_id: &str,
        ordinal: u32,
    ) -> impl Future<Output = Result<ReportTask>> + Send;

    /// Full-text search over the sections, tasks and footnotes of current
    /// reports, ignoring case, diacritics and tone-mark placement; best hits
    /// first.
    fn search(
        &self,
        query: &SearchQuery,
        page: &PageRequest,
    ) -> impl Future<Output = Result<Page<SearchHit>>> + Send;

    /// Reports (current or not) whose parser version differs from
    /// `parser_version`, by ascending id, after the report `after`.
    fn stale_reports(
        &self,
        parser_version: &str,
        after: Option<&str>,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<StaleReport>>> + Send;

    /// The raw upload a report was parsed from.
    fn raw_upload(&self, report_id: &str) -> impl Future<Output = Result<RawUpload>> + Send;

    /// The raw upload recorded under a message id, parsed or rejected (for
    /// a duplicate, the first upload's bytes with this message's source).
    fn upload(&self, message_id: &str) -> impl Future<Output = Result<RawUpload>> + Send;

    /// Replaces a report's parse result (metadata, structure, observations,
    /// tasks, search index, parser version) in one transaction, keeping its
    /// id and upload; supersession is decided again.
    fn replace_report(
        &self,
        report_id: &str,
        report: &Report,
    ) -> impl Future<Output = Result<()>> + Send;
}
