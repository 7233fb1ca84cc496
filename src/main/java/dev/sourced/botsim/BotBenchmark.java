package dev.sourced.botsim;

import dev.sourced.answer.Answer;
import dev.sourced.answer.Answerer;
import dev.sourced.answer.CorpusView;
import dev.sourced.answer.DocumentSummary;
import dev.sourced.answer.Question;
import dev.sourced.corpus.Lang;
import dev.sourced.store.Database;
import dev.sourced.telegram.BotConfig;
import dev.sourced.telegram.BotMetrics;
import dev.sourced.telegram.CorpusOverview;
import dev.sourced.telegram.TelegramBot;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives the bot through a {@link LocalBotApiServer} with many concurrent chats asking questions about the corpus, and
 * reports questions answered per second, the reply latency inside the bot (update received → sendMessage issued) and
 * whether any question was lost or answered twice. The whole bot runs for real: long polling, journal, per-chat queues,
 * the answerer, formatting, sendMessage; the local server and the simulated readers share the machine with it.
 *
 * <p>Each run has two phases: <b>saturated</b>, each chat asks its next question as soon as the previous one is answered
 * (the most the bot can answer per second; latency then is mostly waiting in line), and <b>paced</b>, questions arrive
 * at a fixed rate spread over the chats (the latency a reader sees at that load): the target rate, or 80% of the
 * saturated rate if the bot cannot keep up with the target. The bot runs twice: with the real answerer, then
 * <b>alone</b>, each distinct question answered once by the real answerer and its answer replayed, which shows what
 * the bot itself costs apart from computing answers.
 */
public final class BotBenchmark {
    /** How hard to drive the bot. */
    public record Options(int chats, int questionsPerChat, int warmupQuestionsPerChat, double pacedRate, Duration pacedFor,
                          boolean botAlone) {
        public static final Options DEFAULT = new Options(100, 20, 10, 200, Duration.ofSeconds(10), true);
    }

    /** One phase: questions asked and answered, seconds, answered per second, latency inside the bot. */
    public record Phase(String name, int questions, int answered, double seconds, double questionsPerSecond, double p50Ms,
                        double p99Ms, double maxMs, int lost, int duplicated) {
    }

    /** What was measured, phase by phase. */
    public record Result(int chats, int cores, List<Phase> phases) {
        public Result {
            phases = List.copyOf(phases);
        }

        public boolean correct() {
            return phases.stream().allMatch(p -> p.lost() == 0 && p.duplicated() == 0);
        }
    }

    private static final String TOKEN = "100000:benchmark-token";
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(120);
    private static final long FIRST_CHAT_ID = 5_000_000L;
    /** When the target rate is out of reach, the paced phase runs at this share of the saturated rate. */
    private static final double SUSTAINABLE_SHARE = 0.8;

    private BotBenchmark() {
    }

    /**
     * Runs with {@link Options#DEFAULT} and prints the report. The bot's own tables (journal, answers…) go to a
     * temporary database, deleted afterwards: the benchmark leaves no trace in the real store.
     */
    public static Result run(Answerer answerer, CorpusView corpus, PrintStream out) throws Exception {
        return run(answerer, corpus, Options.DEFAULT, out);
    }

