package dev.sourced.index;

import dev.sourced.corpus.Lang;
import dev.sourced.store.DocumentStore;
import dev.sourced.store.OutboxEntry;
import dev.sourced.store.StoredDocument;
import dev.sourced.store.StoredPassage;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The Lucene index of passages, on disk. It is derived from SQLite: {@link #sync()} applies the outbox entries after
 * the one recorded in the last Lucene commit, so a crash between the SQLite commit and the Lucene commit is repaired on
 * the next start; {@link #rebuild} makes it anew from SQLite. Embeddings come from SQLite, never recomputed here.
 * When another process holds the index writer, the index is opened read-only at its last commit.
 */
public final class PassageIndex implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PassageIndex.class.getName());
    /**
     * BM25 with weak length normalisation: passages are one or two sentences, so a longer one is not a less focused
     * one, and a sentence that holds every word of a question should not lose to a short one that holds fewer.
     */
    static final float BM25_K1 = 1.2f;
    static final float BM25_B = 0.3f;
    static final Similarity SIMILARITY = new BM25Similarity(BM25_K1, BM25_B);
    private static final SearcherFactory SEARCHERS = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader, org.apache.lucene.index.IndexReader previous) {
            IndexSearcher s = new IndexSearcher(reader);
            s.setSimilarity(SIMILARITY);
            return s;
        }
    };

    private final Path dir;
    private final DocumentStore store;
    private final String modelId;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager manager;
    private final boolean fresh;

    private PassageIndex(Path dir, DocumentStore store, String modelId, Directory directory, IndexWriter writer,
                         SearcherManager manager, boolean fresh) {
        this.fresh = fresh;
        this.dir = dir;
        this.store = store;
        this.modelId = modelId;
        this.directory = directory;
        this.writer = writer;
        this.manager = manager;
    }

    /**
     * Opens (creating if needed) the index in {@code dir}. {@code modelId} is the embedding model whose vectors belong
     * in the index; passages embedded by another model are indexed without a vector until {@code reindex}.
     */
    public static PassageIndex open(Path dir, DocumentStore store, String modelId) {
        Directory directory = null;
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            if (DirectoryReader.indexExists(directory) && clearIfDamaged(directory, dir)) {
                closeQuietly(directory);
                return open(dir, store, modelId);
            }
            IndexWriterConfig cfg = new IndexWriterConfig(Analyzers.perField());
            cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            cfg.setRAMBufferSizeMB(64);
            cfg.setSimilarity(SIMILARITY);
            IndexWriter writer;
            try {
                writer = new IndexWriter(directory, cfg);
            } catch (LockObtainFailedException locked) {
                if (!DirectoryReader.indexExists(directory)) {
                    throw new IndexException("index " + dir + " is locked by another process and has no commit yet; stop the other Sourced process");
                }
                LOG.warning("index " + dir + " is in use by another process: answering from its last commit, read-only");
                SearcherManager ro = new SearcherManager(directory, SEARCHERS);
                return new PassageIndex(dir, store, modelId, directory, null, ro, false);
            }
            boolean fresh = !DirectoryReader.indexExists(directory);
            if (fresh) {
                writer.setLiveCommitData(Map.of(Fields.COMMIT_OUTBOX_SEQ, "0", Fields.COMMIT_MODEL, modelId,
                        Fields.COMMIT_SCHEMA, Fields.SCHEMA_VERSION).entrySet());
                writer.commit();
            }
            SearcherManager manager = new SearcherManager(writer, SEARCHERS);
            return new PassageIndex(dir, store, modelId, directory, writer, manager, fresh);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException | EOFException | NoSuchFileException e) {
            closeQuietly(directory);
            throw new IndexException("index " + dir + " is corrupt or unreadable (" + e.getClass().getSimpleName()
                    + "); run `sourced reindex` to rebuild it from the database", e);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new IndexException("index " + dir + " cannot be opened: " + e.getMessage(), e);
        }
    }

    public Path directory() {
        return dir;
    }

    /**
     * Verifies the checksum of every file of the last commit (a byte flipped anywhere, a truncated file); empty when
     * the index is sound, else what is wrong. For {@code health --deep}; {@link #open} does it too.
     */
    public Optional<String> verify() {
        return damage(directory);
    }

    private static Optional<String> damage(Directory directory) {
        for (int attempt = 0; ; attempt++) {
            long generation = -1;
            try {
                SegmentInfos infos = SegmentInfos.readLatestCommit(directory);
                generation = infos.getGeneration();
                for (String file : infos.files(true)) {
                    try (IndexInput in = directory.openInput(file, IOContext.READONCE)) {
                        CodecUtil.checksumEntireFile(in);
                    }
                }
                return Optional.empty();
            } catch (NoSuchFileException | java.io.FileNotFoundException e) {
                // another writer may have committed and deleted the files of the commit being checked: check the new one
                if (attempt < 3 && generation >= 0 && committedSince(directory, generation)) {
                    continue;
                }
                return Optional.of(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
            } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException | EOFException e) {
                return Optional.of(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
            } catch (IOException e) {
                return Optional.of("unreadable: " + firstLine(e.getMessage()));
            }
        }
    }

    private static boolean committedSince(Directory directory, long generation) {
        try {
            return SegmentInfos.readLatestCommit(directory).getGeneration() != generation;
        } catch (IOException e) {
            return false;
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /**
     * Verifies every file's checksum and deletes the files of a damaged index, so that it is built anew from SQLite;
     * true if it did. False when the index is sound, or when another process writes it (its write lock is held).
     */
    private static boolean clearIfDamaged(Directory directory, Path dir) throws IOException {
        // under the write lock, so that no other process commits (and deletes old files) while the files are checked;
        // an index another process writes is that process's to check (it did at its open), and is left alone
        try (org.apache.lucene.store.Lock lock = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            // a flipped byte in a segment is not seen by opening it: every file's checksum is verified
            Optional<String> damage = damage(directory);
            if (damage.isEmpty()) {
                return false;
            }
            LOG.warning("index " + dir + " is damaged (" + damage.get() + "): deleting it; it is rebuilt from the database");
            for (String f : directory.listAll()) {
                if (!f.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    directory.deleteFile(f);
                }
            }
            return true;
        } catch (LockObtainFailedException held) {
            return false;
        }
    }

    /**
     * True when the index must be built from SQLite rather than synced: this open created it, or it was written with
     * another layout of fields or analysis (an older build of Sourced).
     */
    public boolean needsRebuild() {
        return fresh || !Fields.SCHEMA_VERSION.equals(commitData().get(Fields.COMMIT_SCHEMA));
    }

    /** True when the vectors in the index were made by the configured model (false: `reindex` is needed). */
    public boolean vectorsMatchModel() {
        return modelId.equals(commitData().getOrDefault(Fields.COMMIT_MODEL, modelId));
    }

    public boolean readOnly() {
        return writer == null;
    }

    /** The outbox sequence number the last commit applied. */
    public long appliedSeq() {
        return Long.parseLong(commitData().getOrDefault(Fields.COMMIT_OUTBOX_SEQ, "0"));
    }

    private Map<String, String> commitData() {
        try {
            if (writer != null) {
                Map<String, String> m = new HashMap<>();
                var live = writer.getLiveCommitData();
                if (live != null) live.forEach(e -> m.put(e.getKey(), e.getValue()));
                return m;
            }
            return SegmentInfos.readLatestCommit(directory).getUserData();
        } catch (IOException e) {
            throw new IndexException("index " + dir + ": cannot read commit data: " + e.getMessage(), e);
        }
    }

    /** Applies outbox entries newer than the last commit; returns how many documents were re-indexed or removed. */
    public synchronized int sync() {
        if (writer == null) {
            return 0;
        }
        long applied = appliedSeq();
        List<OutboxEntry> entries = store.outboxAfter(applied);
        if (entries.isEmpty()) {
            return 0;
        }
        if (applied > 0 && store.outboxGapAfter(applied)) {
            // entries this index never applied were pruned (it lagged past the retention): rebuild from the store,
            // with the vectors stored there
            return rebuild(null);
        }
        Map<String, String> lastOp = new LinkedHashMap<>();
        long maxSeq = applied;
        for (OutboxEntry e : entries) {
            lastOp.remove(e.docId());
            lastOp.put(e.docId(), e.op());
            maxSeq = Math.max(maxSeq, e.seq());
        }
        try {
            for (var e : lastOp.entrySet()) {
                writer.deleteDocuments(new Term(Fields.DOC_ID, e.getKey()));
                if (e.getValue().equals("upsert")) {
                    addDocument(e.getKey());
                }
            }
            commit(maxSeq);
        } catch (IOException e) {
            throw new IndexException("index " + dir + ": update failed: " + e.getMessage(), e);
        }
        store.pruneOutbox(maxSeq);
        return lastOp.size();
    }

    private void addDocument(String docId) throws IOException {
        Optional<StoredDocument> doc = store.get(docId);
        if (doc.isEmpty() || doc.get().removed()) {
            return;
        }
        List<StoredPassage> passages = store.passages(docId);
        for (StoredPassage p : passages) {
            writer.addDocument(toLucene(doc.get(), p));
        }
    }

    private Document toLucene(StoredDocument doc, StoredPassage p) {
        Lang lang = doc.language();
        Document d = new Document();
        d.add(new StringField(Fields.PASSAGE_ID, Long.toString(p.id()), Field.Store.YES));
        d.add(new org.apache.lucene.document.NumericDocValuesField(Fields.PASSAGE_ID_DV, p.id()));
        d.add(new StringField(Fields.DOC_ID, p.docId(), Field.Store.YES));
        d.add(new StoredField(Fields.LANG, lang.code()));
        d.add(new StoredField(Fields.START, p.start()));
        d.add(new StoredField(Fields.END, p.end()));
        d.add(new StoredField(Fields.TEXT, p.text()));
        String context = doc.title() + "\n" + p.context();
        d.add(new StoredField(Fields.CONTEXT_STORED, context));
        d.add(new StoredField(Fields.SCOPE_STORED, doc.title() + "\n" + p.heading()));
        d.add(new TextField(Fields.body(lang), p.text(), Field.Store.NO));
        d.add(new TextField(Fields.context(lang), context, Field.Store.NO));
        d.add(new TextField(Fields.COGNATE, p.text(), Field.Store.NO));
        for (String f : Features.of(p.text())) {
            d.add(new StringField(Fields.FEATURES, f, Field.Store.NO));
        }
        if (p.embedding() != null && modelId.equals(p.model())) {
            d.add(new KnnFloatVectorField(Fields.VECTOR, p.embedding(), VectorSimilarityFunction.DOT_PRODUCT));
        }
        return d;
    }

    private void commit(long seq) throws IOException {
        loaded.clear();
        writer.setLiveCommitData(Map.of(Fields.COMMIT_OUTBOX_SEQ, Long.toString(seq), Fields.COMMIT_MODEL, modelId,
                Fields.COMMIT_SCHEMA, Fields.SCHEMA_VERSION).entrySet());
        writer.commit();
        manager.maybeRefreshBlocking();
        loaded.clear(); // passage ids may be reused by SQLite once their rows are gone
    }

    /**
     * Rebuilds the whole index from SQLite. Passages whose stored embedding is missing or from another model are
     * embedded with {@code embedder} (null: left without a vector) and the new vectors are saved in SQLite.
     */
    public synchronized int rebuild(Embedder embedder) {
        if (writer == null) {
            throw new IndexException("index " + dir + " is in use by another process; stop it before reindexing");
        }
        try {
            long seq = store.lastOutboxSeq();
            writer.deleteAll();
            int count = 0;
            for (String id : store.activeIds()) {
                StoredDocument doc = store.get(id).orElseThrow();
                List<StoredPassage> passages = store.passages(id);
                if (embedder != null) {
                    passages = reembed(passages, embedder);
                }
                for (StoredPassage p : passages) {
                    writer.addDocument(toLucene(doc, p));
                    count++;
                }
            }
            commit(seq);
            return count;
        } catch (IOException e) {
            throw new IndexException("index " + dir + ": rebuild failed: " + e.getMessage(), e);
        }
    }

    private List<StoredPassage> reembed(List<StoredPassage> passages, Embedder embedder) {
        List<StoredPassage> stale = passages.stream().filter(p -> p.embedding() == null || !embedder.id().equals(p.model())).toList();
        if (stale.isEmpty()) {
            return passages;
        }
        List<float[]> vectors = embedder.embedPassages(stale.stream().map(StoredPassage::text).toList());
        store.updateEmbeddings(stale, vectors, embedder.id());
        Map<Long, float[]> byId = new HashMap<>();
        for (int i = 0; i < stale.size(); i++) byId.put(stale.get(i).id(), vectors.get(i));
        List<StoredPassage> out = new ArrayList<>();
        for (StoredPassage p : passages) {
            float[] v = byId.get(p.id());
            out.add(v == null ? p : new StoredPassage(p.id(), p.docId(), p.ord(), p.start(), p.end(), p.text(), p.heading(),
                    p.context(), v, embedder.id()));
        }
        return out;
    }

    /** The best {@code k} passages for a lexical query, by BM25. */
    public List<PassageHit> search(Query query, int k) {
        return withSearcher(s -> hits(s, s.search(query, k), true));
    }

    /** The {@code k} passages nearest to {@code vector}. */
    public List<PassageHit> nearest(float[] vector, int k) {
        return withSearcher(s -> hits(s, s.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, k), k), false));
    }

    /** Number of passages whose {@code field} holds {@code term}. */
    public int docFreq(String field, String term) {
        return withSearcher(s -> s.getIndexReader().docFreq(new Term(field, term)));
    }

    /**
     * Passages of language {@code lang} whose text holds {@code term}; when none does, those whose title or section
     * heading does (a biography may name its subject only in its title, then say "he"). 0: the corpus never writes it.
     */
    public int mentions(Lang lang, String term) {
        return withSearcher(s -> {
            int body = s.getIndexReader().docFreq(new Term(Fields.body(lang), term));
            return body > 0 ? body : s.getIndexReader().docFreq(new Term(Fields.context(lang), term));
        });
    }

    /**
     * Terms of {@code field} spelled like {@code term} (at most two edits, the first letter kept, more frequent first):
     * how a misspelt question word finds the corpus's own word. Empty when {@code term} is in the field.
     */
    public List<String> similarTerms(String field, String term, int max) {
        return withSearcher(s -> {
            var suggestions = SPELLER.suggestSimilar(new Term(field, term), max, s.getIndexReader(),
                    org.apache.lucene.search.spell.SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            List<String> out = new ArrayList<>();
            for (var w : suggestions) out.add(w.string);
            return out;
        });
    }

    /** Shorter words are left as typed: with one or two edits they match too many others. */
    static final int SPELLING_MIN_LENGTH = 5;
    /** How alike a suggestion must be (Lucene's distance, 0 to 1). */
    static final float SPELLING_ACCURACY = 0.75f;
    /** Configured once; its searches keep no state, so threads share it. */
    private static final org.apache.lucene.search.spell.DirectSpellChecker SPELLER = speller();

    private static org.apache.lucene.search.spell.DirectSpellChecker speller() {
        var speller = new org.apache.lucene.search.spell.DirectSpellChecker();
        speller.setMinPrefix(1);
        speller.setMinQueryLength(SPELLING_MIN_LENGTH);
        speller.setAccuracy(SPELLING_ACCURACY);
        return speller;
    }

    public int passageCount() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    /** Bytes the index takes on disk. */
    public long sizeOnDisk() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher s) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher s = manager.acquire();
            try {
                return work.apply(s);
            } finally {
                manager.release(s);
            }
        } catch (IOException e) {
            throw new IndexException("index " + dir + ": search failed: " + e.getMessage(), e);
        }
    }

    /**
     * The passages of {@code top}. Each passage's id comes from doc values; its stored fields are decompressed only
     * the first time it is found, then kept until the index changes (a corpus's passages come back question after
     * question).
     */
    private List<PassageHit> hits(IndexSearcher s, TopDocs top, boolean lexical) throws IOException {
        ScoreDoc[] byDoc = top.scoreDocs.clone();
        java.util.Arrays.sort(byDoc, Comparator.comparingInt(sd -> sd.doc));
        org.apache.lucene.index.NumericDocValues ids =
                org.apache.lucene.index.MultiDocValues.getNumericValues(s.getIndexReader(), Fields.PASSAGE_ID_DV);
        StoredFields stored = null;
        List<PassageHit> out = new ArrayList<>(byDoc.length);
        for (ScoreDoc sd : byDoc) {
            PassageHit base = null;
            if (ids != null && ids.advanceExact(sd.doc)) {
                base = loaded.get(ids.longValue());
            }
            if (base == null) {
                if (stored == null) stored = s.storedFields();
                Document d = stored.document(sd.doc);
                base = new PassageHit(Long.parseLong(d.get(Fields.PASSAGE_ID)), d.get(Fields.DOC_ID), Lang.fromCode(d.get(Fields.LANG)),
                        d.getField(Fields.START).numericValue().intValue(), d.getField(Fields.END).numericValue().intValue(),
                        d.get(Fields.TEXT), Objects.toString(d.get(Fields.CONTEXT_STORED), ""),
                        Objects.toString(d.get(Fields.SCOPE_STORED), ""), 0, 0, 0);
                loaded.put(base.passageId(), base);
            }
            out.add(base.withScores(lexical ? sd.score : 0, lexical ? 0 : sd.score, sd.score));
        }
        out.sort(Comparator.comparingDouble(PassageHit::score).reversed());
        return out;
    }

    /** Stored fields of recently found passages, by passage id; emptied whenever the index changes. */
    private final Map<Long, PassageHit> loaded = java.util.Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, PassageHit> eldest) {
            return size() > LOADED_PASSAGES;
        }
    });
    static final int LOADED_PASSAGES = 16384;

    @Override
    public void close() {
        try {
            manager.close();
            if (writer != null) writer.close();
        } catch (IOException e) {
            LOG.warning("closing index " + dir + ": " + e.getMessage());
        } finally {
            closeQuietly(directory);
        }
    }

    private static void closeQuietly(Directory d) {
        if (d == null) return;
        try {
            d.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
