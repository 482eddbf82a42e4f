//! Ingest throughput and query latency of both backends.
//!
//! For each backend:
//! 1. for each writer count W (`BAOCAO_BENCH_WRITERS`, default `1,4,8`), on
//!    a fresh database, stores N seed-sized reports (default 10,000;
//!    `BAOCAO_BENCH_REPORTS`) through the [`Store`] by W concurrent writers,
//!    each writer one transaction per report (what the ingest worker does
//!    with `worker.concurrency` = W), and reports reports/s, rows/s and the
//!    CPU spent per report by this process and, for a local PostgreSQL, by
//!    the server's processes (from `/proc`; `-` where unreadable);
//! 2. as a baseline in the same run, on a fresh database, inserts the same
//!    rows (same tables and columns, JSON bodies, folded words) into plain
//!    tables with no secondary index, no full-text index, no constraint but
//!    the primary key, with batched multi-row INSERTs, 100 reports per
//!    transaction, one connection, without the store's logic (no duplicate
//!    checks, no supersession); building its rows is not timed
//!    (`BAOCAO_BENCH_BASELINE=0` skips it);
//! 3. with the N reports of the first writer count stored, measures the
//!    latency (p50, p99) of series, list and search queries
//!    (`BAOCAO_BENCH_QUERIES=0` skips them).
//!
//! Each report is the seed report (`testdata/reports/000_...txt`, parsed by
//! the current parser) moved to one of 50 issuers and one of N/50 months,
//! with distinct raw bytes. PostgreSQL is the server at `BAOCAO_TEST_PG_URL`
//! (default `postgres://postgres@127.0.0.1:5432/postgres`);
//! `BAOCAO_BENCH_BACKENDS` (default `sqlite,postgres`) picks the backends,
//! `BAOCAO_SKIP_PG=1` leaves PostgreSQL out, `BAOCAO_BENCH_DIR` keeps the
//! SQLite databases in that directory, `BAOCAO_BENCH_KEEP=1` keeps the
//! PostgreSQL databases (their names are printed).
//!
//! `cargo bench -p baocao-store --bench ingest`

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use baocao_domain::text::{fold, match_key};
use baocao_domain::{Report, Source};
use baocao_store::{
    AnyStore, ObservationFilter, PageRequest, ReportFilter, ReportView, SearchQuery, SeriesQuery,
    Store, TaskFilter, connect,
};
use baocao_test_support::cpu::Snapshot;
use baocao_test_support::fixtures::{Lcg, shift};
use chrono::{Months, TimeZone, Utc};
use sqlx::{AssertSqlSafe, Connection, PgConnection};

const ISSUERS: usize = 50;
const QUERIES: usize = 300;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn issuer(k: usize) -> String {
    format!("UBND huyện Số {k}")
}

