/**
 * Documents and passages, and every way a document comes in, written once: {@link dev.sourced.corpus.DocumentReader}
 * (text, Markdown, HTML, PDF), {@link dev.sourced.corpus.UntrustedParser} (bounded parsing),
 * {@link dev.sourced.corpus.PageFetcher} (a web page), {@link dev.sourced.corpus.DocumentIntake} (what the bot and
 * {@code sourced ingest} share); boilerplate removal, passages with character offsets, and
 * {@link dev.sourced.corpus.NearDuplicates}. Uses only {@code config}.
 */
package dev.sourced.corpus;
