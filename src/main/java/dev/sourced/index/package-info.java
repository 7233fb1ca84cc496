/**
 * The Lucene index: analyzers, the writer and searcher lifecycle kept in step with the store's outbox, embeddings, and
 * lexical, dense and hybrid retrieval of passages. Uses {@code corpus} and {@code store}.
 */
package dev.sourced.index;
