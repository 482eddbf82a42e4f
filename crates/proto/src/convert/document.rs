//! Cited documents.

use baocao_domain as domain;

use super::structure::span_or_default;
use super::{ConversionError, optional_date, optional_date_to_string};
use crate::pb;

impl From<domain::DocumentRef> for pb::DocumentRef {
    fn from(value: domain::DocumentRef) -> Self {
        let domain::DocumentRef {
            number,
            doc_type,
            issuer,
            issued_on,
            raw,
            span,
        } = value;
        Self {
            number,
            doc_type,
            issuer,
            issued_on: optional_date_to_string(issued_on),
            raw,
            span: Some(span.into()),
        }
    }
}

impl TryFrom<pb::DocumentRef> for domain::DocumentRef {
    type Error = ConversionError;

    fn try_from(value: pb::DocumentRef) -> Result<Self, Self::Error> {
        let pb::DocumentRef {
            number,
            doc_type,
            issuer,
            issued_on,
            raw,
            span,
        } = value;
        Ok(Self {
            number,
            doc_type,
            issuer,
            issued_on: optional_date("DocumentRef.issued_on", issued_on)?,
            raw,
            span: span_or_default(span),
        })
    }
}
