/**
 * Outside the bot: {@link dev.sourced.botsim.LocalBotApiServer}, a Bot API server on 127.0.0.1 that tests and the
 * benchmark drive the real bot with (checking every reply's HTML as Telegram would), and
 * {@link dev.sourced.botsim.BotBenchmark} ({@code sourced bench-bot}).
 */
package dev.sourced.botsim;
