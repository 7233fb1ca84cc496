package dev.sourced.cli;

import dev.sourced.answer.CorpusView;
import dev.sourced.config.Config;
import dev.sourced.config.ConfigException;
import dev.sourced.telegram.BotConfig;
import dev.sourced.telegram.BotHealth;
import dev.sourced.telegram.TelegramBot;
import java.io.PrintStream;
import java.util.List;
import java.time.Duration;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Commands that reach beyond the engine: the Telegram bot, its health check and its crash soak ({@link BenchBot} has
 * the bot's benchmark). {@link Main} opens Sourced and hands each only what it uses.
 */
final class Commands {
    /** Starts the bot over the opened corpus. */
    @FunctionalInterface
    interface BotStarter {
        TelegramBot start(BotConfig config) throws TelegramApiException;
    }

    private Commands() {
    }

    /** The bot's settings from the environment; a malformed one is a configuration error naming it. */
    static BotConfig botConfig(Config config) {
        java.util.Map<String, String> env = config.environment();
        String secret = env.get(BotConfig.ENV_WEBHOOK_SECRET);
        if (!env.getOrDefault("SOURCED_DATABASE_URL", "").isBlank() && !env.getOrDefault(BotConfig.ENV_WEBHOOK_URL, "").isBlank()
                && (secret == null || secret.isBlank())) {
            // each replica would make up a secret of its own and register it: Telegram would be refused by the others
            throw new ConfigException(BotConfig.ENV_WEBHOOK_SECRET + " must be set, the same on every replica, when"
                    + " replicas share a database (SOURCED_DATABASE_URL) in webhook mode");
        }
        try {
            return BotConfig.fromEnv(env);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /**
     * Runs the Telegram bot until the process is stopped (SIGTERM stops it cleanly); the admins named in
     * SOURCED_ADMINS (and the moderators they appoint) curate the corpus from the chat.
     */
    static int bot(BotConfig botConfig, BotStarter starter, CorpusView corpus, PrintStream out) {
        try {
            TelegramBot bot = starter.start(botConfig);
            out.println("bot @" + bot.username() + " running over " + corpus.documents().size() + " documents"
                    + (botConfig.webhookMode() ? " (webhook)" : " (long polling)") + "; " + bot.admins()
                    + " admin(s); Ctrl-C stops it");
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("telegram-bot-stop").unstarted(bot::close));
            bot.awaitStop();
            return 0;
        } catch (dev.sourced.telegram.BotLockedException e) {
            throw new ConfigException("cannot start the Telegram bot: " + e.getMessage());
        } catch (TelegramApiException e) {
            throw new ConfigException("cannot start the Telegram bot: " + e.getMessage()
                    + " (check TELEGRAM_BOT_TOKEN and SOURCED_TELEGRAM_API_URL)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** The store and the index answer, and (when a bot has run on this data) when it last heard from Telegram. */
    /** Prints the health on one line; {@code replica} says which replica and who polls. Returns the exit code. */
    static int health(BotHealth h, int passagesIndexed, boolean indexReadOnly, long outboxLag, String replica, PrintStream out) {
        out.println((h.healthy() ? "ok: " : "unhealthy: ") + h.describe() + "; " + passagesIndexed
                + " passages indexed" + (indexReadOnly ? " (index read-only: another process holds it)" : "")
                + "; outboxLag=" + outboxLag + "; " + replica);
        return h.healthy() ? 0 : 1;
    }

    /**
     * {@code bench-bot --kill-every 5s --rounds N [--chats N] [--rate Q]}: the bot runs as a child JVM on a data
     * directory of its own and is killed with SIGKILL every so often while readers ask; reports lost and duplicated.
     */
    static int soak(dev.sourced.config.Config config, List<String> args,
                    java.util.function.Function<java.util.Map<String, String>, List<String>> seedAndAsk, PrintStream out) {
        dev.sourced.botsim.KillSoak.Options o = dev.sourced.botsim.KillSoak.Options.DEFAULT;
        Duration every = o.killEvery();
        int rounds = o.rounds();
        int chats = o.chats();
        double rate = o.rate();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (i + 1 >= args.size()) throw new Main.UsageException("bench-bot: " + a + " needs a value");
            String v = args.get(++i);
            try {
                switch (a) {
                    case "--kill-every" -> every = v.endsWith("ms") ? Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)))
                            : Duration.ofSeconds(Long.parseLong(v.replaceAll("s$", "")));
                    case "--rounds" -> rounds = Integer.parseInt(v);
                    case "--chats" -> chats = Integer.parseInt(v);
                    case "--rate" -> rate = Double.parseDouble(v);
                    default -> throw new Main.UsageException("bench-bot: unknown option " + a);
                }
            } catch (NumberFormatException e) {
                throw new Main.UsageException("bench-bot: " + a + " " + v + " is not a number");
            }
        }
        if (rounds < 1 || chats < 1 || rate <= 0 || every.isZero() || every.isNegative()) {
            throw new Main.UsageException("bench-bot: --rounds, --chats, --rate and --kill-every must be positive");
        }
        try {
            java.nio.file.Path data = java.nio.file.Files.createTempDirectory("sourced-soak-data");
            java.util.Map<String, String> env = new java.util.HashMap<>(config.environment());
            env.put("SOURCED_DATA", data.toString());
            env.put("SOURCED_CORPUS", config.corpusDir().toAbsolutePath().toString());
            // the soak's own data directory is seeded before the first bot starts (a kill must not land in the seeding)
            List<String> questions = seedAndAsk.apply(env);
            dev.sourced.botsim.KillSoak.Result r = dev.sourced.botsim.KillSoak.run(botProcess(), env, questions,
                    new dev.sourced.botsim.KillSoak.Options(every, rounds, chats, rate), out);
            out.println("data of the soak: " + data);
            return r.correct() ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (Exception e) {
            if (e instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e);
        }
    }

    /** The command that runs {@code sourced bot} in a child JVM, on this JVM's class path. */
    static List<String> botProcess() {
        String java = ProcessHandle.current().info().command().orElse("java");
        return List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "bot");
    }
}
