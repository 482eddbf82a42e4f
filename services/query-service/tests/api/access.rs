//! Who may call, and how the server behaves around the calls:
//! authentication and scopes, health, reflection, metrics, limits,
//! deadlines, TLS. SQLite only: none of this depends on the backend.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use baocao_domain::{Ingestion, Report, Source};
use baocao_proto::pb;
use baocao_store::{
    AnyStore, ObservationFilter, Page, PageRequest, RawUpload, Recorded, ReportFilter,
    ReportObservation, ReportTask, ReportView, SearchHit, SearchQuery, Series, SeriesQuery,
    StaleReport, Store, TaskFilter,
};
use tonic::transport::{Certificate, ClientTlsConfig, Endpoint};
use tonic::{Code, Request};
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_reflection::pb::v1::ServerReflectionRequest;
use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;

use crate::fixtures::{seed, uploads};
use crate::harness::{BOTH, Kind, READER, Server, TestDb, UPLOADER, bearer, settings, with_server};

async fn seeded_server(
    settings: baocao_config::Settings,
) -> Option<(Server, crate::fixtures::Seeded)> {
    let db = TestDb::create(Kind::Sqlite, crate::harness::SUITE).await?;
    let store = baocao_store::connect(db.url()).await.expect("connect");
    let seeded = seed(&store).await;
    Some((Server::start_on(store, Some(db), settings).await, seeded))
}

/// A store with no reports: enough for calls that fail before the store.
async fn empty_server(settings: baocao_config::Settings) -> Option<Server> {
    let db = TestDb::create(Kind::Sqlite, crate::harness::SUITE).await?;
    let store = baocao_store::connect(db.url()).await.expect("connect");
    Some(Server::start_on(store, Some(db), settings).await)
}

