//! What the store's methods take and return, besides the domain types.

use baocao_domain::{Ingestion, Metadata, Observation, Period, PeriodKind, Source, Span, Task};
use chrono::NaiveDate;
use serde::Serialize;

/// The outcome of recording an upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recorded {
    /// The report was stored under this id.
    Parsed { report_id: String },
    /// The rejection was stored, raw bytes included.
    Rejected,
    /// The message id or the content was recorded before; nothing new was
    /// stored (except, for a new message id, a DUPLICATE record pointing at
    /// `first`). `first` is the first outcome: PARSED with its report id,
    /// or REJECTED with its reason.
    Duplicate { first: Ingestion },
}

/// How much of a report to return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportView {
    /// Id, source, metadata and parser version; the repeated parts and the
    /// normalized text left empty.
    #[default]
    Basic,
    /// The whole report.
    Full,
}

/// Inclusive date bounds on a period: a period matches when it ends on or
/// after `start` and starts on or before `end`. Items without a period do
/// not match a bound that is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct DateRange {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// One page of a listing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageRequest {
    /// The most items to return; 0 for [`DEFAULT_PAGE_SIZE`], and at most
    /// [`MAX_PAGE_SIZE`].
    pub size: u32,
    /// A previous page's `next_token`; `None` for the first page.
    pub token: Option<String>,
}

pub const DEFAULT_PAGE_SIZE: u32 = 50;
pub const MAX_PAGE_SIZE: u32 = 1000;

impl PageRequest {
    pub fn first(size: u32) -> Self {
        Self { size, token: None }
    }

    pub fn next(size: u32, token: impl Into<String>) -> Self {
        Self {
            size,
            token: Some(token.into()),
        }
    }

    pub(crate) fn limit(&self) -> u32 {
        match self.size {
            0 => DEFAULT_PAGE_SIZE,
            n => n.min(MAX_PAGE_SIZE),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// The token for the next page; `None` on the last page.
    pub next_token: Option<String>,
}

/// Filters of [`crate::Store::list_reports`]; empty ones match everything.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ReportFilter {
    /// Compared ignoring case and tone-mark placement.
    pub issuer: Option<String>,
    pub department: Option<String>,
    /// On the reporting period.
    pub period: DateRange,
    /// Also list reports that a later report of the same issuer for the same
    /// period replaced.
    pub include_superseded: bool,
}

/// Filters of [`crate::Store::list_observations`]; empty ones match
/// everything.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ObservationFilter {
    /// Catalog codes.
    pub indicators: Vec<String>,
    /// Compared ignoring case and tone-mark placement.
    pub issuer: Option<String>,
    /// On the observation's own period.
    pub period: DateRange,
    #[serde(serialize_with = "statuses")]
    pub statuses: Vec<baocao_domain::ObservationStatus>,
}

fn statuses<S: serde::Serializer>(
    v: &[baocao_domain::ObservationStatus],
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_seq(v.iter().map(|x| crate::rows::status_code(*x)))
}

/// A stored observation with the report that states it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportObservation {
    pub report_id: String,
    pub issuer: String,
    pub document_number: String,
    pub issued_on: Option<NaiveDate>,
    pub reporting_period: Option<Period>,
    pub observation: Observation,
}

/// What [`crate::Store::series`] is asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SeriesQuery {
    /// Catalog code; required.
    pub indicator: String,
    /// Required; compared ignoring case and tone-mark placement.
    pub issuer: String,
    /// The sub-category as written; empty for the indicator as a whole.
    pub breakdown: String,
    /// Only periods of this kind; `None` for all kinds.
    pub period_kind: Option<PeriodKind>,
    pub period: DateRange,
}

/// One indicator of one issuer over time.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Series {
    /// Ordered by period start, then period end.
    pub points: Vec<SeriesPoint>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPoint {
    pub period: Period,
    /// The figure of the latest report that states it: latest reporting
    /// period, then latest date of issue, then latest received.
    pub latest: ReportObservation,
    /// The same period's figures from earlier reports (and from reports a
    /// later one superseded), newest first.
    pub revisions: Vec<ReportObservation>,
}

/// Filters of [`crate::Store::list_tasks`]; empty ones match everything.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct TaskFilter {
    /// Compared ignoring case and tone-mark placement.
    pub issuer: Option<String>,
    /// On the task's period (the report's planning period when the task
    /// has none).
    pub period: DateRange,
    /// A topic code, e.g. "industry".
    pub topic: Option<String>,
    /// Words the task's text must all contain, ignoring case and
    /// diacritics.
    pub text: Option<String>,
    /// The official number of a document the task cites, e.g. "02/KH-UBND".
    pub document_number: Option<String>,
    /// The type of a document the task cites (`DocumentRef::doc_type`),
    /// e.g. "CT", compared ignoring case and diacritics. With
    /// `document_number`, one cited document has both.
    pub document_type: Option<String>,
}

/// A stored task with the report that sets it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportTask {
    pub report_id: String,
    pub issuer: String,
    pub document_number: String,
    pub planning_period: Option<Period>,
    pub task: Task,
}

/// What [`crate::Store::search`] is asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct SearchQuery {
    /// Words, with or without diacritics; required.
    pub query: String,
    pub issuer: Option<String>,
    pub department: Option<String>,
    /// On the reporting period.
    pub period: DateRange,
}

/// Where a search hit stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitKind {
    /// A section's text (outside its tasks).
    Section,
    Task,
    Footnote,
}

/// One place in one report where the query matched.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub report_id: String,
    pub metadata: Metadata,
    pub kind: HitKind,
    /// The section the match stands in; empty outside any section.
    pub section_number: String,
    pub section_path: String,
    /// A passage around the match as written, diacritics and all.
    pub snippet: String,
    /// The matched words, as byte ranges into `snippet`.
    pub highlights: Vec<Span>,
    /// The snippet in the report's normalized text.
    pub span: Span,
    /// Higher is better; comparable within one result only.
    pub score: f64,
}

/// A report parsed by another parser version than the current one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleReport {
    pub report_id: String,
    pub message_id: String,
    pub parser_version: String,
}

/// A stored upload as it was received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawUpload {
    pub bytes: Vec<u8>,
    pub source: Source,
}
