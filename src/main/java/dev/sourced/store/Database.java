package dev.sourced.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The database that is Sourced's source of truth: a SQLite file (the default, one process) or a PostgreSQL database
 * shared by several replicas ({@link Dialect}). SQLite: one write connection, so one writer at a time; PostgreSQL: a
 * few, the server ordering what conflicts. A few read connections besides (SQLite's
 * WAL lets them read while the writer writes). Pragmas are set explicitly on every SQLite connection; a PostgreSQL
 * connection that breaks is opened again for the next use. Numbered migrations are applied in order at open, in one
 * transaction: the store's own ({@link #CORE}), then those of the tables other packages keep in the same database
 * (the bot's), numbered after them. Each migration has one script per dialect.
 */
public final class Database implements AutoCloseable {
    /**
     * A numbered schema change: the script {@code migrations/NAME} next to {@code owner}'s class. A released script is
     * never edited; a new one is appended with the next number.
     */
    public record Migration(String name, Class<?> owner) {
        String script(Dialect dialect) {
            try (InputStream in = owner.getResourceAsStream("migrations/" + dialect.migrationFolder() + name)) {
                if (in == null) {
                    throw new StoreException("migration " + dialect.migrationFolder() + name + " is missing from the build");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new StoreException("cannot read migration " + name, e);
            }
        }
    }

    /** The name of the database file in the data directory. */
    public static final String FILE_NAME = "sourced.db";
    /** The store's own schema: documents, passages, outbox. */
    public static final List<Migration> CORE = List.of(new Migration("V001__core.sql", Database.class));
    private static final int READERS = 4;
    private static final int PG_WRITERS = 4;
    private static final int BUSY_TIMEOUT_MS = 5000;

    /** Work done with a connection inside a transaction or a read. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private final Target target;
    private final List<Migration> migrations;
    /** SQLite: one write connection, so one writer at a time. PostgreSQL: a few, the server orders what conflicts. */
    private final BlockingQueue<Connection> writers;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> opened = new ArrayList<>();
    /** The write connection this thread's transaction holds: a write inside a write joins its transaction. */
    private final ThreadLocal<Connection> writing = new ThreadLocal<>();

    private Database(Target target, List<Migration> migrations) {
        this.target = target;
        this.migrations = migrations;
        try {
            Files.createDirectories(target.localDir());
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + target.localDir() + ": " + e.getMessage(), e);
        }
        int writerCount = target.dialect() == Dialect.SQLITE ? 1 : PG_WRITERS;
        this.writers = new ArrayBlockingQueue<>(writerCount);
        writers.add(connect());
        try {
            migrate();
            for (int i = 1; i < writerCount; i++) {
                writers.add(connect());
            }
            for (int i = 0; i < READERS; i++) {
                readers.add(connect());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Opens (creating if needed) the database file and brings the store's schema up to date. */
    public static Database open(Path file) {
        return open(file, List.of());
    }

    /**
     * Opens a shared PostgreSQL database ({@code jdbc:postgresql://HOST:PORT/DATABASE}) and brings its schema up to
     * date, the store's migrations then {@code more}. {@code localDir} is this process's own directory (its index, its
     * lock). The password is used to connect and kept nowhere else.
     */
    public static Database openShared(String jdbcUrl, String user, String password, Path localDir, List<Migration> more) {
        Dialect dialect = Dialect.ofUrl(jdbcUrl);
        return new Database(new Target(dialect, null, jdbcUrl, user, password, localDir), numbered(more));
    }

    /**
     * Opens the database file and brings its schema up to date: the store's migrations, then {@code more}, which are
     * numbered after them ({@code V002__…}, {@code V003__…}).
     */
    public static Database open(Path file, List<Migration> more) {
        Path dir = file.toAbsolutePath().getParent();
        return new Database(new Target(Dialect.SQLITE, file, null, null, null, dir), numbered(more));
    }

    private static List<Migration> numbered(List<Migration> more) {
        List<Migration> all = new ArrayList<>(CORE);
        all.addAll(more);
        for (int v = 1; v <= all.size(); v++) {
            String expected = String.format("V%03d__", v);
            if (!all.get(v - 1).name().startsWith(expected)) {
                throw new IllegalArgumentException("more: migration " + all.get(v - 1).name() + " should be numbered " + expected);
            }
        }
        return List.copyOf(all);
    }

    /** The SQLite file; null for a shared PostgreSQL database. */
    public Path file() {
        return target.file();
    }

    /** This process's own directory: beside the SQLite file, or the one given with a shared database. */
    public Path localDir() {
        return target.localDir();
    }

    public Dialect dialect() {
        return target.dialect();
    }

    /** The database for messages: its file, or its URL without any parameters (they may hold a password). */
    public String describe() {
        return target.describe();
    }

    private Connection connect() {
        Connection c = target.connect();
        synchronized (opened) {
            opened.add(c);
        }
        return c;
    }

    /** How to reach the database. The password never leaves this record: its {@code toString} leaves it out. */
    private record Target(Dialect dialect, Path file, String url, String user, String password, Path localDir) {
        Connection connect() {
            try {
                if (dialect == Dialect.SQLITE) {
                    return sqlite(file);
                }
                Properties p = new Properties();
                if (user != null && !user.isBlank()) p.setProperty("user", user);
                if (password != null && !password.isEmpty()) p.setProperty("password", password);
                p.setProperty("ApplicationName", "sourced");
                p.setProperty("connectTimeout", "10");
                p.setProperty("tcpKeepAlive", "true");
                return DriverManager.getConnection(url, p);
            } catch (SQLException e) {
                throw translate(describe(), "cannot open the database", e);
            }
        }

        String describe() {
            return file != null ? file.toString() : url.replaceAll("[?].*", "");
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    private static Connection sqlite(Path file) throws SQLException {
        // a write transaction takes the write lock when it begins, not at its first write: a transaction that read
        // first and then wanted to write while another process wrote would fail at once instead of waiting its turn
        Properties p = new Properties();
        p.setProperty("transaction_mode", "IMMEDIATE");
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), p);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            s.execute("PRAGMA foreign_keys = ON");
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                rs.next();
            }
            s.execute("PRAGMA synchronous = NORMAL");
        }
        return c;
    }

    /**
     * A connection that is open: one closed after a broken link ({@link #dropIfBroken}) is opened again. No round trip
     * to check it: a broken link shows as an error of class 08 on its next use, and is replaced at the use after.
     */
    private Connection usable(Connection c) {
        try {
            if (c.isClosed()) {
                return target.connect();
            }
        } catch (SQLException e) {
            return target.connect();
        }
        return c;
    }

    /** Whether the error ended the session: its link broke (class 08), or the server ended it (57P01-57P03). */
    private static boolean linkBroken(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.startsWith("57P0");
    }

    /** Closes a connection whose link to the server broke (SQLState class 08), so that its next use opens a new one. */
    private void dropIfBroken(Connection c, SQLException e) {
        if (!linkBroken(e)) {
            return;
        }
        closeQuietly(c);
        // the server likely cut every session (a restart, a failover): the idle ones go too, rather than each failing once
        for (BlockingQueue<Connection> pool : List.of(readers, writers)) {
            List<Connection> idle = new ArrayList<>();
            pool.drainTo(idle);
            idle.forEach(Database::closeQuietly);
            pool.addAll(idle);
        }
    }

    /**
     * Runs {@code work} while holding the lock named {@code name} across every process on this database (a PostgreSQL
     * advisory lock on a connection of its own; SQLite serves one process, whose own lock suffices). For work made of
     * several transactions that only one replica should do, such as seeding an empty store.
     */
    public void exclusively(String name, Runnable work) {
        if (target.dialect() == Dialect.SQLITE) {
            synchronized (this) {
                work.run();
            }
            return;
        }
        try (Connection c = target.connect()) {
            try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
                s.setString(1, name);
                s.execute();
            }
            work.run(); // the lock goes with the connection, whatever happens
        } catch (SQLException e) {
            throw translate(describe(), "cannot take the lock " + name, e);
        }
    }

    /** Runs {@code work} in one write transaction: all of it is committed, or none of it. */
    public <T> T write(Work<T> work) {
        Connection held = writing.get();
        if (held != null) {
            try {
                return work.apply(held); // inside this thread's transaction: committed or rolled back with it
            } catch (SQLException e) {
                throw translate(describe(), "write failed", e);
            }
        }
        Connection c = take(writers);
        try {
            c = usable(c);
            writing.set(c);
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            dropIfBroken(c, e);
            throw translate(describe(), "write failed", e);
        } finally {
            writing.remove();
            writers.add(c);
        }
    }

    private static Connection take(BlockingQueue<Connection> pool) {
        try {
            return pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a database connection");
        }
    }

    /** Runs {@code work} on a read connection; it sees the last committed state. */
    public <T> T read(Work<T> work) {
        Connection c = take(readers);
        try {
            c = usable(c);
            return work.apply(c);
        } catch (SQLException e) {
            dropIfBroken(c, e);
            throw translate(describe(), "read failed", e);
        } finally {
            readers.add(c);
        }
    }

    /**
     * SQLite's {@code PRAGMA quick_check}: the structure of every page and index; empty when sound, else what SQLite
     * reports (the first lines).
     */
    public List<String> quickCheck() {
        if (target.dialect() == Dialect.POSTGRESQL) {
            return List.of(); // PostgreSQL checks its own pages; amcheck is an extension, not ours to install
        }
        try {
            List<String> rows = query("PRAGMA quick_check(20)", rs -> rs.getString(1));
            return rows.size() == 1 && rows.get(0).equals("ok") ? List.of() : rows;
        } catch (StoreException e) {
            return List.of(e.getMessage());
        }
    }

    private void migrate() {
        Dialect dialect = target.dialect();
        write(c -> {
            dialect.serializeMigrations(c);
            try (Statement s = c.createStatement()) {
                s.execute(dialect.migrationsTable());
            }
            int current;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM schema_migrations")) {
                rs.next();
                current = rs.getInt(1);
            }
            if (current > migrations.size()) {
                throw new StoreException("database " + describe() + " has schema version " + current
                        + ", newer than this build of Sourced knows (" + migrations.size() + "); upgrade Sourced");
            }
            for (int v = current + 1; v <= migrations.size(); v++) {
                Migration m = migrations.get(v - 1);
                for (String sql : statements(m.script(dialect))) {
                    try (Statement s = c.createStatement()) {
                        s.execute(sql);
                    }
                }
                Sql.update(c, "INSERT INTO schema_migrations(version, name) VALUES (?, ?)", v, m.name());
            }
            return null;
        });
    }

    /** Runs one INSERT, UPDATE or DELETE in a write transaction of its own; returns how many rows it changed. */
    public int update(String sql, Object... args) {
        return write(c -> Sql.update(c, sql, args));
    }

    /** Every row of a query, mapped. */
    public <T> List<T> query(String sql, Sql.Row<T> row, Object... args) {
        return read(c -> Sql.query(c, sql, row, args));
    }

    /** The first row of a query, mapped; empty when there is none. */
    public <T> Optional<T> first(String sql, Sql.Row<T> row, Object... args) {
        return read(c -> Sql.first(c, sql, row, args));
    }

    /** Splits a script on semicolons at line ends; scripts keep one statement per such terminator. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) {
                continue;
            }
            cur.append(line).append('\n');
            if (t.endsWith(";")) {
                out.add(cur.toString());
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString());
        }
        return out;
    }

    static StoreException translate(String file, String what, SQLException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (linkBroken(e)) {
            return new StoreException("database " + file + " cannot be reached (" + what + "): " + msg
                    + "; check SOURCED_DATABASE_URL and that the server runs", e);
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return new StoreException("database " + file + " refused the login (" + what + "); check SOURCED_DATABASE_USER"
                    + " and SOURCED_DATABASE_PASSWORD", e);
        }
        if (msg.contains("SQLITE_BUSY") || msg.contains("database is locked")) {
            return new StoreException("database " + file + " is locked by another process (" + what + "); stop the other Sourced process or try again", e);
        }
        if (msg.contains("SQLITE_NOTADB") || msg.contains("file is not a database")) {
            return new StoreException("database " + file + " is not a SQLite database (corrupt or wrong file); set SOURCED_DATA to another directory or restore it", e);
        }
        if (msg.contains("SQLITE_CORRUPT")) {
            return new StoreException("database " + file + " is corrupt: " + msg, e);
        }
        if (msg.contains("SQLITE_CANTOPEN") || msg.contains("SQLITE_READONLY")) {
            return new StoreException("database " + file + " cannot be opened for writing: " + msg, e);
        }
        return new StoreException("database " + file + ": " + what + ": " + msg, e);
    }

    @Override
    public void close() {
        synchronized (opened) {
            opened.forEach(Database::closeQuietly);
        }
        readers.forEach(Database::closeQuietly); // those opened again after a broken link
        writers.forEach(Database::closeQuietly);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing: nothing left to do
        }
    }
}
