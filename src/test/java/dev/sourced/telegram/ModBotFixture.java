package dev.sourced.telegram;

import dev.sourced.botsim.LocalBotApiServer;
import dev.sourced.app.Sourced;
import dev.sourced.app.TestEngines;
import dev.sourced.corpus.DocumentIntake;
import dev.sourced.store.Database;
import dev.sourced.store.DocumentStore;
import dev.sourced.telegram.store.BotTables;
import dev.sourced.telegram.store.ModerationStore;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import dev.sourced.corpus.PageFetcher;
import dev.sourced.corpus.UntrustedParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bot with moderation over an engine of its own (the seed corpus, lexical retrieval only, in a temporary directory),
 * its tables in the engine's database, against a {@link LocalBotApiServer}. One admin; moderators are appointed by
 * the tests with /mod add. Limits are small so that hostile files stay small: 2 MB per file, 50,000 characters.
 */
final class ModBotFixture implements AutoCloseable {
    static final Person ADMIN = new Person(900_001L, "Ada", "en");
    static final Duration WAIT = BotFixture.WAIT;
    static final UntrustedParser.Limits LIMITS = new UntrustedParser.Limits(2L * 1024 * 1024, Duration.ofSeconds(20), 50_000, 50);
    private static final Pattern PREVIEW = Pattern.compile("#(\\d+)");

    final Sourced engine;
    final LocalBotApiServer server;
    final BotConfig config;
    final DocumentIntake intake;
    /** The same database file as the bot's, for the tests to look into: documents, moderation tables. */
    final Database db;
    final DocumentStore documents;
    final ModerationStore store;
    TelegramBot bot;

    private ModBotFixture(Sourced engine, Path dir) throws Exception {
        this.engine = engine;
        this.server = LocalBotApiServer.start(BotFixture.TOKEN);
        this.config = BotConfig.of(BotFixture.TOKEN).withApiUrl(server.url()).withPollTimeoutSeconds(5)
                .withShutdownGrace(Duration.ofSeconds(2)).withTypingDelay(Duration.ZERO).withRateLimitPerMinute(0);
        this.intake = new DocumentIntake(new UntrustedParser(LIMITS),
                new PageFetcher(PageFetcher.Limits.DEFAULT.withPrivateAddresses(true)));
        this.db = BotTables.open(dir.resolve(Sourced.DB_FILE));
        this.documents = new DocumentStore(db);
        this.store = new ModerationStore(db);
        this.bot = engine.startBot(config, Set.of(ADMIN.id()), intake);
    }

    static ModBotFixture start(Path dir) throws Exception {
        return new ModBotFixture(Sourced.open(TestEngines.lexicalOnly(dir)), dir);
    }

    /** Stops the bot and starts a new one on the same store and server, as after a restart of the process. */
    void restart() throws Exception {
        bot.close();
        bot = engine.startBot(config, Set.of(ADMIN.id()), intake);
    }

    /** A new user appointed moderator by the admin (through /mod add, in the admin's private chat). */
    Person newModerator() {
        return newModerator("en");
    }

    /** A new moderator whose Telegram is set to {@code languageCode}. */
    Person newModerator(String languageCode) {
        Person p = BotFixture.reader(languageCode);
        ChatRef adminChat = ChatRef.privateWith(ADMIN);
        SentMessage r = server.awaitReplyTo(adminChat.id(), server.send(adminChat, ADMIN, "/mod add " + p.id()), WAIT);
        if (!r.text().contains("is now a moderator")) throw new IllegalStateException(r.text());
        return p;
    }

    /** Sends a message and waits for the bot's reply to it. */
    SentMessage say(ChatRef chat, Person from, String text) {
        return server.awaitReplyTo(chat.id(), server.send(chat, from, text), WAIT);
    }

    SentMessage sendFile(ChatRef chat, Person from, String name, byte[] content) {
        return server.awaitReplyTo(chat.id(), server.sendDocument(chat, from, name, null, content), WAIT);
    }

    static long previewNumber(SentMessage preview) {
        Matcher m = PREVIEW.matcher(preview.text());
        if (!m.find()) throw new IllegalStateException("not a preview: " + preview.text());
        return Long.parseLong(m.group(1));
    }

    /** Presses a button of a preview ("ok", "no", "meta") and waits for the bot's next new message in the chat. */
    SentMessage press(ChatRef chat, Person who, SentMessage preview, String action) {
        int before = server.messages(chat.id()).stream().filter(m -> !m.edited()).toList().size();
        String data = "mod:" + action + ":" + previewNumber(preview);
        if (!preview.buttons().contains(data)) throw new IllegalStateException("no button " + data + " in " + preview.buttons());
        server.press(chat, who, preview.messageId(), data);
        List<SentMessage> all = server.awaitMessages(chat.id(), before + 1, WAIT);
        return all.get(all.size() - 1);
    }

    @Override
    public void close() {
        bot.close();
        server.close();
        intake.close();
        db.close();
        engine.close();
    }
}
