package dev.sourced.cli;

import dev.sourced.app.Sourced;
import dev.sourced.botsim.BotBenchmark;
import dev.sourced.config.Config;
import dev.sourced.config.ConfigException;
import dev.sourced.telegram.BotConfig;
import dev.sourced.telegram.TelegramBot;
import java.io.PrintStream;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** Commands that reach beyond the engine: the Telegram bot, its health check and its benchmark. */
final class Commands {
    private Commands() {
    }

    /**
     * Runs the Telegram bot over the engine until the process is stopped (SIGTERM stops it cleanly); the admins named
     * in SOURCED_ADMINS (and the moderators they appoint) curate the corpus from the chat.
     */
    static int bot(Config config, PrintStream out) {
        BotConfig botConfig;
        try {
            botConfig = BotConfig.fromEnv(config.environment());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        try (Sourced sourced = Sourced.open(config)) {
            TelegramBot bot = sourced.startBot(botConfig);
            out.println("bot @" + bot.username() + " running over " + sourced.corpus().documents().size() + " documents"
                    + (botConfig.webhookMode() ? " (webhook)" : " (long polling)") + "; " + bot.admins()
                    + " admin(s); Ctrl-C stops it");
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("telegram-bot-stop").unstarted(bot::close));
            bot.awaitStop();
            return 0;
        } catch (TelegramApiException e) {
            throw new ConfigException("cannot start the Telegram bot: " + e.getMessage()
                    + " (check TELEGRAM_BOT_TOKEN and SOURCED_TELEGRAM_API_URL)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** The store and the index answer, and (when a bot has run on this data) when it last heard from Telegram. */
    static int health(Config config, PrintStream out) {
        try (Sourced sourced = Sourced.open(config, false)) {
            Sourced.Health h = sourced.health();
            out.println((h.bot().healthy() ? "ok: " : "unhealthy: ") + h.bot().describe() + "; " + h.passagesIndexed()
                    + " passages indexed" + (h.indexReadOnly() ? " (index read-only: another process holds it)" : ""));
            return h.bot().healthy() ? 0 : 1;
        }
    }

    /** Drives the bot through a local Bot API server with 100 concurrent chats. */
    static int benchBot(Config config, PrintStream out) {
        try (Sourced sourced = Sourced.open(config)) {
            BotBenchmark.Result r = BotBenchmark.run(sourced.answerer(), sourced.corpus(), out);
            out.println("machine: " + Bench.machine());
            return r.correct() ? 0 : 1;
        } catch (Exception e) {
            if (e instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e);
        }
    }
}
