package dev.sourced.store;

/** One index change to apply: {@code op} is "upsert" or "delete" of every passage of {@code docId}. */
public record OutboxEntry(long seq, String docId, String op) {
}
