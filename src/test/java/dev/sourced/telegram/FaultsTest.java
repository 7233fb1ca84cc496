package dev.sourced.telegram;

import dev.sourced.botsim.LocalBotApiServer;
import static dev.sourced.telegram.BotFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.corpus.Lang;
import dev.sourced.telegram.store.ChatStore;
import dev.sourced.botsim.LocalBotApiServer.ApiCall;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Fault;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telegram's refusals and the bot's own limits. */
class FaultsTest {
    @TempDir
    static Path dataDir;
    static BotFixture f;

    @BeforeAll
    static void startBot() throws Exception {
        f = BotFixture.start(dataDir, c -> c.withRateLimitPerMinute(3));
    }

    @AfterAll
    static void stopBot() {
        f.close();
    }

    @Test
    void aTooManyRequestsErrorIsRetriedAfterRetryAfterAndTheReplyArrivesOnce() {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        f.server.failNext("sendMessage", Fault.tooManyRequests(1));
        int asked = f.server.send(chat, reader, BotFixture.ENGLISH_QUESTION);

        SentMessage reply = f.server.awaitReplyTo(chat.id(), asked, WAIT);

        List<ApiCall> attempts = f.server.calls("sendMessage").stream()
                .filter(c -> c.params().path("chat_id").asLong() == chat.id()).toList();
        assertThat(attempts).extracting(ApiCall::status).containsExactly(429, 200);
        assertThat(attempts.get(0).params()).isEqualTo(attempts.get(1).params());
        assertThat(f.server.messages(chat.id())).containsExactly(reply);
    }

    @Test
    void aChatThatBlockedTheBotIsMarkedInactiveAndActiveAgainWhenItWritesAfterUnblocking() {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        ChatStore chats = new ChatStore(f.db);
        f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, BotFixture.ENGLISH_QUESTION), WAIT);
        assertThat(chats.isActive(chat.id())).isTrue();

        f.server.blockChat(chat.id());
        f.server.send(chat, reader, BotFixture.FOLLOW_UP);

        f.server.await(() -> !chats.isActive(chat.id()), WAIT, () -> "chat " + chat.id() + " marked inactive");
        assertThat(f.server.calls("sendMessage")).filteredOn(c -> c.params().path("chat_id").asLong() == chat.id())
                .extracting(ApiCall::status).containsExactly(200, 403);
    }

    @Test
    void aReaderOverTheRateLimitIsToldPolitelyOnceAndOtherReadersAreNotAffected() {
        Person eager = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(eager);
        List<Integer> asked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            asked.add(f.server.send(chat, eager, BotFixture.ENGLISH_QUESTION));
        }
        SentMessage help = f.server.awaitReplyTo(chat.id(), f.server.send(chat, eager, "/help"), WAIT);
        Person calm = BotFixture.reader("en");
        ChatRef calmChat = ChatRef.privateWith(calm);
        SentMessage calmReply = f.server.awaitReplyTo(calmChat.id(), f.server.send(calmChat, calm, BotFixture.ENGLISH_QUESTION), WAIT);

        List<SentMessage> replies = f.server.messages(chat.id());
        assertThat(replies).hasSize(5).endsWith(help);
        assertThat(replies.subList(0, 3)).allSatisfy(r -> assertThat(r.html()).contains("<blockquote>"));
        assertThat(replies.get(3).text()).isEqualTo(Phrase.RATE_LIMITED.in(Lang.EN));
        assertThat(replies.get(3).replyTo()).isEqualTo(asked.get(3));
        assertThat(calmReply.html()).contains("<blockquote>");
    }

    @Test
    void repliesInOneChatKeepTheOrderOfTheQuestions() {
        ChatRef group = BotFixture.group();
        List<Integer> asked = new ArrayList<>();
        List<Person> askers = List.of(BotFixture.reader("fr"), BotFixture.reader("en"), BotFixture.reader("fr"));
        for (int i = 0; i < 6; i++) {
            asked.add(f.server.send(group, askers.get(i % 3), "/ask " + (i % 2 == 0 ? BotFixture.FRENCH_QUESTION : BotFixture.ENGLISH_QUESTION)));
        }
        f.server.awaitReplyTo(group.id(), asked.getLast(), WAIT);

        assertThat(f.server.messages(group.id())).extracting(SentMessage::replyTo).containsExactlyElementsOf(asked);
    }
}
