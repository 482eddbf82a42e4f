//! One delivery, start to finish: read the envelope, parse, commit the
//! outcome, dead-letter what can never succeed, announce, and only then
//! hand it over to be acknowledged (`acks`).
//!
//! - Transient store failures are retried here, with backoff, for as long
//!   as it takes: the delivery stays unacknowledged and holds its
//!   concurrency slot, so consumption pauses while the store is down.
//!   Nothing is rejected for them.
//! - A broker failure while finishing (dead letter or event) gives the
//!   delivery up: the broker redelivers it on the next connection, and the
//!   store answers DUPLICATE, so the redelivery only finishes the job.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use baocao_domain::{Ingestion, IngestionStatus, Report, Source};
use baocao_store::{AnyStore, Recorded, Store, StoreError};
use chrono::Utc;
use lapin::message::Delivery;
use sha2::{Digest, Sha256};
use tracing::{Instrument, debug, error, info, info_span, warn};

use crate::acks::Ticket;
use crate::broker::Publisher;
use crate::envelope::{self, Envelope, Limits};
use crate::events;
use crate::metrics::{Health, Metrics};
use crate::retry::Backoff;
use crate::verdict::{self, Verdict};

/// What every delivery needs.
pub struct Ctx {
    pub store: AnyStore,
    /// Store transactions at once (`worker.concurrency`): a permit is held
    /// around each write, so parsing goes on beside them.
    pub writers: Arc<tokio::sync::Semaphore>,
    pub limits: Limits,
    pub retry_initial: Duration,
    pub retry_max: Duration,
    pub metrics: Metrics,
    pub health: Health,
}

/// The broker failed while the delivery was being finished; the session
/// must be replaced. The delivery will come again.
#[derive(Debug)]
pub struct BrokerTrouble(pub String);

/// What the store made of an upload.
enum Outcome {
    Parsed {
        report_id: String,
    },
    Rejected {
        reason: String,
    },
    Duplicate {
        first: Ingestion,
    },
    /// The store refused the upload for good (not for a transient reason);
    /// it is dead-lettered without a record.
    NotStored {
        reason: String,
    },
}

struct InFlight(Metrics);

impl InFlight {
    fn new(m: &Metrics) -> Self {
        m.in_flight.inc();
        Self(m.clone())
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.dec();
    }
}

/// Handles one delivery; `ticket` is its place among the session's acks
/// (given up, so left unacknowledged, if this returns an error or is
/// cancelled).
pub async fn handle(
    ctx: Arc<Ctx>,
    publisher: Publisher,
    mut delivery: Delivery,
    ticket: Ticket,
) -> Result<(), BrokerTrouble> {
    let _in_flight = InFlight::new(&ctx.metrics);
    ctx.metrics.received.inc();
    let mut envelope = envelope::read(
        &delivery.properties,
        delivery.data.len(),
        ctx.limits,
        Utc::now(),
    );
    let body = std::mem::take(&mut delivery.data);
    if envelope.source.message_id.is_empty() {
        // What the store would use; set here so events and logs carry it.
        envelope.source.message_id = format!("sha256:{}", hex(&Sha256::digest(&body)));
    }
    let span = info_span!(
        "message",
        message_id = %envelope.source.message_id,
        department = %envelope.source.department,
        delivery_tag = delivery.delivery_tag,
        redelivered = delivery.redelivered,
    );
    async move {
        let started = Instant::now();
        let (body, verdict) = decide(&ctx, body, envelope.clone()).await;
        delivery.data = body;
        let source = &envelope.source;
        let outcome = record(&ctx, &delivery.data, source, &verdict).await;
        let report = match &verdict {
            Verdict::Parsed(r) => Some(r.as_ref()),
            Verdict::Rejected(_) => None,
        };
        finish(&ctx, &publisher, &delivery, source, report, outcome).await?;
        // Committed, dead-lettered if need be, announced: now it may be
        // acked (by the session's acker, with others finished meanwhile).
        ticket.finished();
        debug!(
            elapsed_ms = started.elapsed().as_millis() as u64,
            "finished"
        );
        Ok(())
    }
    .instrument(span)
    .await
}

/// Parses on the blocking pool (the parser is CPU-bound); a panic in the
/// parser becomes a rejection, not a dead worker.
async fn decide(ctx: &Ctx, body: Vec<u8>, envelope: Envelope) -> (Vec<u8>, Verdict) {
    if let Some(reason) = envelope.rejection() {
        return (body, Verdict::Rejected(reason));
    }
    let started = Instant::now();
    let body = Arc::new(body);
    let shared = Arc::clone(&body);
    let result = tokio::task::spawn_blocking(move || verdict::decide(&shared, &envelope)).await;
    ctx.metrics
        .parse_seconds
        .observe(started.elapsed().as_secs_f64());
    let verdict = match result {
        Ok(v) => v,
        Err(e) => {
            let what = match e.try_into_panic() {
                Ok(p) => p
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".into()),
                Err(e) => e.to_string(),
            };
            error!(error = %what, "the parser panicked");
            Verdict::Rejected(format!(
                "the parser failed on this input ({what}); this is a bug in baocao, not in the \
                 report: the upload is kept and will be parsed again by a fixed version"
            ))
        }
    };
    // The blocking task has finished with its clone.
    let body = Arc::try_unwrap(body).unwrap_or_else(|b| b.as_ref().clone());
    (body, verdict)
}

