-- PostgreSQL twin of ../V003__moderation.sql.
CREATE TABLE mod_roles (
    user_id    BIGINT PRIMARY KEY,
    role       TEXT NOT NULL DEFAULT 'moderator' CHECK (role IN ('moderator')),
    granted_by BIGINT NOT NULL,
    granted_at TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
);

CREATE TABLE mod_audit (
    id       BIGSERIAL PRIMARY KEY,
    at       TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    user_id  BIGINT NOT NULL,
    chat_id  BIGINT NOT NULL DEFAULT 0,
    action   TEXT NOT NULL,
    doc_id   TEXT NOT NULL DEFAULT '',
    outcome  TEXT NOT NULL,
    detail   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mod_audit_latest ON mod_audit(id DESC);

CREATE TABLE mod_pending (
    id         BIGSERIAL PRIMARY KEY,
    chat_id    BIGINT NOT NULL,
    user_id    BIGINT NOT NULL,
    doc_id     TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    outlet     TEXT NOT NULL DEFAULT '',
    url        TEXT NOT NULL DEFAULT '',
    language   TEXT NOT NULL DEFAULT '',
    published  TEXT NOT NULL DEFAULT '',
    origin     TEXT NOT NULL DEFAULT '',
    format     TEXT NOT NULL,
    text       TEXT NOT NULL,
    notes      TEXT NOT NULL DEFAULT '',
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'confirmed', 'cancelled')),
    created_at TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    expires_at TEXT NOT NULL
);
