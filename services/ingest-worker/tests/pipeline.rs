//! The worker end to end, in-process, against a real RabbitMQ and each of
//! SQLite and PostgreSQL: the seed, 1,000 messages with duplicates, a
//! corpus of bad inputs. Each test has its own exchanges, queues and
//! database (see `common`).

mod common;

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use baocao_domain::IngestionStatus;
use baocao_store::{ReportView, Store};
use common::amqp::Upload;
use common::db::Kind;
use common::env::run_case;
use common::http::{get, metric};
use common::reports::{seed, small};
use common::wait_for;

/// One test per backend: `name::sqlite`, `name::postgres`.
macro_rules! both {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name(super::Kind::Sqlite).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$name(super::Kind::Postgres).await;
            }
        }
    )*};
}

both!(
    seed_end_to_end,
    thousand_messages_with_duplicates,
    bad_inputs_are_stored_rejected_and_dead_lettered,
    a_rejected_file_sent_again_with_its_header_fixed_is_parsed,
);

const METRICS_TIMEOUT: Duration = Duration::from_secs(60);

/// Waits until the worker's `/metrics` shows `name` at `value` or more.
async fn wait_metric(addr: std::net::SocketAddr, name: &str, value: f64) -> String {
    wait_for(
        &format!("{name} >= {value}"),
        METRICS_TIMEOUT,
        || async move {
            let (_, text) = get(addr, "/metrics").await.ok()?;
            (metric(&text, name)? >= value).then_some(text)
        },
    )
    .await
}

async fn seed_end_to_end(kind: Kind) {
    run_case(
        kind,
        |_| {},
        |env| async move {
            let w = env.start_worker().await;
            assert_eq!(get(w.metrics_addr, "/healthz").await.unwrap().0, 200);

            let mut up = Upload::text(seed(), "seed-1");
            up.filename = Some("000_5b1c2bc8d5408b7b.txt".into());
            up.period = Some("2024-05".into());
            env.client.publish(&env.settings.amqp, &up).await;

            let ing = env
                .wait_ingested(&["seed-1".into()], Duration::from_secs(60))
                .await
                .remove(0);
            assert_eq!(ing.status, IngestionStatus::Parsed, "{ing:?}");
            assert!(ing.reason.is_empty());

            let report = env
                .store
                .get_report(&ing.report_id, ReportView::Full)
                .await
                .expect("the stored report");
            assert_eq!(report.metadata.issuer, "UBND tỉnh Bắc Giang");
            let period = report.metadata.reporting_period.clone().expect("a period");
            assert_eq!(period.start.to_string(), "2024-05-01");
            assert_eq!(report.sections.len(), 15);
            assert_eq!(report.footnotes.len(), 24);
            assert_eq!(report.tasks.len(), 9);
            assert!(
                report.observations.len() > 50,
                "{}",
                report.observations.len()
            );
            let source = report.source.clone().expect("a source");
            assert_eq!(source.department, "so-khdt");
            assert_eq!(source.filename, "000_5b1c2bc8d5408b7b.txt");
            assert_eq!(source.message_id, "seed-1");
            assert_eq!(source.content_type, "text/plain; charset=utf-8");
            assert_eq!(source.content_sha256.len(), 64);
            let raw = env
                .store
                .raw_upload(&ing.report_id)
                .await
                .expect("raw upload");
            assert_eq!(raw.bytes, seed(), "the raw upload is kept unchanged");

            // The event, with what other systems need to know.
            let text = wait_metric(w.metrics_addr, "baocao_worker_messages_acked_total", 1.0).await;
            let events = env.events().await;
            assert_eq!(events.len(), 1, "{events:?}");
            let e = &events[0];
            assert_eq!(e["type"], "report.parsed");
            assert_eq!(e["messageId"], "seed-1");
            assert_eq!(e["department"], "so-khdt");
            assert_eq!(e["reportId"], ing.report_id.as_str());
            assert_eq!(e["issuer"], "UBND tỉnh Bắc Giang");
            assert_eq!(e["period"]["kind"], "MONTH");
            assert_eq!(e["period"]["start"], "2024-05-01");
            assert_eq!(e["counts"]["observations"], report.observations.len());
            assert_eq!(e["counts"]["tasks"], 9);

            // The metrics of one message.
            for (name, want) in [
                ("baocao_worker_messages_received_total", 1.0),
                ("baocao_worker_messages_acked_total", 1.0),
                ("baocao_worker_messages_parsed_total", 1.0),
                ("baocao_worker_messages_rejected_total", 0.0),
                ("baocao_worker_messages_duplicate_total", 0.0),
                ("baocao_worker_parse_duration_seconds_count", 1.0),
                ("baocao_worker_store_duration_seconds_count", 1.0),
                ("baocao_worker_messages_in_flight", 0.0),
                ("baocao_worker_broker_connected", 1.0),
            ] {
                assert_eq!(metric(&text, name), Some(want), "{name} in\n{text}");
            }
            assert_eq!(get(w.metrics_addr, "/readyz").await.unwrap().0, 200);
            assert!(env.dead_letters().await.is_empty());

            w.stop().await.expect("a clean stop");
            assert_eq!(env.client.ready(&env.settings.amqp.queue).await, 0);
        },
    )
    .await;
}

