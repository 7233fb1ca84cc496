package dev.sourced.store;

/** The text being stored is already in the corpus under another id. */
public class DuplicateDocumentException extends StoreException {
    private final String existingId;

    public DuplicateDocumentException(String existingId, String existingTitle) {
        super("the same text is already in the corpus as '" + existingId + "' (" + existingTitle + ")");
        this.existingId = existingId;
    }

    public String existingId() {
        return existingId;
    }
}
