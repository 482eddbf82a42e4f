//! A short-lived cache of read responses.
//!
//! Reports arrive a few times a month per issuer and are read all day, so
//! the same GetSeries or ListObservations is answered from the store again
//! and again; a series of an issuer with a hundred reports costs the store
//! hundreds of decoded rows. Responses are kept for `grpc.cache_ttl_ms`
//! (0 turns the cache off), keyed by method and the encoded request, and
//! forgotten at once when the worker announces a stored report on the
//! events exchange (WatchReports' consumer), so a new report is usually
//! visible within milliseconds and never later than the TTL. Only
//! successful responses are kept; the total is bounded by
//! `grpc.cache_max_bytes` (encoded size), the cache emptied when full.

use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use prost::Message;

use crate::error::ApiResult;
use crate::metrics::Metrics;

struct Entry {
    value: Arc<dyn Any + Send + Sync>,
    stored: Instant,
    generation: u64,
    bytes: usize,
}

#[derive(Default)]
struct Map {
    entries: HashMap<(&'static str, Vec<u8>), Entry>,
    bytes: usize,
}

/// Read responses by method and request.
pub struct ResponseCache {
    ttl: Duration,
    max_bytes: usize,
    /// Bumped by every stored report; older entries are stale.
    generation: AtomicU64,
    map: Mutex<Map>,
    metrics: Arc<Metrics>,
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

    /// The cached response to `request` of `method`, or `answer()`'s,
    /// kept when it succeeds.
    pub async fn get_or<Q, R, F, Fut>(
        &self,
        method: &'static str,
        request: &Q,
        answer: F,
    ) -> ApiResult<R>
    where
        Q: Message,
        R: Message + Clone + Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = ApiResult<R>>,
    {
        if self.ttl.is_zero() {
            return answer().await;
        }
        let key = (method, request.encode_to_vec());
        let generation = self.generation.load(Ordering::Acquire);
        if let Some(hit) = self.lookup::<R>(&key, generation) {
            self.metrics.cache(method, true);
            return Ok(hit);
        }
        self.metrics.cache(method, false);
        let value = answer().await?;
        let bytes = value.encoded_len() + key.1.len();
        if bytes <= self.max_bytes {
            let shared: Arc<dyn Any + Send + Sync> = Arc::new(value.clone());
            let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
            // A report stored meanwhile makes this answer stale at once.
            if self.generation.load(Ordering::Acquire) == generation {
                if map.bytes + bytes > self.max_bytes {
                    map.entries.clear();
                    map.bytes = 0;
                }
                let entry = Entry {
                    value: shared,
                    stored: Instant::now(),
                    generation,
                    bytes,
                };
                if let Some(old) = map.entries.insert(key, entry) {
                    map.bytes -= old.bytes;
                }
                map.bytes += bytes;
            }
        }
        Ok(value)
    }

    fn lookup<R: Clone + Send + Sync + 'static>(
        &self,
        key: &(&'static str, Vec<u8>),
        generation: u64,
    ) -> Option<R> {
        let hit = {
            let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
            let fresh = map
                .entries
                .get(key)
                .map(|e| e.generation == generation && e.stored.elapsed() < self.ttl)?;
            if !fresh {
                if let Some(old) = map.entries.remove(key) {
                    map.bytes -= old.bytes;
                }
                return None;
            }
            map.entries.get(key).map(|e| e.value.clone())?
        };
        // Cloned outside the lock: a large response must not hold up
        // other look-ups.
        hit.downcast_ref::<R>().cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baocao_proto::pb;

    fn req(id: &str) -> pb::GetReportRequest {
        pb::GetReportRequest {
            id: id.into(),
            view: 0,
        }
    }

    fn resp(id: &str) -> pb::GetReportResponse {
        pb::GetReportResponse {
            report: Some(pb::Report {
                id: id.into(),
                ..Default::default()
            }),
        }
    }

    #[tokio::test]
    async fn hits_until_invalidated_or_expired() {
        let cache = ResponseCache::new(
            Duration::from_millis(200),
            1 << 20,
            Arc::new(Metrics::new()),
        );
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let get = |id: &'static str| {
            let calls = &calls;
            let cache = &cache;
            async move {
                cache
                    .get_or("m", &req(id), || async {
                        calls.fetch_add(1, Ordering::SeqCst);
                        Ok(resp(id))
                    })
                    .await
                    .unwrap()
            }
        };
        assert_eq!(get("1").await, resp("1"));
        assert_eq!(get("1").await, resp("1"));
        assert_eq!(calls.load(Ordering::SeqCst), 1, "the second was a hit");
        get("2").await;
        assert_eq!(calls.load(Ordering::SeqCst), 2, "another request misses");
        cache.invalidate();
        get("1").await;
        assert_eq!(
            calls.load(Ordering::SeqCst),
            3,
            "a stored report empties it"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
        get("1").await;
        assert_eq!(calls.load(Ordering::SeqCst), 4, "entries expire");
    }

    #[tokio::test]
    async fn errors_are_not_kept_and_zero_ttl_is_off() {
        let cache = ResponseCache::new(Duration::ZERO, 1 << 20, Arc::new(Metrics::new()));
        let calls = std::sync::atomic::AtomicUsize::new(0);
        for _ in 0..2 {
            cache
                .get_or("m", &req("1"), || async {
                    calls.fetch_add(1, Ordering::SeqCst);
                    Ok(resp("1"))
                })
                .await
                .unwrap();
        }
        assert_eq!(calls.load(Ordering::SeqCst), 2);
        let cache = ResponseCache::new(Duration::from_secs(10), 1 << 20, Arc::new(Metrics::new()));
        for _ in 0..2 {
            let r: ApiResult<pb::GetReportResponse> = cache
                .get_or("m", &req("1"), || async {
                    calls.fetch_add(1, Ordering::SeqCst);
                    Err(crate::ApiError::invalid("id", "x"))
                })
                .await;
            assert!(r.is_err());
        }
        assert_eq!(calls.load(Ordering::SeqCst), 4);
    }
}