/// Commits the verdict, retrying transient failures until they pass.
async fn record(ctx: &Ctx, raw: &[u8], source: &Source, verdict: &Verdict) -> Outcome {
    match verdict {
        Verdict::Parsed(report) => {
            match retrying(ctx, || ctx.store.record_ingestion(raw, source, report)).await {
                Err(e) => {
                    // The report breaks a rule of the store: keep the upload
                    // as REJECTED instead, with the store's words.
                    error!(error = %e, "the store refused the parsed report");
                    let reason = format!("the parsed report cannot be stored: {e}");
                    let r =
                        retrying(ctx, || ctx.store.record_rejection(raw, source, &reason)).await;
                    outcome(r, &reason)
                }
                ok => outcome(ok, ""),
            }
        }
        Verdict::Rejected(reason) => {
            let r = retrying(ctx, || ctx.store.record_rejection(raw, source, reason)).await;
            outcome(r, reason)
        }
    }
}

fn outcome(recorded: Result<Recorded, StoreError>, reason: &str) -> Outcome {
    match recorded {
        Ok(Recorded::Parsed { report_id }) => Outcome::Parsed { report_id },
        Ok(Recorded::Rejected) => Outcome::Rejected {
            reason: reason.to_owned(),
        },
        Ok(Recorded::Duplicate { first }) => Outcome::Duplicate { first },
        Err(e) => {
            error!(error = %e, "the store refused the upload; dead-lettering it unrecorded");
            Outcome::NotStored {
                reason: format!("{reason}; not stored: {e}")
                    .trim_start_matches("; ")
                    .to_owned(),
            }
        }
    }
}

/// Runs a store call until it succeeds or fails for good, as one of at
/// most `worker.concurrency` writers.
async fn retrying<T, F, Fut>(ctx: &Ctx, mut op: F) -> Result<T, StoreError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, StoreError>>,
{
    // The semaphore is never closed.
    let _writer = ctx.writers.acquire().await.ok();
    let mut backoff = Backoff::new(ctx.retry_initial, ctx.retry_max);
    loop {
        let started = Instant::now();
        match op().await {
            Ok(v) => {
                ctx.metrics
                    .store_seconds
                    .observe(started.elapsed().as_secs_f64());
                ctx.health.set_store_ok(true, &ctx.metrics);
                return Ok(v);
            }
            Err(e) if e.is_transient() => {
                ctx.metrics.store_retries.inc();
                ctx.health.set_store_ok(false, &ctx.metrics);
                let delay = backoff.next_delay();
                warn!(error = %e, retry_in_ms = delay.as_millis() as u64, "store unavailable; will retry");
                tokio::time::sleep(delay).await;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Dead-letters and announces the outcome.
async fn finish(
    ctx: &Ctx,
    publisher: &Publisher,
    delivery: &Delivery,
    source: &Source,
    report: Option<&Report>,
    outcome: Outcome,
) -> Result<(), BrokerTrouble> {
    let m = &ctx.metrics;
    let event = match outcome {
        Outcome::Parsed { report_id } => {
            m.parsed.inc();
            info!(outcome = "PARSED", report_id = %report_id, "stored");
            events::parsed(source, &report_id, report)
        }
        Outcome::Rejected { reason } => {
            m.rejected.inc();
            info!(outcome = "REJECTED", reason = %reason, "stored");
            dead_letter(ctx, publisher, delivery, &reason).await?;
            events::rejected(source, &reason)
        }
        Outcome::NotStored { reason } => {
            m.rejected.inc();
            dead_letter(ctx, publisher, delivery, &reason).await?;
            events::rejected(source, &reason)
        }
        Outcome::Duplicate { first } => {
            m.duplicate.inc();
            // The same message again (a redelivery, or a sender's retry):
            // finish what its first delivery may not have, and announce the
            // first outcome again. Another message with known content: a
            // DUPLICATE was recorded for it.
            let same_message = first.message_id == source.message_id;
            info!(
                outcome = "DUPLICATE",
                first = %first.message_id,
                first_status = events::status_name(first.status),
                report_id = %first.report_id,
                same_message,
                "seen before"
            );
            // (Only a redelivery can find a rejection: the store makes a new
            // message a duplicate of PARSED content only. Rows written
            // before migration 0003 may still point at a rejection.)
            if first.status == IngestionStatus::Rejected {
                let reason = if same_message {
                    first.reason.clone()
                } else {
                    format!(
                        "same content as message {}, which was rejected: {}",
                        first.message_id, first.reason
                    )
                };
                dead_letter(ctx, publisher, delivery, &reason).await?;
            }
            match (same_message, first.status) {
                (true, IngestionStatus::Rejected) => events::rejected(source, &first.reason),
                (true, _) => events::parsed(source, &first.report_id, report),
                (false, _) => events::duplicate(source, &first, report),
            }
        }
    };
    publisher
        .event(&event)
        .await
        .map_err(|e| BrokerTrouble(format!("publishing {}: {e}", event.kind)))
}

async fn dead_letter(
    ctx: &Ctx,
    publisher: &Publisher,
    delivery: &Delivery,
    reason: &str,
) -> Result<(), BrokerTrouble> {
    publisher
        .dead_letter(delivery, reason)
        .await
        .map_err(|e| BrokerTrouble(format!("dead-lettering: {e}")))?;
    ctx.metrics.dead_lettered.inc();
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}
