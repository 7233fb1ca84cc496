/**
 * The composition root. {@link dev.sourced.app.Sourced} opens the store, SQLite or the PostgreSQL of
 * SOURCED_DATABASE_URL (with the bot's tables), the Lucene
 * index kept in step with it, the embedding model, retrieval and the answer engine, and hands each front end only the
 * interfaces it uses: {@link dev.sourced.answer.Answerer}, {@link dev.sourced.answer.CorpusView},
 * {@link dev.sourced.store.Curation} (implemented once, here) and {@link dev.sourced.corpus.DocumentIntake}; it starts
 * the bot over them. Only {@code cli.Main} uses this package.
 */
package dev.sourced.app;
