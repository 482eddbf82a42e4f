//! Rows a migration adds columns to but cannot compute in SQL, filled from
//! the stored bodies when the store opens.
//!
//! Migration 0004 gave `task_documents` a `type_key` (the cited document's
//! type, [`crate::rows::type_key`]) and kept the rows stored before with an
//! empty one; documents cited by name only had no row at all. When it found
//! tasks it left the `store_meta` row `fill_task_document_types`, and the
//! first store to open afterwards writes the rows of every task citing a
//! document again from its body, then deletes that row. Each task's rows are deleted and inserted
//! in one transaction with the body read in it, so the work can stop at
//! any point (a crash, two processes opening at once) and be done again
//! with the same result.

use baocao_domain::Task;

use super::Engine;
use crate::backend::{Backend, Sql};
use crate::error::{Result, StoreError};
use crate::rows::task_documents;

/// The `store_meta` key that asks for [`Engine::fill_task_document_types`].
const PENDING: &str = "fill_task_document_types";

/// Tasks read and written again per transaction.
const TASKS_AT_ONCE: i64 = 500;

impl<B: Backend> Engine<B> {
    /// Fills what a migration left pending (see the module's comment).
    pub(super) async fn fill_pending(&self) -> Result<()> {
        let ctx = "filling the types of the documents tasks cite";
        let mut c = self
            .b
            .reader()
            .acquire()
            .await
            .map_err(StoreError::db(ctx))?;
        let pending: Option<(String,)> = B::fetch_optional(
            &mut c,
            Sql::new("SELECT value FROM store_meta WHERE key = $1").bind(PENDING),
        )
        .await
        .map_err(StoreError::db(ctx))?;
        drop(c);
        if pending.is_some() {
            let tasks = self.fill_task_document_types().await?;
            tracing::info!(tasks, "filled the types of the documents tasks cite");
        }
        Ok(())
    }

    /// Writes every task's `task_documents` rows again from its body;
    /// returns the number of tasks read.
    async fn fill_task_document_types(&self) -> Result<u64> {
        let ctx = "filling the types of the documents tasks cite";
        let mut after: (i64, i64) = (i64::MIN, i64::MIN);
        let mut done = 0u64;
        loop {
            let mut tx = self.b.begin_write().await.map_err(StoreError::db(ctx))?;
            let mut q = Sql::build();
            // A task citing nothing has no rows, before or after (its
            // body's JSON writes the empty list so; a quote inside a string
            // is escaped, so no text can look like it).
            q.push("SELECT report_id, position, body FROM tasks WHERE (report_id > ")
                .param(after.0)
                .push(" OR (report_id = ")
                .param(after.0)
                .push(" AND position > ")
                .param(after.1)
                .push(")) AND body NOT LIKE '%\"documentReferences\":[]%' ")
                .push("ORDER BY report_id, position LIMIT ")
                .param(TASKS_AT_ONCE);
            let page: Vec<(i64, i64, String)> = B::fetch_all(&mut tx, q)
                .await
                .map_err(StoreError::db(ctx))?;
            let Some(&(last_report, last_position, _)) = page.last() else {
                // Every task is written: nothing is pending any more.
                B::execute(
                    &mut tx,
                    Sql::new("DELETE FROM store_meta WHERE key = $1").bind(PENDING),
                )
                .await
                .map_err(StoreError::db(ctx))?;
                tx.commit().await.map_err(StoreError::db(ctx))?;
                return Ok(done);
            };
            for (report_id, position, body) in &page {
                let task: Task = serde_json::from_str(body).map_err(|e| {
                    StoreError::corrupt(format!("{ctx}: task {position} of report {report_id}"), e)
                })?;
                B::execute(
                    &mut tx,
                    Sql::new("DELETE FROM task_documents WHERE report_id = $1 AND position = $2")
                        .bind(*report_id)
                        .bind(*position),
                )
                .await
                .map_err(StoreError::db(ctx))?;
                for (number, kind) in task_documents(&task) {
                    B::execute(
                        &mut tx,
                        Sql::new(
                            "INSERT INTO task_documents (report_id, position, number_key, type_key) \
                             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                        )
                        .bind(*report_id)
                        .bind(*position)
                        .bind(number)
                        .bind(kind),
                    )
                    .await
                    .map_err(StoreError::db(ctx))?;
                }
            }
            tx.commit().await.map_err(StoreError::db(ctx))?;
            done += page.len() as u64;
            after = (last_report, last_position);
        }
    }
}
