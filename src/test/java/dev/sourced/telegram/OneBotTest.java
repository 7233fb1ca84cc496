package dev.sourced.telegram;

import static dev.sourced.telegram.BotFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sourced.botsim.LocalBotApiServer.ApiCall;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Fault;
import dev.sourced.botsim.LocalBotApiServer.Person;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One bot per data directory and per token. */
class OneBotTest extends RunningBot {
    @Test
    void aSecondBotOnTheSameDataDirectoryIsRefusedWithTheHoldersPidAndHostAndMayStartOnceTheFirstStops() throws Exception {
        assertThatThrownBy(() -> TelegramBot.start(f.config, f.answerer, f.corpus, f.db))
                .isInstanceOf(BotLockedException.class)
                .hasMessageContaining("another Sourced bot already runs on " + dataDir.toAbsolutePath())
                .hasMessageContaining("pid " + ProcessHandle.current().pid() + " on ");
        // the first bot is unharmed
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, "/help"), WAIT);

        f.restart();
        f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, "/help"), WAIT);
    }

    @Test
    void aConflictFromGetUpdatesIsBackedOffExponentiallyAndPollingResumesWhenTheOtherInstanceStops() throws Exception {
        f.server.startOutage("getUpdates", Fault.conflict());
        f.server.await(() -> f.server.calls("getUpdates").stream().anyMatch(c -> c.status() == 409), WAIT,
                () -> "a first 409");
        Thread.sleep(4_000);
        long conflicts = f.server.calls("getUpdates").stream().filter(c -> c.status() == 409).count();
        // 1 s, 2 s, 4 s between tries: at most 3 or 4 in these 4 s, not one per second or faster
        assertThat(conflicts).isBetween(2L, 4L);

        f.server.endOutage("getUpdates");
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, "/help"), WAIT);
        assertThat(f.server.calls("getUpdates")).extracting(ApiCall::status).endsWith(200);
    }
}
