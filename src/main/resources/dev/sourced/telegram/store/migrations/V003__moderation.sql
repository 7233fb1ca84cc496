-- Moderation. Admins are named by SOURCED_ADMINS; the moderators they appoint are kept here, by Telegram user id.
CREATE TABLE mod_roles (
    user_id    INTEGER PRIMARY KEY,
    role       TEXT NOT NULL DEFAULT 'moderator' CHECK (role IN ('moderator')),
    granted_by INTEGER NOT NULL,
    granted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);

-- Every moderator action, and every refused attempt at one: who, what, when, which document, how it went.
CREATE TABLE mod_audit (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    user_id  INTEGER NOT NULL,
    chat_id  INTEGER NOT NULL DEFAULT 0,
    action   TEXT NOT NULL,
    doc_id   TEXT NOT NULL DEFAULT '',
    outcome  TEXT NOT NULL,
    detail   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mod_audit_latest ON mod_audit(id DESC);

-- Documents read and previewed but not yet confirmed; they survive a restart and expire unconfirmed.
CREATE TABLE mod_pending (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id    INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
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
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    expires_at TEXT NOT NULL
);
