//! A short-lived cache of read responses, kept as the bytes sent.
//!
//! Reports arrive a few times a month per issuer and are read all day, so
//! the same GetSeries or ListObservations is answered from the store again
//! and again; a series of an issuer with a hundred reports costs the store
//! hundreds of decoded rows. Responses are kept for `grpc.cache_ttl_ms`
//! (0 turns the cache off), keyed by method and the request as the client
//! encoded it, and forgotten at once when the worker announces a stored
//! report on the events exchange (WatchReports' consumer), so a new report
//! is usually visible within milliseconds and never later than the TTL.
//! Only successful responses are kept; the total is bounded by
//! `grpc.cache_max_bytes`, the cache emptied when full.
//!
//! The cache is a tower layer inside the auth layer (a call is authorized
//! before it can be answered from the cache) around the gRPC services. It
//! keeps what the handler's answer became on the wire: the response
//! headers, the length-prefixed message, the trailers. A hit is a look-up
//! and a reference-counted clone of those bytes: no handler, no store, no
//! message decoded, cloned or encoded. (It first kept the response
//! messages and cloned them for every hit, and tonic encoded each clone
//! again: a 150 KiB series cost ~1 ms of CPU a hit.)
//!
//! Callers that miss the same key at once share one answer: the first
//! asks the handler, the others wait for its answer (`result="joined"` in
//! the look-up counter) instead of each asking the store. Every stored
//! report empties the cache, and then all the readers of a hot series
//! missed it together; each read the store, ~100 ms of SQLite apiece. If
//! the caller answering goes away (its deadline), a waiting one takes its
//! place; an answer not to keep (an error) is asked for by each alone.
//!
//! An entry read in the last quarter of its life is renewed in the
//! background, once, while it keeps answering: a key read all the time is
//! renewed before it expires, so its readers do not wait on the store
//! every `grpc.cache_ttl_ms` (the waits were the bench's p99). The renewed
//! answer is read after the old one, so the TTL still bounds how stale an
//! answer can be; a report stored meanwhile drops it like any other.
//!
//! The key is the request's bytes, so two encodings of one request (fields
//! in another order) are two entries; clients of one library encode a
//! request the same way every time. A compressed request (`grpc-encoding`)
//! is passed by, uncached.
//!
//! Responses are compressed (gzip or zstd, [`COMPRESSION`]) for a client
//! that lists one in `grpc-accept-encoding`, as gRPC does it: tonic picks
//! the first of the client's list that the server sends. The key takes in
//! the encoding the same rule picks, so a client is only ever sent an
//! encoding it asked for, and an answer is kept only when tonic did encode
//! it that way. A hit costs no compression: the compressed bytes are what
//! is kept.

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use http::HeaderMap;
use http_body::{Body as _, Frame};
use tonic::body::Body;
use tower::{Layer, Service};

use crate::metrics::Metrics;

/// The encodings the server compresses responses with, for a client that
/// accepts them (and accepts requests in), by their `grpc-encoding` name.
pub const COMPRESSION: &[(&str, tonic::codec::CompressionEncoding)] = &[
    ("gzip", tonic::codec::CompressionEncoding::Gzip),
    ("zstd", tonic::codec::CompressionEncoding::Zstd),
];

/// The encoding of the response to a request with these headers: the
/// first of the client's `grpc-accept-encoding` list that the server
/// sends (tonic's rule); `None` for an uncompressed response.
fn response_encoding(headers: &HeaderMap) -> Option<&'static str> {
    let accepted = headers.get("grpc-accept-encoding")?.to_str().ok()?;
    accepted.split(',').map(str::trim).find_map(|name| {
        COMPRESSION
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, _)| *n)
    })
}

/// What an answer is kept by: the method, the response's encoding, the
/// request's bytes.
type Key = (&'static str, Option<&'static str>, Bytes);

/// The methods whose successful answers are kept, by path, with their
/// metrics label. GetIngestion is not among them (its answer changes as an
/// upload is processed), nor the streams and uploads.
const CACHED: &[(&str, &str)] = &[
    ("/baocao.v1.ReportService/GetReport", "GetReport"),
    ("/baocao.v1.ReportService/ListReports", "ListReports"),
    ("/baocao.v1.ReportService/SearchReports", "SearchReports"),
    (
        "/baocao.v1.IndicatorService/ListIndicators",
        "ListIndicators",
    ),
    (
        "/baocao.v1.IndicatorService/ListObservations",
        "ListObservations",
    ),
    ("/baocao.v1.IndicatorService/GetSeries", "GetSeries"),
    ("/baocao.v1.TaskService/ListTasks", "ListTasks"),
    ("/baocao.v1.TaskService/GetTask", "GetTask"),
];

