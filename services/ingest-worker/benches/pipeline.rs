//! End-to-end rate of the worker, next to same-run baselines.
//!
//! N seed-sized reports (default 2,000; `BAOCAO_BENCH_N`), each distinct,
//! from 20 provinces over N/20 months (see `tests/common/reports.rs`), are
//! published to a fresh queue (confirmed) before each timed run:
//!
//! 1. ack-only consumer: a consumer with the worker's prefetch that
//!    acknowledges each delivery as it arrives, doing nothing else: the
//!    broker's ceiling for this queue and these bodies;
//! 2. parse only: the parser over the N bodies on every core;
//! 3. store only, SQLite and PostgreSQL: `Store::record_ingestion` of the N
//!    pre-parsed reports by `worker.concurrency` concurrent writers;
//! 4. the pipeline, SQLite and PostgreSQL: the worker in-process, timed from
//!    its start until it has acknowledged all N (acknowledged means
//!    committed).
//!
//! Each row also shows the CPU one report cost, in ms, read from `/proc`
//! around the timed window: this process (the bench, and the worker where it
//! runs in-process), the PostgreSQL server's processes and RabbitMQ's
//! (`beam.smp`). On two cores shared by all of them, those costs explain
//! the rates: a busy machine changes the rates, much less the costs. The
//! `pg` column counts every PostgreSQL process on the machine (other work
//! on a shared server included); `pg db` only the backends connected to
//! this run's database (their title names it), which is the figure to
//! compare when the server is shared.
//!
//! RabbitMQ at `BAOCAO_TEST_AMQP_URL`, PostgreSQL at `BAOCAO_TEST_PG_URL`
//! (`BAOCAO_SKIP_PG=1` skips it), as the tests. `BAOCAO_BENCH_BACKENDS`
//! (default `sqlite,postgres`) picks the backends and `BAOCAO_BENCH_PHASES`
//! (default `ack,parse,store,pipeline`) the runs, for profiling one of them. Prefetch and concurrency:
//! `BAOCAO_BENCH_PREFETCH` (default 64), `BAOCAO_BENCH_CONCURRENCY`
//! (default 4).
//!
//! `cargo bench -p baocao-worker --bench pipeline`

#[path = "../tests/common/mod.rs"]
mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use baocao_domain::Source;
use baocao_store::Store;
use baocao_test_support::cpu::Snapshot;
use common::amqp::Upload;
use common::db::Kind;
use common::env::TestEnv;
use common::reports::seed_sized;
use futures_lite::StreamExt;
use lapin::options::{BasicAckOptions, BasicConsumeOptions, BasicQosOptions};
use lapin::types::FieldTable;