/// Report `i` of the run: the seed moved to issuer `i % 50` and to the
/// month `i / 50` months before the seed's.
fn variant(seed_raw: &[u8], seed: &Report, i: usize) -> (Vec<u8>, Source, Report) {
    let months = (i / ISSUERS) as u32;
    let mut r = seed.clone();
    r.metadata.issuer = issuer(i % ISSUERS);
    let m = &mut r.metadata;
    m.reporting_period = m.reporting_period.as_ref().map(|p| shift(p, months));
    m.planning_period = m.planning_period.as_ref().map(|p| shift(p, months));
    m.issued_on = m
        .issued_on
        .and_then(|d| d.checked_sub_months(Months::new(months)));
    for o in &mut r.observations {
        o.period = o.period.as_ref().map(|p| shift(p, months));
        if let Some(q) = o.quantity.as_mut() {
            q.value *= 1.0 + (i % 7) as f64 / 100.0;
        }
    }
    for t in &mut r.tasks {
        t.period = t.period.as_ref().map(|p| shift(p, months));
    }
    let mut raw = seed_raw.to_vec();
    raw.extend_from_slice(format!("\n[bench {i}]\n").as_bytes());
    let source = Source {
        department: format!("dept-{}", i % ISSUERS),
        filename: format!("report-{i}.txt"),
        content_type: "text/plain; charset=utf-8".into(),
        message_id: format!("bench-{i}"),
        content_sha256: String::new(),
        received_at: Some(Utc.timestamp_opt(1_700_000_000 + i as i64, 0).unwrap()),
    };
    (raw, source, r)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

async fn ingest(
    store: &AnyStore,
    seed_raw: &[u8],
    seed: &Report,
    n: usize,
    writers: usize,
) -> Duration {
    let next = Arc::new(AtomicUsize::new(0));
    let seed_raw = Arc::new(seed_raw.to_vec());
    let seed = Arc::new(seed.clone());
    let t0 = Instant::now();
    let handles: Vec<_> = (0..writers)
        .map(|_| {
            let (store, next, seed_raw, seed) =
                (store.clone(), next.clone(), seed_raw.clone(), seed.clone());
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let (raw, source, report) = variant(&seed_raw, &seed, i);
                    store
                        .record_ingestion(&raw, &source, &report)
                        .await
                        .unwrap_or_else(|e| panic!("report {i}: {e}"));
                    if (i + 1) % 1000 == 0 {
                        eprintln!("  {} reports stored, {:.0?}", i + 1, t0.elapsed());
                    }
                }
            })
        })
        .collect();
    for h in handles {
        h.await.unwrap();
    }
    t0.elapsed()
}

const TABLES: [&str; 8] = [
    "uploads",
    "ingestions",
    "reports",
    "observations",
    "tasks",
    "task_topics",
    "task_documents",
    "search_docs",
];

/// Rows of one report as the baseline writes them.
struct BaseRows {
    upload: (String, i64, Vec<u8>),
    ingestion: Vec<String>,
    report: Vec<String>,
    observations: Vec<Vec<String>>,
    tasks: Vec<Vec<String>>,
    topics: Vec<[String; 3]>,
    documents: Vec<[String; 3]>,
    docs: Vec<Vec<String>>,
}

fn words(s: &str) -> String {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn base_rows(id: usize, raw: &[u8], source: &Source, r: &Report) -> BaseRows {
    use sha2::Digest;
    let sha: String = sha2::Sha256::digest(raw)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let m = &r.metadata;
    let period = m
        .reporting_period
        .as_ref()
        .map(|p| p.key())
        .unwrap_or_default();
    let rid = id.to_string();
    let body = serde_json::json!({
        "sections": r.sections, "footnotes": r.footnotes,
        "documentReferences": r.document_references, "qualityIssues": r.quality_issues,
        "normalizedText": r.normalized_text,
    })
    .to_string();
    BaseRows {
        upload: (sha.clone(), raw.len() as i64, raw.to_vec()),
        ingestion: vec![
            source.message_id.clone(),
            "PARSED".into(),
            source.department.clone(),
            source.filename.clone(),
            source.content_type.clone(),
            sha,
        ],
        report: vec![
            rid.clone(),
            m.issuer.clone(),
            match_key(&m.issuer),
            source.department.clone(),
            m.document_number.clone(),
            period.clone(),
            r.parser_version.clone(),
            serde_json::to_string(m).unwrap(),
            body,
        ],
        observations: r
            .observations
            .iter()
            .enumerate()
            .map(|(i, o)| {
                vec![
                    rid.clone(),
                    i.to_string(),
                    o.indicator.clone(),
                    match_key(&o.breakdown),
                    format!("{:?}", o.status),
                    o.period.as_ref().map(|p| p.key()).unwrap_or_default(),
                    match_key(&m.issuer),
                    period.clone(),
                    serde_json::to_string(o).unwrap(),
                ]
            })
            .collect(),
        tasks: r
            .tasks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                vec![
                    rid.clone(),
                    i.to_string(),
                    t.ordinal.to_string(),
                    t.period.as_ref().map(|p| p.key()).unwrap_or_default(),
                    words(&t.text),
                    match_key(&m.issuer),
                    serde_json::to_string(t).unwrap(),
                ]
            })
            .collect(),
        topics: r
            .tasks
            .iter()
            .enumerate()
            .flat_map(|(i, t)| {
                let rid = rid.clone();
                t.topics
                    .iter()
                    .map(move |x| [rid.clone(), i.to_string(), x.clone()])
            })
            .collect(),
        documents: r
            .tasks
            .iter()
            .enumerate()
            .flat_map(|(i, t)| {
                let rid = rid.clone();
                t.document_references
                    .iter()
                    .map(move |d| [rid.clone(), i.to_string(), match_key(&d.number)])
            })
            .collect(),
        docs: r
            .sections
            .iter()
            .map(|s| (s.number.clone(), format!("{}\n{}", s.title, s.text)))
            .chain(r.tasks.iter().map(|t| (String::new(), t.text.clone())))
            .chain(
                r.footnotes
                    .iter()
                    .map(|f| (f.section_number.clone(), f.text.clone())),
            )
            .map(|(n, text)| vec![rid.clone(), n, words(&text), text])
            .collect(),
    }
}

