-- Telegram front end. Every update is journaled by update_id before it is processed and marked done once its reply
-- is sent, so that a restart neither loses a question nor answers it twice.
CREATE TABLE tg_updates (
    update_id   INTEGER PRIMARY KEY,
    chat_id     INTEGER NOT NULL,
    payload     TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done')),
    parts_sent  INTEGER NOT NULL DEFAULT 0,
    outcome     TEXT NOT NULL DEFAULT '',
    received_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    done_at     TEXT
);
CREATE INDEX tg_updates_pending ON tg_updates(update_id) WHERE state = 'pending';

-- Chats the bot has talked with; inactive once Telegram answered 403 (blocked, kicked), active again on a new message.
CREATE TABLE tg_chats (
    chat_id    INTEGER PRIMARY KEY,
    type       TEXT NOT NULL DEFAULT '',
    active     INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);

-- The recent questions of each chat, the context of a follow-up. Cleared by /new.
CREATE TABLE tg_turns (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id    INTEGER NOT NULL,
    update_id  INTEGER NOT NULL UNIQUE,
    question   TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX tg_turns_chat ON tg_turns(chat_id, id);

-- Answers as sent, so that buttons (context, more sources, feedback) work after a restart and a re-processed
-- update sends the very same reply.
CREATE TABLE tg_answers (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    update_id  INTEGER NOT NULL UNIQUE,
    chat_id    INTEGER NOT NULL,
    lang       TEXT NOT NULL,
    question   TEXT NOT NULL,
    body       TEXT NOT NULL,
    abstained  INTEGER NOT NULL,
    citations  TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);

-- Readers' thumbs up (1) or down (-1) on an answer; one vote per reader and answer, the last one counts.
CREATE TABLE tg_feedback (
    answer_id  INTEGER NOT NULL REFERENCES tg_answers(id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL,
    vote       INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    PRIMARY KEY (answer_id, user_id)
);

-- Small facts about the running bot, such as the time of the last successful getUpdates.
CREATE TABLE tg_status (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
