//! A fresh database per test: a SQLite file in a new directory, or a new
//! PostgreSQL database (shared with the other suites, in
//! `baocao-test-support`).

// (Not every test crate that includes `common` uses all of them.)
#[allow(unused_imports)]
pub use baocao_test_support::{Kind, TestDb, with_database};

/// Names this suite's databases.
pub const SUITE: &str = "worker";
