//! Cited legal and administrative documents.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::Span;

/// A reference to an official document: "Kế hoạch số 02/KH-UBND ngày
/// 11/01/2024 của UBND tỉnh", "Chỉ thị số 19-CT/TU", "Luật Đất đai".
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DocumentRef {
    /// The official number as written: "02/KH-UBND", "19-CT/TU"; empty for a
    /// document cited by name only ("Luật Đất đai").
    pub number: String,
    /// The type's abbreviation: NQ, QĐ, CT, KH, CĐ, KL, TB, BC, TTr, CV, NĐ,
    /// TT, LUAT (a law), DA (a scheme).
    pub doc_type: String,
    /// Who issued it: the words after "của" where written, else the issuing
    /// body's abbreviation in the number ("UBND", "CP", "TU").
    pub issuer: String,
    pub issued_on: Option<NaiveDate>,
    /// The reference as written.
    pub raw: String,
    pub span: Span,
}