/// The metrics label of a cached method's path; `None` for the others.
fn cached_method(path: &str) -> Option<&'static str> {
    CACHED
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, label)| *label)
}

/// A response as sent: headers, the body's bytes, trailers.
#[derive(Clone)]
struct Encoded {
    headers: HeaderMap,
    data: Bytes,
    trailers: HeaderMap,
}

impl Encoded {
    /// What it costs the cache: the bytes and a rough allowance for the
    /// headers and the entry.
    fn weight(&self, key: &[u8]) -> usize {
        let headers = |h: &HeaderMap| {
            h.iter()
                .map(|(k, v)| k.as_str().len() + v.len() + 32)
                .sum::<usize>()
        };
        self.data.len() + key.len() + headers(&self.headers) + headers(&self.trailers) + 64
    }

    fn response(&self) -> http::Response<Body> {
        let mut response = http::Response::new(Body::new(Replay {
            data: Some(self.data.clone()),
            trailers: Some(self.trailers.clone()),
        }));
        *response.headers_mut() = self.headers.clone();
        response
    }
}

struct Entry {
    value: Arc<Encoded>,
    stored: Instant,
    generation: u64,
    bytes: usize,
    /// A renewal is under way.
    refreshing: bool,
}

/// What a look-up found.
struct Hit {
    value: Arc<Encoded>,
    /// This caller should renew the entry (it is old, and nobody else is).
    refresh: bool,
}

#[derive(Default)]
struct Map {
    entries: HashMap<Key, Entry>,
    bytes: usize,
}

/// Read responses by method and request.
pub struct ResponseCache {
    ttl: Duration,
    max_bytes: usize,
    /// Bumped by every stored report; older entries are stale.
    generation: AtomicU64,
    map: Mutex<Map>,
    /// Misses being answered, by key: later callers of the same key wait
    /// for that answer instead of asking the store again.
    flights: Mutex<HashMap<Key, Answer>>,
    metrics: Arc<Metrics>,
}

/// What a caller waiting on another's miss receives once it is answered:
/// the answer when it is one to share (`Some`), `None` when it is not (an
/// error, say).
type Answer = tokio::sync::watch::Receiver<Option<Option<Arc<Encoded>>>>;

/// A miss this caller answers for every caller of the same key. Dropped
/// unfinished (the caller went away), it lets the waiting callers retry.
struct Flight {
    cache: Arc<ResponseCache>,
    key: Key,
    tx: tokio::sync::watch::Sender<Option<Option<Arc<Encoded>>>>,
    done: bool,
}

impl Flight {
    /// Hands the answer to the callers waiting for it.
    fn finish(mut self, answer: Option<Arc<Encoded>>) {
        self.leave();
        self.done = true;
        self.tx.send_replace(Some(answer));
    }

    /// Takes this flight off the map, where a later one of the same key
    /// may have taken its place.
    fn leave(&self) {
        let mut flights = self.cache.flights.lock().unwrap_or_else(|e| e.into_inner());
        if flights
            .get(&self.key)
            .is_some_and(|rx| rx.same_channel(&self.tx.subscribe()))
        {
            flights.remove(&self.key);
        }
    }
}

impl Drop for Flight {
    fn drop(&mut self) {
        if !self.done {
            self.leave();
        }
    }
}

/// Whether a caller answers a miss or waits for another's answer.
enum Role {
    Lead(Flight),
    Follow(Answer),
}

impl std::fmt::Debug for ResponseCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ResponseCache")
            .field("ttl", &self.ttl)
            .field("max_bytes", &self.max_bytes)
            .finish_non_exhaustive()
    }
}

impl ResponseCache {
    pub fn new(ttl: Duration, max_bytes: usize, metrics: Arc<Metrics>) -> Self {
        Self {
            ttl,
            max_bytes,
            generation: AtomicU64::new(0),
            map: Mutex::new(Map::default()),
            flights: Mutex::new(HashMap::new()),
            metrics,
        }
    }