/// The baseline tables and their batched inserts, for one concrete database.
macro_rules! baseline {
    ($module:ident, $db:ty, $conn:ty, $id:literal, $blob:literal) => {
        mod $module {
            use super::*;
            use sqlx::QueryBuilder;

            pub async fn create(c: &mut $conn) {
                let id = $id;
                let blob = $blob;
                for ddl in [
                    format!("CREATE TABLE b_uploads (id {id}, sha TEXT, size BIGINT, bytes {blob})"),
                    format!(
                        "CREATE TABLE b_ingestions (id {id}, message_id TEXT, status TEXT, \
                         department TEXT, filename TEXT, content_type TEXT, sha TEXT)"
                    ),
                    "CREATE TABLE b_reports (id BIGINT PRIMARY KEY, issuer TEXT, issuer_key TEXT, \
                     department TEXT, document_number TEXT, period TEXT, parser_version TEXT, \
                     metadata TEXT, body TEXT)"
                        .to_owned(),
                    format!(
                        "CREATE TABLE b_observations (id {id}, report_id TEXT, position TEXT, \
                         indicator TEXT, breakdown_key TEXT, status TEXT, period TEXT, \
                         issuer_key TEXT, sort TEXT, body TEXT)"
                    ),
                    format!(
                        "CREATE TABLE b_tasks (id {id}, report_id TEXT, position TEXT, \
                         ordinal TEXT, period TEXT, words TEXT, issuer_key TEXT, body TEXT)"
                    ),
                    format!(
                        "CREATE TABLE b_task_topics (id {id}, report_id TEXT, position TEXT, topic TEXT)"
                    ),
                    format!(
                        "CREATE TABLE b_task_documents (id {id}, report_id TEXT, position TEXT, \
                         number_key TEXT)"
                    ),
                    format!(
                        "CREATE TABLE b_search_docs (id {id}, report_id TEXT, section_number TEXT, \
                         words TEXT, text TEXT)"
                    ),
                ] {
                    sqlx::query(AssertSqlSafe(ddl)).execute(&mut *c).await.unwrap();
                }
            }

            async fn rows(c: &mut $conn, head: &str, rows: Vec<Vec<String>>) -> usize {
                let n = rows.len();
                let width = rows.first().map_or(1, Vec::len);
                let per = (30_000 / width).min(500);
                let mut it = rows.into_iter().peekable();
                while it.peek().is_some() {
                    let mut qb = QueryBuilder::<$db>::new(head);
                    qb.push_values(it.by_ref().take(per), |mut b, row| {
                        for v in row {
                            b.push_bind(v);
                        }
                    });
                    qb.build().execute(&mut *c).await.unwrap();
                }
                n
            }

            /// Inserts a batch of reports in one transaction; returns rows.
            pub async fn insert(c: &mut $conn, batch: Vec<BaseRows>) -> usize {
                let mut tx = c.begin().await.unwrap();
                let mut n = 0;
                let mut uploads = QueryBuilder::<$db>::new("INSERT INTO b_uploads (sha, size, bytes) ");
                uploads.push_values(batch.iter(), |mut b, r| {
                    b.push_bind(r.upload.0.clone())
                        .push_bind(r.upload.1)
                        .push_bind(r.upload.2.clone());
                });
                uploads.build().execute(&mut *tx).await.unwrap();
                n += batch.len();
                let (mut ing, mut rep, mut obs, mut tasks, mut topics, mut docs_, mut sdocs) =
                    (vec![], vec![], vec![], vec![], vec![], vec![], vec![]);
                for r in batch {
                    ing.push(r.ingestion);
                    rep.push(r.report);
                    obs.extend(r.observations);
                    tasks.extend(r.tasks);
                    topics.extend(r.topics.into_iter().map(Vec::from));
                    docs_.extend(r.documents.into_iter().map(Vec::from));
                    sdocs.extend(r.docs);
                }
                n += rows(
                    &mut tx,
                    "INSERT INTO b_ingestions (message_id, status, department, filename, \
                     content_type, sha) ",
                    ing,
                )
                .await;
                // b_reports.id is BIGINT: bind it as a number.
                let mut qb = QueryBuilder::<$db>::new(
                    "INSERT INTO b_reports (id, issuer, issuer_key, department, document_number, \
                     period, parser_version, metadata, body) ",
                );
                n += rep.len();
                qb.push_values(rep, |mut b, row| {
                    let mut it = row.into_iter();
                    b.push_bind(it.next().unwrap().parse::<i64>().unwrap());
                    for v in it {
                        b.push_bind(v);
                    }
                });
                qb.build().execute(&mut *tx).await.unwrap();
                n += rows(
                    &mut tx,
                    "INSERT INTO b_observations (report_id, position, indicator, breakdown_key, \
                     status, period, issuer_key, sort, body) ",
                    obs,
                )
                .await;
                n += rows(
                    &mut tx,
                    "INSERT INTO b_tasks (report_id, position, ordinal, period, words, \
                     issuer_key, body) ",
                    tasks,
                )
                .await;
                n += rows(
                    &mut tx,
                    "INSERT INTO b_task_topics (report_id, position, topic) ",
                    topics,
                )
                .await;
                n += rows(
                    &mut tx,
                    "INSERT INTO b_task_documents (report_id, position, number_key) ",
                    docs_,
                )
                .await;
                n += rows(
                    &mut tx,
                    "INSERT INTO b_search_docs (report_id, section_number, words, text) ",
                    sdocs,
                )
                .await;
                tx.commit().await.unwrap();
                n
            }

            pub async fn count_rows(c: &mut $conn) -> i64 {
                let mut total = 0;
                for t in TABLES {
                    let (n,): (i64,) =
                        sqlx::query_as(AssertSqlSafe(format!("SELECT COUNT(*) FROM {t}")))
                            .fetch_one(&mut *c)
                            .await
                            .unwrap();
                    total += n;
                }
                total
            }
        }
    };
}

