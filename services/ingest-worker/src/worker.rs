//! The worker's life: open the store, serve the HTTP port, then broker
//! sessions one after another (reconnecting with backoff) until shutdown,
//! and a graceful stop.
//!
//! Concurrency: at most `worker.concurrency` store transactions at once
//! (a semaphore around each write), and one message a core more in hand,
//! so that parsing the next messages goes on while the writers wait on
//! the database. A slot of that many is taken before the next delivery is
//! read and given back when the delivery is acknowledged (or given up);
//! the broker sends at most `amqp.prefetch` unacknowledged ones.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use baocao_config::Settings;
use baocao_store::{AnyStore, ConnectOptions};
use futures_lite::StreamExt;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, watch};
use tokio::task::{JoinHandle, JoinSet};
use tokio::time::Instant;
use tracing::{debug, error, info, warn};

use crate::acks::{self, Acks};
use crate::broker::{self, OpenError, Session};
use crate::envelope::Limits;
use crate::error::WorkerError;
use crate::handler::{self, BrokerTrouble, Ctx};
use crate::metrics::{Health, Metrics};
use crate::retry::Backoff;

/// A worker with its HTTP port bound, ready to [`Worker::run`].
pub struct Worker {
    settings: Settings,
    listener: Option<TcpListener>,
    metrics: Metrics,
    health: Health,
}

/// Binds and runs a worker until `shutdown` completes; see [`Worker::run`].
pub async fn run<F>(settings: Settings, shutdown: F) -> Result<(), WorkerError>
where
    F: Future<Output = ()> + Send + 'static,
{
    Worker::bind(settings).await?.run(shutdown).await
}

/// Tasks of message handling report which session they belonged to, so a
/// failure of an old session does not end the current one.
type TaskResult = (u64, Result<(), BrokerTrouble>);

enum SessionEnd {
    Stop,
    Broken(String),
}

impl Worker {
    /// Binds `metrics.addr` (port 0 picks a free port; empty turns the
    /// HTTP port off).
    pub async fn bind(settings: Settings) -> Result<Self, WorkerError> {
        let addr = settings.metrics.addr.trim().to_owned();
        let listener = if addr.is_empty() {
            None
        } else {
            let parsed: SocketAddr = addr
                .parse()
                .map_err(|_| WorkerError::MetricsAddr { addr: addr.clone() })?;
            Some(
                TcpListener::bind(parsed)
                    .await
                    .map_err(|source| WorkerError::MetricsListen { addr, source })?,
            )
        };
        Ok(Self {
            settings,
            listener,
            metrics: Metrics::new(),
            health: Health::default(),
        })
    }

    /// Where `/metrics`, `/healthz` and `/readyz` are served.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.listener.as_ref().and_then(|l| l.local_addr().ok())
    }

    pub fn metrics(&self) -> Metrics {
        self.metrics.clone()
    }

    /// Consumes until `shutdown` completes, then stops consuming, finishes
    /// and acknowledges the messages in hand (within
    /// `worker.shutdown_grace_secs`) and returns. Broker and store outages
    /// are waited out; only settings that can never work (a database URL
    /// the store refuses, a queue declared with other arguments) end it
    /// with an error.
    pub async fn run<F>(self, shutdown: F) -> Result<(), WorkerError>
    where
        F: Future<Output = ()> + Send + 'static,
    {
        let Worker {
            settings,
            listener,
            metrics,
            health,
        } = self;
        let (stop_tx, stop_rx) = watch::channel(false);
        tokio::spawn(async move {
            shutdown.await;
            let _ = stop_tx.send(true);
        });
        let (http_stop_tx, mut http_stop_rx) = watch::channel(false);
        let http = listener.map(|l| {
            let addr = l.local_addr().ok();
            if let Some(addr) = addr {
                info!(%addr, "serving /healthz, /readyz and /metrics");
            }
            let (m, h) = (metrics.clone(), health.clone());
            tokio::spawn(async move {
                let stop = async move {
                    let _ = http_stop_rx.wait_for(|s| *s).await;
                };
                if let Err(e) = crate::http::serve(l, m, h, stop).await {
                    error!(error = %e, ?addr, "the HTTP port failed");
                }
            })
        });

        let result = match open_store(&settings, stop_rx.clone(), &metrics, &health).await {
            Ok(Some(store)) => {
                let r = consume(&settings, store.clone(), stop_rx, &metrics, &health).await;
                store.close().await;
                r
            }
            Ok(None) => Ok(()),
            Err(e) => Err(e),
        };
        let _ = http_stop_tx.send(true);
        if let Some(h) = http {
            let _ = h.await;
        }
        result
    }
}

