//! One test's world: settings naming its own exchanges and queues, a fresh
//! database, a broker client with a tap on the events, and the workers it
//! started; all removed afterwards, whether the test passed or not.

use std::net::SocketAddr;
use std::panic::resume_unwind;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use baocao_config::{Secret, Service, Settings};
use baocao_domain::Ingestion;
use baocao_store::{AnyStore, PageRequest, ReportFilter, ReportView, Store};
use baocao_worker::metrics::Metrics;
use baocao_worker::{Worker, WorkerError};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use super::amqp::{Client, Got, amqp_url};
use super::db::{Kind, SUITE, TestDb};
use super::{init_logs, unique_name, wait_for};

pub struct TestEnv {
    pub kind: Kind,
    pub settings: Settings,
    pub db: TestDb,
    pub client: Client,
    /// The queue that receives every event of this test.
    pub events: String,
    pub store: AnyStore,
    running: Arc<AtomicUsize>,
}

/// Settings for one test: its own topology names, a free metrics port,
/// short retries.
pub fn test_settings(db_url: &str, prefix: &str) -> Settings {
    let mut s = Settings::load(Service::Worker, None).expect("default settings");
    s.database.url = Secret::new(db_url);
    s.amqp.url = Secret::new(amqp_url());
    s.amqp.exchange = format!("{prefix}.uploads");
    s.amqp.queue = format!("{prefix}.reports");
    s.amqp.dead_letter_exchange = format!("{prefix}.reports.dlx");
    s.amqp.dead_letter_queue = format!("{prefix}.reports.dead");
    s.amqp.events_exchange = format!("{prefix}.events");
    s.metrics.addr = "127.0.0.1:0".into();
    s.worker.retry_initial_ms = 50;
    s.worker.retry_max_ms = 1000;
    // A session the broker does not answer is given up well within the
    // 30 s the tests wait for readiness.
    s.amqp.timeout_secs = 10;
    s.worker.shutdown_grace_secs = 20;
    s
}

/// Runs `case` in a fresh world of `kind` (after `tweak` adjusts its
/// settings), then removes the world, and fails as the case did.
pub async fn run_case<F, Fut>(kind: Kind, tweak: impl FnOnce(&mut Settings), case: F)
where
    F: FnOnce(Arc<TestEnv>) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    init_logs();
    let Some(env) = TestEnv::new(kind, tweak).await else {
        return;
    };
    let env = Arc::new(env);
    let outcome = tokio::spawn(case(Arc::clone(&env))).await;
    env.teardown().await;
    if let Err(e) = outcome {
        resume_unwind(e.into_panic());
    }
}

impl TestEnv {
    pub async fn new(kind: Kind, tweak: impl FnOnce(&mut Settings)) -> Option<Self> {
        let db = TestDb::create(kind, SUITE).await?;
        let prefix = unique_name("baocao-test");
        let mut settings = test_settings(db.url(), &prefix);
        tweak(&mut settings);
        // Creates and migrates the database before any worker does.
        let store = baocao_store::connect(db.url())
            .await
            .expect("open the store");
        let client = Client::connect(settings.amqp.url.expose()).await;
        client.declare(&settings.amqp).await;
        let events = client.tap_events(&settings.amqp).await;
        Some(Self {
            kind,
            settings,
            db,
            client,
            events,
            store,
            running: Arc::new(AtomicUsize::new(0)),
        })
    }

    pub async fn teardown(&self) {
        // Workers a failed case left behind were told to stop when their
        // handles dropped; let them finish before the topology goes.
        let running = Arc::clone(&self.running);
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while running.load(Ordering::SeqCst) > 0 && std::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        // A fresh connection: the test's own may have died with a broker
        // restart.
        let c = Client::connect(self.settings.amqp.url.expose()).await;
        c.delete_topology(&self.settings.amqp).await;
        c.close().await;
        self.client.close().await;
        self.store.close().await;
        self.db.drop_database().await;
    }

    /// A worker running in this process on this test's settings.
    pub async fn start_worker(&self) -> RunningWorker {
        self.start_worker_with(self.settings.clone()).await
    }

