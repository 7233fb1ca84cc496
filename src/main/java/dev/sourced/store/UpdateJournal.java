package dev.sourced.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR IGNORE INTO tg_updates(update_id, chat_id, payload) VALUES (?, ?, ?)")) {
                for (Incoming u : updates) {
                    ps.setLong(1, u.updateId());
                    ps.setLong(2, u.chatId());
                    ps.setString(3, u.payload());
                    if (ps.executeUpdate() == 1) {
                        fresh.add(new Entry(u.updateId(), u.chatId(), u.payload(), 0));
                    }
                }
            }
            return fresh;
        });
    }

    /** The updates recorded but not done, oldest first. */
    public List<Entry> pending() {
        return db.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT update_id, chat_id, payload, parts_sent FROM tg_updates"
                    + " WHERE state = 'pending' ORDER BY update_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)));
                }
            }
            return out;
        });
    }

    /** Notes that the first {@code parts} messages of the update's reply were sent. */
    public void partsSent(long updateId, int parts) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tg_updates SET parts_sent = ? WHERE update_id = ?")) {
                ps.setInt(1, parts);
                ps.setLong(2, updateId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Marks the update done; {@code outcome} says briefly what became of it (for operators). */
    public void done(long updateId, String outcome) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tg_updates SET state = 'done', outcome = ?,"
                    + " done_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE update_id = ?")) {
                ps.setString(1, outcome);
                ps.setLong(2, updateId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The state of one update ("pending" or "done"), empty if it was never recorded. */
    public Optional<String> state(long updateId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT state FROM tg_updates WHERE update_id = ?")) {
                ps.setLong(1, updateId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** How many updates are pending. */
    public int pendingCount() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tg_updates WHERE state = 'pending'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Forgets done updates recorded more than {@code days} days ago; the server never re-sends updates that old. */
    public int pruneDone(int days) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tg_updates WHERE state = 'done'"
                    + " AND received_at < strftime('%Y-%m-%dT%H:%M:%fZ','now', ?)")) {
                ps.setString(1, "-" + days + " days");
                return ps.executeUpdate();
            }
        });
    }

    /** Stores a small fact about the running bot (e.g. the time of the last successful poll). */
    public void putStatus(String key, String value) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tg_status(key, value) VALUES (?, ?)"
                    + " ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<String> status(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM tg_status WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
