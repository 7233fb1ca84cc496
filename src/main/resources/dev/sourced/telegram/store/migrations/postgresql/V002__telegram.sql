-- PostgreSQL twin of ../V002__telegram.sql. Telegram's ids (updates, chats, users) need 64 bits.
CREATE TABLE tg_updates (
    update_id   BIGINT PRIMARY KEY,
    chat_id     BIGINT NOT NULL,
    payload     TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done')),
    parts_sent  INTEGER NOT NULL DEFAULT 0,
    outcome     TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    done_at     TEXT
);
CREATE INDEX tg_updates_pending ON tg_updates(update_id) WHERE state = 'pending';

CREATE TABLE tg_chats (
    chat_id    BIGINT PRIMARY KEY,
    type       TEXT NOT NULL DEFAULT '',
    active     INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
);

CREATE TABLE tg_turns (
    id         BIGSERIAL PRIMARY KEY,
    chat_id    BIGINT NOT NULL,
    update_id  BIGINT NOT NULL UNIQUE,
    question   TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
);
CREATE INDEX tg_turns_chat ON tg_turns(chat_id, id);

CREATE TABLE tg_answers (
    id         BIGSERIAL PRIMARY KEY,
    update_id  BIGINT NOT NULL UNIQUE,
    chat_id    BIGINT NOT NULL,
    lang       TEXT NOT NULL,
    question   TEXT NOT NULL,
    body       TEXT NOT NULL,
    abstained  INTEGER NOT NULL,
    citations  TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
);

CREATE TABLE tg_feedback (
    answer_id  BIGINT NOT NULL REFERENCES tg_answers(id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL,
    vote       INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    created_at TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    PRIMARY KEY (answer_id, user_id)
);

CREATE TABLE tg_status (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