    pub async fn start_worker_with(&self, settings: Settings) -> RunningWorker {
        let w = self.spawn_worker_with(settings).await;
        w.wait_ready().await;
        w
    }

    /// A worker running in this process, not waited for.
    pub async fn spawn_worker_with(&self, settings: Settings) -> RunningWorker {
        let worker = Worker::bind(settings).await.expect("bind the worker");
        let metrics_addr = worker.metrics_addr().expect("a metrics port");
        let metrics = worker.metrics();
        let (stop, stopped) = oneshot::channel::<()>();
        let running = Arc::clone(&self.running);
        running.fetch_add(1, Ordering::SeqCst);
        let handle = tokio::spawn(async move {
            let r = worker
                .run(async move {
                    let _ = stopped.await;
                })
                .await;
            running.fetch_sub(1, Ordering::SeqCst);
            r
        });
        RunningWorker {
            metrics_addr,
            metrics,
            stop: Some(stop),
            handle: Some(handle),
        }
    }

    pub async fn ingestion(&self, message_id: &str) -> Option<Ingestion> {
        match self.store.ingestion(message_id).await {
            Ok(i) => Some(i),
            Err(e) if e.is_not_found() => None,
            Err(e) => panic!("ingestion({message_id}): {e}"),
        }
    }

    /// Waits until every message id has an outcome, and returns them.
    pub async fn wait_ingested(&self, ids: &[String], timeout: Duration) -> Vec<Ingestion> {
        let mut found: Vec<Option<Ingestion>> = vec![None; ids.len()];
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let mut missing = 0;
            for (i, id) in ids.iter().enumerate() {
                if found[i].is_none() {
                    found[i] = self.ingestion(id).await;
                    missing += usize::from(found[i].is_none());
                }
            }
            if missing == 0 {
                break;
            }
            if std::time::Instant::now() > deadline {
                panic!(
                    "timed out after {timeout:?}: {missing} of {} uploads not recorded",
                    ids.len()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        found.into_iter().map(Option::unwrap).collect()
    }

    /// Every stored report, superseded or not.
    pub async fn report_ids(&self) -> Vec<String> {
        let filter = ReportFilter {
            include_superseded: true,
            ..ReportFilter::default()
        };
        let mut ids = Vec::new();
        let mut page = PageRequest::first(1000);
        loop {
            let p = self
                .store
                .list_reports(&filter, ReportView::Basic, &page)
                .await
                .expect("list reports");
            ids.extend(p.items.into_iter().map(|r| r.id));
            match p.next_token {
                Some(t) => page = PageRequest::next(1000, t),
                None => return ids,
            }
        }
    }

    pub async fn dead_letters(&self) -> Vec<Got> {
        self.client
            .drain(&self.settings.amqp.dead_letter_queue)
            .await
    }

    pub async fn events(&self) -> Vec<serde_json::Value> {
        self.client
            .drain(&self.events)
            .await
            .iter()
            .map(Got::json)
            .collect()
    }
}

pub struct RunningWorker {
    pub metrics_addr: SocketAddr,
    pub metrics: Metrics,
    stop: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<Result<(), WorkerError>>>,
}

impl RunningWorker {
    /// Waits until `/readyz` says ready.
    pub async fn wait_ready(&self) {
        let addr = self.metrics_addr;
        wait_for(
            "the worker to be ready",
            Duration::from_secs(30),
            || async move {
                matches!(super::http::get(addr, "/readyz").await, Ok((200, _))).then_some(())
            },
        )
        .await;
    }

    /// Graceful stop; the worker's result.
    pub async fn stop(mut self) -> Result<(), WorkerError> {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        let handle = self.handle.take().expect("running");
        tokio::time::timeout(Duration::from_secs(60), handle)
            .await
            .expect("the worker stops within 60 s")
            .expect("the worker task does not panic")
    }

    pub fn is_running(&self) -> bool {
        self.handle.as_ref().is_some_and(|h| !h.is_finished())
    }
}

impl Drop for RunningWorker {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }
}
