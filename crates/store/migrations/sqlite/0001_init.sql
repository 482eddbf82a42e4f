-- baocao store, SQLite. The reasons for this shape are in ../../design.md.

-- Settings the store keeps for itself: the key that signs page tokens.
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO store_meta (key, value) VALUES ('page_token_key', lower(hex(randomblob(32))));

-- Raw uploads, content-addressed: one copy of each distinct content.
CREATE TABLE uploads (
    id             INTEGER PRIMARY KEY,
    content_sha256 TEXT NOT NULL UNIQUE,
    size           INTEGER NOT NULL,
    bytes          BLOB NOT NULL
);

-- What became of each message id. A DUPLICATE row points at the first
-- outcome of the same content; exactly one non-duplicate row per upload.
CREATE TABLE ingestions (
    id             INTEGER PRIMARY KEY,
    message_id     TEXT NOT NULL UNIQUE,
    status         TEXT NOT NULL CHECK (status IN ('PARSED', 'REJECTED', 'DUPLICATE')),
    reason         TEXT NOT NULL DEFAULT '',
    upload_id      INTEGER NOT NULL REFERENCES uploads (id),
    duplicate_of   INTEGER REFERENCES ingestions (id),
    department     TEXT NOT NULL,
    filename       TEXT NOT NULL,
    content_type   TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    received_at    DATETIME NOT NULL,
    recorded_at    DATETIME NOT NULL,
    CHECK ((status = 'DUPLICATE') = (duplicate_of IS NOT NULL))
);
CREATE UNIQUE INDEX ingestions_first_per_upload ON ingestions (upload_id) WHERE status <> 'DUPLICATE';

-- One row per parsed report. The columns are what queries filter and sort
-- on; `metadata` and `body` (sections, footnotes, references, quality
-- issues, normalized text) are the domain types as JSON.
CREATE TABLE reports (
    id              INTEGER PRIMARY KEY,
    ingestion_id    INTEGER NOT NULL UNIQUE REFERENCES ingestions (id),
    issuer          TEXT NOT NULL,
    issuer_key      TEXT NOT NULL,
    department      TEXT NOT NULL,
    document_number TEXT NOT NULL,
    issued_on       DATE,
    received_at     DATETIME NOT NULL,
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
    stored_at       DATETIME NOT NULL
);
CREATE INDEX reports_by_period ON reports (sort_end DESC, sort_start DESC, id DESC);
CREATE INDEX reports_by_issuer ON reports (issuer_key, sort_end DESC, sort_start DESC, id DESC);
CREATE INDEX reports_by_department ON reports (department, sort_end DESC, sort_start DESC, id DESC);
CREATE INDEX reports_by_head ON reports (head_key);
CREATE INDEX reports_by_parser ON reports (parser_version, id);

CREATE TABLE observations (
    id            INTEGER PRIMARY KEY,
    report_id     INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
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
    id           INTEGER PRIMARY KEY,
    report_id    INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    ordinal      INTEGER NOT NULL,
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
    report_id INTEGER NOT NULL,
    position  INTEGER NOT NULL,
    topic     TEXT NOT NULL,
    PRIMARY KEY (topic, report_id, position),
    FOREIGN KEY (report_id, position) REFERENCES tasks (report_id, position) ON DELETE CASCADE
);
CREATE INDEX task_topics_by_task ON task_topics (report_id, position);

CREATE TABLE task_documents (
    report_id  INTEGER NOT NULL,
    position   INTEGER NOT NULL,
    number_key TEXT NOT NULL,
    PRIMARY KEY (number_key, report_id, position),
    FOREIGN KEY (report_id, position) REFERENCES tasks (report_id, position) ON DELETE CASCADE
);
CREATE INDEX task_documents_by_task ON task_documents (report_id, position);

-- Searchable passages: section text outside tasks, tasks, footnotes. `words`
-- is the folded text as space-separated tokens; the FTS5 index is built on
-- it by the triggers below.
CREATE TABLE search_docs (
    id             INTEGER PRIMARY KEY,
    report_id      INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    section_number TEXT NOT NULL,
    section_path   TEXT NOT NULL,
    base           INTEGER NOT NULL,
    text           TEXT NOT NULL,
    words          TEXT NOT NULL
);
CREATE INDEX search_docs_by_report ON search_docs (report_id);

CREATE VIRTUAL TABLE search_fts USING fts5 (
    words,
    content = 'search_docs',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER search_docs_insert AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_fts (rowid, words) VALUES (new.id, new.words);
END;
CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_fts (search_fts, rowid, words) VALUES ('delete', old.id, old.words);
END;
