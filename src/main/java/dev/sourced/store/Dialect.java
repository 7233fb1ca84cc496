package dev.sourced.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What differs between the two databases Sourced keeps its state in: SQLite (the embedded default, one process) and
 * PostgreSQL (shared by several replicas). Everything else, the repositories' SQL included, is written once in the
 * subset both speak ({@code ON CONFLICT}, {@code LIMIT ?}, text timestamps in one fixed format).
 */
public enum Dialect {
    SQLITE("", "strftime('%Y-%m-%dT%H:%M:%fZ','now')",
            "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)", ""),
    POSTGRESQL("postgresql/", "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')",
            "CAST(extract(epoch FROM clock_timestamp()) * 1000 AS BIGINT)", " FOR UPDATE SKIP LOCKED");

    private final String migrationFolder;
    private final String now;
    private final String nowMillis;
    private final String skipLocked;

    Dialect(String migrationFolder, String now, String nowMillis, String skipLocked) {
        this.migrationFolder = migrationFolder;
        this.now = now;
        this.nowMillis = nowMillis;
        this.skipLocked = skipLocked;
    }

    /** Where this dialect's scripts are, under a package's {@code migrations/} folder. */
    String migrationFolder() {
        return migrationFolder;
    }

    /** An SQL expression for the database's current time as text, {@code 2026-12-02T08:30:00.123Z}. */
    public String now() {
        return now;
    }

    /**
     * An SQL expression for the database's current time in epoch milliseconds. Leases are compared with it, so that
     * replicas on several machines agree on one clock (the database's).
     */
    public String nowMillis() {
        return nowMillis;
    }

    /**
     * What follows a SELECT that claims rows among concurrent claimers: {@code FOR UPDATE SKIP LOCKED} on PostgreSQL;
     * nothing on SQLite, whose one writer runs claims one after the other.
     */
    public String skipLocked() {
        return skipLocked;
    }

    /**
     * Makes transactions that append to the outbox commit in the order of their sequence numbers. PostgreSQL hands
     * out sequence numbers at insert and commits in any order, so a reader could see seq 11 before 10 commits and skip
     * 10 for ever; a table lock held to the commit orders them. SQLite has one writer already.
     */
    void orderOutboxAppends(Connection c) throws SQLException {
        if (this == POSTGRESQL) {
            try (Statement s = c.createStatement()) {
                s.execute("LOCK TABLE outbox IN SHARE ROW EXCLUSIVE MODE");
            }
        }
    }

    /** Makes concurrent migrations (several replicas starting at once) run one after the other. */
    void serializeMigrations(Connection c) throws SQLException {
        if (this == POSTGRESQL) {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(7301560)");
            }
        }
    }

    /** The table of applied migrations, created if missing. */
    String migrationsTable() {
        return "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                + " applied_at TEXT NOT NULL DEFAULT (" + now + "))";
    }

    static Dialect ofUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        throw new StoreException("SOURCED_DATABASE_URL: expected jdbc:postgresql://HOST:PORT/DATABASE, got "
                + jdbcUrl.replaceAll("[?].*", "?…"));
    }
}
