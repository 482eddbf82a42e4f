-- baocao store, SQLite: one index entry less a stored observation.
--
-- The listing of observations filtered by neither indicator nor issuer is
-- now driven from the reports, newest first (reports_by_period), and each
-- report's observations by key, (report_id, position), which gives them in
-- order with no sort: an observation's sort columns are copies of its
-- report's. The index of every observation by period is then read by no
-- query: it goes, as on PostgreSQL (see ../../design.md, "Ingest
-- throughput").
DROP INDEX observations_by_period;
