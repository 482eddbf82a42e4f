//! Outages mid-stream, one at a time (they share a broker node and load
//! the machine): the broker restarted, the store unreachable for 10 s.
//! Nothing may be lost, stored twice or rejected.
//!
//! The broker restart runs on a node of its own, started by
//! `.ci/start-rabbitmq.sh` on port `BAOCAO_TEST_RESTART_AMQP_PORT` (default
//! 5682), so restarting it disturbs no other test. The store outage goes
//! through a TCP proxy to PostgreSQL that the test cuts, or holds SQLite's
//! write lock from another connection; the server other tests use is not
//! touched.

mod common;

use std::path::PathBuf;
use std::time::Duration;

use baocao_config::Secret;
use baocao_domain::IngestionStatus;
use baocao_test_support::proxy::Proxy;
use common::amqp::{Client, Upload};
use common::db::{Kind, with_database};
use common::env::{TestEnv, run_case};
use common::http::{get, metric};
use common::reports::small;
use common::{wait_for, workspace_root};
use sqlx::Connection;
use tokio::sync::Mutex;

/// One outage at a time.
static SERIAL: Mutex<()> = Mutex::const_new(());

macro_rules! both {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let _one = super::SERIAL.lock().await;
                super::$name(super::Kind::Sqlite).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let _one = super::SERIAL.lock().await;
                super::$name(super::Kind::Postgres).await;
            }
        }
    )*};
}

both!(
    broker_restart_mid_stream,
    store_unreachable_for_10_s_mid_stream
);

struct DedicatedBroker {
    url: String,
    ctl: PathBuf,
}

impl DedicatedBroker {
    /// Starts (or finds running) the restart tests' own node.
    async fn start() -> Self {
        let port: u16 = std::env::var("BAOCAO_TEST_RESTART_AMQP_PORT")
            .ok()
            .and_then(|p| p.parse().ok())
            .unwrap_or(5682);
        let base = std::env::temp_dir().join(format!("baocao-rabbitmq-restart-{port}"));
        let root = workspace_root();
        let status = tokio::process::Command::new("bash")
            .arg(root.join(".ci/start-rabbitmq.sh"))
            .env("BAOCAO_RABBITMQ_BASE", &base)
            .env("BAOCAO_RABBITMQ_PORT", port.to_string())
            .status()
            .await
            .expect("run .ci/start-rabbitmq.sh");
        assert!(
            status.success(),
            "the restart tests' broker node did not start"
        );
        Self {
            url: format!("amqp://127.0.0.1:{port}/%2f"),
            ctl: base.join("rabbitmqctl"),
        }
    }

