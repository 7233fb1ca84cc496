package dev.sourced.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sourced.answer.Answer;
import dev.sourced.answer.Citation;
import dev.sourced.answer.Question;
import dev.sourced.answer.SourceRef;
import dev.sourced.corpus.DocumentMeta;
import dev.sourced.corpus.DocumentReader;
import dev.sourced.corpus.Lang;
import dev.sourced.corpus.PreparedDocument;
import dev.sourced.corpus.SourceDocument;
import dev.sourced.store.Database;
import dev.sourced.store.DocumentStore;
import dev.sourced.store.DuplicateDocumentException;
import dev.sourced.store.StoredDocument;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root: the store, the index and the answers kept in step, over restarts and crashes. */
class SourcedTest {
    @TempDir
    Path data;

    private static SourceDocument doc(String id, String text) {
        return new SourceDocument(new DocumentMeta(id, "Titre " + id, "Le Journal", "", Lang.FR, "2023-05-01", "test:" + id), "text", text);
    }

    @Test
    void anEmptyStoreIngestsTheCorpusOnFirstUse() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data))) {
            assertThat(e.store().list(false)).hasSize(5);
            assertThat(e.internals().index().passageCount()).isGreaterThan(50);
        }
    }

    @Test
    void ingestingTheSameDocumentAgainChangesNothingAndAChangedVersionReplacesItsPassages() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            String v1 = "Le conseil municipal a voté le budget du tramway mardi soir. Le projet coûtera 300 millions d'euros.";
            assertThat(e.curation().ingest(doc("tram", v1)).outcome()).isEqualTo(DocumentStore.Outcome.ADDED);
            long seq = e.store().lastOutboxSeq();
            int passages = e.internals().index().passageCount();

            assertThat(e.curation().ingest(doc("tram", v1)).outcome()).isEqualTo(DocumentStore.Outcome.UNCHANGED);
            assertThat(e.store().lastOutboxSeq()).isEqualTo(seq);
            assertThat(e.internals().index().passageCount()).isEqualTo(passages);

            String v2 = "Le conseil municipal a rejeté le budget du tramway mardi soir.";
            assertThat(e.curation().ingest(doc("tram", v2)).outcome()).isEqualTo(DocumentStore.Outcome.UPDATED);
            assertThat(e.store().passages("tram")).extracting(p -> p.text()).containsExactly(v2);
            assertThat(e.internals().index().passageCount()).isEqualTo(1);
        }
    }

    @Test
    void theSameTextUnderAnotherIdIsRefusedAsADuplicateAndNothingIsStored() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            String text = "La mairie a fermé la piscine municipale pour travaux jusqu'en juin.";
            e.curation().ingest(doc("piscine", text));
            assertThatThrownBy(() -> e.curation().ingest(doc("piscine-bis", text)))
                    .isInstanceOf(DuplicateDocumentException.class).hasMessageContaining("piscine");
            assertThat(e.store().get("piscine-bis")).isEmpty();
        }
    }

    @Test
    void quotesAreTheStoredTextAtTheirOffsets() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data))) {
            for (String q : List.of("Why did Musk leave OpenAI?", "Combien Musk a-t-il dépensé pour les GPU ?", "What is TruthGPT?",
                    "Qui sont les ingénieurs de DeepMind qui ont rejoint Musk ?")) {
                Answer a = e.answerer().ask(Question.of(q));
                assertThat(a.citations()).as(q).isNotEmpty();
                for (Citation c : a.citations()) {
                    StoredDocument d = e.store().get(c.docId()).orElseThrow();
                    assertThat(d.text().substring(c.start(), c.end())).isEqualTo(c.text());
                    for (SourceRef r : c.alsoIn()) {
                        StoredDocument other = e.store().get(r.docId()).orElseThrow();
                        assertThat(other.text().substring(r.start(), r.end())).isNotBlank();
                    }
                }
            }
        }
    }

    @Test
    void aCrashBetweenTheSqliteCommitAndTheLuceneCommitIsRepairedOnTheNextStart() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            e.curation().ingest(doc("base", "Le musée du Louvre a accueilli neuf millions de visiteurs en 2022."));
        }
        // the SQLite transaction commits, then the process dies before the index applies the outbox
        try (Database db = dev.sourced.telegram.store.BotTables.open(data.resolve(Sourced.DB_FILE))) {
            DocumentStore store = new DocumentStore(db);
            store.upsert(PreparedDocument.prepare(doc("phare", "Le phare de Cordouan a été inscrit au patrimoine mondial de l'Unesco en 2021.")),
                    null, "");
        }
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            Answer a = e.answerer().ask(Question.of("Quand le phare de Cordouan a-t-il été inscrit au patrimoine mondial ?"));
            assertThat(a.abstained()).isFalse();
            assertThat(a.citations().get(0).docId()).isEqualTo("phare");
            assertThat(e.internals().index().appliedSeq()).isEqualTo(e.store().lastOutboxSeq());
        }
    }

    @Test
    void aDeletedIndexIsRebuiltFromTheDatabaseWithoutLosingAnything() throws Exception {
        int passages;
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data))) {
            passages = e.internals().index().passageCount();
        }
        try (var files = java.nio.file.Files.walk(data.resolve(Sourced.INDEX_DIR))) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) java.nio.file.Files.delete(p);
        }
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data))) {
            assertThat(e.internals().index().passageCount()).isEqualTo(passages);
        }
    }

    @Test
    void removedDocumentsLeaveTheIndexAtOnceAndComeBackWhenRestored() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            e.curation().ingest(doc("phare", "Le phare de Cordouan a été inscrit au patrimoine mondial de l'Unesco en 2021."));
            Question q = Question.of("Le phare de Cordouan est-il au patrimoine mondial ?");
            assertThat(e.answerer().ask(q).abstained()).isFalse();
            assertThat(e.curation().remove("phare")).isTrue();
            assertThat(e.answerer().ask(q).citations()).noneMatch(c -> c.docId().equals("phare"));
            assertThat(e.curation().restore("phare")).isTrue();
            assertThat(e.answerer().ask(q).citations()).anyMatch(c -> c.docId().equals("phare"));
        }
    }

    @Test
    void offTopicQuestionsAbstainAndCiteNothing() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data))) {
            for (String q : List.of("Quelle est la capitale de l'Australie ?", "Who won the 2022 football World Cup?",
                    "What is the recipe for a chocolate cake?")) {
                Answer a = e.answerer().ask(Question.of(q));
                assertThat(a.abstained()).as(q).isTrue();
                assertThat(a.citations()).as(q).isEmpty();
            }
        }
    }

    @Test
    void theFramingFollowsTheQuestionsLanguage() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data))) {
            assertThat(e.answerer().ask(Question.of("Why did Musk leave OpenAI?")).text()).startsWith("According to");
            assertThat(e.answerer().ask(Question.of("Pourquoi Musk a-t-il quitté OpenAI ?")).text()).startsWith("D'après");
            assertThat(e.answerer().ask(Question.of("Quelle est la capitale de l'Australie ?")).text()).startsWith("Le corpus ne le dit pas");
        }
    }

    @Test
    void readerRefusalsNameTheFileAndTheReason() {
        Path fixtures = Path.of("src/test/resources/fixtures");
        assertThatThrownBy(() -> DocumentReader.read(fixtures.resolve("binary.txt"))).hasMessageContaining("binary.txt").hasMessageContaining("binary");
        assertThatThrownBy(() -> DocumentReader.read(fixtures.resolve("empty.txt"))).hasMessageContaining("empty.txt").hasMessageContaining("empty");
        assertThatThrownBy(() -> DocumentReader.read(fixtures.resolve("missing.txt"))).hasMessageContaining("missing.txt").hasMessageContaining("no such file");
        assertThatThrownBy(() -> DocumentReader.read(Path.of("pom.xml"))).hasMessageContaining("pom.xml").hasMessageContaining("unsupported format");
    }

    @Test
    void followUpsAreResolvedFromTheEarlierQuestionInFrenchAndEnglish() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data), false)) {
            e.curation().ingest(new SourceDocument(new DocumentMeta("tram", "Harbourton opens its tram", "The Courier", "",
                    Lang.EN, "2024-05-02", "test:tram"), "text", "Harbourton opened its first tram line in September 2019. "
                    + "The line cost 300 million pounds, most of it paid by the regional government."));
            e.curation().ingest(new SourceDocument(new DocumentMeta("pool", "A new pool for Kingsbridge", "The Courier", "",
                    Lang.EN, "2024-05-03", "test:pool"), "text", "Kingsbridge will open a swimming pool next year. "
                    + "The pool cost 12 million pounds."));
            e.curation().ingest(new SourceDocument(new DocumentMeta("port", "Le port de Valmont s'agrandit", "Le Courrier", "",
                    Lang.FR, "2024-05-04", "test:port"), "text", "Le chantier du port de Valmont est dirigé par l'ingénieure "
                    + "Claire Dumas. Les nouveaux quais seront livrés en 2027."));
            Answer en = e.answerer().ask(new Question("How much did it cost?", List.of("When did Harbourton open its tram line?"), null));
            assertThat(en.abstained()).isFalse();
            assertThat(en.citations().get(0).docId()).isEqualTo("tram");
            assertThat(en.text()).contains("300 million");

            Answer fr = e.answerer().ask(new Question("Et quand seront-ils livrés ?", List.of("Qui dirige le chantier des quais du port de Valmont ?"), null));
            assertThat(fr.abstained()).isFalse();
            assertThat(fr.citations().get(0).docId()).isEqualTo("port");
            assertThat(fr.text()).startsWith("D'après").contains("2027");
        }
    }


    @Test
    void theShortAnswerCitesEachStatementAndItsQuotesAreNumberedInOrder() {
        try (Sourced e = Sourced.open(TestEngines.lexicalOnly(data))) {
            Answer a = e.answerer().ask(Question.of("Why did Musk leave OpenAI?"));
            assertThat(a.text()).contains("[1]").doesNotContain("\n");
            assertThat(a.citations()).extracting(Citation::n).containsExactly(
                    java.util.stream.IntStream.rangeClosed(1, a.citations().size()).boxed().toArray(Integer[]::new));
            // the reason given in 2018 and the attempt to take control are both cited
            assertThat(a.citations()).anySatisfy(c -> assertThat(c.text()).contains("conflit d’intérêts"));
            assertThat(a.citations()).anySatisfy(c -> assertThat(c.text()).contains("prendre le contrôle"));
        }
    }
}
