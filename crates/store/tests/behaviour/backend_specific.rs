//! What only one backend has: SQLite's file locking across processes,
//! PostgreSQL's connection errors, URL dispatch.

use std::time::Duration;

use baocao_store::{
    BackendKind, ConnectOptions, Recorded, ReportFilter, ReportView, Store, StoreError, connect,
    connect_with,
};
use sqlx::{Connection, SqliteConnection};

use crate::fixtures::Spec;
use crate::harness::{Kind, TestDb};

#[tokio::test]
async fn urls_pick_the_backend() {
    let e = connect("mysql://localhost/x").await.unwrap_err();
    assert!(matches!(e, StoreError::UnsupportedUrl { .. }), "{e}");
    assert!(!e.is_transient());
    let db = TestDb::create(Kind::Sqlite).await.unwrap();
    let store = connect(db.url()).await.unwrap();
    assert_eq!(store.backend(), BackendKind::Sqlite);
    store.close().await;
    db.drop_database().await;
}

#[tokio::test]
async fn postgres_unreachable_is_transient() {
    let opts = ConnectOptions {
        acquire_timeout: Duration::from_secs(2),
        ..ConnectOptions::default()
    };
    let e = connect_with("postgres://postgres:secret@127.0.0.1:1/baocao", &opts)
        .await
        .unwrap_err();
    assert!(e.is_transient(), "{e}");
    assert!(!e.to_string().contains("secret"), "{e}");
}

/// Another process holding the write lock longer than the busy timeout is a
/// transient error; once it lets go, the same write succeeds.
#[tokio::test]
async fn sqlite_locked_database_is_transient() {
    let db = TestDb::create(Kind::Sqlite).await.unwrap();
    let opts = ConnectOptions {
        busy_timeout: Duration::from_millis(200),
        ..ConnectOptions::default()
    };
    let store = connect_with(db.url(), &opts).await.unwrap();
    let mut other = SqliteConnection::connect(db.url()).await.unwrap();
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut other)
        .await
        .unwrap();

    let spec = Spec::new(5);
    let e = store
        .record_ingestion(&spec.raw(), &spec.source("m-1"), &spec.report())
        .await
        .unwrap_err();
    assert!(e.is_transient(), "{e}");
    assert!(e.to_string().contains("m-1"), "{e}");

    sqlx::query("ROLLBACK").execute(&mut other).await.unwrap();
    other.close().await.unwrap();
    let r = store
        .record_ingestion(&spec.raw(), &spec.source("m-1"), &spec.report())
        .await
        .unwrap();
    assert!(matches!(r, Recorded::Parsed { .. }));
    store.close().await;
    db.drop_database().await;
}

/// The worker and the query service as two stores on one file: both write
/// at once, each sees the other's reports.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_two_stores_share_one_file() {
    let db = TestDb::create(Kind::Sqlite).await.unwrap();
    let one = connect(db.url()).await.unwrap();
    let two = connect(db.url()).await.unwrap();
    let mut handles = Vec::new();
    for (i, store) in [one.clone(), two.clone()].into_iter().enumerate() {
        handles.push(tokio::spawn(async move {
            for k in 0..10 {
                let spec = Spec::new(1 + k % 12)
                    .issuer(&format!("UBND huyện {i}-{k}"))
                    .tag(format!("s{i}-{k}"));
                let r = store
                    .record_ingestion(
                        &spec.raw(),
                        &spec.source(&format!("m-{i}-{k}")),
                        &spec.report(),
                    )
                    .await
                    .unwrap();
                assert!(matches!(r, Recorded::Parsed { .. }));
            }
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    for s in [&one, &two] {
        let p = s
            .list_reports(
                &ReportFilter::default(),
                ReportView::Basic,
                &Default::default(),
            )
            .await
            .unwrap();
        assert_eq!(p.items.len(), 20);
    }
    one.close().await;
    two.close().await;
    db.drop_database().await;
}
