package dev.sourced.telegram;

import static dev.sourced.telegram.BotFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import dev.sourced.telegram.store.UpdateJournal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** getUpdates that hangs without answering or closing: the poller gives up on the call, polls again, and loses nothing. */
class HangingPollTest extends RunningBot {
    /** Longer than the poller's read timeout (the long-poll timeout plus its margin), so that the call is abandoned. */
    private static final Duration HANG = Duration.ofSeconds(24);

    @Test
    void aQuestionSentWhileGetUpdatesHangsIsAnsweredOnceAfterItAnswersAgain() throws Exception {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        int before = f.server.send(chat, reader, "/help");
        f.server.awaitReplyTo(chat.id(), before, WAIT);

        f.server.hangGetUpdates();
        int during = f.server.send(chat, reader, BotFixture.ENGLISH_QUESTION);
        Thread.sleep(HANG.toMillis());
        assertThat(f.server.messages(chat.id())).extracting(SentMessage::replyTo).doesNotContain(during);

        f.server.releaseGetUpdates();
        f.server.awaitReplyTo(chat.id(), during, WAIT);
        Thread.sleep(1000);
        assertThat(f.server.messages(chat.id())).extracting(SentMessage::replyTo).containsExactly(before, during);
        UpdateJournal journal = new UpdateJournal(f.db);
        f.server.await(() -> journal.pendingCount() == 0, WAIT, () -> journal.pendingCount() + " updates pending");
    }
}