/// Opens the store, waiting out a database that is not up yet.
async fn open_store(
    settings: &Settings,
    mut stop: watch::Receiver<bool>,
    metrics: &Metrics,
    health: &Health,
) -> Result<Option<AnyStore>, WorkerError> {
    let options = ConnectOptions {
        max_connections: settings.database.max_connections,
        acquire_timeout: Duration::from_secs(settings.database.acquire_timeout_secs.max(1)),
        ..ConnectOptions::default()
    };
    let mut backoff = backoff(settings);
    loop {
        match baocao_store::connect_with(settings.database.url.expose(), &options).await {
            Ok(store) => {
                health.set_store_ok(true, metrics);
                return Ok(Some(store));
            }
            Err(e) if e.is_transient() => {
                health.set_store_ok(false, metrics);
                let delay = backoff.next_delay();
                warn!(error = %e, retry_in_ms = delay.as_millis() as u64, "store unavailable at start; will retry");
                tokio::select! {
                    _ = stop.wait_for(|s| *s) => return Ok(None),
                    _ = tokio::time::sleep(delay) => {}
                }
            }
            Err(e) => return Err(WorkerError::Store(e)),
        }
    }
}

fn backoff(settings: &Settings) -> Backoff {
    Backoff::new(
        Duration::from_millis(settings.worker.retry_initial_ms),
        Duration::from_millis(settings.worker.retry_max_ms),
    )
}

