//! Tasks set for the coming period.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{DocumentRef, Period, Span};

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Task {
    /// The task's number as written (1, 2, ...).
    pub ordinal: u32,
    /// The planning period the task belongs to.
    pub period: Option<Period>,
    /// The first sentence.
    pub title: String,
    /// The whole task, paragraphs separated by '\n', number removed.
    pub text: String,
    /// Topic codes (see `baocao_parser`'s topic list), e.g. "industry".
    pub topics: Vec<String>,
    /// Documents the task cites.
    pub document_references: Vec<DocumentRef>,
    /// A deadline, where one is written.
    pub deadline: Option<NaiveDate>,
    pub span: Span,
}
