package dev.sourced.telegram;

import static dev.sourced.telegram.BotFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.telegram.LocalBotApiServer.ChatRef;
import dev.sourced.telegram.LocalBotApiServer.Person;
import dev.sourced.telegram.LocalBotApiServer.SentMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationTest {
    @TempDir
    static Path dataDir;
    static BotFixture f;

    @BeforeAll
    static void startBot() throws Exception {
        f = BotFixture.start(dataDir);
    }

    @AfterAll
    static void stopBot() {
        f.close();
    }

    @Test
    void aQuestionInAPrivateChatIsAnsweredWithNumberedQuotesAndTheirSources() {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        int asked = f.server.send(chat, reader, "How high did the Seine rise in Paris?");

        SentMessage reply = f.server.awaitReplyTo(chat.id(), asked, WAIT);

        assertThat(reply.html()).contains("<blockquote><b>[1]</b>");
        assertThat(reply.text()).contains("Sources");
        assertThat(reply.buttons()).contains("fb:" + answerId(reply) + ":up");
        System.out.println(reply.html());
    }

    static String answerId(SentMessage m) {
        return m.buttons().stream().filter(b -> b.startsWith("fb:")).findFirst().orElseThrow().split(":")[1];
    }
}
