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

    @Test
    void aNameThatOnlyTheArticlesTitleGivesIsMentionedByTheCorpus() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            fixtures(e);
            // a biography names its subject in its title, then says "il"
            e.curation().ingest(new SourceDocument(new DocumentMeta("bio", "Jeanne Marbeuf", "Le Journal", "", Lang.FR, "2024-03-01",
                    "test:bio"), "text", "Elle est née à Rouen en 1931. Elle devient architecte en 1958 et dessine la gare de Caen."));
            Answer a = e.answerer().ask(Question.of("En quelle année Jeanne Marbeuf devient-elle architecte ?"));
            assertThat(a.text()).doesNotContain("ne mentionne jamais");
            assertThat(a.citations()).isNotEmpty();
            assertThat(a.citations().get(0).docId()).isEqualTo("bio");
        }
    }

    @Test
    void aNameFindsTheWebAddressThatBearsIt() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            fixtures(e);
            e.curation().ingest(doc("vente", Lang.FR, "Les listes du site Librairix.com sont mises à jour toutes les heures. Les ventes "
                    + "en gros n'y figurent pas."));
            Answer site = e.answerer().ask(Question.of("À quelle fréquence les listes de Librairix sont-elles mises à jour ?"));
            assertThat(site.text()).doesNotContain("ne mentionne jamais");
            assertThat(site.citations().get(0).docId()).isEqualTo("vente");
        }
    }

    @Test
    void aShortCapitalisedFirstWordIsNotTakenForAName() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            fixtures(e);
            // "Qu entraine…": an apostrophe dropped, not a name the corpus lacks
            Answer a = e.answerer().ask(Question.of("Qu a causé les vendanges précoces dans le Bordelais ?"));
            assertThat(a.text()).doesNotContain("ne mentionne jamais");
        }
    }

    @Test
    void aNameSpeltTheOtherLanguagesWayIsMentioned() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            fixtures(e);
            e.curation().ingest(doc("mythe", Lang.FR, "Le culte d'Héraclès se répand jusqu'en Sicile grâce aux marins grecs."));
            Answer a = e.answerer().ask(Question.of("How did the cult of Heracles reach Sicily?"));
            assertThat(a.text()).doesNotContain("never mentions");
            assertThat(a.citations()).isNotEmpty();
            assertThat(a.citations().get(0).docId()).isEqualTo("mythe");
        }
    }

    @Test
    void germanAndSpanishQuestionsAreGlossedIntoEnglishAndFindFrenchPassages() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            fixtures(e);
            e.curation().ingest(doc("nuit", Lang.FR, "Pendant la nuit, plusieurs supermarchés de la ville ont été pillés par des émeutiers."));
            e.curation().ingest(doc("ecole", Lang.FR, "La ville a ouvert une nouvelle école de musique près du port."));
            // no name to hold on to: only the words, glossed one by one (a compound split, a participle undone)
            Answer de = e.answerer().ask(Question.of("Welche Supermärkte wurden in der Nacht geplündert?"));
            assertThat(de.abstained()).isFalse();
            assertThat(de.citations().get(0).docId()).isEqualTo("nuit");
            Answer es = e.answerer().ask(Question.of("¿Qué supermercados fueron saqueados durante la noche?"));
            assertThat(es.abstained()).isFalse();
            assertThat(es.citations().get(0).docId()).isEqualTo("nuit");
        }
    }
}
