//! The store's behaviour suite: every case in `cases.rs` runs against both
//! backends, each run in a fresh database.
//!
//! - SQLite: a new file in the temporary directory, removed afterwards.
//! - PostgreSQL: `CREATE DATABASE` with a unique name on the server at
//!   `BAOCAO_TEST_PG_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`,
//!   see `.ci/start-postgres.sh`), dropped afterwards. An unreachable server
//!   fails the PostgreSQL half unless `BAOCAO_SKIP_PG=1` is set.

mod backend_specific;
mod cases;
mod fixtures;
mod harness;

/// Defines one test per case and backend: `sqlite::case`, `postgres::case`.
macro_rules! behaviour {
    ($($case:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $case() {
                    crate::harness::run(crate::harness::Kind::Sqlite, crate::cases::$case).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $case() {
                    crate::harness::run(crate::harness::Kind::Postgres, crate::cases::$case).await;
                }
            )*
        }
    };
}

behaviour!(
    parsed_report_round_trips,
    basic_view_leaves_the_parts_out,
    seed_report_round_trips_and_is_searchable,
    same_message_id_is_a_duplicate,
    same_content_under_a_new_message_id_is_a_duplicate,
    rejection_keeps_raw_bytes_and_reason,
    content_rejected_before_is_processed_again,
    writers_of_content_rejected_before_parse_it_once,
    unknown_ids_are_not_found,
    content_hash_must_match,
    failed_transaction_leaves_nothing,
    later_report_supersedes_earlier_one,
    supersession_ignores_arrival_order,
    list_reports_pages_and_filters,
    tampered_or_foreign_page_tokens_are_refused,
    list_observations_filters_and_pages,
    series_keeps_revisions,
    indicator_counts_follow_current_reports,
    list_tasks_filters,
    get_task_by_ordinal,
    search_ignores_diacritics_and_tone_placement,
    search_filters_and_pages,
    reparse_replaces_parse_results,
    concurrent_writers_of_one_message_store_it_once,
    concurrent_writers_of_one_message_with_different_content,
    many_concurrent_ingests_are_all_stored,
    migrations_are_idempotent,
    tasks_by_document_type,
);