    async fn ctl(&self, args: &[&str]) {
        let out = tokio::process::Command::new(&self.ctl)
            .args(args)
            .output()
            .await
            .expect("run rabbitmqctl");
        assert!(
            out.status.success(),
            "rabbitmqctl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

fn uploads(prefix: &str, from: u32, n: u32) -> (Vec<Upload>, Vec<String>) {
    let ups: Vec<Upload> = (from..from + n)
        .map(|i| Upload::text(small(i), &format!("{prefix}-{i}")))
        .collect();
    let ids = ups.iter().map(|u| u.message_id.clone().unwrap()).collect();
    (ups, ids)
}

async fn stored(env: &TestEnv) -> usize {
    env.report_ids().await.len()
}

async fn wait_stored(env: &TestEnv, at_least: usize) -> usize {
    wait_for(
        &format!("{at_least} reports stored"),
        Duration::from_secs(60),
        || async move {
            let n = stored(env).await;
            (n >= at_least).then_some(n)
        },
    )
    .await
}

async fn scrape(addr: std::net::SocketAddr, name: &str) -> f64 {
    let (_, text) = get(addr, "/metrics").await.expect("scrape");
    metric(&text, name).unwrap_or_else(|| panic!("{name} in\n{text}"))
}

fn assert_all_parsed(outcomes: &[baocao_domain::Ingestion]) {
    let bad: Vec<_> = outcomes
        .iter()
        .filter(|o| o.status != IngestionStatus::Parsed)
        .collect();
    assert!(bad.is_empty(), "not PARSED: {bad:?}");
}

async fn broker_restart_mid_stream(kind: Kind) {
    let broker = DedicatedBroker::start().await;
    let url = broker.url.clone();
    run_case(
        kind,
        move |s| s.amqp.url = Secret::new(url),
        |env| async move {
            let w = env.start_worker().await;
            // Enough that the stream is still running when rabbitmqctl, an
            // Erlang VM of its own, gets round to stopping the broker: with
            // 500, 234 were stored by then on a busy machine.
            let (first, mut ids) = uploads("r", 20_000, 1_000);
            env.client.publish_all(&env.settings.amqp, &first).await;
            let before = wait_stored(&env, 50).await;

            broker.ctl(&["stop_app"]).await;
            let addr = w.metrics_addr;
            wait_for(
                "the worker to notice",
                Duration::from_secs(30),
                || async move { matches!(get(addr, "/readyz").await, Ok((503, _))).then_some(()) },
            )
            .await;
            let during = stored(&env).await;
            assert!(during < 1_000, "the restart came after the end ({during})");
            tokio::time::sleep(Duration::from_secs(3)).await;
            broker.ctl(&["start_app"]).await;
            broker.ctl(&["await_startup"]).await;
            eprintln!("{kind:?}: broker restarted with {before}..{during} of 1,000 stored");

            // The worker reconnects and resumes; new uploads flow too.
            w.wait_ready().await;
            let client = Client::connect(env.settings.amqp.url.expose()).await;
            let (more, more_ids) = uploads("r", 21_000, 50);
            client.publish_all(&env.settings.amqp, &more).await;
            ids.extend(more_ids);
            let outcomes = env.wait_ingested(&ids, Duration::from_secs(120)).await;
            assert_all_parsed(&outcomes);
            assert_eq!(
                stored(&env).await,
                1_050,
                "every report stored exactly once"
            );
            assert!(scrape(w.metrics_addr, "baocao_worker_broker_reconnects_total").await >= 1.0);
            wait_for("the queue to drain", Duration::from_secs(30), || async {
                (client.ready(&env.settings.amqp.queue).await == 0).then_some(())
            })
            .await;
            assert!(
                client
                    .drain(&env.settings.amqp.dead_letter_queue)
                    .await
                    .is_empty()
            );
            client.close().await;
            w.stop().await.expect("a clean stop");
        },
    )
    .await;
}

/// A broker that takes the connection and then says nothing (a node still
/// starting, a wedged one, a half-open proxy) must not hold the worker: it
/// gives the session up after `amqp.timeout_secs` and tries again, and
/// consumes once the broker answers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broker_that_does_not_answer_is_given_up_and_tried_again() {
    run_case(
        Kind::Sqlite,
        |_| {},
        |env| async move {
            let proxy = Proxy::in_front_of(env.settings.amqp.url.expose(), 5672).await;
            proxy.mute(true);
            let mut settings = env.settings.clone();
            settings.amqp.url = Secret::new(format!("amqp://{}/%2f", proxy.addr));
            settings.amqp.timeout_secs = 1;
            let w = env.spawn_worker_with(settings).await;

            // Each silent session is given up after a second: a third
            // connection comes within seconds, not never.
            let p = &proxy;
            wait_for(
                "a third connection to the silent broker",
                Duration::from_secs(20),
                || async move { (p.accepted() >= 3).then_some(()) },
            )
            .await;
            assert!(w.is_running(), "the worker waits the broker out");
            let (status, _) = get(w.metrics_addr, "/readyz").await.expect("readyz");
            assert_eq!(status, 503, "not ready without a broker session");

            // The broker answers again: the worker consumes.
            proxy.mute(false);
            w.wait_ready().await;
            let (ups, ids) = uploads("silent", 30_000, 3);
            env.client.publish_all(&env.settings.amqp, &ups).await;
            let outcomes = env.wait_ingested(&ids, Duration::from_secs(60)).await;
            assert_all_parsed(&outcomes);
            w.stop().await.expect("a clean stop");
        },
    )
    .await;
}

async fn store_unreachable_for_10_s_mid_stream(kind: Kind) {
    run_case(
        kind,
        |s| s.database.acquire_timeout_secs = 2,
        |env| async move {
            // PostgreSQL: the worker reaches the database through a proxy.
            let proxy = match env.kind {
                Kind::Postgres => Some(Proxy::in_front_of(env.db.url(), 5432).await),
                Kind::Sqlite => None,
            };
            let mut settings = env.settings.clone();
            if let Some(p) = &proxy {
                let name = env.db.url().rsplit('/').next().unwrap().to_owned();
                let via = with_database(&format!("postgres://postgres@{}/postgres", p.addr), &name);
                settings.database.url = Secret::new(via);
            }
            let w = env.start_worker_with(settings).await;
            let (first, mut ids) = uploads("s", 30_000, 300);
            env.client.publish_all(&env.settings.amqp, &first).await;
            wait_stored(&env, 50).await;

            // The outage.
            let lock = match &proxy {
                Some(p) => {
                    p.cut();
                    None
                }
                None => Some(hold_sqlite_write_lock(env.db.url()).await),
            };
            let addr = w.metrics_addr;
            // Messages in hand when the outage began may still finish;
            // after that nothing is acknowledged until the store is back.
            tokio::time::sleep(Duration::from_secs(2)).await;
            let acked = scrape(addr, "baocao_worker_messages_acked_total").await;
            let (more, more_ids) = uploads("s", 30_300, 100);
            env.client.publish_all(&env.settings.amqp, &more).await;
            ids.extend(more_ids);
            if proxy.is_some() {
                wait_for("readiness to drop", Duration::from_secs(8), || async move {
                    matches!(get(addr, "/readyz").await, Ok((503, _))).then_some(())
                })
                .await;
            }
            tokio::time::sleep(Duration::from_secs(7)).await;
            assert_eq!(
                scrape(addr, "baocao_worker_messages_acked_total").await,
                acked,
                "nothing is acknowledged while the store is down"
            );
            let during = stored(&env).await;
            assert!(during < 400, "the outage came after the end ({during})");
            eprintln!("{kind:?}: store down 10 s with {during} of 400 stored, {acked} acked");
            match (&proxy, lock) {
                (Some(p), _) => p.restore().await,
                (None, Some(l)) => l.release().await,
                _ => unreachable!(),
            }

            let outcomes = env.wait_ingested(&ids, Duration::from_secs(120)).await;
            assert_all_parsed(&outcomes);
            assert_eq!(stored(&env).await, 400, "every report stored exactly once");
            assert_eq!(
                scrape(addr, "baocao_worker_messages_rejected_total").await,
                0.0
            );
            if proxy.is_some() {
                assert!(scrape(addr, "baocao_worker_store_retries_total").await >= 1.0);
            }
            w.wait_ready().await;
            assert!(env.dead_letters().await.is_empty());
            w.stop().await.expect("a clean stop");
        },
    )
    .await;
}

/// Another process's write transaction on the SQLite file, as when a
/// backup or a maintenance job holds it.
struct SqliteLock(sqlx::SqliteConnection);

async fn hold_sqlite_write_lock(url: &str) -> SqliteLock {
    let mut c = sqlx::SqliteConnection::connect(url)
        .await
        .expect("open sqlite");
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut c)
        .await
        .expect("take the write lock");
    SqliteLock(c)
}

impl SqliteLock {
    async fn release(mut self) {
        sqlx::query("COMMIT")
            .execute(&mut self.0)
            .await
            .expect("release");
        self.0.close().await.ok();
    }
}
