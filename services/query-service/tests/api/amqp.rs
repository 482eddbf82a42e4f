//! SubmitReport and WatchReports against a real RabbitMQ
//! (`BAOCAO_TEST_AMQP_URL`, default `amqp://127.0.0.1:5672/%2f`; start one
//! with `.ci/start-rabbitmq.sh`). An unreachable broker fails these tests
//! unless `BAOCAO_SKIP_AMQP=1`. Each test uses exchanges and queues of its
//! own name and deletes them afterwards.

use std::time::{Duration, Instant};

use baocao_proto::pb;
use lapin::options::{
    BasicGetOptions, BasicPublishOptions, ExchangeDeclareOptions, ExchangeDeleteOptions,
    QueueBindOptions, QueueDeclareOptions,
};
use lapin::types::{AMQPValue, FieldTable};
use lapin::{BasicProperties, Channel, Connection, ConnectionProperties, ExchangeKind};
use sha2::{Digest, Sha256};
use tonic::Code;
use tonic_health::pb::health_check_response::ServingStatus;

use baocao_store::Store;
use baocao_test_support::proxy::Proxy;

use crate::access::submit_request;
use crate::fixtures::{BAC_GIANG, seed, uploads};
use crate::harness::{Kind, READER, Server, TestDb, UPLOADER, settings, unique_name, with_server};

pub const DEFAULT_AMQP_URL: &str = "amqp://127.0.0.1:5672/%2f";

pub fn amqp_url() -> String {
    std::env::var("BAOCAO_TEST_AMQP_URL").unwrap_or_else(|_| DEFAULT_AMQP_URL.to_owned())
}

/// A connection to the test broker; `None` (skip) only when it is
/// unreachable and `BAOCAO_SKIP_AMQP=1`.
async fn broker() -> Option<Connection> {
    let url = amqp_url();
    match Connection::connect(&url, ConnectionProperties::default()).await {
        Ok(c) => Some(c),
        Err(e) if std::env::var("BAOCAO_SKIP_AMQP").is_ok_and(|v| v == "1") => {
            eprintln!("skipping: RabbitMQ at {url} unreachable ({e}), BAOCAO_SKIP_AMQP=1");
            None
        }
        Err(e) => panic!(
            "RabbitMQ at {url} is unreachable: {e}; start one with .ci/start-rabbitmq.sh, \
             point BAOCAO_TEST_AMQP_URL at one, or set BAOCAO_SKIP_AMQP=1 to skip the broker tests"
        ),
    }
}

/// Settings with this test's own exchanges.
fn amqp_settings(uploads_exchange: &str, events_exchange: &str) -> baocao_config::Settings {
    let mut s = settings();
    s.amqp.url = baocao_config::Secret::new(amqp_url());
    s.amqp.exchange = uploads_exchange.into();
    s.amqp.events_exchange = events_exchange.into();
    s
}

fn header<'a>(props: &'a BasicProperties, name: &str) -> Option<&'a [u8]> {
    let headers = props.headers().as_ref()?;
    match headers.inner().get(name)? {
        AMQPValue::LongString(s) => Some(s.as_bytes()),
        _ => None,
    }
}

