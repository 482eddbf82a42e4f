//! A test's own broker client: publishes uploads as a department would,
//! taps the events exchange, reads the dead-letter queue, and removes the
//! test's topology afterwards.

use baocao_config::Amqp;
use lapin::options::{
    BasicGetOptions, BasicPublishOptions, ConfirmSelectOptions, ExchangeDeleteOptions,
    QueueBindOptions, QueueDeclareOptions, QueueDeleteOptions,
};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{BasicProperties, Channel, Confirmation, Connection, ConnectionProperties};

pub const DEFAULT_AMQP_URL: &str = "amqp://127.0.0.1:5672/%2f";

pub fn amqp_url() -> String {
    std::env::var("BAOCAO_TEST_AMQP_URL").unwrap_or_else(|_| DEFAULT_AMQP_URL.to_owned())
}

/// One upload as a department sends it.
#[derive(Debug, Clone)]
pub struct Upload {
    pub body: Vec<u8>,
    pub message_id: Option<String>,
    pub department: Option<String>,
    pub content_type: Option<String>,
    pub filename: Option<String>,
    pub period: Option<String>,
}

impl Upload {
    /// A text upload with every property the contract asks for.
    pub fn text(body: impl Into<Vec<u8>>, message_id: &str) -> Self {
        Self {
            body: body.into(),
            message_id: Some(message_id.to_owned()),
            department: Some("so-khdt".into()),
            content_type: Some("text/plain; charset=utf-8".into()),
            filename: Some(format!("{message_id}.txt")),
            period: None,
        }
    }

    fn properties(&self) -> BasicProperties {
        let mut headers = FieldTable::default();
        let mut put = |k: &str, v: &Option<String>| {
            if let Some(v) = v {
                headers.insert(
                    ShortString::from(k),
                    AMQPValue::LongString(LongString::from(v.as_str())),
                );
            }
        };
        put("x-department", &self.department);
        put("x-filename", &self.filename);
        put("x-period", &self.period);
        let mut p = BasicProperties::default()
            .with_headers(headers)
            .with_delivery_mode(2)
            .with_app_id("baocao-worker-tests".into())
            .with_timestamp(chrono::Utc::now().timestamp() as u64);
        if let Some(id) = &self.message_id {
            p = p.with_message_id(id.as_str().into());
        }
        if let Some(c) = &self.content_type {
            p = p.with_content_type(c.as_str().into());
        }
        p
    }
}

/// A message read back from a queue.
#[derive(Debug, Clone)]
pub struct Got {
    pub body: Vec<u8>,
    pub properties: BasicProperties,
}

impl Got {
    pub fn header(&self, name: &str) -> Option<String> {
        match self.properties.headers().as_ref()?.inner().get(name)? {
            AMQPValue::LongString(s) => Some(String::from_utf8_lossy(s.as_bytes()).into_owned()),
            AMQPValue::ShortString(s) => Some(s.to_string()),
            _ => None,
        }
    }

    pub fn message_id(&self) -> String {
        self.properties
            .message_id()
            .as_ref()
            .map(|m| m.to_string())
            .unwrap_or_default()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("an event is JSON")
    }
}

pub struct Client {
    pub conn: Connection,
    pub channel: Channel,
}

impl Client {
    pub async fn connect(url: &str) -> Self {
        let conn = Connection::connect(url, ConnectionProperties::default())
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "RabbitMQ at {url} is unreachable: {e}; start one with \
                     .ci/start-rabbitmq.sh or point BAOCAO_TEST_AMQP_URL at one"
                )
            });
        let channel = conn.create_channel().await.expect("channel");
        channel
            .confirm_select(ConfirmSelectOptions::default())
            .await
            .expect("confirm_select");
        Self { conn, channel }
    }

    /// The contract's topology, as the worker declares it.
    pub async fn declare(&self, amqp: &Amqp) {
        baocao_worker::topology::declare(&self.channel, amqp)
            .await
            .expect("declare topology");
    }

    /// A queue of this connection that receives every event.
    pub async fn tap_events(&self, amqp: &Amqp) -> String {
        let q = self
            .channel
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
            .expect("declare the event tap");
        let name = q.name().to_string();
        self.channel
            .queue_bind(
                name.as_str().into(),
                amqp.events_exchange.as_str().into(),
                "report.#".into(),
                QueueBindOptions::default(),
                FieldTable::default(),
            )
            .await
            .expect("bind the event tap");
        name
    }

    /// Publishes and waits for the broker's confirm.
    pub async fn publish(&self, amqp: &Amqp, upload: &Upload) {
        let confirm = self
            .channel
            .basic_publish(
                amqp.exchange.as_str().into(),
                amqp.routing_key.as_str().into(),
                BasicPublishOptions {
                    mandatory: true,
                    immediate: false,
                },
                &upload.body,
                upload.properties(),
            )
            .await
            .expect("publish")
            .await
            .expect("confirm");
        assert!(
            matches!(confirm, Confirmation::Ack(None)),
            "the broker did not take the upload: {confirm:?}"
        );
    }

    /// Publishes all, then waits for every confirm.
    pub async fn publish_all(&self, amqp: &Amqp, uploads: &[Upload]) {
        for u in uploads {
            // Confirms are collected by wait_for_confirms below.
            let confirm = self
                .channel
                .basic_publish(
                    amqp.exchange.as_str().into(),
                    amqp.routing_key.as_str().into(),
                    BasicPublishOptions {
                        mandatory: true,
                        immediate: false,
                    },
                    &u.body,
                    u.properties(),
                )
                .await
                .expect("publish");
            drop(confirm);
        }
        let returned = self.channel.wait_for_confirms().await.expect("confirms");
        assert!(
            returned.is_empty(),
            "{} uploads were returned",
            returned.len()
        );
    }

    /// The next message of a queue, taken off it.
    pub async fn get(&self, queue: &str) -> Option<Got> {
        self.channel
            .basic_get(queue.into(), BasicGetOptions { no_ack: true })
            .await
            .expect("basic.get")
            .map(|m| Got {
                body: m.delivery.data.clone(),
                properties: m.delivery.properties.clone(),
            })
    }

    /// Every message of a queue now, taken off it.
    pub async fn drain(&self, queue: &str) -> Vec<Got> {
        let mut all = Vec::new();
        while let Some(m) = self.get(queue).await {
            all.push(m);
        }
        all
    }

    /// Messages ready in a queue.
    pub async fn ready(&self, queue: &str) -> u32 {
        self.channel
            .queue_declare(
                queue.into(),
                QueueDeclareOptions {
                    passive: true,
                    ..QueueDeclareOptions::default()
                },
                FieldTable::default(),
            )
            .await
            .expect("passive declare")
            .message_count()
    }

    pub async fn delete_topology(&self, amqp: &Amqp) {
        let ch = match self.conn.create_channel().await {
            Ok(c) => c,
            Err(_) => return,
        };
        for q in [&amqp.queue, &amqp.dead_letter_queue] {
            let _ = ch
                .queue_delete(q.as_str().into(), QueueDeleteOptions::default())
                .await;
        }
        for x in [
            &amqp.exchange,
            &amqp.dead_letter_exchange,
            &amqp.events_exchange,
        ] {
            let _ = ch
                .exchange_delete(x.as_str().into(), ExchangeDeleteOptions::default())
                .await;
        }
        let _ = ch.close(200, "done".into()).await;
    }

    pub async fn close(&self) {
        let _ = self.conn.close(200, "done".into()).await;
    }
}