async fn thousand_messages_with_duplicates(kind: Kind) {
    run_case(
        kind,
        |s| {
            s.amqp.prefetch = 32;
            s.worker.concurrency = 4;
        },
        |env| async move {
            let w = env.start_worker().await;
            // 700 distinct reports; 150 of them sent again under the same
            // message id (a sender's retry); 150 sent again under a new
            // message id (the same file uploaded twice). Interleaved.
            let mut uploads: Vec<(u64, Upload)> = Vec::new();
            for i in 0..700u32 {
                uploads.push((mix(i as u64), Upload::text(small(i), &format!("m-{i}"))));
            }
            for i in 0..150u32 {
                uploads.push((
                    mix(1000 + i as u64),
                    Upload::text(small(i), &format!("m-{i}")),
                ));
                let j = 150 + i;
                uploads.push((
                    mix(2000 + i as u64),
                    Upload::text(small(j), &format!("d-{j}")),
                ));
            }
            uploads.sort_by_key(|(k, _)| *k);
            let uploads: Vec<Upload> = uploads.into_iter().map(|(_, u)| u).collect();
            assert_eq!(uploads.len(), 1000);

            let started = Instant::now();
            env.client.publish_all(&env.settings.amqp, &uploads).await;
            let text =
                wait_metric(w.metrics_addr, "baocao_worker_messages_acked_total", 1000.0).await;
            let elapsed = started.elapsed();
            eprintln!("{kind:?}: 1000 messages in {elapsed:?}");

            let mut ids: Vec<String> = uploads
                .iter()
                .map(|u| u.message_id.clone().unwrap())
                .collect();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), 850);
            let outcomes = env.wait_ingested(&ids, Duration::from_secs(30)).await;
            let mut by_status: BTreeMap<String, usize> = BTreeMap::new();
            for o in &outcomes {
                *by_status.entry(format!("{:?}", o.status)).or_default() += 1;
            }
            assert_eq!(
                by_status,
                BTreeMap::from([("Duplicate".into(), 150), ("Parsed".into(), 700)]),
            );
            let reports = env.report_ids().await;
            assert_eq!(
                reports.len(),
                700,
                "exactly the distinct reports are stored"
            );

            // Each content pair: one PARSED, one DUPLICATE pointing at it.
            let by_id: HashMap<&str, _> = ids.iter().map(String::as_str).zip(&outcomes).collect();
            for j in 150..300 {
                let (a, b) = (
                    by_id[format!("m-{j}").as_str()],
                    by_id[format!("d-{j}").as_str()],
                );
                assert_eq!(a.report_id, b.report_id, "m-{j} and d-{j}");
            }

            assert_eq!(
                metric(&text, "baocao_worker_messages_received_total"),
                Some(1000.0)
            );
            assert_eq!(
                metric(&text, "baocao_worker_messages_parsed_total"),
                Some(700.0)
            );
            assert_eq!(
                metric(&text, "baocao_worker_messages_duplicate_total"),
                Some(300.0)
            );
            assert_eq!(
                metric(&text, "baocao_worker_messages_rejected_total"),
                Some(0.0)
            );

            let events = env.events().await;
            let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
            for e in &events {
                *kinds
                    .entry(e["type"].as_str().unwrap().to_owned())
                    .or_default() += 1;
            }
            // A resent message id is announced again (at-least-once events).
            assert_eq!(
                kinds,
                BTreeMap::from([
                    ("report.duplicate".into(), 150),
                    ("report.parsed".into(), 850)
                ])
            );
            assert!(env.dead_letters().await.is_empty());
            w.stop().await.expect("a clean stop");
        },
    )
    .await;
}

