//! A server on a real socket over a fresh database, and clients for it.
//!
//! - SQLite: a new file in the temporary directory, removed afterwards.
//! - PostgreSQL: `CREATE DATABASE` with a unique name on the server at
//!   `BAOCAO_TEST_PG_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`,
//!   see `.ci/start-postgres.sh`), dropped afterwards. An unreachable server
//!   fails the PostgreSQL tests unless `BAOCAO_SKIP_PG=1`.
//!
//! The server binds port 0 for gRPC and for metrics; tests read the ports
//! from the listeners and wait on readiness (the health service), never on
//! a guessed sleep. `TEST_LOG=1` shows the server's logs.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use baocao_config::{Client, Service, Settings};
use baocao_proto::pb;
use baocao_query::auth::token_sha256_hex;
use baocao_query::{Listeners, Metrics, ServeError};
use baocao_store::AnyStore;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tonic::metadata::MetadataValue;
use tonic::service::Interceptor;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Channel, Endpoint};
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

pub use baocao_test_support::{Kind, TestDb, unique_name};

/// Names this suite's databases.
pub const SUITE: &str = "query";

/// A client with the read scope.
pub const READER: &str = "reader-token-0123456789";
/// A client with the submit scope only.
pub const UPLOADER: &str = "uploader-token-0123456789";
/// A client with both scopes.
pub const BOTH: &str = "both-token-0123456789";

pub fn init_logs() {
    if std::env::var("TEST_LOG").is_ok_and(|v| v == "1") {
        baocao_query::telemetry::init("baocao_query=debug,info", "text");
    }
}

/// The settings every test server starts from: three clients, no broker,
/// a fast health probe.
pub fn settings() -> Settings {
    let mut s = Settings::load(Service::Query, None).expect("defaults load");
    let client = |name: &str, token: &str, scopes: &[&str]| Client {
        name: name.into(),
        token_sha256: token_sha256_hex(token),
        scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
    };
    s.auth.clients = vec![
        client("reader", READER, &["read"]),
        client("uploader", UPLOADER, &["submit"]),
        client("both", BOTH, &["read", "submit"]),
    ];
    s.amqp.url = baocao_config::Secret::new("");
    s.grpc.health_probe_interval_ms = 50;
    s.grpc.addr = "127.0.0.1:0".into();
    s.metrics.addr = String::new();
    s
}

/// A running server.
pub struct Server {
    pub addr: SocketAddr,
    pub metrics_addr: SocketAddr,
    pub store: AnyStore,
    /// `https` when TLS is on.
    pub scheme: &'static str,
    stop: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<Result<(), ServeError>>>,
    db: Option<TestDb>,
}

impl Server {
    /// A server over an open store.
    pub async fn start_on(store: AnyStore, db: Option<TestDb>, settings: Settings) -> Server {
        init_logs();
        let grpc = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let metrics_listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = grpc.local_addr().unwrap();
        let metrics_addr = metrics_listener.local_addr().unwrap();
        let scheme = if settings.tls.cert_path.is_empty() {
            "http"
        } else {
            "https"
        };
        let (stop, stopped) = oneshot::channel::<()>();
        let handle = tokio::spawn(baocao_query::serve(
            Listeners {
                grpc,
                metrics: Some(metrics_listener),
            },
            settings,
            store.clone(),
            Arc::new(Metrics::new()),
            async move {
                let _ = stopped.await;
            },
        ));
        let server = Server {
            addr,
            metrics_addr,
            store,
            scheme,
            stop: Some(stop),
            handle: Some(handle),
            db,
        };
        if scheme == "http" {
            server.wait_serving("").await;
        }
        server
    }

    pub fn url(&self) -> String {
        format!("{}://{}", self.scheme, self.addr)
    }

    /// A channel to the server, connecting on first use.
    pub fn channel(&self) -> Channel {
        Endpoint::from_shared(self.url())
            .unwrap()
            .connect_timeout(Duration::from_secs(5))
            .connect_lazy()
    }

    pub fn health(&self) -> HealthClient<Channel> {
        HealthClient::new(self.channel())
    }

