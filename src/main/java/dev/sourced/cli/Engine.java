package dev.sourced.cli;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.sourced.answer.AnswerEngine;
import dev.sourced.answer.Answerer;
import dev.sourced.answer.CorpusView;
import dev.sourced.answer.llm.LlmAnswerWriter;
import dev.sourced.config.Config;
import dev.sourced.corpus.CorpusException;
import dev.sourced.corpus.DocumentReader;
import dev.sourced.corpus.PreparedDocument;
import dev.sourced.corpus.SourceDocument;
import dev.sourced.index.Embedder;
import dev.sourced.index.HybridRetriever;
import dev.sourced.index.IndexException;
import dev.sourced.index.Lexicon;
import dev.sourced.index.LexicalQueryBuilder;
import dev.sourced.index.PassageIndex;
import dev.sourced.index.QuestionParser;
import dev.sourced.store.Database;
import dev.sourced.store.DocumentStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The one place where Sourced's parts are wired together: the SQLite store, the Lucene index kept in step with it,
 * the embedding model, retrieval and the answer engine. Every front end (CLI, Telegram, benchmarks) opens one.
 */
public final class Engine implements AutoCloseable {
    public static final String DB_FILE = "sourced.db";
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Engine.class.getName());
    public static final String INDEX_DIR = "index";

    private final Config config;
    private final Database db;
    private final DocumentStore store;
    private final Embedder embedder;
    private final PassageIndex index;
    private final AnswerEngine answers;
    private final LlmAnswerWriter llm;

    private Engine(Config config, Database db, DocumentStore store, Embedder embedder, PassageIndex index, AnswerEngine answers,
                   LlmAnswerWriter llm) {
        this.llm = llm;
        this.config = config;
        this.db = db;
        this.store = store;
        this.embedder = embedder;
        this.index = index;
        this.answers = answers;
    }

    /** Opens the engine over {@code dataDir}, ingesting {@code corpusDir} when the store is empty, with default settings. */
    public static Engine open(Path dataDir, Path corpusDir) {
        Map<String, String> env = new HashMap<>();
        env.put("SOURCED_DATA", dataDir.toString());
        env.put("SOURCED_CORPUS", corpusDir.toString());
        return open(Config.from(env));
    }

    public static Engine open(Config config) {
        return open(config, true);
    }

    /** Opens the engine; with {@code seed} an empty store first ingests the corpus directory. */
    public static Engine open(Config config, boolean seed) {
        Database db = Database.open(config.dataDir().resolve(DB_FILE), dev.sourced.telegram.store.BotTables.MIGRATIONS);
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
            Embedder embedder = join(loading);
            Engine engine = new Engine(config, db, store, embedder, index,
                    answers(config, index, embedder, store, join(lexicon), llm), llm);
            if (seed && store.countActive() == 0 && Files.isDirectory(config.corpusDir())) {
                for (IngestResult r : engine.ingestAll(List.of(config.corpusDir()))) {
                    if (r.failed()) LOG.warning("corpus: " + r.error());
                }
            }
            return engine;
        } catch (RuntimeException e) {
            if (index != null) index.close();
            db.close();
            throw e;
        }
    }

    static Embedder embedder(Config config) {
        return switch (config.embedding()) {
            case "none" -> null;
            case "onnx" -> Embedder.onnx(config.onnxModel(), config.onnxTokenizer(),
                    config.onnxPooling().equals("cls") ? PoolingMode.CLS : PoolingMode.MEAN, config.queryPrefix(), config.passagePrefix());
            default -> Embedder.builtIn();
        };
    }

    /** The identity of the vectors this configuration makes, known before the model is loaded. */
    static String modelId(Config config) {
        return switch (config.embedding()) {
            case "none" -> "none";
            case "onnx" -> Embedder.onnxId(config.onnxModel());
            default -> Embedder.BUILT_IN;
        };
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    private static AnswerEngine answers(Config config, PassageIndex index, Embedder embedder, DocumentStore store,
                                        Lexicon lexicon, LlmAnswerWriter llm) {
        QuestionParser parser = new QuestionParser(lexicon, config.on("translation"));
        LexicalQueryBuilder queries = new LexicalQueryBuilder(
                new LexicalQueryBuilder.Options(config.on("translation"), config.on("cognates"), config.on("features")));
        boolean vectorsUsable = embedder != null && index.vectorsMatchModel();
        if (embedder != null && !vectorsUsable) {
            LOG.warning("the index holds vectors of another embedding model than " + embedder.id()
                    + ": dense retrieval is off until `sourced reindex` embeds the passages with it");
        }
        HybridRetriever.Options options = new HybridRetriever.Options(config.on("lexical"), config.on("dense") && vectorsUsable,
                config.fusion().equals("rrf") ? HybridRetriever.Fusion.RRF : HybridRetriever.Fusion.WEIGHTED, config.denseWeight(), HybridRetriever.Options.DEFAULT_CANDIDATES);
        return new AnswerEngine(parser, new HybridRetriever(index, embedder, queries, options), store, llm);
    }

    public Config config() {
        return config;
    }

    public Answerer answerer() {
        return answers;
    }

    public CorpusView corpus() {
        return answers;
    }

    public Database database() {
        return db;
    }

    public DocumentStore store() {
        return store;
    }

    public PassageIndex index() {
        return index;
    }

    public Embedder embedder() {
        return embedder;
    }

    public HybridRetriever retriever() {
        return answers.retriever();
    }

    public QuestionParser parser() {
        return answers.parser();
    }

    /** What ingesting one document did. */
    public record IngestResult(String origin, DocumentStore.Outcome outcome, String docId, int passages, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    /** Cleans, splits, embeds and stores one document, then brings the index up to date: the next question can cite it. */
    public IngestResult ingest(SourceDocument source) {
        IngestResult r = store(source);
        if (r.outcome() != DocumentStore.Outcome.UNCHANGED) {
            changed();
        }
        return r;
    }

    /** Stores one document in SQLite (with its outbox entry) without touching the index. */
    private IngestResult store(SourceDocument source) {
        PreparedDocument doc = PreparedDocument.prepare(source);
        List<float[]> vectors = embedder == null ? null : embedder.embedPassages(doc.passages().stream().map(p -> p.text()).toList());
        DocumentStore.UpsertResult r = store.upsert(doc, vectors, embedder == null ? "" : embedder.id());
        return new IngestResult(source.meta().origin(), r.outcome(), r.docId(), doc.passages().size(), null);
    }

    /** Stores many documents, then brings the index up to date once; failures are reported and the rest go on. */
    public List<IngestResult> ingestDocuments(List<SourceDocument> sources) {
        List<IngestResult> out = new ArrayList<>();
        for (SourceDocument s : sources) {
            try {
                out.add(store(s));
            } catch (CorpusException | dev.sourced.store.StoreException e) {
                out.add(new IngestResult(s.meta().origin(), null, null, 0, e.getMessage()));
            }
        }
        changed();
        return out;
    }

    /** Ingests files and directories (recursively, supported formats only); a failure is reported and the rest go on. */
    public List<IngestResult> ingestAll(List<Path> paths) {
        List<IngestResult> out = new ArrayList<>();
        for (Path p : paths) {
            for (Path f : expand(p)) {
                try {
                    out.add(store(DocumentReader.read(f)));
                } catch (CorpusException | dev.sourced.store.StoreException e) {
                    out.add(new IngestResult(f.toString(), null, null, 0, e.getMessage()));
                }
            }
        }
        changed();
        return out;
    }

    private static List<Path> expand(Path p) {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).filter(DocumentReader::isSupported)
                    .filter(f -> !f.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean remove(String id) {
        boolean done = store.remove(id);
        if (done) changed();
        return done;
    }

    public boolean restore(String id) {
        boolean done = store.restore(id);
        if (done) changed();
        return done;
    }

    public boolean edit(String id, String field, String value) {
        boolean done = store.editField(id, field, value);
        if (done) changed();
        return done;
    }

    /** Forgets every cached answer and question embedding, so that a measurement times the real work. */
    public void clearCaches() {
        answers.forgetAnswers();
        answers.retriever().forgetRecent();
    }

    private void changed() {
        index.sync();
        answers.corpusChanged();
    }

    /** Rebuilds the index from SQLite, re-embedding only passages whose vectors are missing or from another model. */
    public int reindex() {
        int n = index.rebuild(embedder);
        answers.corpusChanged();
        return n;
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
        try (Engine e = open(config, false)) {
            return e.reindex();
        }
    }

    @Override
    public void close() {
        try {
            if (llm != null) llm.close();
            index.close();
        } finally {
            db.close();
        }
    }
}
