//! Indicator observations: one figure a report states, with its period,
//! status, comparisons and where it came from.

use serde::{Deserialize, Serialize};

use crate::{Period, Quantity, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ObservationStatus {
    #[default]
    Actual,
    /// ước, ước đạt, ước tính.
    Estimate,
    /// dự kiến.
    Forecast,
}

/// What a comparison is made against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ComparisonBase {
    #[default]
    Unspecified,
    SamePeriodLastYear,
    PreviousPeriod,
    Plan,
    BudgetEstimate,
    Other,
}

/// The change a comparison states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Change {
    /// Signed percent: "tăng 17,32%" = 17.32, "giảm 21,9%" = -21.9.
    PercentChange(f64),
    /// "gấp 1,2 lần" = 1.2.
    Ratio(f64),
    /// "bằng 40,09% kế hoạch" = 40.09.
    AttainmentPercent(f64),
    /// "giảm 07 vụ" = -7 vụ.
    AbsoluteChange(Quantity),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    pub base: ComparisonBase,
    /// As written: "so với tháng 4/2024", "kế hoạch".
    pub base_label: String,
    pub change: Change,
    /// "gấp gần 1,7 lần" is approximate.
    pub qualifier: crate::Qualifier,
}

/// Where an observation came from.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Provenance {
    pub section_number: String,
    /// Set when the figure stands in a footnote.
    pub footnote_number: Option<u32>,
    /// The figure in the normalized text.
    pub span: Span,
    /// The whole sentence it stands in.
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    /// Catalog code ("iip", "exports"); empty when not in the catalog.
    pub indicator: String,
    /// The indicator as written.
    pub label: String,
    /// A sub-category as written ("Khu vực kinh tế nhà nước"); empty for
    /// the indicator as a whole.
    pub breakdown: String,
    pub period: Option<Period>,
    /// Absent when only a change is stated.
    pub quantity: Option<Quantity>,
    pub status: ObservationStatus,
    pub comparisons: Vec<Comparison>,
    pub provenance: Provenance,
}
