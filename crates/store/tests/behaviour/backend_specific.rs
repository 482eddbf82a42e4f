//! What only one backend has: SQLite's file locking across processes,
//! PostgreSQL's connection errors, URL dispatch.

use std::time::Duration;

use baocao_store::{
    BackendKind, ConnectOptions, Recorded, ReportFilter, ReportView, Store, StoreError, connect,
    connect_with,
};
use sqlx::{Connection, SqliteConnection};

use crate::fixtures::Spec;
use crate::harness::{Kind, SUITE, TestDb};

#[tokio::test]
async fn urls_pick_the_backend() {
    let e = connect("mysql://localhost/x").await.unwrap_err();
    assert!(matches!(e, StoreError::UnsupportedUrl { .. }), "{e}");
    assert!(!e.is_transient());
    let db = TestDb::create(Kind::Sqlite, SUITE).await.unwrap();
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
    let db = TestDb::create(Kind::Sqlite, SUITE).await.unwrap();
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
    let db = TestDb::create(Kind::Sqlite, SUITE).await.unwrap();
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

/// PostgreSQL's search vectors are written by the store (built by it for
/// most passages, by `to_tsvector` for the rest): each is exactly what
/// `to_tsvector('simple', words)` makes, lexemes and positions, footnote
/// marks glued to words ("đai²⁴") included, so matching and ranking are
/// the server's.
#[tokio::test]
async fn postgres_vectors_match_to_tsvector() {
    let Some(db) = TestDb::create(Kind::Postgres, SUITE).await else {
        return;
    };
    let store = connect(db.url()).await.unwrap();
    let (raw, report) = crate::fixtures::seed();
    let r = store
        .record_ingestion(&raw, &Spec::new(5).source("m-seed"), &report)
        .await
        .unwrap();
    assert!(matches!(r, Recorded::Parsed { .. }), "{r:?}");
    let mut c = sqlx::PgConnection::connect(db.url()).await.unwrap();
    let (all, marks, differ): (i64, i64, i64) = sqlx::query_as(
        "SELECT count(*), count(*) FILTER (WHERE words ~ '[¹²³⁰⁴-⁹]'), \
         count(*) FILTER (WHERE tsv IS DISTINCT FROM to_tsvector('simple', words)) \
         FROM search_docs",
    )
    .fetch_one(&mut c)
    .await
    .unwrap();
    assert!(
        all > 20 && marks > 0,
        "{all} passages, {marks} with footnote marks"
    );
    assert_eq!(differ, 0, "vectors unlike to_tsvector's");
    c.close().await.ok();
    store.close().await;
    db.drop_database().await;
}
