//! The outcome of one upload.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum IngestionStatus {
    #[default]
    Unspecified,
    /// Parsed and stored.
    Parsed,
    /// The same message id or the same content was already stored.
    Duplicate,
    /// Stored with a reason; it can never be parsed as sent.
    Rejected,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Ingestion {
    pub message_id: String,
    pub status: IngestionStatus,
    /// Why a report was rejected; empty otherwise.
    pub reason: String,
    /// The stored report (for DUPLICATE, the first one).
    pub report_id: String,
    pub received_at: Option<DateTime<Utc>>,
}
