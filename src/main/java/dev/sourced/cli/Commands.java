package dev.sourced.cli;

import dev.sourced.config.Config;
import java.io.PrintStream;

/** Commands that reach beyond the engine: the Telegram bot and the health check. */
final class Commands {
    private Commands() {
    }

    /**
     * Runs the Telegram bot over the engine until the process is stopped; the admins named in SOURCED_ADMINS (and the
     * moderators they appoint) curate the corpus from the chat.
     */
    static int bot(Config config, PrintStream out) {
        dev.sourced.telegram.BotConfig botConfig;
        try {
            botConfig = dev.sourced.telegram.BotConfig.fromEnv(config.environment());
        } catch (IllegalArgumentException e) {
            throw new dev.sourced.config.ConfigException(e.getMessage());
        }
        try (Engine engine = Engine.open(config)) {
            dev.sourced.telegram.Moderation moderation = dev.sourced.telegram.Moderation.fromEnv(engine, config.environment());
            dev.sourced.telegram.TelegramBot bot = dev.sourced.telegram.TelegramBot.start(botConfig, engine.database(), moderation);
            out.println("bot @" + bot.username() + " running; " + moderation.admins().size() + " admin(s); Ctrl-C stops it");
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("telegram-bot-stop").unstarted(bot::close));
            bot.awaitStop();
            return 0;
        } catch (org.telegram.telegrambots.meta.exceptions.TelegramApiException e) {
            throw new dev.sourced.config.ConfigException("cannot start the Telegram bot: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    static int health(Config config, PrintStream out) {
        try (Engine engine = Engine.open(config, false)) {
            int docs = engine.corpus().documents().size();
            int passages = engine.index().passageCount();
            out.println("ok: " + docs + " documents, " + passages + " passages indexed"
                    + (engine.index().readOnly() ? " (index read-only: another process holds it)" : ""));
            return 0;
        }
    }
}