/// The next message on `queue`, waiting up to 10 s.
async fn next_message(channel: &Channel, queue: &str) -> lapin::message::Delivery {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(m) = channel
            .basic_get(queue.into(), BasicGetOptions { no_ack: true })
            .await
            .unwrap()
        {
            return m.delivery;
        }
        assert!(Instant::now() < deadline, "no message on {queue}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn submit_report_publishes_what_a_department_would() {
    let Some(conn) = broker().await else {
        return;
    };
    let channel = conn.create_channel().await.unwrap();
    let exchange = unique_name("baocao.uploads.test");
    let events = unique_name("baocao.events.test");
    let queue = unique_name("baocao.reports.test");
    channel
        .exchange_declare(
            exchange.as_str().into(),
            ExchangeKind::Direct,
            ExchangeDeclareOptions::default(),
            FieldTable::default(),
        )
        .await
        .unwrap();
    channel
        .queue_declare(
            queue.as_str().into(),
            QueueDeclareOptions {
                exclusive: true,
                ..Default::default()
            },
            FieldTable::default(),
        )
        .await
        .unwrap();
    channel
        .queue_bind(
            queue.as_str().into(),
            exchange.as_str().into(),
            "report".into(),
            QueueBindOptions::default(),
            FieldTable::default(),
        )
        .await
        .unwrap();

    let db = TestDb::create(Kind::Sqlite, crate::harness::SUITE)
        .await
        .unwrap();
    let store = baocao_store::connect(db.url()).await.unwrap();
    let server = Server::start_on(store, Some(db), amqp_settings(&exchange, &events)).await;
    let (q, x, ch) = (queue.clone(), exchange.clone(), channel.clone());
    with_server(Some(server), move |server| async move {
        server.wait_serving("baocao.v1.UploadService").await;
        let seed = &uploads()[0];
        let mut c = server.uploads(UPLOADER);
        let sent = c
            .submit_report(pb::SubmitReportRequest {
                content: seed.raw.clone(),
                department: "so-khdt".into(),
                filename: "bc-thang-5.txt".into(),
                content_type: "text/plain; charset=utf-8".into(),
                period_hint: "2024-05".into(),
                message_id: "dept-msg-1".into(),
            })
            .await
            .unwrap()
            .into_inner();
        assert_eq!(sent.message_id, "dept-msg-1");
        let m = next_message(&ch, &q).await;
        assert_eq!(m.data, seed.raw, "the body is the file, unchanged");
        let p = &m.properties;
        assert_eq!(
            p.content_type().as_ref().map(|s| s.as_str()),
            Some("text/plain; charset=utf-8")
        );
        assert_eq!(
            p.message_id().as_ref().map(|s| s.as_str()),
            Some("dept-msg-1")
        );
        assert_eq!(
            p.app_id().as_ref().map(|s| s.as_str()),
            Some("baocao-query")
        );
        assert_eq!(*p.delivery_mode(), Some(2), "persistent");
        assert!(p.timestamp().is_some_and(|t| t > 1_700_000_000));
        assert_eq!(header(p, "x-department"), Some(&b"so-khdt"[..]));
        assert_eq!(header(p, "x-filename"), Some(&b"bc-thang-5.txt"[..]));
        assert_eq!(header(p, "x-period"), Some(&b"2024-05"[..]));
        assert_eq!(m.routing_key.as_str(), "report");

        // Without a message id the server assigns the content hash.
        let pdf = b"%PDF-1.4 not really".to_vec();
        let sent = c
            .submit_report(pb::SubmitReportRequest {
                content: pdf.clone(),
                department: "so-tc".into(),
                filename: String::new(),
                content_type: "application/pdf".into(),
                period_hint: String::new(),
                message_id: String::new(),
            })
            .await
            .unwrap()
            .into_inner();
        let hash: String = Sha256::digest(&pdf)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(sent.message_id, format!("sha256:{hash}"));
        let m = next_message(&ch, &q).await;
        assert_eq!(m.data, pdf);
        assert_eq!(
            m.properties.message_id().as_ref().map(|s| s.as_str()),
            Some(sent.message_id.as_str())
        );
        assert_eq!(
            header(&m.properties, "x-period"),
            None,
            "no hint, no header"
        );
        assert_eq!(header(&m.properties, "x-filename"), None);

        // Invalid requests never reach the broker.
        let e = c
            .submit_report(pb::SubmitReportRequest {
                content: b"x".to_vec(),
                department: "so-khdt".into(),
                content_type: "image/png".into(),
                ..Default::default()
            })
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::InvalidArgument);
        assert!(e.message().contains("content_type"), "{e:?}");

        // No queue bound: the broker returns the message, the caller
        // hears UNAVAILABLE rather than a silent loss.
        ch.queue_unbind(
            q.as_str().into(),
            x.as_str().into(),
            "report".into(),
            FieldTable::default(),
        )
        .await
        .unwrap();
        let e = c
            .submit_report(pb::SubmitReportRequest {
                content: b"lost?".to_vec(),
                department: "so-khdt".into(),
                content_type: "text/plain; charset=utf-8".into(),
                ..Default::default()
            })
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::Unavailable, "{e:?}");
        assert!(e.message().contains("no queue"), "{e:?}");
        let (_, metrics) = server.http_get("/metrics").await;
        for line in [
            r#"baocao_query_uploads_total{outcome="published"} 2"#,
            r#"baocao_query_uploads_total{outcome="invalid"} 1"#,
            r#"baocao_query_uploads_total{outcome="unroutable"} 1"#,
        ] {
            assert!(metrics.lines().any(|l| l == line), "{line} in\n{metrics}");
        }
    })
    .await;
    for x in [exchange, events] {
        let _ = channel
            .exchange_delete(x.as_str().into(), ExchangeDeleteOptions::default())
            .await;
    }
    let _ = conn.close(200, "done".into()).await;
}

