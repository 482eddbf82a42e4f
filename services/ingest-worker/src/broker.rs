//! One session with the broker: a connection, a consuming channel with its
//! prefetch, and a publishing channel in confirm mode for dead letters and
//! events.

use std::time::Duration;

use baocao_config::Amqp;
use lapin::message::Delivery;
use lapin::options::{
    BasicConsumeOptions, BasicPublishOptions, BasicQosOptions, ConfirmSelectOptions,
};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{BasicProperties, Channel, Confirmation, Connection, ConnectionProperties, Consumer};

use crate::envelope;
use crate::events::Event;

/// Why a publish did not land.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error(transparent)]
    Amqp(#[from] lapin::Error),
    #[error("the broker refused the message (nack)")]
    Nacked,
    #[error("no queue is bound to {exchange}: the message was returned")]
    Unroutable { exchange: String },
}

/// Why a session did not open.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(transparent)]
    Amqp(#[from] lapin::Error),
    #[error("the broker did not open a session within {} s", .0.as_secs())]
    TimedOut(Duration),
}

pub struct Session {
    pub connection: Connection,
    pub consumer: Consumer,
    pub publisher: Publisher,
    consume_channel: Channel,
    timeout: Duration,
}

/// Opens a connection, declares the topology, sets the prefetch and starts
/// consuming, within `amqp.timeout_secs`: a broker that accepts the
/// connection but does not answer (one still starting, say) must not hold
/// the worker forever.
pub async fn open(url: &str, amqp: &Amqp, consumer_tag: &str) -> Result<Session, OpenError> {
    let timeout = Duration::from_secs(amqp.timeout_secs.max(1));
    match tokio::time::timeout(timeout, open_session(url, amqp, consumer_tag, timeout)).await {
        Ok(opened) => Ok(opened?),
        Err(_) => Err(OpenError::TimedOut(timeout)),
    }
}

async fn open_session(
    url: &str,
    amqp: &Amqp,
    consumer_tag: &str,
    timeout: Duration,
) -> lapin::Result<Session> {
    let props = ConnectionProperties::default()
        .with_connection_name(LongString::from(format!("baocao-worker {consumer_tag}")));
    let connection = Connection::connect(url, props).await?;
    let consume_channel = connection.create_channel().await?;
    crate::topology::declare(&consume_channel, amqp).await?;
    consume_channel
        .basic_qos(amqp.prefetch, BasicQosOptions { global: false })
        .await?;
    let publish_channel = connection.create_channel().await?;
    publish_channel
        .confirm_select(ConfirmSelectOptions::default())
        .await?;
    let consumer = consume_channel
        .basic_consume(
            amqp.queue.as_str().into(),
            consumer_tag.into(),
            BasicConsumeOptions::default(),
            FieldTable::default(),
        )
        .await?;
    Ok(Session {
        connection,
        consumer,
        publisher: Publisher {
            channel: publish_channel,
            dead_letter_exchange: amqp.dead_letter_exchange.clone(),
            events_exchange: amqp.events_exchange.clone(),
        },
        consume_channel,
        timeout,
    })
}

impl Session {
    /// Asks the broker to send no more deliveries; those already sent stay
    /// in the consumer's stream, which ends after them.
    pub async fn stop_consuming(&self) -> lapin::Result<()> {
        self.consume_channel
            .basic_cancel(self.consumer.tag(), Default::default())
            .await
    }

    /// The channel the deliveries come on (and are acked on).
    pub fn consume_channel(&self) -> &Channel {
        &self.consume_channel
    }

    /// Closes the connection, waiting at most `amqp.timeout_secs` for the
    /// broker's answer (a broken connection may never give one).
    pub async fn close(&self) {
        if self.connection.status().connected() {
            let closing = self.connection.close(200, "baocao-worker stopping".into());
            if tokio::time::timeout(self.timeout, closing).await.is_err() {
                tracing::warn!(
                    timeout_secs = self.timeout.as_secs(),
                    "the broker did not answer the close; leaving the connection"
                );
            }
        }
    }
}

/// Publishes dead letters and events, each confirmed by the broker.
#[derive(Clone)]
pub struct Publisher {
    channel: Channel,
    dead_letter_exchange: String,
    events_exchange: String,
}

impl Publisher {
    /// Sends a copy of the delivery, body and properties unchanged, to the
    /// dead-letter exchange with the reason in `x-baocao-error`.
    pub async fn dead_letter(&self, delivery: &Delivery, reason: &str) -> Result<(), PublishError> {
        let mut headers = delivery.properties.headers().clone().unwrap_or_default();
        headers.insert(
            ShortString::from(envelope::ERROR),
            AMQPValue::LongString(LongString::from(reason)),
        );
        headers.insert(
            ShortString::from("x-baocao-original-exchange"),
            AMQPValue::LongString(LongString::from(delivery.exchange.as_str())),
        );
        headers.insert(
            ShortString::from("x-baocao-original-routing-key"),
            AMQPValue::LongString(LongString::from(delivery.routing_key.as_str())),
        );
        let props = delivery.properties.clone().with_headers(headers);
        self.publish(
            &self.dead_letter_exchange,
            delivery.routing_key.as_str(),
            true,
            &delivery.data,
            props,
        )
        .await
    }

    /// Publishes an event; nobody need be listening.
    pub async fn event(&self, event: &Event) -> Result<(), PublishError> {
        let props = BasicProperties::default()
            .with_content_type("application/json".into())
            .with_delivery_mode(2)
            .with_type(event.kind.into())
            .with_app_id("baocao-worker".into())
            .with_timestamp(event.occurred_at.timestamp().max(0) as u64)
            .with_message_id(
                ShortString::try_new(format!("{}/{}", event.message_id, event.kind))
                    .unwrap_or_else(|_| event.kind.into()),
            );
        self.publish(
            &self.events_exchange,
            event.kind,
            false,
            &event.to_json(),
            props,
        )
        .await
    }

    async fn publish(
        &self,
        exchange: &str,
        routing_key: &str,
        mandatory: bool,
        body: &[u8],
        props: BasicProperties,
    ) -> Result<(), PublishError> {
        // No timeout here, unlike opening and closing: a broker under a
        // memory or disk alarm holds publishes (and so their confirms)
        // until the alarm clears, and the message should wait with them. A
        // session given up instead would send it back to the queue, again
        // at every timeout, each return counting towards its delivery
        // limit. A dead connection fails the confirm through heartbeats.
        let confirm = self
            .channel
            .basic_publish(
                exchange.into(),
                routing_key.into(),
                BasicPublishOptions {
                    mandatory,
                    immediate: false,
                },
                body,
                props,
            )
            .await?
            .await?;
        match confirm {
            Confirmation::Ack(None) | Confirmation::NotRequested => Ok(()),
            Confirmation::Ack(Some(_)) => Err(PublishError::Unroutable {
                exchange: exchange.to_owned(),
            }),
            Confirmation::Nack(_) => Err(PublishError::Nacked),
        }
    }
}
