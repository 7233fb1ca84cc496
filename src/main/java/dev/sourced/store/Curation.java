package dev.sourced.store;

import dev.sourced.corpus.SourceDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Changing the corpus, as the front ends do it (the moderators in the bot, the operator with {@code sourced}):
 * every change is stored in SQLite and is in the index when the call returns, so the next question sees it.
 * Implementations make one change at a time and are thread-safe.
 */
public interface Curation {
    /** What ingesting one document did; {@code error} says why it was refused (then nothing else is set). */
    record IngestResult(String origin, DocumentStore.Outcome outcome, String docId, int passages, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    /** Adds or updates one document (the same id replaces it); a refusal is thrown. */
    IngestResult ingest(SourceDocument source);

    /** Adds one new document; an id already used, by a removed document too, is refused with a {@link DuplicateDocumentException}. */
    IngestResult add(SourceDocument source);

    /** Adds or updates many documents, then updates the index once; a refusal is reported and the rest go on. */
    List<IngestResult> ingestDocuments(List<SourceDocument> sources);

    /** Reads and ingests files and directories (recursively, supported formats only); a refusal is reported and the rest go on. */
    List<IngestResult> ingestAll(List<Path> paths);

    /** Fetches, reads and ingests the article of a web page; a refusal is reported. */
    IngestResult ingestPage(String url);

    /** Takes a document out of the corpus (restorable for {@link DocumentStore#RESTORE_WINDOW}); false when there is no such active document. */
    boolean remove(String id);

    /** Brings back a document removed within {@link DocumentStore#RESTORE_WINDOW}; false when there is none. */
    boolean restore(String id);

    /** Corrects one metadata field (title, outlet, url, date, language) of an active document; false when there is none. */
    boolean edit(String id, String field, String value);

    /** Rebuilds the index from SQLite, embedding only what is missing; returns the passages indexed. */
    int reindex();

    /** A document by id, removed ones included. */
    Optional<StoredDocument> document(String id);

    /** The documents, newest first; removed ones only when {@code includeRemoved}. */
    List<StoredDocument> documents(boolean includeRemoved);
}
