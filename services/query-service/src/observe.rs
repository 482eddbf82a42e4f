//! One tower layer around every RPC: a tracing span, the deadline, and the
//! metrics (calls by method and status code, latency, in flight).
//!
//! The deadline is the client's `grpc-timeout`, capped by
//! `grpc.request_timeout_secs`; when it passes, the handler's future is
//! dropped (which cancels its store query) and the client gets
//! DEADLINE_EXCEEDED. tonic's own grpc-timeout handling, outside this layer,
//! answers CANCELLED at the same instant, so this layer's deadline is set a
//! millisecond earlier to win the race.
//!
//! The status code is read where gRPC puts it: in the response headers of
//! a trailers-only response (every error a handler returns), else in the
//! trailers at the end of the body. A body dropped before its trailers is a
//! call the client cancelled (or whose deadline passed).

use std::collections::HashSet;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, LazyLock};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use http::HeaderMap;
use http_body::{Body, Frame, SizeHint};
use pin_project_lite::pin_project;
use tonic::{Code, Status};
use tower::{Layer, Service};
use tracing::Instrument;

use crate::metrics::{MethodLabels, Metrics, RpcLabels};

/// Taken off the client's deadline so that this layer, not tonic's, ends a
/// late call (see the module documentation).
const DEADLINE_MARGIN: Duration = Duration::from_millis(1);

/// Every method the server answers, as label values; anything else is
/// counted as "unknown" so that a client cannot grow the label set.
static METHODS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let mut methods: HashSet<&'static str> = [
        "/grpc.health.v1.Health/Check",
        "/grpc.health.v1.Health/Watch",
        "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
        "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
    ]
    .into_iter()
    .collect();
    for service in baocao_proto::descriptor_pool().services() {
        for method in service.methods() {
            let path = format!("/{}/{}", service.full_name(), method.name());
            methods.insert(Box::leak(path.into_boxed_str()));
        }
    }
    methods
});

fn method_label(path: &str) -> &'static str {
    METHODS.get(path).copied().unwrap_or("unknown")
}

/// The canonical name of a status code, as the metrics label it.
pub fn code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}

fn status_code(headers: &HeaderMap) -> Option<Code> {
    headers
        .get("grpc-status")
        .map(|v| Code::from_bytes(v.as_bytes()))
}

