//! `UploadService.SubmitReport`: a report file sent over gRPC takes the
//! path of one published by a department (DESIGN.md, "the message
//! contract"): the same exchange and routing key, the body unchanged,
//! `content_type`, `message_id`, `timestamp`, `app_id`, and the headers
//! `x-department`, `x-filename` and `x-period`. It returns once the broker
//! has confirmed the message (publisher confirms); a message no queue takes
//! (the worker never declared its topology) is returned by the broker
//! (`mandatory`) and reported as UNAVAILABLE rather than lost.
//!
//! One connection and confirm-mode channel per server, opened on first use
//! and again after any failure. One opening at a time: a call waits for the
//! attempt in flight at most [`ANSWER_WITHIN`], and a broker that takes
//! the connection and then says nothing costs one abandoned attempt per
//! `amqp.timeout_secs`, not one per call.

use std::future::Future;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use baocao_proto::pb;
use lapin::options::{BasicPublishOptions, ConfirmSelectOptions};
use lapin::types::{AMQPValue, FieldTable, LongString, ShortString};
use lapin::{BasicProperties, Channel, Confirmation, Connection, ConnectionProperties};
use sha2::{Digest, Sha256};
use std::sync::Mutex;
use tokio::sync::watch;

use baocao_config::redact_url;

use crate::error::{ApiError, ApiResult};
use crate::metrics::Metrics;
use crate::request::{optional, required};
use std::sync::Arc;

/// The media types the worker parses (DESIGN.md).
pub const CONTENT_TYPES: [&str; 3] = [
    "text/plain; charset=utf-8",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
];

/// The application id uploads carry (`app_id`).
const APP_ID: &str = "baocao-query";

/// How long an upload or a health probe waits for the broker connection:
/// a broker that does not answer gives UNAVAILABLE in this time, well
/// within the call's deadline. (The opening itself goes on in the
/// background up to `amqp.timeout_secs`, for a slow broker.)
pub const ANSWER_WITHIN: Duration = Duration::from_secs(5);

/// Opens a connection to the broker and what `setup` makes on it (a
/// channel, a consumer), all within `timeout` (`amqp.timeout_secs`): a
/// broker that takes the connection and then says nothing must not hold
/// its caller forever. Past it the attempt is abandoned; lapin keeps such
/// a half-open connection (its I/O thread and socket) until the broker
/// closes it or its heartbeat fails, so callers make one attempt at a
/// time.
pub async fn open<T, F, Fut>(
    url: &str,
    name: &str,
    timeout: Duration,
    setup: F,
) -> Result<(Connection, T), String>
where
    F: FnOnce(Connection) -> Fut,
    Fut: Future<Output = Result<(Connection, T), String>>,
{
    let properties = ConnectionProperties::default().with_connection_name(name.into());
    let opening = async {
        let connection = Connection::connect(url, properties)
            .await
            .map_err(|e| format!("cannot reach the broker at {}: {e}", redact_url(url)))?;
        setup(connection).await
    };
    match tokio::time::timeout(timeout, opening).await {
        Ok(opened) => opened,
        Err(_) => Err(format!(
            "the broker at {} did not answer within {} s (amqp.timeout_secs)",
            redact_url(url),
            timeout.as_secs()
        )),
    }
}

struct Link {
    connection: Connection,
    channel: Channel,
}

/// The outcome of an opening: `None` while it runs.
type Opening = watch::Receiver<Option<Result<(), String>>>;

#[derive(Default)]
struct State {
    link: Option<Link>,
    /// The attempt in flight, if any.
    opening: Option<Opening>,
}

/// Publishes uploads with publisher confirms.
pub struct Publisher {
    url: String,
    exchange: String,
    routing_key: String,
    /// How long opening a connection and channel may take.
    timeout: Duration,
    state: Arc<Mutex<State>>,
}

impl std::fmt::Debug for Publisher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Publisher")
            .field("url", &redact_url(&self.url))
            .field("exchange", &self.exchange)
            .finish_non_exhaustive()
    }
}