/// A fixed shuffle.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A department forgets `x-department`, gets the rejection, and sends the
/// same file again with the header set: the second message is parsed, not
/// answered with the first one's rejection. A third copy is a duplicate of
/// the parsed report.
async fn a_rejected_file_sent_again_with_its_header_fixed_is_parsed(kind: Kind) {
    run_case(
        kind,
        |_| {},
        |env| async move {
            let w = env.start_worker().await;
            let forgot = Upload {
                department: None,
                ..Upload::text(seed(), "resend-1")
            };
            env.client.publish(&env.settings.amqp, &forgot).await;
            let first = env
                .wait_ingested(&["resend-1".into()], Duration::from_secs(60))
                .await
                .remove(0);
            assert_eq!(first.status, IngestionStatus::Rejected, "{first:?}");
            assert!(first.reason.contains("x-department"), "{first:?}");

            let fixed = Upload::text(seed(), "resend-2");
            env.client.publish(&env.settings.amqp, &fixed).await;
            let second = env
                .wait_ingested(&["resend-2".into()], Duration::from_secs(60))
                .await
                .remove(0);
            assert_eq!(second.status, IngestionStatus::Parsed, "{second:?}");
            assert!(!second.report_id.is_empty());

            env.client
                .publish(&env.settings.amqp, &Upload::text(seed(), "resend-3"))
                .await;
            let third = env
                .wait_ingested(&["resend-3".into()], Duration::from_secs(60))
                .await
                .remove(0);
            assert_eq!(third.status, IngestionStatus::Duplicate, "{third:?}");
            assert_eq!(third.report_id, second.report_id);

            wait_metric(w.metrics_addr, "baocao_worker_messages_acked_total", 3.0).await;
            // Only the message that was really rejected is dead-lettered.
            let dead = env.dead_letters().await;
            assert_eq!(
                dead.iter().map(|d| d.message_id()).collect::<Vec<_>>(),
                ["resend-1"]
            );
            w.stop().await.expect("a clean stop");
        },
    )
    .await;
}