    public static Result run(Answerer answerer, CorpusView corpus, Options options, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("sourced-bench-bot");
        try (Database db = dev.sourced.telegram.store.BotTables.open(dir.resolve("bot.db"))) {
            return run(answerer, corpus, db, options, out);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Runs with the bot's tables in {@code db}. */
    public static Result run(Answerer answerer, CorpusView corpus, Database db, Options options, PrintStream out) throws Exception {
        List<String> questions = questions(corpus.documents());
        if (questions.isEmpty()) {
            throw new IllegalStateException("the corpus is empty: nothing to ask");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "bench-bot: %d chats, %d distinct questions about %d documents; %d cores, Java %s%n",
                options.chats(), questions.size(), corpus.documents().size(), cores, Runtime.version());
        try (LocalBotApiServer server = LocalBotApiServer.start(TOKEN)) {
            Replies replies = new Replies();
            server.onMessage(replies::received);
            List<ChatRef> chats = new ArrayList<>();
            for (int i = 0; i < options.chats(); i++) {
                chats.add(ChatRef.privateWith(new Person(FIRST_CHAT_ID + i, "Reader" + i, i % 2 == 0 ? "fr" : "en")));
            }
            Driver driver = new Driver(server, replies, chats, questions);
            BotConfig config = BotConfig.of(TOKEN).withApiUrl(server.url()).withRateLimitPerMinute(0).withPollTimeoutSeconds(10);
            List<Phase> phases = new ArrayList<>(runBot("with the answerer", TelegramBot.start(config, answerer, corpus, db),
                    driver, replies, options, true, out));
            if (options.botAlone()) {
                phases.addAll(runBot("bot alone (answers replayed)", TelegramBot.start(config, new ReplayedAnswers(answerer),
                        corpus, db), driver, replies, options, false, out));
            }
            Result r = new Result(options.chats(), cores, phases);
            out.printf(Locale.ROOT, "no question lost or answered twice: %s%n", r.correct() ? "OK" : "FAIL");
            return r;
        }
    }

    /** Warms the bot up, then measures it saturated and paced; closes it. */
    private static List<Phase> runBot(String label, TelegramBot started, Driver driver, Replies replies, Options options,
                                      boolean capRate, PrintStream out) throws Exception {
        try (TelegramBot bot = started) {
            driver.closedLoop(options.warmupQuestionsPerChat());
            Phase saturated = measure(label + ", saturated", bot, replies, driver, () -> driver.closedLoop(options.questionsPerChat()));
            report(saturated, out);
            double rate = capRate && saturated.questionsPerSecond() < options.pacedRate()
                    ? Math.floor(saturated.questionsPerSecond() * SUSTAINABLE_SHARE) : options.pacedRate();
            Phase paced = measure(String.format(Locale.ROOT, "%s, paced at %.0f q/s", label, rate), bot, replies, driver,
                    () -> driver.paced(rate, options.pacedFor()));
            report(paced, out);
            return List.of(saturated, paced);
        }
    }

    /** Answers each distinct question (and reader language) once with the real answerer, then replays that answer. */
    private static final class ReplayedAnswers implements Answerer {
        private final Answerer answerer;
        private final Map<String, Answer> answers = new ConcurrentHashMap<>();

        ReplayedAnswers(Answerer answerer) {
            this.answerer = answerer;
        }

        @Override
        public Answer ask(Question q) {
            return answers.computeIfAbsent(q.fallbackLang() + "|" + q.text(), k -> answerer.ask(q));
        }
    }

    /** Asks questions and returns the ids of the messages asked. */
    @FunctionalInterface
    private interface Load {
        List<Integer> run() throws Exception;
    }

    private static Phase measure(String name, TelegramBot bot, Replies replies, Driver driver, Load load) throws Exception {
        bot.metrics().resetLatencies();
        long t0 = System.nanoTime();
        List<Integer> asked = load.run();
        replies.awaitAll(asked, REPLY_TIMEOUT);
        double seconds = (replies.lastReplyNanos() - t0) / 1e9;
        BotMetrics.Snapshot m = bot.metrics().snapshot();
        driver.sentinels(); // replies keep their order per chat: once these are answered, any duplicate is in
        int lost = (int) asked.stream().filter(id -> replies.count(id) == 0).count();
        int duplicated = (int) asked.stream().filter(id -> replies.count(id) > 1).count();
        int answered = asked.size() - lost;
        return new Phase(name, asked.size(), answered, seconds, answered / seconds, m.p50Ms(), m.p99Ms(), m.maxMs(), lost, duplicated);
    }

    private static void report(Phase p, PrintStream out) {
        out.printf(Locale.ROOT, "%s: answered %d of %d questions in %.2f s = %.1f questions/s; latency inside the bot"
                        + " (update received → sendMessage issued) p50 %.1f ms, p99 %.1f ms, max %.1f ms; lost %d, twice %d%n",
                p.name(), p.answered(), p.questions(), p.seconds(), p.questionsPerSecond(), p.p50Ms(), p.p99Ms(), p.maxMs(),
                p.lost(), p.duplicated());
    }

    /** The simulated readers. */
    private static final class Driver {
        private final LocalBotApiServer server;
        private final Replies replies;
        private final List<ChatRef> chats;
        private final List<String> questions;
        private final AtomicInteger next = new AtomicInteger();

        Driver(LocalBotApiServer server, Replies replies, List<ChatRef> chats, List<String> questions) {
            this.server = server;
            this.replies = replies;
            this.chats = chats;
            this.questions = questions;
        }

        /** Each chat asks {@code perChat} questions, each once the previous one is answered. */
        List<Integer> closedLoop(int perChat) throws InterruptedException, ExecutionException {
            List<Integer> asked = Collections.synchronizedList(new ArrayList<>());
            try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> done = new ArrayList<>();
                for (ChatRef chat : chats) {
                    done.add(readers.submit(() -> {
                        for (int i = 0; i < perChat; i++) {
                            int id = ask(chat, nextQuestion());
                            asked.add(id);
                            if (!replies.await(id, REPLY_TIMEOUT)) {
                                return null; // counted as lost
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
            return asked;
        }

        /** Questions arrive at {@code rate} per second for {@code duration}, round-robin over the chats. */
        List<Integer> paced(double rate, Duration duration) {
            List<Integer> asked = new ArrayList<>();
            long total = Math.round(rate * duration.toNanos() / 1e9);
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long due = start + Math.round(i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                asked.add(ask(chats.get((int) (i % chats.size())), nextQuestion()));
            }
            return asked;
        }

        /** One /help per chat, waited for. */
        void sentinels() throws InterruptedException {
            List<Integer> ids = new ArrayList<>();
            for (ChatRef chat : chats) {
                ids.add(ask(chat, "/help"));
            }
            replies.awaitAll(ids, REPLY_TIMEOUT);
        }

        private String nextQuestion() {
            return questions.get(Math.floorMod(next.getAndIncrement(), questions.size()));
        }

        private int ask(ChatRef chat, String text) {
            Person p = new Person(chat.id(), chat.title(), chat.id() % 2 == 0 ? "fr" : "en");
            synchronized (replies) {
                int id = server.send(chat, p, text);
                replies.expect(id);
                return id;
            }
        }
    }

    /** Questions about the corpus, from its titles and the words they share, in French and English. */
    public static List<String> questions(List<DocumentSummary> docs) {
        List<String> out = new ArrayList<>();
        for (Lang lang : List.of(Lang.FR, Lang.EN)) {
            out.addAll(CorpusOverview.exampleQuestions(docs, lang));
        }
        for (DocumentSummary d : docs) {
            if (!d.title().isBlank()) {
                out.add(d.title().strip() + " ?");
            }
        }
        return out;
    }

    /** The bot's replies as the readers see them: the first message answering each question, and how many did. */
    private static final class Replies {
        private final Map<Integer, CompletableFuture<SentMessage>> waiting = new ConcurrentHashMap<>();
        private final Map<Integer, AtomicInteger> counts = new ConcurrentHashMap<>();
        private final AtomicLong lastReply = new AtomicLong();

        synchronized void expect(int messageId) {
            waiting.put(messageId, new CompletableFuture<>());
        }

        void received(SentMessage m) {
            if (m.replyTo() == null) {
                return;
            }
            lastReply.accumulateAndGet(System.nanoTime(), Math::max);
            counts.computeIfAbsent(m.replyTo(), k -> new AtomicInteger()).incrementAndGet();
            CompletableFuture<SentMessage> f;
            synchronized (this) {
                f = waiting.get(m.replyTo());
            }
            if (f != null) {
                f.complete(m);
            }
        }

        boolean await(int messageId, Duration timeout) {
            CompletableFuture<SentMessage> f = waiting.get(messageId);
            try {
                f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException | ExecutionException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        void awaitAll(List<Integer> ids, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int id : ids) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !await(id, Duration.ofNanos(left))) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
            }
        }

        long lastReplyNanos() {
            return lastReply.get();
        }

        int count(int messageId) {
            AtomicInteger c = counts.get(messageId);
            return c == null ? 0 : c.get();
        }
    }
}
