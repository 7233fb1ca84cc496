package dev.sourced.corpus;

/** A document that cannot be read or ingested; the message names the file (or origin) and the reason. */
public class CorpusException extends RuntimeException {
    public CorpusException(String message) {
        super(message);
    }

    public CorpusException(String message, Throwable cause) {
        super(message, cause);
    }
}
