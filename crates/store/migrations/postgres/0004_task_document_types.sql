-- baocao store, PostgreSQL: the type of each document a task cites.
--
-- A number written alone ("Chỉ thị số 11") is only told from another
-- type's ("Nghị quyết số 11") by its type, and a law cited by name has a
-- type and no number: ListTasks filters on `type_key` too. The key (see
-- ../../design.md, "The types of cited documents") is a Rust function of
-- the parsed reference, so the rows stored before this migration keep an
-- empty type here and are filled from their tasks' bodies by the store
-- when it next opens, as the `store_meta` row below asks.
ALTER TABLE task_documents ADD COLUMN type_key TEXT NOT NULL DEFAULT '';
ALTER TABLE task_documents ALTER COLUMN type_key DROP DEFAULT;
ALTER TABLE task_documents DROP CONSTRAINT task_documents_pkey;
ALTER TABLE task_documents ADD PRIMARY KEY (number_key, type_key, report_id, position);
INSERT INTO store_meta (key, value)
SELECT 'fill_task_document_types', 'pending' WHERE EXISTS (SELECT 1 FROM tasks);
