package dev.sourced.store;

import dev.sourced.telegram.store.BotTables;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the store tests keep their data: a SQLite file in a temporary directory, or a fresh database of its own on the
 * test PostgreSQL server ({@link TestPostgres}). The same repositories and tests run on both.
 */
public final class TestStores {
    private TestStores() {
    }

    /** A database that can be opened, closed and opened again. */
    public record Location(Dialect dialect, Path dir, String url) {
        public Database open(List<Database.Migration> more) {
            return dialect == Dialect.SQLITE ? Database.open(dir.resolve("sourced.db"), more)
                    : Database.openShared(url, "postgres", "", dir, more);
        }

        public Database open() {
            return open(List.of());
        }

        /** With the bot's tables too, as Sourced opens it. */
        public Database openWithBotTables() {
            return open(BotTables.MIGRATIONS);
        }
    }

    /** A new, empty database of {@code dialect}; {@code dir} holds its file or this process's local files. */
    public static Location fresh(Dialect dialect, Path dir) {
        return new Location(dialect, dir, dialect == Dialect.POSTGRESQL ? TestPostgres.get().newDatabase() : null);
    }
}
