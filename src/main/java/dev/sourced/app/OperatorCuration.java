package dev.sourced.app;

import dev.sourced.corpus.SourceDocument;
import dev.sourced.store.Curation;
import dev.sourced.store.StoredDocument;
import dev.sourced.telegram.store.ModerationStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Curation by the operator, from the command line: the same service, and what it removes, restores or edits joins the
 * moderators' audit trail as user 0.
 */
record OperatorCuration(Curation curation, ModerationStore audit) implements Curation {
    /** The user id the operator is recorded as. */
    static final long OPERATOR = 0;

    @Override
    public IngestResult ingest(SourceDocument source) {
        return curation.ingest(source);
    }

    @Override
    public IngestResult add(SourceDocument source) {
        return curation.add(source);
    }

    @Override
    public List<IngestResult> ingestDocuments(List<SourceDocument> sources) {
        return curation.ingestDocuments(sources);
    }

    @Override
    public List<IngestResult> ingestAll(List<Path> paths) {
        return curation.ingestAll(paths);
    }

    @Override
    public IngestResult ingestPage(String url) {
        return curation.ingestPage(url);
    }

    @Override
    public boolean remove(String id) {
        return audited(curation.remove(id), "remove", id, "");
    }

    @Override
    public boolean restore(String id) {
        return audited(curation.restore(id), "restore", id, "");
    }

    @Override
    public boolean edit(String id, String field, String value) {
        return audited(curation.edit(id, field, value), "edit", id, field + " = " + value);
    }

    private boolean audited(boolean done, String action, String id, String detail) {
        if (done) audit.audit(OPERATOR, 0, action, id, "ok", ("command line " + detail).strip());
        return done;
    }

    @Override
    public int reindex() {
        return curation.reindex();
    }

    @Override
    public Optional<StoredDocument> document(String id) {
        return curation.document(id);
    }

    @Override
    public List<StoredDocument> documents(boolean includeRemoved) {
        return curation.documents(includeRemoved);
    }
}