/// A validated upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    pub content: Vec<u8>,
    pub department: String,
    pub filename: Option<String>,
    pub content_type: &'static str,
    pub period_hint: Option<String>,
    pub message_id: String,
}

impl Publisher {
    pub fn new(url: String, exchange: String, routing_key: String, timeout: Duration) -> Self {
        Self {
            url,
            exchange,
            routing_key,
            timeout,
            state: Arc::default(),
        }
    }

    /// The open channel, or the outcome of the opening in flight (one is
    /// started if none is), waiting at most [`ANSWER_WITHIN`].
    async fn channel(&self) -> Result<Channel, String> {
        let mut opening = {
            let mut state = lock(&self.state);
            if let Some(l) = &state.link {
                if l.connection.status().connected() && l.channel.status().connected() {
                    return Ok(l.channel.clone());
                }
                drop_link(state.link.take(), self.timeout);
            }
            state
                .opening
                .get_or_insert_with(|| self.start_opening())
                .clone()
        };
        let wait = ANSWER_WITHIN.min(self.timeout);
        let outcome = match tokio::time::timeout(wait, opening.wait_for(Option::is_some)).await {
            Ok(Ok(outcome)) => outcome.clone().unwrap_or(Ok(())),
            Ok(Err(_)) => Err("the connection attempt to the broker was dropped".into()),
            Err(_) => {
                return Err(format!(
                    "the broker at {} did not answer within {} s",
                    redact_url(&self.url),
                    wait.as_secs()
                ));
            }
        };
        outcome?;
        match &lock(&self.state).link {
            Some(l) => Ok(l.channel.clone()),
            None => Err("the broker connection closed as it opened".into()),
        }
    }

    /// Opens the connection and channel in a task of its own, which
    /// installs the link and publishes the outcome.
    fn start_opening(&self) -> Opening {
        let (tx, rx) = watch::channel(None);
        let (url, timeout, state) = (self.url.clone(), self.timeout, self.state.clone());
        tokio::spawn(async move {
            let opened = open(
                &url,
                "baocao-query uploads",
                timeout,
                |connection| async move {
                    let channel = connection
                        .create_channel()
                        .await
                        .map_err(|e| format!("cannot open a channel to the broker: {e}"))?;
                    channel
                        .confirm_select(ConfirmSelectOptions::default())
                        .await
                        .map_err(|e| format!("the broker refused publisher confirms: {e}"))?;
                    Ok((connection, channel))
                },
            )
            .await;
            let mut state = lock(&state);
            state.opening = None;
            let outcome = opened.map(|(connection, channel)| {
                let old = state.link.replace(Link {
                    connection,
                    channel,
                });
                drop_link(old, timeout);
            });
            let _ = tx.send(Some(outcome));
        });
        rx
    }

    /// Whether the broker accepts a connection now.
    pub async fn probe(&self) -> bool {
        self.channel().await.is_ok()
    }

    fn reset(&self) {
        drop_link(lock(&self.state).link.take(), self.timeout);
    }

