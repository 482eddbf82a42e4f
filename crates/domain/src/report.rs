//! A parsed report.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{DocumentRef, Footnote, Observation, Period, QualityIssue, Section, Task};

/// Where a report came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// The sending department's code, e.g. "so-khdt".
    pub department: String,
    pub filename: String,
    pub content_type: String,
    pub message_id: String,
    /// Lowercase hex SHA-256 of the raw bytes.
    pub content_sha256: String,
    pub received_at: Option<DateTime<Utc>>,
}

/// Who signed a report: "TM. UỶ BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Signer {
    /// The signer's name; empty when the text does not give it.
    pub name: String,
    /// The signer's own position: "PHÓ CHỦ TỊCH".
    pub position: String,
    /// "KT. CHỦ TỊCH" (signing for), "Q. CHỦ TỊCH", "TL. ..."; empty when
    /// the signer signs in their own right.
    pub signing_for: String,
    /// The body the signature is given for: "UỶ BAN NHÂN DÂN" from "TM. UỶ BAN
    /// NHÂN DÂN".
    pub on_behalf_of: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    /// "UBND tỉnh Bắc Giang".
    pub issuer: String,
    /// "Bắc Giang".
    pub province: String,
    pub title: String,
    /// "123/BC-UBND"; empty when the text does not give it.
    pub document_number: String,
    pub issued_on: Option<NaiveDate>,
    /// The period the report is on.
    pub reporting_period: Option<Period>,
    /// The period its tasks are for.
    pub planning_period: Option<Period>,
    pub signer: Option<Signer>,
    /// The "Nơi nhận" list, one entry a line, as written.
    pub recipients: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Assigned by the store; empty for a report parsed locally.
    pub id: String,
    pub source: Option<Source>,
    pub metadata: Metadata,
    pub sections: Vec<Section>,
    pub footnotes: Vec<Footnote>,
    pub observations: Vec<Observation>,
    pub tasks: Vec<Task>,
    pub document_references: Vec<DocumentRef>,
    pub quality_issues: Vec<QualityIssue>,
    pub parser_version: String,
    /// The normalized text every span points into: the body's paragraphs in
    /// reading order, then the footnotes.
    pub normalized_text: String,
}
