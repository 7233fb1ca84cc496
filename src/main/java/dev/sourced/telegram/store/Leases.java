package dev.sourced.telegram.store;

import dev.sourced.store.Database;
import java.time.Duration;
import java.util.Optional;

/**
 * Named leases in the shared store, each held by one replica at a time until it lapses: the right to long-poll
 * Telegram ("poller"), for example. A holder renews its lease well before it lapses; a replica that dies stops
 * renewing, and another takes the lease over once it has lapsed. Times are the database's, so replicas on machines
 * whose clocks differ still agree.
 */
public final class Leases {
    /** Who holds a lease, and whether it is still live. */
    public record Holder(String name, boolean live) {
    }

    /** The right to long-poll Telegram: one replica polls, all answer. */
    public static final String POLLER = "poller";

    private final Database db;

    public Leases(Database db) {
        this.db = db;
    }

    /**
     * Takes lease {@code name} for {@code holder} for {@code ttl}, or renews it if {@code holder} has it already; true
     * when {@code holder} holds it now, false when another holder's lease is still live.
     */
    public boolean acquire(String name, String holder, Duration ttl) {
        String now = db.dialect().nowMillis();
        return db.update("INSERT INTO leases(name, holder, until_ms) VALUES (?, ?, " + now + " + ?)"
                + " ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, until_ms = excluded.until_ms"
                + " WHERE leases.holder = excluded.holder OR leases.until_ms < " + now, name, holder, ttl.toMillis()) == 1;
    }

    /** Gives the lease up if {@code holder} has it, so that another replica can take it at once. */
    public void release(String name, String holder) {
        db.update("DELETE FROM leases WHERE name = ? AND holder = ?", name, holder);
    }

    /** Who last took the lease, and whether that lease is still live; empty if nobody ever took it. */
    public Optional<Holder> holder(String name) {
        return db.first("SELECT holder, CASE WHEN until_ms >= " + db.dialect().nowMillis() + " THEN 1 ELSE 0 END"
                + " FROM leases WHERE name = ?", rs -> new Holder(rs.getString(1), rs.getInt(2) == 1), name);
    }
}
