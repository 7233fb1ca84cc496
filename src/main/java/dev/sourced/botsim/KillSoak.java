package dev.sourced.botsim;

import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A soak run outside CI: the bot runs as a child process against a local Bot API server while readers ask at a steady
 * rate, and is killed with SIGKILL every {@link Options#killEvery()} and started again, {@link Options#rounds()} times.
 * At the end every question should have exactly one reply: reports how many were sent, answered, lost and answered
 * more than once.
 */
public final class KillSoak {
    private static final String TOKEN = "424242:soak-token";
    private static final long FIRST_CHAT_ID = 7_000_000L;
    private static final Duration SETTLE = Duration.ofSeconds(90);

    /** @param killEvery time between two kills; @param rounds kills; @param chats readers; @param rate questions/s in all */
    public record Options(Duration killEvery, int rounds, int chats, double rate) {
        public static final Options DEFAULT = new Options(Duration.ofSeconds(5), 30, 60, 20);
    }

    /** What the run gave. {@code duplicated}: questions answered more than once (extra replies counted once each). */
    public record Result(int sent, int answered, int lost, int duplicated, int kills) {
        public boolean correct() {
            return lost == 0 && duplicated <= kills;
        }
    }

    private KillSoak() {
    }

    /**
     * Runs the soak. {@code botCommand} starts the bot (a JVM running {@code sourced bot}); {@code botEnv} is its
     * environment (its data directory, corpus and models), to which the token, the server's URL and no rate limit are
     * added.
     */
    public static Result run(List<String> botCommand, Map<String, String> botEnv, List<String> questions, Options o,
                             PrintStream out) throws Exception {
        if (questions.isEmpty()) {
            throw new IllegalStateException("the corpus is empty: nothing to ask");
        }
        try (LocalBotApiServer server = LocalBotApiServer.start(TOKEN)) {
            Map<String, String> env = new HashMap<>(botEnv);
            env.put("TELEGRAM_BOT_TOKEN", TOKEN);
            env.put("SOURCED_TELEGRAM_API_URL", server.url().toString());
            env.put("SOURCED_RATE_LIMIT_PER_MINUTE", "0");
            Path log = Files.createTempFile("sourced-soak-bot", ".log");
            out.printf(Locale.ROOT, "soak: %d chats, %.0f questions/s, SIGKILL every %d ms, %d rounds; bot log %s%n",
                    o.chats(), o.rate(), o.killEvery().toMillis(), o.rounds(), log);
            List<ChatRef> chats = new ArrayList<>();
            List<Person> readers = new ArrayList<>();
            for (int i = 0; i < o.chats(); i++) {
                Person p = new Person(FIRST_CHAT_ID + i, "Soak" + i, i % 2 == 0 ? "fr" : "en");
                readers.add(p);
                chats.add(ChatRef.privateWith(p));
            }
            Map<Long, List<Integer>> asked = new ConcurrentHashMap<>();
            AtomicBoolean asking = new AtomicBoolean(true);
            AtomicInteger sent = new AtomicInteger();
            Thread driver = Thread.ofPlatform().name("soak-readers").start(() -> {
                long pauseNanos = (long) (1e9 / o.rate());
                long next = System.nanoTime();
                int i = 0;
                while (asking.get()) {
                    int c = i % chats.size();
                    int id = server.send(chats.get(c), readers.get(c), questions.get(i % questions.size()));
                    asked.computeIfAbsent(chats.get(c).id(), k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(id);
                    sent.incrementAndGet();
                    i++;
                    next += pauseNanos;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
            Process bot = start(botCommand, env, log);
            int kills = 0;
            try {
                for (int r = 0; r < o.rounds(); r++) {
                    Thread.sleep(o.killEvery().toMillis());
                    bot.destroyForcibly();
                    bot.waitFor();
                    kills++;
                    out.printf(Locale.ROOT, "kill %d/%d: %d questions sent, %d replies so far%n", kills, o.rounds(),
                            sent.get(), server.allMessages().size());
                    bot = start(botCommand, env, log);
                }
                asking.set(false);
                driver.join();
                long deadline = System.nanoTime() + SETTLE.toNanos();
                while (System.nanoTime() < deadline && unanswered(server, asked) > 0) {
                    Thread.sleep(500);
                }
            } finally {
                asking.set(false);
                bot.destroy();
                if (!bot.waitFor(15, TimeUnit.SECONDS)) {
                    bot.destroyForcibly();
                }
            }
            Result result = count(server, asked, kills);
            out.printf(Locale.ROOT, "updates sent %d, answered %d, lost %d, duplicated %d, kills %d: %s%n", result.sent(),
                    result.answered(), result.lost(), result.duplicated(), result.kills(),
                    result.correct() ? "OK (duplicates within one per kill)" : "FAIL");
            return result;
        }
    }

    private static Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb.start();
    }

    private static int unanswered(LocalBotApiServer server, Map<Long, List<Integer>> asked) {
        int missing = 0;
        for (var e : asked.entrySet()) {
            var replied = server.messages(e.getKey()).stream().map(SentMessage::replyTo).filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.toSet());
            List<Integer> ids;
            synchronized (e.getValue()) {
                ids = List.copyOf(e.getValue());
            }
            for (Integer id : ids) {
                if (!replied.contains(id)) missing++;
            }
        }
        return missing;
    }

    private static Result count(LocalBotApiServer server, Map<Long, List<Integer>> asked, int kills) {
        int sent = 0;
        int answered = 0;
        int lost = 0;
        int duplicated = 0;
        for (var e : asked.entrySet()) {
            Map<Integer, Integer> replies = new HashMap<>();
            for (SentMessage m : server.messages(e.getKey())) {
                if (m.replyTo() != null) replies.merge(m.replyTo(), 1, Integer::sum);
            }
            List<Integer> ids;
            synchronized (e.getValue()) {
                ids = List.copyOf(e.getValue());
            }
            for (Integer id : ids) {
                sent++;
                int n = replies.getOrDefault(id, 0);
                if (n == 0) lost++;
                else answered++;
                if (n > 1) duplicated += n - 1;
            }
        }
        return new Result(sent, answered, lost, duplicated, kills);
    }
}