/// Messages parsed beside the store writers: one a core. (Parsing is
/// CPU-bound and runs on the blocking pool.)
fn parsers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Broker sessions until shutdown.
async fn consume(
    settings: &Settings,
    store: AnyStore,
    mut stop: watch::Receiver<bool>,
    metrics: &Metrics,
    health: &Health,
) -> Result<(), WorkerError> {
    let ctx = Arc::new(Ctx {
        store,
        writers: Arc::new(Semaphore::new(settings.worker.concurrency)),
        limits: Limits {
            max_message_bytes: settings.worker.max_message_bytes,
        },
        retry_initial: Duration::from_millis(settings.worker.retry_initial_ms),
        retry_max: Duration::from_millis(settings.worker.retry_max_ms),
        metrics: metrics.clone(),
        health: health.clone(),
    });
    let slots = Arc::new(Semaphore::new(settings.worker.concurrency + parsers()));
    let mut tasks: JoinSet<TaskResult> = JoinSet::new();
    let mut backoff = backoff(settings);
    let grace = Duration::from_secs(settings.worker.shutdown_grace_secs);
    let url = settings.amqp.url.expose();
    let mut session_id: u64 = 0;

    loop {
        if *stop.borrow() {
            break;
        }
        session_id += 1;
        let tag = format!("baocao-worker-{}-{session_id}", std::process::id());
        debug!(consumer_tag = %tag, "opening a broker session");
        let opened = tokio::select! {
            _ = stop.wait_for(|s| *s) => break,
            s = broker::open(url, &settings.amqp, &tag) => s,
        };
        let mut session = match opened {
            Ok(s) => s,
            Err(OpenError::Amqp(e)) if e.is_amqp_soft_error() => {
                // A channel-level refusal while declaring: the topology on the
                // broker contradicts the settings. Waiting will not help.
                return Err(WorkerError::Topology(e.to_string()));
            }
            Err(e) => {
                let delay = backoff.next_delay();
                warn!(error = %e, retry_in_ms = delay.as_millis() as u64, "cannot reach the broker; will retry");
                tokio::select! {
                    _ = stop.wait_for(|s| *s) => break,
                    _ = tokio::time::sleep(delay) => {}
                }
                continue;
            }
        };
        if session_id > 1 {
            metrics.reconnects.inc();
        }
        backoff.reset();
        health.set_consuming(true, metrics);
        info!(queue = %settings.amqp.queue, prefetch = settings.amqp.prefetch,
              concurrency = settings.worker.concurrency, "consuming");
        let (acks, mut acker) = acks::start(
            session.consume_channel().clone(),
            settings.amqp.prefetch,
            metrics.clone(),
        );
        let end = run_session(
            &mut session,
            session_id,
            &ctx,
            &slots,
            &mut tasks,
            &mut stop,
            &acks,
            &mut acker,
        )
        .await;
        health.set_consuming(false, metrics);
        match end {
            SessionEnd::Stop => {
                health.set_stopping();
                drain(
                    &mut session,
                    session_id,
                    &ctx,
                    &slots,
                    &mut tasks,
                    &acks,
                    grace,
                )
                .await;
                session.close().await;
                return Ok(());
            }
            SessionEnd::Broken(why) => {
                warn!(reason = %why, "broker session lost; reconnecting");
                session.close().await;
                let delay = backoff.next_delay();
                tokio::select! {
                    _ = stop.wait_for(|s| *s) => break,
                    _ = tokio::time::sleep(delay) => {}
                }
            }
        }
    }
    // Stopped while disconnected: let the messages in hand reach the store
    // (their acks cannot be sent; the broker redelivers them, and the store
    // answers DUPLICATE).
    health.set_stopping();
    finish_tasks(&mut tasks, Instant::now() + grace).await;
    Ok(())
}

/// Hands deliveries to tasks until shutdown or a broker failure.
#[allow(clippy::too_many_arguments)]
async fn run_session(
    session: &mut Session,
    session_id: u64,
    ctx: &Arc<Ctx>,
    slots: &Arc<Semaphore>,
    tasks: &mut JoinSet<TaskResult>,
    stop: &mut watch::Receiver<bool>,
    acks: &Acks,
    acker: &mut JoinHandle<Result<(), String>>,
) -> SessionEnd {
    loop {
        let slot = tokio::select! {
            biased;
            _ = stop.wait_for(|s| *s) => return SessionEnd::Stop,
            ended = &mut *acker => return SessionEnd::Broken(acker_ended(ended)),
            Some(joined) = tasks.join_next(), if !tasks.is_empty() => {
                if let Some(why) = trouble(joined, session_id) {
                    return SessionEnd::Broken(why);
                }
                continue;
            }
            slot = Arc::clone(slots).acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => return SessionEnd::Stop,
            },
        };
        // A slot is free: wait for the next delivery, still watching for
        // shutdown and for failures reported by finishing tasks.
        let delivery = loop {
            tokio::select! {
                biased;
                _ = stop.wait_for(|s| *s) => return SessionEnd::Stop,
                ended = &mut *acker => return SessionEnd::Broken(acker_ended(ended)),
                Some(joined) = tasks.join_next(), if !tasks.is_empty() => {
                    if let Some(why) = trouble(joined, session_id) {
                        return SessionEnd::Broken(why);
                    }
                }
                next = session.consumer.next() => match next {
                    Some(Ok(delivery)) => break delivery,
                    Some(Err(e)) => return SessionEnd::Broken(format!("consumer: {e}")),
                    None => {
                        return SessionEnd::Broken(
                            "the broker cancelled the consumer (was the queue deleted?)".into(),
                        );
                    }
                },
            }
        };
        let ticket = acks.read(delivery.delivery_tag);
        let (ctx, publisher) = (Arc::clone(ctx), session.publisher.clone());
        tasks.spawn(async move {
            let r = handler::handle(ctx, publisher, delivery, ticket).await;
            drop(slot);
            (session_id, r)
        });
    }
}