    /// Forgets every response: the store has changed.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        map.entries.clear();
        map.bytes = 0;
    }

    fn enabled(&self) -> bool {
        !self.ttl.is_zero()
    }

    fn lookup(&self, key: &Key, generation: u64) -> Option<Hit> {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        let age = map.entries.get(key).and_then(|e| {
            let age = e.stored.elapsed();
            (e.generation == generation && age < self.ttl).then_some(age)
        });
        let Some(age) = age else {
            if let Some(old) = map.entries.remove(key) {
                map.bytes -= old.bytes;
            }
            return None;
        };
        let entry = map.entries.get_mut(key)?;
        let refresh = !entry.refreshing && age >= self.ttl.mul_f64(0.75);
        entry.refreshing |= refresh;
        Some(Hit {
            value: entry.value.clone(),
            refresh,
        })
    }

    /// Answers a miss of `key`, or waits for the caller already doing so.
    fn fly(self: &Arc<Self>, key: &Key) -> Role {
        let mut flights = self.flights.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(rx) = flights.get(key) {
            return Role::Follow(rx.clone());
        }
        let (tx, rx) = tokio::sync::watch::channel(None);
        flights.insert(key.clone(), rx);
        Role::Lead(Flight {
            cache: self.clone(),
            key: key.clone(),
            tx,
            done: false,
        })
    }

    /// A renewal of `key` failed: the next reader may try again.
    fn refresh_failed(&self, key: &Key) {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(e) = map.entries.get_mut(key) {
            e.refreshing = false;
        }
    }

    /// Keeps `value`, unless a report was stored since `generation` was
    /// read (the answer may predate it), it is larger than the cache, or
    /// it is not in the encoding its key names.
    fn store(&self, key: Key, value: Encoded, generation: u64) {
        if !in_encoding(&key, &value) {
            return;
        }
        let bytes = value.weight(&key.2);
        if bytes > self.max_bytes {
            return;
        }
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if self.generation.load(Ordering::Acquire) != generation {
            return;
        }
        if map.bytes + bytes > self.max_bytes {
            map.entries.clear();
            map.bytes = 0;
        }
        let entry = Entry {
            value: Arc::new(value),
            stored: Instant::now(),
            generation,
            bytes,
            refreshing: false,
        };
        if let Some(old) = map.entries.insert(key, entry) {
            map.bytes -= old.bytes;
        }
        map.bytes += bytes;
    }
}

/// Whether `value` is in the encoding `key` names (tonic chose as the key
/// says).
fn in_encoding(key: &Key, value: &Encoded) -> bool {
    value
        .headers
        .get("grpc-encoding")
        .and_then(|v| v.to_str().ok())
        == key.1
}

/// Answers cached methods from a [`ResponseCache`]; goes inside the auth
/// layer.
#[derive(Debug, Clone)]
pub struct CacheLayer {
    cache: Arc<ResponseCache>,
    /// The largest request read for a key (`grpc.max_message_bytes` and
    /// the 5-byte message prefix); a larger one is passed by, for tonic to
    /// refuse.
    max_request_bytes: usize,
    /// How long a renewal may take (`grpc.request_timeout_secs`).
    refresh_timeout: Duration,
}

impl CacheLayer {
    pub fn new(
        cache: Arc<ResponseCache>,
        max_message_bytes: usize,
        refresh_timeout: Duration,
    ) -> Self {
        Self {
            cache,
            max_request_bytes: max_message_bytes.saturating_add(5),
            refresh_timeout,
        }
    }
}

impl<S> Layer<S> for CacheLayer {
    type Service = Cached<S>;

