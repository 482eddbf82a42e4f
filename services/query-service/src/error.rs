//! The service's one error type, and its one mapping to gRPC status codes.
//!
//! Handlers return [`ApiError`]; `From<ApiError> for Status` decides the
//! code, the message a client sees and the error details (a
//! `google.rpc.BadRequest` naming the field for INVALID_ARGUMENT, a
//! `google.rpc.ResourceInfo` for NOT_FOUND). Store errors are matched
//! variant by variant, so a new one breaks the build here. Internal errors
//! are logged with their cause and shown to clients without it.

use baocao_store::StoreError;
use tonic::{Code, Status};
use tonic_types::{ErrorDetails, StatusExt};

/// What a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A request field is unusable. `field` is its name in the .proto
    /// (`period_start`, `indicators[1]`); `reason` says what was expected
    /// and what was found.
    #[error("{field}: {reason}")]
    InvalidArgument { field: String, reason: String },
    /// Something the request names that is not in the store: an indicator
    /// code outside the catalog.
    #[error("{resource_type} {name:?} not found{hint}")]
    NotFound {
        resource_type: &'static str,
        name: String,
        /// What to do instead, starting with "; ", or empty.
        hint: &'static str,
    },
    /// A dependency other than the store cannot be reached now (the
    /// broker); retrying later may succeed.
    #[error("{0}")]
    Unavailable(String),
    /// The server is not set up for the call (no broker configured).
    #[error("{0}")]
    FailedPrecondition(String),
}

impl ApiError {
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        ApiError::InvalidArgument {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

impl From<ApiError> for Status {
    fn from(e: ApiError) -> Status {
        match e {
            ApiError::Store(e) => store_status(e),
            ApiError::InvalidArgument { field, reason } => {
                bad_request(&field, format!("{field}: {reason}"))
            }
            ApiError::NotFound {
                resource_type,
                name,
                hint,
            } => not_found(
                resource_type,
                &name,
                format!("{resource_type} {name:?} not found{hint}"),
            ),
            ApiError::Unavailable(message) => Status::unavailable(message),
            ApiError::FailedPrecondition(message) => Status::failed_precondition(message),
        }
    }
}

/// The status for a store error: the caller's mistakes and missing things
/// with what to fix, an unreachable database as UNAVAILABLE (retry), and
/// everything else as INTERNAL without the cause.
fn store_status(e: StoreError) -> Status {
    let transient = e.is_transient();
    match e {
        StoreError::InvalidArgument { field, reason } => {
            bad_request(field, format!("{field}: {reason}"))
        }
        StoreError::InvalidPageToken { reason } => bad_request(
            "page_token",
            format!(
                "page_token: {reason}; send the next_page_token of the previous response \
                 unchanged with the same filters, or an empty page_token for the first page"
            ),
        ),
        StoreError::ReportNotFound { id } => {
            not_found("baocao.v1.Report", &id, format!("report {id:?} not found"))
        }
        StoreError::TaskNotFound { report_id, ordinal } => not_found(
            "baocao.v1.Task",
            &format!("{report_id}/{ordinal}"),
            format!("task {ordinal} of report {report_id:?} not found"),
        ),
        StoreError::IngestionNotFound { message_id } => not_found(
            "baocao.v1.Ingestion",
            &message_id,
            format!(
                "no outcome recorded for message {message_id:?}: it is still queued, or the id \
                 is unknown"
            ),
        ),
        e @ (StoreError::Connect { .. } | StoreError::Database { .. }) if transient => {
            tracing::warn!(error = %e, "store unavailable");
            Status::unavailable("the database is unavailable; retry with backoff")
        }
        e @ (StoreError::UnsupportedUrl { .. }
        | StoreError::Connect { .. }
        | StoreError::Migrate { .. }
        | StoreError::Database { .. }
        | StoreError::Encode { .. }
        | StoreError::Corrupt { .. }) => {
            tracing::error!(error = %e, "store error");
            Status::internal("internal error in the store; the server log has the details")
        }
    }
}

fn bad_request(field: &str, message: String) -> Status {
    let details = ErrorDetails::with_bad_request_violation(field, message.clone());
    Status::with_error_details(Code::InvalidArgument, message, details)
}

fn not_found(resource_type: &str, name: &str, message: String) -> Status {
    let details = ErrorDetails::with_resource_info(resource_type, name, "", message.clone());
    Status::with_error_details(Code::NotFound, message, details)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_arguments_name_the_field_in_details() {
        let s = Status::from(ApiError::invalid("period_start", "expected YYYY-MM-DD"));
        assert_eq!(s.code(), Code::InvalidArgument);
        assert_eq!(s.message(), "period_start: expected YYYY-MM-DD");
        let details = s.get_error_details();
        let v = &details.bad_request().unwrap().field_violations[0];
        assert_eq!(v.field, "period_start");
    }

    #[test]
    fn store_errors_map_to_codes() {
        let cases = [
            (
                StoreError::InvalidPageToken { reason: "x".into() },
                Code::InvalidArgument,
            ),
            (
                StoreError::ReportNotFound { id: "9".into() },
                Code::NotFound,
            ),
            (
                StoreError::TaskNotFound {
                    report_id: "9".into(),
                    ordinal: 2,
                },
                Code::NotFound,
            ),
            (
                StoreError::Database {
                    context: "x".into(),
                    source: sqlx::Error::PoolTimedOut,
                },
                Code::Unavailable,
            ),
            (
                StoreError::Corrupt {
                    context: "x".into(),
                    reason: "y".into(),
                },
                Code::Internal,
            ),
        ];
        for (e, code) in cases {
            let s = Status::from(ApiError::from(e));
            assert_eq!(s.code(), code, "{s:?}");
        }
    }
}
