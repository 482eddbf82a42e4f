//! The store's one error type, and which errors are worth retrying.

use std::borrow::Cow;

/// What can go wrong in the store. Messages say which message, report or
/// page token was involved and why.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database URL names no backend the store has.
    #[error("unsupported database url {url:?}: expected sqlite://PATH or postgres://...")]
    UnsupportedUrl { url: String },
    /// The database could not be opened or reached at start.
    #[error("cannot open {backend} database {target}: {source}")]
    Connect {
        backend: &'static str,
        /// The file, or the URL without its password.
        target: String,
        #[source]
        source: sqlx::Error,
    },
    /// A migration failed.
    #[error("cannot migrate the {backend} database: {source}")]
    Migrate {
        backend: &'static str,
        #[source]
        source: sqlx::migrate::MigrateError,
    },
    /// An argument the caller passed is unusable; `field` names it.
    #[error("invalid {field}: {reason}")]
    InvalidArgument { field: &'static str, reason: String },
    /// A page token that this store did not issue for this query: altered,
    /// truncated, or from a request with other filters.
    #[error("invalid page token: {reason}")]
    InvalidPageToken { reason: String },
    #[error("report {id} not found")]
    ReportNotFound { id: String },
    #[error("task {ordinal} of report {report_id} not found")]
    TaskNotFound { report_id: String, ordinal: u32 },
    #[error("no ingestion recorded for message {message_id}")]
    IngestionNotFound { message_id: String },
    /// The database refused or failed a statement. `context` says what the
    /// store was doing ("recording message m-1 of so-khdt").
    #[error("{context}: {source}")]
    Database {
        context: String,
        #[source]
        source: sqlx::Error,
    },
    /// A report could not be encoded for storage.
    #[error("{context}: cannot encode the report: {source}")]
    Encode {
        context: String,
        #[source]
        source: serde_json::Error,
    },
    /// Stored data could not be decoded: written by an incompatible
    /// version, or damaged outside the store.
    #[error("{context}: stored data cannot be read: {reason}")]
    Corrupt { context: String, reason: String },
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// Whether trying again later may succeed: the database is unreachable,
    /// busy or locked, a pool is exhausted, or a transaction lost a race
    /// (serialization failure, deadlock). The worker retries these and
    /// rejects nothing for them; every other error is permanent.
    pub fn is_transient(&self) -> bool {
        match self {
            StoreError::Connect { source, .. } | StoreError::Database { source, .. } => {
                sqlx_is_transient(source)
            }
            StoreError::Migrate { source, .. } => match source {
                sqlx::migrate::MigrateError::Execute(e)
                | sqlx::migrate::MigrateError::ExecuteMigration(e, _) => sqlx_is_transient(e),
                _ => false,
            },
            StoreError::UnsupportedUrl { .. }
            | StoreError::InvalidArgument { .. }
            | StoreError::InvalidPageToken { .. }
            | StoreError::ReportNotFound { .. }
            | StoreError::TaskNotFound { .. }
            | StoreError::IngestionNotFound { .. }
            | StoreError::Encode { .. }
            | StoreError::Corrupt { .. } => false,
        }
    }

    /// Whether the error is one of the "not found" kinds.
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            StoreError::ReportNotFound { .. }
                | StoreError::TaskNotFound { .. }
                | StoreError::IngestionNotFound { .. }
        )
    }

    pub(crate) fn db(context: impl Into<String>) -> impl FnOnce(sqlx::Error) -> StoreError {
        let context = context.into();
        move |source| StoreError::Database { context, source }
    }

    pub(crate) fn corrupt(context: impl Into<String>, reason: impl ToString) -> StoreError {
        StoreError::Corrupt {
            context: context.into(),
            reason: reason.to_string(),
        }
    }

    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> StoreError {
        StoreError::InvalidArgument {
            field,
            reason: reason.into(),
        }
    }
}

/// SQLite result codes (primary code, the low byte of an extended code)
/// that mean "someone else holds the database right now".
const SQLITE_BUSY: i64 = 5;
const SQLITE_LOCKED: i64 = 6;

fn sqlx_is_transient(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed => true,
        sqlx::Error::Database(db) => {
            let code = db.code().unwrap_or(Cow::Borrowed(""));
            if let Some(pg) = db.try_downcast_ref::<sqlx::postgres::PgDatabaseError>() {
                pg_code_is_transient(pg.code())
            } else if db.try_downcast_ref::<sqlx::sqlite::SqliteError>().is_some() {
                code.parse::<i64>()
                    .is_ok_and(|c| matches!(c & 0xff, SQLITE_BUSY | SQLITE_LOCKED))
            } else {
                false
            }
        }
        _ => false,
    }
}

/// SQLSTATE classes and codes PostgreSQL uses for conditions that pass.
fn pg_code_is_transient(code: &str) -> bool {
    code.starts_with("08") // connection exception
        || code.starts_with("53") // insufficient resources (too many connections, disk full)
        || matches!(
            code,
            "40001" // serialization_failure
                | "40P01" // deadlock_detected
                | "55P03" // lock_not_available
                | "57P01" // admin_shutdown
                | "57P02" // crash_shutdown
                | "57P03" // cannot_connect_now
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pool_and_io_errors_are_transient() {
        let e = StoreError::Database {
            context: "x".into(),
            source: sqlx::Error::PoolTimedOut,
        };
        assert!(e.is_transient());
        let e = StoreError::Database {
            context: "x".into(),
            source: sqlx::Error::Io(std::io::Error::from(std::io::ErrorKind::ConnectionRefused)),
        };
        assert!(e.is_transient());
    }

    #[test]
    fn lookups_and_bad_input_are_permanent() {
        assert!(!StoreError::ReportNotFound { id: "1".into() }.is_transient());
        assert!(!StoreError::invalid("query", "empty").is_transient());
        assert!(
            !StoreError::Database {
                context: "x".into(),
                source: sqlx::Error::RowNotFound
            }
            .is_transient()
        );
    }

    #[test]
    fn postgres_codes() {
        assert!(pg_code_is_transient("40001"));
        assert!(pg_code_is_transient("08006"));
        assert!(pg_code_is_transient("53300"));
        assert!(!pg_code_is_transient("23505"));
        assert!(!pg_code_is_transient("23514"));
    }
}