/// A small upload the broker does not take: UNAVAILABLE, saying to retry.
async fn unavailable_upload(server: &Server) -> tonic::Status {
    let e = server
        .uploads(UPLOADER)
        .submit_report(submit_request())
        .await
        .unwrap_err();
    assert_eq!(e.code(), Code::Unavailable, "{e:?}");
    assert!(e.message().contains("retry"), "{e:?}");
    e
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_broker_is_unavailable() {
    // Nothing listens on port 1: no broker is needed for this test.
    let mut s = settings();
    s.amqp.url = baocao_config::Secret::new("amqp://127.0.0.1:1/%2f");
    let db = TestDb::create(Kind::Sqlite, crate::harness::SUITE)
        .await
        .unwrap();
    let store = baocao_store::connect(db.url()).await.unwrap();
    let server = Server::start_on(store, Some(db), s).await;
    with_server(Some(server), |server| async move {
        let e = unavailable_upload(&server).await;
        assert!(e.message().contains("127.0.0.1:1"), "{e:?}");
        let e = server
            .reports(READER)
            .watch_reports(pb::WatchReportsRequest::default())
            .await
            .unwrap_err();
        assert_eq!(e.code(), Code::Unavailable, "{e:?}");
        assert_eq!(
            server.health_status("baocao.v1.UploadService").await,
            ServingStatus::NotServing
        );
        assert_eq!(server.health_status("").await, ServingStatus::Serving);
    })
    .await;
}

/// A broker that takes the connection and then answers nothing (here a
/// proxy that holds back every `channel.open`, as a wedged node would)
/// makes an upload UNAVAILABLE within 5 s, not at the call's deadline; the
/// service makes one opening attempt at a time (each abandoned half-open
/// connection keeps a thread and a socket), and opens the channel once the
/// broker answers again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broker_that_stops_answering_is_given_up_in_time() {
    let Some(conn) = broker().await else {
        return;
    };
    let proxy = std::sync::Arc::new(Proxy::in_front_of(&amqp_url(), 5672).await);
    proxy.stall_channels(true);
    let mut s = amqp_settings(
        &unique_name("baocao.uploads.test"),
        &unique_name("baocao.events.test"),
    );
    s.amqp.url = baocao_config::Secret::new(format!("amqp://{}/%2f", proxy.addr));
    s.amqp.timeout_secs = 6;
    let db = TestDb::create(Kind::Sqlite, crate::harness::SUITE)
        .await
        .unwrap();
    let store = baocao_store::connect(db.url()).await.unwrap();
    let started = Instant::now();
    let server = Server::start_on(store, Some(db), s).await;
    let p = proxy.clone();
    with_server(Some(server), move |server| async move {
        let asked = Instant::now();
        let e = unavailable_upload(&server).await;
        assert!(e.message().contains("did not answer within 5 s"), "{e:?}");
        assert!(
            asked.elapsed() < Duration::from_secs(15),
            "answered after {:?}",
            asked.elapsed()
        );
        server
            .wait_health("baocao.v1.UploadService", ServingStatus::NotServing)
            .await;
        // The health probe asks every 50 ms and the upload asked too, but
        // uploads and events each open one connection per 6 s at most.
        if let Some(rest) = Duration::from_secs(10).checked_sub(started.elapsed()) {
            tokio::time::sleep(rest).await;
        }
        let made = p.accepted();
        assert!(
            (2..=6).contains(&made),
            "{made} connections in {:?}",
            started.elapsed()
        );
        // The broker answers again: the next attempt opens the channel.
        p.stall_channels(false);
        server.wait_serving("baocao.v1.UploadService").await;
    })
    .await;
    let _ = conn.close(200, "done".into()).await;
}

