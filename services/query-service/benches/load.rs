//! Load bench of the query service: throughput and latency (p50, p99) of
//! GetSeries and ListObservations at 32 concurrent calls, next to
//! grpc.health.v1.Health/Check on the same server in the same run.
//!
//! 1. The database is built once and kept: 10,000 reports
//!    (`BAOCAO_BENCH_REPORTS`), each the seed report
//!    (`testdata/reports/000_...txt`, parsed by the current parser) moved to
//!    one of 100 issuers and one of 100 months, with distinct bytes and
//!    figures of its own (values scaled, sentences' digits redrawn). SQLite
//!    in `CARGO_TARGET_TMPDIR/query-bench` by default; with
//!    `BAOCAO_BENCH_BACKEND=postgres`, the database `baocao_query_bench` on
//!    the server at `BAOCAO_TEST_PG_URL`.
//! 2. The real `baocao-query` binary serves it (its own process, release
//!    build, default limits), with a settings file the bench writes.
//! 3. A Rust load client (tonic, 4 connections x 8 streams = 32 calls in
//!    flight) runs each scenario for `BAOCAO_BENCH_SECS` seconds (default
//!    10) after a 2 s warm-up: Health/Check, GetSeries (IIP of a random
//!    issuer), ListObservations (IIP of a random issuer, first page of 50),
//!    ListObservations (every indicator, newest first, a page of 50), each
//!    in the default (FULL) view, then GetSeries and ListObservations (IIP,
//!    one issuer) again in the BASIC view (no source sentences); the
//!    same queries straight on the store first, and the server twice:
//!    with its response cache off (every call reaches the store) and on
//!    (`grpc.cache_ttl_ms` = 2000, the default).
//!
//! 4. When `h2load` (Debian's nghttp2-client) is installed, the same
//!    scenarios again through it, on the same server in the same run:
//!    4 connections x 8 streams, one fixed request a scenario (issuer 07),
//!    no warm-up of its own (the Rust client's run has just warmed the
//!    server), p50/p99 from its per-request log, each scenario next to a
//!    Check run just before it. For each it also prints the CPU a call
//!    cost the server and h2load (from /proc): the two share the two
//!    cores, so the ratio of those costs is about the ratio of rates a quiet
//!    machine would show, however busy this one is. h2load does not decode the
//!    responses, so it measures the server where the Rust client, which
//!    decodes every message on the same two cores, measures both.
//!    (`BAOCAO_BENCH_H2LOAD=0` skips it.) It sees HTTP status only, so the
//!    bench first checks each request through the Rust client and prints
//!    the bytes received per call.
//!
//! 5. Compression: h2load runs every scenario twice, uncompressed and
//!    asking for gzip (`grpc-accept-encoding`, as grpc-core clients do by
//!    default). `BAOCAO_BENCH_ENCODING=gzip` (or `zstd`) has the Rust
//!    client ask for it too; it asks for none by default.
//!
//! `cargo bench -p baocao-query --bench load`. Under `cargo test` (no
//! `--bench` argument) it does nothing.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use baocao_domain::{Report, Source};
use baocao_proto::pb;
use baocao_store::{AnyStore, ObservationFilter, PageRequest, Store};
use baocao_test_support::fixtures::{Lcg, shift};
use chrono::Months;
use tonic::metadata::MetadataValue;
use tonic::transport::{Channel, Endpoint};
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_client::HealthClient;

const ISSUERS: usize = 100;
const TOKEN: &str = "bench-token-0123456789";
/// Connections the load client opens; calls in flight are spread over them.
const CONNECTIONS: usize = 4;

/// Calls in flight (`BAOCAO_BENCH_CONCURRENCY`, default 32).
fn concurrency() -> usize {
    env_usize("BAOCAO_BENCH_CONCURRENCY", 32)
}

