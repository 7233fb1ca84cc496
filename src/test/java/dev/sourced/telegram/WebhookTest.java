package dev.sourced.telegram;

import dev.sourced.botsim.LocalBotApiServer;
import static dev.sourced.telegram.BotFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook mode: setWebhook with a secret token, updates posted to the bot's own HTTP server, the secret checked. */
class WebhookTest {
    private static final String SECRET = "webhook_Secret-for-tests_42";
    @TempDir
    static Path dataDir;
    static BotFixture f;

    @BeforeAll
    static void startBot() throws Exception {
        int port = freePort();
        URI hook = URI.create("http://127.0.0.1:" + port + "/telegram/updates");
        f = BotFixture.start(dataDir, c -> c.withWebhook(hook, SECRET, "127.0.0.1", port));
    }

    @AfterAll
    static void stopBot() {
        f.close();
    }

    @Test
    void theWebhookIsRegisteredWithItsSecretAndPollingIsNotUsed() {
        assertThat(f.server.webhookUrl()).contains(f.config.webhookUrl());
        assertThat(f.server.webhookSecret()).contains(SECRET);
        assertThat(f.server.calls("getUpdates")).isEmpty();
        assertThat(f.bot.health().mode()).isEqualTo("webhook");
    }

    @Test
    void updatesPostedWithTheRightSecretAreAnswered() {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        int asked = f.server.send(chat, reader, BotFixture.ENGLISH_QUESTION);

        SentMessage reply = f.server.awaitReplyTo(chat.id(), asked, WAIT);

        assertThat(reply.html()).contains("<blockquote>");
        f.server.await(() -> f.server.webhookStatuses().contains(200), WAIT, () -> "the delivery acknowledged with 200");
    }

    @Test
    void aRequestWithoutTheRightSecretIsRefusedWith403AndNotAnswered() {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        ObjectNode forged = f.server.textUpdate(chat, reader, BotFixture.ENGLISH_QUESTION);
        ObjectNode unsigned = f.server.textUpdate(chat, reader, BotFixture.FOLLOW_UP);

        assertThat(f.server.postToWebhook(forged, "not-the-secret")).isEqualTo(403);
        assertThat(f.server.postToWebhook(unsigned, null)).isEqualTo(403);
        int asked = f.server.send(chat, reader, BotFixture.ENGLISH_QUESTION);
        f.server.awaitReplyTo(chat.id(), asked, WAIT);

        assertThat(f.server.messages(chat.id())).hasSize(1);
    }

    @Test
    void aBodyThatIsNotAnUpdateIsRefusedWithoutHarm() {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        ObjectNode junk = f.server.textUpdate(chat, reader, "x");
        junk.removeAll();
        junk.put("hello", "world");
        junk.put("update_id", "not a number");

        assertThat(f.server.postToWebhook(junk, SECRET)).isEqualTo(400);
        f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, BotFixture.ENGLISH_QUESTION), WAIT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
