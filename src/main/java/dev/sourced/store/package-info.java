/**
 * The source of truth: the SQLite {@link dev.sourced.store.Database} (numbered migrations, one writer), the
 * {@link dev.sourced.store.Sql} statement helpers, documents, passages and the outbox
 * ({@link dev.sourced.store.DocumentStore}), and {@link dev.sourced.store.Curation}, the interface the corpus is
 * changed through. Uses only {@code corpus}.
 */
package dev.sourced.store;