/// The `grpc-timeout` header (gRPC over HTTP/2: up to 8 digits and a unit).
fn grpc_timeout(headers: &HeaderMap) -> Option<Duration> {
    let v = headers.get("grpc-timeout")?.to_str().ok()?;
    if v.len() < 2 || v.len() > 9 {
        return None;
    }
    let (digits, unit) = v.split_at(v.len() - 1);
    let n: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

/// Spans, deadlines and metrics for every call.
#[derive(Debug, Clone)]
pub struct RpcLayer {
    metrics: Arc<Metrics>,
    max_duration: Duration,
}

impl RpcLayer {
    pub fn new(metrics: Arc<Metrics>, max_duration: Duration) -> Self {
        Self {
            metrics,
            max_duration,
        }
    }
}

impl<S> Layer<S> for RpcLayer {
    type Service = Rpc<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Rpc {
            inner,
            layer: self.clone(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Rpc<S> {
    inner: S,
    layer: RpcLayer,
}

/// Records a call's outcome once: when its status is known, or when it is
/// dropped unfinished.
struct Finish {
    metrics: Arc<Metrics>,
    method: &'static str,
    start: Instant,
    /// The client's deadline, if it sent one.
    client_deadline: Option<Duration>,
    span: tracing::Span,
    done: bool,
}

impl Finish {
    fn record(&mut self, code: Code) {
        if std::mem::replace(&mut self.done, true) {
            return;
        }
        let name = code_name(code);
        let elapsed = self.start.elapsed();
        let method = self.method;
        self.metrics
            .rpcs
            .get_or_create(&RpcLabels { method, code: name })
            .inc();
        self.metrics
            .rpc_seconds
            .get_or_create(&MethodLabels { method })
            .observe(elapsed.as_secs_f64());
        self.metrics
            .rpcs_in_flight
            .get_or_create(&MethodLabels { method })
            .dec();
        self.span.record("code", name);
        let ms = elapsed.as_secs_f64() * 1e3;
        let _enter = self.span.enter();
        match code {
            Code::Ok => tracing::debug!(code = name, ms, "rpc finished"),
            Code::Internal
            | Code::Unknown
            | Code::DataLoss
            | Code::Unavailable
            | Code::DeadlineExceeded => tracing::warn!(code = name, ms, "rpc failed"),
            _ => tracing::info!(code = name, ms, "rpc refused"),
        }
    }
}

impl Drop for Finish {
    fn drop(&mut self) {
        if !self.done {
            let late = self
                .client_deadline
                .is_some_and(|d| self.start.elapsed() >= d);
            self.record(if late {
                Code::DeadlineExceeded
            } else {
                Code::Cancelled
            });
        }
    }
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl<S, B, R> Service<http::Request<B>> for Rpc<S>
where
    S: Service<http::Request<B>, Response = http::Response<R>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
    R: Body + Default + Send + 'static,
{
    type Response = http::Response<ObservedBody<R>>;
    type Error = S::Error;
    type Future = BoxFuture<Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let path = request.uri().path();
        let method = method_label(path);
        let span = tracing::info_span!(
            "rpc",
            method = path,
            client = tracing::field::Empty,
            code = tracing::field::Empty,
        );
        let client_deadline = grpc_timeout(request.headers());
        let max = self.layer.max_duration;
        let (timeout, cause) = match client_deadline {
            Some(d) if d <= max => (d.saturating_sub(DEADLINE_MARGIN), "the client's deadline"),
            _ => (
                max,
                "the server's time limit per request (grpc.request_timeout_secs)",
            ),
        };
        let metrics = self.layer.metrics.clone();
        metrics
            .rpcs_in_flight
            .get_or_create(&MethodLabels { method })
            .inc();
        let mut finish = Finish {
            metrics,
            method,
            start: Instant::now(),
            client_deadline,
            span: span.clone(),
            done: false,
        };
        let future = span.in_scope(|| self.inner.call(request));
        Box::pin(
            async move {
                match tokio::time::timeout(timeout, future).await {
                    Ok(Ok(response)) => {
                        let (parts, body) = response.into_parts();
                        let finish = match status_code(&parts.headers) {
                            Some(code) => {
                                finish.record(code);
                                None
                            }
                            None => Some(finish),
                        };
                        Ok(http::Response::from_parts(
                            parts,
                            ObservedBody {
                                inner: body,
                                finish,
                            },
                        ))
                    }
                    Ok(Err(e)) => {
                        finish.record(Code::Unknown);
                        Err(e)
                    }
                    Err(_) => {
                        finish.record(Code::DeadlineExceeded);
                        let status = Status::deadline_exceeded(format!(
                            "no answer within {} ms, {cause}",
                            timeout.as_millis()
                        ));
                        Ok(status.into_http::<R>().map(|inner| ObservedBody {
                            inner,
                            finish: None,
                        }))
                    }
                }
            }
            .instrument(span),
        )
    }
}

pin_project! {
    /// A response body that records the call's status from its trailers.
    pub struct ObservedBody<B> {
        #[pin]
        inner: B,
        finish: Option<Finish>,
    }
}

impl<B: Default> Default for ObservedBody<B> {
    fn default() -> Self {
        Self {
            inner: B::default(),
            finish: None,
        }
    }
}

impl<B: Body> Body for ObservedBody<B> {
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        let this = self.project();
        let polled = this.inner.poll_frame(cx);
        if let Some(finish) = this.finish.as_mut() {
            match &polled {
                Poll::Ready(Some(Ok(frame))) => {
                    if let Some(trailers) = frame.trailers_ref() {
                        finish.record(status_code(trailers).unwrap_or(Code::Unknown));
                    }
                }
                Poll::Ready(Some(Err(_))) | Poll::Ready(None) => finish.record(Code::Unknown),
                Poll::Pending => {}
            }
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeouts_parse_like_the_spec() {
        let h = |v: &str| {
            let mut m = HeaderMap::new();
            m.insert("grpc-timeout", v.parse().unwrap());
            grpc_timeout(&m)
        };
        assert_eq!(h("5S"), Some(Duration::from_secs(5)));
        assert_eq!(h("250m"), Some(Duration::from_millis(250)));
        assert_eq!(h("1n"), Some(Duration::from_nanos(1)));
        assert_eq!(h("2H"), Some(Duration::from_secs(7200)));
        assert_eq!(h("123456789S"), None);
        assert_eq!(h("S"), None);
        assert_eq!(h("5x"), None);
    }

    #[test]
    fn methods_of_the_contract_are_labels_and_others_are_unknown() {
        assert_eq!(
            method_label("/baocao.v1.IndicatorService/GetSeries"),
            "/baocao.v1.IndicatorService/GetSeries"
        );
        assert_eq!(
            method_label("/grpc.health.v1.Health/Check"),
            "/grpc.health.v1.Health/Check"
        );
        assert_eq!(method_label("/x.Y/Z"), "unknown");
    }
}
