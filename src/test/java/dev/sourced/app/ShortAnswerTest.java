package dev.sourced.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.answer.Answer;
import dev.sourced.answer.Question;
import dev.sourced.corpus.DocumentMeta;
import dev.sourced.corpus.Lang;
import dev.sourced.corpus.SourceDocument;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The short answer of a real engine over a few articles written for the test: it leads with the fact asked for. */
class ShortAnswerTest {
    @TempDir
    Path data;
    private Sourced engine;

    private static SourceDocument doc(String id, Lang lang, String title, String text) {
        return new SourceDocument(new DocumentMeta(id, title, "The Courier", "", lang, "2024-05-02", "test:" + id), "text", text);
    }

    @BeforeEach
    void open() {
        engine = Sourced.open(TestEngines.lexicalOnly(data), false);
        engine.curation().ingest(doc("buses-en", Lang.EN, "Harbourton goes electric",
                "The Harbourton council bought 250 electric buses for its network in March 2021. The buses replaced a diesel fleet "
                        + "that was twenty years old. Mayor Julia Brandt said: “Clean air is worth every penny we spend on it.” "
                        + "The council chose electric buses because fuel prices had doubled and residents complained about the noise."));
        engine.curation().ingest(doc("bus-fr", Lang.FR, "Valmont passe au bus électrique",
                "La métropole de Valmont a commandé 180 bus électriques au constructeur Irisbus. La livraison est prévue le 12 juin 2025. "
                        + "Le chantier du dépôt sera confié à Hélène Marchal, ingénieure de la métropole."));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private Answer ask(String q) {
        Answer a = engine.answerer().ask(Question.of(q));
        assertThat(a.abstained()).as(q).isFalse();
        return a;
    }

    @Test
    void aHowManyQuestionIsAnsweredWithTheNumberAndItsUnitInTheQuestionsLanguage() {
        Answer en = ask("How many electric buses did the Harbourton council buy?");
        assertThat(en.text()).startsWith("According to [1]: 250 electric buses.");
        assertThat(en.citations().get(0).highlight()).isEqualTo("250 electric buses");

        Answer fr = ask("Combien de bus électriques la métropole de Valmont a-t-elle commandés ?");
        assertThat(fr.text()).startsWith("D'après [1] : 180 bus électriques.");
        assertThat(fr.citations().get(0).highlight()).isEqualTo("180 bus électriques");
    }

    @Test
    void aWhenQuestionIsAnsweredWithTheDate() {
        assertThat(ask("When did the Harbourton council buy its electric buses?").text()).startsWith("According to [1]: in March 2021.");
        assertThat(ask("Quand la livraison des bus de Valmont est-elle prévue ?").text()).startsWith("D'après [1] : le 12 juin 2025.");
    }

    @Test
    void aWhoQuestionIsAnsweredWithAName() {
        Answer a = ask("Qui dirigera le chantier du dépôt de Valmont ?");
        assertThat(a.text()).isEqualTo("D'après [1] : Hélène Marchal.");
    }

    @Test
    void aWhyQuestionGetsOneSentenceOfTheQuoteNotTheWholeQuote() {
        Answer a = ask("Why did the Harbourton council choose electric buses?");
        assertThat(a.text()).isEqualTo("According to [1]: The council chose electric buses because fuel prices had doubled and residents "
                + "complained about the noise.");
        assertThat(a.citations().get(0).highlighted()).isFalse();
    }

    @Test
    void quotedSpeechIsAttributedToItsSpeaker() {
        Answer a = ask("What did the mayor of Harbourton say about clean air?");
        assertThat(a.text()).isEqualTo("According to Mayor Julia Brandt [1]: “Clean air is worth every penny we spend on it.”");
    }
}