/// Why the acker stopped: an ack failed, so the channel is gone.
fn acker_ended(ended: Result<Result<(), String>, tokio::task::JoinError>) -> String {
    match ended {
        Ok(Err(why)) => why,
        Ok(Ok(())) => "the acker stopped".into(),
        Err(e) => format!("the acker failed: {e}"),
    }
}

/// A task's broker failure, if it belongs to the current session.
fn trouble(joined: Result<TaskResult, tokio::task::JoinError>, session_id: u64) -> Option<String> {
    match joined {
        Ok((id, Err(BrokerTrouble(why)))) if id == session_id => Some(why),
        Ok(_) => None,
        Err(e) => {
            if e.is_panic() {
                error!(error = %e, "a message task panicked; its message will be redelivered");
            }
            None
        }
    }
}

/// The graceful stop: no new deliveries; those the broker already sent are
/// processed too (returning them would count against their delivery
/// limit); everything in hand is finished and acknowledged within the
/// grace period. What is left then goes back to the queue when the
/// connection closes.
async fn drain(
    session: &mut Session,
    session_id: u64,
    ctx: &Arc<Ctx>,
    slots: &Arc<Semaphore>,
    tasks: &mut JoinSet<TaskResult>,
    acks: &Acks,
    grace: Duration,
) {
    let deadline = Instant::now() + grace;
    info!(
        in_flight = tasks.len(),
        grace_secs = grace.as_secs(),
        "stopping: consuming no more, finishing messages in hand"
    );
    let cancelled = tokio::time::timeout_at(deadline, session.stop_consuming()).await;
    if matches!(cancelled, Ok(Ok(()))) {
        loop {
            let slot = tokio::select! {
                _ = tokio::time::sleep_until(deadline) => break,
                s = Arc::clone(slots).acquire_owned() => match s { Ok(s) => s, Err(_) => break },
            };
            match tokio::time::timeout_at(deadline, session.consumer.next()).await {
                Ok(Some(Ok(delivery))) => {
                    let ticket = acks.read(delivery.delivery_tag);
                    let (ctx, publisher) = (Arc::clone(ctx), session.publisher.clone());
                    tasks.spawn(async move {
                        let r = handler::handle(ctx, publisher, delivery, ticket).await;
                        drop(slot);
                        (session_id, r)
                    });
                }
                _ => break,
            }
        }
    }
    finish_tasks(tasks, deadline).await;
    // The acks of the messages finished last, before the connection closes.
    if tokio::time::timeout_at(deadline, acks.flush())
        .await
        .is_err()
    {
        warn!("grace period over before the last acks: their messages will be redelivered");
    }
}

async fn finish_tasks(tasks: &mut JoinSet<TaskResult>, deadline: Instant) {
    let all = async {
        while let Some(joined) = tasks.join_next().await {
            match joined {
                Ok((_, Err(BrokerTrouble(why)))) => {
                    warn!(reason = %why, "a message could not be finished; it will be redelivered");
                }
                Err(e) if e.is_panic() => error!(error = %e, "a message task panicked"),
                _ => {}
            }
        }
    };
    match tokio::time::timeout_at(deadline, all).await {
        Ok(()) => info!("every message in hand is finished"),
        Err(_) => {
            warn!(
                unfinished = tasks.len(),
                "grace period over: unfinished messages go back to the queue"
            );
            tasks.abort_all();
            while tasks.join_next().await.is_some() {}
        }
    }
}
