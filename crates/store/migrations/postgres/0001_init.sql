-- baocao store, PostgreSQL. The same shape as the SQLite schema; the
-- reasons are in ../../design.md.

-- Settings the store keeps for itself: the key that signs page tokens.
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO store_meta (key, value)
VALUES ('page_token_key', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

-- Raw uploads, content-addressed: one copy of each distinct content.
CREATE TABLE uploads (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    content_sha256 TEXT NOT NULL UNIQUE,
    size           BIGINT NOT NULL,
    bytes          BYTEA NOT NULL
);

-- What became of each message id. A DUPLICATE row points at the first
-- outcome of the same content; exactly one non-duplicate row per upload.
CREATE TABLE ingestions (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id     TEXT NOT NULL UNIQUE,
    status         TEXT NOT NULL CHECK (status IN ('PARSED', 'REJECTED', 'DUPLICATE')),
    reason         TEXT NOT NULL DEFAULT '',
    upload_id      BIGINT NOT NULL REFERENCES uploads (id),
    duplicate_of   BIGINT REFERENCES ingestions (id),
    department     TEXT NOT NULL,
    filename       TEXT NOT NULL,
    content_type   TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    received_at    TIMESTAMPTZ NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL,
    CHECK ((status = 'DUPLICATE') = (duplicate_of IS NOT NULL))
);
CREATE UNIQUE INDEX ingestions_first_per_upload ON ingestions (upload_id) WHERE status <> 'DUPLICATE';
CREATE INDEX ingestions_by_duplicate_of ON ingestions (duplicate_of);

-- One row per parsed report. The columns are what queries filter and sort
-- on; `metadata` and `body` (sections, footnotes, references, quality
-- issues, normalized text) are the domain types as JSON.
CREATE TABLE reports (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ingestion_id    BIGINT NOT NULL UNIQUE REFERENCES ingestions (id),
    issuer          TEXT NOT NULL,
    issuer_key      TEXT NOT NULL,
    department      TEXT NOT NULL,
    document_number TEXT NOT NULL,
    issued_on       DATE,
    received_at     TIMESTAMPTZ NOT NULL,
    period_kind     TEXT,
    period_start    DATE,
    period_end      DATE,
    planning_kind   TEXT,
    planning_start  DATE,
    planning_end    DATE,
    sort_start      DATE NOT NULL,
    sort_end        DATE NOT NULL,
    head_key        TEXT,
    is_current      BOOLEAN NOT NULL DEFAULT TRUE,
    parser_version  TEXT NOT NULL CHECK (parser_version <> ''),
    metadata        TEXT NOT NULL,
    body            TEXT NOT NULL,
    stored_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX reports_by_period ON reports (sort_end DESC, sort_start DESC, id DESC);
CREATE INDEX reports_by_issuer ON reports (issuer_key, sort_end DESC, sort_start DESC, id DESC);
CREATE INDEX reports_by_department ON reports (department, sort_end DESC, sort_start DESC, id DESC);
CREATE INDEX reports_by_head ON reports (head_key);
CREATE INDEX reports_by_parser ON reports (parser_version, id);

CREATE TABLE observations (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id     BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    position      BIGINT NOT NULL,
    indicator     TEXT NOT NULL,
    breakdown_key TEXT NOT NULL,
    status        TEXT NOT NULL,
    period_kind   TEXT,
    period_start  DATE,
    period_end    DATE,
    issuer_key    TEXT NOT NULL,
    sort_start    DATE NOT NULL,
    sort_end      DATE NOT NULL,
    body          TEXT NOT NULL,
    UNIQUE (report_id, position)
);
CREATE INDEX observations_by_period ON observations (sort_end DESC, sort_start DESC, report_id DESC, position);
CREATE INDEX observations_by_indicator ON observations (indicator, sort_end DESC, sort_start DESC, report_id DESC, position);
CREATE INDEX observations_by_issuer ON observations (issuer_key, indicator, sort_end DESC, sort_start DESC, report_id DESC, position);

CREATE TABLE tasks (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id    BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    position     BIGINT NOT NULL,
    ordinal      BIGINT NOT NULL,
    period_kind  TEXT,
    period_start DATE,
    period_end   DATE,
    words        TEXT NOT NULL,
    issuer_key   TEXT NOT NULL,
    sort_start   DATE NOT NULL,
    sort_end     DATE NOT NULL,
    body         TEXT NOT NULL,
    UNIQUE (report_id, position)
);
CREATE INDEX tasks_by_period ON tasks (sort_end DESC, sort_start DESC, report_id DESC, position);
CREATE INDEX tasks_by_issuer ON tasks (issuer_key, sort_end DESC, sort_start DESC, report_id DESC, position);
CREATE INDEX tasks_by_ordinal ON tasks (report_id, ordinal, position);

CREATE TABLE task_topics (
    report_id BIGINT NOT NULL,
    position  BIGINT NOT NULL,
    topic     TEXT NOT NULL,
    PRIMARY KEY (topic, report_id, position),
    FOREIGN KEY (report_id, position) REFERENCES tasks (report_id, position) ON DELETE CASCADE
);
CREATE INDEX task_topics_by_task ON task_topics (report_id, position);

CREATE TABLE task_documents (
    report_id  BIGINT NOT NULL,
    position   BIGINT NOT NULL,
    number_key TEXT NOT NULL,
    PRIMARY KEY (number_key, report_id, position),
    FOREIGN KEY (report_id, position) REFERENCES tasks (report_id, position) ON DELETE CASCADE
);
CREATE INDEX task_documents_by_task ON task_documents (report_id, position);

-- Searchable passages: section text outside tasks, tasks, footnotes. `words`
-- is the folded text as space-separated tokens; `tsv` indexes them with the
-- `simple` configuration (no stemming, no stop words: the words are already
-- folded, and Vietnamese has no inflection).
CREATE TABLE search_docs (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_id      BIGINT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    section_number TEXT NOT NULL,
    section_path   TEXT NOT NULL,
    base           BIGINT NOT NULL,
    text           TEXT NOT NULL,
    words          TEXT NOT NULL,
    tsv            TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, words)) STORED
);
CREATE INDEX search_docs_by_report ON search_docs (report_id);
CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv);
