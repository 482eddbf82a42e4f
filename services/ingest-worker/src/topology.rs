//! The message contract's topology, declared at every connection so that a
//! bare broker works. Declaring what exists with the same arguments is a
//! no-op; a queue that exists with other arguments fails the declaration
//! (PRECONDITION_FAILED) and the worker stops with the broker's message.
//!
//! ```text
//! baocao.uploads (direct) --report--> baocao.reports (quorum,
//!     x-dead-letter-exchange, x-delivery-limit)
//! baocao.reports.dlx (fanout) --> baocao.reports.dead (quorum)
//! baocao.events (topic): report.parsed | report.rejected | report.duplicate
//! ```
//!
//! The dead-letter exchange is a fanout, so whatever reaches it, from the
//! worker (with `x-baocao-error`) or from the broker (over the delivery
//! limit), lands in the dead-letter queue whatever its routing key.

use baocao_config::Amqp;
use lapin::options::{ExchangeDeclareOptions, QueueBindOptions, QueueDeclareOptions};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{Channel, ExchangeKind};

/// The arguments of the upload queue.
pub fn queue_arguments(amqp: &Amqp) -> FieldTable {
    let mut args = FieldTable::default();
    args.insert(
        ShortString::from("x-queue-type"),
        AMQPValue::LongString(LongString::from("quorum")),
    );
    args.insert(
        ShortString::from("x-dead-letter-exchange"),
        AMQPValue::LongString(LongString::from(amqp.dead_letter_exchange.as_str())),
    );
    args.insert(
        ShortString::from("x-delivery-limit"),
        AMQPValue::LongLongInt(i64::from(amqp.delivery_limit)),
    );
    args
}

fn quorum() -> FieldTable {
    let mut args = FieldTable::default();
    args.insert(
        ShortString::from("x-queue-type"),
        AMQPValue::LongString(LongString::from("quorum")),
    );
    args
}

const DURABLE_EXCHANGE: ExchangeDeclareOptions = ExchangeDeclareOptions {
    passive: false,
    durable: true,
    auto_delete: false,
    internal: false,
    nowait: false,
};

const DURABLE_QUEUE: QueueDeclareOptions = QueueDeclareOptions {
    passive: false,
    durable: true,
    exclusive: false,
    auto_delete: false,
    nowait: false,
};

/// Declares the exchanges, queues and bindings; idempotent.
pub async fn declare(channel: &Channel, amqp: &Amqp) -> lapin::Result<()> {
    channel
        .exchange_declare(
            amqp.dead_letter_exchange.as_str().into(),
            ExchangeKind::Fanout,
            DURABLE_EXCHANGE,
            FieldTable::default(),
        )
        .await?;
    channel
        .queue_declare(
            amqp.dead_letter_queue.as_str().into(),
            DURABLE_QUEUE,
            quorum(),
        )
        .await?;
    channel
        .queue_bind(
            amqp.dead_letter_queue.as_str().into(),
            amqp.dead_letter_exchange.as_str().into(),
            "".into(),
            QueueBindOptions::default(),
            FieldTable::default(),
        )
        .await?;
    channel
        .exchange_declare(
            amqp.exchange.as_str().into(),
            ExchangeKind::Direct,
            DURABLE_EXCHANGE,
            FieldTable::default(),
        )
        .await?;
    channel
        .queue_declare(
            amqp.queue.as_str().into(),
            DURABLE_QUEUE,
            queue_arguments(amqp),
        )
        .await?;
    channel
        .queue_bind(
            amqp.queue.as_str().into(),
            amqp.exchange.as_str().into(),
            amqp.routing_key.as_str().into(),
            QueueBindOptions::default(),
            FieldTable::default(),
        )
        .await?;
    channel
        .exchange_declare(
            amqp.events_exchange.as_str().into(),
            ExchangeKind::Topic,
            DURABLE_EXCHANGE,
            FieldTable::default(),
        )
        .await?;
    Ok(())
}
