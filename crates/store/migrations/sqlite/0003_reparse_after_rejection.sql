-- baocao store: content known only from rejections is processed again.
--
-- Until now the first outcome of a content was final for every later
-- message with the same bytes, so a department that fixed a missing
-- x-department header or a wrong content type and sent the file again got
-- DUPLICATE of the rejection. Now only a PARSED outcome makes later
-- messages duplicates; a content rejected so far gets an outcome of its own
-- for each new message id (stored once: the upload row is shared). At most
-- one PARSED ingestion per upload, any number of rejections.
DROP INDEX ingestions_first_per_upload;
CREATE UNIQUE INDEX ingestions_parsed_per_upload ON ingestions (upload_id) WHERE status = 'PARSED';
