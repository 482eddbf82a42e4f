//! The service's Prometheus metrics, and the HTTP port that serves them
//! (`metrics.addr`): `/metrics` (OpenMetrics text), `/healthz` (the
//! process answers) and `/readyz` (the store answers).
//!
//! Metrics live in a [`Metrics`] value per server, not in globals, so that
//! servers started side by side in tests count apart.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RpcLabels {
    /// The full method, "/baocao.v1.ReportService/GetReport", or "unknown".
    pub method: &'static str,
    /// The gRPC status code name, "OK", "NOT_FOUND".
    pub code: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct MethodLabels {
    pub method: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CacheLabels {
    pub method: &'static str,
    /// "hit" or "miss".
    pub result: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct OutcomeLabels {
    /// "published", "invalid", "unroutable", "unavailable".
    pub outcome: &'static str,
}

type HistogramFamily = Family<MethodLabels, Histogram, fn() -> Histogram>;

fn latency_histogram() -> Histogram {
    // 0.25 ms to ~8 s.
    Histogram::new(exponential_buckets(0.000_25, 2.0, 16))
}

/// Everything the service counts.
pub struct Metrics {
    registry: Registry,
    /// RPCs finished, by method and status code.
    pub rpcs: Family<RpcLabels, Counter>,
    /// Time from request to final status, by method (for WatchReports,
    /// the life of the stream).
    pub rpc_seconds: HistogramFamily,
    /// RPCs started and not yet finished, by method.
    pub rpcs_in_flight: Family<MethodLabels, Gauge>,
    /// 1 while the store answers the health probe.
    pub store_up: Gauge,
    /// 1 while the WatchReports consumer is connected to the broker.
    pub events_connected: Gauge,
    /// Open WatchReports streams.
    pub watchers: Gauge,
    /// SubmitReport outcomes.
    pub uploads: Family<OutcomeLabels, Counter>,
    /// Response cache look-ups, by method and result.
    pub cache_lookups: Family<CacheLabels, Counter>,
    ready: AtomicBool,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("baocao_query");
        let rpcs = Family::<RpcLabels, Counter>::default();
        registry.register(
            "rpc_requests",
            "gRPC calls finished, by method and status code",
            rpcs.clone(),
        );
        let rpc_seconds: HistogramFamily = Family::new_with_constructor(latency_histogram);
        registry.register(
            "rpc_duration_seconds",
            "Time from a gRPC request to its final status, by method",
            rpc_seconds.clone(),
        );
        let rpcs_in_flight = Family::<MethodLabels, Gauge>::default();
        registry.register(
            "rpc_in_flight",
            "gRPC calls in progress, by method",
            rpcs_in_flight.clone(),
        );
        let store_up = Gauge::default();
        registry.register(
            "store_up",
            "1 while the store answers the health probe",
            store_up.clone(),
        );
        let events_connected = Gauge::default();
        registry.register(
            "events_connected",
            "1 while the WatchReports consumer is connected to the broker",
            events_connected.clone(),
        );
        let watchers = Gauge::default();
        registry.register(
            "watch_streams",
            "Open WatchReports streams",
            watchers.clone(),
        );
        let uploads = Family::<OutcomeLabels, Counter>::default();
        registry.register("uploads", "SubmitReport calls, by outcome", uploads.clone());
        let cache_lookups = Family::<CacheLabels, Counter>::default();
        registry.register(
            "cache_lookups",
            "Response cache look-ups, by method and result",
            cache_lookups.clone(),
        );
        Self {
            registry,
            rpcs,
            rpc_seconds,
            rpcs_in_flight,
            store_up,
            events_connected,
            watchers,
            uploads,
            cache_lookups,
            ready: AtomicBool::new(false),
        }
    }

    /// Records whether the store answered the last probe.
    pub fn set_store_up(&self, up: bool) {
        self.store_up.set(i64::from(up));
        self.ready.store(up, Ordering::Relaxed);
    }

    pub fn upload(&self, outcome: &'static str) {
        self.uploads.get_or_create(&OutcomeLabels { outcome }).inc();
    }

    pub fn cache(&self, method: &'static str, hit: bool) {
        self.cache_result(method, if hit { "hit" } else { "miss" });
    }

    /// A cache event other than a look-up's result: "refresh" (an entry
    /// renewed ahead of its expiry).
    pub fn cache_result(&self, method: &'static str, result: &'static str) {
        self.cache_lookups
            .get_or_create(&CacheLabels { method, result })
            .inc();
    }

    /// The metrics as OpenMetrics text.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &self.registry)
            .expect("writing to a String cannot fail");
        out
    }
}

/// Serves `/metrics`, `/healthz` and `/readyz` on `listener` until
/// `shutdown`.
pub async fn serve(
    listener: TcpListener,
    metrics: Arc<Metrics>,
    shutdown: CancellationToken,
) -> std::io::Result<()> {
    let app = Router::new()
        .route("/metrics", get(metrics_text))
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(ready))
        .with_state(metrics);
    axum::serve(listener, app)
        .with_graceful_shutdown(async move { shutdown.cancelled().await })
        .await
}

async fn metrics_text(State(metrics): State<Arc<Metrics>>) -> impl IntoResponse {
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        metrics.encode(),
    )
}

async fn ready(State(metrics): State<Arc<Metrics>>) -> impl IntoResponse {
    if metrics.ready.load(Ordering::Relaxed) {
        (StatusCode::OK, "ready\n")
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "the store does not answer\n",
        )
    }
}
