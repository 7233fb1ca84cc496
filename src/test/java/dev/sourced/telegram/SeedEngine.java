package dev.sourced.telegram;

import dev.sourced.app.Sourced;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real engine over the project's seed corpus ({@code ./corpus}), opened once for all the Telegram tests of a run
 * (ingesting and embedding takes seconds) and closed when the JVM exits. Each bot under test keeps its own tables in
 * a database of its own test, so tests never see each other's journal.
 */
public final class SeedEngine {
    static final Path SEED_CORPUS = Path.of("corpus").toAbsolutePath();
    private static Sourced engine;

    private SeedEngine() {
    }

    public static synchronized Sourced get() {
        if (engine == null) {
            engine = open(SEED_CORPUS);
        }
        return engine;
    }

    /** A new engine over {@code corpusDir}, in a temporary data directory deleted when the JVM exits. */
    static Sourced open(Path corpusDir) {
        try {
            Path data = Files.createTempDirectory("sourced-telegram-tests");
            Sourced e = Sourced.open(data, corpusDir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                e.close();
                delete(data);
            }));
            return e;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it eventually
        }
    }
}
