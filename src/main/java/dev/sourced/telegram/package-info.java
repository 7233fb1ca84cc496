/**
 * The Telegram bot, and only the bot: readers ask questions about the corpus and get short answers with numbered, cited
 * quotes; moderators curate the corpus from the chat ({@link dev.sourced.telegram.ModerationHandler} routes and checks
 * roles, {@link dev.sourced.telegram.CorpusCommands} and {@link dev.sourced.telegram.DocumentPreviews} do the work through
 * {@link dev.sourced.store.Curation}). Its tables are in {@code telegram.store}. Uses {@code answer}, {@code corpus},
 * {@code store} and {@code config}.
 *
 * <h2>Running</h2>
 * {@link dev.sourced.telegram.TelegramBot#start} (the CLI's {@code bot} command) reads its settings from the environment
 * ({@link dev.sourced.telegram.BotConfig#fromEnv}):
 * <ul>
 *   <li>{@code TELEGRAM_BOT_TOKEN} (required) — never logged;</li>
 *   <li>{@code SOURCED_WEBHOOK_URL} — webhook mode instead of long polling; the bot registers it (setWebhook) and
 *       serves it with the JDK's HTTP server on {@code SOURCED_WEBHOOK_PORT} (default 8443), plain HTTP behind a TLS
 *       proxy; requests without the {@code X-Telegram-Bot-Api-Secret-Token} of {@code SOURCED_WEBHOOK_SECRET}
 *       (generated when unset) get 403;</li>
 *   <li>{@code SOURCED_TELEGRAM_API_URL} — another Bot API server (e.g. a local telegram-bot-api) for every call,
 *       polling included;</li>
 *   <li>{@code SOURCED_RATE_LIMIT_PER_MINUTE} — questions per reader per minute (default 20, 0 for none).</li>
 * </ul>
 *
 * <h2>How an update flows</h2>
 * Long polling ({@link dev.sourced.telegram.PollingConnection}) or the webhook
 * ({@link dev.sourced.telegram.WebhookConnection}) hands updates to {@link dev.sourced.telegram.UpdateIntake}, which
 * journals each by {@code update_id} in the store ({@link dev.sourced.telegram.store.UpdateJournal}) before anything else;
 * {@link dev.sourced.telegram.UpdateClaims} (in every replica) claims pending updates, the oldest of each chat only,
 * and queues each on its chat's serial queue ({@link dev.sourced.telegram.ChatQueues}, virtual threads). The
 * {@link dev.sourced.telegram.UpdateProcessor} decides what it is ({@link dev.sourced.telegram.UpdateClassifier}),
 * answers, sends the reply ({@link dev.sourced.telegram.ReplySender}, through {@link dev.sourced.telegram.BotApi}'s
 * retries) and marks the update done. On start, the claims a previous run of this replica left are taken back; updates
 * already journaled are never processed twice, and a replica that lost its claim sends nothing.
 *
 * <h2>Testing and measuring</h2>
 * {@code botsim.LocalBotApiServer}, outside this package, speaks the Bot API on 127.0.0.1 for tests and for the
 * {@code bench-bot} benchmark.
 */
package dev.sourced.telegram;
