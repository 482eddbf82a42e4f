//! Damage the parser saw in a report, repaired or not.

use serde::{Deserialize, Serialize};

use crate::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum QualityIssueKind {
    #[default]
    Unspecified,
    /// A tone or vowel mark separated from its letter; re-attached.
    DetachedDiacriticRepaired,
    /// A tone or vowel mark separated from its letter that could not be
    /// placed with certainty; left as found.
    DetachedDiacritic,
    /// A damaged number ("475,37 52,13 triệu USD"): no value was taken.
    GarbledNumber,
    /// A number the parser could read but not attach to any subject; no
    /// observation was made of it.
    UnattachedNumber,
    /// A heading or task number skipped ("1.4" then "1.6").
    NumberingGap,
    /// A footnote body with no marker in the text.
    FootnoteMarkerMissing,
    /// A footnote marker with no body.
    FootnoteBodyMissing,
    /// A metadata field the report does not state and that was inferred or
    /// left empty.
    MetadataMissing,
    /// Characters that are not text (control characters) were removed.
    ControlCharacters,
    /// A hint given with the upload disagrees with the report.
    HintMismatch,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QualityIssue {
    pub kind: QualityIssueKind,
    pub message: String,
    pub span: Span,
}
