//! Tasks.

use baocao_domain as domain;

use super::period::optional_period;
use super::structure::span_or_default;
use super::{ConversionError, into_vec, optional_date, optional_date_to_string, try_vec};
use crate::pb;

impl From<domain::Task> for pb::Task {
    fn from(value: domain::Task) -> Self {
        let domain::Task {
            ordinal,
            period,
            title,
            text,
            topics,
            document_references,
            deadline,
            span,
        } = value;
        Self {
            ordinal,
            period: period.map(Into::into),
            title,
            text,
            topics,
            document_references: into_vec(document_references),
            deadline: optional_date_to_string(deadline),
            span: Some(span.into()),
        }
    }
}

impl TryFrom<pb::Task> for domain::Task {
    type Error = ConversionError;

    fn try_from(value: pb::Task) -> Result<Self, Self::Error> {
        let pb::Task {
            ordinal,
            period,
            title,
            text,
            topics,
            document_references,
            deadline,
            span,
        } = value;
        Ok(Self {
            ordinal,
            period: optional_period(period)?,
            title,
            text,
            topics,
            document_references: try_vec(document_references)?,
            deadline: optional_date("Task.deadline", deadline)?,
            span: span_or_default(span),
        })
    }
}