    /// Publishes `upload` and waits for the broker's confirm.
    pub async fn publish(&self, upload: &Upload) -> Result<(), PublishError> {
        let channel = self.channel().await.map_err(|e| {
            PublishError::Unreachable(format!("{e}; retry with the same message_id"))
        })?;
        let mut headers = FieldTable::default();
        headers.insert(
            "x-department".into(),
            AMQPValue::LongString(LongString::from(upload.department.as_str())),
        );
        if let Some(f) = &upload.filename {
            headers.insert(
                "x-filename".into(),
                AMQPValue::LongString(LongString::from(f.as_str())),
            );
        }
        if let Some(p) = &upload.period_hint {
            headers.insert(
                "x-period".into(),
                AMQPValue::LongString(LongString::from(p.as_str())),
            );
        }
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        let properties = BasicProperties::default()
            .with_content_type(upload.content_type.into())
            .with_message_id(upload.message_id.as_str().into())
            .with_timestamp(now)
            .with_app_id(APP_ID.into())
            // Persistent: the upload survives a broker restart.
            .with_delivery_mode(2)
            .with_headers(headers);
        let sent = channel
            .basic_publish(
                self.exchange.as_str().into(),
                self.routing_key.as_str().into(),
                BasicPublishOptions {
                    mandatory: true,
                    immediate: false,
                },
                &upload.content,
                properties,
            )
            .await;
        let confirmation = match sent {
            Ok(confirm) => confirm.await,
            Err(e) => Err(e),
        };
        match confirmation {
            Ok(Confirmation::Ack(None)) | Ok(Confirmation::NotRequested) => Ok(()),
            Ok(Confirmation::Ack(Some(_))) => Err(PublishError::Unroutable(format!(
                "no queue takes routing key {:?} on exchange {:?}: start baocao-worker once to \
                 declare its queue, then retry with the same message_id",
                self.routing_key, self.exchange
            ))),
            Ok(Confirmation::Nack(_)) => Err(PublishError::Unreachable(
                "the broker refused the message; retry with the same message_id".into(),
            )),
            Err(e) => {
                self.reset();
                Err(PublishError::Unreachable(format!(
                    "publishing to exchange {:?} failed: {e}; retry with the same message_id",
                    self.exchange
                )))
            }
        }
    }
}

/// The state, also after a panic elsewhere (it holds no invariant a panic
/// could break).
fn lock(state: &Mutex<State>) -> std::sync::MutexGuard<'_, State> {
    state.lock().unwrap_or_else(|e| e.into_inner())
}

/// Closes a link in the background, waiting for the broker's answer at
/// most `timeout`.
fn drop_link(link: Option<Link>, timeout: Duration) {
    if let Some(l) = link {
        tokio::spawn(async move {
            let closing = l.connection.close(200, "reconnecting".into());
            let _ = tokio::time::timeout(timeout, closing).await;
        });
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("{0}")]
    Unreachable(String),
    #[error("{0}")]
    Unroutable(String),
}

