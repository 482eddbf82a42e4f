//! `grpc.health.v1`: the store-backed services (and the server as a whole,
//! the empty name) are SERVING only while the store answers a probe, run
//! every `grpc.health_probe_interval_ms`; `baocao.v1.UploadService` is
//! SERVING while the broker accepts a connection. Everything turns
//! NOT_SERVING at shutdown, so that load balancers drain the replica first.

use std::sync::Arc;
use std::time::Duration;

use baocao_proto::pb;
use baocao_store::{Store, StoreError};
use tokio_util::sync::CancellationToken;
use tonic_health::ServingStatus;
use tonic_health::server::HealthReporter;

use crate::metrics::Metrics;
use crate::upload::Publisher;

/// A message id nobody sends: looking it up is a cheap round trip to the
/// database that answers "not found" while the store is healthy.
const PROBE_MESSAGE_ID: &str = "baocao-query/health-probe";

/// The services whose health is the store's.
const STORE_SERVICES: [&str; 4] = [
    "",
    pb::report_service_server::SERVICE_NAME,
    pb::indicator_service_server::SERVICE_NAME,
    pb::task_service_server::SERVICE_NAME,
];

const UPLOAD_SERVICE: &str = pb::upload_service_server::SERVICE_NAME;

/// Whether the store answers within `timeout`.
pub async fn store_answers<S: Store>(store: &S, timeout: Duration) -> bool {
    match tokio::time::timeout(timeout, store.ingestion(PROBE_MESSAGE_ID)).await {
        Ok(Ok(_)) | Ok(Err(StoreError::IngestionNotFound { .. })) => true,
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "health probe: the store does not answer");
            false
        }
        Err(_) => {
            tracing::warn!(
                timeout_ms = timeout.as_millis() as u64,
                "health probe: the store did not answer in time"
            );
            false
        }
    }
}

fn status(up: bool) -> ServingStatus {
    if up {
        ServingStatus::Serving
    } else {
        ServingStatus::NotServing
    }
}

/// Probes until `shutdown`, then reports NOT_SERVING everywhere.
pub async fn probe_loop<S: Store>(
    store: S,
    publisher: Option<Arc<Publisher>>,
    reporter: HealthReporter,
    metrics: Arc<Metrics>,
    interval: Duration,
    shutdown: CancellationToken,
) {
    // A probe may take up to the interval, at least a second.
    let timeout = interval.max(Duration::from_secs(1));
    let mut last: Option<bool> = None;
    loop {
        // Both at once: an unreachable broker must not hold up the store's
        // status.
        let (up, upload_up) = tokio::join!(store_answers(&store, timeout), async {
            match &publisher {
                // Opening may take amqp.timeout_secs; the store's status
                // waits no longer than its own probe.
                Some(p) => tokio::time::timeout(timeout, p.probe())
                    .await
                    .unwrap_or(false),
                None => false,
            }
        });
        metrics.set_store_up(up);
        if last != Some(up) {
            tracing::info!(store_up = up, "health changed");
            for name in STORE_SERVICES {
                reporter.set_service_status(name, status(up)).await;
            }
            last = Some(up);
        }
        reporter
            .set_service_status(UPLOAD_SERVICE, status(upload_up))
            .await;
        tokio::select! {
            _ = shutdown.cancelled() => break,
            _ = tokio::time::sleep(interval) => {}
        }
    }
    for name in STORE_SERVICES.into_iter().chain([UPLOAD_SERVICE]) {
        reporter
            .set_service_status(name, ServingStatus::NotServing)
            .await;
    }
}
