//! Between domain types and table rows: a [`Report`] taken apart into the
//! rows that are written, and read rows put back together.

use baocao_domain::text::match_key;
use baocao_domain::{
    DocumentRef, Footnote, Metadata, ObservationStatus, Period, PeriodKind, QualityIssue, Report,
    Section, Task,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::search;

/// The sort key of an item without a period: after every real date when
/// sorting newest first.
pub(crate) fn no_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(1, 1, 1).expect("0001-01-01 is a date")
}

pub(crate) fn period_kind_code(k: PeriodKind) -> &'static str {
    match k {
        PeriodKind::Unspecified => "UNSPECIFIED",
        PeriodKind::Month => "MONTH",
        PeriodKind::YearToDate => "YEAR_TO_DATE",
        PeriodKind::Quarter => "QUARTER",
        PeriodKind::HalfYear => "HALF_YEAR",
        PeriodKind::Year => "YEAR",
        PeriodKind::AsOfDate => "AS_OF_DATE",
        PeriodKind::DateRange => "DATE_RANGE",
    }
}

pub(crate) fn status_code(s: ObservationStatus) -> &'static str {
    match s {
        ObservationStatus::Actual => "ACTUAL",
        ObservationStatus::Estimate => "ESTIMATE",
        ObservationStatus::Forecast => "FORECAST",
    }
}

/// A period as three nullable columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PeriodCols {
    pub kind: Option<String>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

impl From<Option<&Period>> for PeriodCols {
    fn from(p: Option<&Period>) -> Self {
        match p {
            Some(p) => Self {
                kind: Some(period_kind_code(p.kind).to_owned()),
                start: Some(p.start),
                end: Some(p.end),
            },
            None => Self::default(),
        }
    }
}

/// The group of reports one of which is current: same issuer (by match
/// key), same reporting period. `None` when either is unknown: such a
/// report replaces nothing and is never replaced.
pub(crate) fn head_key(issuer_key: &str, period: Option<&Period>) -> Option<String> {
    let p = period?;
    if issuer_key.trim().is_empty() {
        return None;
    }
    Some(format!(
        "{issuer_key}|{}|{}|{}",
        period_kind_code(p.kind),
        p.start,
        p.end
    ))
}

/// The parts of a report kept as one JSON document.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BodyRef<'a> {
    sections: &'a [Section],
    footnotes: &'a [Footnote],
    document_references: &'a [DocumentRef],
    quality_issues: &'a [QualityIssue],
    normalized_text: &'a str,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Body {
    pub sections: Vec<Section>,
    pub footnotes: Vec<Footnote>,
    pub document_references: Vec<DocumentRef>,
    pub quality_issues: Vec<QualityIssue>,
    pub normalized_text: String,
}

/// A report taken apart into the rows written for it.
#[derive(Debug, Clone)]
pub(crate) struct ReportRows {
    pub issuer: String,
    pub issuer_key: String,
    pub document_number: String,
    pub issued_on: Option<NaiveDate>,
    pub period: PeriodCols,
    pub planning: PeriodCols,
    /// The reporting period's (start, end), or [`no_date`].
    pub sort: (NaiveDate, NaiveDate),
    /// The planning period's (start, end), or [`no_date`]: the tasks' sort.
    pub task_sort: (NaiveDate, NaiveDate),
    pub head_key: Option<String>,
    pub parser_version: String,
    pub metadata: String,
    pub body: String,
    pub observations: Vec<ObservationRow>,
    pub tasks: Vec<TaskRow>,
    pub passages: Vec<search::Passage>,
}

#[derive(Debug, Clone)]
pub(crate) struct ObservationRow {
    pub position: i64,
    pub indicator: String,
    pub breakdown_key: String,
    pub status: &'static str,
    pub period: PeriodCols,
    pub body: String,
}

#[derive(Debug, Clone)]
pub(crate) struct TaskRow {
    pub position: i64,
    pub ordinal: i64,
    pub period: PeriodCols,
    /// Folded words, space-separated, with a space at either end so that
    /// `LIKE '% word %'` finds whole words.
    pub words: String,
    pub body: String,
    pub topics: Vec<String>,
    /// The cited documents, without repeats: each number's match key
    /// (empty for a document cited by name only) and its type's key
    /// ([`type_key`]).
    pub documents: Vec<(String, String)>,
}

/// The rows of `task_documents` for the task `t`: each cited document's
/// number and type keys, without repeats.
pub(crate) fn task_documents(t: &Task) -> Vec<(String, String)> {
    let mut documents: Vec<(String, String)> = t
        .document_references
        .iter()
        .map(|d| (match_key(d.number.trim()), type_key(&d.doc_type)))
        // Neither number nor type: nothing a filter can find.
        .filter(|(number, kind)| !number.is_empty() || !kind.is_empty())
        .collect();
    documents.sort();
    documents.dedup();
    documents
}

/// The key a cited document's type is stored and looked up by: the
/// abbreviation trimmed, lowercased, its diacritics removed ("QĐ" and
/// "qd" give "qd"; "ĐA" and "DA", both a scheme, give "da"). The parser's
/// types stay distinct under it: "QĐ" against "QĐi", "CT" against "CTr".
pub(crate) fn type_key(doc_type: &str) -> String {
    baocao_domain::text::fold(doc_type.trim())
}

fn bounds(p: Option<&Period>) -> (NaiveDate, NaiveDate) {
    p.map_or((no_date(), no_date()), |p| (p.start, p.end))
}

