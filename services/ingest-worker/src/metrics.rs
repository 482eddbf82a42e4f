//! The worker's metrics (Prometheus / OpenMetrics text on `/metrics`) and
//! its readiness, which `/readyz` reports.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

/// Every metric, named `baocao_worker_*`. Cheap to clone.
#[derive(Clone)]
pub struct Metrics {
    inner: Arc<Inner>,
}

pub struct Inner {
    registry: Registry,
    /// Deliveries taken from the queue.
    pub received: Counter,
    /// Deliveries acknowledged after their outcome was committed.
    pub acked: Counter,
    /// Uploads stored as reports.
    pub parsed: Counter,
    /// Uploads stored as REJECTED (and dead-lettered).
    pub rejected: Counter,
    /// Uploads the store had seen before (same message id or content).
    pub duplicate: Counter,
    /// Messages published to the dead-letter exchange.
    pub dead_lettered: Counter,
    /// Store calls retried after a transient failure.
    pub store_retries: Counter,
    /// Connections to the broker opened after the first.
    pub reconnects: Counter,
    pub parse_seconds: Histogram,
    pub store_seconds: Histogram,
    /// Deliveries being processed now.
    pub in_flight: Gauge,
    pub broker_connected: Gauge,
    pub store_available: Gauge,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Metrics").finish_non_exhaustive()
    }
}

impl std::ops::Deref for Metrics {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.inner
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("baocao_worker");
        let counter = |r: &mut Registry, name: &str, help: &str| {
            let c = Counter::default();
            r.register(name, help, c.clone());
            c
        };
        let received = counter(
            &mut registry,
            "messages_received",
            "Deliveries taken from the queue",
        );
        let acked = counter(
            &mut registry,
            "messages_acked",
            "Deliveries acknowledged after their outcome was committed",
        );
        let parsed = counter(
            &mut registry,
            "messages_parsed",
            "Uploads stored as reports",
        );
        let rejected = counter(
            &mut registry,
            "messages_rejected",
            "Uploads stored as REJECTED and dead-lettered",
        );
        let duplicate = counter(
            &mut registry,
            "messages_duplicate",
            "Uploads whose message id or content was recorded before",
        );
        let dead_lettered = counter(
            &mut registry,
            "messages_dead_lettered",
            "Messages published to the dead-letter exchange with x-baocao-error",
        );
        let store_retries = counter(
            &mut registry,
            "store_retries",
            "Store calls retried after a transient failure",
        );
        let reconnects = counter(
            &mut registry,
            "broker_reconnects",
            "Broker connections opened after the first",
        );
        // 1 ms .. ~16 s.
        let parse_seconds = Histogram::new(exponential_buckets(0.001, 2.0, 15));
        registry.register(
            "parse_duration_seconds",
            "Time to check and parse one upload",
            parse_seconds.clone(),
        );
        let store_seconds = Histogram::new(exponential_buckets(0.001, 2.0, 15));
        registry.register(
            "store_duration_seconds",
            "Time of one successful store transaction",
            store_seconds.clone(),
        );
        let gauge = |r: &mut Registry, name: &str, help: &str| {
            let g = Gauge::default();
            r.register(name, help, g.clone());
            g
        };
        let in_flight = gauge(
            &mut registry,
            "messages_in_flight",
            "Deliveries being processed",
        );
        let broker_connected = gauge(
            &mut registry,
            "broker_connected",
            "1 while the worker is connected to the broker and consuming",
        );
        let store_available = gauge(
            &mut registry,
            "store_available",
            "0 while store calls fail with transient errors",
        );
        Self {
            inner: Arc::new(Inner {
                registry,
                received,
                acked,
                parsed,
                rejected,
                duplicate,
                dead_lettered,
                store_retries,
                reconnects,
                parse_seconds,
                store_seconds,
                in_flight,
                broker_connected,
                store_available,
            }),
        }
    }

    /// The OpenMetrics text exposition.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = encode(&mut out, &self.registry);
        out
    }
}

/// Whether the worker can do its job now: connected and consuming, with a
/// store that answers.
#[derive(Debug, Clone, Default)]
pub struct Health {
    inner: Arc<HealthInner>,
}

#[derive(Debug, Default)]
struct HealthInner {
    consuming: AtomicBool,
    store_ok: AtomicBool,
    stopping: AtomicBool,
}

impl Health {
    pub fn set_consuming(&self, v: bool, metrics: &Metrics) {
        self.inner.consuming.store(v, Ordering::Relaxed);
        metrics.broker_connected.set(i64::from(v));
    }

    pub fn set_store_ok(&self, v: bool, metrics: &Metrics) {
        self.inner.store_ok.store(v, Ordering::Relaxed);
        metrics.store_available.set(i64::from(v));
    }

    pub fn set_stopping(&self) {
        self.inner.stopping.store(true, Ordering::Relaxed);
    }

    /// `Err` says why the worker is not ready.
    pub fn ready(&self) -> Result<(), &'static str> {
        if self.inner.stopping.load(Ordering::Relaxed) {
            Err("shutting down")
        } else if !self.inner.store_ok.load(Ordering::Relaxed) {
            Err("store unavailable")
        } else if !self.inner.consuming.load(Ordering::Relaxed) {
            Err("not connected to the broker")
        } else {
            Ok(())
        }
    }
}
