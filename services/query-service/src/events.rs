//! The events behind `ReportService.WatchReports`: one consumer per server
//! on the worker's topic exchange (`amqp.events_exchange`, routing key
//! `report.parsed`), fanned out to every open stream through a broadcast
//! channel.
//!
//! The consumer's queue is server-named, exclusive and auto-deleted: it
//! exists while this server is connected and sees only what is published
//! from then on, which is what a watch promises. When the connection
//! drops, every open stream ends with UNAVAILABLE (its client calls again,
//! and catches up with ListReports), and the consumer reconnects with
//! backoff.
//!
//! An event's body is JSON carrying the stored report's id as `report_id`
//! (or `reportId`), a string or a number; the stream reads the report
//! from the store, so events need carry nothing else.

use std::sync::Arc;
use std::time::Duration;

use lapin::ExchangeKind;
use lapin::options::{
    BasicConsumeOptions, ExchangeDeclareOptions, QueueBindOptions, QueueDeclareOptions,
};
use lapin::types::FieldTable;
use tokio::sync::{broadcast, watch};
use tokio_stream::StreamExt;
use tokio_util::sync::CancellationToken;

use crate::error::{ApiError, ApiResult};
use crate::metrics::Metrics;
use baocao_config::redact_url;

use crate::upload::open;

/// The routing key of a stored report's event.
pub const PARSED: &str = "report.parsed";

/// How many events a slow stream may fall behind before it is ended.
const BACKLOG: usize = 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A report was stored under this id.
    Stored { report_id: String },
    /// The consumer lost its connection: streams end, clients call again.
    Lost,
}

/// Subscriptions to the stored-report events.
#[derive(Debug, Clone)]
pub struct Events {
    tx: broadcast::Sender<Event>,
    connected: watch::Receiver<bool>,
    url: String,
}

impl Events {
    /// Starts the consumer; it runs until `shutdown`.
    /// Opening a connection and its consumer may take `timeout`
    /// (`amqp.timeout_secs`); past it the attempt counts as failed.
    pub fn start(
        url: String,
        exchange: String,
        timeout: Duration,
        metrics: Arc<Metrics>,
        shutdown: CancellationToken,
    ) -> Self {
        let (tx, _) = broadcast::channel(BACKLOG);
        let (connected_tx, connected) = watch::channel(false);
        tokio::spawn(consume_loop(
            url.clone(),
            exchange,
            timeout,
            tx.clone(),
            connected_tx,
            metrics,
            shutdown,
        ));
        Self { tx, connected, url }
    }

    /// Events from now on, connected or not.
    pub fn subscribe_now(&self) -> broadcast::Receiver<Event> {
        self.tx.subscribe()
    }

    /// Events from now on; UNAVAILABLE when the consumer is not connected
    /// within `wait`.
    pub async fn subscribe(&self, wait: Duration) -> ApiResult<broadcast::Receiver<Event>> {
        let mut connected = self.connected.clone();
        match tokio::time::timeout(wait, connected.wait_for(|c| *c)).await {
            Ok(Ok(_)) => Ok(self.tx.subscribe()),
            _ => Err(ApiError::Unavailable(format!(
                "not connected to the broker at {} for report events; retry with backoff",
                redact_url(&self.url)
            ))),
        }
    }
}

async fn consume_loop(
    url: String,
    exchange: String,
    timeout: Duration,
    tx: broadcast::Sender<Event>,
    connected: watch::Sender<bool>,
    metrics: Arc<Metrics>,
    shutdown: CancellationToken,
) {
    let mut backoff = Duration::from_millis(200);
    loop {
        let outcome = tokio::select! {
            _ = shutdown.cancelled() => return,
            r = consume(&url, &exchange, timeout, &tx, &connected, &metrics) => r,
        };
        connected.send_replace(false);
        metrics.events_connected.set(0);
        let _ = tx.send(Event::Lost);
        let (was_connected, e) = outcome;
        if was_connected {
            backoff = Duration::from_millis(200);
        }
        tracing::warn!(error = %e, retry_ms = backoff.as_millis() as u64, "report events: consumer down");
        tokio::select! {
            _ = shutdown.cancelled() => return,
            _ = tokio::time::sleep(backoff) => {}
        }
        backoff = (backoff * 2).min(Duration::from_secs(10));
    }
}

