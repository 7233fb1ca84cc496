package dev.sourced.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.botsim.LocalBotApiServer;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import dev.sourced.corpus.DocumentMeta;
import dev.sourced.corpus.Lang;
import dev.sourced.corpus.SourceDocument;
import dev.sourced.telegram.BotConfig;
import dev.sourced.telegram.TelegramBot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another process writes to the store the bot runs on (the CLI): the bot sees it within seconds. */
class OutsideWritersTest {
    private static final String TOKEN = "123456789:AAoutside-writers-test";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String QUESTION = "What did the city council vote for the tramway?";

    @TempDir
    Path data;

    @Test
    void aDocumentIngestedByAnotherProcessWhileTheBotRunsIsCitedWithinFiveSeconds() throws Exception {
        try (LocalBotApiServer server = LocalBotApiServer.start(TOKEN);
             Sourced bots = Sourced.open(TestEngines.lexicalOnly(data))) {
            TelegramBot bot = bots.startBot(BotConfig.of(TOKEN).withApiUrl(server.url()).withPollTimeoutSeconds(1)
                    .withShutdownGrace(Duration.ofSeconds(1)).withTypingDelay(Duration.ZERO).withRateLimitPerMinute(0),
                    Set.of(), bots.intake());
            try {
                Person reader = new Person(4242, "Reader", "en");
                ChatRef chat = ChatRef.privateWith(reader);
                SentMessage before = server.awaitReplyTo(chat.id(), server.send(chat, reader, QUESTION), WAIT);
                assertThat(before.html()).doesNotContain("tramway budget");

                try (Sourced cli = Sourced.open(TestEngines.lexicalOnly(data), false)) {
                    assertThat(cli.health().indexReadOnly()).isTrue();
                    cli.curation().ingest(new SourceDocument(new DocumentMeta("tram", "Tramway budget voted", "City News", "",
                            Lang.EN, "2023-05-01", "test:tram"), "text",
                            "The city council voted the tramway budget on Tuesday evening. The line will cost 300 million euros."));
                    assertThat(cli.health().outboxLag()).isPositive();
                }
                long ingested = System.nanoTime();
                SentMessage after = null;
                while (System.nanoTime() - ingested < Duration.ofSeconds(5).toNanos()) {
                    SentMessage r = server.awaitReplyTo(chat.id(), server.send(chat, reader, QUESTION), WAIT);
                    if (r.html().contains("tramway budget")) {
                        after = r;
                        break;
                    }
                    Thread.sleep(200);
                }
                assertThat(after).as("a reply citing the document ingested by the other process within 5 s").isNotNull();
                assertThat(bots.health().outboxLag()).isZero();
            } finally {
                bot.close();
            }
        }
    }

    @Test
    void aCommandLineOnlySetupWhereNoBotWasEverConfiguredIsHealthy() {
        try (Sourced cli = Sourced.open(TestEngines.lexicalOnly(data))) {
            Sourced.Health h = cli.health();
            assertThat(h.bot().healthy()).as(h.bot().describe()).isTrue();
            assertThat(h.bot().mode()).isEqualTo("none");
            assertThat(h.outboxLag()).isZero();
        }
    }
}