async fn next(s: &mut tonic::Streaming<pb::WatchReportsResponse>) -> pb::Report {
    tokio::time::timeout(Duration::from_secs(10), s.message())
        .await
        .expect("a report within 10 s")
        .expect("a report, not an error")
        .expect("the stream stays open")
        .report
        .unwrap()
}

async fn publish_event(channel: &Channel, exchange: &str, body: &[u8]) {
    channel
        .basic_publish(
            exchange.into(),
            "report.parsed".into(),
            BasicPublishOptions::default(),
            body,
            BasicProperties::default().with_content_type("application/json".into()),
        )
        .await
        .unwrap()
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watch_reports_streams_stored_reports_as_events_arrive() {
    let Some(conn) = broker().await else {
        return;
    };
    let channel = conn.create_channel().await.unwrap();
    let uploads_exchange = unique_name("baocao.uploads.test");
    let events = unique_name("baocao.events.test");
    let db = TestDb::create(Kind::Postgres, crate::harness::SUITE).await;
    let kind_db = match db {
        Some(db) => db,
        // PostgreSQL skipped: the watch is the same over SQLite.
        None => TestDb::create(Kind::Sqlite, crate::harness::SUITE)
            .await
            .unwrap(),
    };
    let store = baocao_store::connect(kind_db.url()).await.unwrap();
    let seeded = seed(&store).await;
    let mut server = Server::start_on(
        store,
        Some(kind_db),
        amqp_settings(&uploads_exchange, &events),
    )
    .await;

    let mut reports = server.reports(READER);
    let mut all = reports
        .watch_reports(pb::WatchReportsRequest::default())
        .await
        .expect("watching, once the consumer is bound")
        .into_inner();
    let mut ctk = reports
        .watch_reports(pb::WatchReportsRequest {
            department: "cuc-thong-ke".into(),
            view: pb::ReportView::Full as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    let mut bg = reports
        .watch_reports(pb::WatchReportsRequest {
            issuer: "ubnd tỉnh BẮC GIANG".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();

    let ctk_id = seeded.ids[1].clone();
    // The worker's event (services/ingest-worker/src/events.rs).
    let event = |id: &str| {
        format!(
            r#"{{"type":"report.parsed","messageId":"m-{id}","department":"so-khdt","filename":"f.txt","reportId":"{id}","issuer":"x","occurredAt":"2024-06-06T08:00:00Z"}}"#
        )
    };
    publish_event(&channel, &events, event(&seeded.seed_id).as_bytes()).await;
    // Announced again (a redelivery): sent once.
    publish_event(&channel, &events, event(&seeded.seed_id).as_bytes()).await;
    publish_event(&channel, &events, b"not json").await;
    publish_event(&channel, &events, event("987654321").as_bytes()).await;
    publish_event(
        &channel,
        &events,
        format!(r#"{{"report_id":{ctk_id}}}"#).as_bytes(),
    )
    .await;
    publish_event(&channel, &events, event(&seeded.june_id).as_bytes()).await;

    let got: Vec<String> = vec![
        next(&mut all).await.id,
        next(&mut all).await.id,
        next(&mut all).await.id,
    ];
    assert_eq!(
        got,
        [
            seeded.seed_id.clone(),
            ctk_id.clone(),
            seeded.june_id.clone()
        ]
    );
    let full = next(&mut ctk).await;
    assert_eq!(full.id, ctk_id);
    assert!(!full.sections.is_empty(), "FULL view when asked");
    let b1 = next(&mut bg).await;
    let b2 = next(&mut bg).await;
    assert_eq!(
        (b1.id.as_str(), b2.id.as_str()),
        (seeded.seed_id.as_str(), seeded.june_id.as_str())
    );
    assert_eq!(b1.metadata.unwrap().issuer, BAC_GIANG);
    assert!(b1.sections.is_empty(), "BASIC by default");

    // Read responses are cached; a stored report's event empties the cache,
    // so the new report is listed at once (not after grpc.cache_ttl_ms).
    let list = pb::ListReportsRequest {
        page_size: 100,
        ..Default::default()
    };
    let before = reports
        .list_reports(list.clone())
        .await
        .unwrap()
        .into_inner();
    let late = &uploads()[1];
    // And a series the late report adds figures to.
    let figure = late
        .report
        .observations
        .iter()
        .find(|o| !o.indicator.is_empty() && o.period.is_some())
        .expect("the late report states a catalog figure");
    let series_request = pb::GetSeriesRequest {
        indicator: figure.indicator.clone(),
        issuer: late.report.metadata.issuer.clone(),
        breakdown: figure.breakdown.clone(),
        ..Default::default()
    };
    let mut indicators = server.indicators(READER);
    let series_before = indicators
        .get_series(series_request.clone())
        .await
        .unwrap()
        .into_inner();
    let mut raw = late.raw.clone();
    raw.extend_from_slice(b"\n(late copy)\n");
    let mut report = late.report.clone();
    report.metadata.reporting_period = baocao_domain::Period::month(2019, 1, "tháng 1");
    let mut source = late.source();
    source.message_id = "late-1".into();
    let baocao_store::Recorded::Parsed { report_id: late_id } = server
        .store
        .record_ingestion(&raw, &source, &report)
        .await
        .unwrap()
    else {
        panic!("the late report is stored");
    };
    let cached = reports
        .list_reports(list.clone())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        cached.reports.len(),
        before.reports.len(),
        "served from the cache"
    );
    let series_cached = indicators
        .get_series(series_request.clone())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(series_cached, series_before, "served from the cache");
    publish_event(&channel, &events, event(&late_id).as_bytes()).await;
    assert_eq!(next(&mut all).await.id, late_id);
    assert_eq!(
        next(&mut ctk).await.id,
        late_id,
        "a cuc-thong-ke report too"
    );
    let after = reports.list_reports(list).await.unwrap().into_inner();
    assert_eq!(after.reports.len(), before.reports.len() + 1);
    assert!(after.reports.iter().any(|r| r.id == late_id));
    let series_after = indicators
        .get_series(series_request)
        .await
        .unwrap()
        .into_inner();
    let ids: Vec<&str> = series_after
        .points
        .iter()
        .flat_map(|p| p.latest.iter().chain(&p.revisions))
        .map(|o| o.report_id.as_str())
        .collect();
    assert!(
        ids.contains(&late_id.as_str()),
        "the event emptied the cache: the series has the late report's figure"
    );

    // Shutting down ends open streams with UNAVAILABLE.
    server.shutdown().await;
    for s in [&mut all, &mut ctk, &mut bg] {
        let end = tokio::time::timeout(Duration::from_secs(10), s.message())
            .await
            .expect("the stream ends at shutdown");
        match end {
            Err(e) => assert_eq!(e.code(), Code::Unavailable, "{e:?}"),
            Ok(m) => panic!(
                "expected UNAVAILABLE, got report {:?}",
                m.and_then(|m| m.report).map(|r| r.id)
            ),
        }
    }
    server.stop().await;
    for x in [uploads_exchange, events] {
        let _ = channel
            .exchange_delete(x.as_str().into(), ExchangeDeleteOptions::default())
            .await;
    }
    let _ = conn.close(200, "done".into()).await;
}
