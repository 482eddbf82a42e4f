//! The real `baocao-worker` binary as a child process: killed with SIGKILL
//! mid-stream and restarted (nothing lost, nothing stored twice), stopped
//! with SIGTERM mid-stream (exits 0 after finishing what it holds).

mod common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use baocao_config::Settings;
use baocao_domain::IngestionStatus;
use common::amqp::Upload;
use common::db::Kind;
use common::env::{TestEnv, run_case};
use common::reports::small;
use common::wait_for;

const N: u32 = 600;

fn spawn_worker(settings: &Settings) -> Child {
    let a = &settings.amqp;
    let show_logs = std::env::var("TEST_LOG").is_ok_and(|v| v == "1");
    Command::new(env!("CARGO_BIN_EXE_baocao-worker"))
        .env("BAOCAO__DATABASE__URL", settings.database.url.expose())
        .env("BAOCAO__AMQP__URL", a.url.expose())
        .env("BAOCAO__AMQP__EXCHANGE", &a.exchange)
        .env("BAOCAO__AMQP__ROUTING_KEY", &a.routing_key)
        .env("BAOCAO__AMQP__QUEUE", &a.queue)
        .env(
            "BAOCAO__AMQP__DEAD_LETTER_EXCHANGE",
            &a.dead_letter_exchange,
        )
        .env("BAOCAO__AMQP__DEAD_LETTER_QUEUE", &a.dead_letter_queue)
        .env("BAOCAO__AMQP__EVENTS_EXCHANGE", &a.events_exchange)
        .env("BAOCAO__METRICS__ADDR", "127.0.0.1:0")
        .env("BAOCAO__WORKER__RETRY_INITIAL_MS", "50")
        .env("BAOCAO__WORKER__RETRY_MAX_MS", "1000")
        .env("BAOCAO__WORKER__SHUTDOWN_GRACE_SECS", "30")
        .env("BAOCAO__LOG__FORMAT", "json")
        .env(
            "BAOCAO__LOG__LEVEL",
            if show_logs { "info" } else { "warn" },
        )
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(if show_logs {
            Stdio::inherit()
        } else {
            Stdio::null()
        })
        .spawn()
        .expect("start baocao-worker")
}

fn sigterm(child: &Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill -TERM");
    assert!(status.success());
}

/// Waits for the child to exit, up to `timeout`.
async fn wait_exit(child: &mut Child, timeout: Duration) -> std::process::ExitStatus {
    wait_for("the worker to exit", timeout, || {
        let s = child.try_wait().expect("try_wait");
        async move { s }
    })
    .await
}

async fn stored(env: &TestEnv) -> usize {
    env.report_ids().await.len()
}

async fn wait_stored(env: &TestEnv, at_least: usize, timeout: Duration) -> usize {
    wait_for(
        &format!("{at_least} reports stored"),
        timeout,
        || async move {
            let n = stored(env).await;
            (n >= at_least).then_some(n)
        },
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_mid_stream_then_sigterm_mid_stream_lose_nothing() {
    run_case(
        Kind::Postgres,
        |_| {},
        |env| async move {
            let uploads: Vec<Upload> = (0..N)
                .map(|i| Upload::text(small(10_000 + i), &format!("k-{i}")))
                .collect();
            env.client.publish_all(&env.settings.amqp, &uploads).await;

            // SIGKILL while consuming: nothing is acked that is not committed.
            let mut first = spawn_worker(&env.settings);
            let before_kill = wait_stored(&env, 50, Duration::from_secs(60)).await;
            first.kill().expect("SIGKILL");
            first.wait().expect("reap");
            let after_kill = stored(&env).await;
            assert!(
                after_kill < N as usize,
                "the kill came after the end ({after_kill})"
            );
            eprintln!("killed with {before_kill}..{after_kill} of {N} stored");

            // SIGTERM while consuming: it finishes what it holds and exits 0.
            let mut second = spawn_worker(&env.settings);
            wait_stored(&env, after_kill + 50, Duration::from_secs(60)).await;
            sigterm(&second);
            let started = Instant::now();
            let status = wait_exit(&mut second, Duration::from_secs(40)).await;
            assert_eq!(status.code(), Some(0), "SIGTERM exits 0: {status:?}");
            eprintln!(
                "stopped in {:?} with {} stored",
                started.elapsed(),
                stored(&env).await
            );
            assert!(
                stored(&env).await < N as usize,
                "the SIGTERM came after the end"
            );

            // A third run finishes the queue.
            let mut third = spawn_worker(&env.settings);
            let ids: Vec<String> = (0..N).map(|i| format!("k-{i}")).collect();
            let outcomes = env.wait_ingested(&ids, Duration::from_secs(120)).await;
            assert!(
                outcomes.iter().all(|o| o.status == IngestionStatus::Parsed),
                "every upload PARSED, none DUPLICATE or REJECTED"
            );
            wait_for("the queue to drain", Duration::from_secs(30), || async {
                (env.client.ready(&env.settings.amqp.queue).await == 0).then_some(())
            })
            .await;
            sigterm(&third);
            let status = wait_exit(&mut third, Duration::from_secs(40)).await;
            assert_eq!(status.code(), Some(0));

            let mut reports = env.report_ids().await;
            assert_eq!(
                reports.len(),
                N as usize,
                "every report stored exactly once"
            );
            reports.sort();
            reports.dedup();
            assert_eq!(reports.len(), N as usize);
            let mut report_of: Vec<&str> = outcomes.iter().map(|o| o.report_id.as_str()).collect();
            report_of.sort();
            report_of.dedup();
            assert_eq!(report_of.len(), N as usize, "one report per message");
            assert!(env.dead_letters().await.is_empty());
            assert_eq!(env.client.ready(&env.settings.amqp.queue).await, 0);
        },
    )
    .await;
}
