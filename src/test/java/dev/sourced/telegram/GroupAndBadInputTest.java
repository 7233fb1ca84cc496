package dev.sourced.telegram;

import dev.sourced.botsim.TelegramHtml;
import dev.sourced.botsim.LocalBotApiServer;
import static dev.sourced.telegram.BotFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.answer.Answer;
import dev.sourced.answer.Question;
import dev.sourced.corpus.Lang;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the bot answers (groups only when addressed) and what it does with input it cannot take. "Ignored" is checked
 * by sending a question after it in the same chat: replies keep their order, so once that question is answered, a
 * reply to the ignored message would already be there.
 */
class GroupAndBadInputTest {
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
    void inAGroupAMentionIsAnsweredAndOtherChatterIsIgnored() {
        ChatRef group = BotFixture.group();
        Person alice = BotFixture.reader("en");
        Person bob = BotFixture.reader("en");
        int chatter = f.server.send(group, bob, "Anyone up for lunch? The Seine looks high today");
        int mention = f.server.send(group, alice, "@" + LocalBotApiServer.BOT_USERNAME + " " + BotFixture.ENGLISH_QUESTION);

        SentMessage reply = f.server.awaitReplyTo(group.id(), mention, WAIT);

        assertThat(reply.html()).contains("<blockquote>");
        assertThat(f.server.replyTo(group.id(), chatter)).isEmpty();
        assertThat(f.server.messages(group.id())).hasSize(1);
    }

    @Test
    void inAGroupAReplyToTheBotAndAskAreAnsweredButAnotherBotsCommandIsNot() {
        ChatRef group = BotFixture.group();
        Person alice = BotFixture.reader("en");
        SentMessage first = f.server.awaitReplyTo(group.id(), f.server.send(group, alice, "/ask " + BotFixture.ENGLISH_QUESTION), WAIT);
        int otherBot = f.server.send(group, alice, "/ask@weather_bot will it rain?");
        int followUp = f.server.reply(group, alice, BotFixture.FOLLOW_UP, first.messageId());

        SentMessage second = f.server.awaitReplyTo(group.id(), followUp, WAIT);

        assertThat(second.html()).contains("<blockquote>");
        assertThat(f.server.replyTo(group.id(), otherBot)).isEmpty();
        assertThat(f.server.messages(group.id())).hasSize(2);
    }

    @Test
    void stickersPhotosAndVoiceGetAShortTextOnlyReplyInPrivateAndAreIgnoredInGroups() {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        for (String kind : new String[] {"sticker", "photo", "voice"}) {
            SentMessage reply = f.server.awaitReplyTo(chat.id(), f.server.sendMedia(chat, reader, kind), WAIT);
            assertThat(reply.text()).isEqualTo(Phrase.TEXT_ONLY.in(Lang.EN));
        }
        ChatRef group = BotFixture.group();
        int sticker = f.server.sendMedia(group, reader, "sticker");
        f.server.awaitReplyTo(group.id(), f.server.send(group, reader, "/ask " + BotFixture.ENGLISH_QUESTION), WAIT);
        assertThat(f.server.replyTo(group.id(), sticker)).isEmpty();
    }

    @Test
    void anEmptyMentionATooLongMessageAndAnUnknownCommandGetAShortExplanation() {
        Person reader = BotFixture.reader("fr");
        ChatRef group = BotFixture.group();
        SentMessage empty = f.server.awaitReplyTo(group.id(), f.server.send(group, reader, "@" + LocalBotApiServer.BOT_USERNAME), WAIT);
        SentMessage usage = f.server.awaitReplyTo(group.id(), f.server.send(group, reader, "/ask"), WAIT);
        ChatRef chat = ChatRef.privateWith(reader);
        String longText = "Pourquoi ? ".repeat(409).strip();
        SentMessage tooLong = f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, longText), WAIT);
        SentMessage unknown = f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, "/frobnicate"), WAIT);

        assertThat(empty.text()).startsWith("Écrivez une question");
        assertThat(usage.text()).startsWith("Écrivez votre question après /ask");
        assertThat(tooLong.text()).contains(String.valueOf(longText.length())).contains(String.valueOf(UpdateClassifier.MAX_QUESTION_CHARS));
        assertThat(unknown.text()).contains("/help");
    }

    @Test
    void editedMessagesChannelPostsAndMessagesFromBotsAreIgnoredOnPurpose() {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        SentMessage answered = f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, BotFixture.ENGLISH_QUESTION), WAIT);
        f.server.edit(chat, reader, answered.replyTo(), "Actually, what about the rail strike?");
        ChatRef channel = ChatRef.channel(-1_009_999L, "News channel");
        int post = f.server.channelPost(channel, "@" + LocalBotApiServer.BOT_USERNAME + " what about the Seine?");
        f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, BotFixture.FOLLOW_UP), WAIT);

        assertThat(f.server.messages(chat.id())).hasSize(2);
        assertThat(f.server.messages(channel.id())).isEmpty();
        assertThat(f.server.replyTo(channel.id(), post)).isEmpty();
    }

    @Test
    void htmlAndMarkdownCharactersInAQuestionDoNotBreakTheReply() {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        int asked = f.server.send(chat, reader, "<b>What</b> did *Musk* buy & _why_ [for](http://x) `Twitter` \"now\"?");

        SentMessage reply = f.server.awaitReplyTo(chat.id(), asked, WAIT);

        assertThat(TelegramHtml.isValid(reply.html())).isTrue();
        assertThat(f.server.calls("sendMessage")).filteredOn(c -> c.params().path("chat_id").asLong() == chat.id())
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(200));
    }

    @Test
    void aQuestionInAnUnexpectedLanguageIsAnsweredInTheReadersTelegramLanguage() {
        Person reader = BotFixture.reader("fr");
        ChatRef chat = ChatRef.privateWith(reader);
        String question = "Что купил Маск для Твиттера?";
        SentMessage reply = f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, question), WAIT);

        Answer expected = f.answerer.ask(new Question(question, List.of(), Lang.FR));
        assertThat(expected.lang()).isEqualTo(Lang.FR);
        assertThat(reply.text()).startsWith(expected.text());
        assertThat(TelegramHtml.isValid(reply.html())).isTrue();
    }
}
