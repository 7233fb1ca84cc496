-- Documents of the corpus: the stored (cleaned) text, the raw text it came from, and its metadata.
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
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    removed_at    TEXT
);
CREATE INDEX documents_text_hash ON documents(text_hash);

-- Passages: spans of a document's stored text, with the embedding computed at ingest (never recomputed at start-up).
CREATE TABLE passages (
    id         INTEGER PRIMARY KEY,
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    heading    TEXT NOT NULL DEFAULT '',
    context    TEXT NOT NULL DEFAULT '',
    embedding  BLOB,
    model      TEXT NOT NULL DEFAULT '',
    UNIQUE (doc_id, ord)
);

-- Changes the Lucene index has to apply, in order. The index commit records the last seq it applied.
CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id     TEXT NOT NULL,
    op         TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
