package dev.sourced.telegram;

import dev.sourced.botsim.LocalBotApiServer;
import static dev.sourced.telegram.BotFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Fault;
import dev.sourced.botsim.LocalBotApiServer.Person;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token never reaches the logs, even when calls fail. */
class SecretsTest {
    @TempDir
    Path dataDir;

    @Test
    void theTokenIsNeverLoggedEvenWhenCallsFail() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (BotFixture f = BotFixture.start(dataDir)) {
            Person reader = BotFixture.reader("en");
            ChatRef chat = ChatRef.privateWith(reader);
            f.server.failNext("sendMessage", new Fault(500, "Internal Server Error", null));
            f.server.failNext("sendMessage", new Fault(400, "Bad Request: chat not found", null));
            f.server.send(chat, reader, BotFixture.ENGLISH_QUESTION);
            f.server.awaitCalls("sendMessage", 2, WAIT);
            f.server.failNext("getUpdates", new Fault(502, "Bad Gateway", null));
            f.server.blockChat(chat.id());
            f.server.send(chat, reader, BotFixture.FOLLOW_UP);
            f.server.awaitCalls("sendMessage", 3, WAIT);
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("stopping bot").doesNotContain(BotFixture.TOKEN).doesNotContain(BotFixture.TOKEN.split(":")[1]);
    }
}
