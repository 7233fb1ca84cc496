package dev.sourced.telegram;

import dev.sourced.botsim.LocalBotApiServer;
import static dev.sourced.telegram.BotFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.telegram.store.UpdateJournal;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A stop in the middle of a batch: every question is answered exactly once, by this run or the next. */
class RestartTest extends RunningBot {
    private static final int CHATS = 3;
    private static final int QUESTIONS_PER_CHAT = 4;
    private static final int DELIVERED_BEFORE_OUTAGE = 4;

    @Test
    void aRestartInTheMiddleOfABatchLosesNoQuestionAndAnswersNoneTwice() throws Exception {
        f.server.holdSendMessagesAfter(DELIVERED_BEFORE_OUTAGE);
        List<ChatRef> chats = new ArrayList<>();
        List<Integer> questions = new ArrayList<>();
        for (int c = 0; c < CHATS; c++) {
            Person reader = BotFixture.reader("en");
            ChatRef chat = ChatRef.privateWith(reader);
            chats.add(chat);
            for (int q = 0; q < QUESTIONS_PER_CHAT; q++) {
                questions.add(f.server.send(chat, reader, "Question " + q + ": " + BotFixture.ENGLISH_QUESTION));
            }
        }
        f.server.await(() -> f.server.allMessages().size() == DELIVERED_BEFORE_OUTAGE && f.server.heldCount() > 0
                && f.server.allUpdatesConfirmed(), WAIT, () -> "the outage to start, every update received");

        f.bot.close();
        f.server.releaseHeld();
        UpdateJournal journal = new UpdateJournal(f.db);
        assertThat(journal.pendingCount()).isEqualTo(CHATS * QUESTIONS_PER_CHAT - DELIVERED_BEFORE_OUTAGE);

        f.server.resendAll();
        f.restart();
        for (ChatRef chat : chats) {
            f.server.awaitMessages(chat.id(), QUESTIONS_PER_CHAT, WAIT);
        }
        // a last question per chat: once it is answered, any duplicate of an earlier reply would be there before it
        for (ChatRef chat : chats) {
            Person reader = new Person(chat.id(), chat.title(), "en");
            f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, BotFixture.FOLLOW_UP), WAIT);
        }

        Map<Integer, Long> repliesPerQuestion = f.server.allMessages().stream().map(SentMessage::replyTo)
                .filter(questions::contains).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(repliesPerQuestion).hasSize(questions.size()).allSatisfy((q, n) -> assertThat(n).isEqualTo(1));
        for (ChatRef chat : chats) {
            List<Integer> order = f.server.messages(chat.id()).stream().map(SentMessage::replyTo).toList();
            assertThat(order.subList(0, QUESTIONS_PER_CHAT)).isSorted();
        }
        // an update is marked done just after its reply is sent: wait for the last ones to be marked
        f.server.await(() -> journal.pendingCount() == 0, WAIT, () -> journal.pendingCount() + " updates still pending");
        assertThat(journal.pendingCount()).isZero();
    }
}
