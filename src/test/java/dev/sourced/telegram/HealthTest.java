package dev.sourced.telegram;

import dev.sourced.botsim.LocalBotApiServer;
import static dev.sourced.telegram.BotFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health check: polling alive (a recent successful getUpdates) and the index readable. */
class HealthTest {
    @TempDir
    Path dataDir;
    BotFixture f;

    @BeforeEach
    void startBot() throws Exception {
        f = BotFixture.start(dataDir);
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, BotFixture.ENGLISH_QUESTION), WAIT);
    }

    @AfterEach
    void stopBot() {
        f.close();
    }

    @Test
    void aRunningBotReportsPollingAliveAndTheIndexReadable() {
        BotHealth h = f.bot.health();

        assertThat(h.healthy()).as(h.describe()).isTrue();
        assertThat(h.mode()).isEqualTo("polling");
        assertThat(h.lastContact()).isNotNull();
        assertThat(h.documents()).isEqualTo(f.corpus.documents().size());
        assertThat(h.describe()).startsWith("OK mode=polling");
    }

    @Test
    void theCheckFromAnotherProcessReadsTheHeartbeatFromTheStoreAndNoticesWhenItIsStale() {
        BotHealth now = BotHealth.check(f.db, f.answerer, f.corpus, Clock.systemUTC());
        BotHealth later = BotHealth.check(f.db, f.answerer, f.corpus,
                Clock.offset(Clock.systemUTC(), BotHealth.STALE_AFTER.plus(Duration.ofMinutes(1))));

        assertThat(now.healthy()).as(now.describe()).isTrue();
        assertThat(later.healthy()).isFalse();
        assertThat(later.indexReadable()).isTrue();
        assertThat(later.problem()).contains("no contact with Telegram since");
    }

    @Test
    void aStoppedBotReportsItsConnectionStopped() {
        f.bot.close();

        BotHealth h = f.bot.health();

        assertThat(h.healthy()).isFalse();
        assertThat(h.problem()).contains("connection is stopped");
    }
}