/// The response compression both load clients ask for
/// (`BAOCAO_BENCH_ENCODING`: identity, the default, gzip or zstd): the
/// Rust client decodes it, h2load only counts the bytes.
fn encoding() -> Option<(&'static str, tonic::codec::CompressionEncoding)> {
    use tonic::codec::CompressionEncoding::{Gzip, Zstd};
    match std::env::var("BAOCAO_BENCH_ENCODING").as_deref() {
        Err(_) | Ok("") | Ok("identity") => None,
        Ok("gzip") => Some(("gzip", Gzip)),
        Ok("zstd") => Some(("zstd", Zstd)),
        Ok(other) => panic!("BAOCAO_BENCH_ENCODING: {other:?} is not identity, gzip or zstd"),
    }
}

/// An IndicatorService client that accepts the bench's encoding.
fn indicator_client(ch: Channel) -> pb::indicator_service_client::IndicatorServiceClient<Channel> {
    let c = pb::indicator_service_client::IndicatorServiceClient::new(ch)
        .max_decoding_message_size(64 << 20);
    match encoding() {
        Some((_, e)) => c.accept_compressed(e),
        None => c,
    }
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn issuer(k: usize) -> String {
    format!("UBND tỉnh Thử Nghiệm {k:02}")
}

/// The version of the reports `synthetic` makes, in the database's name:
/// a database built by an older version is not reused.
const FIXTURE: &str = "v2";

/// Report `i`: the seed moved to issuer `i % 100` and `i / 100` months back.
fn synthetic(seed: &Report, seed_raw: &[u8], i: usize) -> (Vec<u8>, Source, Report) {
    let months = (i / ISSUERS) as u32;
    let mut r = seed.clone();
    r.metadata.issuer = issuer(i % ISSUERS);
    r.metadata.document_number = format!("{i}/BC-UBND");
    r.metadata.issued_on = r
        .metadata
        .issued_on
        .map(|d| d.checked_sub_months(Months::new(months)).unwrap());
    r.metadata.reporting_period = r
        .metadata
        .reporting_period
        .as_ref()
        .map(|p| shift(p, months));
    r.metadata.planning_period = r
        .metadata
        .planning_period
        .as_ref()
        .map(|p| shift(p, months));
    // Each copy states figures of its own, as each month's report does:
    // its values scaled, and each digit of its sentences drawn anew. Copies
    // stating the very same text and numbers would make a series far more
    // repetitive than a real issuer's, and compress unrealistically well.
    let mut rng = Lcg(i as u64 + 1);
    let scale = 1.0 + (rng.next(2000) as f64 - 1000.0) / 10_000.0;
    for o in &mut r.observations {
        o.period = o.period.as_ref().map(|p| shift(p, months));
        if let Some(q) = o.quantity.as_mut() {
            q.value *= scale;
        }
        o.provenance.sentence = o
            .provenance
            .sentence
            .chars()
            .map(|c| match c {
                '0'..='9' => char::from(b'0' + rng.next(10) as u8),
                c => c,
            })
            .collect();
    }
    for t in &mut r.tasks {
        t.period = t.period.as_ref().map(|p| shift(p, months));
    }
    let mut raw = seed_raw.to_vec();
    raw.extend_from_slice(format!("\n(bản tổng hợp số {i})\n").as_bytes());
    let source = Source {
        department: format!("so-khdt-{:02}", i % ISSUERS),
        filename: format!("bc-{i}.txt"),
        content_type: "text/plain; charset=utf-8".into(),
        message_id: format!("bench-{i}"),
        content_sha256: String::new(),
        received_at: None,
    };
    (raw, source, r)
}

/// The store with `n` reports, built on first use.
async fn build(url: &str, n: usize) -> AnyStore {
    let store = baocao_store::connect(url).await.expect("connect");
    let marker = bench_dir().join(format!(
        "built-{}",
        url.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
    ));
    if marker.exists() {
        // The marker outlives the database: trust it only if the first and
        // the last report of the build are there (a database dropped or
        // made anew since would otherwise be measured empty).
        let (first, last) = (
            store.ingestion("bench-0").await,
            store
                .ingestion(&format!("bench-{}", n.saturating_sub(1)))
                .await,
        );
        if first.is_ok() && last.is_ok() {
            eprintln!("database: {n} reports already stored at {url}");
            return store;
        }
        eprintln!("database: marked as built, but its reports are missing: storing them again");
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/reports/000_5b1c2bc8d5408b7b.txt");
    let raw = std::fs::read(&path).unwrap();
    let seed = baocao_parser::parse(&raw, &baocao_parser::Hints::default()).unwrap();
    eprintln!(
        "database: storing {n} reports ({} observations, {} tasks each) at {url}",
        seed.observations.len(),
        seed.tasks.len()
    );
    let started = Instant::now();
    let seed = Arc::new(seed);
    let raw = Arc::new(raw);
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let writers = env_usize("BAOCAO_BENCH_WRITERS", 4);
    let mut tasks = Vec::new();
    for _ in 0..writers {
        let (store, seed, raw, next) = (store.clone(), seed.clone(), raw.clone(), next.clone());
        tasks.push(tokio::spawn(async move {
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let (bytes, source, report) = synthetic(&seed, &raw, i);
                store
                    .record_ingestion(&bytes, &source, &report)
                    .await
                    .unwrap_or_else(|e| panic!("storing report {i}: {e}"));
                if (i + 1) % 1000 == 0 {
                    eprintln!("  {} stored", i + 1);
                }
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    std::fs::write(&marker, b"").unwrap();
    eprintln!(
        "database: {n} reports in {:.0} s ({:.0} reports/s)",
        started.elapsed().as_secs_f64(),
        n as f64 / started.elapsed().as_secs_f64()
    );
    store
}

fn bench_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("query-bench");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn database_url(n: usize) -> String {
    match std::env::var("BAOCAO_BENCH_BACKEND").as_deref() {
        Ok("postgres") => {
            let admin = std::env::var("BAOCAO_TEST_PG_URL")
                .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
            let name = format!("baocao_query_bench_{FIXTURE}_{n}");
            let status = Command::new("psql")
                .arg(&admin)
                .args(["-Atqc", &format!("CREATE DATABASE {name}")])
                .stderr(Stdio::null())
                .status();
            let _ = status;
            let (base, _) = admin.rsplit_once('/').unwrap();
            format!("{base}/{name}")
        }
        _ => {
            format!(
                "sqlite://{}",
                bench_dir()
                    .join(format!("reports-{FIXTURE}-{n}.db"))
                    .display()
            )
        }
    }
}

/// The server, as deployed: the binary with a settings file.
fn start_server(url: &str, dir: &Path, cache_ttl_ms: u64) -> (Child, String) {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let config = dir.join("bench.toml");
    std::fs::write(
        &config,
        format!(
            r#"[database]
url = "{url}"
max_connections = 16
[amqp]
url = ""
[grpc]
addr = "127.0.0.1:{port}"
cache_ttl_ms = {cache_ttl_ms}
[metrics]
addr = ""
[log]
level = "warn"
[[auth.clients]]
name = "bench"
token_sha256 = "{}"
scopes = ["read"]
"#,
            baocao_query::auth::token_sha256_hex(TOKEN)
        ),
    )
    .unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_baocao-query"))
        .arg("--config")
        .arg(&config)
        .env_remove("BAOCAO_CONFIG")
        .spawn()
        .expect("starting baocao-query");
    (child, format!("http://127.0.0.1:{port}"))
}

#[derive(Clone, Copy, Debug)]
enum Scenario {
    Check,
    Series,
    ObservationsByIssuer,
    ObservationsNewest,
    SeriesBasic,
    ObservationsByIssuerBasic,
}

impl Scenario {
    /// Whether `BAOCAO_BENCH_ONLY` (a comma-separated list of check,
    /// series, by-issuer, newest, store) lets this scenario run.
    fn wanted(self, store: bool) -> bool {
        let Ok(only) = std::env::var("BAOCAO_BENCH_ONLY") else {
            return true;
        };
        let key = match self {
            Scenario::Check => "check",
            Scenario::Series => "series",
            Scenario::ObservationsByIssuer => "by-issuer",
            Scenario::ObservationsNewest => "newest",
            Scenario::SeriesBasic => "series-basic",
            Scenario::ObservationsByIssuerBasic => "by-issuer-basic",
        };
        let keys: Vec<&str> = only.split(',').map(str::trim).collect();
        keys.contains(&key) && (!store || keys.contains(&"store"))
    }

    fn name(self) -> &'static str {
        match self {
            Scenario::Check => "grpc.health.v1.Health/Check",
            Scenario::Series => "GetSeries (iip, one issuer)",
            Scenario::ObservationsByIssuer => "ListObservations (iip, one issuer, 50)",
            Scenario::ObservationsNewest => "ListObservations (all, newest 50)",
            Scenario::SeriesBasic => "GetSeries (iip, one issuer), BASIC view",
            Scenario::ObservationsByIssuerBasic => {
                "ListObservations (iip, one issuer, 50), BASIC view"
            }
        }
    }
}

struct Clients {
    health: HealthClient<Channel>,
    indicators: pb::indicator_service_client::IndicatorServiceClient<Channel>,
    auth: MetadataValue<tonic::metadata::Ascii>,
}

fn authed<T>(auth: &MetadataValue<tonic::metadata::Ascii>, m: T) -> tonic::Request<T> {
    let mut r = tonic::Request::new(m);
    r.metadata_mut().insert("authorization", auth.clone());
    r
}

/// What a scenario asks, of `issuer` where it names one.
enum Ask {
    Check(HealthCheckRequest),
    Series(pb::GetSeriesRequest),
    Observations(pb::ListObservationsRequest),
}

fn ask(s: Scenario, issuer: String) -> Ask {
    let view = match s {
        Scenario::SeriesBasic | Scenario::ObservationsByIssuerBasic => {
            pb::ObservationView::Basic as i32
        }
        _ => 0,
    };
    match s {
        Scenario::Check => Ask::Check(HealthCheckRequest {
            service: String::new(),
        }),
        Scenario::Series | Scenario::SeriesBasic => Ask::Series(pb::GetSeriesRequest {
            indicator: "iip".into(),
            issuer,
            view,
            ..Default::default()
        }),
        Scenario::ObservationsByIssuer | Scenario::ObservationsByIssuerBasic => {
            Ask::Observations(pb::ListObservationsRequest {
                indicators: vec!["iip".into()],
                issuer,
                page_size: 50,
                view,
                ..Default::default()
            })
        }
        Scenario::ObservationsNewest => Ask::Observations(pb::ListObservationsRequest {
            page_size: 50,
            ..Default::default()
        }),
    }
}

async fn call(c: &mut Clients, s: Scenario, rng: &mut Lcg) -> Result<(), tonic::Status> {
    match ask(s, issuer(rng.next(ISSUERS))) {
        Ask::Check(q) => {
            c.health.check(q).await?;
        }
        Ask::Series(q) => {
            let r = c.indicators.get_series(authed(&c.auth, q)).await?;
            assert!(!r.get_ref().points.is_empty());
        }
        Ask::Observations(q) => {
            let r = c.indicators.list_observations(authed(&c.auth, q)).await?;
            assert_eq!(r.get_ref().observations.len(), 50);
        }
    }
    Ok(())
}

struct Outcome {
    calls: usize,
    errors: usize,
    seconds: f64,
    latencies: Vec<Duration>,
}

async fn run(channels: &[Channel], s: Scenario, warmup: Duration, measure: Duration) -> Outcome {
    let auth: MetadataValue<_> = format!("Bearer {TOKEN}").parse().unwrap();
    let start = Instant::now() + warmup;
    let end = start + measure;
    let mut workers = Vec::new();
    for (w, ch) in channels.iter().cycle().take(concurrency()).enumerate() {
        let mut clients = Clients {
            health: HealthClient::new(ch.clone()),
            indicators: indicator_client(ch.clone()),
            auth: auth.clone(),
        };
        workers.push(tokio::spawn(async move {
            let mut rng = Lcg(w as u64 + 1);
            let mut latencies = Vec::with_capacity(100_000);
            let mut errors = 0;
            loop {
                let t = Instant::now();
                if t >= end {
                    break;
                }
                let r = call(&mut clients, s, &mut rng).await;
                if t >= start {
                    latencies.push(t.elapsed());
                    if r.is_err() {
                        errors += 1;
                    }
                } else if let Err(e) = r {
                    // Counted with the others, and said: an error in the
                    // warm-up is as much a failure as one measured.
                    eprintln!("{} (warm-up): {e}", s.name());
                    errors += 1;
                }
            }
            (latencies, errors)
        }));
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    for w in workers {
        let (l, e) = w.await.unwrap();
        latencies.extend(l);
        errors += e;
    }
    latencies.sort();
    Outcome {
        calls: latencies.len(),
        errors,
        seconds: measure.as_secs_f64(),
        latencies,
    }
}

/// The same queries straight on the store, in this process: what the
/// store costs without gRPC.
async fn run_store(store: &AnyStore, s: Scenario, warmup: Duration, measure: Duration) -> Outcome {
    let start = Instant::now() + warmup;
    let end = start + measure;
    let mut workers = Vec::new();
    for w in 0..concurrency() {
        let store = store.clone();
        workers.push(tokio::spawn(async move {
            let mut rng = Lcg(w as u64 + 1);
            let mut latencies = Vec::with_capacity(100_000);
            loop {
                let t = Instant::now();
                if t >= end {
                    break;
                }
                match s {
                    Scenario::Check => {}
                    Scenario::Series | Scenario::SeriesBasic => {
                        let q = baocao_store::SeriesQuery {
                            indicator: "iip".into(),
                            issuer: issuer(rng.next(ISSUERS)),
                            ..Default::default()
                        };
                        store.series(&q).await.unwrap();
                    }
                    Scenario::ObservationsByIssuer | Scenario::ObservationsByIssuerBasic => {
                        let f = ObservationFilter {
                            indicators: vec!["iip".into()],
                            issuer: Some(issuer(rng.next(ISSUERS))),
                            ..Default::default()
                        };
                        store
                            .list_observations(&f, &PageRequest::first(50))
                            .await
                            .unwrap();
                    }
                    Scenario::ObservationsNewest => {
                        store
                            .list_observations(
                                &ObservationFilter::default(),
                                &PageRequest::first(50),
                            )
                            .await
                            .unwrap();
                    }
                }
                if t >= start {
                    latencies.push(t.elapsed());
                }
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for w in workers {
        latencies.extend(w.await.unwrap());
    }
    latencies.sort();
    Outcome {
        calls: latencies.len(),
        errors: 0,
        seconds: measure.as_secs_f64(),
        latencies,
    }
}

fn quantile(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn print_row(name: &str, o: &Outcome, check_rate: Option<f64>) {
    let rate = o.calls as f64 / o.seconds;
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{:<56} {:>9.0} {:>8.2} {:>8.2} {:>8.2} {:>6}{}",
        name,
        rate,
        ms(quantile(&o.latencies, 0.5)),
        ms(quantile(&o.latencies, 0.99)),
        ms(quantile(&o.latencies, 1.0)),
        o.errors,
        check_rate
            .map(|c| format!("  {:>4.0}% of Check ({c:.0}/s)", 100.0 * rate / c))
            .unwrap_or_default()
    );
}

/// The request a scenario sends through h2load: path and gRPC-framed body.
fn h2load_request(s: Scenario) -> (&'static str, Vec<u8>) {
    use prost::Message as _;
    let (path, message) = match ask(s, issuer(7)) {
        Ask::Check(q) => ("/grpc.health.v1.Health/Check", q.encode_to_vec()),
        Ask::Series(q) => ("/baocao.v1.IndicatorService/GetSeries", q.encode_to_vec()),
        Ask::Observations(q) => (
            "/baocao.v1.IndicatorService/ListObservations",
            q.encode_to_vec(),
        ),
    };
    // gRPC framing: uncompressed, then the length, big-endian.
    let mut body = vec![0u8];
    body.extend_from_slice(&(message.len() as u32).to_be_bytes());
    body.extend_from_slice(&message);
    (path, body)
}

fn h2load_installed() -> bool {
    std::env::var("BAOCAO_BENCH_H2LOAD").map_or(true, |v| v != "0")
        && Command::new("h2load")
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
}

/// CPU seconds used so far by process `pid` (user and system), or with
/// `children`, by this process's children that have been waited for.
fn cpu_seconds(pid: &str, children: bool) -> f64 {
    static TICKS: std::sync::LazyLock<f64> = std::sync::LazyLock::new(|| {
        Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
            .unwrap_or(100.0)
    });
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name: state is field 3; utime, stime,
    // cutime, cstime are fields 14 to 17.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(vec![], |(_, rest)| rest.split_whitespace().collect());
    let at = if children { 13 } else { 11 };
    let tick = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
    tick(at)
        .zip(tick(at + 1))
        .map_or(0.0, |(u, s)| (u + s) / *TICKS)
}

/// What a call cost in CPU: the server's and h2load's, in microseconds.
#[derive(Clone, Copy)]
struct CallCpu {
    server: f64,
    client: f64,
}

impl CallCpu {
    fn total(self) -> f64 {
        self.server + self.client
    }
}

/// One scenario through h2load, against the server process `server`: the
/// outcome, the bytes received per call and the CPU a call cost.
fn run_h2load(
    addr: &str,
    server: u32,
    s: Scenario,
    accept: Option<&str>,
    measure: Duration,
) -> (Outcome, f64, CallCpu) {
    let dir = bench_dir();
    let (path, body) = h2load_request(s);
    let data = dir.join("h2load-request.bin");
    let log = dir.join("h2load-requests.log");
    std::fs::write(&data, body).unwrap();
    let _ = std::fs::remove_file(&log);
    let streams = (concurrency() / CONNECTIONS).max(1);
    let accept = accept.map(|name| format!("grpc-accept-encoding: {name}"));
    let server = server.to_string();
    let cpu_before = (cpu_seconds(&server, false), cpu_seconds("self", true));
    let out = Command::new("h2load")
        .args(["-c", &CONNECTIONS.to_string(), "-m", &streams.to_string()])
        // No warm-up of its own: the Rust client has just warmed this
        // server, and h2load's byte count would include warm-up traffic
        // that its request count leaves out.
        .args(["-D", &measure.as_secs().to_string()])
        .args(["-H", "content-type: application/grpc", "-H", "te: trailers"])
        .args(["-H", &format!("authorization: Bearer {TOKEN}")])
        .args(accept.iter().flat_map(|h| ["-H", h.as_str()]))
        .arg("-d")
        .arg(&data)
        .arg(format!("--log-file={}", log.display()))
        .arg(format!("{addr}{path}"))
        .output()
        .expect("running h2load");
    let cpu_after = (cpu_seconds(&server, false), cpu_seconds("self", true));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "h2load failed:\n{stdout}");
    // "requests: N total, N started, N done, N succeeded, F failed, ..."
    // and "traffic: ... total, ... headers ..., X (BYTES) data".
    let field = |line: &str, after: &str| -> Option<f64> {
        let rest = &line[line.find(after)? + after.len()..];
        rest.split(|c: char| !c.is_ascii_digit())
            .find(|t| !t.is_empty())?
            .parse()
            .ok()
    };
    let requests = stdout
        .lines()
        .find(|l| l.starts_with("requests:"))
        .unwrap_or("");
    let traffic = stdout
        .lines()
        .find(|l| l.starts_with("traffic:"))
        .unwrap_or("");
    let failed = requests
        .split(", ")
        .find(|p| p.ends_with("failed"))
        .and_then(|p| p.split(' ').next()?.parse::<usize>().ok())
        .unwrap_or(0);
    let succeeded = field(requests, "done, ").unwrap_or(0.0);
    let data_bytes = traffic
        .rsplit_once(" data")
        .and_then(|(head, _)| {
            let open = head.rfind('(')?;
            head[open + 1..].trim_end_matches(')').parse::<f64>().ok()
        })
        .unwrap_or(0.0);
    // Per request: start (µs since the epoch), HTTP status, µs to the end.
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    let rows: Vec<(u64, u64)> = text
        .lines()
        .filter_map(|l| {
            let mut c = l.split('\t');
            let start = c.next()?.parse().ok()?;
            let _status = c.next()?;
            Some((start, c.next()?.parse().ok()?))
        })
        .collect();
    let mut latencies: Vec<Duration> = rows
        .iter()
        .map(|&(_, us)| Duration::from_micros(us))
        .collect();
    latencies.sort();
    let calls = latencies.len();
    let per_call = if succeeded > 0.0 {
        data_bytes / succeeded
    } else {
        0.0
    };
    let us = |before: f64, after: f64| (after - before) * 1e6 / (calls.max(1) as f64);
    let cpu = CallCpu {
        server: us(cpu_before.0, cpu_after.0),
        client: us(cpu_before.1, cpu_after.1),
    };
    (
        Outcome {
            calls,
            errors: failed,
            seconds: measure.as_secs_f64(),
            latencies,
        },
        per_call,
        cpu,
    )
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!("load bench: run with `cargo bench -p baocao-query --bench load`");
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let n = env_usize("BAOCAO_BENCH_REPORTS", 10_000);
        let secs = env_usize("BAOCAO_BENCH_SECS", 10) as u64;
        let (warmup, measure) = (Duration::from_secs(2), Duration::from_secs(secs));
        let url = database_url(n);
        let store = build(&url, n).await;
        println!(
            "\n{n} reports ({}), {} concurrent calls, {secs} s each after 2 s of warm-up, \
             responses {}\n",
            if url.starts_with("sqlite") {
                "SQLite"
            } else {
                "PostgreSQL"
            },
            concurrency(),
            encoding().map_or("uncompressed", |(name, _)| name)
        );
        println!(
            "{:<56} {:>9} {:>8} {:>8} {:>8} {:>6}",
            "scenario", "calls/s", "p50 ms", "p99 ms", "max ms", "errors"
        );

        // The store alone, in this process, before the server starts.
        for s in [
            Scenario::Series,
            Scenario::ObservationsByIssuer,
            Scenario::ObservationsNewest,
        ] {
            if !s.wanted(true) {
                continue;
            }
            let o = run_store(&store, s, warmup, measure).await;
            print_row(&format!("store only: {}", s.name()), &o, None);
        }
        store.close().await;

        // The server, over gRPC: the store's cost on every call (cache
        // off), then as deployed (cache on).
        for (label, ttl) in [("cache off", 0), ("cache on", 2000)] {
            let (mut child, addr) = start_server(&url, &bench_dir(), ttl);
            eprintln!("baocao-query ({label}): pid {}", child.id());
            let mut channels = Vec::new();
            for _ in 0..CONNECTIONS {
                channels.push(Endpoint::from_shared(addr.clone()).unwrap().connect_lazy());
            }
            let deadline = Instant::now() + Duration::from_secs(60);
            loop {
                let ok = HealthClient::new(channels[0].clone())
                    .check(HealthCheckRequest {
                        service: String::new(),
                    })
                    .await
                    .is_ok_and(|r| r.get_ref().status == 1);
                if ok {
                    break;
                }
                assert!(
                    Instant::now() < deadline,
                    "baocao-query did not become SERVING"
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            if ttl == 0 {
                let auth: MetadataValue<_> = format!("Bearer {TOKEN}").parse().unwrap();
                let mut c =
                    pb::indicator_service_client::IndicatorServiceClient::new(channels[0].clone())
                        .max_decoding_message_size(64 << 20);
                let series = c
                    .get_series(authed(
                        &auth,
                        pb::GetSeriesRequest {
                            indicator: "iip".into(),
                            issuer: issuer(0),
                            ..Default::default()
                        },
                    ))
                    .await
                    .unwrap()
                    .into_inner();
                let basic_series = c
                    .get_series(authed(
                        &auth,
                        pb::GetSeriesRequest {
                            indicator: "iip".into(),
                            issuer: issuer(0),
                            view: pb::ObservationView::Basic as i32,
                            ..Default::default()
                        },
                    ))
                    .await
                    .unwrap()
                    .into_inner();
                let page = c
                    .list_observations(authed(
                        &auth,
                        pb::ListObservationsRequest {
                            page_size: 50,
                            ..Default::default()
                        },
                    ))
                    .await
                    .unwrap()
                    .into_inner();
                let basic_page = c
                    .list_observations(authed(
                        &auth,
                        pb::ListObservationsRequest {
                            page_size: 50,
                            view: pb::ObservationView::Basic as i32,
                            ..Default::default()
                        },
                    ))
                    .await
                    .unwrap()
                    .into_inner();
                use prost::Message as _;
                println!(
                    "(a series: {} points, {} revisions, {} KiB, BASIC view {} KiB; \
                     a page of 50 observations: {} KiB, BASIC view {} KiB)",
                    series.points.len(),
                    series
                        .points
                        .iter()
                        .map(|p| p.revisions.len())
                        .sum::<usize>(),
                    series.encoded_len() / 1024,
                    basic_series.encoded_len() / 1024,
                    page.encoded_len() / 1024,
                    basic_page.encoded_len() / 1024
                );
            }
            let mut check_rate = None;
            for s in [
                Scenario::Check,
                Scenario::Series,
                Scenario::ObservationsByIssuer,
                Scenario::ObservationsNewest,
                Scenario::SeriesBasic,
                Scenario::ObservationsByIssuerBasic,
                Scenario::Check,
            ] {
                if !s.wanted(false) {
                    continue;
                }
                let o = run(&channels, s, warmup, measure).await;
                let is_check = matches!(s, Scenario::Check);
                print_row(
                    &format!("gRPC, {label}: {}", s.name()),
                    &o,
                    if is_check { None } else { check_rate },
                );
                if is_check && check_rate.is_none() {
                    check_rate = Some(o.calls as f64 / o.seconds);
                }
            }
            if h2load_installed() {
                // Uncompressed, then gzip (what grpc-core clients ask
                // for by default). Each scenario is compared with a Check
                // measured just before it, so that other load on the
                // machine (a build, say) weighs on both alike.
                for accept in [None, Some("gzip")] {
                    for s in [
                        Scenario::Series,
                        Scenario::ObservationsByIssuer,
                        Scenario::ObservationsNewest,
                        Scenario::SeriesBasic,
                        Scenario::ObservationsByIssuerBasic,
                    ] {
                        if !s.wanted(false) {
                            continue;
                        }
                        let pid = child.id();
                        let (check, _, check_cpu) =
                            run_h2load(&addr, pid, Scenario::Check, None, measure);
                        let (o, per_call, cpu) = run_h2load(&addr, pid, s, accept, measure);
                        print_row(
                            &format!(
                                "h2load, {label}{}: {} [{:.1} KiB]",
                                accept.map(|a| format!(", {a}")).unwrap_or_default(),
                                s.name(),
                                per_call / 1024.0
                            ),
                            &o,
                            Some(check.calls as f64 / check.seconds),
                        );
                        // Where both run out of the same two cores, the
                        // rates compare as the CPU a call costs, whatever
                        // else the machine is doing.
                        println!(
                            "    CPU a call, server + h2load: {:.1} + {:.1} us, Check {:.1} + \
                             {:.1} us: {:.0}% of Check's rate by CPU",
                            cpu.server,
                            cpu.client,
                            check_cpu.server,
                            check_cpu.client,
                            100.0 * check_cpu.total() / cpu.total()
                        );
                    }
                }
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    });
}
