package dev.sourced.botsim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One bot replica: a child JVM running {@code sourced bot} with an environment of its own, its output in a log file.
 * It is ready once it says it runs ({@code sourced bot} prints "bot @NAME running over N documents").
 */
final class Replica implements AutoCloseable {
    /** What {@code sourced bot} prints once the bot runs. */
    static final String RUNNING = " running over ";
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final Path log;

    private Replica(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static Replica start(String name, List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new Replica(name, pb.start(), log);
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** Waits until the replica runs; fails when it stops first or takes longer than {@code timeout}. */
    void awaitRunning(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(log, StandardCharsets.UTF_8).contains(RUNNING)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped (exit code " + process.exitValue()
                        + ") before it ran; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not start within " + timeout.toSeconds() + " s; see " + log);
            }
            Thread.sleep(200);
        }
    }

    /** Stops the replica as SIGTERM does (it finishes what it was doing), killing it if it takes too long. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills it at once: the benchmark itself is being stopped. */
    void kill() {
        process.destroyForcibly();
    }
}
