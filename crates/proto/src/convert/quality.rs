//! Quality issues.

use baocao_domain as domain;

use super::structure::span_or_default;
use super::{ConversionError, enum_conversions, enum_from_i32, enum_to_i32};
use crate::pb;

enum_conversions!(QualityIssueKind <=> QualityIssueKind {
    Unspecified <=> Unspecified,
    DetachedDiacriticRepaired <=> DetachedDiacriticRepaired,
    DetachedDiacritic <=> DetachedDiacritic,
    GarbledNumber <=> GarbledNumber,
    NumberingGap <=> NumberingGap,
    FootnoteMarkerMissing <=> FootnoteMarkerMissing,
    FootnoteBodyMissing <=> FootnoteBodyMissing,
    MetadataMissing <=> MetadataMissing,
    ControlCharacters <=> ControlCharacters,
    HintMismatch <=> HintMismatch,
    UnattachedNumber <=> UnattachedNumber,
});

impl From<domain::QualityIssue> for pb::QualityIssue {
    fn from(value: domain::QualityIssue) -> Self {
        let domain::QualityIssue {
            kind,
            message,
            span,
        } = value;
        Self {
            kind: enum_to_i32::<_, pb::QualityIssueKind>(kind),
            message,
            span: Some(span.into()),
        }
    }
}

impl TryFrom<pb::QualityIssue> for domain::QualityIssue {
    type Error = ConversionError;

    fn try_from(value: pb::QualityIssue) -> Result<Self, Self::Error> {
        let pb::QualityIssue {
            kind,
            message,
            span,
        } = value;
        Ok(Self {
            kind: enum_from_i32::<pb::QualityIssueKind, _>("QualityIssue.kind", kind)?,
            message,
            span: span_or_default(span),
        })
    }
}
