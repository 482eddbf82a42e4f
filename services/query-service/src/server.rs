//! Assembling and running the server: services, health, reflection, the
//! auth and RPC layers, limits, TLS, the metrics port, and shutdown.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use baocao_config::Settings;
use baocao_proto::pb;
use baocao_store::Store;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tonic::transport::server::TcpIncoming;
use tonic::transport::{Identity, Server, ServerTlsConfig};

use crate::api::Api;
use crate::auth::{AuthLayer, Clients};
use crate::cache::{COMPRESSION, CacheLayer, ResponseCache};
use crate::events::{Event, Events};
use crate::metrics::Metrics;
use crate::observe::RpcLayer;
use crate::request::Paging;
use crate::upload::{Publisher, UploadApi};

/// Why the server could not start or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{setting}: cannot read {path}: {source}")]
    ReadTls {
        setting: &'static str,
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("tls: {0}")]
    Tls(#[source] tonic::transport::Error),
    #[error("auth.clients: {0}")]
    Clients(String),
    #[error("metrics.addr: cannot listen on {addr}: {source}")]
    MetricsBind {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    #[error("grpc.addr: cannot listen on {addr}: {source}")]
    GrpcBind {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    #[error("serving gRPC: {0}")]
    Transport(#[source] tonic::transport::Error),
}

/// Where the server listens: the gRPC port, and the metrics port if any.
#[derive(Debug)]
pub struct Listeners {
    pub grpc: TcpListener,
    pub metrics: Option<TcpListener>,
}

impl Listeners {
    /// Binds `grpc.addr` and `metrics.addr` (unless empty).
    pub async fn bind(settings: &Settings) -> Result<Self, ServeError> {
        let grpc = TcpListener::bind(&settings.grpc.addr)
            .await
            .map_err(|source| ServeError::GrpcBind {
                addr: settings.grpc.addr.clone(),
                source,
            })?;
        let metrics = bind_metrics(settings).await?;
        Ok(Self { grpc, metrics })
    }
}

async fn bind_metrics(settings: &Settings) -> Result<Option<TcpListener>, ServeError> {
    let addr = &settings.metrics.addr;
    if addr.is_empty() {
        return Ok(None);
    }
    TcpListener::bind(addr)
        .await
        .map(Some)
        .map_err(|source| ServeError::MetricsBind {
            addr: addr.clone(),
            source,
        })
}

/// Serves the API on `listener` (and metrics on `metrics.addr`, unless
/// empty) until `shutdown` completes.
pub async fn run<S, F>(
    listener: TcpListener,
    settings: Settings,
    store: S,
    shutdown: F,
) -> Result<(), ServeError>
where
    S: Store + Clone + 'static,
    F: Future<Output = ()> + Send + 'static,
{
    let metrics = bind_metrics(&settings).await?;
    serve(
        Listeners {
            grpc: listener,
            metrics,
        },
        settings,
        store,
        Arc::new(Metrics::new()),
        shutdown,
    )
    .await
}

/// [`run`] with both listeners given and the metrics registry shared with
/// the caller.
pub async fn serve<S, F>(
    listeners: Listeners,
    settings: Settings,
    store: S,
    metrics: Arc<Metrics>,
    shutdown: F,
) -> Result<(), ServeError>
where
    S: Store + Clone + 'static,
    F: Future<Output = ()> + Send + 'static,
{
    let grpc = &settings.grpc;
    let token = CancellationToken::new();
    let mut tasks = tokio::task::JoinSet::new();

    let clients = Clients::new(&settings.auth.clients).map_err(ServeError::Clients)?;
    if settings.auth.clients.is_empty() {
        tracing::warn!("auth.clients is empty: every call but health will be refused");
    }

    let amqp_url = settings.amqp.url.expose().to_owned();
    let (publisher, events) = if amqp_url.is_empty() {
        tracing::warn!("amqp.url is empty: SubmitReport and WatchReports are off");
        (None, None)
    } else {
        let publisher = Arc::new(Publisher::new(
            amqp_url.clone(),
            settings.amqp.exchange.clone(),
            settings.amqp.routing_key.clone(),
            Duration::from_secs(settings.amqp.timeout_secs),
        ));
        let events = Events::start(
            amqp_url,
            settings.amqp.events_exchange.clone(),
            Duration::from_secs(settings.amqp.timeout_secs),
            metrics.clone(),
            token.clone(),
        );
        (Some(publisher), Some(events))
    };

    let (reporter, health) = tonic_health::server::health_reporter();
    tasks.spawn(crate::health::probe_loop(
        store.clone(),
        publisher.clone(),
        reporter,
        metrics.clone(),
        Duration::from_millis(grpc.health_probe_interval_ms),
        token.clone(),
    ));

    if let Some(listener) = listeners.metrics {
        let m = metrics.clone();
        let t = token.clone();
        tasks.spawn(async move {
            if let Err(e) = crate::metrics::serve(listener, m, t).await {
                tracing::error!(error = %e, "metrics port failed");
            }
        });
    }

    let cache = Arc::new(ResponseCache::new(
        Duration::from_millis(grpc.cache_ttl_ms),
        grpc.cache_max_bytes,
        metrics.clone(),
    ));
    if let Some(events) = &events {
        tasks.spawn(invalidate_on_events(
            events.subscribe_now(),
            cache.clone(),
            token.clone(),
        ));
    }
    let api = Api {
        store,
        paging: Paging {
            default: grpc.default_page_size,
            max: grpc.max_page_size,
        },
        events,
        metrics: metrics.clone(),
        shutdown: token.clone(),
    };
    let limit = grpc.max_message_bytes;
    // Each service compresses its responses for clients that accept gzip or
    // zstd and takes requests compressed with either (gRPC compression: a
    // client that asks for none gets none). `limit` bounds a request after
    // it is decompressed too.
    macro_rules! service {
        ($server:expr) => {{
            let mut s = $server
                .max_decoding_message_size(limit)
                .max_encoding_message_size(limit);
            for (_, encoding) in COMPRESSION {
                s = s.send_compressed(*encoding).accept_compressed(*encoding);
            }
            s
        }};
    }
    let report = service!(pb::report_service_server::ReportServiceServer::new(
        api.clone()
    ));
    let indicator = service!(pb::indicator_service_server::IndicatorServiceServer::new(
        api.clone()
    ));
    let task = service!(pb::task_service_server::TaskServiceServer::new(api));
    let upload = service!(pb::upload_service_server::UploadServiceServer::new(
        UploadApi::new(publisher, metrics.clone())
    ));

    let (reflection_v1, reflection_v1alpha) = if grpc.reflection {
        let v1 = tonic_reflection::server::Builder::configure()
            .register_encoded_file_descriptor_set(baocao_proto::FILE_DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
            .build_v1()
            .expect("the compiled descriptor sets are valid");
        let v1alpha = tonic_reflection::server::Builder::configure()
            .register_encoded_file_descriptor_set(baocao_proto::FILE_DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
            .build_v1alpha()
            .expect("the compiled descriptor sets are valid");
        (Some(v1), Some(v1alpha))
    } else {
        (None, None)
    };

    let mut builder = Server::builder();
    if let Some(identity) = tls_identity(&settings)? {
        builder = builder
            .tls_config(ServerTlsConfig::new().identity(identity))
            .map_err(ServeError::Tls)?;
    }
    let local: Option<SocketAddr> = listeners.grpc.local_addr().ok();
    let router = builder
        .concurrency_limit_per_connection(grpc.concurrency_limit)
        .layer(RpcLayer::new(
            metrics,
            Duration::from_secs(grpc.request_timeout_secs),
        ))
        .layer(AuthLayer::new(clients))
        // Inside auth: only an authorized call is answered from the cache.
        .layer(CacheLayer::new(
            cache,
            limit,
            Duration::from_secs(grpc.request_timeout_secs),
        ))
        .add_service(health)
        .add_service(report)
        .add_service(indicator)
        .add_service(task)
        .add_service(upload)
        .add_optional_service(reflection_v1)
        .add_optional_service(reflection_v1alpha);

    tracing::info!(
        addr = ?local,
        tls = !settings.tls.cert_path.is_empty(),
        reflection = grpc.reflection,
        "baocao-query serving"
    );
    // Accepted sockets get TCP_NODELAY: without it a response written in
    // several pieces (headers, data, trailers) waits on the client's
    // delayed ACK, some 40 ms a call.
    let incoming = TcpIncoming::from(listeners.grpc)
        .with_nodelay(Some(true))
        .with_keepalive(Some(Duration::from_secs(60)));
    let stop = token.clone();
    let result = router
        .serve_with_incoming_shutdown(incoming, async move {
            tokio::select! {
                _ = shutdown => {}
                _ = stop.cancelled() => {}
            }
            tracing::info!("shutting down: refusing new calls, ending watch streams");
            stop.cancel();
        })
        .await;
    token.cancel();
    while tasks.join_next().await.is_some() {}
    result.map_err(ServeError::Transport)
}

/// Empties the response cache whenever a report is stored, and when the
/// events were lost (some may have been missed; the TTL bounds the rest).
async fn invalidate_on_events(
    mut events: tokio::sync::broadcast::Receiver<Event>,
    cache: Arc<ResponseCache>,
    shutdown: CancellationToken,
) {
    loop {
        tokio::select! {
            _ = shutdown.cancelled() => return,
            event = events.recv() => match event {
                Ok(Event::Stored { .. } | Event::Lost)
                | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => cache.invalidate(),
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
            },
        }
    }
}

fn tls_identity(settings: &Settings) -> Result<Option<Identity>, ServeError> {
    let tls = &settings.tls;
    if tls.cert_path.is_empty() || tls.key_path.is_empty() {
        return Ok(None);
    }
    let read = |setting: &'static str, path: &str| {
        std::fs::read(path).map_err(|source| ServeError::ReadTls {
            setting,
            path: path.to_owned(),
            source,
        })
    };
    let cert = read("tls.cert_path", &tls.cert_path)?;
    let key = read("tls.key_path", &tls.key_path)?;
    Ok(Some(Identity::from_pem(cert, key)))
}
