package dev.sourced.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.app.Sourced;
import dev.sourced.app.TestEngines;
import dev.sourced.corpus.DocumentMeta;
import dev.sourced.corpus.Lang;
import dev.sourced.corpus.SourceDocument;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** English documents found by French questions and French documents by English ones, offline, with the shipped lexicon. */
class CrossLanguageTest {
    @TempDir
    static Path data;
    static Sourced engine;

    @BeforeAll
    static void ingestFixtures() {
        engine = Sourced.open(TestEngines.lexicalOnly(data), false);
        engine.curation().ingestDocuments(List.of(
                doc("harbour", Lang.EN, "Harbour expansion approved",
                        "The city council approved the expansion of the northern harbour on Tuesday, at a cost of 80 million pounds.\n"
                                + "Work will start in the spring and last two years, the harbour master said.\n"
                                + "Fishermen welcomed the decision, saying the old quays could no longer take modern boats."),
                doc("ecoles", Lang.FR, "Les écoles ferment pour la canicule",
                        "Le ministère a annoncé jeudi la fermeture de toutes les écoles de la région pendant trois jours à cause de la canicule.\n"
                                + "Les températures devraient dépasser 40 degrés samedi, selon les prévisions.\n"
                                + "Les parents devront garder leurs enfants à la maison."),
                doc("volcan", Lang.EN, "Volcano eruption forces evacuation",
                        "The volcano erupted on Saturday morning, and the authorities ordered the evacuation of three villages.\n"
                                + "About 4,500 residents left their homes before noon, according to the regional government.")));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static SourceDocument doc(String id, Lang lang, String title, String text) {
        return new SourceDocument(new DocumentMeta(id, title, "Fixture Times", "", lang, "2023-06-01", "fixture:" + id), "text", text);
    }

    private static Answer ask(String q) {
        return engine.answerer().ask(Question.of(q));
    }

    @Test
    void aFrenchQuestionFindsAnEnglishPassage() {
        Answer a = ask("Combien coûte l'agrandissement du port ?");
        assertThat(a.abstained()).isFalse();
        assertThat(a.citations().get(0).text()).contains("80 million pounds");
        assertThat(a.lang()).isEqualTo(Lang.FR);
    }

    @Test
    void anEnglishQuestionFindsAFrenchPassage() {
        Answer a = ask("Why are the schools closed?");
        assertThat(a.abstained()).isFalse();
        assertThat(a.citations().get(0).docId()).isEqualTo("ecoles");
        assertThat(a.citations().get(0).text()).contains("fermeture de toutes les écoles");
        assertThat(a.lang()).isEqualTo(Lang.EN);
    }

    @Test
    void numbersAndNamesMatchWhateverTheLanguageAndDigitGrouping() {
        Answer a = ask("Combien de résidents ont quitté leurs maisons ? 4 500 ?");
        assertThat(a.citations()).isNotEmpty();
        assertThat(a.citations().get(0).text()).contains("4,500 residents");
    }

    @Test
    void aQuestionInAnotherLanguageStillMatchesNamesAndNumbers() {
        Answer a = ask("¿Cuántos de los 4500 residentes evacuados?");
        assertThat(a.abstained()).isFalse();
        assertThat(a.citations().get(0).docId()).isEqualTo("volcan");
    }

    @Test
    void aQuestionTheFixturesDoNotAnswerAbstainsInEitherLanguage() {
        assertThat(ask("Who won the football match on Sunday?").abstained()).isTrue();
        assertThat(ask("Quel est le prix du pain à Lyon ?").abstained()).isTrue();
    }
}
