package dev.sourced.cli;

import dev.sourced.botsim.BotBenchmark;
import dev.sourced.botsim.CorpusQuestions;
import dev.sourced.botsim.ReplicaBenchmark;
import dev.sourced.config.Config;
import dev.sourced.store.StoredDocument;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.sourced.store.Database;
import dev.sourced.telegram.store.BotTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code sourced bench-bot [--questions FILE.jsonl] [--chats N] [--rate Q] [--repeat-questions] [--replicas N]}: the
 * bot driven through a local Bot API server, in this JVM or as N replica JVMs, with distinct questions (those of
 * FILE, else questions made from the corpus's passages). {@link Main} opens Sourced and hands over what it needs.
 */
final class BenchBot {
    /** The shared store of replicas, passed to each as it is (never printed: it may hold credentials). */
    static final List<String> DATABASE_ENV = List.of("SOURCED_DATABASE_URL", "SOURCED_DATABASE_USER", "SOURCED_DATABASE_PASSWORD");

    /** {@code replicas}: 0 runs the bot in this JVM; {@code questionsFile}: null makes questions from the corpus. */
    record Args(int replicas, Path questionsFile, BotBenchmark.Options options) {
    }

    private BenchBot() {
    }

    /** The crash soak ({@code --kill-every}, {@code --rounds}) has options of its own. */
    static boolean isSoak(List<String> args) {
        return args.contains("--kill-every") || args.contains("--rounds");
    }

    static Args parse(List<String> args, Map<String, String> env) {
        BotBenchmark.Options o = BotBenchmark.Options.DEFAULT;
        int replicas = 0;
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--repeat-questions")) {
                o = o.withRepeats(true);
                continue;
            }
            if (i + 1 >= args.size()) throw new Main.UsageException("bench-bot: " + a + " needs a value");
            String v = args.get(++i);
            try {
                switch (a) {
                    case "--questions" -> file = Path.of(v);
                    case "--chats" -> o = o.withChats(positive(a, Integer.parseInt(v)));
                    case "--rate" -> o = o.withPacedRate(positive(a, Double.parseDouble(v)));
                    case "--replicas" -> replicas = positive(a, Integer.parseInt(v));
                    default -> throw new Main.UsageException("bench-bot: unknown option " + a);
                }
            } catch (NumberFormatException e) {
                throw new Main.UsageException("bench-bot: " + a + " " + v + " is not a number");
            }
        }
        if (replicas > 1 && env.getOrDefault("SOURCED_DATABASE_URL", "").isBlank()) {
            throw new Main.UsageException("bench-bot: --replicas N > 1 needs a shared PostgreSQL: set SOURCED_DATABASE_URL");
        }
        return new Args(replicas, file, o);
    }

    private static <N extends Number> N positive(String option, N n) {
        if (n.doubleValue() <= 0) throw new Main.UsageException("bench-bot: " + option + " must be positive");
        return n;
    }

    /** The questions to ask: those of the file, else as many as the run needs made from the documents' passages. */
    static List<String> questions(Args a, List<StoredDocument> docs) {
        if (a.questionsFile() != null) {
            return Evaluation.read(a.questionsFile()).stream().map(Evaluation.Item::question).toList();
        }
        List<CorpusQuestions.Source> sources = docs.stream().map(d -> new CorpusQuestions.Source(d.text(), d.language())).toList();
        List<String> qs = CorpusQuestions.from(sources, a.options().questionsNeeded());
        if (qs.isEmpty()) throw new dev.sourced.config.ConfigException("bench-bot: the corpus is empty: nothing to ask");
        return qs;
    }

    /** The bot in this JVM over the opened engine. */
    static int inProcess(BotBenchmark.Subject subject, List<String> questions, Args a, PrintStream out) {
        try {
            BotBenchmark.Result r = BotBenchmark.run(subject, questions, a.options(), out);
            out.println("machine: " + Bench.machine());
            return r.correct() ? 0 : 1;
        } catch (Exception e) {
            if (e instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e);
        }
    }

    /**
     * N replicas, each a child JVM with its data directory (its index) under a new temporary directory, the store of
     * SOURCED_DATABASE_URL when set, and SOURCED_REPLICA=replica-K. {@code seedAndAsk} opens the store with the first
     * replica's environment (ingesting the corpus into it when it is empty) before any replica starts, and returns the
     * questions to ask.
     */
    static int replicas(Config config, Args a, Function<Map<String, String>, List<String>> seedAndAsk, PrintStream out) {
        Path root;
        try {
            root = Files.createTempDirectory("sourced-bench-replicas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            List<Map<String, String>> envs = replicaEnvironments(config, a.replicas(), root);
            boolean shared = envs.get(0).containsKey("SOURCED_DATABASE_URL");
            out.println("replicas' data directories under " + root + " (deleted afterwards); store: " + (shared
                    ? "the PostgreSQL of SOURCED_DATABASE_URL (shared; the corpus is ingested into it when it is empty)"
                    : "SQLite in the replica's data directory"));
            if (shared) {
                refuseUsedJournal(envs.get(0), root);
            }
            List<String> questions = seedAndAsk.apply(envs.get(0));
            ReplicaBenchmark.Result r = ReplicaBenchmark.run(Commands.botProcess(), envs, questions, a.options(), out);
            out.println("machine: " + Bench.machine());
            return r.correct() ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            if (e instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e);
        } finally {
            Bench.deleteTree(root);
        }
    }

    /**
     * The local Bot API server numbers its updates anew at each run, so a journal from an earlier run would take them
     * for updates already answered: the shared database must hold no journaled update.
     */
    private static void refuseUsedJournal(Map<String, String> env, Path root) {
        try (Database db = Database.openShared(env.get("SOURCED_DATABASE_URL"), env.get("SOURCED_DATABASE_USER"),
                env.get("SOURCED_DATABASE_PASSWORD"), root.resolve("probe"), BotTables.MIGRATIONS)) {
            int journaled = db.first("SELECT count(*) FROM tg_updates", rs -> rs.getInt(1)).orElse(0);
            if (journaled > 0) {
                throw new Main.UsageException("bench-bot --replicas: the database of SOURCED_DATABASE_URL already journals "
                        + journaled + " updates (an earlier run or a real bot); give it an empty database");
            }
        }
    }

    /**
     * Each replica's environment: this one's, with a data directory of its own under {@code root}, the corpus, the
     * shared store's settings as they are, and SOURCED_REPLICA=replica-K.
     */
    static List<Map<String, String>> replicaEnvironments(Config config, int replicas, Path root) {
        List<Map<String, String>> envs = new ArrayList<>();
        for (int k = 1; k <= replicas; k++) {
            Map<String, String> env = new HashMap<>(config.environment());
            try {
                env.put("SOURCED_DATA", Files.createDirectories(root.resolve("replica-" + k)).toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            env.put("SOURCED_CORPUS", config.corpusDir().toAbsolutePath().toString());
            env.put("SOURCED_REPLICA", "replica-" + k);
            for (String name : DATABASE_ENV) {
                String v = config.environment().get(name);
                if (v != null) env.put(name, v);
            }
            envs.add(env);
        }
        return envs;
    }
}
