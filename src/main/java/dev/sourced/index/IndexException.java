package dev.sourced.index;

/** The index cannot be opened, read or written; the message names the directory or setting and the remedy. */
public class IndexException extends RuntimeException {
    public IndexException(String message) {
        super(message);
    }

    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
