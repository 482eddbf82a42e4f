-- baocao store, SQLite: cheaper ingestion. The reasons and the
-- measurements are in ../../design.md ("Ingest throughput").

-- Indexes no query uses: a task by ordinal is found through its report's
-- tasks (the (report_id, position) key); reports not parsed by a version
-- are found by id ("<>" cannot use an index on the version).
DROP INDEX tasks_by_ordinal;
DROP INDEX reports_by_parser;
