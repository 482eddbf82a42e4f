//! The read services, as thin wiring: each handler reads its request into
//! the store's types (`crate::request`), asks the store, and converts the
//! answer (`crate::convert`, `baocao_proto::convert`).
//!
//! - `report`: ReportService, WatchReports included.
//! - `indicator`: IndicatorService.
//! - `task`: TaskService.
//!
//! The UploadService lives in `crate::upload`, beside its publisher.

mod indicator;
mod report;
mod task;

use std::sync::Arc;

use tokio_util::sync::CancellationToken;
use tonic::{Response, Status};

use crate::error::ApiResult;
use crate::events::Events;
use crate::metrics::Metrics;
use crate::request::Paging;

/// The state the read services share. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Api<S> {
    pub(crate) store: S,
    pub(crate) paging: Paging,
    /// `None` when no broker is configured: WatchReports is off.
    pub(crate) events: Option<Events>,
    pub(crate) metrics: Arc<Metrics>,
    /// Cancelled when the server shuts down; ends open streams.
    pub(crate) shutdown: CancellationToken,
}

/// A handler's result as tonic wants it.
pub(crate) fn reply<T>(result: ApiResult<T>) -> Result<Response<T>, Status> {
    result.map(Response::new).map_err(Status::from)
}
