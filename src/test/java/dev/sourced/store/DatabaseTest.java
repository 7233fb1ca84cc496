package dev.sourced.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** The database, SQLite and PostgreSQL alike: numbered migrations from several packages, and the one-statement helpers. */
class DatabaseTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void migrationsOfAnotherPackageAreNumberedAfterTheStoresAndAppliedOnceToAnExistingDatabase(Dialect dialect) {
        TestStores.Location at = TestStores.fresh(dialect, dir);
        try (Database db = at.open()) {
            assertThat(versions(db)).containsExactly("1 V001__core.sql");
        }
        List<Database.Migration> more = List.of(new Database.Migration("V002__test.sql", DatabaseTest.class));
        try (Database db = at.open(more)) {
            db.update("INSERT INTO test_notes(note) VALUES (?)", "kept");
        }
        try (Database db = at.open(more)) {
            assertThat(versions(db)).containsExactly("1 V001__core.sql", "2 V002__test.sql");
            assertThat(db.query("SELECT note FROM test_notes", rs -> rs.getString(1))).containsExactly("kept");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aDatabaseMigratedFurtherThanThisBuildKnowsIsRefused(Dialect dialect) {
        TestStores.Location at = TestStores.fresh(dialect, dir);
        try (Database db = at.open(List.of(new Database.Migration("V002__test.sql", DatabaseTest.class)))) {
            assertThat(versions(db)).hasSize(2);
        }
        assertThatThrownBy(at::open).isInstanceOf(StoreException.class).hasMessageContaining("newer");
    }

    @Test
    void aMigrationOutOfNumberIsRefusedNamingIt() {
        assertThatThrownBy(() -> Database.open(dir.resolve("s.db"), List.of(new Database.Migration("V003__test.sql", DatabaseTest.class))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("V003__test.sql").hasMessageContaining("V002__");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theHelpersBindEveryKindOfArgumentAndMapRows(Dialect dialect) {
        try (Database db = TestStores.fresh(dialect, dir).open(List.of(new Database.Migration("V002__test.sql", DatabaseTest.class)))) {
            assertThat(db.update("INSERT INTO test_notes(note, n, flag, data) VALUES (?, ?, ?, ?)", "a", 7L, true, new byte[] {1, 2}))
                    .isEqualTo(1);
            db.update("INSERT INTO test_notes(note, n, flag, data) VALUES (?, ?, ?, ?)", null, 8, false, null);
            assertThat(db.first("SELECT n, flag, octet_length(data) FROM test_notes WHERE note = ?",
                    rs -> rs.getLong(1) + "/" + rs.getInt(2) + "/" + rs.getInt(3), "a")).contains("7/1/2");
            assertThat(db.first("SELECT note FROM test_notes WHERE note = ?", rs -> rs.getString(1), "none")).isEmpty();
            assertThat(db.query("SELECT n FROM test_notes ORDER BY n", rs -> rs.getInt(1))).containsExactly(7, 8);
            assertThat(db.update("DELETE FROM test_notes WHERE flag = ?", false)).isEqualTo(1);
            db.write(c -> {
                Sql.batch(c, "INSERT INTO test_notes(note, n) VALUES (?, ?)", List.of(new Object[] {"b", 9}, new Object[] {"c", 10}));
                return null;
            });
            assertThat(db.query("SELECT note FROM test_notes WHERE n > ? ORDER BY n", rs -> rs.getString(1), 8)).containsExactly("b", "c");
            assertThatThrownBy(() -> db.update("DELETE FROM test_notes WHERE n = ?", new Object()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("args[0]");
        }
    }

    @Test
    void aConnectionThePostgresServerCutIsOpenedAgainAndTheErrorSaysWhatHappened() {
        TestStores.Location at = TestStores.fresh(Dialect.POSTGRESQL, dir);
        try (Database db = at.open(); Database admin = at.open()) {
            db.update("INSERT INTO outbox(doc_id, op) VALUES (?, ?)", "a", "upsert");
            // the server ends every other session of this database (a restart, a failover, an idle timeout would too)
            admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid()", rs -> rs.getBoolean(1));
            assertThatThrownBy(() -> db.update("INSERT INTO outbox(doc_id, op) VALUES (?, ?)", "b", "upsert"))
                    .isInstanceOf(StoreException.class).hasMessageContaining("cannot be reached");
            db.update("INSERT INTO outbox(doc_id, op) VALUES (?, ?)", "c", "upsert");
            assertThat(db.query("SELECT doc_id FROM outbox ORDER BY seq", rs -> rs.getString(1))).containsExactly("a", "c");
        }
    }

    private static List<String> versions(Database db) {
        return db.query("SELECT version, name FROM schema_migrations ORDER BY version", rs -> rs.getInt(1) + " " + rs.getString(2));
    }
}
