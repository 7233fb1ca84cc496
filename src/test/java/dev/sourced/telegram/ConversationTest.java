package dev.sourced.telegram;

import dev.sourced.botsim.LocalBotApiServer;
import static dev.sourced.telegram.BotFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.answer.Answer;
import dev.sourced.answer.DocumentSummary;
import dev.sourced.answer.Question;
import dev.sourced.corpus.Lang;
import dev.sourced.telegram.store.ChatStore;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reader talking to the bot in a private chat: answers, follow-ups, commands. */
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
    void aQuestionInAPrivateChatIsAnsweredWithNumberedQuotesTheirSourcesAndButtons() {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        int asked = f.server.send(chat, reader, BotFixture.ENGLISH_QUESTION);

        SentMessage reply = f.server.awaitReplyTo(chat.id(), asked, WAIT);

        assertThat(reply.html()).contains("<b>Sources</b>").contains("<blockquote><b>[1]</b> ");
        assertThat(reply.text()).contains("[1]");
        long quotes = reply.html().split("<blockquote>", -1).length - 1;
        assertThat(quotes).isBetween(1L, (long) ReplyFormatter.QUOTES_SHOWN);
        assertThat(reply.buttons()).anyMatch(b -> b.startsWith("ctx:")).anyMatch(b -> b.startsWith("fb:") && b.endsWith(":up"))
                .anyMatch(b -> b.startsWith("fb:") && b.endsWith(":down"));
        f.server.await(() -> f.server.calls("sendChatAction").stream().anyMatch(c -> c.params().path("chat_id").asLong() == chat.id()
                && c.params().path("action").asText().equals("typing")), WAIT, () -> "a typing action");
    }

    @Test
    void framingFollowsTheLanguageOfTheAnswerThenTheReadersTelegramLanguage() {
        Person english = BotFixture.reader("en");
        ChatRef englishChat = ChatRef.privateWith(english);
        SentMessage inEnglish = f.server.awaitReplyTo(englishChat.id(), f.server.send(englishChat, english, BotFixture.ENGLISH_QUESTION), WAIT);
        Person french = BotFixture.reader("fr");
        ChatRef frenchChat = ChatRef.privateWith(french);
        SentMessage inFrench = f.server.awaitReplyTo(frenchChat.id(), f.server.send(frenchChat, french, BotFixture.FRENCH_QUESTION), WAIT);
        SentMessage helpInFrench = f.server.awaitReplyTo(frenchChat.id(), f.server.send(frenchChat, french, "/help"), WAIT);

        assertThat(inEnglish.buttonLabels()).contains("More sources");
        assertThat(inFrench.buttonLabels()).contains("Plus de sources");
        assertThat(helpInFrench.text()).contains("Posez-moi une question");
    }

    @Test
    void aFollowUpIsAskedWithTheEarlierQuestionsOfTheChatAsContextAndNewForgetsThem() {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, BotFixture.ENGLISH_QUESTION), WAIT);
        SentMessage followUp = f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, BotFixture.FOLLOW_UP), WAIT);

        Answer expected = f.answerer.ask(new Question(BotFixture.FOLLOW_UP, List.of(BotFixture.ENGLISH_QUESTION), Lang.EN));
        assertThat(expected.abstained()).isFalse();
        assertThat(followUp.text()).startsWith(expected.text());
        Person newcomer = BotFixture.reader("en");
        ChatRef fresh = ChatRef.privateWith(newcomer);
        SentMessage withoutContext = f.server.awaitReplyTo(fresh.id(), f.server.send(fresh, newcomer, BotFixture.FOLLOW_UP), WAIT);
        assertThat(withoutContext.text()).isNotEqualTo(followUp.text());
        ChatStore chats = new ChatStore(f.db);
        assertThat(chats.recentQuestions(chat.id(), Long.MAX_VALUE, UpdateProcessor.CONTEXT_TURNS))
                .containsExactly(BotFixture.ENGLISH_QUESTION, BotFixture.FOLLOW_UP);

        SentMessage cleared = f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, "/new"), WAIT);
        assertThat(cleared.text()).contains("forgot our conversation");
        assertThat(chats.recentQuestions(chat.id(), Long.MAX_VALUE, UpdateProcessor.CONTEXT_TURNS)).isEmpty();
    }

    @Test
    void theConversationKeepsOnlyTheLastFiveQuestions() {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        for (int i = 1; i <= 7; i++) {
            f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, "Question " + i + ": what about Musk?"), WAIT);
        }
        assertThat(new ChatStore(f.db).recentQuestions(chat.id(), Long.MAX_VALUE, 100))
                .containsExactly("Question 3: what about Musk?", "Question 4: what about Musk?", "Question 5: what about Musk?",
                        "Question 6: what about Musk?", "Question 7: what about Musk?");
    }

    @Test
    void startDescribesTheCorpusFromItsDocumentsWithTwoExampleQuestions() {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        SentMessage welcome = f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, "/start"), WAIT);

        List<DocumentSummary> docs = f.corpus.documents();
        assertThat(welcome.text()).contains(docs.size() + " articles");
        docs.stream().map(DocumentSummary::outlet).filter(o -> !o.isBlank()).limit(3).forEach(o -> assertThat(welcome.text()).contains(o));
        assertThat(welcome.text()).contains("Try for example:");
        assertThat(welcome.html().split("• ", -1)).hasSize(3);
        CorpusOverview overview = CorpusOverview.of(docs, Lang.EN);
        assertThat(overview.topics()).isNotEmpty().allSatisfy(t -> assertThat(welcome.text()).contains(t));
    }

    @Test
    void sourcesListsTheArticlesPageByPageAndTheButtonsEditTheList() {
        Person reader = BotFixture.reader("en");
        ChatRef chat = ChatRef.privateWith(reader);
        SentMessage first = f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, "/sources"), WAIT);
        List<DocumentSummary> docs = f.corpus.documents();
        assertThat(docs).hasSizeGreaterThan(ReplyFormatter.SOURCES_PAGE_SIZE);
        assertThat(first.text()).contains(docs.get(0).title()).doesNotContain(docs.get(ReplyFormatter.SOURCES_PAGE_SIZE).title());
        assertThat(first.buttons()).containsExactly("src:1");

        f.server.press(chat, reader, first.messageId(), "src:1");
        f.server.await(() -> f.server.messages(chat.id()).stream().anyMatch(SentMessage::edited), WAIT, () -> "an edited list");
        SentMessage second = f.server.messages(chat.id()).stream().filter(SentMessage::edited).findFirst().orElseThrow();

        assertThat(second.messageId()).isEqualTo(first.messageId());
        assertThat(second.text()).contains(docs.get(ReplyFormatter.SOURCES_PAGE_SIZE).title()).doesNotContain(docs.get(0).title());
        assertThat(second.buttons()).contains("src:0");
        assertThat(f.server.calls("answerCallbackQuery")).anyMatch(c -> c.status() == 200);
    }

    static String answerId(SentMessage m) {
        return m.buttons().stream().filter(b -> b.startsWith("fb:")).findFirst().orElseThrow().split(":")[1];
    }

    @Test
    void helpExplainsTheCommandsAndTheCommandsAreRegisteredInEnglishAndFrench() {
        Person reader = BotFixture.reader(null);
        ChatRef chat = ChatRef.privateWith(reader);
        SentMessage help = f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, "/help"), WAIT);

        assertThat(help.text()).contains("/ask", "/sources", "/new", "@" + LocalBotApiServer.BOT_USERNAME);
        assertThat(f.server.commands()).containsKeys("", "fr");
        assertThat(f.server.commands().get("fr")).contains("Poser une question");
        assertThat(f.server.commands().get("")).contains("\"command\":\"ask\"", "\"command\":\"sources\"", "\"command\":\"new\"");
    }
}