    fn layer(&self, inner: S) -> Self::Service {
        Cached {
            inner,
            layer: self.clone(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Cached<S> {
    inner: S,
    layer: CacheLayer,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;
type BoxError = Box<dyn std::error::Error + Send + Sync>;

impl<S, B> Service<http::Request<B>> for Cached<S>
where
    S: Service<http::Request<Body>, Response = http::Response<Body>, Error = Infallible>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
    B: http_body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    type Response = http::Response<Body>;
    type Error = Infallible;
    type Future = BoxFuture<Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let cache = self.layer.cache.clone();
        let method = cached_method(request.uri().path());
        let plain = !request.headers().contains_key("grpc-encoding");
        let (Some(method), true, true) = (method, cache.enabled(), plain) else {
            return Box::pin(self.inner.call(request.map(Body::new)));
        };
        // The service was readied for this call; a clone takes its place.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let limit = self.layer.max_request_bytes;
        let refresh_timeout = self.layer.refresh_timeout;
        Box::pin(async move {
            let (parts, body) = request.into_parts();
            let body = match read_request(body, limit).await {
                Ok(bytes) => bytes,
                Err(passed) => {
                    let request = http::Request::from_parts(parts, passed);
                    return inner.call(request).await;
                }
            };
            let key = (method, response_encoding(&parts.headers), body.clone());
            let (generation, flight) = loop {
                let generation = cache.generation.load(Ordering::Acquire);
                if let Some(hit) = cache.lookup(&key, generation) {
                    cache.metrics.cache(method, true);
                    if hit.refresh {
                        cache.metrics.cache_result(method, "refresh");
                        let request = replay_request(&parts, body);
                        tokio::spawn(refresh(
                            cache.clone(),
                            inner,
                            request,
                            key,
                            generation,
                            refresh_timeout,
                        ));
                    }
                    return Ok(hit.value.response());
                }
                match cache.fly(&key) {
                    Role::Lead(flight) => break (generation, Some(flight)),
                    Role::Follow(mut answer) => {
                        // Another caller is asking the store the same: its
                        // answer is this one's. If it went away unanswered,
                        // look again (one of the waiting callers leads).
                        let got = answer.wait_for(Option::is_some).await.map(|a| a.clone());
                        match got {
                            Ok(Some(Some(value))) => {
                                cache.metrics.cache_result(method, "joined");
                                return Ok(value.response());
                            }
                            // Its answer was not one to share: ask alone.
                            Ok(_) => break (generation, None),
                            Err(_) => continue,
                        }
                    }
                }
            };
            cache.metrics.cache(method, false);
            let request = http::Request::from_parts(parts, Body::new(Replay::data(body)));
            let response = inner.call(request).await?;
            // A trailers-only response (every error) is not kept.
            if response.headers().contains_key("grpc-status") {
                if let Some(f) = flight {
                    f.finish(None);
                }
                return Ok(response);
            }
            let (parts, body) = response.into_parts();
            let (encoded, error) = read_response(body, parts.headers.clone()).await;
            let keep = error.is_none()
                && encoded.trailers.get("grpc-status").map(|v| v.as_bytes()) == Some(b"0")
                && in_encoding(&key, &encoded);
            if let Some(f) = flight {
                f.finish(keep.then(|| Arc::new(encoded.clone())));
            }
            if keep {
                cache.store(key, encoded.clone(), generation);
            }
            let mut response = http::Response::from_parts(
                parts,
                Body::new(Replay {
                    data: Some(encoded.data),
                    trailers: Some(encoded.trailers),
                }),
            );
            if let Some(e) = error {
                *response.body_mut() = Body::new(Failed(Some(e)));
            }
            Ok(response)
        })
    }
}

/// A copy of a request (method, URI, version, headers, the body read)
/// for a renewal; extensions are left out (the read handlers use none).
fn replay_request(parts: &http::request::Parts, body: Bytes) -> http::Request<Body> {
    let mut request = http::Request::new(Body::new(Replay::data(body)));
    *request.method_mut() = parts.method.clone();
    *request.uri_mut() = parts.uri.clone();
    *request.version_mut() = parts.version;
    *request.headers_mut() = parts.headers.clone();
    request
}

/// Renews an entry: asks the service again and keeps an OK answer (unless
/// a report was stored since `generation`).
async fn refresh<S>(
    cache: Arc<ResponseCache>,
    inner: S,
    request: http::Request<Body>,
    key: Key,
    generation: u64,
    timeout: Duration,
) where
    S: Service<http::Request<Body>, Response = http::Response<Body>, Error = Infallible>,
{
    use tower::ServiceExt as _;
    let answer = tokio::time::timeout(timeout, async {
        let response = inner.oneshot(request).await.ok()?;
        if response.headers().contains_key("grpc-status") {
            return None;
        }
        let (parts, body) = response.into_parts();
        let (encoded, error) = read_response(body, parts.headers).await;
        let ok = error.is_none()
            && encoded.trailers.get("grpc-status").map(|v| v.as_bytes()) == Some(b"0");
        ok.then_some(encoded)
    })
    .await;
    match answer {
        Ok(Some(encoded)) => cache.store(key, encoded, generation),
        _ => cache.refresh_failed(&key),
    }
}

/// Reads a request body up to `limit` bytes; a longer or failing one comes
/// back whole, as read so far and the rest, to be passed on.
async fn read_request<B>(body: B, limit: usize) -> Result<Bytes, Body>
where
    B: http_body::Body<Data = Bytes> + Send + 'static,
    B::Error: Into<BoxError>,
{
    let mut body = Box::pin(body);
    let mut read = BytesMut::new();
    loop {
        let frame = std::future::poll_fn(|cx| body.as_mut().poll_frame(cx)).await;
        match frame {
            None => return Ok(read.freeze()),
            Some(Ok(frame)) => match frame.into_data() {
                Ok(data) => {
                    read.extend_from_slice(&data);
                    if read.len() > limit {
                        return Err(Body::new(Prefixed {
                            prefix: Some(read.freeze()),
                            rest: Body::new(body),
                        }));
                    }
                }
                // Trailers on a unary request: not ours to judge.
                Err(_) => {
                    return Err(Body::new(Prefixed {
                        prefix: Some(read.freeze()),
                        rest: Body::new(body),
                    }));
                }
            },
            Some(Err(e)) => {
                let e: BoxError = e.into();
                return Err(Body::new(Prefixed {
                    prefix: Some(read.freeze()),
                    rest: Body::new(Failed(Some(tonic::Status::from_error(e)))),
                }));
            }
        }
    }
}

/// Reads a response body whole: its data and trailers, and the error that
/// ended it early, if one did.
async fn read_response(body: Body, headers: HeaderMap) -> (Encoded, Option<tonic::Status>) {
    let mut body = Box::pin(body);
    let mut data = BytesMut::new();
    let mut first: Option<Bytes> = None;
    let mut trailers = HeaderMap::new();
    let mut error = None;
    // Trailers end a body: tonic's, after an error, would yield what it had
    // encoded if polled again (hyper does not poll it again).
    while !body.is_end_stream() {
        match std::future::poll_fn(|cx| body.as_mut().poll_frame(cx)).await {
            None => break,
            Some(Ok(frame)) => match frame.into_data() {
                Ok(chunk) => {
                    // One chunk (the usual case) is kept as it is.
                    if first.is_none() && data.is_empty() {
                        first = Some(chunk);
                    } else {
                        if let Some(f) = first.take() {
                            data.extend_from_slice(&f);
                        }
                        data.extend_from_slice(&chunk);
                    }
                }
                Err(frame) => {
                    if let Ok(t) = frame.into_trailers() {
                        trailers.extend(t);
                        break;
                    }
                }
            },
            Some(Err(e)) => {
                error = Some(e);
                break;
            }
        }
    }
    let data = first.unwrap_or_else(|| data.freeze());
    (
        Encoded {
            headers,
            data,
            trailers,
        },
        error,
    )
}

/// A body of known bytes, then trailers if any.
struct Replay {
    data: Option<Bytes>,
    trailers: Option<HeaderMap>,
}

impl Replay {
    fn data(data: Bytes) -> Self {
        Self {
            data: Some(data),
            trailers: None,
        }
    }
}

impl http_body::Body for Replay {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        if let Some(data) = self.data.take().filter(|d| !d.is_empty()) {
            return Poll::Ready(Some(Ok(Frame::data(data))));
        }
        Poll::Ready(self.trailers.take().map(|t| Ok(Frame::trailers(t))))
    }

    fn is_end_stream(&self) -> bool {
        self.data.as_ref().is_none_or(Bytes::is_empty) && self.trailers.is_none()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact(self.data.as_ref().map_or(0, |d| d.len() as u64))
    }
}

/// Bytes already read, then the rest of a body.
struct Prefixed {
    prefix: Option<Bytes>,
    rest: Body,
}

impl http_body::Body for Prefixed {
    type Data = Bytes;
    type Error = tonic::Status;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, tonic::Status>>> {
        if let Some(prefix) = self.prefix.take().filter(|p| !p.is_empty()) {
            return Poll::Ready(Some(Ok(Frame::data(prefix))));
        }
        Pin::new(&mut self.rest).poll_frame(cx)
    }
}

/// A body that fails at once.
struct Failed(Option<tonic::Status>);

impl http_body::Body for Failed {
    type Data = Bytes;
    type Error = tonic::Status;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, tonic::Status>>> {
        Poll::Ready(self.0.take().map(Err))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(accept: Option<&str>) -> Option<&'static str> {
        let mut h = HeaderMap::new();
        if let Some(a) = accept {
            h.insert("grpc-accept-encoding", a.parse().unwrap());
        }
        response_encoding(&h)
    }

    #[test]
    fn the_key_names_the_encoding_tonic_will_send() {
        assert_eq!(pick(None), None);
        assert_eq!(pick(Some("identity")), None);
        assert_eq!(pick(Some("deflate")), None);
        assert_eq!(pick(Some("gzip")), Some("gzip"));
        assert_eq!(pick(Some("identity, deflate, zstd ,gzip")), Some("zstd"));
        assert_eq!(pick(Some("gzip,zstd")), Some("gzip"));
        assert_eq!(pick(Some("GZIP")), None, "tonic compares names exactly");
    }
}
