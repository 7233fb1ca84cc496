package dev.sourced.app;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.sourced.answer.AnswerEngine;
import dev.sourced.answer.Answerer;
import dev.sourced.answer.CorpusView;
import dev.sourced.answer.llm.LlmAnswerWriter;
import dev.sourced.answer.llm.LlmTranslator;
import dev.sourced.config.Config;
import dev.sourced.corpus.DocumentIntake;
import dev.sourced.corpus.PageFetcher;
import dev.sourced.corpus.UntrustedParser;
import dev.sourced.index.Embedder;
import dev.sourced.index.Glossary;
import dev.sourced.index.HybridRetriever;
import dev.sourced.index.IndexException;
import dev.sourced.index.LexicalQueryBuilder;
import dev.sourced.index.Lexicon;
import dev.sourced.index.PassageIndex;
import dev.sourced.index.QuestionParser;
import dev.sourced.store.Curation;
import dev.sourced.store.Database;
import dev.sourced.store.DocumentStore;
import dev.sourced.telegram.Admins;
import dev.sourced.telegram.BotConfig;
import dev.sourced.telegram.BotHealth;
import dev.sourced.telegram.Moderation;
import dev.sourced.telegram.TelegramBot;
import dev.sourced.telegram.store.BotTables;
import dev.sourced.telegram.store.Leases;
import dev.sourced.telegram.store.UpdateJournal;
import java.util.Optional;
import dev.sourced.telegram.store.ModerationStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The composition root, the one place where Sourced's parts are wired together: the SQLite store (with the bot's
 * tables), the Lucene index kept in step with it, the embedding model, retrieval, the answer engine, the document
 * intake and the curation service. Each front end gets only what it uses: {@link #answerer()}, {@link #corpus()},
 * {@link #curation()}, {@link #intake()}, or a bot started over them ({@link #startBot}).
 */
public final class Sourced implements AutoCloseable {
    public static final String DB_FILE = Database.FILE_NAME;
    public static final String ENV_DATABASE_URL = "SOURCED_DATABASE_URL";
    public static final String ENV_DATABASE_USER = "SOURCED_DATABASE_USER";
    public static final String ENV_DATABASE_PASSWORD = "SOURCED_DATABASE_PASSWORD";
    public static final String INDEX_DIR = "index";
    private static final Logger LOG = Logger.getLogger(Sourced.class.getName());

    /**
     * The parts the benchmark and the evaluation measure one by one (the engine itself for tracing what decides its
     * answers, eval --signals); no front end needs them.
     */
    public record Internals(PassageIndex index, QuestionParser parser, HybridRetriever retriever, AnswerEngine answerEngine,
                            Runnable clearCaches) {
    }

    /** What the {@code health} command reports: the bot's health as recorded in the store, and the index. */
    /**
     * The health {@code sourced health} prints: the bot's, the index's, how many outbox entries this replica's index
     * has yet to apply, this replica's name, who holds the poller lease (empty if nobody) and whether this replica does.
     */
    public record Health(BotHealth bot, int passagesIndexed, boolean indexReadOnly, long outboxLag, List<String> damage,
                         String replica, String pollerHolder, boolean pollerLease) {
        public Health {
            damage = List.copyOf(damage);
        }
    }

    /** How often a running bot looks for outbox entries written by another process (the CLI). */
    public static final Duration OUTSIDE_WRITES_EVERY = Duration.ofSeconds(1);

    private final Config config;
    private final Database db;
    private final DocumentStore store;
    private final PassageIndex index;
    private final AnswerEngine answers;
    private final LlmAnswerWriter llm;
    private final LlmTranslator translator;
    private final LlmTranslator quotes;
    private final DocumentIntake intake;
    private final Curation curation;
    private final Curation operator;
    private final CorpusCuration corpusCuration;
    private ScheduledExecutorService outsideWrites;

    private Sourced(Config config, Database db, DocumentStore store, Embedder embedder, PassageIndex index, AnswerEngine answers,
                    LlmAnswerWriter llm, LlmTranslator translator, LlmTranslator quotes) {
        this.config = config;
        this.db = db;
        this.store = store;
        this.index = index;
        this.answers = answers;
        this.llm = llm;
        this.translator = translator;
        this.quotes = quotes;
        this.intake = new DocumentIntake(new UntrustedParser(), new PageFetcher(PageFetcher.Limits.fromEnv(config.environment())));
        this.corpusCuration = new CorpusCuration(store, index, embedder, answers, intake);
        this.curation = corpusCuration;
        this.operator = new OperatorCuration(curation, new ModerationStore(db));
    }

    /** Opens over {@code dataDir}, ingesting {@code corpusDir} when the store is empty, with default settings. */
    public static Sourced open(Path dataDir, Path corpusDir) {
        Map<String, String> env = new HashMap<>();
        env.put("SOURCED_DATA", dataDir.toString());
        env.put("SOURCED_CORPUS", corpusDir.toString());
        return open(Config.from(env));
    }

    public static Sourced open(Config config) {
        return open(config, true);
    }

    /** Opens everything; with {@code seed} an empty store first ingests the corpus directory. */
    public static Sourced open(Config config, boolean seed) {
        Database db = openDatabase(config);
        PassageIndex index = null;
        try {
            DocumentStore store = new DocumentStore(db);
            // the model and the lexicon load while the store and the index open: start-up is their longest part
            CompletableFuture<Embedder> loading = CompletableFuture.supplyAsync(() -> embedder(config));
            CompletableFuture<Lexicon> lexicon = CompletableFuture.supplyAsync(() -> config.freedict() ? Lexicon.load() : Lexicon.builtIn());
            index = PassageIndex.open(config.dataDir().resolve(INDEX_DIR), store, modelId(config));
            if (index.needsRebuild() && !index.readOnly() && store.countActive() > 0) {
                // a lost index, or one of an older layout: rebuilt from SQLite with the vectors stored there
                index.rebuild(null);
            } else {
                index.sync();
            }
            LlmAnswerWriter llm = LlmAnswerWriter.fromEnvironment(config.environment()).orElse(null);
            LlmTranslator translator = llm == null || !translateWithLlm(config) ? null
                    : LlmTranslator.fromEnvironment(config.environment(), LlmTranslator.Subject.QUESTIONS).orElse(null);
            LlmTranslator quotes = translator == null ? null
                    : LlmTranslator.fromEnvironment(config.environment(), LlmTranslator.Subject.QUOTES).orElse(null);
            Embedder embedder = join(loading);
            Sourced sourced = new Sourced(config, db, store, embedder, index,
                    answers(config, index, embedder, store, join(lexicon), llm, translator, quotes), llm, translator, quotes);
            if (seed && store.countActive() == 0 && Files.isDirectory(config.corpusDir())) {
                // replicas starting together on an empty shared store: one seeds it, the others find it seeded
                db.exclusively("seed", () -> {
                    if (store.countActive() == 0) {
                        for (Curation.IngestResult r : sourced.curation.ingestAll(java.util.List.of(config.corpusDir()))) {
                            if (r.failed()) LOG.warning("corpus: " + r.error());
                        }
                    }
                });
            }
            return sourced;
        } catch (RuntimeException e) {
            if (index != null) index.close();
            db.close();
            throw e;
        }
    }

    /**
     * The store: a shared PostgreSQL database when {@value #ENV_DATABASE_URL} is set (user and password from
     * {@value #ENV_DATABASE_USER} and {@value #ENV_DATABASE_PASSWORD}), else the SQLite file in the data directory.
     */
    static Database openDatabase(Config config) {
        Map<String, String> env = config.environment();
        String url = env.getOrDefault(ENV_DATABASE_URL, "").strip();
        if (url.isEmpty()) {
            return Database.open(config.dataDir().resolve(DB_FILE), BotTables.MIGRATIONS);
        }
        return Database.openShared(url, env.get(ENV_DATABASE_USER), env.get(ENV_DATABASE_PASSWORD), config.dataDir(),
                BotTables.MIGRATIONS);
    }

    static Embedder embedder(Config config) {
        return switch (config.embedding()) {
            case "none" -> null;
            case "onnx" -> Embedder.onnx(config.onnxModel(), config.onnxTokenizer(),
                    config.onnxPooling().equals("cls") ? PoolingMode.CLS : PoolingMode.MEAN, config.queryPrefix(), config.passagePrefix());
            case "minilm" -> Embedder.miniLm();
            default -> Embedder.builtIn();
        };
    }

    /** The identity of the vectors this configuration makes, known before the model is loaded. */
    static String modelId(Config config) {
        return switch (config.embedding()) {
            case "none" -> "none";
            case "onnx" -> Embedder.onnxId(config.onnxModel());
            case "minilm" -> Embedder.MINILM;
            default -> Embedder.BUILT_IN;
        };
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /**
     * SOURCED_LLM_TRANSLATE: with an LLM configured, also translate each question for retrieval and each quote in
     * another language than the reader's (default true).
     */
    static boolean translateWithLlm(Config config) {
        String v = config.environment().getOrDefault("SOURCED_LLM_TRANSLATE", "true").strip().toLowerCase(java.util.Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new dev.sourced.config.ConfigException("SOURCED_LLM_TRANSLATE: expected true or false, got '" + v + "'");
        }
        return v.equals("true");
    }

    private static AnswerEngine answers(Config config, PassageIndex index, Embedder embedder, DocumentStore store,
                                        Lexicon lexicon, LlmAnswerWriter llm, LlmTranslator translator, LlmTranslator quotes) {
        QuestionParser parser = new QuestionParser(lexicon, Glossary.builtIn(), config.on("translation"));
        LexicalQueryBuilder queries = new LexicalQueryBuilder(
                new LexicalQueryBuilder.Options(config.on("translation"), config.on("cognates"), config.on("features")));
        boolean vectorsUsable = embedder != null && index.vectorsMatchModel();
        if (embedder != null && !vectorsUsable) {
            LOG.warning("the index holds vectors of another embedding model than " + embedder.id()
                    + ": dense retrieval is off until `sourced reindex` embeds the passages with it");
        }
        HybridRetriever.Options options = new HybridRetriever.Options(config.on("lexical"), config.on("dense") && vectorsUsable,
                config.fusion().equals("rrf") ? HybridRetriever.Fusion.RRF : HybridRetriever.Fusion.WEIGHTED, config.denseWeight(), HybridRetriever.Options.DEFAULT_CANDIDATES);
        return new AnswerEngine(parser, new HybridRetriever(index, embedder, queries, options), store, llm, translator,
                quotes, dev.sourced.answer.Models.shipped());
    }

    public Answerer answerer() {
        return answers;
    }

    public CorpusView corpus() {
        return answers;
    }

    /** Curation for the operator: what it removes, restores or edits joins the moderators' audit trail as user 0. */
    public Curation curation() {
        return operator;
    }

    /** Reading files and web pages with the bounds of untrusted input. */
    public DocumentIntake intake() {
        return intake;
    }

    /**
     * Starts the Telegram bot over this corpus: readers ask, and the admins of {@value Admins#ENV} (a malformed list
     * is a configuration error naming it) and the moderators they appoint curate it from the chat.
     */
    public TelegramBot startBot(BotConfig botConfig) throws TelegramApiException {
        return startBot(botConfig, Admins.fromEnv(config.environment()), intake);
    }

    /** Starts the bot with these admins, reading what moderators send through {@code documents}. */
    public TelegramBot startBot(BotConfig botConfig, Set<Long> admins, DocumentIntake documents) throws TelegramApiException {
        TelegramBot bot = TelegramBot.start(botConfig, answers, answers, db, new Moderation(curation, admins, documents));
        watchOutsideWrites(OUTSIDE_WRITES_EVERY);
        return bot;
    }

    /**
     * Applies, every {@code every}, the outbox entries another process wrote (a `sourced ingest`, `remove` or `edit`
     * while the bot runs): the index is synced and the answer caches cleared, so the next question sees the change.
     */
    synchronized void watchOutsideWrites(Duration every) {
        if (outsideWrites != null) {
            return;
        }
        outsideWrites = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outside-writes").daemon(true).factory());
        outsideWrites.scheduleWithFixedDelay(() -> {
            try {
                long applied = corpusCuration.applyOutsideChanges();
                if (applied > 0) {
                    LOG.info("applied " + applied + " outbox entries written by another process");
                }
            } catch (RuntimeException e) {
                LOG.warning("cannot apply the outbox entries of another process: " + e.getMessage());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The bot's health as its process records it in the store, and the index's state. */
    public Health health() {
        return health(false);
    }

    /**
     * The health; {@code deep} also verifies the checksum of every index file and runs SQLite's quick_check, and lists
     * what is damaged (an empty list when nothing is).
     */
    public Health health(boolean deep) {
        List<String> damage = new ArrayList<>();
        if (deep) {
            index.verify().ifPresent(d -> damage.add("index " + index.directory() + " is damaged (" + d
                    + "); restart Sourced or run `sourced reindex` to rebuild it from the database"));
            db.quickCheck().forEach(d -> damage.add("database " + db.file() + ": " + d));
        }
        String token = config.environment().get("TELEGRAM_BOT_TOKEN");
        boolean botConfigured = token != null && !token.isBlank();
        String replica = UpdateJournal.ownerOn(db, BotConfig.replicaName(config.environment()));
        Optional<Leases.Holder> poller = new Leases(db).holder(Leases.POLLER).filter(Leases.Holder::live);
        return new Health(BotHealth.check(db, answers, answers, Clock.systemUTC(), botConfigured), index.passageCount(),
                index.readOnly(), Math.max(0, store.lastOutboxSeq() - index.appliedSeq()), damage, replica,
                poller.map(Leases.Holder::name).orElse(""), poller.map(h -> h.name().equals(replica)).orElse(false));
    }

    /** The store, for tests of the wiring in this package. */
    DocumentStore store() {
        return store;
    }

    /** The parts a benchmark measures: the index, the question parser, the retriever, and a way to forget caches. */
    public Internals internals() {
        return new Internals(index, answers.parser(), answers.retriever(), answers, () -> {
            answers.forgetAnswers();
            answers.retriever().forgetRecent();
        });
    }

    /**
     * Deletes an index that cannot be opened (corrupt, or of another version) and builds it anew from SQLite. The
     * database is untouched.
     */
    public static int rebuildCorruptIndex(Config config) {
        Path dir = config.dataDir().resolve(INDEX_DIR);
        try (Stream<Path> s = Files.exists(dir) ? Files.walk(dir) : Stream.empty()) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new IndexException("index " + dir + " cannot be deleted for the rebuild: " + e.getMessage(), e);
        }
        try (Sourced s = open(config, false)) {
            return s.curation.reindex();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (outsideWrites != null) outsideWrites.shutdownNow();
        }
        try {
            intake.close();
            if (llm != null) llm.close();
            if (translator != null) translator.close();
            if (quotes != null) quotes.close();
            index.close();
        } finally {
            db.close();
        }
    }
}