    /// The status the health service reports for `service`.
    pub async fn health_status(&self, service: &str) -> ServingStatus {
        let r = self
            .health()
            .check(HealthCheckRequest {
                service: service.into(),
            })
            .await
            .expect("health check");
        r.into_inner().status()
    }

    /// Waits until the health service reports SERVING for `service`.
    pub async fn wait_serving(&self, service: &str) {
        self.wait_health(service, ServingStatus::Serving).await
    }

    pub async fn wait_health(&self, service: &str, want: ServingStatus) {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut last = None;
        while Instant::now() < deadline {
            match self
                .health()
                .check(HealthCheckRequest {
                    service: service.into(),
                })
                .await
            {
                Ok(r) if r.get_ref().status() == want => return,
                Ok(r) => last = Some(format!("{:?}", r.get_ref().status())),
                Err(e) => last = Some(e.to_string()),
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("health of {service:?} never became {want:?}; last: {last:?}");
    }

    pub fn reports(&self, token: &str) -> pb::report_service_client::ReportServiceClient<Authed> {
        pb::report_service_client::ReportServiceClient::with_interceptor(
            self.channel(),
            bearer(token),
        )
        .max_decoding_message_size(64 << 20)
    }

    pub fn indicators(
        &self,
        token: &str,
    ) -> pb::indicator_service_client::IndicatorServiceClient<Authed> {
        pb::indicator_service_client::IndicatorServiceClient::with_interceptor(
            self.channel(),
            bearer(token),
        )
        .max_decoding_message_size(64 << 20)
    }

    pub fn tasks(&self, token: &str) -> pb::task_service_client::TaskServiceClient<Authed> {
        pb::task_service_client::TaskServiceClient::with_interceptor(self.channel(), bearer(token))
            .max_decoding_message_size(64 << 20)
    }

    pub fn uploads(&self, token: &str) -> pb::upload_service_client::UploadServiceClient<Authed> {
        pb::upload_service_client::UploadServiceClient::with_interceptor(
            self.channel(),
            bearer(token),
        )
        .max_encoding_message_size(64 << 20)
    }

    /// `GET path` on the metrics port: (status code, body).
    pub async fn http_get(&self, path: &str) -> (u16, String) {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut s = tokio::net::TcpStream::connect(self.metrics_addr)
            .await
            .unwrap();
        s.write_all(format!("GET {path} HTTP/1.0\r\nHost: x\r\n\r\n").as_bytes())
            .await
            .unwrap();
        let mut buf = String::new();
        s.read_to_string(&mut buf).await.unwrap();
        let status = buf
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        let body = buf
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_owned())
            .unwrap_or_default();
        (status, body)
    }

    /// Stops the server (as SIGTERM would), waits for it, and drops the
    /// database.
    pub async fn stop(mut self) {
        self.shutdown().await;
        self.store.close().await;
        if let Some(db) = self.db.take() {
            db.drop_database().await;
        }
    }

    /// Stops the server and waits until it has returned.
    pub async fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(handle) = self.handle.take() {
            tokio::time::timeout(Duration::from_secs(20), handle)
                .await
                .expect("the server stops within 20 s")
                .expect("the server task does not panic")
                .expect("the server returns Ok");
        }
    }
}

/// Adds `authorization: Bearer TOKEN` to every call.
#[derive(Clone)]
pub struct Bearer(MetadataValue<tonic::metadata::Ascii>);

pub type Authed = InterceptedService<Channel, Bearer>;

pub fn bearer(token: &str) -> Bearer {
    Bearer(format!("Bearer {token}").parse().unwrap())
}

impl Interceptor for Bearer {
    fn call(
        &mut self,
        mut request: tonic::Request<()>,
    ) -> Result<tonic::Request<()>, tonic::Status> {
        request
            .metadata_mut()
            .insert("authorization", self.0.clone());
        Ok(request)
    }
}

/// Runs `case` against a started server and stops it whether the case
/// passed or panicked.
pub async fn with_server<C, Fut>(server: Option<Server>, case: C)
where
    C: FnOnce(Arc<Server>) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let Some(server) = server else {
        return;
    };
    let server = Arc::new(server);
    let outcome = tokio::spawn(case(server.clone())).await;
    let server = Arc::into_inner(server).expect("the case keeps no reference to the server");
    server.stop().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}
