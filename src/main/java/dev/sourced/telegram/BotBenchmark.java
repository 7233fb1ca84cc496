package dev.sourced.telegram;

import dev.sourced.answer.Answerer;
import dev.sourced.answer.CorpusView;
import dev.sourced.answer.DocumentSummary;
import dev.sourced.corpus.Lang;
import dev.sourced.store.Database;
import dev.sourced.telegram.LocalBotApiServer.ChatRef;
import dev.sourced.telegram.LocalBotApiServer.Person;
import dev.sourced.telegram.LocalBotApiServer.SentMessage;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
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

/**
 * Drives the bot through a {@link LocalBotApiServer} with many concurrent chats, each asking its questions one after
 * the other (a reader waits for the answer before asking again), and reports questions answered per second, the reply
 * latency inside the bot (update received → sendMessage issued) and whether any question was lost or answered twice.
 * The whole bot runs for real: long polling, journal, per-chat queues, the answerer, formatting, sendMessage.
 */
public final class BotBenchmark {
    /** How hard to drive the bot. */
    public record Options(int chats, int questionsPerChat, int warmupQuestionsPerChat) {
        public static final Options DEFAULT = new Options(100, 20, 2);
    }

    /** What was measured. */
    public record Result(int chats, int questions, int answered, double seconds, double questionsPerSecond, double p50Ms,
                         double p99Ms, double maxMs, int lost, int duplicated, int cores) {
        public boolean correct() {
            return lost == 0 && duplicated == 0;
        }
    }

    private static final String TOKEN = "100000:benchmark-token";
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);
    private static final long FIRST_CHAT_ID = 5_000_000L;

    private BotBenchmark() {
    }

    /** Runs with {@link Options#DEFAULT} (100 chats × 20 questions) and prints the report. */
    public static Result run(Answerer answerer, CorpusView corpus, Database db, PrintStream out) throws Exception {
        return run(answerer, corpus, db, Options.DEFAULT, out);
    }

    public static Result run(Answerer answerer, CorpusView corpus, Database db, Options options, PrintStream out) throws Exception {
        List<String> questions = questions(corpus.documents());
        if (questions.isEmpty()) {
            throw new IllegalStateException("the corpus is empty: nothing to ask");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "bench-bot: %d chats × %d questions (after %d warm-up questions each), %d distinct questions, %d cores, Java %s%n",
                options.chats(), options.questionsPerChat(), options.warmupQuestionsPerChat(), questions.size(), cores,
                Runtime.version());
        try (LocalBotApiServer server = LocalBotApiServer.start(TOKEN)) {
            Replies replies = new Replies();
            server.onMessage(replies::received);
            BotConfig config = BotConfig.of(TOKEN).withApiUrl(server.url()).withRateLimitPerMinute(0).withPollTimeoutSeconds(10);
            try (TelegramBot bot = TelegramBot.start(config, answerer, corpus, db)) {
                List<ChatRef> chats = new ArrayList<>();
                for (int i = 0; i < options.chats(); i++) {
                    Person p = new Person(FIRST_CHAT_ID + i, "Reader" + i, i % 2 == 0 ? "fr" : "en");
                    chats.add(ChatRef.privateWith(p));
                }
                drive(server, replies, chats, questions, options.warmupQuestionsPerChat(), 0);
                bot.metrics().resetLatencies();
                long t0 = System.nanoTime();
                List<Integer> asked = drive(server, replies, chats, questions, options.questionsPerChat(), options.warmupQuestionsPerChat());
                double seconds = (System.nanoTime() - t0) / 1e9;
                BotMetrics.Snapshot m = bot.metrics().snapshot();
                // one more message per chat: replies keep their order, so once it is answered any duplicate is in
                drive(server, replies, chats, List.of("/help"), 1, 0);
                int lost = (int) asked.stream().filter(id -> replies.count(id) == 0).count();
                int duplicated = (int) asked.stream().filter(id -> replies.count(id) > 1).count();
                int answered = asked.size() - lost;
                Result r = new Result(options.chats(), asked.size(), answered, seconds, answered / seconds, m.p50Ms(), m.p99Ms(),
                        m.maxMs(), lost, duplicated, cores);
                report(r, out);
                return r;
            }
        }
    }

    private static void report(Result r, PrintStream out) {
        out.printf(Locale.ROOT, "answered %d of %d questions in %.2f s: %.1f questions/s%n", r.answered(), r.questions(), r.seconds(),
                r.questionsPerSecond());
        out.printf(Locale.ROOT, "reply latency inside the bot (update received → sendMessage issued): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                r.p50Ms(), r.p99Ms(), r.maxMs());
        out.printf(Locale.ROOT, "lost: %d, answered twice: %d (%s)%n", r.lost(), r.duplicated(), r.correct() ? "OK" : "FAIL");
    }

    /** Each chat asks {@code perChat} questions in turn, waiting for each reply; returns the ids of the messages asked. */
    private static List<Integer> drive(LocalBotApiServer server, Replies replies, List<ChatRef> chats, List<String> questions,
                                       int perChat, int offset) throws InterruptedException, ExecutionException {
        List<Integer> asked = java.util.Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();
            for (ChatRef chat : chats) {
                Person p = new Person(chat.id(), chat.title(), chat.id() % 2 == 0 ? "fr" : "en");
                done.add(readers.submit(() -> {
                    for (int i = 0; i < perChat; i++) {
                        String q = questions.get(Math.floorMod(next.getAndIncrement() + offset, questions.size()));
                        CompletableFuture<SentMessage> reply = new CompletableFuture<>();
                        int id;
                        synchronized (replies) {
                            id = server.send(chat, p, q);
                            replies.expect(id, reply);
                        }
                        asked.add(id);
                        try {
                            reply.get(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                        } catch (TimeoutException e) {
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

    /** Questions about the corpus, from its titles and the words they share, in French and English. */
    static List<String> questions(List<DocumentSummary> docs) {
        List<String> out = new ArrayList<>();
        for (Lang lang : List.of(Lang.FR, Lang.EN)) {
            CorpusOverview o = CorpusOverview.of(docs, lang);
            for (String topic : o.topics()) {
                out.add(Phrase.EXAMPLE_ABOUT.in(lang, topic));
            }
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

        void expect(int messageId, CompletableFuture<SentMessage> reply) {
            waiting.put(messageId, reply);
        }

        void received(SentMessage m) {
            if (m.replyTo() == null) {
                return;
            }
            counts.computeIfAbsent(m.replyTo(), k -> new AtomicInteger()).incrementAndGet();
            CompletableFuture<SentMessage> f;
            synchronized (this) {
                f = waiting.remove(m.replyTo());
            }
            if (f != null) {
                f.complete(m);
            }
        }

        int count(int messageId) {
            AtomicInteger c = counts.get(messageId);
            return c == null ? 0 : c.get();
        }
    }
}
