//! `baocao db migrate` and `baocao reparse` on a real SQLite file and a real
//! PostgreSQL database.

use std::process::Command;

use baocao_domain::Source;
use baocao_store::{ReportView, Store, connect};
use baocao_test_support::{Kind, TestDb};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../testdata/reports/000_5b1c2bc8d5408b7b.txt"
);

fn baocao(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_baocao"))
        .args(args)
        .env_remove("BAOCAO__DATABASE__URL")
        .output()
        .expect("run baocao");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_sqlite() {
    on(Kind::Sqlite).await;
}

/// PostgreSQL at BAOCAO_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres),
/// in a database of its own; BAOCAO_SKIP_PG=1 skips it when unreachable.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgres() {
    on(Kind::Postgres).await;
}

/// Runs the scenario on a fresh database, dropped whether it passed or not.
async fn on(kind: Kind) {
    let Some(db) = TestDb::create(kind, "cli_reparse").await else {
        return;
    };
    let outcome = tokio::spawn(migrate_then_reparse(db.url().to_owned())).await;
    db.drop_database().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

async fn migrate_then_reparse(url: String) {
    let (code, out, err) = baocao(&["db", "migrate", "--database-url", &url]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("up to date"), "{out}");

    // A report stored by "an older parser": the current one's result with an
    // observation removed and another version.
    let bytes = std::fs::read(SEED).expect("seed");
    let mut old = baocao_parser::parse(&bytes, &Default::default()).expect("parses");
    let full = old.observations.len();
    old.observations.truncate(3);
    old.parser_version = "baocao-parser/0.0.1".into();
    let source = Source {
        department: "so-khdt".into(),
        filename: "bao-cao.txt".into(),
        content_type: "text/plain; charset=utf-8".into(),
        message_id: "m-1".into(),
        content_sha256: sha256_hex(&bytes),
        received_at: Some(chrono::Utc::now()),
    };
    let store = connect(&url).await.expect("store");
    let id = match store
        .record_ingestion(&bytes, &source, &old)
        .await
        .expect("stored")
    {
        baocao_store::Recorded::Parsed { report_id } => report_id,
        other => panic!("{other:?}"),
    };

    let (code, out, err) = baocao(&["reparse", "--database-url", &url]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("reparsed 1 report(s)"), "{out}");
    let report = store
        .get_report(&id, ReportView::Full)
        .await
        .expect("report");
    assert_eq!(report.parser_version, baocao_parser::PARSER_VERSION);
    assert_eq!(report.observations.len(), full);

    // Nothing is stale any more.
    let (code, out, _) = baocao(&["reparse", "--database-url", &url]);
    assert_eq!(code, 0);
    assert!(out.contains("reparsed 0 report(s)"), "{out}");
}

fn sha256_hex(b: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(b)
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect()
}
