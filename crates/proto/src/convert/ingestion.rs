//! The outcome of an upload.

use baocao_domain as domain;

use super::{
    ConversionError, datetime_from_timestamp, enum_conversions, enum_from_i32, enum_to_i32,
    timestamp_from_datetime,
};
use crate::pb;

enum_conversions!(IngestionStatus <=> IngestionStatus {
    Unspecified <=> Unspecified,
    Parsed <=> Parsed,
    Duplicate <=> Duplicate,
    Rejected <=> Rejected,
});

impl From<domain::Ingestion> for pb::Ingestion {
    fn from(value: domain::Ingestion) -> Self {
        let domain::Ingestion {
            message_id,
            status,
            reason,
            report_id,
            received_at,
        } = value;
        Self {
            message_id,
            status: enum_to_i32::<_, pb::IngestionStatus>(status),
            reason,
            report_id,
            received_at: received_at.map(timestamp_from_datetime),
        }
    }
}

impl TryFrom<pb::Ingestion> for domain::Ingestion {
    type Error = ConversionError;

    fn try_from(value: pb::Ingestion) -> Result<Self, Self::Error> {
        let pb::Ingestion {
            message_id,
            status,
            reason,
            report_id,
            received_at,
        } = value;
        Ok(Self {
            message_id,
            status: enum_from_i32::<pb::IngestionStatus, _>("Ingestion.status", status)?,
            reason,
            report_id,
            received_at: received_at
                .map(|t| datetime_from_timestamp("Ingestion.received_at", t))
                .transpose()?,
        })
    }
}