/// A small valid upload.
pub fn submit_request() -> pb::SubmitReportRequest {
    pb::SubmitReportRequest {
        content: b"BAO CAO".to_vec(),
        department: "so-khdt".into(),
        filename: "bc.txt".into(),
        content_type: "text/plain; charset=utf-8".into(),
        period_hint: String::new(),
        message_id: String::new(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_and_scopes() {
    with_server(empty_server(settings()).await, |server| async move {
        let get = || pb::GetReportRequest {
            id: "1".into(),
            view: 0,
        };
        // No token at all, on every service.
        let channel = server.channel();
        let e = pb::report_service_client::ReportServiceClient::new(channel.clone())
            .get_report(get())
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::Unauthenticated, "{e:?}");
        assert!(e.message().contains("Bearer"), "{e:?}");
        let e = pb::indicator_service_client::IndicatorServiceClient::new(channel.clone())
            .list_indicators(pb::ListIndicatorsRequest::default())
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::Unauthenticated);
        let e = pb::task_service_client::TaskServiceClient::new(channel.clone())
            .list_tasks(pb::ListTasksRequest::default())
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::Unauthenticated);
        let e = pb::upload_service_client::UploadServiceClient::new(channel.clone())
            .submit_report(submit_request())
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::Unauthenticated);

        // Unknown or malformed tokens.
        for header in ["Bearer not-a-client", "Basic cmVhZGVy", READER, "Bearer "] {
            let mut req = Request::new(get());
            req.metadata_mut()
                .insert("authorization", header.parse().unwrap());
            let e = pb::report_service_client::ReportServiceClient::new(channel.clone())
                .get_report(req)
                .await
                .unwrap_err();
            assert_eq!(e.code(), Code::Unauthenticated, "{header}: {e:?}");
            assert!(!e.message().contains(READER), "the token is not echoed");
        }

        // Scopes.
        let e = server
            .reports(UPLOADER)
            .get_report(get())
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::PermissionDenied, "{e:?}");
        assert!(e.message().contains("uploader") && e.message().contains("read"));
        let e = server
            .uploads(READER)
            .submit_report(submit_request())
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::PermissionDenied, "{e:?}");
        assert!(e.message().contains("submit"));
        // The right scope passes auth (and meets the next check: no broker).
        let e = server
            .uploads(UPLOADER)
            .submit_report(submit_request())
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::FailedPrecondition, "{e:?}");
        let e = server.reports(BOTH).get_report(get()).await.unwrap_err();
        assert_eq!(e.code(), Code::NotFound, "{e:?}");
        server
            .indicators(READER)
            .list_indicators(pb::ListIndicatorsRequest::default())
            .await
            .unwrap();

        // Health needs no token.
        assert_eq!(server.health_status("").await, ServingStatus::Serving);

        // Refusals are counted, by code.
        let (_, metrics) = server.http_get("/metrics").await;
        let line = metrics
            .lines()
            .find(|l| {
                l.starts_with("baocao_query_rpc_requests_total")
                    && l.contains("GetReport")
                    && l.contains("UNAUTHENTICATED")
            })
            .unwrap_or_else(|| panic!("no UNAUTHENTICATED count:\n{metrics}"));
        assert!(line.ends_with(" 5"), "{line}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reflection_lists_the_services_and_can_be_turned_off() {
    with_server(empty_server(settings()).await, |server| async move {
        let list = || {
            tokio_stream::iter([ServerReflectionRequest {
                host: String::new(),
                message_request: Some(MessageRequest::ListServices(String::new())),
            }])
        };
        let mut client = ServerReflectionClient::with_interceptor(server.channel(), bearer(READER));
        let mut stream = client
            .server_reflection_info(list())
            .await
            .unwrap()
            .into_inner();
        let response = stream.message().await.unwrap().unwrap();
        let Some(MessageResponse::ListServicesResponse(services)) = response.message_response
        else {
            panic!("{response:?}");
        };
        let names: Vec<String> = services.service.into_iter().map(|s| s.name).collect();
        for want in [
            "baocao.v1.ReportService",
            "baocao.v1.IndicatorService",
            "baocao.v1.TaskService",
            "baocao.v1.UploadService",
            "grpc.health.v1.Health",
        ] {
            assert!(names.iter().any(|n| n == want), "{want} not in {names:?}");
        }
        let e = ServerReflectionClient::new(server.channel())
            .server_reflection_info(list())
            .await
            .unwrap_err();
        assert_eq!(
            e.code(),
            Code::Unauthenticated,
            "reflection needs a token too"
        );
    })
    .await;

    let mut off = settings();
    off.grpc.reflection = false;
    with_server(empty_server(off).await, |server| async move {
        let e = ServerReflectionClient::with_interceptor(server.channel(), bearer(READER))
            .server_reflection_info(tokio_stream::iter([ServerReflectionRequest {
                host: String::new(),
                message_request: Some(MessageRequest::ListServices(String::new())),
            }]))
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::Unimplemented, "{e:?}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_follows_the_store() {
    with_server(empty_server(settings()).await, |server| async move {
        for name in [
            "",
            "baocao.v1.ReportService",
            "baocao.v1.IndicatorService",
            "baocao.v1.TaskService",
        ] {
            // The first probe sets the services one after the other: the
            // harness only waited for "".
            server.wait_serving(name).await;
        }
        // No broker configured: uploads are not served.
        server
            .wait_health("baocao.v1.UploadService", ServingStatus::NotServing)
            .await;
        let e = server
            .health()
            .check(tonic_health::pb::HealthCheckRequest {
                service: "no.such.Service".into(),
            })
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::NotFound);
        assert_eq!(server.http_get("/readyz").await.0, 200);
        assert_eq!(server.http_get("/healthz").await.0, 200);

        // The store goes away: the probe notices, readiness follows.
        server.store.close().await;
        server.wait_health("", ServingStatus::NotServing).await;
        server
            .wait_health("baocao.v1.ReportService", ServingStatus::NotServing)
            .await;
        assert_eq!(server.http_get("/readyz").await.0, 503);
        let (_, metrics) = server.http_get("/metrics").await;
        assert!(
            metrics.lines().any(|l| l == "baocao_query_store_up 0"),
            "{metrics}"
        );
        // Calls now fail as UNAVAILABLE (retry), not INTERNAL.
        let e = server
            .reports(READER)
            .get_report(pb::GetReportRequest {
                id: "1".into(),
                view: 0,
            })
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::Unavailable, "{e:?}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_calls_by_method_and_code() {
    let Some((server, seeded)) = seeded_server(settings()).await else {
        return;
    };
    with_server(Some(server), |server| async move {
        let mut c = server.reports(READER);
        for _ in 0..3 {
            c.get_report(pb::GetReportRequest {
                id: seeded.seed_id.clone(),
                view: 0,
            })
            .await
            .unwrap();
        }
        c.get_report(pb::GetReportRequest {
            id: "424242".into(),
            view: 0,
        })
        .await
        .unwrap_err();
        let (status, text) = server.http_get("/metrics").await;
        assert_eq!(status, 200);
        let has = |needle: &str| text.lines().any(|l| l == needle);
        assert!(
            has(r#"baocao_query_rpc_requests_total{method="/baocao.v1.ReportService/GetReport",code="OK"} 3"#),
            "{text}"
        );
        assert!(
            has(r#"baocao_query_rpc_requests_total{method="/baocao.v1.ReportService/GetReport",code="NOT_FOUND"} 1"#),
            "{text}"
        );
        assert!(
            has(r#"baocao_query_rpc_duration_seconds_count{method="/baocao.v1.ReportService/GetReport"} 4"#),
            "{text}"
        );
        assert!(
            has(r#"baocao_query_rpc_in_flight{method="/baocao.v1.ReportService/GetReport"} 0"#),
            "{text}"
        );
        assert!(has("baocao_query_store_up 1"), "{text}");
        assert!(text.trim_end().ends_with("# EOF"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cache_answers_authorized_calls_with_the_same_bytes() {
    // The default settings: the cache is on (grpc.cache_ttl_ms = 2000).
    let Some((server, _seeded)) = seeded_server(settings()).await else {
        return;
    };
    with_server(Some(server), |server| async move {
        let req = || pb::GetSeriesRequest {
            indicator: "iip".into(),
            issuer: crate::fixtures::BAC_GIANG.into(),
            ..Default::default()
        };
        let mut c = server.indicators(READER);
        let first = c.get_series(req()).await.unwrap().into_inner();
        let second = c.get_series(req()).await.unwrap().into_inner();
        assert!(!first.points.is_empty());
        assert_eq!(first, second, "a hit answers what the handler did");
        // Another view is another entry, and a smaller one.
        let basic = c
            .get_series(pb::GetSeriesRequest {
                view: pb::ObservationView::Basic as i32,
                ..req()
            })
            .await
            .unwrap()
            .into_inner();
        use prost::Message as _;
        assert!(basic.encoded_len() < first.encoded_len());
        assert!(basic.points.iter().all(|p| {
            let o = p.latest.as_ref().unwrap().observation.as_ref().unwrap();
            o.provenance.as_ref().unwrap().sentence.is_empty()
        }));
        // The cache sits behind auth: a cached answer is no answer to a
        // caller without the read scope, or without a token.
        let e = server
            .indicators(UPLOADER)
            .get_series(req())
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::PermissionDenied, "{e:?}");
        let anonymous = pb::indicator_service_client::IndicatorServiceClient::new(server.channel())
            .get_series(req())
            .await
            .unwrap_err();
        assert_eq!(anonymous.code(), Code::Unauthenticated, "{anonymous:?}");
        // Errors are not kept: both unknown-indicator calls reach the
        // handler.
        for _ in 0..2 {
            let e = c
                .get_series(pb::GetSeriesRequest {
                    indicator: "unicorns".into(),
                    ..req()
                })
                .await
                .unwrap_err();
            assert_eq!(e.code(), Code::NotFound, "{e:?}");
        }
        let (status, text) = server.http_get("/metrics").await;
        assert_eq!(status, 200);
        let has = |needle: &str| text.lines().any(|l| l == needle);
        assert!(
            has(r#"baocao_query_cache_lookups_total{method="GetSeries",result="hit"} 1"#),
            "{text}"
        );
        assert!(
            has(r#"baocao_query_cache_lookups_total{method="GetSeries",result="miss"} 4"#),
            "{text}"
        );
        // GetIngestion is never cached.
        assert!(!text.contains(r#"method="GetIngestion",result"#), "{text}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn responses_are_compressed_only_for_clients_that_accept_it() {
    use tonic::codec::CompressionEncoding::{Gzip, Zstd};
    // The default settings: the cache is on, so each encoding must be its
    // own entry.
    let Some((server, _seeded)) = seeded_server(settings()).await else {
        return;
    };
    with_server(Some(server), |server| async move {
        let req = || pb::GetSeriesRequest {
            indicator: "iip".into(),
            issuer: crate::fixtures::BAC_GIANG.into(),
            ..Default::default()
        };
        let encoding = |r: &tonic::Response<pb::GetSeriesResponse>| {
            r.metadata()
                .get("grpc-encoding")
                .map(|v| v.to_str().unwrap().to_owned())
        };
        let plain = server.indicators(READER);
        let gzip = server.indicators(READER).accept_compressed(Gzip);
        let zstd = server.indicators(READER).accept_compressed(Zstd);
        // A client that accepts both gets the first it lists that the
        // server sends (tonic lists its encodings in the order enabled).
        let both = server
            .indicators(READER)
            .accept_compressed(Zstd)
            .accept_compressed(Gzip);

        let zipped = gzip.clone().get_series(req()).await.unwrap();
        assert_eq!(encoding(&zipped).as_deref(), Some("gzip"));
        // The gzip answer is in the cache now: a client that accepts no
        // compression must still get the response uncompressed.
        let unzipped = plain.clone().get_series(req()).await.unwrap();
        assert_eq!(encoding(&unzipped), None);
        assert_eq!(zipped.get_ref(), unzipped.get_ref());
        assert!(!unzipped.get_ref().points.is_empty());
        for (client, want) in [(zstd, "zstd"), (gzip, "gzip"), (both, "zstd")] {
            for _ in 0..2 {
                let r = client.clone().get_series(req()).await.unwrap();
                assert_eq!(encoding(&r).as_deref(), Some(want));
                assert_eq!(r.get_ref(), unzipped.get_ref());
            }
        }
        let again = plain.clone().get_series(req()).await.unwrap();
        assert_eq!(encoding(&again), None);
        // A compressed request is read too (and passed by the cache).
        let r = server
            .indicators(READER)
            .send_compressed(Gzip)
            .get_series(req())
            .await
            .unwrap();
        assert_eq!(r.get_ref(), unzipped.get_ref());

        let (_, text) = server.http_get("/metrics").await;
        let has = |needle: &str| text.lines().any(|l| l == needle);
        // Misses: gzip, plain, zstd (the both-client shares zstd's entry).
        for (result, n) in [("miss", 3), ("hit", 6)] {
            assert!(
                has(&format!(
                    r#"baocao_query_cache_lookups_total{{method="GetSeries",result="{result}"}} {n}"#
                )),
                "{result}: {text}"
            );
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cache_renews_entries_read_near_their_expiry() {
    let mut s = settings();
    s.grpc.cache_ttl_ms = 2000;
    let Some((server, _seeded)) = seeded_server(s).await else {
        return;
    };
    with_server(Some(server), |server| async move {
        let req = || pb::ListObservationsRequest {
            indicators: vec!["iip".into()],
            page_size: 10,
            ..Default::default()
        };
        let mut c = server.indicators(READER);
        let start = Instant::now();
        let first = c.list_observations(req()).await.unwrap().into_inner();
        // In the entry's last quarter: answered from the cache, and renewed
        // in the background.
        tokio::time::sleep_until((start + Duration::from_millis(1600)).into()).await;
        let second = c.list_observations(req()).await.unwrap().into_inner();
        assert_eq!(second, first);
        // Past the first answer's TTL: the renewed entry answers.
        tokio::time::sleep_until((start + Duration::from_millis(2300)).into()).await;
        let third = c.list_observations(req()).await.unwrap().into_inner();
        assert_eq!(third, first);
        let (_, text) = server.http_get("/metrics").await;
        let has = |needle: &str| text.lines().any(|l| l == needle);
        for (result, n) in [("miss", 1), ("hit", 2), ("refresh", 1)] {
            assert!(
                has(&format!(
                    r#"baocao_query_cache_lookups_total{{method="ListObservations",result="{result}"}} {n}"#
                )),
                "{result}: {text}"
            );
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn message_size_and_concurrency_limits() {
    let mut s = settings();
    s.grpc.max_message_bytes = 4096;
    s.grpc.concurrency_limit = 2;
    let Some((server, seeded)) = seeded_server(s).await else {
        return;
    };
    with_server(Some(server), |server| async move {
        // A full report is larger than the limit; a basic one is not.
        let mut c = server.reports(READER);
        let e = c
            .get_report(pb::GetReportRequest {
                id: seeded.seed_id.clone(),
                view: pb::ReportView::Full as i32,
            })
            .await
            .unwrap_err();
        assert!(
            matches!(e.code(), Code::OutOfRange | Code::ResourceExhausted),
            "{e:?}"
        );
        c.get_report(pb::GetReportRequest {
            id: seeded.seed_id.clone(),
            view: 0,
        })
        .await
        .unwrap();
        // A request larger than the limit is refused before any handler.
        let e = server
            .uploads(UPLOADER)
            .submit_report(pb::SubmitReportRequest {
                content: vec![b'x'; 10_000],
                ..submit_request()
            })
            .await
            .unwrap_err();
        assert!(
            matches!(e.code(), Code::OutOfRange | Code::ResourceExhausted),
            "{e:?}"
        );
        // Past the concurrency limit calls wait their turn; none fails.
        let calls = (0..24).map(|_| {
            let mut c = server.indicators(READER);
            async move {
                c.list_observations(pb::ListObservationsRequest {
                    page_size: 5,
                    ..Default::default()
                })
                .await
            }
        });
        let results = futures_join_all(calls).await;
        assert!(results.iter().all(Result::is_ok), "{results:?}");
    })
    .await;
}

async fn futures_join_all<F: std::future::Future + Send + 'static>(
    futures: impl Iterator<Item = F>,
) -> Vec<F::Output>
where
    F::Output: Send,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

/// A store whose `list_observations` takes `delay`, and which notes when
/// such a call was abandoned before it finished.
#[derive(Clone)]
struct SlowStore {
    inner: AnyStore,
    delay: Duration,
    started: Arc<AtomicUsize>,
    abandoned: Arc<AtomicBool>,
}

struct AbandonGuard(Arc<AtomicBool>, bool);

impl Drop for AbandonGuard {
    fn drop(&mut self) {
        if !self.1 {
            self.0.store(true, Ordering::SeqCst);
        }
    }
}

impl Store for SlowStore {
    async fn record_ingestion(
        &self,
        raw: &[u8],
        source: &Source,
        report: &Report,
    ) -> baocao_store::Result<Recorded> {
        self.inner.record_ingestion(raw, source, report).await
    }
    async fn record_rejection(
        &self,
        raw: &[u8],
        source: &Source,
        reason: &str,
    ) -> baocao_store::Result<Recorded> {
        self.inner.record_rejection(raw, source, reason).await
    }
    async fn ingestion(&self, message_id: &str) -> baocao_store::Result<Ingestion> {
        self.inner.ingestion(message_id).await
    }
    async fn get_report(&self, id: &str, view: ReportView) -> baocao_store::Result<Report> {
        self.inner.get_report(id, view).await
    }
    async fn list_reports(
        &self,
        filter: &ReportFilter,
        view: ReportView,
        page: &PageRequest,
    ) -> baocao_store::Result<Page<Report>> {
        self.inner.list_reports(filter, view, page).await
    }
    async fn list_observations(
        &self,
        filter: &ObservationFilter,
        page: &PageRequest,
    ) -> baocao_store::Result<Page<ReportObservation>> {
        self.started.fetch_add(1, Ordering::SeqCst);
        let mut guard = AbandonGuard(self.abandoned.clone(), false);
        tokio::time::sleep(self.delay).await;
        guard.1 = true;
        self.inner.list_observations(filter, page).await
    }
    async fn series(&self, query: &SeriesQuery) -> baocao_store::Result<Series> {
        self.inner.series(query).await
    }
    async fn indicator_counts(
        &self,
        issuer: Option<&str>,
    ) -> baocao_store::Result<BTreeMap<String, u64>> {
        self.inner.indicator_counts(issuer).await
    }
    async fn list_tasks(
        &self,
        filter: &TaskFilter,
        page: &PageRequest,
    ) -> baocao_store::Result<Page<ReportTask>> {
        self.inner.list_tasks(filter, page).await
    }
    async fn get_task(&self, report_id: &str, ordinal: u32) -> baocao_store::Result<ReportTask> {
        self.inner.get_task(report_id, ordinal).await
    }
    async fn search(
        &self,
        query: &SearchQuery,
        page: &PageRequest,
    ) -> baocao_store::Result<Page<SearchHit>> {
        self.inner.search(query, page).await
    }
    async fn stale_reports(
        &self,
        parser_version: &str,
        after: Option<&str>,
        limit: u32,
    ) -> baocao_store::Result<Vec<StaleReport>> {
        self.inner.stale_reports(parser_version, after, limit).await
    }
    async fn raw_upload(&self, report_id: &str) -> baocao_store::Result<RawUpload> {
        self.inner.raw_upload(report_id).await
    }
    async fn upload(&self, message_id: &str) -> baocao_store::Result<RawUpload> {
        self.inner.upload(message_id).await
    }
    async fn replace_report(&self, report_id: &str, report: &Report) -> baocao_store::Result<()> {
        self.inner.replace_report(report_id, report).await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deadlines_end_the_work() {
    crate::harness::init_logs();
    let db = TestDb::create(Kind::Sqlite, crate::harness::SUITE)
        .await
        .unwrap();
    let store = baocao_store::connect(db.url()).await.unwrap();
    let slow = SlowStore {
        inner: store.clone(),
        delay: Duration::from_secs(30),
        started: Arc::new(AtomicUsize::new(0)),
        abandoned: Arc::new(AtomicBool::new(false)),
    };
    let grpc = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = grpc.local_addr().unwrap();
    let mut s = settings();
    s.grpc.request_timeout_secs = 1;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let handle = tokio::spawn(baocao_query::serve(
        baocao_query::Listeners {
            grpc,
            metrics: None,
        },
        s,
        slow.clone(),
        Arc::new(baocao_query::Metrics::new()),
        async move {
            let _ = stopped.await;
        },
    ));
    let channel = Endpoint::from_shared(format!("http://{addr}"))
        .unwrap()
        .connect_lazy();
    let mut c = pb::indicator_service_client::IndicatorServiceClient::with_interceptor(
        channel,
        bearer(READER),
    );

    // The client's deadline: the call ends then, and so does the work.
    let started = Instant::now();
    let mut req = Request::new(pb::ListObservationsRequest::default());
    req.set_timeout(Duration::from_millis(300));
    let e = c.list_observations(req).await.unwrap_err();
    assert!(
        matches!(e.code(), Code::DeadlineExceeded | Code::Cancelled),
        "{e:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    let wait_abandoned = Instant::now();
    while !slow.abandoned.load(Ordering::SeqCst) {
        assert!(
            wait_abandoned.elapsed() < Duration::from_secs(10),
            "the store call still runs after the deadline"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }

    // No client deadline: the server's own limit (1 s) answers
    // DEADLINE_EXCEEDED and abandons the work.
    slow.abandoned.store(false, Ordering::SeqCst);
    let started = Instant::now();
    let e = c
        .list_observations(pb::ListObservationsRequest::default())
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::DeadlineExceeded, "{e:?}");
    assert!(e.message().contains("grpc.request_timeout_secs"), "{e:?}");
    let took = started.elapsed();
    assert!(
        took >= Duration::from_millis(900) && took < Duration::from_secs(10),
        "{took:?}"
    );
    assert!(slow.abandoned.load(Ordering::SeqCst));
    assert_eq!(slow.started.load(Ordering::SeqCst), 2);

    let _ = stop.send(());
    handle.await.unwrap().unwrap();
    store.close().await;
    db.drop_database().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_when_a_certificate_is_configured() {
    let dir = std::env::temp_dir().join(crate::harness::unique_name("baocao-query-tls"));
    std::fs::create_dir_all(&dir).unwrap();
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    let cert_pem = cert.cert.pem();
    std::fs::write(dir.join("cert.pem"), &cert_pem).unwrap();
    std::fs::write(dir.join("key.pem"), cert.signing_key.serialize_pem()).unwrap();
    let mut s = settings();
    s.tls.cert_path = dir.join("cert.pem").display().to_string();
    s.tls.key_path = dir.join("key.pem").display().to_string();
    let Some((server, seeded)) = seeded_server(s).await else {
        return;
    };
    with_server(Some(server), move |server| async move {
        let tls = ClientTlsConfig::new()
            .ca_certificate(Certificate::from_pem(&cert_pem))
            .domain_name("localhost");
        let channel = Endpoint::from_shared(format!("https://{}", server.addr))
            .unwrap()
            .tls_config(tls)
            .unwrap()
            .connect()
            .await
            .expect("a TLS connection with the server's certificate");
        let report = pb::report_service_client::ReportServiceClient::with_interceptor(
            channel,
            bearer(READER),
        )
        .get_report(pb::GetReportRequest {
            id: seeded.seed_id.clone(),
            view: 0,
        })
        .await
        .unwrap()
        .into_inner();
        assert_eq!(report.report.unwrap().id, seeded.seed_id);
        // Plaintext is refused.
        let plain = Endpoint::from_shared(format!("http://{}", server.addr))
            .unwrap()
            .connect_lazy();
        let e =
            pb::report_service_client::ReportServiceClient::with_interceptor(plain, bearer(READER))
                .get_report(pb::GetReportRequest {
                    id: seeded.seed_id.clone(),
                    view: 0,
                })
                .await
                .unwrap_err();
        // How the refusal shows depends on when the client sees the
        // connection close: before the request (UNAVAILABLE), while
        // writing it (CANCELLED, "connection closed", seen on a loaded
        // machine), or reading a TLS alert as HTTP/2 (UNKNOWN, INTERNAL).
        assert!(
            matches!(
                e.code(),
                Code::Unavailable | Code::Unknown | Code::Internal | Code::Cancelled
            ),
            "{e:?}"
        );
        let _ = uploads();
    })
    .await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn callers_of_one_missing_answer_share_one_store_call() {
    crate::harness::init_logs();
    let db = TestDb::create(Kind::Sqlite, crate::harness::SUITE)
        .await
        .unwrap();
    let store = baocao_store::connect(db.url()).await.unwrap();
    seed(&store).await;
    let slow = SlowStore {
        inner: store.clone(),
        delay: Duration::from_millis(400),
        started: Arc::new(AtomicUsize::new(0)),
        abandoned: Arc::new(AtomicBool::new(false)),
    };
    let grpc = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = grpc.local_addr().unwrap();
    // The default settings: the cache is on.
    let metrics = Arc::new(baocao_query::Metrics::new());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let handle = tokio::spawn(baocao_query::serve(
        baocao_query::Listeners {
            grpc,
            metrics: None,
        },
        settings(),
        slow.clone(),
        metrics.clone(),
        async move {
            let _ = stopped.await;
        },
    ));
    let channel = Endpoint::from_shared(format!("http://{addr}"))
        .unwrap()
        .connect_lazy();
    let client = pb::indicator_service_client::IndicatorServiceClient::with_interceptor(
        channel,
        bearer(READER),
    );
    let ask = |page_size: i32, timeout: Option<Duration>| {
        let mut c = client.clone();
        async move {
            let mut r = Request::new(pb::ListObservationsRequest {
                page_size,
                ..Default::default()
            });
            if let Some(t) = timeout {
                r.set_timeout(t);
            }
            c.list_observations(r).await.map(|r| r.into_inner())
        }
    };
    let count = |result: &str| {
        let text = metrics.encode();
        let line = format!(
            r#"baocao_query_cache_lookups_total{{method="ListObservations",result="{result}"}} "#
        );
        text.lines()
            .find_map(|l| l.strip_prefix(line.as_str()))
            .map_or(0, |n| n.parse::<u64>().unwrap())
    };

    // Twelve callers at once, nothing cached: one store call answers all.
    let answers = futures_join_all((0..12).map(|_| ask(7, None))).await;
    let answers: Vec<_> = answers.into_iter().map(Result::unwrap).collect();
    assert_eq!(answers[0].observations.len(), 7);
    assert!(answers.iter().all(|a| *a == answers[0]));
    assert_eq!(slow.started.load(Ordering::SeqCst), 1);
    assert_eq!((count("miss"), count("joined")), (1, 11));

    // The caller answering for the others gives up (its deadline): one of
    // those waiting asks the store in its place, and all of them get the
    // answer.
    let leader = tokio::spawn(ask(8, Some(Duration::from_millis(150))));
    tokio::time::sleep(Duration::from_millis(50)).await;
    let waiting = futures_join_all((0..5).map(|_| ask(8, None))).await;
    let e = leader.await.unwrap().unwrap_err();
    assert!(
        matches!(e.code(), Code::DeadlineExceeded | Code::Cancelled),
        "{e:?}"
    );
    assert!(waiting.iter().all(Result::is_ok), "{waiting:?}");
    assert_eq!(slow.started.load(Ordering::SeqCst), 3);
    assert_eq!((count("miss"), count("joined")), (3, 15));

    let _ = stop.send(());
    handle.await.unwrap().unwrap();
    store.close().await;
    db.drop_database().await;
}
