//! `baocao query ...` against a real `baocao-query` server on port 0, over
//! a SQLite store holding the parsed seed report.

use std::process::{Command, Output};
use std::sync::Arc;

use baocao_config::{Client, Service, Settings};
use baocao_domain::Source;
use baocao_store::{Recorded, Store};

const TOKEN: &str = "cli-test-token";
const BAC_GIANG: &str = "UBND tỉnh Bắc Giang";

fn baocao<S: AsRef<std::ffi::OsStr>>(args: &[S], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_baocao"));
    cmd.args(args)
        .env_remove("BAOCAO_TOKEN")
        .env_remove("BAOCAO_ADDR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("running baocao")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "baocao failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn query_subcommands_print_tables_and_json() {
    let dir = std::env::temp_dir().join(format!("baocao-cli-query-{}", std::process::id()));
    let url = format!("sqlite://{}", dir.join("baocao.db").display());
    let store = baocao_store::connect(&url).await.unwrap();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../testdata/reports/000_5b1c2bc8d5408b7b.txt"
    );
    let raw = std::fs::read(path).unwrap();
    let report = baocao_parser::parse(&raw, &baocao_parser::Hints::default()).unwrap();
    let source = Source {
        department: "so-khdt".into(),
        filename: "seed.txt".into(),
        content_type: "text/plain; charset=utf-8".into(),
        message_id: "seed-1".into(),
        ..Source::default()
    };
    let Recorded::Parsed { report_id } = store
        .record_ingestion(&raw, &source, &report)
        .await
        .unwrap()
    else {
        panic!("seed not stored");
    };

    let mut settings = Settings::load(Service::Query, None).unwrap();
    settings.auth.clients = vec![Client {
        name: "cli".into(),
        token_sha256: baocao_query::auth::token_sha256_hex(TOKEN),
        scopes: vec!["read".into()],
    }];
    settings.amqp.url = baocao_config::Secret::new("");
    let grpc = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = format!("http://{}", grpc.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(baocao_query::serve(
        baocao_query::Listeners {
            grpc,
            metrics: None,
        },
        settings,
        store.clone(),
        Arc::new(baocao_query::Metrics::new()),
        async move {
            let _ = stopped.await;
        },
    ));

    let id = report_id.clone();
    let tasks_in_report = report.tasks.len();
    tokio::task::spawn_blocking(move || {
        let a = ["query", "--addr", addr.as_str(), "--token", TOKEN];
        let with = |rest: &[&str]| -> Vec<String> {
            a.iter().chain(rest).map(|s| (*s).to_owned()).collect()
        };

        let text = ok(&baocao(&with(&["report", &id]), &[]));
        assert!(text.contains(BAC_GIANG), "{text}");
        assert!(text.contains("2024-05-01..2024-05-31"), "{text}");

        let json = ok(&baocao(&with(&["report", &id, "--full", "--json"]), &[]));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["id"], id.as_str());
        assert!(v["sections"].as_array().is_some_and(|s| !s.is_empty()));
        assert_eq!(
            v["metadata"]["reportingPeriod"]["kind"],
            "PERIOD_KIND_MONTH"
        );

        let series = ok(&baocao(
            &with(&["series", "iip", "--issuer", BAC_GIANG]),
            &[],
        ));
        assert!(
            series.starts_with(&format!("iip of {BAC_GIANG}")),
            "{series}"
        );
        assert!(
            series.contains("2024-05-01..2024-05-31") && series.contains("% yoy"),
            "{series}"
        );
        let months = ok(&baocao(
            &with(&[
                "series", "iip", "--issuer", BAC_GIANG, "--kind", "month", "--json",
            ]),
            &[],
        ));
        let v: serde_json::Value = serde_json::from_str(&months).unwrap();
        assert!(
            v["points"]
                .as_array()
                .unwrap()
                .iter()
                .all(|p| p["period"]["kind"] == "PERIOD_KIND_MONTH")
        );
        // --json has the source sentences; --basic leaves them out and
        // keeps where each figure stands.
        assert!(
            v["points"][0]["latest"]["observation"]["provenance"]["sentence"].is_string(),
            "{months}"
        );
        let basic = ok(&baocao(
            &with(&[
                "series", "iip", "--issuer", BAC_GIANG, "--kind", "month", "--json", "--basic",
            ]),
            &[],
        ));
        let b: serde_json::Value = serde_json::from_str(&basic).unwrap();
        let provenance = &b["points"][0]["latest"]["observation"]["provenance"];
        assert!(provenance["sentence"].is_null(), "{basic}");
        assert!(provenance["span"].is_object(), "{basic}");
        assert_eq!(
            b["points"][0]["latest"]["reportId"],
            v["points"][0]["latest"]["reportId"]
        );

        let obs = ok(&baocao(
            &with(&["observations", "--indicator", "iip", "--limit", "3"]),
            &[],
        ));
        assert_eq!(
            obs.lines().filter(|l| l.contains(" iip ")).count(),
            3,
            "{obs}"
        );
        assert!(obs.contains("more match"), "{obs}");

        let tasks = ok(&baocao(&with(&["tasks", "--limit", "0", "--json"]), &[]));
        let v: serde_json::Value = serde_json::from_str(&tasks).unwrap();
        assert_eq!(v["tasks"].as_array().unwrap().len(), tasks_in_report);

        let hits = ok(&baocao(
            &with(&["search", "giai ngan", "--limit", "2"]),
            &[],
        ));
        assert!(hits.to_lowercase().contains("[giải]"), "{hits}");
        assert!(hits.contains("(2 shown"), "{hits}");

        // The token from the environment.
        let env = ok(&baocao(
            &["query", "report", &id, "--addr", addr.as_str()],
            &[("BAOCAO_TOKEN", TOKEN)],
        ));
        assert!(env.contains(BAC_GIANG));

        // Errors name what to fix.
        let out = baocao(&["query", "report", &id, "--addr", addr.as_str()], &[]);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("Unauthenticated") && err.contains("Bearer"),
            "{err}"
        );
        let out = baocao(&with(&["observations", "--from", "May 2024"]), &[]);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("InvalidArgument") && err.contains("period_start"),
            "{err}"
        );
    })
    .await
    .unwrap();

    let _ = stop.send(());
    server.await.unwrap().unwrap();
    store.close().await;
    let _ = std::fs::remove_dir_all(dir);
}
