//! Fresh databases for each test, and their removal.

use std::future::Future;

use baocao_store::{AnyStore, connect};

pub use baocao_test_support::{Kind, TestDb};

/// Names this suite's databases.
pub const SUITE: &str = "store";

/// Runs `case` against a store on a fresh database of `kind`, and drops the
/// database whether the case passed or panicked.
pub async fn run<F, Fut>(kind: Kind, case: F)
where
    F: FnOnce(AnyStore, String) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let Some(db) = TestDb::create(kind, SUITE).await else {
        return;
    };
    let store = match connect(db.url()).await {
        Ok(s) => s,
        Err(e) => {
            db.drop_database().await;
            panic!("connect: {e}");
        }
    };
    let outcome = tokio::spawn(case(store.clone(), db.url().to_owned())).await;
    store.close().await;
    db.drop_database().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}
