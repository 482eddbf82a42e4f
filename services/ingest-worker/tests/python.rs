//! The contract outside Rust: `tests/python/baocao_publish.py`, a Python
//! publisher on pika, sends a report and an unsupported file, and reads the
//! dead letter back. pika is installed from PyPI into a virtual environment
//! under `target/pika-venv` the first time.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use baocao_domain::IngestionStatus;
use baocao_store::{ReportView, Store};
use common::db::Kind;
use common::env::run_case;
use common::reports::SEED_PATH;
use common::workspace_root;

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/baocao_publish.py")
}

/// A Python with pika.
fn python_with_pika() -> PathBuf {
    let venv = workspace_root().join("target/pika-venv");
    let python = venv.join("bin/python");
    let has_pika = |py: &Path| {
        Command::new(py)
            .args(["-c", "import pika"])
            .status()
            .is_ok_and(|s| s.success())
    };
    if has_pika(&python) {
        return python;
    }
    let ok = Command::new("python3")
        .arg("-m")
        .arg("venv")
        .arg(&venv)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "python3 -m venv {} failed", venv.display());
    let ok = Command::new(venv.join("bin/pip"))
        .args([
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "pika>=1.3,<2",
        ])
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "pip install pika failed (is PyPI reachable?)");
    assert!(
        has_pika(&python),
        "pika does not import after installing it"
    );
    python
}

fn run_python(python: &Path, args: &[&str]) -> String {
    let out = Command::new(python)
        .arg(script())
        .args(args)
        .output()
        .expect("run the Python publisher");
    assert!(
        out.status.success(),
        "baocao_publish.py {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_python_pika_publisher_follows_the_contract() {
    let python = tokio::task::spawn_blocking(python_with_pika)
        .await
        .expect("set up pika");
    run_case(
        Kind::Sqlite,
        |_| {},
        move |env| async move {
            let w = env.start_worker().await;
            let a = env.settings.amqp.clone();
            let url = a.url.expose().to_owned();
            let dir = std::env::temp_dir().join(common::unique_name("baocao-py"));
            std::fs::create_dir_all(&dir).unwrap();
            let pdf = dir.join("bao-cao-thang-5.pdf");
            std::fs::write(&pdf, b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n").unwrap();
            let pdf = pdf.to_str().unwrap().to_owned();

            let py = python.clone();
            let (a2, url2) = (a.clone(), url.clone());
            let ids = tokio::task::spawn_blocking(move || {
                let common = |extra: &[&str]| {
                    let mut v = vec![
                        "publish",
                        "--url",
                        &url2,
                        "--exchange",
                        &a2.exchange,
                        "--routing-key",
                        &a2.routing_key,
                        "--department",
                        "so-khdt",
                    ];
                    v.extend_from_slice(extra);
                    run_python(&py, &v).trim().to_owned()
                };
                let seed = common(&[
                    "--file",
                    SEED_PATH,
                    "--period",
                    "2024-05",
                    "--message-id",
                    "py-seed",
                ]);
                let pdf = common(&["--file", &pdf, "--content-type", "application/pdf"]);
                (seed, pdf)
            })
            .await
            .unwrap();
            assert_eq!(ids.0, "py-seed");
            assert_eq!(ids.1.len(), 36, "a generated UUID: {}", ids.1);

            let outcomes = env
                .wait_ingested(&[ids.0.clone(), ids.1.clone()], Duration::from_secs(60))
                .await;
            assert_eq!(
                outcomes[0].status,
                IngestionStatus::Parsed,
                "{:?}",
                outcomes[0]
            );
            let report = env
                .store
                .get_report(&outcomes[0].report_id, ReportView::Basic)
                .await
                .unwrap();
            assert_eq!(report.metadata.issuer, "UBND tỉnh Bắc Giang");
            let source = report.source.unwrap();
            assert_eq!(source.filename, "000_5b1c2bc8d5408b7b.txt");
            assert_eq!(source.department, "so-khdt");
            assert_eq!(outcomes[1].status, IngestionStatus::Rejected);
            assert!(
                outcomes[1]
                    .reason
                    .contains("unsupported content type application/pdf"),
                "{}",
                outcomes[1].reason
            );

            // Python reads the dead letter and its reason.
            let py = python.clone();
            let dead_queue = a.dead_letter_queue.clone();
            let out = tokio::task::spawn_blocking(move || {
                run_python(
                    &py,
                    &["dead-letters", "--url", &url, "--queue", &dead_queue],
                )
            })
            .await
            .unwrap();
            let lines: Vec<serde_json::Value> = out
                .lines()
                .map(|l| serde_json::from_str(l).expect("JSON"))
                .collect();
            assert_eq!(lines.len(), 1, "{out}");
            assert_eq!(lines[0]["messageId"], ids.1.as_str());
            assert_eq!(lines[0]["error"], outcomes[1].reason.as_str());
            assert_eq!(lines[0]["department"], "so-khdt");

            let _ = std::fs::remove_dir_all(dir);
            w.stop().await.expect("a clean stop");
        },
    )
    .await;
}
