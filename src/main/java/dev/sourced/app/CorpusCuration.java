package dev.sourced.app;

import dev.sourced.answer.AnswerEngine;
import dev.sourced.corpus.CorpusException;
import dev.sourced.corpus.DocumentIntake;
import dev.sourced.corpus.DocumentReader;
import dev.sourced.corpus.PreparedDocument;
import dev.sourced.corpus.SourceDocument;
import dev.sourced.index.Embedder;
import dev.sourced.index.PassageIndex;
import dev.sourced.store.Curation;
import dev.sourced.store.DocumentStore;
import dev.sourced.store.DuplicateDocumentException;
import dev.sourced.store.StoreException;
import dev.sourced.store.StoredDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The curation service: cleans, splits, embeds and stores documents in SQLite (with their outbox entries), then brings
 * the index up to date and tells the answer engine the corpus changed. One change at a time, whoever asks.
 */
final class CorpusCuration implements Curation {
    private final DocumentStore store;
    private final PassageIndex index;
    private final Embedder embedder;
    private final AnswerEngine answers;
    private final DocumentIntake intake;
    private final ReentrantLock changes = new ReentrantLock();

    CorpusCuration(DocumentStore store, PassageIndex index, Embedder embedder, AnswerEngine answers, DocumentIntake intake) {
        this.store = store;
        this.index = index;
        this.embedder = embedder;
        this.answers = answers;
        this.intake = intake;
    }

    @Override
    public IngestResult ingest(SourceDocument source) {
        return locked(() -> {
            IngestResult r = store(source);
            if (r.outcome() != DocumentStore.Outcome.UNCHANGED) changed();
            return r;
        });
    }

    @Override
    public IngestResult add(SourceDocument source) {
        return locked(() -> {
            String id = PreparedDocument.prepare(source).meta().id();
            if (store.get(id).isPresent()) {
                throw new DuplicateDocumentException(id, "the id is taken since the preview");
            }
            IngestResult r = store(source);
            changed();
            return r;
        });
    }

    /** Stores one document in SQLite (with its outbox entry) without touching the index. */
    private IngestResult store(SourceDocument source) {
        PreparedDocument doc = PreparedDocument.prepare(source);
        List<float[]> vectors = embedder == null ? null : embedder.embedPassages(doc.passages().stream().map(p -> p.text()).toList());
        DocumentStore.UpsertResult r = store.upsert(doc, vectors, embedder == null ? "" : embedder.id());
        return new IngestResult(source.meta().origin(), r.outcome(), r.docId(), doc.passages().size(), null);
    }

    /** Stores what {@code read} gives, or reports why it was refused. */
    private IngestResult tryStore(String origin, Supplier<SourceDocument> read) {
        try {
            return store(read.get());
        } catch (CorpusException | StoreException e) {
            return new IngestResult(origin, null, null, 0, e.getMessage());
        }
    }

    @Override
    public List<IngestResult> ingestDocuments(List<SourceDocument> sources) {
        return locked(() -> {
            List<IngestResult> out = new ArrayList<>();
            for (SourceDocument s : sources) out.add(tryStore(s.meta().origin(), () -> s));
            changed();
            return out;
        });
    }

    @Override
    public List<IngestResult> ingestAll(List<Path> paths) {
        return locked(() -> {
            List<IngestResult> out = new ArrayList<>();
            for (Path p : paths) {
                for (Path f : expand(p)) out.add(tryStore(f.toString(), () -> intake.file(f).document()));
            }
            changed();
            return out;
        });
    }

    @Override
    public IngestResult ingestPage(String url) {
        return locked(() -> {
            IngestResult r = tryStore(url, () -> intake.page(url).document());
            if (!r.failed() && r.outcome() != DocumentStore.Outcome.UNCHANGED) changed();
            return r;
        });
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

    @Override
    public boolean remove(String id) {
        return changeIf(() -> store.remove(id));
    }

    @Override
    public boolean restore(String id) {
        return changeIf(() -> store.restore(id));
    }

    @Override
    public boolean edit(String id, String field, String value) {
        return changeIf(() -> store.editField(id, field, value));
    }

    private boolean changeIf(Supplier<Boolean> change) {
        return locked(() -> {
            boolean done = change.get();
            if (done) changed();
            return done;
        });
    }

    @Override
    public int reindex() {
        return locked(() -> {
            int n = index.rebuild(embedder);
            answers.corpusChanged();
            return n;
        });
    }

    @Override
    public Optional<StoredDocument> document(String id) {
        return store.get(id);
    }

    @Override
    public List<StoredDocument> documents(boolean includeRemoved) {
        return store.list(includeRemoved);
    }

    /**
     * Applies the outbox entries another process (the CLI, a second Sourced) wrote since the index last applied one:
     * syncs the index and clears the answer caches. Returns how many entries were behind (0: nothing to do).
     */
    long applyOutsideChanges() {
        long behind = store.lastOutboxSeq() - index.appliedSeq();
        if (behind <= 0 || index.readOnly()) {
            return 0;
        }
        return locked(() -> {
            changed();
            return behind;
        });
    }

    private void changed() {
        index.sync();
        answers.corpusChanged();
    }

    private <T> T locked(Supplier<T> change) {
        changes.lock();
        try {
            return change.get();
        } finally {
            changes.unlock();
        }
    }
}