/// Checks a request and fills in the server's choices (the message id).
pub fn validate(request: pb::SubmitReportRequest) -> ApiResult<Upload> {
    let pb::SubmitReportRequest {
        content,
        department,
        filename,
        content_type,
        period_hint,
        message_id,
    } = request;
    if content.is_empty() {
        return Err(ApiError::invalid("content", "required, found no bytes"));
    }
    let department = required("department", department)?;
    if department.len() > 64
        || !department
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    {
        return Err(ApiError::invalid(
            "department",
            format!(
                "expected a department code of letters, digits, '-', '_' or '.' (e.g. \
                 \"so-khdt\"), at most 64 bytes, found {department:?}"
            ),
        ));
    }
    let normalized: String = content_type
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    let Some(content_type) = CONTENT_TYPES
        .into_iter()
        .find(|t| t.replace(' ', "") == normalized)
    else {
        return Err(ApiError::invalid(
            "content_type",
            format!(
                "expected one of {}, found {content_type:?}",
                CONTENT_TYPES
                    .iter()
                    .map(|t| format!("{t:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    };
    let period_hint = optional(period_hint);
    if let Some(p) = &period_hint {
        let ok = p.len() == 7
            && p.as_bytes()[4] == b'-'
            && p[..4].bytes().all(|b| b.is_ascii_digit())
            && p[5..].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m));
        if !ok {
            return Err(ApiError::invalid(
                "period_hint",
                format!("expected a month as YYYY-MM (\"2024-05\"), found {p:?}"),
            ));
        }
    }
    let filename = optional(filename);
    if let Some(f) = &filename
        && f.len() > 1024
    {
        return Err(ApiError::invalid(
            "filename",
            format!("at most 1024 bytes, found {}", f.len()),
        ));
    }
    let message_id = match optional(message_id) {
        Some(id) if ShortString::try_new(id.as_str()).is_ok() => id,
        Some(id) => {
            return Err(ApiError::invalid(
                "message_id",
                format!("at most 255 bytes, found {}", id.len()),
            ));
        }
        // The store's convention for uploads without an id: the content
        // hash, so that sending the same bytes again is idempotent too.
        None => format!(
            "sha256:{}",
            Sha256::digest(&content)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        ),
    };
    Ok(Upload {
        content,
        department,
        filename,
        content_type,
        period_hint,
        message_id,
    })
}

/// The UploadService.
#[derive(Debug, Clone)]
pub struct UploadApi {
    publisher: Option<Arc<Publisher>>,
    metrics: Arc<Metrics>,
}

impl UploadApi {
    pub fn new(publisher: Option<Arc<Publisher>>, metrics: Arc<Metrics>) -> Self {
        Self { publisher, metrics }
    }

    async fn submit(
        &self,
        request: pb::SubmitReportRequest,
    ) -> ApiResult<pb::SubmitReportResponse> {
        let upload = match validate(request) {
            Ok(u) => u,
            Err(e) => {
                self.metrics.upload("invalid");
                return Err(e);
            }
        };
        let Some(publisher) = &self.publisher else {
            self.metrics.upload("unavailable");
            return Err(ApiError::FailedPrecondition(
                "uploads are off on this server: amqp.url is not set".into(),
            ));
        };
        match publisher.publish(&upload).await {
            Ok(()) => {
                self.metrics.upload("published");
                tracing::info!(
                    message_id = %upload.message_id,
                    department = %upload.department,
                    bytes = upload.content.len(),
                    "upload published"
                );
                Ok(pb::SubmitReportResponse {
                    message_id: upload.message_id,
                })
            }
            Err(PublishError::Unroutable(m)) => {
                self.metrics.upload("unroutable");
                Err(ApiError::Unavailable(m))
            }
            Err(PublishError::Unreachable(m)) => {
                self.metrics.upload("unavailable");
                Err(ApiError::Unavailable(m))
            }
        }
    }
}

#[tonic::async_trait]
impl pb::upload_service_server::UploadService for UploadApi {
    async fn submit_report(
        &self,
        request: tonic::Request<pb::SubmitReportRequest>,
    ) -> Result<tonic::Response<pb::SubmitReportResponse>, tonic::Status> {
        crate::api::reply(self.submit(request.into_inner()).await)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> pb::SubmitReportRequest {
        pb::SubmitReportRequest {
            content: b"BAO CAO".to_vec(),
            department: "so-khdt".into(),
            filename: "bc.txt".into(),
            content_type: "text/plain;charset=UTF-8".into(),
            period_hint: "2024-05".into(),
            message_id: String::new(),
        }
    }

    fn field(e: ApiError) -> String {
        match e {
            ApiError::InvalidArgument { field, .. } => field,
            other => panic!("{other}"),
        }
    }

    #[test]
    fn a_valid_upload_gets_the_content_hash_as_id() {
        let u = validate(request()).unwrap();
        assert_eq!(u.content_type, "text/plain; charset=utf-8");
        assert!(u.message_id.starts_with("sha256:"), "{}", u.message_id);
        assert_eq!(u.message_id.len(), 7 + 64);
        assert_eq!(u.period_hint.as_deref(), Some("2024-05"));
    }

    #[test]
    fn bad_fields_are_named() {
        let with = |f: fn(&mut pb::SubmitReportRequest)| {
            let mut r = request();
            f(&mut r);
            field(validate(r).unwrap_err())
        };
        assert_eq!(with(|r| r.content.clear()), "content");
        assert_eq!(with(|r| r.department.clear()), "department");
        assert_eq!(with(|r| r.department = "sở kh".into()), "department");
        assert_eq!(
            with(|r| r.content_type = "image/png".into()),
            "content_type"
        );
        assert_eq!(with(|r| r.content_type.clear()), "content_type");
        assert_eq!(with(|r| r.period_hint = "2024-13".into()), "period_hint");
        assert_eq!(with(|r| r.period_hint = "05/2024".into()), "period_hint");
        assert_eq!(with(|r| r.message_id = "x".repeat(300)), "message_id");
    }
}