baseline!(
    sqlite_base,
    sqlx::Sqlite,
    sqlx::SqliteConnection,
    "INTEGER PRIMARY KEY",
    "BLOB"
);
baseline!(
    pg_base,
    sqlx::Postgres,
    sqlx::PgConnection,
    "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
    "BYTEA"
);

async fn baseline_run(
    backend: &'static str,
    url: &str,
    seed_raw: &[u8],
    seed: &Report,
    n: usize,
) -> (Duration, usize) {
    let mut elapsed = Duration::ZERO;
    let mut rows = 0;
    macro_rules! run {
        ($module:ident, $conn:ty) => {{
            let mut c = <$conn>::connect(url).await.unwrap();
            if backend == "sqlite" {
                for p in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL"] {
                    sqlx::query(p).execute(&mut c).await.unwrap();
                }
            }
            $module::create(&mut c).await;
            let mut i = 0;
            while i < n {
                let batch: Vec<BaseRows> = (i..(i + 100).min(n))
                    .map(|k| {
                        let (raw, source, report) = variant(seed_raw, seed, k);
                        base_rows(k + 1, &raw, &source, &report)
                    })
                    .collect();
                let t0 = Instant::now();
                rows += $module::insert(&mut c, batch).await;
                elapsed += t0.elapsed();
                i += 100;
            }
        }};
    }
    if backend == "sqlite" {
        run!(sqlite_base, sqlx::SqliteConnection);
    } else {
        run!(pg_base, sqlx::PgConnection);
    }
    (elapsed, rows)
}

