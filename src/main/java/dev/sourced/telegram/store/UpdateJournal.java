package dev.sourced.telegram.store;

import dev.sourced.store.Database;
import dev.sourced.store.Dialect;
import dev.sourced.store.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The Telegram bot's journal of updates. An update is recorded (by its {@code update_id}) before it is processed and
 * marked done once its reply is sent: an update the server sends again (or sends to two replicas) is recognised and not
 * processed twice. For a reply of several messages the journal also keeps how many were sent, so that a re-processed
 * update sends only the rest.
 *
 * <p>Updates are processed by whoever {@linkplain #claim claims} them: a replica's worker holds a claim for a lease
 * (renewed while it works), and only the oldest pending update of a chat can be claimed, so each chat is answered in
 * order whichever replica answers. A claim whose replica died is taken over once its lease has passed.
 */
public final class UpdateJournal {
    /** An update to record: its id, the chat it belongs to (0 if none) and its JSON. */
    public record Incoming(long updateId, long chatId, String payload) {
    }

    /** A recorded update that is not done yet. */
    public record Entry(long updateId, long chatId, String payload, int partsSent) {
    }

    /** The replica name of a process that runs alone on its database (the SQLite default). */
    public static final String LOCAL = "local";

    private final Database db;
    private final String owner;

    /**
     * The name a replica claims updates in on {@code db}: {@link #LOCAL} on a SQLite file, which one bot holds alone
     * (its lock file sees to that), else {@code replica}.
     */
    public static String ownerOn(Database db, String replica) {
        return db.dialect() == Dialect.SQLITE ? LOCAL : replica;
    }

    /** The journal as a lone process sees it (claims in its name are its own). */
    public UpdateJournal(Database db) {
        this(db, LOCAL);
    }

    /** The journal as replica {@code owner} sees it: its claims are made, renewed and released in that name. */
    public UpdateJournal(Database db, String owner) {
        this.db = db;
        this.owner = owner;
    }

    /**
     * Claims, for {@code lease}, up to {@code max} updates that no live claim holds and that are the oldest pending
     * update of their chat; returns them oldest first. Concurrent claimers (other replicas) never get the same update.
     */
    public List<Entry> claim(Duration lease, int max) {
        if (max <= 0) {
            return List.of();
        }
        String now = db.dialect().nowMillis();
        return db.write(c -> {
            List<Entry> got = Sql.query(c, "SELECT u.update_id, u.chat_id, u.payload, u.parts_sent FROM tg_updates u"
                    + " WHERE u.state = 'pending' AND u.lease_until < " + now
                    + " AND NOT EXISTS (SELECT 1 FROM tg_updates e WHERE e.state = 'pending' AND e.chat_id = u.chat_id"
                    + " AND e.update_id < u.update_id) ORDER BY u.update_id LIMIT ?" + db.dialect().skipLocked(),
                    rs -> new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)), max);
            List<Object[]> rows = new ArrayList<>(got.size());
            for (Entry e : got) {
                rows.add(new Object[] {owner, lease.toMillis(), e.updateId()});
            }
            Sql.batch(c, "UPDATE tg_updates SET claimed_by = ?, lease_until = " + now + " + ? WHERE update_id = ?", rows);
            return got;
        });
    }

    /** Extends the lease of these updates, those of them this replica still holds; returns how many it extended. */
    public int renewClaims(Collection<Long> updateIds, Duration lease) {
        List<Object[]> rows = new ArrayList<>(updateIds.size());
        for (Long id : updateIds) {
            rows.add(new Object[] {lease.toMillis(), owner, id});
        }
        return db.write(c -> {
            Sql.batch(c, "UPDATE tg_updates SET lease_until = " + db.dialect().nowMillis() + " + ?"
                    + " WHERE claimed_by = ? AND state = 'pending' AND update_id = ?", rows);
            return rows.size();
        });
    }

    /**
     * Gives back the pending updates this replica holds (it stops, or it starts again after a crash), so that they are
     * claimed again at once rather than after their lease; returns how many.
     */
    public int releaseClaims() {
        return db.update("UPDATE tg_updates SET claimed_by = NULL, lease_until = 0 WHERE claimed_by = ? AND state = 'pending'",
                owner);
    }

    /** Whether this replica still holds the claim on a pending update (false once another replica took it over). */
    public boolean holds(long updateId) {
        if (LOCAL.equals(owner) && db.dialect() == Dialect.SQLITE) {
            return true; // alone on its file: no other process claims, and a lapsed claim is never dispatched twice here
        }
        return db.first("SELECT claimed_by FROM tg_updates WHERE update_id = ? AND state = 'pending'",
                rs -> owner.equals(rs.getString(1)), updateId).orElse(false);
    }

    /** The replica that claimed the update last (the one that answered it, once done); empty if none did. */
    public Optional<String> claimedBy(long updateId) {
        return db.first("SELECT claimed_by FROM tg_updates WHERE update_id = ?", rs -> rs.getString(1), updateId);
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
                if (Sql.update(c, "INSERT INTO tg_updates(update_id, chat_id, payload) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
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
        db.update("UPDATE tg_updates SET state = 'done', outcome = ?, done_at = " + db.dialect().now()
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
        return db.update("DELETE FROM tg_updates WHERE state = 'done' AND received_at < ?",
                Sql.timestamp(Instant.now().minus(Duration.ofDays(days))));
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
