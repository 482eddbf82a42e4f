-- baocao store, SQLite: the type of each document a task cites.
--
-- A number written alone ("Chỉ thị số 11") is only told from another
-- type's ("Nghị quyết số 11") by its type, and a law cited by name has a
-- type and no number: ListTasks filters on `type_key` too. The key (see
-- ../../design.md, "The types of cited documents") is a Rust function of
-- the parsed reference, so the rows stored before this migration keep an
-- empty type here and are filled from their tasks' bodies by the store
-- when it next opens, as the `store_meta` row below asks.
CREATE TABLE task_documents_typed (
    report_id  INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    number_key TEXT NOT NULL,
    type_key   TEXT NOT NULL,
    PRIMARY KEY (number_key, type_key, report_id, position),
    FOREIGN KEY (report_id, position) REFERENCES tasks (report_id, position) ON DELETE CASCADE
);
INSERT INTO task_documents_typed (report_id, position, number_key, type_key)
SELECT report_id, position, number_key, '' FROM task_documents;
DROP TABLE task_documents;
ALTER TABLE task_documents_typed RENAME TO task_documents;
CREATE INDEX task_documents_by_task ON task_documents (report_id, position);
INSERT INTO store_meta (key, value)
SELECT 'fill_task_document_types', 'pending' WHERE EXISTS (SELECT 1 FROM tasks);