async fn bad_inputs_are_stored_rejected_and_dead_lettered(kind: Kind) {
    run_case(
        kind,
        |s| s.worker.max_message_bytes = 64 * 1024,
        |env| async move {
            let w = env.start_worker().await;
            let text = |id: &str, body: Vec<u8>| Upload::text(body, id);
            let mut corpus: Vec<(Upload, &str)> = vec![
                (text("bad-empty", Vec::new()), "empty input: the file has no bytes"),
                (
                    text("bad-binary", b"\x7fELF\x02\x01\x01\x00\x00\x00 binary 1".to_vec()),
                    "binary data: found a NUL byte at offset 7",
                ),
                (
                    // Vietnamese in Windows-1258, not UTF-8.
                    text("bad-utf8", b"B\xe1o c\xe1o th\xe1ng 5 n\xe3m 2024".to_vec()),
                    "invalid UTF-8 at byte offset 1",
                ),
                (
                    text("bad-oversize", [seed(), seed()].concat()),
                    "message too large: 77870 bytes, the limit is 65536 bytes",
                ),
                (
                    Upload {
                        department: None,
                        ..text("bad-no-department", small(1))
                    },
                    "x-department header missing: expected the sending department's code",
                ),
                (
                    Upload {
                        content_type: Some("application/pdf".into()),
                        ..text("bad-pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj".to_vec())
                    },
                    "unsupported content type application/pdf: the worker reads text only for now; \
                     send the report's text as text/plain; charset=utf-8",
                ),
                (
                    Upload {
                        content_type: Some(
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                                .into(),
                        ),
                        ..text("bad-docx", b"PK\x03\x04\x14\x00\x06\x00word/document.xml".to_vec())
                    },
                    "unsupported content type application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ),
                (
                    text(
                        "bad-no-numbers",
                        "Kính gửi các sở, ngành.\nBáo cáo này chưa có số liệu nào, chỉ có lời văn.\n"
                            .as_bytes()
                            .to_vec(),
                    ),
                    "not a report: the text has no numbers at all",
                ),
                (
                    Upload {
                        period: Some("05/2024".into()),
                        ..text("bad-period", small(2))
                    },
                    "x-period header: expected YYYY-MM, found \"05/2024\"",
                ),
                (
                    Upload {
                        content_type: None,
                        ..text("bad-no-content-type", small(3))
                    },
                    "content type missing: expected text/plain; charset=utf-8",
                ),
            ];
            for (u, _) in &corpus {
                env.client.publish(&env.settings.amqp, u).await;
            }
            // The worker is still there for the next good report.
            let good = text("good-after", small(4));
            env.client.publish(&env.settings.amqp, &good).await;
            corpus.push((good, ""));
            // Rejected content again under a new id: dead-lettered again.
            let again = text("bad-empty-again", Vec::new());
            env.client.publish(&env.settings.amqp, &again).await;

            let ids: Vec<String> = corpus
                .iter()
                .map(|(u, _)| u.message_id.clone().unwrap())
                .collect();
            let outcomes = env.wait_ingested(&ids, Duration::from_secs(60)).await;
            for ((u, says), o) in corpus.iter().zip(&outcomes) {
                let id = u.message_id.as_deref().unwrap();
                if says.is_empty() {
                    assert_eq!(o.status, IngestionStatus::Parsed, "{id}: {o:?}");
                    continue;
                }
                assert_eq!(o.status, IngestionStatus::Rejected, "{id}: {o:?}");
                assert!(o.reason.contains(says), "{id}: {:?} should say {says:?}", o.reason);
                assert!(o.report_id.is_empty(), "{id}");
                let raw = env.store.upload(id).await.expect("the raw upload is kept");
                assert_eq!(raw.bytes, u.body, "{id}: raw bytes kept unchanged");
            }

            let text =
                wait_metric(w.metrics_addr, "baocao_worker_messages_acked_total", 12.0).await;
            assert_eq!(metric(&text, "baocao_worker_messages_dead_lettered_total"), Some(11.0));

            // Dead letters: the original message with the reason.
            let mut dead = env.dead_letters().await;
            assert_eq!(dead.len(), 11, "one dead letter per bad input");
            let i = dead
                .iter()
                .position(|d| d.message_id() == "bad-empty-again")
                .expect("the resent empty upload is dead-lettered");
            let again = dead.remove(i);
            let why = again.header("x-baocao-error").unwrap_or_default();
            assert!(why.contains("empty input: the file has no bytes"), "{why}");
            let o = env.ingestion("bad-empty-again").await.expect("recorded");
            assert!(
                matches!(o.status, IngestionStatus::Duplicate | IngestionStatus::Rejected),
                "{o:?}"
            );
            let reasons: HashMap<String, _> = ids.iter().cloned().zip(&outcomes).collect();
            for d in &dead {
                let id = d.message_id();
                let o = reasons.get(&id).unwrap_or_else(|| panic!("unknown dead letter {id}"));
                assert_eq!(d.header("x-baocao-error").as_deref(), Some(o.reason.as_str()), "{id}");
                let (u, _) = corpus
                    .iter()
                    .find(|(u, _)| u.message_id.as_deref() == Some(id.as_str()))
                    .unwrap();
                assert_eq!(d.body, u.body, "{id}: the body is dead-lettered unchanged");
                assert_eq!(d.header("x-department"), u.department, "{id}: headers kept");
            }

            let events = env.events().await;
            let rejected = events.iter().filter(|e| e["type"] == "report.rejected").count();
            let duplicate = events.iter().filter(|e| e["type"] == "report.duplicate").count();
            assert_eq!(rejected + duplicate, 11, "{events:?}");
            assert!(rejected >= 10, "{events:?}");
            assert!(events.iter().any(|e| e["type"] == "report.parsed"
                && e["messageId"] == "good-after"));
            assert!(
                events
                    .iter()
                    .filter(|e| e["type"] == "report.rejected")
                    .all(|e| !e["reason"].as_str().unwrap_or("").is_empty())
            );

            assert!(w.is_running());
            assert_eq!(get(w.metrics_addr, "/readyz").await.unwrap().0, 200);
            w.stop().await.expect("a clean stop");
        },
    )
    .await;
}

/// A queue that exists with other arguments than the contract's cannot be
/// waited out: the worker stops at once with the broker's words.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_queue_declared_otherwise_stops_the_worker_with_the_brokers_words() {
    run_case(
        Kind::Sqlite,
        |_| {},
        |env| async move {
            let mut settings = env.settings.clone();
            settings.amqp.queue = format!("{}.classic", settings.amqp.queue);
            env.client
                .channel
                .queue_declare(
                    settings.amqp.queue.as_str().into(),
                    lapin::options::QueueDeclareOptions {
                        durable: true,
                        ..Default::default()
                    },
                    lapin::types::FieldTable::default(),
                )
                .await
                .expect("a classic queue");
            let worker = baocao_worker::Worker::bind(settings.clone()).await.unwrap();
            let result = tokio::time::timeout(
                Duration::from_secs(30),
                worker.run(std::future::pending::<()>()),
            )
            .await
            .expect("the worker gives up at once");
            let e = result.expect_err("a topology error").to_string();
            assert!(e.contains("cannot declare the AMQP topology"), "{e}");
            assert!(e.contains("PRECONDITION_FAILED"), "{e}");
            let _ = env
                .client
                .channel
                .queue_delete(settings.amqp.queue.as_str().into(), Default::default())
                .await;
        },
    )
    .await;
}
