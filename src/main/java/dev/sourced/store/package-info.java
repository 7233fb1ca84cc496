/**
 * The source of truth: the {@link dev.sourced.store.Database}, a SQLite file or a PostgreSQL database shared by
 * replicas ({@link dev.sourced.store.Dialect}; numbered migrations, one script per dialect), the
 * {@link dev.sourced.store.Sql} statement helpers, documents, passages and the outbox
 * ({@link dev.sourced.store.DocumentStore}), and {@link dev.sourced.store.Curation}, the interface the corpus is
 * changed through. Uses only {@code corpus}.
 */
package dev.sourced.store;
