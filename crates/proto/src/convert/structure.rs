//! Spans, sections and footnotes.

use baocao_domain as domain;

use super::ConversionError;
use crate::pb;

impl From<domain::Span> for pb::Span {
    fn from(value: domain::Span) -> Self {
        let domain::Span { start, end } = value;
        Self { start, end }
    }
}

impl From<pb::Span> for domain::Span {
    fn from(value: pb::Span) -> Self {
        let pb::Span { start, end } = value;
        Self { start, end }
    }
}

/// A span the domain always has; an absent message reads as the empty span.
pub(crate) fn span_or_default(value: Option<pb::Span>) -> domain::Span {
    value.map(domain::Span::from).unwrap_or_default()
}

impl From<domain::Section> for pb::Section {
    fn from(value: domain::Section) -> Self {
        let domain::Section {
            number,
            path,
            title,
            level,
            parent_number,
            text,
            span,
        } = value;
        Self {
            number,
            path,
            title,
            level,
            parent_number,
            text,
            span: Some(span.into()),
        }
    }
}

impl TryFrom<pb::Section> for domain::Section {
    type Error = ConversionError;

    fn try_from(value: pb::Section) -> Result<Self, Self::Error> {
        let pb::Section {
            number,
            path,
            title,
            level,
            parent_number,
            text,
            span,
        } = value;
        Ok(Self {
            number,
            path,
            title,
            level,
            parent_number,
            text,
            span: span_or_default(span),
        })
    }
}

impl From<domain::Footnote> for pb::Footnote {
    fn from(value: domain::Footnote) -> Self {
        let domain::Footnote {
            number,
            text,
            section_number,
            section_path,
            marker_span,
            span,
        } = value;
        Self {
            number,
            text,
            section_number,
            section_path,
            marker_span: marker_span.map(Into::into),
            span: Some(span.into()),
        }
    }
}

impl TryFrom<pb::Footnote> for domain::Footnote {
    type Error = ConversionError;

    fn try_from(value: pb::Footnote) -> Result<Self, Self::Error> {
        let pb::Footnote {
            number,
            text,
            section_number,
            section_path,
            marker_span,
            span,
        } = value;
        Ok(Self {
            number,
            text,
            section_number,
            section_path,
            marker_span: marker_span.map(Into::into),
            span: span_or_default(span),
        })
    }
}