fn env_u32(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

struct Params {
    n: u32,
    prefetch: u16,
    concurrency: usize,
}

fn main() {
    // `cargo test --all-targets` runs this without --bench; stay quick then.
    if !std::env::args().any(|a| a == "--bench") {
        eprintln!("pipeline bench: run with `cargo bench -p baocao-worker --bench pipeline`");
        return;
    }
    let p = Params {
        n: env_u32("BAOCAO_BENCH_N", 2000),
        prefetch: env_u32("BAOCAO_BENCH_PREFETCH", 64) as u16,
        concurrency: env_u32("BAOCAO_BENCH_CONCURRENCY", 4) as usize,
    };
    let skip_pg = std::env::var("BAOCAO_SKIP_PG").is_ok_and(|v| v == "1");
    let listed = |var: &str, default: &str, item: &str| {
        std::env::var(var)
            .unwrap_or_else(|_| default.to_owned())
            .split(',')
            .any(|x| x.trim().eq_ignore_ascii_case(item))
    };
    let phase = |name: &str| listed("BAOCAO_BENCH_PHASES", "ack,parse,store,pipeline", name);
    let backend = |kind: Kind| {
        let name = match kind {
            Kind::Sqlite => "sqlite",
            Kind::Postgres => "postgres",
        };
        listed("BAOCAO_BENCH_BACKENDS", "sqlite,postgres", name)
            && !(kind == Kind::Postgres && skip_pg)
    };
    let bodies: Vec<Vec<u8>> = (0..p.n).map(seed_sized).collect();
    let avg = bodies.iter().map(Vec::len).sum::<usize>() / bodies.len().max(1);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    println!(
        "baocao-worker pipeline bench: N={} reports of {:.1} KB on average, {} cores, prefetch {}, concurrency {}",
        p.n,
        avg as f64 / 1000.0,
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        p.prefetch,
        p.concurrency
    );
    println!(
        "  {:<48} {:>9}   cpu ms/report: {:>7} {:>7} {:>7} {:>7}",
        "", "reports/s", "process", "pg", "pg db", "broker"
    );
    runtime.block_on(async {
        if phase("ack") {
            ack_only(&p, &bodies)
                .await
                .print("ack-only consumer (same queue type, prefetch)");
        }
        if phase("parse") {
            parse_only(&bodies).print("parse only (all cores)");
        }
        for kind in [Kind::Sqlite, Kind::Postgres] {
            if !backend(kind) {
                continue;
            }
            if phase("store") {
                store_only(&p, kind, &bodies)
                    .await
                    .print(&format!("store only, {kind:?} ({} writers)", p.concurrency));
            }
            if phase("pipeline") {
                pipeline(&p, kind, &bodies)
                    .await
                    .print(&format!("pipeline, {kind:?}"));
            }
        }
    });
}

/// A timed run: its rate, and the CPU the reports cost each party.
struct Measured {
    rate: f64,
    reports: usize,
    process: Option<Duration>,
    pg: Option<Duration>,
    pg_db: Option<Duration>,
    broker: Option<Duration>,
}

impl Measured {
    /// The rate of `reports` done since `started`, and the CPU used since
    /// `before`; call it before closing connections (see [`Snapshot::since`]).
    /// `db`: the PostgreSQL database of the run, if any.
    fn since(started: Instant, before: &Snapshot, reports: usize, db: Option<&str>) -> Self {
        let rate = reports as f64 / started.elapsed().as_secs_f64();
        let now = Snapshot::now();
        Self {
            rate,
            reports,
            process: now.own_since(before),
            pg: now.since(before, |c| c == "postgres"),
            pg_db: db.and_then(|db| {
                // A backend's title: "postgres: <user> <database> <client> <state>".
                let title = format!(" {db} ");
                now.since_where(before, |pid, comm| {
                    comm == "postgres"
                        && std::fs::read(format!("/proc/{pid}/cmdline"))
                            .is_ok_and(|c| String::from_utf8_lossy(&c).contains(&title))
                })
            }),
            broker: now.since(before, |c| c == "beam.smp"),
        }
    }

    fn print(&self, name: &str) {
        let ms = |d: Option<Duration>| {
            d.map_or("-".to_owned(), |d| {
                format!("{:.2}", d.as_secs_f64() * 1000.0 / self.reports as f64)
            })
        };
        println!(
            "  {name:<48} {:>9.1}   {:>22} {:>7} {:>7} {:>7}",
            self.rate,
            ms(self.process),
            ms(self.pg),
            ms(self.pg_db),
            ms(self.broker)
        );
    }
}

/// The PostgreSQL database of a run.
fn db_name(env: &TestEnv) -> Option<&str> {
    match &env.db {
        common::db::TestDb::Postgres { name, .. } => Some(name),
        common::db::TestDb::Sqlite { .. } => None,
    }
}

fn uploads(bodies: &[Vec<u8>]) -> Vec<Upload> {
    bodies
        .iter()
        .enumerate()
        .map(|(i, b)| Upload::text(b.clone(), &format!("bench-{i}")))
        .collect()
}

fn tweak(p: &Params) -> impl FnOnce(&mut baocao_config::Settings) + '_ {
    move |s| {
        s.amqp.prefetch = p.prefetch;
        s.worker.concurrency = p.concurrency;
        s.log.level = "warn".into();
    }
}

