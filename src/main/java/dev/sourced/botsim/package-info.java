/**
 * Outside the bot: {@link dev.sourced.botsim.LocalBotApiServer}, a Bot API server on 127.0.0.1 that tests and the
 * benchmarks drive the real bot with (checking every reply's HTML as Telegram would), and {@code sourced bench-bot}:
 * {@link dev.sourced.botsim.BotBenchmark} (the bot in this JVM), {@link dev.sourced.botsim.ReplicaBenchmark} (bot
 * replicas as child JVMs) and {@link dev.sourced.botsim.KillSoak}, asking questions that
 * {@link dev.sourced.botsim.CorpusQuestions} makes from the corpus's passages.
 */
package dev.sourced.botsim;
