package dev.sourced.telegram;

import dev.sourced.botsim.TelegramHtml;
import dev.sourced.botsim.LocalBotApiServer;
import static dev.sourced.telegram.BotFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.app.Sourced;
import dev.sourced.botsim.LocalBotApiServer.ChatRef;
import dev.sourced.botsim.LocalBotApiServer.Person;
import dev.sourced.botsim.LocalBotApiServer.SentMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies that test the HTML: the seed corpus plus one article whose title, outlet, URL and text are full of
 * characters HTML and Markdown treat specially, and which holds one enumeration far longer than a Telegram message.
 */
class LongAndSpecialRepliesTest {
    private static final String LONG_QUESTION = "Combien de lots de cartes graphiques ont été livrés à Sacramento ?";
    private static final String SPECIAL_QUESTION = "Que dit Grellier & Fils de la facture ?";
    @TempDir
    static Path dir;
    static BotFixture f;

    @BeforeAll
    static void startBot() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        try (Stream<Path> seed = Files.list(SeedEngine.SEED_CORPUS)) {
            for (Path p : seed.filter(p -> !p.getFileName().toString().equals("README.md")).toList()) {
                Files.copy(p, corpus.resolve(p.getFileName()));
            }
        }
        writeSpecialArticle(corpus);
        Sourced engine = SeedEngine.open(corpus);
        f = BotFixture.start(engine, Files.createDirectories(dir.resolve("bot")), c -> c);
    }

    @AfterAll
    static void stopBot() {
        f.close();
    }

    @Test
    void specialCharactersInQuotesTitlesOutletsAndLinksAreEscapedSoThatTheReplyParses() {
        Person reader = BotFixture.reader("fr");
        ChatRef chat = ChatRef.privateWith(reader);
        SentMessage reply = f.server.awaitReplyTo(chat.id(), f.server.send(chat, reader, SPECIAL_QUESTION), WAIT);
        // the whole reply, to its last part with the buttons, before the next test holds messages
        f.server.await(() -> f.server.messages(chat.id()).stream().anyMatch(m -> !m.buttons().isEmpty()), WAIT,
                () -> "the last part, with the buttons");

        assertThat(TelegramHtml.isValid(reply.html())).isTrue();
        assertThat(reply.text()).contains("Grellier & Fils", "<hors taxes>", "Presse & Cie <test>", "l'inventaire <complet>");
        assertThat(reply.html()).contains("Grellier &amp; Fils", "&lt;hors taxes&gt;", "href=\"https://example.org/gpu?a=1&amp;b=2&amp;c='x'\"");
    }

    @Test
    void anAnswerLongerThanAMessageIsSplitIntoValidMessagesTheOverLongQuoteBetweenItsItems() {
        Person reader = BotFixture.reader("fr");
        ChatRef chat = ChatRef.privateWith(reader);
        int asked = f.server.send(chat, reader, LONG_QUESTION);
        SentMessage first = f.server.awaitReplyTo(chat.id(), asked, WAIT);
        f.server.await(() -> f.server.messages(chat.id()).stream().anyMatch(m -> !m.buttons().isEmpty()), WAIT,
                () -> "the last part, with the buttons");
        List<SentMessage> parts = f.server.messages(chat.id());

        assertThat(parts).hasSizeGreaterThan(2).startsWith(first);
        assertThat(parts).allSatisfy(m -> {
            assertThat(TelegramHtml.isValid(m.html())).isTrue();
            assertThat(m.text().length()).isLessThanOrEqualTo(MessageSplitter.TELEGRAM_LIMIT);
        });
        assertThat(parts.subList(1, parts.size())).allSatisfy(m -> assertThat(m.replyTo()).isNull());
        assertThat(parts.getLast().buttons()).anyMatch(b -> b.startsWith("fb:"));
        List<SentMessage> quoteParts = parts.stream().filter(m -> m.html().contains("<blockquote><b>[1]</b>")).toList();
        assertThat(quoteParts).hasSizeGreaterThan(1).allSatisfy(m -> assertThat(m.html()).endsWith("</blockquote>"));
        String all = parts.stream().map(SentMessage::text).collect(Collectors.joining("\n"));
        IntStream.rangeClosed(1, ITEMS).forEach(i -> assertThat(all).contains("le lot numéro " + i + " de cartes"));
    }

    @Test
    void aRestartInTheMiddleOfALongReplySendsOnlyThePartsNotRecordedAsSent() throws Exception {
        Person reader = BotFixture.reader("fr");
        ChatRef chat = ChatRef.privateWith(reader);
        f.server.holdSendMessagesAfter(1);
        int asked = f.server.send(chat, reader, LONG_QUESTION);
        f.server.await(() -> f.server.messages(chat.id()).size() == 1 && f.server.heldCount() > 0, WAIT,
                () -> "the first part sent, the second in flight");

        f.bot.close();
        f.server.releaseHeld();
        f.server.resendAll();
        f.restart();

        f.server.await(() -> f.server.messages(chat.id()).stream().anyMatch(m -> !m.buttons().isEmpty()), WAIT,
                () -> "the last part, with the buttons");
        List<SentMessage> parts = f.server.messages(chat.id());
        assertThat(parts).hasSizeGreaterThan(2);
        assertThat(parts).extracting(SentMessage::text).doesNotHaveDuplicates();
        assertThat(parts).filteredOn(m -> m.replyTo() != null).extracting(SentMessage::replyTo).containsExactly(asked);
        String all = parts.stream().map(SentMessage::text).collect(Collectors.joining("\n"));
        IntStream.rangeClosed(1, ITEMS).forEach(i -> assertThat(all).contains("le lot numéro " + i + " de cartes"));
    }

    private static final int ITEMS = 59;

    private static void writeSpecialArticle(Path corpus) throws IOException {
        String items = IntStream.rangeClosed(1, ITEMS).mapToObj(i -> "le lot numéro " + i
                + " de cartes graphiques Nvidia A100 livré au centre de données de Sacramento pour l'entraînement du modèle")
                .collect(Collectors.joining("; "));
        String text = "Musk & OpenAI : la rivalité <X.AI> contre « ChatGPT » s'intensifie, selon *nos* sources_internes "
                + "[confidentiel] et `leaks`.\n\nL'inventaire publié par le cabinet Grellier & Fils recense " + items + ".\n\n"
                + "Le cabinet Grellier & Fils estime que la facture dépasse 100 millions de dollars <hors taxes>.\n";
        Files.writeString(corpus.resolve("900_special.txt"), text, StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("900_special.meta.json"), """
                {"id": "900_special", "title": "Grellier & Fils : l'inventaire <complet> des GPU de Musk",
                 "outlet": "Presse & Cie <test>", "url": "https://example.org/gpu?a=1&b=2&c='x'", "language": "fr",
                 "published": "2023-04-20"}
                """, StandardCharsets.UTF_8);
    }
}
