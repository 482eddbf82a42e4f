//! An independent client: Python's grpcio with stubs generated from
//! `proto/` at test time, calling a seeded server
//! (`tests/python/grpcio_client.py`). The venv lives under the target
//! directory (`CARGO_TARGET_TMPDIR/py-grpcio`) and is made once; pip needs
//! PyPI the first time. `BAOCAO_SKIP_PYTHON=1` skips the test.

use std::path::{Path, PathBuf};
use std::process::Command;

use baocao_store::Store;

use crate::fixtures::{BAC_GIANG, seed};
use crate::harness::{Kind, READER, Server, TestDb, settings, unique_name, with_server};

const PACKAGES: [&str; 2] = ["grpcio>=1.60,<2", "grpcio-tools>=1.60,<2"];

fn run(cmd: &mut Command) -> String {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("running {cmd:?}: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{cmd:?} failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    stdout
}

/// The venv's python, making the venv first if needed.
fn venv() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("py-grpcio");
    let python = dir.join("bin/python");
    let ready = dir.join(".ready");
    if ready.exists() {
        return python;
    }
    let _ = std::fs::remove_dir_all(&dir);
    let system = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    run(Command::new(&system).args(["-m", "venv"]).arg(&dir));
    run(Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .args(PACKAGES));
    std::fs::write(&ready, PACKAGES.join("\n")).unwrap();
    python
}

/// `grpc_tools.protoc` over every file of `proto/baocao/v1`, into `out`.
fn generate(python: &Path, out: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../proto");
    let mut protos: Vec<PathBuf> = std::fs::read_dir(root.join("baocao/v1"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "proto"))
        .collect();
    protos.sort();
    std::fs::create_dir_all(out).unwrap();
    run(Command::new(python)
        .args(["-m", "grpc_tools.protoc"])
        .arg(format!("-I{}", root.display()))
        .arg(format!("--python_out={}", out.display()))
        .arg(format!("--grpc_python_out={}", out.display()))
        .args(&protos));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn grpcio_client_uses_the_proto_alone() {
    if std::env::var("BAOCAO_SKIP_PYTHON").is_ok_and(|v| v == "1") {
        eprintln!("skipping: BAOCAO_SKIP_PYTHON=1");
        return;
    }
    let out = std::env::temp_dir().join(unique_name("baocao-py-stubs"));
    let python = {
        let out = out.clone();
        tokio::task::spawn_blocking(move || {
            let python = venv();
            generate(&python, &out);
            python
        })
        .await
        .unwrap()
    };

    let db = TestDb::create(Kind::Sqlite, crate::harness::SUITE)
        .await
        .unwrap();
    let store = baocao_store::connect(db.url()).await.unwrap();
    let seeded = seed(&store).await;
    let iip = store
        .indicator_counts(None)
        .await
        .unwrap()
        .get("iip")
        .copied()
        .unwrap_or(0);
    let tasks: usize = crate::fixtures::uploads()
        .iter()
        .map(|u| u.report.tasks.len())
        .sum();
    let server = Server::start_on(store, Some(db), settings()).await;
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/grpcio_client.py");
    let o = out.clone();
    with_server(Some(server), move |server| async move {
        let addr = server.addr.to_string();
        let stdout = tokio::task::spawn_blocking(move || {
            run(Command::new(&python)
                .arg(&script)
                .env("PYTHONPATH", &o)
                .env("BAOCAO_ADDR", addr)
                .env("BAOCAO_TOKEN", READER)
                .env("BAOCAO_REPORT_ID", &seeded.seed_id)
                .env("BAOCAO_ISSUER", BAC_GIANG)
                .env("BAOCAO_IIP_COUNT", iip.to_string())
                .env("BAOCAO_TASK_COUNT", tasks.to_string()))
        })
        .await
        .unwrap();
        println!("{stdout}");
        assert!(stdout.contains("checks passed"), "{stdout}");
    })
    .await;
    let _ = std::fs::remove_dir_all(out);
}
