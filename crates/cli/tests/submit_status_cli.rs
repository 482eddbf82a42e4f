//! `baocao submit` against a real RabbitMQ (BAOCAO_TEST_AMQP_URL, default
//! amqp://127.0.0.1:5672/%2f, see .ci/start-rabbitmq.sh) and `baocao status`
//! on a real SQLite store. Each test has exchanges and queues of its own.

use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use baocao_domain::Source;
use baocao_store::{Recorded, Store};
use lapin::options::{
    BasicGetOptions, ExchangeDeclareOptions, ExchangeDeleteOptions, QueueBindOptions,
    QueueDeclareOptions,
};
use lapin::types::{AMQPValue, FieldTable};
use lapin::{Connection, ConnectionProperties, ExchangeKind};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../testdata/reports/000_5b1c2bc8d5408b7b.txt"
);

fn amqp_url() -> String {
    std::env::var("BAOCAO_TEST_AMQP_URL").unwrap_or_else(|_| "amqp://127.0.0.1:5672/%2f".into())
}

fn unique(prefix: &str) -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!("{prefix}-{}-{nanos}", std::process::id())
}

fn baocao(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_baocao"));
    c.args(args)
        .env_remove("BAOCAO_CONFIG")
        .env_remove("BAOCAO__DATABASE__URL")
        .env_remove("BAOCAO__AMQP__URL");
    for (k, v) in env {
        c.env(k, v);
    }
    let out = c.output().expect("run baocao");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn text(v: Option<&AMQPValue>) -> Option<String> {
    match v? {
        AMQPValue::LongString(s) => Some(String::from_utf8_lossy(s.as_bytes()).into_owned()),
        AMQPValue::ShortString(s) => Some(s.to_string()),
        _ => None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn submit_publishes_per_the_contract_and_prints_the_message_id() {
    let url = amqp_url();
    let conn = Connection::connect(&url, ConnectionProperties::default())
        .await
        .expect("RabbitMQ is reachable (start it with .ci/start-rabbitmq.sh)");
    let ch = conn.create_channel().await.unwrap();
    let exchange = unique("baocao-cli-test.uploads");
    ch.exchange_declare(
        exchange.as_str().into(),
        ExchangeKind::Direct,
        ExchangeDeclareOptions {
            auto_delete: true,
            ..ExchangeDeclareOptions::default()
        },
        FieldTable::default(),
    )
    .await
    .unwrap();
    let env = [
        ("BAOCAO__AMQP__URL", url.as_str()),
        ("BAOCAO__AMQP__EXCHANGE", exchange.as_str()),
    ];

    // Nothing bound yet: the upload comes back, and the CLI says so.
    let (code, out, err) = baocao(&["submit", SEED, "--department", "so-khdt"], &env);
    assert_ne!(code, 0, "{out}");
    assert!(err.contains("no queue is bound to exchange"), "{err}");

    let q = ch
        .queue_declare(
            "".into(),
            QueueDeclareOptions {
                exclusive: true,
                auto_delete: true,
                ..QueueDeclareOptions::default()
            },
            FieldTable::default(),
        )
        .await
        .unwrap();
    ch.queue_bind(
        q.name().clone(),
        exchange.as_str().into(),
        "report".into(),
        QueueBindOptions::default(),
        FieldTable::default(),
    )
    .await
    .unwrap();

    let (code, out, err) = baocao(
        &[
            "submit",
            SEED,
            "--department",
            "so-khdt",
            "--period",
            "2024-05",
        ],
        &env,
    );
    assert_eq!(code, 0, "{err}");
    let message_id = out.trim().to_owned();
    assert!(message_id.starts_with("so-khdt-"), "{message_id}");

    let got = ch
        .basic_get(q.name().clone(), BasicGetOptions { no_ack: true })
        .await
        .unwrap()
        .expect("the upload is on the queue");
    let d = &got.delivery;
    assert_eq!(d.data, std::fs::read(SEED).unwrap(), "the bytes, unchanged");
    let p = &d.properties;
    assert_eq!(
        p.content_type().as_ref().map(|c| c.as_str()),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(
        p.message_id().as_ref().map(|m| m.as_str()),
        Some(message_id.as_str())
    );
    assert_eq!(p.app_id().as_ref().map(|a| a.as_str()), Some("baocao-cli"));
    assert!(p.timestamp().is_some());
    assert_eq!(*p.delivery_mode(), Some(2));
    let h = p.headers().as_ref().expect("headers").inner();
    assert_eq!(text(h.get("x-department")).as_deref(), Some("so-khdt"));
    assert_eq!(
        text(h.get("x-filename")).as_deref(),
        Some("000_5b1c2bc8d5408b7b.txt")
    );
    assert_eq!(text(h.get("x-period")).as_deref(), Some("2024-05"));

    // An explicit id and a PDF's content type.
    let pdf = std::env::temp_dir().join(format!("{}.pdf", unique("baocao-cli")));
    std::fs::write(&pdf, b"%PDF-1.7\n").unwrap();
    let (code, out, err) = baocao(
        &[
            "submit",
            pdf.to_str().unwrap(),
            "--department",
            "so-tc",
            "--message-id",
            "cli-pdf-1",
        ],
        &env,
    );
    let _ = std::fs::remove_file(&pdf);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), "cli-pdf-1");
    let got = ch
        .basic_get(q.name().clone(), BasicGetOptions { no_ack: true })
        .await
        .unwrap()
        .expect("the second upload");
    assert_eq!(
        got.delivery
            .properties
            .content_type()
            .as_ref()
            .map(|c| c.as_str()),
        Some("application/pdf")
    );

    let _ = ch
        .exchange_delete(exchange.as_str().into(), ExchangeDeleteOptions::default())
        .await;
    let _ = conn.close(200, "done".into()).await;
}

/// A broker that takes the connection and answers nothing (wedged, still
/// starting, a half-open proxy): submit gives up with a clear error after
/// amqp.timeout_secs instead of hanging.
#[test]
fn submit_gives_up_on_a_broker_that_does_not_answer() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let held = std::thread::spawn(move || {
        // Hold the connection open, say nothing, until the client leaves.
        let (mut conn, _) = listener.accept().unwrap();
        let _ = std::io::copy(&mut conn, &mut std::io::sink());
    });
    let url = format!("amqp://{addr}/%2f");
    let mut child = Command::new(env!("CARGO_BIN_EXE_baocao"))
        .args([
            "submit",
            SEED,
            "--department",
            "so-khdt",
            "--message-id",
            "cli-silent-1",
        ])
        .env_remove("BAOCAO_CONFIG")
        .env("BAOCAO__AMQP__URL", &url)
        .env("BAOCAO__AMQP__TIMEOUT_SECS", "2")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run baocao");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("baocao submit still waits on a silent broker after 30 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let (stdout, err) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert!(!out.status.success(), "{stdout}");
    assert!(stdout.is_empty(), "no message id is printed: {stdout}");
    assert!(
        err.contains("did not confirm upload cli-silent-1 within 2 s"),
        "{err}"
    );
    assert!(err.contains(&addr.to_string()), "{err}");
    held.join().unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn status_shows_outcome_and_reason() {
    let dir = std::env::temp_dir().join(unique("baocao-status"));
    let url = format!("sqlite://{}", dir.join("b.db").display());
    let env = [("BAOCAO__DATABASE__URL", url.as_str())];

    // No database yet: say so rather than create an empty one.
    let (code, _, err) = baocao(&["status", "m-1"], &env);
    assert_ne!(code, 0);
    assert!(err.contains("no database at"), "{err}");
    assert!(!dir.join("b.db").exists());

    let store = baocao_store::connect(&url).await.unwrap();
    let seed = std::fs::read(SEED).unwrap();
    let report = baocao_parser::parse(&seed, &Default::default()).unwrap();
    let source = |id: &str| Source {
        department: "so-khdt".into(),
        message_id: id.into(),
        content_type: "text/plain; charset=utf-8".into(),
        ..Source::default()
    };
    let Recorded::Parsed { report_id } = store
        .record_ingestion(&seed, &source("m-ok"), &report)
        .await
        .unwrap()
    else {
        panic!("stored")
    };
    store
        .record_rejection(b"", &source("m-bad"), "empty input: the file has no bytes")
        .await
        .unwrap();
    store.close().await;

    let (code, out, err) = baocao(&["status", "m-ok"], &env);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("status    PARSED"), "{out}");
    assert!(out.contains(&format!("report    {report_id}")), "{out}");

    let (code, out, err) = baocao(&["status", "m-bad"], &env);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("status    REJECTED"), "{out}");
    assert!(
        out.contains("reason    empty input: the file has no bytes"),
        "{out}"
    );

    let (code, out, _) = baocao(&["status", "m-bad", "--json"], &env);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["status"], "REJECTED");
    assert_eq!(v["messageId"], "m-bad");

    let (code, _, err) = baocao(&["status", "m-unknown"], &env);
    assert_ne!(code, 0);
    assert!(err.contains("m-unknown: no outcome recorded"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}
