package dev.sourced.telegram.store;

import dev.sourced.store.Database;
import dev.sourced.store.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Telegram bot's journal of updates. An update is recorded (by its {@code update_id}) before it is processed and
 * marked done once its reply is sent: at start the bot re-processes the recorded-but-not-done updates, and an update
 * the server sends again is recognised and not processed twice. For a reply of several messages the journal also keeps
 * how many were sent, so that a re-processed update sends only the rest.
 */
public final class UpdateJournal {
    /** An update to record: its id, the chat it belongs to (0 if none) and its JSON. */
    public record Incoming(long updateId, long chatId, String payload) {
    }

    /** A recorded update that is not done yet. */
    public record Entry(long updateId, long chatId, String payload, int partsSent) {
    }

    private final Database db;

    public UpdateJournal(Database db) {
        this.db = db;
    }

    /**
     * Records the updates in one transaction and returns those recorded now, in the given order. Updates already in
     * the journal (pending or done) are left out: they were or are being processed.
     */
    public List<Entry> record(List<Incoming> updates) {
        if (updates.isEmpty()) {
            return List.of();
        }
        return db.write(c -> {
            List<Entry> fresh = new ArrayList<>(updates.size());
            for (Incoming u : updates) {
                if (Sql.update(c, "INSERT OR IGNORE INTO tg_updates(update_id, chat_id, payload) VALUES (?, ?, ?)",
                        u.updateId(), u.chatId(), u.payload()) == 1) {
                    fresh.add(new Entry(u.updateId(), u.chatId(), u.payload(), 0));
                }
            }
            return fresh;
        });
    }

    /** The updates recorded but not done, oldest first. */
    public List<Entry> pending() {
        return db.query("SELECT update_id, chat_id, payload, parts_sent FROM tg_updates WHERE state = 'pending' ORDER BY update_id",
                rs -> new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)));
    }

    /** The update as journaled now (its parts sent included), empty if it was never recorded. */
    public Optional<Entry> entry(long updateId) {
        return db.first("SELECT update_id, chat_id, payload, parts_sent FROM tg_updates WHERE update_id = ?",
                rs -> new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)), updateId);
    }

    /**
     * Notes, in a transaction of its own, that the first {@code parts} messages of the update's reply were sent. Called
     * right after Telegram accepts each message, so that a crash re-sends at most the message in flight.
     */
    public void partsSent(long updateId, int parts) {
        db.update("UPDATE tg_updates SET parts_sent = ? WHERE update_id = ?", parts, updateId);
    }

    /** Marks the update done; {@code outcome} says briefly what became of it (for operators). */
    public void done(long updateId, String outcome) {
        db.update("UPDATE tg_updates SET state = 'done', outcome = ?, done_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')"
                + " WHERE update_id = ?", outcome, updateId);
    }

    /** The state of one update ("pending" or "done"), empty if it was never recorded. */
    public Optional<String> state(long updateId) {
        return db.first("SELECT state FROM tg_updates WHERE update_id = ?", rs -> rs.getString(1), updateId);
    }

    /** How many updates are pending. */
    public int pendingCount() {
        return db.first("SELECT count(*) FROM tg_updates WHERE state = 'pending'", rs -> rs.getInt(1)).orElseThrow();
    }

    /** Forgets done updates recorded more than {@code days} days ago; the server never re-sends updates that old. */
    public int pruneDone(int days) {
        return db.update("DELETE FROM tg_updates WHERE state = 'done' AND received_at < strftime('%Y-%m-%dT%H:%M:%fZ','now', ?)",
                "-" + days + " days");
    }

    /** Stores a small fact about the running bot (e.g. the time of the last successful poll). */
    public void putStatus(String key, String value) {
        db.update("INSERT INTO tg_status(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                key, value);
    }

    public Optional<String> status(String key) {
        return db.first("SELECT value FROM tg_status WHERE key = ?", rs -> rs.getString(1), key);
    }
}