impl ReportRows {
    pub fn build(report: &Report) -> Result<Self, serde_json::Error> {
        let m = &report.metadata;
        let issuer_key = match_key(m.issuer.trim());
        let body = serde_json::to_string(&BodyRef {
            sections: &report.sections,
            footnotes: &report.footnotes,
            document_references: &report.document_references,
            quality_issues: &report.quality_issues,
            normalized_text: &report.normalized_text,
        })?;
        let observations = report
            .observations
            .iter()
            .enumerate()
            .map(|(i, o)| {
                Ok(ObservationRow {
                    position: i as i64,
                    indicator: o.indicator.clone(),
                    breakdown_key: match_key(o.breakdown.trim()),
                    status: status_code(o.status),
                    period: o.period.as_ref().into(),
                    body: serde_json::to_string(o)?,
                })
            })
            .collect::<Result<Vec<_>, serde_json::Error>>()?;
        let tasks = report
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let documents = task_documents(t);
                let mut topics = t.topics.clone();
                topics.sort();
                topics.dedup();
                Ok(TaskRow {
                    position: i as i64,
                    ordinal: i64::from(t.ordinal),
                    period: t.period.as_ref().or(m.planning_period.as_ref()).into(),
                    words: format!(" {} ", search::words(&t.text)),
                    body: serde_json::to_string(t)?,
                    topics,
                    documents,
                })
            })
            .collect::<Result<Vec<_>, serde_json::Error>>()?;
        Ok(Self {
            issuer: m.issuer.clone(),
            head_key: head_key(&issuer_key, m.reporting_period.as_ref()),
            issuer_key,
            document_number: m.document_number.clone(),
            issued_on: m.issued_on,
            period: m.reporting_period.as_ref().into(),
            planning: m.planning_period.as_ref().into(),
            sort: bounds(m.reporting_period.as_ref()),
            task_sort: bounds(m.planning_period.as_ref()),
            parser_version: report.parser_version.clone(),
            metadata: serde_json::to_string(m)?,
            body,
            observations,
            tasks,
            passages: search::passages(report),
        })
    }
}

pub(crate) fn decode_metadata(json: &str) -> Result<Metadata, serde_json::Error> {
    serde_json::from_str(json)
}

/// What an observation or task listing shows of its report's metadata:
/// the fields of [`Metadata`] it needs, the rest (title, signer,
/// recipients) skipped unread.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ItemMetadata {
    pub issuer: String,
    pub document_number: String,
    pub issued_on: Option<chrono::NaiveDate>,
    pub reporting_period: Option<baocao_domain::Period>,
    pub planning_period: Option<baocao_domain::Period>,
}

/// Reports' listing metadata, each decoded once however many of its rows
/// a query returns (a series reads a few observations of each of a
/// hundred reports; every row carries its report's metadata).
#[derive(Default)]
pub(crate) struct MetadataMemo {
    seen: std::collections::HashMap<i64, std::sync::Arc<ItemMetadata>>,
}

impl MetadataMemo {
    /// Report `id`'s metadata, decoded from `json` the first time.
    pub fn get(
        &mut self,
        id: i64,
        json: &str,
    ) -> Result<std::sync::Arc<ItemMetadata>, serde_json::Error> {
        if let Some(m) = self.seen.get(&id) {
            return Ok(m.clone());
        }
        let m = std::sync::Arc::new(serde_json::from_str::<ItemMetadata>(json)?);
        self.seen.insert(id, m.clone());
        Ok(m)
    }
}

/// Report ids are the decimal row ids.
pub(crate) fn report_id_string(id: i64) -> String {
    id.to_string()
}

/// `None` for a string that is no report id this store issued.
pub(crate) fn parse_report_id(id: &str) -> Option<i64> {
    let id = id.trim();
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    id.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_period_kind(s: &str) -> Option<PeriodKind> {
        Some(match s {
            "UNSPECIFIED" => PeriodKind::Unspecified,
            "MONTH" => PeriodKind::Month,
            "YEAR_TO_DATE" => PeriodKind::YearToDate,
            "QUARTER" => PeriodKind::Quarter,
            "HALF_YEAR" => PeriodKind::HalfYear,
            "YEAR" => PeriodKind::Year,
            "AS_OF_DATE" => PeriodKind::AsOfDate,
            "DATE_RANGE" => PeriodKind::DateRange,
            _ => return None,
        })
    }

    #[test]
    fn head_key_needs_issuer_and_period() {
        let p = Period::month(2024, 5, "tháng 5").unwrap();
        assert_eq!(head_key("", Some(&p)), None);
        assert_eq!(head_key("ubnd", None), None);
        assert_eq!(
            head_key("ubnd", Some(&p)).as_deref(),
            Some("ubnd|MONTH|2024-05-01|2024-05-31")
        );
    }

    #[test]
    fn report_ids_are_decimal() {
        assert_eq!(parse_report_id("42"), Some(42));
        assert_eq!(parse_report_id("-1"), None);
        assert_eq!(parse_report_id("4x"), None);
        assert_eq!(parse_report_id(""), None);
    }

    #[test]
    fn codes_round_trip() {
        for k in [
            PeriodKind::Unspecified,
            PeriodKind::Month,
            PeriodKind::YearToDate,
            PeriodKind::Quarter,
            PeriodKind::HalfYear,
            PeriodKind::Year,
            PeriodKind::AsOfDate,
            PeriodKind::DateRange,
        ] {
            assert_eq!(parse_period_kind(period_kind_code(k)), Some(k));
        }
    }
}
