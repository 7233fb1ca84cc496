package dev.sourced.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The command line run as a user runs it, over a data directory of the test's own, keeping what it printed. */
final class CliRun {
    final Map<String, String> env;
    String out = "";
    String err = "";

    /** The project's seed corpus, lexical retrieval only (fast to open), no FreeDict. */
    CliRun(Path data) {
        env = new HashMap<>();
        env.put("SOURCED_DATA", data.toString());
        env.put("SOURCED_CORPUS", Path.of("corpus").toAbsolutePath().toString());
        env.put("SOURCED_EMBEDDING", "none");
        env.put("SOURCED_FREEDICT", "false");
    }

    int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, env, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }
}
