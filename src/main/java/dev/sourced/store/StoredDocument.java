package dev.sourced.store;

import dev.sourced.corpus.Lang;

/** A document row: metadata, stored text, and whether it was removed (and when). */
public record StoredDocument(String id, String title, String outlet, String url, Lang language, String published,
                             String origin, String format, String contentHash, String text, int passages,
                             String createdAt, String updatedAt, String removedAt) {
    public boolean removed() {
        return removedAt != null;
    }
}
