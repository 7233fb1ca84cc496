package dev.sourced.telegram;

import dev.sourced.botsim.LocalBotApiServer;
import static dev.sourced.telegram.BotFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.answer.Citation;
import dev.sourced.telegram.store.AnswerStore;
import dev.sourced.telegram.store.AnswerStore.StoredAnswer;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inline buttons under an answer: context, more sources, feedback. Every press is acknowledged. */
class ButtonsTest {
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
    void theContextButtonShowsTheSentencesAroundTheQuoteWithTheQuoteInBold() {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        SentMessage answer = f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, BotFixture.ENGLISH_QUESTION), WAIT);
        StoredAnswer stored = stored(answer);
        Citation first = stored.citations().get(0);

        String callback = f.server.press(chat, reader, answer.messageId(), "ctx:" + stored.id() + ":1");
        SentMessage context = f.server.awaitReplyTo(chat.id(), answer.messageId(), WAIT);

        String around = f.corpus.contextAround(first.docId(), first.start(), first.end()).orElseThrow();
        assertThat(context.text()).contains("[1]").contains(around.strip().substring(0, Math.min(60, around.strip().length())));
        assertThat(context.html()).contains("<b>" + Html.escape(first.text()) + "</b>");
        assertAcknowledgedOnce(callback);
    }

    @Test
    void moreSourcesShowsTheQuotesBeyondTheFirstThree() {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        SentMessage answer = f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, BotFixture.ENGLISH_QUESTION), WAIT);
        StoredAnswer stored = stored(answer);
        assertThat(stored.citations()).hasSizeGreaterThan(ReplyFormatter.QUOTES_SHOWN);
        assertThat(answer.html()).doesNotContain("<b>[" + (ReplyFormatter.QUOTES_SHOWN + 1) + "]</b>");

        String callback = f.server.press(chat, reader, answer.messageId(), "more:" + stored.id());
        SentMessage more = f.server.awaitReplyTo(chat.id(), answer.messageId(), WAIT);

        Citation fourth = stored.citations().get(ReplyFormatter.QUOTES_SHOWN);
        assertThat(more.text()).contains("More sources").contains("[4]").contains(fourth.text().strip());
        assertThat(more.buttons()).contains("ctx:" + stored.id() + ":4");
        assertAcknowledgedOnce(callback);
    }

    @Test
    void feedbackIsStoredOnePerReaderTheLastVoteCounting() {
        Person reader = BotFixture.reader("fr");
        Person other = BotFixture.reader("en");
        ChatRef group = BotFixture.group();
        SentMessage answer = f.server.awaitReplyTo(group.id(),
                f.server.send(group, reader, "/ask " + BotFixture.FRENCH_QUESTION), WAIT);
        StoredAnswer stored = stored(answer);

        String up = f.server.press(group, reader, answer.messageId(), "fb:" + stored.id() + ":up");
        String otherDown = f.server.press(group, other, answer.messageId(), "fb:" + stored.id() + ":down");
        String down = f.server.press(group, reader, answer.messageId(), "fb:" + stored.id() + ":down");
        f.server.awaitCalls("answerCallbackQuery", 3, WAIT);
        f.server.await(() -> acknowledged(down), WAIT, () -> "the last vote acknowledged");

        assertThat(new AnswerStore(f.db).votes(stored.id())).isEqualTo(new AnswerStore.Votes(0, 2));
        assertAcknowledgedOnce(up);
        assertAcknowledgedOnce(otherDown);
        assertAcknowledgedOnce(down);
        assertThat(f.server.calls("answerCallbackQuery")).filteredOn(c -> c.params().path("callback_query_id").asText().equals(up))
                .allSatisfy(c -> assertThat(c.params().path("text").asText()).contains("Merci"));
    }

    @Test
    void aButtonOfAnUnknownAnswerOrForeignDataIsStillAcknowledged() {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        SentMessage answer = f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, BotFixture.ENGLISH_QUESTION), WAIT);

        String gone = f.server.press(chat, reader, answer.messageId(), "ctx:987654321:1");
        String foreign = f.server.press(chat, reader, answer.messageId(), "something-else");
        f.server.await(() -> acknowledged(gone) && acknowledged(foreign), WAIT, () -> "both presses acknowledged");

        assertAcknowledgedOnce(gone);
        assertAcknowledgedOnce(foreign);
        assertThat(f.server.calls("answerCallbackQuery")).filteredOn(c -> c.params().path("callback_query_id").asText().equals(gone))
                .allSatisfy(c -> assertThat(c.params().path("text").asText()).contains("no longer available"));
    }

    private static StoredAnswer stored(SentMessage answer) {
        long id = Long.parseLong(ConversationTest.answerId(answer));
        return new AnswerStore(f.db).byId(id).orElseThrow();
    }

    private static boolean acknowledged(String callbackId) {
        return f.server.calls("answerCallbackQuery").stream()
                .anyMatch(c -> c.params().path("callback_query_id").asText().equals(callbackId));
    }

    private static void assertAcknowledgedOnce(String callbackId) {
        f.server.await(() -> acknowledged(callbackId), WAIT, () -> "answerCallbackQuery for " + callbackId);
        assertThat(f.server.calls("answerCallbackQuery"))
                .filteredOn(c -> c.params().path("callback_query_id").asText().equals(callbackId))
                .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(200));
    }
}