/// Consumes until the connection fails; returns whether it got as far as
/// consuming, and why it stopped.
async fn consume(
    url: &str,
    exchange: &str,
    timeout: Duration,
    tx: &broadcast::Sender<Event>,
    connected: &watch::Sender<bool>,
    metrics: &Metrics,
) -> (bool, String) {
    let setup = |connection: lapin::Connection| async move {
        let consumer = declare_and_consume(&connection, exchange)
            .await
            .map_err(|e| format!("cannot consume report events from {exchange:?}: {e}"))?;
        Ok((connection, consumer))
    };
    // The connection lives as long as the consumer reads from it.
    let (_connection, mut consumer) = match open(url, "baocao-query events", timeout, setup).await {
        Ok(opened) => opened,
        Err(e) => return (false, e),
    };
    connected.send_replace(true);
    metrics.events_connected.set(1);
    tracing::info!(exchange, "report events: consuming");
    while let Some(delivery) = consumer.next().await {
        match delivery {
            Ok(d) => match report_id(&d.data) {
                Some(report_id) => {
                    // No receivers is fine: nobody watches right now.
                    let _ = tx.send(Event::Stored { report_id });
                }
                None => tracing::warn!(
                    routing_key = %d.routing_key,
                    "report events: an event without a report id; skipped"
                ),
            },
            Err(e) => return (true, format!("consuming report events: {e}")),
        }
    }
    (true, "the broker ended the report events consumer".into())
}

/// The events exchange, this server's own queue bound to it, and a
/// consumer on that queue.
async fn declare_and_consume(
    connection: &lapin::Connection,
    exchange: &str,
) -> lapin::Result<lapin::Consumer> {
    let channel = connection.create_channel().await?;
    // The worker declares the same exchange; declaring it here too lets
    // watchers connect before the worker first runs.
    channel
        .exchange_declare(
            exchange.into(),
            ExchangeKind::Topic,
            ExchangeDeclareOptions {
                durable: true,
                ..ExchangeDeclareOptions::default()
            },
            FieldTable::default(),
        )
        .await?;
    let queue = channel
        .queue_declare(
            "".into(),
            QueueDeclareOptions {
                exclusive: true,
                auto_delete: true,
                ..QueueDeclareOptions::default()
            },
            FieldTable::default(),
        )
        .await?;
    channel
        .queue_bind(
            queue.name().clone(),
            exchange.into(),
            PARSED.into(),
            QueueBindOptions::default(),
            FieldTable::default(),
        )
        .await?;
    channel
        .basic_consume(
            queue.name().clone(),
            "baocao-query-watch".into(),
            BasicConsumeOptions {
                no_ack: true,
                ..BasicConsumeOptions::default()
            },
            FieldTable::default(),
        )
        .await
}

/// The report id of an event body.
pub fn report_id(body: &[u8]) -> Option<String> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let id = value.get("report_id").or_else(|| value.get("reportId"))?;
    match id {
        serde_json::Value::String(s) if !s.is_empty() => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_ids_from_event_bodies() {
        assert_eq!(
            report_id(br#"{"report_id":"42","issuer":"x"}"#).as_deref(),
            Some("42")
        );
        assert_eq!(report_id(br#"{"reportId":7}"#).as_deref(), Some("7"));
        assert_eq!(report_id(br#"{"report_id":""}"#), None);
        assert_eq!(report_id(b"not json"), None);
        assert_eq!(report_id(br#"{"id":"1"}"#), None);
    }
}
