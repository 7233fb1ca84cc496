package dev.sourced.telegram;

import dev.sourced.botsim.LocalBotApiServer;
import dev.sourced.answer.Answerer;
import dev.sourced.app.Sourced;
import dev.sourced.answer.CorpusView;
import dev.sourced.store.Database;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A bot started against a {@link LocalBotApiServer} (the only stand-in: Telegram itself), over a real store and corpus.
 * Gives fresh readers and chats to each test so that tests sharing a bot do not see each other's conversations.
 */
final class BotFixture implements AutoCloseable {
    static final String TOKEN = "123456789:AAtest-Token_for_the_local_server";
    /** A question in English the seed corpus answers with more than three quotes. */
    static final String ENGLISH_QUESTION = "What did Musk buy for Twitter?";
    /** A question in French the seed corpus answers with more than three quotes. */
    static final String FRENCH_QUESTION = "Que demandait la lettre ouverte ?";
    /** A follow-up answered only in the light of {@link #ENGLISH_QUESTION}. */
    static final String FOLLOW_UP = "How many?";
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final int TEST_POLL_TIMEOUT_SECONDS = 5;
    private static final Duration TEST_GRACE = Duration.ofSeconds(2);
    private static final AtomicLong NEXT_ID = new AtomicLong(10_000);

    final LocalBotApiServer server;
    final Database db;
    final Answerer answerer;
    final CorpusView corpus;
    final BotConfig config;
    TelegramBot bot;

    private BotFixture(LocalBotApiServer server, Database db, Answerer answerer, CorpusView corpus, BotConfig config) throws Exception {
        this.server = server;
        this.db = db;
        this.answerer = answerer;
        this.corpus = corpus;
        this.config = config;
        this.bot = TelegramBot.start(config, answerer, corpus, db);
    }

    /**
     * A polling bot with test timings over the seed corpus, its own tables in {@code dataDir}; {@code tweak} adjusts
     * the configuration.
     */
    static BotFixture start(Path dataDir, UnaryOperator<BotConfig> tweak) throws Exception {
        return start(SeedEngine.get(), dataDir, tweak);
    }

    static BotFixture start(Sourced engine, Path dataDir, UnaryOperator<BotConfig> tweak) throws Exception {
        LocalBotApiServer server = LocalBotApiServer.start(TOKEN);
        Database db = dev.sourced.telegram.store.BotTables.open(dataDir.resolve("bot.db"));
        BotConfig config = tweak.apply(BotConfig.of(TOKEN).withApiUrl(server.url())
                .withPollTimeoutSeconds(TEST_POLL_TIMEOUT_SECONDS).withShutdownGrace(TEST_GRACE).withTypingDelay(Duration.ZERO));
        return new BotFixture(server, db, engine.answerer(), engine.corpus(), config);
    }

    static BotFixture start(Path dataDir) throws Exception {
        return start(dataDir, c -> c);
    }

    /** Stops the bot and starts a new one on the same store and server, as after a restart of the process. */
    TelegramBot restart() throws Exception {
        bot.close();
        bot = TelegramBot.start(config, answerer, corpus, db);
        return bot;
    }

    static Person reader(String languageCode) {
        long id = NEXT_ID.incrementAndGet();
        return new Person(id, "Reader" + id, languageCode);
    }

    static ChatRef group() {
        long id = -1_000_000_000_000L - NEXT_ID.incrementAndGet();
        return ChatRef.group(id, "Readers' club " + (-id));
    }

    @Override
    public void close() {
        if (bot != null) {
            bot.close();
        }
        server.close();
        db.close();
    }
}
