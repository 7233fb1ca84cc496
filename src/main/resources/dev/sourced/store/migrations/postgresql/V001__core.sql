-- PostgreSQL twin of ../V001__core.sql: the same tables and columns. Timestamps are text in one fixed format
-- (2026-12-02T08:30:00.123Z) as in SQLite, so that the repositories' SQL and their comparisons are the same on both.
CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    outlet        TEXT NOT NULL DEFAULT '',
    url           TEXT NOT NULL DEFAULT '',
    language      TEXT NOT NULL,
    published     TEXT NOT NULL DEFAULT '',
    origin        TEXT NOT NULL DEFAULT '',
    format        TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    text_hash     TEXT NOT NULL,
    raw_text      TEXT NOT NULL,
    text          TEXT NOT NULL,
    removed_lines TEXT NOT NULL DEFAULT '[]',
    created_at    TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    updated_at    TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    removed_at    TEXT
);
CREATE INDEX documents_text_hash ON documents(text_hash);

CREATE TABLE passages (
    id         BIGSERIAL PRIMARY KEY,
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    heading    TEXT NOT NULL DEFAULT '',
    context    TEXT NOT NULL DEFAULT '',
    embedding  BYTEA,
    model      TEXT NOT NULL DEFAULT '',
    UNIQUE (doc_id, ord)
);

-- Appended under a table lock held to the commit (Dialect.orderOutboxAppends), so that entries become visible in the
-- order of their seq and an index that applied seq N never misses an entry below it.
CREATE TABLE outbox (
    seq        BIGSERIAL PRIMARY KEY,
    doc_id     TEXT NOT NULL,
    op         TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    created_at TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
);
