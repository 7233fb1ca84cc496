package dev.sourced.telegram;

/** Another bot holds this data directory (or the lock cannot be taken); the message says which one. */
public final class BotLockedException extends RuntimeException {
    public BotLockedException(String message) {
        super(message);
    }
}