async fn count_store_rows(backend: &str, url: &str) -> i64 {
    if backend == "sqlite" {
        let mut c = sqlx::SqliteConnection::connect(url).await.unwrap();
        sqlite_base::count_rows(&mut c).await
    } else {
        let mut c = PgConnection::connect(url).await.unwrap();
        pg_base::count_rows(&mut c).await
    }
}

async fn time<F, Fut>(name: &'static str, mut f: F) -> (&'static str, Duration, Duration)
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = usize>,
{
    let mut samples = Vec::with_capacity(QUERIES);
    let mut results = 0;
    for k in 0..QUERIES {
        let t0 = Instant::now();
        results += f(k).await;
        samples.push(t0.elapsed());
    }
    samples.sort();
    assert!(results > 0, "{name} found nothing");
    (name, percentile(&samples, 0.50), percentile(&samples, 0.99))
}

async fn latencies(store: &AnyStore, seed: &Report) -> Vec<(&'static str, Duration, Duration)> {
    let mut indicators: Vec<String> = seed
        .observations
        .iter()
        .map(|o| o.indicator.clone())
        .filter(|c| !c.is_empty())
        .collect();
    indicators.sort();
    indicators.dedup();
    let queries = [
        "giải ngân vốn đầu tư công",
        "xuất khẩu",
        "thu ngân sách",
        "an toàn giao thông",
        "khu công nghiệp",
        "cải cách hành chính",
    ];
    let rng = std::cell::RefCell::new(Lcg(42));
    let pick = |n: usize| rng.borrow_mut().next(n);
    let mut out = Vec::new();
    out.push(
        time("series (1 indicator, 1 issuer)", |_| {
            let q = SeriesQuery {
                indicator: indicators[pick(indicators.len())].clone(),
                issuer: issuer(pick(ISSUERS)),
                ..SeriesQuery::default()
            };
            async move { store.series(&q).await.unwrap().points.len() }
        })
        .await,
    );
    out.push(
        time("list reports (page of 50)", |_| async {
            store
                .list_reports(
                    &ReportFilter::default(),
                    ReportView::Basic,
                    &PageRequest::first(50),
                )
                .await
                .unwrap()
                .items
                .len()
        })
        .await,
    );
    out.push(
        time("list reports (1 issuer, page 3)", |_| {
            let f = ReportFilter {
                issuer: Some(issuer(pick(ISSUERS))),
                ..ReportFilter::default()
            };
            async move {
                let mut p = PageRequest::first(50);
                let mut n = 0;
                for _ in 0..3 {
                    let page = store.list_reports(&f, ReportView::Basic, &p).await.unwrap();
                    n = page.items.len();
                    match page.next_token {
                        Some(t) => p = PageRequest::next(50, t),
                        None => break,
                    }
                }
                n
            }
        })
        .await,
    );
    out.push(
        time("list observations (1 indicator, page of 50)", |_| {
            let f = ObservationFilter {
                indicators: vec![indicators[pick(indicators.len())].clone()],
                ..ObservationFilter::default()
            };
            async move {
                store
                    .list_observations(&f, &PageRequest::first(50))
                    .await
                    .unwrap()
                    .items
                    .len()
            }
        })
        .await,
    );
    out.push(
        time("list tasks (text filter, page of 50)", |_| {
            let f = TaskFilter {
                text: Some("giải ngân".into()),
                issuer: Some(issuer(pick(ISSUERS))),
                ..TaskFilter::default()
            };
            async move {
                store
                    .list_tasks(&f, &PageRequest::first(50))
                    .await
                    .unwrap()
                    .items
                    .len()
            }
        })
        .await,
    );
    out.push(
        time("search (page of 20)", |_| {
            let q = SearchQuery {
                query: queries[pick(queries.len())].into(),
                ..SearchQuery::default()
            };
            async move {
                store
                    .search(&q, &PageRequest::first(20))
                    .await
                    .unwrap()
                    .items
                    .len()
            }
        })
        .await,
    );
    out.push(
        time("search (1 issuer, page of 20)", |_| {
            let q = SearchQuery {
                query: queries[pick(queries.len())].into(),
                issuer: Some(issuer(pick(ISSUERS))),
                ..SearchQuery::default()
            };
            async move {
                store
                    .search(&q, &PageRequest::first(20))
                    .await
                    .unwrap()
                    .items
                    .len()
            }
        })
        .await,
    );
    out
}

