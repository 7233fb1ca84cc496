package dev.sourced.cli;

import dev.sourced.config.Config;
import dev.sourced.config.ConfigException;
import dev.sourced.telegram.BotBenchmark;
import dev.sourced.telegram.BotConfig;
import dev.sourced.telegram.BotHealth;
import dev.sourced.telegram.TelegramBot;
import java.io.PrintStream;
import java.time.Clock;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/** Commands that reach beyond the engine: the Telegram bot, its health check and its benchmark. */
final class Commands {
    private Commands() {
    }

    /** Runs the bot until the process is stopped (SIGTERM stops it cleanly). */
    static int bot(Config config, PrintStream out) {
        BotConfig bot = BotConfig.fromEnv(config.environment());
        try (Engine engine = Engine.open(config)) {
            out.println("Sourced bot starting over " + engine.corpus().documents().size() + " documents"
                    + (bot.webhookMode() ? " (webhook)" : " (long polling)"));
            TelegramBot.run(bot, engine.answerer(), engine.corpus(), engine.database());
            return 0;
        } catch (TelegramApiException e) {
            throw new ConfigException("Telegram refused to start the bot: " + e.getMessage()
                    + " (check TELEGRAM_BOT_TOKEN and SOURCED_TELEGRAM_API_URL)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The store and the index answer, and (when a bot has run on this data) when it last heard from Telegram. */
    static int health(Config config, PrintStream out) {
        try (Engine engine = Engine.open(config, false)) {
            BotHealth h = BotHealth.check(engine.database(), engine.answerer(), engine.corpus(), Clock.systemUTC());
            out.println((h.healthy() ? "ok: " : "unhealthy: ") + h.describe() + "; " + engine.index().passageCount() + " passages indexed"
                    + (engine.index().readOnly() ? " (index read-only: another process holds it)" : ""));
            return h.healthy() ? 0 : 1;
        }
    }

    /** Drives the bot through a local Bot API server with 100 concurrent chats. */
    static int benchBot(Config config, PrintStream out) {
        try (Engine engine = Engine.open(config)) {
            BotBenchmark.Result r = BotBenchmark.run(engine.answerer(), engine.corpus(), out);
            out.println("machine: " + Bench.machine());
            return r.correct() ? 0 : 1;
        } catch (Exception e) {
            if (e instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e);
        }
    }
}
