//! The worker's one error type: what stops it from starting or running.
//! Failures of a single message are not errors here: they become outcomes
//! (REJECTED, retried) in `handler`.

#[derive(Debug, thiserror::Error)]
pub enum WorkerError {
    #[error("cannot listen on {addr} for /metrics, /healthz and /readyz: {source}")]
    MetricsListen {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    #[error("metrics.addr {addr:?} is not host:port")]
    MetricsAddr { addr: String },
    #[error("cannot open the store: {0}")]
    Store(#[from] baocao_store::StoreError),
    #[error("cannot declare the AMQP topology: {0}")]
    Topology(String),
}