/// The server processes working for the database at `url`: its backends
/// (other databases on the server are left out) and the WAL writer,
/// checkpointer and background writer all databases share.
async fn server_pids(url: &str) -> Vec<u32> {
    let Ok(mut c) = PgConnection::connect(url).await else {
        return Vec::new();
    };
    let pids: Vec<(i32,)> = sqlx::query_as(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() \
         OR backend_type IN ('walwriter', 'checkpointer', 'background writer')",
    )
    .fetch_all(&mut c)
    .await
    .unwrap_or_default();
    c.close().await.ok();
    pids.into_iter().map(|(p,)| p as u32).collect()
}

/// One ingest run: N reports by W writers into a fresh database.
struct Run {
    writers: usize,
    elapsed: Duration,
    rows: i64,
    cpu_bench: Option<Duration>,
    cpu_server: Option<Duration>,
}

struct Figures {
    backend: &'static str,
    n: usize,
    runs: Vec<Run>,
    base: Option<(Duration, usize)>,
    latencies: Vec<(&'static str, Duration, Duration)>,
}

/// Fresh databases for one backend, and their removal.
enum Dbs {
    Sqlite {
        dir: std::path::PathBuf,
        keep: bool,
    },
    Postgres {
        admin: PgConnection,
        admin_url: String,
        made: Vec<String>,
        keep: bool,
    },
}

impl Dbs {
    async fn create(&mut self, name: &str) -> String {
        match self {
            Dbs::Sqlite { dir, .. } => {
                let file = dir.join(format!("{name}.db"));
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
                }
                std::fs::create_dir_all(&*dir).unwrap();
                format!("sqlite://{}?mode=rwc", file.display())
            }
            Dbs::Postgres {
                admin,
                admin_url,
                made,
                ..
            } => {
                let db = format!("baocao_bench_{}_{name}", std::process::id());
                sqlx::query(AssertSqlSafe(format!("CREATE DATABASE {db}")))
                    .execute(&mut *admin)
                    .await
                    .unwrap();
                made.push(db.clone());
                let (base, _) = admin_url.rsplit_once('/').unwrap();
                format!("{base}/{db}")
            }
        }
    }

