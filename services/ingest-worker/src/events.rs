//! What the worker tells other systems on the events exchange, one JSON
//! object per outcome, routing key = `type`:
//!
//! - `report.parsed`: a report was stored (or, for a redelivered message,
//!   had been stored): `reportId`, `issuer`, `period`, `counts`.
//! - `report.rejected`: an upload was stored as REJECTED: `reason`.
//! - `report.duplicate`: a new message id with content stored before:
//!   `duplicateOf` (the first message id), `firstStatus`, and the first
//!   report's id.
//!
//! Every event carries `messageId`, `department`, `filename` and
//! `occurredAt`. Delivery is at least once: a consumer that must not count
//! twice keys on `messageId` and `type`.

use baocao_domain::{Ingestion, IngestionStatus, Period, Report, Source};
use chrono::{DateTime, Utc};
use serde::Serialize;

pub const PARSED: &str = "report.parsed";
pub const REJECTED: &str = "report.rejected";
pub const DUPLICATE: &str = "report.duplicate";

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub message_id: String,
    pub department: String,
    pub filename: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub report_id: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub issuer: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counts: Option<Counts>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reason: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub duplicate_of: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub first_status: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub parser_version: String,
    pub occurred_at: DateTime<Utc>,
}

/// How much the parser found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub sections: usize,
    pub footnotes: usize,
    pub observations: usize,
    pub tasks: usize,
    pub document_references: usize,
    pub quality_issues: usize,
}

impl Counts {
    pub fn of(r: &Report) -> Self {
        Self {
            sections: r.sections.len(),
            footnotes: r.footnotes.len(),
            observations: r.observations.len(),
            tasks: r.tasks.len(),
            document_references: r.document_references.len(),
            quality_issues: r.quality_issues.len(),
        }
    }
}

fn base(kind: &'static str, source: &Source) -> Event {
    Event {
        kind,
        message_id: source.message_id.clone(),
        department: source.department.clone(),
        filename: source.filename.clone(),
        report_id: String::new(),
        issuer: String::new(),
        period: None,
        counts: None,
        reason: String::new(),
        duplicate_of: String::new(),
        first_status: String::new(),
        parser_version: String::new(),
        occurred_at: Utc::now(),
    }
}

fn with_report(mut e: Event, report: Option<&Report>) -> Event {
    if let Some(r) = report {
        e.issuer = r.metadata.issuer.clone();
        e.period = r.metadata.reporting_period.clone();
        e.counts = Some(Counts::of(r));
        e.parser_version = r.parser_version.clone();
    }
    e
}

pub fn parsed(source: &Source, report_id: &str, report: Option<&Report>) -> Event {
    let mut e = with_report(base(PARSED, source), report);
    e.report_id = report_id.to_owned();
    e
}

pub fn rejected(source: &Source, reason: &str) -> Event {
    let mut e = base(REJECTED, source);
    e.reason = reason.to_owned();
    e
}

pub fn duplicate(source: &Source, first: &Ingestion, report: Option<&Report>) -> Event {
    let mut e = with_report(base(DUPLICATE, source), report);
    e.report_id = first.report_id.clone();
    e.duplicate_of = first.message_id.clone();
    e.first_status = status_name(first.status).to_owned();
    e.reason = first.reason.clone();
    e
}

pub fn status_name(s: IngestionStatus) -> &'static str {
    match s {
        IngestionStatus::Unspecified => "UNSPECIFIED",
        IngestionStatus::Parsed => "PARSED",
        IngestionStatus::Duplicate => "DUPLICATE",
        IngestionStatus::Rejected => "REJECTED",
    }
}

impl Event {
    pub fn to_json(&self) -> Vec<u8> {
        // An Event has only strings, numbers, dates: it always serializes.
        serde_json::to_vec(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_shape() {
        let source = Source {
            department: "so-khdt".into(),
            filename: "bc.txt".into(),
            message_id: "m-1".into(),
            ..Source::default()
        };
        let v: serde_json::Value =
            serde_json::from_slice(&rejected(&source, "empty input").to_json()).unwrap();
        assert_eq!(v["type"], "report.rejected");
        assert_eq!(v["messageId"], "m-1");
        assert_eq!(v["department"], "so-khdt");
        assert_eq!(v["reason"], "empty input");
        assert!(v.get("reportId").is_none());
        assert!(v["occurredAt"].is_string());
    }
}
