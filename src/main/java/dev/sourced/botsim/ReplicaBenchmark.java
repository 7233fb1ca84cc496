package dev.sourced.botsim;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sourced bench-bot --replicas N}: N bot replicas, each a child JVM ({@code sourced bot}) with its own data
 * directory and index, all behind one local Bot API server, driven by simulated readers asking distinct questions.
 * Reports, as a reader sees it, questions answered per second and the latency from posting a question to the server to
 * the server receiving the reply's sendMessage, and whether a question was lost or answered twice. The first replica
 * is running before the others start (it opens the store the corpus was ingested into); the replicas share whatever
 * store their environment names (SOURCED_DATABASE_URL), coordinating through it.
 */
public final class ReplicaBenchmark {
    /**
     * One phase. {@code p50Ms}, {@code p99Ms}, {@code maxMs}: question posted → reply received by the server;
     * {@code repeated}: questions asked that had been asked before in the run.
     */
    public record Phase(String name, int questions, int answered, double seconds, double questionsPerSecond, double p50Ms,
                        double p99Ms, double maxMs, int lost, int duplicated, long repeated) {
    }

    /** What was measured. */
    public record Result(int replicas, int chats, List<Phase> phases) {
        public Result {
            phases = List.copyOf(phases);
        }

        public boolean correct() {
            return phases.stream().allMatch(p -> p.lost() == 0 && p.duplicated() == 0);
        }
    }

    private static final String TOKEN = "100001:replica-benchmark-token";
    private static final long FIRST_CHAT_ID = 6_000_000L;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final double SUSTAINABLE_SHARE = 0.8;

    private ReplicaBenchmark() {
    }

    /**
     * Runs the benchmark. {@code botCommand} starts one replica (a JVM running {@code sourced bot}); {@code replicaEnvs}
     * holds each replica's environment (data directory, store, SOURCED_REPLICA), to which the token, the local server's
     * URL and no rate limit are added; {@code questions} are the distinct questions to ask.
     */
    public static Result run(List<String> botCommand, List<Map<String, String>> replicaEnvs, List<String> questions,
                             BotBenchmark.Options options, PrintStream out) throws Exception {
        QuestionPool pool = new QuestionPool(questions);
        out.printf(Locale.ROOT, "bench-bot: %d replica(s), each a JVM running the bot; %d cores here%n", replicaEnvs.size(),
                Runtime.getRuntime().availableProcessors());
        BotBenchmark.Options o = BotBenchmark.plan(options, pool.size(), out);
        List<Replica> replicas = new ArrayList<>();
        Thread killOnExit = Thread.ofPlatform().unstarted(() -> replicas.forEach(Replica::kill));
        Runtime.getRuntime().addShutdownHook(killOnExit);
        try (LocalBotApiServer server = LocalBotApiServer.start(TOKEN)) {
            Replies replies = new Replies();
            server.onMessage(replies::received);
            for (int k = 0; k < replicaEnvs.size(); k++) {
                Map<String, String> env = new HashMap<>(replicaEnvs.get(k));
                env.put("TELEGRAM_BOT_TOKEN", TOKEN);
                env.put("SOURCED_TELEGRAM_API_URL", server.url().toString());
                env.put("SOURCED_RATE_LIMIT_PER_MINUTE", "0");
                String name = env.getOrDefault("SOURCED_REPLICA", "replica-" + (k + 1));
                Path log = Files.createTempFile("sourced-bench-" + name + "-", ".log");
                replicas.add(Replica.start(name, botCommand, env, log));
                out.printf(Locale.ROOT, "%s starting; log %s%n", name, log);
                if (k == 0) {
                    replicas.get(0).awaitRunning(START_TIMEOUT); // the first one opens the store before the others
                }
            }
            for (Replica r : replicas) {
                r.awaitRunning(START_TIMEOUT);
            }
            out.printf(Locale.ROOT, "%d replica(s) running%n", replicas.size());
            Readers readers = new Readers(server, replies, Readers.chats(o.chats(), FIRST_CHAT_ID), pool);
            readers.closedLoop(o.warmupQuestionsPerChat());
            List<Phase> phases = new ArrayList<>();
            Phase saturated = measure("saturated", readers, replies, () -> readers.closedLoop(o.questionsPerChat()));
            report(saturated, out);
            phases.add(saturated);
            double rate = saturated.questionsPerSecond() < o.pacedRate()
                    ? Math.max(1, Math.floor(saturated.questionsPerSecond() * SUSTAINABLE_SHARE)) : o.pacedRate();
            Duration pacedFor = o.allowRepeats() ? options.pacedFor() : pool.pacedFor(rate, options.pacedFor());
            Phase paced = measure(String.format(Locale.ROOT, "paced at %.0f q/s", rate), readers, replies,
                    () -> readers.paced(rate, pacedFor));
            report(paced, out);
            phases.add(paced);
            Result result = new Result(replicas.size(), o.chats(), phases);
            out.printf(Locale.ROOT, "%s; no question lost or answered twice: %s%n",
                    pool.repeats() == 0 ? "every question asked once" : pool.repeats() + " questions asked again",
                    result.correct() ? "OK" : "FAIL");
            return result;
        } finally {
            for (Replica r : replicas) {
                r.close();
            }
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        }
    }

    @FunctionalInterface
    private interface Asking {
        List<Integer> run() throws Exception;
    }

    private static Phase measure(String name, Readers readers, Replies replies, Asking asking) throws Exception {
        long repeatsBefore = readers.questions().repeats();
        long t0 = System.nanoTime();
        List<Integer> asked = asking.run();
        replies.awaitAll(asked, Readers.REPLY_TIMEOUT);
        double seconds = Math.max(1e-9, (replies.lastReplyNanos() - t0) / 1e9);
        long repeated = readers.questions().repeats() - repeatsBefore;
        readers.sentinels();
        int lost = (int) asked.stream().filter(id -> replies.count(id) == 0).count();
        int duplicated = (int) asked.stream().filter(id -> replies.count(id) > 1).count();
        int answered = asked.size() - lost;
        long[] nanos = replies.endToEndNanos(asked).stream().mapToLong(Long::longValue).sorted().toArray();
        return new Phase(name, asked.size(), answered, seconds, answered / seconds, percentileMs(nanos, 0.50),
                percentileMs(nanos, 0.99), nanos.length == 0 ? 0 : nanos[nanos.length - 1] / 1e6, lost, duplicated, repeated);
    }

    /** The nearest-rank percentile of sorted nanoseconds, in milliseconds (0 when there are none). */
    static double percentileMs(long[] sorted, double q) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)] / 1e6;
    }

    private static void report(Phase p, PrintStream out) {
        out.printf(Locale.ROOT, "%s: answered %d of %d questions in %.2f s = %.1f questions/s; end to end (question posted"
                        + " → reply received) p50 %.1f ms, p99 %.1f ms, max %.1f ms; lost %d, twice %d; %s%n",
                p.name(), p.answered(), p.questions(), p.seconds(), p.questionsPerSecond(), p.p50Ms(), p.p99Ms(), p.maxMs(),
                p.lost(), p.duplicated(), p.repeated() == 0 ? "every question distinct" : p.repeated() + " questions repeated");
    }
}