    async fn drop_all(self) {
        match self {
            Dbs::Sqlite { dir, keep } => {
                if !keep {
                    let _ = std::fs::remove_dir_all(dir);
                }
            }
            Dbs::Postgres {
                mut admin,
                made,
                keep,
                ..
            } => {
                if keep {
                    eprintln!("postgres: kept databases {}", made.join(", "));
                    return;
                }
                for db in made {
                    sqlx::query(AssertSqlSafe(format!("DROP DATABASE {db} WITH (FORCE)")))
                        .execute(&mut admin)
                        .await
                        .unwrap();
                }
            }
        }
    }
}

struct Plan {
    n: usize,
    writers: Vec<usize>,
    queries: bool,
    baseline: bool,
}

async fn bench(
    backend: &'static str,
    mut dbs: Dbs,
    plan: &Plan,
    seed_raw: &[u8],
    seed: &Report,
) -> Figures {
    let n = plan.n;
    let mut runs = Vec::new();
    let mut latency = Vec::new();
    for (k, &writers) in plan.writers.iter().enumerate() {
        let url = dbs.create(&format!("store_{writers}w")).await;
        eprintln!("{backend}: storing {n} reports with {writers} writer(s)");
        let store = connect(&url).await.unwrap();
        let cpu0 = Snapshot::now();
        let elapsed = ingest(&store, seed_raw, seed, n, writers).await;
        let cpu1 = Snapshot::now();
        let pids = if backend == "postgres" {
            server_pids(&url).await
        } else {
            Vec::new()
        };
        // The server's CPU: of the processes working for this database only
        // (read before the store is closed: ended processes are lost).
        let cpu_bench = cpu1.own_since(&cpu0);
        let cpu_server =
            cpu1.since_where(&cpu0, |pid, comm| comm == "postgres" && pids.contains(&pid));
        let rows = count_store_rows(backend, &url).await;
        if k == 0 && plan.queries {
            eprintln!("{backend}: querying");
            latency = latencies(&store, seed).await;
        }
        store.close().await;
        runs.push(Run {
            writers,
            elapsed,
            rows,
            cpu_bench,
            cpu_server: if backend == "postgres" {
                cpu_server
            } else {
                None
            },
        });
    }
    let base = if plan.baseline {
        eprintln!("{backend}: baseline");
        let url = dbs.create("baseline").await;
        Some(baseline_run(backend, &url, seed_raw, seed, n).await)
    } else {
        None
    };
    dbs.drop_all().await;
    Figures {
        backend,
        n,
        runs,
        base,
        latencies: latency,
    }
}

fn print(f: &Figures) {
    println!(
        "\n== {} ({} reports; store: one transaction a report) ==",
        f.backend, f.n
    );
    println!(
        "{:<22} {:>10} {:>10} {:>9} {:>7} {:>8} {:>22}",
        "", "reports/s", "rows/s", "rows", "s", "x base", "cpu ms/report (b / s)"
    );
    let base_rate = f.base.map(|(d, _)| f.n as f64 / d.as_secs_f64());
    let per_report = |d: Option<Duration>| {
        d.map_or("-".to_owned(), |d| {
            format!("{:.2}", d.as_secs_f64() * 1e3 / f.n as f64)
        })
    };
    for r in &f.runs {
        let secs = r.elapsed.as_secs_f64();
        let rate = f.n as f64 / secs;
        println!(
            "{:<22} {:>10.1} {:>10.0} {:>9} {:>7.1} {:>8} {:>22}",
            format!("store, {} writer(s)", r.writers),
            rate,
            r.rows as f64 / secs,
            r.rows,
            secs,
            base_rate.map_or("-".to_owned(), |b| format!("{:.2}", rate / b)),
            format!("{} / {}", per_report(r.cpu_bench), per_report(r.cpu_server)),
        );
    }
    if let Some((d, rows)) = f.base {
        let secs = d.as_secs_f64();
        println!(
            "{:<22} {:>10.1} {:>10.0} {:>9} {:>7.1}",
            "baseline",
            f.n as f64 / secs,
            rows as f64 / secs,
            rows,
            secs
        );
        println!(
            "  (baseline: plain tables, no secondary index, batched INSERTs, 100 reports a \
             transaction, one connection)"
        );
    }
    println!(
        "  (cpu: b = this process; s = the local PostgreSQL server's processes for the \
         database, with its WAL writer, checkpointer and background writer)"
    );
    if !f.latencies.is_empty() {
        println!(
            "  latency with {} reports stored by {} writer(s):",
            f.n, f.runs[0].writers
        );
    }
    for (name, p50, p99) in &f.latencies {
        println!("  {name:<45} p50 {:>10}  p99 {:>10}", ms(*p50), ms(*p99));
    }
}

