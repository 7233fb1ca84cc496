/**
 * The command line: {@link dev.sourced.cli.Main} (the one class that opens the composition root) and its commands —
 * ask, chat, ingest, docs, remove/restore, edit, reindex, eval, bench, bench-bot, bot, health.
 */
package dev.sourced.cli;
