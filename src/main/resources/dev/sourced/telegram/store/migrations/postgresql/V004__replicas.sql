-- Replicas. Any replica's worker claims a pending update for a bounded time (lease_until, epoch ms of the database's
-- clock); only the oldest pending update of a chat can be claimed, so each chat is answered in order. A claim whose
-- replica died is taken over once its lease has passed.
ALTER TABLE tg_updates ADD COLUMN claimed_by TEXT;
ALTER TABLE tg_updates ADD COLUMN lease_until BIGINT NOT NULL DEFAULT 0;
CREATE INDEX tg_updates_pending_chat ON tg_updates(chat_id, update_id) WHERE state = 'pending';

-- Named leases held by one replica at a time, such as the right to long-poll Telegram ("poller").
CREATE TABLE leases (
    name     TEXT PRIMARY KEY,
    holder   TEXT NOT NULL,
    until_ms BIGINT NOT NULL
);

-- Each reader's questions over the last minute (epoch ms, comma-separated), the last of them, and until when the
-- rate-limit notice was given, so that every replica applies the same limit.
CREATE TABLE tg_rate (
    user_id      BIGINT PRIMARY KEY,
    times        TEXT NOT NULL DEFAULT '',
    last_ms      BIGINT NOT NULL DEFAULT 0,
    notice_until BIGINT NOT NULL DEFAULT 0
);
