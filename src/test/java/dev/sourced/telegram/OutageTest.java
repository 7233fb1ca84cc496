package dev.sourced.telegram;

import static dev.sourced.telegram.BotFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.botsim.LocalBotApiServer.ApiCall;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Fault;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import dev.sourced.telegram.store.UpdateJournal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A Bot API outage longer than the in-place retries: the bot keeps trying while it runs, in each chat's order. */
class OutageTest extends RunningBot {
    /** Longer than the retries of one call (0.5 s + 1 s), so that the update itself must be tried again. */
    private static final Duration OUTAGE = Duration.ofSeconds(5);

    @Test
    void anUpdateStrandedBySendMessageFailingWith500IsAnsweredOnceWhenItRecoversBeforeTheChatsLaterQuestion() throws Exception {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        Person other = BotFixture.reader("en");
        ChatRef otherChat = ChatRef.privateWith(other);
        f.server.startOutage("sendMessage", Fault.serverError());
        int first = f.server.send(chat, reader, BotFixture.ENGLISH_QUESTION);
        f.server.await(() -> f.server.calls("sendMessage").stream().filter(c -> c.status() == 500).count() >= 3, WAIT,
                () -> "the first reply to fail three times");
        int later = f.server.send(chat, reader, "/help");
        int elsewhere = f.server.send(otherChat, other, "/help");
        Thread.sleep(OUTAGE.toMillis());
        assertThat(f.server.messages(chat.id())).isEmpty();

        f.server.endOutage("sendMessage");

        f.server.awaitReplyTo(chat.id(), later, WAIT);
        f.server.awaitReplyTo(otherChat.id(), elsewhere, WAIT);
        List<SentMessage> replies = f.server.messages(chat.id());
        assertThat(replies).extracting(SentMessage::replyTo).containsExactly(first, later);
        assertThat(f.server.calls("sendMessage")).filteredOn(c -> c.params().path("chat_id").asLong() == chat.id())
                .extracting(ApiCall::status).endsWith(200, 200).filteredOn(s -> s == 200).hasSize(2);
        UpdateJournal journal = new UpdateJournal(f.db);
        f.server.await(() -> journal.pendingCount() == 0, WAIT, () -> journal.pendingCount() + " updates pending");
    }
}
