package dev.sourced.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sourced.answer.Answer;
import dev.sourced.answer.Question;
import dev.sourced.corpus.DocumentMeta;
import dev.sourced.corpus.Lang;
import dev.sourced.corpus.SourceDocument;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour that must hold on any corpus: misspellings, acronym spellings, other languages, small talk. */
class GeneralisationTest {
    @TempDir
    Path data;

    private static SourceDocument doc(String id, Lang lang, String text) {
        return new SourceDocument(new DocumentMeta(id, "Titre " + id, "Le Journal", "", lang, "2024-03-01", "test:" + id), "text", text);
    }

    private static void fixtures(Sourced e) {
        e.curation().ingest(doc("pont", Lang.FR, "Le pont de Normandie relie Le Havre à Honfleur au-dessus de l'estuaire de la Seine. "
                + "Sa particularité est d'avoir été, à son ouverture en 1995, le plus long pont à haubans du monde."));
        e.curation().ingest(doc("labo", Lang.EN, "The start-up X.AI hired twelve researchers in Paris last spring. "
                + "Its laboratory is located near the Gare de Lyon."));
        e.curation().ingest(doc("vin", Lang.FR, "Les vendanges ont commencé tôt dans le Bordelais à cause de la chaleur de l'été."));
    }

    @Test
    void aMisspeltWordFindsTheCorpusSpelling() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            fixtures(e);
            Answer a = e.answerer().ask(Question.of("Quelle est la particuliarité du pont de Normandie ?"));
            assertThat(a.citations()).isNotEmpty();
            assertThat(a.citations().get(0).docId()).isEqualTo("pont");
        }
    }

    @Test
    void anAcronymWrittenWithOrWithoutDotsIsOneName() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            fixtures(e);
            Answer a = e.answerer().ask(Question.of("How many researchers did xAI hire?"));
            assertThat(a.abstained()).isFalse();
            assertThat(a.citations().get(0).docId()).isEqualTo("labo");
        }
    }

    @Test
    void greetingsAndThanksGetAFriendlyReplyNotAnAbstention() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            fixtures(e);
            Answer hello = e.answerer().ask(Question.of("bonjour"));
            assertThat(hello.text()).startsWith("Bonjour").doesNotContain("ne le dit pas");
            assertThat(hello.citations()).isEmpty();
            assertThat(e.answerer().ask(Question.of("who are you?")).text()).contains("3 articles");
        }
    }

    @Test
    void aQuestionInAnotherLanguageIsNotRefusedForItsCapitalisedNouns() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            fixtures(e);
            // German capitalises every noun: "Forscher" is not a name the corpus should know
            Answer a = e.answerer().ask(Question.of("Wie viele Forscher hat X.AI in Paris eingestellt?"));
            assertThat(a.text()).doesNotContain("never mentions");
        }
    }
}