async fn ack_only(p: &Params, bodies: &[Vec<u8>]) -> Measured {
    let env = TestEnv::new(Kind::Sqlite, tweak(p)).await.expect("env");
    env.client
        .publish_all(&env.settings.amqp, &uploads(bodies))
        .await;
    let ch = env.client.conn.create_channel().await.expect("channel");
    ch.basic_qos(p.prefetch, BasicQosOptions::default())
        .await
        .expect("qos");
    let cpu = Snapshot::now();
    let started = Instant::now();
    let mut consumer = ch
        .basic_consume(
            env.settings.amqp.queue.as_str().into(),
            "bench-ack-only".into(),
            BasicConsumeOptions::default(),
            FieldTable::default(),
        )
        .await
        .expect("consume");
    let ack_pace = Duration::from_micros(env_u32("BAOCAO_BENCH_ACK_PACE_US", 0).into());
    let ack_every = env_u32("BAOCAO_BENCH_ACK_EVERY", 1).max(1) as usize;
    let mut acked = 0;
    while acked < bodies.len() {
        let d = consumer
            .next()
            .await
            .expect("a delivery")
            .expect("no error");
        acked += 1;
        // Experiments on the broker's cost of settling at the pipeline's
        // rate: pace the consumer, and ack every k-th delivery with
        // `multiple` (the last one always).
        if ack_pace > Duration::ZERO {
            tokio::time::sleep(ack_pace).await;
        }
        if acked % ack_every == 0 || acked == bodies.len() {
            d.acker
                .ack(BasicAckOptions {
                    multiple: ack_every > 1,
                })
                .await
                .expect("ack");
        }
    }
    let m = Measured::since(started, &cpu, bodies.len(), None);
    let _ = ch.close(200, "done".into()).await;
    env.teardown().await;
    m
}

fn parse_only(bodies: &[Vec<u8>]) -> Measured {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cpu = Snapshot::now();
    let started = Instant::now();
    std::thread::scope(|s| {
        for t in 0..threads {
            s.spawn(move || {
                for b in bodies.iter().skip(t).step_by(threads) {
                    let r = baocao_parser::parse(b, &Default::default()).expect("parses");
                    std::hint::black_box(r);
                }
            });
        }
    });
    Measured::since(started, &cpu, bodies.len(), None)
}

async fn store_only(p: &Params, kind: Kind, bodies: &[Vec<u8>]) -> Measured {
    let env = TestEnv::new(kind, tweak(p)).await.expect("env");
    let parsed: Vec<_> = bodies
        .iter()
        .map(|b| baocao_parser::parse(b, &Default::default()).expect("parses"))
        .collect();
    let work: Arc<Vec<(Vec<u8>, baocao_domain::Report)>> =
        Arc::new(bodies.iter().cloned().zip(parsed).collect());
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let cpu = Snapshot::now();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..p.concurrency {
        let (store, work, next) = (env.store.clone(), Arc::clone(&work), Arc::clone(&next));
        tasks.push(tokio::spawn(async move {
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((raw, report)) = work.get(i) else {
                    return;
                };
                let source = Source {
                    department: "so-khdt".into(),
                    message_id: format!("store-{i}"),
                    content_type: "text/plain; charset=utf-8".into(),
                    ..Source::default()
                };
                store
                    .record_ingestion(raw, &source, report)
                    .await
                    .expect("recorded");
            }
        }));
    }
    for t in tasks {
        t.await.expect("writer");
    }
    let m = Measured::since(started, &cpu, bodies.len(), db_name(&env));
    env.teardown().await;
    m
}

async fn pipeline(p: &Params, kind: Kind, bodies: &[Vec<u8>]) -> Measured {
    let env = TestEnv::new(kind, tweak(p)).await.expect("env");
    env.client
        .publish_all(&env.settings.amqp, &uploads(bodies))
        .await;
    if std::env::var("BAOCAO_BENCH_TAP").is_ok_and(|v| v == "0") {
        // The events then reach no queue: the broker's cost without the tap.
        env.client
            .channel
            .queue_delete(env.events.as_str().into(), Default::default())
            .await
            .expect("delete the events tap");
    }
    let cpu = Snapshot::now();
    let started = Instant::now();
    let w = env.start_worker().await;
    // Counted in the rate, as a cold start; shown so it can be told apart.
    println!(
        "  (worker started and ready in {} ms)",
        started.elapsed().as_millis()
    );
    let n = bodies.len() as u64;
    while w.metrics.acked.get() < n {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let m = Measured::since(started, &cpu, bodies.len(), db_name(&env));
    assert_eq!(w.metrics.parsed.get(), n, "every report parsed and stored");
    w.stop().await.expect("a clean stop");
    env.teardown().await;
    m
}
