package dev.sourced.store;

/** A failure of the SQLite store, with a message fit for an operator (it names the file and the reason). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