fn env_list(name: &str, default: &str) -> Vec<String> {
    std::env::var(name)
        .unwrap_or_else(|_| default.to_owned())
        .split(',')
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

fn main() {
    // `cargo test --benches` runs this with --bench absent; stay quick then.
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!("ingest bench: run with `cargo bench -p baocao-store --bench ingest`");
        return;
    }
    let plan = Plan {
        n: env_usize("BAOCAO_BENCH_REPORTS", 10_000),
        writers: env_list("BAOCAO_BENCH_WRITERS", "1,4,8")
            .iter()
            .map(|w| {
                w.parse::<usize>()
                    .expect("BAOCAO_BENCH_WRITERS: numbers")
                    .max(1)
            })
            .collect(),
        queries: env_usize("BAOCAO_BENCH_QUERIES", 1) != 0,
        baseline: env_usize("BAOCAO_BENCH_BASELINE", 1) != 0,
    };
    let mut backends = env_list("BAOCAO_BENCH_BACKENDS", "sqlite,postgres");
    if std::env::var("BAOCAO_SKIP_PG").is_ok_and(|v| v == "1") {
        backends.retain(|b| b != "postgres");
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../testdata/reports/000_5b1c2bc8d5408b7b.txt"
    );
    let seed_raw = std::fs::read(path).expect("seed report");
    let seed =
        baocao_parser::parse(&seed_raw, &baocao_parser::Hints::default()).expect("seed parses");
    eprintln!(
        "seed: {} observations, {} tasks, {} sections, {} footnotes, {} bytes",
        seed.observations.len(),
        seed.tasks.len(),
        seed.sections.len(),
        seed.footnotes.len(),
        seed_raw.len()
    );
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut figures = Vec::new();
        for backend in &backends {
            match backend.as_str() {
                "sqlite" => {
                    // BAOCAO_BENCH_DIR keeps the SQLite databases there for a look.
                    let keep = std::env::var_os("BAOCAO_BENCH_DIR").map(std::path::PathBuf::from);
                    let dbs = Dbs::Sqlite {
                        keep: keep.is_some(),
                        dir: keep.unwrap_or_else(|| {
                            std::env::temp_dir()
                                .join(format!("baocao-bench-{}", std::process::id()))
                        }),
                    };
                    figures.push(bench("sqlite", dbs, &plan, &seed_raw, &seed).await);
                }
                "postgres" => {
                    let admin_url = std::env::var("BAOCAO_TEST_PG_URL")
                        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
                    let admin = PgConnection::connect(&admin_url)
                        .await
                        .expect("PostgreSQL reachable (or set BAOCAO_SKIP_PG=1)");
                    let dbs = Dbs::Postgres {
                        admin,
                        admin_url,
                        made: Vec::new(),
                        keep: env_usize("BAOCAO_BENCH_KEEP", 0) != 0,
                    };
                    figures.push(bench("postgres", dbs, &plan, &seed_raw, &seed).await);
                }
                other => panic!("BAOCAO_BENCH_BACKENDS: unknown backend {other:?}"),
            }
        }
        for f in &figures {
            print(f);
        }
    });
}
