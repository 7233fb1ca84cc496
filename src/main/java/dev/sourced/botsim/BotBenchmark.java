package dev.sourced.botsim;

import dev.sourced.answer.Answer;
import dev.sourced.answer.AnswerCacheStats;
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
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Drives the bot through a {@link LocalBotApiServer} with many concurrent chats asking questions about the corpus, and
 * reports questions answered per second, the reply latency inside the bot (update received → sendMessage issued), the
 * answer cache's hit rate and whether any question was lost or answered twice. The whole bot runs for real: long
 * polling, journal, per-chat queues, the answerer, formatting, sendMessage; the local server and the simulated readers
 * share the machine with it.
 *
 * <p>Each run has two phases: <b>saturated</b>, each chat asks its next question as soon as the previous one is answered
 * (the most the bot can answer per second; latency then is mostly waiting in line), and <b>paced</b>, questions arrive
 * at a fixed rate spread over the chats (the latency a reader sees at that load): the target rate, or 80% of the
 * saturated rate if the bot cannot keep up with the target. With the real answerer every question asked (warm-up
 * included) is a distinct one, so no answer comes from the answer cache, unless {@link Options#allowRepeats()}; when
 * there are too few distinct questions the run is made smaller ({@link Options#fitTo}). The bot then runs <b>alone</b>:
 * a few questions cycled, each answered once by the real answerer and its answer replayed, which shows what the bot
 * itself costs apart from computing answers.
 */
public final class BotBenchmark {
    /**
     * How hard to drive the bot. {@code allowRepeats}: when there are fewer distinct questions than the run asks, ask
     * them again (the answer cache then answers the repeats) rather than make the run smaller.
     */
    public record Options(int chats, int questionsPerChat, int warmupQuestionsPerChat, double pacedRate, Duration pacedFor,
                          boolean botAlone, boolean allowRepeats) {
        public static final Options DEFAULT = new Options(100, 20, 10, 200, Duration.ofSeconds(10), true, false);

        public Options {
            if (chats < 1 || questionsPerChat < 1 || warmupQuestionsPerChat < 0 || pacedRate <= 0 || pacedFor.isNegative()) {
                throw new IllegalArgumentException("chats, questions per chat and the paced rate must be positive");
            }
        }

        public Options withChats(int n) {
            return new Options(n, questionsPerChat, warmupQuestionsPerChat, pacedRate, pacedFor, botAlone, allowRepeats);
        }

        public Options withPacedRate(double rate) {
            return new Options(chats, questionsPerChat, warmupQuestionsPerChat, rate, pacedFor, botAlone, allowRepeats);
        }

        public Options withRepeats(boolean allow) {
            return new Options(chats, questionsPerChat, warmupQuestionsPerChat, pacedRate, pacedFor, botAlone, allow);
        }

        /** Questions the real engine's phases ask at most: warm-up and saturated per chat, and paced at the target rate. */
        public int questionsNeeded() {
            return chats * (warmupQuestionsPerChat + questionsPerChat) + pacedQuestions(pacedRate, pacedFor);
        }

        /**
         * This run made small enough to ask each of {@code distinct} questions at most once: fewer questions per chat
         * and a shorter paced phase in proportion, and fewer chats when even one question per chat is too many
         * ({@code distinct} at least 1).
         */
        public Options fitTo(int distinct) {
            int needed = questionsNeeded();
            if (needed <= distinct) return this;
            double share = (double) distinct / needed;
            int c = chats;
            int warm = (int) Math.floor(warmupQuestionsPerChat * share);
            int per = (int) Math.floor(questionsPerChat * share);
            if (per < 1) {
                c = Math.clamp(distinct / 2, 1, chats);
                warm = 0;
                per = 1;
            }
            long left = distinct - (long) c * (warm + per);
            Duration paced = Duration.ofMillis((long) Math.floor(left * 1000 / pacedRate));
            return new Options(c, per, warm, pacedRate, paced, botAlone, allowRepeats);
        }
    }

    /**
     * One phase: questions asked and answered, seconds, answered per second, latency inside the bot, lost and
     * duplicated replies; {@code repeated}: questions asked that had been asked before in the run; {@code cache}: the
     * answer engine's cache hits and misses during the phase (null when answers were replayed, not asked).
     */
    public record Phase(String name, int questions, int answered, double seconds, double questionsPerSecond, double p50Ms,
                        double p99Ms, double maxMs, int lost, int duplicated, long repeated, AnswerCacheStats cache) {
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

    /** What is measured: the answerer the bot asks, the corpus it shows, and the answer cache's counts. */
    public record Subject(Answerer answerer, CorpusView corpus, Supplier<AnswerCacheStats> cacheStats) {
    }

    private static final String TOKEN = "100000:benchmark-token";
    private static final long FIRST_CHAT_ID = 5_000_000L;
    /** When the target rate is out of reach, the paced phase runs at this share of the saturated rate. */
    private static final double SUSTAINABLE_SHARE = 0.8;

    private BotBenchmark() {
    }

    static int pacedQuestions(double rate, Duration duration) {
        return (int) Math.round(rate * duration.toNanos() / 1e9);
    }

    /**
     * Runs and prints the report; the real engine's phases ask {@code questions}. The bot's own tables (journal,
     * answers…) go to a temporary database, deleted afterwards: the benchmark leaves no trace in the real store.
     */
    public static Result run(Subject subject, List<String> questions, Options options, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("sourced-bench-bot");
        try (Database db = dev.sourced.telegram.store.BotTables.open(dir.resolve("bot.db"))) {
            return run(subject, questions, db, options, out);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Runs with the bot's tables in {@code db}. */
    public static Result run(Subject subject, List<String> questions, Database db, Options options, PrintStream out)
            throws Exception {
        QuestionPool pool = new QuestionPool(questions);
        List<String> replayed = questions(subject.corpus().documents());
        QuestionPool replayPool = new QuestionPool(replayed.isEmpty() ? questions.subList(0, Math.min(20, questions.size())) : replayed);
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "bench-bot: questions about %d documents; %d cores, Java %s%n",
                subject.corpus().documents().size(), cores, Runtime.version());
        Options o = plan(options, pool.size(), out);
        try (LocalBotApiServer server = LocalBotApiServer.start(TOKEN)) {
            Replies replies = new Replies();
            server.onMessage(replies::received);
            Readers readers = new Readers(server, replies, Readers.chats(o.chats(), FIRST_CHAT_ID), pool);
            BotConfig config = BotConfig.of(TOKEN).withApiUrl(server.url()).withRateLimitPerMinute(0).withPollTimeoutSeconds(10);
            List<Phase> phases = new ArrayList<>(runBot("with the answerer", TelegramBot.start(config, subject.answerer(),
                    subject.corpus(), db), readers, replies, o, options.pacedFor(), subject.cacheStats(), out));
            if (o.botAlone()) {
                phases.addAll(runBot("bot alone (answers replayed)", TelegramBot.start(config,
                        new ReplayedAnswers(subject.answerer()), subject.corpus(), db), readers.asking(replayPool), replies, o,
                        options.pacedFor(), null, out));
            }
            Result r = new Result(o.chats(), cores, phases);
            long repeats = pool.repeats();
            out.printf(Locale.ROOT, "with the answerer: %s%n", repeats == 0 ? "every question asked once"
                    : repeats + " questions asked again");
            out.printf(Locale.ROOT, "no question lost or answered twice: %s%n", r.correct() ? "OK" : "FAIL");
            return r;
        }
    }

    /** The run fitted to the distinct questions there are (or not, when repeats are allowed), said in the report. */
    static Options plan(Options options, int distinct, PrintStream out) {
        int needed = options.questionsNeeded();
        if (needed <= distinct) {
            out.printf(Locale.ROOT, "%d chats; questions: %d distinct, the real engine asks at most %d: each once%n",
                    options.chats(), distinct, needed);
            return options;
        }
        if (options.allowRepeats()) {
            out.printf(Locale.ROOT, "%d chats; questions: %d distinct for up to %d asked: up to %d repeats, as asked"
                    + " (the answer cache answers them)%n", options.chats(), distinct, needed, needed - distinct);
            return options;
        }
        Options o = options.fitTo(distinct);
        out.printf(Locale.ROOT, "questions: only %d distinct for the %d the run needs: run reduced to %d chats, %d warm-up"
                        + " and %d measured questions per chat, then the %d left paced (at most %d s), so that none is"
                        + " asked twice%n", distinct, needed, o.chats(), o.warmupQuestionsPerChat(), o.questionsPerChat(),
                distinct - o.chats() * (o.warmupQuestionsPerChat() + o.questionsPerChat()), options.pacedFor().toSeconds());
        return o;
    }

    /**
     * Warms the bot up, then measures it saturated and paced (for {@code pacedFor}, or less when the distinct questions
     * left run out first); closes it. {@code cache} null: answers are replayed.
     */
    private static List<Phase> runBot(String label, TelegramBot started, Readers readers, Replies replies, Options options,
                                      Duration pacedFor, Supplier<AnswerCacheStats> cache, PrintStream out) throws Exception {
        try (TelegramBot bot = started) {
            readers.closedLoop(options.warmupQuestionsPerChat());
            Phase saturated = measure(label + ", saturated", bot, replies, readers, cache,
                    () -> readers.closedLoop(options.questionsPerChat()));
            report(saturated, out);
            boolean capRate = cache != null;
            double rate = capRate && saturated.questionsPerSecond() < options.pacedRate()
                    ? Math.max(1, Math.floor(saturated.questionsPerSecond() * SUSTAINABLE_SHARE)) : options.pacedRate();
            Duration d = capRate && !options.allowRepeats() ? readers.questions().pacedFor(rate, pacedFor) : pacedFor;
            Phase paced = measure(String.format(Locale.ROOT, "%s, paced at %.0f q/s", label, rate), bot, replies, readers,
                    cache, () -> readers.paced(rate, d));
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
    private interface Asking {
        List<Integer> run() throws Exception;
    }

    private static Phase measure(String name, TelegramBot bot, Replies replies, Readers readers,
                                 Supplier<AnswerCacheStats> cache, Asking asking) throws Exception {
        bot.metrics().resetLatencies();
        AnswerCacheStats before = cache == null ? null : cache.get();
        long repeatsBefore = readers.questions().repeats();
        long t0 = System.nanoTime();
        List<Integer> asked = asking.run();
        replies.awaitAll(asked, Readers.REPLY_TIMEOUT);
        double seconds = Math.max(1e-9, (replies.lastReplyNanos() - t0) / 1e9);
        BotMetrics.Snapshot m = bot.metrics().snapshot();
        AnswerCacheStats used = cache == null ? null : cache.get().since(before);
        long repeated = readers.questions().repeats() - repeatsBefore;
        readers.sentinels();
        int lost = (int) asked.stream().filter(id -> replies.count(id) == 0).count();
        int duplicated = (int) asked.stream().filter(id -> replies.count(id) > 1).count();
        int answered = asked.size() - lost;
        return new Phase(name, asked.size(), answered, seconds, answered / seconds, m.p50Ms(), m.p99Ms(), m.maxMs(), lost,
                duplicated, repeated, used);
    }

    private static void report(Phase p, PrintStream out) {
        out.printf(Locale.ROOT, "%s: answered %d of %d questions in %.2f s = %.1f questions/s; latency inside the bot"
                        + " (update received → sendMessage issued) p50 %.1f ms, p99 %.1f ms, max %.1f ms; lost %d, twice %d%n",
                p.name(), p.answered(), p.questions(), p.seconds(), p.questionsPerSecond(), p.p50Ms(), p.p99Ms(), p.maxMs(),
                p.lost(), p.duplicated());
        if (p.cache() != null) {
            out.printf(Locale.ROOT, "  answer cache: %d hits of %d questions (%.1f%%); %s%n", p.cache().hits(),
                    p.cache().lookups(), 100 * p.cache().hitRate(),
                    p.repeated() == 0 ? "every question distinct" : p.repeated() + " questions repeated");
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
}
